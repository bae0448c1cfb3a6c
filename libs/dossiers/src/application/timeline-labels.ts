// One line per event for the dossier's timeline, in Vietnamese and English, and the details that are safe to
// show with it. Pure and built from the event alone (the projection must give identical rows on a rebuild),
// so steps appear by their id: names live in the procedure version, which the timeline does not read.
// Details never hold the applicant's personal data or form data: the citizen lookup shows them.
import type { LocalisedText } from '@tthc/procedures';
import { formatLocalMinute, fromInstant, type DossierEvent } from '../domain/dossier';

export interface TimelineEntry {
  readonly label: LocalisedText;
  readonly details: Record<string, unknown>;
}

const CHANNEL: Record<string, LocalisedText> = {
  counter: { vi: 'trực tiếp', en: 'at the counter' },
  post: { vi: 'qua bưu chính công ích', en: 'by public post' },
  online: { vi: 'trực tuyến', en: 'online' },
};

const TIMELINESS: Record<string, LocalisedText> = {
  early: { vi: 'trước hạn', en: 'early' },
  'on-time': { vi: 'đúng hạn', en: 'on time' },
  late: { vi: 'quá hạn', en: 'late' },
};

const INTERVAL: Record<string, LocalisedText> = {
  'inter-agency-verification': { vi: 'xác minh liên cơ quan', en: 'inter-agency verification' },
  'financial-obligation': { vi: 'chờ thực hiện nghĩa vụ tài chính', en: 'financial obligations' },
  'public-posting': { vi: 'niêm yết công khai', en: 'public posting' },
  'expert-appraisal': { vi: 'giám định, thẩm định', en: 'expert appraisal' },
  'site-inspection': { vi: 'kiểm tra thực địa', en: 'site inspection' },
};

const pick = (table: Record<string, LocalisedText>, key: unknown): LocalisedText => {
  const text = typeof key === 'string' ? table[key] : undefined;
  return text ?? { vi: String(key), en: String(key) };
};

/** `HH:MM dd/MM/yyyy` local time, or `?` for a value an odd event lacks (the projection must not throw). */
const local = (instant: unknown): string => {
  if (typeof instant !== 'string') return '?';
  const date = fromInstant(instant);
  return Number.isNaN(date.getTime()) ? '?' : formatLocalMinute(date);
};

const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);

