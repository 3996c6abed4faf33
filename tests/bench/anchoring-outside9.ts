/**
 * Anchoring bench of a NINTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies;
 * its revision kinds are ones the eight earlier outside benches' headers do not list.
 *
 *   npx tsx tests/bench/anchoring-outside9.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor9 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n'), read in place and never copied;
 * every fifth seed a long article of 60k–120k units made by joining pages, each page once (so at
 * most the whole pool: the extractor keeps 45 usable pages, ~94k units). Without the corpora the bench prints why and reports nothing. Words the
 * revisions write (fillers, update lines, link addresses, post markers) are made up here.
 *
 * Highlights, made on the text as it was (after the kind's prepare step), as readers make them:
 * sentence, clause, term (2–4 units after a particle or mark), number (with its unit), quote
 * (inside “”, with or without the marks), cross (a span over a paragraph break), repeated (one
 * chosen occurrence of a 4–8-unit phrase the text holds more than once), first and last (the
 * article's first and last words), and target (words the kind is about to edit, or the clause
 * around them). 40 per text, 200 on a long article. Described with describe() and re-found with
 * one anchorAll() per revision, as renderer/core/highlights/anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the seed's text, then `mixed`: three in a row,
 * transcript left out of mixes since it has its own prepared text):
 * - evade: a 规避敏感词 repost: 3–6 frequent 2-unit words of the text written apart at 70% of
 *   their uses, one house style per text (政/府, 政*府, 政·府, 政 府, 政-府) or their second unit
 *   masked (政□, 政X).
 * - transcript: a 视频文字稿 cleaned up. Prepare: the text made a speech-to-text transcript
 *   (fillers 嗯，/那个，/就是说，/然后呢，/对， before a quarter of the clauses, a clause's first two
 *   units stuttered at 5%, and in a third of the paragraphs every ，。 heard as a space).
 *   Revision: fillers and stutters deleted, spaces written back as ，(。 at a paragraph's end).
 * - hedge: an editor's figures pass: 约/近/超/逾 put before figures or taken away, large figures
 *   rounded (12345人 → 约12000人, 3.47亿 → 约3.5亿; years never), 余/多 added after counts of 10+, unit words to
 *   symbols (公里 → km, 平方米 → ㎡, 公斤/千克 → kg, 摄氏度 → ℃), at 60% of the figures.
 * - enum_reorder: 、-lists (3+ items) put in another order (排名不分先后 / protocol order
 *   changed), 和/及/与 before the last item turned into 、 half the time.
 * - md_links: a Markdown/wiki export: 3–8 recurring terms (whole words as far as counts tell) turned
 *   into links [term](address) at their first use, or their first in each paragraph; short lines made ## headings, quoting paragraphs led by > , half the
 *   time blank lines between paragraphs.
 * - liveblog: 滚动更新: 【滚动更新】 and a newest 【HH:MM】 entry on top, 2–4 entries between
 *   paragraphs, a fifth of the paragraphs stamped (（更新于HH:MM） at the end or 【HH:MM】 in front),
 *   the lead opened with 记者最新获悉，.
 * - thread: a 长微博 thread: the text cut every 110–140 units wherever that falls (mid-word
 *   included), each post on its own line with a marker ((k/N) after, k/N before or 【k】 before),
 *   paragraph breaks inside a post dropped, … at both sides of a mid-sentence cut in half the texts.
 * Definitions of SURVIVING, RIGHT, PARTIAL, UNDECIDABLE, WRONG, ON_REMAINS, MISS, LOST and PARTED:
 * anchoring-outside9-judge.ts.
 *
 * Output: anchor_out9_recall_pct, anchor_out9_wrong, _highlights, _surviving, _miss, _partial,
 * _undecidable, _lost, _parted, _on_remains; per kind (recall, wrong, surviving, edit_pct: old units
 * not kept as they were plus written ones, over the old length) and per highlight type; the CPU
 * time of one anchorAll on a long article (median, max) and of the whole run. `--list` prints every
 * miss, partial and wrong with context (⏎ is a paragraph break): old place, true new place and the
 * placed one. Written on seeds 901–910 only (the default range).
 *
 * FIRST MEASUREMENT, once, on main ad0f393 (merged at a29d8ca; shared/anchoring unchanged by the
 * merge), seeds 1–40, 16:47 UTC 2026-12-06, load average ~29; run before any failure of these seeds
 * was looked at (the bench was written on seeds 901–910 only):
 *   anchor_out9_recall_pct 94.3   anchor_out9_wrong 0   highlights 23040   surviving 22981
 *   miss 1304   partial 0   undecidable 1   lost 58   parted 24   on their remains 0
 *   evade         recall 97.9%  wrong 0  (surviving 2880, edit 0.4%)
 *   transcript    recall 88.2%  wrong 0  (surviving 2845, edit 6.0%)
 *   hedge         recall 97.3%  wrong 0  (surviving 2880, edit 0.4%)
 *   enum_reorder  recall 91.5%  wrong 0  (surviving 2880, edit 0.6%)
 *   md_links      recall 94.3%  wrong 0  (surviving 2864, edit 5.6%)
 *   liveblog      recall   98%  wrong 0  (surviving 2880, edit 3.2%)
 *   thread        recall   96%  wrong 0  (surviving 2880, edit 8.9%)
 *   mixed         recall 91.3%  wrong 0  (surviving 2872, edit 10.5%)
 *   by highlight type (recall, all 0 wrong): first 93.4%, last 95.9%, target 84.8%, sentence 96.6%,
 *     clause 97.6%, term 98.1%, number 96.2%, quote 97.8%, cross 95%, repeated 96%
 *   CPU: one anchorAll on a long article (200 highlights) median 132 ms, max 1319 ms (load ~29);
 *   the whole run 36.8 s CPU in the bench (38.7 s user for the process, pages extracted included).
 * The target (≥ 99% of surviving passages placed, 0 wrong) is met for wrong (0) but not recall.
 * MISSES 1304, read from --list (reproduce with --seeds N --kind K --list); 311 of them have their
 * words exactly as they were (only what is around changed), 57 whole with words written inside:
 * - a deletion at the edge of or inside the passage (transcript 335): 嗯，/那个，/然后呢， dropped from
 *   the start of a clause or sentence, a stutter 还有还有 → 还有; even a 120-unit sentence whose
 *   first 4 units (然后呢，) went is an orphan; spoken paragraphs whose spaces became ，.
 * - items of a 、-list reordered (enum_reorder 244; 155 with the words intact): an item kept word
 *   for word but with other items on both sides (新疆…、[黑龙江西北部]、内蒙古…) is an orphan; a
 *   whole list highlighted, its items now in another order, too.
 * - words written inside a long passage (md_links 163): a link's 40-unit address inside a
 *   60–100-unit sentence leaves it an orphan though every one of its units stands in order.
 * - a cut with its marker inside (thread 116): ⏎531/539  or ⏎【7】 inside a clause.
 * - a figure restyled (hedge 79): 573家 → 超570家, 超过3000名 → 3000名.
 * - a 2-unit term masked or split (evade 61: 苹□, 影-响), expected by nature.
 * - an update entry inserted at the break of a span over two paragraphs (liveblog 57, cross 35).
 * - first words with written text before them (first 21: a link around a word, a filler dropped).
 * LATER, development (anchor17e, seeds 1–40, main cbc5ce3 → latin-inside.ts, load ~36): a passage
 *   whose units all stand in order with only non-Han runs written between them (a link's address,
 *   a post marker; 6+ Han units, stored context both sides, one such place) is placed over the
 *   stretch. 1–40: recall 94.3% → 95.0%, wrong 0 → 0 (md_links 94.3 → 95.5, transcript 88.2 → 88.3,
 *   evade/hedge/enum_reorder unchanged); md_links 1–10 53 → 42 misses. 41–80 not finished in the
 *   session. Guards, before → after: generated 80001–80030 99.53% → 99.53%, 0 → 0; prose 800–830
 *   99.15% → 99.15%, 0 → 0; outside8 1–40 91.3% → 91.3%, 7 → 7; outside3/5/6/7, independent 481–520 and the 113k timing not finished
 *   under the load. Left: links of under 6 Han units, a link in the stored context, first words.
 * LATER, development (anchor18a, main 1d3ab8e → spoken.ts, reordered.ts, lookalikes.ts/ownpara.ts
 *   look-alike rules; load ~30): the 81–120 wrong (seed 110 transcript: two prints of a story, the
 *   other print's filler space written as ，, now reading as the quote) is an orphan. Measured at
 *   965af6c's parent (before the last fix: edge marks kept, an item held twice in the old text not
 *   placed by the list rule): 1–40 recall 95.2% → 96.9%, wrong 0 → 0 (transcript 88.5 → 95.5,
 *   enum_reorder 91.3 → 98.4); 81–120 94.9% → 96.6%, wrong 1 → 3 (the 3: list items on a second
 *   print of the list, seeds 95 and 105; the last fix, no list-rule placement for an item the old
 *   text held again, removes that class; not re-measured on all of 81–120 in the session).
 * WEAK (seen after the measurement, left as measured): hedge adds 多 after any count of 10+
 * (28多岁 reads wrong; 20多岁 is the real form); a liveblog entry may repeat its own made-up clause.
 * FRESH, once, seeds 81–120, on main 64b98c4 (after anchor17e; lead, 2026-12-06 18:11 UTC, load ~2):
 *   94.9% placed, 1 wrong (transcript); transcript 89, enum_reorder 90.2, md_links 95, hedge 97.2,
 *   evade 98.6, liveblog 98.6, thread 99, mixed 91.1; anchorAll on a long article median 73 ms, max
 *   261 ms CPU.
 * FRESH, once, seeds 121–160, on main e964917+042b0d8 (after anchor18a–e; lead, 2026-12-06 21:20 UTC, load ~2): 96.8% placed, 0 wrong;
 *   transcript 94.9, enum_reorder 97.2, md_links 95.1, hedge 97.4, evade 99, liveblog 98.4, thread
 *   98.9, mixed 93.4; anchorAll on a long article median 85 ms, max 207 ms CPU.
 * LATER, development (anchor19c, main e989642 → branch s19-anchor19c, load 25–38): md_links 121–160
 *   95.1% → 98.3%, 0 → 0 wrong (140 misses before). Rule (linked.ts): the quote with the nearest 12
 *   units of stored context on each side read across non-Han runs written among them (a link around
 *   the highlighted word itself, [东部](…), or around a word of the context; > or ## before the
 *   paragraph; blank lines), exactly one such place, 14+ Han units in the stretch, no run written
 *   onto a number or Latin word (1000 → 10000 is another figure).
 * FRESH, once, seeds 161–200, on main 8026ebe (after anchor19a–e; lead, 2026-12-07 00:35 UTC, CI beside it): 97.1% placed, 0 wrong;
 *   mixed 92.9, transcript 96.6, enum_reorder 96.7, hedge 96.8, md_links 97.6, the rest ≥98.3;
 *   anchorAll on a long article median 68 ms, max 241 ms CPU.
 * FRESH, once, seeds 201–240, on main 3460984 (after anchor20a–d; lead, 2026-12-07 03:30 UTC, CI beside it): 97.3% placed, 1 WRONG
 *   (liveblog); mixed 94.6, transcript 96.1, enum_reorder 96.4, hedge 96.9, md_links 97.7, the rest ≥98.6;
 *   anchorAll on a long article median 74 ms, max 227 ms CPU.
 * LATER, development (anchor21b, 2026-12-07, load ~30; main ddc6027 → s21-a21b), 201–240 (seen):
 *   97.3% / 1 wrong → 97.2% / 0. Seed 238 liveblog: a caption printed twice, once without its first
 *   words; the look-alike won on kept paragraph edges over the quote standing whole between two
 *   update stamps; now the whole quote wins (query.ts wholeOverCredited, placed right). 33 new
 *   misses (thread 98.9 → 98.3, md_links 97.7 → 97.4, mixed 94.6 → 94.4) not yet read: which rule
 *   orphans them is open (likely ownSideReadsFarther on thread posts cut mid-sentence).
 * FRESH, once, seeds 241–280, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   97.4% placed, 0 wrong; transcript 96.1, enum_reorder 96.6, hedge 97.3, mixed 95.4, md_links 97.9, thread 98.1, liveblog 98.5.
 * FRESH, once, seeds 281–320, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   97.3% placed, 1 wrong.
 * LATER, development (anchor23b, 2026-12-07, load 20–25; main 4c8c203 → s23-anchor23b; rule in
 *   tests/unit/anchoring-round47.test.ts), 281–320 (now seen), same texts, --list compared: 97.3% / 1
 *   wrong → 97.3% / 0 (the wrong now a miss, no other line changed). Seed 318 enum_reorder: a 2-unit
 *   term (重庆 of 重庆地理学学会) whose stored suffix holds it again (、重庆市国土…); the list reordered,
 *   the next item closed up onto the term's prefix. A short quote whose prefix stands while the words
 *   after read as the stored suffix past its own copy of the quote (one unit changed at most: 和 → 、)
 *   is an orphan (sidecopy.ts); only this way round (the second copy keeps its own words after it).
 * FRESH (lead, 2026-12-07 ~16:00 UTC, main 20c8a4c, seeds 361–400, once): 97.5%, 0 wrong; mixed
 * 94.8, enum_reorder 96.7, transcript 96.8. Seen now: 1–400.
 * FRESH (lead, 2026-12-07 ~19:20 UTC, main 70c26cf, seeds 401–440, once): 97.2%, 1 WRONG (transcript);
 * mixed 95.3, transcript 96.2. Seen now: 1–440.
 * LATER (anchor26c, 2026-12-07, load ~20; main cd51e09 → s26-anchor26c; tests/unit/anchoring-round59.test.ts),
 *   401–440, same texts: 97.2% / 1 wrong → 97.2% / 0 (seed 425: 嗯，实际上 before ，嗯，, the fillers
 *   cleaned; clauses.ts read its neighbour clause 嗯 on the passage's own 嗯 in another line opening
 *   嗯，实际上: a neighbour now stands apart from the passage's clauses); no other line of --list changed.
 * LATER, development (anchor26d, 2026-12-07, main cd51e09 → s26-anchor26d; measured before the last
 *   narrowing, a dropped unit among the written words refused, which only takes placements away): 361–440 (seen), --list
 *   compared: 97.4% / 3 wrong → 97.4% / 3 (the same three transcript wrongs, left to anchor26c; misses
 *   1206 → 1190, none added; hedge 97.2 → 97.5): trimmedinplace.ts rewrittenEdge (a figure's or a
 *   word's edge rewritten in place). transcript misses (fillers cut at a short passage's edge, spaces
 *   turned into ，) not reached by it and not read further here (fillers in the stored sides break the
 *   8-unit runs).
 * FRESH (lead, 2026-12-07 ~22:30 UTC, main 012c7e7, seeds 441–480, once): 97.2%, 0 wrong (mixed
 * 94.1, transcript 96.5). Seen now: 1–480.
 * FRESH (lead, 2026-12-08 ~01:30 UTC, final main of session 27, seeds 481–520, once): recall
 * 97.5%, 0 wrong. Seen now: 1–520.
 */

