/**
 * A light DOM for the extractor's own pass over a page (issue 16, speed): the same tree linkedom
 * builds, from the same htmlparser2 events with the same options, but as plain objects: no
 * per-node event-target maps, no attribute nodes, no linked token lists, comments dropped and
 * adjacent text merged (the walker and textContent only ever concatenate text). Linkedom stays
 * for everything else (Readability's referee, the list-page reader, the stored-HTML builder).
 *
 * It mirrors linkedom where the extractor can see it: tag names lower case, attribute names as
 * written (`<META NAME>` has no `name`), the first of duplicate attributes, `class` read back as
 * its distinct tokens joined by one space ('' when absent), `body` and `head` created the way
 * linkedom's getters create them. `querySelector(All)` takes comma lists of compound selectors
 * (tag or `*`, `#id`, `.class`, `[attr]`, `[attr=v]`, `~=`, `|=`, `^=`, `$=`, `*=`, quoted or
 * not, with an `i` flag) joined by descendant or `>` combinators, matched as css-select matches
 * them in HTML mode; anything else throws, so a new selector is noticed, not silently missed.
 * tests/unit/extract-light-dom.test.ts holds both DOMs to the same answers.
 */
import { Parser, Tokenizer } from 'htmlparser2';
import type { Attr, Document, Element, Node, Text } from '../parsed-dom';

/** The parts of htmlparser2's Tokenizer (10.x) the fast subclass below reads and overrides. */
interface TokenizerInternals {
  buffer: string;
  offset: number;
  index: number;
  stateText(c: number): void;
  fastForwardTo(c: number): boolean;
  handleInAttributeValue(c: number, quote: number): void;
}
const LT = 0x3c;
const AMP = 0x26;

/**
 * htmlparser2's tokenizer looks at every character in turn, through a state switch: on a
 * 300 KB portal page that loop is most of the parse, and slow until the JIT has compiled it.
 * Where a state only waits for one or two characters (text: `<` or `&`; a quoted attribute
 * value: its quote or `&`; comments, scripts and end tags: `fastForwardTo`), this subclass
 * jumps there with a native indexOf. The states run exactly as before at the characters they
 * act on, so the events are the same (tests/unit/extract-tokenizer.test.ts compares both
 * tokenizers on every fixture page and on seeded random markup). Whole tags read by one regex
 * were tried and dropped: slower than the compiled loop (a regex call costs more than a tag).
 */
function fastTokenizer(): typeof Tokenizer {
  const proto = Tokenizer.prototype as unknown as Partial<TokenizerInternals>;
  // Another htmlparser2 whose internals differ: keep its own tokenizer.
  if (
    typeof proto.stateText !== 'function' ||
    typeof proto.fastForwardTo !== 'function' ||
    typeof proto.handleInAttributeValue !== 'function'
  )
    return Tokenizer;
  const Base = Tokenizer as unknown as new (...args: ConstructorParameters<typeof Tokenizer>) => TokenizerInternals;
  class FastTokenizer extends Base {
    /** The buffer `amp` indexes into, and the first `&` in it at or after `ampFrom`. */
    private ampBuffer: string | null = null;
    private ampFrom = 0;
    private amp = 0;
    /**
     * Index (absolute) of the next `a` or `&` after the current character; the end when none.
     * The next `&` is remembered: it is often far away, and searching for it again from every
     * text or attribute value would read the rest of the page each time.
     */
    private nextOf(a: string): number {
      const from = this.index - this.offset + 1;
      const buf = this.buffer;
      let i = buf.indexOf(a, from);
      if (i < 0) i = buf.length;
      if (this.ampBuffer !== buf || this.amp < from || from < this.ampFrom) {
        const j = buf.indexOf('&', from);
        this.ampBuffer = buf;
        this.ampFrom = from;
        this.amp = j < 0 ? buf.length : j;
      }
      return this.offset + (this.amp < i ? this.amp : i);
    }
    override stateText(c: number): void {
      if (c === LT || c === AMP) return super.stateText(c);
      // The parse loop steps onto the next `<` or `&` (or past the end, leaving the text to cleanup).
      this.index = this.nextOf('<') - 1;
    }
    override fastForwardTo(c: number): boolean {
      const i = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
      if (i >= 0) {
        this.index = this.offset + i;
        return true;
      }
      this.index = this.buffer.length + this.offset - 1;
      return false;
    }
    override handleInAttributeValue(c: number, quote: number): void {
      if (c === quote || c === AMP) return super.handleInAttributeValue(c, quote);
      this.index = this.nextOf(String.fromCharCode(quote)) - 1;
    }
  }
  return FastTokenizer as unknown as typeof Tokenizer;
}
/** The tokenizer the light DOM parses with (exported for the test that compares it with htmlparser2's). */
export const FastTokenizer = fastTokenizer();

