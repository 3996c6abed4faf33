/**
 * The article HTML that is stored: any HTML (extractor output, feed content, mammoth output)
 * → an allow-listed list of top-level blocks, and the plain text the reader anchors to, derived
 * from those same blocks: one line per top-level block element (its textContent), joined by
 * "\n". Allowed: p, h2–h4, ul/ol/li, blockquote; inline strong/b/em/i/u/sub/sup/br, a (http(s)
 * href only), img (src, alt). Everything else is unwrapped or dropped (script, style, iframe,
 * svg, forms, on* attributes, javascript: links…).
 */
import { ALLOWED_TAGS, escapeHtml, FORMAT_TAGS, isAllowedAttribute, isAllowedLink, NON_CONTENT_TAGS } from '../../../shared/html-policy';
import { resolveContentUrl } from '../../../shared/url';
import { imageSource } from '../html-tags';
import { parseHtmlDocument, type Element, type Text } from '../parsed-dom';

export interface HElement {
  tag: string;
  attrs: Record<string, string>;
  children: HNode[];
}
export type HNode = HElement | string;

const DROP = NON_CONTENT_TAGS;
const CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'center',
  'header',
  'footer',
  'aside',
  'nav',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'fieldset',
  'address',
  'hgroup',
  'colgroup',
  'col',
  'marquee',
  'font-block',
]);
/** Between the cells of a data-table row kept on one line. */
const ROW_SEPARATOR = '｜';
const HEADINGS: Record<string, string> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };
const INLINE_KEEP: ReadonlySet<string> = new Set(FORMAT_TAGS);
const BLOCK_LIKE = new Set(['p', 'pre', 'blockquote', 'ul', 'ol', 'li', 'figcaption', 'hr', ...Object.keys(HEADINGS), ...CONTAINERS]);

const resolve = resolveContentUrl;

class Builder {
  readonly blocks: HElement[] = [];
  private run: HNode[] = [];
  constructor(private readonly base: string | undefined) {}

  flush(): void {
    if (this.run.length > 0) {
      this.blocks.push({ tag: 'p', attrs: {}, children: this.run });
      this.run = [];
    }
  }

