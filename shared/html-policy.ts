/**
 * The one HTML policy: what article HTML may hold. Both doors read it — the storing builder in
 * main (main/services/sync/article-html.ts: synced pages, feeds, documents, packets) and the
 * renderer's DOMPurify pass before anything is shown (renderer/ui/sanitize.ts) — so they accept
 * and refuse the same things. They differ in two documented places only:
 *  - Image sources. The builder resolves a picture's address against its page and keeps http(s)
 *    (the image step then stores the picture and rewrites the address, or drops it); the
 *    renderer shows stored pictures only (STORED_IMAGE_SRC), so nothing shown reaches the network.
 *  - Relative links. The builder knows the page's address and resolves them; the renderer does
 *    not, so it keeps absolute http(s) links only.
 * Also here: the one escapeHtml for HTML our own code writes.
 *
 * DOMPurify also has guards of its own against mutation XSS: on raw markup built to confuse an
 * HTML parser (e.g. a <noscript> whose attribute closes it) it drops the whole suspicious
 * element, text and all. The builder never writes such markup, so on stored HTML that never
 * fires; on raw hostile input the renderer may keep less text than the builder, never more.
 */
import { resolveHttpUrl } from './url';

/** Block elements a stored article is made of (headings are folded to h2–h4 when stored). */
export const BLOCK_TAGS = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote'] as const;
/** Inline formatting kept as it is. */
export const FORMAT_TAGS = ['strong', 'b', 'em', 'i', 'u', 'sub', 'sup'] as const;
/** Every element allowed, with no attributes unless ALLOWED_ATTRIBUTES names them. */
export const ALLOWED_TAGS: readonly string[] = [...BLOCK_TAGS, ...FORMAT_TAGS, 'br', 'a', 'img'];
/** Attributes by element; none elsewhere (no style, class, id, on*, data-*). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], img: ['src', 'alt'] };

/** Link targets: the web only (no javascript:, data:, file:, mailto:, fragments). */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:'];
/** A picture that is shown: a stored copy in the data folder's media/ (named by its SHA-256). */
export const STORED_IMAGE_SRC = /^media\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

/**
 * Elements dropped with everything inside them — never article text and never safe: scripts,
 * styles, embedded documents and media, forms, document metadata. The extractor skips them while
 * reading a page, the builder drops them, DOMPurify removes their content too.
 */
export const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'object',
  'embed',
  'applet',
  'canvas',
  'audio',
  'video',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'map',
  'area',
  'dialog',
  'label',
  'source',
  'track',
  'picture-source',
  'param',
]);

export function isAllowedAttribute(tag: string, attribute: string): boolean {
  return ALLOWED_ATTRIBUTES[tag]?.includes(attribute) ?? false;
}

/** An absolute link the policy keeps: what the one URL resolver accepts, in LINK_SCHEMES. */
export function isAllowedLink(href: string): boolean {
  const u = resolveHttpUrl(href);
  return u !== null && LINK_SCHEMES.includes(u.protocol);
}

/** What escapeHtml changes: most text (the indentation between tags, plain words) has none of it. */
const HTML_SPECIAL_RE = /[&<>"']/;
/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  if (!HTML_SPECIAL_RE.test(s)) return s;
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}
