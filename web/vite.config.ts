import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built to web/dist: served by the Worker's assets locally, deployed to Pages in production
// (VITE_API_ORIGIN then names the API's origin). `vite dev` proxies the API to API_ORIGIN.
const api = process.env.API_ORIGIN ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/v1': api, '/health': api } },
});
