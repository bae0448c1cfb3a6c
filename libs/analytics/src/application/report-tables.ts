// Reports as tables for the CSV and XLSX exports. II.06a follows the layout of the official form (form
// II.06a/VPCP/KSTT of Circular 01/2020/TT-VPCP: rows per field, column groups "received", "dealt with", "in
// progress", Vietnamese headers), with our extra columns after the official ones; the other reports are
// flattened one figure per column. The stamp (definition, events, parameters) travels beside the table: a
// metadata sheet in XLSX, response headers for CSV.
//
// Where refusals and withdrawals sit (docs/domain/statistics-ii06a.md): the form has no column of its own for
// them, and its columns reconcile on their own (received = dealt with + in progress; dealt with = early + on
// time + late; in progress = not yet due + overdue). A refusal to resolve and a withdrawal after receipt end
// the dossier, so they are among the dossiers dealt with ("Số hồ sơ đã giải quyết"), timed like a result
// against the deadline in force when they came, as the national public-service portal times every end of
// processing (refused, stopped, resolved, withdrawn): by then "on time", after it "late" (never "early").
// They are also shown apart in the further-detail columns.
import type { Ii06aFigures } from '../domain/ii06a';
import type { ReportStamp } from './analytics-reports';

export type Cell = string | number | null;

export interface Column {
  readonly vi: string;
  readonly en: string;
  /** The column group of a two-level header (official II.06a), if any. */
  readonly group?: { readonly vi: string; readonly en: string };
}

export interface ReportTable {
  readonly title: { readonly vi: string; readonly en: string };
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  readonly stamp: ReportStamp;
}

