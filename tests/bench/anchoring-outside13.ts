/**
 * Anchoring bench of a THIRTEENTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies
 * (their header comments were read to pick kinds none of them lists and to follow their output;
 * anchoring-outside12-judge.ts and its test were read as a model of the judge, and its tracking,
 * splice, verdict and tally pieces are imported; of anchoring-outside11-judge.ts only the exported
 * signatures; renderer/core/highlights/anchorJob.ts for how the app calls describe/anchorAll;
 * anchoring-prose.ts, seeded.ts and run.ts).
 *
 *   npx tsx tests/bench/anchoring-outside13.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor13 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n', anchoring-prose.ts corpusTexts()),
 * read in place and never copied; pages of 600+ units; every fifth seed a long article of
 * 60k–120k units made by joining pages, each page once (at most the whole pool). Without the
 * corpora the bench prints why and reports nothing. Words the revisions write (separator lines,
 * tags, subjects, synonyms) are made up here from small lists of our own.
 *
 * Highlights, made on the old text, as readers make them: sentence, clause, term (2–4 Han units
 * after a particle or mark), number (with its unit), quote (inside “”, with or without the
 * marks), cross (a span over a paragraph break), repeated (one chosen occurrence of a 4–8-unit
 * phrase the text holds more than once), parastart (a paragraph's first words), first and last
 * (the article's first and last words). 40 per text, 200 on a long article. Described once with
 * describe() and re-found with one anchorAll() per revision, as anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the old text, then `mixed`: three in a row):
 * - entities: a CMS that escaped its marks: in a run of 30–70% of the paragraphs “”‘’ —— …… · and
 *   & written as HTML entities (&ldquo; &rdquo; &lsquo; &rsquo; &mdash; &hellip; &middot; &amp;),
 *   U+3000 as &nbsp;: the mark is gone, seven units of text stand for it.
 * - tags: a CMS that leaked its markup: in a run of 40–80% of the paragraphs each paragraph inside
 *   <p>…</p> (or <p style="text-indent:2em;">), a tenth of the sentences and some terms inside
 *   <strong>…</strong> / <span style="color:#c00000;">…</span>, <br /> between some sentences.
 * - lead_lift: an editor's 导语: 1–2 sentences (8–80 units, those with figures first) MOVED out
 *   of body paragraphs into a new paragraph under the title (half the time led by 【导读】); a
 *   paragraph left empty goes. The moved units are the old units: a placement there is right.
 * - followup: a 合订本/追踪报道: another page appended after a separator line (——追踪报道—— /
 *   【相关报道】 / ◆ 延伸阅读 ◆), its title, and an opening that repeats this article's lead
 *   sentence verbatim (此前，本网以《title》为题报道：“…” / 据此前报道，…); then its paragraphs.
 * - localise: a 地方转载: 我国→我省, 全国→全省, 国内→省内, 各地→各市县, 国家级→省级, 举国→全省 at
 *   70% of the uses, a （本网转载时有改动） line under the title. Light on news pages.
 * - dunhao: a 标点校对: between short parallel items (1–6 Han units) 、↔， retyped at 60% of the
 *   lists, and in short lines (headings) 、 retyped as a space.
 * - runin: 小标题 run in: a short line (≤ 30 units, no end mark, not the first) joined to the
 *   paragraph after it, one style per text: 【head】para, head。para or head：para.
 * - xigao: a 洗稿 repost: common words swapped for synonyms at 35% of their uses (提高→提升,
 *   加强→强化, 推动→推进, 显示→表明, 开始→启动, 帮助→协助, 希望→期望, 情况→状况, 已经→业已,
 *   表示→称, 同时→与此同时, 但是→不过, 因此→所以, 举行→举办, 采取→采用, 所有→全部 …).
 * - spaced: a PDF with 字间距 re-extracted: in a run of a quarter to a half of the paragraphs of
 *   40+ units every two neighbouring Han units written apart (a space, or U+3000 in a third of texts).
 * - mixed: three different kinds in a row, entities and tags (a CMS's escaping) applied last.
 * Definitions of SURVIVING, RIGHT, PARTIAL, WRONG, MISS, LOST, PARTED, ON_REMAINS, WRONG_LOST, of
 * COPY/TWIN and MOVED: anchoring-outside13-judge.ts.
 *
 * Output: anchor_out13_recall_pct, anchor_out13_wrong (surviving placed elsewhere + lost or parted
 * placed elsewhere), _wrong_on_copy, _highlights, _surviving, _miss, _partial, _lost, _parted,
 * _on_remains, _wrong_lost, _moved_right / _moved_surviving (lead_lift); per kind (recall, wrong, surviving)
 * and per highlight type (recall, wrong); the CPU time of one anchorAll on a long article
 * (median, max) and of the whole run. `--list` prints every miss, partial and wrong with context
 * (⏎ is a paragraph break): old place, true new place and the placed one. Written on seeds
 * 901–910 only (the default range).
 *
 * While writing it (development seeds 901–910 only, main ddc6027's shared/anchoring, 2026-12-07
 * 04:50 UTC, seven helpers beside it): 99.4% placed, 0 wrong (7200 highlights, 7040 surviving, 36
 * miss, 3 partial, 62 lost, 98 parted, 101 on their remains; moved passages 4 right of 14);
 * entities 100, tags 96.7, lead_lift 98.3, followup 100, localise 99.9, dunhao 100, runin 99.9,
 * xigao 100, spaced 100, mixed 99.4; by type sentence 99.6, clause 99.7, term 99.6, number 98,
 * quote 99.6, cross 99.8, repeated 99.3, parastart 99.2, first 100, last 100; anchorAll on a long
 * article CPU median 89 ms, max 236 ms. The misses listed there were read only to check the judge
 * (e.g. a paragraph's opening now under a written <p><strong>: a miss, rightly counted).
 *
 * FIRST MEASUREMENT, seeds 1–40, run once before any miss was looked at (lead, 2026-12-07 05:01 UTC,
 * main 7f3b87a's shared/anchoring = ddc6027; seven helpers running, load ~20):
 *   anchor_out13_recall_pct 98.8   anchor_out13_wrong 1 (mixed, a term, on a copy)   highlights 28800
 *   surviving 27955   miss 337   partial 3   lost 402 (on their remains 589)   moved placed right 39
 *   by kind (recall %): entities 100, tags 92.2, lead_lift 99.4, followup 100, localise 100,
 *   dunhao 100, runin 99.9, xigao 100, spaced 99.5, mixed 96.1 (1 wrong)
 *   by type (recall %): sentence 98.4, clause 99.2, term 98.9 (1 wrong), number 99.3, quote 99.6,
 *   cross 99.6, repeated 97.3, parastart 98.8, first 99.5, last 99.7
 *   one anchorAll on a long article: CPU median 75 ms, max 244 ms (loaded machine); whole run 13.1 s CPU
 * Not met: 99% (tags 92.2, mixed 96.1) and 0 wrong.
 *
 * LATER (anchor21e, seen seeds 1–40 only, same texts, old = main ff609c2): 98.8% → 99.8% placed,
 *   1 → 0 wrong; miss 337 → 61, partial 3 → 0, moved placed right 39 → 41; tags 92.2 → 99.5,
 *   mixed 96.1 → 99.5, other kinds unchanged (lead_lift 99.4, spaced 99.5, runin 99.9).
 *   - tags: leaked formatting tags (<p style=…>, </p>, <strong>, <span …>, <br />) are dropped
 *     from the comparison form (normalise.ts tagAt): only formatting tag names, closed on the line,
 *     name=value attributes; "a<b", "<10万", <script> stay words.
 *   - the wrong (mixed: followup then lead_lift lifted the followup's sentence quoting the
 *     untitled article's whole first paragraph to line 2, so that copy held the stored context
 *     past the line break better than the passage itself): a passage unique in the old text that
 *     stands at its very stored offset with its own line's context on both sides is placed there
 *     (index.ts atStoredLine).
 *   Left: repeated phrases of the long articles (the same page's words in several joined pages:
 *   "tags repeated", "spaced repeated" — copies no context decides), lead_lift sentences moved
 *   with both sides new (a move and a cut-plus-restatement look alike; dropped.ts refuses those
 *   on purpose, other benches count the restatement as lost).
 * FRESH, once, seeds 41–80, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   99.9% placed, 0 wrong; entities/runin/xigao/spaced 99.9, lead_lift 99.6, mixed 99.7, the rest 100.
 * FRESH, once, seeds 81–120, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   99.8% placed, 0 wrong.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { anchorAll, describe } from '../../shared/anchoring';
import { corpusTexts, PROSE_DIR } from './anchoring-prose';
import {
  around,
  Books,
  Builder,
  judgeOne,
  positions,
  splice,
  track,
  type Span,
  type Splice,
  type Tracked,
} from './anchoring-outside13-judge';
import { mulberry32 } from './seeded';

export const KINDS = ['entities', 'tags', 'lead_lift', 'followup', 'localise', 'dunhao', 'runin', 'xigao', 'spaced'] as const;
export type Kind = (typeof KINDS)[number] | 'mixed';
export const TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'parastart', 'first', 'last'] as const;
export type HType = (typeof TYPES)[number];

export interface Highlight extends Span {
  type: HType;
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: Rnd, a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
const HAN = /[\u3400-\u9fff]/;
const isHan = (ch: string | undefined) => !!ch && HAN.test(ch);
const END = /[。！？；]/;
const CLOSE = /[”’）」』]/;

/** Non-empty lines of the text: [start, end) each. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++)
    if (i === text.length || text[i] === '\n') {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  return out;
}

/** Sentences of a paragraph: up to 。！？； and the closing marks right after it. */
export function sentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let s = p.start;
  for (let i = p.start; i < p.end; i++)
    if (END.test(text[i]!)) {
      let e = i + 1;
      while (e < p.end && CLOSE.test(text[e]!)) e++;
      out.push({ start: s, end: e });
      s = e;
      i = e - 1;
    }
  if (s < p.end) out.push({ start: s, end: p.end });
  return out.filter((x) => x.end > x.start);
}

