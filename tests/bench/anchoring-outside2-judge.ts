/**
 * The second outside tester's anchoring bench: the text model with a position map, the
 * revision kinds and the judge (the generator of texts and highlights is in
 * anchoring-outside2.ts). Written without reading shared/anchoring beyond its exported
 * signatures, nor the other anchoring benches.
 *
 * Text model: a Doc is the text plus, for every UTF-16 unit, the index of the ORIGINAL unit it
 * came from (-1 for an inserted unit) and whether that unit was changed in place (a variant
 * character, full-width form, a space turned into a line break). Every revision is written as
 * copies of ranges of the current Doc (in any order: a move keeps its origin) plus inserted
 * text, so each original unit is present at most once and the truth is known by construction.
 * Text copied from the article into a caption, a correction or a related-links line is
 * INSERTED text: placing a highlight there is placing it on a copy, not on its own words.
 *
 * Definitions (len = the highlight's length in units):
 * - SURVIVING, len ≤ 4: every unit kept, unchanged, adjacent and in order.
 * - SURVIVING, len > 4: its first and last units kept (in any form), the kept units in order,
 *   at least 80% of the units kept as the same characters (another form counts: 國 for 国, Ｇ
 *   for G; another character does not), and at most max(4, 25% of len) units inserted
 *   between its first and last kept units (a footnote marker [12] or a line break may fall
 *   inside; a sentence may not). Its TRUE SPAN is [new position of the first, of the last + 1).
 * - RIGHT: a surviving highlight placed so that the overlap with the true span is ≥ 50% of the
 *   placed length and ≥ 50% of the true span's length.
 * - MISS: surviving and not placed (an orphan).
 * - WRONG: placed anywhere else. A highlight that did not survive may be placed only on its
 *   remains (≥ 50% of the placed length inside the hull of its kept units); anywhere else, and
 *   anywhere at all when none of its units is left, is WRONG.
 * - LOST: not surviving and not placed (right), or placed on its remains (tolerated).
 */

export interface Doc {
  text: string;
  /** Original index of each unit, -1 when inserted. */
  src: Int32Array;
  /**
   * 0: the original unit as it was; FORM (1): the same character in another form (a variant or
   * traditional character, full-width letter, a space turned into a line break); CONTENT (2):
   * another character in its place (a corrected word).
   */
  changed: Uint8Array;
}

export const FORM = 1;
export const CONTENT = 2;

export function identity(text: string): Doc {
  const src = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) src[i] = i;
  return { text, src, changed: new Uint8Array(text.length) };
}

/** Builds a new Doc from pieces of an old one and inserted text. */
export class Builder {
  private parts: string[] = [];
  private src: number[] = [];
  private changed: number[] = [];
  constructor(private readonly doc: Doc) {}

  /** Copies doc[from, to) with its origins. */
  keep(from: number, to: number): this {
    const d = this.doc;
    if (from < 0 || to > d.text.length || from > to) throw new Error(`keep out of range ${from}-${to}`);
    this.parts.push(d.text.slice(from, to));
    for (let i = from; i < to; i++) {
      this.src.push(d.src[i]!);
      this.changed.push(d.changed[i]!);
    }
    return this;
  }

  insert(s: string): this {
    this.parts.push(s);
    for (let i = 0; i < s.length; i++) {
      this.src.push(-1);
      this.changed.push(0);
    }
    return this;
  }

  /** Replaces the unit doc[i] by the single unit c, keeping its origin (FORM or CONTENT change). */
  substitute(i: number, c: string, how: typeof FORM | typeof CONTENT): this {
    if (c.length !== 1) throw new Error('substitute takes one unit');
    const d = this.doc;
    this.parts.push(c);
    this.src.push(d.src[i]!);
    this.changed.push(c === d.text[i] ? d.changed[i]! : Math.max(how, d.changed[i]!));
    return this;
  }

  done(): Doc {
    const text = this.parts.join('');
    if (text.length !== this.src.length) throw new Error('builder length mismatch');
    return { text, src: Int32Array.from(this.src), changed: Uint8Array.from(this.changed) };
  }
}

/**
 * One replacement of doc[from, to) by text; with `sub` and equal lengths, unit to unit: 'form'
 * for the same characters in another form, 'content' for other characters.
 */
export interface Op {
  from: number;
  to: number;
  text: string;
  sub?: 'form' | 'content';
}

/** Applies non-overlapping ops (any order given; sorted here) to a Doc. */
export function applyOps(doc: Doc, ops: readonly Op[]): Doc {
  const sorted = [...ops].sort((a, b) => a.from - b.from || a.to - b.to);
  const b = new Builder(doc);
  let at = 0;
  for (const op of sorted) {
    if (op.from < at) continue; // overlapping op: dropped rather than corrupting the map
    b.keep(at, op.from);
    if (op.sub && op.text.length === op.to - op.from) {
      for (let k = 0; k < op.text.length; k++) b.substitute(op.from + k, op.text[k]!, op.sub === 'form' ? FORM : CONTENT);
    } else b.insert(op.text);
    at = op.to;
  }
  b.keep(at, doc.text.length);
  return b.done();
}

