/**
 * Readability as the referee runs it (issue 16, speed): @mozilla/readability on a linkedom
 * document, with the few methods where it meets linkedom's slow paths answered the same way for
 * less. Every override returns what the method it replaces returns on a linkedom document (the
 * only document it is given), so Readability's content is unchanged:
 *  - `_getAllNodesWithTag`: linkedom's querySelectorAll compiles the tag list with css-select on
 *    every call and runs the compiled test on every node; here one walk of the same node list
 *    (document order, not into a <template>), comparing tag names as css-select does in HTML.
 *  - `_isProbablyVisible`: `node.style` builds a CSS declaration object (a Proxy over a Map) per
 *    element; an element without a `style` attribute reads '' for display and visibility.
 *  - `_fixRelativeUris`: on a document whose base is no absolute URL (no `<base href>`: linkedom
 *    answers null), `new URL(uri, base)` throws for every URL and Readability keeps each as
 *    written, setting it back unchanged, at the price of one exception per link and image. Only
 *    its `javascript:` links change (to their text or a span): that part runs as Readability's.
 *  - `_getInnerText`, `_isElementWithoutContent`, `_getLinkDensity`: Readability reads the text
 *    of every candidate, of each link in it and of every div and heading (to see it is empty),
 *    the outer ones holding most of the page; one walk of linkedom's node list joins the text
 *    without an array, stops at the first non-space text, and finds links without linkedom's
 *    `getElementsByTagName` upper-casing every other element's name.
 * When the linkedom internals the walk needs are not found, the originals run.
 */
import { lazyRequire } from '../lazy-require';

type ReadabilityModule = typeof import('@mozilla/readability');
export type ReadabilityClass = ReadabilityModule['Readability'];

/** The parts of a linkedom node the walk reads: its node list links, by their symbols. */
interface LinkedNode {
  nodeType: number;
  localName?: string;
  /** A text node's data (linkedom's element textContent joins these). */
  textContent?: string | null;
  getAttribute?(name: string): string | null;
  [key: symbol]: LinkedNode;
}

/** Readability's own methods the subclass overrides (not in its public typings). */
interface ReadabilityInternals {
  _getAllNodesWithTag(node: LinkedNode, tagNames: string[]): ArrayLike<LinkedNode>;
  _isProbablyVisible(node: FastElement): boolean;
  _fixRelativeUris(articleContent: LinkedNode): void;
  _isElementWithoutContent(node: LinkedNode): boolean;
  _getLinkDensity(element: LinkedNode): number;
  _getInnerText(node: LinkedNode, normalizeSpaces?: boolean): string;
  REGEXPS: { hashUrl: RegExp; normalize: RegExp };
}

/** What `_fixRelativeUris` reads and changes of a link and its document. */
interface LinkElement extends LinkedNode {
  getAttribute(name: string): string | null;
  textContent: string;
  childNodes: ArrayLike<{ nodeType: number }>;
  firstChild: LinkElement | null;
  parentNode: { replaceChild(node: unknown, old: unknown): void };
}
interface RefereeDocument {
  baseURI?: string | null;
  createTextNode(text: string): unknown;
  createElement(tag: string): { appendChild(node: unknown): void };
}

interface FastElement {
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  className: string;
}

/** linkedom's `next` and `end` symbols, read off a node (they are not exported). */
function linkSymbols(node: object): { next: symbol; end: symbol } | null {
  const symbols = Object.getOwnPropertySymbols(node);
  const next = symbols.find((s) => s.description === 'next');
  const end = symbols.find((s) => s.description === 'end');
  return next && end ? { next, end } : null;
}

let made: ReadabilityClass | null = null;

