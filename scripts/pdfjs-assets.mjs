// pdf.js reads its CMaps (CJK encodings) and standard fonts from files at run time. A packaged
// app ships no node_modules, so the build copies both folders next to the bundles:
// <out>/pdfjs/cmaps and <out>/pdfjs/standard_fonts (main/services/extract/documents/pdf.ts
// looks there first).
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts'];

/** Copies pdf.js's asset folders into `<outDir>/pdfjs/`; returns that folder. */
export function copyPdfjsAssets(root, outDir) {
  const pkg = path.dirname(createRequire(path.join(root, 'package.json')).resolve('pdfjs-dist/package.json'));
  const target = path.join(outDir, 'pdfjs');
  for (const dir of PDFJS_ASSET_DIRS) cpSync(path.join(pkg, dir), path.join(target, dir), { recursive: true });
  return target;
}
