/**
 * English bylines and datelines: which lines of a Latin page name its writer or its date
 * (`By Ann Ortega · April 16, 2024`, `Posted on …`, a wire sign-off, a line in a byline element).
 */
import { EN_MONTH, EN_DATE_RE } from './walk';
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';

const BYLINE_START_RE = new RegExp(
  String.raw`^(?:(?:[Ss]tory|[Ww]ords|[Tt]ext|[Ii]nterview|[Rr]eporting|[Ww]ritten|[Pp]hotos?|[Pp]hotographs?|[Aa]nalysis)\s+)?[Bb]y\s+[A-Z]|^(?:[Pp]osted|[Pp]ublished|[Uu]pdated|[Ll]ast updated)\b` +
    // The expert who checked the text, credited as its writer is (`Medically reviewed by Ann Lee, MD`).
    String.raw`|^(?:(?:[Mm]edically|[Cc]linically|[Ll]egally)\s+)?(?:[Rr]eviewed|[Ff]act[- ][Cc]hecked)\s+by\s+[A-Z]` +
    // A page's change stamp (`Last modified May 7, 2026: <the commit's message>`), its date first.
    String.raw`|^[Ll]ast (?:modified|edited|changed|revised)(?:\s+on)?\s*:?\s*(?:${EN_MONTH}\s+\d|\d{1,2}\s+${EN_MONTH}|(?:19|20)\d{2}-\d{2})`,
);
/** `Hike description written by Ann Lee.`: a text's credit line (its kind in a word or three, then the writer). */
const WRITTEN_BY_RE =
  /^(?:[A-Z][a-z]+\s+){0,2}(?:description|guide|text|article|review|entry|profile|summary|notes?|post|report|write-?up)\s+(?:was\s+)?(?:written|compiled|prepared)\s+by\s+(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+(?:\.|$)/i;
/** A wire sign-off: `Reporting by A in X; Additional reporting by B; Editing by C`, `Writing by D`. */
const SIGN_OFF_RE = /^(?:(?:Additional )?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced) by\s+[A-Z][^;]{1,80}(?:;|$)/;
/**
 * The page's record of the article itself, in a sentence naming it: who wrote or co-wrote it, who
 * reviewed or fact-checked it, how often it was read (`This article was co-authored by Ann Lee.
 * Ann Lee is a …`, `This page has been viewed 1,204 times.`). A credit and a counter, wherever they
 * stand, not the text; a sentence about the article's subject (`This bridge was reviewed by…`) is
 * none.
 */
const ARTICLE_RECORD_RE =
  /^this (?:article|page|post|guide|entry|how-to|story) (?:was|has been|is) (?:(?:co-?authored|co-?written|written|medically reviewed|reviewed|fact[- ]checked|edited) by\b|fact[- ]checked\b|viewed [\d,.]+[km]? times\b)/i;
/** Characters such a record holds at most (a credit and a line of the writer's credentials). */
const ARTICLE_RECORD_MAX = 300;
/** Also `signature`: French newsrooms' word for the byline (`bloc_signature`: the paper, the date, `Par …`). */
const BYLINE_CLASS_RE =
  /byline|dateline|author|(?:^|[-_\s])(?:meta|post-?info|entry-?meta|article-?info|story-?meta|signature)(?:[-_\s]|$)/i;

/**
 * An English byline or dateline (`By Ann Ortega · April 16, 2024`, `Posted on May 2, 2024 by…`,
 * a line in a byline element): short, and led by `By`/`Posted`; above the text also a date with
 * few words or a line in an element named for it.
 */
export function isLatinByline(b: Block, top: boolean): boolean {
  if (b.images.length > 0) return false;
  if (b.len <= ARTICLE_RECORD_MAX && ARTICLE_RECORD_RE.test(b.text)) return true;
  // A paper's author block above the text (names, affiliations, e-mail addresses in an element
  // named for its authors) runs longer than a news byline, and is no sentence.
  if (b.len > 110) return top && b.len <= 400 && !/[.!?]["”’]?$/.test(b.text) && bylineElement(b);
  // A wire story's sign-off after its text (`Reporting by …; Editing by …`) is an in-body credit.
  if (!top && SIGN_OFF_RE.test(b.text)) return false;
  const words = b.text.split(/\s+/).length;
  // `By Monday, the council…` is a sentence: a byline is short or does not end like one.
  if (BYLINE_START_RE.test(b.text) && (words <= 8 || !/[.!?]["”’]?$/.test(b.text)) && !/^[Bb]y\s+\S+,/.test(b.text)) return true;
  // Under the text, the credit for writing it: a word or two naming the text, `written by` and a
  // name ending the sentence (`Trail description written by Ann Lee.`, sources after it). A
  // sentence going on after the name (`The report written by Ann Lee found…`) is text.
  if (!top) return words <= 30 && WRITTEN_BY_RE.test(b.text);
  if (EN_DATE_RE.test(b.text) && words <= 12) return true;
  return bylineElement(b);
}

/**
 * The block or one of its two nearest ancestors is named for a byline, an author or metadata, and
 * is a small box (not the article itself, named for its layout: `ltx_authors_1line`).
 */
function bylineElement(b: Block): boolean {
  return b.ancestors
    .slice(0, 3)
    .some(
      (a) =>
        BYLINE_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`) &&
        (a === b.el || ((a.textContent ?? '').length <= BYLINE_BOX_MAX && !holdsOtherHeading(a, b.el))),
    );
}
/** Characters of text a byline's box holds at most (names, affiliations, a date, a share row). */
const BYLINE_BOX_MAX = 1000;
/** `box` holds a heading other than `el` (or one holding it): a section or the article, not a byline box. */
function holdsOtherHeading(box: Element, el: Element): boolean {
  return Array.from(box.querySelectorAll('h1, h2, h3, h4, h5, h6')).some((h) => h !== el && !h.contains(el) && !el.contains(h));
}
