// From our lifecycle to the status codes a national public-service portal expects (the "trạng thái hồ sơ"
// it synchronises from the one-stop systems of ministries and provinces).
//
// The default table below follows the status list in the portal's integration guidance as we know it
// (new, received, refused to receive, processing, supplement requested, financial obligation, withdrawn,
// refused to resolve, resolved, result returned). It is a default, not a contract we control: portals
// revise their code lists, and provincial portals use their own. That is why each integration can override
// any event's code (the subscription's `statusMapping`), and why an event with no status change
// (an apology, a rating, an at-risk alert) maps to no code at all rather than a guessed one.
// Documented, with the same labels, in docs/webhooks.md.

export interface PortalStatus {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export const PORTAL_STATUSES = {
  NEW: { code: '1', vi: 'Mới đăng ký', en: 'Newly submitted' },
  RECEIVED: { code: '2', vi: 'Đã tiếp nhận', en: 'Received' },
  NOT_RECEIVED: { code: '3', vi: 'Từ chối tiếp nhận', en: 'Refused at intake' },
  PROCESSING: { code: '4', vi: 'Đang xử lý', en: 'Being processed' },
  SUPPLEMENT: { code: '5', vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  FINANCIAL_OBLIGATION: {
    code: '6',
    vi: 'Chờ thực hiện nghĩa vụ tài chính',
    en: 'Waiting for financial obligations',
  },
  WITHDRAWN: { code: '7', vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  REFUSED: { code: '8', vi: 'Từ chối giải quyết', en: 'Refused to resolve' },
  RESOLVED: { code: '9', vi: 'Đã có kết quả', en: 'Result ready' },
  RETURNED: { code: '10', vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<string, PortalStatus>;

type StatusName = keyof typeof PORTAL_STATUSES;

/** The default mapping: event type → portal status (null: the event changes no portal status). */
export const DEFAULT_PORTAL_STATUS_BY_EVENT: Readonly<Record<string, StatusName | null>> = {
  DossierSubmitted: 'NEW',
  CompletionRequested: 'SUPPLEMENT',
  DossierCompleted: 'NEW',
  ReceiptRefused: 'NOT_RECEIVED',
  DossierReceived: 'RECEIVED',
  DossierTransferred: 'PROCESSING',
  DossierHandedOver: 'PROCESSING',
  SupplementRequested: 'SUPPLEMENT',
  SupplementProvided: 'PROCESSING',
  // ExcludedIntervalStarted depends on the kind of interval: see portalStatusOf.
  ExcludedIntervalStarted: 'PROCESSING',
  ExcludedIntervalEnded: 'PROCESSING',
  DossierApproved: 'PROCESSING',
  ResolutionRefused: 'REFUSED',
  ResultIssued: 'RESOLVED',
  ResultReturned: 'RETURNED',
  DossierWithdrawn: 'WITHDRAWN',
  ApologyIssued: null,
  AppointmentRescheduled: null,
  DossierRated: null,
  DossierAtRisk: null,
};

/**
 * An integration's own codes, by event type; `null` silences an event's status. Codes not overridden
 * keep the default. The labels of an overridden code are the integration's business, so only the code
 * is carried.
 */
export type StatusMappingOverride = Readonly<Record<string, string | null>>;

export interface MappableEvent {
  readonly type: string;
  readonly data: unknown;
}

/** The portal status an event moves the dossier to, or null when it moves it to none. */
export function portalStatusOf(
  event: MappableEvent,
  override: StatusMappingOverride = {},
): { readonly code: string; readonly vi?: string; readonly en?: string } | null {
  if (Object.prototype.hasOwnProperty.call(override, event.type)) {
    const code = override[event.type];
    return code === null ? null : { code };
  }
  let name = DEFAULT_PORTAL_STATUS_BY_EVENT[event.type];
  if (
    event.type === 'ExcludedIntervalStarted' &&
    (event.data as { kind?: unknown })?.kind === 'financial-obligation'
  ) {
    name = 'FINANCIAL_OBLIGATION';
  }
  return name ? PORTAL_STATUSES[name] : null;
}
