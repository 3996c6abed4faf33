/**
 * How sure the extractor is, and the second opinion: the confidence from general signals
 * (scoreConfidence, and latinConfidence's doubts on a Latin page), how much of our text another
 * body keeps (keptShare, paragraphGain), and the Readability referee that may replace our body.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';
import { isProse, tableRows } from './predicates';
import { normaliseText, isLatinNotice, isLatinEndLine, comparable, anyOf, isBoilerplate, isMetaLine } from './patterns';
import { isCaption, inFigure } from './captions';
import { isSpaceCode, withoutRanges, parseLightDocument } from './light-dom';
import { parseReadabilityDocument } from './readability-dom';
import { type ReadabilityClass, fastReadability } from './readability-fast';
import { Walker } from './walk';
import { isLatinByline } from './bylines';
import { isDateOnly } from '../../../shared/dates';

function inGrid(b: Block, grids: Map<Element, number>): boolean {
  return grids.size > 0 && b.ancestors.some((a) => grids.has(a));
}

/** Characters outside links in the prose-like blocks. */
export function proseChars(bs: Block[]): number {
  return bs.reduce((n, b) => n + (isProse(b) ? b.len - b.linkChars : 0), 0);
}

/**
 * A table cell that is only a link naming the row's item (a film, a place, a paper) beside a cell
 * that describes it in words of its own: the row's content, not navigation (a row of links only,
 * or a link beside a date, is).
 */
export function namedRowItem(b: Block): boolean {
  const cell = b.ancestors.slice(0, 4).find((a) => a.localName === 'td' || a.localName === 'th');
  const row = cell?.parentElement;
  if (!cell || row?.localName !== 'tr') return false;
  const table = row.parentElement?.localName === 'table' ? row.parentElement : row.parentElement?.parentElement;
  if (table?.localName === 'table' && row !== firstRow(table) && dataTable(table)) return true;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    if (c === cell) continue;
    let words = normaliseText(c.textContent ?? '').length;
    for (const a of Array.from(c.querySelectorAll('a'))) words -= normaliseText(a.textContent ?? '').length;
    if (words >= ROW_DESCRIPTION_MIN) return true;
  }
  return false;
}
const ROW_DESCRIPTION_MIN = 40;

/**
 * A data table (`Release | Date`, `App | Size | Patch size`): a header row without links over at
 * least two rows of as many short cells each, every one of those rows holding a value outside
 * links. Its link cells name the row's item (a release, a product) and are its content. Not a
 * layout table (a cell holding a table, a list, a heading or a long text) nor a grid of links only.
 */
function dataTable(table: Element): boolean {
  let v = dataTables.get(table);
  if (v === undefined) dataTables.set(table, (v = readDataTable(table)));
  return v;
}
const dataTables = new WeakMap<Element, boolean>();
const DATA_CELL_MAX = 600;

function firstRow(table: Element): Element | undefined {
  return tableRows(table)[0];
}

function readDataTable(table: Element): boolean {
  const rows = tableRows(table);
  if (rows.length < 3 || table.querySelector('table, ul, ol, h1, h2, h3, h4, h5, h6') !== null) return false;
  const cellsOf = (r: Element): Element[] => Array.from(r.children).filter((c) => c.localName === 'td' || c.localName === 'th');
  const head = cellsOf(rows[0]!);
  if (head.length < 2 || rows[0]!.querySelector('a[href]') !== null) return false;
  let linked = 0;
  for (const r of rows.slice(1)) {
    const cells = cellsOf(r);
    if (cells.length !== head.length) return false;
    let value = false;
    for (const c of cells) {
      const text = normaliseText(c.textContent ?? '');
      if (text.length > DATA_CELL_MAX) return false;
      let own = text.length;
      const links = Array.from(c.querySelectorAll('a[href]'));
      for (const a of links) own -= normaliseText(a.textContent ?? '').length;
      if (links.length > 0) linked++;
      if (own > 0) value = true;
    }
    if (!value) return false;
  }
  return linked >= 2;
}

