// CSV and XLSX files of a report table, written with exceljs (its CSV writer does the quoting). XLSX keeps
// the two-level header of the official form with merged group cells and a second sheet with the stamp;
// CSV has one header line ("group – column") and carries the stamp in response headers instead.
import ExcelJS from 'exceljs';
import type { Column, ReportTable } from '../application/report-tables';

export type HeaderLanguage = 'vi' | 'vi-en';

const label = (text: { vi: string; en: string }, language: HeaderLanguage) =>
  language === 'vi' || text.vi === text.en ? text.vi : `${text.vi} / ${text.en}`;

function flatHeader(column: Column, language: HeaderLanguage): string {
  const own = label(column, language);
  return column.group === undefined ? own : `${label(column.group, language)} – ${own}`;
}

function stampLines(table: ReportTable): [string, string][] {
  const s = table.stamp;
  return [
    ['Báo cáo / Report', `${table.title.vi} / ${table.title.en}`],
    ['Định nghĩa / Definition', `${s.definition.metric} v${s.definition.version}`],
    ['Mô tả / Summary', s.definition.summary],
    [
      'Tính từ sự kiện / Computed from',
      `${s.computedFrom.projection}: ${s.computedFrom.eventsApplied} events, last position ${
        s.computedFrom.lastPosition === null
          ? '-'
          : `${s.computedFrom.lastPosition.transactionId}/${s.computedFrom.lastPosition.position}`
      }`,
    ],
    [
      'Cơ quan / Agency',
      s.scope.agency === null ? '(all)' : `${s.scope.agency} ${s.scope.agencyName?.vi ?? ''}`.trim(),
    ],
    ['Tham số / Parameters', JSON.stringify(s.parameters)],
  ];
}

export async function toCsv(table: ReportTable, language: HeaderLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('report');
  sheet.addRow(table.columns.map((column) => flatHeader(column, language)));
  for (const row of table.rows) sheet.addRow([...row]);
  const csv = await workbook.csv.writeBuffer({ sheetName: 'report' });
  // A byte-order mark, so that spreadsheet programs read the Vietnamese headers as UTF-8.
  return Buffer.concat([Buffer.from('\ufeff', 'utf8'), Buffer.from(csv)]);
}

export async function toXlsx(table: ReportTable, language: HeaderLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same report gives the same workbook content.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.addRow([label(table.title, language)]).font = { bold: true, size: 13 };
  const grouped = table.columns.some((column) => column.group !== undefined);
  const headerTop = sheet.addRow(table.columns.map((column) => label(column.group ?? column, language)));
  const headerRows = [headerTop];
  if (grouped) {
    const second = sheet.addRow(
      table.columns.map((column) => (column.group === undefined ? '' : label(column, language))),
    );
    headerRows.push(second);
    // Merge each group's top cells, and each ungrouped column's two header cells.
    let start = 0;
    while (start < table.columns.length) {
      const group = table.columns[start].group;
      let end = start;
      if (group === undefined) {
        sheet.mergeCells(headerTop.number, start + 1, second.number, start + 1);
      } else {
        while (end + 1 < table.columns.length && table.columns[end + 1].group?.vi === group.vi) end++;
        if (end > start) sheet.mergeCells(headerTop.number, start + 1, headerTop.number, end + 1);
      }
      start = end + 1;
    }
  }
  for (const row of headerRows) {
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 40 : 14;
  });
  const meta = workbook.addWorksheet('Thông tin');
  for (const line of stampLines(table)) meta.addRow(line);
  meta.getColumn(1).width = 32;
  meta.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The stamp as HTTP response headers (ASCII only). */
export function stampHeaders(table: ReportTable): Record<string, string> {
  const s = table.stamp;
  return {
    'X-Metric-Definition': `${s.definition.metric}; version=${s.definition.version}`,
    'X-Computed-From': `${s.computedFrom.projection}; events=${s.computedFrom.eventsApplied}${
      s.computedFrom.lastPosition === null
        ? ''
        : `; last-position=${s.computedFrom.lastPosition.transactionId}/${s.computedFrom.lastPosition.position}`
    }`,
  };
}
