// Analysts' views over /v1/analytics for a period and an agency (which rolls up everything under it and
// everything it succeeded): the II.06a overview with its reconciliation, processing times against statutory
// and committed times per procedure version, days saved with the method spelled out, monthly trends, and the
// drill-down province → district → commune → procedure (each unit's sub-units and its own dossiers, adding up
// to its total). The period and agency live in the address, so a view can be shared and reloaded.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { getJson, query } from '../api';
import type {
  AgencyDetails,
  Decision766Report,
  Ii06aFigures,
  Ii06aReport,
  ProcessingTimeReport,
  ReformReductionReport,
  SeriesReport,
  Stamp,
  TimeSavingsReport,
} from '../analytics-types';
import { Chart, type ChartOption } from '../chart';
import { Downloads, Figure, Loaded, Table, useResource } from '../components';
import { formatDate, formatNumber, formatPercent, useT, type MessageKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';

interface Filters {
  readonly from: string;
  readonly to: string;
  readonly agency: string;
}

const TABS: readonly { path: string; label: MessageKey }[] = [
  { path: '/analytics', label: 'tabOverview' },
  { path: '/analytics/processing', label: 'tabProcessing' },
  { path: '/analytics/savings', label: 'tabSavings' },
  { path: '/analytics/trends', label: 'tabTrends' },
  { path: '/analytics/area', label: 'tabDrill' },
];

function defaultFilters(): Filters {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today, agency: '' };
}

const reportPath = (
  report: string,
  filters: Filters,
  extra: Record<string, string | number | undefined> = {},
) =>
  `/v1/analytics/${report}${query({ from: filters.from, to: filters.to, agency: filters.agency, ...extra })}`;

export function AnalyticsView() {
  const { t } = useT();
  const location = useLocation();
  const defaults = defaultFilters();
  const filters: Filters = {
    from: location.search.get('from') ?? defaults.from,
    to: location.search.get('to') ?? defaults.to,
    agency: location.search.get('agency') ?? defaults.agency,
  };
  const search = query({ from: filters.from, to: filters.to, agency: filters.agency });
  const tab = TABS.find((candidate) => candidate.path === location.path) ?? TABS[0]!;
  return (
    <section>
      <FilterForm filters={filters} onChange={(next) => navigate(`${tab.path}${query({ ...next })}`)} />
      <nav className="tabs" aria-label={t('navAnalytics')}>
        {TABS.map((candidate) => (
          <Link
            key={candidate.path}
            to={`${candidate.path}${search}`}
            className={candidate === tab ? 'tab active' : 'tab'}
            testId={`tab-${candidate.label}`}
          >
            {t(candidate.label)}
          </Link>
        ))}
      </nav>
      {tab.path === '/analytics' ? <Overview filters={filters} /> : null}
      {tab.path === '/analytics/processing' ? <Processing filters={filters} /> : null}
      {tab.path === '/analytics/savings' ? <Savings filters={filters} /> : null}
      {tab.path === '/analytics/trends' ? <Trends filters={filters} /> : null}
      {tab.path === '/analytics/area' ? <DrillDown filters={filters} /> : null}
    </section>
  );
}

function FilterForm(props: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useT();
  const [draft, setDraft] = useState(props.filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onChange(draft);
  };
  return (
    <form className="filters" onSubmit={submit}>
      <label>
        {t('from')}
        <input
          type="date"
          value={draft.from}
          required
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          name="from"
        />
      </label>
      <label>
        {t('to')}
        <input
          type="date"
          value={draft.to}
          required
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          name="to"
        />
      </label>
      <label>
        {t('agency')}
        <input
          value={draft.agency}
          placeholder="000.00.18.H56"
          onChange={(e) => setDraft({ ...draft, agency: e.target.value.trim() })}
          name="agency"
        />
      </label>
      <button type="submit">{t('show')}</button>
    </form>
  );
}

function StampLine(props: { stamp: Stamp }) {
  const { t } = useT();
  const { computedFrom, definition } = props.stamp;
  return (
    <p className="stamp" data-testid="stamp">
      {t('computedFrom', {
        events: formatNumber(computedFrom.eventsApplied),
        position: computedFrom.lastPosition?.position ?? '—',
        metric: definition.metric,
        version: definition.version,
      })}
    </p>
  );
}

function ScopeTitle(props: { stamp: Stamp; filters: Filters }) {
  const { name } = useT();
  return (
    <h2>
      {props.stamp.scope.agencyName ? name(props.stamp.scope.agencyName) : (props.stamp.scope.agency ?? '—')}{' '}
      · {formatDate(props.filters.from)} – {formatDate(props.filters.to)}
    </h2>
  );
}

