import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built to web/dist: served by the Worker's assets locally, deployed to Pages in production.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});
