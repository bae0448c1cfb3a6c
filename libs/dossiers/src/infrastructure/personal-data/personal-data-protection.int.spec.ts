import { randomBytes, randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@tthc/event-store';
import {
  EventStore1763780000000,
  PostgresEventStore,
  queryStatement,
  withTransaction,
} from '@tthc/event-store';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { ERASED_APPLICANT, presentApplicant } from '../../application/personal-data';
import { ApplicantKeys1763780000520 } from '../migrations/1763780000520-applicant-keys';
import { ApplicantKeyring } from './applicant-keyring';
import { KEY_BYTES } from './personal-data-cipher';
import { isSealedField, PersonalDataProtection } from './personal-data-protection';

const applicant = {
  name: 'Nguyễn Thị Lan',
  nationalId: '056195000123',
  phone: '0905 123 456',
  email: 'lan.nguyen@example.vn',
  address: 'Thôn Suối Cá, xã Khánh Trung, tỉnh Khánh Hòa',
};
const formData = { applicant: { fullName: 'Nguyễn Thị Lan', personalId: '056195000123' } };
const OFFICIAL = { id: 'officer-1', role: 'receiving-officer', agency: '000.31.18.H56' };

/** A recorded event as the store would give it back, from what was appended. */
function recorded(streamId: string, event: NewEvent, version: number): RecordedEvent {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: event.metadata,
    streamId,
    streamType: 'dossier',
    streamVersion: version,
    occurredAt: event.occurredAt,
    recordedAt: event.occurredAt,
    logPosition: { transactionId: '1', position: String(version) },
  };
}

function submitted(dossierId: string, who = applicant): NewEvent {
  return {
    type: 'DossierSubmitted',
    data: {
      dossierId,
      procedureCode: '1.004873',
      agencyCode: '000.31.18.H56',
      channel: 'online',
      applicant: who,
      formData,
    },
    metadata: {},
    occurredAt: new Date('2026-03-02T02:00:00Z'),
  };
}

