/**
 * Judge of the THIRTEENTH outside anchoring bench (anchoring-outside13.ts). The tracked-character
 * model, the verdicts, the copy/twin source and the tally are the eleventh and twelfth benches'
 * (anchoring-outside11-judge.ts through anchoring-outside12-judge.ts, imported, not copied); this
 * file adds only what the thirteenth bench's kinds need:
 * - MOVED: a placement's words moved by the revision (a sentence lifted into a 导语 is the same
 *   units, moved: a placement on them is RIGHT; the judge follows each old unit, so this needs no
 *   rule of its own, only the count `moved` says how many highlights were moved and placed right).
 * - a written run that holds the old words verbatim (a 追踪报道 quoting the article's lead, an
 *   HTML entity standing for a mark) is written units: placing a highlight there is WRONG (copy).
 * - the books: a tally per revision kind and per highlight type, and the --list context.
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place (、 → ，) keeps its
 * origin, flagged changed. A highlight is the old range [s, e); its CONTENT units are those not
 * white space.
 * - LOST: a content unit gone (a word a 洗稿 replaced, a mark an entity stands for), or more than
 *   ⌊len/8⌋ of them retyped. PARTED: kept but out of order, or more than max(4, ⌊len/4⌋) other
 *   content units between its first and last (a <strong> tag inside a short term parts it).
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 */
import { sourceOf, Tally, verdictOf, type Source, type Tracked, type Truth, type Verdict } from './anchoring-outside12-judge';

export {
  Builder,
  isSpace,
  positions,
  sourceOf,
  splice,
  Tally,
  track,
  verdictOf,
  type Source,
  type Splice,
  type Tracked,
  type Truth,
  type Verdict,
} from './anchoring-outside12-judge';

export interface Span {
  start: number;
  end: number;
}

/** Whether every content unit of old[s, e) stands in `t` away from where it stood (moved). */
export function wasMoved(t: Tracked, pos: Int32Array, s: number, e: number): boolean {
  // moved = some old unit that stood before the passage now stands after its first unit (a
  // sentence lifted to the top); an insertion before it shifts it but moves nothing past it
  const first = pos[s]!;
  if (first < 0 || e <= s) return false;
  for (let i = 0; i < s; i++) if (pos[i]! > first) return true;
  return false;
}

/** One judged placement: its truth, verdict and (for a wrong one) where its words came from. */
export interface Judged {
  truth: Truth;
  verdict: Verdict;
  source: Source | null;
  moved: boolean;
}

export function judgeOne(oldText: string, t: Tracked, pos: Int32Array, h: Span, placed: Span | null): Judged {
  const { truth, verdict } = verdictOf(oldText, t, pos, h, placed);
  const wrong = verdict === 'wrong' || verdict === 'wrong_lost';
  return {
    truth,
    verdict,
    source: wrong && placed ? sourceOf(t, placed) : null,
    moved: truth.state === 'surviving' && wasMoved(t, pos, h.start, h.end),
  };
}

/** Tallies by a name (all, a kind, a highlight type); `moved` counts right placements of moved passages. */
export class Books {
  readonly by = new Map<string, Tally>();
  movedRight = 0;
  movedSurviving = 0;

  add(names: readonly string[], j: Judged): void {
    for (const n of names) {
      let t = this.by.get(n);
      if (!t) this.by.set(n, (t = new Tally()));
      t.add(j.truth, j.verdict, j.source);
    }
    if (j.moved) {
      this.movedSurviving++;
      if (j.verdict === 'right') this.movedRight++;
    }
  }

  get(name: string): Tally {
    return this.by.get(name) ?? new Tally();
  }
}

/** text[start, end) with `n` units either side, paragraph breaks shown as ⏎. */
export function around(text: string, span: Span | null, n = 12): string {
  if (!span || span.start < 0) return '—';
  const show = (s: string) => s.replace(/\n/g, '⏎');
  return `${show(text.slice(Math.max(0, span.start - n), span.start))}[${show(text.slice(span.start, span.end))}]${show(text.slice(span.end, span.end + n))}`;
}
