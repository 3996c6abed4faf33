/**
 * Outside Chinese CMS pages (tests/fixtures/cms-outside): 30 pages written by a tester who had not
 * read the extractor, in the markup of builders and page types the other fixtures lack. Scored
 * like cms-heldout: title, date, 来源, body token F1, chrome leaking into the body, mis-decoding.
 * Run standalone: npx tsx tests/bench/extract-outside.ts [--verbose] [--outside2 | … | --outside10 | --outside11 | --outside12 | --outside13 | --outside14 | --outside15 | --outside16 | --outside17 | --outside18 | --outside19 | --outside20 | --outside21 | --outside22 | --outside23 | --outside24 | --outside25 | --outside26 | --outside27] (--outside2:
 * the second set, tests/fixtures/cms-outside2; --outside3: the third, tests/fixtures/cms-outside3;
 * --outside4: the fourth, tests/fixtures/cms-outside4; --outside5: the fifth, tests/fixtures/cms-outside5;
 * --outside6: the sixth, tests/fixtures/cms-outside6;
 * --outside7: the seventh, tests/fixtures/cms-outside7; --outside8: the eighth, tests/fixtures/cms-outside8;
 * --outside9: the ninth, tests/fixtures/cms-outside9; --outside10: the tenth, tests/fixtures/cms-outside10;
 * --outside11: the eleventh, tests/fixtures/cms-outside11;
 * --outside12: the twelfth, tests/fixtures/cms-outside12;
 * --outside13: the thirteenth, tests/fixtures/cms-outside13;
 * --outside14: the fourteenth, tests/fixtures/cms-outside14;
 * --outside15: the fifteenth, tests/fixtures/cms-outside15;
 * --outside16: the sixteenth, tests/fixtures/cms-outside16;
 * --outside17: the seventeenth, tests/fixtures/cms-outside17;
 * --outside18: the eighteenth, tests/fixtures/cms-outside18;
 * --outside19: the nineteenth, tests/fixtures/cms-outside19;
 * --outside20: the twentieth, tests/fixtures/cms-outside20;
 * --outside21: the twenty-first, tests/fixtures/cms-outside21;
 * --outside22: the twenty-second, tests/fixtures/cms-outside22;
 * --outside23: the twenty-third, tests/fixtures/cms-outside23;
 * --outside24: the twenty-fourth, tests/fixtures/cms-outside24;
 * --outside25: the twenty-fifth, tests/fixtures/cms-outside25;
 * --outside26: the twenty-sixth, tests/fixtures/cms-outside26;
 * --outside27: the twenty-seventh, tests/fixtures/cms-outside27)
 */
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { OUTSIDE_DIR, loadOutside, type OutsideFixture } from '../fixtures/cms-outside/load';
import { tokenF1 } from './extract-corpus';

const norm = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
/** A text with every white space taken out (the leak check's form of both sides). */
export const squeeze = (s: string): string => s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
/** How many times `part` occurs in `text`, non-overlapping. */
const occurrences = (text: string, part: string): number => (part === '' ? 0 : text.split(part).length - 1);
/**
 * The listed chrome strings found in a body, compared with all white space removed on both sides:
 * chrome that reaches the body with other spacing or split over two lines is still a leak. Once
 * squeezed, the end of one expected line and the start of the next may spell a chrome string
 * (a heading 获取招标文件 over a line 时间：…); such a string leaks only where our body holds it
 * more often than the expected body does. A string of nothing but white space is no chrome.
 */
export function chromeLeaks(chrome: string[], text: string, expected: string[]): string[] {
  const body = squeeze(text);
  const want = squeeze(expected.join('\n'));
  return chrome.filter((c) => occurrences(body, squeeze(c)) > occurrences(want, squeeze(c)));
}
/** Chrome any Chinese CMS page may carry, besides the strings each page lists. */
const GENERIC_CHROME =
  /版权所有|ICP备|公网安备|网站标识码|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|分享到|责任编辑|责编|浏览次数|点击数|当前位置|您的位置/;

export interface OutsideScore {
  name: string;
  titleOk: boolean;
  dateOk: boolean;
  /** null where the page names no 来源 (not counted). */
  originOk: boolean | null;
  f1: number;
  leaks: string[];
  misdecoded: boolean;
  got: { title: string; date: string | null; origin: string | null; confidence?: number; method?: string };
}

