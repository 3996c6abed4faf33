/**
 * Anchoring bench of a TWELFTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies
 * (their header comments were read to pick kinds none of them lists and to follow their output;
 * anchoring-outside11-judge.ts and its test were read as a model of the judge, and its tracking
 * and splice pieces are imported; renderer/core/highlights/anchorJob.ts for how the app calls
 * describe/anchorAll; anchoring-prose.ts, seeded.ts and run.ts).
 *
 *   npx tsx tests/bench/anchoring-outside12.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor12 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n', anchoring-prose.ts corpusTexts()),
 * read in place and never copied; pages of 600+ units; every fifth seed a long article of
 * 60k–120k units made by joining pages, each page once (at most the whole pool). Without the
 * corpora the bench prints why and reports nothing. Words the revisions write (出处, share lines,
 * definitions, question frames, readers' names) are made up here from small lists of our own.
 *
 * Highlights, made on the old text, as readers make them: sentence, clause, term (2–4 Han units
 * after a particle or mark), number (with its unit), quote (inside “”, with or without the
 * marks), cross (a span over a paragraph break), repeated (one chosen occurrence of a 4–8-unit
 * phrase the text holds more than once), parastart (a paragraph's first words), first and last
 * (the article's first and last words). 40 per text, 200 on a long article. Described once with
 * describe() and re-found with one anchorAll() per revision, as anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the old text, then `mixed`: three in a row):
 * - cite: a 学习读本 edition giving 引文 their 出处: after 70% of the quotations “…” (4+ units) a
 *   bracket （《书名》第N卷，第M页） / ［出自《书名》］ / （书名，出版社2026年版，第M页） (one style
 *   per text); a text with fewer than 2 quotations gets them after a sixth of its sentences.
 * - quiz: an 应知应会 填空 edition: in an eighth of the sentences (12+ units) one 2–4-unit term
 *   after a particle or mark blanked as （U+3000 U+3000） / ______ / （4 spaces）, a 参考答案 list of the blanked
 *   terms at the end (copies of the cut words), half the time a 【应知应会】 line on top.
 * - cards: 文字卡片: in 40% of the paragraphs of 2+ sentences every sentence set on a line of its
 *   own, each followed by a share line (—— 长按保存 分享给更多人 —— / ▶分享到朋友圈 / 【转发】).
 * - tujie: a 图解 version: a 【图解】 line on top (half the time with a copy of a short first
 *   line), and before half the paragraphs holding a figure a line pulling it out (数说：3.5万元 /
 *   ▲ 3.5万元 / 【数据】3.5万元), half the time with the 2–8 Han units beside it in the paragraph.
 * - langdu: a 朗读版: a 【音频】 line on top (reader, length), 【音频】第N段 lines every 4–8
 *   paragraphs, and in 40% of the paragraphs 断句 pauses 6–14+ units apart, each after a function
 *   word (的/了/在/和 …) before a Han unit (one style per text: a space, U+3000, two spaces or ' / ').
 * - fold: a page saved with its folding: the text cut at one place (every 8k–15k units in a long
 *   article), at a sentence end or anywhere between two Han units of a paragraph, a fold line
 *   there (展开全文∨ / 展开剩余N% / 点击展开全文 ▼ / …… 阅读全文), half the time 收起全文∧ at the end.
 * - blockquote: 独立引文 set apart as book layouts do: a quotation of 16+ units that ends a sentence
 *   and follows ：， or a paragraph start becomes a paragraph of its own indented by two U+3000, its
 *   “” dropped (inner ‘’ retyped as “”) in two texts of three, kept in the third; the rest of the
 *   paragraph goes on on a new line.
 * - glossary: 名词解释 cards: 2–6 terms (2–4 Han units) the text uses 3+ times get a card line
 *   after the paragraph of one of their uses (【名词解释】term：made-up definition / 【知识链接】 /
 *   ◎小知识：), so a copy of the term stands a paragraph away from it.
 * - wenda: a 学习问答 version: before 20% of the paragraphs of 40+ units (not the first) a question
 *   line quoting a clause of it (问：如何理解“clause”？ / 为什么说clause？ / 怎样做到clause？),
 *   and 答： put at the paragraph's start (one label style per text: 问/答, 【问】/【答】, Q：/A：).
 * Definitions of SURVIVING, RIGHT, PARTIAL, WRONG, MISS, LOST, PARTED, ON_REMAINS, WRONG_LOST and
 * of COPY/TWIN (where a wrong placement's words came from): anchoring-outside12-judge.ts.
 *
 * Output: anchor_out12_recall_pct, anchor_out12_wrong (surviving placed elsewhere + lost or parted
 * placed elsewhere), _wrong_on_copy, _highlights, _surviving, _miss, _partial, _lost, _parted,
 * _on_remains; per kind (recall, wrong, surviving) and per highlight type (recall, wrong); the CPU
 * time of one anchorAll on a long article (median, max) and of the whole run. `--list` prints
 * every miss, partial and wrong with context (⏎ is a paragraph break): old place, true new place
 * and the placed one (and for a wrong one whether it lies on a written copy or an old twin).
 * Written on seeds 901–910 only (the default range).
 *
 * While writing it (development seeds 901–910 only, main ed86a2e's shared/anchoring, 2026-12-07
 * 02:15 UTC, seven helpers beside it): 99.6% placed, 0 wrong (7200 highlights, 6965 surviving, 25
 * miss, 2 partial, 83 lost, 152 parted, 146 on their remains); cite 99.6, quiz 99.9, cards 99.1,
 * tujie 99.7, langdu 99.9, fold 100, blockquote 100, glossary 100, wenda 99.7, mixed 98.2; anchorAll
 * on a long article CPU median 64 ms, max 113 ms; by type sentence 100, clause 99.8, term 99.2,
 * number 99.8, quote 99, cross 99.8, repeated 99.4, parastart 99.8, first 99, last 95.8. The misses listed there were read only to check
 * the judge (e.g. the article's last words now followed by a 分享 line: a miss, rightly counted).
 *
 * FIRST MEASUREMENT, once, on main 58bcce8 (shared/anchoring as ed86a2e), seeds 1–40, lead,
 * 2026-12-07 02:16 UTC, seven helpers running beside it; run before any failure of these seeds was
 * looked at (the bench was written on seeds 901–910 only):
 *   anchor_out12_recall_pct 99.7   anchor_out12_wrong 3 (2 on a copy the revision wrote)
 *   highlights 28800   surviving 28064   miss 91   partial 4   lost 251   parted 485
 *   on their remains 416   wrong_lost 1
 *   cite 99.5, quiz 99.7 (1 wrong), cards 99.6, tujie 99.6, langdu 99.7, fold 100, blockquote 100,
 *   glossary 100, wenda 99.6 (2 wrong), mixed 98.7; by type: first 99.2, last 99, the rest
 *   99.4–99.9 (wrong: clause, term, parastart 1 each); anchorAll on a long article CPU median
 *   88 ms, max 232 ms (loaded machine).
 * The target (≥ 99% placed, 0 wrong) is met for recall, not for wrong.
 *
 * LATER (anchor20d, seeds 1–40 only, old 85e8e46 vs new in the same minutes, loaded machine):
 * wenda 2 wrong → 0 (a paragraph's opening placed on its copy in the 问：…？ line written before
 * it now goes to the paragraph: introduced.ts), recall 99.6 → 99.6; quiz 1 wrong_lost → 0 (a term
 * blanked out by the 填空 edition no longer placed on a twin elsewhere: blanked.ts), recall 99.7 →
 * 99.7. All kinds with introduced.ts alone: 99.7 → 99.7, wrong 3 → 1 (the quiz one). Left: the 91
 * misses (repeated phrases across 答：/share lines, a cite bracket inside a 原题 title, …).
 * FRESH, once, seeds 41–80, on main 3460984 (after anchor20a–d; lead, 2026-12-07 03:30 UTC, CI beside it): 99.7% placed, 0 wrong;
 *   cite 99.5, cards 99.5, langdu 99.6, wenda 99.6, tujie 99.7, quiz 99.8, mixed 99.2, fold/blockquote/glossary 100;
 *   anchorAll on a long article median 84 ms, max 198 ms CPU.
 * LATER, development (anchor21d, 2026-12-07, main ddc6027 → s21-a21d; seeds 1–80, seen; rules in
 *   tests/unit/anchoring-round39.test.ts): 99.7% → 99.7%, 0 wrong → 0, misses 168 → 163. What refused
 *   the passages whose words and context stood unchanged (wenda 10/65/75, quiz 30) was the paragraph-
 *   length check of copies.ts (otherParagraphsLength, from outside7 seed 93: timeline entries holding
 *   the same sentence, reversed). It protects against a real wrong there, and is kept; it was too
 *   broad for (a) the passage's own paragraph given a label at its head (答：/【答】): its whole old
 *   paragraph after ≤ 8 units is the stored print (headed.ts); (b) a page the old text printed twice,
 *   the passage's copy edited outside the quote (a word blanked) while its twin kept the stored
 *   length: with no more paragraphs of that length than recorded twins, no copy lost, the placement no
 *   other recorded paragraph unchanged, the length says nothing (twinlength.ts). outside7 81–120 (the
 *   check's origin) 0 wrong → 0, misses 635 → 632.
 * FRESH, once, seeds 81–120, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   99.8% placed, 1 WRONG (wenda, on a copy); cite 99.6, quiz 99.7, cards 99.8, tujie 99.9, langdu 99.6, mixed 99.4, fold/blockquote/glossary 100.
 * LATER, development (anchor22b, 2026-12-07; main 3d4e69c → s22-anchor22b), 81–120 (now seen), same texts:
 *   99.8% / 1 wrong → 99.8% / 0, no new miss (--list compared). The wrong: a span over a break
 *   (划重点：⏎<paragraph opening>) whose larger piece was placed on the 【问】为什么说<opening>…？ line written
 *   at the break; a piece in a written line, after more than a label, while the next line opens with it
 *   keeping more of the stored suffix, is an orphan (introduced.ts onIntroducedPieceCopy).
 * FRESH, once, seeds 121–160, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   99.6% placed, 0 wrong.
 */
