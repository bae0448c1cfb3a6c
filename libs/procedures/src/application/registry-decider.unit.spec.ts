import { minimalDefinition, sampleText } from '../domain/testing/fixtures';
import type { ProcedureDefinitionDocument } from '../domain/definition';
import { ADMINISTRATOR_ROLE, canManageProcedure, type RegistryActor } from './authorization';
import { contentHash } from './content-hash';
import { InvalidProcedureDefinition, NotAllowed, ProcedureNotFound, ProcedureStateConflict } from './errors';
import {
  currentVersion,
  decideRegistry,
  evolveRegistry,
  foldRegistry,
  initialRegistryState,
  readDefinitionText,
  type ProcedurePublished,
  type RegistryCommand,
  type RegistryEvent,
} from './registry-decider';
import { deciderSpec } from './testing/decider-spec';

const spec = deciderSpec({
  decide: decideRegistry,
  evolve: evolveRegistry,
  initialState: initialRegistryState,
});

const AGENCY = '000.31.18.H56';
const official: RegistryActor = { id: 'kt-1', role: 'specialist', agency: AGENCY };
const otherOfficial: RegistryActor = { id: 'kv-1', role: 'specialist', agency: '000.00.18.H56' };
const admin: RegistryActor = { id: 'admin-1', role: ADMINISTRATOR_ROLE };
const anonymous: RegistryActor = { id: 'anonymous', role: 'anonymous' };
const T1 = new Date('2026-03-02T02:00:00Z');
const T2 = new Date('2026-03-09T02:00:00Z');
const CODE = '1.000001';

const meta = (actor: RegistryActor = official, now = T1) => ({ now, actor });
const draft = (document: unknown, actor?: RegistryActor): RegistryCommand => ({
  type: 'DraftProcedure',
  data: { document },
  metadata: meta(actor),
});
const update = (document: unknown, expectedRevision?: number): RegistryCommand => ({
  type: 'UpdateProcedureDraft',
  data: { code: CODE, document, expectedRevision },
  metadata: meta(),
});
const publish = (actor?: RegistryActor, now = T1): RegistryCommand => ({
  type: 'PublishProcedure',
  data: { code: CODE },
  metadata: meta(actor, now),
});
const retire = (actor?: RegistryActor): RegistryCommand => ({
  type: 'RetireProcedure',
  data: { code: CODE, reason: 'Bãi bỏ theo Quyết định số 1/2026' },
  metadata: meta(actor, T2),
});

const doc = (): ProcedureDefinitionDocument => minimalDefinition();
const withCommitted = (value: number): ProcedureDefinitionDocument => ({
  ...doc(),
  committedDuration: { value, unit: 'working-days' },
});
/** A definition with three errors at once: an undeclared role, an unknown target, a longer committed time. */
function broken(): ProcedureDefinitionDocument {
  const d = doc();
  return {
    ...d,
    committedDuration: { value: 4, unit: 'working-days' },
    workflow: {
      steps: d.workflow.steps.map((step, i) =>
        i === 0
          ? {
              ...step,
              roles: ['chairman'],
              transitions: [{ event: 'HAND_OVER', target: 'nowhere' }],
            }
          : step,
      ),
    },
  };
}

const drafted = (document: unknown = doc(), revision = 1): RegistryEvent => ({
  type: 'ProcedureDrafted',
  data: { code: CODE, revision, document, source: null },
});
const updated = (document: unknown, revision: number): RegistryEvent => ({
  type: 'ProcedureDraftUpdated',
  data: { code: CODE, revision, document, source: null },
});
/** What publishing `document` as `version` produces (through the decider, so the test does not restate it). */
function published(document: unknown, version = 1, history: RegistryEvent[] = []): ProcedurePublished {
  const state = foldRegistry([...history, drafted(document, history.length + 1)]);
  const [event] = decideRegistry(publish(official, version === 1 ? T1 : T2), state);
  if (event?.type !== 'ProcedurePublished') throw new Error('fixture did not publish');
  return event;
}

