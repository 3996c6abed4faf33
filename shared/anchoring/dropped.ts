/**
 * A passage whose clause an edit dropped (a 正式稿 cutting a middle clause from a sentence) leaves
 * its stored context joined across the cut: the prefix, less the part of the clause before the
 * quote, runs straight on into the suffix, less the part of the clause after it. When the old
 * text held the quote more than once and the new text holds fewer copies, the copy found
 * elsewhere is another passage's (the same phrase in another sentence, whose own clause was cut
 * and so now has a little more of the stored context than it had). Where that joined context
 * stands elsewhere, with more of the stored context than stands beside the placement, the
 * passage's own place is known to have lost its words: the placement is an orphan.
 */
import { copiesLost } from './copies';
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import { commonHead, commonTail } from './replaced';
import type { Anchor, TextSelector } from './types';

/** Units of each side that must run on exactly at the joint. */
const JOINT_KEY = 10;
/** Occurrences of a suffix key looked at. */
const JOINT_COPIES = 8;
/** Units of exact context by which the joint must beat the placement (a mark or two agree anywhere). */
const JOINT_MARGIN = 4;

/**
 * Whether, the passage's quote held more than once in the old text and fewer times now, the
 * stored prefix (its last units up to the cut aside) runs straight into the stored suffix (its
 * first units aside) somewhere outside placement `a`, with more exact context there than beside `a`.
 */
export function droppedInPlace(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const copies = s.copies ?? 0;
  if (copies <= 0) return false;
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (quote.length === 0 || prefix.length < JOINT_KEY || suffix.length < JOINT_KEY) return false;
  if (!copiesLost(doc, quote, s)) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const placed =
    commonTail(prefix, text.slice(Math.max(0, from - prefix.length), from)) + commonHead(suffix, text.slice(to, to + suffix.length));
  // Where all but a few units of the stored context stand beside the placement, no joint can beat it.
  if (placed + JOINT_MARGIN >= prefix.length + suffix.length) return false;
  // i units of the suffix's head and j of the prefix's tail went with the quote.
  for (let i = 0; i + JOINT_KEY <= suffix.length; i++) {
    const key = suffix.slice(i, i + JOINT_KEY);
    for (const o of occurrencesIn(doc, key, JOINT_COPIES)) {
      // The placement's own surroundings are not a joint elsewhere.
      if (o >= from - prefix.length && o <= to + suffix.length) continue;
      const after = commonHead(suffix.slice(i), text.slice(o, o + suffix.length - i));
      const before = text.slice(Math.max(0, o - prefix.length), o);
      for (let j = 0; j + JOINT_KEY <= prefix.length; j++) {
        const side = prefix.slice(0, prefix.length - j);
        if (!before.endsWith(side.slice(-JOINT_KEY))) continue;
        if (commonTail(side, before) + after > placed + JOINT_MARGIN) return true;
      }
    }
  }
  return false;
}
