// Dossier codes through the real command path against real PostgreSQL: concurrent receipts at one unit on one
// day get distinct consecutive numbers, a receipt that is refused or rolled back gives its number back, an
// online dossier carries its submission date, and retries with an Idempotency-Key draw nothing.
import { randomUUID } from 'node:crypto';
import { CommandIdReused, type PostgresEventStore, type Queryable } from '@tthc/event-store';
import type { TestDatabase } from '@tthc/testing';
import { CalendarYearMissing, localInstant } from '../domain/calendar';
import { DossierActionNotAllowed, type DossierActor } from '../domain/dossier';
import { applicant, maritalStatusApplication } from '../domain/dossier/testing/fixtures';
import type { DossierCodeKey } from '../application/dossier-code-allocation';
import { DossierCommandPath, type DossierRequestContext } from '../application/dossier-command-path';
import { IdempotencyKeyRequired } from '../application/errors';
import { PerformDossierActionCommand } from '../application/perform-dossier-action/perform-dossier-action.command';
import { PerformDossierActionHandler } from '../application/perform-dossier-action/perform-dossier-action.handler';
import type { DossierCodeAllocator } from '../application/ports';
import { SubmitDossierCommand, type Submission } from '../application/submit-dossier/submit-dossier.command';
import { SubmitDossierHandler } from '../application/submit-dossier/submit-dossier.handler';
import { SqlDossierContextLoader } from './dossier-context-loader';
import { PostgresDossierCodeAllocator } from './dossier-code-sequence';
import { createDossierTestDatabase } from './testing/dossier-database';
import { testPersonalDataProtection } from './testing/personal-data';

const UNIT = '000.31.18.H56';
const counter: DossierActor = { id: 'officer-hoa', role: 'receiving-officer', agency: UNIT };
const portal: DossierActor = { id: 'portal', role: 'integration' };
const request = (actor: DossierActor, commandId?: string): DossierRequestContext => ({
  actor,
  correlationId: 'int-test',
  ...(commandId === undefined ? {} : { commandId }),
});
const submission = (overrides: Partial<Submission> = {}): Submission => ({
  procedureCode: '1.004873',
  channel: 'counter',
  applicant,
  formData: maritalStatusApplication,
  ...overrides,
});

