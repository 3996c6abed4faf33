/**
 * RSS 2.0, Atom and RDF (RSS 1.0) feeds, in any encoding the decoder knows (GBK feeds are
 * common): items with link, title, date (→ YYYY-MM-DD), full content (content:encoded, Atom
 * content) or a summary, and whether that is only a summary (so the runner fetches the page).
 * A tolerant tag reader, not a validating XML parser: intranet feeds are often not well-formed.
 */
import { decodeBytes, normaliseCharset } from '../extract/decode';
import { canonicalUrl } from './canonical';
import { parseFeedDate } from './dates';

export interface FeedItem {
  url: string;
  title: string;
  publishedAt: string | null;
  /** HTML of the full content, or of the summary when that is all there is. */
  html: string | null;
  author: string | null;
  isSummary: boolean;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

/** Whether a text is a feed rather than an HTML page. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 3000).replace(/^\uFEFF/, '');
  return /<rss[\s>]|<feed[\s>][^]*?(?:xmlns|<entry|<title)|<rdf:RDF[\s>]/i.test(head) && !/<html[\s>]/i.test(head.slice(0, 500));
}

/** Decodes feed bytes: BOM, header charset, the XML declaration's encoding, then detection. */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): string {
  let ct = contentType;
  if (!ct || !/charset=/i.test(ct)) {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1');
    const m = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
    if (m && normaliseCharset(m[1])) ct = `text/xml; charset=${m[1]}`;
  }
  return decodeBytes(bytes, ct).text;
}

const NAMED: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

/** Text content of an XML element body: CDATA kept verbatim, entities decoded elsewhere. */
function xmlText(raw: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', i);
    if (start < 0) {
      out += decodeEntities(raw.slice(i));
      break;
    }
    out += decodeEntities(raw.slice(i, start));
    const end = raw.indexOf(']]>', start + 9);
    if (end < 0) {
      out += raw.slice(start + 9);
      break;
    }
    out += raw.slice(start + 9, end);
    i = end + 3;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The body of the first child element with one of these (qualified) names. */
function child(xml: string, names: string[]): { attrs: string; body: string } | null {
  for (const name of names) {
    const re = new RegExp(`<${escapeRe(name)}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${escapeRe(name)}\\s*>)`, 'i');
    const m = re.exec(xml);
    if (m) return { attrs: m[1] ?? '', body: m[2] ?? '' };
  }
  return null;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}

function plain(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

function text(xml: string, names: string[]): string | null {
  const c = child(xml, names);
  if (!c) return null;
  const t = xmlText(c.body).trim();
  return t || null;
}

/** The content is only a teaser: short, or cut off with …/阅读全文. */
export function isSummaryText(html: string | null): boolean {
  if (!html) return true;
  const t = plain(html);
  if (t.length < 200) return true;
  if (/(?:…|\.{3}|。{2,})\s*(?:\[?\s*(?:阅读全文|全文|详细|更多|more|read more|查看全文|点击查看)\s*\]?)?\s*$/i.test(t)) return true;
  if (/(?:阅读全文|查看全文|点击查看全文|read more)\s*[>»]*\s*$/i.test(t)) return true;
  return false;
}

/** Parses a feed's text; `feedUrl` resolves relative links. Throws nothing: unknown → no items. */
export function parseFeed(xml: string, feedUrl: string): Feed {
  const src = xml.replace(/<!--[\s\S]*?-->/g, '');
  const kind: Feed['kind'] = /<rdf:RDF[\s>]/i.test(src) ? 'rdf' : /<feed[\s>]/i.test(src) && !/<rss[\s>]/i.test(src) ? 'atom' : 'rss';
  const channelEnd = src.search(/<(?:item|entry)[\s>]/i);
  const head = channelEnd >= 0 ? src.slice(0, channelEnd) : src;
  const title = text(head, ['title']);
  let link: string | null;
  if (kind === 'atom') {
    const links = [...head.matchAll(/<link\b([^>]*)\/?>/gi)].map((m) => m[1] ?? '');
    const alt = links.find((a) => !attr(a, 'rel') || attr(a, 'rel') === 'alternate');
    link = alt ? attr(alt, 'href') : null;
  } else link = text(head, ['link']);
  const base = (link && canonicalUrl(link, feedUrl)) ?? feedUrl;

  const items: FeedItem[] = [];
  const seen = new Set<string>();
  const re = kind === 'atom' ? /<entry[\s>][\s\S]*?<\/entry\s*>/gi : /<item[\s>][\s\S]*?<\/item\s*>/gi;
  for (const m of src.matchAll(re)) {
    const x = m[0];
    let rawLink: string | null;
    if (kind === 'atom') {
      const links = [...x.matchAll(/<link\b([^>]*)\/?>/gi)].map((l) => l[1] ?? '');
      const alt = links.find((a) => !attr(a, 'rel') || attr(a, 'rel') === 'alternate') ?? links[0];
      rawLink = alt ? attr(alt, 'href') : null;
      rawLink ??= text(x, ['id']);
    } else {
      rawLink = text(x, ['link']);
      if (!rawLink && kind === 'rdf') rawLink = attr(/<item\b([^>]*)>/i.exec(x)?.[1] ?? '', 'rdf:about');
      if (!rawLink) {
        const guid = child(x, ['guid']);
        if (guid && !/isPermaLink\s*=\s*["']false/i.test(guid.attrs)) rawLink = xmlText(guid.body).trim();
      }
    }
    const url = rawLink ? canonicalUrl(rawLink.trim(), base) : null;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const itemTitle = plain(text(x, ['title']) ?? '') || url;
    const dateRaw = text(
      x,
      kind === 'atom'
        ? ['published', 'updated', 'issued', 'created']
        : ['pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'published', 'updated', 'date'],
    );
    const full = kind === 'atom' ? text(x, ['content']) : text(x, ['content:encoded', 'encoded']);
    const summary = kind === 'atom' ? text(x, ['summary']) : text(x, ['description', 'dc:description']);
    let html = full ?? summary;
    // Atom/RSS text (not HTML) content: keep its line breaks as paragraphs.
    if (html && !/<[a-z][^>]*>/i.test(html))
      html = html
        .split(/\n\s*\n|\r\n\s*\r\n/)
        .map((p) => `<p>${p.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))}</p>`)
        .join('');
    const author = plain(text(x, ['dc:creator', 'author', 'name']) ?? '') || null;
    items.push({
      url,
      title: itemTitle.slice(0, 500),
      publishedAt: parseFeedDate(dateRaw),
      html,
      author: author && author.length <= 60 ? author : null,
      isSummary: full ? isSummaryText(full) : isSummaryText(summary),
    });
  }
  return { kind, title: title ? plain(title) : null, link, items };
}
