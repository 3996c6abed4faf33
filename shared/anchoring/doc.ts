import { comparingMarkersLiterally, droppingMarks, normaliseWithMap, type NormalisedText } from './normalise';
import {
  bucketSize,
  buildTrigramIndex,
  buildUnitIndex,
  forEachOccurrence,
  forEachUnit,
  unitBucketSize,
  type TrigramIndex,
  type UnitIndex,
} from './trigrams';

/** Per-text state, cached because a reader anchors many highlights against one text. */
export interface Doc {
  readonly raw: string;
  readonly norm: NormalisedText;
  index: TrigramIndex | null;
  /** Built with paragraph markers compared literally (withMarkersLiteral). */
  readonly markersLiteral: boolean;
  /** Built with quotation and title marks dropped (withMarksDropped). */
  readonly marksDropped?: boolean;
}

/** The two most recent texts (e.g. the stored and the re-synced version of an article). */
const cache: Doc[] = [];
const CACHE_SIZE = 2;

export function documentFor(raw: string): Doc {
  const literal = comparingMarkersLiterally();
  const hit = cache.find((d) => d.raw === raw && d.markersLiteral === literal);
  if (hit) return hit;
  const doc = newDocument(raw);
  cache.unshift(doc);
  cache.length = Math.min(cache.length, CACHE_SIZE);
  return doc;
}

/** Uncached: for a batch that holds on to it itself. */
export function newDocument(raw: string): Doc {
  return { raw, norm: normaliseWithMap(raw), index: null, markersLiteral: comparingMarkersLiterally(), marksDropped: droppingMarks() };
}

/** Built on first need: texts where every passage is found exactly never pay for it. */
export function trigramIndex(doc: Doc): TrigramIndex {
  if (!doc.index) {
    doc.index = buildTrigramIndex(doc.norm.text);
    indexed.unshift(doc);
    indexed.length = Math.min(indexed.length, INDEXED_KEPT);
  }
  return doc.index;
}

/** The documents whose trigram index was built last (a batch's text, its mark-free form, …). */
const indexed: Doc[] = [];
const INDEXED_KEPT = 4;

/**
 * A document among the last indexed whose comparison form is `text` (the same string), or null:
 * passes that count a quote in a bare string (copies.ts occurrences) then find it through the
 * index already built instead of scanning the whole text, again for every passage.
 */
export function indexedDocumentOf(text: string): Doc | null {
  for (const doc of indexed) if (doc.norm.text.length === text.length && doc.norm.text === text) return doc;
  return null;
}

/**
 * Occurrences of `words` in the comparison form (overlapping ones too, in text order), up to
 * `limit`: the same as an indexOf scan, found through the trigram index from the rarest of the
 * words' trigrams, so that counting a quote in a long text, again for every passage, never scans it.
 */
export function occurrencesIn(doc: Doc, words: string, limit: number): number[] {
  const text = doc.norm.text;
  const out: number[] = [];
  if (!(limit > 0)) return out;
  if (words.length > 0 && words.length < 3) return shortOccurrences(doc, words, limit);
  if (words.length < 3) {
    for (let at = text.indexOf(words); at >= 0 && out.length < limit; at = text.indexOf(words, at + 1)) out.push(at);
    return out;
  }
  const index = trigramIndex(doc);
  let rarest = 0;
  let least = Infinity;
  for (let k = 0; k + 3 <= words.length && least > 0; k++) {
    const size = bucketSize(index, words, k);
    if (size < least) {
      least = size;
      rarest = k;
    }
  }
  forEachOccurrence(index, words, rarest, (p) => {
    const at = p - rarest;
    if (out.length < limit && at >= 0 && text.startsWith(words, at)) out.push(at);
  });
  return out;
}

/** Unit indexes of documents, built on first need (a document is never changed). */
const unitIndexes = new WeakMap<Doc, UnitIndex>();

/**
 * occurrencesIn() for words of one or two units (no trigram): the same occurrences in the same
 * order, from the positions of the rarer unit, instead of an indexOf scan of the whole text.
 */
function shortOccurrences(doc: Doc, words: string, limit: number): number[] {
  let index = unitIndexes.get(doc);
  if (!index) unitIndexes.set(doc, (index = buildUnitIndex(doc.norm.text)));
  const text = doc.norm.text;
  const a = words.charCodeAt(0);
  const b = words.length > 1 ? words.charCodeAt(1) : a;
  const offset = unitBucketSize(index, b) < unitBucketSize(index, a) ? 1 : 0;
  const out: number[] = [];
  forEachUnit(index, offset === 1 ? b : a, (p) => {
    const at = p - offset;
    if (at >= 0 && text.startsWith(words, at)) out.push(at);
    return out.length < limit;
  });
  return out;
}

/** Normalised offset of the first kept unit at or after raw `offset`. */
export function toNormalised(doc: Doc, offset: number): number {
  const map = doc.norm.map;
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((map[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Normalised index of the unit that holds raw `offset` (a paragraph's marker spans several), or of the first after it. */
export function unitAt(doc: Doc, offset: number): number {
  const at = toNormalised(doc, offset);
  return at > 0 && (doc.norm.ends[at - 1] ?? 0) > offset ? at - 1 : at;
}

/** Whether a line break lies between normalised units i − 1 and i (whitespace is not compared). */
export function lineBreakBefore(doc: Doc, i: number): boolean {
  const map = doc.norm.map;
  if (i <= 0 || i >= map.length) return false;
  const from = doc.norm.ends[i - 1] ?? 0;
  const to = map[i] ?? 0;
  // Only dropped units (white space) lie between two comparison units.
  for (let at = from; at < to; at++) if (doc.raw.charCodeAt(at) === 0x0a) return true;
  return false;
}
