/**
 * A passage over a paragraph break, held once by the old text, whose words still stand where it
 * was but with words written at its break (a caption line or a note put between its paragraphs),
 * while a copy of the page pasted far away (re-wrapped, so its breaks fell elsewhere) holds the
 * quote joined: the first pass takes the far copy, the only place the quote reads whole. Its own
 * words are the pieces near its old place, each whole, in order, a few words apart, the stored
 * context's nearest units on their outer sides; the far copy is new text. An orphan: the pieces
 * with words between them are no longer the passage either.
 *
 * It cannot refuse a passage that moved: the pieces must stand together near its old place with
 * both stored sides, which a moved paragraph takes along.
 */
import { toNormalised, type Doc } from './doc';
import { normalise, normalisePrefix, normaliseSuffix, quoteAtHead } from './normalise';
import { type Anchor, type TextSelector } from './types';

/** Raw units from the old place beyond which a placement is far (index.ts NEIGHBOUR_GAP). */
const FAR = 3000;
/** Units a piece needs to say by itself where it stands. */
const PIECE_MIN = 6;
/** Units of the stored context that must stand on each outer side of the pieces. */
const SIDE = 6;
/** Units, at most, of words written between the pieces (a caption line, a note). */
const BETWEEN_MAX = 48;

/** Whether `a` lies far from the passage's old place while its pieces stand parted there (see above). */
export function partedNearFarCopy(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if (s.copies !== 0 || Math.abs(a.start - s.start) <= FAR) return false;
  const raw = s.exact.split('\n');
  if (raw.length !== 2) return false;
  const pieces = raw.map((p, i) => normalise(p, i > 0 || quoteAtHead(s)));
  if (pieces.some((p) => p.length < PIECE_MIN)) return false;
  const [first, last] = pieces as [string, string];
  const prefix = normalisePrefix(s).slice(-SIDE);
  const suffix = normaliseSuffix(s).slice(0, SIDE);
  if (prefix.length < SIDE || suffix.length < SIDE) return false;
  const norm = doc.norm.text;
  const lo = toNormalised(doc, Math.max(0, s.start - FAR));
  const hi = toNormalised(doc, Math.min(doc.raw.length, s.end + FAR));
  const placed = toNormalised(doc, a.start);
  for (let at = norm.indexOf(prefix + first, lo); at >= 0 && at < hi; at = norm.indexOf(prefix + first, at + 1)) {
    const end = at + prefix.length + first.length;
    if (Math.abs(end - placed) <= FAR) continue;
    const next = norm.indexOf(last + suffix, end);
    // Parted by written words (the joined quote there would have been found by the first pass).
    if (next > end && next - end <= BETWEEN_MAX) return true;
  }
  return false;
}
