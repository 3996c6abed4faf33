/**
 * The document the referee's Readability runs on (issue 16, speed): built from the same
 * htmlparser2 events linkedom builds its document from, with linkedom's options, and answering
 * every DOM member @mozilla/readability 0.6 touches exactly as linkedom 0.18 answers it, so
 * Readability's result is the same (scripts/extract-identity.ts --readability checks it on every
 * page; tests/unit/readability-dom.test.ts holds both DOMs to the same answers on our markup).
 * What linkedom costs and this does not: an event-target map per node and per attribute,
 * attribute nodes in the node list, css-select compiled per query, a Proxy per `attributes`.
 *
 * What it keeps of linkedom, because Readability's output depends on it:
 *  - comments (they end a run of phrasing content) and adjacent text nodes unmerged (one per
 *    parser text event: `a&amp;b` is three);
 *  - tag names as written to createElement (`createElement("DIV")` serialises as `<DIV>`),
 *    tagName/nodeName upper case, attribute names as written, the first of duplicates;
 *  - `class` kept as its distinct tokens joined by one space ('' from getAttribute when absent);
 *    an element inside `<svg>` answers `className` with an object, as linkedom's SVGElement;
 *  - a new attribute (setAttribute of a new name, setAttributeNode) goes first;
 *  - serialisation: text escapes `& < > U+00A0`, attribute values only `"`, empty
 *    id/class/style dropped, listed boolean attributes bare, void elements without end tag,
 *    empty SVG elements as `<x />`, script/style/textarea/title with their text raw;
 *  - `innerHTML =` parses in a fresh context; `head`/`body`/`title` made as linkedom's getters
 *    make them; `style.display`/`visibility` read from the style attribute as linkedom reads it;
 *    `src`/`srcset` only on the elements linkedom gives them; `baseURI` the first `<base href>`
 *    or null, `documentURI` undefined; children/childNodes/getElementsByTagName static lists.
 * A doctype is not kept (Readability reads only `firstChild.__JSDOMParser__` of the document).
 */
import { FastTokenizer, newAttributeParser } from './light-dom';

/** linkedom's void elements (its text/html MIME entry), matched without case. */
const VOID = /^(?:area|base|br|col|embed|hr|img|input|keygen|link|menuitem|meta|param|source|track|wbr)$/i;
/** Attributes linkedom writes bare when empty. */
const EMPTY_ATTRIBUTES = new Set(
  'allowfullscreen allowpaymentrequest async autofocus autoplay checked class contenteditable controls default defer disabled draggable formnovalidate hidden id ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected style truespeed'.split(
    ' ',
  ),
);
/** linkedom's TextElement classes: innerHTML is their text, written raw. */
const TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);
/** Elements whose linkedom class has a `src` (img, source, iframe, script) or `srcset` getter. */
const HAS_SRC = new Set(['img', 'source', 'iframe', 'script']);
const HAS_SRCSET = new Set(['img', 'source']);

