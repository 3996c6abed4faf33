/**
 * The article links of a CMS column's list page, and its pagination.
 *
 * List region: every link is given a "row" (the nearest ancestor that repeats among its
 * siblings with links in them, or an li/tr), rows are grouped by their container, and the
 * container with the most, longest, dated rows wins (sibling containers of the same kind are
 * merged: TRS and DedeCMS often cut one list into several <ul>). Navigation, footers,
 * breadcrumbs, column menus and 热点/相关/推荐/排行 lists lose by their class/id, their heading
 * and their short undated rows.
 *
 * Pagination: links whose text is a page number or 下一页/尾页…, or that sit in a pager element;
 * their URLs are compared digit run by digit run to find the page-number position, and the
 * series is filled in up to the last page (`index_1.html`, `list_12_2.html`, `?page=2`,
 * `&pageNo=2`, …). TRS pages write their pager with `createPageHTML(count, current, "index",
 * "html")`: the page URLs are generated from it (index.html, index_1.html, …).
 */
import { parseHtmlDocument, type Document, type Element, type Text } from '../parsed-dom';
import { resolveHttpUrl } from '../../../shared/url';
import { canonicalUrl, requestUrl } from './canonical';
import { findDateParts, isoOf, stripDates, type DateParts } from '../../../shared/dates';

export interface ListItem {
  /** The article's key (canonicalUrl): one per page however the list spells the link. */
  url: string;
  /** What to request: the link as the list wrote it (resolved, no fragment). */
  href: string;
  title: string;
  publishedAt: string | null;
  pinned: boolean;
}

export interface ListPageResult {
  items: ListItem[];
  /** Further list pages, the next one first, as linked (or built from the links): to request, not
   *  keys (one per canonical key; the page itself excluded). */
  nextPages: string[];
  pageCount: number | null;
  /** The page's own title (for previews). */
  title: string | null;
  /** Article links in the list region that cannot be fetched, as written in the page. */
  rejected: string[];
  /** The same links with their titles and a Chinese reason, for the sync log. */
  skipped: ListSkip[];
  /** Pager links (下一页, page numbers) to another origin: never followed, logged by the caller. */
  offsitePages: string[];
}

export interface ListSkip {
  href: string;
  title: string;
  reason: string;
}

/** Why a list link is not a fetchable http(s) address. */
function unfetchableReason(href: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return '文章链接由脚本打开，无法抓取，已跳过';
  if (scheme && scheme !== 'http' && scheme !== 'https') return `文章链接协议不受支持（${scheme}:），已跳过`;
  return '文章链接无效，已跳过';
}

export interface ListOptions {
  /** "Today", for inferring the year of short dates (tests). */
  now?: Date;
}

const REMOVE_TAGS = 'script,style,noscript,template,iframe,svg,object,embed,head';
const NEGATIVE_RE =
  /(?:^|[-_\s])(?:nav|navbar|navi|navigation|menu|menus|submenu|breadcrumbs?|crumbs?|location|position|weizhi|dqwz|mianbao|footer|foot|bottom|copyright|banquan|hot|hots|hotnews|rdxw|rmwz|rdwz|rdtj|rank|ranking|paihang|phb|related|relate|xgwz|xgxw|xgwd|recommend|tuijian|tj|sidebar|side|aside|friend|friendlink|links|yqlj|header|head|top-?nav|topbar|logo|login|search|banner|tags|lanmu|column-?list|sub-?nav|left-?nav|leftmenu|tab-?nav)(?:[-_\s\d]|$)/i;
const NEGATIVE_HEADING_RE =
  /热点|热门|相关|推荐|排行|点击|友情链接|猜你喜欢|延伸阅读|精彩图片|图片新闻|专题专栏|热读|最热|阅读榜|导航|栏目/;
const PAGE_TEXT_RE =
  /^(?:\d{1,4}|\[\s*\d{1,4}\s*\]|第\s*\d{1,4}\s*页|下一页|下页|后页|下一頁|下一页>+|下一页»|next|next\s*page|>|>>|›|»|尾页|末页|最后一页|末頁|尾頁|last|last\s*page|上一页|上页|前页|上一頁|<+上一页|prev|previous|<|<<|‹|«|首页|第一页|首頁|first)$/i;
