// Agency roll-up over the time-versioned directory of libs/procedures (the `agencies` read model): an
// agency's scope is itself, every agency under it (parent links, at any date) and every agency it succeeded
// (successor links of agencies ended by a reform), recursively. So the province holds the abolished district
// and its old communes, a merged commune holds the communes merged into it, and a 2019 dossier of Khánh
// Trung rolls up into today's Trung Khánh Vĩnh. The directory is read as it is when the report runs.
import type { QueryRunner } from 'typeorm';
import { AnalyticsAgencyNotFound } from './errors';

export interface AgencyScope {
  readonly code: string;
  readonly nameVi: string | null;
  readonly nameEn: string | null;
  /** Every agency code whose dossiers count, sorted. */
  readonly codes: readonly string[];
}

export async function agencyScope(runner: QueryRunner, code: string): Promise<AgencyScope> {
  const rows = (await runner.query(
    `WITH RECURSIVE scope(code) AS (
       SELECT code FROM agencies WHERE code = $1
       UNION
       SELECT a.code FROM agencies a JOIN scope s ON a.parent_code = s.code OR a.successor_code = s.code
     )
     SELECT s.code, a.name_vi, a.name_en FROM scope s JOIN agencies a ON a.code = s.code ORDER BY s.code`,
    [code],
  )) as { code: string; name_vi: string; name_en: string }[];
  const self = rows.find((row) => row.code === code);
  if (self !== undefined) {
    return { code, nameVi: self.name_vi, nameEn: self.name_en, codes: rows.map((row) => row.code) };
  }
  // An agency outside the directory (e.g. a partner's code on imported dossiers) is its own scope.
  const known = (await runner.query('SELECT 1 FROM analytics_dossier_facts WHERE agency_code = $1 LIMIT 1', [
    code,
  ])) as unknown[];
  if (known.length === 0) throw new AnalyticsAgencyNotFound(code);
  return { code, nameVi: null, nameEn: null, codes: [code] };
}

export interface CurrentAgency {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
}

/** Each agency → the agency that carries its tasks today (following successor links to the end). */
export async function currentAgencies(runner: QueryRunner): Promise<Map<string, CurrentAgency>> {
  const rows = (await runner.query(
    'SELECT code, successor_code, name_vi, name_en FROM agencies ORDER BY code',
  )) as { code: string; successor_code: string | null; name_vi: string; name_en: string }[];
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const out = new Map<string, CurrentAgency>();
  for (const row of rows) {
    let current = row;
    const seen = new Set<string>();
    while (current.successor_code !== null && byCode.has(current.successor_code) && !seen.has(current.code)) {
      seen.add(current.code);
      current = byCode.get(current.successor_code)!;
    }
    out.set(row.code, { code: current.code, nameVi: current.name_vi, nameEn: current.name_en });
  }
  return out;
}
