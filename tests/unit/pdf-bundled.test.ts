/**
 * A packaged app has no node_modules: pdf.js must find its CMaps in the copy the build puts
 * beside the bundles (dist/pdfjs). Proven by bundling the document extractor the way the build
 * does (esbuild, CommonJS, like dist/electron/main.cjs), running it with Node from a folder with
 * no node_modules above it, on a PDF whose Chinese text is only readable through a predefined
 * CMap (a non-embedded STSong-Light with UniGB-UCS2-H, common in 公文 generators).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyPdfjsAssets } from '../../scripts/pdfjs-assets.mjs';
import { cidFontPdf } from '../fixtures/cid-pdf';

const root = path.resolve(__dirname, '../..');
let work: string;

/** Runs the bundled extractor from `appDir` (cwd too) and returns the article's text. */
function extractWithBundle(appDir: string): { status: number | null; text: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(appDir, 'electron', 'extract.cjs'), path.join(work, 'cid.pdf')], {
    cwd: appDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  let text = '';
  try {
    text = (JSON.parse(run.stdout) as { text: string }).text;
  } catch {
    // left empty: the assertion shows stdout and stderr
  }
  return { status: run.status, text, stderr: `${run.stdout}\n${run.stderr}` };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'yandu-pdf-bundle-'));
  writeFileSync(path.join(work, 'cid.pdf'), cidFontPdf([['中心组学习']]));
  const entry = path.join(work, 'entry.ts');
  writeFileSync(
    entry,
    `import { readFileSync } from 'node:fs';
import { extractDocument } from ${JSON.stringify(path.join(root, 'main/services/extract/documents'))};
extractDocument(new Uint8Array(readFileSync(process.argv[2]!)), 'cid.pdf').then((a) => process.stdout.write(JSON.stringify({ text: a.text })));
`,
  );
  for (const app of ['with-assets', 'without-assets']) {
    mkdirSync(path.join(work, app, 'electron'), { recursive: true });
    await build({
      entryPoints: [entry],
      outfile: path.join(work, app, 'electron', 'extract.cjs'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      absWorkingDir: root,
    });
  }
  copyPdfjsAssets(root, path.join(work, 'with-assets'));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('a bundle reads CMap-encoded Chinese from the pdf.js copy beside it, with no node_modules', () => {
  const run = extractWithBundle(path.join(work, 'with-assets'));
  expect(run.status, run.stderr).toBe(0);
  expect(run.text).toContain('中心组学习');
});

it('without that copy the same bundle cannot read the text (the copy is what makes it work)', () => {
  const run = extractWithBundle(path.join(work, 'without-assets'));
  expect(run.text).not.toContain('中心组学习');
});
