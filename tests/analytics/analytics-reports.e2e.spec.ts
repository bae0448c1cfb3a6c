// Analytics end to end (npm run build first): a known history of ten marital status certificates (1.004873 at
// the old commune of Khánh Trung, 000.31.18.H56) imported through POST /v1/imports into the built engine, and
// every figure of the reports checked against values computed by hand below. The history crosses period
// boundaries (31 March → April, April → May), pauses the clock (a supplement, and one still waiting at the end
// of April), spans the 30/4–1/5 holidays and the swapped 2 May, changes the committed time mid-period (version
// 2 cuts 1 working day to 0.5), and has an apology, a withdrawal, a refusal, a refusal at receipt and a dossier
// still open and overdue at the end of April. Khánh Trung was merged into Trung Khánh Vĩnh (000.00.63.H56) on
// 1 July 2025, so today's commune and the province see these 2025 dossiers.
//
// D1 states the legacy level 2 and D6 the legacy level 3 (partial online, below the procedure's full level):
// the import keeps the level each dossier was really submitted at.
//
// Then: rebuilding every projection from zero gives byte-identical reports; the same history through a second
// engine in Kafka mode gives identical reports (all but the log position, which belongs to each database);
// `npm run report` prints the summary.
//
// Hand computation: office hours 07:00–11:30 and 13:30–17:00 (8 working hours a day), WORKING_HOURS mode
// (N whole working days = the same clock time N working days later), committed 1 working day (v2: 0.5 = 4
// working hours), statutory 3. Holidays: 7/4 (Hùng Kings), 30/4, 1/5 and 2/5 (swapped for Saturday 26/4).
import { randomUUID } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  actorHeaders,
  runScript,
  startEngine,
  testKafkaBrokers,
  waitForSamples,
  type EngineProcess,
  scratchDirectory,
} from '@tthc/testing';
import { AGENCY, application, submission, type Json } from '../dossiers/marital-status-fixtures';

const ROOT = resolve(__dirname, '../..');
const ADMIN = actorHeaders({ id: 'admin-mai', role: 'agency-admin', agency: AGENCY });
const ANALYST = actorHeaders({ id: 'analyst-an', role: 'analyst' });
const COUNTER = { id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY };
const SPECIALIST = { id: 'officer-tuan', role: 'specialist', agency: AGENCY };
const LEADER = { id: 'chair-son', role: 'leader', agency: AGENCY };
const CITIZEN = { id: 'citizen-lan', role: 'citizen' };
const PORTAL = { id: 'dvc-portal', role: 'integration' };
const TRUNG_KHANH_VINH = '000.00.63.H56'; // today's merged commune
const BAC_KHANH_VINH = '000.00.62.H56'; // another merged commune: none of these dossiers
const PROVINCE = '000.00.00.H56';

const at = (day: string, time: string) => `${day}T${time}:00+07:00`;

function record(
  externalId: string,
  channel: 'counter' | 'post' | 'online',
  version: number,
  submittedAt: string,
  steps: Json[],
  extra: Json = {},
): Json {
  const { applicant, attachments } = submission();
  return {
    externalId,
    procedureCode: '1.004873',
    procedureVersion: version,
    channel,
    ...(channel === 'online' ? { onlineLevel: 'full' } : {}),
    applicant,
    formData: structuredClone(application),
    attachments,
    submittedAt,
    steps,
    ...extra,
  };
}

const step = (action: string, when: string, actor: Json, fields: Json = {}) => ({
  action,
  at: when,
  actor,
  ...fields,
});
/** transfer, hand-over to signature, approval, result: the specialist's and the leader's part. */
const processing = (
  transfer: string,
  handOver: string,
  approve: string,
  issue: string,
  electronic = false,
) => [
  step('transfer', transfer, COUNTER),
  step('hand-over', handOver, SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }),
  step('approve', approve, LEADER),
  step('issue-result', issue, SPECIALIST, { electronic }),
];