import { pathToFileURL } from 'node:url';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';
import { corpusTexts } from './anchoring-prose';
import { positions, sourceOf, splice, Tally, track, verdictOf, type Splice, type Tracked } from './anchoring-outside12-judge';
import { mulberry32 } from './seeded';

export type Rng = () => number;
export interface Range {
  start: number;
  end: number;
}
export const TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'parastart', 'first', 'last'] as const;
export type HType = (typeof TYPES)[number];
export interface Highlight extends Range {
  type: HType;
}
export const KINDS = ['cite', 'quiz', 'cards', 'tujie', 'langdu', 'fold', 'blockquote', 'glossary', 'wenda'] as const;
export type Kind = (typeof KINDS)[number] | 'mixed';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined): boolean => !!ch && HAN.test(ch);
const SPACE = /\s/;
const isWs = (ch: string | undefined): boolean => !!ch && SPACE.test(ch);

// ---------------------------------------------------------------------------------------------
// Text structure

/** Non-empty lines of the text, trimmed of white space at both ends. */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    let s = at;
    let e = at + line.length;
    while (s < e && isWs(text[s])) s++;
    while (e > s && isWs(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
    at += line.length + 1;
  }
  return out;
}

const END = '。！？!?';
const CLOSE = '”’」』）)';

