/**
 * Judge of the SIXTEENTH outside anchoring bench (anchoring-outside16.ts). The tracked-character
 * model, the verdicts, the copy/twin source, the tally, the books and the edit share are the
 * eleventh to fifteenth benches' (anchoring-outside11-judge.ts through anchoring-outside15-judge.ts,
 * imported, not copied); this file adds only what the sixteenth bench's kinds need:
 * - WIDENED: a Latin letter, a digit or one of % + - . / : written again in its other WIDTH (the
 *   full-width form U+FF01–FF5E of an ASCII character, or the ASCII form of a full-width one: a
 *   GBK-era editor's ２０２３年 / ＧＤＰ, or a normaliser's way back) is the same unit, as a reader
 *   sees it: it keeps its origin and is NOT counted as retyped, so 2023年 that came back as
 *   ２０２３年 still survives and a placement on it is right. Any other retyped unit stays retyped.
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place keeps its origin,
 * flagged changed. A highlight is the old range [s, e); its CONTENT units are those not white space.
 * - LOST: a content unit gone (an aside dropped, a 、-list cut to 等, 三 rewritten as 3, a 小标题
 *   dropped), or more than ⌊len/8⌋ of them retyped (widened units not counted).
 *   PARTED: kept but out of order, or more than max(4, ⌊len/4⌋) other content units between its
 *   first and last (a page's navigation line inside a short span).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a wrong placement's words came from: COPY (most written by the revision: a 思考题
 *   quoting a clause, a page's navigation line), TWIN (other old units) or MIXED.
 * - EDIT SHARE: old units not kept identical plus written units, over the old units (edit_pct).
 */
import type { Tracked } from './anchoring-outside15-judge';

export {
  around,
  Books,
  Builder,
  editPct,
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
} from './anchoring-outside15-judge';

/** ASCII characters a width pass writes in their full-width form (and back). */
const WIDTH_ASCII = /^[0-9A-Za-z%+\-./:]$/;

/** The other width of `ch` (ASCII ↔ its full-width form U+FF01–FF5E), or null if it has none here. */
export function otherWidth(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && WIDTH_ASCII.test(ch)) return String.fromCharCode(c + 0xfee0);
  if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e && WIDTH_ASCII.test(String.fromCharCode(c - 0xfee0)))
    return String.fromCharCode(c - 0xfee0);
  return null;
}

/** Whether `b` is `a` or `a` in its other width. */
export function sameWidthless(a: string, b: string): boolean {
  return a === b || otherWidth(a) === b;
}

/**
 * The revision with every unit retyped as the other width of its own old unit counted as kept
 * unchanged (widened, see the header); other retyped units stay flagged. Returns a new Tracked.
 */
export function widened(oldText: string, t: Tracked): Tracked {
  const changed = t.changed.slice();
  for (let i = 0; i < t.text.length; i++) {
    const o = t.origin[i]!;
    if (changed[i] && o >= 0 && sameWidthless(oldText[o]!, t.text[i]!)) changed[i] = 0;
  }
  return { text: t.text, origin: t.origin, changed };
}
