/**
 * The DOM walk into text blocks (Walker): one pass over the page that splits text at block
 * elements and paragraph-like `<br>`s, skips hidden, tiny and non-content parts, marks link
 * text, images and boilerplate, and counts each container's characters, links and punctuation.
 */
import { NON_CONTENT_TAGS, escapeHtml } from '../../../shared/html-policy';
import type { ExtractedImage, Line, Stats, Block, Links } from './blocks';
import type { Document, Element, Text } from '../parsed-dom';
import {
  countPunct,
  normaliseText,
  CJK,
  INK_RE,
  NEGATIVE_CLASS_RE,
  countChars,
  AUTHOR_BOX_RE,
  collapseSpaces,
  normaliseCollapsed,
  isMetaLine,
} from './patterns';
import { scriptWrittenText } from './script-writes';
import { imageSource } from '../html-tags';
import { resolveUrl } from './html-output';

// ---- DOM walk into blocks -------------------------------------------------------------------

const SKIP_TAGS = NON_CONTENT_TAGS;
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'marquee',
]);
/** What makes an inline element a picture's holder. */
const PICTURE_SELECTOR = 'img, picture, video';
/** Custom elements that are images: `mip-img`, `amp-img`. */
const CUSTOM_IMAGE_TAG_RE = /^[a-z][a-z0-9]*-img$/;
export const PARA_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd', 'dt', 'figcaption', 'caption']);
/** Inline tags kept in a block's HTML (a Map: a tag named `constructor` is not a kept tag). */
const INLINE_KEEP = new Map([
  ['strong', 'strong'],
  ['b', 'b'],
  ['em', 'em'],
  ['i', 'i'],
  ['u', 'u'],
]);
/** A heading named for what it is (`h3.header-with-anchor`, `h2.section-head`) is no page header. */
export const HEADING_WORD_RE = /(?:^|[-_\s])(?:header|head|heading)(?=[-_\s\d]|$)/gi;
/**
 * A CSS framework's utility class names a property and its value (`position-relative`, `top-0`,
 * `bottom-2`, `left-auto`), not what the box is: no chrome word in it (a code block styled
 * `position-relative` is no breadcrumb "position", a box at `top-0` no page top).
 */
const UTILITY_CLASS_RE =
  /(?:^|\s)(?:position-(?:relative|absolute|fixed|sticky|static)|(?:top|bottom|left|right)-(?:n?\d+|auto|half))(?=\s|$)/gi;
/** A block's score goes to its container and, in these shares, to the three around it. */
export const SCORE_LEVELS = [1, 0.5, 1 / 6, 1 / 12];
/** Wrappers adding no text that are looked through on the way up (a page nesting deeper is odd). */
export const MAX_THIN_WRAPPERS = 8;
const MAX_DEPTH = 250;
const MAX_BLOCKS = 50_000;

/**
 * Every line made by one constructor, fields in one order: lines made by spreads and literals
 * had several hidden classes and V8 recompiled the walker's flush over and over (wrong map).
 */
function newLine(text: string, html: string, linkChars: number, plain: string, images: ExtractedImage[]): Line {
  return { text, html, linkChars, plain, images };
}

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (hiddenByClass(el)) return true;
  const style = el.getAttribute('style');
  if (!style || !/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  // WeChat pages hide the body until their script runs.
  const id = el.getAttribute('id') ?? '';
  const cls = el.getAttribute('class') ?? '';
  return !(id === 'js_content' || /rich_media_content/.test(cls));
}

/**
 * A box given the class every CSS framework defines as `display: none` (`class="hidden"`, a tag
 * list or a share panel kept for a script to open), unless another class shows it at some screen
 * size (`hidden md:flex`, `d-md-block`). Not a box of several paragraphs: an article hidden until
 * the page's script reveals it is still the article.
 */
function hiddenByClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (!cls || !cls.includes('hidden') || !HIDDEN_CLASS_RE.test(cls) || SHOWN_AT_RE.test(cls)) return false;
  return el.querySelectorAll('p').length < 2;
}
const HIDDEN_CLASS_RE = /(?:^|\s)hidden(?:\s|$)/;
const SHOWN_AT_RE = /(?:^|\s)(?:[a-z0-9-]+:(?!hidden\b)[\w-]+|d-[a-z]+-(?!none\b)[\w-]+)(?=\s|$)/;

function tinyOrTracking(img: Element, src: string): boolean {
  const dim = (a: string): number | null => {
    const v = img.getAttribute(a);
    if (!v) return null;
    const n = parseFloat(v);
    return Number.isFinite(n) && !v.includes('%') ? n : null;
  };
  const style = img.getAttribute('style') ?? '';
  const sw = /(?:^|;)\s*width\s*:\s*(\d+)px/i.exec(style);
  const sh = /(?:^|;)\s*height\s*:\s*(\d+)px/i.exec(style);
  const w = dim('width') ?? (sw ? Number(sw[1]) : null);
  const h = dim('height') ?? (sh ? Number(sh[1]) : null);
  if ((w !== null && w <= 20) || (h !== null && h <= 20)) return true;
  return /(?:spacer|blank|pixel|1x1|clear|transparent|tracker|tracking|beacon|loading|lazyload|placeholder)\.(?:gif|png|jpg|svg)|\/(?:stat|count|counter|tj|log)(?:\.|\/|\?)|[?&](?:stat|track)=/i.test(
    src,
  );
}

/**
 * Some site builders wrap the whole article in a form (博达 VSB: `<form name="_newscontent_fromname">`
 * around `div.v_news_content`); such a form is walked, its controls still skipped.
 */
/** 各部门： / 同志们： — not a widget label such as 分享： or 关注：. */
export function isSalutation(text: string): boolean {
  return /^[\u4e00-\u9fff、]{2,}[:：]$/.test(text) && !/^(?:分享|关注|评论|标签|导读|摘要|关键词|附件|扫码|点赞)[:：]$/.test(text);
}

function formHoldsArticle(form: Element): boolean {
  const id = `${form.getAttribute('name') ?? ''} ${form.getAttribute('id') ?? ''}`;
  if (/newscontent|content|article|detail|wbnews/i.test(id)) return true;
  if (form.querySelector('.v_news_content, #vsb_content, .article, .content, #zoom')) return true;
  // ASP.NET WebForms wraps the whole page in one form that carries its view state (intranet and
  // government sites): a layout wrapper, not a form, however short the article inside.
  if (form.querySelector('input[name="__VIEWSTATE"], input[name="__EVENTVALIDATION"]')) return true;
  // A form of fill-in fields, more of them than paragraphs twice over (a job application with its
  // survey's notes, a sign-up): the reader fills it in, its prose is instructions, not the article.
  const fields = Array.from(form.querySelectorAll('select, textarea, input')).filter(
    (c) => !/^(?:hidden|submit|button|image|reset)$/i.test(c.getAttribute('type') ?? ''),
  ).length;
  if (fields >= 6 && fields >= 2 * form.querySelectorAll('p').length && form.querySelector('h1') === null) return false;
  const text = form.textContent ?? '';
  if (text.length > 300 && countPunct(text) >= 8) return true;
  // A form holding the page's headline and a paragraph of prose wraps the article.
  return form.querySelector('h1') !== null && [...form.querySelectorAll('p')].some((p) => countPunct(p.textContent ?? '') >= 1);
}

/**
 * An anchor that goes nowhere: `<a name>` without href, or a `javascript:` link wrapped around
 * paragraphs. Its text is not link text.
 */
/**
 * A `<label>` that captions no control is text: templates write metadata labels in it
 * (`<li><label>发布日期：</label><span>…</span></li>`). One with `for`, or holding a control or
 * beside one, is a form's.
 */
