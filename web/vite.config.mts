/**
 * Builds the web desk into web/dist (git-ignored), which the API serves at / (src/web/static.ts).
 * `npm run build:web` runs it (and `npm install` runs that); `npm run dev:web` serves it with live reload
 * on :5173, passing API calls to `npm start` on :3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts: the polyfill is not needed by the browsers we support, and CSP forbids inline code.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/api', '/openapi.json', '/docs', '/healthz', '/readyz'].map((p) => [p, 'http://localhost:3000']),
    ),
  },
  logLevel: 'warn',
});
