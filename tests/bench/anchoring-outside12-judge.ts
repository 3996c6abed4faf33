/**
 * Judge of the TWELFTH outside anchoring bench (anchoring-outside12.ts). The tracked-character
 * model and the verdicts are the eleventh bench's (anchoring-outside11-judge.ts, imported, not
 * copied); this file adds only what the twelfth bench's kinds need: where a wrong placement's
 * words came from (several of its kinds write copies of the text's words beside them: answers
 * of a 填空, 数说 lines, 名词解释 cards, questions of a 学习问答), and the tally.
 *
 * The model, in words (the code is anchoring-outside11-judge.ts): every UTF-16 unit of a revised
 * text carries its origin, the index of the old unit it is (kept, possibly moved), or -1 when the
 * revision wrote it; a unit retyped in place (‘ → “ in a block quote) keeps its origin and is
 * flagged changed. Revisions are splices of the current text, so the truth is exact. Copies of
 * old words that a revision writes are written units: other words, never the passage.
 * A highlight is the old range [s, e); its CONTENT units are those not white space.
 * - LOST: a content unit is gone (a term blanked by a 填空, a quote mark dropped by a block
 *   quote), or more than ⌊len/8⌋ of them retyped.
 * - PARTED: all kept but out of order, or more than max(4, ⌊len/4⌋) other content units (written
 *   or old) between its first and last (a 分享 line between two sentences of a span).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last (written units inside, e.g. a ／ pause mark, belong to it).
 * - RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, ≤ max(2, ⌊len/10⌋) content units
 *   outside the true span. PARTIAL: placed, not right, holding ≥ 1 own unit. WRONG: placed on
 *   none of its own units. MISS: surviving, not placed. Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its own kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a WRONG (or WRONG_LOST) placement's units came from: COPY (most of its content units
 *   written by the revision: a copy it made), TWIN (most of them other old units: the same or
 *   like words elsewhere in the old text) or MIXED.
 */
import { isSpace, judge, truthOf, type Tracked, type Truth, type Verdict } from './anchoring-outside11-judge';

export {
  Builder,
  isSpace,
  judge,
  positions,
  splice,
  track,
  truthOf,
  type Splice,
  type State,
  type Tracked,
  type Truth,
  type Verdict,
} from './anchoring-outside11-judge';

export type Source = 'copy' | 'twin' | 'mixed';

/** Where the content units of a placement came from (see the header): copy, twin or mixed. */
export function sourceOf(t: Tracked, placed: { start: number; end: number }): Source {
  let written = 0;
  let old = 0;
  for (let i = Math.max(0, placed.start); i < Math.min(placed.end, t.text.length); i++) {
    if (isSpace(t.text.charAt(i))) continue;
    if (t.origin[i]! < 0) written++;
    else old++;
  }
  if (written > 2 * old) return 'copy';
  if (old > 2 * written) return 'twin';
  return 'mixed';
}

/** One highlight's truth and verdict in a revision. */
export function verdictOf(
  oldText: string,
  t: Tracked,
  pos: Int32Array,
  h: { start: number; end: number },
  placed: { start: number; end: number } | null,
): { truth: Truth; verdict: Verdict } {
  const truth = truthOf(oldText, t, pos, h.start, h.end);
  return { truth, verdict: judge(t, truth, h.start, h.end, placed) };
}

/** Counts of verdicts; recall = right / surviving, wrong = wrong + wrong_lost. */
export class Tally {
  highlights = 0;
  surviving = 0;
  right = 0;
  partial = 0;
  wrong = 0;
  miss = 0;
  lost = 0;
  parted = 0;
  onRemains = 0;
  wrongLost = 0;
  wrongCopy = 0;

  add(truth: Truth, verdict: Verdict, source: Source | null): void {
    this.highlights++;
    if (truth.state === 'surviving') this.surviving++;
    else if (truth.state === 'lost') this.lost++;
    else this.parted++;
    if (verdict === 'right') this.right++;
    else if (verdict === 'partial') this.partial++;
    else if (verdict === 'wrong') this.wrong++;
    else if (verdict === 'miss') this.miss++;
    else if (verdict === 'on_remains') this.onRemains++;
    else if (verdict === 'wrong_lost') this.wrongLost++;
    if ((verdict === 'wrong' || verdict === 'wrong_lost') && source === 'copy') this.wrongCopy++;
  }

  get allWrong(): number {
    return this.wrong + this.wrongLost;
  }

  /** Recall in percent, one decimal (100 with nothing surviving). */
  get recallPct(): number {
    return this.surviving ? Math.round((1000 * this.right) / this.surviving) / 10 : 100;
  }
}
