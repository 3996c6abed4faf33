/**
 * A bracketed note set as a line of its own between two paragraphs of a passage that spans a
 * break (（图片来源：某某社）, （记者 某某 摄） put between the paragraphs by a republish): reading a
 * quote by its words alone (pinned.ts wordsReading) reads past short notes, which editions add and
 * drop inside sentences (以下简称“…”); a note standing as its own line is no such note but a
 * caption or credit line the revision set between the paragraphs. The passage placed over it would
 * paint a line the reader never chose, the span parted by a line that is not its words: an orphan.
 */
import { type Doc, lineBreakBefore } from './doc';

/**
 * Whether normalised [from, to) holds a whole line that is one bracketed note, (…) between two
 * line breaks, that the (normalised) quote does not hold.
 */
export function noteLineInside(doc: Doc, quote: string, from: number, to: number): boolean {
  const norm = doc.norm.text;
  for (let i = from + 1; i < to; i++) {
    if (norm.charCodeAt(i) !== 0x28 || !lineBreakBefore(doc, i)) continue;
    const close = norm.indexOf(')', i + 1);
    if (close < 0 || close + 1 >= to) continue;
    if (lineBreakBefore(doc, close + 1) && !quote.includes(norm.slice(i, close + 1))) return true;
  }
  return false;
}