import { anchorAll, describe } from '../../shared/anchoring';

import { corpusTexts, PROSE_DIR } from './anchoring-prose';
import { mulberry32 } from './seeded';
import { Builder, judge, remainsFinder, track, type Tracked, type Verdict } from './anchoring-outside9-judge';

type Rng = () => number;
const int = (rng: Rng, a: number, b: number): number => a + Math.floor(rng() * (b - a + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined): boolean => !!c && HAN.test(c);
const PUNCT = /[，。、；：！？“”‘’《》（）【】…—\n\s,.;:!?()]/;
/** Units too common to make a 2-unit word worth masking or linking. */
const FUNCTION_UNITS = new Set([...'的了是在和有与为也就都而及着这那我你他她它们个一不上下中对将于以之从到被把等或其并所说']);

// ---------------------------------------------------------------- texts

let pagesCache: string[] | null | undefined;
/** Extracted page texts (site and file name order), or null without the corpora. */
export function loadPages(): string[] | null {
  if (pagesCache !== undefined) return pagesCache;
  const texts = corpusTexts();
  if (!texts) return (pagesCache = null);
  const pages: string[] = [];
  for (const { text: raw } of texts) {
    const text = raw.trim();
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (text.length >= 500 && han >= text.length / 2) pages.push(text);
  }
  return (pagesCache = pages);
}

function textFor(seed: number, pages: string[]): { text: string; long: boolean } {
  const rng = mulberry32(seed * 7919 + 17);
  if (seed % 5 !== 0) return { text: pages[(seed * 31 + int(rng, 0, 6)) % pages.length]!, long: false };
  const goal = int(rng, 60000, 120000);
  const order = pages.map((_, i) => i).sort(() => rng() - 0.5);
  const parts: string[] = [];
  let n = 0;
  // Each page once: a page joined twice would make whole-page twins the text cannot tell apart.
  for (let i = 0; n < goal && i < order.length; i++) {
    const p = pages[order[i]!]!;
    parts.push(p);
    n += p.length + 1;
  }
  return { text: parts.join('\n'), long: true };
}

// ---------------------------------------------------------------- text helpers

interface Span {
  s: number;
  e: number;
}

function spansOf(text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ s: m.index!, e: m.index! + m[0].length });
  return out;
}
const sentencesOf = (t: string): Span[] => spansOf(t, /[^。！？\n]+[。！？]?/g);
const clausesOf = (t: string): Span[] => spansOf(t, /[^，。！？；：\n]+/g);
const paragraphsOf = (t: string): Span[] => spansOf(t, /[^\n]+/g);
const NUMBER =
  /(约|近|超过|超|逾)?(\d+(?:\.\d+)?)(余|多)?(万|亿)?(公里|千米|平方公里|平方米|千克|公斤|摄氏度|人次|人|元|个|家|项|次|吨|台|件|名|位|辆|户|所|座|套|岁|年|%)/g;

