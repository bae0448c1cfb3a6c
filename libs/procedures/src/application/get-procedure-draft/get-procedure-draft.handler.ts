import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DefinitionFormat } from '../../domain/parse';
import { ProcedureNotFound } from '../errors';
import {
  DRAFT_SUMMARY_COLUMNS,
  toDraftSummary,
  type DraftSummaryRow,
} from '../list-procedure-drafts/list-procedure-drafts.handler';
import { checkDefinition } from '../registry-decider';
import type { DraftDetails } from '../views';
import { GetProcedureDraftQuery } from './get-procedure-draft.query';

interface DraftRow extends DraftSummaryRow {
  document: unknown;
  source_format: DefinitionFormat | null;
  source_text: string | null;
}

@QueryHandler(GetProcedureDraftQuery)
export class GetProcedureDraftHandler implements IQueryHandler<GetProcedureDraftQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ code }: GetProcedureDraftQuery): Promise<DraftDetails> {
    const rows = (await this.db.query(
      `SELECT ${DRAFT_SUMMARY_COLUMNS}, document, source_format, source_text FROM procedure_drafts WHERE code = $1`,
      [code],
    )) as DraftRow[];
    const row = rows[0];
    if (row === undefined) throw new ProcedureNotFound(code, undefined, 'no open draft has that code.');
    const source =
      row.source_format !== null && row.source_text !== null
        ? { format: row.source_format, text: row.source_text }
        : null;
    const check = checkDefinition(row.document, source);
    return {
      ...toDraftSummary(row),
      document: row.document,
      source,
      validation: { valid: check.ok, errors: check.ok ? [] : check.errors, warnings: check.warnings },
    };
  }
}
