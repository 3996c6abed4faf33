/**
 * Anchoring bench of an ELEVENTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies
 * (their header comments were read to pick kinds none of them lists and to follow their output;
 * anchoring-outside10-judge.ts and its test were read as a model of the judge;
 * renderer/core/highlights/anchorJob.ts for how the app calls describe/anchorAll).
 *
 *   npx tsx tests/bench/anchoring-outside11.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor11 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n', anchoring-prose.ts corpusTexts()),
 * read in place and never copied; every fifth seed a long article of 60k–120k units made by
 * joining pages, each page once (at most the whole pool). Without the corpora the bench prints
 * why and reports nothing. Words the revisions write (stage notes, abstracts, comments, nicknames,
 * sources, datelines) are made up here from small lists of our own.
 *
 * Highlights, made on the old text, as readers make them: sentence, clause, term (2–4 Han units
 * after a particle or mark), number (with its unit), quote (inside “”, with or without the marks),
 * cross (a span over a paragraph break), repeated (one chosen occurrence of a 4–8-unit phrase the
 * text holds more than once), parastart (a paragraph's first words), first and last (the article's
 * first and last words). 40 per text, 200 on a long article. Described once with describe() and
 * re-found with one anchorAll() per revision, as renderer/core/highlights/anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the old text, then `mixed`: three in a row):
 * - stage_notes: a 讲话 published as delivered: （掌声）（热烈掌声）（笑）（全场笑）… written after
 *   a fifth of the sentence ends and, rarely, after a clause inside a sentence (one bracket style
 *   per text: （）, 〔〕 or [ ]).
 * - keywords: a 理论版 reprint: 【摘要】 (a made-up sentence quoting one clause of the text
 *   verbatim) and 【关键词】 (3–5 of the text's most frequent 2–3-unit words) on top, 作者单位 and a
 *   参考文献 list at the end: copies of the text's words written beside it.
 * - annotate: a 学习笔记 edition: after a quarter of the paragraphs of 40+ units, a 【点评】 /
 *   【学习笔记】 / ▲批注 line (one style per text) quoting a clause (4–16 units) of the paragraph in “”.
 * - comments: a 公众号 repost with 精选留言 at the end: 4–8 readers' comments, each quoting a clause
 *   of the text (6–24 units), half verbatim, half retyped by the reader (a unit dropped or changed,
 *   a mark left out), with a nickname and 赞 N.
 * - toc: a long 学习材料 given a 目录: the short heading lines (or, without them, the first clause
 *   of every third paragraph) listed numbered on top, and a ↑返回目录 line before each of them.
 * - masthead: a 通稿 re-issued by a paper: an 引题 line above the title, a 副题 line (——…) under it,
 *   a 电头 (新华社北京3月5日电（记者 …） / 本报讯（记者 …）) put before the lead paragraph, and a
 *   short credit line at the very end (采写：… / 编辑：…) replaced by the paper's (本报记者 …).
 * - sent_numbers: a 精读 edition: in 40% of the paragraphs of 2+ sentences every sentence led by
 *   ①②③… (or ⑴⑵…, or [1][2]…, one style per text), half the texts with 〔N〕 paragraph numbers.
 * - homophone: a re-typed repost with IME slips: 在/再, 做/作, 已/以, 即/既, 他/她, 那/哪, 进/近,
 *   的/地, 象/像 … retyped as their sound-alike at 8% of their uses (a retyped unit keeps its
 *   origin; see the judge for when a highlight with slips still survives).
 * - repost: a 转载: the title repeated under 来源/作者/发布时间 lines on top, a 声明 paragraph
 *   (转载自…，版权归原作者所有…) and a 原文链接 line at the end; half the time （本文有删改） under the
 *   head and then one sentence dropped from a tenth of the paragraphs of 2+ sentences.
 * Definitions of SURVIVING, RIGHT, PARTIAL, WRONG, MISS, LOST, PARTED, ON_REMAINS and WRONG_LOST:
 * anchoring-outside11-judge.ts.
 *
 * Output: anchor_out11_recall_pct, anchor_out11_wrong (surviving placed elsewhere + lost or parted
 * placed elsewhere), _highlights, _surviving, _miss, _partial, _lost, _parted, _on_remains; per
 * kind (recall, wrong, surviving) and per highlight type; the CPU time of one anchorAll on a long
 * article (median, max) and of the whole run. `--list` prints every miss, partial and wrong with
 * context (⏎ is a paragraph break): old place, true new place and the placed one. Written on
 * seeds 901–910 only (the default range).
 *
 * FIRST MEASUREMENT, once, on main d93b6a5 (merged; shared/anchoring unchanged by the merge), seeds
 * 1–40, lead, 2026-12-06 23:04 UTC, seven helpers running beside it; run before any failure of these
 * seeds was looked at (the bench was written on seeds 901–910 only):
 *   anchor_out11_recall_pct 99.7   anchor_out11_wrong 6   highlights 28800   surviving 28543
 *   miss 77   partial 4   lost 74   parted 183   on their remains 154   wrong_lost 2
 *   stage_notes 99.2, keywords 99.9, annotate 99.9, comments 100, toc 100, masthead 100,
 *   sent_numbers 99.9, homophone 99.9, repost 99.5 (all 0 wrong), mixed 98.8 with 6 WRONG;
 *   by type: first 98.3, last 98.7, the rest 99.5–99.9 (wrong: sentence, term, quote, cross,
 *   repeated, parastart 1 each); anchorAll on a long article CPU median 95 ms, max 265 ms.
 * The target (≥ 99% placed, 0 wrong) is met for recall, not for wrong.
 * FRESH, once, seeds 41–80, on main 8026ebe (after anchor19a–e; lead, 2026-12-07 00:35 UTC, CI beside it): 99.6% placed, 11 WRONG
 *   (toc 5, repost 6; by type first 5, parastart 3, cross 2, sentence 1), in the kinds that write copies
 *   of the article's lines (a 目录, a title repeated under 转载 lines; seed 33's kind, not yet sorted);
 *   stage_notes 99, toc 99.1, the rest ≥99.2;
 *   anchorAll on a long article median 52 ms, max 259 ms CPU.
 * LATER, development (anchor19f, 2026-12-07, main 8026ebe → s19-anchor19f; seeds 1–80, all seen;
 *   rules in tests/unit/anchoring-round31.test.ts): 99.7% → 99.7%, wrong 23 → 10 (repost 11 → 0,
 *   toc 5 → 4, mixed 7 → 6; by type first 9 → 0), every one of the 13 now an orphan, no right
 *   placement lost. (a) A passage that stood at the old text's start and is placed at the new
 *   text's start is not moved by one-sided neighbours (onesided.ts) to a copy of its line under a
 *   written head (转载: title, 来源/作者/发布时间, the title again): two copies each backed by one
 *   side, an orphan. (b) A line whose only gaps are single spaces between ASCII units (code) is
 *   no row of columns (columns.ts). Left, 10 wrong, one kind: a 目录 that copies a run of the
 *   text's consecutive short lines (a caption and a heading, lines of code) keeps their old
 *   neighbours while the true place got [返回目录]/stage notes between them; the first pass
 *   (context) takes the copy, and a cluster of highlights on those lines vouch for each other as
 *   neighbours (seeds 33 mixed ×6, 62 toc ×3, 66 toc ×1, numbered or not). Also left: first words
 *   of a short first line (划重点：) whose next lines were replaced by written ones (25 misses).
 * LATER, development (anchor20a, 2026-12-07, main ed86a2e → s20-a20a; seeds 1–80, all seen; rules
 *   in tests/unit/anchoring-round32.test.ts): 99.7% → 99.7%, wrong 10 → 0 (toc 4 → 0, mixed 6 → 0),
 *   misses 179 → 182 (the 8 former wrongs are orphans; 5 first-words misses now right), no right
 *   placement lost. (a) No passage is placed on a listing the revision wrote (listing.ts): ≥ 3 and
 *   at least half of the lines that follow a short line written ≥ 3 times (返回目录, never in the
 *   batch's stored words) copied one after another elsewhere, in order (marker, notes, white space
 *   out). (b) First words that opened the old text (held there once), still open the new text and
 *   stand nowhere else in it are placed there (opening.ts, ≥ 4 units). Left: the first words of a
 *   转载 whose title is repeated under the head (two copies, orphans by design, ~17), and those
 *   moved under a line written above them (引题, 2). Guards, ed86a2e vs 6843a73 run side by side:
 *   outside6/8/10 seeds 1–20 unchanged (98.5/1, 93.7/2, 99.6/0); default bench recall 99.32 →
 *   99.32, heldout wrong 0 → 0, 113k/200 CPU 81.8 → 83.1 ms (warm 74.9 → 73.6), noise; listing.ts
 *   then made cheaper (fd484d5: 16.9 → 2.7 ms per batch on a 97k-unit text).
 * FRESH, once, seeds 81–120, on main 3460984 (after anchor20a–d; lead, 2026-12-07 03:30 UTC, CI beside it): 99.5% placed, 3 WRONG
 *   (repost 2, mixed 1); mixed 98.2, stage_notes 98.8, sent_numbers 99.3, toc 99.4, the rest ≥99.8;
 *   anchorAll on a long article median 79 ms, max 254 ms CPU.
 * LATER, development (anchor21d, 2026-12-07, main ddc6027 → s21-a21d; seeds 81–120, seen; rules in
 *   tests/unit/anchoring-round39.test.ts): 99.5% → 99.5%, wrong 3 → 0 (repost 2 → 0, mixed 1 → 0),
 *   misses 128 → 126. A passage of the old first line (the title) where the new text still opens with
 *   that line whole while a 转载 head repeats it under 来源/作者/发布时间 lines: the top copy is backed by
 *   the text's start, the lower one by the body after it, and nothing tells which is the passage's:
 *   an orphan (firstline.ts; the 3 wrongs were on the lower copy; the judge's truth is the top one,
 *   which the text cannot tell either).
 * FRESH, once, seeds 121–160, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   99.6% placed, 0 wrong; stage_notes 99.1, toc 99.5, sent_numbers 99.3, homophone 99.7, repost 99.6, mixed 99.1, the rest 100.
 * FRESH, once, seeds 161–200, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   99.6% placed, 0 wrong.
 */
