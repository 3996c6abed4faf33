/**
 * A placement on the copy of the quote that the passage's own stored context holds: 苹果公司说。⏎
 * 苹果公司声明称 with the first 苹果公司 highlighted; a reprint drops 苹果公司说。, and the search
 * finds the second, whose prefix now reads as the passage's did. The words after it are those
 * that followed the suffix's own copy of the quote, not the stored suffix: that copy is the one
 * that stands, and the passage went with the words dropped (or cannot be told from its copy).
 * Likewise on the prefix's side. Such a placement is an orphan.
 */
import { toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Units of the context beyond its copy of the quote that must follow (precede) the placement. */
const RUN = 6;
/** Units compared at most. */
const READ = 12;

/** Whether `a` stands on the copy of the quote that the stored suffix or prefix holds (see the file comment). */
export function onContextsCopy(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  const m = quote.length;
  if (m === 0) return false;
  const norm = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const suffix = normaliseSuffix(s);
  // The suffix's copies (not one right at the quote's end: a word doubled is stutter.ts's).
  for (let k = suffix.indexOf(quote, 1); k >= 0; k = suffix.indexOf(quote, k + 1)) {
    const rest = suffix.slice(k + m);
    if (rest.length < RUN) break;
    const n = Math.min(rest.length, READ);
    if (norm.startsWith(rest.slice(0, n), to) && !norm.startsWith(suffix.slice(0, n), to)) return true;
  }
  const prefix = normalisePrefix(s);
  for (let j = prefix.lastIndexOf(quote, prefix.length - m - 1); j >= 0; j = j > 0 ? prefix.lastIndexOf(quote, j - 1) : -1) {
    const rest = prefix.slice(0, j);
    if (rest.length < RUN) break;
    const n = Math.min(rest.length, READ);
    const before = norm.slice(Math.max(0, from - n), from);
    if (before === rest.slice(-n) && before !== prefix.slice(-n)) return true;
  }
  return false;
}
