// Client-side routes by path (history API); the engine answers index.html for every page path, so a reload
// or a shared link lands on the same view. Links with modifier keys keep the browser's own behaviour.
import { createContext, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';

interface Location {
  readonly path: string;
  readonly search: URLSearchParams;
}

const read = (): Location => ({
  path: window.location.pathname,
  search: new URLSearchParams(window.location.search),
});

const LocationContext = createContext<Location>(read());

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function RouterProvider(props: { children: ReactNode }) {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const changed = () => setLocation(read());
    window.addEventListener('popstate', changed);
    return () => window.removeEventListener('popstate', changed);
  }, []);
  return <LocationContext.Provider value={location}>{props.children}</LocationContext.Provider>;
}

export const useLocation = (): Location => useContext(LocationContext);

export function Link(props: { to: string; children: ReactNode; className?: string; testId?: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} onClick={follow} className={props.className} data-testid={props.testId}>
      {props.children}
    </a>
  );
}