/** Version 1 dossiers (imported before version 2 is published) and version 2 ones. */
const HISTORY_V1: Json[] = [
  // D1: received Mon 31/3 08:00 (due Tue 1/4 08:00, statutory Thu 3/4 08:00); resolved 1/4 07:30: on time by
  // day, early by minute; carried over into April. 7.5 working hours used = 0.9375; 16.5 h before the
  // statutory due = 2.0625. Rated 5.
  record(
    'D1',
    'counter',
    1,
    at('2025-03-31', '07:55'),
    [
      step('receive', at('2025-03-31', '08:00'), COUNTER),
      ...processing(
        at('2025-03-31', '08:30'),
        at('2025-03-31', '10:00'),
        at('2025-03-31', '14:00'),
        at('2025-04-01', '07:30'),
      ),
      step('return-result', at('2025-04-01', '09:00'), COUNTER, { method: 'counter' }),
      step('rate', at('2025-04-04', '10:00'), CITIZEN, { score: 5 }),
    ],
    { onlineLevel: 2 }, // the legacy system's level 2: not online
  ),
  // D2: received Tue 29/4 08:00; 30/4, 1/5, 2/5 off and the weekend, so due Mon 5/5 08:00 (statutory Wed 7/5
  // 08:00); resolved 5/5 10:00: on time by day (late by minute; without the holidays it would be late).
  // 7 + 3 = 10 h used = 1.25; 14 h before the statutory due = 1.75.
  record('D2', 'counter', 1, at('2025-04-29', '07:55'), [
    step('receive', at('2025-04-29', '08:00'), COUNTER),
    ...processing(
      at('2025-04-29', '08:30'),
      at('2025-05-05', '08:30'),
      at('2025-05-05', '09:00'),
      at('2025-05-05', '10:00'),
    ),
    step('return-result', at('2025-05-05', '10:30'), COUNTER, { method: 'counter' }),
  ]),
  // D3: received Wed 2/4 08:00, due Thu 3/4 08:00; the apology at once (exactly 1 working day before the due
  // time), new appointment 10/4; statutory due Tue 8/4 08:00 (7/4 is a holiday); resolved 8/4 09:00: late,
  // with apology. 7 + 8 + 8 + 2 = 25 h = 3.125 used; −1 h = −0.125 against the statutory due.
  record('D3', 'counter', 1, at('2025-04-02', '07:55'), [
    step('receive', at('2025-04-02', '08:00'), COUNTER),
    step('transfer', at('2025-04-02', '08:00'), COUNTER),
    step('apologise', at('2025-04-02', '08:00'), SPECIALIST, {
      reason: 'Chờ xác minh / waiting for a verification',
      newAppointmentAt: at('2025-04-10', '16:00'),
    }),
    step('hand-over', at('2025-04-04', '10:00'), SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }),
    step('approve', at('2025-04-04', '14:00'), LEADER),
    step('issue-result', at('2025-04-08', '09:00'), SPECIALIST),
    step('return-result', at('2025-04-09', '08:00'), COUNTER, { method: 'counter' }),
  ]),
  // D4: by public post, received Thu 3/4 08:00, withdrawn at 10:00.
  record('D4', 'post', 1, at('2025-04-03', '07:30'), [
    step('receive', at('2025-04-03', '08:00'), COUNTER),
    step('transfer', at('2025-04-03', '08:30'), COUNTER),
    step('withdraw', at('2025-04-03', '10:00'), COUNTER, {
      reason: 'Công dân rút hồ sơ / withdrawn by the citizen',
    }),
  ]),
  // D7: received Mon 14/4 08:00 (due Tue 15/4 08:00), supplement asked 14/4 10:00 and handed in at the
  // counter Wed 16/4 10:00: 16 working hours = 2 days paused, so due Thu 17/4 08:00 (statutory Mon 21/4 08:00);
  // resolved 17/4 10:00: on time by day. Net 26 − 16 = 10 h = 1.25, gross 3.25; 14 h = 1.75 before the
  // statutory due; calendar 3 d 2 h gross, 2 days paused. Rated 3.
  record('D7', 'counter', 1, at('2025-04-14', '07:55'), [
    step('receive', at('2025-04-14', '08:00'), COUNTER),
    step('transfer', at('2025-04-14', '08:30'), COUNTER),
    step('request-supplement', at('2025-04-14', '10:00'), SPECIALIST, {
      reason: 'Thiếu giấy tờ / a document is missing',
      missingDocuments: [{ name: 'Bản sao CCCD' }],
    }),
    step('provide-supplement', at('2025-04-16', '10:00'), COUNTER, { channel: 'counter' }),
    step('hand-over', at('2025-04-16', '11:00'), SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }),
    step('approve', at('2025-04-16', '14:00'), LEADER),
    step('issue-result', at('2025-04-17', '10:00'), SPECIALIST),
    step('return-result', at('2025-04-17', '11:00'), COUNTER, { method: 'counter' }),
    step('rate', at('2025-04-18', '10:00'), CITIZEN, { score: 3 }),
  ]),
  // D8: received Mon 28/4 08:00, due Tue 29/4 08:00 (statutory Tue 6/5 08:00): open and overdue at the end of
  // April; resolved 6/5 10:00: late, no apology, never collected. 7 + 8 + 8 + 3 = 26 h = 3.25; −0.25.
  record('D8', 'counter', 1, at('2025-04-28', '07:55'), [
    step('receive', at('2025-04-28', '08:00'), COUNTER),
    ...processing(
      at('2025-04-28', '08:30'),
      at('2025-05-06', '08:00'),
      at('2025-05-06', '09:00'),
      at('2025-05-06', '10:00'),
    ),
  ]),
  // D9: received Mon 28/4 09:00, due 29/4 09:00; supplement asked at 10:00, still waiting at the end of April
  // (not overdue), handed in online on 6/5; refused by the leader on 6/5.
  record('D9', 'counter', 1, at('2025-04-28', '08:55'), [
    step('receive', at('2025-04-28', '09:00'), COUNTER),
    step('transfer', at('2025-04-28', '09:30'), COUNTER),
    step('request-supplement', at('2025-04-28', '10:00'), SPECIALIST, {
      reason: 'Thiếu giấy tờ',
      missingDocuments: [],
    }),
    step('provide-supplement', at('2025-05-06', '09:00'), PORTAL, { channel: 'online' }),
    step('hand-over', at('2025-05-06', '10:00'), SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }),
    step('refuse', at('2025-05-06', '11:00'), LEADER, { reason: 'Không đủ điều kiện / not eligible' }),
  ]),
  // D10: refused at receipt: never received, never counted.
  record('D10', 'counter', 1, at('2025-04-22', '08:00'), [
    step('refuse-receipt', at('2025-04-22', '08:10'), COUNTER, { reason: 'Sai thẩm quyền / wrong agency' }),
  ]),
];

