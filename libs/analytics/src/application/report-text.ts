// The year-end reform report as text, the one `npm run report` prints: II.06a, processing times, the reform
// reduction per procedure version, days saved for citizens, Decision 766 indicators and activity, with the
// metric definition versions and the events the figures come from. `npm run simulate` prints the same text
// for the period it simulated, so both commands give the same figures for the same data.
import type { DataSource } from 'typeorm';
import { catchUp, PostgresEventStore } from '@tthc/event-store';
import { DossierFactsProjection } from '../infrastructure/projections/dossier-facts.projection';
import { AnalyticsReports, type SummaryReport } from './analytics-reports';
import { summaryRequestOf, type SummaryOptions } from './report-request';
import { rowLabel } from './report-tables';

/**
 * The report command's summary: the analytics read model brought up to date with the event log first (safe
 * while the engine runs: batches are serialised per projection), then every report from one snapshot.
 */
export async function reportSummary(
  db: DataSource,
  eventBatchSize: number,
  options: SummaryOptions,
): Promise<{ readonly summary: SummaryReport; readonly text: string }> {
  await catchUp(db, new PostgresEventStore(db), new DossierFactsProjection(), eventBatchSize);
  const request = summaryRequestOf(options);
  const summary = await new AnalyticsReports(db).summary(request);
  return {
    summary,
    text: renderSummaryText(summary, {
      from: request.from,
      to: request.to,
      granularity: request.granularity,
      ...(request.period === undefined ? {} : { period: request.period }),
      ...(request.cut === undefined ? {} : { cut: request.cut }),
      ...(request.tripCostDays === undefined ? {} : { tripCostDays: request.tripCostDays }),
      ...(request.incomePerHour === undefined ? {} : { incomePerHour: request.incomePerHour }),
    }),
  };
}

export interface SummaryTextOptions {
  readonly from: string;
  readonly to: string;
  /** The named period and its cut, when the period was asked that way. */
  readonly period?: string;
  readonly cut?: 'calendar' | 'cutoff-15';
  readonly granularity: 'day' | 'minute';
  readonly tripCostDays?: number;
  readonly incomePerHour?: number;
}

const int = (n: number) => n.toLocaleString('en-US');
const dec = (n: number | null, digits = 2) =>
  n === null
    ? '–'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (part: number, whole: number) => (whole === 0 ? '' : `${dec((100 * part) / whole)}%`);
const localDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "label ........ value   extra" at fixed widths. */
function line(label: string, value: string, extra = '', indent = 2): string {
  const left = `${' '.repeat(indent)}${label} `;
  const dots = Math.max(2, 62 - [...left].length);
  return `${left}${'.'.repeat(dots)} ${value.padStart(10)}${extra === '' ? '' : `  ${extra}`}`;
}

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
  const fmt = (cells: string[]) =>
    '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(headers), '  ' + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)];
}

