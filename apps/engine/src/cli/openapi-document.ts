// node dist/apps/engine/src/cli/openapi-document.js [--out file]
// Writes the engine's OpenAPI document, the same one it serves at /docs/openapi.json, without a database
// or a port: Nest's preview mode builds the module graph and the routes without running any provider.
// `npm run client:generate` feeds it to @hey-api/openapi-ts.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApi, loadConfig } from '@tthc/platform';
import { EngineModule } from '../engine.module';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: node dist/apps/engine/src/cli/openapi-document.js [--out file]  (default: stdout)\n',
    );
    return;
  }
  // Defaults only: the document must not depend on the environment of whoever generates it.
  const config = loadConfig({});
  const app = await NestFactory.create<NestFastifyApplication>(
    EngineModule.forRoot({ config, databaseUrl: 'postgresql://preview.invalid/none' }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const document = `${JSON.stringify(buildOpenApi(app), null, 2)}\n`;
  await app.close();
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, document);
  } else {
    process.stdout.write(document);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi-document: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
