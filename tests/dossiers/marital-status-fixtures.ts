// A full-online marital status certificate (sample 1.004873 at 000.31.18.H56) and the people who handle it.
import sampleSubmission from './sample-submission.json';

export type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export const AGENCY = '000.31.18.H56';
export const PORTAL = { 'x-actor-id': 'dvc-portal', 'x-actor-role': 'integration' };
export const official = (id: string, role: string, agency = AGENCY) => ({
  'x-actor-id': id,
  'x-actor-role': role,
  'x-actor-agency': agency,
});
export const COUNTER = official('officer-hoa', 'receiving-officer');
export const SPECIALIST = official('officer-tuan', 'specialist');
export const LEADER = official('chair-son', 'leader');
export const CITIZEN = { 'x-actor-id': 'citizen-lan', 'x-actor-role': 'citizen' };

/** The same submission the README's first try posts (tests/dossiers/sample-submission.json). */
export const application: Json = structuredClone(sampleSubmission.formData);

export const submission = (overrides: Json = {}): Json => ({
  ...structuredClone(sampleSubmission),
  ...overrides,
});
