// Response and problem shapes of the dossier API as the OpenAPI document shows them (application/views.ts
// holds the same shapes as types). Problem documents are written by the platform's ProblemDetailsFilter.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DossierTextDto {
  @ApiProperty({ example: 'Đã tiếp nhận (mẫu 01)' })
  vi!: string;
  @ApiProperty({ example: 'Received (form 01)' })
  en!: string;
}

export class DossierActionResultDto {
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;
  @ApiProperty({ example: 'ReceiveDossier', description: 'The decider command that ran' })
  action!: string;
  @ApiProperty({ type: [String], example: ['DossierReceived'] })
  events!: string[];
  @ApiProperty({ description: 'The dossier’s stream version after the command' })
  version!: number;
  @ApiProperty({ enum: ['submitted', 'in-progress', 'paused', 'resolved', 'closed'] })
  status!: string;
  @ApiProperty({ example: 'received', description: 'The procedure’s workflow state, e.g. examine.active' })
  workflowState!: string;
  @ApiProperty({ type: DossierTextDto, nullable: true })
  workflowStateName!: DossierTextDto | null;
  @ApiProperty({ nullable: true, type: String, example: '000.31.18.H56-261123-0001' })
  code!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  receivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The committed deadline' })
  dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Form 01 appointment' })
  appointmentAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '07:00 24/11/2026', description: 'Local time' })
  appointmentLocal!: string | null;
  @ApiProperty({ type: [String], example: ['TRANSFER', 'WITHDRAW'], description: 'For the acting role' })
  allowedActions!: string[];
}

export class ApplicantViewDto {
  @ApiProperty({ example: 'Nguyễn V*** A**' })
  name!: string;
  @ApiProperty({ example: '*********123' })
  nationalId!: string;
  @ApiPropertyOptional({ example: '*******456' })
  phone?: string;
  @ApiPropertyOptional({ example: 'a***@example.vn' })
  email?: string;
  @ApiPropertyOptional({ example: '***, tỉnh Khánh Hòa' })
  address?: string;
}

export class DossierSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ nullable: true, type: String })
  code!: string | null;
  @ApiProperty()
  procedureCode!: string;
  @ApiProperty()
  procedureVersion!: number;
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty({ description: 'Agency of the current step (liên thông), else the competent agency' })
  currentAgency!: string;
  @ApiProperty({ nullable: true, type: String })
  currentStep!: string | null;
  @ApiProperty({ enum: ['counter', 'post', 'online'] })
  channel!: string;
  @ApiProperty({ enum: ['full', 'partial', 'none'] })
  onlineLevel!: string;
  @ApiProperty({ enum: ['submitted', 'in-progress', 'paused', 'resolved', 'closed'] })
  status!: string;
  @ApiProperty()
  workflowState!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['returned', 'refused', 'refused-to-receive', 'withdrawn'],
  })
  outcome!: string | null;
  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  receivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  appointmentAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '07:00 24/11/2026' })
  appointmentLocal!: string | null;
  @ApiProperty({ nullable: true, type: String })
  pauseKind!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  pausedSince!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['early', 'on-time', 'late'] })
  timeliness!: string | null;
  @ApiProperty()
  supplementRounds!: number;
  @ApiProperty()
  apologised!: boolean;
  @ApiProperty()
  atRisk!: boolean;
  @ApiProperty({ nullable: true, type: Number })
  rating!: number | null;
  @ApiProperty({ type: ApplicantViewDto })
  applicant!: ApplicantViewDto;
  @ApiProperty({
    enum: ['full', 'masked', 'erased'],
    description:
      'Full only for an official of the dossier’s agency (X-Actor-Agency); erased once the applicant’s data key was destroyed',
  })
  personalData!: string;
}

export class DossierClockDto {
  @ApiProperty({ enum: ['not-started', 'running', 'paused', 'stopped', 'unavailable'] })
  clock!: string;
  @ApiProperty({ format: 'date-time' })
  asOf!: string;
  @ApiPropertyOptional({ format: 'date-time' })
  dueAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  statutoryDueAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  appointmentAt?: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Working days; negative when overdue' })
  workingDaysLeft?: number | null;
  @ApiPropertyOptional({
    description:
      'Past the due instant; while paused, true when the clock stopped after it (waiting hides no lateness)',
  })
  overdue?: boolean;
  @ApiPropertyOptional({
    type: [Number],
    description:
      'Years between now and the deadline with no confirmed official calendar: the deadline was computed on a provisional one',
  })
  provisionalCalendarYears?: number[];
  @ApiPropertyOptional({ format: 'date-time' })
  pausedSince?: string;
  @ApiPropertyOptional()
  pauseKind?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  stoppedAt?: string;
  @ApiPropertyOptional({ example: 'calendar-year-missing' })
  problem?: string;
  @ApiPropertyOptional()
  year?: number;
}

