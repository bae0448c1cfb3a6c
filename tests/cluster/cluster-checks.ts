// What the cluster tests read from PostgreSQL to judge a run: whether every projection has applied
// every event, the read models as comparable text, an independent witness of the order in which each
// dossier's events were applied, and the load that the tests put on the cluster through its balancer.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Projection } from '@tthc/event-store';
import { actorHeaders } from '@tthc/testing';
import { ALL_PROJECTIONS } from '../../apps/engine/src/composition';
import {
  AGENCY,
  application,
  COUNTER,
  LEADER,
  PORTAL,
  SPECIALIST,
  submission,
  type Json,
} from '../dossiers/marital-status-fixtures';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function allProjections(): Projection[] {
  return ALL_PROJECTIONS.map((P) => new P());
}

/** Streams whose last event a projection has not applied yet, per projection (empty when caught up). */
export async function streamsBehind(db: DataSource): Promise<Record<string, number>> {
  const behind: Record<string, number> = {};
  for (const p of allProjections()) {
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n
       FROM (SELECT stream_id, max(stream_version) AS v FROM events WHERE stream_type = ANY($1::text[])
             GROUP BY stream_id) e
       LEFT JOIN projection_stream_versions p ON p.projection = $2 AND p.stream_id = e.stream_id
       WHERE p.version IS DISTINCT FROM e.v`,
      [p.streamTypes, p.name],
    )) as { n: number }[];
    if (n > 0) behind[p.name] = n;
  }
  return behind;
}

export async function untilCaughtUp(db: DataSource, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = await streamsBehind(db);
    if (Object.keys(behind).length === 0) return;
    if (Date.now() > deadline) throw new Error(`projections still behind: ${JSON.stringify(behind)}`);
    await sleep(250);
  }
}

/**
 * Applications done so far, summed over projections: stream versions are applied one after another
 * from 1, so a stream at version v has had v events applied.
 */
export async function applicationsDone(db: DataSource): Promise<number> {
  const [{ n }] = (await db.query(
    'SELECT coalesce(sum(version), 0)::bigint AS n FROM projection_stream_versions',
  )) as { n: string }[];
  return Number(n);
}

/** Applications a complete set of read models holds: each projection applies each event it reads once. */
export async function applicationsExpected(db: DataSource): Promise<number> {
  let total = 0;
  for (const p of allProjections()) {
    const [{ n }] = (await db.query(
      'SELECT count(*)::int AS n FROM events WHERE stream_type = ANY($1::text[])',
      [p.streamTypes],
    )) as { n: number }[];
    total += n;
  }
  return total;
}

/** Every row of every read model as sorted JSON text, table by table. */
export async function readModelSnapshot(db: DataSource): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const p of allProjections()) {
    for (const table of p.tables) {
      const rows = (await db.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`)) as {
        row: string;
      }[];
      snapshot[table] = rows.map((r) => r.row);
    }
  }
  return snapshot;
}

/** Empties every read model, its stream versions and its checkpoints, as a rebuild does first. */
export async function emptyReadModels(db: DataSource): Promise<void> {
  for (const p of allProjections()) {
    for (const table of p.tables) await db.query(`TRUNCATE TABLE ${table}`);
  }
  await db.query('DELETE FROM projection_stream_versions');
  await db.query('DELETE FROM subscription_checkpoints');
}

export interface OrderViolation {
  readonly table: string;
  readonly stream: string;
  readonly version: number;
  readonly problem: string;
}

/**
 * The order in which each dossier's events were applied, witnessed by PostgreSQL itself: a row's xmin
 * is the id of the transaction that inserted it, and ids are handed out in the order transactions
 * first write. A later event of a dossier applied by an earlier transaction shows as a smaller xmin
 * than its predecessor's; a missing or doubled event shows as a version out of sequence. Read before
 * any rebuild (a rebuild inserts the rows anew).
 */
export async function orderViolations(db: DataSource): Promise<OrderViolation[]> {
  const check = async (table: string, stream: string, where: string): Promise<OrderViolation[]> => {
    const rows = (await db.query(
      `SELECT stream, stream_version AS version,
              CASE WHEN stream_version <> position THEN 'version out of sequence'
                   ELSE 'applied by an earlier transaction than its predecessor' END AS problem
       FROM (SELECT ${stream} AS stream, stream_version, xmin::text::bigint AS tx,
                    row_number() OVER w AS position, lag(xmin::text::bigint) OVER w AS previous_tx
             FROM ${table} ${where}
             WINDOW w AS (PARTITION BY ${stream} ORDER BY stream_version)) x
       WHERE stream_version <> position OR tx < previous_tx`,
    )) as { stream: string; version: number; problem: string }[];
    return rows.map((r) => ({ table, ...r }));
  };
  return [
    ...(await check('dossier_timeline', 'dossier_id', '')),
    ...(await check('audit_trail', 'stream_id', `WHERE stream_type = 'dossier'`)),
  ];
}

