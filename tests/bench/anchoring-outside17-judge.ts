/**
 * Judge of the SEVENTEENTH outside anchoring bench (anchoring-outside17.ts). The tracked-character
 * model, the verdicts, the copy/twin source, the tally, the books and the edit share are the
 * eleventh to sixteenth benches' (anchoring-outside11-judge.ts through anchoring-outside16-judge.ts,
 * imported, not copied); this file adds only what the seventeenth bench's kinds need:
 * - BROKEN: a pause mark (，。；：！？、) written again as a line break or a space (a 字幕稿 that
 *   sets every clause on a line of its own and drops the marks, a short pause shown as a space)
 *   is the same unit, as a reader sees it: the words are all there and the pause is still marked
 *   where it was. It keeps its origin, is NOT counted as retyped and counts as one of the
 *   passage's own units where a placement holds it (the judge reads the revision with the old mark
 *   in that slot, `broken`; the anchoring is given the revision as written). A pause mark DROPPED
 *   (the last 。 of a subtitle paragraph) is gone, as any dropped unit; a mark retyped as another
 *   mark stays retyped. A broken mark at either EDGE of a highlight (the ， that ended a
 *   highlighted clause, now a line break) is not asked of a placement: a reader's passage in lines
 *   ends at its words, so the judge takes the highlight without its edge marks set as white space
 *   (`brokenEdges`); inside it they count as above.
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place keeps its origin,
 * flagged changed. A highlight is the old range [s, e); its CONTENT units are those not white space.
 * - LOST: a content unit gone (a 了 dropped after 同比增长, a 他 replaced by the name it stands
 *   for, a quoted word the source did not have), or more than ⌊len/8⌋ of them retyped (个 → 项 in
 *   a 3-unit number is another word; broken marks not counted).
 *   PARTED: kept but out of order, or more than max(4, ⌊len/4⌋) other content units between its
 *   first and last (a 链接 label written inside a short span).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a wrong placement's words came from: COPY (most written by the revision: a 结语
 *   restating a sentence, a 相关文件 list copying a 《title》), TWIN (other old units) or MIXED.
 * - EDIT SHARE: old units not kept identical plus written units, over the old units (edit_pct).
 */
import { judgeOne, type Judged, type Span, type Tracked } from './anchoring-outside16-judge';

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
} from './anchoring-outside16-judge';

/** Pause marks a subtitle or a pause-as-space layout writes as white space. */
export const PAUSES = '，。；：！？、';
const BREAKS = /^[\n \u3000]$/;

/**
 * The revision as the judge reads it (BROKEN, see the header): every unit retyped as a line break
 * or a space in the place of an old pause mark reads as that mark, kept unchanged. Same length and
 * origins as `t`; other retyped units stay flagged. Returns a new Tracked.
 */
export function broken(oldText: string, t: Tracked): Tracked {
  const changed = t.changed.slice();
  const units = t.text.split('');
  let any = false;
  for (let i = 0; i < units.length; i++) {
    const o = t.origin[i]!;
    if (!changed[i] || o < 0 || !BREAKS.test(units[i]!) || !PAUSES.includes(oldText[o]!)) continue;
    changed[i] = 0;
    units[i] = oldText[o]!;
    any = true;
  }
  return { text: any ? units.join('') : t.text, origin: t.origin, changed };
}

/** Whether the old unit `o` is a pause mark the raw revision set as white space (broken). */
function brokenAt(oldText: string, raw: Tracked, pos: Int32Array, o: number): boolean {
  const q = pos[o]!;
  return q >= 0 && raw.changed[q] === 1 && BREAKS.test(raw.text[q]!) && PAUSES.includes(oldText[o]!);
}

/**
 * The highlight old[h.start, h.end) without the broken marks at its edges (see the header), or `h`
 * itself when nothing else would be left.
 */
export function brokenEdges(oldText: string, raw: Tracked, pos: Int32Array, h: Span): Span {
  let { start, end } = h;
  while (start < end && brokenAt(oldText, raw, pos, start)) start++;
  while (end > start && brokenAt(oldText, raw, pos, end - 1)) end--;
  return oldText.slice(start, end).trim() ? { start, end } : h;
}

/**
 * judgeOne as this bench judges: on the revision read through broken() (`view`, its positions
 * `pos`), the highlight taken without its broken edge marks (`raw`: the revision as written).
 */
export function judgeBroken(oldText: string, raw: Tracked, view: Tracked, pos: Int32Array, h: Span, placed: Span | null): Judged {
  return judgeOne(oldText, view, pos, brokenEdges(oldText, raw, pos, h), placed);
}
