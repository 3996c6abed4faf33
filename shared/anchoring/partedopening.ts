/**
 * The old text's first line parted near its start by lines the revision wrote (a 相关阅读 block
 * set inside the title line), the block holding a copy of the whole first line: the new text
 * still opens with the first words of the line and a break right after them, where the old line
 * ran on. For a passage in that line, its stored prefix (all of the old text before it) has its
 * own place at the text's start; a placement elsewhere whose words before it read that whole
 * prefix again stands after a copy of the opening, so on a copy of the line, not on the passage
 * (its own words run on after the written lines, the prefix's opening words away from them).
 * An orphan; a placement not after a copy of the prefix (the line's parted rest) is left to the
 * other checks, and the line kept whole at the top is firstline.ts's case.
 *
 * It cannot refuse a passage of a text printed twice (round12c's kind): the new text's first line
 * must be cut short by a break inside the stored prefix and quote, which the old line did not
 * have, so the passage's own line is no longer whole anywhere a copy of it is not.
 */
import { toNormalised, type Doc } from './doc';
import { normalise, normalisePrefix, normaliseQuote } from './normalise';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/** Units of the old opening the new first line must keep: fewer may be a new line by chance. */
const MIN_OPENING = 4;

/** Whether `a` stands after a copy of the passage's stored prefix while the old first line opens the new text parted (see above). */
export function partedOpeningCopy(doc: Doc, s: TextSelector, a: Anchor): boolean {
  // The stored prefix is all the old text before the passage, on its first line, as is the quote.
  if (s.start !== s.prefix.length || s.prefix.length >= CONTEXT_LENGTH || s.prefix.includes('\n') || s.exact.includes('\n')) return false;
  const prefix = normalisePrefix(s);
  const quote = normaliseQuote(s);
  if (prefix.length < MIN_OPENING || quote.length === 0) return false;
  // The new first line: a head of the old line (prefix and quote), cut short by a break.
  const raw = doc.raw;
  const br = raw.indexOf('\n');
  if (br < 0) return false;
  const first = normalise(raw.slice(0, br));
  const line = prefix + quote;
  if (first.length < MIN_OPENING || first.length >= line.length || !line.startsWith(first)) return false;
  // The placement reads the whole stored prefix right before it, away from the text's start.
  const from = toNormalised(doc, a.start);
  return from > prefix.length && doc.norm.text.slice(from - prefix.length, from) === prefix;
}
