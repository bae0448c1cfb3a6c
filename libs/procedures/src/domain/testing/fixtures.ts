/**
 * Test fixtures: a small valid definition to break on purpose, and the sample files as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcedureDefinitionDocument } from '../definition';

export const SAMPLES = join(__dirname, '../../../samples');

export function sampleText(file: string): string {
  return readFileSync(join(SAMPLES, file), 'utf8');
}

/** A three-step commune procedure with a guard, in the smallest form the format allows. */
export function minimalDefinition(): ProcedureDefinitionDocument {
  return {
    code: '1.000001',
    name: { vi: 'Thủ tục thử', en: 'Test procedure' },
    field: { code: 'thu', name: { vi: 'Lĩnh vực thử', en: 'Test field' } },
    agency: {
      code: '000.31.18.H56',
      name: { vi: 'UBND xã Khánh Trung', en: "Khánh Trung Commune People's Committee" },
      level: 'commune',
    },
    onlineServiceLevel: 'partial',
    statutoryDuration: { value: 3, unit: 'working-days' },
    committedDuration: { value: 2, unit: 'working-days' },
    fees: [],
    requiredDocuments: [
      { code: 'to-khai', name: { vi: 'Tờ khai', en: 'Application' }, originals: 1, copies: 0 },
    ],
    applicationForm: {
      type: 'object',
      properties: { applicant: { type: 'object', properties: { age: { type: 'integer', title: 'Tuổi' } } } },
    },
    resultDelivery: ['counter'],
    tripCost: { defaultDays: 0.5 },
    roles: [
      { id: 'receiving-officer', name: { vi: 'Một cửa', en: 'Counter' } },
      { id: 'specialist', name: { vi: 'Chuyên viên', en: 'Specialist' } },
      { id: 'leader', name: { vi: 'Lãnh đạo', en: 'Leader' } },
    ],
    events: [{ type: 'ESCALATE', name: { vi: 'Chuyển cấp trên', en: 'Escalate' } }],
    workflow: {
      steps: [
        {
          id: 'examine',
          name: { vi: 'Thẩm tra', en: 'Examine' },
          kind: 'processing',
          roles: ['specialist'],
          timeBudget: 1,
          transitions: [
            {
              event: 'ESCALATE',
              target: 'adult-review',
              guard: { field: '/applicant/age', op: 'gte', value: 18 },
            },
            { event: 'HAND_OVER', target: 'sign' },
          ],
        },
        {
          id: 'adult-review',
          name: { vi: 'Xét người thành niên', en: 'Adult review' },
          kind: 'processing',
          roles: ['specialist'],
          timeBudget: 0.5,
          transitions: [{ event: 'HAND_OVER', target: 'sign' }],
        },
        {
          id: 'sign',
          name: { vi: 'Ký duyệt', en: 'Sign' },
          kind: 'processing',
          roles: ['leader'],
          timeBudget: 0.5,
        },
      ],
    },
  };
}