/** Checks that no original unit appears twice and the arrays fit the text. */
export function validate(doc: Doc, originalLength: number): void {
  if (doc.src.length !== doc.text.length || doc.changed.length !== doc.text.length) throw new Error('doc arrays do not fit');
  const seen = new Uint8Array(originalLength);
  for (const s of doc.src) {
    if (s < 0) continue;
    if (s >= originalLength || seen[s]) throw new Error(`original unit ${s} twice or out of range`);
    seen[s] = 1;
  }
}

/** New position of every original unit, -1 when gone. */
export function inverse(doc: Doc, originalLength: number): Int32Array {
  const pos = new Int32Array(originalLength).fill(-1);
  for (let i = 0; i < doc.src.length; i++) {
    const s = doc.src[i]!;
    if (s >= 0) pos[s] = i;
  }
  return pos;
}

export type Verdict = 'right' | 'miss' | 'wrong' | 'lost' | 'lost-on-remains' | 'undecidable';

export interface Judgement {
  verdict: Verdict;
  surviving: boolean;
  /** True span in the new text (surviving), or the hull of the remains, or null when none left. */
  truth: { start: number; end: number } | null;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Judges one highlight [start, end) of the original text against where it was placed. */
/** Units either side that must read the same for two copies to be told apart by position alone. */
const SAME_SURROUNDINGS = 200;

/**
 * A placement no text can tell from the truth (noted apart, neither right nor wrong): its words
 * and SAME_SURROUNDINGS units either side read exactly as the truth's do, and it is no farther
 * from the passage's old place (e.g. merge: a page pasted above a copy of itself, the passage
 * placed where it stood, with the same context, on the pasted copy). Anchoring sees only text;
 * which copy the edit "kept" is provenance, not text. A copy farther away is still wrong.
 */
function indistinguishable(text: string, truth: Span, placed: Span, oldStart: number): boolean {
  if (placed.end - placed.start !== truth.end - truth.start) return false;
  if (Math.abs(placed.start - oldStart) > Math.abs(truth.start - oldStart)) return false;
  const around = (s: Span) => {
    const from = Math.max(0, s.start - SAME_SURROUNDINGS);
    return { lead: s.start - from, words: text.slice(from, Math.min(text.length, s.end + SAME_SURROUNDINGS)) };
  };
  const a = around(placed);
  const b = around(truth);
  // Cut short by a text edge on one side only: the shorter must read as the longer there.
  const lead = Math.min(a.lead, b.lead);
  const tail = Math.min(a.words.length - a.lead, b.words.length - b.lead);
  return a.words.slice(a.lead - lead, a.lead + tail) === b.words.slice(b.lead - lead, b.lead + tail);
}

export function judge(doc: Doc, pos: Int32Array, start: number, end: number, placed: { start: number; end: number } | null): Judgement {
  const len = end - start;
  let kept = 0;
  let unchanged = 0;
  let ordered = true;
  let last = -1;
  let lo = Infinity;
  let hi = -1;
  for (let o = start; o < end; o++) {
    const p = pos[o]!;
    if (p < 0) continue;
    kept++;
    if (len <= 4 ? !doc.changed[p] : doc.changed[p] !== CONTENT) unchanged++;
    if (p <= last) ordered = false;
    last = p;
    lo = Math.min(lo, p);
    hi = Math.max(hi, p);
  }
  const first = pos[start]!;
  const final = pos[end - 1]!;
  let surviving: boolean;
  if (len <= 4) {
    surviving = kept === len && unchanged === len && ordered && final - first === len - 1;
  } else {
    const inserted = first >= 0 && final >= first ? final - first + 1 - kept : Infinity;
    surviving = first >= 0 && final >= 0 && ordered && unchanged >= 0.8 * len && inserted <= Math.max(4, 0.25 * len);
  }
  if (surviving) {
    const truth = { start: first, end: final + 1 };
    if (!placed) return { verdict: 'miss', surviving, truth };
    const ov = overlap(placed.start, placed.end, truth.start, truth.end);
    const ok = ov >= 0.5 * (placed.end - placed.start) && ov >= 0.5 * (truth.end - truth.start) && ov > 0;
    if (!ok && indistinguishable(doc.text, truth, placed, start)) return { verdict: 'undecidable', surviving, truth };
    return { verdict: ok ? 'right' : 'wrong', surviving, truth };
  }
  const truth = kept ? { start: lo, end: hi + 1 } : null;
  if (!placed) return { verdict: 'lost', surviving, truth };
  if (truth) {
    const ov = overlap(placed.start, placed.end, truth.start, truth.end);
    if (ov > 0 && ov >= 0.5 * (placed.end - placed.start)) return { verdict: 'lost-on-remains', surviving, truth };
  }
  return { verdict: 'wrong', surviving, truth };
}

// ---------------------------------------------------------------------------------------------
// Randomness and text helpers

export type Rng = () => number;

export function rngFor(seed: number, salt: string): Rng {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

export interface Span {
  start: number;
  end: number;
}

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

const CJK = /[\u3400-\u9fff]/;
export function isCjk(c: string | undefined): boolean {
  return !!c && CJK.test(c);
}

/** Sentences inside [from, to): ends at 。！？!? (with a closing quote) or '. ' in Latin text. */
export function sentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    let endHere = false;
    if ('。！？!?；'.includes(c)) endHere = c !== '；';
    else if (c === '.' && (i + 1 >= to || text[i + 1] === ' ') && !/[A-Z]/.test(text[i - 1] ?? '') && !/\d/.test(text[i + 1] ?? ''))
      endHere = true;
    else if (c === '\n') {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
      continue;
    }
    if (endHere) {
      let e = i + 1;
      while (e < to && '”’"」』）)'.includes(text[e]!)) e++;
      out.push({ start: s, end: e });
      while (e < to && text[e] === ' ') e++;
      s = e;
      i = e - 1;
    }
  }
  if (s < to) out.push({ start: s, end: to });
  return out.filter((x) => x.end - x.start > 1);
}

