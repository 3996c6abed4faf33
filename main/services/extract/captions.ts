/**
 * Captions, credits and figures: which blocks are a picture's caption or credit (isCaption,
 * numbered figure and table labels, chart and figure boxes, titles set in a figure), on Latin and
 * Chinese pages (dropCaptions, lines under a picture), and pictures kept without their words.
 */
import type { Block } from './blocks';
import { escapeHtml } from '../../../shared/html-policy';
import { normaliseText, INK_RE, countChars, countPunct } from './patterns';
import type { Element } from '../parsed-dom';
import { type ClassRule, classProperty } from './class-rules';
import { isProse } from './predicates';

const LATIN_CAPTION_CLASS_RE = /(?:^|[-_\s])(?:caption|captions|credits?|image-?credit|photo-?credit|copyright)(?:[-_\s]|$)/i;

/** The block's pictures without its words (a figure's credit written beside its image). */
export function picturesOnly(b: Block): Block {
  const html = b.images.map((im) => `<img src="${escapeHtml(im.src)}"${im.alt ? ` alt="${escapeHtml(im.alt)}"` : ''}>`).join('');
  return { ...b, text: '', spaced: '', raw: '', plain: '', rawHtml: html, tidied: null, len: 0, linkChars: 0, punct: 0 };
}

const EMBED_CLASS_RE = /tweet|instagram|tiktok|bluesky|mastodon|social-?embed|embed-?(?:twitter|x|social|post)/i;

