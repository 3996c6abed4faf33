/**
 * Cost only: answers about an element's `class` and `id` kept by those two strings, for the rules
 * that ask them of every block's near ancestors (pickTitle asks each block's three). The strings
 * are the attribute values themselves, so each hashes once; no joined key is built per question.
 */
import type { Element } from '../parsed-dom';

/** Distinct class-and-id pairs kept per question before it starts over (bounded memory). */
const MAX_PAIRS = 5000;

/**
 * `test(named)` for `named` = `${class} ${id}` (each '' when absent), remembered by the pair:
 * `test` must be a pure function of that string.
 */
export function byClassAndId(test: (named: string) => boolean): (el: Element) => boolean {
  const seen = new Map<string, Map<string, boolean>>();
  let pairs = 0;
  return (el) => {
    const cls = el.getAttribute('class') ?? '';
    const id = el.getAttribute('id') ?? '';
    let ids = seen.get(cls);
    let known = ids?.get(id);
    if (known === undefined) {
      if (pairs >= MAX_PAIRS) {
        seen.clear();
        pairs = 0;
        ids = undefined;
      }
      if (!ids) seen.set(cls, (ids = new Map()));
      ids.set(id, (known = test(`${cls} ${id}`)));
      pairs++;
    }
    return known;
  };
}

/** `test(value)` of one attribute (null when absent), remembered by the value: `test` must be pure. */
export function byAttribute(name: string, test: (value: string | null) => boolean): (el: Element) => boolean {
  const seen = new Map<string | null, boolean>();
  return (el) => {
    const v = el.getAttribute(name);
    let known = seen.get(v);
    if (known === undefined) {
      if (seen.size >= MAX_PAIRS) seen.clear();
      seen.set(v, (known = test(v)));
    }
    return known;
  };
}