import { pathToFileURL } from 'node:url';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';
import { corpusTexts } from './anchoring-prose';
import { judge, positions, splice, track, truthOf, type Splice, type Tracked, type Truth, type Verdict } from './anchoring-outside11-judge';
import { mulberry32 } from './seeded';

export const KINDS = ['stage_notes', 'keywords', 'annotate', 'comments', 'toc', 'masthead', 'sent_numbers', 'homophone', 'repost'] as const;
export type Single = (typeof KINDS)[number];
export type Kind = Single | 'mixed';

export const TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'parastart', 'first', 'last'] as const;
export type HType = (typeof TYPES)[number];

export interface Highlight {
  type: HType;
  start: number;
  end: number;
}

type Rnd = () => number;
const int = (rnd: Rnd, a: number, b: number): number => a + Math.floor(rnd() * (b - a + 1));
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const HAN = /[\u4e00-\u9fff]/;
const isHan = (ch: string | undefined): boolean => !!ch && HAN.test(ch);
const SPACE = /\s/;

interface Span {
  start: number;
  end: number;
}

/** Paragraphs (lines) of a text with their offsets, blank ones left out. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

/** Sentences of a paragraph: up to and with 。！？；… and a closing mark after it. */
export function sentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let s = p.start;
  for (let i = p.start; i < p.end; i++) {
    if ('。！？；'.includes(text[i]!)) {
      let e = i + 1;
      while (e < p.end && '”’」』）'.includes(text[e]!)) e++;
      out.push({ start: s, end: e });
      s = e;
      i = e - 1;
    }
  }
  if (p.end - s > 0 && text.slice(s, p.end).trim()) out.push({ start: s, end: p.end });
  return out;
}

