// npm run webhook:listen -- --secret whsec_… [--port 4000]
// A local webhook receiver for trying an integration: verifies each delivery's signature and timestamp
// (Standard Webhooks) and prints it. Nothing is stored; stop it with Ctrl-C.
import { parseArgs } from 'node:util';
import { startWebhookReceiver, type ReceivedDelivery } from '@tthc/integrations';

const HELP = `Usage: npm run webhook:listen -- --secret whsec_... [options]

Receives the engine's webhook deliveries (CloudEvents, POST), verifies their signature and timestamp,
prints each one and answers 204 (401 when the signature or timestamp is wrong).
  --secret S      the secret the registration answered (repeat during a rotation: old and new)
  --port N        port to listen on (default 4000); register http://127.0.0.1:N/webhooks
  --host H        address to bind (default 127.0.0.1)
  --status N      answer valid deliveries with this status instead, e.g. 500 to watch the retries
  --tolerance S   seconds a timestamp may differ from this clock (default 300)
  --json          print each CloudEvent in full
  -h, --help      this text`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      secret: { type: 'string', multiple: true },
      port: { type: 'string', default: '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      status: { type: 'string', default: '204' },
      tolerance: { type: 'string', default: '300' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const whole = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} needs a whole number ${min}–${max}`);
    return n;
  };
  const secrets = values.secret ?? [];
  if (secrets.length === 0)
    throw new Error('pass --secret whsec_… (the secret the webhook registration answered)');
  if (secrets.some((s) => !s.startsWith('whsec_'))) throw new Error('a secret starts with whsec_');
  return {
    secrets,
    port: whole('port', values.port, 0, 65535),
    host: values.host,
    status: whole('status', values.status, 200, 599),
    tolerance: whole('tolerance', values.tolerance, 1, 86_400),
    json: values.json,
  };
}

function describe(d: ReceivedDelivery, json: boolean): string {
  const at = new Date().toISOString();
  if (!d.verification.valid)
    return `${at} REJECTED (${d.verification.reason}) webhook-id=${d.webhookId ?? '-'} → ${d.answered}`;
  const e = d.event ?? {};
  const data = (e.data ?? {}) as { dossierId?: string; portalStatus?: { code: string; vi?: string } | null };
  const status = data.portalStatus
    ? ` portal=${data.portalStatus.code}${data.portalStatus.vi ? ` (${data.portalStatus.vi})` : ''}`
    : '';
  const line = `${at} ✓ ${String(e.type)} dossier=${data.dossierId ?? '-'} seq=${String(e.sequence)} id=${String(e.id)}${status} → ${d.answered}`;
  return json ? `${line}\n${JSON.stringify(e, null, 2)}` : line;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const receiver = await startWebhookReceiver({
    secrets: () => o.secrets,
    port: o.port,
    host: o.host,
    toleranceSeconds: o.tolerance,
    respondWith: () => o.status,
    onDelivery: (d) => process.stdout.write(`${describe(d, o.json)}\n`),
  });
  process.stdout.write(
    `webhook:listen: receiving on http://${o.host}:${receiver.port}/webhooks (any path), ${o.secrets.length} secret(s); Ctrl-C stops\n`,
  );
  const stop = () => void receiver.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`webhook:listen: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
