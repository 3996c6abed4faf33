/**
 * A grid of links with a label per row (a wiki's navbox: `Season 1 | Pilot • The Toll of …`): the
 * rows' links are navigation, dropped as link lines; the label cell beside them names a group of
 * links, not a line of the text.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';

const MIN_LINKS = 3;
const LABEL_MAX_CHARS = 60;

const chars = (el: Element): number => (el.textContent ?? '').replace(/\s+/g, '').length;

/**
 * The other cells of the label's row hold links only (bullets and separators aside), one of them a
 * list of several: a data table's row names one item per cell.
 */
export function linkGridLabel(b: Block): boolean {
  const cell = b.ancestors.find((a) => a.localName === 'th' || a.localName === 'td');
  if (!cell || b.len > LABEL_MAX_CHARS || b.linkChars > 0) return false;
  const row = cell.parentElement;
  // The label heads its row; a code cell beside a gutter of line-number links is no label.
  if (!row || row.localName !== 'tr' || row.firstElementChild !== cell) return false;
  if (b.ancestors.some((a) => a.localName === 'pre' || a.localName === 'code')) return false;
  // The cell is the label alone (a layout table's text column holds more than one short line).
  if ((cell.textContent ?? '').replace(/\s+/g, ' ').trim() !== b.text) return false;
  let most = 0;
  let others = 0;
  for (const c of Array.from(row.children)) {
    if (c === cell) continue;
    others++;
    const as = Array.from(c.querySelectorAll('a'));
    const linked = as.reduce((n, a) => n + chars(a), 0);
    const own = (c.textContent ?? '').replace(/[\s\p{P}\p{S}]+/gu, '').length;
    if (as.length === 0 || linked < own * 0.9) return false;
    most = Math.max(most, as.length);
  }
  return others > 0 && most >= MIN_LINKS;
}
