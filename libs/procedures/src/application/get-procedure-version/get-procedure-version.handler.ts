import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ProcedureDefinition } from '../../domain/definition';
import type { ValidationIssue } from '../../domain/validation-issue';
import { ProcedureNotFound } from '../errors';
import { iso, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../procedure-rows';
import type { ProcedureVersionDetails } from '../views';
import { GetProcedureVersionQuery } from './get-procedure-version.query';

interface VersionRow extends SummaryRow {
  definition: ProcedureDefinition;
  warnings: ValidationIssue[];
  draft_revision: number | null;
  published_by: string | null;
  retirement_reason: string | null;
}

/** Reads one version row; shared with the diagram query. */
export async function readProcedureVersion(
  db: DataSource,
  code: string,
  version: number,
): Promise<ProcedureVersionDetails> {
  const rows = (await db.query(
    `SELECT ${SUMMARY_COLUMNS}, definition, warnings, draft_revision, published_by, retirement_reason
     FROM procedure_versions WHERE code = $1 AND version = $2`,
    [code, version],
  )) as VersionRow[];
  const row = rows[0];
  if (row === undefined) {
    const known = (await db.query('SELECT 1 FROM procedure_versions WHERE code = $1 LIMIT 1', [
      code,
    ])) as unknown[];
    throw new ProcedureNotFound(code, known.length > 0 ? version : undefined);
  }
  return {
    ...toSummary(row),
    definition: row.definition,
    warnings: row.warnings,
    draftRevision: row.draft_revision,
    publishedBy: row.published_by,
    supersededAt: iso(row.superseded_at),
    retirementReason: row.retirement_reason,
  };
}

@QueryHandler(GetProcedureVersionQuery)
export class GetProcedureVersionHandler implements IQueryHandler<GetProcedureVersionQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  execute({ code, version }: GetProcedureVersionQuery): Promise<ProcedureVersionDetails> {
    return readProcedureVersion(this.db, code, version);
  }
}
