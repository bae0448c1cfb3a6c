/**
 * Accent-insensitive search for Vietnamese names without a database extension: projections store a folded
 * copy of the names (no diacritics, đ → d, lower case) and queries fold the search text the same way, so
 * "hon nhan" finds "hôn nhân". Deterministic, so rebuilt read models are identical.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern for a folded search text, with LIKE's own wildcards escaped. */
export function likePattern(search: string): string {
  return `%${foldText(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