const NEXT_RE = /^(?:下一页|下页|后页|下一頁|下一页>+|下一页»|next|next\s*page|>|>>|›|»)$/i;
const LAST_RE = /^(?:尾页|末页|最后一页|末頁|尾頁|last|last\s*page)$/i;
const PAGER_CLASS_RE = /page|pager|pagination|fenye|pagelist|pages|paging|turn|pagenav|pgbar|pagebar|fy/i;
const PINNED_TEXT_RE = /置顶|\[\s*顶\s*\]|【\s*顶\s*】|（\s*顶\s*）|\(\s*顶\s*\)/;
const PINNED_CLASS_RE = /(?:^|[\s_-])(?:top|istop|is-top|top-?item|settop|zhiding|zd|sticky|stick|pinned|pin|ding)(?:$|[\s_-])/i;
const PINNED_IMG_RE = /zhiding|置顶|(?:^|[/_-])(?:top|ding|zd|istop)\d*\.(?:gif|png|jpe?g)/i;
const LABEL_RE =
  /^[\s·•●◆◇▪■□▶►>»\-–—*]*(?:[[【(（〔]\s*(?:置顶|顶|荐|推荐|新|最新|热|图文|图|视频|要闻|公告|通知|原创|转载)\s*[\]】)）〕]\s*|(?:置顶|NEW|new|HOT|hot)\s+)*/;

function norm(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

function classOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function textLen(s: string): number {
  return s.replace(/\s+/g, '').length;
}

interface Row {
  el: Element;
  anchor: Element;
  url: string;
  href: string;
  title: string;
  date: DateParts | null;
  pinned: boolean;
  order: number;
}

/** Whether an <a> has a sibling link separated by a <br> (rows written as link<br>link<br>). */
function brSeparated(a: Element): boolean {
  for (let n = a.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const t = (n as Element).localName;
      if (t === 'br') return true;
      if (t === 'a') return false;
    }
  }
  for (let n = a.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === 1) {
      const t = (n as Element).localName;
      if (t === 'br') return true;
      if (t === 'a') return false;
    }
  }
  return false;
}

function hasLink(el: Element): boolean {
  return el.localName === 'a' ? el.hasAttribute('href') : el.querySelector('a[href]') !== null;
}

/** The repeating unit an anchor belongs to. */
function findRow(a: Element): Element {
  let el: Element = a;
  for (let depth = 0; depth < 10; depth++) {
    const parent = el.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'html') return el;
    const tag = el.localName;
    let same = 0;
    for (let s = parent.firstElementChild; s; s = s.nextElementSibling) {
      if (s.localName === tag && hasLink(s)) same++;
    }
    if (el === a) {
      if (same >= 3 || (same >= 2 && brSeparated(a))) return el;
    } else {
      if (same >= 2) return el;
      if (tag === 'li' || tag === 'tr') return el;
    }
    el = parent;
  }
  return el;
}

/** The text of a row; for a bare <a> row, also the text after it up to the next <br> or link. */
function rowText(row: Element): string {
  let t = row.textContent ?? '';
  if (row.localName === 'a') {
    for (let n = row.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 3) t += ` ${(n as Text).data}`;
      else if (n.nodeType === 1) {
        const e = n as Element;
        if (e.localName === 'br' || e.localName === 'a' || e.querySelector('a')) break;
        t += ` ${e.textContent ?? ''}`;
      }
    }
  }
  return t;
}

function anchorTitle(a: Element): string {
  let text: string;
  const inner = a.querySelector('h1,h2,h3,h4,h5,h6,[class*="title"],[class*="tit"],[class*="bt"]');
  if (inner && a.localName === 'a' && textLen(inner.textContent ?? '') >= 2) text = norm(inner.textContent ?? '');
  else text = norm(a.textContent ?? '');
  if (!text) {
    const img = a.querySelector('img[alt]');
    if (img) text = norm(img.getAttribute('alt') ?? '');
  }
  const attr = norm(a.getAttribute('title') ?? '');
  const cleaned = cleanTitle(text);
  const stem = cleaned.replace(/(?:…|\.{2,}|。。)+$/, '');
  if (attr && stem !== cleaned && textLen(attr) >= textLen(stem) && cleanTitle(attr).startsWith(stem.slice(0, 6))) return cleanTitle(attr);
  if (attr && textLen(attr) > textLen(cleaned)) {
    const head = cleaned.replace(/[.…。·]+$/, '').slice(0, 4);
    if (!cleaned || /(?:…|\.\.\.|\.\.|。。)$/.test(text) || attr.includes(head)) return cleanTitle(attr);
  }
  return cleaned;
}

