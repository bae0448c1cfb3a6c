import type { DossierEvent } from './dossier-events';
import { initialState } from './dossier-state';
import { evolve } from './evolve';
import { fold, play } from './testing/dossier-spec';
import {
  MARITAL_STATUS,
  at,
  commands as c,
  contextFor,
  sampleProcedure,
  specialist,
} from './testing/fixtures';

const marital = sampleProcedure(MARITAL_STATUS);
const context = contextFor(marital);
const lifecycle = play(context, [
  c.submit(marital, '2026-03-10 08:50'),
  c.receive('2026-03-10 09:00'),
  c.transfer('2026-03-10 09:05'),
  c.startExcludedInterval('2026-03-10 09:30'),
  c.endExcludedInterval('2026-03-10 10:30'),
  c.requestSupplement('2026-03-10 11:00'),
  c.provideSupplement('2026-03-10 14:00', 'online'),
  c.handOver('2026-03-10 14:30', 'SUBMIT_FOR_SIGNATURE', specialist),
  c.approve('2026-03-10 15:00'),
  c.issueResult('2026-03-10 15:30'),
  c.returnResult('2026-03-11 08:00', 'online'),
  c.rate('2026-03-11 09:00', 4),
]);

describe('evolve', () => {
  it('starts empty', () => {
    expect(initialState()).toEqual({ status: 'empty' });
  });

  it('walks the statuses of a full lifecycle', () => {
    const statuses = lifecycle.map((_, i) => {
      const state = fold(lifecycle.slice(0, i + 1));
      return `${state.status}:${'workflowState' in state ? state.workflowState : ''}`;
    });
    expect(statuses).toEqual([
      'submitted:submitted',
      'in-progress:received',
      'in-progress:examine.active',
      'paused:examine.excluded-interval',
      'in-progress:examine.active',
      'paused:examine.waiting-for-citizen',
      'in-progress:examine.active',
      'in-progress:sign.active',
      'in-progress:approved',
      'resolved:result-ready',
      'closed:returned',
      'closed:returned',
    ]);
  });

  it('keeps the pauses, the supplement rounds and the flags', () => {
    expect(fold(lifecycle)).toMatchObject({
      rating: 4,
      returnMethod: 'online',
      processing: {
        supplementRounds: 1,
        apologised: false,
        rescheduled: false,
        pauses: [
          { kind: 'inter-agency-verification', from: at('2026-03-10 09:30'), to: at('2026-03-10 10:30') },
          { kind: 'supplement', from: at('2026-03-10 11:00'), to: at('2026-03-10 14:00') },
        ],
      },
    });
  });

  it('rebuilds the same state from events that went through JSON (the event store)', () => {
    const stored = JSON.parse(JSON.stringify(lifecycle)) as DossierEvent[];
    expect(stored).toEqual(lifecycle);
    expect(fold(stored)).toEqual(fold(lifecycle));
  });

  it('reads deadlines from the events and never recomputes them', () => {
    const received = lifecycle.slice(0, 2);
    const [submittedEvent, receivedEvent] = received;
    if (receivedEvent.type !== 'DossierReceived') throw new Error('expected DossierReceived');
    // As if the calendar had been corrected after the slip was printed: the slip stands.
    const printed = { ...receivedEvent, data: { ...receivedEvent.data, dueAt: '2026-03-12T02:00:00.000Z' } };
    expect(fold([submittedEvent, printed])).toMatchObject({
      processing: { dueAt: new Date('2026-03-12T02:00:00.000Z') },
    });
  });

  it('ignores an event that does not fit the state rather than inventing one', () => {
    const state = fold(lifecycle.slice(0, 1));
    expect(evolve(state, lifecycle[9])).toBe(state);
  });
});
