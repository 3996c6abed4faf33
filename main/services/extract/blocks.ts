/**
 * The shapes every extraction pass shares: a walked text block (Block) with its line, links and
 * image, and a container's counts (Stats). Types only: what the passes decide lives in their own
 * modules (see docs/ARCHITECTURE.md).
 */
import type { Element } from '../parsed-dom';

export interface ExtractedImage {
  src: string;
  alt: string;
}

export interface Line {
  text: string;
  html: string;
  linkChars: number;
  /** The line's text outside links. */
  plain: string;
  images: ExtractedImage[];
}

export interface Block {
  index: number;
  text: string;
  /** Whitespace collapsed but kept between CJK characters: separates metadata fields. */
  spaced: string;
  /** The text as written (for titles, where a space between CJK clauses is meaningful). */
  raw: string;
  /** The block's HTML as walked; tidied only for blocks that reach the body (see blockHtml). */
  rawHtml: string;
  /** Where the `<@k>` link marks of rawHtml point. */
  links: Links;
  tidied: string | null;
  len: number;
  linkChars: number;
  /** The block's text outside links: a sentence around a link is prose, a bare link is not. */
  plain: string;
  punct: number;
  el: Element;
  ancestors: Element[]; // nearest first, starting with el
  kind: 'p' | 'h2' | 'h3' | 'h4' | 'li' | 'blockquote';
  images: ExtractedImage[];
  negative: boolean;
  boiler: boolean;
}

export interface Links {
  hrefs: string[];
  base: string | undefined;
}

export interface Stats {
  chars: number;
  linkChars: number;
  punct: number;
  score: number;
}
