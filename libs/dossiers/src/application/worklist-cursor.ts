// Keyset pagination for worklists sorted by due instant (dossiers without one last), then id: the cursor
// is the last item's sort key, so a page never repeats or skips an item when earlier ones change.
export interface WorklistCursor {
  readonly dueAt: string | null;
  readonly id: string;
}

export function encodeCursor(cursor: WorklistCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt, cursor.id])).toString('base64url');
}

/** undefined when the text is not a cursor this API gave out. */
export function decodeCursor(text: string): WorklistCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [dueAt, id] = value as unknown[];
    if (typeof id !== 'string' || id === '') return undefined;
    if (dueAt !== null && (typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt)))) return undefined;
    return { dueAt, id };
  } catch {
    return undefined;
  }
}