/** The parts of htmlparser2's Parser (10.x) the flat-attribute subclass below reads and overrides. */
interface ParserInternals {
  endIndex: number;
  attribname: string;
  attribvalue: string;
  attribs: Record<string, string> | null;
  onattribend(quote: number, endIndex: number): void;
}

/** A shared attribute list for the many elements without attributes (copied before a change). */
const NO_ATTRIBUTES: readonly string[] = Object.freeze([]);

/** Whether `name` is an array index, which an object's keys list first (ascending) whatever the insertion order. */
function isIndexKey(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 && /^(?:0|[1-9]\d*)$/.test(name) && Number(name) < 4294967295;
}

/**
 * `list` (name, value, name, value…) in the order `Object.keys` gives the same attributes as
 * an object's keys: array indices first, ascending, then the rest as inserted (the order the
 * extractor and Readability saw when htmlparser2 handed over an object).
 */
export function inKeyOrder(list: string[]): string[] {
  let indices = false;
  for (let i = 0; i < list.length; i += 2) if (isIndexKey(list[i]!)) indices = true;
  if (!indices) return list;
  const pairs: [string, string][] = [];
  for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
  const idx = pairs.filter(([k]) => isIndexKey(k)).sort((a, b) => Number(a[0]) - Number(b[0]));
  return [...idx, ...pairs.filter(([k]) => !isIndexKey(k))].flat();
}

/** Where `name` is in a flat attribute list (its name's index), or -1; only the first `end` entries when given. */
export function attributeAt(list: readonly string[], name: string, end = list.length): number {
  for (let i = 0; i < end; i += 2) if (list[i] === name) return i;
  return -1;
}

/**
 * htmlparser2 gathers each tag's attributes into an object: a keyed store through a new hidden
 * class per attribute set, after a hasOwnProperty, a tenth of the parse. This subclass gathers
 * them into a flat list (name, value…) instead, with the object's rules: the first of
 * duplicates wins and `__proto__` is never kept (assigning a string to it does nothing). The
 * list is taken (and reset) by the open-tag handler (`takeAttributes`), which puts it in the
 * object's key order (inKeyOrder). Another htmlparser2 whose internals differ keeps its objects.
 */
function flatAttributeParser(): new (
  cbs: ConstructorParameters<typeof Parser>[0],
  options: ConstructorParameters<typeof Parser>[1],
) => Parser & { flat: string[] | null; count: number } {
  const proto = Parser.prototype as unknown as Partial<ParserInternals>;
  const Base = Parser as unknown as new (...args: ConstructorParameters<typeof Parser>) => ParserInternals;
  class FlatAttributeParser extends Base {
    /**
     * This tag's attributes so far: the first `count` entries of a scratch list reused from tag
     * to tag, copied out at its exact size (the copies live as long as the page's tree does).
     * null: this htmlparser2 is not the one this subclass knows.
     */
    flat: string[] | null = [];
    count = 0;
    override onattribend(quote: number, endIndex: number): void {
      this.endIndex = endIndex;
      const name = this.attribname;
      const flat = this.flat!;
      if (this.attribs && name !== '__proto__' && attributeAt(flat, name, this.count) < 0) {
        flat[this.count++] = name;
        flat[this.count++] = this.attribvalue;
      }
      this.attribvalue = '';
    }
  }
  if (typeof proto.onattribend !== 'function' || proto.onattribend.length !== 2) {
    class ObjectParser extends Parser {
      flat: string[] | null = null;
      count = 0;
    }
    return ObjectParser;
  }
  return FlatAttributeParser as unknown as ReturnType<typeof flatAttributeParser>;
}
const AttributeParser = flatAttributeParser();
type AttributeParser = InstanceType<typeof AttributeParser>;