/** Frequent grams of 2–6 units that are whole words as far as counts tell: no longer gram one unit
 * wider has the same count (享充电宝 inside 共享充电宝 is not a term). */
function wordGrams(text: string, min: number): string[] {
  const count = new Map<string, number>();
  for (let n = 2; n <= 7; n++) for (const g of frequentGrams(text, n, min)) count.set(g, occurrences(text, g).length);
  const out: string[] = [];
  for (const [g, c] of count) {
    if (g.length > 6) continue;
    let whole = true;
    for (const i of occurrences(text, g).slice(0, 3)) {
      const wider = [text.slice(i - 1, i + g.length), text.slice(i, i + g.length + 1)];
      if (wider.some((w) => w.length === g.length + 1 && count.get(w) === c)) whole = false;
    }
    if (whole) out.push(g);
  }
  return out.sort((a, b) => count.get(b)! - count.get(a)! || b.length - a.length || (a < b ? -1 : 1));
}

/** Frequent Han n-grams of `n` units (no function units), most frequent first. */
function frequentGrams(text: string, n: number, min: number): string[] {
  const counts = new Map<string, number>();
  outer: for (let i = 0; i + n <= text.length; i++) {
    for (let k = 0; k < n; k++) {
      const c = text[i + k]!;
      if (!isHan(c) || FUNCTION_UNITS.has(c)) continue outer;
    }
    const g = text.slice(i, i + n);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, c]) => c >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([g]) => g);
}