/** The Readability class the referee uses (loaded on first use: lazy-require.ts). */
export function fastReadability(): ReadabilityClass {
  if (made) return made;
  const Base = (
    typeof require === 'function'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('@mozilla/readability') as ReadabilityModule)
      : lazyRequire<ReadabilityModule>('@mozilla/readability')
  ).Readability;
  const base = Base.prototype as unknown as ReadabilityInternals;
  const baseAll = base._getAllNodesWithTag;
  const baseVisible = base._isProbablyVisible;
  const baseFixUris = base._fixRelativeUris;
  const baseWithoutContent = base._isElementWithoutContent;
  const baseLinkDensity = base._getLinkDensity;
  const baseInnerText = base._getInnerText;
  let links: { next: symbol; end: symbol } | null | undefined;

  class FastReadability extends Base {
    _getAllNodesWithTag(node: LinkedNode, tagNames: string[]): ArrayLike<LinkedNode> {
      links ??= linkSymbols(node);
      if (!links || !(links.next in node) || !(links.end in node)) return baseAll.call(this, node, tagNames);
      const { next: NEXT, end: END } = links;
      // css-select in HTML mode: the selector's tag and the element's local name, both lower case.
      const names = tagNames.map((t) => t.toLowerCase());
      const one = names.length === 1 ? names[0] : null;
      const out: LinkedNode[] = [];
      let n = node[NEXT]!;
      const end = node[END];
      while (n !== end) {
        if (n.nodeType === 1) {
          const name = n.localName!.toLowerCase();
          if (one !== null ? name === one : names.includes(name)) out.push(n);
          n = (n.localName === 'template' ? n[END] : n[NEXT])!;
        } else n = n[NEXT]!;
      }
      return out;
    }
    _getInnerText(node: LinkedNode, normalizeSpaces?: boolean): string {
      links ??= linkSymbols(node);
      if (!links || !(links.next in node) || !(links.end in node)) return baseInnerText.call(this, node, normalizeSpaces);
      const { next: NEXT, end: END } = links;
      // linkedom's textContent, joined as it goes instead of through an array: Readability asks
      // for the text of every candidate and of each link in it, so this is its most frequent walk.
      let text = '';
      const end = node[END];
      for (let n = node[NEXT]!; n !== end; n = n[NEXT]!) if (n.nodeType === 3 || n.nodeType === 4) text += n.textContent!;
      const trimmed = text.trim();
      // Readability's own: spaces normalised unless asked not to (undefined means normalise).
      const { REGEXPS } = this as unknown as ReadabilityInternals;
      return normalizeSpaces === undefined || normalizeSpaces ? trimmed.replace(REGEXPS.normalize, ' ') : trimmed;
    }
    _isElementWithoutContent(node: LinkedNode): boolean {
      // Readability joins all the text below (`textContent.trim()`) to see whether it is empty,
      // for every div, section, header and heading, the outer ones holding most of the page. A
      // text node with a character `trim` keeps (\S: the same white space set) settles it.
      links ??= linkSymbols(node);
      if (node.nodeType === 1 && links && links.next in node && links.end in node) {
        const { next: NEXT, end: END } = links;
        const end = node[END];
        for (let n = node[NEXT]!; n !== end; n = n[NEXT]!) {
          // Text and CDATA: what linkedom's textContent joins.
          if ((n.nodeType === 3 || n.nodeType === 4) && /\S/.test(n.textContent!)) return false;
        }
      }
      return baseWithoutContent.call(this, node);
    }
    _getLinkDensity(element: LinkedNode): number {
      links ??= linkSymbols(element);
      if (!links || !(links.next in element) || !(links.end in element)) return baseLinkDensity.call(this, element);
      const self = this as unknown as ReadabilityInternals;
      const { next: NEXT, end: END } = links;
      // Readability's own arithmetic, in its order; the links are `getElementsByTagName("a")`,
      // which in linkedom is one walk comparing local names (templates included), without
      // upper-casing every other element's name on the way.
      const textLength = self._getInnerText(element).length;
      if (textLength === 0) return 0;
      let linkLength = 0;
      const end = element[END];
      for (let n = element[NEXT]!; n !== end; n = n[NEXT]!) {
        if (n.nodeType !== 1 || n.localName !== 'a') continue;
        const href = n.getAttribute!('href');
        const coefficient = href && self.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
        linkLength += self._getInnerText(n).length * coefficient;
      }
      return linkLength / textLength;
    }
    _isProbablyVisible(node: FastElement): boolean {
      if (node.hasAttribute('style')) return baseVisible.call(this, node);
      // Readability's own expression after its style tests, falsy values and all.
      return (!node.hasAttribute('hidden') &&
        (!node.hasAttribute('aria-hidden') ||
          node.getAttribute('aria-hidden') != 'true' ||
          (node.className && node.className.includes && node.className.includes('fallback-image')))) as boolean;
    }
    _fixRelativeUris(articleContent: LinkedNode): void {
      const doc = (this as unknown as { _doc: RefereeDocument })._doc;
      const baseURI = doc.baseURI;
      // Readability's `new URL(uri, baseURI)`: undefined is no base at all; anything else must parse.
      if (baseURI === undefined || URL.canParse(String(baseURI))) return baseFixUris.call(this, articleContent);
      const links = this._getAllNodesWithTag(articleContent, ['a']) as ArrayLike<LinkElement>;
      for (const link of Array.from(links)) {
        const href = link.getAttribute('href');
        // Readability's own lines for a `javascript:` link, which no longer works without scripts.
        if (!href || href.indexOf('javascript:') !== 0) continue;
        if (link.childNodes.length === 1 && link.childNodes[0]!.nodeType === 3) {
          link.parentNode.replaceChild(doc.createTextNode(link.textContent), link);
        } else {
          const container = doc.createElement('span');
          while (link.firstChild) container.appendChild(link.firstChild);
          link.parentNode.replaceChild(container, link);
        }
      }
    }
  }
  made = FastReadability as unknown as ReadabilityClass;
  return made;
}