const RECEIVED = { vi: 'Số hồ sơ nhận giải quyết', en: 'Dossiers to resolve' };
const RESOLVED = { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers dealt with' };
const IN_PROGRESS = { vi: 'Số hồ sơ đang giải quyết', en: 'Dossiers in progress' };
const MORE = { vi: 'Chi tiết bổ sung', en: 'Further detail' };

type Figure = keyof Ii06aFigures | ((f: Ii06aFigures) => number);

/** The form's "dealt with" columns: results issued, refusals to resolve and withdrawals after receipt. */
const dealtWith = (f: Ii06aFigures) => f.resolved + f.refused + f.withdrawn;
const endedOnTime = (f: Ii06aFigures) =>
  f.resolvedOnTime + (f.refused - f.refusedLate) + (f.withdrawn - f.withdrawnLate);
const endedLate = (f: Ii06aFigures) => f.resolvedLate + f.refusedLate + f.withdrawnLate;

const II06A_COLUMNS: readonly (Column & { readonly figure?: Figure })[] = [
  { vi: 'STT', en: 'No.' },
  { vi: 'Lĩnh vực, công việc giải quyết theo cấp', en: 'Field' },
  { group: RECEIVED, vi: 'Tổng số', en: 'Total', figure: 'toResolve' },
  { group: RECEIVED, vi: 'Số kỳ trước chuyển qua', en: 'Carried over', figure: 'carriedOver' },
  { group: RECEIVED, vi: 'Số mới tiếp nhận trực tuyến', en: 'New, online', figure: 'receivedOnline' },
  {
    group: RECEIVED,
    vi: 'Số mới tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính',
    en: 'New, at the counter or by post',
    figure: 'receivedCounterAndPost',
  },
  { group: RESOLVED, vi: 'Tổng số', en: 'Total', figure: dealtWith },
  { group: RESOLVED, vi: 'Trước hạn', en: 'Early', figure: 'resolvedEarly' },
  { group: RESOLVED, vi: 'Đúng hạn', en: 'On time', figure: endedOnTime },
  { group: RESOLVED, vi: 'Quá hạn', en: 'Late', figure: endedLate },
  { group: IN_PROGRESS, vi: 'Tổng số', en: 'Total', figure: 'inProgress' },
  { group: IN_PROGRESS, vi: 'Trong hạn', en: 'Not yet due', figure: 'inProgressNotYetDue' },
  { group: IN_PROGRESS, vi: 'Quá hạn', en: 'Overdue', figure: 'inProgressOverdue' },
  { group: MORE, vi: 'Trực tuyến toàn trình', en: 'Online, full', figure: 'receivedOnlineFull' },
  { group: MORE, vi: 'Trực tuyến một phần', en: 'Online, partial', figure: 'receivedOnlinePartial' },
  { group: MORE, vi: 'Trực tiếp', en: 'At the counter', figure: 'receivedCounter' },
  { group: MORE, vi: 'Qua bưu chính công ích', en: 'By public post', figure: 'receivedPost' },
  { group: MORE, vi: 'Đã có kết quả', en: 'Result issued', figure: 'resolved' },
  { group: MORE, vi: 'Rút hồ sơ', en: 'Withdrawn', figure: 'withdrawn' },
  { group: MORE, vi: 'Rút hồ sơ sau hạn', en: 'Withdrawn after the deadline', figure: 'withdrawnLate' },
  { group: MORE, vi: 'Từ chối giải quyết', en: 'Refused to resolve', figure: 'refused' },
  { group: MORE, vi: 'Từ chối sau hạn', en: 'Refused after the deadline', figure: 'refusedLate' },
  { group: MORE, vi: 'Quá hạn có xin lỗi', en: 'Late with apology', figure: 'lateWithApology' },
  { group: MORE, vi: 'Quá hạn không xin lỗi', en: 'Late without apology', figure: 'lateWithoutApology' },
  {
    group: MORE,
    vi: 'Đã giải quyết, chưa trả kết quả',
    en: 'Resolved, not collected',
    figure: 'resolvedNotCollected',
  },
  {
    group: MORE,
    vi: 'Đang chờ bổ sung hồ sơ',
    en: 'Waiting for the citizen',
    figure: 'inProgressWaitingForCitizen',
  },
];

export function ii06aTable(
  report: {
    readonly total: Ii06aFigures;
    readonly rows: readonly {
      readonly key: string;
      readonly label: { vi: string | null; en: string | null };
      readonly figures: Ii06aFigures;
    }[];
  } & ReportStamp,
): ReportTable {
  const line = (n: Cell, label: string, f: Ii06aFigures): Cell[] => [
    n,
    label,
    ...II06A_COLUMNS.flatMap(({ figure }) =>
      figure === undefined ? [] : [typeof figure === 'function' ? figure(f) : f[figure]],
    ),
  ];
  return {
    title: {
      vi: 'Tình hình, kết quả giải quyết thủ tục hành chính (Biểu II.06a)',
      en: 'Administrative procedures received and resolved (form II.06a)',
    },
    columns: II06A_COLUMNS.map(({ figure: _figure, ...column }) => column),
    rows: [
      ...report.rows.map((row, i) => line(i + 1, rowLabel(row), row.figures)),
      line(null, 'Tổng cộng', report.total),
    ],
    stamp: report,
  };
}

/** A group's name; the empty key is the group of dossiers whose procedure version the registry lacks. */
export function rowLabel(row: {
  readonly key: string;
  readonly label: { vi: string | null; en: string | null };
}): string {
  return row.label.vi ?? row.label.en ?? (row.key === '' ? '(không rõ / unknown)' : row.key);
}

type Flat = Record<string, Cell>;

function flatten(value: unknown, prefix = '', out: Flat = {}): Flat {
  if (value === null || typeof value !== 'object') {
    out[prefix] = value === undefined ? null : (value as Cell);
    return out;
  }
  if (Array.isArray(value)) {
    out[prefix] = JSON.stringify(value);
    return out;
  }
  for (const [key, inner] of Object.entries(value))
    flatten(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  return out;
}

/** Any report's rows as one figure per column (headers are the figures' names, the same in vi and en). */
export function flatTable(
  title: { vi: string; en: string },
  stamp: ReportStamp,
  rows: readonly { readonly key: string; readonly label: string | null; readonly figures: unknown }[],
): ReportTable {
  const flat = rows.map((row) => ({ key: row.key, label: row.label, cells: flatten(row.figures) }));
  const names = [...new Set(flat.flatMap((row) => Object.keys(row.cells)))];
  return {
    title,
    columns: [
      { vi: 'Mã', en: 'Key' },
      { vi: 'Tên', en: 'Name' },
      ...names.map((name) => ({ vi: name, en: name })),
    ],
    rows: flat.map((row) => [row.key, row.label, ...names.map((name) => row.cells[name] ?? null)]),
    stamp,
  };
}