/** Text of an embedded social post: a blockquote named for one, or signed `— Name (@handle) date`. */
export function isEmbeddedPost(b: Block): boolean {
  for (const a of b.ancestors.slice(0, 4)) {
    if (a.localName !== 'blockquote') continue;
    if (EMBED_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`)) return true;
    return /[—–-]\s*[^\n()]{1,60}\(@\w{1,30}\)/.test(a.textContent ?? '');
  }
  return false;
}

/** A photo credit closing a line: `Photograph: Hannah Lowe`, `Picture by Mercury Photography`, `(Image: Northern Star)`. */
const CREDIT_END_RE =
  /(?:^|[.!?)]\s+|\(|[-–—|]\s*)(?:Photo(?:graph(?:ed)?)?s?|Pictures?|Images?|Illustrations?|Credit)(?:\s+[Bb]y)?\s*:?\s+[A-Z][^.!?]{1,60}\)?$/;

/**
 * A caption or photo credit outside a <figcaption>: a credit written beside a picture in a figure
 * (`<span class="copyright">`), a block named a caption that is only a credit or ends in one, any
 * short line ending in a photo credit, any line closed by a bracketed credit. A figcaption stays
 * unless so closed: it is the page's own marked caption (Readability and our own fixtures keep it),
 * and so does a caption-named block of plain prose.
 * Quotes, headings, list items, code and tables are never one.
 */
export function isCaption(b: Block): boolean {
  // A table's own caption (`Table 1. …`) names the table; the table's rows are the text.
  if (b.el.localName === 'caption') return b.len <= 250;
  if (b.len > 250 || b.kind !== 'p' || /^(?:pre|td|th)$/.test(b.el.localName)) return false;
  // The source line of a table or chart in a figure: `Source: Authors' survey, 2026.`
  const source = SOURCE_LABEL_RE.test(b.text);
  const creditOnly = b.len <= 60 && b.text.split(/\s+/).length <= 6 && !/[.!?]["”’]?$/.test(b.text);
  // `… [Photo by Duan Hua/For Daily East]`, `… (Newswire East/Xiao Yijiu)`: a caption by its credit, figcaption or not.
  const credit = BRACKET_CREDIT_RE.exec(b.text);
  // A caption with its credit: words before the bracket (a credit alone may be a gallery's line).
  const bracketed = credit !== null && credit.index >= 20;
  if (numberedCaption(b) || (b.len <= 120 && creditFollows(b.el))) return true;
  for (const a of b.ancestors.slice(0, 4)) {
    const name = a.localName;
    if (name === 'figcaption')
      return (
        bracketed ||
        colonCredit(b.text) ||
        source ||
        SOURCE_END_RE.test(b.text) ||
        FIGCAPTION_CREDIT_RE.test(b.text) ||
        // `… new tank. Photo: Agency/Name`: closed by a credit without a stop, as outside one.
        CREDIT_END_RE.test(b.text) ||
        // `Wirefoto / Ann Lee`: only a source and a person's name parted by a slash, the picture's credit.
        SLASH_CREDIT_RE.test(b.text) ||
        heldCredit(b.el, b.text)
      );
    if (name === 'blockquote' || name === 'pre' || name === 'table') return false;
    if (name === 'figure')
      return (creditOnly || bracketed || source) && a.querySelector('img, picture, video, svg, canvas, table') !== null;
    if (LATIN_CAPTION_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`))
      return creditOnly || bracketed || CREDIT_END_RE.test(b.text);
  }
  return bracketed || CREDIT_END_RE.test(b.text);
}

/** A credit alone: an agency or site (one to four capitalised words), a spaced slash, a person's name (two to four). */
const SLASH_CREDIT_RE = /^[A-Z][\p{L}\p{N}&.'’-]*(?: [A-Z][\p{L}\p{N}&.'’-]*){0,3} \/ [A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]*){1,3}$/u;
const SOURCE_LABEL_RE = /^(?:sources?|data|data sources?)\s*:\s*\S/i;

/**
 * A short line set just above a picture's credit in the picture's own small box (`<div><img><div>3.
 * The mill from the bridge</div><div>Photographed by …</div></div>`): the picture's caption, named
 * or not. The box holds one picture and a few lines; the credit is a credit line or named one.
 */
function creditFollows(el: Element): boolean {
  const next = el.nextElementSibling;
  const box = el.parentElement;
  // The cheap tests first: this is asked of every short line of the page.
  if (!next || !box || next.firstElementChild?.nextElementSibling || box.children.length > 4) return false;
  const t = normaliseText(next.textContent ?? '');
  if (t.length === 0 || t.length > 100 || !(CREDIT_END_RE.test(t) || CREDIT_CLASS_RE.test(next.getAttribute('class') ?? ''))) return false;
  return box.querySelectorAll('img').length === 1;
}

/** A numbered figure or table label as papers print it: `Table 1.`, `Figure 2:`, `Fig. 3`, `Table S1`. */
const NUMBERED_LABEL = String.raw`(?:Table|Figure|Fig\.?|Chart|Exhibit|Scheme|Supplementary (?:Table|Figure))\s?[A-Z]?\d{1,3}[a-z]?(?:\.\d{1,2})?`;
/** The label closed by a stop or colon, words after it: a numbered caption. */
const NUMBERED_CAPTION_RE = new RegExp(String.raw`^${NUMBERED_LABEL}\s*[.:|—–-]\s*\S`);
/** The label alone on its line. */
const LABEL_ONLY_RE = new RegExp(String.raw`^${NUMBERED_LABEL}\s*[.:]?$`);
const FIGURE_CONTENT = 'img, picture, video, svg, canvas, iframe, table';

/**
 * A numbered figure's or table's caption (a paper's `Table 1: Probe accuracy by target.`, or the
 * caption under a `Table 1.` label of its own): it names the figure, it is not the text. Only in a
 * caption element or one named a caption; a sentence citing `Table 1` stays.
 */
function numberedCaption(b: Block): boolean {
  for (const a of b.ancestors.slice(0, 3)) {
    const named = a.localName === 'figcaption' || a.localName === 'caption' || LATIN_CAPTION_CLASS_RE.test(a.getAttribute('class') ?? '');
    if (!named) continue;
    if (NUMBERED_CAPTION_RE.test(b.text)) return true;
    // The label set before the caption (just before it, or first in the box it shares with the figure).
    const box = a.parentElement;
    if (!box || box.querySelector(FIGURE_CONTENT) === null) return false;
    return [a.previousElementSibling, box.firstElementChild].some(
      (l) => l && l !== a && LABEL_ONLY_RE.test(normaliseText(l.textContent ?? '')),
    );
  }
  return false;
}

/** A figure's or table's number as a line of its own (`Table 1.` above the table, in its box). */
export function numberedFigureLabel(b: Block): boolean {
  if (b.len > 30 || b.linkChars > 0 || !LABEL_ONLY_RE.test(b.text)) return false;
  const box = b.el.parentElement;
  return !!box && box.querySelector(FIGURE_CONTENT) !== null;
}
/** A chart's caption closed by its source (`Cargo by month, tonnes. Source: Port office`), the label glued or not. */
const SOURCE_END_RE = /(?:^|[\s.,;)\p{Ll}\d])(?:Sources?|Data|Data sources?)\s*:\s*[^:.!?]{2,80}\.?$/u;

/**
 * A figcaption closed by a credit sentence of its own (`… on a wet morning. Photo by the author.`,
 * `… Image courtesy of the museum.`): the sentence form CREDIT_END_RE leaves out (a full stop, a
 * lower-case credit).
 */
const FIGCAPTION_CREDIT_RE =
  /(?:^|[.!?)]\s+)(?:Photo(?:graph)?s?|Pictures?|Images?|Illustrations?|Credit)(?:\s+(?:by|courtesy(?:\s+of)?|via)\s+|\s*:\s*)(?:the\s+)?[\p{L}][^.!?]{1,60}\.$/u;

const CREDIT_CLASS_RE = /(?:^|[-_\s])(?:credits?|image-?credit|photo-?credit|copyright)(?:[-_\s]|$)/i;
/** Inside a figcaption, an element named for the picture's source (`image-source`, `caption-source`) is its credit too. */
const CAPTION_SOURCE_CLASS_RE = /(?:^|[-_\s])(?:(?:image|photo|picture|caption)-?sources?|sources?-?caption)(?:[-_\s]|$)/i;

/**
 * A caption line that holds an element named as a credit besides its words (`<span class="…credit">`
 * inline after the caption's `<span>`, read as one line: `…a millet drink.Jo Marren`): a caption
 * with its credit. A caption set as a block of its own beside the credit's block stays (the page's
 * marked caption, as Readability keeps it); the credit's own line goes by the credit rules.
 */
function heldCredit(line: Element, text: string): boolean {
  for (const el of Array.from(line.querySelectorAll('[class]'))) {
    const cls = el.getAttribute('class') ?? '';
    if (!CREDIT_CLASS_RE.test(cls) && !CAPTION_SOURCE_CLASS_RE.test(cls)) continue;
    const own = normaliseText(el.textContent ?? '');
    if (own && own.length < text.length) return true;
  }
  return false;
}

/**
 * A figure set in a box named for one (`<div class="figure">`, not a `<figure>` element) beside its
 * picture: its download links (`Download:`, `PNG larger image`), its numbered title
 * (`Fig 2. Rainfall by month.`) and the legend under that title. The figure's, not the text.
 */
export function figureBoxLine(b: Block): boolean {
  if (b.len > 400 || b.images.length > 0) return false;
  const box = b.ancestors.slice(1, 4).find((a) => a.localName === 'figure' || FIGURE_BOX_CLASS_RE.test(a.getAttribute('class') ?? ''));
  if (!box || box.querySelector('img, picture, svg, canvas') === null) return false;
  if (DOWNLOAD_LABEL_RE.test(b.text) || (b.len <= 40 && FILE_FORMAT_LINK_RE.test(b.text) && b.linkChars > 0)) return true;
  if (b.kind !== 'p') return false;
  if (NUMBERED_CAPTION_RE.test(b.text)) return true;
  // The legend: a paragraph after the numbered title, in the same box.
  for (let prev = b.el.previousElementSibling; prev; prev = prev.previousElementSibling)
    if (NUMBERED_CAPTION_RE.test(normaliseText(prev.textContent ?? ''))) return box.contains(prev);
  return false;
}
const FIGURE_BOX_CLASS_RE = /(?:^|\s)(?:fig|figure)(?:\s|$)/i;
const DOWNLOAD_LABEL_RE = /^download(?:s| figure| image)?\s*:?$/i;
/** A download link named by its file format (`PPT PowerPoint slide`, `TIFF original image`). */
const FILE_FORMAT_LINK_RE = /^(?:pptx?|png|tiff?|jpe?g|gif|pdf|svg|eps|csv|xlsx?)\b/i;

/**
 * A line in a `<figure>` whose picture is a drawn chart (an `<svg>` with its own tick and value
 * labels): the chart's title, subtitle, its data again as a table for screen readers, its note and
 * its source line are the chart's furniture, as a photo's caption is, not the article's text.
 */
export function chartFigureLine(b: Block): boolean {
  const figure = b.ancestors.slice(1, 6).find((a) => a.localName === 'figure');
  if (!figure) return false;
  let chart = CHART_FIGURES.get(figure);
  if (chart === undefined) {
    chart = Array.from(figure.querySelectorAll('svg')).some((svg) => svg.querySelectorAll('text').length >= CHART_MIN_SVG_LABELS);
    CHART_FIGURES.set(figure, chart);
  }
  return chart;
}
const CHART_FIGURES = new WeakMap<Element, boolean>();
const CHART_MIN_SVG_LABELS = 4;

/** A title set in a figure above its picture or chart (`<figure><h3>Boxing in</h3><img>`): the figure's, not a subheading. */
export function figureTitle(b: Block): boolean {
  if (b.len > 120 || !/^h[2-6]$/.test(b.el.localName)) return false;
  const figure = b.ancestors.slice(1, 4).find((a) => a.localName === 'figure');
  return figure !== undefined && figure.querySelector('img, picture, video, svg, canvas, table') !== null;
}

/**
 * A caption closed by its credit in brackets as source and name (`… near the weir last week.
 * (Harbour News: Ines Varo)`, `…(Supplied: Kim Lau)`): in a figcaption only, after words of its own.
 */
function colonCredit(text: string): boolean {
  const m = COLON_CREDIT_RE.exec(text);
  return m !== null && m.index >= 20;
}
const COLON_CREDIT_RE = /\((?:[A-Z][\p{L}\d.&'’-]*\s?){1,4}:\s*[A-Z][\p{L}'’.-]*(?:\s[A-Z][\p{L}'’.-]*){0,3}\)$/u;

/** A photo credit in brackets closing a caption: `[Photo/Dongfang Images]`, `(Cover image via VCG)`, `(Agency/Name)`. */
// Also an agency's name before its picture word (`(Acme Images)`, `[Wire Photo]`) and a video's
// credit (`(Video: Channel 9)`).
const BRACKET_CREDIT_RE =
  /[[(](?:(?:[Cc]over |[Mm]ain |[Tt]op |[Ff]ile )?(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage|PHOTO|IMAGE)s?\b[^\][()]{0,60}|[A-Z][\w.&' -]{0,30}\w\/[A-Z][^\][()/]{1,40}|[A-Z][\w.&'-]{0,20}(?: [A-Z][\w.&'-]{0,20}){0,2} (?:Images|Photos?|Pictures)|(?:Video|VIDEO)(?: by|:) [^\][()]{1,60})[\])]$/;

/** A counter set in a caption (`3 / 8`, `3 of 8`): the picture's place in the set. */
const CAPTION_COUNTER_RE = /^\d{1,3}\s*(?:\/|of)\s*\d{1,3}$/i;
/** A photo essay: this many captioned figures in a row, at least. */
const STORY_FIGURES = 4;
/** Each caption's own words, at least this long and ending a sentence. */
const STORY_CAPTION_MIN = 80;

/** A caption's words: its text without the elements named as its credit or holding its counter, nor a closing credit. */
function captionWords(caption: Element): string {
  let out = '';
  const visit = (el: Element): void => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) out += (n as unknown as { data: string }).data;
      else if (n.nodeType === 1) {
        const e = n as Element;
        const cls = e.getAttribute('class') ?? '';
        if (cls && (CREDIT_CLASS_RE.test(cls) || CAPTION_SOURCE_CLASS_RE.test(cls))) continue;
        if (CAPTION_COUNTER_RE.test(normaliseText(e.textContent ?? ''))) continue;
        out += ' ';
        visit(e);
        out += ' ';
      }
    }
  };
  visit(caption);
  const text = normaliseText(out);
  const credit = CREDIT_END_RE.exec(text);
  return credit ? normaliseText(text.slice(0, credit.index + (/^[.!?)]/.test(credit[0]) ? 1 : 0))) : text;
}

/**
 * A photo essay told in its captions: STORY_FIGURES or more figures side by side, each captioned
 * in sentences of its own (STORY_CAPTION_MIN characters once its credit and counter are set
 * aside), the captions together longer than the rest of the text's prose. There the captions are
 * what the reader reads: their words are the text, their credits and counters are not. Elsewhere a
 * captioned figure stays a figure (its caption goes by isCaption). Returns each such caption
 * block's new words, by its element.
 */
export function storyCaptions(body: Block[]): Map<Element, string> {
  const out = new Map<Element, string>();
  const rows = new Set<Element>();
  for (const b of body) {
    const cap = b.ancestors.slice(0, 4).find((a) => a.localName === 'figcaption');
    const row = cap?.parentElement?.localName === 'figure' ? cap.parentElement.parentElement : null;
    if (row) rows.add(row);
  }
  for (const row of rows) {
    const words = new Map<Element, string>();
    let figures = 0;
    for (let f = row.firstElementChild; f; f = f.nextElementSibling) {
      if (f.localName !== 'figure') continue;
      figures++;
      const cap = Array.from(f.children).find((c) => c.localName === 'figcaption');
      const text = cap ? captionWords(cap) : '';
      if (cap && text.length >= STORY_CAPTION_MIN && /[.!?]["”’]?$/.test(text)) words.set(cap, text);
    }
    if (words.size < STORY_FIGURES || words.size < figures * 0.75) continue;
    let captions = 0;
    for (const w of words.values()) captions += w.length;
    let prose = 0;
    for (const b of body) if (isProse(b) && !b.ancestors.some((a) => a === row)) prose += b.len;
    if (captions <= prose) continue;
    for (const [cap, w] of words) out.set(cap, w);
  }
  return out;
}

/** The caption block `b` as `words` alone (storyCaptions): its credit and counter set aside. */
export function captionAsText(b: Block, words: string): Block {
  return {
    ...b,
    text: words,
    spaced: words,
    raw: words,
    plain: words,
    rawHtml: escapeHtml(words),
    tidied: null,
    len: countChars(words),
    linkChars: 0,
    punct: countPunct(words),
    images: [],
  };
}

/** A caption: the page's own block sits in a figure (Readability keeps a gallery's captions as paragraphs). */
export function inFigure(b: Block | undefined): boolean {
  return b !== undefined && b.ancestors.some((a) => a.localName === 'figure' || a.localName === 'figcaption');
}

const CAPTION_CLASS_RE = /caption|desc|pic-?txt|pictext|img-?txt|img-?title|pic-?title|photo-?title|tuzhu|tupian-?sm|pic-?note/i;

/**
 * A picture's caption right under it (运动会开幕式现场, 某小区改造后的外立面（3月10日摄）。新华社记者
 * 陈明 摄, 图为会议现场。) is not article text: known by its element (figcaption, a caption class),
 * by a photo credit, or by 图为; a centred line alone is not enough (a centred subheading).
 */
export function dropCaptions(body: Block[], slides: readonly Element[] = [], sheets?: () => Map<string, ClassRule[]>): void {
  // A page told by its pictures (a 图解 of five panels under one paragraph): the lines under them
  // are its text, however they are set; only a caption's own name or credit marks one there.
  const pictures = body.filter((x) => x.images.length > 0).length;
  const toldByPictures = pictures >= 3 && pictures > body.filter(isProse).length;
  if (!toldByPictures) dropTitlesAbovePictures(body);
  for (let i = body.length - 1; i >= 1; i--) {
    const b = body[i]!;
    const prev = body[i - 1]!;
    if (b.len === 0 || b.len > 80 || b.images.length > 0 || b.punct > 3) continue;
    const kept = prev.len === 0 && prev.images.length > 0;
    // A picture the body does not keep (a saved page's `data:` image) is still one: the element
    // right before the line holds only it. Then only a caption's name, credit or 图为 tells.
    if (!kept && !pictureOnly(b.el.previousElementSibling)) continue;
    if (slides.some((list) => b.ancestors.includes(list))) continue;
    const named = b.ancestors
      .slice(0, 2)
      .some((a) => a.localName === 'figcaption' || CAPTION_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`));
    const credit =
      /(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,8})*\s*摄\s*[)）]?$|[（(]\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*摄\s*[)）]|(?:供图|图片来源\s*[:：].{1,20})$/.test(
        b.text,
      );
    if (
      named ||
      credit ||
      /^图为/.test(b.text) ||
      (kept && lineUnderPicture(b, prev)) ||
      (kept &&
        !toldByPictures &&
        mutedLine(
          b,
          body.slice(i + 1).find((x) => x.len > 0),
          sheets?.(),
        ))
    )
      body.splice(i, 1);
  }
}

