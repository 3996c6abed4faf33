/**
 * A copy of a quote the old text held once, in a paragraph that is a stretch of a longer
 * paragraph holding it too, is taken for a restatement (a pull quote, a summary line) and the
 * passage goes to the longer paragraph (index.ts, confirmedCopies `unrestated`). A paragraph CUT
 * inside its old words (a print export's page number and running header set mid-sentence, an
 * advert line, a re-split for phones) is such a stretch as well when the revision also quotes the
 * old paragraph whole elsewhere (an 附件 item): the longer paragraph is then the quotation, read
 * with the stored context on the side it copied and none past its end, while the cut paragraph
 * keeps the passage's context on both sides, its cut side only parted by the inserted lines.
 *
 * The cut is told by the stored context itself: the copy's paragraph begins (ends) where the old
 * paragraph went on — the stored side's own line is longer than the stretch between the copy and
 * its paragraph's edge, which it ends (begins) with — and the old paragraph's words past the cut
 * end (begin) a line at most MAX_LINES lines away, the lines between short. A pull quote set on a
 * line of its own copies its paragraph from the paragraph's edge, where the stored side has a
 * break: it is no cut. Such a copy, reading more of the stored context than the restated
 * paragraph's copy, is not moved there.
 */
import { contextMatch, sidesOf } from './copies';
import { toNormalised, type Doc } from './doc';
import { normalise, normalisePrefix, normaliseSuffix } from './normalise';
import { paragraphRange } from './paragraphs';
import type { TextSelector } from './types';

/** Units of the old paragraph past the cut that must stand beyond it: fewer are chance. */
const REST = 4;
/** Lines a cut may have inserted between the paragraph's two parts (a page number, a header, an advert block). */
const MAX_LINES = 3;
/** Comparison units an inserted line may hold: longer ones are text, not a page's furniture. */
const SHORT_LINE = 32;

/**
 * Whether the copy at normalised [from, to) stands in a paragraph cut from its old paragraph
 * (above) and has more of the stored context beside it than the restated paragraph's copy at
 * normalised `source`.
 */
export function cutCopyOutreads(doc: Doc, s: TextSelector, from: number, to: number, source: number): boolean {
  const sides = sidesOf(s);
  const text = doc.norm.text;
  if (contextMatch(text, from, to, sides) <= contextMatch(text, source, source + (to - from), sides)) return false;
  const at = doc.norm.map[from] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, at, at + 1);
  return cutBefore(doc, s, from, pf) || cutAfter(doc, s, to, pt);
}

/** The paragraph [pf, …) holding the copy (normalised start `from`) begins inside its old paragraph, the rest above. */
function cutBefore(doc: Doc, s: TextSelector, from: number, pf: number): boolean {
  const head = doc.norm.text.slice(toNormalised(doc, pf), from);
  const prefix = normalisePrefix(s);
  const oldLine = normalise(s.prefix.slice(s.prefix.lastIndexOf('\n') + 1));
  if (!prefix.endsWith(head) || oldLine.length < head.length + REST) return false;
  const rest = prefix.slice(prefix.length - head.length - REST, prefix.length - head.length);
  const lines = linesBefore(doc.raw, pf, MAX_LINES + 1);
  for (let k = 0; k < lines.length; k++) {
    if (normalise(lines[k]!).endsWith(rest)) return true;
    if (normalise(lines[k]!).length > SHORT_LINE) return false;
  }
  return false;
}

/** The paragraph (…, pt] holding the copy (normalised end `to`) ends inside its old paragraph, the rest below. */
function cutAfter(doc: Doc, s: TextSelector, to: number, pt: number): boolean {
  const tail = doc.norm.text.slice(to, toNormalised(doc, pt));
  const suffix = normaliseSuffix(s);
  const nl = s.suffix.indexOf('\n');
  const oldLine = normalise(nl < 0 ? s.suffix : s.suffix.slice(0, nl));
  if (!suffix.startsWith(tail) || oldLine.length < tail.length + REST) return false;
  const rest = suffix.slice(tail.length, tail.length + REST);
  const lines = doc.raw.slice(pt + 1).split('\n', MAX_LINES + 1);
  for (const line of lines) {
    if (normalise(line, true).startsWith(rest)) return true;
    if (normalise(line).length > SHORT_LINE) return false;
  }
  return false;
}

/**
 * Up to `count` whole lines before the line holding raw offset `at`, nearest first: read back from
 * `at` rather than splitting the whole text before it (a 113k article on every check).
 */
function linesBefore(raw: string, at: number, count: number): string[] {
  const out: string[] = [];
  let end = at > 0 ? raw.lastIndexOf('\n', at - 1) : -1;
  while (end >= 0 && out.length < count) {
    const start = end > 0 ? raw.lastIndexOf('\n', end - 1) + 1 : 0;
    out.push(raw.slice(start, end));
    end = start - 1;
  }
  return out;
}