function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) out.push(i);
  return out;
}

/** Edits of `src` at non-overlapping spans, in order: each span's replacement written by `write`. */
function rewrite(src: Tracked, spans: Span[], write: (b: Builder, sp: Span) => void): Tracked {
  const b = new Builder(src);
  let at = 0;
  for (const sp of [...spans].sort((x, y) => x.s - y.s)) {
    if (sp.s < at) continue;
    b.keep(at, sp.s);
    write(b, sp);
    at = sp.e;
  }
  b.keep(at, src.text.length);
  return b.done();
}

// ---------------------------------------------------------------- revision kinds

interface Kind {
  name: string;
  /** The old text this kind's highlights are made on (default: the page text). */
  prepare?: (text: string, rng: Rng) => string;
  /** Places the kind is about to edit (for target highlights). */
  targets: (text: string) => Span[];
  revise: (src: Tracked, rng: Rng) => Tracked;
}

function evadeWords(text: string, rng: Rng): string[] {
  const top = frequentGrams(text, 2, 3).slice(0, 30);
  const words: string[] = [];
  const want = int(rng, 3, 6);
  while (words.length < Math.min(want, top.length)) {
    const w = pick(rng, top);
    if (!words.includes(w)) words.push(w);
  }
  return words;
}

const evade: Kind = {
  name: 'evade',
  targets: (text) =>
    frequentGrams(text, 2, 3)
      .slice(0, 30)
      .flatMap((w) => occurrences(text, w).map((s) => ({ s, e: s + 2 }))),
  revise(src, rng) {
    const style = pick(rng, ['/', '*', '·', ' ', '-', '□', 'X']);
    const spans = evadeWords(src.text, rng)
      .flatMap((w) => occurrences(src.text, w).map((s) => ({ s, e: s + 2 })))
      .filter(() => rng() < 0.7);
    return rewrite(src, spans, (b, { s }) => {
      if (style === '□' || style === 'X') b.keep(s, s + 1).restyle(s + 1, s + 2, style);
      else
        b.keep(s, s + 1)
          .put(style)
          .keep(s + 1, s + 2);
    });
  },
};

const FILLERS = ['嗯，', '那个，', '就是说，', '然后呢，', '对，'];
const transcript: Kind = {
  name: 'transcript',
  prepare(text, rng) {
    return paragraphsOf(text)
      .map(({ s, e }) => {
        const para = text.slice(s, e);
        const spoken = rng() < 1 / 3;
        let out = '';
        for (const m of para.matchAll(/[^，。！？；：]+[，。！？；：]*/g)) {
          let clause = m[0];
          if (rng() < 0.25) clause = pick(rng, FILLERS) + clause;
          else if (rng() < 0.05 && isHan(clause[0]) && isHan(clause[1])) clause = clause.slice(0, 2) + clause;
          out += clause;
        }
        return spoken ? out.replace(/[，。](?!$)/g, ' ').replace(/。$/, ' ') : out;
      })
      .join('\n');
  },
  targets: (text) =>
    spansOf(text, /(嗯，|那个，|就是说，|然后呢，|对，)[^，。\n ]{1,12}|(\p{Script=Han}{2})\2|\p{Script=Han} \p{Script=Han}/gu),
  revise(src) {
    const t = src.text;
    const spans: (Span & { w: string })[] = [];
    for (const m of t.matchAll(/嗯，|那个，|就是说，|然后呢，|对，/g)) spans.push({ s: m.index!, e: m.index! + m[0].length, w: '' });
    for (const m of t.matchAll(/(\p{Script=Han}{2})\1/gu)) spans.push({ s: m.index!, e: m.index! + 2, w: '' });
    for (const m of t.matchAll(/ +(\n|$)|(?<=\p{Script=Han}) (?=\p{Script=Han})/gu))
      spans.push({ s: m.index!, e: m.index! + m[0].length - (m[1]?.length ?? 0), w: m[1] !== undefined ? '。' : '，' });
    return rewrite(src, spans, (b, sp) => {
      const w = (sp as Span & { w: string }).w;
      if (w) b.restyle(sp.s, sp.e, w);
    });
  },
};

