/**
 * Boxes readers write in, beside an English text: a section under its own heading that holds a
 * field for the reader to type into (a `<textarea>`: ask a question, leave a comment, write a
 * review), with what readers wrote there (their questions and the answers, their posts). The box
 * is the page's conversation about the text, not the text.
 */
import type { Block } from './blocks';
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

/** A reader's words quoted whole and signed: `"Took me three hours …" — Kwame B.` (a name, an initial). */
const SIGNED_QUOTE_RE = /^["“][^"”]{20,}["”]\s*(?:[—–]|--?)\s*[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]*\.?){0,2}$/u;

/**
 * Readers' testimonials after a heading of their own (`Reader Success Stories`, `What readers say`):
 * two or more blocks, each a whole quotation signed with a dash and a reader's name, and nothing
 * else up to the next heading or the end. What readers said about the text, not the text; the
 * heading and its quotes are dropped. A quotation inside a paragraph, or one signed quote among
 * the text's own paragraphs, stays.
 */
export function dropTestimonials(body: Block[]): void {
  const heading = (b: Block): boolean => /^h[2-6]$/.test(b.el.localName);
  for (let i = 0; i < body.length; i++) {
    if (!heading(body[i]!)) continue;
    let end = i + 1;
    while (end < body.length && !heading(body[end]!) && (body[end]!.len === 0 || SIGNED_QUOTE_RE.test(body[end]!.text))) end++;
    const quotes = body.slice(i + 1, end).filter((b) => b.len > 0).length;
    if (quotes >= 2 && (end === body.length || heading(body[end]!))) body.splice(i--, end - i);
  }
}
