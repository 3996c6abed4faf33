/**
 * Caret steps over the article's plain text (blocks joined by "\n"): sentence and paragraph
 * boundaries computed here, not by the browser, so every browser the host meets steps alike.
 */

const ENDERS = new Set([...'。！？!?；;…']);
// Closing marks that belong to the sentence they end (”。 or 。” both end after the mark).
const CLOSERS = new Set([...'”’」』）)】》']);

function blockStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function blockEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** Offsets where sentences end inside [from, to): just after an ender and its closing marks. */
function sentenceEnds(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    if (!ENDERS.has(text[i]!)) continue;
    let j = i + 1;
    while (j < to && (ENDERS.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
    out.push(j);
    i = j - 1;
  }
  if (out[out.length - 1] !== to) out.push(to);
  return out;
}

/** The next sentence end after `offset` (forward) or the sentence start before it (backward). */
export function sentenceStep(text: string, offset: number, direction: 1 | -1): number {
  if (direction > 0) {
    if (offset >= text.length) return text.length;
    // At a block's end, the step goes on to the first sentence of the next block.
    const from = text[offset] === '\n' ? offset + 1 : offset;
    const end = blockEnd(text, from);
    return sentenceEnds(text, blockStart(text, from), end).find((e) => e > offset) ?? end;
  }
  if (offset <= 0) return 0;
  const start = blockStart(text, offset);
  if (offset === start) return blockStart(text, offset - 1);
  // Sentence starts: the block's start and every sentence end before the block's end.
  const ends = sentenceEnds(text, start, blockEnd(text, offset));
  let best = start;
  for (const e of ends) if (e < offset) best = e;
  // Skip spaces after a sentence end, so a selection starts on the sentence's first character.
  while (best < offset && /\s/.test(text[best] ?? '') && text[best] !== '\n') best++;
  return best < offset ? best : start;
}

/** The end of this paragraph (forward, or the next one's when already there) or its start. */
export function paragraphStep(text: string, offset: number, direction: 1 | -1): number {
  if (direction > 0) {
    if (offset >= text.length) return text.length;
    const end = blockEnd(text, offset);
    return end > offset ? end : blockEnd(text, offset + 1);
  }
  if (offset <= 0) return 0;
  const start = blockStart(text, offset);
  return start < offset ? start : blockStart(text, offset - 1);
}

/** One character on, counting the line break between blocks as one step. */
export function charStep(text: string, offset: number, direction: 1 | -1): number {
  return Math.max(0, Math.min(text.length, offset + direction));
}
