/**
 * A copy of a quote the old text held once, whose paragraph has the same words as another
 * paragraph that only has other marks at its edge (a ■ set before a pull quote), is taken for a
 * restatement of that paragraph (index.ts, confirmedCopies `unrestated`), and which of the two
 * the passage is, the paragraphs' sizes say (copies.ts likestParagraph). A unit edited inside the
 * passage's own paragraph (an OCR pass dropping one) and the mark added to the pull quote can make
 * the pull quote the nearer in size.
 *
 * The stored context tells otherwise when it runs past the paragraph's edge: the passage's old
 * paragraph began (ended) just where this copy's paragraph begins (ends), and the neighbouring
 * paragraph's words stored past that break stand there too. A pull quote set apart elsewhere has
 * other paragraphs around it: such a copy kept the passage's surroundings, and is not moved onto
 * a copy that reads less past its own edges. Not when the two paragraphs stand side by side (a
 * pull quote set right after its source): each then keeps one side of the old surroundings.
 */
import { toNormalised, type Doc } from './doc';
import { normalise, normalisePrefix, normaliseSuffix } from './normalise';
import { paragraphRange } from './paragraphs';
import type { TextSelector } from './types';

/** Units of the neighbouring paragraph's stored words that must stand past the edge: fewer are chance (a 。 and a word). */
const PAST_EDGE = 8;

/**
 * Units of the stored context read exactly past the edges of the paragraph holding the copy at
 * normalised [from, to), on a side whose stored break falls where that paragraph's edge is.
 */
export function unitsPastOwnEdges(doc: Doc, s: TextSelector, from: number, to: number): number {
  const text = doc.norm.text;
  const at = doc.norm.map[from] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, at, (doc.norm.map[Math.max(from, to - 1)] ?? at) + 1);
  let past = 0;
  const cut = s.prefix.lastIndexOf('\n');
  if (cut >= 0) {
    const head = from - toNormalised(doc, pf);
    const prefix = normalisePrefix(s);
    if (normalise(s.prefix.slice(cut + 1), true).length === head) {
      let run = 0;
      while (run < prefix.length && run < from && text[from - 1 - run] === prefix[prefix.length - 1 - run]) run++;
      past += Math.max(0, run - head);
    }
  }
  const nl = s.suffix.indexOf('\n');
  if (nl >= 0) {
    const tail = toNormalised(doc, pt) - to;
    const suffix = normaliseSuffix(s);
    if (normalise(s.suffix.slice(0, nl)).length === tail) {
      let run = 0;
      while (run < suffix.length && to + run < text.length && text[to + run] === suffix[run]) run++;
      past += Math.max(0, run - tail);
    }
  }
  return past;
}

/**
 * Whether the copy at normalised [from, to) reads at least PAST_EDGE units of the stored context
 * past its own paragraph's edges, more than the restated paragraph's copy at normalised `source` does.
 */
export function readsPastOwnEdge(doc: Doc, s: TextSelector, from: number, to: number, source: number): boolean {
  const own = unitsPastOwnEdges(doc, s, from, to);
  if (own < PAST_EDGE || own <= unitsPastOwnEdges(doc, s, source, source + (to - from))) return false;
  // The two paragraphs side by side (A S ■S B): each keeps the old surroundings on one side only,
  // and the one read past its edge says nothing of which is the passage.
  return !nextParagraphs(doc, from, source);
}

/** Whether the paragraphs holding normalised units `a` and `b` are neighbours (only empty lines between). */
function nextParagraphs(doc: Doc, a: number, b: number): boolean {
  const raw = doc.raw;
  const pa = paragraphRange(raw, doc.norm.map[a] ?? 0, (doc.norm.map[a] ?? 0) + 1);
  const pb = paragraphRange(raw, doc.norm.map[b] ?? 0, (doc.norm.map[b] ?? 0) + 1);
  const [first, second] = pa[0] <= pb[0] ? [pa, pb] : [pb, pa];
  return raw.slice(first[1], second[0]).trim() === '';
}
