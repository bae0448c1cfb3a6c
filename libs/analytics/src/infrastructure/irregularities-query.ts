// The clock rules dossiers' histories broke (docs/domain/after-the-deadline.md), as the facts projection
// folded them from the events that recorded them: imported legacy histories, and the acts the law times but
// cannot be refused (a late refusal notice, a late result without apology). Read from the facts rows of the
// agencies in scope; an irregularity counts in the period its act happened in.
import type { QueryRunner } from 'typeorm';

export interface IrregularityRow {
  readonly dossierId: string;
  readonly agencyCode: string;
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly channel: string;
  readonly rule: string;
  readonly at: string;
  readonly limitAt: string | null;
  readonly eventType: string;
}

export async function queryIrregularities(
  runner: QueryRunner,
  bounds: { readonly startMs: number; readonly endMs: number },
  agencyCodes: readonly string[] | undefined,
  rule: string | undefined,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ rows: IrregularityRow[]; total: number; byRule: Record<string, number> }> {
  const params: unknown[] = [new Date(bounds.startMs).toISOString(), new Date(bounds.endMs).toISOString()];
  const where = [
    `f.facts ? 'irregularities'`,
    `(i->>'at')::timestamptz >= $1::timestamptz`,
    `(i->>'at')::timestamptz < $2::timestamptz`,
  ];
  if (agencyCodes !== undefined) {
    params.push(agencyCodes);
    where.push(`f.agency_code = ANY($${params.length}::text[])`);
  }
  const scoped = [...where];
  if (rule !== undefined) {
    params.push(rule);
    where.push(`i->>'rule' = $${params.length}`);
  }
  const from = `analytics_dossier_facts f CROSS JOIN LATERAL jsonb_array_elements(f.facts->'irregularities') i`;
  const counts = (await runner.query(
    `SELECT i->>'rule' AS rule, count(*)::int AS n FROM ${from} WHERE ${scoped.join(' AND ')} GROUP BY 1`,
    params.slice(0, agencyCodes === undefined ? 2 : 3),
  )) as { rule: string; n: number }[];
  const byRule = Object.fromEntries(counts.map((row) => [row.rule, row.n]));
  const total = rule === undefined ? counts.reduce((sum, row) => sum + row.n, 0) : (byRule[rule] ?? 0);
  params.push(page.limit, page.offset);
  const rows = (await runner.query(
    `SELECT f.dossier_id AS "dossierId", f.agency_code AS "agencyCode", f.procedure_code AS "procedureCode",
       f.procedure_version AS "procedureVersion", f.channel, i->>'rule' AS rule, i->>'at' AS at,
       i->>'limitAt' AS "limitAt", i->>'eventType' AS "eventType"
     FROM ${from} WHERE ${where.join(' AND ')}
     ORDER BY (i->>'at')::timestamptz, f.dossier_id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )) as IrregularityRow[];
  return { rows, total, byRule };
}
