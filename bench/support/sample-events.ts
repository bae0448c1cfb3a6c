// The event every append contender writes: the size and shape of a real DossierSubmitted of the sample
// marital status certificate (the README's sample submission as data, an official's metadata).
import { randomUUID } from 'node:crypto';
import sampleSubmission from '../../tests/dossiers/sample-submission.json';

export const SAMPLE_EVENT_TYPE = 'DossierSubmitted';

export function sampleData(): Record<string, unknown> {
  return {
    dossierId: randomUUID(),
    procedureCode: sampleSubmission.procedureCode,
    procedureVersion: 1,
    agencyCode: '000.31.18.H56',
    channel: sampleSubmission.channel,
    onlineLevel: sampleSubmission.onlineLevel,
    onlineServiceLevel: 4,
    submittedAt: new Date().toISOString(),
    applicant: sampleSubmission.applicant,
    formData: sampleSubmission.formData,
    attachments: sampleSubmission.attachments,
  };
}

export function sampleMetadata(): Record<string, unknown> {
  return {
    correlationId: randomUUID(),
    actor: { id: 'dvc-portal', role: 'integration' },
    commandId: randomUUID(),
  };
}
