// npm run build:dashboard: Vite builds into a fresh folder under the repository's dist/, which then replaces
// apps/dashboard/dist in one rename. A running engine (or a test) therefore never finds the folder half
// written while another build runs in the same checkout.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const target = join(root, 'dist');
const next = resolve(root, `../../dist/dashboard-build-${process.pid}`);

await build({ root, logLevel: 'warn', build: { outDir: next, emptyOutDir: true } });
if (existsSync(target)) renameSync(target, `${next}-old`);
renameSync(next, target);
rmSync(`${next}-old`, { recursive: true, force: true });