/**
 * A new parser whose `onopentag` handler gets the tag's attributes as a flat list in
 * `Object.keys` order (NO_ATTRIBUTES when none: shared, never to be changed in place).
 */
export function newAttributeParser(
  handlers: {
    onopentag(name: string, attrs: readonly string[]): void;
    ontext?(data: string): void;
    oncomment?(data: string): void;
    onclosetag?(name: string): void;
  },
  options: ConstructorParameters<typeof Parser>[1],
): Parser {
  let parser: AttributeParser | null = null;
  const onopentag = handlers.onopentag;
  const take = (attribs: Record<string, string>): readonly string[] => {
    const p = parser!;
    if (p.flat === null) {
      // htmlparser2's object (another version of it): the same list, from its keys.
      const keys = Object.keys(attribs);
      if (keys.length === 0) return NO_ATTRIBUTES;
      const out: string[] = [];
      for (const k of keys) out.push(k, attribs[k]!);
      return out;
    }
    if (p.count === 0) return NO_ATTRIBUTES;
    const list = p.flat.slice(0, p.count);
    p.count = 0;
    return inKeyOrder(list);
  };
  parser = new AttributeParser({ ...handlers, onopentag: (name, attribs) => onopentag(name, take(attribs)) }, options);
  return parser;
}

