// Decision 766/QĐ-TTg (2022) indicators (DOMAIN §4): those our events support, computed from the period's
// figures, and those that need data the engine does not hold, each named with the reason.
import type { Ii06aFigures } from './ii06a';
import { percentOf } from './statistics';

export interface Decision766Inputs {
  readonly ii06a: Ii06aFigures;
  /** Mean net working days of dossiers resolved in the period, per procedure. */
  readonly meanWorkingDaysByProcedure: readonly {
    readonly procedureCode: string;
    readonly mean: number | null;
    readonly resolved: number;
  }[];
  /** Procedures offered online (level full or partial) that received at least one dossier in the period. */
  readonly proceduresWithOnlineDossiers: number;
  /** Procedures that received at least one dossier in the period. */
  readonly proceduresWithDossiers: number;
  readonly receivedWithOnlinePayment: number;
  readonly resolvedElectronic: number;
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
];

export function decision766Indicators(input: Decision766Inputs): Indicator[] {
  const f = input.ii06a;
  return [
    {
      code: 'resolved-early-or-on-time-share',
      group: 'progress',
      name: {
        vi: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
        en: 'Share of dossiers resolved early or on time',
      },
      value: percentOf(f.resolvedEarly + f.resolvedOnTime, f.resolved),
      unit: 'percent',
      method: '(resolved early + on time) / resolved in the period (II.06a)',
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
      method: `mean net working days of the ${p.resolved} dossier(s) resolved in the period`,
    })),
    {
      code: 'online-dossier-share',
      group: 'online-services',
      name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Share of dossiers received online' },
      value: percentOf(f.receivedOnline, f.received),
      unit: 'percent',
      method: 'received online (full + partial) / received in the period',
    },
    {
      code: 'services-with-online-dossiers',
      group: 'online-services',
      name: { vi: 'Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến', en: 'Share of services with online dossiers' },
      value: percentOf(input.proceduresWithOnlineDossiers, input.proceduresWithDossiers),
      unit: 'percent',
      method: 'procedures with ≥ 1 dossier received online / procedures with ≥ 1 dossier received',
    },
    {
      code: 'online-payment-share',
      group: 'online-services',
      name: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Share of dossiers paid online' },
      value: percentOf(input.receivedWithOnlinePayment, f.received),
      unit: 'percent',
      method:
        'online dossiers submitted with a payment reference / received in the period (the events do not say which dossiers owed a fee)',
    },
    {
      code: 'electronic-result-share',
      group: 'digitisation',
      name: { vi: 'Tỷ lệ cấp kết quả điện tử', en: 'Share of results issued electronically' },
      value: percentOf(input.resolvedElectronic, f.resolved),
      unit: 'percent',
      method: 'resolved with an electronic result / resolved in the period',
    },
    {
      code: 'satisfaction-mean',
      group: 'satisfaction',
      name: { vi: 'Điểm hài lòng trung bình', en: 'Average citizen rating (1–5)' },
      value: input.ratings === 0 ? null : Math.round((100 * input.ratingSum) / input.ratings) / 100,
      unit: 'score',
      method: `mean of the ${input.ratings} rating(s) given in the period`,
    },
    {
      code: 'satisfaction-share',
      group: 'satisfaction',
      name: { vi: 'Tỷ lệ hài lòng', en: 'Share of ratings 4 or 5' },
      value: percentOf(input.ratingsSatisfied, input.ratings),
      unit: 'percent',
      method: 'ratings of 4 or 5 / ratings given in the period',
    },
  ];
}
