/** `cli extract <document>` as a user runs it: one JSON line on stdout, pdf.js's warnings on stderr. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A one-page PDF in a standard font whose xref offset is wrong: pdf.js reads it after a warning. */
function pdfWithBadXref(): Buffer {
  const text = 'BT /F1 14 Tf 72 720 Td (Notes for the study group meeting.) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  objects.forEach((o, i) => (body += `${i + 1} 0 obj\n${o}\nendobj\n`));
  return Buffer.from(`${body}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n`);
}

it('prints the same JSON line as for a page plus page markers, with warnings kept off stdout', { timeout: 200_000 }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-cli-doc-'));
  const file = path.join(dir, 'notes.pdf');
  writeFileSync(file, pdfWithBadXref());
  const r = await cli('extract', file);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const out = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(Object.keys(out)).toEqual([
    'title',
    'publishedAt',
    'origin',
    'author',
    'editor',
    'paragraphs',
    'text',
    'images',
    'publishedTime',
    'docNumber',
    'confidence',
    'method',
    'pages',
    'pageCount',
  ]);
  expect(out.text).toBe('Notes for the study group meeting.');
  expect(out.method).toBe('pdf');
  expect(out.pages).toEqual([{ page: 1, offset: 0 }]);
  expect(r.stderr).toMatch(/Warning/);
});
