/**
 * 来源 (origin) from the page: an element named for the source, a labelled line or label
 * element, a label attribute, a 组织实施 line; and which lines are source or reprint notes
 * (isSourceLine, isReprintNote) rather than body text.
 */
import type { Document, Element } from '../parsed-dom';
import { normaliseText, countPunct, countChars, matchOrigin, collapseSpaces, matchImplementingBody } from './patterns';
import { findDate } from '../../../shared/dates';
import type { Block } from './blocks';

const SOURCE_TOKEN_RE = /^(?:(?:article|art|news|wz|content|info|post)[-_]?)?(?:source|laiyuan|ly)(?:[-_]?name)?$|^media[-_]?name$/i;

/** A class naming a source, a 来源 (laiyuan) or a medium, anywhere in it (originFromElement's first test). */
const SOURCE_NAMED_RE = /source|laiyuan|media/;

/** 来源 given only by markup: `<a class="source">新京报</a>`, `<span id="source">新华网</span>`. */
export function originFromElement(doc: Document): string | null {
  // `[class*=source],[class*=laiyuan],[class*=media],[class=ly],[id*=source],[id=ly]`, each element's
  // two names read once (cost only: six attribute tests of every named element were 2% of a page).
  for (const el of Array.from(doc.querySelectorAll('[class],[id]'))) {
    const cls = el.getAttribute('class') ?? '';
    const id = el.getAttribute('id') ?? '';
    if (!SOURCE_NAMED_RE.test(cls) && cls !== 'ly' && !id.includes('source') && id !== 'ly') continue;
    const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!tokens.some((t) => SOURCE_TOKEN_RE.test(t))) continue;
    // A list entry's own 来源 (a related list: <li><a>other article</a><span class="source">…</span>).
    if (inLinkedEntry(el)) continue;
    const t = normaliseText(el.textContent ?? '')
      .replace(/^(?:(?:文章|稿件|信息|新闻)?来\s*源|来自|出处)\s*[:：]?\s*/, '')
      // A separator dot between inline bits of a byline bar (`振王视史 ⋅ 25评论`).
      .replace(/^[\s⋅·•|｜/]+|[\s⋅·•|｜/]+$/g, '')
      .trim();
    if (t && t.length <= 30 && countPunct(t) === 0 && !/[:：]|\d{1,2}-\d{1,2}/.test(t) && !findDate(t)) return t;
  }
  return null;
}

/**
 * Whether `el` sits in a list entry beside a link to another article (a link of a title's length,
 * not a 评论/分享 button): that entry's own field, not the page's.
 */
function inLinkedEntry(el: Element): boolean {
  let entry = el.parentElement;
  while (entry && entry.localName !== 'li') entry = entry.parentElement;
  if (!entry) return false;
  return Array.from(entry.querySelectorAll('a[href]')).some(
    (link) => !el.contains(link) && !link.contains(el) && countChars(normaliseText(link.textContent ?? '')) >= 8,
  );
}

/**
 * The 来源 of a metadata block whose field sits in an element of its own: the value ends where
 * that element ends, though the text runs on into the next field without a gap
 * (<span>来源：县融媒体中心</span><span>06-18 16:42</span>, …<span>解读类型：…</span>).
 */
export function blockOrigin(b: Block): string | null {
  const whole = matchOrigin(b.spaced);
  if (!whole) return null;
  const cut = originInOwnElement(b.el, whole, 0);
  return cut ?? whole;
}

/**
 * A block's 实施主体, read from the element that holds the field when the bar's fields run on
 * without a gap (<span>实施主体：某局</span><span>事项编码：…</span>).
 */
export function implementingBody(b: Block): string | null {
  if (!/实施(?:主体|机关|机构)/.test(b.text)) return null;
  for (const el of Array.from(b.el.querySelectorAll('*'))) {
    const t = collapseSpaces(el.textContent ?? '');
    const v = t.length <= 60 && /^\s*实施/.test(t) ? matchImplementingBody(t) : null;
    if (v) return v;
  }
  return matchImplementingBody(b.spaced);
}

