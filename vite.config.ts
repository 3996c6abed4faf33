import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  // Relative asset URLs work under both app://yandu/ and http://127.0.0.1:PORT/.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: ['chrome87', 'firefox115'],
    sourcemap: false,
    reportCompressedSize: false,
    // No module-preload polyfill: it is an inline script, which the CSP forbids.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs: the CSP allows fonts and images only from the app itself
    // (small woff2 slices of the bundled fonts were inlined and blocked).
    assetsInlineLimit: 0,
  },
});
