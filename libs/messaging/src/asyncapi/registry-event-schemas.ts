// The procedure registry, agency directory and administrative unit streams
// (libs/procedures/src/application/registry-decider.ts and directory-decider.ts).
import { streamEvents } from './catalogue-entry';
import {
  arrayOf,
  boolean,
  integer,
  number,
  object,
  oneOfValues,
  orNull,
  text,
  type JsonSchema,
} from './json-schema';
import {
  AGENCY_CODE_PATTERN,
  agencyCode,
  channel,
  instant,
  localDate,
  localisedText,
  localTime,
  onlineServiceLevel,
  procedureCode,
  processingDuration,
  supplementPolicy,
} from './shared-data-schemas';

// ---- Procedures ----------------------------------------------------------------------------------------

const draft = object(
  {
    code: procedureCode(),
    revision: integer(
      'Draft revision; the numbering continues across the procedure life (a draft for version 2 goes on).',
      { minimum: 1 },
    ),
    document: {
      description: 'The procedure definition document as authored (not normalised; may be invalid).',
    },
    source: orNull(
      object(
        { format: oneOfValues(['yaml', 'json'], 'The format it was written in.'), text: text('The text.') },
        { description: 'The text as written, so that errors point at lines and comments survive; or null.' },
      ),
    ),
  },
  { description: 'An open draft of the next version: stored even when it does not validate yet.' },
);

const validationIssue = object({
  code: text('Stable issue code (see docs/procedure-definition.md §9).'),
  severity: oneOfValues(['error', 'warning'], 'Warnings do not block publishing.'),
  path: text('JSON Pointer into the definition; empty for the root.'),
  message: text('English.'),
  messageVi: text('Vietnamese.'),
});

/** Described to its first level; the full schema is served at /docs/procedure-definition.schema.json. */
const definition: JsonSchema = object(
  {
    code: procedureCode(),
    name: localisedText('The procedure name.'),
    field: { type: 'object', description: 'The field (lĩnh vực) it belongs to: code and name.' },
    agency: object(
      {
        code: agencyCode(),
        name: localisedText('The agency name.'),
        level: oneOfValues(['commune', 'district', 'province', 'ministry'], 'Agency level.'),
      },
      { description: 'The competent agency.' },
    ),
    partnerAgencies: arrayOf({ type: 'object' }, 'Agencies of partner-agency steps (liên thông).'),
    onlineServiceLevel: onlineServiceLevel(),
    statutoryDuration: processingDuration('The processing time the law allows.'),
    committedDuration: processingDuration('The processing time the agency commits to.'),
    supplementPolicy: supplementPolicy(),
    supplementRequestWindow: number('Working days after receipt within which a supplement may be requested.'),
    receiptCutoff: localTime('After this time a dossier counts as received the next working day.'),
    legalBasis: arrayOf(text(), 'Legal documents the procedure rests on.'),
    fees: arrayOf({ type: 'object' }, 'Fees and charges, in VND.'),
    requiredDocuments: arrayOf({ type: 'object' }, 'The documents a dossier must contain.'),
    applicationForm: { type: 'object', description: 'JSON Schema (draft 2020-12) of the application form.' },
    resultDelivery: arrayOf(channel('Delivery channel:'), 'How the result may be returned.'),
    tripCost: { type: 'object', description: 'Trips a citizen makes, for the cost statistics.' },
    excludedIntervals: arrayOf({ type: 'object' }, 'Intervals not counted towards the processing time.'),
    roles: arrayOf({ type: 'object' }, 'Roles declared for the workflow.'),
    events: arrayOf({ type: 'object' }, 'Workflow events declared by the procedure.'),
    workflow: object({ steps: arrayOf({ type: 'object' }, 'The processing steps, in order.') }),
  },
  {
    description:
      'The normalised definition, every default written out, so the version keeps its meaning if a default ' +
      'changes. Full schema: /docs/procedure-definition.schema.json (JSON Schema 2020-12).',
  },
);

export const PROCEDURE_EVENTS = streamEvents('procedure', {
  ProcedureDrafted: {
    summary: 'A draft of a procedure definition was opened (a new procedure, or the next version).',
    titleVi: 'Soạn thảo quy trình thủ tục hành chính',
    data: draft,
  },
  ProcedureDraftUpdated: {
    summary: 'The open draft was replaced by an edited document.',
    titleVi: 'Cập nhật bản dự thảo quy trình thủ tục hành chính',
    data: draft,
  },
  ProcedurePublished: {
    summary: 'A validated definition was frozen as the next version; a published version never changes.',
    titleVi: 'Công bố phiên bản quy trình thủ tục hành chính',
    data: object({
      code: procedureCode(),
      version: integer('The version number: 1, 2, … without gaps.', { minimum: 1 }),
      definition,
      contentHash: text('Hash of the canonical JSON of the definition.'),
      publishedAt: instant('When it was published.'),
      draftRevision: orNull(integer('The draft revision published; null for a direct publication.')),
      warnings: arrayOf(validationIssue, 'Warnings the validation gave; they do not block publishing.'),
    }),
  },
  ProcedureRetired: {
    summary: 'The procedure was retired: its last version accepts no new dossier.',
    titleVi: 'Ngừng áp dụng thủ tục hành chính',
    data: object({
      code: procedureCode(),
      version: integer('The last published version, the one that stops accepting dossiers.', { minimum: 1 }),
      retiredAt: instant('When it was retired.'),
      reason: orNull(text('Why.')),
    }),
  },
});