const TEXT_ESCAPES: Record<string, string> = { '\xA0': '&#160;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const NEEDS_ESCAPE = /[<>&\xA0]/;
const escapeText = (s: string): string => s.replace(/[<>&\xA0]/g, (m) => TEXT_ESCAPES[m]!);
const QUOTE = /"/g;

/**
 * Readability reads the same element's text several times between changes (`_getInnerText`,
 * `_getCharCount` and `_getLinkDensity` on one node; the outer containers again for each
 * candidate): an element keeps its textContent until a change below it. A change to a node's
 * children or text stamps it and every ancestor with a new version (what is below an element
 * changes only through a node inside it, so its stamp moves); a kept text is good while the
 * element's stamp is the one it was read at.
 */
let lastVersion = 0;
function touched(p: RParent | null): void {
  const v = ++lastVersion;
  for (let n = p; n !== null; n = n.parentNode) n.textVersion = v;
}

/** The class value linkedom keeps: its distinct non-empty tokens, one space apart. */
function classTokens(value: string): string {
  if (!/\s/.test(value)) return value;
  const seen = new Set<string>();
  for (const t of value.split(/\s+/)) if (t) seen.add(t);
  return [...seen].join(' ');
}

export class RAttr {
  readonly nodeType = 2;
  ownerElement: RElement | null = null;
  constructor(
    readonly name: string,
    public value: string,
  ) {}
  cloneNode(): RAttr {
    return new RAttr(this.name, this.value);
  }
}

export abstract class RNode {
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  parentNode: RParent | null = null;
  nextSibling: RNode | null = null;
  previousSibling: RNode | null = null;
  constructor(readonly ownerDocument: RDocument) {}
  get parentElement(): RElement | null {
    const p = this.parentNode;
    return p !== null && p.nodeType === 1 ? (p as RElement) : null;
  }
  get nextElementSibling(): RElement | null {
    let n = this.nextSibling;
    while (n !== null && n.nodeType !== 1) n = n.nextSibling;
    return n as RElement | null;
  }
  get previousElementSibling(): RElement | null {
    let n = this.previousSibling;
    while (n !== null && n.nodeType !== 1) n = n.previousSibling;
    return n as RElement | null;
  }
  remove(): void {
    const p = this.parentNode;
    if (p === null) return;
    touched(p);
    const prev = this.previousSibling;
    const next = this.nextSibling;
    if (prev) prev.nextSibling = next;
    else p.firstChild = next;
    if (next) next.previousSibling = prev;
    else p.lastChild = prev;
    this.parentNode = this.nextSibling = this.previousSibling = null;
  }
}

abstract class RCharacterData extends RNode {
  constructor(
    ownerDocument: RDocument,
    public data: string,
  ) {
    super(ownerDocument);
  }
  get textContent(): string {
    return this.data;
  }
  set textContent(value: string) {
    this.data = String(value);
    touched(this.parentNode);
  }
  /** linkedom's Node: an empty list. */
  get childNodes(): RNode[] {
    return [];
  }
  get firstChild(): null {
    return null;
  }
  get lastChild(): null {
    return null;
  }
}

export class RText extends RCharacterData {
  readonly nodeType = 3;
  readonly nodeName = '#text';
}

export class RComment extends RCharacterData {
  readonly nodeType = 8;
  readonly nodeName = '#comment';
}

export abstract class RParent extends RNode {
  firstChild: RNode | null = null;
  lastChild: RNode | null = null;
  /** The last change below this node (see touched). */
  textVersion = 0;
  get childNodes(): RNode[] {
    const out: RNode[] = [];
    for (let n = this.firstChild; n !== null; n = n.nextSibling) out.push(n);
    return out;
  }
  get children(): RElement[] {
    const out: RElement[] = [];
    for (let n = this.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as RElement);
    return out;
  }
  get firstElementChild(): RElement | null {
    let n = this.firstChild;
    while (n !== null && n.nodeType !== 1) n = n.nextSibling;
    return n as RElement | null;
  }
  get lastElementChild(): RElement | null {
    let n = this.lastChild;
    while (n !== null && n.nodeType !== 1) n = n.previousSibling;
    return n as RElement | null;
  }
  /**
   * Appends a node that has no parent (the parser's own, cheaper than a move). It stamps no
   * version: a caller appending into a tree that may have been read calls touched().
   */
  append1(node: RNode): void {
    node.parentNode = this;
    node.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
  }
  appendChild<T extends RNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  insertBefore<T extends RNode>(node: T, ref: RNode | null): T {
    if (node === ref) return node;
    if ((node as RNode) === this) throw new Error('unable to append a node to itself');
    node.remove();
    if (ref === null) {
      this.append1(node);
      touched(this);
      return node;
    }
    // As linkedom: before `ref` wherever it is (Readability only passes its own children).
    const parent = ref.parentNode!;
    touched(parent);
    node.parentNode = parent;
    node.nextSibling = ref;
    node.previousSibling = ref.previousSibling;
    if (ref.previousSibling) ref.previousSibling.nextSibling = node;
    else parent.firstChild = node;
    ref.previousSibling = node;
    return node;
  }
  removeChild<T extends RNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('node is not a child');
    node.remove();
    return node;
  }
  replaceChild<T extends RNode>(node: RNode, replaced: T): T {
    const next = replaced.nextSibling;
    replaced.remove();
    this.insertBefore(node, next);
    return replaced;
  }
  /** linkedom's: every element below, templates included, by local name or upper-cased name. */
  getElementsByTagName(tag: string): RElement[] {
    const out: RElement[] = [];
    let n = this.firstChild;
    while (n !== null) {
      if (n.nodeType === 1) {
        const el = n as RElement;
        if (el.localName === tag || el.tagName === tag) out.push(el);
        if (el.firstChild !== null) {
          n = el.firstChild;
          continue;
        }
      }
      n = nextOutside(n, this);
    }
    return out;
  }
  /**
   * A comma list of tag names, as css-select matches it in HTML through linkedom: names without
   * case, document order, not inside a `<template>`. Anything else throws: Readability asks only
   * for tag lists, and a new selector must be noticed.
   */
  querySelectorAll(selectors: string): RElement[] {
    const names = selectors.split(',').map((s) => s.trim());
    if (!names.every((s) => s === '*' || /^[a-z][\w-]*$/i.test(s))) throw new Error(`readability-dom: unsupported selector "${selectors}"`);
    return this.withTags(names);
  }
  /** querySelectorAll of tag names (Readability's `_getAllNodesWithTag`, without the string round trip). */
  withTags(tagNames: readonly string[]): RElement[] {
    const names = tagNames.map((t) => t.toLowerCase());
    const any = names.includes('*');
    const one = names.length === 1 ? names[0] : null;
    const out: RElement[] = [];
    let n = this.firstChild;
    while (n !== null) {
      if (n.nodeType === 1) {
        const el = n as RElement;
        const name = el.lowerName;
        if (any || (one !== null ? name === one : names.includes(name))) out.push(el);
        if (el.firstChild !== null && el.localName !== 'template') {
          n = el.firstChild;
          continue;
        }
      }
      n = nextOutside(n, this);
    }
    return out;
  }
}

