/**
 * A verse text (a song's lyrics, a poem) set as several boxes of one build side by side, each a run
 * of short lines broken by `<br>` with no paragraph of its own, and other boxes between them (an
 * ad, a row of recommendations). Lines without sentence punctuation score little as prose, so the
 * page's commentary and Q&A around them can outweigh them: where the article root holds such boxes,
 * they are the text, and what lies between and around them in the root is not.
 */
import type { Element } from '../parsed-dom';
import { normaliseText } from './patterns';

/** Line breaks a box holds at least to be verse (a stanza). */
const MIN_BREAKS = 3;
/** Characters per line at most, on average: verse lines, not paragraphs broken by `<br>`. */
const MAX_LINE = 60;
/** Boxes of one build at least: a single box is the root already. */
const MIN_BOXES = 2;
/** Lines the boxes hold together at least. */
const MIN_LINES = 12;

function verseBox(el: Element): number {
  if (el.querySelector('p, li, h1, h2, h3, h4, h5, h6, table, img') !== null) return 0;
  if (el.querySelectorAll('br').length < MIN_BREAKS) return 0;
  const text = normaliseText(el.textContent ?? '');
  // Lines as the reader sees them: a break with text before it since the last one ends a line;
  // an empty line between stanzas (`<br><br>`) is none.
  let lines = 0;
  let open = false;
  const visit = (e: Element): void => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) open ||= /\S/.test(n.textContent ?? '');
      else if (n.nodeType === 1 && (n as Element).localName === 'br') {
        if (open) lines++;
        open = false;
      } else if (n.nodeType === 1) visit(n as Element);
    }
  };
  visit(el);
  if (open) lines++;
  return lines >= MIN_BREAKS && text.length / lines <= MAX_LINE ? lines : 0;
}

/**
 * The verse boxes inside `top` (the article root), in page order, or null: sibling elements of one
 * tag and class attribute, at least MIN_BOXES of them, each a box of verse lines, MIN_LINES lines
 * together.
 */
export function verseBoxes(top: Element): Element[] | null {
  const seen = new Set<Element>();
  for (const br of Array.from(top.querySelectorAll('br'))) {
    // The box a line break belongs to: the nearest ancestor whose siblings are boxes like it.
    for (let el: Element | null = br.parentElement; el && el !== top && top.contains(el); el = el.parentElement) {
      const parent: Element | null = el.parentElement;
      if (!parent || seen.has(parent)) continue;
      const cls = (el.getAttribute('class') ?? '').trim();
      if (cls === '') continue;
      const like = Array.from(parent.children).filter(
        (c) => c.localName === el!.localName && (c.getAttribute('class') ?? '').trim() === cls,
      );
      if (like.length < MIN_BOXES) continue;
      seen.add(parent);
      const lines = like.map(verseBox);
      if (lines.every((n) => n > 0) && lines.reduce((a, b) => a + b, 0) >= MIN_LINES && linksBetween(like)) return like;
    }
  }
  return null;
}

/**
 * Between the first box and the last stands a box that is mostly links (a row of recommendations):
 * the page set other things into its verse. A poem whose parts are parted by its own numerals or
 * an epigraph has none, and is left to the ordinary passes.
 */
function linksBetween(boxes: Element[]): boolean {
  const last = boxes.at(-1)!;
  for (let el = boxes[0]!.nextElementSibling; el && el !== last; el = el.nextElementSibling) {
    if (boxes.includes(el)) continue;
    const text = normaliseText(el.textContent ?? '').length;
    let links = 0;
    for (const a of Array.from(el.querySelectorAll('a'))) links += normaliseText(a.textContent ?? '').length;
    if (text > 0 && links >= text * 0.5) return true;
  }
  return false;
}
