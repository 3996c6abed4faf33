/**
 * A spoken passage cleaned up for print (a 视频文字稿 edited): short clauses of one to three Han
 * units (嗯，/那个，/然后呢，) dropped from the passage's head or from inside it, words said twice in
 * a row (还有还有) said once, and pauses heard as spaces written back as ，. The rest of the passage
 * stands, but a short passage lost too many of its units for approximate matching, and its context,
 * cleaned up as well, no longer holds as a run.
 *
 * The rule, a last try for an orphan: the passage's words (letters and digits only) with its short
 * clauses dropped (at the head where the quote begins a clause, then everywhere inside) and its
 * doubled words said once, found with the stored context's nearest words on both sides (each side
 * as stored or cleaned up alike), at exactly one place of the new text. A form keeping under half
 * of the passage's words is not tried: what is left is its remains, not the passage.
 */
import type { Doc } from './doc';
import { codesToString } from './normalise';
import type { TextSelector } from './types';
import { isLetterOrDigitUnit } from './wordcodes';

/** Words of each stored side that must stand right next to the place (marks and spaces aside). */
const SIDE_WORDS = 6;
/** Fewest words a side may offer when the stored side is cut short by the text's edge. */
const EDGE_SIDE_MIN = 0;
/** Places of one form looked at, at most (a form this common says nothing). */
const MAX_PLACES = 64;
/** Longest clause that counts as short (a filler, an interjection). */
const SHORT_CLAUSE = 3;

/** Units between clauses: marks that end a clause, and the spaces a transcript hears as pauses. */
const SEP = /[，,。！？!?；;：:\s]/u;
const WORD = /[\p{L}\p{N}]/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** A pause heard as a space between two words. */
const PAUSE = /\p{Script=Han}[ \t\u3000]+\p{Script=Han}/u;

interface WordsForm {
  /** Letters and digits of the raw text. */
  text: string;
  /** Raw index of each unit of `text`. */
  at: Int32Array;
}

const forms = new WeakMap<Doc, WordsForm>();

/** The words-only form (letters and digits) of a document, built once per document. */
export function wordsForm(doc: Doc): WordsForm {
  const cached = forms.get(doc);
  if (cached) return cached;
  const raw = doc.raw;
  // In typed arrays, one unit each: no string per unit of a long text.
  const codes = new Uint16Array(raw.length);
  const at = new Int32Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isLetterOrDigitUnit(c)) {
      codes[n] = c;
      at[n++] = i;
    }
  }
  const form = { text: codesToString(codes.subarray(0, n)), at: at.slice(0, n) };
  forms.set(doc, form);
  return form;
}

/** The letters and digits of `s`. */
export function words(s: string): string {
  let out = '';
  for (const c of s) if (WORD.test(c)) out += c;
  return out;
}

/** Words said twice in a row (two Han units) said once. */
function saidOnce(s: string): string {
  return s.replace(/(\p{Script=Han}{2})\1/gu, '$1');
}