export function scoreOutside(pages: OutsideFixture[]): OutsideScore[] {
  return pages.map((pg) => {
    const e = pg.expected;
    const decoded = decodeBytes(pg.bytes, e.contentType).text;
    // Decoded right when nothing became U+FFFD and the title's characters are on the page in
    // order; tags and white space are skipped, as a title may be split over several elements.
    const bare = (s: string) => s.replace(/<[^>]*>/g, '').replace(/[\s\u3000]+/g, '');
    const misdecoded = decoded.includes('\ufffd') || !bare(decoded).includes(bare(e.title));
    let got: OutsideScore['got'] & { text: string } = { title: '', date: null, origin: null, text: '' };
    try {
      const a = extractArticle(decoded, e.url);
      const extra = a as unknown as { confidence?: number; method?: string };
      got = { title: a.title, date: a.publishedAt, origin: a.origin, text: a.text, confidence: extra.confidence, method: extra.method };
    } catch {
      /* scored as empty */
    }
    // Generic chrome is looked for with white space taken out too (责任 编辑 is 责任编辑).
    const expectedLines = new Set(e.paragraphs.map(squeeze));
    const leaks = chromeLeaks(e.chrome, got.text, e.paragraphs);
    for (const line of got.text.split('\n')) {
      if (!expectedLines.has(squeeze(line)) && GENERIC_CHROME.test(squeeze(line))) leaks.push(line.slice(0, 40));
    }
    const { text: _text, ...shown } = got;
    return {
      name: pg.name,
      titleOk: norm(got.title) === norm(e.title),
      dateOk: got.date === e.publishedAt,
      originOk: e.origin === null ? null : norm(got.origin ?? '') === norm(e.origin),
      f1: tokenF1(e.paragraphs.join('\n'), got.text).f1,
      leaks: [...new Set(leaks)],
      misdecoded,
      got: shown,
    };
  });
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The second outside set (tests/fixtures/cms-outside2), scored under `extract_cn_outside2_*`. */
export const OUTSIDE2_DIR = fileURLToPath(new URL('../fixtures/cms-outside2/', import.meta.url));

/** The third outside set (tests/fixtures/cms-outside3), scored under `extract_cn_outside3_*`. */
export const OUTSIDE3_DIR = fileURLToPath(new URL('../fixtures/cms-outside3/', import.meta.url));

/** The fourth outside set (tests/fixtures/cms-outside4), scored under `extract_cn_outside4_*`. */
export const OUTSIDE4_DIR = fileURLToPath(new URL('../fixtures/cms-outside4/', import.meta.url));

/** The fifth outside set (tests/fixtures/cms-outside5), scored under `extract_cn_outside5_*`. */
export const OUTSIDE5_DIR = fileURLToPath(new URL('../fixtures/cms-outside5/', import.meta.url));

/** The sixth outside set (tests/fixtures/cms-outside6), scored under `extract_cn_outside6_*`. */
export const OUTSIDE6_DIR = fileURLToPath(new URL('../fixtures/cms-outside6/', import.meta.url));

/** The seventh outside set (tests/fixtures/cms-outside7), scored under `extract_cn_outside7_*`. */
export const OUTSIDE7_DIR = fileURLToPath(new URL('../fixtures/cms-outside7/', import.meta.url));

/** The eighth outside set (tests/fixtures/cms-outside8), scored under `extract_cn_outside8_*`. */
export const OUTSIDE8_DIR = fileURLToPath(new URL('../fixtures/cms-outside8/', import.meta.url));
/** The ninth outside set (tests/fixtures/cms-outside9), scored under `extract_cn_outside9_*`. */
export const OUTSIDE9_DIR = fileURLToPath(new URL('../fixtures/cms-outside9/', import.meta.url));
/** The tenth outside set (tests/fixtures/cms-outside10), scored under `extract_cn_outside10_*`. */
export const OUTSIDE10_DIR = fileURLToPath(new URL('../fixtures/cms-outside10/', import.meta.url));
/** The eleventh outside set (tests/fixtures/cms-outside11), scored under `extract_cn_outside11_*`. */
export const OUTSIDE11_DIR = fileURLToPath(new URL('../fixtures/cms-outside11/', import.meta.url));
/** The twelfth outside set (tests/fixtures/cms-outside12), scored under `extract_cn_outside12_*`. */
export const OUTSIDE12_DIR = fileURLToPath(new URL('../fixtures/cms-outside12/', import.meta.url));
/** The thirteenth outside set (tests/fixtures/cms-outside13), scored under `extract_cn_outside13_*`. */
export const OUTSIDE13_DIR = fileURLToPath(new URL('../fixtures/cms-outside13/', import.meta.url));
/** The fourteenth outside set (tests/fixtures/cms-outside14), scored under `extract_cn_outside14_*`. */
export const OUTSIDE14_DIR = fileURLToPath(new URL('../fixtures/cms-outside14/', import.meta.url));
/** The fifteenth outside set (tests/fixtures/cms-outside15), scored under `extract_cn_outside15_*`. */
export const OUTSIDE15_DIR = fileURLToPath(new URL('../fixtures/cms-outside15/', import.meta.url));
/** The sixteenth outside set (tests/fixtures/cms-outside16), scored under `extract_cn_outside16_*`. */
export const OUTSIDE16_DIR = fileURLToPath(new URL('../fixtures/cms-outside16/', import.meta.url));
/** The seventeenth outside set (tests/fixtures/cms-outside17), scored under `extract_cn_outside17_*`. */
export const OUTSIDE17_DIR = fileURLToPath(new URL('../fixtures/cms-outside17/', import.meta.url));
/** The eighteenth outside set (tests/fixtures/cms-outside18), scored under `extract_cn_outside18_*`. */
export const OUTSIDE18_DIR = fileURLToPath(new URL('../fixtures/cms-outside18/', import.meta.url));
/** The nineteenth outside set (tests/fixtures/cms-outside19), scored under `extract_cn_outside19_*`. */
export const OUTSIDE19_DIR = fileURLToPath(new URL('../fixtures/cms-outside19/', import.meta.url));
/** The twentieth outside set (tests/fixtures/cms-outside20), scored under `extract_cn_outside20_*`. */
export const OUTSIDE20_DIR = fileURLToPath(new URL('../fixtures/cms-outside20/', import.meta.url));
/** The twenty-first outside set (tests/fixtures/cms-outside21), scored under `extract_cn_outside21_*`. */
export const OUTSIDE21_DIR = fileURLToPath(new URL('../fixtures/cms-outside21/', import.meta.url));
/** The twenty-second outside set (tests/fixtures/cms-outside22), scored under `extract_cn_outside22_*`. */
export const OUTSIDE22_DIR = fileURLToPath(new URL('../fixtures/cms-outside22/', import.meta.url));
/** The twenty-third outside set (tests/fixtures/cms-outside23), scored under `extract_cn_outside23_*`. */
export const OUTSIDE23_DIR = fileURLToPath(new URL('../fixtures/cms-outside23/', import.meta.url));
/** The twenty-fourth outside set (tests/fixtures/cms-outside24), scored under `extract_cn_outside24_*`. */
export const OUTSIDE24_DIR = fileURLToPath(new URL('../fixtures/cms-outside24/', import.meta.url));
/** The twenty-fifth outside set (tests/fixtures/cms-outside25), scored under `extract_cn_outside25_*`. */
export const OUTSIDE25_DIR = fileURLToPath(new URL('../fixtures/cms-outside25/', import.meta.url));
/** The twenty-sixth outside set (tests/fixtures/cms-outside26), scored under `extract_cn_outside26_*`. */
export const OUTSIDE26_DIR = fileURLToPath(new URL('../fixtures/cms-outside26/', import.meta.url));
/** The twenty-seventh outside set (tests/fixtures/cms-outside27), scored under `extract_cn_outside27_*`. */
export const OUTSIDE27_DIR = fileURLToPath(new URL('../fixtures/cms-outside27/', import.meta.url));

const SET_DIRS = {
  outside: OUTSIDE_DIR,
  outside2: OUTSIDE2_DIR,
  outside3: OUTSIDE3_DIR,
  outside4: OUTSIDE4_DIR,
  outside5: OUTSIDE5_DIR,
  outside6: OUTSIDE6_DIR,
  outside7: OUTSIDE7_DIR,
  outside8: OUTSIDE8_DIR,
  outside9: OUTSIDE9_DIR,
  outside10: OUTSIDE10_DIR,
  outside11: OUTSIDE11_DIR,
  outside12: OUTSIDE12_DIR,
  outside13: OUTSIDE13_DIR,
  outside14: OUTSIDE14_DIR,
  outside15: OUTSIDE15_DIR,
  outside16: OUTSIDE16_DIR,
  outside17: OUTSIDE17_DIR,
  outside18: OUTSIDE18_DIR,
  outside19: OUTSIDE19_DIR,
  outside20: OUTSIDE20_DIR,
  outside21: OUTSIDE21_DIR,
  outside22: OUTSIDE22_DIR,
  outside23: OUTSIDE23_DIR,
  outside24: OUTSIDE24_DIR,
  outside25: OUTSIDE25_DIR,
  outside26: OUTSIDE26_DIR,
  outside27: OUTSIDE27_DIR,
};

/** The set named by `--outside2` … `--outside27` (the first set without a flag). */
export function outsideSetFromArgv(argv: string[]): keyof typeof SET_DIRS {
  if (argv.includes('--outside27')) return 'outside27';
  if (argv.includes('--outside26')) return 'outside26';
  if (argv.includes('--outside25')) return 'outside25';
  if (argv.includes('--outside24')) return 'outside24';
  if (argv.includes('--outside23')) return 'outside23';
  if (argv.includes('--outside22')) return 'outside22';
  if (argv.includes('--outside21')) return 'outside21';
  if (argv.includes('--outside20')) return 'outside20';
  if (argv.includes('--outside19')) return 'outside19';
  if (argv.includes('--outside18')) return 'outside18';
  if (argv.includes('--outside17')) return 'outside17';
  if (argv.includes('--outside16')) return 'outside16';
  if (argv.includes('--outside15')) return 'outside15';
  if (argv.includes('--outside14')) return 'outside14';
  if (argv.includes('--outside13')) return 'outside13';
  if (argv.includes('--outside12')) return 'outside12';
  if (argv.includes('--outside11')) return 'outside11';
  if (argv.includes('--outside10')) return 'outside10';
  if (argv.includes('--outside9')) return 'outside9';
  if (argv.includes('--outside8')) return 'outside8';
  if (argv.includes('--outside7')) return 'outside7';
  if (argv.includes('--outside6')) return 'outside6';
  if (argv.includes('--outside5')) return 'outside5';
  if (argv.includes('--outside4')) return 'outside4';
  if (argv.includes('--outside3')) return 'outside3';
  if (argv.includes('--outside2')) return 'outside2';
  return 'outside';
}

export function benchOutside(verbose = false, set: keyof typeof SET_DIRS = 'outside'): Record<string, number> {
  const pages = loadOutside(SET_DIRS[set]);
  if (pages.length === 0) return {};
  const s = scoreOutside(pages);
  if (verbose) {
    for (const x of s) {
      const ok = x.titleOk && x.dateOk && x.originOk !== false && x.f1 >= 0.97 && x.leaks.length === 0 && !x.misdecoded;
      process.stdout.write(
        `# ${set} ${ok ? 'ok  ' : 'FAIL'} ${x.name}: f1=${r3(x.f1)} title=${x.titleOk} date=${x.dateOk} origin=${x.originOk} leaks=${JSON.stringify(x.leaks)} misdecoded=${x.misdecoded} got=${JSON.stringify(x.got)}\n`,
      );
    }
  }
  const origins = s.filter((x) => x.originOk !== null);
  const p = `extract_cn_${set}`;
  return {
    [`${p}_pages`]: s.length,
    [`${p}_title_pct`]: pct(s.filter((x) => x.titleOk).length, s.length),
    [`${p}_date_pct`]: pct(s.filter((x) => x.dateOk).length, s.length),
    [`${p}_origin_pct`]: pct(origins.filter((x) => x.originOk).length, origins.length),
    [`${p}_f1`]: r3(s.reduce((n, x) => n + x.f1, 0) / s.length),
    [`${p}_min_f1`]: r3(Math.min(...s.map((x) => x.f1))),
    [`${p}_leaks`]: s.reduce((n, x) => n + x.leaks.length, 0),
    [`${p}_misdecoded`]: s.filter((x) => x.misdecoded).length,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const set = outsideSetFromArgv(process.argv);
  // --outside3 … --outside27 alone list the set page by page.
  const verbose =
    process.argv.includes('--verbose') ||
    set === 'outside3' ||
    set === 'outside4' ||
    set === 'outside5' ||
    set === 'outside6' ||
    set === 'outside7' ||
    set === 'outside8' ||
    set === 'outside9' ||
    set === 'outside10' ||
    set === 'outside11' ||
    set === 'outside12' ||
    set === 'outside13' ||
    set === 'outside14' ||
    set === 'outside15' ||
    set === 'outside16' ||
    set === 'outside17' ||
    set === 'outside18' ||
    set === 'outside19' ||
    set === 'outside20' ||
    set === 'outside21' ||
    set === 'outside22' ||
    set === 'outside23' ||
    set === 'outside24' ||
    set === 'outside25' ||
    set === 'outside26' ||
    set === 'outside27';
  for (const [k, v] of Object.entries(benchOutside(verbose, set))) process.stdout.write(`${k}: ${v}\n`);
}
