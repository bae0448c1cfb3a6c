// The analytics application's refusals, as DomainErrors: the ProblemDetailsFilter turns `kind` into the
// status of an RFC 9457 problem document.
import { DomainError } from '@tthc/shared-kernel';

/** The agency is neither in the directory nor the agency of any dossier. → 404 */
export class AnalyticsAgencyNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'agency-not-found';

  constructor(readonly agency: string) {
    super(`No agency ${agency} is known to the directory or to any dossier.`);
    this.name = 'AnalyticsAgencyNotFound';
  }

  override details(): Record<string, unknown> {
    return { detailVi: `Không tìm thấy cơ quan ${this.agency}.`, agency: this.agency };
  }
}

/** A period that ends before it starts, a date that does not exist, or a series that is too long. → 400 */
export class InvalidReportPeriod extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-report-period';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidReportPeriod';
  }
}

/** A grouping the request cannot have (sub-units without the unit). → 400 */
export class InvalidReportGrouping extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-report-grouping';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidReportGrouping';
  }
}