/** The node after `n` in document order once its subtree is done, or null when that leaves `root`. */
function nextOutside(n: RNode, root: RNode): RNode | null {
  let at: RNode | null = n;
  while (at !== null && at !== root) {
    if (at.nextSibling !== null) return at.nextSibling;
    at = at.parentNode;
  }
  return null;
}

/** The style attribute as linkedom's CSSStyleDeclaration reads one property: the last rule naming it. */
function styleProperty(style: string | null, name: string): string {
  if (style === null) return '';
  let out = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const [key, ...rest] = rule.split(':');
    if (rest.length === 0 || key!.trim() !== name) continue;
    const value = rest.join(':').trim();
    if (value) out = value;
  }
  return out;
}

/** The two properties Readability reads of an element's style, as linkedom reads them. */
class RStyle {
  constructor(private readonly el: RElement) {}
  get display(): string {
    return styleProperty(this.el.getAttribute('style'), 'display');
  }
  get visibility(): string {
    return styleProperty(this.el.getAttribute('style'), 'visibility');
  }
}

export class RElement extends RParent {
  readonly nodeType = 1;
  readonly tagName: string;
  /** The local name lower-cased, as css-select compares it. */
  readonly lowerName: string;
  /** One of linkedom's TextElement classes (its innerHTML is its text, written raw). */
  readonly isTextElement: boolean;
  /** Attributes in linkedom's order. */
  attrs: RAttr[] = [];
  private svgClass: { baseVal: string; animVal: string } | null = null;
  /** textContent as read when textVersion was `textAt`. */
  private textCache = '';
  private textAt = -1;
  constructor(
    ownerDocument: RDocument,
    readonly localName: string,
    /** Made inside `<svg>` (linkedom's SVGElement: `className` an object, empty ones `<x />`). */
    readonly svg: boolean,
  ) {
    super(ownerDocument);
    this.tagName = localName.toUpperCase();
    this.lowerName = localName.toLowerCase();
    this.isTextElement = !svg && TEXT_ELEMENTS.has(localName);
  }
  get nodeName(): string {
    return this.tagName;
  }
  getAttributeNode(name: string): RAttr | null {
    for (const a of this.attrs) if (a.name === name) return a;
    return null;
  }
  getAttribute(name: string): string | null {
    if (name === 'class') return this.getAttributeNode('class')?.value ?? '';
    return this.getAttributeNode(name)?.value ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttributeNode(name) !== null;
  }
  setAttribute(name: string, value: unknown): void {
    if (name === 'class') {
      this.setClass(String(value));
      return;
    }
    // linkedom's SVGElement copies a style into its className object.
    if (name === 'style' && this.svg) {
      const c = (this.svgClass ??= { baseVal: '', animVal: '' });
      c.baseVal = c.animVal = String(value);
    }
    const a = this.getAttributeNode(name);
    if (a) a.value = String(value);
    else this.prependAttr(new RAttr(name, String(value)));
  }
  removeAttribute(name: string): void {
    const i = this.attrs.findIndex((a) => a.name === name);
    if (i < 0) return;
    this.attrs[i]!.ownerElement = null;
    this.attrs.splice(i, 1);
  }
  setAttributeNode(attr: RAttr): RAttr | null {
    const previously = this.getAttributeNode(attr.name);
    if (previously !== attr) {
      if (previously) this.removeAttribute(previously.name);
      attr.ownerElement?.removeAttributeNode(attr);
      this.prependAttr(attr);
      if (attr.name === 'class') this.setClass(attr.value);
    }
    return previously;
  }
  removeAttributeNode(attr: RAttr): void {
    const i = this.attrs.indexOf(attr);
    if (i < 0) return;
    attr.ownerElement = null;
    this.attrs.splice(i, 1);
  }
  private prependAttr(attr: RAttr): void {
    attr.ownerElement = this;
    this.attrs.unshift(attr);
  }
  /** linkedom's className setter: the class attribute (new ones first) holds the distinct tokens. */
  private setClass(value: string): void {
    const tokens = [...new Set(value.split(/\s+/).filter(Boolean))].join(' ');
    const a = this.getAttributeNode('class');
    if (a) a.value = tokens;
    else this.prependAttr(new RAttr('class', tokens));
  }
  /** A fresh list each time, as linkedom's (Readability reads it again while it adds attributes). */
  get attributes(): RAttr[] {
    return this.attrs.slice();
  }
  get id(): string {
    return this.getAttribute('id') || '';
  }
  set id(value: string) {
    this.setAttribute('id', value);
  }
  get className(): string | { baseVal: string; animVal: string } {
    if (this.svg) return (this.svgClass ??= { baseVal: '', animVal: '' });
    return this.getAttribute('class')!;
  }
  set className(value: string) {
    this.setClass(String(value));
  }
  /** What Readability reads of linkedom's CSSStyleDeclaration, read from the attribute when asked. */
  get style(): RStyle {
    return new RStyle(this);
  }
  get src(): string | undefined {
    return !this.svg && HAS_SRC.has(this.localName) ? this.getAttribute('src') || '' : undefined;
  }
  get srcset(): string | undefined {
    return !this.svg && HAS_SRCSET.has(this.localName) ? this.getAttribute('srcset') || '' : undefined;
  }
  /** Text and nothing else below, in document order (comments are not text). */
  get textContent(): string {
    if (this.textAt === this.textVersion) return this.textCache;
    let out = '';
    let n = this.firstChild;
    while (n !== null) {
      if (n.nodeType === 3) out += (n as RText).data;
      else if (n.nodeType === 1 && (n as RElement).firstChild !== null) {
        n = (n as RElement).firstChild!;
        continue;
      }
      n = nextOutside(n, this);
    }
    this.textAt = this.textVersion;
    return (this.textCache = out);
  }
  set textContent(text: string | null) {
    while (this.firstChild) this.firstChild.remove();
    if (text != null && text !== '') this.append1(new RText(this.ownerDocument, String(text)));
    touched(this);
  }
  get innerHTML(): string {
    return this.isTextElement ? this.textContent : serialiseChildren(this);
  }
  set innerHTML(html: string) {
    if (this.isTextElement) {
      this.textContent = html;
      return;
    }
    // linkedom parses into a fresh document, then moves its nodes in.
    const holder = new RElement(this.ownerDocument, '', false);
    parseInto(this.ownerDocument, holder, String(html));
    while (this.firstChild) this.firstChild.remove();
    for (let n = holder.firstChild; n !== null; n = holder.firstChild) {
      n.remove();
      this.append1(n);
    }
    touched(this);
  }
}