/** Bumped by every change to any light tree after parsing: a document's element index is then stale. */
let generation = 0;
let parsing = false;
const changed = (): void => {
  if (!parsing) generation++;
};
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Linkedom reads `class` back through a token set: distinct, non-empty, single-spaced. */
function normaliseClass(v: string): string {
  if (!/\s/.test(v)) return v; // one token (or none): already as linkedom reads it back
  const seen: string[] = [];
  for (const t of v.split(/\s+/)) if (t && !seen.includes(t)) seen.push(t);
  return seen.join(' ');
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

abstract class LNode {
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  parentNode: LParent | null = null;
  nextSibling: LNode | null = null;
  previousSibling: LNode | null = null;
  get parentElement(): LElement | null {
    return this.parentNode instanceof LElement ? this.parentNode : null;
  }
  get firstChild(): LNode | null {
    return null;
  }
  get lastChild(): LNode | null {
    return null;
  }
  get childNodes(): LNode[] {
    return [];
  }
  abstract get textContent(): string | null;
  contains(other: Node | null): boolean {
    for (let n = other as LNode | null; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
}

class LText extends LNode implements Text {
  readonly nodeType = 3;
  readonly nodeName = '#text';
  constructor(public data: string) {
    super();
  }
  get textContent(): string {
    return this.data;
  }
}

abstract class LParent extends LNode {
  first: LNode | null = null;
  last: LNode | null = null;
  override get firstChild(): LNode | null {
    return this.first;
  }
  override get lastChild(): LNode | null {
    return this.last;
  }
  override get childNodes(): LNode[] {
    const out: LNode[] = [];
    for (let n = this.first; n; n = n.nextSibling) out.push(n);
    return out;
  }
  get children(): LElement[] {
    const out: LElement[] = [];
    for (let n = this.first; n; n = n.nextSibling) if (n instanceof LElement) out.push(n);
    return out;
  }
  get firstElementChild(): LElement | null {
    for (let n = this.first; n; n = n.nextSibling) if (n instanceof LElement) return n;
    return null;
  }
  get lastElementChild(): LElement | null {
    for (let n = this.last; n; n = n.previousSibling) if (n instanceof LElement) return n;
    return null;
  }
  appendChild(node: LNode): void {
    changed();
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    node.previousSibling = this.last;
    node.nextSibling = null;
    if (this.last) this.last.nextSibling = node;
    else this.first = node;
    this.last = node;
  }
  insertBefore(node: LNode, ref: LNode | null): void {
    if (!ref) return this.appendChild(node);
    changed();
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    node.nextSibling = ref;
    node.previousSibling = ref.previousSibling;
    if (ref.previousSibling) ref.previousSibling.nextSibling = node;
    else this.first = node;
    ref.previousSibling = node;
  }
  /** The elements a selector can match, in document order, when an index knows them (documents only). */
  protected candidates(_match: Matcher): LElement[] | null {
    return null;
  }
  removeChild(node: LNode): void {
    if (node.parentNode !== this) return;
    changed();
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.first = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.last = node.previousSibling;
    node.parentNode = node.nextSibling = node.previousSibling = null;
  }
  querySelector(selectors: string): LElement | null {
    const match = compile(selectors);
    const indexed = this.candidates(match);
    if (indexed) return indexed.find(match) ?? null;
    let found: LElement | null = null;
    descendants(this, (el) => {
      if (!match(el)) return false;
      found = el;
      return true;
    });
    return found;
  }
  querySelectorAll(selectors: string): LElement[] {
    const match = compile(selectors);
    const indexed = this.candidates(match);
    if (indexed) return indexed.filter(match);
    const out: LElement[] = [];
    descendants(this, (el) => {
      if (match(el)) out.push(el);
      return false;
    });
    return out;
  }
}

/** The index in `list` (in document order) of its first element after order `order`. */
function firstAfter(list: readonly LElement[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.order <= order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Elements below `root` in document order until `visit` returns true (no recursion: pages nest deep). */
function descendants(root: LParent, visit: (el: LElement) => boolean): void {
  let n: LNode | null = root.first;
  while (n) {
    if (n instanceof LElement) {
      if (visit(n)) return;
      // Linkedom's selectors do not look inside a <template> (its children are its content).
      if (n.first && n.localName !== 'template') {
        n = n.first;
        continue;
      }
    }
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) return;
    }
    n = n ? n.nextSibling : null;
  }
}

class LElement extends LParent implements Element {
  readonly nodeType = 1;
  /** Position in document order at parse time (for merging index lists). */
  order = 0;
  /** The order of the last element parsed inside this one (its subtree is orders order+1…endOrder). */
  endOrder = -1;
  /** The document whose index holds this element (set at parse; null inside a <template> or made later). */
  indexedIn: LDocument | null = null;
  /**
   * The attributes as a flat list (name, value…) in the order htmlparser2's object listed its
   * keys (names as written, the first of duplicates); NO_ATTRIBUTES, shared, when none.
   */
  private attrs: string[];
  constructor(
    readonly localName: string,
    attrs: readonly string[],
  ) {
    super();
    this.attrs = attrs as string[];
    const c = attributeAt(attrs, 'class');
    if (c >= 0) this.attrs[c + 1] = normaliseClass(attrs[c + 1]!);
  }
  /**
   * An element's queries read the document's index too while it is current (nothing changed
   * since the parse): its descendants are the indexed elements whose order lies in its range,
   * so a query of a box does not walk every node under it (cost only: the same elements, in
   * the same order). A <template>'s own content is not indexed: it walks.
   */
  protected override candidates(match: Matcher): LElement[] | null {
    const doc = this.indexedIn;
    if (!doc || doc.indexGeneration !== generation || this.localName === 'template' || this.endOrder < this.order) return null;
    const { tags, classOrId, role } = match;
    const lists = tags ? tags.map((t) => doc.byTag.get(t) ?? []) : classOrId ? [doc.withClassOrId] : role ? [doc.withRole] : null;
    if (!lists) return null;
    const out: LElement[] = [];
    for (const list of lists)
      for (let i = firstAfter(list, this.order); i < list.length && list[i]!.order <= this.endOrder; i++) out.push(list[i]!);
    return lists.length === 1 ? out : [...new Set(out)].sort((a, b) => a.order - b.order);
  }
  get nodeName(): string {
    return this.localName.toUpperCase();
  }
  get tagName(): string {
    return this.localName.toUpperCase();
  }
  get attributes(): Attr[] {
    const out: Attr[] = [];
    for (let i = 0; i < this.attrs.length; i += 2) out.push({ name: this.attrs[i]!, value: this.attrs[i + 1]! });
    return out;
  }
  getAttribute(name: string): string | null {
    const i = attributeAt(this.attrs, name);
    if (i >= 0) return this.attrs[i + 1]!;
    return name === 'class' ? '' : null;
  }
  /** The attribute as css-select sees it through linkedom: `class` is null when absent. */
  attr(name: string): string | null {
    const i = attributeAt(this.attrs, name);
    return i >= 0 ? this.attrs[i + 1]! : null;
  }
  hasAttribute(name: string): boolean {
    return attributeAt(this.attrs, name) >= 0;
  }
  /** As an object's property: a new name goes last (an array index among the indices), `__proto__` is never set. */
  setAttribute(name: string, value: string): void {
    changed();
    name = String(name);
    if (name === '__proto__') return;
    const v = name === 'class' ? normaliseClass(String(value)) : String(value);
    const i = attributeAt(this.attrs, name);
    if (i >= 0) this.attrs[i + 1] = v;
    else this.attrs = inKeyOrder([...this.attrs, name, v]);
  }
  removeAttribute(name: string): void {
    changed();
    const i = attributeAt(this.attrs, name);
    if (i >= 0) this.attrs = [...this.attrs.slice(0, i), ...this.attrs.slice(i + 2)];
  }
  get nextElementSibling(): LElement | null {
    for (let n = this.nextSibling; n; n = n.nextSibling) if (n instanceof LElement) return n;
    return null;
  }
  get previousElementSibling(): LElement | null {
    for (let n = this.previousSibling; n; n = n.previousSibling) if (n instanceof LElement) return n;
    return null;
  }
  get textContent(): string {
    let out = '';
    let n: LNode | null = this.first;
    while (n) {
      if (n instanceof LText) out += n.data;
      else if (n instanceof LElement && n.first) {
        n = n.first;
        continue;
      }
      while (n && !n.nextSibling) {
        n = n.parentNode;
        if (n === this) return out;
      }
      n = n ? n.nextSibling : null;
    }
    return out;
  }
  get innerHTML(): string {
    return this.childNodes.map((c) => serialise(c, RAW.has(this.localName))).join('');
  }
  set innerHTML(html: string) {
    while (this.first) this.removeChild(this.first);
    const frag = parseLightDocument(html);
    for (let c = frag.first; c; c = frag.first) this.appendChild(c);
  }
  get outerHTML(): string {
    return serialise(this, false);
  }
}

function serialise(n: LNode, raw: boolean): string {
  if (n instanceof LText) return raw ? n.data : escapeText(n.data);
  if (!(n instanceof LElement)) return '';
  const attrs = n.attributes.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('');
  if (VOID.has(n.localName)) return `<${n.localName}${attrs}>`;
  return `<${n.localName}${attrs}>${n.innerHTML}</${n.localName}>`;
}

class LDocument extends LParent implements Document {
  readonly nodeType = 9;
  readonly nodeName = '#document';
  /** Elements by tag name, and those with a class or id, in document order as parsed. */
  readonly byTag = new Map<string, LElement[]>();
  readonly withClassOrId: LElement[] = [];
  /** Those with a `role` attribute (`[role="tab"]` is asked of every page and needs no tag). */
  readonly withRole: LElement[] = [];
  indexGeneration = -1;
  /**
   * Where the text inside each `<script>` (but JSON-LD) and `<style>` lies in the parsed string,
   * as [start, end) pairs from the parser's own events: what Readability removes before it looks
   * at anything, cut from the page it is given (extract.ts, referee).
   */
  readonly rawTextRanges: number[] = [];
  /**
   * Whole-document queries walk only the elements that can match: those of the selector's tag,
   * or those with a class or id when every alternative needs one (a page has thousands of
   * elements and the extractor asks a dozen questions of each page).
   */
  protected override candidates(match: Matcher): LElement[] | null {
    if (this.indexGeneration !== generation) return null;
    const { tags, classOrId, role } = match;
    if (tags) {
      if (tags.length === 1) return this.byTag.get(tags[0]!) ?? [];
      const all = tags.flatMap((t) => this.byTag.get(t) ?? []);
      return [...new Set(all)].sort((a, b) => a.order - b.order);
    }
    return classOrId ? this.withClassOrId : role ? this.withRole : null;
  }
  get textContent(): null {
    return null;
  }
  get documentElement(): LElement {
    return this.firstElementChild as LElement;
  }
  /** As linkedom: a `head` is made first in the root element when its first child is not one. */
  get head(): LElement | null {
    const root = this.firstElementChild;
    if (!root) return null;
    let head = root.firstElementChild;
    if (!head || head.localName !== 'head') {
      head = new LElement('head', NO_ATTRIBUTES);
      root.insertBefore(head, root.first);
    }
    return head;
  }
  /**
   * The `body` element. Where the page wrote none (`<html><head>…</head><div>…</div></html>`),
   * what follows `head` goes into an implied one, as an HTML parser does; linkedom would answer
   * a new empty body and the page would extract to nothing. Stray content before a late
   * `<body>` tag joins that body at its start.
   */
  get body(): LElement | null {
    const head = this.head;
    if (!head) return null;
    const root = head.parentNode!;
    let body: LNode | null = head.nextSibling;
    while (body && !(body instanceof LElement && body.localName === 'body')) body = body.nextSibling;
    if (body instanceof LElement) {
      const bodyStart = body.first;
      for (let stray = head.nextSibling; stray && stray !== body; stray = head.nextSibling) body.insertBefore(stray, bodyStart);
      return body;
    }
    const implied = new LElement('body', NO_ATTRIBUTES);
    for (let c = head.nextSibling; c; c = head.nextSibling) implied.appendChild(c);
    root.insertBefore(implied, null);
    return implied;
  }
  get title(): string {
    return this.head?.querySelector('title')?.textContent || '';
  }
}

/** Parses a page into the light DOM (htmlparser2 with linkedom's options; nothing runs or loads). */
export function parseLightDocument(html: string): LDocument {
  const doc = new LDocument();
  let cur: LParent = doc;
  let order = 0;
  /** Inside a <template>: not indexed, as selectors do not look there. */
  let inTemplate = 0;
  /** Inside a <script> (not JSON-LD) or a <style>: its text's place is recorded. */
  let inRawText = false;
  const parser = newAttributeParser(
    {
      onopentag(name, attrs) {
        inRawText = name === 'style' || (name === 'script' && !attrs.some((v, i) => i % 2 === 1 && /ld\+json/i.test(v)));
        const el = new LElement(name, attrs);
        el.order = order++;
        cur.appendChild(el);
        cur = el;
        const hidden = inTemplate > 0;
        if (name === 'template') inTemplate++;
        if (hidden) return;
        el.indexedIn = doc;
        const list = doc.byTag.get(name);
        if (list) list.push(el);
        else doc.byTag.set(name, [el]);
        if (attrs.length > 0) {
          if (attributeAt(attrs, 'class') >= 0 || attributeAt(attrs, 'id') >= 0) doc.withClassOrId.push(el);
          if (attributeAt(attrs, 'role') >= 0) doc.withRole.push(el);
        }
      },
      ontext(data) {
        // htmlparser2 hands text over as the slice of the source it read (entities come apart).
        if (inRawText) doc.rawTextRanges.push(parser.endIndex + 1 - data.length, parser.endIndex + 1);
        const last = cur.last;
        if (last instanceof LText) last.data += data;
        else cur.appendChild(new LText(data));
      },
      onclosetag() {
        inRawText = false;
        if (cur instanceof LElement) cur.endOrder = order - 1;
        if (inTemplate && cur instanceof LElement && cur.localName === 'template') inTemplate--;
        cur = cur.parentNode ?? doc;
      },
    },
    { lowerCaseAttributeNames: true, decodeEntities: true, Tokenizer: FastTokenizer },
  );
  parsing = true;
  try {
    parser.write(html);
    parser.end();
  } finally {
    parsing = false;
  }
  doc.indexGeneration = generation;
  return doc;
}

/** `s` without the [start, end) ranges given in order (a document's `rawTextRanges`). */
export function withoutRanges(s: string, ranges: readonly number[]): string {
  if (ranges.length === 0) return s;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    parts.push(s.slice(at, ranges[i]));
    at = ranges[i + 1]!;
  }
  parts.push(s.slice(at));
  return parts.join('');
}

// ---- selectors --------------------------------------------------------------------------------

/** css-select compares these attributes' values without case in HTML documents. */
const CASE_INSENSITIVE = new Set(
  'accept accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer dir direction disabled enctype face frame hreflang http-equiv lang language link media method multiple nohref noresize noshade nowrap readonly rel rev rules scope scrolling selected shape target text type valign valuetype vlink'.split(
    ' ',
  ),
);

type Test = (el: LElement) => boolean;
/** A compiled selector list, with what its rightmost compounds require (for the document's index). */
type Matcher = ((el: LElement) => boolean) & { tags?: string[] | null; classOrId?: boolean; role?: boolean };
interface Group {
  match: (el: LElement) => boolean;
  tag: string | null;
  classOrId: boolean;
  /** Its rightmost compound tests the `role` attribute (so needs one). */
  role: boolean;
}
const cache = new Map<string, Matcher>();

function compile(selectors: string): Matcher {
  let m = cache.get(selectors);
  if (!m) {
    const groups = splitGroups(selectors).map((g) => compileGroup(g, selectors));
    const fns = groups.map((g) => g.match);
    // Loops, not some/every: a closure per element tested was a tenth of a page's garbage.
    m =
      fns.length === 1
        ? fns[0]!
        : (el: LElement) => {
            for (const g of fns) if (g(el)) return true;
            return false;
          };
    m.tags = groups.every((g) => g.tag) ? groups.map((g) => g.tag!) : null;
    m.classOrId = groups.every((g) => g.classOrId);
    m.role = groups.every((g) => g.role);
    cache.set(selectors, m);
  }
  return m;
}

function unsupported(selectors: string): Error {
  return new Error(`light-dom: unsupported selector "${selectors}"`);
}

function splitGroups(s: string): string[] {
  const out: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((g) => g.trim());
}

const IDENT = /^-?[A-Za-z_\u00a0-\uffff][\w\u00a0-\uffff-]*/;
const ATTR = /^\[\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))\s*([iIsS])?\s*)?\]/;