/**
 * A picture's title set above it in a box of the two alone (`<div><div>某区位置示意图</div><img></div>`):
 * the picture's caption, not a subheading. Only a short line, no sentence and no section number,
 * whose box holds no other words, and only where the body has text outside that box.
 */
function dropTitlesAbovePictures(body: Block[]): void {
  for (let i = body.length - 2; i >= 0; i--) {
    const b = body[i]!;
    const picture = body[i + 1]!;
    if (b.len === 0 || b.len > 40 || b.images.length > 0 || picture.len > 0 || picture.images.length === 0) continue;
    if (/[。！？；!?;]/.test(b.text) || SECTION_NUMBER_RE.test(b.text)) continue;
    const box = b.ancestors.slice(1, 4).find((a) => a.contains(picture.el));
    if (!box || normaliseText(box.textContent ?? '').replace(/\s+/g, '') !== b.text.replace(/\s+/g, '')) continue;
    if (!body.some((x) => x.len > 0 && x !== b && !box.contains(x.el))) continue;
    body.splice(i, 1);
  }
}
const SECTION_NUMBER_RE =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节部分])/;

/** An element that holds a picture and no text (`<p><img src="data:…"></p>`). */
function pictureOnly(el: Element | null): boolean {
  if (!el || (el.localName !== 'img' && el.querySelector('img') === null)) return false;
  return !INK_RE.test(el.textContent ?? '');
}

