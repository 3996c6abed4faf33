/**
 * A passage the page now prints more than once: a 专题 page with the article and an abridged copy
 * of it, a reprint with a 摘要 box, each printing carrying the passage with all its stored context.
 * The old text held the passage's words once, or its other copies there stood among other words
 * (describe()'s copyContext: at most one side's worth of this context), so every printing of the
 * whole stretch is this passage, and the copy the first pass chose by the old position is no guess
 * among different passages: it stands even where placed neighbours, split between the printings,
 * do not confirm it.
 *
 * Strict on purpose: the quote and BOTH stored sides, each a full CONTEXT_LENGTH (not cut by the
 * text's edge), verbatim at the place. A passage whose old copies shared more of its context (a
 * whole page printed twice in a long read: twins, which neighbours decide) is never lifted here.
 */
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

export function reprintedWhole(text: string, s: TextSelector, a: Anchor): boolean {
  const copies = s.copies;
  if (typeof copies !== 'number' || copies < 0) return false;
  if (copies > 0 && !(typeof s.copyContext === 'number' && s.copyContext >= 0 && s.copyContext <= CONTEXT_LENGTH)) return false;
  if (s.prefix.length < CONTEXT_LENGTH || s.suffix.length < CONTEXT_LENGTH) return false;
  if (a.end - a.start !== s.exact.length || a.start < s.prefix.length) return false;
  return text.startsWith(s.exact, a.start) && text.startsWith(s.prefix, a.start - s.prefix.length) && text.startsWith(s.suffix, a.end);
}
