// The citizen's lookup: dossier code and the applicant's phone number or national ID, sent in the body (not
// the address, which ends up in logs and history); the engine answers with personal data masked.
import { useState, type FormEvent } from 'react';
import { postJson, ProblemError, type Problem } from '../api';
import type { Name } from '../analytics-types';
import { ErrorBox, Loading } from '../components';
import { formatDateTime, useT } from '../i18n';

interface LookedUp {
  readonly code: string;
  readonly procedureCode: string;
  readonly procedureName: Name;
  readonly workflowStateName: Name;
  readonly status: string;
  readonly appointmentAt: string | null;
  readonly receivedAt: string | null;
  readonly resolvedAt: string | null;
  readonly applicant: {
    readonly name?: string;
    readonly phone?: string;
    readonly nationalId?: string;
  } | null;
  readonly timeline: readonly {
    readonly version: number;
    readonly occurredAt: string;
    readonly label: Name;
  }[];
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly problem: Problem }
  | { readonly kind: 'found'; readonly dossier: LookedUp };

export function LookupView() {
  const { t, name } = useT();
  const [code, setCode] = useState('');
  const [verification, setVerification] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'loading' });
    postJson<LookedUp>('/v1/lookup', { code: code.trim(), verification: verification.trim() }).then(
      (dossier) => setState({ kind: 'found', dossier }),
      (error: unknown) =>
        setState({
          kind: 'failed',
          problem:
            error instanceof ProblemError
              ? error.problem
              : { type: 'about:blank', title: String(error), status: 0 },
        }),
    );
  };
  return (
    <section data-testid="lookup">
      <h2>{t('lookupTitle')}</h2>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('lookupCode')}
          <input
            name="code"
            value={code}
            required
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
          />
        </label>
        <label>
          {t('lookupVerification')}
          <input
            name="verification"
            value={verification}
            required
            onChange={(e) => setVerification(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" data-testid="lookup-submit">
          {t('lookupSubmit')}
        </button>
      </form>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'failed' ? <ErrorBox problem={state.problem} /> : null}
      {state.kind === 'found' ? (
        <div className="dossier" data-testid="lookup-result">
          <h3 data-testid="lookup-code">{state.dossier.code}</h3>
          <p>
            {t('procedure')}: {state.dossier.procedureCode} — {name(state.dossier.procedureName)}
          </p>
          <p>
            {t('status')}:{' '}
            <strong data-testid="lookup-status">{name(state.dossier.workflowStateName)}</strong>
          </p>
          <p>
            {t('appointment')}:{' '}
            <strong data-testid="lookup-appointment">{formatDateTime(state.dossier.appointmentAt)}</strong>
          </p>
          <p data-testid="lookup-applicant">
            {t('applicant')}: {state.dossier.applicant?.name ?? '—'} · {state.dossier.applicant?.phone ?? ''}{' '}
            · {state.dossier.applicant?.nationalId ?? ''} <em>({t('lookupMasked')})</em>
          </p>
          <h3>{t('timeline')}</h3>
          <ol className="timeline" data-testid="lookup-timeline">
            {state.dossier.timeline.map((entry) => (
              <li key={entry.version}>
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>{' '}
                {name(entry.label)}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
