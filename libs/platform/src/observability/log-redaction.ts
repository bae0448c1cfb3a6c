// What request logs must never hold: secrets (credentials) and personal data. Bodies are not logged at
// all (pino-http's default); headers with credentials are redacted; and query-string values that are
// personal (the citizen lookup's phone number or national ID, any national ID or contact detail passed as
// a filter) are replaced in the logged URL and query, since GET /v1/lookup?verification=… exists.

export const REDACTED = '[redacted]';

export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.body',
  'res.headers["set-cookie"]',
];

const PERSONAL_QUERY_PARAMETERS = new Set([
  'verification',
  'nationalid',
  'phone',
  'email',
  'token',
  'apikey',
]);

/** `/v1/lookup?code=X&verification=0905…` → `/v1/lookup?code=X&verification=[redacted]`. */
export function scrubUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (PERSONAL_QUERY_PARAMETERS.has(key.toLowerCase())) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, at)}?${params.toString()}` : url;
}

/** pino-http's `serializers.req`: the serialized request with its URL and query scrubbed. */
export function scrubRequestForLog<T extends { url?: string; query?: unknown }>(req: T): T {
  const query =
    typeof req.query === 'object' && req.query !== null
      ? Object.fromEntries(
          Object.entries(req.query as Record<string, unknown>).map(([k, v]) => [
            k,
            PERSONAL_QUERY_PARAMETERS.has(k.toLowerCase()) ? REDACTED : v,
          ]),
        )
      : req.query;
  return { ...req, ...(req.url === undefined ? {} : { url: scrubUrl(req.url) }), query };
}