function textLabel(el: Element): boolean {
  return (
    el.localName === 'label' &&
    !el.hasAttribute('for') &&
    (el.parentElement ?? el).querySelector('input, select, textarea, button') === null
  );
}

/**
 * A quiz's answer option set as a choice control (`<label><input type="radio">A．…</label>`): the
 * label holds a radio button or a check box and its text opens with an option letter (A． B、
 * (C) D.). It is a line of the text as a reader sees it, one option a line; a form's own choices
 * (记住密码, 同意协议) have no option letter and stay skipped.
 */
const OPTION_MARK_RE = /^\s*(?:[A-HＡ-Ｈ]\s*[．.、:：)）]|[(（]\s*[A-HＡ-Ｈ]\s*[)）])\s*\S/;
function quizOption(el: Element): boolean {
  if (el.localName !== 'label' || el.querySelector('input[type="radio"], input[type="checkbox"]') === null) return false;
  return OPTION_MARK_RE.test(el.textContent ?? '');
}

/** Section headings (an h1 is the page's title, where a bracketed linked label is its category). */
const HEADING_TAG_RE = /^h[2-6]$/;

/**
 * A link from a note back to where the text cites it: a fragment link whose text is only an
 * arrow or a caret (↑, ^, ↩). It points into the page; it says nothing.
 */
function backReferenceLink(a: Element): boolean {
  const href = a.getAttribute('href');
  return href !== null && href.startsWith('#') && /^\s*(?:[↑^↩⤴]\ufe0e?|[↑^↩⤴]\ufe0f?)+\s*$/.test(a.textContent ?? '');
}

/**
 * An edit link set in brackets inside a heading (`历史沿革 [编辑]`, `History [edit]`): an element
 * whose whole text is one bracketed short word that a link inside it (or it) holds; not a note's
 * number.
 */
function headingEditLink(el: Element): boolean {
  if (el.localName !== 'a' && el.localName !== 'span' && el.localName !== 'small' && el.localName !== 'sup') return false;
  const m = /^\s*[[［【]\s*([^[\]［］【】]{1,12}?)\s*[\]］】]\s*$/.exec(el.textContent ?? '');
  // A note's mark in a heading ([1], [注2]) is the text's own.
  if (!m || /\d/.test(m[1]!)) return false;
  const link = el.localName === 'a' ? el : el.querySelector('a');
  return link !== null && (link.textContent ?? '').includes(m[1]!);
}

/**
 * A box set beside the text (an `<aside>`) headed as the authors' account of their method (`How we
 * did this`, `Methodology`, `About the data`) over paragraphs of prose: printed with the story as an
 * editor's note is, part of it, not chrome. A box of links under such a heading is not.
 */