function cleanTitle(s: string): string {
  let t = stripDates(s);
  t = t.replace(LABEL_RE, '');
  t = t.replace(/^[\s·•●◆◇▪■□▶►>»\-–—*]+/, '');
  t = t.replace(/\s*(?:NEW|new|HOT|hot)$/, '');
  return norm(t);
}

function isPinned(row: Element, anchor: Element): boolean {
  const label = (row.textContent ?? '').replace(anchor.textContent ?? '', '');
  if (PINNED_TEXT_RE.test(label) || /^[\s[【(（]*置顶/.test(norm(anchor.textContent ?? ''))) return true;
  if (PINNED_CLASS_RE.test(row.getAttribute('class') ?? '')) return true;
  for (const el of Array.from(row.querySelectorAll('[class]'))) {
    if (el !== anchor && PINNED_CLASS_RE.test(el.getAttribute('class') ?? '') && textLen(el.textContent ?? '') <= 4) return true;
  }
  for (const img of Array.from(row.querySelectorAll('img'))) {
    const s = `${img.getAttribute('src') ?? ''} ${img.getAttribute('alt') ?? ''} ${img.getAttribute('title') ?? ''} ${img.getAttribute('class') ?? ''}`;
    if (PINNED_IMG_RE.test(s) || PINNED_TEXT_RE.test(s)) return true;
  }
  return false;
}

/** Penalty factor for a container that looks like navigation, a footer or a 热点/相关 list. */
function containerPenalty(c: Element): number {
  let f = 1;
  let el: Element | null = c;
  for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
    const tag = el.localName;
    if (tag === 'nav' || tag === 'footer' || tag === 'header' || tag === 'aside') {
      f = Math.min(f, 0.15);
      break;
    }
    if (tag === 'body') break;
    if (NEGATIVE_RE.test(classOf(el))) {
      f = Math.min(f, depth <= 1 ? 0.2 : 0.4);
      break;
    }
  }
  // A heading just before the list (or the first child of its box) naming a side list.
  const headings: string[] = [];
  let prev = c.previousElementSibling;
  for (let i = 0; prev && i < 2; i++, prev = prev.previousElementSibling) headings.push(norm(prev.textContent ?? ''));
  const parent = c.parentElement;
  if (parent && parent.localName !== 'body') {
    let pp = parent.previousElementSibling;
    for (let i = 0; pp && i < 1; i++, pp = pp.previousElementSibling) headings.push(norm(pp.textContent ?? ''));
    const first = parent.firstElementChild;
    if (first && first !== c) headings.push(norm(first.textContent ?? ''));
  }
  for (const h of headings) {
    if (h && textLen(h) <= 16 && NEGATIVE_HEADING_RE.test(h)) {
      f = Math.min(f, 0.25);
      break;
    }
  }
  return f;
}

// ---- dates --------------------------------------------------------------------------------

function urlYear(url: string, month: number): number | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const re = /(?:^|[/_t-])(20\d{2})[-/_]?(\d{2})(?:[-/_]?(\d{2}))?(?=[/_.-]|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (Number(m[2]) === month) return Number(m[1]);
  }
  return null;
}

function pageYear(doc: Document, now: Date): number | null {
  const text = doc.body?.textContent ?? '';
  const re = /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})/g;
  let best: number | null = null;
  let m: RegExpExecArray | null;
  const today = now.getTime() + 2 * 86400_000;
  let guard = 0;
  while ((m = re.exec(text)) && guard++ < 2000) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!iso || Date.parse(iso) > today) continue;
    const y = Number(m[1]);
    if (best === null || y > best) best = y;
  }
  return best;
}

