/**
 * Judge of the EIGHTEENTH outside anchoring bench (anchoring-outside18.ts). The tracked-character
 * model, the verdicts, the copy/twin source, the tally, the books and the edit share are the
 * eleventh to seventeenth benches' (anchoring-outside11-judge.ts through anchoring-outside17-judge.ts,
 * imported, not copied); this file adds only what the eighteenth bench's kinds need:
 * - TRANSPOSED (倒字): two neighbouring units written in each other's place (a typist's 倒字, 推进
 *   typed 进推, or such a slip corrected) are read as both units RETYPED IN PLACE: each slot keeps
 *   the origin of the old unit that stood there, flagged changed. Read as a move (the two old
 *   units kept, out of order), every passage over the pair would be PARTED, although a reader sees
 *   the same passage with a two-unit slip in it; read as retyped, a passage survives while at most
 *   ⌊len/8⌋ of its units are retyped (a 20-unit sentence with one 倒字 survives, a 2–15-unit term
 *   or clause holding it is lost, as any 2 retyped units make it), and a placement on it is right.
 *   `transpose` gives the splice; the bench writes every 倒字 with it.
 * - MASKED (涉密数字脱敏): a figure's digits written as × (or ＊, X) are digits RETYPED in place, so
 *   a number highlight whose digits were masked is LOST (another word to a reader: 12 became ××),
 *   a placement on its masked remains is ON_REMAINS, and a sentence around it survives only while
 *   no more than ⌊len/8⌋ of its units were masked. `mask` gives the splice. A figure replaced by
 *   若干 is written text (its digits gone).
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place keeps its origin,
 * flagged changed. A highlight is the old range [s, e); its CONTENT units are those not white space.
 * - LOST: a content unit gone (a 了 cut by a 字数 pass, a figure replaced by 若干), or more than
 *   ⌊len/8⌋ of them retyped (a 倒字 in a short term, masked digits).
 *   PARTED: kept but out of order, or more than max(4, ⌊len/4⌋) other content units between its
 *   first and last (list numbers ①②③ written into a short span).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING. A paragraph MOVED into a 背景 box keeps its old units: a
 *   placement there is right, one on its old neighbours wrong.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a wrong placement's words came from: COPY (most written by the revision: a 摘要 copying
 *   the opening, a 要点 bullet copying a sentence's head, a 学习记录 quoting a term or the title),
 *   TWIN (other old units) or MIXED.
 * - EDIT SHARE: old units not kept identical plus written units, over the old units (edit_pct).
 */
import type { Splice, Tracked } from './anchoring-outside17-judge';

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
} from './anchoring-outside17-judge';

/**
 * The 倒字 at t.text[i], t.text[i + 1] (TRANSPOSED, see the header): a splice retyping the two
 * units in each other's place, so each slot keeps its old origin and is flagged changed.
 */
export function transpose(t: Tracked, i: number): Splice {
  if (i < 0 || i + 2 > t.text.length) throw new Error(`no pair at ${i}`);
  return { start: i, end: i + 2, insert: t.text[i + 1]! + t.text[i]!, retype: true };
}

/** Units a masking pass writes for a digit (MASKED, see the header). */
export const MASKS = ['×', '＊', 'X'] as const;

/**
 * The figure t.text[start, end) masked (MASKED, see the header): every ASCII digit retyped in place
 * as `mask`, other units (a decimal point) kept as they are.
 */
export function mask(t: Tracked, start: number, end: number, mark: string): Splice {
  let insert = '';
  for (let i = start; i < end; i++) insert += /[0-9]/.test(t.text[i]!) ? mark : t.text[i]!;
  return { start, end, insert, retype: true };
}
