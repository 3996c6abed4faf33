/**
 * English end matter: what a page prints after a text's last words that is about the text, not of
 * it — the list of those who signed a letter, a reprint's permissions credit — and around it: the
 * boxes beside a text that describe the book or the people behind it (a blurb, a bio), and a
 * chapter's number printed over its title (the chapter's own head, kept).
 */
import type { Block } from './blocks';
import { isProse } from './predicates';
import type { Element } from '../parsed-dom';

/** A letter's close: `Yours sincerely,`, `Sincerely,`, `Kind regards,`, `The undersigned`. */
const VALEDICTION_RE =
  /^(?:yours (?:sincerely|faithfully|truly|respectfully)|(?:very )?(?:sincerely|respectfully|faithfully)(?: yours)?|(?:with )?(?:kind|best|warm(?:est)?) (?:regards|wishes)|in solidarity|signed|the undersigned)\s*[,.:]?$/i;

/** A heading over the names of those who signed: `Signatories`, `Initial signatories`, `Signed by`, `Co-signers`. */
const SIGNATORIES_RE =
  /^(?:(?:initial|first|original|founding|other|additional|full list of|list of) )?(?:co-?)?(?:signatories|signers|signatures)(?: to (?:date|this letter))?\s*:?$|^(?:co-?)?signed by\s*:?$/i;

function headingRank(b: Block): number {
  return /^h[2-6]$/.test(b.el.localName) ? Number(b.el.localName[1]) : 0;
}

/**
 * A letter's list of signatories: after the letter's close (a valediction line), a section headed
 * as the names of those who signed, each name with a role or a body, and a reply address or a
 * note under it — from its heading to the next heading of its rank or above. The names are the
 * letter's credits, not its words. A section so named in a text that is no letter (no close before
 * it: an article about who signed a treaty) stays.
 */
export function dropSignatories(body: Block[]): void {
  let closed = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.len === 0) continue;
    if (!closed) {
      closed = b.len <= 40 && VALEDICTION_RE.test(b.text);
      continue;
    }
    const rank = headingRank(b);
    if (rank === 0 || !SIGNATORIES_RE.test(b.text)) continue;
    let j = i + 1;
    while (j < body.length && !(headingRank(body[j]!) > 0 && headingRank(body[j]!) <= rank)) j++;
    body.splice(i, j - i);
    return;
  }
}

/**
 * A reprint's permissions credit under an excerpt: `Excerpted from <book> by <author>. Copyright ©
 * … Reprinted by permission of …`. It opens by saying the text is taken from another work and
 * names a copyright or a permission: the publisher's line about the text, like a licence footer.
 */
export function isPermissionsCredit(text: string): boolean {
  return (
    text.length <= 600 &&
    /^(?:excerpted|extracted|reprinted|adapted|reproduced|taken) (?:with permission )?from\b/i.test(text) &&
    /(?:\bcopyright\b|©|\bby (?:kind )?permission\b|\bwith (?:the )?permission\b|\ball rights reserved\b)/i.test(text)
  );
}

/** A box's heading saying what it describes: the book, its author or the publisher, not the text. */
const ABOUT_HEADING_RE =
  /^about (?:the|this|our) (?:book|novel|title|collection|anthology|authors?|writers?|illustrators?|translators?|editors?|publishers?|press)\s*:?$|^about us\s*:?$/i;
/**
 * Boxes headed as a description of the book or the people behind it (`About the Book` over a
 * publisher's blurb, `About the Author` over a bio): the heading is the box's first element.
 * Sentences beside a text that are never its text, nor a paragraph an extractor cut from it.
 * `About the data` (a story's method section) names no book or person and is no such box.
 */
export function aboutBoxes(root: Element): Element[] {
  const boxes: Element[] = [];
  for (const h of Array.from(root.querySelectorAll('h2, h3, h4'))) {
    const box = h.parentElement;
    if (!box || box.firstElementChild !== h || /^(?:article|main|body|html)$/.test(box.localName)) continue;
    if (ABOUT_HEADING_RE.test((h.textContent ?? '').replace(/\s+/g, ' ').trim())) boxes.push(box);
  }
  return boxes;
}

/** A chapter's number as printed over its title: `One`, `Twelve`, `XIV`, `7`, `Chapter Three`, `Part II`. */
const CHAPTER_NUMBER_RE =
  /^(?:(?:chapter|part|book) )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|[ivxlc]{1,7}|\d{1,3})\.?$/i;

/**
 * A chapter's number over its title heading at the head of a text (`One` over `Frost in April`): the
 * chapter's own head, printed with it, not a kicker above the text (a kicker stands over prose).
 */
export function chapterNumberOverTitle(b: Block, next: Block | undefined): boolean {
  return b.len <= 20 && CHAPTER_NUMBER_RE.test(b.text) && next !== undefined && /^h[2-6]$/.test(next.el.localName);
}

