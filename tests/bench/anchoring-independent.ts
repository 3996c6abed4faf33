/**
 * Independent anchoring bench (issue 12 item 4, "Highlights are found again"): highlights a
 * reader would make on real articles, the article revised in ways real articles are revised, and
 * every highlight re-anchored with the app's own call (anchorAll, as renderer/core/highlights
 * does). Written by an outside tester who did not read the anchoring code or its tests (see
 * anchoring-independent-judge.ts for the tracked-character model, the revision kinds and the
 * exact definitions of SURVIVING / RIGHT / WRONG / MISS).
 *
 *   npx tsx tests/bench/anchoring-independent.ts [--seeds 1-40] [--kind typo] [--list] [--single]
 *   npm run bench -- anchor
 *
 * Texts (read in place from ../shared/corpora, never copied; skipped with a reason when absent):
 * the Chinese news pages through the project's extractor, paragraphs joined by '\n' as an
 * article's stored text is; long articles of 60k–120k characters made by joining several of
 * them; a few English pages from Readability's test pages. A seed picks one text and its
 * highlights; each revision kind is then applied on its own to a fresh copy, plus a mixed
 * revision of 3–6 kinds. `--single` anchors each highlight with anchor() instead of anchorAll().
 *
 * Revision kinds (anchoring-independent-judge.ts): typo (错别字 fixed), punct (，↔, “”↔「」
 * ……↔... 全角↔ASCII digits), number (2023→2024, 三→四), sentence-insert, sentence-delete,
 * clause-rewrite (inside a highlighted sentence), para-split-merge, para-reorder, section-move,
 * whitespace (indents, 10年→10 年, NBSP, trailing and zero-width spaces), boilerplate (责任编辑,
 * （完）, 图片来源, 原标题 lines added or removed), editor-note (编者按 on top), para-duplicate
 * (a paragraph repeated elsewhere), pages (tail lost or next page appended), and mixed.
 *
 * Highlights: a whole sentence, a clause, a 2–4 character term (a name before 表示/指出, 要求,
 * 十四五…), a number with its unit, a quotation (with or without its marks), a span across two
 * paragraphs, a heading, and one chosen occurrence of a phrase that appears more than once.
 *
 * Output: anchor_indep_recall_pct (right / surviving), anchor_indep_wrong (placements on the
 * wrong words, surviving or not), anchor_indep_highlights, per revision kind and per highlight
 * kind recall and wrong, anchor_indep_exact_pct (right to the unit), and the CPU time of one
 * anchorAll on the long articles with the load average beside it. `--list` prints every miss,
 * wrong and ambiguous placement with the old place, the true place and the placed one, each
 * with a few characters either side; WRONG(twin) is a placement on words the original already
 * held elsewhere, WRONG(copy) one on a paragraph the revision duplicated.
 *
 * FAILURE CLASSES (seeds 1-40 with anchorAll, shared/anchoring as of main on 2026-12-05: recall
 * 99.6%, 46 wrong of 36285 placements, 14 of them lost highlights; every wrong one checked by
 * eye, 44 of 46 land on a twin: the same words elsewhere in the text):
 * 1. Twin after a uniform shift (whitespace 11, section-move 4, editor-note 2, most of mixed).
 *    Real pages repeat passages: an interview asks two people the same questions
 *    (债券市场存在泡沫吗？ / 央行现在应该做什么？ / 美国10年期国债收益率可能变为负值吗？),
 *    image credits repeat (Mark Stout/iStock/Getty Images). After an edit that moves everything
 *    by hundreds or thousands of units (an indent on each paragraph, 编者按 on top, a section
 *    moved) the copy nearest the OLD offset is taken although the words around the true one
 *    match the stored prefix/suffix and those around the copy do not (prefix 契约薄弱的行业。 vs
 *    the copy's 资于负收益债务。): the old position outweighs the context.
 * 2. Exact twin beats the lightly edited original (number 4, clause-rewrite 4, typo 3): one or
 *    two characters changed inside (2019-09-3007:42 → 07:43, 国债收 → 取出一), or a figure
 *    changed in the context (…1187宗 → 1188宗), and an untouched identical passage 200-2000
 *    units away is chosen over the original at its own offset.
 * 3. Lost highlight placed on a twin or a near-copy (sentence-delete 4, pages 4, typo 1, mixed):
 *    its own words were cut or changed (9月 → 9X, the tail of a page lost) and the same words
 *    elsewhere take it; njxfhn/1 holds its lead paragraph twice, so a lost highlight there
 *    lands on the other copy; twice on a near-copy (南都记者了解到… → 南都记者向江门警方了解到…,
 *    a deleted 原标题 line → the 视频-… line after it). Strict by the brief's rule (a lost highlight
 *    placed anywhere but its remains is wrong); counted in anchor_indep_wrong_lost.
 * MISSES (recall; 127 of 35478 surviving): unchanged English sentences left orphans after typo
 * fixes elsewhere in the page (en/ars-1); an original paragraph whose copy was put elsewhere
 * (para-duplicate) left an orphan though its context is intact; short headings (国际资讯) whose
 * neighbour paragraph changed; clauses with several ，→, （→( changes plus another edit in
 * the mixed kind; cross-paragraph highlights after a merge or reorder next to them.
 * EIGHTH ROUND (branch anchor12e, classes 1 and 2 fixed in general terms, anchoring-round8.test.ts):
 * among copies credited by kept paragraph edges the best-matched copy wins (not the first better
 * one), the passage's own place with figures changed beats a copy credited by kept edges, and
 * guessed placements no longer set the neighbours' shift window. Seen seeds 1-40: 19 -> 14 wrong
 * (12 lost), 41-80: 15 -> 12 (9 lost), recall 99.7% both. Fresh seeds 121-160, measured once
 * (before = main at b93f28b): recall 99.8% -> 99.8%, wrong 10 -> 10, outputs identical: its
 * wrong ones are copies of a paragraph the mixed edit duplicated (its original edited) and lost
 * highlights (class 3), none of classes 1-2. CPU median of one long anchorAll 20 -> 20 ms
 * (load 11.5).
 * NINTH ROUND (branch anchor12f, class 3 in general terms, anchoring-round9.test.ts; seeds
 * 161-200 looked at): a 1-4-unit quote whose own place (its stored context on both sides) holds
 * it edited (3 倍 -> 4 倍, 人民 -> 入民) is an orphan, not placed on a twin lacking part of that
 * context; a placement outside its neighbours' window likewise when the window holds the edited
 * words; a place whose context runs match a copy of the quote shown inside the stored context
 * (原标题 line / 视频- line) is not evidence; a short quote with one context side in the
 * neighbours' window but moved beyond both neighbours' shifts is an orphan; two highlights of
 * different old words placed on one place: only the one confirmed (stored position or window)
 * stays. Seen seeds 161-200: 10 -> 3 wrong (9 -> 3 lost; left: copies of a paragraph the mixed
 * edit duplicated, its original cut with the tail); 1-80 27 -> 24; 121-160 10 -> 9; recall
 * unchanged on all three (99.675 / 99.764 / 99.717%). Fresh seeds 201-240, measured once (before
 * = main at 2a6f0d4): recall 99.764% -> 99.764% (99.8 printed), wrong 14 -> 8 (lost 12 -> 8;
 * left: a lost tail's highlights on identical twins, context and all, in code and credits,
 * twice; a deleted 原标题 sentence placed approximately on the 视频- line; a cross-paragraph span
 * after a reorder). CPU median of one long anchorAll 13 -> 14 ms (load 11.5).
 * AFTER ROUNDS 9-10 AND THE OUTSIDE2 FIXES (main at 2e3ca84), fresh seeds 241-280 measured once:
 * recall 99.8%, 2 wrong (both lost highlights), 35385 highlights, 34435 surviving.
 * TWELFTH ROUND (anchor11a: look-alikes in the selector, copies doubted when another is nearer
 * where neighbours put the passage; see anchoring-outside2.ts), development seeds 1-400 with
 * --list, on main af6d8d3 -> this code: recall 99.76% -> 99.76% (misses 834 -> 853 of 350219
 * surviving), wrong 36 -> 28 (lost 23 -> 18). Left: 26 WRONG(copy), a paragraph the mixed revision
 * duplicated whose original was then deleted or edited: the copy stands alone with all its
 * context, which text cannot tell from the paragraph moved; 2 cross-paragraph spans after a reorder.
 *
 * FRESH, once, seeds 521–560, on main cfacd71 (lead, 2026-12-06 06:12 UTC): recall 99.8%, 2 wrong
 * (seed 554 mixed: number and repeat placed on a copy).
 *
 * FRESH, once, seeds 561–600, on main 6183e4d (after anchor14a–d; lead, 2026-12-06 09:20 UTC): 99.8%
 * placed, 1 wrong (a twin after a sentence was deleted, seed 578).
 * FRESH, once, seeds 601–640, on main 5b40eb8 (lead, 2026-12-06 12:30 UTC, once, clean-clone CI running beside it): 99.8% placed, 3 wrong (seed 603 a span over a
 *   boilerplate edit; seed 608 two on copies in a mixed edit).
 * LATER, development (anchor21c, 2026-12-07, load 20–44; main ddc6027 → s21-a21c), 481–520, same
 *   texts: 99.8% / 1 wrong → 99.8% / 0, no other placement changed in --list. Seed 513 boilerplate:
 *   a span over a paragraph break with a caption line （图片来源：…） inserted at the break (the
 *   highlight lost by this judge, 11 foreign units), placed by pinned.ts reading its words alone past
 *   the note; a note standing as its own line is no longer read past (noteline.ts).
 * LATER, development (anchor22c, 2026-12-07, load ~40; main 3d4e69c → s22-anchor22c; unit tests in
 *   tests/unit/anchoring-round43.test.ts), 481–520, same texts: 99.8% / 3 wrong → 99.8% / 0. Seed 489
 *   mixed: a heading with a unit fixed in place (论述 → 论约), the paragraph after it given a new first
 *   sentence, and the heading printed again elsewhere between other lines: the copy, found whole only
 *   by the credit of its kept paragraph edges (under 4 units of either stored side really there), no
 *   longer outweighs the own place that reads one whole stored side (query.ts sideOverCredited): now
 *   right. Seed 502 mixed (2): a paragraph moved above two others and printed twice in a row; the
 *   stutter pass took the first copy though the second stood nearer the old place: the first is taken
 *   only where it is no farther (index.ts stutterPlace): now orphans (misses).
 * FRESH, once, seeds 641–680, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   99.8% placed, 3 wrong (the code of 3d4e69c: the same 99.8% / 3 on these seeds).
 * LATER, development (anchor23b, 2026-12-07, load 20–25; main 4c8c203 → s23-anchor23b; rules in
 *   tests/unit/anchoring-round47.test.ts), 641–680 (now seen), same texts, --list compared: 99.8% / 3
 *   wrong → 99.8% / 1, no other line changed. Seed 672 mixed: a paragraph printed again elsewhere
 *   (para-duplicate), the original then cut or edited at the passage: the copy held the passage with
 *   all its context. Where most recorded pieces of the old paragraph (restBefore/restAfter) stand at
 *   two places, the other printing holds 2+ sentences and the stored side's words (or pieces of both
 *   sides), and stands nearer where the passage would be both by its old place and by its nearest
 *   placed neighbour before it, the placement on the farther printing is an orphan (twoprintings.ts).
 *   Left: 672's 法国国家铁路公司宣布，, whose nearest placed neighbour before it was itself on the copy.
 * FRESH (lead, 2026-12-07 ~16:00 UTC, main 20c8a4c, seeds 721–760, once): 99.8%, 0 wrong. Seen
 * now: 1–760.
 * FRESH (lead, 2026-12-07 ~19:20 UTC, main 70c26cf, seeds 761–800, once): 99.8%, 1 WRONG. Seen now:
 * 1–800.
 * LATER (anchor26a, 2026-12-07): the WRONG is seed 791 mixed, 集团内多 (a hl=repeat quote held 3
 *   times): the revision printed its paragraph again at the top of the article (para-duplicate) and
 *   deleted the original with the paragraphs around it, so the judge counts it lost and the copy a
 *   duplicate. The new text holds that paragraph once, whole, with all its stored context inside the
 *   paragraph, exactly as a paragraph moved to the top would: nothing in the text tells a duplicate
 *   whose original went from a move, and refusing it would orphan every moved paragraph. Left placed.
 *   761–800 with anchor26a's rules: 99.8% / 1, no line of --list changed.
 * FRESH (lead, 2026-12-07 ~22:30 UTC, main 012c7e7, seeds 801–840, once): 99.7%, 0 wrong. Seen now:
 * 1–840.
 * FRESH (lead, 2026-12-08 ~01:30 UTC, final main of session 27, seeds 841–880, once): recall
 * 99.7%, **6 WRONG** (seed 843 clause-rewrite repeat on a twin; seed 850 mixed on guancha.html:
 * four on a copy; seed 864 mixed term on a copy); the session's starting code gives the same 6.
 * Seen now: 1–880.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring';
import { decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import {
  KINDS,
  clauses,
  docOf,
  editOf,
  int,
  isHan,
  ambiguous,
  judge,
  onCopy,
  pick,
  rngOf,
  sentences,
  squeeze,
  textOf,
  truthOf,
  whereOf,
  type Doc,
  type Range,
  type Rng,
  type Verdict,
} from './anchoring-independent-judge';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = [process.env.YANDU_CORPORA, path.resolve(ROOT, '../shared/corpora'), path.resolve(ROOT, '../../shared/corpora')].find(
  (d): d is string => !!d && existsSync(d),
);

export interface Text {
  name: string;
  text: string;
  lang: 'zh' | 'en';
  /** Names of the pages it is made of (a long article), so its revisions bring other words. */
  parts: string[];
}

