// The one place the dashboard talks to the engine, and the one place it knows how callers prove who they
// are: a bearer token the user pastes (kept in sessionStorage, so it dies with the tab) or hands over once in
// a `?token=` parameter (taken out of the address bar at once, so it stays out of history and bookmarks).
// Every error comes back as the engine's RFC 9457 problem document, or one made here when the engine could
// not be reached or answered something that is not one.
const TOKEN_KEY = 'tthc-dashboard-token';

export function captureTokenFromAddress(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  if (token.trim() !== '') sessionStorage.setItem(TOKEN_KEY, token.trim());
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token === null || token.trim() === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, ''));
}

/** The engine's problem document (RFC 9457), with the field errors of a validation failure. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly { readonly path?: string; readonly message?: string }[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = storedToken();
  return {
    accept: 'application/json',
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...extra,
  };
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ProblemError({
      type: 'about:blank',
      title: 'Engine unreachable',
      status: 0,
      detail: String((error as Error).message ?? error),
    });
  }
  if (response.ok) return response;
  const text = await response.text();
  let problem: Problem;
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = { type: 'about:blank', title: response.statusText, status: response.status, detail: text };
  }
  throw new ProblemError({ ...problem, status: problem.status ?? response.status });
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { headers: headers(), signal });
  return (await response.json()) as T;
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(path, {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json' }),
    body: JSON.stringify(body),
    signal,
  });
  return (await response.json()) as T;
}

/** An export endpoint's file, fetched with the caller's credentials (a plain link could not send them). */
export async function download(path: string): Promise<void> {
  const response = await send(path, { headers: headers({ accept: '*/*' }) });
  const disposition = response.headers.get('content-disposition') ?? '';
  const name =
    /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('?')[0]!.split('/').at(-1) ?? 'export';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A query string from the defined entries only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
