/**
 * Lines that count or clock the text rather than say anything: a record's time code between turns
 * (`2.58 pm`, `14:47`, as a live blog's timestamps) and a notebook cell's prompt (`[2]:`, `In [3]:`,
 * `Out[3]:`, a cell counter). Each is a block of its own; in a list or a table such a line is a
 * schedule's or a data row's value and stays.
 */
import type { Block } from './blocks';

const CLOCK_TIME_RE = /^\d{1,2}[.:]\d{2}(?:\s*[ap]\.?\s?m\.?)?$/i;
const CELL_PROMPT_RE = /^(?:In|Out)?\s*\[\s*\d*\s*\]\s*:?$/;

export function counterLine(b: Block): boolean {
  if (b.len > 12 || b.images.length > 0) return false;
  if (!CLOCK_TIME_RE.test(b.text) && !CELL_PROMPT_RE.test(b.text)) return false;
  return !b.ancestors.some((a) => /^(?:li|td|th|dd|dt)$/.test(a.localName));
}
