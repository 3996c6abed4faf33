/**
 * Anchoring bench of a SEVENTEENTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed again and none on the wrong words, on
 * edits never seen). Written without reading shared/anchoring beyond the exported signatures and
 * doc comments of shared/anchoring/index.ts (and the TextSelector fields' comments in types.ts), nor
 * the anchoring unit tests, nor the other benches' bodies (their header comments were read to pick
 * kinds none of them lists and to follow their output; anchoring-outside11-judge.ts to
 * anchoring-outside16-judge.ts and the sixteenth judge's unit test were read as the model of a
 * judge and to import its pieces; renderer/core/highlights/anchorJob.ts for how the app calls
 * describe/anchorAll; anchoring-prose.ts, seeded.ts and run.ts for the texts, the random numbers
 * and the registration).
 *   npx tsx tests/bench/anchoring-outside17.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor17 [--seeds a-b] [--kind name] [--list]
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (anchoring-prose.ts corpusTexts(): paragraphs joined by '\n'),
 * read in place and never copied; every fifth seed a long article of 60k–120k units made by
 * joining pages, each page at most once (so at most the whole pool). Pages of 600+ units and 4+
 * lines only. Without the corpora the bench prints why and reports nothing. Words the revisions
 * write (names of a province, link labels, 结语 openers) come from small lists of our own.
 * Highlights, made on the old text as readers make them: sentence, clause (between marks, 4–40
 * units), term (2–4 Han units after a particle or a mark), number (digits or a Chinese numeral
 * with its measure word), quote (inside “”, with or without the marks), cross (the last clause of
 * a paragraph and the first of the next), repeated (one chosen occurrence of a 4–8-unit phrase the
 * text holds more than once), para_start (a paragraph's first words), first and last (the
 * article's first and last words). 40 per text, 200 on a long article; described once with
 * describe() and re-found with one anchorAll() per revision, as anchorJob.ts does.
 * Revision kinds (each on its own on a fresh copy of the old text, then `mixed`: three in a row),
 * none of them in the sixteen benches' headers:
 * - liangci: a 校对 pass over 量词: 个 after a numeral or 这/那/每/各/该 retyped as the measure word
 *   its noun takes (项 措施/任务/制度…, 名 干部/党员/记者…, 家 企业/单位…, 所 学校, 座 城市, 条
 *   建议/经验…, 场 会议/讲座…, 位 专家/嘉宾…) at 75% of the places.
 * - yinwen: 引文核校: quotations “…” of 8+ units checked against the source, 60% of them corrected
 *   by one unit: a Han unit the source lacks dropped, a word it has (的 了 要 都 也 和 更) put in,
 *   or one retyped as the source's (和↔与, 及→和, 应↔要, 使↔让, 这↔此).
 * - jieyu: a 结语 added by an editor: 总之， / 综上所述， / 【结语】 / 结语： and 2–3 of the
 *   article's sentences (12–60 units) restated word for word, as a last paragraph (before a short
 *   last line such as a credit, when there is one); on a long article one per 20k units.
 * - zimu: a 字幕稿 (a video of the talk, its subtitles saved as text) for a run of 30–60% of the
 *   paragraphs: every ，。；：！？ set as a line break (the paragraph's last one dropped), every 、 a
 *   space. The judge reads a mark that became a break or a space as kept, and does not ask for one
 *   at a highlight's edge (BROKEN, anchoring-outside17-judge.ts).
 * - waixuan: a 外宣/全国平台 reprint naming what the local paper took for granted: 我国 → 中国,
 *   我省 / 我市 / 我县 / 我区 → a name (one made-up place per text), 本报 → its paper's name, 本网
 *   → its site's name, at 80% of the uses.
 * - lianjie: a government portal's links to documents: after 70% of the 《…》 titles a link label
 *   (（点击查看） / 【原文链接】 / （附全文） / >>查看原文, one per text), and half the time a 相关文件：
 *   list at the end copying those titles, one a line.
 * - paibi: a 排比 laid out in lines (a 公众号 layout): a run of 3+ clauses of a sentence opening
 *   with the same two units (or with the same one of 要/以/把/让/用/在/是/抓/靠/促) set one a line (a
 *   break written after the mark before each but the first), half the texts with a U+3000 indent.
 * - daici: an editor's 指代明确 pass: 该市 / 该县 / 该公司 / 该项目 … → the name given earlier in
 *   the text (the two units before the same word), 他/她 before 表示/指出/说/认为/介绍/强调 → the
 *   latest name (a common surname and 1–2 units, after a mark or a title such as 局长) seen before
 *   such a verb, at 70% of the places.
 * - tongbi: a 数据口径 pass: 同比 written before 增长/下降/提高/减少/上升/增加 when a figure follows
 *   (unless 同比/环比/比上年/较 stands before), a 了 right after the verb dropped, at 70%.
 * - mixed: three different kinds in a row.
 * Definitions of SURVIVING, RIGHT, PARTIAL, WRONG, MISS, LOST, PARTED and BROKEN:
 * anchoring-outside17-judge.ts.
 * Output: anchor_out17_recall_pct, anchor_out17_wrong (surviving placed on other words plus
 * lost/parted placed elsewhere), _highlights, _surviving, _partial, _miss, _lost, _parted,
 * _on_remains, _wrong_lost, _wrong_copy; per kind (recall, wrong, surviving, edit_pct, edits) and
 * per highlight type (recall, wrong); the CPU time of one anchorAll on a long article (median,
 * max) and of the whole run. `--list` prints every miss, partial and wrong with context (⏎ is a
 * paragraph break): old place, true new place and the placed one, and where a wrong placement's
 * units came from.
 * Written on seeds 901–910 only (development, shared/anchoring as of main 86a8d8f, 2026-12-07 17:38
 * UTC, eight helpers beside it): recall 99.0% (7070 surviving of 7200), 0 wrong, 69 misses, 0
 * partial, 129 lost (107 placed on their remains, none elsewhere). All misses are zimu (34, 94.9%)
 * and mixed with zimu in it (35, 94.7%): a term, number, clause or sentence whose neighbouring (or
 * own) marks became line breaks, so both sides of the stored context read across breaks; every
 * other kind 100. By type: term 97.5, quote 98.6, number 98.9, sentence 99.0, the rest ≥ 99.3.
 * One long anchorAll CPU median 125 ms, max 320 ms at that load. Texts the kind touched (of 10):
 * jieyu 9 (a page with fewer than 3 sentences of 12–60 units is left), zimu 10, yinwen 5, lianjie 4, waixuan 3, paibi 3, tongbi
 * 3, liangci 2, daici 2 (news pages rarely hold 我省/该市/个+noun; edit shares ≤ 0.1% there).
 * FIRST MEASUREMENT (lead, 2026-12-07 ~17:50 UTC, main 794ba6f, seeds 1–40, once, before anyone
 * looked at them): recall 99.3%, 0 wrong (28,414 surviving of 28,800; 209 missed, 0 partial); zimu
 * 93.6, mixed 98.8, yinwen 99.9, every other kind 100; by type term and repeated 98.9, number and
 * last 99.0, the rest ≥ 99.1; one long anchorAll CPU median 72.9 ms, max 225.8 ms (load ~27,
 * seven helpers beside it). The 字幕稿 (zimu: pause marks turned into line breaks) is the one hard
 * kind. Seeds 41+ are fresh.
 * LATER (anchor25d, 2026-12-07 ~18:40 UTC, seen seeds 1–40 only, same texts old vs new): subtitled.ts
 * reads the 字幕稿 kind: the passage and the nearest 12 context units each side, pause marks and
 * white space aside, at exactly one place of the new text, every new pause where the old had one
 * and one old mark there now a break or space. All kinds 99.3 → 99.9, 0 wrong → 0; zimu 93.6 →
 * 99.2 (170 → 21 missed), mixed 98.8 → 99.8. Left: 21 zimu misses, most in the long articles
 * (seeds 5, 15, 25, 30, 40) whose window of words stands more than once (a law's articles, a
 * page's repeated lines): refused on purpose, the pauses alone would have to tell them apart.
 * FRESH (lead, 2026-12-07 ~19:20 UTC, main 70c26cf, seeds 41–80, once): 99.8%, 0 wrong (zimu 99.1,
 * mixed 99.3, every other kind ≥ 99.9); long anchorAll CPU median 62.9 ms, max 202.5. Seen now: 1–80.
 * FRESH (lead, 2026-12-07 ~22:30 UTC, main 012c7e7, seeds 81–120, once): 99.9%, **1 WRONG**
 * (jieyu). Seen now: 1–120.
 * LATER (anchor27b, seen seeds 81–120, base 3b55d0d vs s27-anchor27b, same texts, 2026-12-08 ~00:35
 *   UTC, load ~30; tests/unit/anchoring-round63.test.ts): seed 107 jieyu, the last clause of the text:
 *   the 结语 restated the whole last paragraph at the end of its own paragraph, and the copy that still
 *   closes the text was taken (the text's end counts as context; query.ts textEdgeLost). edgerestated.ts:
 *   a copy at the text's edge in a paragraph of another size than the passage's old one, while another
 *   copy ends (begins) a paragraph of exactly that size, is an orphan. 99.9% / 1 → 99.9% / 0
 *   (now an orphan). Guards on that commit: outside17 1–40 99.9 / 0 → 99.9 / 0, outside3 441–480 above.
 * FRESH (lead, 2026-12-08 ~01:30 UTC, final main of session 27, seeds 121–160, once): recall
 * 99.9%, **5 WRONG** (jieyu seeds 139 and 153: a clause or number of the last paragraph placed on
 * the 结语's restatement of it; mixed seed 143: a sentence whose new copy is split over lines placed
 * on an unsplit copy). The session's starting code on the same seeds: 7 wrong (the two `last`
 * highlights, now orphans by edgerestated.ts). Seen now: 1–160.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';
import {
  around,
  Books,
  broken,
  editPct,
  judgeBroken,
  positions,
  splice,
  track,
  type Span,
  type Splice,
  type Tracked,
} from './anchoring-outside17-judge';
import { corpusTexts } from './anchoring-prose';
import { joinedPages, median, mulberry32 } from './seeded';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: Rng, a: number, b: number): number => a + Math.floor(rng() * (b - a + 1));
const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined): boolean => !!ch && HAN.test(ch);

// ---------------------------------------------------------------------------------------------
// Text shapes

/** The lines of a text (paragraphs between '\n'), as spans. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

/** Sentences inside one line (ends 。！？ and the closing marks right after), trimmed of blanks. */
function sentencesOf(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let s = p.start;
  for (let i = p.start; i < p.end; i++) {
    if (!'。！？'.includes(text[i]!)) continue;
    let e = i + 1;
    while (e < p.end && '”’」』）'.includes(text[e]!)) e++;
    out.push({ start: s, end: e });
    s = e;
    i = e - 1;
  }
  if (s < p.end) out.push({ start: s, end: p.end });
  return out.map((x) => trim(text, x)).filter((x) => x.end > x.start);
}

