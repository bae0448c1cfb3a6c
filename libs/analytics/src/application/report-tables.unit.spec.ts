// The II.06a export: the official column layout with Vietnamese headers, a total row, and the CSV / XLSX
// files built from it (exceljs, no database).
import ExcelJS from 'exceljs';
import { emptyIi06a, summariseIi06a, type Ii06aFigures } from '../domain/ii06a';
import { boundsOf } from '../domain/periods';
import { dossier } from '../domain/testing/dossier-history';
import { toCsv, toXlsx } from '../infrastructure/spreadsheets';
import type { ReportStamp } from './analytics-reports';
import { flatTable, ii06aTable } from './report-tables';

const stamp: ReportStamp = {
  definition: { metric: 'ii06a', version: '1', summary: 'II.06a' },
  computedFrom: {
    projection: 'analytics-dossier-facts',
    eventsApplied: 42,
    lastPosition: { transactionId: '7', position: '99' },
  },
  parameters: { from: '2025-04-01', to: '2025-04-30' },
  scope: { agency: null, agencyName: null, agencies: null },
};
const figures = (over: Partial<Ii06aFigures>): Ii06aFigures => ({ ...emptyIi06a(), ...over });

describe('the II.06a export', () => {
  const table = ii06aTable({
    ...stamp,
    total: figures({
      toResolve: 9,
      carriedOver: 1,
      receivedOnline: 2,
      receivedCounterAndPost: 6,
      resolved: 5,
    }),
    rows: [
      {
        key: 'ho-tich',
        label: { vi: 'Hộ tịch', en: 'Civil status' },
        figures: figures({ toResolve: 9, carriedOver: 1 }),
      },
      { key: '', label: { vi: null, en: null }, figures: figures({}) },
    ],
  });

  it('has the official columns first, grouped, in Vietnamese', () => {
    expect(table.columns.slice(0, 13).map((c) => (c.group ? `${c.group.vi}: ${c.vi}` : c.vi))).toEqual([
      'STT',
      'Lĩnh vực, công việc giải quyết theo cấp',
      'Số hồ sơ nhận giải quyết: Tổng số',
      'Số hồ sơ nhận giải quyết: Số kỳ trước chuyển qua',
      'Số hồ sơ nhận giải quyết: Số mới tiếp nhận trực tuyến',
      'Số hồ sơ nhận giải quyết: Số mới tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính',
      'Số hồ sơ đã giải quyết: Tổng số',
      'Số hồ sơ đã giải quyết: Trước hạn',
      'Số hồ sơ đã giải quyết: Đúng hạn',
      'Số hồ sơ đã giải quyết: Quá hạn',
      'Số hồ sơ đang giải quyết: Tổng số',
      'Số hồ sơ đang giải quyết: Trong hạn',
      'Số hồ sơ đang giải quyết: Quá hạn',
    ]);
    expect(table.rows.map((r) => r.slice(0, 6))).toEqual([
      [1, 'Hộ tịch', 9, 1, 0, 0],
      [2, '(không rõ / unknown)', 0, 0, 0, 0],
      [null, 'Tổng cộng', 9, 1, 2, 6],
    ]);
  });

  it('reconciles the official columns on their own: refusals and withdrawals count among those dealt with', () => {
    // Given March with a result on time, a refusal after the deadline, a withdrawal before it and one open,
    const march = boundsOf({ from: '2025-03-01', to: '2025-03-31' });
    const figuresOf = summariseIi06a(
      [
        dossier('R', '2025-03-03 08:00')
          .received('2025-03-03 08:00', '2025-03-05 08:00')
          .resolved('2025-03-05 07:00', '2025-03-05 08:00', { workingDaysUsed: 2, beforeStatutoryDue: 1 }),
        dossier('X', '2025-03-03 08:00')
          .received('2025-03-03 08:00', '2025-03-05 08:00')
          .refused('2025-03-07 09:00'),
        dossier('W', '2025-03-03 08:00')
          .received('2025-03-03 08:00', '2025-03-05 08:00')
          .withdrawn('2025-03-04 09:00'),
        dossier('O', '2025-03-03 08:00').received('2025-03-03 08:00', '2025-04-05 08:00'),
      ].map((d) => d.facts()),
      march,
    );
    // when the form is laid out,
    const form = ii06aTable({ ...stamp, total: figuresOf, rows: [] });
    const [totalRow] = form.rows;
    const column = (group: string, name: string) =>
      totalRow[form.columns.findIndex((c) => c.group?.vi === group && c.vi === name)] as number;
    const received = 'Số hồ sơ nhận giải quyết';
    const dealt = 'Số hồ sơ đã giải quyết';
    const open = 'Số hồ sơ đang giải quyết';
    // then received = dealt with + in progress, each group adds up, and the refusal sits among the late.
    expect(column(received, 'Tổng số')).toBe(4);
    expect(column(dealt, 'Tổng số')).toBe(3);
    expect(column(dealt, 'Tổng số')).toBe(
      column(dealt, 'Trước hạn') + column(dealt, 'Đúng hạn') + column(dealt, 'Quá hạn'),
    );
    expect(column(received, 'Tổng số')).toBe(column(dealt, 'Tổng số') + column(open, 'Tổng số'));
    expect(column(open, 'Tổng số')).toBe(column(open, 'Trong hạn') + column(open, 'Quá hạn'));
    expect([column(dealt, 'Trước hạn'), column(dealt, 'Đúng hạn'), column(dealt, 'Quá hạn')]).toEqual([
      0, 2, 1,
    ]);
  });

  it('writes CSV with one header line, Vietnamese or with English alongside', async () => {
    const vi = (await toCsv(table, 'vi'))
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\n');
    expect(
      vi[0].startsWith('STT,"Lĩnh vực, công việc giải quyết theo cấp",Số hồ sơ nhận giải quyết – Tổng số,'),
    ).toBe(true);
    expect(vi[3]).toMatch(/^,Tổng cộng,9,1,2,6,5,/);
    const both = (await toCsv(table, 'vi-en')).toString('utf8');
    expect(both).toContain(
      'Số hồ sơ nhận giải quyết / Dossiers to resolve – Số kỳ trước chuyển qua / Carried over',
    );
  });

  it('writes XLSX with merged group headers and the stamp on a second sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table, 'vi')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('C2').value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell('C2').isMerged).toBe(true);
    expect(sheet.getCell('C3').value).toBe('Tổng số');
    expect(sheet.getCell('A2').value).toBe('STT');
    expect(sheet.getRow(6).getCell(2).value).toBe('Tổng cộng');
    const meta = workbook.worksheets[1];
    expect(meta.getCell('B2').value).toBe('ii06a v1');
    expect(String(meta.getCell('B4').value)).toContain('42 events, last position 7/99');
  });

  it('flattens any report one figure per column', () => {
    const flat = flatTable({ vi: 'x', en: 'x' }, stamp, [
      { key: 'total', label: 'Tổng', figures: { a: 1, b: { c: 2 } } },
    ]);
    expect(flat.columns.map((c) => c.en)).toEqual(['Key', 'Name', 'a', 'b.c']);
    expect(flat.rows).toEqual([['total', 'Tổng', 1, 2]]);
  });
});