const HISTORY_V2: Json[] = [
  // D5: online, version 2 (committed 0.5 = 4 h): received Tue 15/4 08:00, due 15/4 14:00 (statutory Fri 18/4
  // 08:00), resolved 11:00: on time by day, early by minute. 3 h = 0.375 used; 21 h = 2.625 before the
  // statutory due. Paid online; collected at the counter.
  record(
    'D5',
    'online',
    2,
    at('2025-04-15', '08:00'),
    [
      step('receive', at('2025-04-15', '08:00'), COUNTER),
      ...processing(
        at('2025-04-15', '08:10'),
        at('2025-04-15', '09:00'),
        at('2025-04-15', '10:00'),
        at('2025-04-15', '11:00'),
      ),
      step('return-result', at('2025-04-15', '15:00'), COUNTER, { method: 'counter' }),
    ],
    { paymentReference: 'VNPAY-2025-0415-0001' },
  ),
  // D6: online at the legacy level 3 (partial), version 2: received Wed 16/4 14:00, due Thu 17/4 08:00
  // (statutory Mon 21/4 14:00), resolved 16/4 16:00 with an electronic result: early. 2 h = 0.25; 22 h = 2.75.
  // Never collected.
  record(
    'D6',
    'online',
    2,
    at('2025-04-16', '14:00'),
    [
      step('receive', at('2025-04-16', '14:00'), COUNTER),
      ...processing(
        at('2025-04-16', '14:10'),
        at('2025-04-16', '14:40'),
        at('2025-04-16', '15:00'),
        at('2025-04-16', '16:00'),
        true,
      ),
    ],
    { onlineLevel: 3 },
  ),
];

const ZERO_II06A = {
  carriedOver: 0,
  received: 0,
  receivedOnline: 0,
  receivedOnlineFull: 0,
  receivedOnlinePartial: 0,
  receivedCounterAndPost: 0,
  receivedCounter: 0,
  receivedPost: 0,
  toResolve: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  lateWithApology: 0,
  lateWithoutApology: 0,
  resolvedNotCollected: 0,
  refused: 0,
  withdrawn: 0,
  refusedLate: 0,
  withdrawnLate: 0,
  inProgress: 0,
  inProgressNotYetDue: 0,
  inProgressOverdue: 0,
  inProgressWaitingForCitizen: 0,
};

