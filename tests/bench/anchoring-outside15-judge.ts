/**
 * Judge of the FIFTEENTH outside anchoring bench (anchoring-outside15.ts). The tracked-character
 * model, the verdicts, the copy/twin source, the tally and the books are the eleventh to
 * fourteenth benches' (anchoring-outside11-judge.ts through anchoring-outside14-judge.ts,
 * imported, not copied); this file adds only what the fifteenth bench's kinds need:
 * - TRADED: a closing quotation mark and the stop beside it trading places (“…。” ↔ “…”。, the
 *   GB/T 15834 placement a 标点 pass corrects) are the same two units, each now in the other's
 *   slot: as a reader sees it nothing of the words changed. The revision writes them as two units
 *   retyped in place (so the order of the old units stands); `traded` then counts such a pair as
 *   kept unchanged, so a sentence or a quote whose stop moved across its closing mark still
 *   survives and a placement on it is right. Any other retyped unit stays retyped.
 * - EDIT SHARE: old units not kept identical plus written units, over the old units (edit_pct).
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place (。 → ， where two
 * sentences are joined) keeps its origin, flagged changed. A highlight is the old range [s, e);
 * its CONTENT units are those not white space.
 * - LOST: a content unit gone (a sentence cut by a 删节, a character dropped by a re-typist, a
 *   小标题 rewritten), or more than ⌊len/8⌋ of them retyped (traded pairs not counted).
 *   PARTED: kept but out of order, or more than max(4, ⌊len/4⌋) other content units between its
 *   first and last (an image placeholder or a separator line inside a short span).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a wrong placement's words came from: COPY (most written by the revision: a doubled
 *   word, a 数据来源 note), TWIN (other old units) or MIXED.
 */
import type { Tracked } from './anchoring-outside14-judge';

export {
  around,
  Books,
  Builder,
  isSpace,
  judgeOne,
  positions,
  sourceOf,
  splice,
  Tally,
  track,
  verdictOf,
  type Judged,
  type Source,
  type Span,
  type Splice,
  type Tracked,
  type Truth,
  type Verdict,
} from './anchoring-outside14-judge';

/** Closing quotation marks that a stop may stand inside or outside of. */
export const CLOSERS = '”’」』';
/** Stops that trade places with a closing mark. */
export const STOPS = '。！？';

/**
 * The revision with every TRADED pair (see the header) counted as kept unchanged: two
 * neighbouring retyped units, one a stop and one a closing mark, that read as the old two units
 * in the other order. Returns a new Tracked; other retyped units stay flagged.
 */
export function traded(oldText: string, t: Tracked): Tracked {
  const changed = t.changed.slice();
  for (let i = 0; i + 1 < t.text.length; i++) {
    if (!changed[i] || !changed[i + 1]) continue;
    const o = t.origin[i]!;
    if (o < 0 || t.origin[i + 1] !== o + 1) continue;
    const a = oldText[o]!;
    const b = oldText[o + 1]!;
    const pair = (x: string, y: string) => STOPS.includes(x) && CLOSERS.includes(y);
    if ((pair(a, b) || pair(b, a)) && t.text[i] === b && t.text[i + 1] === a) {
      changed[i] = 0;
      changed[i + 1] = 0;
      i++;
    }
  }
  return { text: t.text, origin: t.origin, changed };
}

/** Old units not kept identical plus written units, over the old units, in percent (one decimal). */
export function editPct(oldLength: number, t: Tracked): number {
  let kept = 0;
  let written = 0;
  for (let i = 0; i < t.text.length; i++) {
    if (t.origin[i]! < 0) written++;
    else if (!t.changed[i]) kept++;
  }
  return oldLength ? Math.round((1000 * (oldLength - kept + written)) / oldLength) / 10 : 0;
}