/** Clauses of `s`: runs of non-separators, with whether a separator stands before and after each. */
function clauses(s: string): { text: string; from: number; to: number; sepBefore: boolean; sepAfter: boolean }[] {
  const out: { text: string; from: number; to: number; sepBefore: boolean; sepAfter: boolean }[] = [];
  let i = 0;
  while (i < s.length) {
    if (SEP.test(s.charAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !SEP.test(s.charAt(j))) j++;
    out.push({ text: s.slice(i, j), from: i, to: j, sepBefore: i > 0, sepAfter: j < s.length });
    i = j;
  }
  return out;
}

const isShort = (text: string): boolean => text.length <= SHORT_CLAUSE && HAN_ONLY.test(text);

/** `s` without its short clauses that stand between separators (or after `startsClause` at its head). */
function withoutShortClauses(s: string, startsClause: boolean, headOnly: boolean): string {
  let out = '';
  let last = 0;
  const cs = clauses(s);
  cs.forEach((c, k) => {
    const bounded = (c.sepBefore || (k === 0 && startsClause)) && c.sepAfter;
    // A clause before a colon is a speaker's attribution or a label (林青说：), not a filler.
    const labels = /[：:]/u.test(s.charAt(c.to));
    if (bounded && !labels && isShort(c.text) && (!headOnly || k === 0)) {
      out += s.slice(last, c.from);
      last = c.to;
    }
  });
  return out + s.slice(last);
}

/**
 * The stored side's nearest words, as stored and cleaned up alike (at most SIDE_WORDS each). A
 * side's first piece is never a clause of its own: the suffix's continues the quote's clause
 * (改变[他一生命]运的人), the prefix's was cut by the context's length.
 */
function sideWords(side: string, before: boolean, quote: string): string[] {
  // The quote's own edge mark bounds the side's nearest clause (然后呢[，下游…]).
  const edge = before ? (/^[^\p{L}\p{N}]*/u.exec(quote)?.[0] ?? '') : (/[^\p{L}\p{N}]*$/u.exec(quote)?.[0] ?? '');
  const cleaned = saidOnce(withoutShortClauses(before ? side + edge : edge + side, false, false));
  const take = (w: string) => (before ? w.slice(-SIDE_WORDS) : w.slice(0, SIDE_WORDS));
  return [...new Set([take(words(side)), take(words(cleaned)), take(words(saidOnce(side)))])];
}

/** Whether the stored quote begins a clause: its prefix ends at a separator or the text's start. */
function beginsClause(s: TextSelector): boolean {
  const p = s.prefix.replace(/[ \t\u3000]+$/u, '');
  return p.length === 0 || SEP.test(p.charAt(p.length - 1)) || /[\n“”]$/u.test(p);
}

/** Raw [start, end) over the first and last word, widened over the quote's own edge marks where they stand (，他没少 keeps its ，). */
export function withEdgeMarks(raw: string, quote: string, start: number, end: number): { start: number; end: number } {
  const lead = /^[^\p{L}\p{N}]*/u.exec(quote)?.[0] ?? '';
  const trail = /[^\p{L}\p{N}]*$/u.exec(quote)?.[0] ?? '';
  if (lead && raw.slice(start - lead.length, start) === lead) start -= lead.length;
  if (trail && trail.length < quote.length && raw.startsWith(trail, end)) end += trail.length;
  return { start, end };
}

/**
 * The raw [start, end) of the passage cleaned up as a transcript is, or null (see the module
 * comment). `start`/`end` cover the first and last kept word.
 */
export function spokenPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  const all = words(s.exact);
  if (all.length < 2) return null;
  // Words alone erase what told the quote from its copies and look-alikes in the old text (a
  // second print of the story, its marks or a note different): only a quote the old text held
  // once, in words too.
  if ((s.copies ?? 0) > 0 || (s.wordCopies ?? 0) > 0 || s.nearErrors !== undefined) return null;
  const head = beginsClause(s);
  const candidates = new Set<string>();
  for (const form of [withoutShortClauses(s.exact, head, true), withoutShortClauses(s.exact, head, false), s.exact]) {
    for (const f of [words(form), words(saidOnce(form))]) if (f.length >= 2 && f.length * 2 >= all.length) candidates.add(f);
  }
  // As it was with nothing to clean up, nor any context cleaned: not a transcript's passage.
  const befores = sideWords(s.prefix, true, s.exact);
  const afters = sideWords(s.suffix, false, s.exact);
  if (candidates.size === 1 && candidates.has(all) && befores.length === 1 && afters.length === 1 && !PAUSE.test(s.exact)) return null;
  const prefixAtEdge = s.prefix.length < 32;
  const suffixAtEdge = s.suffix.length < 32;
  const form = wordsForm(doc);
  const text = form.text;
  let found: { from: number; to: number } | null = null;
  for (const c of candidates) {
    let n = 0;
    for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
      if (++n > MAX_PLACES) return null;
      const to = at + c.length;
      const beforeOk = befores.some((b) =>
        b.length < SIDE_WORDS ? prefixAtEdge && b.length >= EDGE_SIDE_MIN && at === b.length && text.startsWith(b) : text.endsWith(b, at),
      );
      if (!beforeOk) continue;
      const afterOk = afters.some((a) =>
        a.length < SIDE_WORDS ? suffixAtEdge && to + a.length === text.length && text.endsWith(a) : text.startsWith(a, to),
      );
      if (!afterOk) continue;
      if (found && (found.from !== at || found.to !== to)) return null;
      found = { from: at, to };
    }
  }
  if (!found) return null;
  return withEdgeMarks(doc.raw, s.exact, form.at[found.from] as number, (form.at[found.to - 1] as number) + 1);
}