// ---- Agencies ------------------------------------------------------------------------------------------

const nullableAgencyCode = (description: string): JsonSchema =>
  orNull(
    text(`${description} Electronic identifier code; null when none.`, { pattern: AGENCY_CODE_PATTERN }),
  );

const agencyRecord = object(
  {
    code: agencyCode('Electronic identifier code (mã định danh điện tử), the prefix of dossier codes.'),
    name: localisedText('The agency name.'),
    level: oneOfValues(['commune', 'district', 'province', 'ministry'], 'Agency level.'),
    parentCode: nullableAgencyCode('The agency above it.'),
    administrativeUnitCode: orNull(text('The administrative unit it serves, for a territorial agency.')),
    officeHours: arrayOf(
      object({ from: localTime('Start.'), to: localTime('End.') }),
      'Reception periods of a working day, in order, not overlapping.',
    ),
    saturdayReception: boolean('Whether the one-stop counter also receives on Saturday mornings.'),
    defaultTripCostDays: number('Working days one trip to this agency costs a citizen (quarter days).', {
      minimum: 0,
      maximum: 30,
      multipleOf: 0.25,
    }),
    validFrom: localDate('First day it is valid.'),
  },
  { description: 'The agency record as it stands after the change.' },
);

const recordEnd = (successor: JsonSchema) => ({
  code: text('The record that ended.'),
  validTo: localDate('First day it is no longer valid.'),
  successorCode: successor,
  legalBasis: orNull(text('The decision or resolution that ended it.')),
});

export const AGENCY_EVENTS = streamEvents('agency', {
  AgencyRegistered: {
    summary: 'An agency was registered in the directory.',
    titleVi: 'Đăng ký cơ quan vào danh mục',
    data: agencyRecord,
  },
  AgencyUpdated: {
    summary: 'Details of an agency changed; the event carries the whole record.',
    titleVi: 'Cập nhật thông tin cơ quan',
    data: agencyRecord,
  },
  AgencyDissolved: {
    summary: 'An agency ceased to exist, naming its successor when there is one.',
    titleVi: 'Cơ quan chấm dứt hoạt động',
    data: object({
      ...recordEnd(nullableAgencyCode('The agency that took over its tasks.')),
      code: agencyCode(),
    }),
  },
});

// ---- Administrative units ------------------------------------------------------------------------------

const UNIT_KINDS = [
  'province',
  'centrally-governed-city',
  'district',
  'town',
  'provincial-city',
  'urban-district',
  'commune',
  'ward',
  'township',
  'special-zone',
];

const unitRecord = object(
  {
    code: text('Administrative unit code.', { pattern: '^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$' }),
    name: localisedText('The unit name.'),
    level: oneOfValues(['province', 'district', 'commune'], 'Level (cấp).'),
    kind: oneOfValues(UNIT_KINDS, 'Kind, by level: tỉnh/thành phố; huyện/thị xã/thành phố/quận; xã/phường/…'),
    parentCode: orNull(text('The unit it belongs to; null for a province.')),
    validFrom: localDate('First day it is valid.'),
    legalBasis: orNull(text('The resolution that established it.')),
    formedFrom: arrayOf(text(), 'Units merged to form it (their streams record the merger).'),
  },
  { description: 'The administrative unit record as it stands after the change.' },
);

export const ADMINISTRATIVE_UNIT_EVENTS = streamEvents('administrative-unit', {
  AdministrativeUnitEstablished: {
    summary: 'An administrative unit (province, district, commune) was established.',
    titleVi: 'Thành lập đơn vị hành chính',
    data: unitRecord,
  },
  AdministrativeUnitUpdated: {
    summary: 'Details of an administrative unit changed; the event carries the whole record.',
    titleVi: 'Cập nhật thông tin đơn vị hành chính',
    data: unitRecord,
  },
  AdministrativeUnitMerged: {
    summary: 'The unit was merged into its successor (sáp nhập); its territory and population live on there.',
    titleVi: 'Sáp nhập đơn vị hành chính',
    data: object(recordEnd(text('The unit it was merged into.'))),
  },
  AdministrativeUnitDissolved: {
    summary:
      'The unit was abolished (giải thể, e.g. the district level in 2025); tasks pass to the successor.',
    titleVi: 'Giải thể đơn vị hành chính',
    data: object(recordEnd(orNull(text('The unit that took over its tasks; null when none did.')))),
  },
});