const count = (value: number) => formatNumber(value, 0);

function Overview(props: { filters: Filters }) {
  const { t, name } = useT();
  const { filters } = props;
  const ii06aPath = reportPath('ii06a', filters, { groupBy: 'field' });
  const { resource, reload } = useResource(`${ii06aPath}`, async (signal) => {
    const [ii06a, decision766] = await Promise.all([
      getJson<Ii06aReport>(ii06aPath, signal),
      getJson<Decision766Report>(reportPath('decision-766', filters), signal),
    ]);
    return { ii06a, decision766 };
  });
  return (
    <Loaded resource={resource} reload={reload}>
      {({ ii06a, decision766 }) => {
        const f = ii06a.total;
        const indicator = (code: string) =>
          decision766.indicators.find((i) => i.code === code)?.value ?? null;
        const left = f.carriedOver + f.received;
        const right = f.resolved + f.refused + f.withdrawn + f.inProgress;
        return (
          <div data-testid="overview">
            <ScopeTitle stamp={ii06a} filters={filters} />
            <div className="figures">
              <div className="figure-group">
                <h3>{t('byChannel')}</h3>
                <Figure label={t('received')} value={count(f.received)} figure="received" strong />
                <Figure label={t('receivedOnline')} value={count(f.receivedOnline)} figure="receivedOnline" />
                <Figure
                  label={t('receivedOnlineFull')}
                  value={count(f.receivedOnlineFull)}
                  figure="receivedOnlineFull"
                />
                <Figure
                  label={t('receivedOnlinePartial')}
                  value={count(f.receivedOnlinePartial)}
                  figure="receivedOnlinePartial"
                />
                <Figure
                  label={t('receivedCounter')}
                  value={count(f.receivedCounter)}
                  figure="receivedCounter"
                />
                <Figure label={t('receivedPost')} value={count(f.receivedPost)} figure="receivedPost" />
                <Figure label={t('carriedOver')} value={count(f.carriedOver)} figure="carriedOver" strong />
                <Figure label={t('toResolve')} value={count(f.toResolve)} figure="toResolve" />
              </div>
              <div className="figure-group">
                <h3>{t('outcome')}</h3>
                <Figure label={t('resolved')} value={count(f.resolved)} figure="resolved" strong />
                <Figure label={t('resolvedEarly')} value={count(f.resolvedEarly)} figure="resolvedEarly" />
                <Figure label={t('resolvedOnTime')} value={count(f.resolvedOnTime)} figure="resolvedOnTime" />
                <Figure label={t('resolvedLate')} value={count(f.resolvedLate)} figure="resolvedLate" />
                <Figure
                  label={t('lateWithApology')}
                  value={count(f.lateWithApology)}
                  figure="lateWithApology"
                />
                <Figure label={t('refused')} value={count(f.refused)} figure="refused" />
                <Figure label={t('withdrawn')} value={count(f.withdrawn)} figure="withdrawn" />
                <Figure label={t('inProgress')} value={count(f.inProgress)} figure="inProgress" strong />
                <Figure
                  label={t('inProgressNotYetDue')}
                  value={count(f.inProgressNotYetDue)}
                  figure="inProgressNotYetDue"
                />
                <Figure
                  label={t('inProgressOverdue')}
                  value={count(f.inProgressOverdue)}
                  figure="inProgressOverdue"
                />
                <Figure
                  label={t('inProgressWaitingForCitizen')}
                  value={count(f.inProgressWaitingForCitizen)}
                  figure="inProgressWaitingForCitizen"
                />
              </div>
              <div className="figure-group">
                <h3>{t('onlineRate')}</h3>
                <Figure
                  label={t('onlineRate')}
                  value={formatPercent(indicator('online-dossier-share'))}
                  figure="onlineRate"
                  strong
                />
                <Figure
                  label={t('earlyOrOnTimeShare')}
                  value={formatPercent(indicator('resolved-early-or-on-time-share'))}
                  figure="earlyOrOnTimeShare"
                />
                <h3>{t('satisfaction')}</h3>
                <Figure
                  label={t('satisfactionMean')}
                  value={formatNumber(indicator('satisfaction-mean'))}
                  figure="satisfactionMean"
                  strong
                />
                <Figure
                  label={t('satisfactionShare')}
                  value={formatPercent(indicator('satisfaction-share'))}
                  figure="satisfactionShare"
                />
              </div>
            </div>
            <p
              className={left === right ? 'reconciliation ok' : 'reconciliation bad'}
              data-testid="reconciliation"
            >
              <strong>{t('reconciliation')}:</strong> {t('reconciliationFormula')}: {count(f.carriedOver)} +{' '}
              {count(f.received)} = {count(f.resolved)} + {count(f.refused)} + {count(f.withdrawn)} +{' '}
              {count(f.inProgress)} → {count(left)} = {count(right)}{' '}
              {left === right ? `✓ ${t('reconciliationOk')}` : `✗ ${t('reconciliationBad')}`}
            </p>
            <StampLine stamp={ii06a} />
            <h3>
              {t('field')} <Downloads path={ii06aPath} name="ii06a" />
            </h3>
            <Ii06aTable
              rows={ii06a.rows.map((r) => ({ label: name(r.label) || r.key, figures: r.figures }))}
              total={f}
            />
          </div>
        );
      }}
    </Loaded>
  );
}

