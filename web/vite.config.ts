import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Built to web/dist: served by the Worker's assets locally, deployed to Pages in production
// (VITE_API_ORIGIN then names the API's origin). `vite dev` proxies the API to API_ORIGIN.
const api = process.env.API_ORIGIN ?? 'http://127.0.0.1:8787';

/**
 * Scalar's standalone bundle, copied into the build as docs/scalar.js so `GET /docs`
 * (workers/core/http/docs-routes.ts) loads it from this origin: no CDN, works offline.
 * Its source-map comment is dropped: the 17 MB map is not shipped.
 */
function scalarBundle(): Plugin {
  return {
    name: 'vitrine:scalar-bundle',
    apply: 'build',
    generateBundle() {
      // The package exports no path to its browser build; it sits next to the main entry (dist/).
      const main = createRequire(import.meta.url).resolve('@scalar/api-reference');
      const file = join(dirname(main), 'browser', 'standalone.js');
      const source = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      this.emitFile({ type: 'asset', fileName: 'docs/scalar.js', source });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), tailwindcss(), scalarBundle()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/v1': api, '/health': api, '/docs': api, '/openapi.json': api } },
});
