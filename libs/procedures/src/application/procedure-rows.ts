// Reading `procedure_versions` and `procedure_drafts` rows into views.
import type { AgencyLevel, Duration } from '../domain/definition';
import type { ProcedureSummary, ProcedureVersionStatus } from './views';

export const SUMMARY_COLUMNS = `code, version, status, name_vi, name_en, field_code, field_name_vi, field_name_en,
  agency_code, agency_name_vi, agency_name_en, agency_level, online_level,
  definition->'statutoryDuration' AS statutory_duration, definition->'committedDuration' AS committed_duration,
  content_hash, published_at, retired_at, superseded_at`;

export interface SummaryRow {
  code: string;
  version: number;
  status: ProcedureVersionStatus;
  name_vi: string;
  name_en: string;
  field_code: string;
  field_name_vi: string;
  field_name_en: string;
  agency_code: string;
  agency_name_vi: string;
  agency_name_en: string;
  agency_level: AgencyLevel;
  online_level: string;
  statutory_duration: Duration;
  committed_duration: Duration;
  content_hash: string;
  published_at: Date;
  retired_at: Date | null;
  superseded_at: Date | null;
}

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** Legacy levels are numbers in definitions (2, 3, 4); the Decree 42/2022 ones are words. */
export function onlineLevel(text: string): string | number {
  return /^\d+$/.test(text) ? Number(text) : text;
}

export function toSummary(r: SummaryRow): ProcedureSummary {
  return {
    code: r.code,
    version: r.version,
    status: r.status,
    name: { vi: r.name_vi, en: r.name_en },
    field: { code: r.field_code, name: { vi: r.field_name_vi, en: r.field_name_en } },
    agency: {
      code: r.agency_code,
      name: { vi: r.agency_name_vi, en: r.agency_name_en },
      level: r.agency_level,
    },
    onlineServiceLevel: onlineLevel(r.online_level),
    statutoryDuration: r.statutory_duration,
    committedDuration: r.committed_duration,
    contentHash: r.content_hash,
    publishedAt: iso(r.published_at) ?? '',
    retiredAt: iso(r.retired_at),
  };
}
