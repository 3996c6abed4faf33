/**
 * A text that repeated itself, cleaned up (去重): the old text held a run twice in a row (a paragraph
 * pasted twice, a sentence written twice) and the revision deleted the second copy. A passage inside the run was stored twice (`copies` 1, `copyGap` the
 * distance between the copies) and the new text holds it once, so the usual passes doubt the one
 * copy left: its stored context names the repeat, which is gone. The copy left is the passage
 * (whichever copy it was made on: the same words) when the stored context is explained exactly by
 * the new text with that run set again right after itself, `copyGap` raw units after its start (a
 * copy pasted paragraphs further on is not read so: runInARow):
 * - first copy: the stored prefix before it; the suffix its own run's rest, then the run's head
 *   again (the deleted copy), then, past the copy's end, what follows the joint.
 * - second copy: the prefix's nearest units the run's head before it, the rest of the prefix the
 *   words right before the joint where the copy stood; the suffix the run's rest, then (past the
 *   run) the words after that joint.
 * The part read at the joint or the run's head again must be MIN_OUTER units or more; anything
 * else (the quote held elsewhere too, a unit edited) leaves it to the other passes.
 *
 * And the span over the joint of a paragraph pasted twice in a row (its last words, the break, the
 * first words of the copy) has lost its second piece with the copy: placed on the copy's first
 * words where they open the paragraph that ends with its first piece (the one paragraph left),
 * it is an orphan (`acrossGoneJoint`).
 */
import { lineBreakBefore, occurrencesIn, toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Units of the stored context that must be read at the joint or at the run's head again. */
const MIN_OUTER = 4;
/** Raw units the joint may stand off copyGap (a break, a space, a unit written or dropped nearby). */
const GAP_SLACK = 2;

/** Length of the common start of a and b from bStart. */
function commonHead(a: string, b: string, bStart: number): number {
  let k = 0;
  while (k < a.length && bStart + k < b.length && a.charCodeAt(k) === b.charCodeAt(bStart + k)) k++;
  return k;
}

/** Length of the common end of a and b before bEnd. */
function commonTail(a: string, b: string, bEnd: number): number {
  let k = 0;
  while (k < a.length && bEnd - k - 1 >= 0 && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(bEnd - 1 - k)) k++;
  return k;
}

/** Raw offset of normalised unit i (the text's length past its end). */
function rawAt(doc: Doc, i: number): number {
  return i < doc.norm.map.length ? (doc.norm.map[i] ?? doc.raw.length) : doc.raw.length;
}

/**
 * Whether the run [r, q) was set twice IN A ROW: no line break inside it (a sentence written twice
 * inside its paragraph, or one whole paragraph pasted right after itself). A copy set again
 * paragraphs further on is left to the passes that weigh placed neighbours: with lines between,
 * the two printings may be two passages, and the one deleted the highlighted one.
 */
function runInARow(doc: Doc, r: number, q: number): boolean {
  for (let i = r + 1; i < q; i++) if (lineBreakBefore(doc, i)) return false;
  return q > r;
}

/** Normalised units whose raw offset lies within GAP_SLACK of `raw`. */
function unitsNear(doc: Doc, raw: number): number[] {
  const out: number[] = [];
  for (let i = toNormalised(doc, raw - GAP_SLACK); i <= doc.norm.map.length && rawAt(doc, i) <= raw + GAP_SLACK; i++) out.push(i);
  return out;
}

/** The quote's first copy at p, its run's copy inserted later: is the stored suffix so explained? */
function firstCopyExplained(doc: Doc, p: number, len: number, prefix: string, suffix: string, gap: number): boolean {
  const n = doc.norm.text;
  if (!n.endsWith(prefix, p)) return false;
  const own = commonHead(suffix, n, p + len);
  if (own === suffix.length) return false;
  for (let k = own; k >= 0; k--) {
    const rest = suffix.slice(k);
    if (rest.length < MIN_OUTER) continue;
    const q = p + len + k;
    // the copy began with the run's head, copyGap raw units before the joint
    for (const r of unitsNear(doc, rawAt(doc, q) - gap)) {
      if (r > p || !runInARow(doc, r, q)) continue;
      const t = commonHead(rest, n, r);
      if (t === rest.length) return true;
      // the copy ended inside the suffix: the words after the joint follow
      if (r + t >= p + len && n.startsWith(rest.slice(t), q)) return true;
    }
  }
  return false;
}

/** The quote's deleted copy, its first copy at p: is the stored context so explained? */
function secondCopyExplained(doc: Doc, p: number, len: number, prefix: string, suffix: string, gap: number): boolean {
  const n = doc.norm.text;
  const own = commonTail(prefix, n, p);
  if (own === prefix.length) return false;
  const after = commonHead(suffix, n, p + len);
  for (let k = own; k >= 0; k--) {
    const outer = prefix.slice(0, prefix.length - k);
    const r = p - k;
    // the joint: where the copy stood, copyGap raw units after the run's head
    for (const q of unitsNear(doc, rawAt(doc, r) + gap)) {
      if (q < p + len || !n.endsWith(outer, q) || !runInARow(doc, r, q)) continue;
      for (let i = after; i >= 0; i--) {
        const tail = suffix.slice(i);
        if (outer.length + tail.length >= MIN_OUTER && n.startsWith(tail, q)) return true;
      }
    }
  }
  return false;
}

/** Normalised [from, to) of the one copy left of a passage stored in a run the text repeated, or null. */
export function dedupedPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  if (s.copies !== 1 || s.copyGap === undefined || s.copyRank === undefined) return null;
  const quote = normaliseQuote(s);
  if (quote.length < 2) return null;
  const at = occurrencesIn(doc, quote, 2);
  if (at.length !== 1) return null;
  const p = at[0]!;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  const explained =
    s.copyRank === 0
      ? firstCopyExplained(doc, p, quote.length, prefix, suffix, s.copyGap)
      : secondCopyExplained(doc, p, quote.length, prefix, suffix, s.copyGap);
  return explained ? { from: p, to: p + quote.length } : null;
}

/**
 * True when `a` places a span over one line break on its second piece alone, where that piece
 * opens a paragraph ending with the span's first piece: the paragraph was printed twice in a row,
 * the span crossed the joint, and the copy holding its second piece is gone.
 */
export function acrossGoneJoint(text: string, s: TextSelector, a: Anchor): boolean {
  const pieces = s.exact.split('\n').map((x) => x.trim());
  if (pieces.length !== 2 || !pieces[0] || !pieces[1]) return false;
  const [before, after] = pieces as [string, string];
  if (text.slice(a.start, a.end).trim() !== after) return false;
  const lineStart = text.lastIndexOf('\n', a.start - 1) + 1;
  if (text.slice(lineStart, a.start).trim() !== '') return false;
  const lineEnd = text.indexOf('\n', a.end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
  return line.length > before.length + after.length && line.endsWith(before);
}