/**
 * Words set on the line under a picture in a paragraph of the two alone (`<p><img><br>…</p>`):
 * its caption when short and no sentence, nor a numbered section head (一、…, （二）…, 3. …). A
 * paragraph that goes on after the line (links, more text) is no picture's caption box.
 */
function lineUnderPicture(b: Block, picture: Block): boolean {
  return (
    b.el === picture.el &&
    b.len <= 40 &&
    (b.el.textContent ?? '').replace(/\s+/g, '') === b.text.replace(/\s+/g, '') &&
    !/[。！？；!?;]/.test(b.text) &&
    !/^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节部分])/.test(
      b.text,
    )
  );
}

const HEX_COLOUR_RE = /(?:^|[;\s])color\s*:\s*#([0-9a-f]{3}|[0-9a-f]{6})\b/i;
const RGB_COLOUR_RE = /(?:^|[;\s])color\s*:\s*rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/i;
const NAMED_GREY_RE = /(?:^|[;\s])color\s*:\s*(?:gr[ae]y|darkgr[ae]y|silver)\b/i;

/** A colour declaration's value as [r, g, b] (`color:#999`, `color: rgb(160,160,160)`, `color:grey`). */
function declaredColour(style: string): number[] | null {
  const hex = HEX_COLOUR_RE.exec(style);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c) : [hex[1]!.slice(0, 2), hex[1]!.slice(2, 4), hex[1]!.slice(4)];
    return h.map((x) => parseInt(x, 16));
  }
  const rgb = RGB_COLOUR_RE.exec(style);
  if (rgb) return [rgb[1]!, rgb[2]!, rgb[3]!].map(Number);
  if (NAMED_GREY_RE.test(style)) return [0x99, 0x99, 0x99];
  return null;
}

