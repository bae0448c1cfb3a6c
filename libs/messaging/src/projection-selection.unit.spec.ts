import type { Projection } from '@tthc/event-store';
import { selectProjections } from './projection-selection';

const projection = (name: string) => ({ name, streamTypes: ['dossier'] }) as unknown as Projection;
const all = [projection('audit-trail'), projection('dossier-read-models'), projection('webhook-deliveries')];

describe('selectProjections (PROJECTIONS)', () => {
  it('given no names, when selecting, then every projection is built', () => {
    expect(selectProjections(all, undefined).map((p) => p.name)).toEqual([
      'audit-trail',
      'dossier-read-models',
      'webhook-deliveries',
    ]);
  });

  it('given some names, when selecting, then only those are built, in the catalogue order', () => {
    expect(selectProjections(all, ['webhook-deliveries', 'audit-trail']).map((p) => p.name)).toEqual([
      'audit-trail',
      'webhook-deliveries',
    ]);
  });

  it('given a name that is no projection, when selecting, then the error names it and lists the projections', () => {
    expect(() => selectProjections(all, ['audit-trail', 'dossier-views'])).toThrow(
      'PROJECTIONS names no projection: dossier-views (projections: audit-trail, dossier-read-models, webhook-deliveries)',
    );
  });
});