function Ii06aTable(props: {
  rows: { label: ReactNode; figures: Ii06aFigures }[];
  total?: Ii06aFigures;
  testId?: string;
}) {
  const { t } = useT();
  const cells = (f: Ii06aFigures) => [
    count(f.carriedOver),
    count(f.received),
    count(f.receivedOnline),
    count(f.resolved),
    count(f.resolvedEarly),
    count(f.resolvedOnTime),
    count(f.resolvedLate),
    count(f.inProgress),
    count(f.inProgressOverdue),
  ];
  return (
    <Table
      testId={props.testId}
      head={[
        '',
        t('carriedOver'),
        t('received'),
        t('receivedOnline'),
        t('resolved'),
        t('resolvedEarly'),
        t('resolvedOnTime'),
        t('resolvedLate'),
        t('inProgress'),
        t('inProgressOverdue'),
      ]}
      rows={props.rows.map((r) => [r.label, ...cells(r.figures)])}
      foot={props.total && props.rows.length > 0 ? [t('total'), ...cells(props.total)] : undefined}
    />
  );
}

function Processing(props: { filters: Filters }) {
  const { t, name } = useT();
  const reformPath = reportPath('reform-reduction', props.filters);
  const timesPath = reportPath('processing-time', props.filters, { groupBy: 'procedure-version' });
  const { resource, reload } = useResource(`${reformPath}|${timesPath}`, async (signal) => {
    const [reform, times] = await Promise.all([
      getJson<ReformReductionReport>(reformPath, signal),
      getJson<ProcessingTimeReport>(timesPath, signal),
    ]);
    return { reform, times };
  });
  const duration = (d: { value: number; unit: string }) =>
    d.unit === 'same-day' ? t('same-day') : `${formatNumber(d.value)} ${t((d.unit as MessageKey) ?? 'days')}`;
  const reduction = (r: { days: number | null; percent: number | null }) =>
    r.days === null ? '—' : `${formatNumber(r.days)} (${formatPercent(r.percent)})`;
  return (
    <Loaded resource={resource} reload={reload}>
      {({ reform, times }) => (
        <div data-testid="processing">
          <ScopeTitle stamp={reform} filters={props.filters} />
          <h3>
            {t('reformTitle')} <Downloads path={reformPath} name="reform-reduction" />
          </h3>
          <Table
            testId="reform-table"
            head={[
              t('procedure'),
              t('version'),
              t('statutory'),
              t('committed'),
              t('reformReduction'),
              t('resolvedCount'),
              t('actualMean'),
              t('actualMedian'),
              t('vsStatutory'),
              t('vsCommitted'),
            ]}
            rows={reform.rows.map((r) => [
              <span key="p">
                <Link to={`/agency/procedures/${r.procedureCode}`}>{r.procedureCode}</Link> {name(r.name)}
              </span>,
              r.procedureVersion,
              duration(r.statutory),
              duration(r.committed),
              reduction(r.reform),
              count(r.resolved),
              formatNumber(r.actualMeanWorkingDays),
              formatNumber(r.actualMedianWorkingDays),
              reduction(r.actualVsStatutory),
              reduction(r.actualVsCommitted),
            ])}
          />
          {reform.rows.length > 0 ? <ReformChart report={reform} /> : null}
          <StampLine stamp={reform} />
          <h3>
            {t('processingTitle')} <Downloads path={timesPath} name="processing-time" />
          </h3>
          <Table
            testId="processing-table"
            head={[t('procedure'), t('resolvedCount'), t('mean'), t('median'), t('p90')]}
            rows={times.rows.map((r) => [
              `${r.key} ${name(r.label)}`,
              count(r.figures.count),
              formatNumber(r.figures.workingNet.mean),
              formatNumber(r.figures.workingNet.median),
              formatNumber(r.figures.workingNet.p90),
            ])}
            foot={[
              t('total'),
              count(times.total.count),
              formatNumber(times.total.workingNet.mean),
              formatNumber(times.total.workingNet.median),
              formatNumber(times.total.workingNet.p90),
            ]}
          />
        </div>
      )}
    </Loaded>
  );
}

