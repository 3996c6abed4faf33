// Builds everything a host runs: the renderer (Vite) and the Node entries (esbuild).
//   dist/renderer/            the React app
//   dist/electron/main.cjs    Electron main process
//   dist/electron/preload.cjs sandboxed preload (only 'electron' may be required at run time)
//   dist/host/serve.mjs       the browser host
//   dist/worker/documents.cjs the documents thread (PDF, Word, OFD parsing off the main thread)
//   dist/pdfjs/               pdf.js CMaps and standard fonts (no node_modules in a package)
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import { copyPdfjsAssets } from './pdfjs-assets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// YANDU_DIST lets parallel checkouts build side by side (dist-<name>/); the default is dist/.
const out = process.env.YANDU_DIST || 'dist';
const started = performance.now();

await viteBuild({ configFile: `${root}/vite.config.ts`, logLevel: 'warn', build: { outDir: `${root}/${out}/renderer` } });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: `${out}/electron/main.cjs`,
    format: 'cjs',
    // playwright-core is loaded on demand from node_modules (the browser host's 导出 PDF), never bundled.
    external: ['electron', 'playwright-core'],
  }),
  esbuild({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: `${out}/electron/preload.cjs`,
    format: 'cjs',
    external: ['electron'],
  }),
  esbuild({
    ...common,
    entryPoints: ['main/host/serve.ts'],
    outfile: `${out}/host/serve.mjs`,
    format: 'esm',
    external: ['playwright-core'],
    // Bundled CommonJS dependencies may call require(); give ESM output one.
    banner: { js: "import { createRequire as __yanduRequire } from 'node:module'; const require = __yanduRequire(import.meta.url);" },
  }),
  // Both hosts start it from ../worker/ beside their own bundle (extract/documents/pool.ts).
  esbuild({
    ...common,
    entryPoints: ['main/services/extract/documents/worker.ts'],
    outfile: `${out}/worker/documents.cjs`,
    format: 'cjs',
  }),
]);
copyPdfjsAssets(root, `${root}/${out}`);
// The same for 查看原件 in the page (renderer/features/original/pdf.ts reads ./pdfjs/).
copyPdfjsAssets(root, `${root}/${out}/renderer`);

process.stderr.write(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
