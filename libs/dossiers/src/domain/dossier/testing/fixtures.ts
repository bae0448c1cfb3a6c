/**
 * Fixtures for the dossier decider's tests: the real sample procedures, the official 2025–2026 calendars with
 * default office hours, actors, valid applications and command builders that read like a counter's day.
 */
import {
  compileProcedure,
  loadSampleCatalogue,
  type CompiledProcedure,
  type JsonObject,
  type ProcedureDefinition,
} from '@tthc/procedures';
import {
  localInstant,
  OFFICIAL_CALENDAR_2025,
  OFFICIAL_CALENDAR_2026,
  WorkingDayCalendar,
} from '../../calendar';
import { DEFAULT_DOSSIER_SETTINGS, type DossierContext, type DossierSettings } from '../dossier-context';
import type {
  Approve,
  CompleteDossier,
  DossierActor,
  EndExcludedInterval,
  FlagAtRisk,
  HandOver,
  IssueApology,
  IssueResult,
  ProvideSupplement,
  Rate,
  ReceiveDossier,
  RefuseReceipt,
  RefuseResolution,
  RequestCompletion,
  RequestSupplement,
  ReturnResult,
  StartExcludedInterval,
  SubmitDossier,
  TransferDossier,
  Withdraw,
} from '../dossier-commands';
import type { ApplicantDetails } from '../dossier-events';
import type { Instant } from '../instant';

export const calendar = new WorkingDayCalendar({
  officialYears: [OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026],
});

let catalogue: ProcedureDefinition[] | undefined;

export function sampleDefinition(code: string): ProcedureDefinition {
  catalogue ??= loadSampleCatalogue();
  const definition = catalogue.find((candidate) => candidate.code === code);
  if (definition === undefined) throw new Error(`No sample procedure ${code}`);
  return definition;
}

/** Marital status certificate 1.004873: 3 → 1 working days, PAUSE, an excluded interval, commune level. */
export const MARITAL_STATUS = '1.004873';
/** Liên thông birth registration + health insurance card 1.001193.LT: commune → district social insurance. */
export const BIRTH_HEALTH_INSURANCE = '1.001193.LT';

const compiled = new Map<string, CompiledProcedure>();
export function sampleProcedure(code: string): CompiledProcedure {
  let procedure = compiled.get(code);
  if (procedure === undefined) {
    procedure = compileProcedure(sampleDefinition(code));
    compiled.set(code, procedure);
  }
  return procedure;
}

export function contextFor(
  procedure: CompiledProcedure,
  settings: Partial<DossierSettings> = {},
): DossierContext {
  return { procedure, calendar, settings: { ...DEFAULT_DOSSIER_SETTINGS, ...settings } };
}

/** A local Vietnamese wall-clock time, `YYYY-MM-DD HH:MM`. */
export function at(local: string): Date {
  return localInstant(local.slice(0, 10), local.slice(11));
}

/** The same, as it is stored in event data. */
export function iso(local: string): Instant {
  return at(local).toISOString();
}

export const citizen: DossierActor = { id: 'citizen-lan', role: 'citizen' };
export const counter: DossierActor = {
  id: 'officer-hoa',
  role: 'receiving-officer',
  agency: '000.31.18.H56',
};
export const specialist: DossierActor = { id: 'officer-tuan', role: 'specialist', agency: '000.31.18.H56' };
export const leader: DossierActor = { id: 'chair-son', role: 'leader', agency: '000.31.18.H56' };
export const socialInsurance: DossierActor = {
  id: 'bhxh-mai',
  role: 'partner-agency',
  agency: '000.29.18.H56',
};
export const integration: DossierActor = { id: 'portal', role: 'integration' };
export const scheduler: DossierActor = { id: 'deadline-scheduler', role: 'integration' };

export const applicant: ApplicantDetails = {
  name: 'Nguyễn Thị Lan',
  nationalId: '056195000123',
  phone: '0905123456',
  email: 'lan.nguyen@example.vn',
  address: 'Thôn Suối Cá, xã Khánh Trung',
};

/** A valid marital status application: never married, for marriage, always lived in this commune. */
export const maritalStatusApplication: JsonObject = {
  applicant: {
    fullName: 'Nguyễn Thị Lan',
    dateOfBirth: '1995-04-12',
    personalId: '056195000123',
    residence: 'Thôn Suối Cá, xã Khánh Trung',
  },
  maritalStatus: 'never-married',
  purpose: 'marriage',
  intendedSpouse: { fullName: 'Trần Văn Minh', dateOfBirth: '1993-08-20', nationality: 'Việt Nam' },
  residencePeriods: [{ address: 'xã Khánh Trung', from: '1995-04-12' }],
  resided_elsewhere: false,
  copiesRequested: 1,
};

