// Builds the browser app into web/dist, which the local stack (and later CloudFront) serves. In
// `vite dev`, API and webhook calls go to a running `npm start` on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': backend, '/health': backend } },
});