function assignDates(rows: Row[], doc: Document, now: Date): (string | null)[] {
  const fullYears = rows.filter((r) => r.date?.y).map((r) => r.date!.y!);
  let running: number | null = fullYears.length > 0 ? fullYears[0]! : null;
  let fallbackYear: number | null = null;
  let prev: { m: number; d: number } | null = null;
  const todayMs = now.getTime() + 2 * 86400_000;
  return rows.map((r) => {
    const p = r.date;
    if (!p) return null;
    if (p.y !== null) {
      if (!r.pinned) {
        running = p.y;
        prev = { m: p.m, d: p.d };
      }
      return isoOf(p.y, p.m, p.d);
    }
    let y = urlYear(r.url, p.m);
    if (y === null) {
      if (running === null) {
        fallbackYear ??= pageYear(doc, now) ?? now.getFullYear();
        running = fallbackYear;
      }
      // Lists run newest first: a later month/day than the row above means the year turned.
      if (!r.pinned && prev && p.m > prev.m) running--;
      y = running;
      let iso = isoOf(y, p.m, p.d);
      if (iso && Date.parse(iso) > todayMs) {
        y--;
        if (!r.pinned) running = y;
        iso = isoOf(y, p.m, p.d);
      }
      if (!r.pinned) prev = { m: p.m, d: p.d };
      return iso;
    }
    if (!r.pinned) {
      running = y;
      prev = { m: p.m, d: p.d };
    }
    return isoOf(y, p.m, p.d);
  });
}

// ---- pagination ---------------------------------------------------------------------------

interface PageLink {
  /** As linked (resolved, no fragment): the pager's URL shapes are read from these. */
  url: string;
  kind: 'next' | 'last' | 'number' | 'other';
  shown: number | null;
}

function skeleton(url: string): { skel: string; tokens: string[] } {
  const tokens: string[] = [];
  const skel = url.replace(/\d+/g, (d) => {
    tokens.push(d);
    return '#';
  });
  return { skel, tokens };
}

function fill(skel: string, tokens: string[], pos: number, n: number): string {
  let i = 0;
  return skel.replace(/#/g, () => {
    const t = i === pos ? String(n) : (tokens[i] ?? '');
    i++;
    return t;
  });
}

/** `createPageHTML(count, current, "index", "html")` and its variants in TRS page scripts. */
function trsPager(html: string): { count: number; current: number; name: string; ext: string } | null {
  const m = /createPageHTML\s*\(([^)]{0,300})\)/.exec(html);
  if (!m) return null;
  const args = m[1]!.split(',').map((a) => a.trim());
  const numbers: number[] = [];
  const strings: string[] = [];
  for (const a of args) {
    const q = /^["']([^"']*)["']$/.exec(a);
    if (q) strings.push(q[1]!);
    else if (/^\d+$/.test(a)) numbers.push(Number(a));
    else if (/^[A-Za-z_$][\w$]*$/.test(a)) {
      const v = new RegExp(`\\b${a.replace(/\$/g, '\\$')}\\s*=\\s*["']?(\\d+)`).exec(html);
      if (v) numbers.push(Number(v[1]));
    }
  }
  const extIndex = strings.findIndex((s) => /^(?:s?html?|php|jsp|aspx?)$/i.test(s));
  const ext = extIndex >= 0 ? strings[extIndex]! : 'html';
  const name = extIndex > 0 ? strings[extIndex - 1]! : 'index';
  const count = numbers[0];
  if (count === undefined || count < 1 || count > 5000 || !/^[\w-]+$/.test(name)) return null;
  return { count, current: numbers[1] ?? 0, name, ext };
}

function pageCountFromText(text: string): number | null {
  const pats = [
    /共\s*(\d{1,5})\s*页/,
    /页次\s*[:：]?\s*\d{1,5}\s*\/\s*(\d{1,5})/,
    /第\s*\d{1,5}\s*页\s*[/／]\s*共?\s*(\d{1,5})\s*页?/,
    /(?:^|\s)\d{1,5}\s*\/\s*(\d{1,5})\s*页/,
    /总页数\s*[:：]?\s*(\d{1,5})/,
    /页码\s*[:：]?\s*\d{1,5}\s*\/\s*(\d{1,5})/,
  ];
  for (const re of pats) {
    const m = re.exec(text);
    if (m) {
      const n = Number(m[1]);
      if (n >= 1 && n <= 5000) return n;
    }
  }
  return null;
}

