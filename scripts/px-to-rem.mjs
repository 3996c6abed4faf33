#!/usr/bin/env node
/**
 * Interface sizes in rem, so 界面大小 (the root font size) scales the whole interface:
 * rewrites `Npx` (N ≥ 4) as rem (16px = 1rem) in the given stylesheets. Kept in px: hairlines
 * (1–3px borders and outlines), media queries (rem there is the browser default, not the root),
 * and lines naming --reader-font-size (the article's own size, set apart in 阅读设置).
 * Usage: node scripts/px-to-rem.mjs <file.css>...   (idempotent; re-run after merging CSS)
 */
import { readFileSync, writeFileSync } from 'node:fs';

const rem = (px) => `${Number((px / 16).toFixed(4))}rem`;

export function pxToRem(css) {
  return css
    .split('\n')
    .map((line) => {
      if (/@media|reader-font-size|--keep-px/.test(line)) return line;
      return line.replace(/(?<![\w.-])(\d+(?:\.\d+)?)px\b/g, (m, n) => (Number(n) < 4 ? m : rem(Number(n))));
    })
    .join('\n');
}

for (const file of process.argv.slice(2)) {
  const before = readFileSync(file, 'utf8');
  const after = pxToRem(before);
  if (after !== before) writeFileSync(file, after);
  console.log(`${file}: ${after === before ? 'unchanged' : 'rewritten'}`);
}