export const birthHealthInsuranceApplication: JsonObject = {
  declarant: { fullName: 'Nguyễn Thị Lan', personalId: '056195000123', relationship: 'mother' },
  child: {
    fullName: 'Trần Minh An',
    dateOfBirth: '2026-02-25',
    sex: 'nu',
    placeOfBirth: 'Trạm Y tế xã Khánh Trung',
    hasBirthCertificate: true,
  },
  mother: { fullName: 'Nguyễn Thị Lan', personalId: '056195000123' },
  healthInsurance: { primaryCareFacility: 'Trạm Y tế xã Khánh Trung' },
};

export const DOSSIER_CODE = '000.31.18.H56-260310-0001';

/** Command builders: `now` first, as a local time, then what the form asks. */
export const commands = {
  submit: (
    procedure: CompiledProcedure,
    now: string,
    overrides: Partial<Omit<SubmitDossier, 'type' | 'now'>> = {},
  ): SubmitDossier => ({
    type: 'SubmitDossier',
    now: at(now),
    actor: counter,
    dossierId: 'dossier-1',
    procedureCode: procedure.definition.code,
    procedureVersion: 1,
    channel: 'counter',
    applicant,
    formData:
      procedure.definition.code === BIRTH_HEALTH_INSURANCE
        ? birthHealthInsuranceApplication
        : maritalStatusApplication,
    attachments: [
      {
        id: 'file-1',
        fileName: 'to-khai.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 48213,
        documentCode: 'to-khai',
      },
    ],
    ...overrides,
  }),
  receive: (now: string, code = DOSSIER_CODE, actor = counter): ReceiveDossier => ({
    type: 'ReceiveDossier',
    now: at(now),
    actor,
    code,
  }),
  requestCompletion: (now: string, actor = counter): RequestCompletion => ({
    type: 'RequestCompletion',
    now: at(now),
    actor,
    missingDocuments: [{ code: 'giay-to-ly-hon-hoac-chet', name: 'Bản án ly hôn' }],
    guidance: 'Bổ sung bản sao bản án ly hôn.',
  }),
  complete: (now: string, actor = citizen): CompleteDossier => ({
    type: 'CompleteDossier',
    now: at(now),
    actor,
    channel: 'counter',
  }),
  refuseReceipt: (now: string, reason = 'Không thuộc thẩm quyền giải quyết của UBND xã'): RefuseReceipt => ({
    type: 'RefuseReceipt',
    now: at(now),
    actor: counter,
    reason,
  }),
  transfer: (now: string, actor = counter): TransferDossier => ({
    type: 'TransferDossier',
    now: at(now),
    actor,
  }),
  handOver: (now: string, event: string, actor: DossierActor): HandOver => ({
    type: 'HandOver',
    now: at(now),
    actor,
    event,
  }),
  requestSupplement: (now: string, actor = specialist): RequestSupplement => ({
    type: 'RequestSupplement',
    now: at(now),
    actor,
    reason: 'Thiếu giấy tờ chứng minh nơi cư trú trước đây',
    missingDocuments: [{ name: 'Xác nhận nơi cư trú' }],
  }),
  provideSupplement: (
    now: string,
    channel: 'counter' | 'post' | 'online' = 'counter',
  ): ProvideSupplement => ({
    type: 'ProvideSupplement',
    now: at(now),
    actor: citizen,
    channel,
  }),
  startExcludedInterval: (now: string, actor = specialist): StartExcludedInterval => ({
    type: 'StartExcludedInterval',
    now: at(now),
    actor,
    kind: 'inter-agency-verification',
  }),
  endExcludedInterval: (now: string, actor = integration): EndExcludedInterval => ({
    type: 'EndExcludedInterval',
    now: at(now),
    actor,
  }),
  approve: (now: string, actor = leader): Approve => ({ type: 'Approve', now: at(now), actor }),
  refuseResolution: (now: string, actor = leader): RefuseResolution => ({
    type: 'RefuseResolution',
    now: at(now),
    actor,
    reason: 'Người yêu cầu đang có đăng ký kết hôn',
  }),
  issueResult: (now: string, actor = specialist): IssueResult => ({
    type: 'IssueResult',
    now: at(now),
    actor,
    electronic: true,
  }),
  returnResult: (now: string, method: 'counter' | 'post' | 'online' = 'counter'): ReturnResult => ({
    type: 'ReturnResult',
    now: at(now),
    actor: counter,
    method,
  }),
  withdraw: (now: string, actor = citizen): Withdraw => ({
    type: 'Withdraw',
    now: at(now),
    actor,
    reason: 'Không còn nhu cầu',
  }),
  apologise: (now: string, newAppointment: string, actor = specialist): IssueApology => ({
    type: 'IssueApology',
    now: at(now),
    actor,
    reason: 'Chờ kết quả xác minh của cơ quan khác',
    newAppointmentAt: at(newAppointment),
  }),
  rate: (now: string, score = 5, actor = citizen): Rate => ({
    type: 'Rate',
    now: at(now),
    actor,
    score,
  }),
  flagAtRisk: (now: string): FlagAtRisk => ({ type: 'FlagAtRisk', now: at(now), actor: scheduler }),
};