/** A rule's `color` declaration (not `background-color`), the whole declaration in the match. */
const COLOUR_DECLARATION_RE = /(?:^|[;\s])color\s*:[^;}]*/i;

/**
 * The text colour a block's own or its wrapper's inline style sets, as [r, g, b]; null when none.
 * With the page's class rules, a class's colour counts where no inline style sets one (a caption
 * class the page's style sheet sets grey: `.pic-note{color:#666}`).
 */
function styleColour(b: Block, rules?: Map<string, ClassRule[]>): number[] | null {
  for (const el of [...lineWrappers(b.el), b.el, ...b.ancestors.slice(0, 2)]) {
    const style = el.getAttribute('style');
    if (style && /color/i.test(style)) {
      const c = declaredColour(style);
      if (c) return c;
    }
    if (!rules || rules.size === 0) continue;
    const cls = el.getAttribute('class');
    if (!cls) continue;
    let best: { match: RegExpExecArray; order: number } | undefined;
    for (const name of cls.split(/\s+/)) {
      const at = name ? classProperty(rules, name, COLOUR_DECLARATION_RE) : undefined;
      if (at && (!best || at.order > best.order)) best = at;
    }
    const c = best ? declaredColour(best.match[0]) : null;
    if (c) return c;
  }
  return null;
}

