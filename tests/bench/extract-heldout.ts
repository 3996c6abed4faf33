/**
 * Held-out Chinese CMS pages (tests/fixtures/cms-heldout): templates the extractor was not tuned
 * on, scored on title, date, 来源, body token F1, chrome leaking into the body and mis-decoding.
 * `fresh/` holds pages written after the tuning round, reported on their own.
 * Run standalone: npx tsx tests/bench/extract-heldout.ts [--verbose]
 */
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { FRESH_DIR, loadHeldout, type HeldoutPage } from '../fixtures/cms-heldout/load';
import { tokenF1 } from './extract-corpus';
import { chromeLeaks, squeeze } from './extract-outside';

const norm = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
/** Chrome any Chinese CMS page may carry, besides the strings each page lists. */
const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

export interface HeldoutScore {
  name: string;
  titleOk: boolean;
  dateOk: boolean;
  originOk: boolean | null;
  f1: number;
  leaks: string[];
  misdecoded: boolean;
  got: { title: string; date: string | null; origin: string | null };
}

export function scoreHeldout(pages: HeldoutPage[]): HeldoutScore[] {
  return pages.map((pg) => {
    const e = pg.expected;
    const decoded = decodeBytes(pg.bytes, e.contentType).text;
    const misdecoded = decoded.includes('\ufffd') || !decoded.includes(e.title);
    let got = { title: '', date: null as string | null, origin: null as string | null, text: '' };
    try {
      const a = extractArticle(decoded, e.url);
      got = { title: a.title, date: a.publishedAt, origin: a.origin, text: a.text };
    } catch {
      /* scored as empty */
    }
    // Generic chrome is looked for with white space taken out too (责任 编辑 is 责任编辑).
    const expectedLines = new Set(e.paragraphs.map(squeeze));
    const leaks = chromeLeaks(e.chrome, got.text, e.paragraphs);
    for (const line of got.text.split('\n')) {
      if (!expectedLines.has(squeeze(line)) && GENERIC_CHROME.test(squeeze(line))) leaks.push(line.slice(0, 40));
    }
    return {
      name: pg.name,
      titleOk: norm(got.title) === norm(e.title),
      dateOk: got.date === e.publishedAt,
      originOk: e.origin === null ? null : got.origin === e.origin,
      f1: tokenF1(e.paragraphs.join('\n'), got.text).f1,
      leaks,
      misdecoded,
      got: { title: got.title, date: got.date, origin: got.origin },
    };
  });
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function summarise(prefix: string, s: HeldoutScore[]): Record<string, number> {
  const origins = s.filter((x) => x.originOk !== null);
  return {
    [`${prefix}_pages`]: s.length,
    [`${prefix}_title_pct`]: pct(s.filter((x) => x.titleOk).length, s.length),
    [`${prefix}_date_pct`]: pct(s.filter((x) => x.dateOk).length, s.length),
    [`${prefix}_origin_pct`]: pct(origins.filter((x) => x.originOk).length, origins.length),
    [`${prefix}_f1`]: r3(s.reduce((n, x) => n + x.f1, 0) / Math.max(1, s.length)),
    [`${prefix}_min_f1`]: r3(Math.min(...s.map((x) => x.f1))),
    [`${prefix}_leaks`]: s.reduce((n, x) => n + x.leaks.length, 0),
    [`${prefix}_misdecoded`]: s.filter((x) => x.misdecoded).length,
  };
}

export function benchHeldout(verbose = false): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [prefix, pages] of [
    ['extract_cn_heldout', loadHeldout()],
    ['extract_cn_fresh', loadHeldout(FRESH_DIR)],
  ] as const) {
    if (pages.length === 0) continue;
    const scores = scoreHeldout(pages);
    if (verbose) {
      for (const s of scores) {
        if (s.titleOk && s.dateOk && s.originOk !== false && s.f1 >= 0.97 && s.leaks.length === 0 && !s.misdecoded) continue;
        process.stdout.write(
          `# ${prefix} ${s.name}: f1=${r3(s.f1)} title=${s.titleOk} date=${s.dateOk} origin=${s.originOk} leaks=${JSON.stringify(s.leaks)} misdecoded=${s.misdecoded} got=${JSON.stringify(s.got)}\n`,
        );
      }
    }
    Object.assign(out, summarise(prefix, scores));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(benchHeldout(process.argv.includes('--verbose')))) process.stdout.write(`${k}: ${v}\n`);
}