function serialiseAttrs(el: RElement): string {
  let out = '';
  for (const { name, value } of el.attrs) {
    if (value === '' && EMPTY_ATTRIBUTES.has(name)) {
      // linkedom drops empty id, class and style and writes the other listed ones bare.
      if (name !== 'id' && name !== 'class' && name !== 'style') out += ' ' + name;
    } else out += ' ' + name + '="' + (value.includes('"') ? value.replace(QUOTE, '&quot;') : value) + '"';
  }
  return out;
}

/**
 * linkedom's innerHTML: its children's toString, in document order. A loop, not recursion (a
 * page can nest deeper than the stack), joining by concatenation (V8 flattens it once).
 */
function serialiseChildren(root: RParent): string {
  let out = '';
  let n = root.firstChild;
  if (n === null) return out;
  for (;;) {
    if (n.nodeType === 3) {
      const data = (n as RText).data;
      out += NEEDS_ESCAPE.test(data) ? escapeText(data) : data;
    } else if (n.nodeType === 8) out += '<!--' + (n as RComment).data + '-->';
    else {
      const el = n as RElement;
      const name = el.localName;
      if (el.isTextElement) {
        // linkedom writes the element empty, then puts its text at the first `><`.
        const text = el.textContent;
        out += ('<' + name + serialiseAttrs(el) + '></' + name + '>').replace('><', () => '>' + text + '<');
      } else if (el.firstChild !== null) {
        out += '<' + name + serialiseAttrs(el) + '>';
        n = el.firstChild;
        continue;
      } else out += '<' + name + serialiseAttrs(el) + (el.svg ? ' />' : VOID.test(name) ? '>' : '></' + name + '>');
    }
    while (n.nextSibling === null) {
      const parent: RParent = n.parentNode!;
      if (parent === root) return out;
      out += '</' + (parent as RElement).localName + '>';
      n = parent;
    }
    n = n.nextSibling;
  }
}

