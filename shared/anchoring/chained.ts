/**
 * A guess among far-apart copies, confirmed through a chain of guessed neighbours.
 *
 * A long read that prints a stretch twice (a 合集 or 专题 that repeats whole pages, a serial
 * whose opening instalments are printed again at its end) holds every passage of that stretch
 * twice, thousands of units apart, with the same stored context: the first pass picks a copy by
 * the old position alone (a guess), and the neighbour pass keeps a guess only where placed
 * neighbours that are not guesses themselves put it, within the neighbour distance. Inside the
 * repeated stretch every neighbour is a guess too, so the nearest sure neighbours are farther
 * off than that, and every passage there was an orphan however little the revision moved it.
 *
 * The guesses of one stretch moved together: walking from the guess through the placed
 * neighbours on one side, each within the neighbour distance of the last and each moved by
 * nearly the same amount as the last (or up to twice that distance off, moved by the very same
 * amount within a few units: highlights are sparse in a long read), the walk reaches a neighbour
 * placed on its own evidence (a passage the old text held once) that moved by that amount too. Then the text from that
 * neighbour to the guess moved as one block, and the copy chosen sits where that block put it.
 *
 * Taken only when, besides such a walk on at least one side:
 * - the walk on the other side does not reach a sure neighbour that moved otherwise (the block's
 *   two ends disagree: something moved inside it, and the guess may be on the wrong side of it);
 * - the new text holds exactly as many copies as the old one did and the guess is the copy of
 *   the passage's rank among them (copies keep their order; a copy gained or lost means the
 *   count pairs nothing);
 * - no other copy starts within the far distance of the guess (two copies close together, a
 *   timeline's two entries of one date, can change places when text moves across them, with
 *   shifts that still look alike), or the guess is boxed in: the nearest placed neighbours on
 *   both sides, each within a link's distance in the old text, moved by the guess's shift within
 *   a few units, and no other copy between their new places reads as much of the stored context.
 *   A term a page repeats a few paragraphs apart (a date, a name) inside a stretch printed
 *   twice: the block around it moved whole, its length kept, so the one copy inside its new
 *   place that reads the passage's context is the passage's (copies that change places move
 *   text across them, which parts the two neighbours' shifts; a copy a few words off, in another
 *   sentence, was never among the copies the guess was chosen from).
 */
import { contextAt, OWN_CONTEXT_MARGIN, sameRankCopy } from './copies';
import { occurrencesIn, type Doc } from './doc';
import type { TextSelector } from './types';

export interface ChainPlaced {
  /** Old offsets of a placed passage and where it moved (new start − old start). */
  start: number;
  end: number;
  shift: number;
  /** Chosen among copies by position alone. */
  guessed: boolean;
}

/** Old-text distance between two links of a chain (the neighbour distance). */
const LINK_GAP = 3000;
/** Units by which two links' shifts may differ (small edits between them). */
const LINK_TOLERANCE = 200;
/**
 * Old-text distance of a link that moved by the last link's very shift (within FAR_LINK_SLACK):
 * highlights are sparse in a long read, and a stretch printed twice at its end can lie farther
 * from the last sure passage than a link's distance while nothing between moved at all.
 */
const FAR_LINK_GAP = 2 * LINK_GAP;
const FAR_LINK_SLACK = 24;
/** No other copy of the quote may start within this many units (normalised) of the guess. */
export const FAR_COPY = 3000;

type Walk = 'confirmed' | 'contradicted' | 'open';

/** Walks from `s` (placed with `shift`) through `placed` (sorted by old start) in direction `step`. */
function walk(placed: readonly ChainPlaced[], s: { start: number; end: number }, shift: number, step: 1 | -1): Walk {
  let last = s.start;
  let lastShift = shift;
  const order = step === 1 ? placed : [...placed].reverse();
  for (const p of order) {
    // Neighbours over the passage's own old words were placed by the same words: not links.
    if (step === 1 ? p.start < s.end : p.end > s.start) continue;
    const gap = Math.abs(p.start - last);
    // A link farther off holds only where it moved by the very shift of the last, within a few units.
    if (gap > FAR_LINK_GAP || (gap > LINK_GAP && Math.abs(p.shift - lastShift) > FAR_LINK_SLACK)) return 'open';
    if (Math.abs(p.shift - lastShift) > LINK_TOLERANCE) return p.guessed ? 'open' : 'contradicted';
    if (!p.guessed) return 'confirmed';
    last = p.start;
    lastShift = p.shift;
  }
  return 'open';
}

/**
 * Whether the guess for `s` at new raw `at` (normalised `from`) is confirmed by a chain of
 * neighbours (see the module comment). `quote`: the passage's comparison form.
 */
export function chainedGuess(doc: Doc, s: TextSelector, quote: string, from: number, at: number, placed: readonly ChainPlaced[]): boolean {
  const shift = at - s.start;
  const before = walk(placed, s, shift, -1);
  const after = walk(placed, s, shift, 1);
  if (before === 'contradicted' || after === 'contradicted') return false;
  if (before !== 'confirmed' && after !== 'confirmed') return false;
  if (sameRankCopy(doc, quote, s) !== from) return false;
  const copies = occurrencesIn(doc, quote, (s.copies ?? 0) + 2);
  if (copies.every((o) => o === from || Math.abs(o - from) > FAR_COPY)) return true;
  const box = boxAround(placed, s, shift);
  if (!box) return false;
  const own = contextAt(doc, s, from, from + quote.length).found;
  return copies.every((o) => {
    const raw = doc.norm.map[o] ?? -1;
    return o === from || raw < box.lo || raw >= box.hi || contextAt(doc, s, o, o + quote.length).found + OWN_CONTEXT_MARGIN < own;
  });
}

/** Old-text distance within which the nearest neighbour on each side boxes a guess in (a link's). */
const BOX_GAP = LINK_GAP;
/** Units by which a boxing neighbour's shift may differ from the guess's. */
const BOX_SLACK = 24;

/**
 * The new raw range from the nearest placed neighbour before `s` to the nearest after it (over
 * other old words), when both lie within BOX_GAP old units and moved by `shift` within BOX_SLACK;
 * else null.
 */
function boxAround(placed: readonly ChainPlaced[], s: { start: number; end: number }, shift: number): { lo: number; hi: number } | null {
  let before: ChainPlaced | undefined;
  let after: ChainPlaced | undefined;
  for (const p of placed) {
    if (p.end <= s.start) before = p;
    else if (p.start >= s.end) {
      after = p;
      break;
    }
  }
  if (!before || !after || s.start - before.end > BOX_GAP || after.start - s.end > BOX_GAP) return null;
  if (Math.abs(before.shift - shift) > BOX_SLACK || Math.abs(after.shift - shift) > BOX_SLACK) return null;
  return { lo: before.start + before.shift, hi: after.end + after.shift };
}