/** Positions of every occurrence of needle in text. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Revision kinds

export type Lang = 'zh' | 'en';

export interface EditContext {
  lang: Lang;
  /** Another article's text, for merges. */
  other: string;
  /** The highlights, in original units (the kind's own edit runs first, on the original). */
  highlights: readonly Span[];
  /** What the kind's prepare() set up, in original units. */
  prep?: PrepInfo;
}

export interface PrepInfo {
  /** near_copy: the paragraph to delete; repeat_edit: the copy to edit. */
  target?: Span;
  /** many_term: the term. */
  term?: string;
}

export interface Prepared {
  text: string;
  forced: Span[];
  info: PrepInfo;
}

export interface Kind {
  name: string;
  /** Changes the article BEFORE highlights are made (it is then the original). */
  prepare?: (text: string, rng: Rng, lang: Lang) => Prepared | null;
  edit: (doc: Doc, rng: Rng, ctx: EditContext) => Doc;
}

const NAMES = ['王磊', '李静', '张建华', '刘洋', '陈晓明', '杨帆', '赵文'];
const FILLER_ZH = '有关部门表示将进一步加强工作落实各项措施推动高质量发展取得新成效';

function fragment(text: string, rng: Rng, min: number, max: number, lang: Lang): string {
  for (let tries = 0; tries < 50; tries++) {
    const len = int(rng, min, max);
    const at = int(rng, 0, Math.max(0, text.length - len - 1));
    let s = text.slice(at, at + len);
    if (s.includes('\n')) continue;
    if (lang === 'en') s = s.replace(/^\S*\s/, '').replace(/\s\S*$/, '');
    if (s.trim().length >= Math.min(min, 4)) return s.trim();
  }
  return lang === 'zh' ? '相关新闻' : 'Related news';
}

/** A char to put instead of c that is not c. */
function otherChar(rng: Rng, c: string, lang: Lang): string {
  const pool = lang === 'zh' ? FILLER_ZH : 'etaoinshrdlu';
  for (;;) {
    const d = pick(rng, [...pool]);
    if (d !== c) return d;
  }
}

/** A phrase of 6–12 units inside a highlight when one is long enough, else anywhere. */
function phraseToCorrect(doc: Doc, rng: Rng, ctx: EditContext): Span | null {
  const text = doc.text;
  const long = ctx.highlights.filter((h) => h.end - h.start >= 8);
  if (long.length && rng() < 0.7) {
    const h = pick(rng, long);
    const len = Math.min(h.end - h.start, int(rng, 6, 12));
    const s = h.start + int(rng, 0, h.end - h.start - len);
    if (!text.slice(s, s + len).includes('\n')) return { start: s, end: s + len };
  }
  const paras = paragraphs(text).filter((p) => p.end - p.start > 30);
  if (!paras.length) return null;
  const p = pick(rng, paras);
  const len = int(rng, 6, 12);
  const s = int(rng, p.start, p.end - len);
  return { start: s, end: s + len };
}

/** 更正: one word of a phrase is corrected in place and a correction quoting both is added. */
const correction: Kind = {
  name: 'correction',
  edit(doc, rng, ctx) {
    const ph = phraseToCorrect(doc, rng, ctx);
    if (!ph) return doc;
    const old = doc.text.slice(ph.start, ph.end);
    // Change one unit in the middle (a letter/character, not punctuation when possible).
    let k = ph.start + Math.floor((ph.end - ph.start) / 2);
    for (let j = ph.start + 1; j < ph.end - 1; j++) {
      if (isCjk(doc.text[j]) || /[a-z0-9]/i.test(doc.text[j]!)) {
        k = j;
        if (rng() < 0.4) break;
      }
    }
    const c = otherChar(rng, doc.text[k]!, ctx.lang);
    const fixed = old.slice(0, k - ph.start) + c + old.slice(k - ph.start + 1);
    const note =
      ctx.lang === 'zh'
        ? pick(rng, [`更正：本报此前刊发的本文中，“${old}”应为“${fixed}”，特此更正。`, `【更正】原文“${old}”有误，现已更正为“${fixed}”。`])
        : `Correction: An earlier version of this article misstated a phrase as "${old}". It is "${fixed}".`;
    const ops: Op[] = [{ from: k, to: k + 1, text: c, sub: 'content' }];
    if (rng() < 0.6) ops.push({ from: doc.text.length, to: doc.text.length, text: '\n' + note });
    else {
      const first = paragraphs(doc.text)[0]!;
      ops.push({ from: first.end, to: first.end, text: '\n' + note });
    }
    return applyOps(doc, ops);
  },
};

