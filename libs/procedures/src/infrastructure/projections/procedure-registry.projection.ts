// The registry's read models: `procedure_versions` (every published version, frozen) and `procedure_drafts`
// (open drafts). Built from event data only (never the clock), so a rebuild gives identical rows.
import type { QueryRunner } from 'typeorm';
import type { Projection, RecordedEvent } from '@tthc/event-store';
import { workingDays } from '../../domain/duration';
import type { Duration } from '../../domain/definition';
import {
  PROCEDURE_STREAM_TYPE,
  type ProcedureDrafted,
  type ProcedurePublished,
  type ProcedureRetired,
  type RegistryEvent,
} from '../../application/registry-decider';
import { foldText } from '../../application/text-search';

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function draftNames(document: unknown): { vi: string | null; en: string | null; agency: string | null } {
  const doc = (document ?? {}) as { name?: { vi?: unknown; en?: unknown }; agency?: { code?: unknown } };
  return { vi: text(doc.name?.vi), en: text(doc.name?.en), agency: text(doc.agency?.code) };
}

function durationValue(duration: Duration): number | null {
  return duration.unit === 'same-day' ? (workingDays(duration) ?? null) : duration.value;
}

export class ProcedureRegistryProjection implements Projection {
  readonly name = 'procedure-registry';
  readonly streamTypes = [PROCEDURE_STREAM_TYPE];
  readonly tables = ['procedure_versions', 'procedure_drafts'];

  async apply(recorded: RecordedEvent, runner: QueryRunner): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as RegistryEvent;
    const actor = recorded.metadata.actor?.id ?? null;
    switch (event.type) {
      case 'ProcedureDrafted':
      case 'ProcedureDraftUpdated':
        return this.draft(event.data, recorded.occurredAt, actor, runner);
      case 'ProcedurePublished':
        return this.publish(event.data, actor, runner);
      case 'ProcedureRetired':
        return this.retire(event.data, runner);
      default:
        return;
    }
  }

  private async draft(
    data: ProcedureDrafted['data'],
    at: Date,
    actor: string | null,
    runner: QueryRunner,
  ): Promise<void> {
    const names = draftNames(data.document);
    await runner.query(
      `INSERT INTO procedure_drafts (code, revision, next_version, document, source_format, source_text, name_vi,
         name_en, agency_code, created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, COALESCE((SELECT max(version) FROM procedure_versions WHERE code = $1), 0) + 1,
         $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $9, $10)
       ON CONFLICT (code) DO UPDATE SET revision = excluded.revision, document = excluded.document,
         source_format = excluded.source_format, source_text = excluded.source_text, name_vi = excluded.name_vi,
         name_en = excluded.name_en, agency_code = excluded.agency_code, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [
        data.code,
        data.revision,
        JSON.stringify(data.document),
        data.source?.format ?? null,
        data.source?.text ?? null,
        names.vi,
        names.en,
        names.agency,
        at,
        actor,
      ],
    );
  }

  private async publish(
    data: ProcedurePublished['data'],
    actor: string | null,
    runner: QueryRunner,
  ): Promise<void> {
    const d = data.definition;
    await runner.query('DELETE FROM procedure_drafts WHERE code = $1', [data.code]);
    await runner.query(
      `UPDATE procedure_versions SET status = 'superseded', superseded_at = $3
       WHERE code = $1 AND version < $2 AND status = 'published'`,
      [data.code, data.version, data.publishedAt],
    );
    await runner.query(
      `INSERT INTO procedure_versions (code, version, status, name_vi, name_en, field_code, field_name_vi,
         field_name_en, agency_code, agency_name_vi, agency_name_en, agency_level, online_level, statutory_value,
         statutory_unit, committed_value, committed_unit, definition, content_hash, warnings, draft_revision,
         search_text, published_at, published_by)
       VALUES ($1, $2, 'published', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::jsonb, $18,
         $19::jsonb, $20, $21, $22, $23)
       ON CONFLICT (code, version) DO NOTHING`,
      [
        data.code,
        data.version,
        d.name.vi,
        d.name.en,
        d.field.code,
        d.field.name.vi,
        d.field.name.en,
        d.agency.code,
        d.agency.name.vi,
        d.agency.name.en,
        d.agency.level,
        String(d.onlineServiceLevel),
        durationValue(d.statutoryDuration),
        d.statutoryDuration.unit,
        durationValue(d.committedDuration),
        d.committedDuration.unit,
        JSON.stringify(d),
        data.contentHash,
        JSON.stringify(data.warnings),
        data.draftRevision,
        foldText(`${data.code} ${d.name.vi} ${d.name.en}`),
        data.publishedAt,
        actor,
      ],
    );
  }

  private async retire(data: ProcedureRetired['data'], runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM procedure_drafts WHERE code = $1', [data.code]);
    await runner.query(
      `UPDATE procedure_versions SET retired_at = $2, retirement_reason = $3,
         status = CASE WHEN version = $4 THEN 'retired' ELSE status END
       WHERE code = $1`,
      [data.code, data.retiredAt, data.reason, data.version],
    );
  }
}
