/**
 * A list of entries written inside a Chinese text (a 新书通报's books, a 书目, a list of works or
 * exhibits): each item opens with a line that is only a link naming the entry (the book's
 * catalogue record), then lines of the entry's own words without links (who wrote it, the
 * publisher, a call number). The linked name is the entry's first line, a line of the text. A
 * list of other pages (related articles, same-pattern titles with their dates) has no lines of
 * its own under each link, and the text does not go on after it.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';
import { countChars, normaliseText } from './patterns';

/** How many items of the list must be entries of that shape (one is no list of entries). */
const MIN_ENTRIES = 3;
/** Words of its own an entry holds beyond its link: more than a date or a number. */
const MIN_OWN_CHARS = 6;
const LINE_MAX = 80;

/** Whether `b` is the linked name heading an entry of such a list. */
export function linkedEntryHead(b: Block): boolean {
  if (b.len === 0 || b.len > LINE_MAX || b.linkChars < b.len) return false;
  const item = b.ancestors.slice(1, 4).find((a) => a.localName === 'li');
  const list = item?.parentElement;
  if (!item || !list || !/^(?:ul|ol)$/.test(list.localName)) return false;
  // The head is the item's first line, in its own element: the entry's details stand below it.
  if (!normaliseText(item.textContent ?? '').startsWith(b.text)) return false;
  if (!entryItem(item)) return false;
  let entries = 0;
  for (let li = list.firstElementChild; li && entries < MIN_ENTRIES; li = li.nextElementSibling)
    if (li.localName === 'li' && entryItem(li)) entries++;
  return entries >= MIN_ENTRIES && textGoesOnAfter(list);
}

const entryItems = new WeakMap<Element, boolean>();

/** An item of one link, a line of its own, and words of its own with no link (its details). */
function entryItem(li: Element): boolean {
  let v = entryItems.get(li);
  if (v !== undefined) return v;
  v = false;
  const links = li.querySelectorAll('a[href]');
  if (links.length === 1) {
    const linked = normaliseText(links[0]!.textContent ?? '');
    const own = normaliseText(li.textContent ?? '').replace(linked, '');
    const words = own.replace(/(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?/g, '').replace(/[\s\p{P}\p{S}\d]+/gu, '');
    const detailLines = Array.from(li.children).filter((c) => !c.contains(links[0]!) && normaliseText(c.textContent ?? '') !== '');
    v = countChars(linked) >= 2 && countChars(words) >= MIN_OWN_CHARS && detailLines.length >= 1;
  }
  entryItems.set(li, v);
  return v;
}

/** A paragraph of prose after the list, in the same box: the list is inside the text. */
function textGoesOnAfter(list: Element): boolean {
  for (let sib = list.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (sib.localName !== 'p') continue;
    const t = normaliseText(sib.textContent ?? '');
    if (t.length >= 20 && /[。！？.!?]["”’」]?$/.test(t)) return true;
  }
  return false;
}
