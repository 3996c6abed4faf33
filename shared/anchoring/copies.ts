/**
 * How many copies of its quote a passage's text held. describe() records the quote's other
 * occurrences in the old text (`copies`, comparison form) and how many of them had the stored
 * context around them too (`contextCopies`); anchoring counts the quote in the new text. Fewer
 * there means a copy was deleted or edited, and the passage's own may be the one gone: the same
 * words elsewhere are then no evidence on their own (see confirmedCopies in index.ts).
 */
import type { Doc } from './doc';
import { normalise } from './normalise';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Copies counted at most: a quote this common (一个, 2020年) says nothing by its count. */
export const MAX_COPIES = 64;

export interface CopyCounts {
  copies: number;
  contextCopies: number;
}

/** Occurrences of `quote` in `text` (overlapping ones too) that `keep` accepts, counted up to `limit`. */
function countUpTo(text: string, quote: string, limit: number, keep: (at: number) => boolean = () => true): number {
  let n = 0;
  for (let at = text.indexOf(quote); at >= 0 && n < limit; at = text.indexOf(quote, at + 1)) if (keep(at)) n++;
  return n;
}

/**
 * A context side shorter than CONTEXT_LENGTH reached the text's edge (or was cut by a surrogate
 * pair there): the passage stood at that edge, which no other copy can share.
 */
function atEdges(s: Pick<TextSelector, 'prefix' | 'suffix'>): { start: boolean; end: boolean } {
  return { start: s.prefix.length < CONTEXT_LENGTH, end: s.suffix.length < CONTEXT_LENGTH };
}

/**
 * The quote's other occurrences in the old text `norm` (comparison form), capped at MAX_COPIES,
 * and those among them with the whole stored context too; null when the quote occurs once.
 */
export function copyCounts(norm: string, s: Pick<TextSelector, 'exact' | 'prefix' | 'suffix'>): CopyCounts | null {
  const quote = normalise(s.exact);
  if (quote.length === 0) return null;
  const copies = Math.max(0, countUpTo(norm, quote, MAX_COPIES + 1) - 1);
  if (copies === 0) return null;
  const around = normalise(s.prefix) + quote + normalise(s.suffix);
  const edge = atEdges(s);
  const fits = (at: number) => (!edge.start || at === 0) && (!edge.end || at + around.length === norm.length);
  const contextCopies = Math.max(0, countUpTo(norm, around, MAX_COPIES + 1, fits) - 1);
  return { copies, contextCopies };
}

/** Whether the new text holds fewer copies of the (normalised) quote than the old one did. */
export function copiesLost(doc: Doc, quote: string, s: TextSelector): boolean {
  const old = s.copies;
  if (typeof old !== 'number' || !Number.isInteger(old) || old <= 0 || old >= MAX_COPIES || quote.length === 0) return false;
  return countUpTo(doc.norm.text, quote, old + 1) < old + 1;
}

/**
 * Whether the normalised place [from, to) holds the quote with the whole stored context around
 * it, at the text's edge where the stored context reached one, while the old text held no other
 * copy with that context (contextCopies 0): the passage's own words, wherever they moved.
 */
export function uniqueContextAt(doc: Doc, s: TextSelector, quote: string, from: number, to: number): boolean {
  if (s.contextCopies !== 0) return false;
  const text = doc.norm.text;
  const prefix = normalise(s.prefix);
  const suffix = normalise(s.suffix);
  const edge = atEdges(s);
  return (
    text.slice(from, to) === quote &&
    from >= prefix.length &&
    text.startsWith(prefix, from - prefix.length) &&
    text.startsWith(suffix, to) &&
    (!edge.start || from === prefix.length) &&
    (!edge.end || to + suffix.length === text.length)
  );
}