/** Statutory, committed and actual mean working days per procedure version, side by side. */
function ReformChart(props: { report: ReformReductionReport }) {
  const { t, language } = useT();
  const option = useMemo<ChartOption>(() => {
    const rows = props.report.rows;
    const days = (d: { value: number; unit: string }) => (d.unit === 'same-day' ? 0 : d.value);
    const bar = (name: string, color: string, values: (number | null)[]) => ({
      name,
      type: 'bar',
      itemStyle: { color },
      data: values,
    });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatNumber(Number(value)) },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 56, bottom: 24 },
      xAxis: { type: 'category', data: rows.map((r) => `${r.procedureCode} v${r.procedureVersion}`) },
      yAxis: { type: 'value', name: t('workingDays') },
      series: [
        bar(
          t('statutory'),
          '#90a4ae',
          rows.map((r) => days(r.statutory)),
        ),
        bar(
          t('committed'),
          '#1565c0',
          rows.map((r) => days(r.committed)),
        ),
        bar(
          t('actualMean'),
          '#2e7d32',
          rows.map((r) => r.actualMeanWorkingDays),
        ),
      ],
    };
    // The labels change with the language.
  }, [props.report, language]);
  return <Chart option={option} testId="reform-chart" />;
}

const SAVINGS_FIGURES = [
  'resolved',
  'processingDaysSavedPositive',
  'processingDaysSavedNet',
  'tripsBaseline',
  'tripsActual',
  'tripsAvoided',
  'travelDaysSaved',
  'money',
] as const;

function Savings(props: { filters: Filters }) {
  const { t, name } = useT();
  const [tripCostDays, setTripCostDays] = useState('');
  const [incomePerHour, setIncomePerHour] = useState('');
  const [asked, setAsked] = useState({ tripCostDays: '', incomePerHour: '' });
  const path = reportPath('time-savings', props.filters, {
    groupBy: 'procedure',
    tripCostDays: asked.tripCostDays,
    incomePerHour: asked.incomePerHour,
  });
  const { resource, reload } = useResource(path, (signal) => getJson<TimeSavingsReport>(path, signal));
  const label = (key: (typeof SAVINGS_FIGURES)[number]): string =>
    key === 'resolved' ? t('resolvedCount') : t(key);
  return (
    <div data-testid="savings">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ tripCostDays, incomePerHour });
        }}
      >
        <label>
          {t('tripCostDays')}
          <input inputMode="decimal" value={tripCostDays} onChange={(e) => setTripCostDays(e.target.value)} />
        </label>
        <label>
          {t('incomePerHour')}
          <input
            inputMode="numeric"
            value={incomePerHour}
            onChange={(e) => setIncomePerHour(e.target.value)}
          />
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <Loaded resource={resource} reload={reload}>
        {(report) => (
          <>
            <ScopeTitle stamp={report} filters={props.filters} />
            <div className="figures">
              <div className="figure-group">
                <h3>{t('savingsTitle')}</h3>
                {SAVINGS_FIGURES.map((key) => (
                  <Figure
                    key={key}
                    label={label(key)}
                    value={formatNumber(report.total[key])}
                    figure={`savings-${key}`}
                  />
                ))}
              </div>
              <div className="figure-group">
                <h3>{t('method')}</h3>
                <dl className="method" data-testid="method">
                  {Object.entries(report.method).map(([key, text]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>{text}</dd>
                    </div>
                  ))}
                </dl>
                <h3>{t('parameters')}</h3>
                <dl className="method" data-testid="parameters">
                  {Object.entries(report.parameters).map(([key, value]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>{String(value)}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            </div>
            <h3>
              {t('byProcedure')} <Downloads path={path} name="time-savings" />
            </h3>
            <Table
              testId="savings-table"
              head={[t('procedure'), ...SAVINGS_FIGURES.map(label)]}
              rows={report.rows.map((r) => [
                `${r.key} ${name(r.label)}`,
                ...SAVINGS_FIGURES.map((key) => formatNumber(r.figures[key])),
              ])}
            />
            <StampLine stamp={report} />
          </>
        )}
      </Loaded>
    </div>
  );
}

function Trends(props: { filters: Filters }) {
  const { t } = useT();
  const path = reportPath('series', props.filters, { metric: 'ii06a', bucket: 'month' });
  const { resource, reload } = useResource(path, (signal) => getJson<SeriesReport>(path, signal));
  return (
    <Loaded resource={resource} reload={reload}>
      {(report) => (
        <div data-testid="trends">
          <ScopeTitle stamp={report} filters={props.filters} />
          <h3>
            {t('trendsTitle')} <Downloads path={path} name="series" />
          </h3>
          {report.periods.length === 0 ? null : <TrendChart report={report} />}
          <Ii06aTable
            testId="trends-table"
            rows={report.periods.map((p) => ({ label: p.label, figures: p.figures }))}
          />
          <StampLine stamp={report} />
        </div>
      )}
    </Loaded>
  );
}

function TrendChart(props: { report: SeriesReport }) {
  const { t, language } = useT();
  const option = useMemo<ChartOption>(() => {
    const months = props.report.periods.map((p) => p.label);
    const bar = (key: keyof Ii06aFigures, color: string) => ({
      name: t(key as MessageKey),
      type: 'bar',
      stack: 'resolved',
      itemStyle: { color },
      data: props.report.periods.map((p) => p.figures[key]),
    });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatNumber(Number(value)) },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 56, bottom: 24 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: [
        bar('resolvedEarly', '#2e7d32'),
        bar('resolvedOnTime', '#1565c0'),
        bar('resolvedLate', '#c62828'),
        {
          name: t('received'),
          type: 'line',
          itemStyle: { color: '#6a1b9a' },
          data: props.report.periods.map((p) => p.figures.received),
        },
      ],
    };
    // The labels change with the language.
  }, [props.report, language]);
  return <Chart option={option} testId="trend-chart" />;
}