/** Trims white space off both ends of a span (null if nothing is left). */
function trim(text: string, s: number, e: number): Span | null {
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** One highlight of the given type on the old text, or null when none was found this try. */
function makeHighlight(text: string, paras: Span[], type: HType, rnd: Rnd): Span | null {
  const para = pick(rnd, paras);
  switch (type) {
    case 'sentence': {
      const ss = sentences(text, para).filter((x) => x.end - x.start >= 6 && x.end - x.start <= 200);
      return ss.length ? trim(text, ...spanArgs(pick(rnd, ss))) : null;
    }
    case 'clause': {
      const ss = sentences(text, para);
      if (!ss.length) return null;
      const sen = pick(rnd, ss);
      const cuts = [sen.start];
      for (let i = sen.start; i < sen.end; i++) if ('，、：'.includes(text[i]!)) cuts.push(i + 1);
      if (cuts.length < 2) return null;
      const k = int(rnd, 0, cuts.length - 2);
      const c = trim(text, cuts[k]!, cuts[k + 1]! - 1);
      return c && c.end - c.start >= 4 && c.end - c.start <= 40 ? c : null;
    }
    case 'term': {
      for (let tries = 0; tries < 20; tries++) {
        const i = int(rnd, para.start, para.end - 3);
        if (!'的在和是与对将，、“：'.includes(text[i]!)) continue;
        const n = int(rnd, 2, 4);
        let ok = true;
        for (let k = 1; k <= n; k++) if (!isHan(text[i + k])) ok = false;
        if (ok && i + n < para.end) return { start: i + 1, end: i + 1 + n };
      }
      return null;
    }
    case 'number': {
      const re = /\d+(?:[.,．]\d+)*(?:%|％|万|亿|元|年|月|日|个|人|家|名|项|次|公里|吨|米|倍|岁|天)?/g;
      const found = [...text.slice(para.start, para.end).matchAll(re)].filter((m) => m[0].length >= 2);
      if (!found.length) return null;
      const m = pick(rnd, found);
      return { start: para.start + m.index!, end: para.start + m.index! + m[0].length };
    }
    case 'quote': {
      const found = [...text.slice(para.start, para.end).matchAll(/“([^“”\n]{2,60})”/g)];
      if (!found.length) return null;
      const m = pick(rnd, found);
      const s = para.start + m.index!;
      return rnd() < 0.5 ? { start: s, end: s + m[0].length } : trim(text, s + 1, s + m[0].length - 1);
    }
    case 'cross': {
      const k = paras.indexOf(para);
      const next = paras[k + 1];
      if (!next) return null;
      const a = sentences(text, para).at(-1)!;
      const b = sentences(text, next)[0]!;
      const s = int(rnd, a.start, Math.max(a.start, a.end - 2));
      const e = int(rnd, Math.min(b.end, b.start + 2), b.end);
      return trim(text, s, e);
    }
    case 'repeated': {
      for (let tries = 0; tries < 40; tries++) {
        const n = int(rnd, 4, 8);
        const i = int(rnd, 0, text.length - n);
        const w = text.slice(i, i + n);
        if (/\s/.test(w) || [...w].filter(isHan).length < n - 1) continue;
        const first = text.indexOf(w);
        if (text.indexOf(w, first + 1) < 0) continue;
        const all: number[] = [];
        for (let j = first; j >= 0; j = text.indexOf(w, j + 1)) all.push(j);
        const at = pick(rnd, all);
        return { start: at, end: at + n };
      }
      return null;
    }
    case 'parastart': {
      const k = paras.indexOf(para);
      if (k === 0) return null;
      const t = trim(text, para.start, Math.min(para.end, para.start + int(rnd, 4, 15)));
      return t && t.end - t.start >= 3 ? t : null;
    }
    case 'first':
      return trim(text, paras[0]!.start, Math.min(paras[0]!.end, paras[0]!.start + int(rnd, 4, 12)));
    case 'last': {
      const p = paras.at(-1)!;
      return trim(text, Math.max(p.start, p.end - int(rnd, 4, 12)), p.end);
    }
  }
}
const spanArgs = (s: Span): [number, number] => [s.start, s.end];

/** `count` highlights of the old text, the types taken in turn (a type that finds none is skipped). */
export function makeHighlights(text: string, count: number, rnd: Rnd): Highlight[] {
  const paras = paragraphs(text);
  const out: Highlight[] = [];
  const seen = new Set<string>();
  let tries = 0;
  while (out.length < count && tries < count * 40) {
    const type = TYPES[tries % TYPES.length]!;
    tries++;
    // the article's first and last words are one place each: one highlight of each per text
    if ((type === 'first' || type === 'last') && out.some((h) => h.type === type)) continue;
    const h = makeHighlight(text, paras, type, rnd);
    if (!h || h.end - h.start < 2) continue;
    const key = `${h.start}:${h.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type, ...h });
  }
  return out;
}

// ---------------------------------------------------------------- revisions

const NOTES = ['掌声', '热烈掌声', '笑', '全场笑', '鼓掌', '掌声经久不息', '会场响起掌声'];
const BRACKETS: [string, string][] = [
  ['（', '）'],
  ['〔', '〕'],
  ['[', ']'],
];

/** Positions right after a sentence end (with its closing marks) inside paragraphs. */
function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  for (const p of paragraphs(text)) for (const s of sentences(text, p)) if ('。！？；”’」）'.includes(text[s.end - 1]!)) out.push(s.end);
  return out;
}

/** A 讲话 as delivered: stage notes after a fifth of the sentence ends, a few after a clause. */
function stageNotes(t: Tracked, rnd: Rnd): Splice[] {
  const [o, c] = pick(rnd, BRACKETS);
  const out: Splice[] = [];
  for (const e of sentenceEnds(t.text)) if (rnd() < 0.2) out.push({ start: e, end: e, insert: `${o}${pick(rnd, NOTES)}${c}` });
  for (let i = 0; i < t.text.length; i++) {
    if (t.text[i] === '，' && rnd() < 0.03) out.push({ start: i, end: i, insert: `${o}${pick(rnd, NOTES)}${c}` });
  }
  return out;
}

/** The text's most frequent Han words of 2–3 units (counted as n-grams), most frequent first. */
function frequentWords(text: string, n: number): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i + 2 <= text.length; i++) {
    for (const L of [2, 3]) {
      const w = text.slice(i, i + L);
      if (w.length === L && [...w].every(isHan)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const STOP = /[的了是在和与这那也就都而及其之]/;
  return [...counts.entries()]
    .filter(([w, k]) => k >= 3 && !STOP.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([w]) => w);
}

/** A random clause of the text (between marks) of len units, or null. */
function someClause(text: string, rnd: Rnd, min: number, max: number): string | null {
  for (let tries = 0; tries < 60; tries++) {
    const i = int(rnd, 0, Math.max(0, text.length - 2));
    if (!'，。；：'.includes(text[i]!)) continue;
    let e = i + 1;
    while (e < text.length && !'，。；：！？\n'.includes(text[e]!)) e++;
    const c = text.slice(i + 1, e);
    if (c.length >= min && c.length <= max && !/\s/.test(c) && !/[“”]/.test(c)) return c;
  }
  return null;
}

/** Where the body starts: after a short first line (a title), else 0. */
function afterTitle(text: string): number {
  const nl = text.indexOf('\n');
  return nl > 0 && nl <= 40 && !/[。！？]$/.test(text.slice(0, nl)) ? nl + 1 : 0;
}

function keywords(t: Tracked, rnd: Rnd): Splice[] {
  const words = frequentWords(t.text, 12);
  const kw = words.filter(() => rnd() < 0.6).slice(0, int(rnd, 3, 5));
  if (kw.length < 2) kw.push(...words.slice(0, 3));
  const clause = someClause(t.text, rnd, 8, 24) ?? kw.join('与');
  const abs = `【摘要】本文围绕${kw.slice(0, 2).join('、')}等问题展开论述，指出${clause}，并就下一步工作提出了思考。\n【关键词】${kw.join('；')}\n`;
  const at = afterTitle(t.text);
  const tail = `\n（作者单位：${pick(rnd, ['某某大学马克思主义学院', '某省委党校', '某市社会科学院'])}）\n参考文献：\n[1] 某某.《论${kw[0] ?? '发展'}》[M].北京：人民出版社，20${int(rnd, 10, 23)}.\n[2] 某某.${kw[1] ?? '改革'}研究[J].理论前沿，20${int(rnd, 10, 23)}(${int(rnd, 1, 12)}).`;
  return [
    { start: at, end: at, insert: abs },
    { start: t.text.length, end: t.text.length, insert: tail },
  ];
}

const REMARKS = ['这一表述值得细细体会。', '点明了问题的关键。', '这是全段的要义所在。', '读来令人深思。', '要结合实际学深悟透。'];

function annotate(t: Tracked, rnd: Rnd): Splice[] {
  const label = pick(rnd, ['【点评】', '【学习笔记】', '▲批注：']);
  const out: Splice[] = [];
  for (const p of paragraphs(t.text)) {
    if (p.end - p.start < 40 || rnd() >= 0.25) continue;
    // a reader quotes a whole clause of the paragraph (4–16 units between marks)
    const own = t.text.slice(p.start, p.end);
    const clauses = own.split(/[，。；：！？、“”]/).filter((c) => c.length >= 4 && c.length <= 16 && !/\s/.test(c));
    if (!clauses.length) continue;
    out.push({ start: p.end, end: p.end, insert: `\n${label}“${pick(rnd, clauses)}”，${pick(rnd, REMARKS)}` });
  }
  return out;
}

const NICKS = ['晨光', '青山不语', '老王在路上', '一叶知秋', '读书人', '小鹿', '南山', '微光'];
const TAILS = ['说得太好了！', '，深有同感。', '，赞同！', '。受教了', '，值得反复读。'];
const SLIPS: Record<string, string> = {
  的: '得',
  在: '再',
  再: '在',
  做: '作',
  作: '做',
  已: '以',
  以: '已',
  即: '既',
  他: '她',
  那: '哪',
  进: '近',
  象: '像',
  地: '的',
};

function comments(t: Tracked, rnd: Rnd): Splice[] {
  const lines: string[] = ['', pick(rnd, ['精选留言', '留言精选', '写留言'])];
  const n = int(rnd, 4, 8);
  for (let k = 0; k < n; k++) {
    let q = someClause(t.text, rnd, 6, 24);
    if (!q) continue;
    if (rnd() < 0.5) {
      const i = int(rnd, 0, q.length - 1);
      const slip = SLIPS[q[i]!];
      q = slip ? q.slice(0, i) + slip + q.slice(i + 1) : q.slice(0, i) + q.slice(i + 1);
    }
    lines.push(`${pick(rnd, NICKS)}：“${q}”${pick(rnd, TAILS)}`, `赞 ${int(rnd, 1, 999)}`);
  }
  const end = t.text.length;
  return [{ start: end, end, insert: lines.join('\n') }];
}

const CN_NUM = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
];

function toc(t: Tracked, rnd: Rnd): Splice[] {
  const paras = paragraphs(t.text);
  let heads = paras
    .slice(1)
    .filter((p) => p.end - p.start >= 4 && p.end - p.start <= 30 && !/[。！？；，]$/.test(t.text.slice(p.start, p.end)));
  let entries = heads.map((p) => t.text.slice(p.start, p.end).trim());
  if (heads.length < 3) {
    heads = paras.slice(1).filter((_, k) => k % 3 === 2);
    entries = heads.map((p) => {
      const s = t.text.slice(p.start, p.end).trim();
      const c = s.search(/[，。；：！？]/);
      return s.slice(0, Math.min(c > 0 ? c : 20, 20));
    });
  }
  heads = heads.slice(0, 20);
  entries = entries.slice(0, 20);
  if (!heads.length) return [];
  const style = int(rnd, 0, 2);
  const list = entries.map((e, k) => (style === 0 ? `${CN_NUM[k]}、${e}` : style === 1 ? `${k + 1}. ${e}` : e)).join('\n');
  const at = afterTitle(t.text);
  const back = pick(rnd, ['↑返回目录', '返回目录', '[返回目录]']);
  return [{ start: at, end: at, insert: `目录\n${list}\n` }, ...heads.map((p) => ({ start: p.start, end: p.start, insert: `${back}\n` }))];
}

const CITIES = ['北京', '上海', '广州', '成都', '武汉', '西安'];
function masthead(t: Tracked, rnd: Rnd): Splice[] {
  const out: Splice[] = [];
  const title = afterTitle(t.text);
  if (title > 0) {
    out.push({ start: 0, end: 0, insert: `${pick(rnd, ['学习进行时', '——聚焦高质量发展', '奋进新征程 建功新时代'])}\n` });
    out.push({
      start: title - 1,
      end: title - 1,
      insert: `\n——${pick(rnd, ['来自基层一线的报道', '各地扎实推进各项工作', '记者一线探访'])}`,
    });
  }
  // the lead: the first paragraph of prose (40+ units with a full stop), not a bracketed label line
  const lead = paragraphs(t.text).find(
    (p) => p.start >= title && p.end - p.start >= 40 && /。/.test(t.text.slice(p.start, p.end)) && t.text[p.start] !== '【',
  );
  if (lead) {
    const m = int(rnd, 1, 12);
    const d = int(rnd, 1, 28);
    const line =
      rnd() < 0.5
        ? `新华社${pick(rnd, CITIES)}${m}月${d}日电（记者 某某 某某）`
        : `本报${pick(rnd, CITIES)}${m}月${d}日讯（记者某某${rnd() < 0.5 ? ' 通讯员某某' : ''}）`;
    const s = trim(t.text, lead.start, lead.end)!.start;
    out.push({ start: s, end: s, insert: line });
  }
  // the wire's own credit line at the end (采写：… / 编辑：…) gives way to the paper's
  const last = paragraphs(t.text).at(-1);
  if (
    last &&
    last.end - last.start <= 40 &&
    /^.{1,5}[：:]/.test(t.text.slice(last.start, last.end).trim()) &&
    last.start > (lead?.end ?? 0)
  ) {
    out.push({ start: last.start, end: last.end, insert: `（本报记者 某某 编辑 某某）` });
  }
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
function sentNumbers(t: Tracked, rnd: Rnd): Splice[] {
  const style = int(rnd, 0, 2);
  const mark = (k: number) => (style === 0 ? (CIRCLED[k] ?? `(${k + 1})`) : style === 1 ? (PAREN[k] ?? `(${k + 1})`) : `[${k + 1}]`);
  const paraNo = rnd() < 0.5;
  const out: Splice[] = [];
  paragraphs(t.text).forEach((p, n) => {
    const ss = sentences(t.text, p);
    const numbered = ss.length >= 2 && rnd() < 0.4;
    const first = trim(t.text, p.start, p.end)!.start;
    if (paraNo) out.push({ start: first, end: first, insert: `〔${n + 1}〕` });
    if (!numbered) return;
    ss.forEach((s, k) => {
      const at = trim(t.text, s.start, s.end)?.start ?? s.start;
      out.push({ start: at, end: at, insert: mark(k) });
    });
  });
  return out;
}

/** IME slips: a unit retyped as its sound-alike at 8% of the places one is known for it. */
function homophone(t: Tracked, rnd: Rnd): Splice[] {
  const out: Splice[] = [];
  for (let i = 0; i < t.text.length; i++) {
    const slip = SLIPS[t.text[i]!];
    if (slip && rnd() < 0.08) out.push({ start: i, end: i + 1, insert: slip, retype: true });
  }
  return out;
}

function repost(t: Tracked, rnd: Rnd): Splice[] {
  const title = afterTitle(t.text);
  const titleLine = title > 0 ? t.text.slice(0, title - 1) : '';
  const src = pick(rnd, ['学习时报', '某某日报', '某某网', '某某发布']);
  const head = `来源：${src}\n作者：某某\n发布时间：20${int(rnd, 18, 24)}-0${int(rnd, 1, 9)}-1${int(rnd, 0, 9)} ${int(rnd, 10, 23)}:${int(rnd, 10, 59)}\n`;
  const out: Splice[] = [];
  const cut = rnd() < 0.5;
  if (title > 0) out.push({ start: title, end: title, insert: `${head}${titleLine}\n${cut ? '（本文有删改）\n' : ''}` });
  else out.push({ start: 0, end: 0, insert: `${head}${cut ? '（本文有删改）\n' : ''}` });
  // 有删改: one sentence dropped from a tenth of the paragraphs of 2+ sentences
  if (cut) {
    for (const p of paragraphs(t.text)) {
      if (p.start < title) continue;
      const ss = sentences(t.text, p);
      if (ss.length < 2 || rnd() >= 0.1) continue;
      const s = pick(rnd, ss);
      out.push({ start: s.start, end: s.end, insert: '' });
    }
  }
  const end = t.text.length;
  out.push({
    start: end,
    end,
    insert: `\n声明：本文转载自${src}，仅供学习交流，版权归原作者所有。如有侵权，请联系删除。\n原文链接：https://example.org/a/${int(rnd, 1000, 9999)}`,
  });
  return out;
}