/** The lead paragraph rewritten: clauses reordered, some dropped, words replaced, a dateline. */
const leadRewrite: Kind = {
  name: 'lead_rewrite',
  edit(doc, rng, ctx) {
    const paras = paragraphs(doc.text);
    const lead = paras.find((p, i) => i < 4 && p.end - p.start >= 40) ?? paras[0]!;
    const sents = sentences(doc.text, lead.start, lead.end);
    const b = new Builder(doc);
    b.keep(0, lead.start);
    b.insert(ctx.lang === 'zh' ? pick(rng, ['新华社北京电（记者 ' + pick(rng, NAMES) + '）', '本报讯 ', '【导读】']) : 'UPDATED — ');
    const pieces: Span[][] = [];
    for (const s of sents) {
      const r = rng();
      if (r < 0.25) continue; // dropped
      if (r < 0.55) {
        pieces.push([s]);
        continue;
      }
      // Clauses of the sentence in another order.
      const cuts: number[] = [s.start];
      for (let i = s.start; i < s.end; i++) if ('，,；;'.includes(doc.text[i]!)) cuts.push(i + 1);
      cuts.push(s.end);
      const clauses: Span[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1]! > cuts[i]!) clauses.push({ start: cuts[i]!, end: cuts[i + 1]! });
      if (clauses.length > 1) clauses.push(clauses.shift()!);
      pieces.push(clauses);
    }
    if (rng() < 0.5 && pieces.length > 1) pieces.reverse();
    for (const group of pieces) {
      for (const c of group) {
        // Replace one word-sized stretch now and then.
        if (rng() < 0.3 && c.end - c.start > 10) {
          const at = int(rng, c.start + 2, c.end - 6);
          b.keep(c.start, at)
            .insert(ctx.lang === 'zh' ? '进一步' : 'reportedly ')
            .keep(at + 2, c.end);
        } else b.keep(c.start, c.end);
      }
    }
    b.keep(lead.end, doc.text.length);
    return b.done();
  },
};

const SAY_ZH = ['表示', '指出', '强调', '认为', '介绍', '说', '称', '坦言', '透露', '谈到'];
const SAY_EN: Record<string, string> = {
  said: 'noted',
  says: 'explains',
  told: 'informed',
  added: 'went on',
  noted: 'observed',
  explained: 'said',
};

/** A quote's attribution rewritten: X表示 → X指出, "said" → "noted", sometimes with 在接受采访时. */
const attribution: Kind = {
  name: 'attribution',
  edit(doc, rng, ctx) {
    const ops: Op[] = [];
    const t = doc.text;
    if (ctx.lang === 'zh') {
      const re = /(表示|指出|强调|认为|介绍|坦言|透露|谈到|说|称)(?=[，：:,“])/g;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        if (rng() < 0.2) continue;
        let w = pick(rng, SAY_ZH);
        while (w === m[1]) w = pick(rng, SAY_ZH);
        ops.push({ from: m.index, to: m.index + m[1]!.length, text: (rng() < 0.3 ? '在接受记者采访时' : '') + w });
      }
    } else {
      const re = /\b(said|says|told|added|noted|explained)\b/g;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        if (rng() < 0.2) continue;
        ops.push({ from: m.index, to: m.index + m[1]!.length, text: (rng() < 0.3 ? 'later ' : '') + SAY_EN[m[1]!]! });
      }
    }
    return applyOps(doc, ops);
  },
};

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Footnote and reference markers inserted after sentences and words, and a reference list. */
const footnotes: Kind = {
  name: 'footnotes',
  edit(doc, rng, ctx) {
    const style = int(rng, 0, 3);
    let n = 0;
    const mark = () => {
      n++;
      return style === 0 ? `[${n}]` : style === 1 ? CIRCLED[(n - 1) % 20]! : style === 2 ? `〔${n}〕` : `^${n}`;
    };
    const ops: Op[] = [];
    for (const s of sentences(doc.text)) {
      if (rng() > 0.25) continue;
      const t = doc.text;
      let at = s.end;
      if (rng() < 0.5)
        while (at > s.start && '。！？.!?”"’'.includes(t[at - 1]!)) at--; // before the full stop
      else if (rng() < 0.3) {
        // after a word inside the sentence
        at = int(rng, s.start + 2, Math.max(s.start + 2, s.end - 2));
        if (ctx.lang === 'en') while (at < s.end && t[at] !== ' ') at++;
      }
      ops.push({ from: at, to: at, text: mark() });
    }
    if (n && rng() < 0.7) {
      const lines = [ctx.lang === 'zh' ? '参考文献：' : 'References'];
      for (let i = 1; i <= n; i++)
        lines.push(`${style === 1 ? CIRCLED[(i - 1) % 20] : `[${i}]`} ${fragment(doc.text, rng, 6, 14, ctx.lang)}，${2000 + i}。`);
      ops.push({ from: doc.text.length, to: doc.text.length, text: '\n' + lines.join('\n') });
    }
    return applyOps(doc, ops);
  },
};

