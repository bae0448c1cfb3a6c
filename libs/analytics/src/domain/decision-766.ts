// Decision 766/QĐ-TTg of 23 June 2022 (the set of indicators for directing and assessing the service to citizens
// and businesses in administrative procedures and public services, in real time, on the electronic
// environment; docs/domain/decision-766.md): the indicators our events support, each over the decision's own denominator as
// the national public-service portal computes it (its description of the indicators' formulas, indicator
// numbers below), and those that need data the engine does not hold, each named with the reason
// (docs/domain/decision-766.md).
//
// - 2.1 share processed early or on time = dossiers that ended by their deadline (results early or on time,
//   refusals and withdrawals by the deadline in force) + dossiers in progress and not yet due at the period
//   end, over every dossier received or in process in the period (carried over + received).
// - 2.2 average processing time per procedure = total processing time / number of completed dossiers, the
//   completed dossiers being those whose processing started (were received) in the period, resolved whenever.
// - 3.2 share of online public services with dossiers = services (procedures offered online, full or
//   partial, by the agencies in scope) that received an online dossier in the period, over those services.
// - 3.3 share of online dossiers = dossiers received online in the period, over every dossier received.
// - 3.6 share of dossiers paid online = dossiers received in the period and paid online, over the dossiers
//   received in the period whose procedure charges a fee (above 0) for their channel.
// - 4.1 share with an electronic result = dossiers received in the period whose result was issued
//   electronically, over every dossier received in the period (every procedure of the engine issues a
//   document result).
// Satisfaction in the decision (group 5) is computed from complaints and feedback (PAKN), which the engine
// does not handle; the ratings citizens give on the dossiers are reported beside it as the engine's own.
import type { Ii06aFigures } from './ii06a';
import { percentOf } from './statistics';

export interface Decision766Inputs {
  /** II.06a of the period (at the report's granularity). */
  readonly ii06a: Ii06aFigures;
  /** Mean net working days of the dossiers received in the period and resolved, per procedure (2.2). */
  readonly meanWorkingDaysByProcedure: readonly {
    readonly procedureCode: string;
    readonly mean: number | null;
    readonly resolved: number;
  }[];
  /** Procedures offered online (full or partial) by the agencies in scope, as published now (3.2). */
  readonly onlineServices: number;
  /** Of those, the ones that received a dossier online in the period (3.2). */
  readonly onlineServicesWithOnlineDossiers: number;
  /** Received in the period and paid online (3.6). */
  readonly receivedWithOnlinePayment: number;
  /** Received in the period, their procedure charging a fee above 0 for their channel (3.6). */
  readonly receivedWithFee: number;
  /** Received in the period, the result issued electronically (4.1). */
  readonly receivedWithElectronicResult: number;
  readonly ratings: number;
  readonly ratingSum: number;
  readonly ratingsSatisfied: number;
}

export interface Indicator {
  readonly code: string;
  readonly group: 'progress' | 'online-services' | 'digitisation' | 'satisfaction';
  readonly name: { readonly vi: string; readonly en: string };
  readonly value: number | null;
  readonly unit: 'percent' | 'working-days' | 'count' | 'score';
  /** The decision's indicator it computes (numbered as the national portal's formulas), or `engine`. */
  readonly source: string;
  readonly method: string;
}

export interface UnsupportedIndicator {
  readonly code: string;
  readonly group: 'transparency' | 'progress' | 'digitisation' | 'online-services' | 'satisfaction';
  readonly name: { readonly vi: string; readonly en: string };
  readonly reason: string;
}