const UNIT_SYMBOL: Record<string, string> = { 公里: 'km', 千米: 'km', 平方公里: 'km²', 平方米: '㎡', 千克: 'kg', 公斤: 'kg', 摄氏度: '℃' };

function rounded(num: string): string | null {
  if (num.includes('.')) {
    const [i, f] = num.split('.') as [string, string];
    if (f.length < 2) return null;
    return `${i}.${Math.round(Number(`0.${f}`) * 10 ** (f.length - 1))
      .toString()
      .padStart(f.length - 1, '0')
      .slice(0, f.length - 1)}`;
  }
  if (num.length < 3) return null;
  const r = String(Math.round(Number(num) / 10 ** (num.length - 2)) * 10 ** (num.length - 2));
  return r === num ? null : r;
}

const hedge: Kind = {
  name: 'hedge',
  targets: (text) => spansOf(text, NUMBER),
  revise(src, rng) {
    const t = src.text;
    const spans: (Span & { m: RegExpMatchArray })[] = [];
    for (const m of t.matchAll(NUMBER)) if (rng() < 0.6) spans.push({ s: m.index!, e: m.index! + m[0].length, m });
    return rewrite(src, spans, (b, sp) => {
      const m = (sp as Span & { m: RegExpMatchArray }).m;
      const [, pre = '', num = '', more = '', big = '', unit = ''] = m;
      let at = sp.s;
      const opts: string[] = [];
      if (pre) opts.push('drop');
      else opts.push('hedge');
      // Years are hedged (近3年) but never rounded; 多/余 follow counts of ten and more.
      if (rounded(num) && unit !== '年') opts.push('round');
      if (!more && !num.includes('.') && Number(num) >= 10 && unit !== '%' && unit !== '年') opts.push('more');
      if (UNIT_SYMBOL[unit]) opts.push('symbol', 'symbol');
      const op = pick(rng, opts);
      if (op === 'drop') at += pre.length;
      else if (pre) {
        b.keep(sp.s, sp.s + pre.length);
        at += pre.length;
      } else if (op === 'hedge' || op === 'round') b.put(pick(rng, ['约', '近', '超', '逾']));
      const numEnd = at + num.length;
      if (op === 'round') b.restyle(at, numEnd, rounded(num)!);
      else b.keep(at, numEnd);
      b.keep(numEnd, numEnd + more.length);
      if (op === 'more') b.put(pick(rng, ['余', '多']));
      const unitAt = numEnd + more.length + big.length;
      b.keep(numEnd + more.length, unitAt);
      if (op === 'symbol') b.restyle(unitAt, sp.e, UNIT_SYMBOL[unit]!);
      else b.keep(unitAt, sp.e);
    });
  },
};

const LIST_OPENER = /[，。、；：！？“”《》（）\n是有在了括如对及和与为将把被从向由含]/;
const LIST_END = /[，。；：！？“”《》（）\n等的和及与以]/;

interface Enumeration extends Span {
  items: Span[];
  /** The joining word before the last item (和/及/与/以及), if any. */
  joiner: Span | null;
}

function enumerationsOf(text: string): Enumeration[] {
  const out: Enumeration[] = [];
  const marks = occurrences(text, '、');
  const gap = (a: number, b: number): boolean => b - a - 1 >= 1 && b - a - 1 <= 10 && !PUNCT.test(text.slice(a + 1, b));
  for (let i = 0; i < marks.length;) {
    let j = i;
    while (j + 1 < marks.length && gap(marks[j]!, marks[j + 1]!)) j++;
    if (j > i) {
      const middle: Span[] = [];
      for (let k = i; k < j; k++) middle.push({ s: marks[k]! + 1, e: marks[k + 1]! });
      const len = middle.map((m) => m.e - m.s).sort((a, b) => a - b)[middle.length >> 1]!;
      // Item edges are guessed from the middle items' length: the first item must start after a
      // mark or a word that opens a list, the last end at a mark, 等 or 的 — else the list is left alone.
      const firstLen = [len, len + 1, len - 1].find((l) => l >= 1 && LIST_OPENER.test(text[marks[i]! - l - 1] ?? '，'));
      let lastEnd = marks[j]! + 1;
      while (lastEnd < text.length && lastEnd - marks[j]! - 1 <= 10 && !LIST_END.test(text[lastEnd]!)) lastEnd++;
      if (firstLen === undefined || Math.abs(lastEnd - marks[j]! - 1 - len) > 1 || !LIST_END.test(text[lastEnd] ?? '。')) {
        i = j + 1;
        continue;
      }
      const first = { s: marks[i]! - firstLen, e: marks[i]! };
      const items = [first, ...middle, { s: marks[j]! + 1, e: lastEnd }];
      let joiner: Span | null = null;
      const jm = /^(以及|和|及|与)/.exec(text.slice(lastEnd, lastEnd + 2));
      if (!jm && !PUNCT.test(text[lastEnd] ?? '。') && text[lastEnd] !== '等') {
        i = j + 1;
        continue;
      }
      if (jm) {
        let end = lastEnd + jm[0].length;
        const from = end;
        while (end < text.length && end - from <= 10 && !LIST_END.test(text[end]!)) end++;
        if (end > from && Math.abs(end - from - len) <= 1 && LIST_END.test(text[end] ?? '。')) {
          joiner = { s: lastEnd, e: from };
          items.push({ s: from, e: end });
        }
      }
      if (first.s >= 0 && !PUNCT.test(text.slice(first.s, first.e)) && items.every((it) => it.e > it.s))
        out.push({ s: first.s, e: items[items.length - 1]!.e, items, joiner });
    }
    i = j + 1;
  }
  return out;
}