export function methodBox(el: Element): boolean {
  const head = el.querySelector(METHOD_HEAD_TAGS);
  if (!head || !METHOD_HEADING_RE.test(normaliseText(head.textContent ?? ''))) return false;
  const first = normaliseText(el.textContent ?? '').indexOf(normaliseText(head.textContent ?? ''));
  if (first > 0) return false;
  const prose = Array.from(el.querySelectorAll('p')).filter((p) => {
    const t = normaliseText(p.textContent ?? '');
    const links = Array.from(p.querySelectorAll('a')).reduce((n, a) => n + normaliseText(a.textContent ?? '').length, 0);
    return t.length >= 80 && /[.!?]["”’)]?$/.test(t) && links < t.length * 0.25;
  });
  return prose.length > 0;
}
/**
 * Whether any element of the page could head a method box (cost only: methodBox asks each
 * candidate box for its first heading, a walk of its subtree; on a page whose headings and bold
 * runs never read as a method heading the answer is no for every box). Contents of a <template>
 * are not in the document's index, so a page with one is always asked box by box.
 */
export function pageMayHoldMethodBox(doc: Document): boolean {
  if (doc.querySelector('template') !== null) return true;
  return Array.from(doc.querySelectorAll(METHOD_HEAD_TAGS)).some((h) => METHOD_HEADING_RE.test(normaliseText(h.textContent ?? '')));
}
const METHOD_HEAD_TAGS = 'h2, h3, h4, h5, h6, strong, b';
const METHOD_HEADING_RE =
  /^(?:(?:our )?methodology|methods?|about (?:the|this|our) (?:data|analysis|methods?|methodology)|notes? on (?:the )?(?:data|methods?|methodology)|how we (?:did|reported|analy[sz]ed|made|built|calculated|counted|measured|found|got) (?:this|it|the (?:data|numbers|figures))(?: (?:story|analysis|investigation))?)\s*[:?]?$/i;

/**
 * A paragraph's or section's own permalink written as its mark (`<a href="#section-2-3">¶</a>`,
 * `§`), shown on hover: a control of the page, not a character of the text.
 */
function paragraphMark(a: Element): boolean {
  const href = a.getAttribute('href');
  return href !== null && href.trim().startsWith('#') && /^\s*[¶§]\s*$/.test(a.textContent ?? '');
}

/**
 * A link set in a section heading that takes the reader back to the page's top (`Options  top`,
 * `History  back to top`): a link within the page whose whole text says so, a control of the page,
 * not a word of the heading.
 */
const TOP_LINK_RE = /^\s*(?:(?:back |return |go )?(?:to )?(?:the )?top(?: of (?:the )?page)?)\s*[↑^]?\s*$/i;
function headingTopLink(a: Element): boolean {
  const href = a.getAttribute('href')?.trim() ?? '';
  return href.startsWith('#') && TOP_LINK_RE.test(a.textContent ?? '');
}

/**
 * An element beside the <code> of a code block, inside its <pre>: a copy button's or a language
 * label's text, not a line of the code.
 */
function besideCodeInPre(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent || parent.localName !== 'pre' || el.localName === 'code') return false;
  if (el.querySelector('code') !== null) return false;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'code') return true;
  return false;
}

/**
 * A `<pre>` without `<code>` that is a listing (a schedule file, a shell session, an aligned table
 * of figures, an address): its lines stand alone as a code block's do. A `<pre>` holding any
 * hard-wrapped prose (a plain-text notice, mail or RFC, a line of words broken mid-sentence) is
 * not: its lines are joined as `<br>`-broken lines are, as before.
 */