const REVISE: Record<Single, (t: Tracked, rnd: Rnd) => Splice[]> = {
  stage_notes: stageNotes,
  keywords,
  annotate,
  comments,
  toc,
  masthead,
  sent_numbers: sentNumbers,
  homophone,
  repost,
};

/** The revision `kind` of the tracked text (mixed: three different kinds in a row). */
export function revise(kind: Kind, t: Tracked, rnd: Rnd): Tracked {
  if (kind !== 'mixed') return splice(t, REVISE[kind](t, rnd));
  const order = [...KINDS].sort(() => rnd() - 0.5).slice(0, 3);
  let cur = t;
  for (const k of order) cur = splice(cur, REVISE[k](cur, rnd));
  return cur;
}

// ---------------------------------------------------------------- the run

/** The old text of a seed: one page, or (every fifth seed) a long article of 60k–120k units. */
export function textOf(seed: number, pages: { name: string; text: string }[]): { name: string; text: string } | null {
  const rnd = mulberry32(seed * 2654435761 + 11);
  const usable = pages.filter((p) => p.text.length >= 600 && p.text.split('\n').length >= 3);
  if (!usable.length) return null;
  if (seed % 5 !== 0) return pick(rnd, usable);
  const goal = int(rnd, 60000, 120000);
  const order = [...usable].sort(() => rnd() - 0.5);
  const parts: string[] = [];
  let len = 0;
  for (const p of order) {
    if (len >= goal) break;
    parts.push(p.text);
    len += p.text.length + 1;
  }
  return { name: `long(${parts.length} pages)`, text: parts.join('\n') };
}