  container(el: Element, depth: number): void {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        this.run.push((n as Text).data);
        continue;
      }
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      const tag = c.localName;
      if (DROP.has(tag) || depth > 200) continue;
      if (tag === 'br' || tag === 'hr') {
        this.flush();
        continue;
      }
      if (tag === 'tr' && this.isDataRow(c)) {
        // A row of a data table (short inline cells, e.g. a study schedule): one line, cells
        // kept apart, instead of one paragraph per cell. Layout tables hold blocks: containers.
        this.flush();
        const children: HNode[] = [];
        for (let cell = c.firstElementChild; cell; cell = cell.nextElementSibling) {
          if (cell.localName !== 'td' && cell.localName !== 'th') continue;
          const inline = this.inline(cell, depth + 1);
          if (children.length) children.push(ROW_SEPARATOR);
          children.push(...inline);
        }
        this.blocks.push({ tag: 'p', attrs: {}, children });
        continue;
      }
      if (CONTAINERS.has(tag)) {
        this.flush();
        this.container(c, depth + 1);
        this.flush();
        continue;
      }
      if (tag === 'p' || tag === 'pre' || tag === 'figcaption' || HEADINGS[tag]) {
        this.flush();
        // A <p> holding blocks (invalid, but common): split it.
        if (this.hasBlockChild(c)) {
          this.container(c, depth + 1);
          this.flush();
          continue;
        }
        this.blocks.push({ tag: HEADINGS[tag] ?? 'p', attrs: {}, children: this.inline(c, depth + 1) });
        continue;
      }
      if (tag === 'ul' || tag === 'ol') {
        this.flush();
        this.blocks.push(this.list(c, depth + 1));
        continue;
      }
      if (tag === 'li') {
        this.flush();
        this.blocks.push({ tag: 'ul', attrs: {}, children: [{ tag: 'li', attrs: {}, children: this.inline(c, depth + 1) }] });
        continue;
      }
      if (tag === 'blockquote') {
        this.flush();
        const inner = new Builder(this.base);
        inner.container(c, depth + 1);
        inner.flush();
        this.blocks.push({ tag: 'blockquote', attrs: {}, children: inner.blocks });
        continue;
      }
      for (const x of this.inlineNode(c, depth + 1)) this.run.push(x);
    }
  }

  /** A table row of at least two cells, none holding blocks or much text. */
  private isDataRow(tr: Element): boolean {
    let cells = 0;
    for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (cell.localName !== 'td' && cell.localName !== 'th') continue;
      cells++;
      if (this.hasBlockChild(cell) || (cell.textContent ?? '').length > 120) return false;
      if (cell.querySelector('table')) return false;
    }
    return cells >= 2;
  }

  private hasBlockChild(el: Element): boolean {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName !== 'br' && BLOCK_LIKE.has(c.localName)) return true;
    }
    return false;
  }

  private list(el: Element, depth: number): HElement {
    const items: HNode[] = [];
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (DROP.has(c.localName)) continue;
      items.push({ tag: 'li', attrs: {}, children: this.inline(c, depth + 1) });
    }
    return { tag: el.localName === 'ol' ? 'ol' : 'ul', attrs: {}, children: items };
  }

  inline(el: Element, depth: number): HNode[] {
    const out: HNode[] = [];
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) out.push((n as Text).data);
      else if (n.nodeType === 1) out.push(...this.inlineNode(n as Element, depth + 1));
    }
    return out;
  }

  private inlineNode(el: Element, depth: number): HNode[] {
    const tag = el.localName;
    if (DROP.has(tag) || depth > 250) return [];
    if (tag === 'br') return [{ tag: 'br', attrs: {}, children: [] }];
    if (tag === 'img') {
      const raw = imageSource(el);
      const src = raw ? resolve(raw, this.base) : null;
      if (!src) return [];
      const attrs: Record<string, string> = { src };
      const alt = (el.getAttribute('alt') ?? '').trim();
      if (alt) attrs.alt = alt.slice(0, 300);
      return [{ tag: 'img', attrs, children: [] }];
    }
    if (tag === 'a') {
      const href = resolve(el.getAttribute('href') ?? '', this.base);
      const children = this.inline(el, depth);
      if (href && isAllowedLink(href)) return [{ tag: 'a', attrs: { href }, children }];
      return children;
    }
    if (INLINE_KEEP.has(tag)) return [{ tag, attrs: {}, children: this.inline(el, depth) }];
    return this.inline(el, depth);
  }
}

/** Parses any HTML into allow-listed top-level blocks (image sources resolved against `baseUrl`). */
export function sanitiseHtml(html: string, baseUrl?: string): HElement[] {
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const doc = parseHtmlDocument(source);
  const root = (doc.body ?? doc.documentElement) as Element | null;
  const b = new Builder(baseUrl && isAllowedLink(baseUrl) ? baseUrl : undefined);
  if (root) b.container(root, 0);
  b.flush();
  return normaliseBlocks(b.blocks);
}

const WS_RE = /(?:[\s\u3000\u00a0\u200b\u200c\u2002\u2003\u2009\ufeff]|\u200d)+/g;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const CJK =
  '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019\\u2014\\u2026\\u00b7';
const CJK_SPACE_RE = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'g');

interface Leaf {
  parent: HNode[];
  index: number;
}

function collectLeaves(nodes: HNode[], out: Leaf[]): void {
  nodes.forEach((n, i) => {
    if (typeof n === 'string') out.push({ parent: nodes, index: i });
    else collectLeaves(n.children, out);
  });
}

function hasContent(nodes: HNode[]): boolean {
  return nodes.some((n) => (typeof n === 'string' ? n.length > 0 : n.tag === 'img' || hasContent(n.children)));
}

function pruneEmpty(nodes: HNode[]): HNode[] {
  const out: HNode[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') {
      if (n) out.push(n);
      continue;
    }
    if (n.tag === 'img' || n.tag === 'br') {
      out.push(n);
      continue;
    }
    n.children = pruneEmpty(n.children);
    if (hasContent(n.children)) out.push(n);
  }
  // No <br> at the edges of a block.
  const isBr = (n: HNode | undefined) => n !== undefined && typeof n !== 'string' && n.tag === 'br';
  while (isBr(out[0])) out.shift();
  while (isBr(out[out.length - 1])) out.pop();
  return out;
}