function DrillDown(props: { filters: Filters }) {
  const { t, name } = useT();
  const { filters } = props;
  const agency = filters.agency;
  const key = agency === '' ? null : `${agency}|${filters.from}|${filters.to}`;
  const byProcedurePath = reportPath('ii06a', filters, { groupBy: 'procedure' });
  // One report for the unit: a row per sub-unit valid at the period end and one for the unit's own dossiers,
  // adding up to the unit's total (the API groups them so: groupBy=sub-unit).
  const bySubUnitPath = reportPath('ii06a', filters, { groupBy: 'sub-unit' });
  const { resource, reload } = useResource(key, async (signal) => {
    const [details, bySubUnit, byProcedure] = await Promise.all([
      getJson<AgencyDetails>(`/v1/agencies/${encodeURIComponent(agency)}`, signal),
      getJson<Ii06aReport>(bySubUnitPath, signal),
      getJson<Ii06aReport>(byProcedurePath, signal),
    ]);
    return { details, bySubUnit, byProcedure };
  });
  if (key === null) {
    return (
      <p className="empty" data-testid="empty">
        {t('agency')}: 000.00.00.H56 …
      </p>
    );
  }
  const at = (code: string) =>
    `/analytics/area${query({ from: filters.from, to: filters.to, agency: code })}`;
  return (
    <Loaded resource={resource} reload={reload}>
      {({ details, bySubUnit, byProcedure }) => (
        <div data-testid="drilldown">
          <h2>
            {t('drillTitle')}: {name(details.name)}
          </h2>
          {details.parent ? (
            <p>
              <Link to={at(details.parent.code)} testId="drill-up">
                ↑ {t('up')}: {name(details.parent.name)}
              </Link>
            </p>
          ) : null}
          {bySubUnit.rows.length > 0 ? (
            <>
              <h3>
                {t('subordinate')} <Downloads path={bySubUnitPath} name="drill-sub-units" />
              </h3>
              <Ii06aTable
                testId="drill-children"
                rows={bySubUnit.rows.map((r) => ({
                  label:
                    r.key === agency ? (
                      <span data-testid="drill-own">{t('ownDossiers')}</span>
                    ) : (
                      <>
                        <Link to={at(r.key)} testId={`drill-${r.key}`}>
                          {name(r.label) || r.key}
                        </Link>{' '}
                        <Downloads
                          path={reportPath('ii06a', { ...filters, agency: r.key }, { groupBy: 'field' })}
                          name={`ii06a-${r.key}`}
                        />
                      </>
                    ),
                  figures: r.figures,
                }))}
                total={bySubUnit.total}
              />
            </>
          ) : null}
          <h3>
            {t('byProcedure')} <Downloads path={byProcedurePath} name="drill-procedure" />
          </h3>
          <Ii06aTable
            testId="drill-procedures"
            rows={byProcedure.rows.map((r) => ({
              label: `${r.key} ${name(r.label)}`,
              figures: r.figures,
            }))}
            total={byProcedure.total}
          />
          <StampLine stamp={byProcedure} />
        </div>
      )}
    </Loaded>
  );
}