const enumReorder: Kind = {
  name: 'enum_reorder',
  targets: (text) => enumerationsOf(text).flatMap((en) => [en, ...en.items]),
  revise(src, rng) {
    const t = src.text;
    return rewrite(src, enumerationsOf(t), (b, sp) => {
      const en = sp as Enumeration;
      const order = en.items.map((_, i) => i);
      for (let tries = 0; tries < 5 && order.every((v, i) => v === i); tries++) order.sort(() => rng() - 0.5);
      const seps: Span[] = [];
      for (let k = 0; k + 1 < en.items.length; k++) seps.push({ s: en.items[k]!.e, e: en.items[k + 1]!.s });
      const joinToMark = en.joiner && rng() < 0.5;
      order.forEach((idx, k) => {
        const it = en.items[idx]!;
        b.keep(it.s, it.e);
        const sep = seps[k];
        if (!sep) return;
        if (en.joiner && sep.s === en.joiner.s && joinToMark) b.restyle(sep.s, sep.e, '、');
        else b.keep(sep.s, sep.e);
      });
    });
  },
};

const mdLinks: Kind = {
  name: 'md_links',
  targets: (text) =>
    wordGrams(text, 2)
      .slice(0, 20)
      .flatMap((w) => occurrences(text, w).map((s) => ({ s, e: s + w.length }))),
  revise(src, rng) {
    const t = src.text;
    const grams = wordGrams(t, 2).slice(0, 20);
    const terms: string[] = [];
    const want = int(rng, 3, 8);
    for (let tries = 0; tries < 50 && terms.length < Math.min(want, grams.length); tries++) {
      const w = pick(rng, grams);
      if (!terms.some((x) => x.includes(w) || w.includes(x))) terms.push(w);
    }
    // A wiki export links a term at its first use, or at its first use in each paragraph.
    const perParagraph = rng() < 0.3;
    const links: (Span & { id: number })[] = [];
    terms.forEach((w, id) => {
      const seen = new Set<number>();
      for (const s of occurrences(t, w)) {
        const para = perParagraph ? t.lastIndexOf('\n', s) : 0;
        if (seen.has(para)) continue;
        seen.add(para);
        links.push({ s, e: s + w.length, id });
      }
    });
    const linked = rewrite(src, links, (b, sp) => {
      b.put('[')
        .keep(sp.s, sp.e)
        .put(`](https://example.invalid/wiki/${1000 + (sp as Span & { id: number }).id})`);
    });
    // Lines: ## headings, > quotes, blank lines between paragraphs.
    const blank = rng() < 0.5;
    const lt = linked.text;
    const b = new Builder(linked);
    for (const p of paragraphsOf(lt)) {
      const line = lt.slice(p.s, p.e);
      if (p.s > 0) {
        b.keep(p.s - 1, p.s);
        if (blank) b.put('\n');
      }
      if (line.length <= 30 && !/[。！？]/.test(line)) b.put('## ');
      else if (line.includes('“') && rng() < 0.5) b.put('> ');
      b.keep(p.s, p.e);
    }
    const last = paragraphsOf(lt).at(-1);
    b.keep(last ? last.e : 0, lt.length);
    return b.done();
  },
};

const NEWS = [
  '相关部门已启动应急预案',
  '现场秩序总体平稳',
  '更多细节仍在核实中',
  '工作组已抵达现场',
  '后续进展本报将持续关注',
  '有关方面表示将尽快公布调查结果',
  '周边道路已恢复通行',
];
const clock = (rng: Rng): string => `${String(int(rng, 6, 23)).padStart(2, '0')}:${String(int(rng, 0, 59)).padStart(2, '0')}`;
const liveblog: Kind = {
  name: 'liveblog',
  targets: (text) =>
    paragraphsOf(text).flatMap((p) => [
      { s: p.s, e: Math.min(p.e, p.s + 10) },
      { s: Math.max(p.s, p.e - 10), e: p.e },
    ]),
  revise(src, rng) {
    const t = src.text;
    const paras = paragraphsOf(t);
    const b = new Builder(src);
    b.put(`【滚动更新】\n【${clock(rng)}】${pick(rng, NEWS)}。\n`);
    const between = new Set<number>();
    const n = int(rng, 2, 4);
    for (let k = 0; k < n && paras.length > 2; k++) between.add(int(rng, 1, paras.length - 1));
    let at = 0;
    paras.forEach((p, i) => {
      b.keep(at, p.s);
      if (between.has(i)) b.put(`【${clock(rng)}更新】${pick(rng, NEWS)}，${pick(rng, NEWS)}。\n`);
      const stamp = rng() < 0.2 ? pick(rng, ['end', 'front']) : '';
      if (stamp === 'front') b.put(`【${clock(rng)}】`);
      if (i === 0) b.put('记者最新获悉，');
      b.keep(p.s, p.e);
      if (stamp === 'end') b.put(`（更新于${clock(rng)}）`);
      at = p.e;
    });
    b.keep(at, t.length);
    return b.done();
  },
};