/** Whitespace within a block: collapsed, dropped between CJK characters, trimmed at its edges. */
function normaliseBlock(block: HElement): void {
  const units =
    block.tag === 'ul' || block.tag === 'ol' || block.tag === 'blockquote'
      ? (block.children.filter((c) => typeof c !== 'string') as HElement[])
      : [block];
  if (units.length !== 1 || units[0] !== block) {
    block.children = units;
    for (const u of units) normaliseBlock(u);
    return;
  }
  const leaves: Leaf[] = [];
  collectLeaves(block.children, leaves);
  let prevEndsSpace = true;
  let prevChar = '';
  for (const l of leaves) {
    let t = (l.parent[l.index] as string).replace(CONTROL_RE, '').replace(WS_RE, ' ').replace(CJK_SPACE_RE, '$1');
    if (prevEndsSpace && t.startsWith(' ')) t = t.slice(1);
    if (t.startsWith(' ') && new RegExp(`[${CJK}]$`).test(prevChar) && new RegExp(`^ [${CJK}]`).test(t)) t = t.slice(1);
    l.parent[l.index] = t;
    if (t) {
      prevEndsSpace = t.endsWith(' ');
      prevChar = t.slice(-1);
    }
  }
  for (let i = leaves.length - 1; i >= 0; i--) {
    const l = leaves[i]!;
    const t = l.parent[l.index] as string;
    if (!t) continue;
    l.parent[l.index] = t.replace(/ +$/, '');
    if (l.parent[l.index]) break;
  }
  block.children = pruneEmpty(block.children);
}

function normaliseBlocks(blocks: HElement[]): HElement[] {
  const out: HElement[] = [];
  for (const b of blocks) {
    normaliseBlock(b);
    if (b.tag === 'ul' || b.tag === 'ol' || b.tag === 'blockquote') {
      b.children = b.children.filter((c) => typeof c !== 'string' && hasContent(c.children));
    }
    if (hasContent(b.children)) out.push(b);
  }
  return out;
}

/** Every image source in the blocks, in order. */
export function imageSources(blocks: HElement[]): string[] {
  const out: string[] = [];
  const walk = (nodes: HNode[]) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.tag === 'img' && n.attrs.src) out.push(n.attrs.src);
      walk(n.children);
    }
  };
  walk(blocks);
  return out;
}

/** Rewrites image sources: a new src, or null to drop the src (the image stays, with its alt). */
export function mapImages(blocks: HElement[], map: (src: string) => string | null): void {
  const walk = (nodes: HNode[]) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.tag === 'img' && n.attrs.src !== undefined) {
        const next = map(n.attrs.src);
        if (next) n.attrs.src = next;
        else delete n.attrs.src;
      }
      walk(n.children);
    }
  };
  walk(blocks);
}

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_TAGS);

function render(n: HNode): string {
  if (typeof n === 'string') return escapeHtml(n);
  // The policy checked once more at the door: whatever built the tree, nothing else is written.
  if (!ALLOWED.has(n.tag)) return n.children.map(render).join('');
  const attrs = Object.entries(n.attrs)
    .filter(([k]) => isAllowedAttribute(n.tag, k))
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  if (n.tag === 'img' || n.tag === 'br') return `<${n.tag}${attrs}>`;
  return `<${n.tag}${attrs}>${n.children.map(render).join('')}</${n.tag}>`;
}

function textOf(n: HNode): string {
  return typeof n === 'string' ? n : n.children.map(textOf).join('');
}

/** HTML and text of the blocks: text line i is block i's textContent. */
export function renderBlocks(blocks: HElement[]): { html: string; text: string } {
  return { html: blocks.map(render).join('\n'), text: blocks.map(textOf).join('\n') };
}

/** Drops a first block that only repeats the title. */
export function dropTitleBlock(blocks: HElement[], title: string): HElement[] {
  const first = blocks[0];
  if (first && textOf(first).replace(/\s+/g, '') === title.replace(/\s+/g, '')) return blocks.slice(1);
  return blocks;
}

export function blockTexts(blocks: HElement[]): string[] {
  return blocks.map(textOf);
}