/**
 * 0–1 from general signals: body length and punctuation density, how much of the page's prose
 * the body holds, link density, and whether a title and a metadata line were found.
 */
export function scoreConfidence(
  blocks: Block[],
  body: Block[],
  titled: boolean,
  metaLine: boolean,
  grids: Map<Element, number>,
  /** What counts as prose left outside the body (on Latin-script pages: real paragraphs only). */
  outside: (b: Block) => boolean = isProse,
): number {
  const inBody = new Set(body);
  let bodyChars = 0;
  let bodyLinks = 0;
  let bodyPunct = 0;
  let proseIn = 0;
  let proseOut = 0;
  for (const b of body) {
    bodyChars += b.len;
    bodyLinks += b.linkChars;
    bodyPunct += b.punct;
    if (isProse(b)) proseIn += b.len;
  }
  for (const b of blocks) if (!inBody.has(b) && !b.negative && outside(b) && !inGrid(b, grids)) proseOut += b.len;
  if (bodyChars === 0) return 0;
  const coverage = proseIn + proseOut > 0 ? proseIn / (proseIn + proseOut) : 0.5;
  const density = Math.min(1, (bodyPunct * 25) / bodyChars); // ~1 punctuation mark per 25 characters
  let c = 0.3 * Math.min(1, bodyChars / 250) + 0.35 * coverage + 0.1 * density + 0.1 * (1 - Math.min(1, (bodyLinks / bodyChars) * 2));
  if (titled) c += 0.08;
  if (metaLine) c += 0.07;
  return Math.max(0, Math.min(1, c));
}

/**
 * On a Latin-script page, how sure our own pass is, from the doubts that make Readability worth
 * asking (it costs several times our own pass, so it is not asked on every page): a short body,
 * a link-heavy body, much prose-looking text outside the body, or such text right beside it (a
 * section cut at a heading or an ad slot). Each doubt caps `base` below LOW_CONFIDENCE.
 */
export function latinConfidence(
  blocks: Block[],
  body: Block[],
  base: number,
  grids: Map<Element, number>,
  /** The page's stated summaries (comparable): a standfirst repeating one is not a cut paragraph. */
  standfirsts: ReadonlySet<string>,
): number {
  const inBody = new Set(body);
  let bodyProse = 0;
  let bodyChars = 0;
  let bodyLinks = 0;
  for (const b of body) {
    bodyChars += b.len;
    bodyLinks += b.linkChars;
    if (isProse(b)) bodyProse += b.len;
  }
  const first = body.find((b) => b.len > 0)?.index ?? 0;
  const last = body.at(-1)?.index ?? 0;
  let outProse = 0;
  let outNear = 0;
  for (const b of blocks) {
    if (inBody.has(b) || b.negative || !isOutsideParagraph(b, standfirsts)) continue;
    // An entry of a listing grid (a classified ad) is not a paragraph we cut.
    if (inGrid(b, grids)) continue;
    outProse += b.len;
    // Within a few blocks of the body: a section or a lead paragraph we cut off.
    if (b.index >= first - NEAR_BLOCKS && b.index <= last + NEAR_BLOCKS) outNear += b.len;
  }
  let c = base;
  if (bodyProse < 400) c = Math.min(c, 0.6);
  if (bodyChars > 0 && bodyLinks > bodyChars * 0.25) c = Math.min(c, 0.55);
  const outShare = outProse / Math.max(1, outProse + bodyProse);
  if (outShare >= 0.12) c = Math.min(c, 0.78 - 0.3 * outShare);
  if (outNear >= 250) c = Math.min(c, 0.75);
  return c;
}
const NEAR_BLOCKS = 15;

