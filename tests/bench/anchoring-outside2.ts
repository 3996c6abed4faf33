/**
 * Anchoring bench of a SECOND outside tester (issue 12 item 4: "on edits you have never seen: at
 * least 99% of surviving passages placed, 0 wrong"). Its own texts, highlights, revision kinds
 * and judge, written without reading shared/anchoring beyond the exported signatures of
 * shared/anchoring/index.ts nor the other anchoring benches and their tests.
 *
 *   npx tsx tests/bench/anchoring-outside2.ts [--seeds a-b] [--list] [--kind name]
 *   npm run bench -- anchor2 [--seeds a-b]
 *
 * Texts: real pages (../shared/corpora/chinese-news-pages and a few English ones from
 * readability-test-pages) turned into stored article text by the project's extractor
 * (paragraphs joined by '\n'); every fifth seed a long article (60k–120k units) of joined pages.
 * Nothing of the pages is copied into the repository; without the corpora the bench says so.
 *
 * Highlights (as readers make them, on the text as it was): sentences, clauses, 2–4-unit terms,
 * numbers with units, quotations, spans across a paragraph break, headings, one chosen
 * occurrence of a repeated phrase, the very start and end of the article, overlapping ones.
 *
 * Revision kinds, each alone and mixed (anchoring-outside2-judge.ts): correction, lead_rewrite,
 * attribution, footnotes, captions, list_renumber, variants, width, hard_wrap, unwrap, noise,
 * near_copy, repeat_edit, many_term, boilerplate, truncate, merge, repara, mixed3, mixed5.
 * Definitions of SURVIVING, RIGHT, WRONG, MISS and LOST: see anchoring-outside2-judge.ts.
 *
 * LATER, FRESH SEEDS, each measured once: 81–120 98.2% → 99.0%, 220 → 216 wrong (anchor2fix:
 * entities, zero-width units, footnote markers); 121–160 98.7% → 98.8%, 207 → 81 wrong (anchor12g:
 * paragraph fingerprints in the selector); 161–200 98.7% → 99.2% (anchor2fixb: far-twin picks kept
 * where farther neighbours put them); 201–240 on main at 2e3ca84 with all of them: 99.3%, 57 wrong;
 * 241–280 on main a7ca64f: 99.3%, 85 wrong; 281–300 37 → 6 wrong (anchor10a: selectors record the
 * quote's other copies; a copy stands only with more context than the others or sure neighbours);
 * 321–360 on main after anchor10a and anchor10b (edge context): 99.3%, 9 wrong (look-alike 3, other copy 6).
 * TWELFTH ROUND (anchor11a, anchoring-round12.test.ts): every wrong placement of development seeds
 * 1–360 listed (--list) and classified, on main af6d8d3: 153 wrong. Other-copy 73: a surviving
 * passage in a long article that repeats a page placed on the far copy, because a caption line or
 * a mixed edit took part of its context and the far copy kept it all. Look-alike 43: its own
 * paragraph deleted, placed on a near copy (2–3 units changed) that the mix edited too, so the
 * paragraph fingerprint no longer knew it. Identical-copy 23, identical-copy-and-context 9,
 * elsewhere 5. Rules: describe() records the quote's look-alikes in the old text (nearErrors,
 * nearContext; lookalikes.ts) and a placement that differs from the quote in as many units stands
 * only with more stored context than the look-alike had or sure neighbours; a copy placement is in
 * the same doubt when another copy is nearer where the passage would be (its old place, moved as
 * the nearest placed passages with a quote held once moved), and, with a copy of the quote lost,
 * an approximate placement too. Seeds 1–360: recall 99.36% → 99.37%, 153 → 9 wrong (misses 1333 →
 * 1391, surviving wrong 78 → 3); 281–320 alone: 99.3% → 99.4%, 16 → 1. Left: 2 other copies in a
 * long article (the neighbours are repeated too), 3 lost terms placed on a merged-in copy of their
 * page with all their context (only the position differs), 2 on a hard-wrapped copy, a 4-unit
 * English " on ", and a caption line that repeats the sentence it captions. A doubt on quotes the
 * old text held once, copied by the revision, was tried and dropped: no wrong fewer, 19 misses more.
 * LATER, development (anchor13a, anchoring-round14.test.ts): the 11 wrong of seeds 441–480 on main
 * 3e372b0 (99.5%), every one classified. Own copy deleted, twin kept (461: a twin with 11 of 60
 * context units, 7 recorded for it; 464: a paragraph listed twice with 3 typos, the first deleted,
 * so the second stands right after the first's prefix; 4 passages of its closing sentence on the
 * twin with exactly the twin's recorded context, confirmed by a neighbour 300 units before):
 * 6. Inserted copy vs the original (450: the original hard-wrapped in place, the same page pasted
 * 23,800 units away unwrapped, and the wrapped line taken for a pull quote of the far paragraph): 1.
 * Merge (470: the page pasted above a copy of itself; the highlight stays at its stored offset with
 * its whole context on the pasted copy, the judge wants the later copy): 4, not decidable by text,
 * so the judge now counts a placement whose words and 200 units either side read as the truth's,
 * no farther from the old place, as `undecidable` (neither right nor wrong). Rules: with a copy
 * lost, a copy confirms itself by context only with a third of it there, and one of a twin with no
 * more context than the twin had is not lifted by neighbours; describe() records the look-alikes'
 * word prints (nearWords, quotes of 64+ units) and a placement on them is an orphan; a pull quote's
 * source is never more than 3,000 units farther from the old place than the copy. 441–480: 99.5% →
 * 99.5%, 11 → 0 wrong, 4 undecidable; 281–320 unchanged (99.6%, 1 wrong). Guards after merging main
 * 9af9aa1, against the same code before: outside3 1–40 and 121–160 99.1% and 99.0% as before (0 and 5
 * wrong), independent 481–520 99.8%, 1 wrong as before, outside4 1–40 720 → 725 misses, 5 wrong as
 * before, prose 800–830 99.17% (one miss more), default bench 99.29%, 0 wrong.
 *
 * FIRST MEASUREMENT, seeds 1–40, run once before any failure was looked at (16:10 UTC, commit of
 * main 2a6f0d4's shared/anchoring; load average 15.8):
 *   anchor_out2_recall_pct 97.9   anchor_out2_wrong 246   highlights 26418   surviving 24679
 *   (lost highlights placed on their remains, tolerated: 150)
 *   correction     recall    99%  wrong   0  (surviving 1291)
 *   lead_rewrite   recall  97.7%  wrong   7  (surviving 1254)
 *   attribution    recall  98.4%  wrong   1  (surviving 1286)
 *   footnotes      recall  96.6%  wrong   3  (surviving 1292)
 *   captions       recall  97.6%  wrong   5  (surviving 1279)
 *   list_renumber  recall  98.8%  wrong   0  (surviving 1286)
 *   variants       recall  98.8%  wrong   4  (surviving 1281)
 *   width          recall  99.2%  wrong   0  (surviving 1227)
 *   hard_wrap      recall  98.7%  wrong   0  (surviving 1276)
 *   unwrap         recall  99.5%  wrong   0  (surviving 1296)
 *   noise          recall  91.7%  wrong   7  (surviving 1163)
 *   near_copy      recall  99.4%  wrong 117  (surviving 1258)
 *   repeat_edit    recall  99.4%  wrong  24  (surviving 1387)
 *   many_term      recall  98.5%  wrong   5  (surviving 1409)
 *   boilerplate    recall  99.4%  wrong   0  (surviving 1298)
 *   truncate       recall   100%  wrong  26  (surviving 648)
 *   merge          recall  99.4%  wrong   0  (surviving 1296)
 *   repara         recall  98.6%  wrong   0  (surviving 1293)
 *   mixed3         recall    96%  wrong  25  (surviving 1111)
 *   mixed5         recall  90.1%  wrong  22  (surviving 1048)
 *   by highlight type (recall/wrong): sentence 97.3%/12, clause 98.3%/9, term 98.8%/18, number 97.8%/12, quote 98.3%/3, cross 98.5%/0,
 *     heading 97.7%/3, repeated 96.6%/41, start 96.6%/9, end 96.3%/3, overlap 98.3%/17, forced 96.7%/119
 *   (forced = the highlights a kind's prepare step puts on its trap: near_copy, repeat_edit, many_term)
 *   anchorAll time over the 800 revisions: 8.9 s wall (load 15.8); the whole bench used 11.5 s of
 *   user CPU. (The line anchor_out2_anchor_cpu_ms now measures CPU time instead.)
 * The target of issue 12 (≥ 99% recall, 0 wrong) is not met on these edits: 97.9% and 246 wrong.
 *
 * AFTER CHECKING EVERY WRONG (`--list`, which prints where the placed units came from): no
 * judge truth was wrong, so no judge fix and the numbers stand (97.9%, 246). Of the 246, 245
 * were placed on units of ANOTHER passage of the original (median 1839 units from their own)
 * and 1 on inserted text (a merged-in article); none on the passage's own units. A second
 * sample, seeds 41–80, gives 98.1% and 247 wrong (26136 highlights, 24393 surviving).
 * Only later changes: the failure class and the placed units' origin in --list and the
 * anchor_out2_wrong_* / anchor_out2_miss_* lines, and CPU time for anchor_out2_anchor_cpu_ms
 * (2.7 s of CPU for the 800 anchorAll calls of seeds 1–40).
 *
 * FAILURE CLASSES (seeds 1–40; reproduce with --seeds N --kind K --list; page text is not quoted
 * here, the corpora stay outside the repository):
 * WRONG 246
 * - identical-copy, 124 (near_copy 68, mixed 22, repeat_edit 15, truncate 13, lead_rewrite 3):
 *   its own words are gone and it is placed on the same words elsewhere in the original. The
 *   near-copy trap (seed 1 near_copy ifeng/1: the highlighted paragraph deleted, its sentence
 *   placed on the near copy 1375 units on, whose changed units fell outside that sentence);
 *   the second half cut from a page that holds its body twice (seed 9 truncate njxfhn/1: a
 *   sentence at old 2584 placed on its twin at 411); a repeated sentence deleted in one place
 *   (seed 4 repeat_edit thepaper/2); a lead sentence that the page repeats further down, dropped
 *   from the rewritten lead (seed 36 lead_rewrite qq/2, placed 514 units on).
 * - identical-copy-and-context, 40 (truncate 13, near_copy 12, repeat_edit 8, mixed 5, lead 2):
 *   the same, and the stored prefix and suffix stand around the twin too: only the old
 *   position and the neighbours tell (seed 17 truncate njxfhn/1: a percentage at old 2640
 *   placed at 467).
 * - look-alike, 52 (near_copy 37, mixed 15): its own words are gone and an approximate match
 *   on a near copy differing in 2–4 characters is placed (seed 4 near_copy thepaper/2: a
 *   75-unit sentence placed on its near copy with three other characters; seed 36 mixed3 qq/2).
 * - other-copy, 30 (noise 5, many_term 5, captions 4, variants 4, footnotes 3, mixed 5, …): the
 *   passage SURVIVES, close to its old place, but an edit touched its context (a caption line
 *   or footnote marker next to it, entities, one variant character inside, the term repeated
 *   right after it), while a twin far away (another page of the same story in a long article,
 *   a page holding its body twice, a repeated chart label) still has the old context exactly,
 *   and the twin wins: seed 25 variants long: the article's first 22 units, one of them now 題,
 *   placed on the untouched copy 37779 units on; seed 5 captions long: a 3-unit date placed
 *   79000 units away; seed 16 many_term njxfhn/1: a term 11 units from its old place placed
 *   on its twin 2173 units before; seed 3 footnotes nytimes-4: a chart label placed on the
 *   same label 136 units on. The most worrying class: nothing was deleted.
 * MISS 487 (recall 97.9%)
 * - unchanged-repeated, 234 (190 in the long articles): its words stand unchanged, shifted a
 *   little (median 190 units), but occur more than once with similar context, and the anchor
 *   leaves an orphan: safe but a miss (92 of them terms of ≤ 4 units; e.g. seed 10 captions
 *   long, a 3-unit term shifted by 5200 units, behind a twin).
 * - edited-inside, 193 (noise 52, mixed 89, footnotes 15, correction 11, variants 6, width 5):
 *   HTML entities (&nbsp; &ldquo; &rsquo;) and zero-width units inside the passage (seed 3
 *   noise nytimes-4, a 134-unit sentence with two &nbsp;), a footnote marker inside (seed 6
 *   footnotes ifeng/2, 〔33〕 in a 16-unit sentence), one corrected letter in a 116-unit
 *   sentence (seed 7 correction nytimes-1), full-width digits inside a clause (seed 5 width).
 * - unchanged-unique, 60 (mixed5 20, noise 13, footnotes 9, lead_rewrite 6, list_renumber 5):
 *   its words stand once and unchanged, but both sides of its context changed: a quotation
 *   between &ldquo; and &rdquo; (seed 2 noise 163/6), a heading given a （二） label while the
 *   next line got 三、 (seed 2 list_renumber), a start highlight now behind a new lead line (seed 4
 *   and 6 lead_rewrite), a heading with a footnote marker on its end (seed 14 footnotes).
 * Weakest kinds: noise 91.7%, mixed5 90.1%, mixed3 96.0%, footnotes 96.6%, captions 97.6%.
 *
 * FRESH, once, seeds 481–520, on main cfacd71 (after anchor13a; lead, 2026-12-06 06:12 UTC):
 * recall 99.4%, 2 wrong, 0 undecidable.
 *
 * FRESH, once, seeds 521–560, on main 6183e4d (after anchor14a–d; lead, 2026-12-06 09:20 UTC): 99.6%
 * placed, 0 wrong.
 * FRESH, once, seeds 561–600, on main 5b40eb8 (lead, 2026-12-06 12:30 UTC, once, clean-clone CI running beside it): 99.5% placed, 5 wrong (4 in seed 565: a long article
 *   holding a page twice, lost passages placed on the identical copy with identical context; 1 heading
 *   on another copy, seed 570).
 * LATER, development (anchor21d, 2026-12-07, main ddc6027 → s21-a21d; seeds 281–320, seen; rules in
 *   tests/unit/anchoring-round39.test.ts): 99.4% → 99.4%, 8 wrong → 6, misses 5 fewer. Every wrong
 *   read. Fixed (310 mixed5, 2): a passage over a break whose words stand near its old place parted by
 *   a caption written at the break, while the page pasted again far below (re-wrapped) reads it joined:
 *   the far copy is an orphan (splitnear.ts), and the passage inside it, no longer vouched for by it,
 *   too. Left, NOT DECIDABLE from the text: 295 mixed5 ×5, the second half of a long article cut (the
 *   passage's page with it) and that page pasted on top: the text reads the same as the page moved to
 *   the top, its words and 200+ units of context identical; 287 near_copy " on " (a 4-unit English
 *   word held 79 times, so neither copy counts nor a paragraph print are recorded): its paragraph
 *   deleted, its near copy (letters changed outside the stored context) holds all 56 context units.
 * LATER, development (anchor22c, 2026-12-07, load ~40; main 3d4e69c → s22-anchor22c; seeds 281–320,
 *   seen; tests/unit/anchoring-round43.test.ts): 99.4% / 6 wrong → 99.4% / 6, 2 misses fewer (seeds
 *   315, 318: ownSideReadsFarther narrowed). The 6 wrong are the two kinds above, read again, left:
 *   295 (the page moved to the top, no text can tell); 287 " on ": a rule making a placement doubtful
 *   when the quote with its own paragraph's words (ownCopies) stood twice and now fewer times made it
 *   an orphan, but cost outside8 1–20 0.4 points (long articles holding pages twice), so it was dropped.
 * FRESH, once, seeds 601–640, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   99.2% placed, 24 wrong, all seed 602 mixed5 (the code of 3d4e69c: the same 24): the article cut
 *   and printed again after a separator, the judge calling the later printing the original and the
 *   first one inserted; the words and their context are the same in both (as seed 295).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';
import { decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import {
  KINDS,
  identity,
  int,
  inverse,
  isCjk,
  judge,
  occurrences,
  paragraphs,
  pick,
  rngFor,
  sentences,
  validate,
  fold,
  type Doc,
  type Lang,
  type Rng,
  type Span,
  type Verdict,
} from './anchoring-outside2-judge';

const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
const CORPORA_DIR = existsSync(CORPORA) ? CORPORA : '/work/shared/corpora/';
const EN_PAGES = [
  'nytimes-1',
  'nytimes-2',
  'nytimes-3',
  'nytimes-4',
  'quanta-1',
  'theverge',
  'medium-3',
  'v8-blog',
  'wikipedia-3',
  'royal-road',
  'lazy-image-1',
  'mathjax',
];

interface Article {
  name: string;
  lang: Lang;
  text: string;
}

function extractText(html: string, url: string): string | null {
  try {
    const a = extractArticle(html, url);
    const text = a.paragraphs.join('\n');
    return text.length >= 800 ? text : null;
  } catch {
    return null;
  }
}

let cache: { zh: Article[]; en: Article[] } | null = null;

function loadArticles(): { zh: Article[]; en: Article[] } | null {
  if (cache) return cache;
  const zhDir = path.join(CORPORA_DIR, 'chinese-news-pages');
  const enDir = path.join(CORPORA_DIR, 'readability-test-pages');
  if (!existsSync(zhDir) || !existsSync(enDir)) return null;
  const zh: Article[] = [];
  for (const site of readdirSync(zhDir).sort()) {
    const sub = path.join(zhDir, site);
    let files: string[];
    try {
      files = readdirSync(sub).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      if (!f.endsWith('.html')) continue;
      const text = extractText(decodeHtml(readFileSync(path.join(sub, f))), `http://${site}.example.com/${f}`);
      if (text && text.length >= 1200 && paragraphs(text).length >= 4) zh.push({ name: `${site}/${f}`, lang: 'zh', text });
    }
  }
  const en: Article[] = [];
  for (const name of EN_PAGES) {
    const file = path.join(enDir, name, 'source.html');
    if (!existsSync(file)) continue;
    const text = extractText(decodeHtml(readFileSync(file)), `http://example.com/${name}`);
    if (text && text.length >= 2000) en.push({ name, lang: 'en', text });
  }
  cache = { zh, en };
  return cache;
}

/** The article of a seed: mostly Chinese pages, every fourth English, every fifth a long one. */
function articleFor(seed: number, all: { zh: Article[]; en: Article[] }): { article: Article; other: Article } {
  const rng = rngFor(seed, 'article');
  if (seed % 5 === 0) {
    const parts: string[] = [];
    const names: string[] = [];
    const target = int(rng, 60_000, 120_000);
    let len = 0;
    const pool = [...all.zh]; // without repeats: a page twice would be a whole duplicated article
    while (len < target && pool.length) {
      const a = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
      const room = target - len;
      const t =
        a.text.length > room + 2000
          ? a.text.slice(0, a.text.lastIndexOf('\n', room) > 0 ? a.text.lastIndexOf('\n', room) : a.text.length)
          : a.text;
      parts.push(t);
      names.push(a.name);
      len += t.length + 1;
    }
    const text = parts.join('\n');
    return { article: { name: `long(${names.length} pages, ${text.length})`, lang: 'zh', text }, other: pick(rng, all.zh) };
  }
  if (seed % 4 === 3 && all.en.length) {
    const article = all.en[Math.floor(rng() * all.en.length)]!;
    let other = pick(rng, all.en);
    if (other === article) other = all.en[(all.en.indexOf(article) + 1) % all.en.length]!;
    return { article, other };
  }
  const article = all.zh[Math.floor(rng() * all.zh.length)]!;
  let other = pick(rng, all.zh);
  if (other === article) other = all.zh[(all.zh.indexOf(article) + 1) % all.zh.length]!;
  return { article, other };
}