function inPager(a: Element): boolean {
  let el: Element | null = a.parentElement;
  for (let i = 0; el && i < 3; i++, el = el.parentElement) {
    if (PAGER_CLASS_RE.test(classOf(el))) return true;
  }
  return false;
}

function findPagination(
  doc: Document,
  html: string,
  pageUrl: string,
  pageKey: string,
): { links: PageLink[]; anchors: Set<Element>; nextPages: string[]; pageCount: number | null; offsite: string[] } {
  const anchors = new Set<Element>();
  const links: PageLink[] = [];
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return { links, anchors, nextPages: [], pageCount: null, offsite: [] };
  }
  let maxShown: number | null = null;
  const offsite: string[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const raw = norm(a.textContent ?? '') || norm(a.getAttribute('title') ?? '') || norm(a.querySelector('img')?.getAttribute('alt') ?? '');
    const text = raw.replace(/^[[【]\s*|\s*[\]】]$/g, '');
    const pageText = PAGE_TEXT_RE.test(text) || PAGE_TEXT_RE.test(raw);
    if (!pageText && !(inPager(a) && textLen(text) <= 6)) continue;
    const href = a.getAttribute('href') ?? '';
    if (/^\s*(?:javascript:|#)/i.test(href)) {
      anchors.add(a);
      continue;
    }
    const url = requestUrl(href, pageUrl);
    if (!url) continue;
    if (new URL(url).origin !== origin) {
      if (!offsite.includes(url) && offsite.length < 20) offsite.push(url);
      continue;
    }
    if (/^\d{1,4}$/.test(text) && !inPager(a) && !pageText) continue;
    anchors.add(a);
    const num = /(\d{1,4})/.exec(text);
    const kind: PageLink['kind'] = NEXT_RE.test(text)
      ? 'next'
      : LAST_RE.test(text)
        ? 'last'
        : num && /^(?:\d+|\[\s*\d+\s*\]|第\s*\d+\s*页)$/.test(text)
          ? 'number'
          : 'other';
    const shown = kind === 'number' ? Number(num![1]) : null;
    if (shown !== null) maxShown = Math.max(maxShown ?? 0, shown);
    if (canonicalUrl(url) === pageKey) continue;
    links.push({ url, kind, shown });
  }

  const trs = trsPager(html);
  let pageCount: number | null = trs?.count ?? pageCountFromText(doc.body?.textContent ?? '') ?? null;
  const nextPages: string[] = [];
  const keys = new Set<string>([pageKey]);
  const add = (u: string) => {
    const key = canonicalUrl(u);
    if (key && !keys.has(key)) {
      keys.add(key);
      nextPages.push(u);
    }
  };
  const next = links.find((l) => l.kind === 'next');
  if (next) add(next.url);

  if (trs) {
    const base = new URL('./', pageUrl).href;
    const series: string[] = [];
    for (let i = 0; i < trs.count; i++) {
      const u = requestUrl(i === 0 ? `${trs.name}.${trs.ext}` : `${trs.name}_${i}.${trs.ext}`, base);
      if (u) series.push(u);
    }
    const here = series.findIndex((u) => canonicalUrl(u) === pageKey);
    // The page after this one first, then the rest in order.
    if (here >= 0 && series[here + 1]) add(series[here + 1]!);
    for (const u of series) add(u);
    return { links, anchors, nextPages, pageCount, offsite };
  }

  // Group candidate URLs by their shape with digit runs blanked; the biggest group is the pager.
  const groups = new Map<string, { tokens: string[]; link: PageLink }[]>();
  for (const l of links) {
    if (l.kind === 'other' && !inPagerUrl(l.url)) continue;
    const { skel, tokens } = skeleton(l.url);
    let g = groups.get(skel);
    if (!g) groups.set(skel, (g = []));
    g.push({ tokens, link: l });
  }
  let best: { skel: string; members: { tokens: string[]; link: PageLink }[] } | null = null;
  for (const [skel, members] of groups) {
    const score = members.length + (members.some((m) => m.link.kind === 'next') ? 0.5 : 0);
    const bestScore = best ? best.members.length + (best.members.some((m) => m.link.kind === 'next') ? 0.5 : 0) : -1;
    if (score > bestScore) best = { skel, members };
  }
  if (best) {
    const tokenCount = best.members[0]!.tokens.length;
    let pos = -1;
    const varying: number[] = [];
    for (let i = 0; i < tokenCount; i++) {
      const values = new Set(best.members.map((m) => m.tokens[i]));
      if (values.size > 1) varying.push(i);
    }
    if (varying.length > 0) pos = varying[varying.length - 1]!;
    else if (tokenCount > 0) pos = pagePosition(best.skel, tokenCount);
    if (pos >= 0) {
      const nums = best.members.map((m) => Number(m.tokens[pos]));
      let min = Math.min(...nums);
      let max = Math.max(...nums);
      const lastLink = best.members.find((m) => m.link.kind === 'last');
      if (lastLink) max = Math.max(max, Number(lastLink.tokens[pos]));
      const nextMember = best.members.find((m) => m.link.kind === 'next');
      if (pageCount !== null && nextMember && !lastLink && best.members.every((m) => m.link.kind !== 'number')) {
        // Only 下一页 and "共 N 页": the next page is page 2, so page k has number next + k - 2.
        const n2 = Number(nextMember.tokens[pos]);
        min = n2;
        max = Math.max(max, n2 + pageCount - 2);
      }
      const tokens = best.members[0]!.tokens;
      if (max - min <= 2000) {
        for (let n = min; n <= max; n++) {
          const u = requestUrl(fill(best.skel, tokens, pos, n));
          if (u) add(u);
        }
      }
    }
    for (const m of best.members) add(m.link.url);
  }
  if (pageCount === null && maxShown !== null && maxShown >= 2) pageCount = maxShown;
  return { links, anchors, nextPages, pageCount, offsite };
}