/** Image captions and 图片说明 lines between paragraphs, often quoting the paragraph next to them. */
const captions: Kind = {
  name: 'captions',
  edit(doc, rng, ctx) {
    const paras = paragraphs(doc.text);
    const ops: Op[] = [];
    for (let i = 0; i < paras.length; i++) {
      if (rng() > 0.3) continue;
      const p = paras[i]!;
      const near = doc.text.slice(p.start, p.end);
      const frag = near.length > 12 ? fragment(near, rng, 8, 20, ctx.lang) : '现场';
      const cap =
        ctx.lang === 'zh'
          ? pick(rng, [
              `图为${frag}。新华社记者 ${pick(rng, NAMES)} 摄`,
              `图片说明：${frag}`,
              `▲${frag}（图片来源：网络）`,
              '（资料图）',
              `${frag}。（受访者供图）`,
              '视频加载中…',
            ])
          : pick(rng, [`Photo: ${frag} (Reuters)`, `Image caption: ${frag}`, 'Getty Images', `${frag}. Credit: AP`]);
      ops.push({ from: p.end, to: p.end, text: '\n' + cap });
    }
    return applyOps(doc, ops);
  },
};

const CN_NUM = '一二三四五六七八九十';

/** List renumbering: 一、→（一）, 1. → 1）, (1) → 1. ; or numbers added to a run of paragraphs. */
const listRenumber: Kind = {
  name: 'list_renumber',
  edit(doc, rng, ctx) {
    const ops: Op[] = [];
    const paras = paragraphs(doc.text);
    for (const p of paras) {
      const head = doc.text.slice(p.start, p.start + 6);
      let m = /^([一二三四五六七八九十]{1,2})、/.exec(head);
      if (m) {
        ops.push({ from: p.start, to: p.start + m[0].length, text: `（${m[1]}）` });
        continue;
      }
      m = /^[（(]([一二三四五六七八九十]{1,2})[）)]/.exec(head);
      if (m) {
        ops.push({ from: p.start, to: p.start + m[0].length, text: `${m[1]}、` });
        continue;
      }
      m = /^(\d{1,2})[.．、]\s?/.exec(head);
      if (m) {
        ops.push({ from: p.start, to: p.start + m[0].length, text: `${m[1]}）` });
        continue;
      }
      m = /^[（(](\d{1,2})[）)]/.exec(head);
      if (m) ops.push({ from: p.start, to: p.start + m[0].length, text: `${m[1]}. ` });
    }
    if (!ops.length) {
      // No list: number a run of paragraphs, as an editor turning them into one.
      const from = int(rng, 1, Math.max(1, paras.length - 6));
      const count = Math.min(paras.length - from, int(rng, 3, 7));
      for (let i = 0; i < count; i++) {
        const p = paras[from + i]!;
        const label = ctx.lang === 'zh' ? pick(rng, [`${CN_NUM[i % 10]}、`, `（${CN_NUM[i % 10]}）`, `${i + 1}．`]) : `${i + 1}. `;
        ops.push({ from: p.start, to: p.start, text: label });
      }
    }
    return applyOps(doc, ops);
  },
};

const VARIANTS: Record<string, string> = {
  国: '國',
  发: '發',
  经: '經',
  济: '濟',
  会: '會',
  这: '這',
  为: '為',
  学: '學',
  进: '進',
  对: '對',
  时: '時',
  说: '說',
  们: '們',
  来: '來',
  个: '個',
  动: '動',
  实: '實',
  现: '現',
  长: '長',
  业: '業',
  产: '產',
  关: '關',
  开: '開',
  与: '與',
  问: '問',
  题: '題',
  过: '過',
  还: '還',
  体: '體',
  区: '區',
  员: '員',
  报: '報',
  记: '記',
  务: '務',
  设: '設',
  传: '傳',
  强: '強',
  监: '監',
  级: '級',
  总: '總',
  线: '綫',
  群: '羣',
  够: '夠',
  峰: '峯',
  略: '畧',
  秘: '祕',
  床: '牀',
  于: '於',
  着: '著',
  众: '眾',
  里: '裡',
  才: '纔',
  并: '並',
  台: '臺',
  干: '幹',
  后: '後',
  面: '麵',
  云: '雲',
  乡: '鄉',
  帮: '幫',
};
const VARIANTS_EN: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '—': '-', '–': '-', "'": '’', '"': '”', '…': '.' };

const UNVARIANT = new Map(Object.entries(VARIANTS).map(([a, b]) => [b, a]));

/** A text with forms folded (NFKC, traditional/异体 back to the simplified of VARIANTS). */
export function fold(s: string): string {
  return [...s.normalize('NFKC')].map((c) => UNVARIANT.get(c) ?? c).join('');
}

/** Simplified/traditional and 异体 forms of a few characters (typographic variants in English). */
const variants: Kind = {
  name: 'variants',
  edit(doc, rng, ctx) {
    const table = ctx.lang === 'zh' ? VARIANTS : VARIANTS_EN;
    const present = Object.keys(table).filter((c) => doc.text.includes(c));
    const chosen = new Set<string>();
    const want = ctx.lang === 'zh' ? int(rng, 3, 8) : int(rng, 1, 3);
    while (chosen.size < Math.min(want, present.length)) chosen.add(pick(rng, present));
    const ops: Op[] = [];
    for (let i = 0; i < doc.text.length; i++) {
      const c = doc.text[i]!;
      if (chosen.has(c) && rng() < 0.9) ops.push({ from: i, to: i + 1, text: table[c]!, sub: 'form' });
    }
    return applyOps(doc, ops);
  },
};