export function describeEvent(event: DossierEvent): TimelineEntry {
  switch (event.type) {
    case 'DossierSubmitted': {
      const { channel, onlineLevel, procedureCode, procedureVersion } = event.data;
      const how = pick(CHANNEL, channel);
      return {
        label: { vi: `Nộp hồ sơ ${how.vi}`, en: `Dossier submitted ${how.en}` },
        details: {
          channel,
          onlineLevel,
          procedureCode,
          procedureVersion,
          attachments: count(event.data.attachments),
        },
      };
    }
    case 'DossierReceived': {
      const d = event.data;
      const appointment = local(d.appointmentAt);
      return {
        label: {
          vi: `Tiếp nhận hồ sơ số ${d.dossierCode}, hẹn trả kết quả lúc ${appointment} (mẫu 01)`,
          en: `Received as ${d.dossierCode}; result appointment ${appointment} (form 01)`,
        },
        details: {
          dossierCode: d.dossierCode,
          receivedAt: d.receivedAt,
          effectiveReceivedAt: d.effectiveReceivedAt,
          dueAt: d.dueAt,
          appointmentAt: d.appointmentAt,
          legalRegime: d.legalRegime,
        },
      };
    }
    case 'CompletionRequested':
      return {
        label: {
          vi: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ (mẫu 02)',
          en: 'Asked to complete the dossier (form 02)',
        },
        details: { guidance: event.data.guidance, missingDocuments: event.data.missingDocuments },
      };
    case 'DossierCompleted': {
      const how = pick(CHANNEL, event.data.channel);
      return {
        label: { vi: `Đã bổ sung, hoàn thiện hồ sơ ${how.vi}`, en: `Dossier completed ${how.en}` },
        details: { channel: event.data.channel, addedAttachments: count(event.data.addedAttachments) },
      };
    }
    case 'ReceiptRefused':
      return {
        label: {
          vi: `Từ chối tiếp nhận hồ sơ (mẫu 03): ${event.data.reason}`,
          en: `Refused at intake (form 03): ${event.data.reason}`,
        },
        details: { reason: event.data.reason },
      };
    case 'DossierTransferred': {
      const d = event.data;
      const when = pick(TIMELINESS, d.timeliness);
      return {
        label: {
          vi: `Chuyển xử lý đến bước "${d.toStep}" (${when.vi})`,
          en: `Transferred for processing to step "${d.toStep}" (${when.en})`,
        },
        details: { toStep: d.toStep, toAgency: d.toAgency, timeliness: d.timeliness, stepDueAt: d.stepDueAt },
      };
    }
    case 'DossierHandedOver': {
      const d = event.data;
      const when = pick(TIMELINESS, d.timeliness);
      return {
        label: {
          vi: `Chuyển từ bước "${d.fromStep}" sang bước "${d.toStep}" (${d.event}; bước trước ${when.vi})`,
          en: `Handed over from step "${d.fromStep}" to "${d.toStep}" (${d.event}; previous step ${when.en})`,
        },
        details: {
          event: d.event,
          fromStep: d.fromStep,
          fromAgency: d.fromAgency,
          toStep: d.toStep,
          toAgency: d.toAgency,
          interAgency: d.interAgency,
          timeliness: d.timeliness,
          workingDaysUsed: d.workingDaysUsed,
          nextStepDueAt: d.nextStepDueAt,
        },
      };
    }
    case 'SupplementRequested':
      return {
        label: {
          vi: `Yêu cầu bổ sung hồ sơ lần ${event.data.round} (mẫu 02); tạm dừng tính thời gian: ${event.data.reason}`,
          en: `Supplement requested, round ${event.data.round} (form 02); clock paused: ${event.data.reason}`,
        },
        details: {
          round: event.data.round,
          step: event.data.step,
          reason: event.data.reason,
          missingDocuments: event.data.missingDocuments,
          policy: event.data.policy,
        },
      };
    case 'SupplementProvided': {
      const appointment = local(event.data.appointmentAt);
      return {
        label: {
          vi: `Đã nộp bổ sung; tiếp tục tính thời gian, hẹn trả lúc ${appointment}`,
          en: `Supplement provided; clock resumed, appointment ${appointment}`,
        },
        details: {
          channel: event.data.channel,
          addedAttachments: count(event.data.addedAttachments),
          resumedAt: event.data.resumedAt,
          pausedWorkingDays: event.data.pausedWorkingDays,
          dueAt: event.data.dueAt,
          appointmentAt: event.data.appointmentAt,
        },
      };
    }
    case 'ExcludedIntervalStarted': {
      const kind = pick(INTERVAL, event.data.kind);
      return {
        label: {
          vi: `Bắt đầu thời gian không tính vào thời hạn giải quyết (${kind.vi})`,
          en: `Excluded interval started (${kind.en}): the clock stops`,
        },
        details: { kind: event.data.kind, step: event.data.step, legalBasis: event.data.legalBasis },
      };
    }
    case 'ExcludedIntervalEnded': {
      const kind = pick(INTERVAL, event.data.kind);
      const appointment = local(event.data.appointmentAt);
      return {
        label: {
          vi: `Kết thúc thời gian không tính (${kind.vi}); hẹn trả lúc ${appointment}`,
          en: `Excluded interval ended (${kind.en}); appointment ${appointment}`,
        },
        details: {
          kind: event.data.kind,
          pausedWorkingDays: event.data.pausedWorkingDays,
          dueAt: event.data.dueAt,
          appointmentAt: event.data.appointmentAt,
        },
      };
    }
    case 'DossierApproved':
      return {
        label: { vi: 'Phê duyệt kết quả giải quyết', en: 'Approved' },
        details: { step: event.data.step, stepTimeliness: event.data.stepTimeliness },
      };
    case 'ResolutionRefused':
      return {
        label: {
          vi: `Từ chối giải quyết: ${event.data.reason}`,
          en: `Refused to resolve: ${event.data.reason}`,
        },
        details: { step: event.data.step, reason: event.data.reason },
      };
    case 'ResultIssued': {
      const when = pick(TIMELINESS, event.data.timeliness);
      return {
        label: {
          vi: `Có kết quả giải quyết${event.data.electronic ? ' (bản điện tử)' : ''}, ${when.vi}`,
          en: `Result issued${event.data.electronic ? ' (electronic)' : ''}, ${when.en}`,
        },
        details: {
          electronic: event.data.electronic,
          timeliness: event.data.timeliness,
          dueAt: event.data.dueAt,
          workingDaysUsed: event.data.workingDaysUsed,
        },
      };
    }
    case 'ResultReturned': {
      const how = pick(CHANNEL, event.data.method);
      return {
        label: { vi: `Đã trả kết quả ${how.vi}`, en: `Result returned ${how.en}` },
        details: { method: event.data.method },
      };
    }
    case 'DossierWithdrawn':
      return {
        label: { vi: 'Người nộp rút hồ sơ', en: 'Withdrawn by the applicant' },
        details: { reason: event.data.reason, fromState: event.data.fromState },
      };
    case 'ApologyIssued':
      return {
        label: {
          vi: `Cơ quan xin lỗi vì chậm trả kết quả (mẫu 04): ${event.data.reason}`,
          en: `Apology for the delay (form 04): ${event.data.reason}`,
        },
        details: { reason: event.data.reason, agencyCode: event.data.agencyCode },
      };
    case 'AppointmentRescheduled': {
      const appointment = local(event.data.newAppointmentAt);
      return {
        label: {
          vi: `Hẹn lại ngày trả kết quả: ${appointment}`,
          en: `Result appointment rescheduled to ${appointment}`,
        },
        details: {
          previousAppointmentAt: event.data.previousAppointmentAt,
          newAppointmentAt: event.data.newAppointmentAt,
        },
      };
    }
    case 'DossierRated':
      // The comment is free text the citizen wrote: not repeated in a timeline anyone with the code can read.
      return {
        label: {
          vi: `Đánh giá mức độ hài lòng: ${event.data.score}/5`,
          en: `Satisfaction rated ${event.data.score}/5`,
        },
        details: { score: event.data.score },
      };
    case 'DossierAtRisk':
      return {
        label: { vi: 'Cảnh báo hồ sơ có nguy cơ trễ hạn', en: 'Flagged at risk of being late' },
        details: { dueAt: event.data.dueAt, workingDaysLeft: event.data.workingDaysLeft },
      };
    default: {
      const type = (event as { type: string }).type;
      return { label: { vi: type, en: type }, details: {} };
    }
  }
}