/** One compound selector: all its simple tests hold for the element. */
function compileCompound(
  src: string,
  selectors: string,
): { test: Test; rest: string; tag: string | null; classOrId: boolean; role: boolean } {
  const tests: Test[] = [];
  let s = src;
  let name: string | null = null;
  let classOrId = false;
  let role = false;
  const tag = /^(?:\*|[A-Za-z][\w-]*)/.exec(s);
  if (tag) {
    if (tag[0] !== '*') {
      const n = (name = tag[0].toLowerCase());
      tests.push((el) => el.localName === n);
    }
    s = s.slice(tag[0].length);
  }
  for (;;) {
    const c = s[0];
    if (c === '#' || c === '.') {
      const id = IDENT.exec(s.slice(1));
      if (!id) throw unsupported(selectors);
      const v = id[0];
      tests.push(c === '#' ? (el) => el.attr('id') === v : (el) => hasToken(el.attr('class'), v));
      classOrId = true;
      s = s.slice(1 + v.length);
    } else if (c === '[') {
      const a = ATTR.exec(s);
      if (!a) throw unsupported(selectors);
      const attr = a[1]!.toLowerCase();
      tests.push(attributeTest(attr, a[2], a[3] ?? a[4] ?? a[5] ?? '', a[6]));
      // Every attribute test needs the attribute to be there.
      if (attr === 'class' || attr === 'id') classOrId = true;
      if (attr === 'role') role = true;
      s = s.slice(a[0].length);
    } else break;
  }
  if (tests.length === 0 && !tag) throw unsupported(selectors);
  const test: Test =
    tests.length === 1
      ? tests[0]!
      : (el) => {
          for (const t of tests) if (!t(el)) return false;
          return true;
        };
  return { test, rest: s, tag: name, classOrId, role };
}