const END_MARK_RE = /[.!?:;,。！？：；，、…”"’)）\]]\s*$/;
/** The next line of a wrapped sentence starts with a word (or a CJK character, or an opening quote). */
const GOES_ON_RE = new RegExp(`^\\s*(?:[\\p{L}"'“‘(]|[${CJK}])`, 'u');
const CJK_CHAR_RE = new RegExp(`[${CJK}]`, 'g');
const listingMemo = new WeakMap<Element, boolean>();
export function listingPre(pre: Element): boolean {
  let v = listingMemo.get(pre);
  if (v !== undefined) return v;
  const lines = (pre.textContent ?? '').split('\n').filter((l) => INK_RE.test(l));
  v = lines.length >= 2;
  for (let i = 1; v && i < lines.length; i++) {
    const prev = lines[i - 1]!;
    // A line of words (five or more, or eight CJK characters) running on into the next one.
    const long = prev.trim().split(/\s+/).length >= 5 || (prev.match(CJK_CHAR_RE)?.length ?? 0) >= 8;
    if (long && !END_MARK_RE.test(prev) && GOES_ON_RE.test(lines[i]!)) v = false;
  }
  listingMemo.set(pre, v);
  return v;
}

/** An element whose text ends in a letter that the text right after it goes on from (`T` + `he`). */
function startsWord(el: Element): boolean {
  const own = el.textContent ?? '';
  if (!/\p{L}$/u.test(own)) return false;
  const next = el.nextSibling;
  return next !== null && next.nodeType === 3 && /^\p{L}/u.test(next.textContent ?? '');
}

function notALink(a: Element): boolean {
  const href = a.getAttribute('href');
  if (href === null) return true;
  return /^\s*javascript:/i.test(href) && a.querySelector('p, div') !== null;
}

/**
 * A block editor's box around one section heading (`<div class="…-header-block"><h2>…</h2></div>`):
 * named `header` for the heading it holds, not the page's header. Only when `header` is its only
 * chrome word, it wraps nothing but that heading (one element inside another down to it) and
 * all its text is the heading's.
 */
export function headingWrapper(el: Element, cls: string, s: Stats): boolean {
  if (el.localName === 'header' || s.linkChars > 0 || NEGATIVE_CLASS_RE.test(cls.replace(HEADING_WORD_RE, ' '))) return false;
  // Nothing beside the heading at any level (a page header has its menu button or logo beside it).
  let h: Element | null = el;
  while (h && !/^h[2-6]$/.test(h.localName)) {
    const kids: ArrayLike<Element> = h.children;
    h = kids.length === 1 ? kids[0]! : null;
  }
  return h !== null && countChars(normaliseText(h.textContent ?? '')) === s.chars;
}

/** An indented line's start, read at a position (sticky). */
const INDENT_RE = /[\u3000\u00a0]|\s{2}/y;

export class Walker {
  readonly blocks: Block[] = [];
  /** Elements with a boilerplate class/id or tag, decided later against their text share. */
  readonly negativeCandidates: Element[] = [];
  private lines: Line[] = [];
  private cur: Line = newLine('', '', 0, '', []);
  private pendingBr = 0;
  private readonly stack: Element[] = [];
  private readonly inline: string[] = [];
  private linkDepth = 0;
  /** Open h2–h6 elements. */
  private headingDepth = 0;
  /** Open <pre> elements, and open <code> elements inside one: a code block's source lines are its lines. */
  private preDepth = 0;
  private codeInPre = 0;
  /** Whether the current line's text holds anything but whitespace (else a flush makes no block of it). */
  private ink = false;
  /** The page nests deeper than MAX_DEPTH (hostile or broken): no second opinion on it. */
  tooDeep = false;

  /** The hrefs of this walk's links, written into block HTML as `<@k>…</@k>` until resolved. */
  readonly links: Links;

  constructor(base: string | undefined) {
    this.links = { hrefs: [], base };
  }

  walk(el: Element, depth: number): void {
    if (depth > MAX_DEPTH || this.blocks.length > MAX_BLOCKS) {
      this.tooDeep = true;
      return;
    }
    const tag = el.localName;
    // MathML is text (an equation in a sentence); its annotations repeat it as TeX.
    if (tag === 'annotation' || tag === 'annotation-xml') return;
    // A metadata value an inline script writes in place (发布时间：<script>document.write(t)</script>).
    if (tag === 'script') {
      const written = el.getAttribute('src') === null ? scriptWrittenText(el.textContent ?? '') : '';
      if (written) this.text(written);
      return;
    }
    // A field label of the page's metadata (<li><label>发布机构：</label><span>…</span>) is text;
    // a control's label (a player's settings, a search box) is not.
    const option = tag === 'label' && quizOption(el);
    if ((SKIP_TAGS.has(tag) && !(tag === 'form' && formHoldsArticle(el)) && tag !== 'math' && !textLabel(el) && !option) || isHidden(el))
      return;
    // A piece of a line the page marks as skipped by screen readers (`<span aria-hidden="true">`):
    // an icon's name, a visual copy of words said again beside it. Not a block (a page saved with
    // a dialog open hides its whole content so), not one holding a picture, and not the first
    // letters of a word it runs into (a drop cap: `<span aria-hidden>T</span>he`).
    if (!BLOCK_TAGS.has(tag) && el.getAttribute('aria-hidden') === 'true' && !el.querySelector(PICTURE_SELECTOR) && !startsWord(el)) return;
    // Controls set in the text: a note's link back to its mark (↑), a heading's bracketed edit
    // link ([编辑]), a code block's button label beside its <code> (复制代码).
    if (tag === 'a' && backReferenceLink(el)) return;
    if (this.headingDepth > 0 && headingEditLink(el)) return;
    if (this.headingDepth > 0 && tag === 'a' && headingTopLink(el)) return;
    if (tag === 'a' && paragraphMark(el)) return;
    if (this.preDepth > 0 && besideCodeInPre(el)) return;
    if (tag === 'br') {
      this.br();
      return;
    }
    // A framework's image element (`<mip-img>`, `<amp-img>`) is a picture as <img> is: a caption
    // under it is known as one. Its fallback children repeat it.
    if (tag === 'img' || CUSTOM_IMAGE_TAG_RE.test(tag)) {
      this.img(el);
      return;
    }
    const block = BLOCK_TAGS.has(tag) || option;
    if (block) {
      this.flush();
      this.stack.push(el);
      const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (
        tag === 'nav' ||
        tag === 'footer' ||
        tag === 'aside' ||
        tag === 'header' ||
        tag === 'marquee' ||
        // A box the page marks as navigation as <nav> does (a 目录 box, a navbox of related pages).
        el.getAttribute('role') === 'navigation' ||
        // A box the page marks as set beside its text (role="complementary", an aside's landmark):
        // a call to action or a promotion placed between a text's sections. Chinese pages ask
        // for more than this (extract.ts), and an aside holding much prose is still rescued.
        el.getAttribute('role') === 'complementary' ||
        // Without class or id (most blocks) the regexes have no word to find.
        (cls !== ' ' &&
          (NEGATIVE_CLASS_RE.test(/^h[1-6]$/.test(tag) ? cls.replace(HEADING_WORD_RE, ' ') : withoutUtilityClasses(cls)) ||
            AUTHOR_BOX_RE.test(cls))) ||
        commentMicrodata(el)
      ) {
        this.negativeCandidates.push(el);
      }
    }
    let keep = INLINE_KEEP.get(tag);
    const anchor = tag === 'a' && !notALink(el);
    const pre = tag === 'pre';
    // A code block's <code>, or a listing <pre> without one: its source lines are its lines.
    const code = (tag === 'code' && this.preDepth > 0) || (pre && el.querySelector('code') === null && listingPre(el));
    const headingTag = block && HEADING_TAG_RE.test(tag);
    if (headingTag) this.headingDepth++;
    if (pre) this.preDepth++;
    if (code) this.codeInPre++;
    if (anchor) {
      this.linkDepth++;
      // Resolved only if its block reaches the body (blockHtml): menus and lists hold most links.
      const href = el.getAttribute('href');
      if (href) keep = `@${this.links.hrefs.push(href) - 1}`;
    }
    if (keep) {
      this.inline.push(keep);
      this.cur.html += `<${keep}>`;
    }
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) this.text((n as Text).data);
      else if (n.nodeType === 1) this.walk(n as Element, depth + 1);
    }
    if (keep) {
      this.inline.pop();
      this.cur.html += `</${keep}>`;
    }
    if (anchor) this.linkDepth--;
    if (pre) this.preDepth--;
    if (code) this.codeInPre--;
    if (headingTag) this.headingDepth--;
    if (block) {
      this.flush();
      this.stack.pop();
    }
  }

  private text(data: string): void {
    if (!data) return;
    // A code block's source lines each stand alone (a command per line); a <pre> of prose has its
    // lines joined as <br>-broken lines are.
    if (this.codeInPre > 0 && data.includes('\n')) {
      const lines = data.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (i > 0) this.pendingBr += 2;
        if (lines[i]) this.text(lines[i]!);
      }
      return;
    }
    if (this.pendingBr) this.breakLine();
    if (!this.ink && INK_RE.test(data)) this.ink = true;
    this.cur.text += data;
    this.cur.html += escapeHtml(data);
    if (this.linkDepth > 0) this.cur.linkChars += countChars(data);
    else this.cur.plain += data;
  }

  private img(el: Element): void {
    const raw = imageSource(el);
    if (!raw) return;
    const src = resolveUrl(raw, this.links.base);
    if (!src || tinyOrTracking(el, src)) return;
    if (this.pendingBr) this.breakLine();
    const alt = normaliseText(el.getAttribute('alt') ?? '');
    this.cur.images.push({ src, alt });
    this.cur.html += `<img src="${escapeHtml(src)}"${alt ? ` alt="${escapeHtml(alt)}"` : ''}>`;
  }

  private br(): void {
    this.pendingBr++;
  }

  /** The open inline tags' end tags, innermost first (`a href=…` ends as `</a>`). */
  private closeInline(): string {
    let s = '';
    for (let i = this.inline.length - 1; i >= 0; i--) {
      const t = this.inline[i]!;
      const space = t.indexOf(' ');
      s += `</${space < 0 ? t : t.slice(0, space)}>`;
    }
    return s;
  }

  /** The open inline tags, reopened at the start of the next line. */
  private openInline(): string {
    let s = '';
    for (let i = 0; i < this.inline.length; i++) s += `<${this.inline[i]!}>`;
    return s;
  }

  /** Ends the current line at a <br> (how many are pending is decided when the next text comes). */
  private breakLine(): void {
    const hard = this.pendingBr >= 2;
    this.pendingBr = 0;
    const cur = this.cur;
    this.lines.push(newLine(cur.text, cur.html + this.closeInline(), cur.linkChars, cur.plain, cur.images));
    if (hard) this.lines.push(newLine('', '', 0, '', [])); // paragraph marker
    this.cur = newLine('', this.openInline(), 0, '', []);
    this.ink = false;
  }

  /** Ends the current block: turns its lines into one or more blocks. */
  flush(): void {
    this.pendingBr = 0;
    const cur = this.cur;
    const lines = this.lines;
    // Most flushes end a stretch of indentation between tags: a blank line alone makes no block.
    // The line starts over in place (no line object is ever shared with it), as below it would.
    if (lines.length === 0 && cur.images.length === 0 && !this.ink) {
      cur.text = '';
      cur.html = this.openInline();
      cur.linkChars = 0;
      cur.plain = '';
      return;
    }
    lines.push(newLine(cur.text, cur.html + this.closeInline(), cur.linkChars, cur.plain, cur.images));
    this.lines = [];
    this.cur = newLine('', this.openInline(), 0, '', []);
    this.ink = false;
    const el = this.stack[this.stack.length - 1];
    if (!el) return;
    // Merge lines into paragraphs: a blank line, an indented line or a line after a sentence end
    // starts a new paragraph; otherwise a single <br> continues the paragraph.
    let para: Line | null = null;
    // The paragraph's normalised text, kept beside it: each line asks about it several times.
    let paraNorm = '';
    // Its text collapsed (the block's `spaced`), when it is one line's: null after a join.
    let paraSpaced: string | null = null;
    const out: Line[] = [];
    const outNorm: string[] = [];
    const outSpaced: (string | null)[] = [];
    const heading = /^h[1-6]$/.test(el.localName);
    for (const line of lines) {
      const t = line.text;
      const spaced = collapseSpaces(t);
      const norm = normaliseCollapsed(t, spaced);
      if (!norm && line.images.length === 0) {
        if (para) {
          out.push(para);
          outNorm.push(paraNorm);
          outSpaced.push(paraSpaced);
        }
        para = null;
        continue;
      }
      // `/^[\u3000\u00a0]|^\s{2,}/` after the line's leading newlines, without cutting them off.
      let start = 0;
      while (t.charCodeAt(start) === 0x0a) start++;
      INDENT_RE.lastIndex = start;
      const indented = INDENT_RE.test(t);
      const prevEnds = para ? /[。！？!?；;：:”"’）)…】]\s*$/.test(paraNorm) || para.images.length > 0 : true;
      const separate = isMetaLine(norm) || (para !== null && isMetaLine(paraNorm)) || datelineStart(norm);
      // A heading split by <br> (主标题<br>——副标题) stays one line unless a part is metadata.
      if (para && !separate && (heading || (!indented && !prevEnds)) && !(line.images.length > 0 && !norm)) {
        const join: string = /[\w,.;]$/.test(paraNorm) && /^[\w]/.test(norm) ? ' ' : '';
        para = newLine(
          para.text + join + t,
          para.html + join + line.html,
          para.linkChars + line.linkChars,
          para.plain + join + line.plain,
          [...para.images, ...line.images],
        );
        paraNorm = normaliseText(para.text);
        paraSpaced = null;
      } else {
        if (para) {
          out.push(para);
          outNorm.push(paraNorm);
          outSpaced.push(paraSpaced);
        }
        para = newLine(line.text, line.html, line.linkChars, line.plain, line.images);
        paraNorm = norm;
        paraSpaced = spaced;
      }
    }
    if (para) {
      out.push(para);
      outNorm.push(paraNorm);
      outSpaced.push(paraSpaced);
    }
    // Most flushes end a stretch of indentation between tags: no block, nothing more to build.
    if (out.length === 0) return;
    const tag = el.localName;
    const kind: Block['kind'] =
      tag === 'h1' || tag === 'h2'
        ? 'h2'
        : tag === 'h3'
          ? 'h3'
          : /^h[4-6]$/.test(tag)
            ? 'h4'
            : tag === 'li'
              ? 'li'
              : tag === 'blockquote'
                ? 'blockquote'
                : 'p';
    // One ancestor list for all the blocks of this flush (read-only downstream).
    const ancestors = [...this.stack].reverse();
    for (let i = 0; i < out.length; i++) {
      const line = out[i]!;
      const text = outNorm[i]!;
      if (!text && line.images.length === 0) continue;
      this.blocks.push({
        index: this.blocks.length,
        text,
        spaced: outSpaced[i] ?? collapseSpaces(line.text),
        raw: line.text,
        rawHtml: line.html,
        links: this.links,
        tidied: null,
        len: countChars(text),
        linkChars: line.linkChars,
        // `plain` is `text` less its link text: of the same length, it is the same string.
        plain: line.plain.length === line.text.length ? text : normaliseText(line.plain),
        punct: countPunct(text),
        el,
        ancestors,
        kind,
        images: line.images,
        negative: false,
        boiler: false,
      });
    }
  }
}

