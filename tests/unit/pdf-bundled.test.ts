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

const root = path.resolve(__dirname, '../..');
let work: string;

/** A one-page PDF showing `text` in a CID font that needs the UniGB-UCS2-H CMap. */
function cidFontPdf(text: string): Buffer {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');
  const content = `BT /F1 24 Tf 72 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

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
  writeFileSync(path.join(work, 'cid.pdf'), cidFontPdf('中心组学习'));
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