/** Whether the code unit is one regex `\s` (and so `trim`) matches (asked of the regex itself beyond ASCII). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  return c >= 0xa0 && /\s/.test(String.fromCharCode(c));
}

/** `value.split(/\s/).includes(token)`, without the array: `token` stands between spaces or the ends. */
function hasToken(value: string | null, token: string): boolean {
  if (value === null || !token || /\s/.test(token)) return false;
  for (let i = value.indexOf(token); i >= 0; i = value.indexOf(token, i + 1)) {
    const end = i + token.length;
    if ((i === 0 || isSpaceCode(value.charCodeAt(i - 1))) && (end === value.length || isSpaceCode(value.charCodeAt(end)))) return true;
  }
  return false;
}

function attributeTest(name: string, op: string | undefined, value: string, flag: string | undefined): Test {
  if (!op) return (el) => el.hasAttribute(name);
  const ic = flag ? flag.toLowerCase() === 'i' : CASE_INSENSITIVE.has(name);
  const v = ic ? value.toLowerCase() : value;
  const get = (el: LElement): string | null => {
    const a = el.attr(name);
    return a !== null && ic ? a.toLowerCase() : a;
  };
  switch (op) {
    case '=':
      return (el) => get(el) === v;
    case '~=':
      return (el) => hasToken(get(el), v);
    case '|=':
      return (el) => {
        const a = get(el);
        return a !== null && (a === v || a.startsWith(`${v}-`));
      };
    case '^=':
      return (el) => v !== '' && !!get(el)?.startsWith(v);
    case '$=':
      return (el) => v !== '' && !!get(el)?.endsWith(v);
    default:
      return (el) => v !== '' && !!get(el)?.includes(v);
  }
}

