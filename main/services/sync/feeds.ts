/**
 * RSS 2.0, Atom and RDF (RSS 1.0) feeds, in any encoding the decoder knows (GBK feeds are
 * common): items with link, title, date (→ YYYY-MM-DD), full content (content:encoded, Atom
 * content) or a summary, and whether that is only a summary (so the runner fetches the page).
 * Bytes are decoded here (BOM, header charset, the XML declaration, detection); the XML is read
 * by feedsmith (fast-xml-parser underneath, with DTD entities never expanded, so an entity bomb
 * stays a few bytes). Items that cannot become articles (no link, a link we cannot fetch, a
 * repeat) come back in `skipped` with a Chinese reason: nothing is dropped without a word.
 */
import { DetectError, MalformedError, parseFeed as parseXmlFeed } from 'feedsmith';
import { AppError } from '../../../shared/errors';
import { parseDateValue } from '../../../shared/dates';
import { escapeHtml } from '../../../shared/html-policy';
import { decodeBytes, normaliseCharset } from '../extract/decode';
import { canonicalUrl, requestUrl } from './canonical';

export interface FeedItem {
  /** The item's key (canonicalUrl). */
  url: string;
  /** What to request: the item's link as the feed wrote it (resolved, no fragment). */
  href: string;
  title: string;
  publishedAt: string | null;
  /** HTML of the full content, or of the summary when that is all there is. */
  html: string | null;
  author: string | null;
  isSummary: boolean;
  /** The feed gave no title: `title` is the URL, and the page's own title is better. */
  untitled: boolean;
}

/** An item of the feed that is not in `items`, and why (a Chinese reason for the sync log). */
export interface FeedSkip {
  /** The item's link, resolved when possible; null when it has none. */
  url: string | null;
  title: string | null;
  level: 'info' | 'warning';
  reason: string;
  /** Items this entry stands for (several unreadable ones share one line); 1 when absent. */
  count?: number;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  items: FeedItem[];
  skipped: FeedSkip[];
}

/** Feeds larger than this are refused rather than parsed (the HTTP body cap is higher). */
const MAX_FEED_CHARS = 20_000_000;

/** Whether a text is a feed rather than an HTML page. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 3000).replace(/^\uFEFF/, '');
  // An HTML page starts with <html>/<!doctype html>; a feed whose first item carries a whole
  // HTML document in CDATA has <rss>/<feed> before it.
  const root = /<(rss|feed|rdf:RDF|html|!doctype\s+html)[\s>]/i.exec(head);
  if (!root || /^(?:html|!doctype)/i.test(root[1]!)) return false;
  return /<rss[\s>]|<feed[\s>][^]*?(?:xmlns|<entry|<title)|<rdf:RDF[\s>]/i.test(head);
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

function plain(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

/** Plain text content: its blank-line paragraphs as <p>. */
function textToHtml(t: string): string {
  return t
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
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

/** Whether content is a whole HTML document (a CMS pasting its page into the feed). */
export function isHtmlDocument(html: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(html) || /<body[\s>]/i.test(html);
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Atom text constructs arrive as { value, type }. */
function textValue(v: unknown): { value: string; type: string | null } | null {
  if (typeof v === 'string') return v.trim() ? { value: v, type: null } : null;
  if (v && typeof v === 'object') {
    const o = v as { value?: unknown; type?: unknown };
    const value = str(o.value);
    return value ? { value, type: typeof o.type === 'string' ? o.type.toLowerCase() : null } : null;
  }
  return null;
}

function first<T>(list: T[] | undefined | null): T | undefined {
  return Array.isArray(list) ? list[0] : undefined;
}

interface RawItem {
  link: string | null;
  title: string | null;
  date: string | null;
  full: { value: string; type: string | null } | null;
  summary: { value: string; type: string | null } | null;
  author: string | null;
}

interface Link {
  href?: string;
  rel?: string;
}

function alternateLink(links: Link[] | undefined): string | null {
  if (!Array.isArray(links)) return null;
  const alt = links.find((l) => str(l.href) && (!l.rel || l.rel === 'alternate')) ?? links.find((l) => str(l.href));
  return alt ? str(alt.href) : null;
}

/**
 * Drops `<!--` markers that no `-->` closes: in HTML such a marker hides everything after it,
 * and in feed content it is an editor's stray note, not a request to hide the article.
 */
export function closeStrayComments(html: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = html.indexOf('<!--', i);
    if (start < 0) return out + html.slice(i);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) {
      out += html.slice(i, start);
      i = start + 4;
      continue;
    }
    out += html.slice(i, end + 3);
    i = end + 3;
  }
}

/** Content as HTML: Atom `text`, and RSS text without any tag, become paragraphs. */
function asHtml(c: { value: string; type: string | null } | null, atom: boolean): string | null {
  if (!c) return null;
  const isText = atom ? c.type === null || c.type === 'text' : !/<[a-z!][^>]*>/i.test(c.value);
  const html = isText ? textToHtml(c.value) : closeStrayComments(c.value);
  return html.trim() ? html : null;
}

/**
 * Item (or entry) start tags in the XML, outside CDATA sections and comments: what the feed
 * claims to hold, to check the parser's count against (a nested or unclosed item is not
 * returned by the parser, and must not vanish without a word).
 */
export function countItemTags(xml: string, kind: Feed['kind']): number {
  const re = kind === 'atom' ? /<(?:[\w-]+:)?entry[\s>/]/iy : /<(?:[\w-]+:)?item[\s>/]/iy;
  let n = 0;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return n;
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return n;
      i = end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return n;
      i = end + 3;
    } else {
      re.lastIndex = lt;
      if (re.exec(xml)) n++;
      i = lt + 1;
    }
  }
}

