// The HTTP baseline: the stack's limit for a write request. Fastify parses the same JSON body the engine
// receives and pg does one INSERT per request, with the engine's default pool size; no validation,
// authentication, event store or read model. Run as its own process, like the engine.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.POOL_SIZE ?? 10),
  });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bare_requests (id uuid PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  app.get('/ready', async () => ({ ok: true }));
  const insert = async (body: unknown) => {
    const id = randomUUID();
    await pool.query('INSERT INTO bare_requests (id, body) VALUES ($1, $2)', [
      id,
      JSON.stringify(body ?? {}),
    ]);
    return id;
  };
  app.post('/v1/dossiers', async (req, reply) => reply.code(201).send({ dossierId: await insert(req.body) }));
  app.post('/v1/dossiers/:id/actions/:action', async (req) => ({ dossierId: await insert(req.body) }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`bare server: ${String(error)}\n`);
  process.exit(1);
});
