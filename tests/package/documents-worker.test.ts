/**
 * The built documents thread (dist/worker/documents.cjs, see scripts/build.mjs) is found and runs
 * where a packaged app has it: beside the Electron bundle (found through __dirname) and beside
 * the browser host's ESM bundle (found through the entry script), in a folder with no
 * node_modules above it, reading a PDF whose Chinese text needs pdf.js's CMaps from dist/pdfjs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cidFontPdf } from '../fixtures/cid-pdf';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, process.env.YANDU_DIST || 'dist');
let app: string;

beforeAll(async () => {
  if (!existsSync(path.join(dist, 'worker', 'documents.cjs'))) throw new Error('run `npm run build` first (npm run test:package does)');
  app = mkdtempSync(path.join(tmpdir(), 'yandu-docworker-'));
  cpSync(path.join(dist, 'worker'), path.join(app, 'worker'), { recursive: true });
  cpSync(path.join(dist, 'pdfjs'), path.join(app, 'pdfjs'), { recursive: true });
  writeFileSync(path.join(app, 'cid.pdf'), cidFontPdf([['中心组学习'], ['第二页']]));
  const entry = path.join(app, 'entry.ts');
  writeFileSync(
    entry,
    `import { readFileSync } from 'node:fs';
import { documentPool, documentWorkerScript } from ${JSON.stringify(path.join(root, 'main/services/extract/documents/pool'))};
const script = documentWorkerScript();
documentPool()
  .extract(new Uint8Array(readFileSync(process.argv[2]!)), 'cid.pdf')
  .then((a) => process.stdout.write(JSON.stringify({ script, text: a.text, pages: a.pageCount })));
`,
  );
  // The two hosts' shapes: CommonJS in electron/ (like main.cjs), ESM in host/ (like serve.mjs).
  const common = {
    entryPoints: [entry],
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    logLevel: 'silent' as const,
    absWorkingDir: root,
  };
  mkdirSync(path.join(app, 'electron'));
  mkdirSync(path.join(app, 'host'));
  await build({ ...common, outfile: path.join(app, 'electron', 'entry.cjs'), format: 'cjs' });
  await build({
    ...common,
    outfile: path.join(app, 'host', 'entry.mjs'),
    format: 'esm',
    banner: { js: "import { createRequire as __yanduRequire } from 'node:module'; const require = __yanduRequire(import.meta.url);" },
  });
}, 120_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

it.each([
  ['electron', 'entry.cjs'],
  ['host', 'entry.mjs'],
])('a bundle in %s/ starts dist/worker/documents.cjs beside it and reads CMap-encoded Chinese', (dir, file) => {
  // A working folder with nothing in it: only the bundle's own place may lead to the worker.
  const cwd = mkdtempSync(path.join(tmpdir(), 'yandu-docworker-cwd-'));
  try {
    const run = spawnSync(process.execPath, [path.join(app, dir, file), path.join(app, 'cid.pdf')], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { script: { kind: string; file: string }; text: string; pages: number };
    expect(out.script).toEqual({ kind: 'bundle', file: path.join(app, 'worker', 'documents.cjs') });
    expect(out.text).toContain('中心组学习');
    expect(out.pages).toBe(2);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
