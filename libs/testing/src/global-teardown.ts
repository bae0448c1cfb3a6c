import { removeScratchRoot } from './scratch-directory';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__tthcTestServices;
  started?.stopKafka?.();
  await started?.stopPostgres?.();
  removeScratchRoot();
}