/** Dossiers (per stream) whose read-model view does not stand at the stream's last version. */
export async function viewsBehindTheirStreams(db: DataSource): Promise<number> {
  const [{ n }] = (await db.query(
    `SELECT count(*)::int AS n
     FROM (SELECT stream_id, max(stream_version) AS v FROM events WHERE stream_type = 'dossier' GROUP BY stream_id) e
     LEFT JOIN dossier_views d ON 'dossier-' || d.id::text = e.stream_id
     WHERE d.version IS DISTINCT FROM e.v`,
  )) as { n: number }[];
  return n;
}

/** A client of the cluster's load balancer. */
export function clusterClient(baseUrl: string) {
  return async (method: string, path: string, headers: Record<string, string>, json?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? {} : JSON.parse(text)) as Json };
  };
}

/** The one-stop steps that walk a submitted marital status certificate to a rated result. */
export const LIFECYCLE_STEPS: [string, Record<string, string>, Json][] = [
  ['receive', COUNTER, {}],
  ['transfer', COUNTER, {}],
  ['hand-over', SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }],
  ['approve', LEADER, {}],
  ['issue-result', SPECIALIST, { electronic: true }],
  ['return-result', COUNTER, { method: 'online' }],
  // The citizen's rating comes through the portal that submitted the dossier (its integration owns it).
  ['rate', PORTAL, { score: 5 }],
];

/** Submits one dossier and walks it through the first `steps` actions; each answer must be a success. */
export async function walkDossier(baseUrl: string, steps = LIFECYCLE_STEPS.length): Promise<string> {
  const call = clusterClient(baseUrl);
  const submitted = await call(
    'POST',
    '/v1/dossiers',
    { ...PORTAL, 'idempotency-key': randomUUID() },
    submission(),
  );
  if (submitted.status !== 201)
    throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
  const id = submitted.body.dossierId as string;
  for (const [action, headers, json] of LIFECYCLE_STEPS.slice(0, steps)) {
    const answer = await call('POST', `/v1/dossiers/${id}/actions/${action}`, headers, json);
    if (answer.status !== 200) {
      throw new Error(`${action} of ${id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }
  return id;
}

const ADMIN = actorHeaders({ id: 'admin-mai', role: 'agency-admin', agency: AGENCY });

/** Past dossiers for POST /v1/imports: a complete certificate handled on a working day of 2025. */
export function pastDossiers(prefix: string, count: number): Json[] {
  const { procedureCode, channel, onlineLevel, applicant, attachments } = submission();
  const officer = (id: string, role: string) => ({ id, role, agency: AGENCY });
  const days = ['2025-10-07', '2025-10-08', '2025-10-14', '2025-10-15', '2025-10-21', '2025-10-22'];
  return Array.from({ length: count }, (_, i) => {
    const day = days[i % days.length];
    const next = `2025-10-${String(Number(day.slice(8)) + 1).padStart(2, '0')}`;
    const at = (d: string, time: string) => `${d}T${time}:00+07:00`;
    return {
      externalId: `${prefix}-${i}`,
      procedureCode,
      channel,
      onlineLevel,
      applicant,
      formData: structuredClone(application),
      attachments,
      submittedAt: at(day, '07:45'),
      steps: [
        { action: 'receive', at: at(day, '08:10'), actor: officer('officer-hoa', 'receiving-officer') },
        { action: 'transfer', at: at(day, '08:30'), actor: officer('officer-hoa', 'receiving-officer') },
        {
          action: 'hand-over',
          event: 'SUBMIT_FOR_SIGNATURE',
          at: at(day, '10:00'),
          actor: officer('officer-tuan', 'specialist'),
        },
        { action: 'approve', at: at(day, '14:00'), actor: officer('chair-son', 'leader') },
        {
          action: 'issue-result',
          electronic: true,
          at: at(day, '15:00'),
          actor: officer('officer-tuan', 'specialist'),
        },
        {
          action: 'return-result',
          method: 'online',
          at: at(next, '09:00'),
          actor: officer('officer-hoa', 'receiving-officer'),
        },
      ],
    };
  });
}

/** Imports past dossiers through the balancer in bodies well under the apps' 1 MiB limit. */
export async function importDossiers(baseUrl: string, records: Json[], perRequest = 150): Promise<number> {
  let imported = 0;
  for (let i = 0; i < records.length; i += perRequest) {
    const body = records
      .slice(i, i + perRequest)
      .map((r) => JSON.stringify(r))
      .join('\n');
    const res = await fetch(`${baseUrl}/v1/imports`, {
      method: 'POST',
      headers: { ...ADMIN, 'content-type': 'application/x-ndjson' },
      body,
    });
    const answer = (await res.json()) as Json;
    if (res.status !== 200 || answer.failed !== 0) {
      throw new Error(`import answered ${res.status}: ${JSON.stringify(answer).slice(0, 2000)}`);
    }
    imported += answer.imported as number;
  }
  return imported;
}
