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
 * - DOUBLED: a written run of 1–4 units that repeats the kept units right before it (a
 *   re-typist's 衍字 的的 or 衍文 市场市场) stands for them as well: a reader sees the word twice and
 *   either copy is the word. The judge reads the revision twice, once with the old units on the
 *   first copy and once on the second (`doubledReading`), and gives the placement the better
 *   verdict of the two (`judgeDoubled`); a copy written anywhere else stays written (WRONG copy).
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
import { judgeOne, positions, type Judged, type Span, type Tracked, type Verdict } from './anchoring-outside14-judge';

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

/**
 * The other reading of a revision with DOUBLED runs (see the header): each written run of 1–4
 * units equal to the kept, unchanged, consecutive old units right before it takes their origins,
 * and those become written. Null when the revision doubled nothing.
 */
export function doubledReading(t: Tracked): Tracked | null {
  const origin = t.origin.slice();
  let any = false;
  for (let i = 0; i < t.text.length;) {
    if (t.origin[i]! >= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < t.text.length && t.origin[j]! < 0) j++;
    const len = j - i;
    let doubled = len <= 4 && i - len >= 0 && t.text.slice(i - len, i) === t.text.slice(i, j);
    for (let k = 0; doubled && k < len; k++) {
      const o = t.origin[i - len + k]!;
      if (o < 0 || t.changed[i - len + k] || (k > 0 && o !== t.origin[i - len]! + k)) doubled = false;
    }
    if (doubled) {
      any = true;
      for (let k = 0; k < len; k++) {
        origin[i + k] = t.origin[i - len + k]!;
        origin[i - len + k] = -1;
      }
    }
    i = j;
  }
  return any ? { text: t.text, origin, changed: t.changed } : null;
}

const RANK: Record<Verdict, number> = { right: 6, partial: 5, on_remains: 4, miss: 3, orphan_ok: 3, wrong: 0, wrong_lost: 0 };

/**
 * judgeOne on the revision as written and, where it doubled words, on its other reading (with
 * `alt` and `altPos` from doubledReading and positions): the better verdict stands.
 */
export function judgeDoubled(
  oldText: string,
  t: Tracked,
  pos: Int32Array,
  alt: { t: Tracked; pos: Int32Array } | null,
  h: Span,
  placed: Span | null,
): Judged {
  const first = judgeOne(oldText, t, pos, h, placed);
  if (!alt || first.verdict === 'right') return first;
  const second = judgeOne(oldText, alt.t, alt.pos, h, placed);
  return RANK[second.verdict] > RANK[first.verdict] ? second : first;
}

/** The other reading ready for judgeDoubled (null when nothing was doubled). */
export function otherReading(t: Tracked, oldLength: number): { t: Tracked; pos: Int32Array } | null {
  const alt = doubledReading(t);
  return alt ? { t: alt, pos: positions(alt, oldLength) } : null;
}
