/**
 * Small tests on one block that passes of several concerns share (isProse: a prose-like block),
 * kept apart so that those modules import them without importing each other.
 */
import type { Block } from './blocks';
import { isMetaLine } from './patterns';

/** Prose-like block: enough text, sentence punctuation, few links. */
export function isProse(b: Block): boolean {
  return b.len >= 40 && b.linkChars < b.len * 0.3 && (b.punct >= 1 || /[.!?。！？]/.test(b.text)) && !b.boiler && !isMetaLine(b.text);
}
