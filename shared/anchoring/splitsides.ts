/**
 * A repeated quote whose two stored sides point at two different copies: the placement's copy has
 * the stored context on one side and lost it on the other, while another exact copy has the side
 * the placement lost and lacks the one it kept (a template question of a 答记者问 whose blocks were
 * reordered: the heading before it stayed with one copy, its own answer moved with the other).
 * One of the two sides was edited at the passage's own place, and nothing stored says which: the
 * passage is in doubt (an orphan unless sure neighbours place it).
 *
 * The rule: on an exact copy of the quote, another exact copy (not its twin right beside it) has at
 * least SPLIT units more of one stored side, read exactly from the quote's edge, at least SPLIT
 * units less of the other, and less than SPLIT units less of both together. A copy with both sides
 * whole is never in doubt this way, nor one with far more of the context than the other copy.
 */
import { occurrencesIn, type Doc } from './doc';
import { storedForms } from './normalise';
import type { TextSelector } from './types';

/** Units by which each side must favour its own copy: fewer may be a shared phrase by chance. */
const SPLIT = 8;
/** Copies of the quote compared, at most. */
const MAX_COPIES = 16;

function runBefore(norm: string, side: string, at: number): number {
  let n = 0;
  while (n < side.length && at - n - 1 >= 0 && norm[at - n - 1] === side[side.length - n - 1]) n++;
  return n;
}

function runAfter(norm: string, side: string, at: number): number {
  let n = 0;
  while (n < side.length && at + n < norm.length && norm[at + n] === side[n]) n++;
  return n;
}

/** Whether the copy of the quote at normalised `from` and another copy each hold a different stored side. */
export function sidesSplit(doc: Doc, s: TextSelector, quote: string, from: number): boolean {
  const norm = doc.norm.text;
  if (quote.length === 0 || norm.slice(from, from + quote.length) !== quote) return false;
  const { prefix, suffix } = storedForms(s);
  if (prefix.length < SPLIT || suffix.length < SPLIT) return false;
  const before = runBefore(norm, prefix, from);
  const after = runAfter(norm, suffix, from + quote.length);
  if (before === prefix.length && after === suffix.length) return false;
  const copies = occurrencesIn(doc, quote, MAX_COPIES + 1);
  if (copies.length > MAX_COPIES) return false;
  return copies.some((o) => {
    if (o === from || Math.abs(o - from) <= quote.length) return false;
    const b = runBefore(norm, prefix, o);
    const a = runAfter(norm, suffix, o + quote.length);
    // Nearly as much of the stored context in all (within SPLIT units): a copy with far less is no rival.
    if (b + a + SPLIT <= before + after) return false;
    return (b >= before + SPLIT && after >= a + SPLIT) || (a >= after + SPLIT && before >= b + SPLIT);
  });
}

/**
 * Whether the copy at normalised `from` holds at least as many units of each stored side, read
 * exactly from the quote's edges, as the copy at `other`, and SPLIT more in all: the copy of the
 * passage's rank (`other`) has words beside it that differ from the stored ones where the
 * placement's stand as stored (entries of a timeline reversed, copies moved across each other).
 * The rank then disagrees with the context, and neither is taken.
 */
export function outreads(doc: Doc, s: TextSelector, quote: string, from: number, other: number): boolean {
  const norm = doc.norm.text;
  if (quote.length === 0 || from === other) return false;
  const { prefix, suffix } = storedForms(s);
  const b = runBefore(norm, prefix, from);
  const a = runAfter(norm, suffix, from + quote.length);
  const bo = runBefore(norm, prefix, other);
  const ao = runAfter(norm, suffix, other + quote.length);
  return b >= bo && a >= ao && b + a >= bo + ao + SPLIT;
}