/** Full-width and half-width letters and digits swapped in runs (ＧＤＰ ↔ GDP, ２０２３ ↔ 2023). */
const width: Kind = {
  name: 'width',
  edit(doc, rng) {
    const ops: Op[] = [];
    const re = /[A-Za-z0-9]+|[Ａ-Ｚａ-ｚ０-９]+/g;
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
      if (rng() < 0.35) continue;
      const s = m[0];
      const full = s.charCodeAt(0) > 0xff;
      const out = [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + (full ? -0xfee0 : 0xfee0))).join('');
      ops.push({ from: m.index, to: m.index + s.length, text: out, sub: 'form' });
    }
    return applyOps(doc, ops);
  },
};

/** Hard-wrapped: a line break every N units inside paragraphs (at a space in Latin text). */
const hardWrap: Kind = {
  name: 'hard_wrap',
  edit(doc, rng, ctx) {
    const n = ctx.lang === 'zh' ? int(rng, 20, 45) : int(rng, 50, 80);
    const ops: Op[] = [];
    for (const p of paragraphs(doc.text)) {
      let col = 0;
      for (let i = p.start; i < p.end; i++) {
        col++;
        if (col < n) continue;
        if (ctx.lang === 'en') {
          if (doc.text[i] === ' ') {
            ops.push({ from: i, to: i + 1, text: '\n', sub: 'form' });
            col = 0;
          }
        } else if (i + 1 < p.end) {
          ops.push({ from: i + 1, to: i + 1, text: '\n' });
          col = 0;
        }
      }
    }
    return applyOps(doc, ops);
  },
};

/** Unwrapped: paragraph breaks removed (joined without a break, or by a space in Latin text). */
const unwrap: Kind = {
  name: 'unwrap',
  edit(doc, rng, ctx) {
    const ops: Op[] = [];
    for (let i = 0; i < doc.text.length; i++) {
      if (doc.text[i] !== '\n' || rng() < 0.3) continue;
      ops.push(ctx.lang === 'zh' ? { from: i, to: i + 1, text: '' } : { from: i, to: i + 1, text: ' ', sub: 'form' });
    }
    return applyOps(doc, ops);
  },
};

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '“': '&ldquo;',
  '”': '&rdquo;',
  '—': '&mdash;',
  ' ': '&nbsp;',
  '<': '&lt;',
  '·': '&middot;',
  '’': '&rsquo;',
};
const EMOJI = ['👍', '🔥', '🇨🇳', '👨\u200d👩\u200d👧', '❤️', '✅', '📌'];
const INVISIBLE = ['\u200b', '\u200d', '\ufeff', '\u00ad', '\u200c'];

/** HTML entities left in the text, emoji after sentences, zero-width units inside words. */
const noise: Kind = {
  name: 'noise',
  edit(doc, rng) {
    const ops: Op[] = [];
    const t = doc.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (ENTITIES[c] && rng() < (c === ' ' ? 0.08 : 0.5)) ops.push({ from: i, to: i + 1, text: ENTITIES[c] });
      else if (rng() < 0.006 && i > 0 && t[i - 1] !== '\n') ops.push({ from: i, to: i, text: pick(rng, INVISIBLE) });
    }
    for (const s of sentences(t)) if (rng() < 0.06) ops.push({ from: s.end, to: s.end, text: pick(rng, EMOJI) });
    return applyOps(doc, ops);
  },
};

/** A near-copy of a paragraph placed far from it in the original; the edit deletes the paragraph. */
const nearCopy: Kind = {
  name: 'near_copy',
  prepare(text, rng, lang) {
    const paras = paragraphs(text).filter((p) => p.end - p.start >= 40 && p.end - p.start <= 600);
    if (paras.length < 3) return null;
    const p = pick(rng, paras);
    const body = text.slice(p.start, p.end);
    // The copy: the same paragraph with two or three units changed, as a summary box repeats it.
    const chars = [...body];
    for (let k = 0; k < int(rng, 2, 3); k++) {
      const at = int(rng, 2, chars.length - 3);
      chars[at] = otherChar(rng, chars[at]!, lang);
    }
    const copy = chars.join('');
    const others = paragraphs(text).filter((q) => Math.abs(q.start - p.start) > 200);
    const where = others.length ? pick(rng, others) : paragraphs(text).at(-1)!;
    const atCopy = where.end;
    const next = text.slice(0, atCopy) + '\n' + copy + text.slice(atCopy);
    const shift = atCopy < p.start ? copy.length + 1 : 0;
    const target = { start: p.start + shift, end: p.end + shift };
    const forced: Span[] = [];
    const sents = sentences(next, target.start, target.end);
    for (const s of sents.slice(0, 2)) forced.push(s);
    const len = Math.min(4, target.end - target.start - 4);
    const ts = int(rng, target.start, target.end - len);
    forced.push({ start: ts, end: ts + len });
    return { text: next, forced, info: { target } };
  },
  edit(doc, rng, ctx) {
    const t = ctx.prep?.target;
    if (!t) return doc;
    // The original's own paragraph goes, with its line break.
    return applyOps(doc, [{ from: t.start, to: Math.min(doc.text.length, t.end + 1), text: '' }]);
  },
};

