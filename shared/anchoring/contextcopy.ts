/**
 * A placement on the copy of the quote that the passage's own stored context holds: 苹果公司说。⏎
 * 苹果公司声明称 with the first 苹果公司 highlighted; a reprint drops 苹果公司说。, and the search
 * finds the second, whose prefix now reads as the passage's did. The words after it are those
 * that followed the suffix's own copy of the quote, not the stored suffix: that copy is the one
 * that stands, and the passage went with the words dropped (or cannot be told from its copy).
 * Such a placement is an orphan. Not the mirror case: the suffix's copy itself, highlighted, now
 * right after the passage's prefix (X A X B → X B), is placed: the words dropped are read as
 * beginning with the first copy (the twin keeps its own suffix).
 */
import { toNormalised, type Doc } from './doc';
import { normaliseQuote, normaliseSuffix } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Units of the suffix beyond its copy of the quote that must follow the placement. */
const RUN = 6;
/** Units compared at most. */
const READ = 12;

/** Whether `a` stands on the copy of the quote that the stored suffix holds (see the file comment). */
export function onContextsCopy(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  const m = quote.length;
  if (m === 0) return false;
  const norm = doc.norm.text;
  const to = toNormalised(doc, a.end);
  const suffix = normaliseSuffix(s);
  // The suffix's copies (not one right at the quote's end: a word doubled is stutter.ts's).
  for (let k = suffix.indexOf(quote, 1); k >= 0; k = suffix.indexOf(quote, k + 1)) {
    const rest = suffix.slice(k + m);
    if (rest.length < RUN) break;
    const n = Math.min(rest.length, READ);
    if (norm.startsWith(rest.slice(0, n), to) && !norm.startsWith(suffix.slice(0, n), to)) return true;
  }
  return false;
}