export class TimelineActorDto {
  @ApiProperty()
  id!: string;
  @ApiProperty({ nullable: true, type: String })
  role!: string | null;
  @ApiProperty({ nullable: true, type: String })
  agency!: string | null;
}

export class TimelineItemDto {
  @ApiProperty()
  version!: number;
  @ApiProperty({ example: 'DossierReceived' })
  type!: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ example: '10:15 23/11/2026' })
  occurredLocal!: string;
  @ApiProperty({ type: DossierTextDto })
  label!: DossierTextDto;
  @ApiProperty({ type: TimelineActorDto, nullable: true })
  actor!: TimelineActorDto | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export class AttachmentViewDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  fileName!: string;
  @ApiProperty()
  mediaType!: string;
  @ApiProperty()
  sizeBytes!: number;
  @ApiPropertyOptional()
  documentCode?: string;
  @ApiPropertyOptional()
  sha256?: string;
}

export class DossierDetailsDto extends DossierSummaryDto {
  @ApiProperty({ type: DossierTextDto })
  procedureName!: DossierTextDto;
  @ApiProperty({ type: DossierTextDto, nullable: true })
  workflowStateName!: DossierTextDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  effectiveReceivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  statutoryDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['decree-61-2018', 'decree-118-2025'] })
  legalRegime!: string | null;
  @ApiProperty({ nullable: true, type: String })
  statutoryTimeliness!: string | null;
  @ApiProperty({ nullable: true, type: String })
  returnMethod!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  stepDueAt!: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Only with full personal data',
  })
  formData?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [AttachmentViewDto], description: 'Only with full personal data' })
  attachments?: AttachmentViewDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Only with full personal data' })
  paymentReference?: string | null;
  @ApiProperty({ type: DossierClockDto, description: 'The live clock at the time of the request' })
  clock!: DossierClockDto;
  @ApiProperty({ type: [String], description: 'What the reading role may do now (workflow events)' })
  allowedActions!: string[];
  @ApiProperty({ type: [TimelineItemDto], description: 'May lag the dossier by a moment' })
  timeline!: TimelineItemDto[];
  @ApiProperty()
  version!: number;
}

export class WorklistPageDto {
  @ApiProperty({ type: [DossierSummaryDto] })
  items!: DossierSummaryDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

// ---- Problem documents (RFC 9457) -------------------------------------------------------------------------

export class DossierProblemDto {
  @ApiProperty({ example: 'https://tthc-engine.dev/problems/dossier-not-found' })
  type!: string;
  @ApiProperty({ example: 'Not found' })
  title!: string;
  @ApiProperty({ example: 404 })
  status!: number;
  @ApiPropertyOptional()
  detail?: string;
  @ApiPropertyOptional({ description: 'The same in Vietnamese, where there is one' })
  detailVi?: string;
  @ApiPropertyOptional()
  instance?: string;
}

export class DossierFieldErrorDto {
  @ApiProperty({ example: '/applicant/personalId', description: 'JSON Pointer' })
  path!: string;
  @ApiPropertyOptional({ example: 'pattern' })
  keyword?: string;
  @ApiProperty()
  message!: string;
}

export class ValidationProblemDto extends DossierProblemDto {
  @ApiProperty({
    type: [DossierFieldErrorDto],
    description:
      'Every error at once: unknown or malformed request members, or (type invalid-application) every form-data error against the procedure’s JSON Schema',
  })
  errors!: DossierFieldErrorDto[];
}

export class AllowedActionDto {
  @ApiProperty({ example: 'TRANSFER' })
  event!: string;
  @ApiProperty({ nullable: true, type: String, example: 'examine.active' })
  target!: string | null;
}

/**
 * A 409 of a dossier action. The members below come with `dossier-action-not-allowed`; the one-stop rules'
 * refusals (apology-too-late, completion-already-requested, ...) carry their own members instead.
 */
export class ActionNotAllowedProblemDto extends DossierProblemDto {
  @ApiPropertyOptional({ example: 'APPROVE' })
  action?: string;
  @ApiPropertyOptional({ example: 'received', description: 'The dossier’s current workflow state' })
  state?: string;
  @ApiPropertyOptional({ example: 'leader' })
  role?: string;
  @ApiPropertyOptional({
    enum: ['unknown-state', 'not-available', 'role-not-allowed', 'guard-not-satisfied'],
  })
  reason?: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['TRANSFER', 'WITHDRAW'],
    description: 'Allowed now, this role',
  })
  allowedActions?: string[];
  @ApiPropertyOptional({ type: [AllowedActionDto] })
  allowed?: AllowedActionDto[];
  @ApiPropertyOptional()
  messageVi?: string;
}