/** A sentence repeated elsewhere in the original; the edit changes ONE of its copies. */
const repeatEdit: Kind = {
  name: 'repeat_edit',
  prepare(text, rng) {
    const sents = sentences(text).filter((s) => s.end - s.start >= 15 && s.end - s.start <= 120);
    if (sents.length < 6) return null;
    const s = pick(rng, sents);
    const sentence = text.slice(s.start, s.end);
    const paras = paragraphs(text).filter((q) => Math.abs(q.start - s.start) > 300);
    const q = paras.length ? pick(rng, paras) : paragraphs(text).at(-1)!;
    const next = text.slice(0, q.end) + '\n' + sentence + text.slice(q.end);
    const copy = { start: q.end + 1, end: q.end + 1 + sentence.length };
    const own = q.end < s.start ? { start: s.start + sentence.length + 1, end: s.end + sentence.length + 1 } : s;
    const edited = rng() < 0.5 ? copy : own;
    const forced: Span[] = [own, copy];
    // A clause of each, too.
    for (const c of [own, copy]) {
      const len = Math.min(10, c.end - c.start - 2);
      const at = c.start + int(rng, 0, c.end - c.start - len);
      forced.push({ start: at, end: at + len });
    }
    return { text: next, forced, info: { target: edited } };
  },
  edit(doc, rng, ctx) {
    const t = ctx.prep?.target;
    if (!t) return doc;
    const len = t.end - t.start;
    const r = rng();
    if (r < 0.4) {
      // Two units changed in the middle.
      const at = t.start + int(rng, 3, Math.max(3, len - 5));
      return applyOps(doc, [
        {
          from: at,
          to: at + 2,
          text: otherChar(rng, doc.text[at]!, ctx.lang) + otherChar(rng, doc.text[at + 1]!, ctx.lang),
          sub: 'content',
        },
      ]);
    }
    if (r < 0.7) {
      // Its second half rewritten.
      const at = t.start + Math.floor(len / 2);
      return applyOps(doc, [{ from: at, to: t.end, text: ctx.lang === 'zh' ? '对此作出了新的部署。' : 'has been revised since.' }]);
    }
    // Deleted in that place.
    return applyOps(doc, [{ from: t.start, to: t.end, text: '' }]);
  },
};

/** The most frequent 2–4-unit term (≥ 20 times), made if need be; three occurrences highlighted. */
const manyTerm: Kind = {
  name: 'many_term',
  prepare(text, rng, lang) {
    let best = '';
    let bestCount = 0;
    if (lang === 'zh') {
      const counts = new Map<string, number>();
      for (let i = 0; i + 2 <= text.length; i++) {
        const g = text.slice(i, i + 2);
        if (isCjk(g[0]) && isCjk(g[1])) counts.set(g, (counts.get(g) ?? 0) + 1);
      }
      for (const [g, c] of counts) if (c > bestCount && !/[的了是在和]/.test(g)) [best, bestCount] = [g, c];
    } else {
      const counts = new Map<string, number>();
      for (const m of text.matchAll(/\b[A-Za-z]{4,}\b/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
      for (const [g, c] of counts)
        if (c > bestCount && !/^(that|this|with|from|have|they|were|which|their|there|would)$/i.test(g)) [best, bestCount] = [g, c];
    }
    if (!best) return null;
    let next = text;
    if (bestCount < 20) {
      // Sprinkle it into sentences so that it appears 20+ times, as a 专题 article does.
      const ops: Op[] = [];
      const sents = sentences(text);
      const pool = [...sents];
      for (let k = 0; k < 22 - bestCount && pool.length; k++) {
        const s = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
        ops.push({ from: s.start, to: s.start, text: lang === 'zh' ? `围绕${best}，` : `On ${best}, ` });
      }
      next = applyOps(identity(text), ops).text;
    }
    const occ = occurrences(next, best);
    const forced: Span[] = [];
    for (let k = 0; k < 3; k++) {
      const at = pick(rng, occ);
      forced.push({ start: at, end: at + best.length });
    }
    return { text: next, forced, info: { term: best } };
  },
  edit(doc, rng, ctx) {
    const term = ctx.prep?.term;
    if (!term) return doc;
    const paras = paragraphs(doc.text);
    const ops: Op[] = [];
    // A new paragraph near the start full of the term, a paragraph elsewhere deleted, and the
    // term written again right next to one highlighted occurrence.
    ops.push({
      from: paras[0]!.end,
      to: paras[0]!.end,
      text:
        '\n' +
        (ctx.lang === 'zh' ? `${term}是本次会议的关键词，${term}贯穿始终。` : `${term} was the word of the day: ${term} again and again.`),
    });
    const forcedParas = new Set(ctx.highlights.map((h) => paras.findIndex((p) => h.start >= p.start && h.start <= p.end)));
    const deletable = paras.map((p, i) => ({ p, i })).filter(({ i }) => i > 0 && !forcedParas.has(i));
    if (deletable.length) {
      const { p } = pick(rng, deletable);
      ops.push({ from: p.start, to: Math.min(doc.text.length, p.end + 1), text: '' });
    }
    const h = ctx.highlights[0]; // a highlighted occurrence (the forced ones come first)
    if (h) {
      const sents = sentences(doc.text).find((s) => s.start <= h.start && h.start < s.end);
      if (sents && !ops.some((o) => o.from <= sents.end && sents.end < o.to))
        ops.push({ from: sents.end, to: sents.end, text: ctx.lang === 'zh' ? `${term}，${term}。` : ` ${term}, ${term}.` });
    }
    return applyOps(doc, ops);
  },
};

/** A related-links block (20+ short lines, some quoting the article) inserted in the middle. */
const boilerplate: Kind = {
  name: 'boilerplate',
  edit(doc, rng, ctx) {
    const paras = paragraphs(doc.text);
    const mid = paras[Math.floor(paras.length / 2)]!;
    const lines: string[] = [ctx.lang === 'zh' ? '相关阅读' : 'Related stories'];
    const n = int(rng, 20, 34);
    for (let i = 0; i < n; i++) {
      const frag = fragment(doc.text, rng, 4, 16, ctx.lang);
      lines.push(
        ctx.lang === 'zh'
          ? pick(rng, [
              `· ${frag}`,
              `${frag}…`,
              `【${frag}】`,
              '分享到：',
              '微信',
              '微博',
              '扫一扫',
              `上一篇：${frag}`,
              `责任编辑：${pick(rng, NAMES)}`,
              `${2020 + (i % 5)}-0${1 + (i % 9)}-1${i % 10}`,
            ])
          : pick(rng, [`• ${frag}`, `${frag}…`, 'Share', 'Tweet', 'Email', `Next: ${frag}`, 'Advertisement']),
      );
    }
    return applyOps(doc, [{ from: mid.end, to: mid.end, text: '\n' + lines.join('\n') }]);
  },
};

/** Only the first half kept (at a paragraph boundary), with a 未完 line. */
const truncate: Kind = {
  name: 'truncate',
  edit(doc, rng, ctx) {
    const paras = paragraphs(doc.text);
    const half = doc.text.length / 2;
    const cut = paras.find((p) => p.end >= half) ?? paras.at(-1)!;
    return applyOps(doc, [
      { from: cut.end, to: doc.text.length, text: rng() < 0.5 ? (ctx.lang === 'zh' ? '\n（未完待续）' : '\nContinued…') : '' },
    ]);
  },
};

/** Two articles merged: another before or after, with a separator line. */
const merge: Kind = {
  name: 'merge',
  edit(doc, rng, ctx) {
    const sep = ctx.lang === 'zh' ? '\n——————\n' : '\n* * *\n';
    return rng() < 0.5
      ? applyOps(doc, [{ from: 0, to: 0, text: ctx.other + sep }])
      : applyOps(doc, [{ from: doc.text.length, to: doc.text.length, text: sep + ctx.other }]);
  },
};

/** Re-extracted with other paragraph boundaries: split at sentences, short ones joined, indents. */
const repara: Kind = {
  name: 'repara',
  edit(doc, rng, ctx) {
    const ops: Op[] = [];
    const paras = paragraphs(doc.text);
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i]!;
      if (ctx.lang === 'zh' && rng() < 0.3) ops.push({ from: p.start, to: p.start, text: '\u3000\u3000' });
      for (const s of sentences(doc.text, p.start, p.end).slice(0, -1))
        if (rng() < 0.3) ops.push({ from: s.end, to: s.end + (doc.text[s.end] === ' ' ? 1 : 0), text: '\n' });
      if (i + 1 < paras.length && rng() < 0.35)
        ops.push(ctx.lang === 'zh' ? { from: p.end, to: p.end + 1, text: '' } : { from: p.end, to: p.end + 1, text: ' ', sub: 'form' });
    }
    if (rng() < 0.5)
      ops.push({ from: 0, to: 0, text: ctx.lang === 'zh' ? `来源：人民网\u3000作者：${pick(rng, NAMES)}\n` : 'By Staff Writer\n' });
    return applyOps(doc, ops);
  },
};

