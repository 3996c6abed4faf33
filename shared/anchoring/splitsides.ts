/**
 * Where the rank of a repeated quote and the words beside its copies disagree (outreads: the
 * placement reads more of both stored sides than the copy of the passage's rank):
 * entries of a timeline reversed, copies moved across each other. Neither is then taken unless
 * the neighbour pass moves the passage to the rank's copy.
 */
import type { Doc } from './doc';
import { storedForms } from './normalise';
import type { TextSelector } from './types';

/** Units by which the placement must outread the rank's copy: fewer may be a shared phrase by chance. */
const SPLIT = 8;
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
