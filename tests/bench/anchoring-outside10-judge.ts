/**
 * Judge of the TENTH outside anchoring bench (anchoring-outside10.ts): a tracked-character model.
 *
 * Every UTF-16 unit of a revised text carries its origin: the index of the old text's unit it is
 * (kept, possibly moved), or -1 when the revision wrote it. Revisions are built with `Builder`
 * (keep old ranges, write new strings), so where each highlighted unit went, or that it is gone,
 * is known exactly. The revisions of this bench never copy an old unit: each old unit appears at
 * most once in a revised text (Builder.done() refuses a text where one appears twice).
 *
 * Definitions (a highlight is the old range [s, e); its CONTENT units are those of [s, e) that are
 * not white space — \s, U+3000 and line breaks included —; white space never decides anything):
 * - LOST: some content unit of the highlight is not in the revised text.
 * - PARTED: every content unit is kept, but out of their old order, or the span from the first to
 *   the last of them holds more than max(4, ⌊len/4⌋) content units that are not the highlight's
 *   (written ones or other old ones): a reader would no longer see the passage whole.
 * - SURVIVING: every content unit kept, in order, with at most that many others between; its TRUE
 *   SPAN is from its first kept content unit to its last (written units inside, such as an
 *   inserted note, belong to it).
 * - RIGHT (surviving, placed): the placed range holds at least ⌈0.9·len⌉ of the highlight's own
 *   content units and at most max(2, ⌊len/10⌋) content units outside the true span.
 * - PARTIAL (surviving, placed, not RIGHT): the placed range holds at least one own content unit.
 * - WRONG (surviving, placed): the placed range holds none of its own units (other words,
 *   however alike, such as another occurrence of the same phrase, or words the revision wrote).
 * - MISS (surviving): not placed (an orphan). Recall = RIGHT / SURVIVING; PARTIAL counts as not
 *   right (and not wrong).
 * - For a LOST or PARTED highlight: an orphan is fine (ORPHAN_OK); a placement holding at least one
 *   of its own kept units is ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted
 *   among the wrong.
 *
 * The code is the eleventh bench's judge (anchoring-outside11-judge.ts), written after this one and
 * a superset of it: it adds units retyped in place, which this bench's revisions never make, so
 * every verdict here is the same. One copy of the tracking model, not two.
 */

export { Builder, isSpace, judge, positions, splice, track, truthOf } from './anchoring-outside11-judge';
export type { Splice, State, Tracked, Truth, Verdict } from './anchoring-outside11-judge';