function inPagerUrl(url: string): boolean {
  return /[?&](?:page|pageno|pagenum|pageindex|p|pn|pg|curpage|currentpage|start)=\d+|[_/-]\d+\.s?html?$|\/page\/\d+/i.test(url);
}

/** Where the page number most likely is when there is only one pager URL to look at. */
function pagePosition(skel: string, tokenCount: number): number {
  const parts = skel.split('#');
  for (let i = tokenCount - 1; i >= 0; i--) {
    const before = parts[i] ?? '';
    if (/(?:page|pageno|pagenum|pageindex|[?&]p|pn|pg|curpage|currentpage)=$/i.test(before) || /_$|\/page\/$|\/$/.test(before)) return i;
  }
  return tokenCount - 1;
}

// ---- main ---------------------------------------------------------------------------------

export function findArticleLinks(html: string, pageUrl: string, options: ListOptions = {}): ListPageResult {
  const now = options.now ?? new Date();
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const doc = parseHtmlDocument(source);
  let base = pageUrl;
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) base = resolveHttpUrl(baseHref, pageUrl)?.href ?? pageUrl;
  const title = norm(doc.querySelector('title')?.textContent ?? '') || null;
  for (const el of Array.from(doc.querySelectorAll(REMOVE_TAGS))) el.remove();
  const pageKey = canonicalUrl(pageUrl) ?? pageUrl;
  const pager = findPagination(doc, html, base, pageKey);

  // Rows and their containers.
  const rowsByContainer = new Map<Element, Row[]>();
  const rejectedByContainer = new Map<Element, ListSkip[]>();
  const rowOf = new Map<Element, Row>();
  let order = 0;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (pager.anchors.has(a)) continue;
    const href = (a.getAttribute('href') ?? '').trim();
    // Mail and phone links are never articles; a script link in the list may well be one.
    if (!href || /^(?:mailto|tel):|^#/i.test(href) || /^(?:javascript|vbscript):\s*(?:void\b|;|$)/i.test(href)) continue;
    const title = anchorTitle(a);
    if (textLen(title) < 4 || /^(?:更多|more|详细|详情|查看|阅读全文|全文|>>|更多>>)/i.test(title)) continue;
    const row = findRow(a);
    const container = row.parentElement;
    if (!container) continue;
    const url = canonicalUrl(href, base);
    const request = requestUrl(href, base);
    if (!url || !request) {
      let r = rejectedByContainer.get(container);
      if (!r) rejectedByContainer.set(container, (r = []));
      r.push({ href, title: cleanTitle(title).slice(0, 200), reason: unfetchableReason(href) });
      continue;
    }
    if (url === pageKey) continue;
    const existing = rowOf.get(row);
    if (existing) {
      // Several links in one row: the longest title is the article ([栏目] labels are shorter).
      if (textLen(title) > textLen(existing.title)) {
        existing.anchor = a;
        existing.url = url;
        existing.href = request;
        existing.title = title;
      }
      continue;
    }
    const r: Row = { el: row, anchor: a, url, href: request, title, date: null, pinned: false, order: order++ };
    rowOf.set(row, r);
    let list = rowsByContainer.get(container);
    if (!list) rowsByContainer.set(container, (list = []));
    list.push(r);
  }
  for (const r of rowOf.values()) {
    const t = rowText(r.el).replace(r.anchor.textContent ?? '', ' ');
    r.date = findDateParts(t) ?? findDateParts(r.anchor.textContent ?? '');
    r.pinned = isPinned(r.el, r.anchor);
    if (r.title !== cleanTitle(r.title)) r.title = cleanTitle(r.title);
  }

  // Score containers.
  let best: Element | null = null;
  let bestScore = 0;
  const scores = new Map<Element, number>();
  for (const [c, rows] of rowsByContainer) {
    let s = 0;
    let dated = 0;
    let chars = 0;
    for (const r of rows) {
      const len = textLen(r.title);
      chars += len;
      if (r.date) dated++;
      s += 1 + (r.date ? 2 : 0) + Math.min(len, 40) / 20;
    }
    const avg = rows.length > 0 ? chars / rows.length : 0;
    if (avg < 6) s *= 0.3;
    if (rows.length === 1) s *= 0.5;
    if (dated === 0 && rows.length < 3) s *= 0.5;
    s *= containerPenalty(c);
    scores.set(c, s);
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  const chosen: Element[] = [];
  if (best) {
    chosen.push(best);
    const parent = best.parentElement;
    const cls = best.getAttribute('class') ?? '';
    const bestRows = rowsByContainer.get(best)!;
    const bestDated = bestRows.some((r) => r.date !== null);
    for (const [c, rows] of rowsByContainer) {
      if (c === best) continue;
      const s = scores.get(c) ?? 0;
      if (s < bestScore * 0.1 || containerPenalty(c) < 1) continue;
      const sibling = c.parentElement === parent && c.localName === best.localName && (c.getAttribute('class') ?? '') === cls;
      const cousin =
        c.parentElement?.parentElement === parent?.parentElement &&
        c.localName === best.localName &&
        c.parentElement?.localName === parent?.localName &&
        (c.parentElement?.getAttribute('class') ?? '') === (parent?.getAttribute('class') ?? '');
      if ((sibling || cousin) && rows.some((r) => r.date !== null) === bestDated && rows[0]!.el.localName === bestRows[0]!.el.localName)
        chosen.push(c);
    }
  }
  const rows = chosen.flatMap((c) => rowsByContainer.get(c)!).sort((a, b) => a.order - b.order);
  const dates = assignDates(rows, doc, now);
  const items: ListItem[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.url)) return;
    seen.add(r.url);
    items.push({ url: r.url, href: r.href, title: r.title.slice(0, 500), publishedAt: dates[i] ?? null, pinned: r.pinned });
  });
  const skipped = chosen.flatMap((c) => rejectedByContainer.get(c) ?? []);
  return {
    items,
    nextPages: pager.nextPages,
    pageCount: pager.pageCount,
    title,
    rejected: skipped.map((s) => s.href),
    skipped,
    offsitePages: pager.offsite,
  };
}