export class RDocument extends RParent {
  readonly nodeType = 9;
  readonly nodeName = '#document';
  /** linkedom's documents have none. */
  readonly documentURI = undefined;
  constructor() {
    super(null as unknown as RDocument);
  }
  get textContent(): null {
    return null;
  }
  get documentElement(): RElement | null {
    return this.firstElementChild;
  }
  /** linkedom's: the root's first element when it is a head, else a new head first in the root. */
  get head(): RElement {
    const root = this.documentElement!;
    let head = root.firstElementChild;
    if (!head || head.tagName !== 'HEAD') {
      head = this.createElement('head');
      root.insertBefore(head, root.firstChild);
    }
    return head;
  }
  /** linkedom's: the element right after the head when it is a body, else a new body there. */
  get body(): RElement {
    const head = this.head;
    let body = head.nextElementSibling;
    if (!body || body.tagName !== 'BODY') {
      body = this.createElement('body');
      head.parentNode!.insertBefore(body, head.nextSibling);
    }
    return body;
  }
  get title(): string {
    return this.head.getElementsByTagName('title')[0]?.textContent || '';
  }
  /** linkedom's: the first `<base>`'s href (null without one); no location in Node. */
  get baseURI(): string | null {
    const base = this.querySelectorAll('base')[0];
    return base ? base.getAttribute('href') : null;
  }
  createElement(localName: string): RElement {
    return new RElement(this, String(localName), false);
  }
  createTextNode(data: string): RText {
    return new RText(this, String(data));
  }
}

/** Parses `html` into `root` (a document or an element being given its innerHTML), as linkedom does. */
function parseInto(doc: RDocument, root: RParent, html: string): void {
  let node: RParent = root;
  /** The outermost open `<svg>`: what opens inside it is an SVG element. */
  let svgRoot: RElement | null = null;
  const parser = newAttributeParser(
    {
      onopentag(name, attrs) {
        const svg = svgRoot !== null || name === 'svg' || name === 'SVG';
        const el = new RElement(doc, name, svg);
        if (svg && svgRoot === null) svgRoot = el;
        node.append1(el);
        node = el;
        for (let i = 0; i < attrs.length; i += 2) {
          const key = attrs[i]!;
          const a = new RAttr(key, key === 'class' ? classTokens(attrs[i + 1]!) : attrs[i + 1]!);
          a.ownerElement = el;
          el.attrs.push(a);
        }
      },
      oncomment(data) {
        node.append1(new RComment(doc, data));
      },
      ontext(text) {
        node.append1(new RText(doc, text));
      },
      onclosetag() {
        if (node === svgRoot) svgRoot = null;
        node = node.parentNode!;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, Tokenizer: FastTokenizer },
  );
  parser.write(html);
  parser.end();
}

/** The page as a document Readability reads exactly as it reads linkedom's, for less. */
export function parseReadabilityDocument(html: string): RDocument {
  const doc = new RDocument();
  parseInto(doc, doc, html);
  return doc;
}