/** Sentences of a paragraph: up to an end mark and the closing marks after it (the rest is one too). */
export function sentences(text: string, p: Range): Range[] {
  const out: Range[] = [];
  let s = p.start;
  let i = p.start;
  while (i < p.end) {
    if (END.includes(text[i]!)) {
      let e = i + 1;
      while (e < p.end && (END.includes(text[e]!) || CLOSE.includes(text[e]!))) e++;
      out.push({ start: s, end: e });
      s = e;
      while (s < p.end && isWs(text[s])) s++;
      i = s;
    } else i++;
  }
  if (s < p.end) out.push({ start: s, end: p.end });
  return out.filter((r) => r.end > r.start);
}

const CLAUSE_MARK = '，、；：,;:。！？!?';

/** Clauses of a sentence, without their closing mark. */
export function clauses(text: string, s: Range): Range[] {
  const out: Range[] = [];
  let a = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || CLAUSE_MARK.includes(text[i]!)) {
      let b = i;
      let c = a;
      while (c < b && (isWs(text[c]) || CLOSE.includes(text[c]!) || '“‘「『（('.includes(text[c]!))) c++;
      while (b > c && (isWs(text[b - 1]) || CLOSE.includes(text[b - 1]!))) b--;
      if (b > c) out.push({ start: c, end: b });
      a = i + 1;
    }
  }
  return out;
}

const BEFORE_TERM = '的了在是和与及对从把被将为，、。：；“（';

/** 2–4 Han units right after a particle or mark, at the given start; null where there are none. */
function termAt(text: string, p: number, len: number): Range | null {
  if (p <= 0 || !BEFORE_TERM.includes(text[p - 1]!)) return null;
  for (let k = 0; k < len; k++) if (!isHan(text[p + k])) return null;
  return { start: p, end: p + len };
}

/** Every term start (see termAt) of the range. */
function termStarts(text: string, r: Range): number[] {
  const out: number[] = [];
  for (let p = Math.max(1, r.start); p < r.end - 1; p++)
    if (BEFORE_TERM.includes(text[p - 1]!) && isHan(text[p]) && isHan(text[p + 1])) out.push(p);
  return out;
}

