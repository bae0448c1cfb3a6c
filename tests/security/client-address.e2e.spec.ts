// The address the rate limits count (built engine). The citizen lookup is open to anyone and its only control
// is a limit per IP address; if any client could name its own address in X-Forwarded-For, a new made-up
// address per request would never be limited. So X-Forwarded-For is believed only from the proxies in
// TRUSTED_PROXIES (none by default), e.g. the local cluster's balancer or the deployment's nginx.
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { createTestDatabase, startEngine, type EngineProcess, type TestDatabase } from '@tthc/testing';

const LOOKUP = { code: '000.31.18.H56-260101-0001', verification: '0905123456' };

async function lookup(engine: EngineProcess, forwardedFor?: string): Promise<number> {
  const res = await fetch(`${engine.baseUrl}/v1/lookup`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
    },
    body: JSON.stringify(LOOKUP),
  });
  await res.arrayBuffer();
  return res.status;
}

/** 203.0.113.0/24 (TEST-NET-3): a different made-up client address for every request. */
const forged = (i: number) => `203.0.113.${i + 1}`;

describe('the client address of the rate limits (built engine, LOOKUP_RATE_LIMIT=2)', () => {
  let db: TestDatabase;
  let engine: EngineProcess | undefined;
  const limits = {
    LOAD_SAMPLES: 'false',
    LOOKUP_RATE_LIMIT: '2',
    RATE_LIMIT_WINDOW_MS: '60000',
    LOG_LEVEL: 'warn',
  };

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
  });

  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('given no trusted proxy, counts the TCP peer: a forged X-Forwarded-For on every request still gets 429', async () => {
    engine = await startEngine({ ...limits, DATABASE_URL: db.url });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await lookup(engine, forged(i)));
    expect(statuses).toEqual([404, 404, 429, 429]);
  });

  it('given the client’s address as a trusted proxy, honours X-Forwarded-For: each forwarded client has its own limit', async () => {
    engine = await startEngine({ ...limits, DATABASE_URL: db.url, TRUSTED_PROXIES: '127.0.0.1,::1' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await lookup(engine, forged(i)));
    expect(statuses).toEqual([404, 404, 404, 404]);
    // The first forwarded client reaches its own limit; the proxy's own address is another client.
    expect(await lookup(engine, forged(0))).toBe(404);
    expect(await lookup(engine, forged(0))).toBe(429);
    expect(await lookup(engine, `${forged(9)}, 127.0.0.1`)).toBe(404);
    expect(await lookup(engine)).toBe(404);
  });
});
