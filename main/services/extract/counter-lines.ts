/**
 * Lines that count or clock the text rather than say anything: a record's time code between turns
 * (`2.58 pm`, `14:47`, as a live blog's timestamps) and a notebook cell's prompt (`[2]:`, `In [3]:`,
 * `Out[3]:`, a cell counter). Each is a block of its own; in a list or a table such a line is a
 * schedule's or a data row's value and stays, and a time over an entry's headline (a live blog's
 * `18:05` over `Power restored`) is that entry's time, read with it.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';

const CLOCK_TIME_RE = /^\d{1,2}[.:]\d{2}(?:\s*[ap]\.?\s?m\.?)?$/i;
const CELL_PROMPT_RE = /^(?:In|Out)?\s*\[\s*\d*\s*\]\s*:?$/;

export function counterLine(b: Block): boolean {
  if (b.len > 12 || b.images.length > 0) return false;
  const clock = CLOCK_TIME_RE.test(b.text);
  if (!clock && !CELL_PROMPT_RE.test(b.text)) return false;
  if (b.ancestors.some((a) => /^(?:li|td|th|dd|dt)$/.test(a.localName))) return false;
  return !clock || !headsEntry(b);
}

/** The time's own box (its highest ancestor holding nothing else) is followed by a heading. */
function headsEntry(b: Block): boolean {
  let box: Element = b.el;
  for (const a of b.ancestors) {
    if ((a.textContent ?? '').replace(/\s+/g, ' ').trim() !== b.text) break;
    box = a;
  }
  const next = box.nextElementSibling;
  if (!next) return false;
  return /^h[1-6]$/.test(next.localName) || /^h[1-6]$/.test(next.firstElementChild?.localName ?? '');
}
