/**
 * A passage whose clause an edit dropped (a 正式稿 cutting a middle clause from a sentence) leaves
 * its stored context joined across the cut: the prefix, less the part of the clause before the
 * quote, runs straight on into the suffix, less the part of the clause after it. When the old
 * text held the quote more than once and the new text holds fewer copies (or the old count
 * reached the cap, MAX_COPIES, so that a lost copy cannot be counted), the copy found
 * elsewhere is another passage's (the same phrase in another sentence, whose own clause was cut
 * and so now has a little more of the stored context than it had). Where that joined context
 * stands elsewhere, with more of the stored context than stands beside the placement, the
 * passage's own place is known to have lost its words: the placement is an orphan.
 */
import { copiesLost, MAX_COPIES } from './copies';
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
  // A quote held MAX_COPIES times or more (a stock sentence closing every section of a long text)
  // was counted only to the cap: a lost copy cannot be counted, so the joint tells, against a
  // placement with no more exact context than another copy had (below: asOther) only.
  const capped = copies >= MAX_COPIES;
  if (!capped && !copiesLost(doc, quote, s)) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const placedBefore = commonTail(prefix, text.slice(Math.max(0, from - prefix.length), from));
  const placedAfter = commonHead(suffix, text.slice(to, to + suffix.length));
  const placed = placedBefore + placedAfter;
  // Where all but a few units of the stored context stand beside the placement, no joint can beat it.
  if (placed + JOINT_MARGIN >= prefix.length + suffix.length) return false;
  // A placement whose exact context is no more than another copy had in the old text may be that
  // copy, unchanged or with a clause of its own cut (its side now read past fewer words between;
  // a 正式稿 cutting clauses in both sentences). Against it a joint needs no margin where it holds
  // both stored sides whole to their far ends, all of the stored context but one run around the
  // quote, while the placement holds neither side whole: as much exact context is enough.
  const asOther = typeof s.copyContext === 'number' && placed <= s.copyContext;
  if (capped && !asOther) return false;
  const placedPartial = placedBefore < prefix.length && placedAfter < suffix.length;
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
        const joint = commonTail(side, before) + after;
        if (joint > placed + JOINT_MARGIN) return true;
        const whole = joint === side.length + suffix.length - i;
        if (asOther && placedPartial && whole && joint >= placed) return true;
      }
    }
  }
  return wholeSideJoint(doc, prefix, suffix, from, to) > placed + JOINT_MARGIN;
}

/** Units of a side's far end, at least, that must follow (precede) the other side standing whole. */
const FAR_PIECE = 6;

/**
 * The exact context of a joint where one stored side stands whole, every unit of it, and runs
 * straight on into the other side's far end, whole, of FAR_PIECE units or more (a clause cut
 * that took the quote and all but the last few units of the other side): 0 where none stands
 * outside the placement [from, to). A whole side of its length is no chance, so the piece left
 * of the other may be shorter than JOINT_KEY.
 */
function wholeSideJoint(doc: Doc, prefix: string, suffix: string, from: number, to: number): number {
  const text = doc.norm.text;
  const outside = (o: number) => o < from - prefix.length - suffix.length || o > to + suffix.length;
  let best = 0;
  if (prefix.length >= JOINT_KEY * 2)
    for (const o of occurrencesIn(doc, prefix, JOINT_COPIES)) {
      if (!outside(o)) continue;
      const at = o + prefix.length;
      for (let i = 1; i + FAR_PIECE <= suffix.length; i++)
        if (text.startsWith(suffix.slice(i), at)) {
          best = Math.max(best, prefix.length + suffix.length - i);
          break;
        }
    }
  if (suffix.length >= JOINT_KEY * 2)
    for (const o of occurrencesIn(doc, suffix, JOINT_COPIES)) {
      if (!outside(o)) continue;
      for (let j = 1; j + FAR_PIECE <= prefix.length; j++)
        if (o >= prefix.length - j && text.startsWith(prefix.slice(0, prefix.length - j), o - (prefix.length - j))) {
          best = Math.max(best, suffix.length + prefix.length - j);
          break;
        }
    }
  return best;
}