const NUMBER = /\d+(?:\.\d+)?(?:%|[万亿千]?[元人个年月日次家项条台辆件吨岁倍名户所座亩米]{1,2})?/g;

/** Figures with their unit (2+ units long) in the range. */
export function numbers(text: string, r: Range): Range[] {
  const out: Range[] = [];
  const slice = text.slice(r.start, r.end);
  for (const m of slice.matchAll(NUMBER))
    if (m[0].length >= 2) out.push({ start: r.start + m.index, end: r.start + m.index + m[0].length });
  return out;
}

/** Quotations “…” (2–120 units inside) of the range, marks included. */
export function quotations(text: string, r: Range): Range[] {
  const out: Range[] = [];
  const slice = text.slice(r.start, r.end);
  for (const m of slice.matchAll(/“[^“”\n]{2,120}”/g)) out.push({ start: r.start + m.index, end: r.start + m.index + m[0].length });
  return out;
}

function count(text: string, w: string, limit = Infinity): number {
  let n = 0;
  for (let i = text.indexOf(w); i >= 0 && n < limit; i = text.indexOf(w, i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Highlights

function trimmed(text: string, r: Range): Range | null {
  let { start, end } = r;
  while (start < end && isWs(text[start])) start++;
  while (end > start && isWs(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

function oneOf(text: string, type: HType, rng: Rng, paras: Range[]): Range | null {
  const para = pick(rng, paras);
  switch (type) {
    case 'sentence': {
      const ss = sentences(text, para).filter((s) => s.end - s.start >= 8 && s.end - s.start <= 120);
      return ss.length ? pick(rng, ss) : null;
    }
    case 'clause': {
      const ss = sentences(text, para);
      if (!ss.length) return null;
      const cs = clauses(text, pick(rng, ss)).filter((c) => c.end - c.start >= 5 && c.end - c.start <= 40);
      return cs.length ? pick(rng, cs) : null;
    }
    case 'term': {
      const ps = termStarts(text, para);
      return ps.length ? termAt(text, pick(rng, ps), int(rng, 2, 4)) : null;
    }
    case 'number': {
      const ns = numbers(text, para);
      return ns.length ? pick(rng, ns) : null;
    }
    case 'quote': {
      const qs = quotations(text, para);
      if (!qs.length) return null;
      const q = pick(rng, qs);
      return rng() < 0.5 ? q : { start: q.start + 1, end: q.end - 1 };
    }
    case 'cross': {
      const i = paras.indexOf(para);
      const next = paras[i + 1];
      if (!next) return null;
      const a = Math.min(para.end - para.start, int(rng, 6, 20));
      const b = Math.min(next.end - next.start, int(rng, 6, 20));
      return trimmed(text, { start: para.end - a, end: next.start + b });
    }
    case 'repeated': {
      const len = int(rng, 4, 8);
      if (para.end - para.start < len) return null;
      const p = int(rng, para.start, para.end - len);
      const w = text.slice(p, p + len);
      if (/\s/.test(w) || !HAN.test(w)) return null;
      const at: number[] = [];
      for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) at.push(i);
      if (at.length < 2) return null;
      const s = pick(rng, at);
      return { start: s, end: s + len };
    }
    case 'parastart': {
      const i = paras.indexOf(para);
      if (i === 0) return null;
      return trimmed(text, { start: para.start, end: Math.min(para.end, para.start + int(rng, 4, 16)) });
    }
    case 'first': {
      const p = paras[0]!;
      return trimmed(text, { start: p.start, end: Math.min(p.end, p.start + int(rng, 4, 12)) });
    }
    case 'last': {
      const p = paras[paras.length - 1]!;
      return trimmed(text, { start: Math.max(p.start, p.end - int(rng, 4, 12)), end: p.end });
    }
  }
}

/** n highlights of the old text: first and last once each, the others of random types. */
export function makeHighlights(text: string, n: number, rng: Rng): Highlight[] {
  const paras = paragraphs(text);
  const out: Highlight[] = [];
  const seen = new Set<string>();
  const add = (type: HType, r: Range | null): boolean => {
    if (!r) return false;
    const key = `${r.start}:${r.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    out.push({ type, ...r });
    return true;
  };
  add('first', oneOf(text, 'first', rng, paras));
  add('last', oneOf(text, 'last', rng, paras));
  const middle = TYPES.filter((t) => t !== 'first' && t !== 'last');
  for (let guard = 0; out.length < n && guard < n * 60; guard++) {
    const type = pick(rng, middle);
    add(type, oneOf(text, type, rng, paras));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------------------------------------
// Revision kinds: each gives splices of the current text (see anchoring-outside11-judge.ts).

const BOOKS = ['理论学习读本', '基层工作文选', '新时代干部读本', '群众路线学习文集', '党性修养文稿选编', '调查研究论述摘编'];
const PRESSES = ['人民出版社', '学习出版社', '党建读物出版社', '中央文献出版社'];

function cite(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const style = int(rng, 0, 2);
  const note = (): string => {
    const book = pick(rng, BOOKS);
    if (style === 0) return `（《${book}》第${pick(rng, ['一', '二', '三', '四'])}卷，第${int(rng, 3, 480)}页）`;
    if (style === 1) return `［出自《${book}》］`;
    return `（${book}，${pick(rng, PRESSES)}${int(rng, 2016, 2026)}年版，第${int(rng, 3, 480)}页）`;
  };
  const paras = paragraphs(text);
  const quotes = paras.flatMap((p) => quotations(text, p)).filter((q) => q.end - q.start >= 6);
  const out: Splice[] = [];
  if (quotes.length >= 2) {
    for (const q of quotes) if (rng() < 0.7) out.push({ start: q.end, end: q.end, insert: note() });
  } else {
    for (const p of paras)
      for (const s of sentences(text, p))
        if (rng() < 1 / 6 && END.includes(text[s.end - 1]!)) out.push({ start: s.end, end: s.end, insert: note() });
  }
  return out;
}

function quiz(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const blank = pick(rng, ['（\u3000\u3000）', '______', '（    ）']);
  const out: Splice[] = [];
  const answers: string[] = [];
  for (const p of paragraphs(text))
    for (const s of sentences(text, p)) {
      if (s.end - s.start < 12 || rng() >= 1 / 8) continue;
      const starts = termStarts(text, s);
      if (!starts.length) continue;
      const term = termAt(text, pick(rng, starts), int(rng, 2, 4));
      if (!term || term.end > s.end) continue;
      answers.push(text.slice(term.start, term.end));
      out.push({ ...term, insert: blank });
    }
  if (!answers.length) return out;
  const list = rng() < 0.5 ? answers.map((a, i) => `${i + 1}．${a}`).join('\n') : answers.map((a, i) => `${i + 1}.${a}`).join('；');
  out.push({ start: text.length, end: text.length, insert: `\n参考答案：\n${list}` });
  if (rng() < 0.5) out.push({ start: 0, end: 0, insert: '【应知应会】填空练习\n' });
  return out;
}

function cards(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const share = pick(rng, ['—— 长按保存 分享给更多人 ——', '▶分享到朋友圈', '【转发】']);
  const out: Splice[] = [];
  for (const p of paragraphs(text)) {
    const ss = sentences(text, p);
    if (ss.length < 2 || rng() >= 0.4) continue;
    for (const s of ss) out.push({ start: s.end, end: s.end, insert: `\n${share}${s === ss[ss.length - 1] ? '' : '\n'}` });
  }
  return out;
}

function tujie(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const paras = paragraphs(text);
  const lead = pick(rng, ['数说：', '▲ ', '【数据】']);
  const out: Splice[] = [];
  const first = paras[0];
  const head =
    first && first.end - first.start <= 40 && rng() < 0.5 ? `【图解】${text.slice(first.start, first.end)}\n` : '【图解】一图读懂\n';
  out.push({ start: 0, end: 0, insert: head });
  for (const p of paras) {
    const ns = numbers(text, p);
    if (!ns.length || rng() >= 0.5) continue;
    const n = pick(rng, ns);
    let label = '';
    if (rng() < 0.5) {
      let e = n.end;
      while (e < p.end && e - n.end < 8 && isHan(text[e])) e++;
      let s = n.start;
      while (s > p.start && n.start - s < 8 && isHan(text[s - 1])) s--;
      label = e - n.end >= 2 ? text.slice(n.end, e) : n.start - s >= 2 ? text.slice(s, n.start) : '';
    }
    out.push({ start: p.start, end: p.start, insert: `${lead}${text.slice(n.start, n.end)}${label ? `｜${label}` : ''}\n` });
  }
  return out;
}

const READERS = ['林晓', '周宁', '陈亮', '许言', '方舟'];
const PAUSE_AFTER = '的了着是和与在把被对从将就都也又而';

function langdu(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const pause = pick(rng, [' ', '\u3000', '  ', ' / ']);
  const out: Splice[] = [];
  out.push({
    start: 0,
    end: 0,
    insert: `【音频】朗读：${pick(rng, READERS)} 时长${int(rng, 3, 19)}:${String(int(rng, 0, 59)).padStart(2, '0')}\n`,
  });
  const paras = paragraphs(text);
  let part = 1;
  let next = int(rng, 4, 8);
  paras.forEach((p, i) => {
    if (i > 0 && i === next) {
      out.push({ start: p.start, end: p.start, insert: `【音频】第${++part}段\n` });
      next += int(rng, 4, 8);
    }
    if (rng() >= 0.4) return;
    // a pause after a function word, between two Han units, at least 6 units after the last one
    for (let at = p.start + int(rng, 6, 14); at < p.end - 2; at += int(rng, 6, 14)) {
      let q = at;
      while (q < p.end - 2 && !(PAUSE_AFTER.includes(text[q - 1]!) && isHan(text[q]))) q++;
      if (q >= p.end - 2) break;
      out.push({ start: q, end: q, insert: pause });
      at = q;
    }
  });
  return out;
}

function fold(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const paras = paragraphs(text).filter((p) => p.end - p.start >= 20);
  if (!paras.length) return [];
  const style = int(rng, 0, 3);
  const out: Splice[] = [];
  const cuts: number[] = [];
  if (text.length < 20000) cuts.push(Math.floor(text.length * (0.25 + 0.2 * rng())));
  else for (let at = int(rng, 8000, 15000); at < text.length - 2000; at += int(rng, 8000, 15000)) cuts.push(at);
  for (const c of cuts) {
    const p = paras.find((r) => r.end > c) ?? paras[paras.length - 1]!;
    let cut: number;
    const ss = sentences(text, p);
    if (ss.length > 1 && rng() < 0.6) cut = pick(rng, ss.slice(0, -1)).end;
    else {
      cut = int(rng, p.start + 2, p.end - 2);
      while (cut < p.end - 1 && !(isHan(text[cut - 1]) && isHan(text[cut]))) cut++;
      if (cut >= p.end - 1) continue;
    }
    const left = Math.round((100 * (text.length - cut)) / text.length);
    const line = ['\n展开全文∨\n', `\n展开剩余${left}%\n`, '\n点击展开全文 ▼\n', '……\n阅读全文\n'][style]!;
    out.push({ start: cut, end: cut, insert: line });
  }
  if (rng() < 0.5) out.push({ start: text.length, end: text.length, insert: '\n收起全文∧' });
  return out;
}

function blockquote(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const dropMarks = rng() < 2 / 3;
  const out: Splice[] = [];
  let set = 0;
  for (const p of paragraphs(text))
    for (const q of quotations(text, p)) {
      if (q.end - q.start - 2 < 16) continue;
      const before = text[q.start - 1];
      const atStart = q.start === p.start;
      if (!atStart && before !== '：' && before !== '，') continue;
      const inner = text[q.end - 2]!;
      const after = text[q.end];
      const endsSentence = END.includes(inner) || q.end === p.end || (!!after && END.includes(after));
      if (!endsSentence) continue;
      let tail = q.end;
      if (after && END.includes(after)) tail++;
      // the quote: its own paragraph, indented; marks dropped (inner ‘’ → “”) or kept
      const indent = (atStart ? '' : '\n') + '\u3000\u3000';
      out.push({ start: q.start, end: dropMarks ? q.start + 1 : q.start, insert: indent });
      if (dropMarks)
        for (let i = q.start + 1; i < q.end - 1; i++) {
          if (text[i] === '‘') out.push({ start: i, end: i + 1, insert: '“', retype: true });
          if (text[i] === '’') out.push({ start: i, end: i + 1, insert: '”', retype: true });
        }
      if (dropMarks) out.push({ start: q.end - 1, end: q.end, insert: '' });
      if (tail < p.end) out.push({ start: tail, end: tail, insert: '\n' });
      set++;
    }
  if (set >= 2) return out;
  // Few quotations: words reported after ： (他指出：…。) set apart the same way, without marks.
  for (const p of paragraphs(text))
    for (const s of sentences(text, p)) {
      const colon = text.indexOf('：', s.start);
      if (colon < 0 || colon >= s.end - 17 || text[colon + 1] === '“' || rng() >= 0.5) continue;
      if (out.some((o) => o.start >= s.start && o.start <= s.end)) continue;
      out.push({ start: colon + 1, end: colon + 1, insert: '\n\u3000\u3000' });
      if (s.end < p.end) out.push({ start: s.end, end: s.end, insert: '\n' });
    }
  return out;
}

const DEFINITIONS = [
  '指在一定范围内统筹推进、协同落实的一项工作安排。',
  '是近年来各地在实践中逐步形成的一种做法。',
  '通常指围绕某一目标开展的系统性工作。',
  '一般指有关部门为解决突出问题而采取的措施。',
];

function glossary(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const paras = paragraphs(text);
  const label = pick(rng, ['【名词解释】', '【知识链接】', '◎小知识：']);
  const uses = new Map<string, number[]>();
  paras.forEach((p, i) => {
    for (const s of termStarts(text, p)) {
      const r = termAt(text, s, int(rng, 2, 4));
      if (!r || r.end > p.end) continue;
      const w = text.slice(r.start, r.end);
      const at = uses.get(w) ?? [];
      if (!at.includes(i)) at.push(i);
      uses.set(w, at);
    }
  });
  const terms = [...uses.keys()].filter((w) => count(text, w, 3) >= 3);
  const chosen: string[] = [];
  const want = int(rng, 2, 6);
  for (let guard = 0; chosen.length < want && terms.length && guard < 50; guard++) {
    const w = pick(rng, terms);
    if (!chosen.includes(w)) chosen.push(w);
  }
  const out: Splice[] = [];
  for (const w of chosen) {
    const p = paras[pick(rng, uses.get(w)!)]!;
    out.push({ start: p.end, end: p.end, insert: `\n${label}${w}：${pick(rng, DEFINITIONS)}` });
  }
  return out;
}

function wenda(t: Tracked, rng: Rng): Splice[] {
  const text = t.text;
  const [q, a] = pick(rng, [
    ['问：', '答：'],
    ['【问】', '【答】'],
    ['Q：', 'A：'],
  ] as const);
  const out: Splice[] = [];
  paragraphs(text).forEach((p, i) => {
    if (i === 0 || p.end - p.start < 40 || rng() >= 0.2) return;
    const cs = sentences(text, p)
      .flatMap((s) => clauses(text, s))
      .filter((c) => c.end - c.start >= 6 && c.end - c.start <= 20);
    if (!cs.length) return;
    const r = pick(rng, cs);
    const c = text.slice(r.start, r.end);
    const frame = pick(rng, [`如何理解“${c}”？`, `为什么说${c}？`, `怎样做到${c}？`]);
    out.push({ start: p.start, end: p.start, insert: `${q}${frame}\n${a}` });
  });
  return out;
}

const KIND_FN: Record<(typeof KINDS)[number], (t: Tracked, rng: Rng) => Splice[]> = {
  cite,
  quiz,
  cards,
  tujie,
  langdu,
  fold,
  blockquote,
  glossary,
  wenda,
};

/** The revision of `t` by one kind, or by three different kinds in a row (`mixed`). */
export function revise(kind: Kind, t: Tracked, rng: Rng): Tracked {
  if (kind !== 'mixed') return splice(t, KIND_FN[kind](t, rng));
  const pool: (typeof KINDS)[number][] = [...KINDS];
  let cur = t;
  for (let k = 0; k < 3; k++) {
    const one = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
    cur = splice(cur, KIND_FN[one](cur, rng));
  }
  return cur;
}

/** The random numbers of one seed's revision by one kind (the same with or without --kind). */
export function kindRng(seed: number, kind: Kind): Rng {
  const k = ([...KINDS, 'mixed'] as Kind[]).indexOf(kind) + 1;
  const rng = mulberry32(Math.imul(seed, 0x9e3779b1) ^ Math.imul(k, 0x85ebca6b));
  rng();
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Texts

/** The old text of a seed (null without the corpora): a page of 600+ units, every fifth seed a long article. */
export function textOf(seed: number): { name: string; text: string; long: boolean } | null {
  const all = corpusTexts();
  if (!all) return null;
  // the seed spread over the state (nearby plain states give alike first draws) and one draw burnt
  const rng = mulberry32(Math.imul(seed, 0x27d4eb2d) ^ 0x165667b1);
  rng();
  const pages = all.filter((p) => p.text.length >= 600);
  if (seed % 5 !== 0) {
    // a stride through the pages, so that nearby seeds read different pages
    const p = pages[(seed * 17) % pages.length]!;
    return { name: p.name, text: p.text, long: false };
  }
  const goal = int(rng, 60000, 120000);
  const order = [...pages];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const parts: string[] = [];
  let len = 0;
  for (const p of order) {
    if (len >= goal) break;
    parts.push(p.text);
    len += p.text.length + 1;
  }
  return { name: `long(${parts.length} pages)`, text: parts.join('\n'), long: true };
}

// ---------------------------------------------------------------------------------------------
// The run

const show = (s: string): string => s.replace(/\n/g, '⏎');
const around = (text: string, r: Range | null, w = 14): string =>
  r
    ? `${show(text.slice(Math.max(0, r.start - w), r.start))}[${show(text.slice(r.start, r.end))}]${show(text.slice(r.end, r.end + w))}`
    : '—';

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchAnchorOutside12(argv: string[]): Promise<Record<string, number>> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const [from, to] = (arg('--seeds') ?? '901-910').split('-').map(Number) as [number, number?];
  const only = arg('--kind') as Kind | undefined;
  const list = argv.includes('--list');
  const kinds: Kind[] = only ? [only] : [...KINDS, 'mixed'];
  if (only && !([...KINDS, 'mixed'] as string[]).includes(only))
    throw new Error(`unknown kind ${only} (have ${[...KINDS, 'mixed'].join(', ')})`);
  if (!corpusTexts()) {
    process.stderr.write('anchor12: ../shared/corpora/chinese-news-pages is absent: nothing measured\n');
    return {};
  }
  const total = new Tally();
  const byKind = new Map<Kind, Tally>(kinds.map((k) => [k, new Tally()]));
  const byType = new Map<HType, Tally>(TYPES.map((t) => [t, new Tally()]));
  const longCpu: number[] = [];
  const run0 = process.cpuUsage();
  for (let seed = from; seed <= (to ?? from); seed++) {
    const src = textOf(seed);
    if (!src) continue;
    const old = src.text;
    const hs = makeHighlights(old, src.long ? 200 : 40, mulberry32(Math.imul(seed, 0x61c88647) ^ 0x2545f491));
    const selectors: TextSelector[] = hs.map((h) => describe(old, h.start, h.end));
    for (const kind of kinds) {
      const rev = revise(kind, track(old), kindRng(seed, kind));
      const pos = positions(rev, old.length);
      const c0 = process.cpuUsage();
      const placed = anchorAll(rev.text, selectors);
      const c = process.cpuUsage(c0);
      if (src.long) longCpu.push((c.user + c.system) / 1000);
      hs.forEach((h, i) => {
        const at = placed[i] ?? null;
        const { truth, verdict } = verdictOf(old, rev, pos, h, at);
        const source = at && (verdict === 'wrong' || verdict === 'wrong_lost') ? sourceOf(rev, at) : null;
        for (const tally of [total, byKind.get(kind)!, byType.get(h.type)!]) tally.add(truth, verdict, source);
        if (list && (verdict === 'miss' || verdict === 'partial' || verdict === 'wrong' || verdict === 'wrong_lost')) {
          const trueAt = truth.state === 'surviving' ? { start: truth.start, end: truth.end } : null;
          process.stdout.write(
            `${seed} ${kind} ${h.type} ${verdict.toUpperCase()}${source ? `(${source})` : ''} ${truth.state}\n` +
              `  old    ${around(old, h)}\n  true   ${around(rev.text, trueAt)}\n  placed ${around(rev.text, at)}\n`,
          );
        }
      });
    }
  }
  const run = process.cpuUsage(run0);
  const out: Record<string, number> = {
    anchor_out12_recall_pct: total.recallPct,
    anchor_out12_wrong: total.allWrong,
    anchor_out12_wrong_on_copy: total.wrongCopy,
    anchor_out12_highlights: total.highlights,
    anchor_out12_surviving: total.surviving,
    anchor_out12_miss: total.miss,
    anchor_out12_partial: total.partial,
    anchor_out12_lost: total.lost,
    anchor_out12_parted: total.parted,
    anchor_out12_on_remains: total.onRemains,
    anchor_out12_wrong_lost: total.wrongLost,
  };
  for (const [k, t] of byKind) {
    out[`anchor_out12_${k}_recall_pct`] = t.recallPct;
    out[`anchor_out12_${k}_wrong`] = t.allWrong;
    out[`anchor_out12_${k}_surviving`] = t.surviving;
  }
  for (const [k, t] of byType) {
    if (!t.highlights) continue;
    out[`anchor_out12_type_${k}_recall_pct`] = t.recallPct;
    out[`anchor_out12_type_${k}_wrong`] = t.allWrong;
  }
  out.anchor_out12_long_anchorall_cpu_ms_median = Math.round(median(longCpu) * 10) / 10;
  out.anchor_out12_long_anchorall_cpu_ms_max = Math.round(Math.max(0, ...longCpu) * 10) / 10;
  out.anchor_out12_run_cpu_s = Math.round((run.user + run.system) / 1e5) / 10;
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchAnchorOutside12(process.argv.slice(2)).then((out) => {
    for (const [k, v] of Object.entries(out)) process.stdout.write(`${k}: ${v}\n`);
  });
}
