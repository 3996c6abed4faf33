/**
 * A list of pairs the text states (a cast list: `<a>actor</a> as <a>character</a>`): each item is
 * two links joined by the same word or words of the text's own (`as`, `played by`, `vs`). The
 * joining words say how the two are related, so the list is content, however much of it is link
 * text; a menu's items are single links, or links parted by bullets and bars only.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';

const MIN_ITEMS = 3;
/** The joining words: one to three lower-case words (`as`, `played by`, `voiced by`, `vs.`). */
const JOINER_RE = /^[a-z]+\.?(?: [a-z]+\.?){0,2}$/;

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The words between an item's two links, or null when it is not exactly link, words, link. */
function joiner(li: Element): string | null {
  const links = Array.from(li.querySelectorAll('a'));
  if (links.length !== 2) return null;
  let own = norm(li.textContent ?? '');
  const [a, b] = links.map((x) => norm(x.textContent ?? ''));
  if (!a || !b || !own.startsWith(a) || !own.endsWith(b)) return null;
  own = norm(own.slice(a.length, own.length - b.length));
  return JOINER_RE.test(own) ? own : null;
}

const verdicts = new WeakMap<Element, boolean>();

export function pairListItem(b: Block): boolean {
  const list = b.el.localName === 'li' ? b.el.parentElement : null;
  if (!list || !/^(?:ul|ol)$/.test(list.localName)) return false;
  let known = verdicts.get(list);
  if (known === undefined) {
    const items = Array.from(list.children).filter((c) => c.localName === 'li');
    const words = items.map(joiner);
    known = items.length >= MIN_ITEMS && words[0] !== null && words.every((w) => w === words[0]);
    verdicts.set(list, known);
  }
  return known;
}
