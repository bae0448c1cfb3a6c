// Shared by the webhook end-to-end tests: the full-online marital status certificate walked from submission
// to electronic return, the webhook API, and what "every event, in order, signed" means at a receiver.
import { randomUUID } from 'node:crypto';
import { actorHeaders } from '@tthc/testing';
import type { WebhookReceiver } from '@tthc/integrations';
import { COUNTER, LEADER, PORTAL, SPECIALIST, submission } from '../dossiers/marital-status-fixtures';

export const ADMIN = actorHeaders({ id: 'admin-an', role: 'administrator' });
export type Body = Record<string, unknown>;

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  json?: unknown,
): Promise<{ status: number; body: Body & Body[] }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body & Body[] };
}

export async function registerWebhook(baseUrl: string, url: string): Promise<{ id: string; secret: string }> {
  const answer = await call(baseUrl, 'POST', '/v1/webhooks', PORTAL, {
    url,
    procedureCode: '1.004873',
    description: 'e2e receiver',
  });
  if (answer.status !== 201)
    throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { id: answer.body.id as string, secret: answer.body.secret as string };
}

const STEPS: [string, Record<string, string>, Body][] = [
  ['receive', COUNTER, {}],
  ['transfer', COUNTER, {}],
  ['hand-over', SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }],
  ['approve', LEADER, {}],
  ['issue-result', SPECIALIST, { electronic: true }],
  ['return-result', COUNTER, { method: 'online' }],
];

/** Submits and walks one dossier to its electronic return; returns its id and final stream version (7). */
export async function walkDossier(baseUrl: string): Promise<{ id: string; version: number }> {
  const submitted = await call(
    baseUrl,
    'POST',
    '/v1/dossiers',
    { ...PORTAL, 'idempotency-key': randomUUID() },
    submission(),
  );
  if (submitted.status !== 201)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const id = submitted.body.dossierId as string;
  let version = submitted.body.version as number;
  for (const [action, headers, json] of STEPS) {
    const answer = await call(baseUrl, 'POST', `/v1/dossiers/${id}/actions/${action}`, headers, json);
    if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
    version = answer.body.version as number;
  }
  return { id, version };
}

/** The stream versions a receiver accepted (2xx) for one dossier, in arrival order. */
export const acceptedSequences = (receiver: WebhookReceiver, dossierId: string): number[] =>
  receiver.received
    .filter((d) => d.answered < 300 && d.event?.subject === `dossier-${dossierId}`)
    .map((d) => Number(d.event?.sequence));

/**
 * At-least-once and in order: every version 1..n was accepted, and none was accepted before all the versions
 * below it (a redelivery of an already accepted version is allowed anywhere).
 */
export function inOrderAtLeastOnce(sequences: number[], n: number): boolean {
  let next = 1;
  for (const s of sequences) {
    if (s === next) next++;
    else if (s > next) return false;
  }
  return next === n + 1;
}

export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
