/**
 * A paragraph the old text printed twice (a page held twice in a long article: describe() records
 * `twins`), the passage's own copy edited in place outside the quote (a word blanked by a 填空
 * edition, a note written into it) while its twin stands unchanged. The length check of copies.ts
 * (otherParagraphsLength: a copy in a paragraph of another length, while another copy's paragraph
 * has the stored length, is another passage's) reads the twin's length as the passage's; but a
 * twin has that length whichever copy the passage is, so the length says nothing as long as no
 * more copies of that length stand than the old text had twins, none of the quote's copies is
 * lost (the passage's own deleted), and the placement is not one of the other old paragraphs
 * recorded for it, unchanged (a frame paragraph that took its place).
 */
import { copiesLost, MAX_COPIES, paragraphLength } from './copies';
import { occurrencesIn, type Doc } from './doc';
import { fingerprint, paragraphRange } from './paragraphs';
import { type Anchor, type TextSelector } from './types';

/** Whether the stored paragraph length at other copies of `quote` (normalised, the placement at `from`) is only the twins' (see above). */
export function lengthOfTwins(doc: Doc, s: TextSelector, quote: string, from: number, a: Anchor): boolean {
  const twins = s.twins;
  if (typeof twins !== 'number' || twins < 1 || typeof s.paraLength !== 'number' || quote.length === 0) return false;
  if (copiesLost(doc, quote, s)) return false;
  if (Array.isArray(s.others)) {
    const [pf, pt] = paragraphRange(doc.raw, a.start, a.end);
    if (s.others.includes(fingerprint(doc.raw.slice(pf, pt)))) return false;
  }
  // Paragraphs, not copies: a paragraph may hold the quote more than once.
  const own = paragraphRange(doc.raw, a.start, a.end)[0];
  const sameLength = new Set<number>();
  for (const o of occurrencesIn(doc, quote, MAX_COPIES)) {
    if (o === from || paragraphLength(doc, o, o + quote.length) !== s.paraLength) continue;
    const raw = doc.norm.map[o] ?? 0;
    const start = paragraphRange(doc.raw, raw, raw + 1)[0];
    if (start !== own) sameLength.add(start);
    if (sameLength.size > twins) return false;
  }
  return true;
}
