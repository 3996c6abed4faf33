/**
 * The DOM main reads pages through: linkedom's parsed documents, typed as the subset of the
 * standard DOM interfaces the extractor, the list-page reader and the stored-HTML builder use.
 * main/ typechecks without the browser DOM library (a `document` there would be a bug), so the
 * names below are ours; they are spelt like the DOM's so the walkers read the same.
 */
import { lazyRequire } from './lazy-require';

type Linkedom = typeof import('linkedom');
let loaded: Linkedom | null = null;

/**
 * linkedom, loaded on first use: the extractor's own pass never needs it (lazy-require.ts). Every
 * user in main/ takes it from here, so a bundle holds one copy (required, i.e. its CommonJS build).
 */
export function linkedom(): Linkedom {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= typeof require === 'function' ? (require('linkedom') as Linkedom) : lazyRequire<Linkedom>('linkedom');
  return loaded;
}

export interface Node {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly parentNode: Node | null;
  readonly parentElement: Element | null;
  readonly firstChild: Node | null;
  readonly lastChild: Node | null;
  readonly nextSibling: Node | null;
  readonly previousSibling: Node | null;
  readonly childNodes: ArrayLike<Node> & Iterable<Node>;
  contains(other: Node | null): boolean;
  remove(): void;
}

export interface Text extends Node {
  readonly data: string;
}

export interface Attr {
  readonly name: string;
  readonly value: string;
}

export interface ParentNode {
  querySelector(selectors: string): Element | null;
  querySelectorAll(selectors: string): ArrayLike<Element> & Iterable<Element>;
}

export interface Element extends Node, ParentNode {
  readonly localName: string;
  readonly tagName: string;
  readonly attributes: ArrayLike<Attr> & Iterable<Attr>;
  readonly children: ArrayLike<Element> & Iterable<Element>;
  readonly firstElementChild: Element | null;
  readonly lastElementChild: Element | null;
  readonly nextElementSibling: Element | null;
  readonly previousElementSibling: Element | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  innerHTML: string;
  readonly outerHTML: string;
}

export interface Document extends Node, ParentNode {
  readonly documentElement: Element;
  readonly head: Element | null;
  readonly body: Element | null;
  readonly title: string;
}

/** Parse an HTML string into a document (linkedom: no scripts run, nothing is fetched). */
export function parseHtmlDocument(html: string): Document {
  return linkedom().parseHTML(html).document as unknown as Document;
}