describe('dossier codes', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let now = localInstant('2026-03-10', '09:00');
  const clock = () => now;
  let submit: SubmitDossierHandler;
  let allocator: DossierCodeAllocator;
  let act: PerformDossierActionHandler;

  const newDossier = async (overrides: Partial<Submission> = {}, key?: string) =>
    (await submit.execute(new SubmitDossierCommand(submission(overrides), request(portal, key)))).result;
  const receive = (dossierId: string, key?: string) =>
    act.execute(
      new PerformDossierActionCommand(dossierId, { type: 'ReceiveDossier' }, request(counter, key)),
    );
  const lastNumber = async (localDate: string) =>
    (
      (await db.dataSource.query(
        'SELECT last FROM dossier_code_sequences WHERE unit_code = $1 AND local_date = $2',
        [UNIT, localDate],
      )) as { last: number }[]
    )[0]?.last;

  beforeAll(async () => {
    ({ db, store } = await createDossierTestDatabase());
    const loader = new SqlDossierContextLoader(db.dataSource);
    const path = new DossierCommandPath(store, testPersonalDataProtection(db.dataSource));
    const real = new PostgresDossierCodeAllocator();
    // Lets a test make the receipt fail after it drew its number, as a crash before the commit would.
    allocator = { next: (transaction, key) => real.next(transaction, key) };
    submit = new SubmitDossierHandler(path, loader, clock);
    act = new PerformDossierActionHandler(path, loader, allocator, clock);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives 20 concurrent receipts at one unit on one day 20 distinct consecutive codes', async () => {
    const dossiers = [];
    for (let i = 0; i < 20; i++) dossiers.push(await newDossier());
    const outcomes = await Promise.all(dossiers.map((d) => receive(d.dossierId)));
    const codes = outcomes.map((o) => o.result.code).sort();
    expect(codes).toEqual(
      Array.from({ length: 20 }, (_, i) => `${UNIT}-260310-${String(i + 1).padStart(4, '0')}`),
    );
    // Each code is in exactly one committed DossierReceived event.
    const recorded = (await db.dataSource.query(
      `SELECT data->>'dossierCode' AS code FROM events WHERE event_type = 'DossierReceived' ORDER BY 1`,
    )) as { code: string }[];
    expect(recorded.map((r) => r.code)).toEqual(codes);
    expect(await lastNumber('2026-03-10')).toBe(20);
  });

  it('draws no number for a receipt the workflow refuses', async () => {
    const dossier = await newDossier();
    await expect(
      act.execute(
        new PerformDossierActionCommand(
          dossier.dossierId,
          { type: 'ReceiveDossier' },
          request({ id: 'x', role: 'specialist', agency: UNIT }),
        ),
      ),
    ).rejects.toThrow(DossierActionNotAllowed);
    expect(await lastNumber('2026-03-10')).toBe(20);
    expect((await receive(dossier.dossierId)).result.code).toBe(`${UNIT}-260310-0021`);
  });

  it('gives the number back when the receipt’s transaction rolls back after drawing it', async () => {
    const dossier = await newDossier();
    const next = allocator.next;
    allocator.next = async (transaction: Queryable, key: DossierCodeKey) => {
      const n = await next(transaction, key);
      expect(n).toBe(22);
      throw new Error('crash before the commit');
    };
    await expect(receive(dossier.dossierId)).rejects.toThrow('crash before the commit');
    allocator.next = next;
    expect(await lastNumber('2026-03-10')).toBe(21);
    expect((await receive(dossier.dossierId)).result.code).toBe(`${UNIT}-260310-0022`);
  });

  it('answers a retried receipt from the stored answer, without drawing again', async () => {
    const dossier = await newDossier();
    const key = randomUUID();
    const first = await receive(dossier.dossierId, key);
    const again = await receive(dossier.dossierId, key);
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await lastNumber('2026-03-10')).toBe(23);
  });

  it('dates an online dossier by its submission, and counts each local day on its own', async () => {
    now = localInstant('2026-03-08', '22:30'); // Sunday night, online
    const online = await newDossier({ channel: 'online' }, randomUUID());
    now = localInstant('2026-03-09', '08:00'); // accepted Monday morning
    const { result } = await receive(online.dossierId);
    expect(result).toMatchObject({
      code: `${UNIT}-260308-0001`,
      receivedAt: localInstant('2026-03-08', '22:30').toISOString(),
      // The clock starts at Monday's opening in Khánh Hòa (07:00, from the agency directory, not the default
      // 07:30): one working day later is Monday's closing time.
      appointmentLocal: '17:00 09/03/2026',
    });
    expect(await lastNumber('2026-03-10')).toBe(23);
    now = localInstant('2026-03-10', '09:00');
  });

  it('refuses a receipt whose deadline needs a year no calendar can be had for, drawing no number', async () => {
    // Any year from 2007 to 2099 has at least a provisional calendar; 2100, where this deadline falls, has none.
    now = localInstant('2099-12-31', '09:00');
    const dossier = await newDossier();
    await expect(receive(dossier.dossierId)).rejects.toThrow(CalendarYearMissing);
    expect(await lastNumber('2099-12-31')).toBeUndefined();
    now = localInstant('2026-03-10', '09:00');
  });

  it('needs an Idempotency-Key online; one key, one dossier, even when sent twice at once', async () => {
    await expect(newDossier({ channel: 'online' })).rejects.toThrow(IdempotencyKeyRequired);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      newDossier({ channel: 'online' }, key),
      newDossier({ channel: 'online' }, key),
    ]);
    expect(a).toEqual(b);
    await expect(newDossier({ channel: 'online', paymentReference: 'other' }, key)).rejects.toThrow(
      CommandIdReused,
    );
    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE metadata->>'commandId' = $1`,
      [key],
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it('records the actor, correlation, agency and procedure in every event’s metadata', async () => {
    const dossier = await newDossier();
    const [event] = await store.readStream(`dossier-${dossier.dossierId}`);
    expect(event.metadata).toMatchObject({
      actor: portal,
      correlationId: 'int-test',
      agencyCode: UNIT,
      procedureCode: '1.004873',
      procedureVersion: 1,
    });
    expect(event.occurredAt).toEqual(now);
  });
});