describe('personal data sealed in dossier events, with crypto-shredding (real PostgreSQL)', () => {
  let db: TestDatabase;
  let keyring: ApplicantKeyring;
  let protection: PersonalDataProtection;

  beforeAll(async () => {
    db = await createTestDatabase([EventStore1763780000000, ApplicantKeys1763780000520]);
    keyring = new ApplicantKeyring(db.dataSource, randomBytes(KEY_BYTES));
    protection = new PersonalDataProtection(keyring);
  });
  afterAll(() => db.drop());

  const seal = (streamId: string, events: NewEvent[], prior: RecordedEvent[] = []) =>
    withTransaction(db.dataSource, (runner) => protection.protect(streamId, events, prior, runner));

  it('seals the applicant and the form data, keeps the rest clear, and opens them again', async () => {
    const dossierId = randomUUID();
    const streamId = `dossier-${dossierId}`;
    const [sealed] = await seal(streamId, [submitted(dossierId)]);
    // Ciphertext and lookup hashes are random-looking text that may contain a short marker such as "0905" by
    // chance: the markers are looked for in everything else (the sealed parts are checked to decrypt below).
    const text = JSON.stringify(sealed?.data, (key, value: unknown) =>
      key === 'ct' || key === 'iv' || key === 'tag' || key === 'lookup' ? '…' : value,
    );
    for (const secret of ['056195000123', '0905', 'Lan', 'example.vn', 'Suối Cá'])
      expect(text).not.toContain(secret);
    expect(sealed?.data).toMatchObject({
      dossierId,
      procedureCode: '1.004873',
      agencyCode: '000.31.18.H56',
      channel: 'online',
    });

    const [opened] = await protection.reveal([recorded(streamId, sealed!, 1)]);
    expect(opened?.data).toMatchObject({ applicant, formData });
  });

  it('uses one key per applicant, and later form data of the dossier goes under the same key', async () => {
    const first = randomUUID();
    const second = randomUUID();
    const [a] = await seal(`dossier-${first}`, [
      submitted(first, { ...applicant, nationalId: '056 195 000 123' }),
    ]);
    const [b] = await seal(`dossier-${second}`, [submitted(second)]);
    const kid = (event: NewEvent | RecordedEvent, field = 'applicant') => {
      const value = (event.data as Record<string, unknown>)[field];
      return isSealedField(value) ? value.$sealed.kid : undefined;
    };
    expect(kid(a!)).toBeDefined();
    expect(kid(a!)).toBe(kid(b!));
    const prior = [recorded(`dossier-${second}`, b!, 1)];
    const [completed] = await seal(
      `dossier-${second}`,
      [
        {
          type: 'DossierCompleted',
          data: { completedAt: 'x', formData },
          metadata: {},
          occurredAt: new Date(),
        },
      ],
      prior,
    );
    expect(kid(completed!, 'formData')).toBe(kid(b!));
  });

  it('after erasure reads as erased everywhere, the lookup stops matching, and nothing else changes', async () => {
    const erasedId = '079203009999';
    const dossierId = randomUUID();
    const streamId = `dossier-${dossierId}`;
    const [sealed] = await seal(streamId, [submitted(dossierId, { ...applicant, nationalId: erasedId })]);
    const stored = (sealed!.data as { applicant: unknown }).applicant;
    const hashes = isSealedField(stored) ? [...(stored.lookup ?? [])] : [];
    expect(await protection.matchesLookup(dossierId, stored, hashes, '0905123456')).toBe(true);
    expect(await protection.matchesLookup(dossierId, stored, hashes, erasedId)).toBe(true);
    expect(await protection.matchesLookup(dossierId, stored, hashes, '0905123457')).toBe(false);

    const erasure = await withTransaction(db.dataSource, (runner) => keyring.erase(erasedId, runner));
    expect(erasure?.keyId).toBeDefined();

    const [opened] = await protection.reveal([recorded(streamId, sealed!, 1)]);
    expect(opened?.data).toMatchObject({
      applicant: ERASED_APPLICANT,
      formData: {},
      procedureCode: '1.004873',
      agencyCode: '000.31.18.H56',
      channel: 'online',
    });
    expect(
      presentApplicant(
        OFFICIAL,
        '000.31.18.H56',
        (opened!.data as { applicant: typeof applicant }).applicant,
      ),
    ).toEqual({
      applicant: ERASED_APPLICANT,
      personalData: 'erased',
    });
    expect(await protection.revealApplicants([{ streamId, applicant: stored }])).toEqual([ERASED_APPLICANT]);
    expect(await protection.matchesLookup(dossierId, stored, hashes, '0905123456')).toBe(false);
    const rows = (await db.dataSource.query('SELECT * FROM applicant_keys WHERE id = $1', [
      erasure?.keyId,
    ])) as {
      wrapped_key: string | null;
      applicant_ref: string | null;
    }[];
    expect(rows[0]).toMatchObject({ wrapped_key: null, applicant_ref: null });
    // A second erasure finds nothing live; a new submission gets a new key.
    expect(await withTransaction(db.dataSource, (runner) => keyring.erase(erasedId, runner))).toBeUndefined();
    const again = randomUUID();
    const [fresh] = await seal(`dossier-${again}`, [
      submitted(again, { ...applicant, nationalId: erasedId }),
    ]);
    const freshApplicant = (fresh!.data as { applicant: unknown }).applicant;
    expect(isSealedField(freshApplicant) && freshApplicant.$sealed.kid).not.toBe(erasure?.keyId);
  });

  it('preloads a batch of applicants’ keys, the same keys one by one would give', async () => {
    const ids = ['111122223333', '1111 2222 3333', '444455556666'];
    const dossierId = randomUUID();
    const [sealed, existing] = await withTransaction(db.dataSource, async (runner) => {
      const keys = await protection.preload(ids, runner);
      expect(keys.size).toBe(2);
      const events = await protection.protect(
        `dossier-${dossierId}`,
        [submitted(dossierId, { ...applicant, nationalId: ids[0]! })],
        [],
        runner,
        keys,
      );
      return [events[0], await keyring.keyFor(ids[2]!, runner)] as const;
    });
    const again = await withTransaction(db.dataSource, (runner) => keyring.keyFor(ids[0]!, runner));
    const stored = (sealed!.data as { applicant: unknown }).applicant;
    expect(isSealedField(stored) && stored.$sealed.kid).toBe(again.id);
    const reloaded = await withTransaction(db.dataSource, (runner) => keyring.keysFor([ids[2]!], runner));
    expect([...reloaded.values()][0]?.id).toBe(existing.id);
    const [opened] = await protection.reveal([recorded(`dossier-${dossierId}`, sealed!, 1)]);
    expect((opened!.data as { applicant: { nationalId: string } }).applicant.nationalId).toBe(ids[0]);
  });

  it('refuses a tampered sealed value instead of calling it erased', async () => {
    const dossierId = randomUUID();
    const streamId = `dossier-${dossierId}`;
    const [sealed] = await seal(streamId, [
      submitted(dossierId, { ...applicant, nationalId: '001122334455' }),
    ]);
    const data = sealed!.data as { applicant: { $sealed: { ct: string } } };
    const ct = Buffer.from(data.applicant.$sealed.ct, 'base64');
    ct[3] ^= 0xff;
    const tampered = {
      ...sealed!,
      data: {
        ...data,
        applicant: { ...data.applicant, $sealed: { ...data.applicant.$sealed, ct: ct.toString('base64') } },
      },
    };
    await expect(protection.reveal([recorded(streamId, tampered, 1)])).rejects.toThrow(/authenticate/);
  });

  it('reads events written before sealing as they are', async () => {
    const dossierId = randomUUID();
    const legacy = recorded(`dossier-${dossierId}`, submitted(dossierId), 1);
    expect(await protection.reveal([legacy])).toEqual([legacy]);
  });

  it('opens a dossier with its key read with the stream, without reading the key again; erased as well', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const nationalId = '079203004242';
    const dossierId = randomUUID();
    const streamId = `dossier-${dossierId}`;
    const [sealed] = await seal(streamId, [submitted(dossierId, { ...applicant, nationalId })]);
    const history = (await store.append(streamId, 'dossier', 0, [sealed!])).events;
    // A connection that must not be used: the key comes from the rows read with the stream.
    const unused = { query: () => Promise.reject(new Error('the key was read again')) };

    const known = await queryStatement(db.dataSource, protection.keyReadWith(streamId));
    expect(known).toHaveLength(1);
    const [opened] = await protection.reveal(history, unused, known);
    expect(opened?.data).toMatchObject({ applicant: { ...applicant, nationalId }, formData });
    expect(await protection.reveal(history, unused, known)).toEqual(await protection.reveal(history));

    await withTransaction(db.dataSource, (runner) => keyring.erase(nationalId, runner));
    const afterErasure = await queryStatement(db.dataSource, protection.keyReadWith(streamId));
    const [erased] = await protection.reveal(history, unused, afterErasure);
    expect(erased?.data).toMatchObject({ applicant: ERASED_APPLICANT, formData: {} });
  });

  it('makes a new applicant’s key with the submission’s stream read, and finds it again for the next dossier', async () => {
    const nationalId = '079203007777';
    const who = { ...applicant, nationalId };
    const unused = { query: () => Promise.reject(new Error('the key was read again')) };
    const statement = protection.newApplicantKeyRead(who);
    expect(statement).toBeDefined();
    const made = await queryStatement(db.dataSource, statement!);
    expect(made).toHaveLength(1);

    const dossierId = randomUUID();
    const streamId = `dossier-${dossierId}`;
    const preloaded = await protection.keyMadeBy(who, made, unused);
    const [sealed] = await protection.protect(streamId, [submitted(dossierId, who)], [], unused, preloaded);
    const stored = (sealed!.data as { applicant: unknown }).applicant;
    expect(isSealedField(stored) && stored.$sealed.kid).toBe(made[0].id);
    const [opened] = await protection.reveal([recorded(streamId, sealed!, 1)]);
    expect(opened?.data).toMatchObject({ applicant: who, formData });

    // The applicant's next dossier: the live key, not a new one; with no rows, the key is read again.
    const again = await queryStatement(db.dataSource, protection.newApplicantKeyRead(who)!);
    expect(again.map((row) => row.id)).toEqual([made[0].id]);
    const reread = await protection.keyMadeBy(who, [], db.dataSource);
    expect([...reread.values()].map((key) => key.id)).toEqual([made[0].id]);
    expect(protection.newApplicantKeyRead({ name: 'no national id' })).toBeUndefined();
  });

  it('finds no key, and fails nothing, for a submission whose key id is no key id', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const streamId = `dossier-${randomUUID()}`;
    const forged = { v: 1, alg: 'A256GCM', kid: 'not-a-key-id', iv: 'AA==', ct: 'AA==', tag: 'AA==' };
    await store.append(streamId, 'dossier', 0, [
      {
        type: 'DossierSubmitted',
        data: { applicant: { $sealed: forged } },
        metadata: {},
        occurredAt: new Date(),
      },
    ]);
    expect(await queryStatement(db.dataSource, protection.keyReadWith(streamId))).toEqual([]);
    expect(await keyring.keys(['not-a-key-id'])).toEqual(
      new Map([['not-a-key-id', { id: 'not-a-key-id', key: 'erased' }]]),
    );
  });
});
