/**
 * A repeated quote held twice in one sentence whose clauses the revision swapped
 * (近日，“X港开港倒计时”发布会召开，X港将于11月17日开港 → 近日，X港将于11月17日开港，“X港开港倒计时”发布会召开):
 * the count is unchanged, but the two copies moved across each other, so the copy of the passage's
 * rank (copyRank) is now the other clause's copy. The rank's copy is then not taken where a copy
 * next to it in rank, in the same paragraph, reads more of the stored context on both sides than
 * it does (outreads): the stored words stand beside that copy, not beside the rank's, and the
 * rank no longer names the passage's copy. An orphan, never the other clause's words.
 */
import { type Doc, lineBreakBefore, occurrencesIn } from './doc';
import { outreads } from './splitsides';
import type { TextSelector } from './types';

/** Whether no line break lies between normalised units a and b (a < b). */
function sameParagraph(doc: Doc, a: number, b: number): boolean {
  for (let i = a + 1; i <= b; i++) if (lineBreakBefore(doc, i)) return false;
  return true;
}

/**
 * Whether the copy of the quote at normalised `own` (the copy of the passage's rank) has a copy
 * next to it in rank, in its paragraph, that outreads it: the copies swapped places.
 */
export function rankCopyOutreadBeside(doc: Doc, s: TextSelector, quote: string, own: number): boolean {
  const old = s.copies;
  if (typeof old !== 'number' || old <= 0 || quote.length === 0) return false;
  const found = occurrencesIn(doc, quote, old + 2);
  const k = found.indexOf(own);
  if (k < 0) return false;
  for (const other of [found[k - 1], found[k + 1]]) {
    if (other === undefined) continue;
    const [a, b] = other < own ? [other, own] : [own, other];
    if (sameParagraph(doc, a, b) && outreads(doc, s, quote, other, own)) return true;
  }
  return false;
}