const thread: Kind = {
  name: 'thread',
  targets: (text) => clausesOf(text),
  revise(src, rng) {
    const t = src.text;
    const cuts: number[] = [0];
    while (cuts.at(-1)! < t.length) cuts.push(Math.min(t.length, cuts.at(-1)! + int(rng, 110, 140)));
    const n = cuts.length - 1;
    const marker = pick(rng, ['after', 'before', 'bracket']);
    const dots = rng() < 0.5;
    const b = new Builder(src);
    b.put('#长文#\n');
    for (let k = 0; k < n; k++) {
      const [s, e] = [cuts[k]!, cuts[k + 1]!];
      if (k > 0) b.put('\n');
      if (marker === 'before') b.put(`${k + 1}/${n} `);
      if (marker === 'bracket') b.put(`【${k + 1}】`);
      const midBefore = s > 0 && !/[。！？\n]/.test(t[s - 1]!);
      if (dots && midBefore) b.put('…');
      for (let i = s; i < e;) {
        const nl = t.indexOf('\n', i);
        const stop = nl < 0 || nl >= e ? e : nl;
        b.keep(i, stop);
        i = stop === e ? e : stop + 1;
      }
      if (dots && e < t.length && !/[。！？\n]/.test(t[e - 1]!)) b.put('…');
      if (marker === 'after') b.put(` (${k + 1}/${n})`);
    }
    return b.done();
  },
};

const SINGLE: Kind[] = [evade, transcript, hedge, enumReorder, mdLinks, liveblog, thread];
const MIXABLE = SINGLE.filter((k) => !k.prepare);
const mixed: Kind = {
  name: 'mixed',
  targets: (text) => MIXABLE.flatMap((k) => k.targets(text)),
  revise(src, rng) {
    const chosen = [...MIXABLE].sort(() => rng() - 0.5).slice(0, 3);
    return chosen.reduce((t, k) => k.revise(t, rng), src);
  },
};
export const KINDS: Kind[] = [...SINGLE, mixed];

// ---------------------------------------------------------------- highlights

export interface Highlight extends Span {
  type: string;
}

const TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'target'];
const WEIGHTS = [6, 6, 6, 4, 3, 4, 4, 9];

function trimmed(text: string, sp: Span): Span | null {
  let { s, e } = sp;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e - s >= 2 ? { s, e } : null;
}

