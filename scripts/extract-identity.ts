/**
 * Output identity for extraction speed work (issue 16): runs extractArticle over every page in
 * ../shared/corpora and tests/fixtures (each .html/.htm file, decoded as the app decodes it) in
 * the three referee modes and writes one JSON line per page and mode: the full result, or the
 * error it threw. Run it on the tree before a change and after, then compare:
 *
 *   npx tsx scripts/extract-identity.ts --write /tmp/before.jsonl   (on the old tree)
 *   npx tsx scripts/extract-identity.ts --compare /tmp/before.jsonl (on the new tree)
 *
 * Prints "identical on N pages" or each page whose output differs, and exits 1 on a difference.
 *
 *   npx tsx scripts/extract-identity.ts --readability
 *
 * checks that Readability's content is the same from the page and from the page without its
 * script and style text (what the referee gives it), and that the referee's Readability
 * (readability-fast.ts) gives Readability's own result on that pruned page.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../main/services/extract/decode';
import { extractArticle, repairRawText, type RefereeMode } from '../main/services/extract/extract';
import { parseLightDocument, withoutRanges } from '../main/services/extract/light-dom';
import { parseReadabilityDocument } from '../main/services/extract/readability-dom';
import { fastReadability } from '../main/services/extract/readability-fast';
import { parseHtmlDocument } from '../main/services/parsed-dom';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MODES: RefereeMode[] = ['auto', 'always', 'never'];

function corporaDir(): string | null {
  const dirs = [process.env.YANDU_CORPORA, path.resolve(ROOT, '../shared/corpora'), path.resolve(ROOT, '../../shared/corpora')];
  return dirs.find((d): d is string => !!d && existsSync(d)) ?? null;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/i.test(name)) out.push(p);
  }
  return out;
}

function pages(): { key: string; file: string }[] {
  const out: { key: string; file: string }[] = [];
  const corpora = corporaDir();
  if (corpora) for (const f of htmlFiles(corpora)) out.push({ key: `corpora/${path.relative(corpora, f)}`, file: f });
  else process.stderr.write('# corpora not found: fixtures only\n');
  const fixtures = path.join(ROOT, 'tests/fixtures');
  for (const f of htmlFiles(fixtures)) out.push({ key: path.relative(ROOT, f), file: f });
  return out;
}

function outputs(): Map<string, string> {
  const out = new Map<string, string>();
  for (const { key, file } of pages()) {
    const decoded = decodeBytes(new Uint8Array(readFileSync(file)), null);
    // A URL derived from the path: the same on both trees, and it exercises link resolution.
    const url = `https://example.org/${key.replace(/[^\w./-]/g, '_')}`;
    for (const mode of MODES) {
      let result: unknown;
      try {
        result = extractArticle(decoded.text, url, { referee: mode });
      } catch (error) {
        result = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      }
      out.set(`${key} ${mode}`, JSON.stringify({ encoding: decoded.encoding, via: decoded.via, result }));
    }
  }
  return out;
}

/** Readability's content from the whole page and from the pruned one, on every page. */
function readabilityIdentity(): void {
  let same = 0;
  let differ = 0;
  let cut = 0;
  let bytes = 0;
  let fastDiffer = 0;
  let adapterDiffer = 0;
  for (const { key, file } of pages()) {
    const html = decodeBytes(new Uint8Array(readFileSync(file)), null).text;
    const source = repairRawText(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
    const pruned = withoutRanges(source, parseLightDocument(source).rawTextRanges);
    bytes += source.length;
    cut += source.length - pruned.length;
    const content = (s: string, Class: typeof Readability = Readability, parse: (html: string) => unknown = parseHtmlDocument): string => {
      try {
        const doc = parse(s) as unknown as ConstructorParameters<typeof Readability>[0];
        return JSON.stringify(new Class(doc, { charThreshold: 200 }).parse());
      } catch (error) {
        return `error: ${String(error)}`;
      }
    };
    const fromPruned = content(pruned);
    if (content(source) === fromPruned) same++;
    else {
      differ++;
      process.stdout.write(`READABILITY DIFFERS: ${key}\n`);
    }
    if (content(pruned, fastReadability()) !== fromPruned) {
      fastDiffer++;
      process.stdout.write(`FAST READABILITY DIFFERS: ${key}\n`);
    }
    // Readability (its own class and the referee's) on readability-dom.ts's document.
    const onAdapter = content(pruned, Readability, parseReadabilityDocument);
    const fastOnAdapter = content(pruned, fastReadability(), parseReadabilityDocument);
    if (onAdapter !== fromPruned || fastOnAdapter !== fromPruned) {
      adapterDiffer++;
      process.stdout.write(`READABILITY-DOM DIFFERS${onAdapter === fromPruned ? ' (referee class only)' : ''}: ${key}\n`);
      if (process.env.SHOW_DIFF) showDiff(fromPruned, onAdapter === fromPruned ? fastOnAdapter : onAdapter);
    }
  }
  process.stdout.write(
    `Readability's result identical on ${same} of ${same + differ} pages; ${Math.round((cut / bytes) * 100)}% of the bytes cut\n`,
  );
  process.stdout.write(`the referee's Readability identical on ${same + differ - fastDiffer} of ${same + differ} pages\n`);
  process.stdout.write(`Readability on readability-dom.ts identical on ${same + differ - adapterDiffer} of ${same + differ} pages\n`);
  if (differ || fastDiffer || adapterDiffer) process.exitCode = 1;
}

/** Where two results part (SHOW_DIFF=1): a little of each side around the first difference. */
function showDiff(a: string, b: string): void {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  process.stdout.write(
    `  linkedom: …${a.slice(Math.max(0, i - 120), i + 120)}…\n  adapter:  …${b.slice(Math.max(0, i - 120), i + 120)}…\n`,
  );
}

const args = process.argv.slice(2);
if (args.includes('--readability')) readabilityIdentity();
else {
  const write = args.indexOf('--write');
  const compare = args.indexOf('--compare');
  if (write >= 0 && args[write + 1]) {
    const out = outputs();
    writeFileSync(args[write + 1]!, [...out].map(([k, v]) => JSON.stringify([k, v])).join('\n') + '\n');
    process.stdout.write(`wrote ${out.size / MODES.length} pages × ${MODES.length} modes\n`);
  } else if (compare >= 0 && args[compare + 1]) {
    const before = new Map(
      readFileSync(args[compare + 1]!, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as [string, string]),
    );
    const after = outputs();
    const differ = new Set<string>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(key) !== after.get(key)) {
        differ.add(key);
        process.stdout.write(`DIFFERS: ${key}${before.has(key) && after.has(key) ? '' : ' (only on one side)'}\n`);
      }
    }
    const n = new Set([...after.keys()].map((k) => k.slice(0, k.lastIndexOf(' ')))).size;
    if (differ.size === 0) process.stdout.write(`identical on ${n} pages × ${MODES.length} referee modes\n`);
    else {
      process.stdout.write(`${differ.size} of ${after.size} outputs differ\n`);
      process.exitCode = 1;
    }
  } else {
    process.stderr.write('usage: npx tsx scripts/extract-identity.ts --write <file> | --compare <file>\n');
    process.exitCode = 2;
  }
}
