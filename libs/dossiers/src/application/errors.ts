// The dossier application's own refusals (the decider's are in domain/dossier/errors.ts). One channel: use
// cases throw DomainError subclasses, the ProblemDetailsFilter turns `kind` into the status, in one place.
import { DomainError } from '@tthc/shared-kernel';
import type { ProcessingDuration } from '../domain/calendar';
import { formatLocalMinute } from '../domain/dossier';

/** No published version of this procedure (or not this version). → 404 */
export class ProcedureVersionNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'procedure-not-found';

  constructor(
    readonly procedureCode: string,
    readonly version?: number,
  ) {
    super(
      version === undefined
        ? `No published version of procedure ${procedureCode} exists.`
        : `Procedure ${procedureCode} has no published version ${version}.`,
    );
    this.name = 'ProcedureVersionNotFound';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi:
        this.version === undefined
          ? `Không có phiên bản đã công bố nào của thủ tục ${this.procedureCode}.`
          : `Thủ tục ${this.procedureCode} không có phiên bản ${this.version} đã công bố.`,
      procedureCode: this.procedureCode,
      ...(this.version === undefined ? {} : { version: this.version }),
    };
  }
}

/** The procedure was retired: it accepts no new dossier. → 422 */
export class ProcedureRetired extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'procedure-retired';

  constructor(readonly procedureCode: string) {
    super(`Procedure ${procedureCode} has been retired and accepts no new dossiers.`);
    this.name = 'ProcedureRetired';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: `Thủ tục ${this.procedureCode} đã bãi bỏ, không nhận hồ sơ mới.`,
      procedureCode: this.procedureCode,
    };
  }
}

/** Online submissions must carry an Idempotency-Key: portals retry, and a retry must not make a twin. → 400 */
export class IdempotencyKeyRequired extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'idempotency-key-required';

  constructor() {
    super(
      'An online submission needs an Idempotency-Key header, so that a retry cannot create a second dossier.',
    );
    this.name = 'IdempotencyKeyRequired';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: 'Hồ sơ nộp trực tuyến phải có tiêu đề Idempotency-Key để gửi lại không tạo hồ sơ trùng.',
      errors: [{ path: '/headers/idempotency-key', message: 'is required for online submissions' }],
    };
  }
}

/** The Idempotency-Key is not 1–200 visible ASCII characters. → 400 */
export class InvalidIdempotencyKey extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'validation-failed';

  constructor() {
    super('The Idempotency-Key header must be 1 to 200 visible ASCII characters.');
    this.name = 'InvalidIdempotencyKey';
  }

  override details(): Record<string, unknown> {
    return {
      errors: [{ path: '/headers/idempotency-key', message: 'must be 1 to 200 visible ASCII characters' }],
    };
  }
}

/**
 * The submission states an online level it cannot have: above the level the procedure offers (a full
 * procedure accepts a partial submission, not the reverse), or any level on a counter or postal submission,
 * which is not online (docs/domain/online-service-levels.md). → 422
 */
export class OnlineLevelMismatch extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'online-level-mismatch';

  constructor(
    readonly procedureCode: string,
    readonly stated: string,
    readonly procedureLevel: string,
    readonly channel: string = 'online',
  ) {
    super(
      channel === 'online'
        ? `The submission states online level "${stated}", but procedure ${procedureCode} is offered at level "${procedureLevel}" at most.`
        : `The submission states online level "${stated}", but a ${channel} submission is not online.`,
    );
    this.name = 'OnlineLevelMismatch';
  }

  override details(): Record<string, unknown> {
    return {
      procedureCode: this.procedureCode,
      stated: this.stated,
      procedureLevel: this.procedureLevel,
      channel: this.channel,
    };
  }
}

/** Commands need a caller who says who they are (X-Actor-Id and X-Actor-Role until authentication). → 403 */
export class IdentityRequired extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'identity-required';

  constructor() {
    super(
      'Identify yourself (X-Actor-Id and X-Actor-Role, and X-Actor-Agency for officials) to act on dossiers.',
    );
    this.name = 'IdentityRequired';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: 'Hãy cho biết danh tính (X-Actor-Id, X-Actor-Role, X-Actor-Agency) để thao tác trên hồ sơ.',
    };
  }
}

/** GET of a dossier id or code that does not exist. → 404 */
export class DossierNotKnown extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'dossier-not-found';

  constructor(readonly reference: string) {
    super(`There is no dossier ${reference}.`);
    this.name = 'DossierNotKnown';
  }

  override details(): Record<string, unknown> {
    return { detailVi: `Không có hồ sơ ${this.reference}.`, dossier: this.reference };
  }
}

/**
 * The citizen lookup found nothing for this code and verification detail. Deliberately silent about which
 * of the two was wrong, so the lookup cannot be used to learn which codes exist. → 404
 */
export class DossierLookupFailed extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'dossier-lookup-failed';

  constructor() {
    super('No dossier matches this code and verification detail.');
    this.name = 'DossierLookupFailed';
  }

  override details(): Record<string, unknown> {
    return { detailVi: 'Không tìm thấy hồ sơ khớp với mã hồ sơ và thông tin xác minh.' };
  }
}

/** The unit already gave out code 9999 on that local date. → 422 */
export class DailySequenceExhausted extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'dossier-code-sequence-exhausted';

  constructor(
    readonly unitCode: string,
    readonly localDate: string,
  ) {
    super(`Unit ${unitCode} has used every dossier code (9999) of ${localDate}.`);
    this.name = 'DailySequenceExhausted';
  }

  override details(): Record<string, unknown> {
    return { unitCode: this.unitCode, localDate: this.localDate };
  }
}

/**
 * Form 04's new appointment is later than an apology may move it: the committed processing time again after
 * the due instant (apology-appointment.ts). → 422, naming the latest appointment allowed.
 */
export class RescheduledAppointmentTooLate extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'rescheduled-appointment-too-late';

  constructor(
    readonly newAppointmentAt: Date,
    readonly latestAppointmentAt: Date,
    readonly originalDueAt: Date,
    readonly committedDuration: ProcessingDuration,
  ) {
    super(
      `The new appointment ${newAppointmentAt.toISOString()} is later than an apology may move it: at most ` +
        `the committed processing time again after the due time, i.e. ${latestAppointmentAt.toISOString()} ` +
        `(${formatLocalMinute(latestAppointmentAt)} local time).`,
    );
    this.name = 'RescheduledAppointmentTooLate';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi:
        `Ngày hẹn mới ${formatLocalMinute(this.newAppointmentAt)} quá xa: thư xin lỗi chỉ được hẹn lại ` +
        `muộn nhất đến ${formatLocalMinute(this.latestAppointmentAt)} (thêm tối đa một lần thời hạn giải quyết).`,
      newAppointmentAt: this.newAppointmentAt.toISOString(),
      latestAppointmentAt: this.latestAppointmentAt.toISOString(),
      originalDueAt: this.originalDueAt.toISOString(),
      committedDuration: this.committedDuration,
      errors: [
        {
          path: '/newAppointmentAt',
          message: `must be no later than ${this.latestAppointmentAt.toISOString()}`,
        },
      ],
    };
  }
}