export interface Highlight extends Span {
  type: string;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** A Latin selection grows to whole words, as a double-click or a careful drag makes it. */
function snapWords(text: string, s: Span): Span {
  let { start, end } = s;
  while (start > 0 && /[A-Za-z0-9]/.test(text[start - 1]!) && /[A-Za-z0-9]/.test(text[start]!)) start--;
  while (end < text.length && /[A-Za-z0-9]/.test(text[end]!) && /[A-Za-z0-9]/.test(text[end - 1]!)) end++;
  return { start, end };
}

/** Highlights a reader makes on `text`. */
export function makeHighlights(text: string, rng: Rng, lang: Lang, forced: readonly Span[]): Highlight[] {
  const out: Highlight[] = forced.map((f) => ({ ...f, type: 'forced' }));
  const scale = text.length > 40_000 ? 3 : 1;
  const sents = sentences(text).filter((s) => s.end - s.start >= 6);
  const paras = paragraphs(text);
  const add = (type: string, s: Span | null) => {
    if (!s) return;
    const t = trimSpan(text, lang === 'en' ? snapWords(text, s) : s);
    if (t.end - t.start >= 1 && t.end <= text.length) out.push({ ...t, type });
  };
  for (let k = 0; k < 4 * scale && sents.length; k++) add('sentence', pick(rng, sents));
  // Clauses: between commas inside a sentence.
  for (let k = 0; k < 4 * scale && sents.length; k++) {
    const s = pick(rng, sents);
    const cuts = [s.start];
    for (let i = s.start; i < s.end; i++) if ('，,；;：:'.includes(text[i]!)) cuts.push(i + 1);
    cuts.push(s.end);
    const i = int(rng, 0, cuts.length - 2);
    let end = cuts[i + 1]!;
    if (end > cuts[i]! + 1 && '，,；;：:。.'.includes(text[end - 1]!)) end--;
    add('clause', { start: cuts[i]!, end });
  }
  // Terms of 2–4 units: CJK runs, or a word in Latin text.
  for (let k = 0; k < 4 * scale; k++) {
    for (let tries = 0; tries < 30; tries++) {
      const at = int(rng, 0, text.length - 5);
      if (lang === 'zh') {
        const len = int(rng, 2, 4);
        const t = text.slice(at, at + len);
        if ([...t].every((c) => isCjk(c))) {
          add('term', { start: at, end: at + len });
          break;
        }
      } else {
        const re = /\b[A-Za-z]{3,12}\b/g;
        re.lastIndex = at;
        const m = re.exec(text);
        if (m) {
          add('term', { start: m.index, end: m.index + m[0].length });
          break;
        }
      }
    }
  }
  // Numbers with units.
  const nums = [...text.matchAll(/\d[\d,.]*\s?(%|％|万|亿|元|个|年|月|日|人|家|公里|吨|倍|项|percent|million|billion|years?|people)/g)];
  for (let k = 0; k < 2 * scale && nums.length; k++) {
    const m = pick(rng, nums);
    add('number', { start: m.index, end: m.index + m[0].length });
  }
  // Quotations, with or without their marks.
  const quotes = [...text.matchAll(/“[^”\n]{2,80}”|"[^"\n]{2,120}"/g)];
  for (let k = 0; k < 2 * scale && quotes.length; k++) {
    const m = pick(rng, quotes);
    const inner = rng() < 0.5;
    add('quote', { start: m.index + (inner ? 1 : 0), end: m.index + m[0].length - (inner ? 1 : 0) });
  }
  // Across a paragraph break.
  for (let k = 0; k < scale && paras.length > 2; k++) {
    const i = int(rng, 0, paras.length - 2);
    const a = paras[i]!;
    const b = paras[i + 1]!;
    if (a.end - a.start < 8 || b.end - b.start < 8) continue;
    add('cross', { start: a.end - int(rng, 6, Math.min(40, a.end - a.start)), end: b.start + int(rng, 6, Math.min(40, b.end - b.start)) });
  }
  // A heading: a short paragraph without a full stop.
  const heads = paras.filter((p) => p.end - p.start >= 4 && p.end - p.start <= 30 && !/[。.!?！？]$/.test(text.slice(p.start, p.end)));
  for (let k = 0; k < scale && heads.length; k++) add('heading', pick(rng, heads));
  // One chosen occurrence of a repeated phrase (not the first).
  for (let k = 0; k < 2 * scale; k++) {
    for (let tries = 0; tries < 40; tries++) {
      const len = int(rng, 4, 10);
      const at = int(rng, 0, text.length - len);
      const phrase = text.slice(at, at + len);
      if (phrase.includes('\n') || phrase.trim() !== phrase) continue;
      const occ = occurrences(text, phrase);
      if (occ.length < 2) continue;
      const s = occ[int(rng, 1, occ.length - 1)]!;
      add('repeated', { start: s, end: s + len });
      break;
    }
  }
  // The very start and end.
  add('start', { start: 0, end: Math.min(text.length, int(rng, 4, 30)) });
  add('end', { start: Math.max(0, text.length - int(rng, 4, 30)), end: text.length });
  // Overlapping an earlier one.
  for (let k = 0; k < 2 * scale; k++) {
    const base = pick(
      rng,
      out.filter((h) => h.end - h.start >= 8),
    );
    if (!base) break;
    const len = base.end - base.start;
    const s = base.start + int(rng, 1, Math.floor(len / 2));
    add('overlap', { start: s, end: Math.min(text.length, s + int(rng, 4, len)) });
  }
  return out.filter((h) => h.end > h.start);
}

interface Tally {
  highlights: number;
  surviving: number;
  right: number;
  miss: number;
  wrong: number;
  lost: number;
  lostOnRemains: number;
  undecidable: number;
}

function tally(): Tally {
  return { highlights: 0, surviving: 0, right: 0, miss: 0, wrong: 0, lost: 0, lostOnRemains: 0, undecidable: 0 };
}

function count(t: Tally, v: Verdict, surviving: boolean): void {
  t.highlights++;
  if (surviving) t.surviving++;
  if (v === 'right') t.right++;
  else if (v === 'miss') t.miss++;
  else if (v === 'wrong') t.wrong++;
  else if (v === 'lost') t.lost++;
  else if (v === 'undecidable') t.undecidable++;
  else t.lostOnRemains++;
}

export interface Failure {
  seed: number;
  kind: string;
  article: string;
  type: string;
  verdict: Verdict;
  surviving: boolean;
  quote: string;
  old: Span;
  truth: Span | null;
  placed: Span | null;
  truthText: string;
  placedText: string;
  /** The failure class (see classify). */
  cls: string;
  /** Where the placed units came from in the original (a check of the judge's WRONG). */
  placedFrom: string;
}

/** The origin of a placed span's units: old offsets of original units, or inserted text. */
function origin(doc: Doc, placed: Span | null, old: Span): string {
  if (!placed) return '—';
  let inserted = 0;
  let own = 0;
  let lo = Infinity;
  let hi = -1;
  for (let i = placed.start; i < placed.end; i++) {
    const s = doc.src[i]!;
    if (s < 0) inserted++;
    else if (s >= old.start && s < old.end) own++;
    else {
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
  }
  const n = placed.end - placed.start;
  const other = n - inserted - own;
  return `${own}/${n} own units, ${inserted} inserted, ${other} of the original at old ${other ? `${lo}-${hi + 1} (${lo - old.start} from the passage)` : '—'}`;
}

/**
 * Failure classes, from the text alone (no knowledge of how the anchoring works):
 * - wrong/identical-copy: its own words are gone; placed on the same words elsewhere (another
 *   passage of the original: a repeat, a near copy, a second page of the same story), compared
 *   after folding forms (fold: 國 = 国, Ｇ = G).
 * - wrong/identical-copy-and-context: the same, and the stored prefix and suffix stand around
 *   the copy too: only the position (and the neighbours) could tell.
 * - wrong/look-alike: its own words are gone; placed on a passage differing from the quote.
 * - wrong/other-copy: it survives, but was placed on another copy of its words.
 * - wrong/elsewhere: it survives and was placed on something else.
 * - miss/unchanged-unique: its words stand unchanged and only once in the text.
 * - miss/unchanged-repeated: its words stand unchanged, more than once in the text.
 * - miss/edited-inside: its words survive with units inserted or changed inside.
 */
export function classify(
  text: string,
  sel: Pick<TextSelector, 'exact' | 'prefix' | 'suffix'>,
  surviving: boolean,
  truth: Span | null,
  placed: Span | null,
): string {
  const quote = sel.exact;
  if (placed) {
    const onQuote = fold(text.slice(placed.start, placed.end)) === fold(quote);
    // The stored context stands around the copy too: nothing but the position tells them apart.
    const sameContext =
      onQuote &&
      text.slice(Math.max(0, placed.start - sel.prefix.length), placed.start) === sel.prefix &&
      text.slice(placed.end, placed.end + sel.suffix.length) === sel.suffix;
    if (!surviving) return onQuote ? (sameContext ? 'wrong/identical-copy-and-context' : 'wrong/identical-copy') : 'wrong/look-alike';
    return onQuote ? 'wrong/other-copy' : 'wrong/elsewhere';
  }
  if (truth && text.slice(truth.start, truth.end) === quote) {
    return occurrences(text, quote).length > 1 ? 'miss/unchanged-repeated' : 'miss/unchanged-unique';
  }
  return 'miss/edited-inside';
}

function around(text: string, s: Span | null): string {
  if (!s) return '—';
  const show = (x: string) => x.replace(/\n/g, '⏎');
  return `${s.start}-${s.end} …${show(text.slice(Math.max(0, s.start - 20), s.start))}【${show(text.slice(s.start, s.end))}】${show(text.slice(s.end, s.end + 20))}…`;
}

export interface Run {
  total: Tally;
  byKind: Map<string, Tally>;
  byType: Map<string, Tally>;
  failures: Failure[];
  anchorMs: number;
}

export function runBench(seeds: readonly number[], only?: string): Run | null {
  const all = loadArticles();
  if (!all || !all.zh.length) return null;
  const total = tally();
  const byKind = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  const failures: Failure[] = [];
  let anchorMs = 0;
  for (const seed of seeds) {
    const { article, other } = articleFor(seed, all);
    for (const kind of KINDS) {
      if (only && kind.name !== only) continue;
      const rng = rngFor(seed, kind.name);
      const prep = kind.prepare?.(article.text, rng, article.lang) ?? null;
      const original = prep ? prep.text : article.text;
      const hs = makeHighlights(original, rng, article.lang, prep?.forced ?? []);
      const selectors: TextSelector[] = hs.map((h) => describe(original, h.start, h.end));
      const doc = kind.edit(identity(original), rng, {
        lang: article.lang,
        other: other.text,
        highlights: selectors.map((s) => ({ start: s.start, end: s.end })),
        ...(prep ? { prep: prep.info } : {}),
      });
      validate(doc, original.length);
      const pos = inverse(doc, original.length);
      // CPU time, not wall time: the machine is shared and loaded.
      const c0 = process.cpuUsage();
      const placed = anchorAll(doc.text, selectors);
      const c1 = process.cpuUsage(c0);
      anchorMs += (c1.user + c1.system) / 1000;
      const kt = byKind.get(kind.name) ?? tally();
      byKind.set(kind.name, kt);
      selectors.forEach((sel, i) => {
        const p = placed[i] ?? null;
        const j = judge(doc, pos, sel.start, sel.end, p);
        const type = hs[i]!.type;
        const tt = byType.get(type) ?? tally();
        byType.set(type, tt);
        for (const t of [total, kt, tt]) count(t, j.verdict, j.surviving);
        if (j.verdict === 'wrong' || j.verdict === 'miss' || j.verdict === 'undecidable') {
          failures.push({
            seed,
            kind: kind.name,
            article: article.name,
            type,
            verdict: j.verdict,
            surviving: j.surviving,
            quote: sel.exact,
            old: { start: sel.start, end: sel.end },
            truth: j.truth,
            placed: p ? { start: p.start, end: p.end } : null,
            truthText: around(doc.text, j.truth),
            placedText: around(doc.text, p),
            cls: j.verdict === 'undecidable' ? 'undecidable/same-surroundings' : classify(doc.text, sel, j.surviving, j.truth, p),
            placedFrom: origin(doc, p, { start: sel.start, end: sel.end }),
          });
        }
      });
    }
  }
  return { total, byKind, byType, failures, anchorMs };
}

function pct(a: number, b: number): number {
  return b ? Math.round((1000 * a) / b) / 10 : 100;
}

function parseSeeds(args: readonly string[]): number[] {
  const i = args.indexOf('--seeds');
  const spec = i >= 0 ? (args[i + 1] ?? '1-40') : '1-40';
  const [a, b] = spec.split('-').map(Number);
  const out: number[] = [];
  for (let s = a!; s <= (b ?? a!); s++) out.push(s);
  return out;
}

export function benchAnchorOutside2(args: readonly string[] = []): Record<string, number> {
  const seeds = parseSeeds(args);
  const k = args.indexOf('--kind');
  const run = runBench(seeds, k >= 0 ? args[k + 1] : undefined);
  if (!run) {
    process.stderr.write(`anchor2: skipped, no corpora at ${CORPORA_DIR}\n`);
    return {};
  }
  const out: Record<string, number> = {
    anchor_out2_recall_pct: pct(run.total.right, run.total.surviving),
    anchor_out2_wrong: run.total.wrong,
    anchor_out2_highlights: run.total.highlights,
    anchor_out2_surviving: run.total.surviving,
    anchor_out2_lost_placed_on_remains: run.total.lostOnRemains,
    // Placed on a copy that reads the same as the truth 200 units either side, no farther from the old place (judge).
    anchor_out2_undecidable: run.total.undecidable,
    anchor_out2_anchor_cpu_ms: Math.round(run.anchorMs),
  };
  const classes = new Map<string, number>();
  for (const f of run.failures) classes.set(f.cls, (classes.get(f.cls) ?? 0) + 1);
  for (const [cls, n] of [...classes].sort()) out[`anchor_out2_${cls.replace(/[/-]/g, '_')}`] = n;
  for (const [name, t] of run.byKind) {
    out[`anchor_out2_${name}_recall_pct`] = pct(t.right, t.surviving);
    out[`anchor_out2_${name}_wrong`] = t.wrong;
    out[`anchor_out2_${name}_surviving`] = t.surviving;
  }
  for (const [name, t] of run.byType) {
    out[`anchor_out2_type_${name}_recall_pct`] = pct(t.right, t.surviving);
    out[`anchor_out2_type_${name}_wrong`] = t.wrong;
  }
  if (args.includes('--list')) {
    for (const f of run.failures) {
      process.stdout.write(
        `\n[${f.verdict.toUpperCase()}] seed ${f.seed} ${f.kind} ${f.type} (${f.article}) ${f.surviving ? 'surviving' : 'lost'} ${f.cls}\n` +
          `  quote  ${JSON.stringify(f.quote.length > 120 ? f.quote.slice(0, 120) + '…' : f.quote)} (old ${f.old.start}-${f.old.end})\n` +
          `  truth  ${f.truthText}\n  placed ${f.placedText}\n` +
          (f.placed ? `  from   ${f.placedFrom}\n` : ''),
      );
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = benchAnchorOutside2(process.argv.slice(2));
  for (const [key, value] of Object.entries(out)) process.stdout.write(`${key}: ${value}\n`);
}
