// A full-online marital status certificate (sample 1.004873 at 000.31.18.H56) and the people who handle it.
import { actorHeaders } from '@tthc/testing';
import sampleSubmission from './sample-submission.json';

export type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export const AGENCY = '000.31.18.H56';
export const PORTAL = actorHeaders({ id: 'dvc-portal', role: 'integration' });
export const official = (id: string, role: string, agency = AGENCY) =>
  actorHeaders({ id: id, role: role, agency: agency });
export const COUNTER = official('officer-hoa', 'receiving-officer');
export const SPECIALIST = official('officer-tuan', 'specialist');
export const LEADER = official('chair-son', 'leader');
export const CITIZEN = actorHeaders({ id: 'citizen-lan', role: 'citizen' });

/** The same submission the README's first try posts (tests/dossiers/sample-submission.json). */
export const application: Json = structuredClone(sampleSubmission.formData);

export const submission = (overrides: Json = {}): Json => ({
  ...structuredClone(sampleSubmission),
  ...overrides,
});
