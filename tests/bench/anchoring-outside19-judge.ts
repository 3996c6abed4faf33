/**
 * Judge of the NINETEENTH outside anchoring bench (anchoring-outside19.ts). The tracked-character
 * model, the verdicts, the copy/twin source, the tally, the books and the edit share are the
 * eleventh to eighteenth benches' (anchoring-outside11-judge.ts through anchoring-outside18-judge.ts,
 * imported, not copied); this file adds only what the nineteenth bench's kinds need:
 * - REWORDED: a word replaced by another in its place (公里 → 千米, ℃ → 摄氏度, 新冠肺炎 →
 *   新冠病毒感染, 12.34 → 12.3, ！ → 。). The units both forms share at their start and end are
 *   kept; of the differing middle, the old units are RETYPED one for one by the new ones (same
 *   origin, flagged changed), the new form's extra units are WRITTEN after them, and the old
 *   form's extra units are DROPPED. So a 2-unit word replaced by another 2-unit word is two
 *   retyped units (a 40-unit sentence holding it survives, a number highlight 120公里 is lost),
 *   and a unit word that grows (℃ → 摄氏度) is one retyped unit and two written ones. `reword`
 *   gives the splice.
 * - DEDUPED (去重): the old text held a passage twice (a paragraph pasted twice by accident, a
 *   sentence written twice in a row) and the revision deletes the SECOND copy. A reader who
 *   highlighted words in the deleted copy still finds the very same words in the first copy: a
 *   highlight whose content lies wholly inside a deleted copy is judged as the same offsets in the
 *   kept copy (`dedupedSpan`), so it survives where those survive, a placement on the kept copy
 *   is right and an orphan is a miss. A highlight reaching out of a deleted copy is judged as it
 *   stands (its units in the copy are gone: lost).
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place keeps its origin,
 * flagged changed. A highlight is the old range [s, e); its CONTENT units are those not white space.
 * - LOST: a content unit gone (a 啊 dropped before ！, a decimal cut by 修约), or more than
 *   ⌊len/8⌋ of them retyped (公里 → 千米 in a short number).
 *   PARTED: kept but out of order (paragraphs written in reverse order under a passage across
 *   their break), or more than max(4, ⌊len/4⌋) other content units between its first and last (a
 *   clause an editor appended inside a short sentence, a 小标题 written into a span).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a wrong placement's words came from: COPY (most written by the revision: a Chinese full
 *   name written before an acronym, an appended clause), TWIN (other old units) or MIXED.
 * - EDIT SHARE: old units not kept identical plus written units, over the old units (edit_pct).
 */
import { judgeOne, type Judged, type Span, type Splice, type Tracked } from './anchoring-outside18-judge';

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
} from './anchoring-outside18-judge';

/**
 * t.text[start, end) replaced by `insert` (REWORDED, see the header): shared head and tail kept,
 * the middle retyped one for one, the extra new units written after, the extra old ones dropped.
 * Returns the splices (none when the words are the same).
 */
export function reword(t: Tracked, start: number, end: number, insert: string): Splice[] {
  const old = t.text.slice(start, end);
  let head = 0;
  while (head < old.length && head < insert.length && old[head] === insert[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < insert.length - head && old[old.length - 1 - tail] === insert[insert.length - 1 - tail]) tail++;
  const a = start + head;
  const oldMid = old.slice(head, old.length - tail);
  const newMid = insert.slice(head, insert.length - tail);
  const both = Math.min(oldMid.length, newMid.length);
  const out: Splice[] = [];
  if (both > 0) out.push({ start: a, end: a + both, insert: newMid.slice(0, both), retype: true });
  if (newMid.length > both) out.push({ start: a + both, end: a + both, insert: newMid.slice(both) });
  if (oldMid.length > both) out.push({ start: a + both, end: a + oldMid.length, insert: '' });
  return out;
}

/** One passage the old text held twice: the copy at `removed` (old units) is deleted, `kept` stays. */
export interface Duplicate {
  /** Old range of the deleted (second) copy. */
  removed: Span;
  /** Old start of the kept (first) copy; its words are old[kept, kept + removed length). */
  kept: number;
}

/**
 * The highlight as the judge reads it (DEDUPED, see the header): wholly inside a deleted copy, the
 * same offsets in the kept copy; otherwise `h` itself.
 */
export function dedupedSpan(h: Span, dups: readonly Duplicate[]): Span {
  for (const d of dups) {
    if (h.start >= d.removed.start && h.end <= d.removed.end) {
      const shift = d.removed.start - d.kept;
      return { start: h.start - shift, end: h.end - shift };
    }
  }
  return h;
}

/** judgeOne with DEDUPED read (see the header). */
export function judgeDeduped(
  oldText: string,
  t: Tracked,
  pos: Int32Array,
  h: Span,
  placed: Span | null,
  dups: readonly Duplicate[],
): Judged {
  return judgeOne(oldText, t, pos, dedupedSpan(h, dups), placed);
}