/** The shorter value an inner element holding both the label and a value gives, if any. */
function originInOwnElement(el: Element, whole: string, depth: number): string | null {
  if (depth > 6) return null;
  for (const child of Array.from(el.children)) {
    const text = collapseSpaces(child.textContent ?? '');
    if (text.length < 3 || !/[源稿自处构位门关]/.test(text)) continue;
    const v = matchOrigin(text);
    // Only where the next field starts in an element of its own: text running on after the
    // element (<font>来源：示例</font>日报) is still the value.
    const after = child.nextSibling;
    if (v && v.length < whole.length && whole.startsWith(v) && (after === null || after === child.nextElementSibling)) return v;
    const inner = originInOwnElement(child, whole, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/** A label alone in its element (Drupal's field__label, <dt>): a 来源 label without a colon. */
const BARE_ORIGIN_LABEL_RE = /^(?:(?:文章|稿件|信息|新闻|消息|内容)?来\s*源(?:单位)?|稿\s*源|出\s*处|发布(?:机构|单位|机关|法院|检察院))$/;

/**
 * A 来源 field written as a label element and its value element side by side, no colon
 * (<div class="label">来源</div><div class="item">县委宣传部</div>, <dt>来源</dt><dd>…</dd>):
 * the value is the next block, in the label's next sibling element, short and not a date.
 */
export function labelElementOrigin(b: Block, next: Block | undefined): string | null {
  if (!next || !BARE_ORIGIN_LABEL_RE.test(b.text) || next.len > 40 || /[:：]/.test(next.text) || findDate(next.text)) return null;
  const sibling = b.el.nextElementSibling;
  if (!sibling || !(sibling === next.el || sibling.contains(next.el))) return null;
  if (normaliseText(sibling.textContent ?? '') !== next.text) return null;
  return matchOrigin(`来源：${next.spaced}`);
}

const ORIGIN_ATTRIBUTE_LABEL_RE = /^(?:(?:文章|稿件|信息|新闻|消息)?来\s*源|稿\s*源|出\s*处)\s*[:：]?$/;

/**
 * 来源 labelled only in markup a reader sees as a tooltip: an element of the metadata line whose
 * `title` or `aria-label` is the label and whose text is the value.
 */
export function originFromLabelAttribute(line: Element): string | null {
  for (const el of [line, ...Array.from(line.querySelectorAll('[title],[aria-label]'))]) {
    const label = normaliseText(el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '');
    if (!ORIGIN_ATTRIBUTE_LABEL_RE.test(label)) continue;
    const t = normaliseText(el.textContent ?? '').replace(/^(?:(?:文章|稿件|信息|新闻|消息)?来\s*源|稿\s*源|出\s*处)\s*[:：]?\s*/, '');
    if (t && t.length <= 30 && countPunct(t) === 0 && !findDate(t) && !/^\d/.test(t)) return t;
  }
  return null;
}

/** （来源：人民日报） or 来源：学习时报 as a line of its own. */
export function isSourceLine(text: string): boolean {
  return (
    text.length <= 60 && /^[\s(（【[]*(?:本文|本篇|本稿)?(?:(?:文章|稿件|信息|新闻)?来\s*源|稿\s*源|转\s*自|转载自)\s*[:：]/.test(text)
  );
}

/** A publication label: 发布时间：, 发布日期：, 公开日期：, 发表时间：. */
export const PUBLICATION_LABEL_RE = /(?:发布|公开|发表)\s*(?:日\s*期|时\s*间)\s*[:：]/;

/**
 * A reprint's note about where the text first ran: `原标题：…` (the title it had there),
 * `（原载《某报》某日第N版）`, or the print edition alone, a paper's name and its day and page
 * (`《 某某日报 》（ 2024年08月21日 第 11 版）`). Said about the text, not part of it.
 */
export function isReprintNote(text: string): boolean {
  if (text.length > 80) return false;
  return (
    /^[\s(（【[]*原\s*标\s*题\s*[:：]/.test(text) ||
    PRINT_EDITION_RE.test(text) ||
    /^[\s(（【[]*(?:本文|此文|该文)?(?:(?:原载|原刊|原文(?:刊)?载)于?|(?:首发|刊发|刊载)于)\s*《[^》]{1,30}》[^。！？]*[)）】\]]?$/.test(
      text,
    )
  );
}

const PRINT_EDITION_RE =
  /^\s*《\s*[^《》]{1,20}?\s*》\s*[(（]?\s*(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})\s*第\s*[0-9０-９]{1,3}\s*版\s*[)）]?\s*$/;

/** The label of who put a file on a sharing site: 上传者, 上传人, 上传用户, 分享者, 贡献者. */
const UPLOADER_LABEL_RE = /(?:上传(?:者|人|用户)|分享者|贡献者)\s*[:：]/;

/**
 * A document-sharing page's uploader (上传者：<a href="/u/…">某某</a>): a user account that put the
 * file on the site, its name a link to the user's page, never the document's 来源 (a CMS writes its
 * 发布者 / 上传者 office as plain text, which matchPublisher may still take when it is a unit).
 */
export function uploaderAccount(b: Block, value: string): boolean {
  if (!UPLOADER_LABEL_RE.test(b.text)) return false;
  for (const a of Array.from(b.el.querySelectorAll('a'))) if (normaliseText(a.textContent ?? '') === value) return true;
  return false;
}
