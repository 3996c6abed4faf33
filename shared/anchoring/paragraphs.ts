/**
 * What describe() can know and anchor() cannot: the whole old text. A passage whose paragraph
 * has look-alikes elsewhere in the old text (the same quote, or a near copy sharing its words)
 * records short fingerprints of those OTHER paragraphs. A placement that lands, in the new text,
 * inside a paragraph that is one of them, unchanged, is on another passage's words: the
 * passage's own paragraph held the quote and differed from that one, so it is not the passage
 * (its own paragraph was deleted or edited beyond recognition) and stays an orphan.
 */
import type { Doc } from './doc';
import { normaliseKeepingMarks, normaliseWithMapKeepingMarks, type NormalisedText } from './normalise';
import type { TextSelector } from './types';

/** Look-alike paragraphs recorded per passage, at most. */
export const MAX_OTHERS = 24;
/** Units of the quote sampled to find near copies (a near copy differs in a few units only). */
const CHUNK = 8;
const MAX_CHUNKS = 6;
/** A chunk found more often than this is a template phrase: its paragraphs are not recorded. */
export const MAX_HITS = 40;

export interface ParagraphPrint {
  /** Fingerprint of the quote's own paragraph(s). */
  para: string;
  /** Fingerprints of other old paragraphs holding the quote or a chunk of it; differ from `para`. */
  others: string[];
  /** Other old paragraphs identical to the quote's own (copies nothing can tell apart), when any. */
  twins?: number;
}

/** Raw range of the line(s) holding text[start, end). */
export function paragraphRange(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', Math.max(start, end - 1));
  return [from, nl < 0 ? text.length : nl];
}

/** FNV-1a over the paragraph's comparison form, base 36: white space and punctuation forms do not count. */
export function fingerprint(paragraph: string): string {
  // Marks kept in the mark-free retry too: prints are compared with those describe() recorded.
  // A paragraph begins at its head: its marker is one unit, whatever its style (normalise.ts).
  const s = normaliseKeepingMarks(paragraph, true);
  return printOfUnits(s, 0, s.length);
}

/** The fingerprint of units [from, to) of a comparison form (FNV-1a, then the length). */
function printOfUnits(s: string, from: number, to: number): string {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + '.' + (to - from).toString(36);
}

/** Samples of the quote to look for: the whole of a short quote, evenly spaced 8-unit chunks of a long one. */
function chunks(quote: string): string[] {
  const q = quote.trim();
  if (q.length <= CHUNK + 4) return q.length > 0 ? [q] : [];
  const out: string[] = [];
  const n = Math.min(MAX_CHUNKS, Math.floor(q.length / CHUNK));
  const step = (q.length - CHUNK) / Math.max(1, n - 1);
  for (let i = 0; i < n; i++) {
    const at = Math.round(i * step);
    const c = q.slice(at, at + CHUNK);
    if (c.trim().length === CHUNK) out.push(c);
  }
  return out;
}

/** The look-alike paragraphs of text[start, end) in the old text, or null when it has none. */
export function paragraphPrint(text: string, start: number, end: number): ParagraphPrint | null {
  const [ownFrom, ownTo] = paragraphRange(text, start, end);
  const para = fingerprint(text.slice(ownFrom, ownTo));
  const seen = new Set<number>();
  const others: string[] = [];
  let twins = 0;
  const done = (): ParagraphPrint => (twins > 0 ? { para, others, twins } : { para, others });
  for (const c of chunks(text.slice(start, end))) {
    const hits: number[] = [];
    for (let at = text.indexOf(c); at >= 0 && hits.length <= MAX_HITS; at = text.indexOf(c, at + 1)) hits.push(at);
    if (hits.length > MAX_HITS) continue;
    for (const at of hits) {
      const [from, to] = paragraphRange(text, at, at + c.length);
      if ((from <= ownTo && ownFrom <= to) || seen.has(from)) continue;
      seen.add(from);
      const print = fingerprint(text.slice(from, to));
      if (print === para) twins++;
      else if (!others.includes(print)) others.push(print);
      if (others.length >= MAX_OTHERS) return done();
    }
  }
  return others.length > 0 ? done() : null;
}

/**
 * Whether a placement text[start, end) lies in a paragraph that stood unchanged in the old text
 * as another passage's paragraph (see the module comment). Selectors without prints never are.
 */
export function onOtherParagraph(text: string, selector: TextSelector, start: number, end: number): boolean {
  const others = selector.others;
  if (!Array.isArray(others) || others.length === 0) return false;
  const [from, to] = paragraphRange(text, start, end);
  const print = fingerprint(text.slice(from, to));
  return print !== selector.para && others.includes(print);
}

/** The paragraph fingerprints of a text, computed once per text. */
const printsOf = new WeakMap<object, Set<string>>();

/**
 * The last text's prints, whatever document asked: they depend on the text alone (its form with
 * marks kept and markers as one unit), so a batch's other forms of the same text (markers literal,
 * marks dropped) read them from here instead of normalising the whole text again.
 */
let lastPrints: { text: string; prints: Set<string> } | null = null;

export function textPrints(key: object, text: string): Set<string> {
  let prints = printsOf.get(key);
  if (prints) return prints;
  if (lastPrints && lastPrints.text === text) {
    printsOf.set(key, lastPrints.prints);
    return lastPrints.prints;
  }
  prints = new Set();
  // The whole text in comparison form once, cut at its line breaks: the same units as each line
  // normalised alone from its head (fingerprint), since nothing the comparison form folds into one
  // unit (a marker, a character reference, a reading) spans a line break, and every line begins
  // at a paragraph's head in both.
  const norm = formKeepingMarks(key, text);
  let unit = 0;
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const first = unit;
    while (unit < norm.map.length && (norm.map[unit] as number) < to) unit++;
    prints.add(printOfUnits(norm.text, first, unit));
    from = to + 1;
  }
  printsOf.set(key, prints);
  lastPrints = { text, prints };
  return prints;
}

/**
 * `text` in comparison form with marks kept and markers as one unit: the document's own form when
 * `key` is the document of `text` built so (a batch's main document), else made here.
 */
function formKeepingMarks(key: object, text: string): NormalisedText {
  const doc = key as Partial<Doc>;
  if (doc.raw === text && doc.norm && doc.marksDropped === false && doc.markersLiteral === false) return doc.norm;
  return normaliseWithMapKeepingMarks(text);
}

/**
 * Whether candidates inside the recorded look-alike paragraphs may be dropped as rivals: the
 * list is complete (not cut at its cap), the quote's own paragraph had no identical twin, and
 * every look-alike stands unchanged in the new text. Then a candidate elsewhere is the passage
 * (edited) or new words; were a look-alike edited too, it would be a rival nothing identifies.
 */
export function othersAllStand(key: object, text: string, selector: TextSelector): boolean {
  const others = selector.others;
  if (!Array.isArray(others) || others.length === 0 || others.length >= MAX_OTHERS) return false;
  if (typeof selector.twins === 'number' && selector.twins > 0) return false;
  const prints = textPrints(key, text);
  return others.every((p) => prints.has(p));
}