/** [s, e) without white space at either edge. */
function trim(text: string, s: number, e: number): Span | null {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** One highlight of `type` on `text`, or null when the text offers none this try. */
function oneOf(text: string, type: HType, paras: Span[], rnd: Rnd): Span | null {
  const para = () => pick(rnd, paras);
  switch (type) {
    case 'sentence': {
      const ss = sentences(text, para()).filter((x) => x.end - x.start >= 8 && x.end - x.start <= 120);
      return ss.length ? trim(text, ...spanArgs(pick(rnd, ss))) : null;
    }
    case 'clause': {
      const p = para();
      const cuts = [p.start];
      for (let i = p.start; i < p.end; i++) if (/[，、：；。！？]/.test(text[i]!)) cuts.push(i + 1);
      cuts.push(p.end);
      const k = Math.floor(rnd() * (cuts.length - 1));
      const s = cuts[k]!;
      let e = cuts[k + 1]!;
      if (/[，、：；。！？]/.test(text[e - 1] ?? '')) e--;
      return e - s >= 4 && e - s <= 40 ? trim(text, s, e) : null;
    }
    case 'term': {
      const p = para();
      const at: number[] = [];
      for (let i = p.start; i < p.end - 2; i++)
        if (/[的了在和与对，、“：]/.test(text[i]!) && isHan(text[i + 1]) && isHan(text[i + 2])) at.push(i + 1);
      if (!at.length) return null;
      const s = pick(rnd, at);
      let e = s;
      const n = int(rnd, 2, 4);
      while (e < p.end && e - s < n && isHan(text[e])) e++;
      return e - s >= 2 ? { start: s, end: e } : null;
    }
    case 'number': {
      const p = para();
      const re = /\d+(?:[.,]\d+)*(?:万|亿|千|百)?(?:多|余)?(?:元|人|个|家|年|月|日|%|％|公里|吨|项|户|次|名|岁|倍|件|辆|米|天|小时|分钟)?/g;
      const seg = text.slice(p.start, p.end);
      const ms = [...seg.matchAll(re)].filter((m) => m[0].length >= 2);
      if (!ms.length) return null;
      const m = pick(rnd, ms);
      return { start: p.start + m.index!, end: p.start + m.index! + m[0].length };
    }
    case 'quote': {
      const p = para();
      const seg = text.slice(p.start, p.end);
      const ms = [...seg.matchAll(/“([^”\n]{2,60})”/g)];
      if (!ms.length) return null;
      const m = pick(rnd, ms);
      const s = p.start + m.index!;
      return rnd() < 0.5 ? { start: s, end: s + m[0].length } : trim(text, s + 1, s + m[0].length - 1);
    }
    case 'cross': {
      if (paras.length < 2) return null;
      const k = Math.floor(rnd() * (paras.length - 1));
      const a = paras[k]!;
      const b = paras[k + 1]!;
      const s = Math.max(a.start, a.end - int(rnd, 4, 20));
      const e = Math.min(b.end, b.start + int(rnd, 4, 20));
      return trim(text, s, e);
    }
    case 'repeated': {
      for (let tries = 0; tries < 60; tries++) {
        const n = int(rnd, 4, 8);
        const s = Math.floor(rnd() * Math.max(1, text.length - n));
        const w = text.slice(s, s + n);
        if (w.length < n || /\s/.test(w)) continue;
        if (text.indexOf(w) !== text.lastIndexOf(w)) return { start: s, end: s + n };
      }
      return null;
    }
    case 'parastart': {
      const p = para();
      return trim(text, p.start, Math.min(p.end, p.start + int(rnd, 4, 20)));
    }
    case 'first':
      return trim(text, 0, Math.min(text.length, int(rnd, 4, 16)));
    case 'last':
      return trim(text, Math.max(0, text.length - int(rnd, 4, 16)), text.length);
  }
}
const spanArgs = (s: Span): [number, number] => [s.start, s.end];

/** `n` highlights on `text` (first and last once each, the other types in turn), seeded by `rnd`. */
export function makeHighlights(text: string, n: number, rnd: Rnd): Highlight[] {
  const paras = paragraphs(text);
  const out: Highlight[] = [];
  for (const type of ['first', 'last'] as const) {
    const s = oneOf(text, type, paras, rnd);
    if (s) out.push({ ...s, type });
  }
  const rest = TYPES.filter((t) => t !== 'first' && t !== 'last');
  for (let i = 0, fails = 0; out.length < n && fails < 20 * n; i++) {
    const type = rest[i % rest.length]!;
    const s = oneOf(text, type, paras, rnd);
    if (s) out.push({ ...s, type });
    else fails++;
  }
  return out;
}

// ---- the revisions: each returns splices of the current text (or builds it, for moves) ----

/** A contiguous run of paragraphs, `lo`–`hi` of them (a fraction). */
function runOf(paras: Span[], rnd: Rnd, lo: number, hi: number): Span[] {
  const k = Math.max(1, Math.round(paras.length * (lo + rnd() * (hi - lo))));
  const s = Math.floor(rnd() * Math.max(1, paras.length - k + 1));
  return paras.slice(s, s + k);
}

const ENTITY: Record<string, string> = {
  '“': '&ldquo;',
  '”': '&rdquo;',
  '‘': '&lsquo;',
  '’': '&rsquo;',
  '—': '&mdash;',
  '…': '&hellip;',
  '·': '&middot;',
  '&': '&amp;',
  '\u3000': '&nbsp;',
};

/** entities: every mark of a run of paragraphs written as its HTML entity (the mark is gone). */
function entities(t: Tracked, rnd: Rnd): Tracked {
  const sp: Splice[] = [];
  for (const p of runOf(paragraphs(t.text), rnd, 0.3, 0.7))
    for (let i = p.start; i < p.end; i++) {
      const ent = ENTITY[t.text[i]!];
      if (ent) sp.push({ start: i, end: i + 1, insert: ent });
    }
  return splice(t, sp);
}

/** tags: <p> around a run of paragraphs, <strong>/<span> around some sentences and terms, <br /> between some sentences. */
function tags(t: Tracked, rnd: Rnd): Tracked {
  const text = t.text;
  const open = rnd() < 0.5 ? '<p>' : '<p style="text-indent:2em;">';
  const [bo, bc] = rnd() < 0.5 ? ['<strong>', '</strong>'] : ['<span style="color:#c00000;">', '</span>'];
  const sp: Splice[] = [];
  for (const p of runOf(paragraphs(text), rnd, 0.4, 0.8)) {
    sp.push({ start: p.start, end: p.start, insert: open });
    const ss = sentences(text, p);
    ss.forEach((s, k) => {
      const r = rnd();
      if (r < 0.1) {
        sp.push({ start: s.start, end: s.start, insert: bo });
        sp.push({ start: s.end, end: s.end, insert: bc });
      } else if (r < 0.2) {
        // a term: 2–4 Han units after a mark or particle inside the sentence
        for (let i = s.start; i < s.end - 3; i++)
          if (/[，、的在]/.test(text[i]!) && isHan(text[i + 1]) && isHan(text[i + 2])) {
            let e = i + 1;
            while (e < s.end && e - i - 1 < 4 && isHan(text[e])) e++;
            sp.push({ start: i + 1, end: i + 1, insert: bo });
            sp.push({ start: e, end: e, insert: bc });
            break;
          }
      }
      if (k < ss.length - 1 && rnd() < 0.1) sp.push({ start: s.end, end: s.end, insert: '<br />' });
    });
    sp.push({ start: p.end, end: p.end, insert: '</p>' });
  }
  // insertions at one point keep their given order: a closing tag before the next opening one
  sp.sort((a, b) => a.start - b.start || rank(a.insert) - rank(b.insert));
  return splice(t, sp);
}
const rank = (s: string) => (s.startsWith('</') ? 0 : s === '<br />' ? 1 : s.startsWith('<p') ? 2 : 3);

/** lead_lift: 1–2 body sentences moved into a new paragraph under the title. */
function leadLift(t: Tracked, rnd: Rnd): Tracked {
  const text = t.text;
  const paras = paragraphs(text);
  if (paras.length < 3) return t;
  const cands = paras
    .slice(2)
    .flatMap((p) => sentences(text, p))
    .filter((s) => s.end - s.start >= 8 && s.end - s.start <= 80 && END.test(text.slice(s.start, s.end)));
  if (!cands.length) return t;
  const withFig = cands.filter((s) => /\d/.test(text.slice(s.start, s.end)));
  const n = Math.min(cands.length, int(rnd, 1, 2));
  const chosen: Span[] = [];
  for (let k = 0; k < 10 && chosen.length < n; k++) {
    const s = pick(rnd, withFig.length && rnd() < 0.7 ? withFig : cands);
    if (!chosen.some((c) => c.start === s.start)) chosen.push(s);
  }
  chosen.sort((a, b) => a.start - b.start);
  // a sentence that was its whole paragraph takes the line break before it along
  const cut = chosen.map((s) => {
    const whole = (s.start === 0 || text[s.start - 1] === '\n') && (s.end === text.length || text[s.end] === '\n');
    return whole ? { start: s.start - 1, end: s.end } : s;
  });
  const at = paras[0]!.end; // after the title line
  const b = new Builder(t);
  b.keep(0, at);
  b.write('\n');
  if (rnd() < 0.5) b.write('【导读】');
  for (const s of chosen) b.keep(s.start, s.end);
  let from = at;
  for (const c of cut) {
    b.keep(from, c.start);
    from = c.end;
  }
  b.keep(from, text.length);
  return b.done();
}

/** The first sentence of the lead paragraph (the one after the title, or the only one). */
function leadSentence(text: string): string {
  const paras = paragraphs(text);
  const p = paras[paras.length > 1 ? 1 : 0]!;
  const s = sentences(text, p)[0]!;
  return text.slice(s.start, s.end);
}

/** followup: another page appended, its opening repeating this article's lead sentence. */
function followup(t: Tracked, rnd: Rnd, other: string): Tracked {
  const title = t.text.slice(0, paragraphs(t.text)[0]?.end ?? 0);
  const lead = leadSentence(t.text);
  const ops = paragraphs(other);
  const oTitle = ops.length ? other.slice(ops[0]!.start, ops[0]!.end) : '后续报道';
  const body = ops.slice(1, 1 + int(rnd, 3, 8)).map((p) => other.slice(p.start, p.end));
  const sep = pick(rnd, ['——追踪报道——', '【相关报道】', '◆ 延伸阅读 ◆']);
  const opening =
    rnd() < 0.5 ? `此前，本网以《${title}》为题报道：“${lead.replace(/[“”]/g, '')}”记者近日再次回访。` : `据此前报道，${lead}`;
  const add = ['', sep, oTitle, opening, ...body].join('\n');
  return splice(t, [{ start: t.text.length, end: t.text.length, insert: add }]);
}

const LOCAL: Record<string, string> = { 我国: '我省', 全国: '全省', 国内: '省内', 各地: '各市县', 国家级: '省级', 举国: '全省' };

/** localise: national words made the province's at 70% of their uses, a note under the title. */
function localise(t: Tracked, rnd: Rnd): Tracked {
  const sp: Splice[] = [];
  for (const m of t.text.matchAll(/我国|全国|国内|各地|国家级|举国/g))
    if (rnd() < 0.7) sp.push({ start: m.index!, end: m.index! + m[0].length, insert: LOCAL[m[0]]! });
  const e = paragraphs(t.text)[0]?.end ?? 0;
  sp.push({ start: e, end: e, insert: '\n（本网转载时有改动）' });
  return splice(t, sp);
}

/** dunhao: 、↔， between short parallel items (retyped), 、 in short lines retyped as a space. */
function dunhao(t: Tracked, rnd: Rnd): Tracked {
  const text = t.text;
  const sp: Splice[] = [];
  for (const p of paragraphs(text)) {
    const line = text.slice(p.start, p.end);
    // a heading: a short line with no sentence end in it and no mark at its end (a wrapped line ends in one)
    if (line.length <= 30 && !END.test(line) && !/[，、：“（]$/.test(line)) {
      for (let i = p.start; i < p.end; i++) if (text[i] === '、') sp.push({ start: i, end: i + 1, insert: ' ', retype: true });
      continue;
    }
    // a list: 3+ items of 1–6 Han units parted by one mark, 、 or ，
    for (const m of line.matchAll(/(?:[\u3400-\u9fff]{1,6}[、，]){2,}[\u3400-\u9fff]{1,6}/g)) {
      const marks = [...m[0]].map((ch, i) => (ch === '、' || ch === '，' ? i : -1)).filter((i) => i >= 0);
      const kinds = new Set(marks.map((i) => m[0][i]));
      if (kinds.size !== 1 || rnd() >= 0.6) continue;
      const to = m[0][marks[0]!] === '、' ? '，' : '、';
      for (const i of marks) sp.push({ start: p.start + m.index! + i, end: p.start + m.index! + i + 1, insert: to, retype: true });
    }
  }
  return splice(t, sp);
}

/** runin: a short line (not the first) joined to the paragraph after it, one style per text. */
function runin(t: Tracked, rnd: Rnd): Tracked {
  const text = t.text;
  const style = pick(rnd, ['bracket', 'stop', 'colon'] as const);
  const paras = paragraphs(text);
  const sp: Splice[] = [];
  for (let k = 1; k < paras.length - 1; k++) {
    const p = paras[k]!;
    const line = text.slice(p.start, p.end);
    if (line.length > 30 || /[。！？；：，]$/.test(line) || paras[k + 1]!.start !== p.end + 1) continue;
    const next = text.slice(paras[k + 1]!.start, paras[k + 1]!.end);
    if (next.length <= 30) continue; // a line before another short line is no heading of a paragraph
    if (style === 'bracket') {
      sp.push({ start: p.start, end: p.start, insert: '【' });
      sp.push({ start: p.end, end: p.end + 1, insert: '】' });
    } else sp.push({ start: p.end, end: p.end + 1, insert: style === 'stop' ? '。' : '：' });
  }
  return splice(t, sp);
}

const SYN: Record<string, string> = {
  提高: '提升',
  加强: '强化',
  推动: '推进',
  显示: '表明',
  开始: '启动',
  帮助: '协助',
  希望: '期望',
  情况: '状况',
  已经: '业已',
  表示: '称',
  同时: '与此同时',
  但是: '不过',
  因此: '所以',
  举行: '举办',
  采取: '采用',
  所有: '全部',
};
const SYN_RE = new RegExp(Object.keys(SYN).join('|'), 'g');

/** xigao: common words swapped for synonyms at 35% of their uses (the old words gone). */
function xigao(t: Tracked, rnd: Rnd): Tracked {
  const sp: Splice[] = [];
  for (const m of t.text.matchAll(SYN_RE)) if (rnd() < 0.35) sp.push({ start: m.index!, end: m.index! + m[0].length, insert: SYN[m[0]]! });
  return splice(t, sp);
}

/** spaced: in a run of long paragraphs every two neighbouring Han units written apart. */
function spaced(t: Tracked, rnd: Rnd): Tracked {
  const text = t.text;
  const gap = rnd() < 1 / 3 ? '\u3000' : ' ';
  const long = paragraphs(text).filter((p) => p.end - p.start >= 40);
  const sp: Splice[] = [];
  if (!long.length) return t;
  for (const p of runOf(long, rnd, 0.25, 0.5))
    for (let i = p.start + 1; i < p.end; i++) if (isHan(text[i - 1]) && isHan(text[i])) sp.push({ start: i, end: i, insert: gap });
  return splice(t, sp);
}

/** One revision of `t` of `kind` (mixed: three different kinds in a row). `other` is another page's text. */
export function revise(kind: Kind, t: Tracked, rnd: Rnd, other = ''): Tracked {
  switch (kind) {
    case 'entities':
      return entities(t, rnd);
    case 'tags':
      return tags(t, rnd);
    case 'lead_lift':
      return leadLift(t, rnd);
    case 'followup':
      return followup(t, rnd, other);
    case 'localise':
      return localise(t, rnd);
    case 'dunhao':
      return dunhao(t, rnd);
    case 'runin':
      return runin(t, rnd);
    case 'xigao':
      return xigao(t, rnd);
    case 'spaced':
      return spaced(t, rnd);
    case 'mixed': {
      const ks = [...KINDS].sort(() => rnd() - 0.5).slice(0, 3);
      // a page's markup comes last: a CMS escapes what the editors wrote
      ks.sort((a, b) => Number(a === 'entities' || a === 'tags') - Number(b === 'entities' || b === 'tags'));
      return ks.reduce((cur, k) => revise(k, cur, rnd, other), t);
    }
  }
}

// ---- the run ----

interface Options {
  from: number;
  to: number;
  kind: Kind | null;
  list: boolean;
}

function options(argv: readonly string[]): Options {
  const o: Options = { from: 901, to: 910, kind: null, list: argv.includes('--list') };
  const i = argv.indexOf('--seeds');
  if (i >= 0 && argv[i + 1]) {
    const [a, b] = argv[i + 1]!.split('-').map(Number);
    o.from = a!;
    o.to = b ?? a!;
  }
  const k = argv.indexOf('--kind');
  if (k >= 0 && argv[k + 1]) o.kind = argv[k + 1] as Kind;
  return o;
}

/** The seed's old text (every fifth seed a long article of joined pages) and another page for followup. */
function textOf(seed: number, pool: { name: string; text: string }[]): { name: string; text: string; other: string } {
  const rnd = mulberry32(seed * 7919 + 13);
  if (seed % 5 === 0) {
    const want = 60_000 + Math.floor(rnd() * 60_000);
    const order = [...pool.keys()].sort(() => rnd() - 0.5);
    const parts: string[] = [];
    let len = 0;
    let k = 0;
    for (; k < order.length && len < want; k++) {
      parts.push(pool[order[k]!]!.text);
      len += pool[order[k]!]!.text.length + 1;
    }
    // the page the followup appends is never one of the article's own
    if (k >= order.length && parts.length > 1) {
      parts.pop();
      k--;
    }
    const other = pool[order[k % order.length]!]!.text;
    return { name: `long(${parts.length} pages)`, text: parts.join('\n'), other };
  }
  const a = Math.floor(rnd() * pool.length);
  const b = (a + 1 + Math.floor(rnd() * (pool.length - 1))) % pool.length;
  return { name: pool[a]!.name, text: pool[a]!.text, other: pool[b]!.text };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function benchAnchorOutside13(argv: readonly string[] = []): Record<string, number> {
  const o = options(argv);
  const all = corpusTexts();
  if (!all || !existsSync(PROSE_DIR)) {
    process.stderr.write(`anchor13: no corpora at ${PROSE_DIR}: nothing measured\n`);
    return {};
  }
  const pool = all.filter((t) => t.text.length >= 600);
  if (o.kind && o.kind !== 'mixed' && !(KINDS as readonly string[]).includes(o.kind)) {
    process.stderr.write(`anchor13: unknown kind ${o.kind} (have: ${KINDS.join(', ')}, mixed)\n`);
    return {};
  }
  const kinds: Kind[] = o.kind ? [o.kind] : [...KINDS, 'mixed'];
  const books = new Books();
  const longCpu: number[] = [];
  const t0 = cpuMs();
  for (let seed = o.from; seed <= o.to; seed++) {
    const { name, text, other } = textOf(seed, pool);
    const long = seed % 5 === 0;
    const hs = makeHighlights(text, long ? 200 : 40, mulberry32(seed * 104729 + 1));
    const selectors = hs.map((h) => describe(text, h.start, h.end));
    kinds.forEach((kind, ki) => {
      const rev = revise(kind, track(text), mulberry32(seed * 1000 + ki + 1), other);
      const c0 = cpuMs();
      const placed = anchorAll(rev.text, selectors);
      if (long) longCpu.push(cpuMs() - c0);
      const pos = positions(rev, text.length);
      hs.forEach((h, i) => {
        const p = placed[i] ? { start: placed[i]!.start, end: placed[i]!.end } : null;
        const j = judgeOne(text, rev, pos, h, p);
        books.add(['all', `kind:${kind}`, `type:${h.type}`], j);
        if (o.list && (j.verdict === 'miss' || j.verdict === 'partial' || j.verdict === 'wrong' || j.verdict === 'wrong_lost')) {
          const truth = j.truth.state === 'surviving' ? { start: j.truth.start, end: j.truth.end } : null;
          process.stdout.write(
            `${j.verdict.toUpperCase()}${j.source ? `(${j.source})` : ''} seed ${seed} ${kind} ${h.type} ${name}\n` +
              `  old    ${around(text, h)}\n  true   ${around(rev.text, truth)}\n  placed ${around(rev.text, p)}\n`,
          );
        }
      });
    });
  }
  const total = cpuMs() - t0;
  const a = books.get('all');
  const out: Record<string, number> = {
    anchor_out13_recall_pct: a.recallPct,
    anchor_out13_wrong: a.allWrong,
    anchor_out13_wrong_on_copy: a.wrongCopy,
    anchor_out13_highlights: a.highlights,
    anchor_out13_surviving: a.surviving,
    anchor_out13_miss: a.miss,
    anchor_out13_partial: a.partial,
    anchor_out13_lost: a.lost,
    anchor_out13_parted: a.parted,
    anchor_out13_on_remains: a.onRemains,
    anchor_out13_wrong_lost: a.wrongLost,
    anchor_out13_moved_right: books.movedRight,
    anchor_out13_moved_surviving: books.movedSurviving,
  };
  for (const k of kinds) {
    const t = books.get(`kind:${k}`);
    out[`anchor_out13_${k}_recall_pct`] = t.recallPct;
    out[`anchor_out13_${k}_wrong`] = t.allWrong;
    out[`anchor_out13_${k}_surviving`] = t.surviving;
  }
  for (const ty of TYPES) {
    const t = books.get(`type:${ty}`);
    out[`anchor_out13_type_${ty}_recall_pct`] = t.recallPct;
    out[`anchor_out13_type_${ty}_wrong`] = t.allWrong;
  }
  const sorted = [...longCpu].sort((x, y) => x - y);
  if (sorted.length) {
    out.anchor_out13_long_cpu_median_ms = Math.round(sorted[Math.floor(sorted.length / 2)]!);
    out.anchor_out13_long_cpu_max_ms = Math.round(sorted[sorted.length - 1]!);
  }
  out.anchor_out13_run_cpu_s = Math.round(total / 100) / 10;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(benchAnchorOutside13(process.argv.slice(2)))) process.stdout.write(`${k}: ${v}\n`);
}
