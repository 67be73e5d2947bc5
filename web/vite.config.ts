import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-compress.ts';

// The web shell lives in web/ and builds to web/dist, which the API server serves at `/`
// with an SPA fallback. In development (`npm run dev:web`) /api is proxied to a running
// `lindung serve` (LINDUNG_API_URL, default http://localhost:3000).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));
const apiUrl = process.env.LINDUNG_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // dist/.vite/manifest.json names the hashed chart chunk, which the server preloads on the
    // dashboards (src/http/web-page.ts). Dot folders are not served.
    manifest: true,
  },
  server: {
    proxy: { '/api': { target: apiUrl, changeOrigin: false } },
  },
});