interface Tally {
  surviving: number;
  right: number;
  wrong: number;
  partial: number;
  miss: number;
}
const tally = (): Tally => ({ surviving: 0, right: 0, wrong: 0, partial: 0, miss: 0 });

function context(text: string, s: number, e: number): string {
  const show = (x: string) => x.replace(/\n/g, '⏎');
  return `${show(text.slice(Math.max(0, s - 12), s))}【${show(text.slice(s, e))}】${show(text.slice(e, e + 12))}`;
}

function parseArgs(argv: string[]): { seeds: [number, number]; kind: Kind | null; list: boolean } {
  let seeds: [number, number] = [901, 910];
  let kind: Kind | null = null;
  const i = argv.indexOf('--seeds');
  if (i >= 0 && argv[i + 1]) {
    const [a, b] = argv[i + 1]!.split('-').map(Number);
    seeds = [a!, b ?? a!];
  }
  const k = argv.indexOf('--kind');
  if (k >= 0 && argv[k + 1]) kind = argv[k + 1] as Kind;
  return { seeds, kind, list: argv.includes('--list') };
}

const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 100);

export async function benchAnchorOutside11(argv: string[]): Promise<Record<string, number>> {
  const { seeds, kind: only, list } = parseArgs(argv);
  const pages = corpusTexts();
  if (!pages || !pages.length) {
    process.stderr.write('anchor11: ../shared/corpora/chinese-news-pages not found: nothing to measure\n');
    return {};
  }
  if (only && only !== 'mixed' && !(KINDS as readonly string[]).includes(only)) {
    process.stderr.write(`anchor11: unknown kind ${only} (have: ${KINDS.join(', ')}, mixed)\n`);
    return {};
  }
  const kinds: Kind[] = only ? [only] : [...KINDS, 'mixed'];
  const all = tally();
  const byKind = new Map<Kind, Tally>(kinds.map((k) => [k, tally()]));
  const byType = new Map<HType, Tally>(TYPES.map((t) => [t, tally()]));
  let highlights = 0;
  let lost = 0;
  let parted = 0;
  let onRemains = 0;
  let wrongLost = 0;
  const longCpu: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let seed = seeds[0]; seed <= seeds[1]; seed++) {
    const doc = textOf(seed, pages);
    if (!doc) continue;
    const old = doc.text;
    const long = seed % 5 === 0;
    const hs = makeHighlights(old, long ? 200 : 40, mulberry32(seed * 7919 + 3));
    const selectors: TextSelector[] = hs.map((h) => describe(old, h.start, h.end));
    for (const kind of kinds) {
      const rnd = mulberry32(seed * 1009 + KINDS.indexOf(kind as Single) * 31 + 77);
      const rev = revise(kind, track(old), rnd);
      // the model's own check: every kept unit reads as the old unit it came from, unless retyped
      rev.origin.forEach((o, i) => {
        if (o >= 0 && !rev.changed[i] && rev.text[i] !== old[o]) throw new Error(`anchor11: ${kind} broke the tracking at ${i}`);
      });
      const pos = positions(rev, old.length);
      const c0 = process.cpuUsage();
      const placed = anchorAll(rev.text, selectors);
      const c1 = process.cpuUsage(c0);
      if (long) longCpu.push((c1.user + c1.system) / 1000);
      hs.forEach((h, k) => {
        highlights++;
        const truth: Truth = truthOf(old, rev, pos, h.start, h.end);
        const p = placed[k] ?? null;
        const v: Verdict = judge(rev, truth, h.start, h.end, p);
        if (truth.state === 'lost') lost++;
        if (truth.state === 'parted') parted++;
        if (v === 'on_remains') onRemains++;
        if (v === 'wrong_lost') wrongLost++;
        for (const t of [all, byKind.get(kind)!, byType.get(h.type)!]) {
          if (truth.state === 'surviving') t.surviving++;
          if (v === 'right') t.right++;
          if (v === 'wrong' || v === 'wrong_lost') t.wrong++;
          if (v === 'partial') t.partial++;
          if (v === 'miss') t.miss++;
        }
        if (list && (v === 'miss' || v === 'partial' || v === 'wrong' || v === 'wrong_lost')) {
          const lines = [
            `${v.toUpperCase()} seed ${seed} ${kind} ${doc.name} ${h.type} old ${h.start}: ${context(old, h.start, h.end)}`,
            truth.state === 'surviving' ? `    true ${truth.start}: ${context(rev.text, truth.start, truth.end)}` : `    (${truth.state})`,
          ];
          if (p) lines.push(`    placed ${p.start}: ${context(rev.text, p.start, p.end)}`);
          process.stdout.write(`${lines.join('\n')}\n`);
        }
      });
    }
  }
  const cpu = process.cpuUsage(cpu0);
  longCpu.sort((a, b) => a - b);
  const out: Record<string, number> = {
    anchor_out11_recall_pct: pct(all.right, all.surviving),
    anchor_out11_wrong: all.wrong,
    anchor_out11_highlights: highlights,
    anchor_out11_surviving: all.surviving,
    anchor_out11_miss: all.miss,
    anchor_out11_partial: all.partial,
    anchor_out11_lost: lost,
    anchor_out11_parted: parted,
    anchor_out11_on_remains: onRemains,
    anchor_out11_wrong_lost: wrongLost,
  };
  for (const [k, t] of byKind) {
    out[`anchor_out11_${k}_recall_pct`] = pct(t.right, t.surviving);
    out[`anchor_out11_${k}_wrong`] = t.wrong;
    out[`anchor_out11_${k}_surviving`] = t.surviving;
  }
  for (const [k, t] of byType) {
    out[`anchor_out11_type_${k}_recall_pct`] = pct(t.right, t.surviving);
    out[`anchor_out11_type_${k}_wrong`] = t.wrong;
  }
  if (longCpu.length) {
    out.anchor_out11_long_anchorall_cpu_ms_median = Math.round(longCpu[Math.floor(longCpu.length / 2)]!);
    out.anchor_out11_long_anchorall_cpu_ms_max = Math.round(longCpu.at(-1)!);
  }
  out.anchor_out11_run_cpu_s = Math.round((cpu.user + cpu.system) / 1e5) / 10;
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchAnchorOutside11(process.argv.slice(2)).then((out) => {
    for (const [k, v] of Object.entries(out)) process.stdout.write(`${k}: ${v}\n`);
  });
}