/** Clauses inside one line (between ，；：。！？ and line ends), trimmed. */
function clausesOf(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let s = p.start;
  for (let i = p.start; i <= p.end; i++) {
    if (i < p.end && !'，；：。！？'.includes(text[i]!)) continue;
    out.push(trim(text, { start: s, end: i }));
    s = i + 1;
  }
  return out.filter((x) => x.end > x.start);
}

function trim(text: string, x: Span): Span {
  let { start, end } = x;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Highlights

export const TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'para_start', 'first', 'last'] as const;
export type HighlightType = (typeof TYPES)[number];
export interface Highlight extends Span {
  type: HighlightType;
}

/** How many of each type in 40 (first and last once each). */
const SHARE: readonly [HighlightType, number][] = [
  ['sentence', 7],
  ['clause', 8],
  ['term', 5],
  ['number', 4],
  ['quote', 4],
  ['cross', 3],
  ['repeated', 3],
  ['para_start', 4],
];

const NUMBER =
  /\d+(?:\.\d+)?(?:%|万|亿|年|月|日|个|人|名|家|项|次|元|岁|公里|余)?|[一二三四五六七八九十两百千]+(?:个|年|次|项|名|家|条|天|所|场|位)/gu;

/** `n` highlights of `text` as readers make them (see the header); `first` and `last` once each. */
export function makeHighlights(text: string, rng: Rng, n = 40): Highlight[] {
  const paras = paragraphs(text).filter((p) => text.slice(p.start, p.end).trim().length > 0);
  const sentences = paras.flatMap((p) => sentencesOf(text, p)).filter((s) => s.end - s.start >= 6 && s.end - s.start <= 200);
  const clauses = paras.flatMap((p) => clausesOf(text, p)).filter((c) => c.end - c.start >= 4 && c.end - c.start <= 40);
  const numbers = [...text.matchAll(NUMBER)].filter((m) => m[0].length >= 2).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const quotes = [...text.matchAll(/“([^“”\n]{2,60})”/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const out: Highlight[] = [];
  const seen = new Set<string>();
  const add = (type: HighlightType, s: Span | null): boolean => {
    if (!s || s.end <= s.start || s.end > text.length) return false;
    const x = trim(text, s);
    if (x.end - x.start < 2 || seen.has(`${x.start}:${x.end}`)) return false;
    seen.add(`${x.start}:${x.end}`);
    out.push({ type, ...x });
    return true;
  };
  const make = (type: HighlightType): Span | null => {
    switch (type) {
      case 'sentence':
        return sentences.length ? pick(rng, sentences) : null;
      case 'clause':
        return clauses.length ? pick(rng, clauses) : null;
      case 'term': {
        for (let k = 0; k < 60; k++) {
          const p = between(rng, 1, text.length - 5);
          if (!'的了和在是，、：“与及对把'.includes(text[p - 1]!)) continue;
          const len = between(rng, 2, 4);
          let ok = true;
          for (let i = p; i < p + len; i++) if (!isHan(text[i])) ok = false;
          if (ok) return { start: p, end: p + len };
        }
        return null;
      }
      case 'number':
        return numbers.length ? pick(rng, numbers) : null;
      case 'quote': {
        if (!quotes.length) return null;
        const q = pick(rng, quotes);
        return rng() < 0.5 ? q : { start: q.start + 1, end: q.end - 1 };
      }
      case 'cross': {
        for (let k = 0; k < 20 && paras.length > 1; k++) {
          const i = between(rng, 0, paras.length - 2);
          const a = clausesOf(text, paras[i]!);
          const b = clausesOf(text, paras[i + 1]!);
          if (a.length && b.length) return { start: a[a.length - 1]!.start, end: b[0]!.end };
        }
        return null;
      }
      case 'repeated': {
        for (let k = 0; k < 80; k++) {
          const len = between(rng, 4, 8);
          const p = between(rng, 0, text.length - len);
          const phrase = text.slice(p, p + len);
          if (![...phrase].every((ch) => isHan(ch))) continue;
          const at: number[] = [];
          for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) at.push(i);
          if (at.length < 2) continue;
          const s = pick(rng, at);
          return { start: s, end: s + len };
        }
        return null;
      }
      case 'para_start': {
        if (paras.length < 2) return null;
        const p = trim(text, pick(rng, paras.slice(1)));
        return { start: p.start, end: Math.min(p.end, p.start + between(rng, 4, 15)) };
      }
      case 'first': {
        const p = trim(text, paras[0]!);
        return { start: p.start, end: Math.min(p.end, p.start + between(rng, 4, 12)) };
      }
      case 'last': {
        const p = trim(text, paras[paras.length - 1]!);
        return { start: Math.max(p.start, p.end - between(rng, 4, 12)), end: p.end };
      }
    }
  };
  add('first', make('first'));
  add('last', make('last'));
  const plan: HighlightType[] = [];
  while (plan.length < n - out.length) for (const [type, k] of SHARE) for (let i = 0; i < k; i++) plan.push(type);
  plan.length = n - out.length;
  for (const type of plan) {
    let done = false;
    for (let k = 0; k < 6 && !done; k++) done = add(type, make(type));
    for (let k = 0; k < 30 && !done; k++) done = add('sentence', make('sentence')) || add('clause', make('clause'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Revisions

export const KINDS = ['liangci', 'yinwen', 'jieyu', 'zimu', 'waixuan', 'lianjie', 'paibi', 'daici', 'tongbi', 'mixed'] as const;
export type Kind = (typeof KINDS)[number];
type Revise = (t: Tracked, rng: Rng) => Tracked;

const MEASURE: readonly [string, string][] = [
  ['项', '措施|任务|举措|制度|政策|工程|指标|要求|原则|改革|工作|内容|成果'],
  ['名', '干部|党员|学生|群众|代表|职工|人员|记者|教师|医生|员工|志愿者|村民|选手|工人'],
  ['家', '企业|公司|单位|医院|银行|机构|工厂|商户|门店|合作社|酒店'],
  ['所', '学校|大学|高校|幼儿园|中学|小学'],
  ['座', '城市|桥梁|水库|大桥|山峰|村庄'],
  ['条', '建议|意见|道路|河流|经验|线路|街道|规定|消息'],
  ['场', '会议|讲座|比赛|演出|报告会|培训|活动'],
  ['位', '专家|老人|嘉宾|领导|老师|学者'],
];

/** 个 → the measure word its noun takes (see the header). */
const liangci: Revise = (t, rng) => {
  const sp: Splice[] = [];
  for (const [m, nouns] of MEASURE) {
    const re = new RegExp(`(?<=[一二两三四五六七八九十几数百千万\\d这那每各该])个(?=${nouns})`, 'gu');
    for (const x of t.text.matchAll(re)) if (rng() < 0.75) sp.push({ start: x.index!, end: x.index! + 1, insert: m, retype: true });
  }
  return splice(t, sp);
};

const SOURCE_WORDS = ['的', '了', '要', '都', '也', '和', '更'];
const SOURCE_SWAP: Record<string, string> = { 和: '与', 与: '和', 及: '和', 应: '要', 要: '应', 使: '让', 让: '使', 这: '此', 此: '这' };

/** Quotations corrected against their source by one unit (see the header). */
const yinwen: Revise = (t, rng) => {
  const sp: Splice[] = [];
  for (const x of t.text.matchAll(/“([^“”\n]{8,})”/gu)) {
    if (rng() >= 0.6) continue;
    const a = x.index! + 2;
    const b = x.index! + x[0].length - 2;
    const swaps: number[] = [];
    for (let i = a; i < b; i++) if (SOURCE_SWAP[t.text[i]!]) swaps.push(i);
    const r = rng();
    if (r < 0.3 && swaps.length) {
      const i = pick(rng, swaps);
      sp.push({ start: i, end: i + 1, insert: SOURCE_SWAP[t.text[i]!]!, retype: true });
      continue;
    }
    const inner: number[] = [];
    for (let i = a; i < b; i++) if (isHan(t.text[i]) && isHan(t.text[i - 1]) && isHan(t.text[i + 1])) inner.push(i);
    if (!inner.length) continue;
    const i = pick(rng, inner);
    if (r < 0.65) sp.push({ start: i, end: i + 1, insert: '' });
    else sp.push({ start: i, end: i, insert: pick(rng, SOURCE_WORDS) });
  }
  return splice(t, sp);
};

/** A 结语 restating 2–3 of the article's sentences word for word (see the header). */
const jieyu: Revise = (t, rng) => {
  const text = t.text;
  const paras = paragraphs(text);
  const opener = pick(rng, ['总之，', '综上所述，', '【结语】', '结语：']);
  const every = 20000;
  const sp: Splice[] = [];
  for (let from = 0; from < text.length; from += every) {
    const to = Math.min(text.length, from + every);
    const inside = paras.filter((p) => p.start >= from && p.end <= to);
    const sentences = inside
      .flatMap((p) => sentencesOf(text, p))
      .filter((s) => s.end - s.start >= 12 && s.end - s.start <= 60 && /[。！？]$/.test(text.slice(s.start, s.end)));
    if (sentences.length < 3) continue;
    const chosen = new Set<Span>();
    const want = between(rng, 2, 3);
    for (let k = 0; k < 20 && chosen.size < want; k++) chosen.add(pick(rng, sentences));
    const body = [...chosen].sort((x, y) => x.start - y.start).map((s) => text.slice(s.start, s.end));
    const line = opener + body.join('');
    const last = inside[inside.length - 1]!;
    // a short last line with no end mark (a credit, 责任编辑：…) stays last
    const shortLast = last.end - last.start < 20 && !/[。！？]$/.test(text.slice(last.start, last.end)) && inside.length > 2;
    const at = shortLast ? last.start : to === text.length ? text.length : last.end;
    sp.push(
      at === text.length
        ? { start: at, end: at, insert: `\n${line}` }
        : { start: at, end: at, insert: shortLast ? `${line}\n` : `\n${line}` },
    );
  }
  return splice(t, sp);
};

/** A run of paragraphs as subtitles: pause marks as breaks, the last one dropped, 、 as a space. */
const zimu: Revise = (t, rng) => {
  const paras = paragraphs(t.text);
  const n = Math.max(1, Math.round(paras.length * (0.3 + 0.3 * rng())));
  const first = between(rng, 0, Math.max(0, paras.length - n));
  const sp: Splice[] = [];
  for (const p of paras.slice(first, first + n)) {
    let lastMark = -1;
    for (let i = p.end - 1; i >= p.start; i--) {
      if ('，。；：！？'.includes(t.text[i]!)) {
        lastMark = i;
        break;
      }
      if (!'”’」』）'.includes(t.text[i]!) && !/\s/.test(t.text[i]!)) break;
    }
    for (let i = p.start; i < p.end; i++) {
      const ch = t.text[i]!;
      if (i === lastMark) sp.push({ start: i, end: i + 1, insert: '' });
      else if ('，。；：！？'.includes(ch)) sp.push({ start: i, end: i + 1, insert: '\n', retype: true });
      else if (ch === '、') sp.push({ start: i, end: i + 1, insert: ' ', retype: true });
    }
  }
  return splice(t, sp);
};

const PLACES = ['临川', '青州', '云岭', '江宁', '汉阳', '东阳'];
const PROVINCES = ['湖南', '江西', '四川', '河南', '浙江', '安徽'];

/** Local perspective words named for a wider readership (see the header). */
const waixuan: Revise = (t, rng) => {
  const province = pick(rng, PROVINCES);
  const place = pick(rng, PLACES);
  const name: Record<string, string> = {
    国: '中',
    省: province,
    市: place,
    县: place,
    区: place,
    报: `${province}日`,
    网: province,
  };
  const sp: Splice[] = [];
  for (const x of t.text.matchAll(/(我)([国省市县区])|(本)([报网])/gu)) {
    if (rng() >= 0.8) continue;
    const at = x.index!;
    const unit = x[2] ?? x[4]!;
    if (unit === '国') sp.push({ start: at, end: at + 1, insert: '中', retype: true });
    else sp.push({ start: at, end: at + 1, insert: name[unit]! });
  }
  return splice(t, sp);
};

/** Link labels after 《titles》, and sometimes a 相关文件 list copying them (see the header). */
const lianjie: Revise = (t, rng) => {
  const label = pick(rng, ['（点击查看）', '【原文链接】', '（附全文）', '>>查看原文']);
  const list = rng() < 0.5;
  const sp: Splice[] = [];
  const titles: string[] = [];
  for (const x of t.text.matchAll(/《[^《》\n]{2,40}》/gu)) {
    if (rng() >= 0.7) continue;
    const end = x.index! + x[0].length;
    sp.push({ start: end, end, insert: label });
    if (!titles.includes(x[0])) titles.push(x[0]);
  }
  if (list && titles.length) sp.push({ start: t.text.length, end: t.text.length, insert: `\n相关文件：\n${titles.join('\n')}` });
  return splice(t, sp);
};

const PAIBI_ONE = '要以把让用在是抓靠促';

/** 排比 clauses set one a line (see the header). */
const paibi: Revise = (t, rng) => {
  const indent = rng() < 0.5 ? '\u3000\u3000' : '';
  const sp: Splice[] = [];
  for (const p of paragraphs(t.text))
    for (const s of sentencesOf(t.text, p)) {
      const cs = clausesOf(t.text, s);
      for (let i = 0; i < cs.length;) {
        const head = (c: Span) => t.text.slice(c.start, c.start + 2);
        const same = (a: Span, b: Span) =>
          head(a) === head(b) || (t.text[a.start] === t.text[b.start] && PAIBI_ONE.includes(t.text[a.start]!));
        let j = i + 1;
        while (j < cs.length && same(cs[i]!, cs[j]!)) j++;
        if (j - i >= 3 && isHan(t.text[cs[i]!.start]))
          for (let k = i + 1; k < j; k++) sp.push({ start: cs[k]!.start, end: cs[k]!.start, insert: `\n${indent}` });
        i = j;
      }
    }
  return splice(t, sp);
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤';
const SAYING = '表示|指出|说|认为|介绍|强调';

/** 该X and 他/她 made explicit by the name the text gave before (see the header). */
const daici: Revise = (t, rng) => {
  const text = t.text;
  const sp: Splice[] = [];
  for (const x of text.matchAll(/该(市|县|区|省|镇|村|公司|企业|单位|项目|局|院|校)/gu)) {
    const word = x[1]!;
    const before = text.slice(0, x.index!);
    const re = new RegExp(`([\\p{Script=Han}]{2})${word}`, 'gu');
    let name: string | null = null;
    for (const y of before.matchAll(re)) if (!/[这那该本我各每此其]/u.test(y[1]!)) name = y[1]!;
    if (name && rng() < 0.7) sp.push({ start: x.index!, end: x.index! + 1, insert: name });
  }
  const names = new RegExp(`(?<=^|[，。；：“\\n、（]|长|书记|主任|记者|委员)([${SURNAMES}][\\p{Script=Han}]{1,2}?)(?=${SAYING})`, 'gu');
  const found = [...text.matchAll(names)].map((m) => ({ at: m.index!, name: m[1]! }));
  const pronoun = new RegExp(`(?<=^|[，。；：“\\n])[他她](?=${SAYING})`, 'gu');
  for (const x of text.matchAll(pronoun)) {
    let name: string | null = null;
    for (const f of found) if (f.at < x.index!) name = f.name;
    if (name && rng() < 0.7) sp.push({ start: x.index!, end: x.index! + 1, insert: name });
  }
  return splice(t, sp);
};

/** 同比 before a change followed by a figure, a 了 after it dropped (see the header). */
const tongbi: Revise = (t, rng) => {
  const sp: Splice[] = [];
  for (const x of t.text.matchAll(/(增长|下降|提高|减少|上升|增加)(了)?(?=[约近超逾]?\d)/gu)) {
    const at = x.index!;
    const before = t.text.slice(Math.max(0, at - 3), at);
    if (/同比|环比|上年|较/.test(before) || rng() >= 0.7) continue;
    sp.push({ start: at, end: at, insert: '同比' });
    if (x[2]) sp.push({ start: at + 2, end: at + 3, insert: '' });
  }
  return splice(t, sp);
};

const EDITS: Record<Exclude<Kind, 'mixed'>, Revise> = { liangci, yinwen, jieyu, zimu, waixuan, lianjie, paibi, daici, tongbi };
const SINGLE = KINDS.filter((k): k is Exclude<Kind, 'mixed'> => k !== 'mixed');

/** Three different kinds, in the order they are applied. */
export function mixedKinds(rng: Rng): Exclude<Kind, 'mixed'>[] {
  const pool = [...SINGLE];
  const out: Exclude<Kind, 'mixed'>[] = [];
  while (out.length < 3) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

/** The revision `kind` of `t` (the raw revision: judge it through broken()). */
export function revise(kind: Kind, t: Tracked, rng: Rng): Tracked {
  if (kind !== 'mixed') return EDITS[kind](t, rng);
  let r = t;
  for (const k of mixedKinds(rng)) r = EDITS[k](r, rng);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The run

function seedsFrom(argv: readonly string[]): number[] {
  const i = argv.indexOf('--seeds');
  const m = i >= 0 ? /^(\d+)(?:-(\d+))?$/.exec(argv[i + 1] ?? '') : null;
  const a = m ? Number(m[1]) : 901;
  const b = m ? Number(m[2] ?? m[1]) : 910;
  const out: number[] = [];
  for (let s = a; s <= b; s++) out.push(s);
  return out;
}

/** The old text of a seed: one page, or every fifth seed a long article of joined pages. */
function oldTextOf(seed: number, pool: readonly string[], rng: Rng): string {
  if (seed % 5 !== 0) return pick(rng, pool);
  const target = between(rng, 60000, 120000);
  return joinedPages(rng, pool, target);
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

export async function benchAnchorOutside17(argv: readonly string[] = []): Promise<Record<string, number>> {
  const corpus = corpusTexts();
  if (!corpus) {
    process.stderr.write('anchor17: ../shared/corpora/chinese-news-pages is not there; nothing measured\n');
    return {};
  }
  const pool = corpus.map((c) => c.text).filter((t) => t.length >= 600 && t.split('\n').length >= 4);
  const seeds = seedsFrom(argv);
  const k = argv.indexOf('--kind');
  const kinds: readonly Kind[] = k >= 0 ? KINDS.filter((x) => x === argv[k + 1]) : KINDS;
  if (!kinds.length) throw new Error(`unknown kind; have ${KINDS.join(', ')}`);
  const list = argv.includes('--list');
  const books = new Books();
  const edits = new Map<string, { pct: number[]; touched: number }>();
  const longCpu: number[] = [];
  const runStart = process.cpuUsage();
  for (const seed of seeds) {
    const rng = mulberry32(seed * 40503 + 17);
    const old = oldTextOf(seed, pool, rng);
    const long = seed % 5 === 0;
    const hs = makeHighlights(old, rng, long ? 200 : 40);
    const selectors: TextSelector[] = hs.map((h) => describe(old, h.start, h.end));
    for (const kind of kinds) {
      const raw = revise(kind, track(old), mulberry32(seed * 1009 + KINDS.indexOf(kind) + 1));
      const view = broken(old, raw);
      const pos = positions(view, old.length);
      const e = edits.get(kind) ?? { pct: [], touched: 0 };
      const pct = editPct(old.length, view);
      e.pct.push(pct);
      if (raw.text !== old) e.touched++;
      edits.set(kind, e);
      const c0 = process.cpuUsage();
      const placed = anchorAll(raw.text, selectors);
      const c1 = process.cpuUsage(c0);
      if (long) longCpu.push((c1.user + c1.system) / 1000);
      hs.forEach((h, i) => {
        const a = placed[i];
        const span = a ? { start: a.start, end: a.end } : null;
        const j = judgeBroken(old, raw, view, pos, h, span);
        books.add(['all', kind, `type:${h.type}`], j);
        if (list && (j.verdict === 'miss' || j.verdict === 'partial' || j.verdict === 'wrong' || j.verdict === 'wrong_lost')) {
          const truth = j.truth.state === 'surviving' ? { start: j.truth.start, end: j.truth.end } : null;
          process.stdout.write(
            `# seed ${seed} ${kind} ${h.type} ${j.verdict}${j.source ? ` (${j.source})` : ''}\n` +
              `#   old:    ${around(old, h)}\n#   true:   ${around(raw.text, truth)}\n#   placed: ${around(raw.text, span)}\n`,
          );
        }
      });
    }
  }
  const run = process.cpuUsage(runStart);
  const all = books.get('all');
  const out: Record<string, number> = {
    anchor_out17_recall_pct: all.recallPct,
    anchor_out17_wrong: all.allWrong,
    anchor_out17_highlights: all.highlights,
    anchor_out17_surviving: all.surviving,
    anchor_out17_partial: all.partial,
    anchor_out17_miss: all.miss,
    anchor_out17_lost: all.lost,
    anchor_out17_parted: all.parted,
    anchor_out17_on_remains: all.onRemains,
    anchor_out17_wrong_lost: all.wrongLost,
    anchor_out17_wrong_copy: all.wrongCopy,
  };
  for (const kind of kinds) {
    const t = books.get(kind);
    const e = edits.get(kind)!;
    out[`anchor_out17_${kind}_recall_pct`] = t.recallPct;
    out[`anchor_out17_${kind}_wrong`] = t.allWrong;
    out[`anchor_out17_${kind}_surviving`] = t.surviving;
    out[`anchor_out17_${kind}_edit_pct`] = r1(e.pct.reduce((a, b) => a + b, 0) / Math.max(1, e.pct.length));
    out[`anchor_out17_${kind}_edits`] = e.touched;
  }
  for (const type of TYPES) {
    const t = books.get(`type:${type}`);
    out[`anchor_out17_type_${type}_recall_pct`] = t.recallPct;
    out[`anchor_out17_type_${type}_wrong`] = t.allWrong;
  }
  out.anchor_out17_long_anchorall_cpu_ms_median = r1(median(longCpu));
  out.anchor_out17_long_anchorall_cpu_ms_max = r1(longCpu.length ? Math.max(...longCpu) : 0);
  out.anchor_out17_run_cpu_s = r1((run.user + run.system) / 1e6);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchAnchorOutside17(process.argv.slice(2));
  for (const [key, value] of Object.entries(r)) process.stdout.write(`${key}: ${value}\n`);
}