export const DECISION_766_UNSUPPORTED: readonly UnsupportedIndicator[] = [
  {
    code: 'transparency',
    group: 'transparency',
    name: { vi: 'Công khai, minh bạch', en: 'Transparency (publication of procedures and progress)' },
    reason: 'needs the publication status on the national portal, which no event records',
  },
  {
    code: 'digitised-share',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ số hóa hồ sơ, kết quả', en: 'Share of dossiers and results digitised' },
    reason: 'needs the digitisation of paper components (scans signed into the data warehouse), not recorded',
  },
  {
    code: 'data-reuse',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ khai thác, sử dụng lại dữ liệu', en: 'Reuse of digitised data' },
    reason: 'needs the reuse of stored documents across dossiers, not recorded',
  },
  {
    code: 'complaints-on-time',
    group: 'satisfaction',
    name: { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Complaints and petitions handled on time' },
    reason: 'complaints are handled outside the engine',
  },
  {
    code: 'satisfaction-index',
    group: 'satisfaction',
    name: { vi: 'Mức độ hài lòng (Quyết định 766, nhóm 5)', en: 'Satisfaction (Decision 766, group 5)' },
    reason:
      'the decision measures it from complaints and feedback (PAKN) and dislikes, handled outside the engine; the engine’s own ratings are reported apart',
  },
];

export function decision766Indicators(input: Decision766Inputs): Indicator[] {
  const f = input.ii06a;
  // 2.1: every end by the deadline (refusals and withdrawals timed like results) and what is still in time.
  const inTime =
    f.resolvedEarly +
    f.resolvedOnTime +
    (f.refused - f.refusedLate) +
    (f.withdrawn - f.withdrawnLate) +
    f.inProgressNotYetDue;
  return [
    {
      code: 'resolved-early-or-on-time-share',
      group: 'progress',
      name: {
        vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
        en: 'Share of dossiers processed early or on time',
      },
      value: percentOf(inTime, f.toResolve),
      unit: 'percent',
      source: 'Decision 766/QĐ-TTg 2.1',
      method:
        '(resolved early + on time, refused or withdrawn by the deadline in force, in progress and not yet due at the period end) / (carried over + received in the period)',
    },
    ...input.meanWorkingDaysByProcedure.map((p): Indicator => ({
      code: `mean-processing-time:${p.procedureCode}`,
      group: 'progress',
      name: {
        vi: `Thời gian giải quyết trung bình thủ tục ${p.procedureCode}`,
        en: `Average processing time of procedure ${p.procedureCode}`,
      },
      value: p.mean,
      unit: 'working-days',
      source: 'Decision 766/QĐ-TTg 2.2',
      method: `mean net working days of the ${p.resolved} dossier(s) received in the period and resolved (whenever)`,
    })),
    {
      code: 'online-dossier-share',
      group: 'online-services',
      name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Share of dossiers received online' },
      value: percentOf(f.receivedOnline, f.received),
      unit: 'percent',
      source: 'Decision 766/QĐ-TTg 3.3',
      method: 'received online (full + partial) / received in the period',
    },
    {
      code: 'services-with-online-dossiers',
      group: 'online-services',
      name: {
        vi: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ',
        en: 'Share of online public services with online dossiers',
      },
      value: percentOf(input.onlineServicesWithOnlineDossiers, input.onlineServices),
      unit: 'percent',
      source: 'Decision 766/QĐ-TTg 3.2',
      method: `procedures offered online (full or partial, published, of the agencies in scope) with ≥ 1 dossier received online in the period / the ${input.onlineServices} procedure(s) offered online`,
    },
    {
      code: 'online-payment-share',
      group: 'online-services',
      name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Share of dossiers paid online' },
      value: percentOf(input.receivedWithOnlinePayment, input.receivedWithFee),
      unit: 'percent',
      source: 'Decision 766/QĐ-TTg 3.6',
      method:
        'received in the period and submitted with an online payment reference / received in the period whose procedure version charges a fee above 0 for their channel',
    },
    {
      code: 'electronic-result-share',
      group: 'digitisation',
      name: { vi: 'Tỷ lệ hồ sơ có cấp kết quả điện tử', en: 'Share of dossiers with an electronic result' },
      value: percentOf(input.receivedWithElectronicResult, f.received),
      unit: 'percent',
      source: 'Decision 766/QĐ-TTg 4.1',
      method: 'received in the period with the result issued electronically / received in the period',
    },
    {
      code: 'satisfaction-mean',
      group: 'satisfaction',
      name: { vi: 'Điểm đánh giá trung bình của người dân', en: 'Average citizen rating (1–5)' },
      value: input.ratings === 0 ? null : Math.round((100 * input.ratingSum) / input.ratings) / 100,
      unit: 'score',
      source: 'engine',
      method: `mean of the ${input.ratings} rating(s) given in the period (not a Decision 766 formula: its satisfaction group is computed from complaints and feedback)`,
    },
    {
      code: 'satisfaction-share',
      group: 'satisfaction',
      name: { vi: 'Tỷ lệ đánh giá hài lòng', en: 'Share of ratings 4 or 5' },
      value: percentOf(input.ratingsSatisfied, input.ratings),
      unit: 'percent',
      source: 'engine',
      method: 'ratings of 4 or 5 / ratings given in the period (not a Decision 766 formula)',
    },
  ];
}
