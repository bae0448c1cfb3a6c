/**
 * The procedure definition format: what an agency writes (YAML or JSON) to describe one administrative
 * procedure (thủ tục hành chính). Two shapes exist on purpose:
 * - `ProcedureDefinitionDocument` is the document as authored, with optional fields left out;
 * - `ProcedureDefinition` is what validation returns: every default written out, so a published version
 *   never changes meaning when an engine default changes later.
 * The JSON Schema in `procedure-definition.schema.json` describes the document shape; keep both in step.
 */
import type { Guard } from './guard';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
/** A JSON object; used for embedded JSON Schemas (the application form, schema guards). */
export type JsonObject = { readonly [key: string]: JsonValue };

/** Every human-facing text comes in Vietnamese (the legal language) and English. */
export interface LocalisedText {
  readonly vi: string;
  readonly en: string;
}

export const AGENCY_LEVELS = ['commune', 'district', 'province', 'ministry'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/**
 * Legacy levels 2–4 (Decree 61/2018) and the Decree 42/2022 levels: 'partial' ≈ 3, 'full' ≈ 4.
 * Level 2 is "not online" in practice.
 */
export const ONLINE_SERVICE_LEVELS = [2, 3, 4, 'partial', 'full'] as const;
export type OnlineServiceLevel = (typeof ONLINE_SERVICE_LEVELS)[number];

export const DURATION_UNITS = ['working-days', 'calendar-days', 'same-day'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Processing time. Days come in halves; a same-day procedure has no day count. */
export type Duration =
  | { readonly value: number; readonly unit: 'working-days' | 'calendar-days' }
  | { readonly value?: 0; readonly unit: 'same-day' };

/** What happens to the clock while the citizen supplements after acceptance (docs/domain/working-time.md). */
export const SUPPLEMENT_POLICIES = ['PAUSE', 'RESTART'] as const;
export type SupplementPolicy = (typeof SUPPLEMENT_POLICIES)[number];

/** Counter (trực tiếp), public postal service (bưu chính công ích) or online (trực tuyến). */
export const CHANNELS = ['counter', 'post', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Intervals that sector law says "không tính vào thời gian giải quyết". */
export const EXCLUDED_INTERVAL_KINDS = [
  'inter-agency-verification',
  'financial-obligation',
  'public-posting',
  'expert-appraisal',
  'site-inspection',
] as const;
export type ExcludedIntervalKind = (typeof EXCLUDED_INTERVAL_KINDS)[number];

export const STEP_KINDS = ['processing', 'partner-agency'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface AgencyRef {
  /** Electronic identifier code (mã định danh điện tử), the prefix of dossier codes, e.g. 000.00.18.H56. */
  readonly code: string;
  readonly name: LocalisedText;
  readonly level: AgencyLevel;
}

export interface FieldRef {
  readonly code: string;
  readonly name: LocalisedText;
}

export interface Fee {
  readonly code: string;
  readonly name: LocalisedText;
  /** In VND; 0 for an explicit exemption. */
  readonly amount: number;
  /** Submission channels the amount applies to; all channels when left out (many provinces waive online). */
  readonly channels?: readonly Channel[];
  readonly legalBasis?: string;
  readonly note?: LocalisedText;
}

export interface RequiredDocument {
  readonly code: string;
  readonly name: LocalisedText;
  readonly originals: number;
  readonly copies: number;
  /** Official template, e.g. "Mẫu TK đăng ký khai sinh (Thông tư 04/2020/TT-BTP)". */
  readonly template?: string;
  /** Only required when the application form matches; always required when left out. */
  readonly condition?: Guard;
  readonly note?: LocalisedText;
}

export interface TripCost {
  /** Working days one trip to the office costs a citizen (travel, waiting, lost work). */
  readonly defaultDays: number;
  /** Per locality (commune electronic code) where it differs, e.g. remote mountain communes. */
  readonly byLocality?: Readonly<Record<string, number>>;
}

export interface ExcludedInterval {
  readonly kind: ExcludedIntervalKind;
  /** The provision that takes this interval out of the processing time. */
  readonly legalBasis: string;
  readonly note?: LocalisedText;
}

export interface RoleDeclaration {
  readonly id: string;
  readonly name: LocalisedText;
}

export interface EventDeclaration {
  readonly type: string;
  readonly name: LocalisedText;
}

export interface StepTransitionDocument {
  readonly event: string;
  /** A step id, or `approved` (only via APPROVE) / `refused` (only via REFUSE). */
  readonly target: string;
  /** Who may fire it; the step's roles when left out. */
  readonly roles?: readonly string[];
  readonly guard?: Guard;
  readonly name?: LocalisedText;
}

export interface WorkflowStepDocument {
  readonly id: string;
  readonly name: LocalisedText;
  readonly kind: StepKind;
  /** For `partner-agency` steps (liên thông): the electronic code of a declared partner agency. */
  readonly agency?: string;
  readonly roles: readonly string[];
  /** Working days this step may take (multiples of 0.25 = two office hours). */
  readonly timeBudget: number;
  /** Left out: HAND_OVER to the next step, or APPROVE for the last step. */
  readonly transitions?: readonly StepTransitionDocument[];
}

export interface ProcedureDefinitionDocument {
  readonly $schema?: string;
  /** National procedure code from the national database (CSDL quốc gia về TTHC), e.g. 1.004873. */
  readonly code: string;
  readonly name: LocalisedText;
  readonly field: FieldRef;
  readonly agency: AgencyRef;
  readonly partnerAgencies?: readonly AgencyRef[];
  readonly onlineServiceLevel: OnlineServiceLevel;
  readonly statutoryDuration: Duration;
  readonly committedDuration: Duration;
  readonly supplementPolicy?: SupplementPolicy;
  /** Working days after receipt within which a supplement may be requested (docs/domain/working-time.md: 3 by default). */
  readonly supplementRequestWindow?: number;
  /** Local time after which a dossier counts as received the next working day. */
  readonly receiptCutoff?: string;
  readonly legalBasis?: readonly string[];
  readonly fees: readonly Fee[];
  readonly requiredDocuments: readonly RequiredDocument[];
  /** JSON Schema (draft 2020-12) of the application form (tờ khai). */
  readonly applicationForm: JsonObject;
  readonly resultDelivery: readonly Channel[];
  readonly tripCost: TripCost;
  readonly excludedIntervals?: readonly ExcludedInterval[];
  readonly roles: readonly RoleDeclaration[];
  readonly events?: readonly EventDeclaration[];
  readonly workflow: { readonly steps: readonly WorkflowStepDocument[] };
}

export interface StepTransition extends StepTransitionDocument {
  readonly roles: readonly string[];
}

export interface WorkflowStep extends Omit<WorkflowStepDocument, 'transitions'> {
  readonly transitions: readonly StepTransition[];
}

/** A validated definition with every default written out. */
export interface ProcedureDefinition extends Omit<
  ProcedureDefinitionDocument,
  | '$schema'
  | 'partnerAgencies'
  | 'supplementPolicy'
  | 'supplementRequestWindow'
  | 'receiptCutoff'
  | 'legalBasis'
  | 'excludedIntervals'
  | 'events'
  | 'workflow'
> {
  readonly partnerAgencies: readonly AgencyRef[];
  readonly supplementPolicy: SupplementPolicy;
  readonly supplementRequestWindow: number;
  readonly receiptCutoff: string;
  readonly legalBasis: readonly string[];
  readonly excludedIntervals: readonly ExcludedInterval[];
  readonly events: readonly EventDeclaration[];
  readonly workflow: { readonly steps: readonly WorkflowStep[] };
}

export const DEFAULT_SUPPLEMENT_POLICY: SupplementPolicy = 'PAUSE';
export const DEFAULT_SUPPLEMENT_REQUEST_WINDOW = 3;
export const DEFAULT_RECEIPT_CUTOFF = '15:00';

/** Trip cost in days for a citizen of the given locality (commune code), falling back to the default. */
export function tripCostDays(definition: Pick<ProcedureDefinition, 'tripCost'>, locality?: string): number {
  const byLocality = definition.tripCost.byLocality ?? {};
  return locality !== undefined && Object.hasOwn(byLocality, locality)
    ? byLocality[locality]
    : definition.tripCost.defaultDays;
}
