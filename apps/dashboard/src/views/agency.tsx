// Agencies' views: the public procedure catalogue, a procedure with each version's state diagram (the SVG the
// registry renders), time limits, fees, required documents and form fields; and the worklists of the
// agency's officials (due today, overdue, waiting for the citizen), which need an official's token.
import { useState, type FormEvent } from 'react';
import { getJson, query } from '../api';
import type { Name, Page } from '../analytics-types';
import { Empty, Loaded, Table, useResource } from '../components';
import { formatDateTime, formatNumber, useT, type MessageKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';

interface Duration {
  readonly unit: string;
  readonly value?: number;
}

interface ProcedureSummary {
  readonly code: string;
  readonly version: number;
  readonly name: Name;
  readonly field: { readonly code: string; readonly name: Name };
  readonly agency: { readonly code: string; readonly name: Name };
  readonly onlineServiceLevel: string;
  readonly statutoryDuration: Duration;
  readonly committedDuration: Duration;
}

interface ProcedureDetails {
  readonly current: ProcedureSummary;
  readonly versions: readonly {
    readonly version: number;
    readonly status: string;
    readonly statutoryDuration: Duration;
    readonly committedDuration: Duration;
    readonly publishedAt: string | null;
    readonly supersededAt: string | null;
  }[];
}

interface Definition {
  readonly fees?: readonly {
    code: string;
    name: Name;
    amount: number;
    channels?: readonly string[];
    note?: Name;
  }[];
  readonly requiredDocuments?: readonly {
    code: string;
    name: Name;
    originals?: number;
    copies?: number;
    note?: Name;
  }[];
  readonly applicationForm?: {
    readonly properties?: Readonly<Record<string, { title?: string; 'x-title-en'?: string }>>;
  };
  readonly legalBasis?: readonly string[];
}

interface VersionDetails extends ProcedureSummary {
  readonly definition: Definition;
}

export function useDuration() {
  const { t } = useT();
  return (d: Duration) =>
    d.unit === 'same-day' ? t('same-day') : `${formatNumber(d.value ?? null)} ${t(d.unit as MessageKey)}`;
}

export function CatalogueView() {
  const { t, name } = useT();
  const duration = useDuration();
  const path = '/v1/procedures?limit=100';
  const { resource, reload } = useResource(path, (signal) => getJson<Page<ProcedureSummary>>(path, signal));
  return (
    <section data-testid="catalogue">
      <AgencyTabs />
      <h2>{t('catalogueTitle')}</h2>
      <Loaded resource={resource} reload={reload}>
        {(page) => (
          <Table
            testId="catalogue-table"
            head={[t('procedure'), t('field'), t('agency'), t('onlineLevel'), t('statutory'), t('committed')]}
            rows={page.items.map((p) => [
              <Link key="p" to={`/agency/procedures/${p.code}`} testId={`procedure-${p.code}`}>
                {p.code} — {name(p.name)}
              </Link>,
              name(p.field.name),
              name(p.agency.name),
              p.onlineServiceLevel,
              duration(p.statutoryDuration),
              duration(p.committedDuration),
            ])}
          />
        )}
      </Loaded>
    </section>
  );
}

export function ProcedureView(props: { code: string }) {
  const { t, name } = useT();
  const duration = useDuration();
  const path = `/v1/procedures/${encodeURIComponent(props.code)}`;
  const { resource, reload } = useResource(path, (signal) => getJson<ProcedureDetails>(path, signal));
  return (
    <section data-testid="procedure">
      <p>
        <Link to="/agency/procedures">← {t('back')}</Link>
      </p>
      <Loaded resource={resource} reload={reload}>
        {(details) => (
          <>
            <h2>
              {details.current.code} — {name(details.current.name)}
            </h2>
            <p>
              {t('field')}: {name(details.current.field.name)} · {t('agency')}:{' '}
              {name(details.current.agency.name)} · {t('onlineLevel')}: {details.current.onlineServiceLevel}
            </p>
            {[...details.versions]
              .sort((a, b) => b.version - a.version)
              .map((v) => (
                <details key={v.version} open={v.version === details.current.version} className="version">
                  <summary>
                    {t('version')} {v.version} ({v.status}) · {t('statutory')} {duration(v.statutoryDuration)}{' '}
                    · {t('committed')} {duration(v.committedDuration)} · {t('published')}{' '}
                    {formatDateTime(v.publishedAt)}
                    {v.supersededAt ? ` · ${t('superseded')} ${formatDateTime(v.supersededAt)}` : ''}
                  </summary>
                  <VersionBody code={details.current.code} version={v.version} />
                </details>
              ))}
          </>
        )}
      </Loaded>
    </section>
  );
}

function VersionBody(props: { code: string; version: number }) {
  const { t, name, language } = useT();
  const base = `/v1/procedures/${encodeURIComponent(props.code)}/versions/${props.version}`;
  const { resource, reload } = useResource(base, (signal) => getJson<VersionDetails>(base, signal));
  return (
    <Loaded resource={resource} reload={reload}>
      {(version) => {
        const fields = Object.entries(version.definition.applicationForm?.properties ?? {});
        return (
          <div className="version-body">
            <h3>{t('diagram')}</h3>
            <a className="diagram" href={`${base}/diagram.svg`} target="_blank" rel="noreferrer">
              <img
                src={`${base}/diagram.svg`}
                alt={`${t('diagram')} ${props.code} v${props.version}`}
                data-testid={`diagram-${props.code}-${props.version}`}
              />
            </a>
            <h3>{t('fees')}</h3>
            <Table
              head={[t('fees'), '', '']}
              rows={(version.definition.fees ?? []).map((fee) => [
                name(fee.name),
                fee.amount === 0 ? t('free') : `${formatNumber(fee.amount)} đ`,
                (fee.channels ?? []).join(', '),
              ])}
            />
            <h3>{t('requiredDocuments')}</h3>
            <ul>
              {(version.definition.requiredDocuments ?? []).map((doc) => (
                <li key={doc.code}>
                  {name(doc.name)} — {doc.originals ?? 0} {t('originals')}, {doc.copies ?? 0} {t('copies')}
                  {doc.note ? ` (${name(doc.note)})` : ''}
                </li>
              ))}
            </ul>
            <h3>{t('applicationForm')}</h3>
            {fields.length === 0 ? (
              <Empty />
            ) : (
              <ul>
                {fields.map(([key, field]) => (
                  <li key={key}>
                    <code>{key}</code>:{' '}
                    {language === 'en' ? (field['x-title-en'] ?? field.title) : field.title}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('legalBasis')}</h3>
            <ul>
              {(version.definition.legalBasis ?? []).map((basis) => (
                <li key={basis}>{basis}</li>
              ))}
            </ul>
          </div>
        );
      }}
    </Loaded>
  );
}

function AgencyTabs() {
  const { t } = useT();
  const location = useLocation();
  return (
    <nav className="tabs">
      <Link
        to="/agency/procedures"
        className={location.path.startsWith('/agency/procedures') ? 'tab active' : 'tab'}
      >
        {t('catalogueTitle')}
      </Link>
      <Link
        to="/agency/worklists"
        className={location.path.startsWith('/agency/worklists') ? 'tab active' : 'tab'}
      >
        {t('worklistsTitle')}
      </Link>
    </nav>
  );
}

interface WorklistItem {
  readonly id: string;
  readonly code: string | null;
  readonly procedureCode: string;
  readonly workflowState: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly applicant: { readonly name?: string | null } | null;
}

const VIEWS: readonly { view: string; label: MessageKey }[] = [
  { view: 'due-today', label: 'viewDueToday' },
  { view: 'overdue', label: 'viewOverdue' },
  { view: 'waiting-for-citizen', label: 'viewWaiting' },
];

export function WorklistsView() {
  const { t } = useT();
  const location = useLocation();
  const agency = location.search.get('agency') ?? '';
  const view = location.search.get('view') ?? 'due-today';
  const [draft, setDraft] = useState(agency);
  const path = `/v1/worklists${query({ agency, view, limit: 100 })}`;
  const { resource, reload } = useResource(agency === '' ? null : path, (signal) =>
    getJson<Page<WorklistItem>>(path, signal),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/agency/worklists${query({ agency: draft, view })}`);
  };
  return (
    <section data-testid="worklists">
      <AgencyTabs />
      <h2>{t('worklistsTitle')}</h2>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('agency')}
          <input
            value={draft}
            placeholder="000.31.18.H56"
            onChange={(e) => setDraft(e.target.value.trim())}
          />
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <nav className="tabs">
        {VIEWS.map((v) => (
          <Link
            key={v.view}
            to={`/agency/worklists${query({ agency, view: v.view })}`}
            className={v.view === view ? 'tab active' : 'tab'}
            testId={`worklist-view-${v.view}`}
          >
            {t(v.label)}
          </Link>
        ))}
      </nav>
      {agency === '' ? (
        <Empty />
      ) : (
        <Loaded resource={resource} reload={reload}>
          {(page) => (
            <Table
              testId="worklist-table"
              head={[t('code'), t('procedure'), t('state'), t('receivedAt'), t('dueAt'), t('applicant')]}
              rows={page.items.map((item) => [
                item.code ?? '—',
                item.procedureCode,
                item.workflowState,
                formatDateTime(item.receivedAt),
                formatDateTime(item.dueAt),
                item.applicant?.name ?? '—',
              ])}
            />
          )}
        </Loaded>
      )}
    </section>
  );
}
