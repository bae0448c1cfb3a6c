import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProcedureNotFound } from '../errors';
import { iso, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../procedure-rows';
import type { ProcedureDetails } from '../views';
import { GetProcedureQuery } from './get-procedure.query';

@QueryHandler(GetProcedureQuery)
export class GetProcedureHandler implements IQueryHandler<GetProcedureQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ code }: GetProcedureQuery): Promise<ProcedureDetails> {
    const rows = (await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM procedure_versions WHERE code = $1 ORDER BY version`,
      [code],
    )) as SummaryRow[];
    const drafts = (await this.db.query(
      'SELECT revision, next_version, updated_at FROM procedure_drafts WHERE code = $1',
      [code],
    )) as { revision: number; next_version: number; updated_at: Date }[];
    const draft = drafts[0];
    const latest = rows[rows.length - 1];
    if (latest === undefined) {
      throw new ProcedureNotFound(
        code,
        undefined,
        draft ? `it has only a draft: GET /v1/procedures/drafts/${code}` : undefined,
      );
    }
    return {
      current: toSummary(latest),
      versions: rows.map((r) => ({
        version: r.version,
        status: r.status,
        statutoryDuration: r.statutory_duration,
        committedDuration: r.committed_duration,
        contentHash: r.content_hash,
        publishedAt: iso(r.published_at) ?? '',
        supersededAt: iso(r.superseded_at),
      })),
      openDraft: draft
        ? {
            revision: draft.revision,
            nextVersion: draft.next_version,
            updatedAt: iso(draft.updated_at) ?? '',
          }
        : null,
    };
  }
}
