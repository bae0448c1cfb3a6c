// The dossier stream's events (libs/dossiers/src/domain/dossier/dossier-events.ts), forms 01–05 of the
// one-stop shop. Every event that moves a deadline carries the new value: consumers never recompute deadlines.
import { streamEvents } from './catalogue-entry';
import type { IrregularityRule } from '@tthc/dossiers';
import { arrayOf, boolean, integer, nonEmptyText, number, object, oneOfValues, text } from './json-schema';
import {
  agencyCode,
  applicant,
  applicationForm,
  attachments,
  channel,
  excludedIntervalKind,
  instant,
  localisedText,
  localTime,
  missingDocuments,
  officer,
  onlineServiceLevel,
  procedureCode,
  processingDuration,
  supplementPolicy,
  timeliness,
  workingDays,
} from './shared-data-schemas';

const dueAt = instant('The committed deadline: what statistics compare with (never moved by an apology).');
const statutoryDueAt = instant('The statutory deadline.');
const appointmentAt = instant('The return appointment on the receipt slip.');
const stepDueAt = instant("The current step's deadline.");
const stepId = (description: string) => text(`${description} A step id of the procedure's workflow.`);

/** Years a deadline crosses that had no confirmed official calendar (computed on a provisional one). */
const provisionalCalendarYears = arrayOf(
  integer('A year computed on a provisional calendar (the law alone, no yearly swaps).', { minimum: 2007 }),
  'Present only when a deadline was computed on a provisional calendar.',
);

/** The clock rules of the dossier decider (clock-rules.ts), checked both ways by the compiler. */
const IRREGULARITY_RULES = [
  'supplement-after-deadline',
  'supplement-window-closed',
  'supplement-rounds-exceeded',
  'excluded-interval-after-deadline',
  'apology-too-late',
  'late-without-apology',
  'refusal-after-deadline',
] as const satisfies readonly IrregularityRule[];
const everyRuleListed: Exclude<IrregularityRule, (typeof IRREGULARITY_RULES)[number]> extends never
  ? true
  : never = true;
void everyRuleListed;

/** The rules an act broke (imported histories, or acts the law times but cannot be refused). */
const irregularities = arrayOf(
  object(
    {
      rule: oneOfValues(IRREGULARITY_RULES, 'The rule broken (docs/domain/after-the-deadline.md).'),
      at: instant('When the act happened.'),
      limitAt: instant('The instant the act was due by.'),
      allowed: integer('How many the law allows (counted rules).', { minimum: 0 }),
      count: integer('Which one this act was (counted rules).', { minimum: 1 }),
    },
    { optional: ['limitAt', 'allowed', 'count'] },
  ),
  'Present only when the act broke a rule.',
);

const startedOverdue = oneOfValues([true], 'Present when the clock stopped after the due instant.');

/** A deadline moved by a pause: the same four instants every time the clock runs again. */
const rescheduledDeadlines = {
  dueAt: instant('The committed deadline after the pause (PAUSE: moved; RESTART: the full period again).'),
  statutoryDueAt,
  appointmentAt,
  stepDueAt,
  provisionalCalendarYears,
};

