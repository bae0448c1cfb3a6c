// `npm run webhook:listen` as a new integrator runs it (built CLI, a real process): it verifies signatures,
// prints deliveries, refuses forged or stale ones, and explains itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { secretFromBytes, signDelivery } from '@tthc/integrations';

const CLI = resolve(__dirname, '../../dist/apps/engine/src/cli/webhook-listen.js');
const secret = secretFromBytes(Buffer.alloc(32, 3));

describe('webhook:listen', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });

  it('prints help, and refuses to start without a secret', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--secret');
    expect(help.stdout).toContain('--port');
    const bare = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('pass --secret');
  });

  it('verifies, prints and answers deliveries', async () => {
    child = spawn(process.execPath, [CLI, '--port', '0', '--secret', secret], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    /** Up to a minute: the CLI loads the engine's libraries, slow on a busy machine. */
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 600 && !pattern.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      const m = pattern.exec(out);
      if (!m) throw new Error(`no ${String(pattern)} in: ${out}`);
      return m;
    };
    const url = (await waitFor(/receiving on (http:\/\/\S+)/))[1];
    const body = JSON.stringify({
      specversion: '1.0',
      id: 'e-1',
      type: 'vn.tthc.dossier.received.v1',
      sequence: '2',
      data: { dossierId: 'd-1', portalStatus: { code: '2', vi: 'Đã tiếp nhận' } },
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json', ...headers },
        body,
      });
    expect((await post({ ...signDelivery([secret], 'e-1', now, body) })).status).toBe(204);
    await waitFor(
      /✓ vn\.tthc\.dossier\.received\.v1 dossier=d-1 seq=2 id=e-1 portal=2 \(Đã tiếp nhận\) → 204/,
    );
    const forged = signDelivery([secretFromBytes(Buffer.alloc(32, 4))], 'e-1', now, body);
    expect((await post({ ...forged })).status).toBe(401);
    await waitFor(/REJECTED \(no-matching-signature\)/);
    expect((await post({ ...signDelivery([secret], 'e-1', now - 3600, body) })).status).toBe(401);
    await waitFor(/REJECTED \(timestamp-out-of-tolerance\)/);
  });
});