/** The reports compared across rebuilds and delivery modes. */
const REPORT_PATHS = [
  `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&groupBy=field`,
  `/v1/analytics/ii06a?from=2025-03-01&to=2025-05-31&agency=${PROVINCE}&groupBy=agency&granularity=minute`,
  `/v1/analytics/processing-time?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&groupBy=procedure-version`,
  `/v1/analytics/reform-reduction?from=2025-04-01&to=2025-05-31&agency=${PROVINCE}`,
  `/v1/analytics/time-savings?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&incomePerHour=25000`,
  `/v1/analytics/decision-766?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`,
  `/v1/analytics/activity?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`,
  `/v1/analytics/series?metric=ii06a&bucket=month&cut=cutoff-15&from=2025-03-01&to=2025-05-31&agency=${PROVINCE}`,
  `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&groupBy=field&format=csv&headers=vi-en`,
];

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: Json;
}

async function call(
  engine: EngineProcess,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  type?: string,
): Promise<Answer> {
  const res = await fetch(`${engine.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(type === undefined ? {} : { 'content-type': type }) },
    body,
  });
  const text = await res.text();
  const json =
    res.headers.get('content-type')?.includes('json') === true && text !== ''
      ? (JSON.parse(text) as Json)
      : {};
  return { status: res.status, text, body: json };
}

async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, tries = 600): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (holds(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition never held; last value: ${JSON.stringify(last)}`);
}

/** Publishes version 2 (committed 1 → 0.5 working days), imports the history, waits for the read models. */
async function loadHistory(engine: EngineProcess): Promise<void> {
  await waitForSamples(engine.baseUrl);
  const ndjson = (records: Json[]) => records.map((r) => JSON.stringify(r)).join('\n');
  const first = await call(engine, 'POST', '/v1/imports', ADMIN, ndjson(HISTORY_V1), 'application/x-ndjson');
  expect(first.body).toMatchObject({ imported: HISTORY_V1.length, failed: 0 });
  const yaml = readFileSync(
    resolve(ROOT, 'libs/procedures/samples/marital-status-certificate.yaml'),
    'utf8',
  ).replace(
    'committedDuration: { value: 1, unit: working-days }',
    'committedDuration: { value: 0.5, unit: working-days }',
  );
  const draft = await call(engine, 'POST', '/v1/procedures/drafts', ADMIN, yaml, 'application/yaml');
  expect(draft.status).toBe(201);
  const published = await call(
    engine,
    'POST',
    '/v1/procedures/1.004873/publish',
    ADMIN,
    JSON.stringify({ expectedRevision: draft.body.revision }),
    'application/json',
  );
  expect(published.body).toMatchObject({ version: 2 });
  await eventually(
    () => call(engine, 'GET', '/v1/procedures/1.004873', ADMIN),
    (r) => r.body.current?.version === 2,
  );
  const second = await call(engine, 'POST', '/v1/imports', ADMIN, ndjson(HISTORY_V2), 'application/x-ndjson');
  expect(second.body).toMatchObject({ imported: HISTORY_V2.length, failed: 0 });
  // Every dossier in the read model, and the watermark still for a second.
  let previous = -1;
  await eventually(
    () => call(engine, 'GET', '/v1/analytics/ii06a?from=2025-03-01&to=2025-05-31', ANALYST),
    (r) => {
      const applied = r.body.computedFrom?.eventsApplied as number;
      const stable = applied === previous && r.body.total?.toResolve === 9;
      previous = applied;
      return stable;
    },
  );
}

async function reports(engine: EngineProcess): Promise<string[]> {
  const out: string[] = [];
  for (const path of REPORT_PATHS) {
    const answer = await call(engine, 'GET', path, ANALYST);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    out.push(answer.text);
  }
  return out;
}

/** The log position belongs to one database: two engines fed the same history agree on all else. */
function withoutLogPosition(text: string): string {
  return text.replace(/"lastPosition":\{[^}]*\}/g, '"lastPosition":"…"').replace(/last-position=\S+/g, '');
}