/**
 * A real paragraph left outside the body, the kind whose absence means we cut the article: long
 * and sentence-like prose in a <p> or quote, not a list item or heading (key points, lists of
 * links), not a caption or photo credit, not an author bio, a consent or paywall box, a standfirst
 * repeating the page's summary, or a wire or print credit line. Such lines sit beside nearly
 * every article and say nothing about whether ours is complete.
 */
export function isOutsideParagraph(b: Block, standfirsts: ReadonlySet<string>): boolean {
  if (!isProse(b) || (b.kind !== 'p' && b.kind !== 'blockquote')) return false;
  if (b.len < OUTSIDE_MIN_CHARS || b.text.split(/\s+/).length < OUTSIDE_MIN_WORDS) return false;
  if (!/[.!?;。！？；]["”’)]?(?:\s|$)/.test(b.text)) return false;
  if (isCaption(b) || isLatinNotice(b.text, b.linkChars > 0) || isLatinEndLine(b.text)) return false;
  if (anyOutsideChromeText(b.text)) return false;
  if (standfirsts.size > 0 && standfirsts.has(comparable(b.text))) return false;
  for (const a of b.ancestors.slice(0, 6)) {
    const name = a.localName;
    if (name === 'figcaption' || name === 'figure' || name === 'li' || name === 'aside') return false;
    if (name === 'article' || name === 'main' || name === 'body') break;
    const label = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`;
    if (label.length > 1 && classWords(label).some((w) => OUTSIDE_CHROME_WORDS.has(w))) return false;
  }
  return true;
}
export const OUTSIDE_MIN_CHARS = 80;
const OUTSIDE_MIN_WORDS = 12;

/** class/id words of boxes beside an article that hold sentences but never its text. */
const OUTSIDE_CHROME_WORDS = new Set([
  'caption',
  'captions',
  'credit',
  'credits',
  'bio',
  'bios',
  'biography',
  'author',
  'contributor',
  'consent',
  'cookie',
  'cookies',
  'gdpr',
  'onetrust',
  'cmp',
  'privacy',
  'paywall',
  'regwall',
  'subscription',
  'subscribe',
  'subscriber',
  'piano',
  'meter',
  'cta',
  'promo',
  'newsletter',
  'keypoints',
  'takeaways',
  'standfirst',
  'dek',
  'deck',
  'strapline',
  'teaser',
  'disclosure',
]);

/** Words of a class/id: split at separators and camelCase (`ArticleBio_root` → article, bio, root; `key-points` → keypoints too). */
export function classWords(label: string): string[] {
  const words = label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(words[i - 1]! + words[i]!);
  return out;
}

/** Lines beside an article that read as sentences: a cookie notice, an author bio, a wire or print credit. */
const OUTSIDE_CHROME_TEXT_RE = [
  /\bcookies?\b.{0,120}\b(?:partners|consent|personali[sz]e|privacy|your device)\b/i,
  /\b(?:store|access) (?:and access )?information on your device\b/i,
  /^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){1,3} (?:is|was|covers|writes|reports)\b.{0,160}\b(?:reporter|correspondent|writer|editor|journalist|columnist|author|contributor|critic|covers|based in)\b/u,
  /\b(?:reach|contact|email|follow) (?:him|her|them) (?:at|on)\b/i,
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b/i,
  /^a version of this (?:article|story) (?:appears|appeared) in print\b/i,
];
const anyOutsideChromeText = anyOf(OUTSIDE_CHROME_TEXT_RE);

/**
 * The share of `ours`'s characters (white space aside) that `theirs` holds too, each of its
 * characters used once (1 when `ours` has none). Characters are code points, as a string's
 * iterator gives them (a surrogate pair is one), counted by number: no string per character.
 */
export function keptShare(ours: string, theirs: string): number {
  const bag = new Int32Array(0x10000);
  const astral = new Map<number, number>();
  for (let i = 0; i < theirs.length; i++) {
    const c = theirs.codePointAt(i)!;
    if (c > 0xffff) {
      i++;
      astral.set(c, (astral.get(c) ?? 0) + 1);
    } else bag[c]!++;
  }
  let shared = 0;
  let total = 0;
  for (let i = 0; i < ours.length; i++) {
    const c = ours.codePointAt(i)!;
    if (c > 0xffff) {
      i++;
      total++;
      const n = astral.get(c) ?? 0;
      if (n > 0) {
        shared++;
        astral.set(c, n - 1);
      }
      continue;
    }
    if (isSpaceCode(c)) continue;
    total++;
    if (bag[c]! > 0) {
      shared++;
      bag[c]!--;
    }
  }
  return total === 0 ? 1 : shared / total;
}

/**
 * Readability's opinion on a page we are unsure of, read back through our own walker so its
 * blocks are filtered and rebuilt exactly as ours are. Taken only when it is more complete than
 * ours (holds most of our text and more) without more boilerplate.
 */
export function referee(
  source: string,
  /** [start, end) pairs of script and style text in `source` (light-dom.ts). */
  rawText: readonly number[],
  base: string | undefined,
  title: string,
  ours: Block[],
  /** The page's own blocks and chrome regions on a Latin-script page (null otherwise). */
  page: { blocks: Block[]; negative: Set<Element> } | null,
): { blocks: Block[]; confidence: number } | null {
  const latin = page !== null;
  let content: string | null | undefined;
  try {
    // Readability is typed against the browser DOM; it runs on readability-dom.ts's document,
    // which answers it as linkedom's would, for less. Readability removes every script but
    // JSON-LD and every style before it reads the page: their text is not parsed at all (a third
    // of a news page's bytes).
    const doc = parseReadabilityDocument(withoutRanges(source, rawText)) as unknown as ConstructorParameters<ReadabilityClass>[0];
    content = new (fastReadability())(doc, { charThreshold: 200 }).parse()?.content;
  } catch {
    return null; // the referee failing leaves our result as it is
  }
  if (!content) return null;
  // Read back through the light DOM: the tree linkedom would build from it, for less.
  const body = parseLightDocument(`<!doctype html><html><head></head><body>${content}</body></html>`).body;
  if (!body) return null;
  const walker = new Walker(base);
  walker.walk(body, 0);
  walker.flush();
  const normTitle = normaliseText(title);
  // Readability strips class names, so a byline, an author box or a newsletter box is known by
  // its twin among the page's blocks: one we dropped as chrome is not text Readability "found".
  const twins = new Map<string, Block>();
  const oursSet = new Set(ours);
  const firstProse = ours.find(isProse)?.index ?? 0;
  for (const b of page?.blocks ?? []) if (b.len > 0 && !twins.has(b.text)) twins.set(b.text, b);
  // A chrome-named region holding much of Readability's text is a layout wrapper (`#mitte_links`).
  const negOf = (b: Block): Element | undefined => b.ancestors.find((a) => page?.negative.has(a));
  const inNeg = new Map<Element, number>();
  let allChars = 0;
  for (const b of walker.blocks) {
    allChars += b.len;
    const twin = twins.get(b.text);
    const n = twin && negOf(twin);
    if (n) inNeg.set(n, (inNeg.get(n) ?? 0) + b.len);
  }
  const chrome = (twin: Block): boolean => {
    if (twin.boiler) return true;
    const n = negOf(twin);
    return n !== undefined && (inNeg.get(n) ?? 0) < allChars * 0.4;
  };
  const theirs: Block[] = [];
  for (const b of walker.blocks) {
    if (b.len > 0) {
      b.boiler = isBoilerplate(b.text);
      if (b.boiler) continue;
      const twin = twins.get(b.text);
      if (twin && !oursSet.has(twin) && (chrome(twin) || isLatinByline(twin, twin.index < firstProse))) continue;
      if (theirs.length === 0 && b.text === normTitle) continue;
      // On a Chinese page, Readability's copy may open with the side boxes' headings (their links
      // it dropped) and then the title line: what stands above the title in its copy, short lines
      // and no sentence among them, is above the article.
      if (!latin && b.text === normTitle && theirs.length > 0 && theirs.every((x) => x.len <= ABOVE_TITLE_LINE && !isProse(x))) {
        theirs.length = 0;
        continue;
      }
      // A labelled 文号 / 索引号 field is the page's metadata (its property row), not the text.
      if (!latin && DOCUMENT_NUMBER_FIELD_RE.test(b.text)) continue;
      if (isMetaLine(b.text) && !(isDateOnly(b.text) && theirs.some((x) => x.len > 0))) continue;
      if (latin && isLatinByline(b, !theirs.some(isProse))) continue;
      if (b.linkChars > b.len * 0.5 && b.punct === 0 && !(latin && namedRowItem(b))) continue;
    }
    theirs.push(b);
  }
  // A label closing the copy with nothing after it (友情链接：) labels a control, a menu or a
  // picture that is no text: it introduces nothing.
  if (!latin) {
    const last = theirs.findLastIndex((b) => b.len > 0);
    if (last >= 0 && BARE_LABEL_RE.test(theirs[last]!.text)) theirs.splice(last, 1);
  }
  const chars = (bs: Block[]) => bs.reduce((n, b) => n + b.len, 0);
  const ourChars = chars(ours);
  const theirChars = chars(theirs);
  if (theirChars === 0) return null;
  let otherPanel: ((b: Block) => boolean) | undefined;
  // How much of our text Readability also kept (character bag overlap).
  const keepsOurs = keptShare(ours.map((b) => b.text).join(''), theirs.map((b) => b.text).join(''));
  // On a Latin page a few hundred characters more is a dek, a caption or a pull quote, not a cut
  // paragraph: Readability must add at least LATIN_MIN_GAIN characters of paragraphs to win. Boxes
  // at the body's edges (key points, a pinned notice, a regwall, a bio) are bullets, headings and
  // short lines: not counted.
  if (
    theirChars > ourChars * 1.05 &&
    keepsOurs >= 0.8 &&
    (!latin ||
      paragraphGain(ours, theirs, (b) => inFigure(twins.get(b.text)) || (otherPanel ??= siblingPanels(ours, theirs, twins))(b)) >=
        LATIN_MIN_GAIN)
  )
    return { blocks: theirs, confidence: 0.6 };
  if (ourChars < 100 && theirChars >= 200) return { blocks: theirs, confidence: 0.5 };
  // On a Latin-script page where the two picked different parts of the page, the one with much
  // more prose (sentences, few links) is the article; the other is a teaser box or a list.
  if (latin && keepsOurs < 0.5) {
    const ourProse = proseChars(ours);
    const theirProse = proseChars(theirs);
    if (theirProse >= 200 && theirProse >= ourProse * 1.5) return { blocks: theirs, confidence: 0.6 };
  }
  return null;
}

/** How far up from a block its panel's box may stand (text → review → reviews → panel). */
const PANEL_DEPTH = 4;

/**
 * The box a block sits in that opens with its own heading: the nearest of its PANEL_DEPTH nearest
 * ancestors whose first element is an `h2`–`h4`, or a `header` holding one (`<section><header><h2>Data
 * safety</h2></header><p>…`). Not the article, main or body.
 */
function headedPanel(b: Block): Element | null {
  for (const a of b.ancestors.slice(0, PANEL_DEPTH)) {
    if (a === b.el) continue;
    if (/^(?:article|main|body|html)$/.test(a.localName)) return null;
    const first = a.firstElementChild;
    if (!first) continue;
    if (/^h[2-4]$/.test(first.localName)) return a;
    if (first.localName === 'header' && first.querySelector('h2, h3, h4') !== null) return a;
  }
  return null;
}

/**
 * A page of panels side by side, each opening with its own heading (an app's or product's page:
 * About, Data safety, Ratings and reviews, What's new), our text the whole of one of them: a
 * paragraph Readability adds from another panel beside ours is that panel's content (a notice, a
 * review, version notes), not a paragraph we cut — when the panel's paragraphs come to less than
 * two thirds of our prose (a text's own sections run as long as the one we kept).
 */
function siblingPanels(ours: Block[], theirs: Block[], twins: Map<string, Block>): (b: Block) => boolean {
  const never = (): boolean => false;
  let panel: Element | null | undefined;
  for (const b of ours) {
    if (b.len === 0) continue;
    const p = headedPanel(b);
    if (!p || (panel !== undefined && p !== panel)) return never;
    panel = p;
  }
  const parent = panel?.parentElement;
  if (!panel || !parent) return never;
  const ourProse = proseChars(ours);
  const byPanel = new Map<Element, number>();
  const panelOf = new Map<Block, Element>();
  for (const b of theirs) {
    const twin = twins.get(b.text);
    const p = twin ? headedPanel(twin) : null;
    if (!p || p === panel || p.parentElement !== parent) continue;
    panelOf.set(b, p);
    if (isProse(b)) byPanel.set(p, (byPanel.get(p) ?? 0) + b.len);
  }
  return (b) => {
    const p = panelOf.get(b);
    return p !== undefined && (byPanel.get(p) ?? 0) < ourProse * (2 / 3);
  };
}

/** A line above the title in Readability's copy longer than this may be a lead or a note: kept. */
const ABOVE_TITLE_LINE = 20;
const DOCUMENT_NUMBER_FIELD_RE = /^(?:文\s*号|发文字号|索\s*引\s*号)\s*[:：]\s*\S[^。；;，,]{0,40}$/;
/** A short label and its colon, nothing after it. */
const BARE_LABEL_RE = /^[\u4e00-\u9fff]{2,8}\s*[:：]$/;
const LATIN_MIN_GAIN = 200;
/** Shorter than this, an added line is a box's line (a teaser, a notice, a bio), not a cut paragraph. */
const LATIN_PARAGRAPH = 100;

/**
 * Characters of prose paragraphs in `theirs` that `ours` lacks (repeated blocks counted each time),
 * captions not counted. A paragraph we cut lies by our text; one set apart from it by a long run
 * of short lines that are neither ours nor paragraphs (a listing's facts, prices and tables between
 * its description and a legal notice at the page's foot) belongs to another part of the page: not counted.
 */
export function paragraphGain(ours: Block[], theirs: Block[], caption: (b: Block) => boolean): number {
  const have = new Map<string, number>();
  for (const b of ours) have.set(b.text, (have.get(b.text) ?? 0) + 1);
  const shared: boolean[] = [];
  for (const b of theirs) {
    const n = have.get(b.text) ?? 0;
    if (n > 0) have.set(b.text, n - 1);
    shared.push(n > 0);
  }
  const paragraph = (b: Block): boolean => (b.kind === 'p' || b.kind === 'blockquote') && b.len >= LATIN_PARAGRAPH && isProse(b);
  // Lines of theirs, each way, before one that is ours or a paragraph.
  const apart = (i: number, step: number): number => {
    let run = 0;
    for (let j = i + step; j >= 0 && j < theirs.length; j += step) {
      const x = theirs[j]!;
      if (shared[j] || paragraph(x)) return run;
      if (x.len > 0) run++;
    }
    return Infinity;
  };
  let gain = 0;
  for (let i = 0; i < theirs.length; i++) {
    const b = theirs[i]!;
    if (shared[i] || !paragraph(b) || caption(b)) continue;
    if (Math.min(apart(i, -1), apart(i, 1)) >= FAR_LINES) continue;
    gain += b.len;
  }
  return gain;
}
/** A run of this many short non-prose lines sets a paragraph apart from our text. */
const FAR_LINES = 25;