export const DOSSIER_EVENTS = streamEvents('dossier', {
  DossierSubmitted: {
    summary: 'A citizen or an officer submitted a dossier; it is not received yet.',
    titleVi: 'Nộp hồ sơ',
    data: object(
      {
        dossierId: nonEmptyText('The dossier id (the stream id).'),
        procedureCode: procedureCode(),
        procedureVersion: integer('The published procedure version the dossier follows.', { minimum: 1 }),
        agencyCode: agencyCode("The competent agency's electronic identifier code."),
        channel: channel('Submission channel:'),
        onlineServiceLevel: onlineServiceLevel(),
        onlineLevel: oneOfValues(['full', 'partial', 'none'], 'The level normalised to Decree 42/2022.'),
        applicant: applicant(),
        formData: applicationForm('The application form (tờ khai) as filled in.'),
        attachments: attachments('Files attached on submission.'),
        paymentReference: text('Reference of the fee payment, when paid online.'),
        applicantLocality: agencyCode(
          'The electronic code of the administrative unit the applicant lives in, when given (travel costs).',
        ),
        submittedAt: instant('When it was submitted.'),
      },
      { optional: ['paymentReference', 'applicantLocality'] },
    ),
  },
  DossierReceived: {
    summary: 'The dossier was received (form 01: receipt and appointment slip); the clock starts.',
    titleVi: 'Tiếp nhận hồ sơ (Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
    data: object(
      {
        dossierCode: text(
          'The dossier code (mã hồ sơ) <unit code>-YYMMDD-XXXX, e.g. 000.00.18.H56-260310-0001.',
          {
            pattern: '^.+-[0-9]{6}-[0-9]{4}$',
          },
        ),
        receivedAt: instant('The legal receipt instant printed on the slip.'),
        acceptedAt: instant('When the receiving officer accepted it.'),
        effectiveReceivedAt: instant('When the clock starts (after the cut-off: the next working period).'),
        legalRegime: oneOfValues(
          ['decree-61-2018', 'decree-118-2025'],
          'The one-stop shop regime by the local receipt date: Decree 61/2018 until 30 June 2025, then 118/2025.',
        ),
        committedDuration: processingDuration('The processing time the agency commits to.'),
        statutoryDuration: processingDuration('The processing time the law allows.'),
        deadlineMode: oneOfValues(
          ['WORKING_HOURS', 'END_OF_NTH_WORKING_DAY'],
          'How deadlines are counted: elapsed working time, or the end of the Nth working day.',
        ),
        receiptCutoff: localTime('After this time a dossier counts as received the next working day.'),
        supplementPolicy: supplementPolicy(),
        dueAt,
        statutoryDueAt,
        appointmentAt: instant('The return appointment on the slip (= dueAt at receipt).'),
        provisionalCalendarYears,
        receivingOfficer: officer('The officer who received it.'),
      },
      { optional: ['provisionalCalendarYears'] },
    ),
  },
  CompletionRequested: {
    summary:
      'Before acceptance, the officer asked for the dossier to be completed (form 02), once and fully.',
    titleVi: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ khi tiếp nhận (Mẫu 02)',
    data: object({
      requestedAt: instant('When it was asked.'),
      missingDocuments: missingDocuments(),
      guidance: text('The written guidance given.'),
    }),
  },
  DossierCompleted: {
    summary: 'The applicant completed the dossier as asked; it awaits receipt again.',
    titleVi: 'Hồ sơ đã được bổ sung, hoàn thiện',
    data: object(
      {
        completedAt: instant('When it was completed.'),
        channel: channel('Channel of the completion:'),
        formData: applicationForm('The corrected application, when it changed.'),
        addedAttachments: attachments('Files added.'),
      },
      { optional: ['formData'] },
    ),
  },
  ReceiptRefused: {
    summary: 'The dossier was refused at intake (form 03); it never counts as received.',
    titleVi: 'Từ chối tiếp nhận hồ sơ (Mẫu 03)',
    data: object({ refusedAt: instant('When it was refused.'), reason: text('The reason given.') }),
  },
  DossierTransferred: {
    summary: 'The one-stop counter transferred the received dossier to the first processing step.',
    titleVi: 'Chuyển hồ sơ đến cơ quan, bộ phận giải quyết',
    data: object({
      transferredAt: instant('When it was transferred.'),
      transferDeadline: instant('Immediately, or the start of the next working day after the cut-off.'),
      timeliness: timeliness('Against transferDeadline, at day granularity.'),
      toStep: stepId('The first processing step.'),
      toAgency: text('The agency of that step.'),
      stepTimeBudget: workingDays('The time budget of that step.'),
      stepDueAt,
    }),
  },
  DossierHandedOver: {
    summary:
      "The dossier moved between workflow steps (a line of form 05), with the finished step's timeliness.",
    titleVi: 'Bàn giao hồ sơ (Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ)',
    data: object({
      event: text("The definition's workflow event, e.g. HAND_OVER, SUBMIT_FOR_SIGNATURE, SEND_BACK."),
      handedOverAt: instant('When it was handed over.'),
      fromStep: stepId('The finished step.'),
      fromAgency: text('Its agency.'),
      toStep: stepId('The next step.'),
      toAgency: text('Its agency.'),
      interAgency: boolean('True when the dossier crosses to another agency (liên thông).'),
      stepStartedAt: instant('When the finished step started.'),
      timeBudget: workingDays('The time budget of the finished step.'),
      stepDueAt: instant("The finished step's deadline."),
      workingDaysUsed: workingDays('Time the finished step took, net of pauses.'),
      timeliness: timeliness('The finished step: early, on time or late.'),
      nextStepTimeBudget: workingDays('The time budget of the next step.'),
      nextStepDueAt: instant("The next step's deadline."),
    }),
  },
  SupplementRequested: {
    summary: 'After acceptance, the officer asked the citizen to supplement (form 02); the clock stops.',
    titleVi: 'Yêu cầu bổ sung hồ sơ trong quá trình giải quyết (Mẫu 02)',
    data: object(
      {
        requestedAt: instant('When it was asked; the clock stops here.'),
        step: stepId('The step that asked.'),
        reason: text('Why.'),
        missingDocuments: missingDocuments(),
        policy: supplementPolicy(),
        round: integer('1 for the first request on this dossier.', { minimum: 1 }),
        windowEndsAt: instant('The end of the window in which this request was allowed.'),
        startedOverdue,
        irregularities,
      },
      { optional: ['startedOverdue', 'irregularities'] },
    ),
  },
  SupplementProvided: {
    summary: 'The citizen supplemented the dossier; the clock runs again with the moved deadlines.',
    titleVi: 'Công dân đã bổ sung hồ sơ',
    data: object(
      {
        providedAt: instant('When it was supplemented.'),
        resumedAt: instant('When the clock runs again (after the cut-off: the next working period).'),
        channel: channel('Channel of the supplement:'),
        formData: applicationForm('The corrected application, when it changed.'),
        addedAttachments: attachments('Files added.'),
        policy: supplementPolicy(),
        pausedWorkingDays: workingDays('Working time the clock stood still.'),
        ...rescheduledDeadlines,
      },
      { optional: ['formData', 'provisionalCalendarYears'] },
    ),
  },
  ExcludedIntervalStarted: {
    summary: 'An interval the law does not count towards the processing time started; the clock stops.',
    titleVi: 'Bắt đầu thời gian không tính vào thời hạn giải quyết',
    data: object(
      {
        kind: excludedIntervalKind('Which interval.'),
        startedAt: instant('When it started.'),
        step: stepId('The step it stops.'),
        legalBasis: text('The legal provision that excludes it.'),
        note: text('A free-text note.'),
        startedOverdue,
        irregularities,
      },
      { optional: ['note', 'startedOverdue', 'irregularities'] },
    ),
  },
  ExcludedIntervalEnded: {
    summary: 'The excluded interval ended; the clock runs again with the moved deadlines.',
    titleVi: 'Kết thúc thời gian không tính vào thời hạn giải quyết',
    data: object(
      {
        kind: excludedIntervalKind('Which interval.'),
        endedAt: instant('When it ended.'),
        pausedWorkingDays: workingDays('Working time the clock stood still.'),
        ...rescheduledDeadlines,
      },
      { optional: ['provisionalCalendarYears'] },
    ),
  },
  DossierApproved: {
    summary: 'The competent person approved (signed) the resolution.',
    titleVi: 'Phê duyệt kết quả giải quyết hồ sơ',
    data: object({
      approvedAt: instant('When it was approved.'),
      step: stepId('The approving step.'),
      stepDueAt,
      stepWorkingDaysUsed: workingDays('Time the approving step took, net of pauses.'),
      stepTimeliness: timeliness('The approving step: early, on time or late.'),
    }),
  },
  ResolutionRefused: {
    summary:
      'The agency refused to resolve the dossier, with reasons; the notice is timed against the deadline.',
    titleVi: 'Từ chối giải quyết hồ sơ',
    data: object(
      {
        refusedAt: instant('When it was refused.'),
        step: stepId('The refusing step.'),
        reason: text('The reasons given.'),
        dueAt: instant('The committed deadline the notice was due by (absent in events before this rule).'),
        granularity: oneOfValues(['day', 'minute'], 'The granularity timeliness is measured at.'),
        timeliness: timeliness('The notice against dueAt.'),
        irregularities,
      },
      { optional: ['dueAt', 'granularity', 'timeliness', 'irregularities'] },
    ),
  },
  ResultIssued: {
    summary: 'The result was issued: the dossier counts as resolved now, measured against its deadlines.',
    titleVi: 'Có kết quả giải quyết hồ sơ',
    data: object(
      {
        resolvedAt: instant('When it was resolved.'),
        electronic: boolean('Whether the result is an electronic document.'),
        dueAt: instant(
          'The committed deadline kept through any rescheduling: what timeliness is measured against.',
        ),
        statutoryDueAt,
        appointmentAt,
        granularity: oneOfValues(['day', 'minute'], 'The granularity timeliness is measured at.'),
        timeliness: timeliness('Against dueAt.'),
        statutoryTimeliness: timeliness('Against statutoryDueAt.'),
        workingDaysUsed: workingDays('From the effective receipt to the resolution, net of every pause.'),
        workingDaysBeforeDue: workingDays('Before dueAt; negative when late.'),
        workingDaysBeforeStatutoryDue: workingDays('Before statutoryDueAt; negative when late.'),
        apologised: boolean('Whether an apology was issued (late dossiers are reported with / without one).'),
        irregularities,
      },
      { optional: ['irregularities'] },
    ),
  },
  ResultReturned: {
    summary: 'The result was handed to the citizen.',
    titleVi: 'Trả kết quả giải quyết hồ sơ',
    data: object({ returnedAt: instant('When it was returned.'), method: channel('How:') }),
  },
  DossierWithdrawn: {
    summary: 'The applicant withdrew the dossier.',
    titleVi: 'Rút hồ sơ',
    data: object({
      withdrawnAt: instant('When it was withdrawn.'),
      reason: text('The reason given.'),
      fromState: text('The workflow state it was withdrawn from.'),
    }),
  },
  ApologyIssued: {
    summary: 'The body at fault apologised for a late dossier (form 04, first half).',
    titleVi: 'Văn bản xin lỗi (Mẫu 04)',
    data: object(
      {
        issuedAt: instant('When it was issued.'),
        reason: text('The reason for the delay.'),
        agencyCode: agencyCode('The agency at fault.'),
        originalDueAt: instant('The committed deadline, kept for statistics.'),
        workingDaysLeft: workingDays('Time left before the deadline when it was issued; negative when late.'),
        irregularities,
      },
      { optional: ['irregularities'] },
    ),
  },
  AppointmentRescheduled: {
    summary: 'A new return date was set with the apology (form 04, second half); at most once.',
    titleVi: 'Hẹn lại ngày trả kết quả (Mẫu 04)',
    data: object({
      rescheduledAt: instant('When it was rescheduled.'),
      previousAppointmentAt: instant('The appointment before.'),
      newAppointmentAt: instant('The new appointment.'),
      originalDueAt: instant('The committed deadline, which statistics keep.'),
      reason: text('The reason given.'),
    }),
  },
  DossierRated: {
    summary: 'The citizen rated the service.',
    titleVi: 'Đánh giá mức độ hài lòng',
    data: object(
      {
        ratedAt: instant('When it was rated.'),
        score: oneOfValues([1, 2, 3, 4, 5], 'From 1 (very dissatisfied) to 5 (very satisfied).'),
        comment: text('A free-text comment.'),
      },
      { optional: ['comment'] },
    ),
  },
  DossierAtRisk: {
    summary:
      'Little working time is left while the clock runs; raised once, with an apology draft while one can be issued.',
    titleVi: 'Hồ sơ sắp đến hạn giải quyết',
    data: object(
      {
        flaggedAt: instant('When it was flagged.'),
        dueAt,
        appointmentAt,
        workingDaysLeft: workingDays('Time left before dueAt.'),
        thresholdWorkingHours: number('The threshold that raised it, in working hours.'),
        draftApology: localisedText(
          'A form 04 draft for the officer to complete (reason, new date, applicant) and issue; absent once form 04 can no longer be issued.',
        ),
      },
      { optional: ['draftApology'] },
    ),
  },
});
