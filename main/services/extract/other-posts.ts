/**
 * A box of other people's posts on the same item, under its own heading (`More reviews of The
 * Salt Orchard`, `Other answers`, `Top reviews`): a review or answer page shows its own text and,
 * under it, the rest of the pile. The box is other people's text, not the page's.
 */
import type { Element } from '../parsed-dom';

const OTHER_POSTS_HEAD_RE =
  /^(?:more|other|all|top|recent|popular|community|readers['’]?|customer|members['’]?)\s+(?:reviews|answers|replies|ratings and reviews)(?:\s+(?:of|on|for|about|to)\s+\S.{0,100})?\s*$/i;

/** Each box whose first element is such a heading (`h2`–`h4`); not the body, main or article. */
export function otherPostsBoxes(root: Element): Element[] {
  const boxes: Element[] = [];
  for (const h of Array.from(root.querySelectorAll('h2, h3, h4'))) {
    const box = h.parentElement;
    if (!box || box.firstElementChild !== h || /^(?:body|html|main|article)$/.test(box.localName)) continue;
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length <= 140 && OTHER_POSTS_HEAD_RE.test(text)) boxes.push(box);
  }
  return boxes;
}
