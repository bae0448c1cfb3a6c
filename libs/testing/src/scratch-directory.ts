// Temporary directories of tests and benchmarks (data directories of the embedded servers they start, files
// to import). Left behind, a full test run leaves gigabytes in the temporary directory, and a few runs fill
// the disk. Under Jest they are made in one directory of the run, which the global teardown removes (a test
// file's `process` is Jest's copy, whose exit event never comes); elsewhere, such as the benchmarks, they
// are removed when the process exits.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set by the global setup of a test run: where the run's scratch directories go. */
export const SCRATCH_ROOT = 'TTHC_TEST_SCRATCH_ROOT';

const made: string[] = [];

function removeAll(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new directory named `<prefix><random>`, in the run's scratch root or the system's temporary directory. */
export function scratchDirectory(prefix: string): string {
  const root = process.env[SCRATCH_ROOT];
  if (root !== undefined) {
    mkdirSync(root, { recursive: true });
    return mkdtempSync(join(root, prefix));
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.length === 0) process.once('exit', removeAll);
  made.push(dir);
  return dir;
}

/** The global setup's: a new scratch root for the run, inherited by the test workers and engines. */
export function openScratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'tthc-test-run-'));
  // Embedded PostgreSQL runs as the unprivileged postgres user when we are root: it must reach its directory.
  chmodSync(root, 0o755);
  process.env[SCRATCH_ROOT] = root;
  return root;
}

/** The global teardown's, once the servers of the run are stopped. */
export function removeScratchRoot(): void {
  const root = process.env[SCRATCH_ROOT];
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}