/** `a b > c`: the last compound tests the element, the others its ancestors (right to left). */
function compileGroup(group: string, selectors: string): Group {
  const parts: { test: Test; combinator: ' ' | '>'; tag: string | null; classOrId: boolean; role: boolean }[] = [];
  let s = group;
  let combinator: ' ' | '>' = ' ';
  while (s) {
    const { test, rest, tag, classOrId, role } = compileCompound(s, selectors);
    parts.push({ test, combinator, tag, classOrId, role });
    const ws = /^\s*(>)?\s*/.exec(rest)!;
    s = rest.slice(ws[0].length);
    if (s && !ws[0]) throw unsupported(selectors);
    combinator = ws[1] ? '>' : ' ';
  }
  if (parts.length === 0) throw unsupported(selectors);
  const matchFrom = (el: LElement, i: number): boolean => {
    if (!parts[i]!.test(el)) return false;
    if (i === 0) return true;
    if (parts[i]!.combinator === '>') {
      const p = el.parentElement;
      return p !== null && matchFrom(p, i - 1);
    }
    for (let p = el.parentElement; p; p = p.parentElement) if (matchFrom(p, i - 1)) return true;
    return false;
  };
  const last = parts[parts.length - 1]!;
  return { match: (el) => matchFrom(el, parts.length - 1), tag: last.tag, classOrId: last.classOrId, role: last.role };
}