function describeLink(raw: string): string {
  return raw.length > 300 ? `${raw.slice(0, 300)}…` : raw;
}

/** Why a written link is not something we can fetch. */
function linkProblem(raw: string, base: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw.trim())?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return `链接协议不受支持（${scheme}:），未保存`;
  try {
    new URL(raw.trim(), base);
  } catch {
    return '链接无效，未保存';
  }
  return '链接无效（不是可访问的网页地址），未保存';
}

/**
 * Parses a feed's text; `feedUrl` resolves relative links. A text that is not a feed, or XML too
 * broken to read, throws an AppError with a Chinese message naming the feed.
 */
export function parseFeed(xml: string, feedUrl: string): Feed {
  const src = xml.replace(/^\uFEFF/, '');
  if (src.length > MAX_FEED_CHARS) throw new AppError('E_RESOURCE', `订阅源过大（超过 2000 万字符），未读取：${feedUrl}`);
  let parsed: ReturnType<typeof parseXmlFeed>;
  try {
    parsed = parseXmlFeed(src);
  } catch (error) {
    if (error instanceof DetectError) throw new AppError('E_INVALID_ARGUMENT', `不是 RSS/Atom 订阅源：${feedUrl}`, { cause: error });
    if (error instanceof MalformedError)
      throw new AppError('E_INVALID_ARGUMENT', `订阅源的 XML 格式有误（标签不完整或不匹配），无法读取：${feedUrl}`, { cause: error });
    throw new AppError('E_INVALID_ARGUMENT', `订阅源无法解析：${feedUrl}`, { cause: error });
  }

  let kind: Feed['kind'];
  let title: string | null;
  let link: string | null;
  let raws: RawItem[];
  if (parsed.format === 'atom') {
    const f = parsed.feed;
    kind = 'atom';
    title = textValue(f.title)?.value ?? null;
    link = alternateLink(f.links);
    raws = (f.entries ?? []).map((e) => {
      const id = str(e.id);
      return {
        link: alternateLink(e.links) ?? (id && /^https?:/i.test(id) ? id : null),
        title: textValue(e.title)?.value ?? null,
        date: str(e.published) ?? str(e.updated) ?? str(first(e.dc?.dates)) ?? null,
        full: e.content && !e.content.src ? textValue(e.content) : null,
        summary: textValue(e.summary),
        author: str(first(e.authors)?.name) ?? str(first(e.dc?.creators)),
      };
    });
  } else if (parsed.format === 'rss' || parsed.format === 'rdf') {
    const f = parsed.feed;
    kind = parsed.format;
    title = str(f.title);
    link = str(f.link);
    raws = (f.items ?? []).map((i) => {
      const guid = 'guid' in i ? i.guid : undefined;
      const about = 'rdf' in i ? str(i.rdf?.about) : null;
      const pubDate = 'pubDate' in i ? str(i.pubDate) : null;
      const authors = 'authors' in i ? i.authors : undefined;
      return {
        link: str(i.link) ?? (guid && guid.isPermaLink !== false ? str(guid.value) : null) ?? about,
        title: str(i.title),
        date:
          pubDate ??
          str(first(i.dc?.dates)) ??
          str(first(i.dcterms?.issued)) ??
          str(first(i.dcterms?.created)) ??
          str(i.atom?.published) ??
          str(i.atom?.updated),
        full: str(i.content?.encoded) ? { value: i.content!.encoded!, type: null } : null,
        summary: textValue(i.description ?? first(i.dc?.descriptions)),
        author: str(first(i.dc?.creators)) ?? str(first(authors)?.name),
      };
    });
  } else {
    throw new AppError('E_INVALID_ARGUMENT', `不是 RSS/Atom 订阅源（JSON Feed 暂不支持）：${feedUrl}`);
  }
  const base = (link && requestUrl(link, feedUrl)) ?? feedUrl;

  const items: FeedItem[] = [];
  const skipped: FeedSkip[] = [];
  const unread = countItemTags(src, kind) - raws.length;
  if (unread > 0)
    skipped.push({
      url: null,
      title: null,
      level: 'warning',
      reason: `订阅源中有 ${unread} 个条目格式有误（标签未闭合或嵌套错误），无法读取`,
      count: unread,
    });
  const seen = new Set<string>();
  for (const r of raws) {
    const itemTitle = r.title ? plain(r.title).slice(0, 500) : '';
    if (!r.link) {
      skipped.push({ url: null, title: itemTitle || null, level: 'warning', reason: '条目没有链接，无法确定文章地址，未保存' });
      continue;
    }
    const url = canonicalUrl(r.link, base);
    const href = requestUrl(r.link, base);
    if (!url || !href) {
      skipped.push({ url: describeLink(r.link), title: itemTitle || null, level: 'warning', reason: linkProblem(r.link, base) });
      continue;
    }
    if (seen.has(url)) {
      skipped.push({ url, title: itemTitle || null, level: 'info', reason: '订阅源中重复的条目，只保存一次' });
      continue;
    }
    seen.add(url);
    const atom = kind === 'atom';
    const full = asHtml(r.full, atom);
    const summary = asHtml(r.summary, atom);
    const author = r.author ? plain(r.author) : null;
    items.push({
      url,
      href,
      title: itemTitle || url,
      publishedAt: parseDateValue(r.date),
      html: full ?? summary,
      author: author && author.length <= 60 ? author : null,
      isSummary: full ? isSummaryText(full) : isSummaryText(summary),
      untitled: !itemTitle,
    });
  }
  return { kind, title: title ? plain(title) || null : null, link, items, skipped };
}
