/**
 * A passage whose own paragraph an edit made read as another passage's old paragraph: a speech
 * turned into a summary drops 同志们， before a line that a caption elsewhere repeats word for word,
 * and the passage's paragraph now has the caption's print (paragraphs.ts `others`). A placement
 * there is refused as "on another passage's paragraph, unchanged", though it is not that one.
 *
 * It is the passage when the new text holds exactly as many copies of the quote as the old one did,
 * the placement is one of them with more of the stored context than any other copy had in the old
 * text (ownContextAt), and another paragraph with the same print still holds a copy: the other
 * passage's paragraph stands there, unchanged, so this one is not it.
 */
import { MAX_COPIES, ownContextAt } from './copies';
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normaliseQuote } from './normalise';
import { fingerprint, paragraphRange } from './paragraphs';
import type { Anchor, TextSelector } from './types';

export function madeLikeOther(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const copies = s.copies;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies >= MAX_COPIES) return false;
  const quote = normaliseQuote(s);
  if (quote.length === 0) return false;
  const found = occurrencesIn(doc, quote, copies + 2);
  if (found.length !== copies + 1) return false;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  if (!found.includes(from) || to - from !== quote.length || !ownContextAt(doc, s, from, to)) return false;
  const raw = doc.raw;
  const [pf, pt] = paragraphRange(raw, a.start, a.end);
  const print = fingerprint(raw.slice(pf, pt));
  return found.some((at) => {
    if (at === from) return false;
    const start = doc.norm.map[at] ?? 0;
    const [of, ot] = paragraphRange(raw, start, (doc.norm.map[at + quote.length - 1] ?? start) + 1);
    return (of !== pf || ot !== pt) && fingerprint(raw.slice(of, ot)) === print;
  });
}
