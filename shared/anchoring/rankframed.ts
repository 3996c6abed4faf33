/**
 * Twins whose surroundings an edit rewrote on both printings (issue 12 item 4). A quote the old
 * text held more than once, the passage's copy alone with all of the stored context, the other
 * copies with less (`copyContext`). A revision that restyles a kind of words everywhere (quoted
 * speech's attribution moved, 某某说：“… → “…，”某某说。) rewrites the words beside both printings:
 * the passage's own copy loses a few units of its context, and a twin, its own attribution moved
 * away, now reads the stored context whole. More context than any other copy had then points at
 * the twin, while the copy of the passage's rank (the count unchanged) still reads as much as the
 * other copies did and stands where the placed passages on both sides of it put the passage.
 * Context and position disagree; the context alone no longer confirms the placement: it is in
 * doubt, and the neighbours' windows decide (an orphan, or the copy they frame).
 *
 * Not where the passage moved past its twin (paragraphs reordered): then its neighbours moved with
 * it, and their shifts point at the placement, not at the rank's copy.
 */
import { contextAt, sameRankCopy } from './copies';
import type { Doc } from './doc';
import type { Anchor, TextSelector } from './types';

/** A placed passage beside the one judged: its old offsets and where it moved. */
export interface Framing {
  start: number;
  shift: number;
}

/** Old-text distance within which a placed neighbour's move says where the passage went. */
const FRAME_GAP = 3000;
/** Units the passage's place may stray from where a neighbour's move puts it. */
const FRAME_SLACK = 200;

/**
 * Whether placement `a` (the copy at normalised `from`) has against it the copy of the passage's
 * rank, which reads at least `copyContext` and three quarters of the stored context, and lies
 * within FRAME_SLACK of where both nearest placed neighbours (held once, within FRAME_GAP) put
 * the passage, while `a` lies outside both.
 */
export function rankCopyFramed(
  doc: Doc,
  s: TextSelector,
  quote: string,
  a: Anchor,
  from: number,
  sides: { before?: Framing; after?: Framing },
): boolean {
  const { before, after } = sides;
  if (!before || !after || s.start - before.start > FRAME_GAP || after.start - s.start > FRAME_GAP) return false;
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const own = sameRankCopy(doc, quote, s);
  if (own === null || own === from) return false;
  // Most of the stored context (¾) beside the rank's copy, and as much as another copy had: a twin
  // with an edit beside it, not a short quote's other copy with a few units alike.
  const there = contextAt(doc, s, own, own + quote.length);
  if (there.found < known || there.found * 4 < there.full * 3) return false;
  const ownRaw = doc.norm.map[own] ?? 0;
  const near = (x: number, p: Framing) => Math.abs(x - (s.start + p.shift)) <= FRAME_SLACK;
  return near(ownRaw, before) && near(ownRaw, after) && !near(a.start, before) && !near(a.start, after);
}
