/**
 * Boxes readers write in, beside an English text: a section under its own heading that holds a
 * field for the reader to type into (a `<textarea>`: ask a question, leave a comment, write a
 * review), with what readers wrote there (their questions and the answers, their posts). The box
 * is the page's conversation about the text, not the text.
 */
import type { Element } from '../parsed-dom';

/** How far up from the field the box's heading may stand (field → form row → box). */
const FIELD_DEPTH = 3;

/**
 * Each box, under its own heading (an `h2`–`h4` as its first element), that holds a `<textarea>`
 * no more than FIELD_DEPTH levels down. Not the page's body, main or article (a text set in a form,
 * a page that is only the form) and not a box holding `maxChars` or more of the page's text.
 */
export function readerFormBoxes(root: Element, charsOf: (el: Element) => number, maxChars: number): Element[] {
  const boxes: Element[] = [];
  for (const field of Array.from(root.querySelectorAll('textarea'))) {
    let box: Element | null = field.parentElement;
    for (let depth = 1; box && depth <= FIELD_DEPTH; depth++, box = box.parentElement) {
      if (/^(?:body|html|main|article)$/.test(box.localName)) break;
      const first = box.firstElementChild;
      if (!first || !/^h[2-4]$/.test(first.localName)) continue;
      if (charsOf(box) < maxChars && !boxes.includes(box)) boxes.push(box);
      break;
    }
  }
  return boxes;
}