describe('analytics over a known imported history (built engine, embedded mode)', () => {
  let engine: EngineProcess;
  let dataDir: string;
  let embeddedReports: string[];
  const get = async (path: string) => {
    const answer = await call(engine, 'GET', path, ANALYST);
    expect({ path, status: answer.status, detail: answer.body.detail }).toMatchObject({ path, status: 200 });
    return answer.body;
  };

  beforeAll(async () => {
    dataDir = scratchDirectory('tthc-e2e-analytics-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await loadHistory(engine);
    embeddedReports = await reports(engine);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('counts March: D1 received on the 31st and still open (not yet due)', async () => {
    const march = await get(`/v1/analytics/ii06a?from=2025-03-01&to=2025-03-31&agency=${TRUNG_KHANH_VINH}`);
    expect(march.total).toEqual({
      ...ZERO_II06A,
      received: 1,
      receivedCounter: 1,
      receivedCounterAndPost: 1,
      toResolve: 1,
      inProgress: 1,
      inProgressNotYetDue: 1,
    });
  });

  it('counts April (II.06a) exactly as computed by hand, in today’s merged commune', async () => {
    const april = await get(
      `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&groupBy=field`,
    );
    const expected = {
      carriedOver: 1, // D1
      received: 8, // D2 D3 D4 D5 D6 D7 D8 D9 (not D10, refused at receipt)
      receivedOnline: 2,
      receivedOnlineFull: 1, // D5
      receivedOnlinePartial: 1, // D6, submitted at the partial level
      receivedCounterAndPost: 6,
      receivedCounter: 5, // D2 D3 D7 D8 D9
      receivedPost: 1, // D4
      toResolve: 9,
      resolved: 5, // D1 D3 D5 D6 D7
      resolvedEarly: 1, // D6
      resolvedOnTime: 3, // D1 D5 D7 (D7 thanks to the pause)
      resolvedLate: 1, // D3
      lateWithApology: 1, // D3
      lateWithoutApology: 0,
      resolvedNotCollected: 1, // D6
      refused: 0,
      withdrawn: 1, // D4
      refusedLate: 0,
      withdrawnLate: 0, // D4 withdrawn two hours after receipt
      inProgress: 3, // D2 D8 D9
      inProgressNotYetDue: 2, // D2 (due 5/5 after the holidays), D9 (waiting)
      inProgressOverdue: 1, // D8
      inProgressWaitingForCitizen: 1, // D9
    };
    expect(april.total).toEqual(expected);
    expect(april.rows).toEqual([
      { key: 'ho-tich', label: { vi: expect.any(String), en: expect.any(String) }, figures: expected },
    ]);
    expect(april.definition).toMatchObject({ metric: 'ii06a', version: '2' });
    expect(april.computedFrom).toMatchObject({
      projection: 'analytics-dossier-facts',
      eventsApplied: expect.any(Number),
    });
    expect(april.computedFrom.eventsApplied).toBeGreaterThanOrEqual(60);
    expect(april.scope).toMatchObject({
      agency: TRUNG_KHANH_VINH,
      agencies: expect.arrayContaining([AGENCY, TRUNG_KHANH_VINH]),
    });
  });

  it('classifies by the dossier’s own online level: counter and post dossiers have none', async () => {
    const period = `from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`;
    const byLevel = await get(`/v1/analytics/ii06a?${period}&groupBy=online-level`);
    expect((byLevel.rows as Json[]).map((r) => [r.key, r.figures.received])).toEqual([
      ['full', 1], // D5
      ['none', 6], // D2 D3 D4 D7 D8 D9, whatever their procedure offers
      ['partial', 1], // D6
    ]);
    const full = await get(`/v1/analytics/ii06a?${period}&onlineLevel=full`);
    expect(full.total).toMatchObject({ received: 1, receivedOnlineFull: 1, receivedCounter: 0 });
  });

  it('compares to the minute when asked', async () => {
    const april = await get(
      `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${AGENCY}&granularity=minute`,
    );
    // D1 07:30 < 08:00, D5 11:00 < 14:00, D6 early; D7 10:00 > 08:00 late without apology; D3 late with.
    expect(april.total).toMatchObject({
      resolvedEarly: 3,
      resolvedOnTime: 0,
      resolvedLate: 2,
      lateWithApology: 1,
      lateWithoutApology: 1,
    });
  });

  it('carries April’s open dossiers into May', async () => {
    const may = await get(`/v1/analytics/ii06a?from=2025-05-01&to=2025-05-31&agency=${TRUNG_KHANH_VINH}`);
    expect(may.total).toEqual({
      ...ZERO_II06A,
      carriedOver: 3, // D2 D8 D9
      toResolve: 3,
      resolved: 2,
      resolvedOnTime: 1, // D2: 5/5 10:00, due 5/5 08:00
      resolvedLate: 1, // D8
      lateWithoutApology: 1,
      resolvedNotCollected: 1, // D8
      refused: 1, // D9: refused 6/5 11:00, before its deadline (moved by the pause to 7/5 08:00): not late
    });
    const both = await get(`/v1/analytics/ii06a?from=2025-04-01&to=2025-05-31&agency=${PROVINCE}`);
    expect(both.total).toMatchObject({
      carriedOver: 1,
      received: 8,
      resolved: 7,
      resolvedEarly: 1,
      resolvedOnTime: 4,
      resolvedLate: 2,
      refused: 1,
      withdrawn: 1,
      inProgress: 0,
    });
  });

  it('rolls the old commune into today’s units: the province and the merged commune, not another commune', async () => {
    const byAgency = await get(
      `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${PROVINCE}&groupBy=agency`,
    );
    expect(byAgency.rows).toHaveLength(1);
    expect(byAgency.rows[0]).toMatchObject({ key: TRUNG_KHANH_VINH, figures: { toResolve: 9, resolved: 5 } });
    const other = await get(`/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${BAC_KHANH_VINH}`);
    expect(other.total).toEqual(ZERO_II06A);
    const unknown = await call(
      engine,
      'GET',
      '/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=000.99.99.H99',
      ANALYST,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('https://tthc-engine.dev/problems/agency-not-found');
  });

  it('gives processing times gross and net, in working and calendar days', async () => {
    const report = await get(
      `/v1/analytics/processing-time?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`,
    );
    // Resolved in April: D6 0.25, D5 0.375, D1 0.9375, D7 1.25 (gross 3.25), D3 3.125 working days.
    // Calendar: D6 2 h, D5 3 h, D1 23.5 h, D7 74 h (26 h net of 48 h paused), D3 145 h.
    expect(report.total).toEqual({
      count: 5,
      workingNet: { count: 5, mean: 1.1875, median: 0.9375, p90: 2.375 },
      workingGross: { count: 5, mean: 1.5875, median: 0.9375, p90: 3.2 },
      calendarGross: { count: 5, mean: 2.0625, median: 0.9792, p90: 4.8583 },
      calendarNet: { count: 5, mean: 1.6625, median: 0.9792, p90: 4.0583 },
    });
  });

  it('gives the reform reduction per version: 3 → 1 and 3 → 0.5 working days, and the actual times', async () => {
    const report = await get(
      `/v1/analytics/reform-reduction?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`,
    );
    expect(report.rows).toEqual([
      expect.objectContaining({
        procedureCode: '1.004873',
        procedureVersion: 1,
        statutory: { value: 3, unit: 'working-days' },
        committed: { value: 1, unit: 'working-days' },
        reform: { days: 2, percent: 66.67 },
        resolved: 3, // D1 D3 D7: 0.9375, 3.125, 1.25
        actualMeanWorkingDays: 1.7708,
        actualMedianWorkingDays: 1.25,
        actualVsStatutory: { days: 1.2292, percent: 40.97 },
        actualVsCommitted: { days: -0.7708, percent: -77.08 },
      }),
      expect.objectContaining({
        procedureCode: '1.004873',
        procedureVersion: 2,
        committed: { value: 0.5, unit: 'working-days' },
        reform: { days: 2.5, percent: 83.33 },
        resolved: 2, // D5 D6: 0.375, 0.25
        actualMeanWorkingDays: 0.3125,
        actualMedianWorkingDays: 0.3125,
        actualVsStatutory: { days: 2.6875, percent: 89.58 },
        actualVsCommitted: { days: 0.1875, percent: 37.5 },
      }),
    ]);
  });

  it('gives the days saved for citizens with the method and parameters', async () => {
    const report = await get(
      `/v1/analytics/time-savings?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&incomePerHour=25000`,
    );
    expect(report.total).toEqual({
      resolved: 5,
      processingDaysSavedPositive: 9.1875, // 2.0625 + 2.625 + 2.75 + 1.75
      processingDaysSavedNet: 9.0625, // − 0.125 (D3)
      tripsBaseline: 11, // 2 each, D7 3 (one supplement round)
      tripsActual: 8, // D1 2, D3 2, D5 1 (collected), D6 0, D7 3
      tripsAvoided: 3,
      travelDaysSaved: 1.5, // 3 trips × 0.5 day (the procedure's default: none set for Khánh Trung)
      money: 300_000, // 1.5 days × 8 h × 25,000 VND
    });
    expect(report.parameters).toMatchObject({ incomePerHour: 25000, hoursPerWorkingDay: 8 });
    expect(report.method.trips).toContain('baseline = 2 + supplement rounds');
  });

  it('gives the Decision 766 indicators our events support, and names the others', async () => {
    const report = await get(
      `/v1/analytics/decision-766?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`,
    );
    const value = (code: string) => (report.indicators as Json[]).find((i) => i.code === code)?.value;
    // 2.1: D6 early; D1 D5 D7 on time; D4 withdrawn in time; D2 D9 in progress, not yet due: 7 of the 9.
    expect(value('resolved-early-or-on-time-share')).toBe(77.78);
    // 2.2: the dossiers received in April and resolved (whenever): D2 1.25, D3 3.125, D5 0.375, D6 0.25,
    // D7 1.25, D8 3.25 working days.
    expect(value('mean-processing-time:1.004873')).toBe(1.5833);
    expect(value('online-dossier-share')).toBe(25); // 3.3: 2 of 8
    // 3.2: of the 3 procedures Khánh Trung offers online (marital status, birth registration, birth with
    // health insurance), one received a dossier online.
    expect(value('services-with-online-dossiers')).toBe(33.33);
    // 3.6: D5 paid online, of the 6 dossiers charged a fee (counter and post: 10,000 VND; online waived).
    expect(value('online-payment-share')).toBe(16.67);
    expect(value('electronic-result-share')).toBe(12.5); // 4.1: D6, of the 8 received
    expect(value('satisfaction-mean')).toBe(4); // 5 and 3
    expect(value('satisfaction-share')).toBe(50);
    expect((report.unsupported as Json[]).map((u) => u.code)).toEqual(
      expect.arrayContaining(['transparency', 'digitised-share', 'complaints-on-time']),
    );
  });

  it('gives supplements, apologies and who held the clock', async () => {
    const report = await get(
      `/v1/analytics/activity?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}`,
    );
    expect(report.total).toMatchObject({
      receivedWithSupplement: 2, // D7 D9
      supplementRounds: 2,
      dossiersByRounds: { one: 2, two: 0, threeOrMore: 0 },
      apologies: 1, // D3
      atRiskAlerts: 0,
      clockHeld: expect.objectContaining({ citizen: 2, partnerAgency: 0, payment: 0 }), // D7's 2 days paused
    });
  });

  it('gives a series by the 15th–14th cut-off', async () => {
    const report = await get(
      `/v1/analytics/series?metric=ii06a&bucket=month&cut=cutoff-15&from=2025-03-01&to=2025-05-31&agency=${PROVINCE}`,
    );
    const periods = report.periods as Json[];
    expect(periods.map((p) => [p.label, p.from, p.to])).toEqual([
      ['2025-03', '2025-03-01', '2025-03-14'],
      ['2025-04', '2025-03-15', '2025-04-14'],
      ['2025-05', '2025-04-15', '2025-05-14'],
      ['2025-06', '2025-05-15', '2025-05-31'],
    ]);
    // 15/3–14/4: received D1 D3 D4 D7; resolved D1 D3; withdrawn D4; D7 open (waiting until 16/4), not overdue.
    expect(periods[1].figures).toMatchObject({
      carriedOver: 0,
      received: 4,
      resolved: 2,
      withdrawn: 1,
      inProgress: 1,
      inProgressWaitingForCitizen: 1,
    });
    // The same official period asked by name (Decree 09/2019/NĐ-CP Art. 12: 15 March – 14 April).
    const april = await get(`/v1/analytics/ii06a?period=2025-04&cut=cutoff-15&agency=${PROVINCE}`);
    expect(april.total).toEqual(periods[1].figures);
    expect(april.parameters).toMatchObject({
      period: '2025-04',
      cut: 'cutoff-15',
      from: '2025-03-15',
      to: '2025-04-14',
    });
    const quarter = await get(`/v1/analytics/ii06a?period=2025-Q2&cut=cutoff-15&agency=${PROVINCE}`);
    expect(quarter.parameters).toMatchObject({ from: '2025-03-15', to: '2025-06-14' });
    // Not both ways at once, and no cut without a named period (it would change nothing).
    for (const wrong of [
      'period=2025-04&from=2025-04-01&to=2025-04-30',
      'from=2025-04-01&to=2025-04-30&cut=cutoff-15',
      'period=2025-13',
    ]) {
      const refused = await call(engine, 'GET', `/v1/analytics/ii06a?${wrong}`, ANALYST);
      expect({ wrong, status: refused.status }).toEqual({ wrong, status: 400 });
    }
    // 15/4–14/5: carried D7; received D2 D5 D6 D8 D9; resolved D7 D5 D6 D2 D8; refused D9.
    expect(periods[2].figures).toMatchObject({
      carriedOver: 1,
      received: 5,
      resolved: 5,
      refused: 1,
      inProgress: 0,
    });
  });

  it('exports II.06a as CSV and XLSX with the official Vietnamese headers', async () => {
    const csv = await call(
      engine,
      'GET',
      `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&agency=${TRUNG_KHANH_VINH}&groupBy=field&format=csv`,
      ANALYST,
    );
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('Số hồ sơ nhận giải quyết – Số kỳ trước chuyển qua');
    expect(lines[0]).toContain('Số hồ sơ đang giải quyết – Quá hạn');
    // Dealt with: 5 results + D4 withdrawn (on time) = 6 = 1 early + 4 on time + 1 late; 9 = 6 + 3 in progress.
    expect(lines[2]).toMatch(/^,Tổng cộng,9,1,2,6,6,1,4,1,3,2,1,/);
    const english = await call(
      engine,
      'GET',
      `/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&format=csv&headers=vi-en`,
      ANALYST,
    );
    expect(english.text).toContain('Số kỳ trước chuyển qua / Carried over');
    const res = await fetch(
      `${engine.baseUrl}/v1/analytics/ii06a?from=2025-04-01&to=2025-04-30&groupBy=field&format=xlsx`,
      { headers: ANALYST },
    );
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('x-metric-definition')).toBe('ii06a; version=2');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container
  });

  it('prints the reform report with npm run report', async () => {
    const run = await runScript(
      'dist/apps/engine/src/cli/report.js',
      ['--agency', TRUNG_KHANH_VINH, '--from', '2025-04-01', '--to', '2025-04-30'],
      { DATA_DIR: dataDir },
    );
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('BÁO CÁO KẾT QUẢ CẢI CÁCH THỦ TỤC HÀNH CHÍNH');
    expect(run.stdout).toMatch(/Kỳ trước chuyển qua \/ Carried over \.+ +1\n/);
    expect(run.stdout).toMatch(/trước hạn \/ early \.+ +1 +20\.00%/);
    expect(run.stdout).toMatch(/quá hạn \/ overdue \.+ +1\n/);
    expect(run.stdout).toMatch(/1\.004873 v2 .* 83\.33/);
    // The official reporting period by name: April under Decree 09/2019/NĐ-CP Art. 12 is 15/3 – 14/4.
    const official = await runScript(
      'dist/apps/engine/src/cli/report.js',
      ['--agency', PROVINCE, '--period', '2025-04', '--cut', 'cutoff-15'],
      { DATA_DIR: dataDir },
    );
    expect({ code: official.code, stderr: official.stderr }).toMatchObject({ code: 0 });
    expect(official.stdout).toContain('Kỳ báo cáo / Period: 15/03/2025 – 14/04/2025 (2025-04, chốt số liệu');
    expect(official.stdout).toMatch(/Mới tiếp nhận \/ Newly received \.+ +4\n/); // D1 D3 D4 D7
    const help = await runScript('dist/apps/engine/src/cli/report.js', ['--help'], { DATA_DIR: dataDir });
    expect(help.stdout).toContain(
      'Usage: npm run report -- --agency <code> --from YYYY-MM-DD --to YYYY-MM-DD',
    );
  });

  it('gives byte-identical reports after rebuilding every projection from zero', async () => {
    const rebuilt = await runScript('dist/apps/engine/src/cli/rebuild-projections.js', ['--all'], {
      DATA_DIR: dataDir,
    });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('analytics-dossier-facts: rebuilt from');
    await waitForSamples(engine.baseUrl);
    expect(await reports(engine)).toEqual(embeddedReports);
  });

  const brokers = testKafkaBrokers();
  (brokers === undefined ? it.skip : it)(
    'gives identical reports when the same history goes through Kafka mode',
    async () => {
      const kafkaDir = scratchDirectory('tthc-e2e-analytics-kafka-');
      chmodSync(kafkaDir, 0o755);
      const prefix = `an${randomUUID().slice(0, 8)}`;
      const kafka = await startEngine({
        DATA_DIR: kafkaDir,
        KAFKA_BROKERS: (brokers ?? []).join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
        KAFKA_TOPIC_PARTITIONS: '3',
        POLL_INTERVAL_MS: '200',
        LOG_LEVEL: 'warn',
      });
      try {
        await loadHistory(kafka);
        const viaKafka = await reports(kafka);
        expect(viaKafka.map(withoutLogPosition)).toEqual(embeddedReports.map(withoutLogPosition));
      } finally {
        await kafka.stop();
      }
    },
  );
});