describe('procedure registry decider', () => {
  describe('drafting', () => {
    it('given no procedure, when an official of the agency drafts one, then the whole document is stored as revision 1', () => {
      spec
        .given([])
        .when(draft(doc()))
        .then([drafted(doc())]);
    });

    it('given no procedure, when a draft does not validate yet, then it is stored anyway (drafts are working copies)', () => {
      spec
        .given([])
        .when(draft(broken()))
        .then([drafted(broken())]);
    });

    it('given no procedure, when the document has no usable code, then nothing is stored and every error is listed', () => {
      const error = spec
        .given([])
        .when(draft({ ...broken(), code: 1.000001 }))
        .thenThrows(InvalidProcedureDefinition);
      expect(error.errors[0].path).toBe('/code');
      expect(error.errors.map((e) => e.code)).toEqual(
        expect.arrayContaining([
          'schema',
          'undeclared-role',
          'unknown-target',
          'committed-exceeds-statutory',
        ]),
      );
    });

    it('given an open draft, when another draft is opened, then it is refused naming the actions allowed now', () => {
      const error = spec.given([drafted()]).when(draft(doc())).thenThrows(ProcedureStateConflict);
      expect(error).toMatchObject({
        code: 'draft-exists',
        status: 'draft',
        allowedActions: ['update-draft', 'publish'],
      });
    });

    it('given an open draft, when it is updated, then the next revision holds the new document', () => {
      spec
        .given([drafted()])
        .when(update(withCommitted(1)))
        .then([updated(withCommitted(1), 2)]);
    });

    it('given an open draft, when the same document is sent again, then nothing is appended', () => {
      spec.given([drafted()]).when(update(doc())).then([]);
    });

    it('given an open draft, when an update changes the procedure code, then it is refused at /code', () => {
      const error = spec
        .given([drafted()])
        .when(update({ ...doc(), code: '1.000002' }))
        .thenThrows(InvalidProcedureDefinition);
      expect(error.errors).toEqual([expect.objectContaining({ path: '/code' })]);
    });

    it('given a draft at revision 2, when an edit based on revision 1 arrives, then it is refused as stale', () => {
      spec
        .given([drafted(), updated(withCommitted(1), 2)])
        .when(update(withCommitted(0.5), 1))
        .thenThrows(ProcedureStateConflict);
    });

    it('given no procedure, when a draft is updated, then the procedure is not found', () => {
      spec.given([]).when(update(doc())).thenThrows(ProcedureNotFound);
    });

    it('given a draft from YAML text, when stored, then its source text is kept for line numbers', () => {
      const { document, source } = readDefinitionText(sampleText('marital-status-certificate.yaml'));
      spec
        .given([])
        .when({ type: 'DraftProcedure', data: { document, source }, metadata: meta() })
        .then(([event]) => {
          expect(event).toMatchObject({
            type: 'ProcedureDrafted',
            data: { code: '1.004873', revision: 1, source: { format: 'yaml' } },
          });
        });
    });
  });

  describe('publishing', () => {
    it('given a valid draft, when published, then version 1 freezes the normalised definition with its time and hash', () => {
      spec
        .given([drafted()])
        .when(publish())
        .then((events, after) => {
          expect(events).toHaveLength(1);
          const [event] = events as ProcedurePublished[];
          expect(event.type).toBe('ProcedurePublished');
          expect(event.data).toMatchObject({
            code: CODE,
            version: 1,
            publishedAt: T1.toISOString(),
            draftRevision: 1,
          });
          // Normalised: defaults written out, implied transitions filled in.
          expect(event.data.definition).toMatchObject({ supplementPolicy: 'PAUSE', receiptCutoff: '15:00' });
          expect(event.data.contentHash).toBe(contentHash(event.data.definition));
          expect(after.status).toBe('published');
        });
    });

    it('given a broken draft, when published, then it is refused with every error at once, each with its path', () => {
      const error = spec
        .given([drafted(broken())])
        .when(publish())
        .thenThrows(InvalidProcedureDefinition);
      expect(error.errors.map((e) => [e.code, e.path])).toEqual(
        expect.arrayContaining([
          ['undeclared-role', '/workflow/steps/0/roles/0'],
          ['unknown-target', '/workflow/steps/0/transitions/0/target'],
          ['committed-exceeds-statutory', '/committedDuration'],
        ]),
      );
      expect(error.errors.every((e) => e.message.length > 0 && e.messageVi.length > 0)).toBe(true);
    });

    it('given a broken YAML draft, when published, then the errors carry lines and columns', () => {
      const text = sampleText('marital-status-certificate.yaml').replace(
        'target: verify-former-residence\n',
        'target: verify-formr-residence\n',
      );
      const { document, source } = readDefinitionText(text);
      const error = spec
        .given([{ type: 'ProcedureDrafted', data: { code: '1.004873', revision: 1, document, source } }])
        .when({ type: 'PublishProcedure', data: { code: '1.004873' }, metadata: meta() })
        .thenThrows(InvalidProcedureDefinition);
      expect(error.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'unknown-target',
            line: expect.any(Number),
            column: expect.any(Number),
          }),
        ]),
      );
    });

    it('given version 1 and no draft, when published again, then it is refused: published versions never change', () => {
      const error = spec
        .given([drafted(), published(doc())])
        .when(publish())
        .thenThrows(ProcedureStateConflict);
      expect(error).toMatchObject({ code: 'no-open-draft', allowedActions: ['draft', 'retire'] });
    });

    it('given version 1, when a new draft (committed 1 → 0.5) is published, then it becomes version 2 and version 1 is untouched', () => {
      const v1 = published(withCommitted(1));
      const history = [drafted(withCommitted(1)), v1, drafted(withCommitted(0.5), 2)];
      spec
        .given(history)
        .when(publish(official, T2))
        .then((events, after) => {
          expect(events.map((e) => e.type)).toEqual(['ProcedurePublished']);
          const [v2] = events as ProcedurePublished[];
          expect(v2.data).toMatchObject({ version: 2, draftRevision: 2, publishedAt: T2.toISOString() });
          expect(v2.data.definition.committedDuration).toEqual({ value: 0.5, unit: 'working-days' });
          expect(v2.data.contentHash).not.toBe(v1.data.contentHash);
          if (after.status !== 'published') throw new Error(after.status);
          expect(after.versions[0]).toEqual({
            version: 1,
            contentHash: v1.data.contentHash,
            publishedAt: T1.toISOString(),
            agencyCode: AGENCY,
          });
          expect(currentVersion(after)?.version).toBe(2);
        });
    });

    it('given a draft of version 2, when it is edited, then version 1 in the state stays exactly as published', () => {
      const v1 = published(doc());
      spec
        .given([drafted(), v1, drafted(withCommitted(1), 2)])
        .when(update(withCommitted(0.5)))
        .then((_events, after) => {
          if (after.status !== 'published') throw new Error(after.status);
          expect(after.versions).toEqual([
            {
              version: 1,
              contentHash: v1.data.contentHash,
              publishedAt: T1.toISOString(),
              agencyCode: AGENCY,
            },
          ]);
        });
    });

    it('given a stream whose versions are not consecutive, when folded, then it is refused as corrupt', () => {
      const v1 = published(doc());
      expect(() => foldRegistry([drafted(), { ...v1, data: { ...v1.data, version: 3 } }])).toThrow(/corrupt/);
    });

    it('given no procedure, when published, then the procedure is not found', () => {
      spec.given([]).when(publish()).thenThrows(ProcedureNotFound);
    });
  });

  describe('publishing a whole definition (samples, imports)', () => {
    const direct = (document: unknown, now = T1): RegistryCommand => ({
      type: 'PublishDefinition',
      data: { document },
      metadata: { now, actor: admin },
    });

    it('given no procedure, when a definition is published directly, then it is version 1 without a draft', () => {
      spec
        .given([])
        .when(direct(doc()))
        .then(([event]) => expect(event).toMatchObject({ data: { version: 1, draftRevision: null } }));
    });

    it('given the same content as the current version, when published again, then nothing is appended', () => {
      spec
        .given([drafted(), published(doc())])
        .when(direct(doc(), T2))
        .then([]);
    });

    it('given a changed definition, when published directly, then it becomes the next version', () => {
      spec
        .given([drafted(), published(doc())])
        .when(direct(withCommitted(1), T2))
        .then(([event]) => expect(event).toMatchObject({ data: { version: 2 } }));
    });

    it('given an open draft, when a definition is published over it, then it is refused', () => {
      spec.given([drafted()]).when(direct(doc())).thenThrows(ProcedureStateConflict);
    });
  });

  describe('retiring', () => {
    it('given a published procedure, when retired, then the last version stops with the reason and time', () => {
      spec
        .given([drafted(), published(doc())])
        .when(retire())
        .then([
          {
            type: 'ProcedureRetired',
            data: {
              code: CODE,
              version: 1,
              retiredAt: T2.toISOString(),
              reason: 'Bãi bỏ theo Quyết định số 1/2026',
            },
          },
        ]);
    });

    it('given a retired procedure, when anything is tried, then it is refused with no action allowed', () => {
      const history = [
        drafted(),
        published(doc()),
        ...decideRegistry(retire(), foldRegistry([drafted(), published(doc())])),
      ];
      for (const command of [draft(doc()), publish(), retire(), update(doc())]) {
        const error = spec.given(history).when(command).thenThrows(ProcedureStateConflict);
        expect(error).toMatchObject({ code: 'procedure-retired', allowedActions: [] });
      }
    });

    it('given a procedure that was never published, when retired, then it is refused', () => {
      const error = spec.given([drafted()]).when(retire()).thenThrows(ProcedureStateConflict);
      expect(error.code).toBe('not-published');
    });
  });

  describe('who may act', () => {
    it('given a draft of one agency, when an official of another agency publishes it, then it is forbidden', () => {
      const error = spec.given([drafted()]).when(publish(otherOfficial)).thenThrows(NotAllowed);
      expect(error).toMatchObject({ kind: 'forbidden', agencyCode: AGENCY });
    });

    it('given no procedure, when an official drafts one for another agency, then it is forbidden', () => {
      spec.given([]).when(draft(doc(), otherOfficial)).thenThrows(NotAllowed);
    });

    it('given a published procedure, when an anonymous caller retires it, then it is forbidden', () => {
      spec
        .given([drafted(), published(doc())])
        .when(retire(anonymous))
        .thenThrows(NotAllowed);
    });

    it('given any agency, when an administrator acts, then it is allowed', () => {
      spec
        .given([drafted()])
        .when(publish(admin))
        .then((events) => expect(events).toHaveLength(1));
      expect(canManageProcedure(admin, '000.00.00.H01')).toBe(true);
      expect(canManageProcedure(official, AGENCY)).toBe(true);
      expect(canManageProcedure(otherOfficial, AGENCY)).toBe(false);
      expect(canManageProcedure({ id: 'x', role: 'specialist' }, AGENCY)).toBe(false);
    });
  });
});
