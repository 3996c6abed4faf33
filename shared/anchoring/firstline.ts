/**
 * A passage in the old text's first line (a title), where the new text still opens with that line
 * whole while a copy of it stands further down: a 转载 head writes 来源/作者/发布时间 lines under the
 * title and the title again under them. The copy at the top is backed by the text's start (the
 * passage's stored words before it, nothing else), the copy further down by the lines after it
 * (the stored words after it run on into the body); each copy has one side, and nothing in the
 * text says which is the passage's. A placement on any other place than the line at the top is
 * then an orphan (the reader re-attaches it); the top line itself is left to the usual passes.
 *
 * It cannot refuse a passage that moved: the old first line must stand whole at the new start
 * (the stored words before the quote from the text's start, the quote, the stored words after it
 * up to the line's end and a break there), so the passage's own line is still there.
 */
import { toNormalised, type Doc } from './doc';
import { isSpace, normalise, normalisePrefix, normaliseQuote } from './normalise';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/**
 * Whether `a` is not the old first line's copy at the new text's start while that line, holding
 * the passage, opens the new text whole (see the module comment).
 */
export function firstLineElsewhere(doc: Doc, s: TextSelector, a: Anchor): boolean {
  // The passage's stored prefix is all the old text before it, on its first line.
  if (s.start !== s.prefix.length || s.prefix.length >= CONTEXT_LENGTH || s.prefix.includes('\n')) return false;
  if (s.exact.includes('\n')) return false;
  const prefix = normalisePrefix(s);
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  // The rest of its line after it, as stored (the whole suffix when no break is stored).
  const br = s.suffix.indexOf('\n');
  const rest = normalise(br < 0 ? s.suffix : s.suffix.slice(0, br));
  const norm = doc.norm.text;
  const line = prefix + quote + rest;
  if (!norm.startsWith(line)) return false;
  const at = prefix.length;
  if (toNormalised(doc, a.start) === at) return false;
  // With a break stored after the line, the line ends there in the new text too (a whole line).
  if (br >= 0) {
    let i = line.length > 0 ? (doc.norm.map[line.length - 1] ?? 0) + 1 : 0;
    while (i < doc.raw.length && doc.raw.charCodeAt(i) !== 0x0a && isSpace(doc.raw.charCodeAt(i))) i++;
    if (i < doc.raw.length && doc.raw.charCodeAt(i) !== 0x0a) return false;
  }
  // Another copy of the line stands in the new text (the copy `a` sits on or near): the top line
  // is then one of two. Without one, the placement elsewhere is left to the other checks.
  return norm.indexOf(line, 1) >= 0;
}