export const SINGLE_KINDS: readonly Kind[] = [
  correction,
  leadRewrite,
  attribution,
  footnotes,
  captions,
  listRenumber,
  variants,
  width,
  hardWrap,
  unwrap,
  noise,
  nearCopy,
  repeatEdit,
  manyTerm,
  boilerplate,
  truncate,
  merge,
  repara,
];

/** Several kinds one after the other; a kind with a prepare step (at most one) goes first. */
export function mixedKind(name: string, count: number): Kind {
  const plain = SINGLE_KINDS.filter((k) => !k.prepare);
  const prepared = SINGLE_KINDS.filter((k) => k.prepare);
  let chosenPrep: Kind | null = null;
  return {
    name,
    prepare(text, rng, lang) {
      chosenPrep = rng() < 0.5 ? pick(rng, prepared) : null;
      return chosenPrep?.prepare?.(text, rng, lang) ?? null;
    },
    edit(doc, rng, ctx) {
      let d = chosenPrep ? chosenPrep.edit(doc, rng, ctx) : doc;
      const pool = [...plain];
      for (let k = 0; k < count && pool.length; k++) {
        const kind = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
        // Later kinds see the highlights where they now are (a correction quotes one), by origin.
        d = kind.edit(d, rng, { ...ctx, highlights: ctx.highlights.map((h) => nowAt(d, h)).filter((h): h is Span => !!h) });
      }
      return d;
    },
  };
}

function nowAt(doc: Doc, h: Span): Span | null {
  let a = -1;
  let b = -1;
  for (let i = 0; i < doc.src.length; i++) {
    const s = doc.src[i]!;
    if (s === h.start) a = i;
    if (s === h.end - 1) b = i;
  }
  return a >= 0 && b >= a ? { start: a, end: b + 1 } : null;
}

export const KINDS: readonly Kind[] = [...SINGLE_KINDS, mixedKind('mixed3', 3), mixedKind('mixed5', 5)];
