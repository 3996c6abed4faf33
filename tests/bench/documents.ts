/**
 * Documents in: a 100-page text PDF (LibreOffice, tests/fixtures/documents/hundred.pdf) through
 * the real import path (files.importFiles: bytes → pdf.js → article payload, original stored).
 * pdf.js is loaded once per process, so its first load is reported apart; the import figure is
 * the median of three imports after it. Target: pdf_100_pages_import_s ≤ 5.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importUploads } from '../../main/services/files/uploads';

export async function benchDocuments(): Promise<Record<string, number>> {
  const bytes = readFileSync(new URL('../fixtures/documents/hundred.pdf', import.meta.url));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-docs-'));
  try {
    const file = { name: '学习资料汇编.pdf', dataBase64: bytes.toString('base64') };
    const t0 = performance.now();
    const first = await importUploads([file], dataDir);
    const cold = (performance.now() - t0) / 1000;
    const article = first.articles[0];
    if (!article?.document?.pages) throw new Error(`the 100-page PDF did not import: ${JSON.stringify(first.failures)}`);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await importUploads([file], dataDir);
      if (r.articles.length !== 1) throw new Error('import failed');
      times.push((performance.now() - t) / 1000);
    }
    times.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      pdf_100_pages_import_s: round(times[1]!),
      pdf_100_pages_first_import_with_pdfjs_load_s: round(cold),
      pdf_100_pages_pages: article.document.pageCount ?? 0,
      pdf_100_pages_paragraphs: article.text.split('\n').length,
      pdf_100_pages_chars: article.text.length,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
