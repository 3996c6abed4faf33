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
 * When the linkedom internals the walk needs are not found, the originals run.
 */
import { lazyRequire } from '../lazy-require';

type ReadabilityModule = typeof import('@mozilla/readability');
export type ReadabilityClass = ReadabilityModule['Readability'];

/** The parts of a linkedom node the walk reads: its node list links, by their symbols. */
interface LinkedNode {
  nodeType: number;
  localName?: string;
  [key: symbol]: LinkedNode;
}

/** Readability's own methods the subclass overrides (not in its public typings). */
interface ReadabilityInternals {
  _getAllNodesWithTag(node: LinkedNode, tagNames: string[]): ArrayLike<LinkedNode>;
  _isProbablyVisible(node: FastElement): boolean;
  _fixRelativeUris(articleContent: LinkedNode): void;
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
