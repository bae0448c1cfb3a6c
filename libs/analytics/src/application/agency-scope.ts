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

/**
 * The rows of a unit's drill-down: each of its direct sub-units valid on `on` (the period's last day), with
 * everything that sub-unit rolls up (agencyScope's rule), and a row for the unit's own dossiers: those of
 * the unit itself and of any agency in its scope under no such sub-unit (e.g. a dissolved district whose
 * successor is the province). Every agency of the scope is in exactly one row, so the rows add up to the
 * unit's figures. An agency reached from two sub-units (its parent one, its successor another) counts in the
 * first of them in code order.
 */
export interface SubUnitRollUp {
  /** The unit's code: the key of its own row. */
  readonly own: string;
  /** Agency code → the key of the row its dossiers count in (a sub-unit's code, or `own`). */
  readonly rowOf: ReadonlyMap<string, string>;
  /** Row key → its label: the sub-unit's name, or the unit's name marked as its own dossiers. */
  readonly labels: ReadonlyMap<string, { readonly vi: string | null; readonly en: string | null }>;
}

export async function subUnitRollUp(
  runner: QueryRunner,
  scope: AgencyScope,
  on: string,
): Promise<SubUnitRollUp> {
  const rows = (await runner.query(
    `WITH RECURSIVE children AS (
       SELECT code, name_vi, name_en FROM agencies
        WHERE parent_code = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
     ), under(root, code) AS (
       SELECT code, code FROM children
       UNION
       SELECT u.root, a.code FROM agencies a JOIN under u ON a.parent_code = u.code OR a.successor_code = u.code
     )
     SELECT u.root, u.code, c.name_vi, c.name_en FROM under u JOIN children c ON c.code = u.root
     ORDER BY u.code, u.root`,
    [scope.code, on],
  )) as { root: string; code: string; name_vi: string; name_en: string }[];
  const inScope = new Set(scope.codes);
  const rowOf = new Map<string, string>();
  const labels = new Map<string, { vi: string | null; en: string | null }>([
    [
      scope.code,
      {
        vi: `${scope.nameVi ?? scope.code} – hồ sơ do chính đơn vị tiếp nhận`,
        en: `${scope.nameEn ?? scope.code} – dossiers received by the unit itself`,
      },
    ],
  ]);
  for (const row of rows) {
    labels.set(row.root, { vi: row.name_vi, en: row.name_en });
    if (inScope.has(row.code) && row.code !== scope.code && !rowOf.has(row.code))
      rowOf.set(row.code, row.root);
  }
  for (const code of scope.codes) if (!rowOf.has(code)) rowOf.set(code, scope.code);
  return { own: scope.code, rowOf, labels };
}
