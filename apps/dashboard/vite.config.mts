// The dashboard's build: `vite build apps/dashboard` (npm run build:dashboard) writes dist/, which the engine
// serves at `/`. Vite 8 compiles TSX itself (oxc), React's automatic JSX runtime, so no React plugin is needed
// (the plugin's release for Vite 8 conflicts with the pinned Vite). `vite apps/dashboard` serves it for
// development with the API proxied to an engine on port 3000.
import { defineConfig } from 'vite';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});
