/**
 * Accuracy scoring for extraction on pages we did not write: Readability's labelled test pages
 * and unlabelled real Chinese news pages from `../shared/corpora` (read in place, never copied),
 * plus our own fixture pages. Both our extractor and plain Readability are scored in one run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { isBoilerplate } from '../../main/services/extract/patterns';
import { parseDateValue } from '../../shared/dates';
import { loadFixtures } from '../fixtures/extract/helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** `../shared/corpora` beside the repository (or beside the worktrees folder); YANDU_CORPORA overrides. */
export const CORPORA_DIR =
  [process.env.YANDU_CORPORA, path.resolve(ROOT, '../shared/corpora'), path.resolve(ROOT, '../../shared/corpora')].find(
    (d): d is string => !!d && existsSync(d),
  ) ?? path.resolve(ROOT, '../shared/corpora');

export interface Result {
  title: string;
  date: string | null;
  origin: string | null;
  text: string;
}

export type Extractor = (html: string, url: string) => Result;

/** Tokens for character-token F1: each CJK character alone, Latin/digit runs as lower-case words. */
export function tokens(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const re = /[\p{Script=Han}\u3040-\u30ff]|[\p{L}\p{N}]+/gu;
  let t: RegExpExecArray | null;
  while ((t = re.exec(text))) {
    const k = t[0].toLowerCase();
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export function tokenF1(expected: string, actual: string): { f1: number; p: number; r: number } {
  const e = tokens(expected);
  const a = tokens(actual);
  let ne = 0;
  let na = 0;
  let overlap = 0;
  for (const v of e.values()) ne += v;
  for (const v of a.values()) na += v;
  for (const [k, v] of e) overlap += Math.min(v, a.get(k) ?? 0);
  if (ne === 0 && na === 0) return { f1: 1, p: 1, r: 1 };
  if (overlap === 0) return { f1: 0, p: 0, r: 0 };
  const p = overlap / na;
  const r = overlap / ne;
  return { f1: (2 * p * r) / (p + r), p, r };
}

/** The date as the page wrote it (2019-10-18T17:23Z is 2019-10-18, not shifted to China time). */
function writtenDate(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
  return m ? m[1]! : parseDateValue(v);
}

/**
 * Readability's expected titles often keep the site name (`Mozilla - Wikipedia`): a title that
 * is the expected one without such a suffix or prefix counts, a fragment of it does not.
 */
function titleMatches(expected: string, got: string): boolean {
  if (tokenF1(expected, got).f1 >= 0.9) return true;
  const e = norm(expected).toLowerCase();
  const g = norm(got).toLowerCase();
  if (!g || !e.includes(g)) return false;
  const rest = e.replace(g, '|');
  return /^\s*[-–—|:·_»]?\s*\|\s*[-–—|:·_«]/.test(rest) || /[-–—|:·_»]\s*\|\s*$/.test(rest) || /^\|\s*[-–—|:·_(（[]/.test(rest);
}

const norm = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();

function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // Block boundaries become line breaks so words do not run together.
  for (const el of Array.from(document.querySelectorAll('p,div,li,h1,h2,h3,h4,h5,h6,br,td,tr,pre,blockquote'))) {
    el.appendChild(document.createTextNode('\n'));
  }
  return document.body.textContent ?? '';
}

export const ours: Extractor = (html, url) => {
  try {
    const a = extractArticle(html, url);
    // （无标题） is our placeholder for "no title found", which Readability writes as ''.
    return { title: a.title === '（无标题）' ? '' : a.title, date: a.publishedAt, origin: a.origin, text: a.text };
  } catch {
    return { title: '', date: null, origin: null, text: '' };
  }
};

const virtualConsole = new VirtualConsole(); // jsdom: swallow CSS/script noise, run no scripts
export const readability: Extractor = (html, url) => {
  try {
    const r = new Readability(new JSDOM(html, { url, virtualConsole }).window.document).parse();
    if (!r) return { title: '', date: null, origin: null, text: '' };
    return {
      title: r.title ?? '',
      date: r.publishedTime ? writtenDate(r.publishedTime) : null,
      origin: r.siteName ?? null,
      text: htmlText(r.content ?? ''),
    };
  } catch {
    return { title: '', date: null, origin: null, text: '' };
  }
};

/** Pages per CPU-second of extractArticle with the referee off: the median of three passes. */
function ownPassRate(pages: { html: string; url: string }[]): number {
  const rates: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const c0 = process.cpuUsage();
    for (const p of pages) {
      try {
        extractArticle(p.html, p.url, { referee: 'never' });
      } catch {
        // a page that throws costs what it cost; its error is scored elsewhere
      }
    }
    const c = process.cpuUsage(c0);
    rates.push(pages.length / ((c.user + c.system) / 1e6));
  }
  return Math.round(rates.sort((a, b) => a - b)[1]! * 10) / 10;
}

export interface Labelled {
  name: string;
  html: string;
  url: string;
  title: string;
  date: string | null;
  origin: string | null;
  text: string;
  /** Titles are compared exactly on our fixtures, by token F1 ≥ 0.9 on others (site suffixes). */
  exactTitle: boolean;
}

export function readabilityPages(): Labelled[] {
  const dir = path.join(CORPORA_DIR, 'readability-test-pages');
  return readdirSync(dir)
    .filter((n) => statSync(path.join(dir, n)).isDirectory() && existsSync(path.join(dir, n, 'expected.html')))
    .sort()
    .map((n) => {
      const meta = JSON.parse(readFileSync(path.join(dir, n, 'expected-metadata.json'), 'utf8')) as {
        title?: string | null;
        publishedTime?: string | null;
      };
      return {
        name: n,
        html: decodeHtml(readFileSync(path.join(dir, n, 'source.html'))),
        // Readability's own tests use this base URL.
        url: 'http://fakehost/test/page.html',
        title: meta.title ?? '',
        date: meta.publishedTime ? writtenDate(meta.publishedTime) : null,
        origin: null,
        text: htmlText(readFileSync(path.join(dir, n, 'expected.html'), 'utf8')),
        exactTitle: false,
      };
    });
}

function fixturePages(): Labelled[] {
  return loadFixtures().map((f) => ({
    name: f.name,
    html: decodeHtml(f.bytes),
    url: f.expected.url,
    title: f.expected.title,
    date: f.expected.publishedAt,
    origin: f.expected.origin,
    text: f.expected.paragraphs.join('\n'),
    exactTitle: true,
  }));
}

const EN_DIR = fileURLToPath(new URL('../fixtures/extract-en/', import.meta.url));

/**
 * Our own English news-style pages (tests/fixtures/extract-en, written by generate.ts) with
 * hand-written expected bodies: a check on English pages whose labels are not Readability's output.
 */
export function englishPages(): Labelled[] {
  return readdirSync(EN_DIR)
    .filter((n) => n.endsWith('.html'))
    .sort()
    .map((file) => {
      const e = JSON.parse(readFileSync(path.join(EN_DIR, file.replace(/\.html$/, '.expected.json')), 'utf8')) as {
        url: string;
        title: string;
        paragraphs: string[];
      };
      return {
        name: file.replace(/\.html$/, ''),
        html: readFileSync(path.join(EN_DIR, file), 'utf8'),
        url: e.url,
        title: e.title,
        date: null,
        origin: null,
        text: e.paragraphs.join('\n'),
        exactTitle: true,
      };
    });
}

export function chinesePages(): { name: string; html: string; url: string }[] {
  const dir = path.join(CORPORA_DIR, 'chinese-news-pages');
  const out: { name: string; html: string; url: string }[] = [];
  for (const site of readdirSync(dir).sort()) {
    const sub = path.join(dir, site);
    if (!statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub).sort()) {
      if (!f.endsWith('.html')) continue;
      out.push({ name: `${site}/${f}`, html: decodeHtml(readFileSync(path.join(sub, f))), url: `http://${site}.example.com/${f}` });
    }
  }
  return out;
}

/**
 * A fixed hold-out third of the labelled dev pages, chosen by a hash of the folder name (FNV-1a,
 * 32 bits; held out when the hash mod 3 is 0) so it never moves as pages are added or tuned on.
 * Tune on the rest (`extract_*_tune`); report the held-out third (`extract_*_holdout`) alongside.
 */
export function isHoldout(name: string): boolean {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h % 3 === 0;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export interface PageScore {
  name: string;
  f1: number;
  p: number;
  r: number;
  titleOk: boolean;
  dateOk: boolean | null;
  originOk: boolean | null;
}

export function scoreLabelled(pages: Labelled[], run: Extractor): PageScore[] {
  return pages.map((pg) => {
    const got = run(pg.html, pg.url);
    const f = tokenF1(pg.text, got.text);
    const titleOk = pg.exactTitle ? norm(got.title) === norm(pg.title) : titleMatches(pg.title, got.title);
    return {
      name: pg.name,
      ...f,
      titleOk,
      dateOk: pg.date ? got.date === pg.date : null,
      originOk: pg.origin ? got.origin === pg.origin : null,
    };
  });
}

function summarise(prefix: string, scores: PageScore[]): Record<string, number> {
  const n = scores.length;
  const mean = (k: 'f1' | 'p' | 'r') => r3(scores.reduce((s, x) => s + x[k], 0) / Math.max(1, n));
  const dated = scores.filter((s) => s.dateOk !== null);
  const origins = scores.filter((s) => s.originOk !== null);
  const out: Record<string, number> = {
    [`${prefix}_f1`]: mean('f1'),
    [`${prefix}_precision`]: mean('p'),
    [`${prefix}_recall`]: mean('r'),
    [`${prefix}_min_f1`]: r3(Math.min(...scores.map((s) => s.f1))),
    [`${prefix}_title_pct`]: pct(scores.filter((s) => s.titleOk).length, n),
  };
  if (dated.length) out[`${prefix}_date_pct`] = pct(dated.filter((s) => s.dateOk).length, dated.length);
  if (origins.length) out[`${prefix}_origin_pct`] = pct(origins.filter((s) => s.originOk).length, origins.length);
  return out;
}

/** Unlabelled Chinese pages: how many come out empty, short, untitled, undated or with chrome. */
export function scoreChinese(pages: { name: string; html: string; url: string }[], run: Extractor) {
  let empty = 0;
  let short = 0;
  let titled = 0;
  let dated = 0;
  let boiler = 0;
  const flagged: string[] = [];
  for (const pg of pages) {
    const got = run(pg.html, pg.url);
    const chars = got.text.replace(/\s/g, '').length;
    const lines = got.text.split('\n');
    const leaks = lines.filter((l) => isBoilerplate(l.trim())).length;
    if (chars === 0) empty++;
    else if (chars < 200) short++;
    if (got.title && got.title !== '（无标题）') titled++;
    if (got.date) dated++;
    if (leaks > 0) boiler++;
    if (chars < 200 || leaks > 0 || !got.date)
      flagged.push(`${pg.name}(${chars}${leaks ? ` leaks=${leaks}` : ''}${got.date ? '' : ' nodate'})`);
  }
  return { empty, short, titled: pct(titled, pages.length), dated: pct(dated, pages.length), boiler, flagged };
}

export function benchAccuracy(verbose = false, baseline = true): Record<string, number> {
  const out: Record<string, number> = {};
  // Our own English pages first: they need no corpora.
  const en = englishPages();
  const enOurs = scoreLabelled(en, ours);
  const mean = (rows: PageScore[], k: 'f1' | 'p' | 'r') => r3(rows.reduce((n, x) => n + x[k], 0) / Math.max(1, rows.length));
  out.extract_f1_en_own = mean(enOurs, 'f1');
  out.extract_en_own_precision = mean(enOurs, 'p');
  out.extract_en_own_recall = mean(enOurs, 'r');
  out.extract_en_own_min_f1 = r3(Math.min(...enOurs.map((s) => s.f1)));
  out.extract_en_own_title_pct = pct(enOurs.filter((s) => s.titleOk).length, enOurs.length);
  if (baseline) {
    const enBase = scoreLabelled(en, readability);
    out.extract_f1_en_own_readability = mean(enBase, 'f1');
    out.extract_en_own_readability_precision = mean(enBase, 'p');
    out.extract_en_own_readability_recall = mean(enBase, 'r');
    out.extract_en_own_readability_min_f1 = r3(Math.min(...enBase.map((s) => s.f1)));
    if (verbose) {
      for (let i = 0; i < en.length; i++) {
        const o = enOurs[i]!;
        const b = enBase[i]!;
        process.stdout.write(
          `# en ${o.name}: ours f1=${r3(o.f1)} p=${r3(o.p)} r=${r3(o.r)} readability f1=${r3(b.f1)} p=${r3(b.p)} r=${r3(b.r)}\n`,
        );
      }
    }
  }
  const fixtures = fixturePages();
  const fxOurs = scoreLabelled(fixtures, ours);
  // Without the baseline (tests, development runs) its lines are left out, not faked.
  const fxBase = baseline ? scoreLabelled(fixtures, readability) : [];
  if (!existsSync(path.join(CORPORA_DIR, 'readability-test-pages'))) {
    process.stdout.write(`# extract: corpora not found at ${CORPORA_DIR}; scoring our fixtures only\n`);
    Object.assign(out, summarise('extract_fixtures', fxOurs));
    if (baseline) Object.assign(out, summarise('extract_baseline_fixtures', fxBase));
    return out;
  }
  const dev = readabilityPages();
  const devOurs = scoreLabelled(dev, ours);
  const devBase = baseline ? scoreLabelled(dev, readability) : [];
  const cn = chinesePages();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cnOurs = scoreChinese(cn, ours);
  const cpu = process.cpuUsage(c0);
  // Real pages (most of them 100–450 KB portal pages), with the referee where confidence is low:
  // the speed users will see. CPU seconds give the one-core figure on a busy machine too.
  out.extract_cn_pages_per_s = Math.round((cn.length / ((performance.now() - t0) / 1000)) * 10) / 10;
  out.extract_cn_pages_per_cpu_s = Math.round((cn.length / ((cpu.user + cpu.system) / 1e6)) * 10) / 10;
  // The same pages again, three more passes (median): a sync extracts page after page in one
  // process, so after its first pages the code is compiled; the first pass above is mostly JIT.
  const warm: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const w0 = process.cpuUsage();
    scoreChinese(cn, ours);
    const w = process.cpuUsage(w0);
    warm.push(cn.length / ((w.user + w.system) / 1e6));
  }
  out.extract_cn_pages_per_cpu_s_warm = Math.round(warm.sort((a, b) => a - b)[1]! * 10) / 10;
  // Our own pass alone (the Readability referee off), median of three passes: the English pages
  // are otherwise all referee (every Latin-script page asks it), which hides what our pass costs.
  out.extract_own_pass_en_pages_per_cpu_s = ownPassRate(dev);
  out.extract_own_pass_cn_pages_per_cpu_s = ownPassRate(cn);
  const cnBase = baseline ? scoreChinese(cn, readability) : null;
  if (verbose) {
    for (const s of [...devOurs].sort((a, b) => a.f1 - b.f1).slice(0, 40)) {
      process.stdout.write(`# dev ${s.name}: f1=${r3(s.f1)} p=${r3(s.p)} r=${r3(s.r)} title=${s.titleOk} date=${s.dateOk}\n`);
    }
    for (const s of fxOurs)
      if (s.f1 < 0.97 || !s.titleOk || s.dateOk === false || s.originOk === false)
        process.stdout.write(`# fixture ${s.name}: ${JSON.stringify(s)}\n`);
    process.stdout.write(`# cn flagged: ${cnOurs.flagged.join(' ')}\n`);
  }
  // Headline lines: body F1 on the labelled dev set; title/date/来源 over every labelled page.
  const headline = (prefix: string, devS: PageScore[], fxS: PageScore[]): Record<string, number> => {
    const all = [...devS, ...fxS];
    const dated = all.filter((s) => s.dateOk !== null);
    const origins = all.filter((s) => s.originOk !== null);
    return {
      [`${prefix}_f1_dev`]: r3(devS.reduce((s, x) => s + x.f1, 0) / devS.length),
      [`${prefix}_title_pct`]: pct(all.filter((s) => s.titleOk).length, all.length),
      [`${prefix}_date_pct`]: pct(dated.filter((s) => s.dateOk).length, dated.length),
      [`${prefix}_origin_pct`]: pct(origins.filter((s) => s.originOk).length, origins.length),
    };
  };
  // Both halves of the fixed split, ours and the baseline's.
  const split = (prefix: string, devS: PageScore[]): Record<string, number> => {
    const o: Record<string, number> = {};
    for (const [half, rows] of [
      ['tune', devS.filter((s) => !isHoldout(s.name))],
      ['holdout', devS.filter((s) => isHoldout(s.name))],
    ] as const) {
      const dated = rows.filter((s) => s.dateOk !== null);
      o[`${prefix}_f1_${half}`] = r3(rows.reduce((n, x) => n + x.f1, 0) / Math.max(1, rows.length));
      o[`${prefix}_title_pct_${half}`] = pct(rows.filter((x) => x.titleOk).length, rows.length);
      o[`${prefix}_date_pct_${half}`] = pct(dated.filter((x) => x.dateOk).length, dated.length);
      o[`${prefix}_pages_${half}`] = rows.length;
    }
    return o;
  };
  Object.assign(
    out,
    headline('extract', devOurs, fxOurs),
    split('extract', devOurs),
    summarise('extract_dev', devOurs),
    summarise('extract_fixtures', fxOurs),
  );
  if (baseline) {
    Object.assign(
      out,
      headline('extract_baseline', devBase, fxBase),
      split('extract_baseline', devBase),
      summarise('extract_baseline_dev', devBase),
      summarise('extract_baseline_fixtures', fxBase),
    );
  }
  out.extract_cn_pages = cn.length;
  for (const [prefix, s] of [
    ['extract_cn', cnOurs],
    ['extract_baseline_cn', cnBase],
  ] as const) {
    if (!s) continue;
    out[`${prefix}_empty`] = s.empty;
    out[`${prefix}_short`] = s.short;
    out[`${prefix}_boilerplate_pages`] = s.boiler;
    out[`${prefix}_title_pct`] = s.titled;
    out[`${prefix}_date_found_pct`] = s.dated;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(benchAccuracy(true, !process.argv.includes('--no-baseline')))) process.stdout.write(`${k}: ${v}\n`);
}