/**
 * The inline elements that each wrap all of a line's text (`<p><span style="color:#888">…</span></p>`),
 * innermost first: their style is the line's, as an editor sets a caption's colour on the span.
 */
function lineWrappers(el: Element): Element[] {
  const out: Element[] = [];
  const whole = (el.textContent ?? '').trim();
  let cur = el;
  for (let depth = 0; depth < 3 && cur.children.length === 1; depth++) {
    const child = cur.children[0]!;
    if ((child.textContent ?? '').trim() !== whole) break;
    out.unshift(child);
    cur = child;
  }
  return out;
}

/**
 * A short line without a sentence's punctuation, set in grey (`color: #999`, `rgb(160, 160, 160)`)
 * unlike the text after it: how editors (秀米 cards, a centred `<p>` under a picture) set a caption
 * apart. A page whose text itself is grey gives its subheadings the same grey: they stay.
 */
function mutedLine(b: Block, next: Block | undefined, rules?: Map<string, ClassRule[]>): boolean {
  if (b.len > 40 || /[。！？；]/.test(b.text)) return false;
  const c = styleColour(b, rules);
  if (!c) return false;
  const [r, g, bl] = c as [number, number, number];
  if (Math.max(r, g, bl) - Math.min(r, g, bl) > 16 || r < 0x66 || r > 0xcc) return false;
  const n = next ? styleColour(next, rules) : null;
  return !n || n.some((x, i) => Math.abs(x - c[i]!) > 16);
}
