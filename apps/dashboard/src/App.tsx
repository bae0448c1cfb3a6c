// The page frame: title, sections, the language switch and the access token field; the view by path.
import { useState, type FormEvent } from 'react';
import { storedToken, storeToken } from './api';
import { LANGUAGE_KEY, TranslatorProvider, useT, type Language } from './i18n';
import { Link, RouterProvider, useLocation } from './router';
import { CatalogueView, ProcedureView, WorklistsView } from './views/agency';
import { AnalyticsView } from './views/analytics';
import { LookupView } from './views/lookup';

function initialLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
}

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const switchLanguage = () => {
    const next = language === 'vi' ? 'en' : 'vi';
    localStorage.setItem(LANGUAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguage(next);
  };
  return (
    <TranslatorProvider language={language}>
      <RouterProvider>
        <Header onSwitchLanguage={switchLanguage} />
        <main>
          <Page />
        </main>
      </RouterProvider>
    </TranslatorProvider>
  );
}

function Header(props: { onSwitchLanguage: () => void }) {
  const { t } = useT();
  const location = useLocation();
  const section = (prefix: string) => (location.path.startsWith(prefix) ? 'active' : undefined);
  return (
    <header>
      <div className="title-bar">
        <h1>{t('appTitle')}</h1>
        <button
          type="button"
          onClick={props.onSwitchLanguage}
          data-testid="switch-language"
          lang={t('switchLanguage') === 'English' ? 'en' : 'vi'}
        >
          {t('switchLanguage')}
        </button>
      </div>
      <nav className="sections">
        <Link to="/analytics" className={section('/analytics')} testId="nav-analytics">
          {t('navAnalytics')}
        </Link>
        <Link to="/agency/procedures" className={section('/agency')} testId="nav-agency">
          {t('navAgency')}
        </Link>
        <Link to="/lookup" className={section('/lookup')} testId="nav-lookup">
          {t('navLookup')}
        </Link>
      </nav>
      <TokenField />
    </header>
  );
}

function TokenField() {
  const { t } = useT();
  const [token, setToken] = useState(storedToken() ?? '');
  const [saved, setSaved] = useState(storedToken() !== null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    storeToken(token);
    setSaved(storedToken() !== null);
    // Views load on navigation; a reload makes every open view ask again with the new token.
    window.location.reload();
  };
  return (
    <details className="token">
      <summary data-testid="token-state">{saved ? t('tokenSet') : t('tokenNone')}</summary>
      <form onSubmit={save}>
        <label>
          {t('token')}
          <input
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit">{t('tokenSave')}</button>{' '}
        <button
          type="button"
          onClick={() => {
            storeToken(null);
            setToken('');
            setSaved(false);
          }}
        >
          {t('tokenClear')}
        </button>
        <p className="hint">{t('tokenHint')}</p>
      </form>
    </details>
  );
}

function Page() {
  const location = useLocation();
  const path = location.path.replace(/\/+$/, '') || '/';
  const procedure = /^\/agency\/procedures\/([^/]+)$/.exec(path);
  if (path === '/' || path.startsWith('/analytics')) return <AnalyticsView />;
  if (procedure) return <ProcedureView code={decodeURIComponent(procedure[1]!)} />;
  if (path.startsWith('/agency/procedures') || path === '/agency') return <CatalogueView />;
  if (path.startsWith('/agency/worklists')) return <WorklistsView />;
  if (path.startsWith('/lookup')) return <LookupView />;
  return <AnalyticsView />;
}
