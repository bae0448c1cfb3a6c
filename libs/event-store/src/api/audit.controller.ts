import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditPageDto, AuditQueryDto, type AuditEntryDto } from './audit.dto';
import { AllowRoles, LEGACY_ADMINISTRATOR_ROLE, ROLES } from '@tthc/platform';

interface AuditRow {
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_agency: string | null;
  correlation_id: string | null;
  command_id: string | null;
  imported: boolean;
  occurred_at: Date;
  recorded_at: Date;
  tx: string;
  pos: string;
}

/** Who did what on which dossier or procedure, in log order. Reads the audit-trail projection. */
@ApiTags('audit')
@AllowRoles(ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
@Controller('v1/audit')
export class AuditController {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Trace who did what: events with their actor and correlation id, paginated' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiResponse({
    status: 400,
    description:
      'validation-failed: malformed or unknown query members (a cursor that is not a nextCursor), all listed',
    schema: {
      type: 'object',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string', example: 'https://tthc-engine.dev/problems/validation-failed' },
        title: { type: 'string' },
        status: { type: 'integer', example: 400 },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.streamId) add('stream_id = ?', query.streamId);
    if (query.actorId) add('actor_id = ?', query.actorId);
    if (query.correlationId) add('correlation_id = ?', query.correlationId);
    if (query.cursor) {
      const [tx, pos] = query.cursor.split(':');
      params.push(tx, pos);
      where.push(
        `(transaction_id, global_position) > ($${params.length - 1}::xid8, $${params.length}::bigint)`,
      );
    }
    params.push(limit + 1);
    const rows = (await this.db.query(
      `SELECT event_id, stream_id, stream_type, stream_version, event_type, actor_id, actor_role, actor_agency,
         correlation_id, command_id, imported, occurred_at, recorded_at,
         transaction_id::text AS tx, global_position::text AS pos
       FROM audit_trail
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY transaction_id, global_position LIMIT $${params.length}`,
      params,
    )) as AuditRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > limit && last ? `${last.tx}:${last.pos}` : null,
    };
  }
}

function toEntry(r: AuditRow): AuditEntryDto {
  return {
    eventId: r.event_id,
    streamId: r.stream_id,
    streamType: r.stream_type,
    streamVersion: r.stream_version,
    eventType: r.event_type,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    actorAgency: r.actor_agency,
    correlationId: r.correlation_id,
    commandId: r.command_id,
    imported: r.imported,
    occurredAt: new Date(r.occurred_at).toISOString(),
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}
