/**
 * A 、-list put in another order (排名不分先后, a protocol's order changed; 和/及/与 before the last
 * item sometimes written as 、). A passage over the whole list keeps every unit, but in another
 * order; a passage on one item keeps its words, but other items now stand on both sides of it. The
 * passes that weigh the stored context as a run refuse both.
 *
 * The rules, a last try for an orphan:
 * - a passage holding a list (two 、 or more): the stored context's nearest words on both sides
 *   with exactly the passage's units between them, in any order (joining words aside), at exactly
 *   one place of the new text;
 * - a passage that is one item (a 、 right before or after it): the item whole at a place whose
 *   clause holds every whole item the stored context showed in its list, at exactly one place.
 */
import type { Doc } from './doc';
import { withEdgeMarks, words, wordsForm } from './spoken';
import type { TextSelector } from './types';

/** Words of each stored side that must stand right next to a reordered list. */
const SIDE_WORDS = 6;
/** Places of the context's words (or of an item) looked at, at most. */
const MAX_PLACES = 64;
/** Words of the list a revision may drop at most (和 before the last item written as 、). */
const JOINERS_DROPPED = 2;
/** Words of the stored context past the list's clause that must stand past the new one. */
const EDGE_WORDS = 4;

/** Words joining the last item of a list (和/及/与), left out when the units are counted. */
const JOINER = /[和及与]/u;
/** Marks that end a clause: a list never runs across them. */
const CLAUSE_END = /[，,。！？!?；;：:\n“”（）()【】]/u;
/** Between a list's items. */
const ITEM_SEP = /[、和及与]/u;

/** The units of `s` without joining words, sorted: the same for a list in any order. */
function unitBag(s: string): string {
  return [...s]
    .filter((c) => !JOINER.test(c))
    .sort()
    .join('');
}

/** The raw [start, end) of a passage holding a list, reordered (see the module comment), or null. */
function wholeListPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  if ((s.exact.match(/、/gu)?.length ?? 0) < 2) return null;
  // A list the old text held twice (or nearly): its units between the same words may be the other.
  if ((s.copies ?? 0) > 0 || (s.wordCopies ?? 0) > 0 || s.nearErrors !== undefined) return null;
  const quote = words(s.exact);
  const before = words(s.prefix).slice(-SIDE_WORDS);
  const after = words(s.suffix).slice(0, SIDE_WORDS);
  if (before.length < SIDE_WORDS || after.length < SIDE_WORDS) return null;
  const bag = unitBag(quote);
  const form = wordsForm(doc);
  const text = form.text;
  let found: [number, number] | null = null;
  let n = 0;
  for (let at = text.indexOf(before); at >= 0; at = text.indexOf(before, at + 1)) {
    if (++n > MAX_PLACES) return null;
    const from = at + before.length;
    for (let len = quote.length; len >= quote.length - JOINERS_DROPPED && len > 0; len--) {
      if (!text.startsWith(after, from + len) || unitBag(text.slice(from, from + len)) !== bag) continue;
      if (found && (found[0] !== from || found[1] !== from + len)) return null;
      found = [from, from + len];
    }
  }
  if (!found) return null;
  return withEdgeMarks(doc.raw, s.exact, form.at[found[0]] as number, (form.at[found[1] - 1] as number) + 1);
}

interface ListContext {
  /** Whole items the stored context shows in the passage's list (its clause). */
  items: string[];
  /** The stored words right before the clause, when the context reaches past its start ('' if not). */
  before: string;
  /** The stored words right after the clause, when the context reaches past its end ('' if not). */
  after: string;
}

/** What the stored context shows of a one-item passage's list, or null when it is not an item. */
function listContext(s: TextSelector): ListContext | null {
  const p = s.prefix;
  const x = s.suffix;
  if (!p.endsWith('、') && !x.startsWith('、')) return null;
  let i = p.length;
  while (i > 0 && !CLAUSE_END.test(p.charAt(i - 1))) i--;
  let j = 0;
  while (j < x.length && !CLAUSE_END.test(x.charAt(j))) j++;
  const left = p.slice(i).split(ITEM_SEP);
  const right = x.slice(0, j).split(ITEM_SEP);
  left.pop();
  right.shift();
  // The pieces the 32-unit context cut in two are not whole items.
  if (i === 0) left.shift();
  if (j === x.length) right.pop();
  const items = [...left, ...right].map(words).filter((w) => w.length > 0);
  if (items.length === 0) return null;
  return { items, before: words(p.slice(0, i)).slice(-EDGE_WORDS), after: words(x.slice(j)).slice(0, EDGE_WORDS) };
}

/**
 * Whether two pieces of a list are one item: equal, or one the other with words before or after it
 * (a list's first item after its opener 分别是, its last before 等地).
 */
function sameItem(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 2 || b.length < 2) return false;
  return a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a);
}

/** The raw [start, end) of a one-item passage among its list's items reordered, or null. */
function itemPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  if (/[、和及与]|[，,。！？!?；;：:\n]/u.test(s.exact) || words(s.exact).length < 2) return null;
  // An item the old text held again (a second print of the list, another list naming it): its
  // list's items around another copy may be that copy's. Left to the passes that weigh copies.
  if ((s.copies ?? 0) > 0 || (s.wordCopies ?? 0) > 0) return null;
  const list = listContext(s);
  if (!list) return null;
  const raw = doc.raw;
  let found: number | null = null;
  let n = 0;
  for (let at = raw.indexOf(s.exact); at >= 0; at = raw.indexOf(s.exact, at + 1)) {
    if (++n > MAX_PLACES) return null;
    const end = at + s.exact.length;
    // An item of a list: a 、 on one side at least.
    if (raw.charAt(at - 1) !== '、' && raw.charAt(end) !== '、') continue;
    let i = at;
    while (i > 0 && !CLAUSE_END.test(raw.charAt(i - 1))) i--;
    let j = end;
    while (j < raw.length && !CLAUSE_END.test(raw.charAt(j))) j++;
    const others = [...raw.slice(i, at).split(ITEM_SEP), ...raw.slice(end, j).split(ITEM_SEP)].map(words);
    if (!list.items.every((w) => others.some((o) => sameItem(o, w)))) continue;
    // The words the stored context saw around the list's clause stand around this one.
    if (list.before && !words(raw.slice(Math.max(0, i - 4 * EDGE_WORDS), i)).endsWith(list.before)) continue;
    if (list.after && !words(raw.slice(j, j + 4 * EDGE_WORDS)).startsWith(list.after)) continue;
    if (found !== null) return null;
    found = at;
  }
  return found === null ? null : { start: found, end: found + s.exact.length };
}

/** The raw [start, end) of a passage on a list reordered (see the module comment), or null. */
export function reorderedListPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  return wholeListPlace(doc, s) ?? itemPlace(doc, s);
}
