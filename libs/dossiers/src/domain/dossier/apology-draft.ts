// A draft of form 04 (phiếu xin lỗi và hẹn lại ngày trả kết quả) for a dossier at risk of being late. The
// officer completes the reason and the new date before issuing it with IssueApology. It carries no personal
// data: the event it rides in is relayed and delivered in clear, so the applicant's name is a placeholder
// the desk fills from the sealed applicant when it prints the form.
import type { LocalisedText } from '@tthc/procedures';
import { toLocalDateTime } from '../calendar';

export interface ApologyDraftInput {
  readonly dossierCode: string;
  readonly procedureName: LocalisedText;
  readonly agencyName: LocalisedText;
  readonly dueAt: Date;
}

/** `HH:MM dd/MM/yyyy`, local time, as on the appointment slip. */
export function formatLocalMinute(instant: Date): string {
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const pad = (value: number) => String(Math.floor(value)).padStart(2, '0');
  const [year, month, day] = date.split('-');
  return `${pad(minuteOfDay / 60)}:${pad(minuteOfDay % 60)} ${day}/${month}/${year}`;
}

export function draftApology(input: ApologyDraftInput): LocalisedText {
  const due = formatLocalMinute(input.dueAt);
  return {
    vi:
      `${input.agencyName.vi} xin lỗi ông/bà [họ và tên người nộp hồ sơ] vì hồ sơ số ${input.dossierCode} ` +
      `(thủ tục "${input.procedureName.vi}") có thể không được trả kết quả đúng hẹn lúc ${due}. ` +
      'Lý do: [nêu lý do]. Chúng tôi xin hẹn lại thời gian trả kết quả vào [ngày, giờ hẹn mới] ' +
      'và mong ông/bà thông cảm.',
    en:
      `${input.agencyName.en} apologises to [applicant's full name]: the result of dossier ${input.dossierCode} ` +
      `("${input.procedureName.en}") may not be ready at the appointment of ${due}. ` +
      'Reason: [state the reason]. We propose a new return appointment on [new date and time] ' +
      'and thank you for your understanding.',
  };
}