export function renderSummaryText(s: SummaryReport, args: SummaryTextOptions): string {
  const f = s.ii06a.total;
  const stamp = s.ii06a;
  const out: string[] = [];
  const agency =
    stamp.scope.agency === null
      ? 'Tất cả cơ quan / All agencies'
      : `${stamp.scope.agency} ${stamp.scope.agencyName?.vi ?? ''}`;
  out.push('BÁO CÁO KẾT QUẢ CẢI CÁCH THỦ TỤC HÀNH CHÍNH');
  out.push('Administrative procedure reform report');
  out.push('═'.repeat(78));
  out.push(`Cơ quan / Agency:   ${agency.trim()}`);
  if (stamp.scope.agencies !== null && stamp.scope.agencies.length > 1)
    out.push(`                    (gồm / rolls up ${stamp.scope.agencies.length} agencies)`);
  const named =
    args.period === undefined
      ? ''
      : ` (${args.period}, ${args.cut === 'cutoff-15' ? 'chốt số liệu ngày 14 / official cut-off, Decree 09/2019/NĐ-CP Art. 12' : 'calendar'})`;
  out.push(`Kỳ báo cáo / Period: ${localDate(args.from)} – ${localDate(args.to)}${named}`);
  const from = stamp.computedFrom;
  out.push(
    `Số liệu từ / Computed from: ${int(from.eventsApplied)} events` +
      (from.lastPosition === null
        ? ''
        : ` (log position ${from.lastPosition.transactionId}/${from.lastPosition.position})`),
  );
  out.push(
    `Định nghĩa / Definitions: ${[
      s.ii06a,
      s.processingTime,
      s.reformReduction,
      s.timeSavings,
      s.decision766,
      s.activity,
    ]
      .map((r) => `${r.definition.metric} v${r.definition.version}`)
      .join(', ')}; timeliness by ${args.granularity}`,
  );
  out.push('');
  out.push('1. Tiếp nhận và giải quyết hồ sơ (Biểu II.06a) / Dossiers received and resolved');
  out.push(line('Tổng số hồ sơ phải giải quyết / To resolve', int(f.toResolve)));
  out.push(line('Kỳ trước chuyển qua / Carried over', int(f.carriedOver), '', 4));
  out.push(line('Mới tiếp nhận / Newly received', int(f.received), '', 4));
  out.push(
    line(
      'trực tuyến toàn trình / online, full',
      int(f.receivedOnlineFull),
      pct(f.receivedOnlineFull, f.received),
      6,
    ),
  );
  out.push(
    line(
      'trực tuyến một phần / online, partial',
      int(f.receivedOnlinePartial),
      pct(f.receivedOnlinePartial, f.received),
      6,
    ),
  );
  out.push(line('trực tiếp / at the counter', int(f.receivedCounter), pct(f.receivedCounter, f.received), 6));
  out.push(
    line('bưu chính công ích / by public post', int(f.receivedPost), pct(f.receivedPost, f.received), 6),
  );
  out.push(line('Đã giải quyết / Resolved', int(f.resolved), pct(f.resolved, f.toResolve)));
  out.push(line('trước hạn / early', int(f.resolvedEarly), pct(f.resolvedEarly, f.resolved), 4));
  out.push(line('đúng hạn / on time', int(f.resolvedOnTime), pct(f.resolvedOnTime, f.resolved), 4));
  out.push(line('quá hạn / late', int(f.resolvedLate), pct(f.resolvedLate, f.resolved), 4));
  out.push(line('có xin lỗi / with apology', int(f.lateWithApology), '', 6));
  out.push(line('không xin lỗi / without apology', int(f.lateWithoutApology), '', 6));
  out.push(line('chưa trả kết quả / not yet collected', int(f.resolvedNotCollected), '', 4));
  out.push(line('Từ chối giải quyết / Refused to resolve', int(f.refused)));
  out.push(line('Rút hồ sơ / Withdrawn', int(f.withdrawn)));
  out.push(line('Đang giải quyết / In progress at the end', int(f.inProgress)));
  out.push(line('trong hạn / not yet due', int(f.inProgressNotYetDue), '', 4));
  out.push(line('chờ công dân bổ sung / waiting for the citizen', int(f.inProgressWaitingForCitizen), '', 6));
  out.push(line('quá hạn / overdue', int(f.inProgressOverdue), '', 4));
  if (s.ii06a.rows.length > 1) {
    out.push('');
    out.push(
      ...table(
        [
          '',
          'To resolve',
          'Carried',
          'Received',
          'Resolved',
          'Early',
          'On time',
          'Late',
          'In prog.',
          'Overdue',
        ],
        s.ii06a.rows.map((r) => [
          rowLabel(r).slice(0, 32),
          int(r.figures.toResolve),
          int(r.figures.carriedOver),
          int(r.figures.received),
          int(r.figures.resolved),
          int(r.figures.resolvedEarly),
          int(r.figures.resolvedOnTime),
          int(r.figures.resolvedLate),
          int(r.figures.inProgress),
          int(r.figures.inProgressOverdue),
        ]),
      ),
    );
  }
  out.push('');
  const p = s.processingTime.total;
  out.push(`2. Thời gian giải quyết / Processing time (${int(p.count)} dossiers resolved)`);
  out.push(
    ...table(
      ['', 'mean', 'median', 'p90'],
      [
        [
          'working days, net of pauses',
          dec(p.workingNet.mean),
          dec(p.workingNet.median),
          dec(p.workingNet.p90),
        ],
        [
          'working days, gross',
          dec(p.workingGross.mean),
          dec(p.workingGross.median),
          dec(p.workingGross.p90),
        ],
        [
          'calendar days, net of pauses',
          dec(p.calendarNet.mean),
          dec(p.calendarNet.median),
          dec(p.calendarNet.p90),
        ],
        [
          'calendar days, gross',
          dec(p.calendarGross.mean),
          dec(p.calendarGross.median),
          dec(p.calendarGross.p90),
        ],
      ],
    ),
  );
  out.push('');
  out.push('3. Cắt giảm thời gian giải quyết / Reform reduction per procedure version (working days)');
  if (s.reformReduction.rows.length === 0) out.push('  (no dossier resolved in the period)');
  else
    out.push(
      ...table(
        ['procedure', 'statutory', 'committed', 'cut', 'cut %', 'resolved', 'actual mean', 'vs statutory %'],
        s.reformReduction.rows.map((r) => [
          `${r.procedureCode} v${r.procedureVersion} ${(r.name.vi ?? '').slice(0, 28)}`,
          dec(r.statutory.value),
          dec(r.committed.value),
          dec(r.reform.days),
          dec(r.reform.percent),
          int(r.resolved),
          dec(r.actualMeanWorkingDays),
          dec(r.actualVsStatutory.percent),
        ]),
      ),
    );
  out.push('');
  const t = s.timeSavings.total;
  out.push('4. Thời gian tiết kiệm cho người dân / Days saved for citizens');
  out.push(
    line('Ngày xử lý tiết kiệm / Processing days saved (positive)', dec(t.processingDaysSavedPositive)),
  );
  out.push(line('(net, late dossiers counted negative)', dec(t.processingDaysSavedNet), '', 4));
  out.push(
    line(
      'Lượt đi lại tránh được / Trips avoided',
      int(t.tripsAvoided),
      `of ${int(t.tripsBaseline)} in person`,
    ),
  );
  out.push(line('Ngày đi lại tiết kiệm / Travel days saved', dec(t.travelDaysSaved)));
  if (t.money !== null) out.push(line('Chi phí tiết kiệm / Money saved (VND)', int(t.money)));
  out.push(`  Method: trips ${s.timeSavings.method.trips}`);
  out.push(
    `  Parameters: ${JSON.stringify({ tripCostDays: args.tripCostDays ?? 'per procedure and locality', incomePerHour: args.incomePerHour ?? null })}`,
  );
  out.push('');
  out.push('5. Chỉ số theo Quyết định 766/QĐ-TTg / Decision 766 indicators');
  for (const i of s.decision766.indicators) {
    const unit = i.unit === 'percent' ? '%' : i.unit === 'working-days' ? ' days' : '';
    out.push(line(i.name.vi, i.value === null ? '–' : `${dec(i.value)}${unit}`, '', 2));
  }
  out.push(
    `  Not computed (data we do not hold): ${s.decision766.unsupported.map((u) => u.code).join(', ')}`,
  );
  out.push('');
  const a = s.activity.total;
  out.push('6. Bổ sung, xin lỗi, cảnh báo / Supplements, apologies, alerts, clock holders');
  out.push(
    line(
      'Hồ sơ phải bổ sung / Dossiers with a supplement request',
      int(a.receivedWithSupplement),
      `${int(a.supplementRounds)} rounds`,
    ),
  );
  out.push(line('Thư xin lỗi / Apology letters', int(a.apologies)));
  out.push(line('Cảnh báo sắp quá hạn / At-risk alerts', int(a.atRiskAlerts)));
  out.push(
    `  Working days held by: agency ${dec(a.clockHeld.agency)}, partner agencies ${dec(a.clockHeld.partnerAgency)}, citizens ${dec(a.clockHeld.citizen)}, payment ${dec(a.clockHeld.payment)}, other excluded ${dec(a.clockHeld.otherExcluded)}`,
  );
  return `${out.join('\n')}\n`;
}
