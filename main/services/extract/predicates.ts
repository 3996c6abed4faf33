/**
 * Small tests on one block that passes of several concerns share (isProse: a prose-like block),
 * kept apart so that those modules import them without importing each other.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';
import { isMetaLine } from './patterns';

/** Prose-like block: enough text, sentence punctuation, few links. */
export function isProse(b: Block): boolean {
  return b.len >= 40 && b.linkChars < b.len * 0.3 && (b.punct >= 1 || /[.!?。！？]/.test(b.text)) && !b.boiler && !isMetaLine(b.text);
}

/** Rows of a table (through its row groups), or the cells of a row. */
export function tableParts(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (el.localName === 'table' && /^(?:tbody|thead|tfoot)$/.test(c.localName)) out.push(...tableParts(c));
    else out.push(c);
  }
  return out;
}

/** A table's rows, through its row groups. */
export function tableRows(table: Element): Element[] {
  return tableParts(table).filter((r) => r.localName === 'tr');
}