interface Corpus {
  zh: Text[];
  en: Text[];
  skipped: string[];
}

let cached: Corpus | null = null;

function loadCorpus(): Corpus {
  if (cached) return cached;
  const out: Corpus = { zh: [], en: [], skipped: [] };
  const seen = new Set<string>();
  const zhDir = CORPORA && path.join(CORPORA, 'chinese-news-pages');
  if (!zhDir || !existsSync(zhDir)) out.skipped.push('chinese-news-pages: folder absent (set YANDU_CORPORA)');
  else {
    for (const site of readdirSync(zhDir).sort()) {
      for (const f of readdirSync(path.join(zhDir, site)).sort()) {
        if (!f.endsWith('.html')) continue;
        const name = `${site}/${f}`;
        try {
          const a = extractArticle(decodeHtml(readFileSync(path.join(zhDir, site, f))), `http://${site}.example.com/${f}`);
          if (a.text.length < 300) out.skipped.push(`${name}: ${a.text.length} characters`);
          else if (seen.has(a.text)) out.skipped.push(`${name}: same text as another page`);
          else {
            seen.add(a.text);
            out.zh.push({ name, text: a.text, lang: 'zh', parts: [name] });
          }
        } catch (error) {
          out.skipped.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  const enDir = CORPORA && path.join(CORPORA, 'readability-test-pages');
  if (!enDir || !existsSync(enDir)) out.skipped.push('readability-test-pages: folder absent');
  else {
    for (const name of readdirSync(enDir).sort()) {
      if (out.en.length >= 12) break;
      const meta = path.join(enDir, name, 'expected-metadata.json');
      const source = path.join(enDir, name, 'source.html');
      if (!existsSync(meta) || !existsSync(source)) continue;
      const lang = (JSON.parse(readFileSync(meta, 'utf8')) as { lang?: string }).lang ?? '';
      if (!/^en/i.test(lang)) continue;
      try {
        const a = extractArticle(decodeHtml(readFileSync(source)), `http://example.com/${name}/`);
        if (a.text.length >= 3000 && a.text.length <= 40000 && !seen.has(a.text)) {
          seen.add(a.text);
          out.en.push({ name: `en/${name}`, text: a.text, lang: 'en', parts: [`en/${name}`] });
        }
      } catch {
        // A page the extractor refuses is simply not one of ours.
      }
    }
  }
  cached = out;
  return out;
}

/** A long article: Chinese pages joined until 60k–120k characters (as many as there are). */
function longText(corpus: Corpus, rng: Rng): Text | null {
  if (corpus.zh.length < 3) return null;
  const target = int(rng, 60_000, 120_000);
  const order = corpus.zh.map((t) => t).sort(() => rng() - 0.5);
  const parts: Text[] = [];
  let len = 0;
  for (const t of order) {
    if (len >= target) break;
    parts.push(t);
    len += t.text.length + 1;
  }
  return { name: `long-${parts.length}p`, text: parts.map((p) => p.text).join('\n'), lang: 'zh', parts: parts.map((p) => p.name) };
}

function textFor(corpus: Corpus, seed: number): Text | null {
  const rng = rngOf(seed * 31 + 7);
  const slot = seed % 10;
  if ((slot === 6 || slot === 7) && corpus.zh.length >= 3) return longText(corpus, rng);
  if (slot === 8 && corpus.en.length) return pick(rng, corpus.en);
  if (corpus.zh.length) return pick(rng, corpus.zh);
  return corpus.en.length ? pick(rng, corpus.en) : null;
}

// ---------------------------------------------------------------------------------------------
// Highlights

export const HL_KINDS = ['sentence', 'clause', 'term', 'number', 'quote', 'cross-para', 'heading', 'repeat'] as const;
export type HlKind = (typeof HL_KINDS)[number];

const TERMS = [
  '要求',
  '十四五',
  '发展',
  '中国',
  '经济',
  '建设',
  '改革',
  '企业',
  '市场',
  '创新',
  '服务',
  '国家',
  '人民',
  '安全',
  '合作',
  '政策',
  '技术',
  '北京',
  '美国',
  '项目',
];
const NUMBER_ZH =
  /\d+(?:[.,]\d+)*\s?(?:%|％|万亿|亿元|万元|亿|万|元|年|月|日|个|人|家|公里|千米|米|吨|辆|项|次|条|岁|小时|分钟|天|倍|平方米|亩|名|所)|[一二三四五六七八九十两百千]+(?:个|项|次|条|种|名|家|大|批|位|届|年)/g;
const NUMBER_EN = /\$?\d[\d,.]*\d?\s?(?:%|percent|million|billion|years?|people|miles|km|days|hours)/g;

function all(re: RegExp, text: string): Range[] {
  return [...text.matchAll(re)].map((m): Range => [m.index, m.index + m[0].length]);
}

function trim(text: string, r: Range): Range | null {
  let [a, b] = r;
  while (a < b && /[\s\u3000\u200b]/.test(text[a]!)) a++;
  while (b > a && /[\s\u3000\u200b]/.test(text[b - 1]!)) b--;
  return b > a ? [a, b] : null;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

interface Shapes {
  text: string;
  lang: 'zh' | 'en';
  sentences: Range[];
  paragraphs: Range[];
}

function makeHighlight(kind: HlKind, sh: Shapes, rng: Rng): Range | null {
  const { text } = sh;
  switch (kind) {
    case 'sentence':
      return sh.sentences.length ? pick(rng, sh.sentences) : null;
    case 'clause': {
      const s = pick(rng, sh.sentences);
      const cs = clauses(text, s[0], s[1]).filter((c) => c[1] - c[0] >= 5);
      return cs.length ? pick(rng, cs) : null;
    }
    case 'term': {
      const roll = rng();
      if (sh.lang === 'en') {
        const names = all(/\b[A-Z][a-z]{2,}(?: [A-Z][a-z]+)?\b/g, text).filter(
          (r) => r[0] > 0 && !/[.!?]\s$/.test(text.slice(r[0] - 2, r[0])),
        );
        return names.length ? pick(rng, names) : null;
      }
      if (roll < 0.35) {
        const names = [...text.matchAll(/(\p{Script=Han}{2,3})(?=表示|指出|介绍|强调|认为|说，)/gu)].map((m): Range => [
          m.index,
          m.index + m[1]!.length,
        ]);
        if (names.length) return pick(rng, names);
      }
      if (roll < 0.7) {
        const found = TERMS.flatMap((t) => occurrences(text, t).map((at): Range => [at, at + t.length]));
        if (found.length) return pick(rng, found);
      }
      const s = pick(rng, sh.sentences);
      const len = int(rng, 2, 4);
      const at = int(rng, s[0], Math.max(s[0], s[1] - len));
      const r: Range = [at, at + len];
      return [...text.slice(r[0], r[1])].every(isHan) ? r : null;
    }
    case 'number': {
      const found = all(sh.lang === 'zh' ? NUMBER_ZH : NUMBER_EN, text);
      return found.length ? pick(rng, found) : null;
    }
    case 'quote': {
      const found = all(sh.lang === 'zh' ? /“[^”\n]{2,80}”|「[^」\n]{2,80}」/g : /“[^”\n]{2,160}”|"[^"\n]{2,160}"/g, text);
      if (!found.length) return null;
      const [a, b] = pick(rng, found);
      return rng() < 0.5 ? [a, b] : [a + 1, b - 1];
    }
    case 'cross-para': {
      const k = int(rng, 0, sh.paragraphs.length - 2);
      const p = sh.paragraphs[k];
      const q = sh.paragraphs[k + 1];
      if (!p || !q || p[1] - p[0] < 8 || q[1] - q[0] < 8) return null;
      const last = sh.sentences.filter((s) => s[0] >= p[0] && s[1] <= p[1]).pop();
      const firstQ = sh.sentences.find((s) => s[0] >= q[0]);
      if (!last || !firstQ) return null;
      const cs = clauses(text, firstQ[0], firstQ[1]);
      const end = rng() < 0.5 && cs.length > 1 ? cs[0]![1] : firstQ[1];
      return end - last[0] <= 400 ? [last[0], end] : null;
    }
    case 'heading': {
      const hs = sh.paragraphs.filter((r) => {
        const t = text.slice(r[0], r[1]).trim();
        return t.length >= 4 && t.length <= 40 && !/[。！？.!?，,；：:”」)）]$/.test(t);
      });
      return hs.length ? pick(rng, hs) : null;
    }
    case 'repeat': {
      for (let tries = 0; tries < 60; tries++) {
        const s = pick(rng, sh.sentences);
        const len = sh.lang === 'zh' ? int(rng, 4, 10) : int(rng, 8, 24);
        if (s[1] - s[0] < len) continue;
        const at = int(rng, s[0], s[1] - len);
        const needle = text.slice(at, at + len);
        if (sh.lang === 'zh' ? ![...needle].every(isHan) : !/^[A-Za-z][A-Za-z ]+[A-Za-z]$/.test(needle)) continue;
        const occ = occurrences(text, needle);
        if (occ.length < 2) continue;
        const o = pick(rng, occ);
        return [o, o + len];
      }
      return null;
    }
  }
}

export interface Highlight {
  kind: HlKind;
  start: number;
  end: number;
}

export function makeHighlights(text: string, lang: 'zh' | 'en', count: number, rng: Rng): Highlight[] {
  const sh: Shapes = {
    text,
    lang,
    sentences: sentences(text).filter((r) => r[1] - r[0] >= 4),
    paragraphs: [],
  };
  let a = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      sh.paragraphs.push([a, i]);
      a = i + 1;
    }
  }
  if (!sh.sentences.length) return [];
  const out: Highlight[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < count && i < count * 6; i++) {
    const kind = HL_KINDS[i % HL_KINDS.length]!;
    const raw = makeHighlight(kind, sh, rng);
    const r = raw && trim(text, raw);
    if (!r || seen.has(`${r[0]}:${r[1]}`)) continue;
    seen.add(`${r[0]}:${r[1]}`);
    out.push({ kind, start: r[0], end: r[1] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Run

export interface Outcome {
  seed: number;
  text: string;
  edit: string;
  hl: HlKind;
  verdict: Verdict;
  exact: boolean;
  quote: string;
  truth: string;
  placed: string | null;
  why: string;
  copy: boolean;
  /** A wrong placement on words the original already held elsewhere (a repeated passage). */
  twin: boolean;
  /** For --list: offsets and the words around each place. */
  where: string;
}

export interface RunOptions {
  seeds: number[];
  kinds?: string[];
  single?: boolean;
}

export interface RunResult {
  outcomes: Outcome[];
  skipped: string[];
  longCpuMs: number[];
}

function poolFor(corpus: Corpus, text: Text): string[] {
  const own = new Set(text.parts);
  const source = text.lang === 'zh' ? corpus.zh : corpus.en;
  const out: string[] = [];
  for (const t of source) {
    if (own.has(t.name)) continue;
    for (const [a, b] of sentences(t.text)) if (b - a >= 6) out.push(t.text.slice(a, b));
  }
  // A corpus of one: the pool comes from the text itself (better than none).
  if (!out.length) for (const [a, b] of sentences(text.text)) out.push(text.text.slice(a, b));
  return out;
}

/** The passage in [brackets] with a few characters either side. */
function around(text: string, r: Range, n = 12): string {
  return `${text.slice(Math.max(0, r[0] - n), r[0])}[${clip(text.slice(r[0], r[1]), 40)}]${text.slice(r[1], r[1] + n)}`.replace(/\n/g, '⏎');
}

/** Which original characters a placement lies on. */
function origin(doc: Doc, r: Range): string {
  const t = doc[r[0]];
  if (!t) return '?';
  return t.s >= 0 ? `old ${t.s}` : t.cp !== undefined ? `copy of old ${t.cp}` : 'new text';
}

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n / 2)}…${s.slice(-n / 2)}` : s).replace(/\n/g, '⏎');

export function run(options: RunOptions): RunResult {
  const corpus = loadCorpus();
  const kinds = options.kinds ?? KINDS;
  const outcomes: Outcome[] = [];
  const longCpuMs: number[] = [];
  for (const seed of options.seeds) {
    const text = textFor(corpus, seed);
    if (!text) break;
    const long = text.text.length >= 60_000;
    const count = long ? 200 : Math.max(8, Math.min(40, Math.floor(text.text.length / 60)));
    const hls = makeHighlights(text.text, text.lang, count, rngOf(seed));
    const selectors = hls.map((h) => describe(text.text, h.start, h.end));
    const pool = poolFor(corpus, text);
    const original = docOf(text.text);
    kinds.forEach((kind) => {
      const rng = rngOf(seed * 1009 + KINDS.indexOf(kind) + 1);
      const hot = (doc: Doc): Range[] => {
        const where = whereOf(doc, text.text);
        const out: Range[] = [];
        for (const s of selectors) {
          let lo = Infinity;
          let hi = -1;
          for (let i = s.start; i < s.end; i++) {
            const p = where.pos[i]!;
            if (p >= 0) {
              lo = Math.min(lo, p);
              hi = Math.max(hi, p);
            }
          }
          if (hi >= 0 && hi - lo < 2 * (s.end - s.start) + 10) out.push([lo, hi + 1]);
        }
        return out;
      };
      const doc = editOf(kind)(original.slice(), { rng, hot, pool, lang: text.lang });
      const neu = textOf(doc);
      const where = whereOf(doc, text.text);
      const cpu = process.cpuUsage();
      const placed = options.single ? selectors.map((s) => anchor(neu, s)) : anchorAll(neu, selectors);
      const used = process.cpuUsage(cpu);
      if (long && !options.single) longCpuMs.push((used.user + used.system) / 1000);
      hls.forEach((h, i) => {
        const s = selectors[i] as TextSelector;
        const truth = truthOf(where, s.start, s.end);
        const p = placed[i];
        const range: Range | null = p ? [p.start, p.end] : null;
        let verdict = judge(truth, range);
        if (verdict === 'wrong' && range && ambiguous(neu, truth, range, s)) verdict = 'ambiguous';
        outcomes.push({
          seed,
          text: text.name,
          edit: kind,
          hl: h.kind,
          verdict,
          exact: !!range && !!truth.span && range[0] === truth.span[0] && range[1] === truth.span[1],
          quote: s.exact,
          truth: truth.span ? neu.slice(truth.span[0], truth.span[1]) : `(lost: ${truth.why})`,
          placed: range ? neu.slice(range[0], range[1]) : null,
          why: truth.why,
          copy: verdict === 'wrong' && !!range && onCopy(doc, range, s.start, s.end),
          twin:
            verdict === 'wrong' &&
            !!range &&
            !onCopy(doc, range, s.start, s.end) &&
            squeeze(neu.slice(range[0], range[1])) === squeeze(s.exact),
          where:
            verdict === 'wrong' || verdict === 'miss' || verdict === 'ambiguous'
              ? [
                  `old@${s.start} ${around(text.text, [s.start, s.end])}`,
                  truth.span
                    ? `true@${truth.span[0]} ${around(neu, truth.span)}`
                    : `remains ${truth.runs.map((r) => `@${r[0]}`).join(' ')}`,
                  range ? `placed@${range[0]} (${origin(doc, range)}) ${around(neu, range)}` : '',
                ]
                  .filter(Boolean)
                  .join('\n  ')
              : '',
        });
      });
    });
  }
  return { outcomes, skipped: corpus.skipped, longCpuMs };
}

function pct(n: number, d: number): number {
  return d ? Math.round((1000 * n) / d) / 10 : 100;
}

export function summarise(result: RunResult): Record<string, number> {
  const out: Record<string, number> = {};
  const tally = (xs: Outcome[]) => {
    // Ambiguous placements are left out of both sides of the recall.
    const surviving = xs.filter((o) => o.verdict === 'right' || o.verdict === 'miss' || (o.verdict === 'wrong' && !o.why));
    const right = xs.filter((o) => o.verdict === 'right').length;
    return {
      recall: pct(right, surviving.length),
      wrong: xs.filter((o) => o.verdict === 'wrong').length,
      surviving: surviving.length,
      exact: pct(xs.filter((o) => o.exact).length, right),
    };
  };
  const all = tally(result.outcomes);
  out.anchor_indep_recall_pct = all.recall;
  out.anchor_indep_wrong = all.wrong;
  out.anchor_indep_highlights = result.outcomes.length;
  out.anchor_indep_surviving = all.surviving;
  out.anchor_indep_wrong_lost = result.outcomes.filter((o) => o.verdict === 'wrong' && o.why).length;
  out.anchor_indep_ambiguous = result.outcomes.filter((o) => o.verdict === 'ambiguous').length;
  out.anchor_indep_remains = result.outcomes.filter((o) => o.verdict === 'remains').length;
  out.anchor_indep_exact_pct = all.exact;
  for (const kind of KINDS) {
    const xs = result.outcomes.filter((o) => o.edit === kind);
    if (!xs.length) continue;
    const t = tally(xs);
    out[`anchor_indep_recall_pct_${kind}`] = t.recall;
    out[`anchor_indep_wrong_${kind}`] = t.wrong;
  }
  for (const kind of HL_KINDS) {
    const xs = result.outcomes.filter((o) => o.hl === kind);
    if (!xs.length) continue;
    const t = tally(xs);
    out[`anchor_indep_recall_pct_hl_${kind}`] = t.recall;
    out[`anchor_indep_wrong_hl_${kind}`] = t.wrong;
  }
  if (result.longCpuMs.length) {
    const sorted = [...result.longCpuMs].sort((a, b) => a - b);
    out.anchor_indep_long_cpu_ms_median = Math.round(sorted[Math.floor(sorted.length / 2)]!);
    out.anchor_indep_load_1min = Math.round(loadavg()[0]! * 10) / 10;
  }
  return out;
}

function parseSeeds(spec: string | undefined): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec ?? '1-40');
  if (!m) throw new Error(`--seeds wants a-b, got ${spec}`);
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export function benchAnchorIndependent(argv: readonly string[] = []): Record<string, number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const kind = arg('--kind');
  const result = run({ seeds: parseSeeds(arg('--seeds')), ...(kind ? { kinds: kind.split(',') } : {}), single: argv.includes('--single') });
  for (const s of result.skipped) process.stderr.write(`anchor-indep: skipped ${s}\n`);
  if (!result.outcomes.length) process.stderr.write('anchor-indep: no texts (corpora absent), nothing measured\n');
  if (argv.includes('--list')) {
    for (const o of result.outcomes) {
      if (o.verdict !== 'miss' && o.verdict !== 'wrong' && o.verdict !== 'ambiguous') continue;
      process.stdout.write(
        `${o.verdict.toUpperCase()}${o.copy ? '(copy)' : ''}${o.twin ? '(twin)' : ''} seed=${o.seed} ${o.text} edit=${o.edit} hl=${o.hl}\n` +
          `  quote:  ${clip(o.quote)}\n  truth:  ${clip(o.truth)}\n  placed: ${o.placed === null ? '(null)' : clip(o.placed)}\n  ${o.where}\n`,
      );
    }
  }
  return summarise(result);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(benchAnchorIndependent(process.argv.slice(2)))) process.stdout.write(`${k}: ${v}\n`);
}
