// Vietnamese and English UI text (Vietnamese by default, the choice kept in localStorage), and the number and
// date formats, which stay vi-VN whatever the UI language: figures read the same way as in official reports.
import { createContext, useContext, type ReactNode } from 'react';

export type Language = 'vi' | 'en';
export const LANGUAGE_KEY = 'tthc-dashboard-language';

const vi = {
  appTitle: 'Thủ tục hành chính — bảng điều khiển',
  navAnalytics: 'Thống kê',
  navAgency: 'Cơ quan',
  navLookup: 'Tra cứu hồ sơ',
  switchLanguage: 'English',
  token: 'Mã truy cập (bearer token)',
  tokenSet: 'Đã có mã truy cập',
  tokenNone: 'Chưa có mã truy cập',
  tokenSave: 'Lưu',
  tokenClear: 'Xóa',
  tokenHint:
    'Tạo mã: npm run token -- --role analyst --area H56 (hoặc --role specialist --agency <mã cơ quan>)',
  loading: 'Đang tải…',
  empty: 'Không có dữ liệu cho lựa chọn này.',
  retry: 'Thử lại',
  errorTitle: 'Không tải được dữ liệu',
  hint0: 'Không kết nối được với máy chủ. Kiểm tra máy chủ đang chạy (npm start) rồi thử lại.',
  hint400: 'Kiểm tra lại các trường đã nhập theo thông báo trên.',
  hint401: 'Cần mã truy cập hợp lệ: dán mã vào ô “Mã truy cập” ở đầu trang (mã có thể đã hết hạn).',
  hint403: 'Vai trò trong mã truy cập không được xem nội dung này; dùng mã của vai trò phù hợp.',
  hint404: 'Kiểm tra mã đã nhập.',
  hint429: 'Quá nhiều yêu cầu; đợi một lát rồi thử lại.',
  hint5xx: 'Máy chủ gặp lỗi; thử lại sau ít phút, nếu vẫn lỗi hãy báo quản trị viên.',
  from: 'Từ ngày',
  to: 'Đến ngày',
  agency: 'Cơ quan (mã định danh)',
  show: 'Xem',
  tabOverview: 'Tổng quan',
  tabProcessing: 'Thời gian giải quyết',
  tabSavings: 'Thời gian tiết kiệm',
  tabTrends: 'Xu hướng theo tháng',
  tabDrill: 'Theo địa bàn',
  received: 'Tiếp nhận trong kỳ',
  receivedOnline: 'Trực tuyến',
  receivedOnlineFull: 'Toàn trình',
  receivedOnlinePartial: 'Một phần',
  receivedCounter: 'Trực tiếp',
  receivedPost: 'Bưu chính công ích',
  carriedOver: 'Kỳ trước chuyển qua',
  toResolve: 'Tổng số phải giải quyết',
  resolved: 'Đã giải quyết',
  resolvedEarly: 'Trước hạn',
  resolvedOnTime: 'Đúng hạn',
  resolvedLate: 'Quá hạn',
  lateWithApology: 'Quá hạn có xin lỗi',
  lateWithoutApology: 'Quá hạn không xin lỗi',
  resolvedNotCollected: 'Có kết quả, chưa trả',
  refused: 'Từ chối giải quyết',
  withdrawn: 'Rút hồ sơ',
  inProgress: 'Đang giải quyết',
  inProgressNotYetDue: 'Trong hạn',
  inProgressOverdue: 'Quá hạn',
  inProgressWaitingForCitizen: 'Chờ công dân bổ sung',
  onlineRate: 'Tỷ lệ hồ sơ trực tuyến',
  satisfaction: 'Mức độ hài lòng',
  satisfactionMean: 'Điểm trung bình (1–5)',
  satisfactionShare: 'Tỷ lệ đánh giá 4–5',
  byChannel: 'Tiếp nhận theo kênh',
  outcome: 'Kết quả giải quyết',
  reconciliation: 'Đối soát',
  reconciliationOk: 'khớp',
  reconciliationBad: 'KHÔNG khớp',
  reconciliationFormula: 'Kỳ trước chuyển qua + tiếp nhận = đã giải quyết + từ chối + rút + đang giải quyết',
  computedFrom: 'Tính từ {events} sự kiện (vị trí {position}); định nghĩa {metric} phiên bản {version}',
  download: 'Tải về',
  procedure: 'Thủ tục',
  version: 'Phiên bản',
  statutory: 'Theo quy định',
  committed: 'Cam kết',
  reformReduction: 'Cắt giảm',
  resolvedCount: 'Số hồ sơ',
  actualMean: 'Thực tế TB',
  actualMedian: 'Thực tế trung vị',
  vsStatutory: 'So với quy định',
  vsCommitted: 'So với cam kết',
  workingDays: 'ngày làm việc',
  reformTitle: 'Thời gian theo quy định, cam kết và thực tế (theo phiên bản thủ tục)',
  processingTitle: 'Thời gian giải quyết thực tế (ngày làm việc, trừ thời gian tạm dừng)',
  mean: 'Trung bình',
  median: 'Trung vị',
  p90: 'Phân vị 90',
  total: 'Tổng cộng',
  savingsTitle: 'Thời gian tiết kiệm cho người dân',
  processingDaysSavedPositive: 'Ngày xử lý tiết kiệm (phần dương)',
  processingDaysSavedNet: 'Ngày xử lý tiết kiệm (ròng)',
  tripsBaseline: 'Lượt đi lại cơ sở',
  tripsActual: 'Lượt đi lại thực tế',
  tripsAvoided: 'Lượt đi lại tránh được',
  travelDaysSaved: 'Ngày đi lại tiết kiệm',
  money: 'Quy ra tiền (đồng)',
  method: 'Phương pháp',
  parameters: 'Tham số',
  tripCostDays: 'Chi phí một lượt (ngày), để trống = theo thủ tục/địa bàn của cơ quan, rồi mặc định',
  incomePerHour: 'Thu nhập mỗi giờ (đồng), để trống = không quy ra tiền',
  trendsTitle: 'Hồ sơ theo tháng',
  month: 'Tháng',
  drillTitle: 'Theo địa bàn: tỉnh → huyện → xã → thủ tục',
  subordinate: 'Đơn vị trực thuộc (hiệu lực cuối kỳ) và hồ sơ của chính đơn vị',
  ownDossiers: 'Hồ sơ do chính đơn vị tiếp nhận',
  byProcedure: 'Theo thủ tục',
  up: 'Lên cấp trên',
  agencyName: 'Đơn vị',
  earlyOrOnTimeShare: 'Tỷ lệ đúng và trước hạn',
  catalogueTitle: 'Danh mục thủ tục hành chính',
  field: 'Lĩnh vực',
  onlineLevel: 'Mức độ trực tuyến',
  duration: 'Thời hạn',
  diagram: 'Sơ đồ quy trình',
  fees: 'Phí, lệ phí',
  requiredDocuments: 'Thành phần hồ sơ',
  applicationForm: 'Tờ khai (các trường)',
  legalBasis: 'Căn cứ pháp lý',
  originals: 'bản chính',
  copies: 'bản sao',
  free: 'Miễn phí',
  published: 'Công bố',
  superseded: 'Thay thế',
  back: 'Quay lại',
  worklistsTitle: 'Danh sách công việc của cán bộ',
  viewDueToday: 'Đến hạn hôm nay',
  viewOverdue: 'Quá hạn',
  viewWaiting: 'Chờ công dân',
  code: 'Mã hồ sơ',
  receivedAt: 'Ngày tiếp nhận',
  dueAt: 'Hạn giải quyết',
  state: 'Trạng thái',
  applicant: 'Người nộp',
  lookupTitle: 'Tra cứu hồ sơ',
  lookupCode: 'Mã hồ sơ (vd. 000.31.18.H56-261123-0001)',
  lookupVerification: 'Số điện thoại hoặc số định danh của người nộp',
  lookupSubmit: 'Tra cứu',
  lookupMasked: 'Thông tin cá nhân đã được che.',
  appointment: 'Hẹn trả kết quả',
  timeline: 'Quá trình xử lý',
  status: 'Tình trạng',
  'same-day': 'trong ngày',
  'working-days': 'ngày làm việc',
  'calendar-days': 'ngày',
  days: 'ngày',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  appTitle: 'Administrative procedures — dashboard',
  navAnalytics: 'Statistics',
  navAgency: 'Agency',
  navLookup: 'Dossier lookup',
  switchLanguage: 'Tiếng Việt',
  token: 'Access token (bearer)',
  tokenSet: 'Token set',
  tokenNone: 'No token',
  tokenSave: 'Save',
  tokenClear: 'Clear',
  tokenHint:
    'Make one: npm run token -- --role analyst --area H56 (or --role specialist --agency <agency code>)',
  loading: 'Loading…',
  empty: 'No data for this selection.',
  retry: 'Try again',
  errorTitle: 'Could not load the data',
  hint0: 'The engine cannot be reached. Check that it runs (npm start) and try again.',
  hint400: 'Check the fields you entered against the message above.',
  hint401:
    'A valid access token is needed: paste one into “Access token” at the top of the page (it may have expired).',
  hint403: 'The role in your access token may not see this; use a token of a role that may.',
  hint404: 'Check the code you entered.',
  hint429: 'Too many requests; wait a moment and try again.',
  hint5xx: 'The engine failed; try again in a few minutes and tell the administrator if it persists.',
  from: 'From',
  to: 'To',
  agency: 'Agency (electronic code)',
  show: 'Show',
  tabOverview: 'Overview',
  tabProcessing: 'Processing time',
  tabSavings: 'Days saved',
  tabTrends: 'Monthly trends',
  tabDrill: 'By area',
  received: 'Received in the period',
  receivedOnline: 'Online',
  receivedOnlineFull: 'Full online',
  receivedOnlinePartial: 'Partial online',
  receivedCounter: 'At the counter',
  receivedPost: 'Public postal service',
  carriedOver: 'Carried over',
  toResolve: 'Total to resolve',
  resolved: 'Resolved',
  resolvedEarly: 'Early',
  resolvedOnTime: 'On time',
  resolvedLate: 'Late',
  lateWithApology: 'Late with apology',
  lateWithoutApology: 'Late without apology',
  resolvedNotCollected: 'Resolved, not collected',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  inProgress: 'In progress',
  inProgressNotYetDue: 'Not yet due',
  inProgressOverdue: 'Overdue',
  inProgressWaitingForCitizen: 'Waiting for the citizen',
  onlineRate: 'Online rate',
  satisfaction: 'Satisfaction',
  satisfactionMean: 'Average rating (1–5)',
  satisfactionShare: 'Share of ratings 4–5',
  byChannel: 'Received by channel',
  outcome: 'Outcome',
  reconciliation: 'Reconciliation',
  reconciliationOk: 'holds',
  reconciliationBad: 'DOES NOT hold',
  reconciliationFormula: 'carried over + received = resolved + refused + withdrawn + in progress',
  computedFrom: 'Computed from {events} events (position {position}); definition {metric} version {version}',
  download: 'Download',
  procedure: 'Procedure',
  version: 'Version',
  statutory: 'Statutory',
  committed: 'Committed',
  reformReduction: 'Reduction',
  resolvedCount: 'Dossiers',
  actualMean: 'Actual mean',
  actualMedian: 'Actual median',
  vsStatutory: 'Against statutory',
  vsCommitted: 'Against committed',
  workingDays: 'working days',
  reformTitle: 'Statutory, committed and actual times (per procedure version)',
  processingTitle: 'Actual processing time (working days, net of pauses)',
  mean: 'Mean',
  median: 'Median',
  p90: '90th percentile',
  total: 'Total',
  savingsTitle: 'Days saved for citizens',
  processingDaysSavedPositive: 'Processing days saved (positive part)',
  processingDaysSavedNet: 'Processing days saved (net)',
  tripsBaseline: 'Baseline trips',
  tripsActual: 'Actual trips',
  tripsAvoided: 'Trips avoided',
  travelDaysSaved: 'Travel days saved',
  money: 'Money equivalent (VND)',
  method: 'Method',
  parameters: 'Parameters',
  tripCostDays: 'Cost of a trip (days); empty = the procedure’s for the agency’s locality, else defaults',
  incomePerHour: 'Income per hour (VND); empty = no money figure',
  trendsTitle: 'Dossiers by month',
  month: 'Month',
  drillTitle: 'By area: province → district → commune → procedure',
  subordinate: 'Subordinate units (valid at the period end) and the unit’s own dossiers',
  ownDossiers: 'Dossiers received by the unit itself',
  byProcedure: 'By procedure',
  up: 'Up one level',
  agencyName: 'Unit',
  earlyOrOnTimeShare: 'Early or on time',
  catalogueTitle: 'Procedure catalogue',
  field: 'Field',
  onlineLevel: 'Online level',
  duration: 'Time limit',
  diagram: 'Workflow diagram',
  fees: 'Fees',
  requiredDocuments: 'Required documents',
  applicationForm: 'Application form (fields)',
  legalBasis: 'Legal basis',
  originals: 'original(s)',
  copies: 'copy(ies)',
  free: 'Free',
  published: 'Published',
  superseded: 'Superseded',
  back: 'Back',
  worklistsTitle: 'Officials’ worklists',
  viewDueToday: 'Due today',
  viewOverdue: 'Overdue',
  viewWaiting: 'Waiting for citizen',
  code: 'Dossier code',
  receivedAt: 'Received',
  dueAt: 'Due',
  state: 'State',
  applicant: 'Applicant',
  lookupTitle: 'Look up a dossier',
  lookupCode: 'Dossier code (e.g. 000.31.18.H56-261123-0001)',
  lookupVerification: 'The applicant’s phone number or national ID',
  lookupSubmit: 'Look up',
  lookupMasked: 'Personal data is masked.',
  appointment: 'Result appointment',
  timeline: 'Timeline',
  status: 'Status',
  'same-day': 'same day',
  'working-days': 'working days',
  'calendar-days': 'days',
  days: 'days',
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

export interface Translator {
  readonly language: Language;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A {vi, en} name from the API in the UI language, falling back to the other one. */
  name(value: { readonly vi?: string | null; readonly en?: string | null } | null | undefined): string;
}

export function translator(language: Language): Translator {
  return {
    language,
    t: (key, values = {}) =>
      MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
    name: (value) => (language === 'en' ? (value?.en ?? value?.vi) : (value?.vi ?? value?.en)) ?? '',
  };
}

const TranslatorContext = createContext<Translator>(translator('vi'));

export function TranslatorProvider(props: { language: Language; children: ReactNode }) {
  return (
    <TranslatorContext.Provider value={translator(props.language)}>
      {props.children}
    </TranslatorContext.Provider>
  );
}

export const useT = (): Translator => useContext(TranslatorContext);

const LOCALE = 'vi-VN';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DAY = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(value);
}

/** The API's percentages are already × 100. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00+07:00`) : new Date(iso);
  return new Intl.DateTimeFormat(LOCALE, { ...DAY, timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  return new Intl.DateTimeFormat(LOCALE, {
    ...DAY,
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}
