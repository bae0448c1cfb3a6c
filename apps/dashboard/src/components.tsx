// What every view shares: loading a resource with loading / empty / error states, the error box that says what
// to do, tables with their CSV / XLSX downloads, and a labelled figure.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { download, ProblemError, type Problem } from './api';
import { useT, type MessageKey } from './i18n';

export type Resource<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly problem: Problem }
  | { readonly state: 'ready'; readonly value: T };

/** Loads `load()` again whenever `key` changes; `reload` asks again. Never shows an answer for another key. */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>) {
  const [answer, setAnswer] = useState<{ key: string; resource: Resource<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setAnswer({ key, resource: { state: 'loading' } });
    load(controller.signal).then(
      (value) => setAnswer({ key, resource: { state: 'ready', value } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({
          key,
          resource: {
            state: 'failed',
            problem:
              error instanceof ProblemError
                ? error.problem
                : { type: 'about:blank', title: 'Error', status: 0, detail: String(error) },
          },
        });
      },
    );
    return () => controller.abort();
    // `load` is recreated on each render; `key` says when the request changes.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const resource: Resource<T> =
    answer !== null && answer.key === key ? answer.resource : { state: 'loading' };
  return { resource, reload };
}

function hintOf(status: number): MessageKey {
  if (status === 0) return 'hint0';
  if (status === 400 || status === 422) return 'hint400';
  if (status === 401) return 'hint401';
  if (status === 403) return 'hint403';
  if (status === 404) return 'hint404';
  if (status === 429) return 'hint429';
  return 'hint5xx';
}

export function ErrorBox(props: { problem: Problem; retry?: () => void }) {
  const { t } = useT();
  const { problem } = props;
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>
        {t('errorTitle')}: {problem.title}
        {problem.status > 0 ? ` (${problem.status})` : ''}
      </strong>
      {problem.detail ? <p data-testid="error-detail">{problem.detail}</p> : null}
      {problem.errors && problem.errors.length > 0 ? (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>
              {e.path ? <code>{e.path}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="hint">{t(hintOf(problem.status))}</p>
      {props.retry ? (
        <button type="button" onClick={props.retry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status" aria-busy="true" data-testid="loading">
      {t('loading')}
    </p>
  );
}

export function Empty() {
  const { t } = useT();
  return (
    <p className="empty" data-testid="empty">
      {t('empty')}
    </p>
  );
}

/** Renders the resource's value, or its loading or error state. */
export function Loaded<T>(props: {
  resource: Resource<T>;
  reload?: () => void;
  children: (value: T) => ReactNode;
}) {
  if (props.resource.state === 'loading') return <Loading />;
  if (props.resource.state === 'failed')
    return <ErrorBox problem={props.resource.problem} retry={props.reload} />;
  return <>{props.children(props.resource.value)}</>;
}

/** CSV and XLSX of an API report: the same path with format=…, fetched with the caller's token. */
export function Downloads(props: { path: string; name: string }) {
  const { t, language } = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const fetchFile = (format: 'csv' | 'xlsx') => {
    const separator = props.path.includes('?') ? '&' : '?';
    const headers = language === 'en' ? '&headers=vi-en' : '';
    setProblem(null);
    download(`${props.path}${separator}format=${format}${headers}`).catch((error: unknown) =>
      setProblem(
        error instanceof ProblemError
          ? error.problem
          : { type: 'about:blank', title: String(error), status: 0 },
      ),
    );
  };
  return (
    <span className="downloads" data-testid={`downloads-${props.name}`}>
      {t('download')}:{' '}
      <button type="button" onClick={() => fetchFile('csv')} data-testid={`csv-${props.name}`}>
        CSV
      </button>{' '}
      <button type="button" onClick={() => fetchFile('xlsx')} data-testid={`xlsx-${props.name}`}>
        XLSX
      </button>
      {problem ? <ErrorBox problem={problem} /> : null}
    </span>
  );
}

export function Figure(props: { label: string; value: string; figure: string; strong?: boolean }) {
  return (
    <div className={props.strong ? 'figure strong' : 'figure'}>
      <span className="figure-label">{props.label}</span>
      <span className="figure-value" data-figure={props.figure}>
        {props.value}
      </span>
    </div>
  );
}

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
export function Table(props: {
  head: ReactNode[];
  rows: ReactNode[][];
  testId?: string;
  foot?: ReactNode[];
}) {
  if (props.rows.length === 0) return <Empty />;
  return (
    <div className="table-wrap">
      <table data-testid={props.testId}>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {props.foot ? (
          <tfoot>
            <tr>
              {props.foot.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