export function makeHighlights(text: string, kind: Kind, count: number, rng: Rng): Highlight[] {
  const sentences = sentencesOf(text).filter((x) => x.e - x.s >= 8 && x.e - x.s <= 150);
  const clauses = clausesOf(text).filter((x) => x.e - x.s >= 4 && x.e - x.s <= 40);
  const numbers = spansOf(text, NUMBER);
  const quotes = spansOf(text, /“[^“”\n]{2,60}”/g);
  const paras = paragraphsOf(text);
  const targets = kind.targets(text).filter((x) => x.e > x.s);
  const out: Highlight[] = [];
  const push = (type: string, sp: Span | null | undefined): void => {
    const tr = sp && trimmed(text, sp);
    // A reader highlights a passage once.
    if (tr && !out.some((h) => h.s === tr.s && h.e === tr.e)) out.push({ ...tr, type });
  };
  const firstLen = int(rng, 4, 12);
  push('first', { s: 0, e: Math.min(text.length, firstLen) });
  push('last', { s: Math.max(0, text.trimEnd().length - int(rng, 4, 12)), e: text.trimEnd().length });
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    let r = rng() * total;
    let type = TYPES[0]!;
    for (let i = 0; i < TYPES.length; i++) {
      r -= WEIGHTS[i]!;
      if (r < 0) {
        type = TYPES[i]!;
        break;
      }
    }
    if (type === 'sentence' && sentences.length) push(type, pick(rng, sentences));
    else if (type === 'clause' && clauses.length) push(type, pick(rng, clauses));
    else if (type === 'term') {
      const m = /[的在和对是，、]/g;
      const at = int(rng, 0, text.length - 6);
      m.lastIndex = at;
      const hit = m.exec(text);
      if (!hit) continue;
      const s = hit.index + 1;
      let e = s;
      const len = int(rng, 2, 4);
      while (e < text.length && e - s < len && isHan(text[e])) e++;
      if (e - s >= 2) push(type, { s, e });
    } else if (type === 'number' && numbers.length) push(type, pick(rng, numbers));
    else if (type === 'quote' && quotes.length) {
      const q = pick(rng, quotes);
      push(type, rng() < 0.5 ? q : { s: q.s + 1, e: q.e - 1 });
    } else if (type === 'cross' && paras.length > 1) {
      const i = int(rng, 0, paras.length - 2);
      const [a, c] = [paras[i]!, paras[i + 1]!];
      push(type, { s: Math.max(a.s, a.e - int(rng, 5, 20)), e: Math.min(c.e, c.s + int(rng, 5, 20)) });
    } else if (type === 'repeated') {
      for (let k = 0; k < 60; k++) {
        const len = int(rng, 4, 8);
        const s = int(rng, 0, Math.max(0, text.length - len));
        const w = text.slice(s, s + len);
        if (![...w].every((c) => isHan(c))) continue;
        const occ = occurrences(text, w);
        if (occ.length < 2) continue;
        const o = pick(rng, occ);
        push(type, { s: o, e: o + len });
        break;
      }
    } else if (type === 'target' && targets.length) {
      const tg = pick(rng, targets);
      const around = clauses.find((c) => c.s <= tg.s && c.e >= tg.e);
      push(type, rng() < 0.5 || !around ? tg : around);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the run

interface Tally {
  highlights: number;
  surviving: number;
  counts: Record<Verdict | 'parted', number>;
}
const tally = (): Tally => ({
  highlights: 0,
  surviving: 0,
  counts: { right: 0, partial: 0, undecidable: 0, wrong: 0, miss: 0, lost: 0, on_remains: 0, parted: 0 },
});
const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 100);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const show = (text: string, s: number, e: number, w = 15): string =>
  `${text.slice(Math.max(0, s - w), s)}[${text.slice(s, e)}]${text.slice(e, e + w)}`.replace(/\n/g, '⏎');

function parseSeeds(argv: string[]): number[] {
  const i = argv.indexOf('--seeds');
  const m = i >= 0 ? /^(\d+)(?:-(\d+))?$/.exec(argv[i + 1] ?? '') : null;
  const [a, b] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [901, 910];
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}

export function benchAnchorOutside9(argv: string[] = []): Record<string, number> {
  const pages = loadPages();
  if (!pages || pages.length < 5) {
    process.stdout.write(`anchor9: skipped, no Chinese pages at ${PROSE_DIR}\n`);
    return {};
  }
  const list = argv.includes('--list');
  const ki = argv.indexOf('--kind');
  const kinds = ki >= 0 ? KINDS.filter((k) => k.name === argv[ki + 1]) : KINDS;
  if (!kinds.length) throw new Error(`unknown kind; have ${KINDS.map((k) => k.name).join(', ')}`);
  const all = tally();
  const perKind = new Map<string, Tally & { edit: [number, number] }>();
  const perType = new Map<string, Tally>();
  const longCpu: number[] = [];
  const runStart = cpuMs();
  for (const seed of parseSeeds(argv)) {
    const { text: base, long } = textFor(seed, pages);
    for (const kind of kinds) {
      const rng = mulberry32((seed * 2654435761) ^ (kind.name.length * 40503 + kind.name.charCodeAt(0) * 97));
      const old = kind.prepare ? kind.prepare(base, rng) : base;
      const hs = makeHighlights(old, kind, long ? 200 : 40, rng);
      const selectors = hs.map((h) => describe(old, h.s, h.e));
      const revised = kind.revise(track(old), rng);
      const t0 = cpuMs();
      const placed = anchorAll(revised.text, selectors);
      if (long) longCpu.push(cpuMs() - t0);
      const find = remainsFinder(revised, old.length);
      const kt = perKind.get(kind.name) ?? { ...tally(), edit: [0, 0] as [number, number] };
      perKind.set(kind.name, kt);
      const keptSame = new Uint8Array(old.length);
      let written = 0;
      let highest = -1;
      for (let k = 0; k < revised.origin.length; k++) {
        const o = revised.origin[k]!;
        // A unit standing before one that came after it in the old text was moved: an edit too.
        if (o >= 0 && revised.same[k] && o > highest) keptSame[o] = 1;
        else if (o < 0) written++;
        highest = Math.max(highest, o);
      }
      kt.edit[0] += old.length - keptSame.reduce((a, v) => a + v, 0) + written;
      kt.edit[1] += old.length;
      hs.forEach((h, i) => {
        const p = placed[i] ?? null;
        const j = judge(old, revised, h.s, h.e, p, find(h.s, h.e));
        const tt = perType.get(h.type) ?? tally();
        perType.set(h.type, tt);
        for (const x of [all, kt, tt]) {
          x.highlights++;
          if (j.surviving) x.surviving++;
          x.counts[j.verdict]++;
          if (j.gone === 'parted') x.counts.parted++;
        }
        if (list && (j.verdict === 'miss' || j.verdict === 'wrong' || j.verdict === 'partial')) {
          const truth = j.truth ? show(revised.text, j.truth[0], j.truth[1]) : '-';
          const at = p ? show(revised.text, p.start, p.end) : '-';
          process.stdout.write(
            `${j.verdict.toUpperCase()}${j.gone ? `(${j.gone})` : ''} seed ${seed} ${kind.name} ${h.type} old@${h.s}\n` +
              `  old:    ${show(old, h.s, h.e)}\n  truth:  ${truth}\n  placed: ${at}\n`,
          );
        }
      });
    }
  }
  const out: Record<string, number> = {};
  const recall = (x: Tally): number => pct(x.counts.right, x.surviving);
  out.anchor_out9_recall_pct = recall(all);
  out.anchor_out9_wrong = all.counts.wrong;
  out.anchor_out9_highlights = all.highlights;
  out.anchor_out9_surviving = all.surviving;
  for (const v of ['miss', 'partial', 'undecidable', 'lost', 'parted', 'on_remains'] as const) out[`anchor_out9_${v}`] = all.counts[v];
  for (const [name, x] of perKind) {
    out[`anchor_out9_${name}_recall_pct`] = recall(x);
    out[`anchor_out9_${name}_wrong`] = x.counts.wrong;
    out[`anchor_out9_${name}_surviving`] = x.surviving;
    out[`anchor_out9_${name}_edit_pct`] = pct(x.edit[0], x.edit[1]);
  }
  for (const [name, x] of perType) {
    out[`anchor_out9_type_${name}_recall_pct`] = recall(x);
    out[`anchor_out9_type_${name}_wrong`] = x.counts.wrong;
  }
  longCpu.sort((a, b) => a - b);
  if (longCpu.length) {
    out.anchor_out9_long_anchorall_cpu_ms_median = Math.round(longCpu[longCpu.length >> 1]!);
    out.anchor_out9_long_anchorall_cpu_ms_max = Math.round(longCpu.at(-1)!);
  }
  out.anchor_out9_run_cpu_s = Math.round((cpuMs() - runStart) / 100) / 10;
  return out;
}

if (process.argv[1] && /anchoring-outside9\.ts$/.test(process.argv[1])) {
  for (const [k, v] of Object.entries(benchAnchorOutside9(process.argv.slice(2)))) process.stdout.write(`${k}: ${v}\n`);
}
