/**
 * Readability as the referee runs it (issue 16, speed): @mozilla/readability on
 * readability-dom.ts's document (which answers every DOM member it touches as linkedom's would),
 * with the few methods where its own walks cost most answered the same way for less. Every
 * override returns what the method it replaces returns, so Readability's result is unchanged
 * (scripts/extract-identity.ts --readability compares it with Readability on linkedom):
 *  - `_getAllNodesWithTag`: Readability joins the tag list into a selector for querySelectorAll;
 *    here the list goes to the same walk without the string round trip.
 *  - `_isElementWithoutContent`: Readability joins all the text below (`textContent.trim()`) to
 *    see whether it is empty, for every div, section, header and heading, the outer ones holding
 *    most of the page; a text node with a character `trim` keeps (\S: the same white space set)
 *    settles it.
 *  - `_getInnerText`: Readability trims (and mostly collapses) the same element's text many times
 *    over (`_getLinkDensity`, `_getCharCount`, `_cleanConditionally` on one node; each
 *    candidate's again): kept per element until a change below it (readability-dom.ts's
 *    textVersion), computed by Readability's own two expressions.
 *  - `_isProbablyVisible`: an element without a `style` attribute reads '' for display and
 *    visibility, so the style is not read.
 *  - `_fixRelativeUris`: on a document whose base is no absolute URL (no `<base href>`: the
 *    document answers null, as linkedom's), `new URL(uri, base)` throws for every URL and
 *    Readability keeps each as written, setting it back unchanged, at the price of one exception
 *    per link and image. Only its `javascript:` links change (to their text or a span): that part
 *    runs as Readability's.
 * On any other document (the identity script also runs this class on linkedom's) the originals run.
 */
import { lazyRequire } from '../lazy-require';
import { RElement, RParent, type RNode } from './readability-dom';

type ReadabilityModule = typeof import('@mozilla/readability');
export type ReadabilityClass = ReadabilityModule['Readability'];

/** Readability's own methods the subclass overrides (not in its public typings). */
interface ReadabilityInternals {
  _getAllNodesWithTag(node: unknown, tagNames: string[]): ArrayLike<unknown>;
  _isProbablyVisible(node: FastElement): boolean;
  _fixRelativeUris(articleContent: unknown): void;
  _isElementWithoutContent(node: unknown): boolean;
  _getInnerText(e: unknown, normalizeSpaces?: boolean): string;
  REGEXPS: { normalize: RegExp };
}

/** An element's text as `_getInnerText` gives it, and the version of the element it was read at. */
interface InnerText {
  at: number;
  trimmed: string;
  /** With runs of white space collapsed (`normalizeSpaces`), when asked. */
  normalised: string | null;
}

/** What `_fixRelativeUris` reads and changes of a link and its document. */
interface LinkElement {
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
  const baseInnerText = base._getInnerText;

  class FastReadability extends Base {
    private readonly innerTexts = new Map<RElement, InnerText>();
    _getInnerText(e: unknown, normalizeSpaces?: boolean): string {
      if (!(e instanceof RElement)) return baseInnerText.call(this, e, normalizeSpaces);
      let kept = this.innerTexts.get(e);
      if (kept === undefined || kept.at !== e.textVersion) {
        kept = { at: e.textVersion, trimmed: e.textContent.trim(), normalised: null };
        this.innerTexts.set(e, kept);
      }
      // Readability's: undefined means true, anything else counts by its truth.
      if (!(typeof normalizeSpaces === 'undefined' ? true : normalizeSpaces)) return kept.trimmed;
      return (kept.normalised ??= kept.trimmed.replace((this as unknown as ReadabilityInternals).REGEXPS.normalize, ' '));
    }
    _getAllNodesWithTag(node: unknown, tagNames: string[]): ArrayLike<unknown> {
      return node instanceof RParent ? node.withTags(tagNames) : baseAll.call(this, node, tagNames);
    }
    _isElementWithoutContent(node: unknown): boolean {
      if (node instanceof RElement) {
        // The text nodes below in document order (what textContent joins), until one is not blank.
        let n: RNode | null = node.firstChild;
        while (n !== null) {
          if (n.nodeType === 3) {
            if (/\S/.test((n as unknown as { data: string }).data)) return false;
          } else if (n instanceof RElement && n.firstChild !== null) {
            n = n.firstChild;
            continue;
          }
          while (n !== null && n !== node && n.nextSibling === null) n = n.parentNode;
          n = n === node || n === null ? null : n.nextSibling;
        }
      }
      return baseWithoutContent.call(this, node);
    }
    _isProbablyVisible(node: FastElement): boolean {
      if (node.hasAttribute('style')) return baseVisible.call(this, node);
      // Readability's own expression after its style tests, falsy values and all.
      return (!node.hasAttribute('hidden') &&
        (!node.hasAttribute('aria-hidden') ||
          node.getAttribute('aria-hidden') != 'true' ||
          (node.className && node.className.includes && node.className.includes('fallback-image')))) as boolean;
    }
    _fixRelativeUris(articleContent: unknown): void {
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
