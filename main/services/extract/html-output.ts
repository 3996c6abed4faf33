/**
 * The article's HTML from the kept blocks: link marks resolved against the page (once per href),
 * whitespace tidied like the block text, empty inline elements dropped, and the allow-listed
 * tags (p, h2–h4, li in ol/ul, blockquote) written around each block.
 */
import { resolveContentUrl } from '../../../shared/url';
import { normaliseText } from './patterns';
import type { Block, Links } from './blocks';
import { escapeHtml } from '../../../shared/html-policy';
import type { Element } from '../parsed-dom';

/** Pages repeat their links (menus, lists, 上一篇/下一篇): each href is resolved once per base. */
const urlMemo = new Map<string, string | null>();
let urlMemoBase: string | undefined;
export function resolveUrl(raw: string, base: string | undefined): string | null {
  if (base !== urlMemoBase || urlMemo.size > 4096) {
    urlMemo.clear();
    urlMemoBase = base;
  }
  let v = urlMemo.get(raw);
  if (v === undefined) urlMemo.set(raw, (v = resolveContentUrl(raw, base)));
  return v;
}

/** Whitespace in block HTML handled like the block text: collapsed, trimmed, none between CJK. */
function tidyHtml(html: string): string {
  return normaliseText(html)
    .replace(/^((?:<(?:strong|b|em|i|u|a)(?: [^>]*)?>)*)\s+/, '$1')
    .replace(/\s+((?:<\/(?:strong|b|em|i|u|a)>)*)$/, '$1');
}

/** Menus and lists never reach the body: their HTML is tidied only when asked for. */
export function blockHtml(b: Block): string {
  return (b.tidied ??= tidyHtml(resolveLinks(b.rawHtml, b.links)));
}

/**
 * `<@k>…</@k>` → `<a href="…">…</a>` with the k-th href resolved against the page; a link
 * to anything but http(s) loses its tags and keeps its text. (Text is escaped, so `<@` is ours.)
 */
function resolveLinks(html: string, links: Links): string {
  if (!html.includes('<@') && !html.includes('</@')) return html;
  return html.replace(/<(\/?)@(\d+)>/g, (_, close: string, k: string) => {
    const abs = resolveUrl(links.hrefs[Number(k)]!, links.base);
    if (!abs || !/^https?:/i.test(abs)) return '';
    return close ? '</a>' : `<a href="${escapeHtml(abs)}">`;
  });
}

/** An empty inline element (`<b> </b>`); tested before each pass: most blocks have none, and a pass copies the HTML. */
const EMPTY_INLINE_RE = /<(strong|b|em|i|u|a)(?: [^>]*)?>\s*<\/\1>/;
function cleanInline(html: string): string {
  let h = html;
  for (let i = 0; i < 3 && EMPTY_INLINE_RE.test(h); i++) h = h.replace(/<(strong|b|em|i|u|a)(?: [^>]*)?>\s*<\/\1>/g, '');
  return h.trim();
}

/** Allow-listed HTML from the kept blocks: p, h2–h4, li in ul, blockquote; inline strong/b/em/i/u, a, img. */
export function buildHtml(body: Block[]): string {
  const out: string[] = [];
  let listParent: Element | null = null;
  for (const b of body) {
    const inner = cleanInline(blockHtml(b));
    if (!inner) continue;
    if (b.kind === 'li') {
      const parent = b.el.parentElement;
      if (listParent !== parent) {
        if (listParent) out.push(`</${listTag(listParent)}>`);
        listParent = parent;
        out.push(`<${listTag(parent)}>`);
      }
      out.push(`<li>${inner}</li>`);
      continue;
    }
    if (listParent) {
      out.push(`</${listTag(listParent)}>`);
      listParent = null;
    }
    out.push(`<${b.kind}>${inner}</${b.kind}>`);
  }
  if (listParent) out.push(`</${listTag(listParent)}>`);
  return out.join('\n');
}

function listTag(el: Element | null): 'ol' | 'ul' {
  return el?.localName === 'ol' ? 'ol' : 'ul';
}