/** An inline element that can be a field's run-in label. */
const RUN_IN_LABEL_TAGS = new Set(['span', 'b', 'strong', 'em', 'label']);
/** A record's fields: at least this many, each named differently. */
const RECORD_FIELDS_MIN = 4;

/** The class of the run-in label that opens `box` (its first child, an inline element with a class), or null. */
function runInLabel(box: Element): { cls: string; label: string; rest: boolean } | null {
  if (!/^(?:div|section|td)$/.test(box.localName)) return null;
  // A box that is (in) an item of a list is one of the list's items, not a record's field: a
  // how-to's numbered steps each open with a bold lead sentence of their own.
  if (box.parentElement?.localName === 'li' || box.parentElement?.parentElement?.localName === 'li') return null;
  const first = box.firstElementChild;
  if (!first || !RUN_IN_LABEL_TAGS.has(first.localName)) return null;
  const cls = (first.getAttribute('class') ?? '').trim();
  if (!cls) return null;
  // Only white space before the label: it opens the box.
  for (let n = box.firstChild; n && n !== first; n = n.nextSibling) if (n.nodeType === 3 && (n.textContent ?? '').trim()) return null;
  const label = (first.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!label || label.length > 40 || label.split(' ').length > 6) return null;
  const all = (box.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { cls, label, rest: all.length > label.length + 1 };
}

/**
 * A record's labelled fields after its text (a register's entry on a monument, a plaque or a
 * building: `Erected 1974 by …`, `Location. …`, `Credits. This page was last revised …`): boxes
 * that open with a run-in label of one class, RECORD_FIELDS_MIN or more of them with words after
 * the label, every label different, no paragraph (`<p>`) in any. They describe the record; the text
 * is the paragraphs beside them. A box of that class holding only its label (the text's own
 * `Inscription.` label) goes with them. Not when the text has fewer than two paragraphs outside
 * them (a page made of such boxes), nor when labels repeat (a Q&A's `Q:`/`A:`, an interview's names),
 * nor for boxes in the items of a list (a how-to's steps, each opening with its bold lead sentence).
 */
export function dropRecordFields(body: Block[]): void {
  const boxOf = new Map<Block, Element>();
  const byClass = new Map<string, { labels: string[]; boxes: Set<Element> }>();
  for (const b of body) {
    for (const a of b.ancestors.slice(0, 3)) {
      const l = runInLabel(a);
      if (!l) continue;
      boxOf.set(b, a);
      let g = byClass.get(l.cls);
      if (!g) byClass.set(l.cls, (g = { labels: [], boxes: new Set() }));
      if (!g.boxes.has(a)) {
        g.boxes.add(a);
        if (l.rest) g.labels.push(l.label.toLowerCase());
      }
      break;
    }
  }
  if (boxOf.size === 0) return;
  const fields = new Set<Element>();
  for (const g of byClass.values()) {
    if (g.labels.length < RECORD_FIELDS_MIN || new Set(g.labels).size < g.labels.length) continue;
    if (Array.from(g.boxes).some((box) => box.querySelector('p') !== null)) continue;
    for (const box of g.boxes) fields.add(box);
  }
  if (fields.size === 0) return;
  const inField = (b: Block): boolean => b.ancestors.some((a) => fields.has(a));
  const paragraphs = body.filter((b) => b.el.localName === 'p' && b.len >= 80 && !inField(b)).length;
  if (paragraphs < 2) return;
  for (let i = body.length - 1; i >= 0; i--) if (inField(body[i]!)) body.splice(i, 1);
}

/** `About Northvale Robotics`: a label naming an organisation (capitalised words, no sentence). */
const ABOUT_NAME_RE = /^About ((?:[A-Z0-9][\p{L}\p{N}&.'’-]*)(?:,? (?:[A-Z0-9&][\p{L}\p{N}&.'’-]*|of|and|for|the)){0,6})\s*:?$/u;

/**
 * An issuer's boilerplate closing a press release: a label `About <Name>` over a paragraph that
 * opens with that same name (`Northvale Robotics designs …`), after the text's last paragraph and
 * before nothing but contact and source lines. It describes the company, not the news; dropped,
 * each such pair (a joint release closes with one per company). A section of the text headed
 * `About the river` opens with other words and stays.
 */
export function dropIssuerBoilerplate(body: Block[]): void {
  for (let i = body.length - 1; i >= 2; i--) {
    const b = body[i]!;
    if (b.len === 0) continue;
    const name = ABOUT_NAME_RE.exec(body[i - 1]!.text)?.[1];
    if (name && b.text.startsWith(`${name} `) && isProse(b) && body.slice(0, i - 1).some(isProse)) {
      body.splice(i - 1, 2);
      i--;
      continue;
    }
    if (isProse(b)) break;
  }
}