function withoutUtilityClasses(cls: string): string {
  return cls.includes('-') ? cls.replace(UTILITY_CLASS_RE, ' ') : cls;
}

/** schema.org microdata of a comment: `itemprop="comment"` or an item typed Comment/UserComments. */
export function commentMicrodata(el: Element): boolean {
  const prop = el.getAttribute('itemprop');
  if (prop !== null && /(?:^|\s)comments?(?:\s|$)/i.test(prop)) return true;
  const type = el.getAttribute('itemtype');
  return type !== null && /(?:^|[/#\s])(?:Comment|UserComments)\s*$/.test(type);
}

export const EN_MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A date as English pages write it: May 2, 2024 · 2 May 2024 · 2024-05-02. */
export const EN_DATE_RE = new RegExp(
  `\\b${EN_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${EN_MONTH}\\s+\\d{4}\\b|\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b`,
);
/** A line led by `Published:` / `Updated on 2 May 2024`: a dateline, never the rest of a headline above it. */
function datelineStart(t: string): boolean {
  return (
    /^(?:Posted|Published|Updated|Last updated)(?:\s+on)?\s*:/.test(t) ||
    (/^(?:Posted|Published|Updated|Last updated)\b/.test(t) && EN_DATE_RE.test(t.slice(0, 60)))
  );
}
