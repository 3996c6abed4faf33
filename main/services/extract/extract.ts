/**
 * Article extraction from one Chinese CMS page (TRS WCM, DedeCMS, PHPCMS, 帝国CMS, old ASP
 * table sites, WeChat copies…): title, date, 来源, 作者, 责任编辑, body paragraphs, images and
 * allow-listed HTML.
 *
 * How: parse with linkedom; walk the DOM once into text blocks (split at block elements and
 * paragraph-like `<br>`s), each knowing its ancestors; take metadata from meta tags and from the
 * lines around the title; mark navigation/footers/share bars/comment forms (by tag, class/id and
 * by text) as boilerplate; score containers the way Readability does but counting characters and
 * Chinese punctuation instead of words and commas; keep the blocks of the best container (and
 * its qualifying siblings) minus metadata lines and boilerplate. The HTML is rebuilt from the
 * kept blocks by an allow-list, so `text` and `html` always hold the same block texts.
 *
 * Then a confidence (0–1) from general signals: body length, punctuation density, how much of
 * the page's prose the body holds, link density, a title and a metadata line found; on a page in
 * a Latin script also capped by the doubts that make a second opinion worth its cost (a short or
 * link-heavy body, prose-looking text outside it or right beside it: latinConfidence). Only below
 * LOW_CONFIDENCE Readability gives a second opinion (read back through the same walker) and wins only
 * when it keeps most of our text and more, as trafilatura does with its fallbacks (on a Latin page
 * "more" means at least LATIN_MIN_GAIN characters of real prose paragraphs, not key points, notices
 * or captions), or, on a Latin page where the two picked different parts, when it holds much more
 * prose; blocks we dropped as chrome (bylines, author and newsletter boxes) stay dropped whichever
 * wins.
 * 政府信息公开 tables give 发布日期 / 发布机构 / 文号; unclosed raw-text tags are closed first.
 *
 * Bad input (empty, binary, not HTML, or no article at all) throws AppError E_INVALID_ARGUMENT
 * with a Chinese message; a page with a title but no body text returns `paragraphs: []`.
 *
 * This file is the pipeline (extractArticle) and the passes not yet moved out; the parts of one
 * concern live beside it: the walk (walk.ts), the block types (blocks.ts), HTML output
 * (html-output.ts), 来源 (origin.ts), captions and figures (captions.ts), English bylines
 * (bylines.ts), confidence and the referee (referee.ts), a 公文's head and record (document-head.ts), shared block
 * tests (predicates.ts).
 */
import { dropReleaseBoilerplate } from './press-release';
import { dropMailTail } from './mail-message';
import { isReviewLabel } from './title-labels';
import { otherPostsBoxes } from './other-posts';
import { pairListItem } from './pair-lists';
import { linkGridLabel } from './link-grids';
import { counterLine } from './counter-lines';
import { escapeHtml } from '../../../shared/html-policy';
import { resolveHttpUrl } from '../../../shared/url';
import { findAttachments, namesAttachment, type Attachment } from './attachments';
import type { Document, Element, Text } from '../parsed-dom';
import { parseLightDocument } from './light-dom';
import { numberedThread, sameClassBox } from './threads';
import { verseBoxes } from './verse';
import { dropTestimonials, readerFormBoxes } from './reader-boxes';
import { linkedEntryHead } from './catalogue-entries';
import {
  aboutBoxes,
  chapterNumberOverTitle,
  dropIssuerBoilerplate,
  dropRecordFields,
  dropSignatories,
  isPermissionsCredit,
} from './end-matter';
import { articleFromScripts, galleryFromScripts, stateDate, type ScriptText } from './json-state';
import { byAttribute, byClassAndId } from './class-memo';
import { AppError } from '../../../shared/errors';
import { LOW_EXTRACT_CONFIDENCE } from '../../../shared/domain/sync';
import {
  CJK,
  DATE_LABEL_RE,
  NEGATIVE_CLASS_RE,
  collapseSpaces,
  countChars,
  countPunct,
  isBoilerplate,
  isEndMark,
  isMetaLine,
  isUpdateNotice,
  lastChangeDate,
  findShortYearDate,
  findRocYearDate,
  firstPublishedDate,
  publishedLabelDate,
  matchAuthor,
  matchBareOrigin,
  matchDepartment,
  matchEditor,
  matchOrigin,
  bylineNames,
  matchPublisher,
  matchSentIn,
  originFromImageAlt,
  matchCreditOrigin,
  personName,
  publicationName,
  normaliseText,
  trimInvisible,
  isOrganisation,
  isAccountName,
  matchJournalIssue,
  isLatinEndLine,
  isLatinNotice,
  isLatinSponsorLabel,
  isLatinWidgetLine,
  isLatinScriptPlaceholder,
  comparable,
  isSignOffUnit,
  matchReplyUnit,
  unitAndDate,
  dateAndUnit,
} from './patterns';
import { classProperty, classRules, hiddenClasses, type ClassRule } from './class-rules';
import { prominentTitle } from './prominent-title';
import { dateFromUrl, findDate, findTime, findTimeOn, isDateOnly, parseDateValue, unixToIso } from '../../../shared/dates';
import type { ExtractedImage, Block, Stats } from './blocks';
import { blockHtml, buildHtml } from './html-output';
import {
  originFromElement,
  blockOrigin,
  implementingBody,
  labelElementOrigin,
  originFromLabelAttribute,
  isSourceLine,
  PUBLICATION_LABEL_RE,
  isReprintNote,
  uploaderAccount,
} from './origin';
import { isProse, tableParts, tableRows } from './predicates';
import {
  picturesOnly,
  isEmbeddedPost,
  isCaption,
  storyCaptions,
  captionAsText,
  numberedFigureLabel,
  figureBoxLine,
  chartFigureLine,
  figureTitle,
  dropCaptions,
} from './captions';
import {
  PARA_TAGS,
  SCORE_LEVELS,
  MAX_THIN_WRAPPERS,
  isHidden,
  isSalutation,
  methodBox,
  pageMayHoldMethodBox,
  listingPre,
  headingWrapper,
  Walker,
  commentMicrodata,
  EN_DATE_RE,
} from './walk';
import { isLatinByline } from './bylines';
import {
  scoreConfidence,
  latinConfidence,
  isOutsideParagraph,
  OUTSIDE_MIN_CHARS,
  classWords,
  referee,
  namedRowItem,
  proseChars,
} from './referee';
import {
  SECURITIES_HEAD_RE,
  sectionHeadingInText,
  formLabelCell,
  eventHostLine,
  dropDocumentHeadAndRecord,
  documentHeadTable,
  citationEntry,
} from './document-head';
export { keptShare } from './referee';
export type { ExtractedImage } from './blocks';

export interface ExtractedArticle {
  title: string;
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  paragraphs: string[];
  text: string;
  images: ExtractedImage[];
  html: string;
  /** Time of publication (HH:MM or HH:MM:SS) when the page gives one next to the date. */
  publishedTime: string | null;
  /** 文号 of a 政府信息公开 document (某发〔2023〕18号). */
  docNumber: string | null;
  /** 0–1: how sure the extractor is that the body is the whole article and nothing else. */
  confidence: number;
  /** 'template' when our own scoring decided; 'readability' when the second opinion won. */
  method: 'template' | 'readability';
  /** Whether Readability was asked for a second opinion (whichever won). */
  refereed: boolean;
  /** Documents the page links to as its attachments (附件). */
  attachments: Attachment[];
}

/** Below this confidence a page is shown as uncertain and Readability is asked as a referee. */
export const LOW_CONFIDENCE = LOW_EXTRACT_CONFIDENCE;
const REFEREE_MAX_CHARS = 4_000_000;

// ---- metadata from <meta> and scripts ------------------------------------------------------

interface MetaInfo {
  /** The article title the page states in metadata (CMS fields, JSON-LD, Dublin Core, Open Graph…). */
  title: string | null;
  ogTitle: string | null;
  siteName: string | null;
  docTitle: string | null;
  date: string | null;
  dateText: string | null;
  updated: string | null;
  origin: string | null;
  author: string | null;
}

// A page's meta dates count as the page writes them (not shifted to China time), like its visible date.
const AS_WRITTEN = { asWritten: true };

function readMeta(doc: Document, html: string): MetaInfo {
  const metas = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const keys = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content');
    if (!keys || !content || !content.trim()) continue;
    // property="dc:title og:title" names one value for several keys.
    for (const key of keys.split(/\s+/)) if (!metas.has(key)) metas.set(key, content.trim());
  }
  const get = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  let date: string | null = null;
  let dateText: string | null = null;
  for (const k of [
    'pubdate',
    'publishdate',
    'publish_date',
    'publishtime',
    'article:published_time',
    'og:release_date',
    'datepublished',
    'weibo:article:create_at',
    'dc.date',
    'dc.date.issued',
    'firstpublishedtime',
    'releasedate',
    'created',
    'og:published_time',
    'published_time',
    'parsely-pub-date',
    'sailthru.date',
    'dcterms.created',
    'dcterms.date',
    'citation_publication_date',
    // Google Scholar's other name for it (never citation_online_date: the day it went online first).
    'citation_date',
    'apub:time',
    'date',
  ]) {
    const v = metas.get(k);
    if (v) {
      date = parseDateValue(v, AS_WRITTEN);
      if (date) {
        dateText = v;
        break;
      }
    }
  }
  // The article's own JSON-LD record dating it a day earlier than the meta tag: the meta is
  // rewritten when a piece is republished or updated (a platform re-featuring an old post, a
  // newsroom stamping its last edit as published_time); the record keeps when it first ran.
  if (date) {
    const recorded = jsonLdArticleField(doc, 'datePublished');
    const first = recorded ? parseDateValue(recorded, AS_WRITTEN) : null;
    if (first && first < date) [date, dateText] = [first, recorded];
  }
  if (!date) {
    // JSON-LD (schema.org NewsArticle): "datePublished": "2024-03-05T08:00:00+08:00"
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(html);
    if (m && (date = parseDateValue(m[1]!, AS_WRITTEN))) dateText = m[1]!;
  }
  if (!date) {
    const t = publishedTimeElement(doc);
    if (t && (date = parseDateValue(t, AS_WRITTEN))) dateText = t;
  }
  if (!date) {
    // WeChat pages fill the date in with script: var ct = "1709600000"; createTime = '2024-03-05'
    const m = /\b(?:var\s+)?(?:ct|publish_time|createTime|create_time)\s*=\s*["']([^"']{8,30})["']/.exec(html);
    if (m) date = /^\d{10}$/.test(m[1]!) ? unixToIso(Number(m[1])) : parseDateValue(m[1]!, AS_WRITTEN);
  }
  // A modification date, used only when the page says nothing else about its date.
  let updated: string | null = null;
  for (const k of ['dateupdate', 'article:modified_time', 'datemodified', 'lastmodified', 'last-modified']) {
    const v = metas.get(k);
    if (v && (updated = parseDateValue(v, AS_WRITTEN))) break;
  }
  const titleEl = doc.querySelector('title');
  return {
    updated,
    // CMS fields first, then the order Readability reads them in (JSON-LD, Dublin Core, Open Graph…).
    title:
      get('articletitle', 'article_title') ??
      jsonLdHeadline(doc, titleEl?.textContent ?? '') ??
      get(
        'dc.title',
        'dc:title',
        'dcterm:title',
        'dcterms.title',
        'og:title',
        'weibo:article:title',
        'weibo:webpage:title',
        'title',
        'twitter:title',
        'parsely-title',
        'headline',
      ) ??
      commentRecordTitle(html),
    ogTitle: get('og:title', 'twitter:title'),
    siteName: get('og:site_name', 'application-name', 'sitename', 'site_name'),
    docTitle: titleEl ? titleText(titleEl.textContent ?? '') || null : null,
    date,
    dateText,
    // Non-standard 来源 metas Chinese CMSs emit; an author meta is a person, never a 来源.
    origin: get(
      'contentsource',
      'source',
      'og:site_name:source',
      'article:source',
      'og:article:source',
      'og:source',
      'articlesource',
      'article_source',
      'copyfrom',
    ),
    author: get('article:author', 'authors'),
  };
}

const RECORD_FIELD_RE = /<([a-z]+)>[^<>]{0,200}<\/\1>/gi;

/**
 * An article's record that a publishing system leaves in a comment (<!--… <articleid>8823</articleid>
 * <date>2024-04-12</date><title>…</title> …-->): its title, where the page's own <title> is the
 * paper's or the site's. A record: the title among at least two other fields of the same form.
 */
function commentRecordTitle(html: string): string | null {
  const re = /<title>([^<>]{2,200})<\/title>/gi;
  for (let m: RegExpExecArray | null; (m = re.exec(html));) {
    const open = html.lastIndexOf('<!--', m.index);
    if (open < 0 || html.lastIndexOf('-->', m.index) > open) continue;
    const close = html.indexOf('-->', m.index);
    if (close < 0) return null;
    const fields = html.slice(open, close).match(RECORD_FIELD_RE)?.length ?? 0;
    // A comment's text is as written: its character references are not decoded by the parser.
    const title = normaliseText(
      m[1]!
        .replace(/&#(\d{2,7});|&#x([0-9a-f]{2,6});/gi, (_, d: string | undefined, h: string | undefined) =>
          String.fromCodePoint(Math.min(0x10ffff, d ? Number(d) : parseInt(h!, 16))),
        )
        .replace(/&(amp|quot|lt|gt|nbsp);/g, (_, n: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', nbsp: ' ' })[n]!),
    );
    if (fields >= 3 && title && !/&[a-z]+;/i.test(title)) return title;
  }
  return null;
}

const PUBLISHED_TIME_RE =
  /(?:^|[-_\s])(?:published|entry-date|post-date|pub-?date|date-?published|publish(?:ed)?-(?:date|time))(?:[-_\s]|$)/i;
const UPDATED_TIME_RE = /updated|modified/i;
/** Where a <time> names another article or a comment: a sidebar, a related list, a footer. */
const OTHER_TIME_ZONE_RE = /(?:^|[-_\s])(?:widget|sidebar|related|recent|comments?|footer|nav|post-?navigation|relatedposts)(?:[-_\s]|$)/i;

/**
 * `<time class="entry-date published" datetime="…">` (WordPress and most blog themes),
 * `<time itemprop="datePublished">`: the published one, never a `<time class="updated">` and never
 * a time in a sidebar, a related list or a footer.
 */
function publishedTimeElement(doc: Document): string | null {
  for (const t of Array.from(doc.querySelectorAll('time'))) {
    const marks = `${t.getAttribute('class') ?? ''} ${t.getAttribute('itemprop') ?? ''}`;
    const published = PUBLISHED_TIME_RE.test(marks) || /datePublished/.test(marks) || t.hasAttribute('pubdate');
    if (!published || (UPDATED_TIME_RE.test(marks) && !/published/i.test(marks))) continue;
    let elsewhere = false;
    for (let a = t.parentElement; a && !elsewhere; a = a.parentElement) {
      elsewhere =
        /^(?:aside|nav|footer)$/.test(a.localName) ||
        OTHER_TIME_ZONE_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`);
    }
    if (elsewhere) continue;
    const v = (t.getAttribute('datetime') ?? t.textContent ?? '').trim();
    if (v) return v;
  }
  return null;
}

/** A string field of a JSON-LD object's text (`"headline": "…"`), or null. */
function jsonLdField(text: string, key: string): string | null {
  const m = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.){2,400}")`).exec(text);
  if (!m) return null;
  try {
    const v = JSON.parse(m[1]!) as unknown;
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  } catch {
    return null; // a broken JSON string names nothing
  }
}

/**
 * A fact check's own statement: on a page whose JSON-LD is a schema.org ClaimReview, the line
 * stating the reviewed claim (most of `claimReviewed`'s words) and the line giving the verdict
 * (`Rating: False`, the rating's `alternateName` after a short label), each set in the article's
 * container above its text (a sibling box before `top`). Returns those lines' elements.
 */
function reviewedClaimLines(doc: Document, blocks: Block[], parent: Element, top: Element, negative: Set<Element>): Element[] {
  let claim: string | null = null;
  let rating: string | null = null;
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = s.textContent ?? '';
    if (!/"@type"\s*:\s*\[?\s*"ClaimReview"/.test(text)) continue;
    claim = jsonLdField(text, 'claimReviewed');
    rating = jsonLdField(text, 'alternateName');
    break;
  }
  if (!claim) return [];
  const claimWords = new Set(comparable(claim).split(' '));
  const ratingRe = rating ? new RegExp(`^(?:[\\p{L} ]{1,20}:\\s*)?${rating.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu') : null;
  // Above the text only: in a box of the container that comes before the text's own box.
  const textStart = blocks.find((b) => top.contains(b.el))?.index ?? 0;
  const out: Element[] = [];
  for (const b of blocks) {
    if (b.index >= textStart) break;
    if (b.len === 0 || b.len > CLAIM_LINE_MAX || b.negative || !parent.contains(b.el)) continue;
    if (b.ancestors.some((a) => negative.has(a))) continue;
    const words = comparable(b.text).split(' ');
    const shared = words.filter((w) => claimWords.has(w)).length;
    if (shared >= claimWords.size * 0.8 && shared >= words.length * 0.5) out.push(b.el);
    else if (ratingRe && b.len <= 40 && ratingRe.test(b.text)) out.push(b.el);
  }
  return out;
}
/** Characters a claim's line holds at most. */
const CLAIM_LINE_MAX = 400;

/**
 * Each schema.org article object in the page's JSON-LD, as its own fields only (nested objects,
 * its author's or publisher's, cut out). LiveBlogPosting matches first: its updates are
 * BlogPostings whose headlines are entry headings.
 */
function* jsonLdArticles(doc: Document): Generator<string> {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = s.textContent ?? '';
    const article = /"@type"\s*:\s*\[?\s*"(\w*Article|\w*BlogPosting|Report)"/.exec(text);
    if (!article) continue;
    let own = text.slice(Math.max(0, text.lastIndexOf('{', article.index)) + 1);
    for (let i = 0, prev = ''; i < 8 && prev !== own; i++) [prev, own] = [own, own.replace(/\{[^{}]*\}/g, '')];
    yield own;
  }
}

/** A field of the first schema.org article object in the page's JSON-LD (its own, not its author's or publisher's). */
function jsonLdArticleField(doc: Document, key: string): string | null {
  for (const own of jsonLdArticles(doc)) {
    const v = jsonLdField(own, key);
    if (v) return v;
  }
  return null;
}

/**
 * The title of a schema.org article in the page's JSON-LD: its name or headline, the one the
 * page's <title> repeats when they differ (Wikipedia's headline is a description).
 */
function jsonLdHeadline(doc: Document, docTitle: string): string | null {
  const field = jsonLdField;
  const page = normaliseText(docTitle).toLowerCase();
  for (const own of jsonLdArticles(doc)) {
    const headline = field(own, 'headline');
    const name = field(own, 'name');
    if (headline && name && headline !== name) return page.includes(normaliseText(name).toLowerCase()) ? name : headline;
    if (headline ?? name) return headline ?? name;
  }
  return null;
}

/**
 * A title keeps a space between two clauses (`以学铸魂 以学促干`), but source line breaks
 * between CJK characters are not spaces.
 */
export function titleText(raw: string): string {
  // A full-width space is the writer's (基层减负为实干松绑 U+3000 让干部…): kept as one, as in the text.
  return raw
    .replace(/[\s\u3000\u00a0]*[\r\n]+[\s\u3000\u00a0]*/g, '\n')
    .replace(/[\t \u3000\u00a0]+/g, (run) => (run.includes('\u3000') ? '\u3000' : ' '))
    .trim()
    .replace(new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'g'), '$1')
    .replace(/\n/g, ' ')
    .replace(/\s*[¶§#]+$/, ''); // permalink anchors after a heading (Sphinx, Markdown sites)
}

/** A separator, then one short part with no separator of its own: a site's name after a title. */
const SITE_TAIL_RE = /^\s*(?:[-–—|｜_·»]{1,2}|--)\s*[^-–—|｜_·»\s][^-–—|｜_·»]{0,19}$/;

/**
 * The title the page states in its metadata, reconciled with the heading we picked: the heading
 * when the stated title is the heading plus a site name (`标题_新华网`); the stated title without
 * a trailing site name otherwise. Null when the metadata names only the site.
 */
/** A record's number as one token: letters and digits, a digit among them (`US11873204B2`, `EN-1090-2`). */
const RECORD_NUMBER_RE = /^(?=[^\s]*\d)[A-Z0-9][A-Za-z0-9./-]{4,24}$/;

function statedTitle(meta: MetaInfo, picked: { title: string; weak: boolean } | null): string | null {
  if (!meta.title) return null;
  const t = titleText(meta.title);
  if (countChars(t) < 2 || namesNoArticle(t)) return null;
  const norm = normaliseText(t);
  const parts = titleParts(t);
  const site = meta.siteName ? normaliseText(meta.siteName) : null;
  const docParts = meta.docTitle ? titleParts(titleText(meta.docTitle)).map(normaliseText) : [];
  // Only the site's name (og:title = og:site_name, or the tail of <title>). Not the middle part
  // after a record's number (`US1234567B2 - Seed tray - Site`: the record's own title).
  const afterNumber = docParts.length > 2 && docParts[1] === norm && RECORD_NUMBER_RE.test(docParts[0]!);
  if (norm === site || (docParts.length > 1 && docParts.slice(1).includes(norm) && !afterNumber)) return null;
  if (picked && !picked.weak) {
    const h = normaliseText(picked.title);
    // The heading, or the heading cut short in broken metadata (content="多地项目…" 暗伤"…").
    if (h === norm || normaliseText(parts[0] ?? '') === h || (h.length > norm.length && h.startsWith(norm))) return picked.title;
    // The heading holds a separator of its own (`路线｜攻略`), so the split's first part is not it:
    // the stated title is still the heading, then a separator and one short part (the site).
    if (countChars(h) >= 4 && norm.startsWith(h) && SITE_TAIL_RE.test(norm.slice(h.length))) return picked.title;
    // The heading after one capitalised word naming the page's kind, then maybe a separator and a
    // short part or one token (`Release v2.0 — Larch · owner/repo` over the heading `v2.0 — Larch`).
    const at = norm.indexOf(h);
    const rest = norm.slice(at + h.length);
    if (
      countChars(h) >= 6 &&
      at > 0 &&
      /^\p{Lu}\p{Ll}+ $/u.test(norm.slice(0, at)) &&
      (rest === '' || SITE_TAIL_RE.test(rest) || /^\s*[-–—|｜·»]\s*\S{1,60}$/.test(rest))
    )
      return picked.title;
  }
  // `标题 - 站名` where 站名 is the page's site name or the last part of <title> too.
  const last = parts.length > 1 ? normaliseText(parts[parts.length - 1]!) : null;
  const docDiffers = meta.docTitle !== null && normaliseText(titleText(meta.docTitle)) !== norm;
  if (last && (last === site || (docDiffers && docParts.length > 1 && docParts[docParts.length - 1] === last))) {
    const cut = t.lastIndexOf(parts[parts.length - 1]!);
    const head = t.slice(0, cut).replace(/[\s\-–—|｜_·:：»]+$/, '');
    if (countChars(head) >= 2) return head;
  }
  return t;
}

/**
 * A heading broken over lines (`凝心聚力谋发展<br>实干担当开新局`) reads as one run of characters;
 * the page's own title, equal to it but for spaces, shows where the space between its clauses is.
 */
function withStatedSpacing(title: string, refs: (string | null)[]): string {
  const bare = title.replace(/\s+/g, '');
  if (bare.length < 4) return title;
  for (const ref of refs) {
    if (!ref) continue;
    const t = titleText(ref);
    for (const part of [t, ...titleParts(t)]) {
      if (part === title || part.replace(/\s+/g, '') !== bare) continue;
      // Only spaces between words or clauses (凝心聚力谋发展 实干担当开新局), not beside brackets.
      const spaces = part.match(/.\s+(?=.)/gu) ?? [];
      if (spaces.length > 0 && spaces.every((m) => /^[\p{Script=Han}\p{L}\p{N}]/u.test(m)) && !/\s[^\p{Script=Han}\p{L}\p{N}]/u.test(part))
        return part;
    }
  }
  return title;
}

const DEFINITION_TITLE_RE = /\b(?:definitions?|meanings?|define)\b/i;

/**
 * The headline a Latin-script page shows, where its <title>/og:title is the site's own wording:
 * the one h1 (or, on an old table page without one, a large bold <font> line) of four words or
 * more, when the stated title holds it plus site words (`Ask Agnes: … - Daily Meridian`).
 */
function visibleHeadline(doc: Document, stated: string, meta: MetaInfo): string | null {
  const h1s = Array.from(doc.querySelectorAll('h1'))
    .map((el) => titleText(el.textContent ?? ''))
    .filter(Boolean);
  let head: string | null = null;
  if (h1s.length === 1) head = h1s[0]!;
  else if (h1s.length === 0) {
    for (const el of Array.from(doc.querySelectorAll('font[size]'))) {
      const size = el.getAttribute('size') ?? '';
      if (!(/^\+[2-6]$/.test(size) || /^[4-7]$/.test(size))) continue;
      const text = titleText(el.textContent ?? '');
      const bold = Array.from(el.querySelectorAll('b, strong')).some((b) => titleText(b.textContent ?? '') === text);
      if (text && bold) {
        head = text;
        break;
      }
    }
  }
  if (!head || head.length > 200 || !/[A-Za-z]/.test(head)) return null;
  const h = normaliseText(head);
  const norm = normaliseText(stated);
  // A dictionary's headword: the one h1 is a word or three, and the stated title calls the page
  // that word's definition or meaning (`Definition of QUAY`, `Quay Definition & Meaning`).
  if (
    head.split(/\s+/).length <= 3 &&
    DEFINITION_TITLE_RE.test(norm) &&
    norm.toLowerCase().includes(h.toLowerCase()) &&
    norm.length > h.length
  )
    return head;
  if (head.split(/\s+/).length < 4) return null;
  if (h === norm) return null;
  if (meta.siteName && normaliseText(meta.siteName) === h) return null;
  if (norm.includes(h)) return h.length >= norm.length * 0.4 ? head : null;
  // A tab label for someone's review of an item: the review's own headline is the title.
  if (isReviewLabel(norm)) return head;
  // A stated title that no visible heading matches is still the page's own title more often
  // than not (Readability's labelled pages: a dek-like h1, a shortened <title>).
  return null;
}

/**
 * A later sibling of the article root built as the root is (same tag and class: the site's body
 * component), past an ad slot or a figure, that holds a heading with a table or list of its own
 * (`<h2>Match stats</h2><table>`): the article goes on, though its cells score little as prose.
 */
function continuesArticle(top: Element, sib: Element, s: Stats, after: boolean): boolean {
  if (!after) return false;
  const cls = top.getAttribute('class')?.trim();
  if (!cls || sib.localName !== top.localName || sib.getAttribute('class')?.trim() !== cls) return false;
  if (s.chars < 20 || s.linkChars > s.chars * 0.2) return false;
  return sib.querySelector('h2, h3, h4') !== null && sib.querySelector('table, ol, ul, p') !== null;
}

/**
 * A later sibling of the article root that is one of the article's sections: it opens with its
 * own heading and holds, beside it, a box built as the root is (same tag and class: the site's
 * section body, `<section><h2>Parameters</h2><div class="body">…</div></section>`), little of it
 * links. A reference page or a long README split into one element per section reads on in them.
 */
function sectionLikeRoot(top: Element, sib: Element, s: Stats, after: boolean): boolean {
  if (!after || s.chars < 20) return false;
  const cls = top.getAttribute('class')?.trim();
  if (!cls) return false;
  let heading: Element | null = null;
  let box = false;
  for (let c = sib.firstElementChild; c; c = c.nextElementSibling) {
    if (!heading && !box && /^h[2-4]$/.test(c.localName)) heading = c;
    else if (c.localName === top.localName && c.getAttribute('class')?.trim() === cls) box = true;
  }
  if (!heading || !box) return false;
  const text = normaliseText(heading.textContent ?? '');
  // The heading's own permalink (`<a href="#params">`) is no link away.
  const own = Array.from(heading.querySelectorAll('a[href]')).every((a) => a.getAttribute('href')?.trim().startsWith('#'));
  if (s.linkChars - (own ? countChars(text) : 0) > s.chars * 0.2) return false;
  return text !== '' && !isLatinEndLine(text) && !LINK_LABEL_RE.test(text) && !REFERENCE_HEADING_RE.test(text);
}

/**
 * A later sibling of the article root built as the root is (same tag and class) whose items are
 * built as the root's are (children of a class the root repeats): the next part of one list (a
 * quiz's 二、判断题 after its 一、单项选择题, the next group of questions or entries), though its
 * short items score less than the root's threshold.
 */
function nextPartOfList(top: Element, sib: Element, s: Stats, after: boolean): boolean {
  if (!after) return false;
  const cls = top.getAttribute('class')?.trim();
  if (!cls || sib.localName !== top.localName || sib.getAttribute('class')?.trim() !== cls) return false;
  if (s.chars < 20 || s.linkChars > s.chars * 0.2) return false;
  const seen = new Map<string, number>();
  for (let c = top.firstElementChild; c; c = c.nextElementSibling) {
    const k = `${c.localName}.${c.getAttribute('class')?.trim() ?? ''}`;
    if (!k.endsWith('.')) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (let c = sib.firstElementChild; c; c = c.nextElementSibling) {
    if ((seen.get(`${c.localName}.${c.getAttribute('class')?.trim() ?? ''}`) ?? 0) >= 2) return true;
  }
  return false;
}

/**
 * A box that holds one paragraph and nothing else (`<div class="intro"><p>…</p></div>`): set
 * before the article root of a Chinese page, it is read as a bare paragraph there is (a lead, a
 * note above a quiz's parts). Not on a Latin page, where such boxes above the text are a fact
 * check's claim or a promo.
 */
function boxedParagraph(box: Element): boolean {
  // A box holding its paragraph as bare text (`<div class="note">编者按：…。</div>`, maybe with a
  // bold run or a link in it, no block of its own) is one as well.
  if (box.localName === 'div' && !hasBlockChild(box)) return (box.textContent ?? '').trim() !== '';
  const only = box.firstElementChild;
  return (
    only !== null &&
    only === box.lastElementChild &&
    only.localName === 'p' &&
    only.children.length === 0 &&
    (box.textContent ?? '').trim() === (only.textContent ?? '').trim()
  );
}

const PHRASING_TAGS = new Set([
  'a',
  'b',
  'strong',
  'em',
  'i',
  'u',
  'span',
  'font',
  'br',
  'sup',
  'sub',
  'small',
  'big',
  'label',
  'code',
  'abbr',
]);

/** Whether any child of `el` is an element other than phrasing content (a paragraph, a list, a box). */
function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!PHRASING_TAGS.has(c.localName)) return true;
  return false;
}

/**
 * A later sibling of the article root that is a list of visitors' messages (comments, 留言, a
 * vote page's 助力留言): three or more items, nearly each stamped with its own date and time of
 * day (2023-05-06 18:20), each a line or two. Words under the article, not the article going on,
 * however much punctuation they hold. (A 大事记's dated entries carry no time of day.)
 */
function stampedMessageList(sib: Element): boolean {
  const lists = /^[ou]l$/.test(sib.localName) ? [sib] : Array.from(sib.querySelectorAll('ul, ol'));
  for (const list of lists) {
    let items = 0;
    let stamped = 0;
    for (let li = list.firstElementChild; li; li = li.nextElementSibling) {
      if (li.localName !== 'li') continue;
      const t = normaliseText(li.textContent ?? '');
      if (!t) continue;
      items++;
      if (t.length <= 160 && findTime(t) !== null) stamped++;
    }
    if (items >= 3 && stamped >= items * 0.8) return true;
  }
  return false;
}

/**
 * A later sibling of the article root on a Latin page holding readers' posts: three or more boxes
 * of one build (tag and first class) side by side, nearly each a short post stamped with its date
 * and signed `by <name>` near its start (trip reports, reviews, comments not named so). Posts by
 * others about the text, not the text going on, however much of a sentence each snippet is.
 */
function signedPostCards(sib: Element): boolean {
  const boxes = [sib, ...Array.from(sib.querySelectorAll('div, ul, ol, section'))];
  for (const box of boxes) {
    const builds = new Map<string, { like: number; signed: number }>();
    for (let c = box.firstElementChild; c; c = c.nextElementSibling) {
      const cls = firstClass(c);
      if (cls === '') continue;
      const n = builds.get(`${c.localName}.${cls}`) ?? { like: 0, signed: 0 };
      builds.set(`${c.localName}.${cls}`, n);
      n.like++;
      const t = normaliseText(c.textContent ?? '');
      const head = t.length <= 600 ? spacedHead(c, 100) : '';
      if (t.length <= 600 && EN_DATE_RE.test(head) && /(?:^|[^a-z])by\s+\S/i.test(head)) n.signed++;
    }
    for (const { like, signed } of builds.values()) if (like >= 3 && signed >= like * 0.8) return true;
  }
  return false;
}

/** The first `max` characters of an element's text, its elements' texts apart (`Aug 3, 2025` `by Ann`). */
function spacedHead(el: Element, max: number): string {
  let out = '';
  const visit = (e: Element): void => {
    for (let n = e.firstChild; n && out.length < max; n = n.nextSibling) {
      if (n.nodeType === 1) visit(n as Element);
      else if (n.nodeType === 3) out += ` ${(n as Text).data}`;
    }
  };
  visit(el);
  return normaliseText(out).slice(0, max);
}

/**
 * A later sibling of the article root that is an index of other pages: a list of three or more
 * items, each opening with a link to another page and holding beside it at most a short note
 * (a person's life years, a count, a date in brackets), and no sentence anywhere in the box (其他人物,
 * 同类条目 under a record). Its unlinked notes keep its link density low and its many items score
 * as text, but it is the site's entry points, not the article going on. (A notice's attachment
 * list is left to the attachment rules.)
 */
function linkLedIndex(sib: Element, s: Stats): boolean {
  if (s.punct > 0) return false;
  const lists = /^[ou]l$/.test(sib.localName) ? [sib] : Array.from(sib.querySelectorAll('ul, ol'));
  const whole = normaliseText(sib.textContent ?? '').length;
  for (const list of lists) {
    let items = 0;
    let inItems = 0;
    let led = true;
    for (let li = list.firstElementChild; li && led; li = li.nextElementSibling) {
      if (li.localName !== 'li') continue;
      const t = normaliseText(li.textContent ?? '');
      if (!t) continue;
      const a = Array.from(li.querySelectorAll('a[href]')).find((x) => !x.getAttribute('href')!.trim().startsWith('#'));
      const linkText = a ? normaliseText(a.textContent ?? '') : '';
      led = linkText !== '' && t.startsWith(linkText) && t.length - linkText.length <= 16 && !namesAttachment(t);
      items++;
      inItems += t.length;
    }
    // The list is the box (a heading over it at most).
    if (led && items >= 3 && whole - inItems <= 20) return true;
  }
  return false;
}

/** The first class name of an element ('' when none): the build a site gives its boxes of one kind. */
function firstClass(el: Element): string {
  return (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
}

/**
 * A later sibling of the article root built as a box set above the title is (same tag and first
 * class name, the root of another build with the title in it): a page of panels around one story
 * (a vote page's 投票规则 / 活动简介 / 助力留言 boxes around the candidate's 事迹), each panel the
 * page's, not the article going on.
 */
function panelLikeOneAboveTitle(top: Element, sib: Element, after: boolean, titleEl: Element | null): boolean {
  if (!after || !titleEl || !top.contains(titleEl)) return false;
  const k = firstClass(sib);
  if (!k || k === firstClass(top)) return false;
  for (let p = top.parentElement?.firstElementChild ?? null; p && p !== top; p = p.nextElementSibling)
    if (p.localName === sib.localName && firstClass(p) === k) return true;
  return false;
}

/**
 * A table of labelled fields set between the title and the text (会议类型 | 主题党日 | 会议时间 |
 * …: every row a label cell `<th>` then its value, the labels short words): a record's
 * metadata, like a 信息公开 table, not the text. A table of data (a header row, then rows of
 * values) is not one.
 */
function fieldTable(sib: Element): boolean {
  const table = sib.localName === 'table' ? sib : null;
  if (!table) return false;
  let rows = 0;
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const cells: Element[] = [];
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'th' || c.localName === 'td') cells.push(c);
    if (cells.length === 0) continue;
    if (cells.length % 2 !== 0) return false;
    for (let i = 0; i < cells.length; i += 2) {
      const label = normaliseText(cells[i]!.textContent ?? '');
      if (cells[i]!.localName !== 'th' || cells[i + 1]!.localName !== 'td' || label.length > 8 || /[，。；,;]/.test(label)) return false;
    }
    rows++;
  }
  return rows >= 2;
}

/** A heading that names the article's own list of sources: `References`, `Notes`, `Bibliography`, `Sources:`. */
const REFERENCE_HEADING_RE = /^(?:references?|notes|footnotes|endnotes|sources|bibliography|works cited|literature cited|citations)\s*:?$/i;

/**
 * A later sibling of the article root that is its reference list: it opens with a heading naming
 * one and holds a list or paragraphs of entries, little of it links (an entry's own link rows are
 * chrome and stay out). Entries are short and score little as prose, but a reference list under
 * an article is part of it, as footnotes are.
 */
function referenceListAfter(sib: Element, s: Stats, after: boolean): boolean {
  if (!after || s.chars < 40 || s.linkChars > s.chars * 0.5) return false;
  let first = sib.firstElementChild;
  // Through a wrapper or two to the first element that holds text.
  for (let depth = 0; first && depth < 3 && !/^h[2-6]$/.test(first.localName) && first.children.length > 0; depth++) {
    if (normaliseText(first.textContent ?? '') !== normaliseText(first.firstElementChild?.textContent ?? '')) break;
    first = first.firstElementChild;
  }
  if (!first || !/^h[2-6]$/.test(first.localName) || !REFERENCE_HEADING_RE.test(normaliseText(first.textContent ?? ''))) return false;
  return sib.querySelector('ol, ul, p') !== null;
}

/**
 * The reference lists a later sibling of the article root holds: the sibling itself, or, when it is
 * the paper's back matter (acknowledgments, funding, references as sections of one wrapper), those
 * of its own sections that are one. The other back-matter sections stay out.
 */
function referenceListsAfter(sib: Element, stats: Map<Element, Stats>, negative: Set<Element>, after: boolean): Element[] {
  const s = stats.get(sib);
  if (!after || !s) return [];
  if (referenceListAfter(sib, s, after)) return [sib];
  const out: Element[] = [];
  for (let c = sib.firstElementChild; c; c = c.nextElementSibling) {
    const cs = stats.get(c);
    if (cs && !negative.has(c) && referenceListAfter(c, cs, after)) out.push(c);
  }
  return out;
}

/**
 * A record page that sets its text as sibling sections, each a heading over one body box
 * (`<section><h2>Abstract</h2><div>…</div></section>`, then Description, then Claims): when the
 * article root is such a section's box, the sibling sections built alike whose text is sentences
 * (not a table of citations, dates or codes) are the same document. Returned: their boxes, without
 * the headings, which label the template's parts as the root's own heading does.
 */
function proseSectionsBeside(top: Element, blocks: Block[], negative: Set<Element>): Element[] {
  const wrapper = top.parentElement;
  if (!wrapper || wrapper.parentElement === null || wrapper.localName === 'body') return [];
  const head = wrapper.firstElementChild;
  if (!head || !/^h[2-4]$/.test(head.localName) || head.nextElementSibling !== top || top.nextElementSibling !== null) return [];
  const candidates: Element[] = [];
  for (let sib = wrapper.parentElement.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === wrapper || negative.has(sib) || sib.localName !== wrapper.localName) continue;
    const h = sib.firstElementChild;
    if (h && /^h[2-4]$/.test(h.localName) && h.nextElementSibling) candidates.push(sib);
  }
  if (candidates.length === 0) return [];
  const out: Element[] = [];
  for (const sib of candidates) {
    let total = 0;
    let prose = 0;
    let links = 0;
    for (const b of blocks) {
      if (b.len === 0 || !b.ancestors.includes(sib)) continue;
      total += b.len;
      links += b.linkChars;
      if (b.len >= 40 && /[.!?]["”’)]?$/.test(b.text)) prose += b.len;
    }
    if (total < 80 || links > total * 0.1 || prose < total * 0.8) continue;
    for (let c = sib.firstElementChild!.nextElementSibling; c; c = c.nextElementSibling) out.push(c);
  }
  return out;
}

/** A wrapper adds at most this share to the text of the block it wraps (a toggle's heading). */
const WRAPPER_EXTRA = 0.2;

/**
 * The body block set inside wrappers of its own (a video transcript in `amp-accordion > section`
 * under its "Video transcript" toggle, a `<details>`, a collapsed section): the paragraphs beside
 * the outermost wrapper, in the container both share, are the same article (the intro above the
 * transcript). Returns that wrapper and those paragraphs, or nothing when the container holds
 * more than them (a page layout) or the block's own parent is not a thin wrapper.
 */
function proseBesideWrapper(top: Element, stats: Map<Element, Stats>, negative: Set<Element>): Element[] {
  const ts = stats.get(top);
  if (!ts) return [];
  let wrapper = top;
  // The outermost wrapper that is a block of its own (blocks know only such ancestors).
  let outer = top;
  for (let level = 0; level < 4; level++) {
    const box = wrapper.parentElement;
    if (!box || negative.has(box) || box.localName === 'body' || box.localName === 'html') return [];
    const bs = stats.get(box);
    // An inline or custom element (`amp-accordion`) is not a block of its own: look through it.
    if (!bs || bs.chars <= ts.chars * (1 + WRAPPER_EXTRA)) {
      wrapper = box;
      if (bs) outer = box;
      continue;
    }
    if (wrapper === top || bs.linkChars > bs.chars * 0.2) return [];
    const out: Element[] = [outer];
    let chars = stats.get(outer)!.chars;
    let prose = 0;
    for (let sib = box.firstElementChild; sib; sib = sib.nextElementSibling) {
      const s = sib === wrapper || negative.has(sib) || sib.localName !== 'p' ? undefined : stats.get(sib);
      if (!s || s.linkChars > s.chars * 0.25) continue;
      if (!/[.!?]["”’]?$/.test(normaliseText(sib.textContent ?? ''))) continue;
      if (s.chars >= 80) prose++;
      out.push(sib);
      chars += s.chars;
    }
    return prose > 0 && chars >= bs.chars * 0.8 ? out : [];
  }
  return [];
}

/** A rule's left edge in px (`.x3{left:113.385px;}`). */
const LEFT_PX_RE = /(?:^|[;{\s])left\s*:\s*(-?[\d.]+)px/;

/**
 * A printed line of a PDF-to-HTML page (pdf2htmlEX): a `div` positioned by classes naming its
 * left edge (`x3`) and font size (`fs2`) among others (`t m0 x3 h4 y6 ff1 fs3`).
 */
function printedLine(el: Element): { x: string; fs: string } | null {
  if (el.localName !== 'div') return null;
  const cls = (el.getAttribute('class') ?? '').split(/\s+/);
  if (!cls.includes('t')) return null;
  const x = cls.find((c) => /^x[0-9a-f]+$/.test(c));
  const fs = cls.find((c) => /^fs[0-9a-f]+$/.test(c));
  return x && fs ? { x, fs } : null;
}

/**
 * A converted PDF prints a paragraph as lines, each a box of its own, breaking mid-sentence and
 * across pages. The text's lines share a font size (the one with the most characters); a line of
 * that size starting at the text's usual left edge (not indented) goes on the paragraph before it,
 * across a page number or a page break, with nothing between (a space between Latin words).
 * Returns the blocks, re-indexed.
 */
function joinPrintedLines(blocks: Block[], doc: Document): Block[] {
  const lines = new Map<Block, { x: string; fs: string }>();
  const sizeChars = new Map<string, number>();
  for (const b of blocks) {
    const pl = printedLine(b.el);
    if (!pl || b.el !== b.ancestors[0]) continue;
    lines.set(b, pl);
    sizeChars.set(pl.fs, (sizeChars.get(pl.fs) ?? 0) + b.len);
  }
  if (lines.size < 8) return blocks;
  let textSize = '';
  for (const [fs, n] of sizeChars) if (!textSize || n > sizeChars.get(textSize)!) textSize = fs;
  const edges = new Map<string, number>();
  for (const [, pl] of lines) if (pl.fs === textSize) edges.set(pl.x, (edges.get(pl.x) ?? 0) + 1);
  // The text's left edge: the leftmost of its lines' edges where the converter's stylesheet says
  // where they are (`.x1{left:113.385px;}`), else the edge most lines start at.
  const rules = classRules(doc);
  const left = new Map<string, number>();
  for (const x of edges.keys()) {
    const at = classProperty(rules, x, LEFT_PX_RE);
    if (at) left.set(x, Number(at.match[1]));
  }
  let edge = '';
  const used = [...edges].filter(([, n]) => n >= 2).map(([x]) => x);
  if (used.length > 0 && used.every((x) => left.has(x))) for (const x of used) if (!edge || left.get(x)! < left.get(edge)!) edge = x;
  if (!edge) for (const [x, n] of edges) if (!edge || n > edges.get(edge)!) edge = x;
  const out: Block[] = [];
  let open: Block | null = null;
  for (const b of blocks) {
    const pl = lines.get(b);
    if (!pl) {
      // Any text but a page number ends the paragraph (a page's background picture does not).
      if (b.len > 0) open = null;
      out.push(b);
      continue;
    }
    if (pl.fs !== textSize) {
      if (!/^[-—–－]?\s*\d{1,4}\s*[-—–－]?$/.test(b.text)) open = null;
      out.push(b);
      continue;
    }
    if (open && pl.x === edge && b.images.length === 0) {
      const join = /[A-Za-z0-9,.;]$/.test(open.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
      open.text += join + b.text;
      open.spaced += join + b.spaced;
      open.raw += join + b.raw;
      open.rawHtml += join + b.rawHtml;
      open.plain += join + b.plain;
      open.len += b.len;
      open.linkChars += b.linkChars;
      open.punct += b.punct;
      continue;
    }
    open = b;
    out.push(b);
  }
  if (out.length === blocks.length) return blocks;
  out.forEach((b, i) => (b.index = i));
  return out;
}

/** A panel's label: a short phrase of its own (留言内容, 内容简介), no sentence, no link. */
function panelLabel(el: Element | null): boolean {
  if (!el || el.localName === 'a' || el.querySelector('a') !== null) return false;
  const t = normaliseText(el.textContent ?? '');
  const n = countChars(t);
  return n >= 2 && n <= 8 && !/[，。！？；：:,.!?、]/.test(t);
}

/** A box that opens with a label and holds more than it. */
function labelledPanel(el: Element): boolean {
  return el.children.length >= 2 && panelLabel(el.firstElementChild);
}

/**
 * The article root set in a labelled panel (`<div><div>回复内容</div><div>…</div></div>`): the other
 * labelled panels of prose beside it, built as it is (a message above its reply, a video's 简介
 * above its 文字实录), are the same text. Panels of links, of one-line fields or of headings only
 * are not taken; nor anything outside the box both share.
 */
function labelledPanelsBeside(top: Element, stats: Map<Element, Stats>, negative: Set<Element>): Element[] {
  const ts = stats.get(top);
  if (!ts) return [];
  const panel = labelledPanel(top) ? top : top.parentElement;
  if (!panel || !labelledPanel(panel)) return [];
  // The root's panel holds the root, its label and a field line at most.
  if (panel !== top && (stats.get(panel)?.chars ?? 0) > ts.chars * 1.3 + 40) return [];
  const box = panel.parentElement;
  if (!box || negative.has(box) || box.localName === 'body' || box.localName === 'html') return [];
  const out: Element[] = [];
  for (let sib = box.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === panel || negative.has(sib) || sib.localName !== panel.localName || !labelledPanel(sib)) continue;
    const s = stats.get(sib);
    if (!s || s.punct < 2 || s.linkChars > s.chars * 0.2) continue;
    // Prose: a paragraph of its own that ends a sentence.
    const prose = [...sib.querySelectorAll('p')].some((p) => /[。！？]["”’」）)]?$/.test(normaliseText(p.textContent ?? '')));
    // Without its label, as the root's own panel is taken without its label.
    if (prose) for (let c = sib.firstElementChild!.nextElementSibling; c; c = c.nextElementSibling) out.push(c);
  }
  return out;
}

/** The article's part of a split `<title>`: a site name put first (`Site - Headline`) is the shorter. */
function longestPart(parts: string[]): string | undefined {
  let best: string | undefined;
  // A part that is a file's or a draft's identifier (`draft-lee-field-notes-03`: one lower-case
  // token of words and numbers joined by hyphens) names the document, not its headline.
  const named = parts.filter((p) => !IDENTIFIER_PART_RE.test(p) || !/[a-z]/.test(p) || !/\d/.test(p));
  for (const p of named.length > 0 ? named : parts) if (!best || countChars(p) > countChars(best)) best = p;
  return best;
}
const IDENTIFIER_PART_RE = /^[a-z0-9]+(?:[-_.][a-z0-9]+){2,}$/;

/** Splits `标题 - 网站名`, `标题_栏目_站名`, `标题|站名` into parts, the article title first. */
function titleParts(t: string): string[] {
  return t
    .split(/\s+[-–—|｜·]{1,2}\s+|\s*[_｜|]\s*|\s*--\s*|\s*——\s*(?=[^——]{2,20}$)|(?<=[\u4e00-\u9fff）》”])-(?=[\u4e00-\u9fffA-Za-z]{2,10}$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---- title ---------------------------------------------------------------------------------

/** A Q&A page's badge before its question: 问, 问题, Q (答 marks the answer below). */
const QUESTION_BADGE_RE = /^(?:问|问题|提问|Q)\s*[:：.]?$/i;

/**
 * A 热点问答's question as its title line, opening with a 问 badge in an element of its own
 * (<span class="icon">问</span>小规模纳税人…？): the question without the badge. Null when the line
 * has no such badge.
 */
function withoutQuestionBadge(b: Block): string | null {
  const first = b.el.firstElementChild;
  if (!first || first.firstElementChild) return null;
  for (let n = b.el.firstChild; n && n !== first; n = n.nextSibling) if ((n.textContent ?? '').trim()) return null;
  const badge = titleText(first.textContent ?? '');
  if (!QUESTION_BADGE_RE.test(badge)) return null;
  const t = titleText(b.raw);
  if (!t.startsWith(badge)) return null;
  const rest = t.slice(badge.length).replace(/^[\s:：]+/, '');
  return countChars(rest) >= 5 ? rest : null;
}

/** Whether `ref` is `head`, then a title separator, then a rest of its own (`标题-站名`, `标题_栏目`). */
function headBeforeSeparator(ref: string, head: string): boolean {
  if (!ref.startsWith(head)) return false;
  const rest = ref.slice(head.length);
  return /^\s*(?:[-–—|｜_·»]{1,2}|--)\s*[^-–—|｜_·»\s]/.test(rest) && countChars(rest) >= 2;
}

const TITLE_CLASS_RE =
  /(?:^|[-_\s])(?:title|tit|biaoti|bt|headline|article-?title|news-?title|art-?tit|rich_media_title|detail-?title|con-?title|show-?title|arti?_title)(?:[-_\s\d]|$)|title$/i;

const DATE_CLASS_RE =
  /(?:^|[-_\s])(?:h-?time|time|date|pub-?time|pub-?date|publish-?time|publish-?date|post-?time|post-?date|article-?time|art-?time|info-?time|fbsj|sj|rq)(?:[-_\s\d]|$)/i;

/**
 * A page kind's name where a title would stand (公告详情, 新闻详情, 正文, 信息浏览, 公文查看): an app's
 * bar or a CMS's <title> for every page of a kind, naming no article. A social site's post page
 * names its kind the same way (微博正文, 帖子详情, 博文详情).
 */
const GENERIC_PAGE_TITLE_RE =
  /^(?:(?:公告|通知|新闻|文章|信息|资讯|内容|消息|动态|政策|文件|公文|稿件|微博|帖子|博文)?(?:详情|正文|详细|查看|浏览|阅读|全文)(?:页面?)?|(?:内容|文章|新闻)页|公告|通知)$/;

export function genericPageTitle(text: string): boolean {
  return text.length <= 8 && GENERIC_PAGE_TITLE_RE.test(normaliseText(text).replace(/\s+/g, ''));
}

/**
 * A periodical's issue alone (`《某某通讯》2024年第3期（总第57期）`): the <title> of every page of an
 * 电子期刊's issue, naming the issue, not the article read in it.
 */
const ISSUE_ONLY_RE =
  /^《[^《》]{2,24}》\s*(?:19|20)\d{2}\s*年\s*(?:第\s*\d{1,3}\s*期|\d{1,2}\s*月(?:[上中下]旬)?)\s*(?:[(（]\s*总第\s*\d{1,5}\s*期\s*[)）])?$/;

function issueOnly(text: string): boolean {
  return ISSUE_ONLY_RE.test(normaliseText(text));
}

/** A stated title that names no article: a page kind (公告详情) or a periodical's issue. */
function namesNoArticle(text: string): boolean {
  return genericPageTitle(text) || issueOnly(text);
}

/** camelCase words apart (`PRHeadlineSpan` → `PR-Headline-Span`), as a hyphen or underscore would set them. */
function camelWords(name: string): string {
  return name.replace(/([a-z\d])(?=[A-Z])|([A-Z])(?=[A-Z][a-z])/g, '$1$2-');
}

/** An element named (class or id) as a title slot; remembered by the two names (cost only: pickTitle asks each block's ancestors). */
const hasTitleClass = byClassAndId((named) => TITLE_CLASS_RE.test(camelWords(named)));

/**
 * A webmail's read page (or a thread's) names its letter's subject in an element of its own
 * (`<div class="mail-subject">`, `#subject`) under a <title> naming only the mail system: the
 * subject slot is a title slot. A name ending in `subject`, not a list of them (`subject-list`,
 * `subjects`: a site's 专题 links).
 */
const SUBJECT_CLASS_RE = /(?:^|\s)(?:[a-z\d]+[-_])*subject(?:\s|$)/i;

const hasSubjectClass = byClassAndId((named) => SUBJECT_CLASS_RE.test(camelWords(named)));

/** An id names one element of the page: an id naming a title is the page's one title slot, not a list's entries. */
const hasTitleId = byAttribute('id', (id) => !!id && TITLE_CLASS_RE.test(camelWords(id)));

/**
 * A list entry: a linked headline with its date beside the link (`<a>某某活动</a><span>2024-09-08</span>`).
 * Under a box's heading (最新公告, 相关新闻) it is another article's line, not the metadata of one.
 */
function datedLinkEntry(b: Block): boolean {
  return b.linkChars >= 6 && b.linkChars > b.len * 0.5 && findDate(b.plain) !== null;
}

/** How strongly the lines right after block i look like an article's metadata line. */
function metaNearScore(blocks: Block[], i: number): number {
  let step = 0;
  for (let j = i + 1; j < blocks.length && step < 3; j++) {
    const b = blocks[j]!;
    if (b.len === 0) continue;
    if (isMetaLine(b.text) || (b.len < 60 && findDate(b.text) && !datedLinkEntry(b))) return step === 0 ? 4 : step === 1 ? 2 : 1;
    if (b.len > 60 || b.punct > 2) return 0;
    step++;
  }
  return 0;
}

/**
 * `<span>原创</span><a href="…">账号名</a>` in the line under the title: the linked name right after
 * an 原创 badge of its own is the account the text comes from. Null for any other line.
 */
function accountAfterBadge(line: Element): string | null {
  for (let el = line.firstElementChild; el; el = el.nextElementSibling) {
    if (normaliseText(el.textContent ?? '') !== '原创') continue;
    const next = el.nextElementSibling;
    if (next?.localName !== 'a') return null;
    const name = normaliseText(next.textContent ?? '');
    // A name, not a date, a count or a sentence.
    return /^[^\s\d:：，。,.!！?？]{2,20}$/u.test(name) && !findDate(name) ? name : null;
  }
  return null;
}

/**
 * The name of an account card in a line under the title: a link around an avatar whose alt is the
 * name, and a text link of that name to the same profile. Only an organisation's name (市教育发布,
 * 县融媒体中心): a person's blog byline names the author, not a 来源.
 */
function accountCard(line: Element): string | null {
  const links = Array.from(line.querySelectorAll('a[href]'));
  for (const avatar of links) {
    const img = avatar.querySelector('img[alt]');
    const name = img ? normaliseText(img.getAttribute('alt') ?? '') : '';
    if (!name || normaliseText(avatar.textContent ?? '') !== '') continue;
    const href = avatar.getAttribute('href');
    const named = links.some((a) => a !== avatar && a.getAttribute('href') === href && normaliseText(a.textContent ?? '') === name);
    if (named && /^[\u4e00-\u9fff·]{3,20}$/.test(name) && isOrganisation(name) && !isAccountName(name)) return name;
  }
  return null;
}

/**
 * A social post's head: the poster's name as a link to a profile that an avatar (a link around an
 * image alone, alt text or not) points to as well, on the line right above the post's time stamp.
 * Only an organisation's account (市教育发布, 县融媒体中心) is where the text comes from; a
 * person's is no 来源. Null for any other line.
 */
function postAccount(blocks: Block[], b: Block): string | null {
  if (b.len < 3 || b.len > 20 || b.linkChars < b.len) return null;
  let link: Element | null = b.el.querySelectorAll('a[href]').length === 1 ? b.el.querySelector('a[href]') : null;
  for (let el: Element | null = b.el, up = 0; !link && el && up < 3; el = el.parentElement, up++) if (el.localName === 'a') link = el;
  const href = link?.getAttribute('href');
  if (!link || !href || normaliseText(link.textContent ?? '') !== b.text) return null;
  const next = blocks.slice(b.index + 1, b.index + 4).find((x) => x.len > 0);
  if (!next || next.len > 60 || !findDate(next.text)) return null;
  // The card: a box a few levels up that holds the stamp and the avatar too.
  const isAvatar = (a: Element): boolean =>
    a !== link && a.getAttribute('href') === href && a.querySelector('img') !== null && normaliseText(a.textContent ?? '') === '';
  let avatar = false;
  let box = link.parentElement;
  for (let up = 0; box && up < 4 && !avatar; up++, box = box.parentElement)
    avatar = box.contains(next.el) && Array.from(box.querySelectorAll('a[href]')).some(isAvatar);
  const name = b.text;
  return avatar && /^[\u4e00-\u9fff·]{3,20}$/.test(name) && isOrganisation(name) && !isAccountName(name) ? name : null;
}

/** A post's text opening with its headline in 【】, the text running on after it. */
const POST_HEADLINE_RE = /^【([^【】\n]{6,60})】\s*[^\s【]/;

/**
 * The title set in 【】 at the very start of the text's first line, the text running on after it
 * (【某市启动应急响应】根据…): the title said again, cut from that line; the rest of the line stays.
 * Only when the bracketed words are the title itself (not 【编者按】 or another headline), and
 * only when the brackets stand as plain text at the start of the line's markup (not in a link).
 */
function cutBracketedTitle(body: Block[], title: string): void {
  const at = body.findIndex((b) => b.len > 0);
  const b = body[at];
  const m = b && /^【([^【】\n]{2,80})】\s*/.exec(b.text);
  if (!b || !m || m[0].length >= b.text.length || comparable(m[1]!) !== comparable(title)) return;
  const html = /^((?:<(?!@)[^>]*>|\s)*)【([^【】<>]{2,200})】\s*/.exec(b.rawHtml);
  if (!html || comparable(normaliseText(html[2]!)) !== comparable(m[1]!)) return;
  const cut = (v: string): string => v.replace(/^\s*【[^【】]*】\s*/, '');
  const text = b.text.slice(m[0].length);
  body[at] = {
    ...b,
    text,
    spaced: cut(b.spaced),
    raw: cut(b.raw),
    plain: b.plain === b.text ? text : cut(b.plain),
    rawHtml: html[1]! + b.rawHtml.slice(html[0].length),
    tidied: null,
    len: countChars(text),
    punct: countPunct(text),
  };
}

/** A link closing a block's HTML, with nothing after it but tags (an icon's, a closing one) and spaces. */
const TAIL_LINK_RE = /<@(\d+)>((?:(?!<\/?@)[^])*)<\/@\1>((?:<(?!@)[^>]*>|\s)*)$/;
const SENTENCE_END_RE = /[。！？!?…”’」』）)]$/;

/**
 * A navigation link set at the end of a paragraph (返回首页>> after the text's last sentence, an
 * icon beside it): a line of the page's chrome by its own words, run into the paragraph because
 * it sits in the same `<p>`. The link is cut from the paragraph when its text alone is boilerplate
 * and what is left ends a sentence; a link the sentence goes on through is left.
 */
function cutNavigationTails(body: Block[]): void {
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.linkChars === 0 || b.linkChars >= b.len) continue;
    const m = TAIL_LINK_RE.exec(b.rawHtml);
    if (!m) continue;
    const link = normaliseText(
      m[2]!
        .replace(/<[^>]*>/g, '')
        .replace(/&gt;/g, '>')
        .replace(/&lt;/g, '<')
        .replace(/&amp;/g, '&'),
    );
    if (!link || !b.text.endsWith(link) || !isBoilerplate(link)) continue;
    const text = b.text.slice(0, -link.length).trimEnd();
    if (!SENTENCE_END_RE.test(text)) continue;
    const tail = new RegExp(`${[...link].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
    const cut = (v: string): string => v.replace(tail, '').trimEnd();
    body[i] = {
      ...b,
      text,
      spaced: cut(b.spaced),
      raw: cut(b.raw),
      rawHtml: b.rawHtml.slice(0, m.index) + m[3]!,
      tidied: null,
      len: countChars(text),
      linkChars: Math.max(0, b.linkChars - countChars(link)),
      punct: countPunct(text),
    };
  }
}

/**
 * A post's topic tags on a line of their own at the end of its text (#某地防汛# #身边事#): each a
 * link to the platform's topic search, so the line is all links, but it is the post's own words.
 * Only a line of nothing but `#…#` tags, in the same element as the text line kept before it (the
 * post's text split by `<br>`), never a list item or a box of trending topics elsewhere.
 */
function postTopicTags(b: Block, body: Block[]): boolean {
  if (b.kind === 'li' || b.len > 120 || !/^(?:#[^#\s][^#\n]{0,30}#\s*)+$/.test(b.text)) return false;
  const prev = body.at(-1);
  return prev !== undefined && prev.el === b.el && prev.len > 0 && prev.linkChars < prev.len * 0.5;
}

/** Whether block i is among the first two lines with text after block `end`. */
function followsRecord(blocks: Block[], end: number, i: number): boolean {
  if (i <= end) return false;
  let lines = 0;
  for (let j = end + 1; j < i; j++) if (blocks[j]!.len > 0 && ++lines >= 2) return false;
  return true;
}

/**
 * Whether heading text `t` is title `r` plus a short label (原创, 独家, 视频, or a bracketed
 * category such as [经验分享]) that sits in an element of its own: 1–4 characters without
 * punctuation or up to 8 in brackets, wholly inside one tag of the heading.
 */
function labelAround(t: string, r: string, heading: Element): boolean {
  const at = t.indexOf(r);
  const rest = (t.slice(0, at) + t.slice(at + r.length)).trim();
  // A forum's or column's category in brackets of its own ([经验分享] before a thread's subject).
  const bracketed = /^(?:\[[^\][]{1,8}\]|【[^【】]{1,8}】|〔[^〔〕]{1,8}〕|［[^［］]{1,8}］)$/u.test(rest);
  if (!rest || (!bracketed && (countChars(rest) > 4 || /[\p{P}\p{S}\d]/u.test(rest)))) return false;
  if (!t.startsWith(rest) && !t.endsWith(rest)) return false;
  for (const el of Array.from(heading.querySelectorAll('*'))) if (normaliseText(el.textContent ?? '') === rest) return true;
  return false;
}

/**
 * A 副标题 under the title: a line that opens with a dash (——某县推行…见闻) right below a heading
 * or a line named as a title. It explains the title; it is never the title itself.
 */
function subtitleUnderHeading(blocks: Block[], b: Block): boolean {
  if (!/^(?:[—―–]|--)/.test(b.text)) return false;
  for (let j = b.index - 1; j >= 0; j--) {
    const p = blocks[j]!;
    if (p.len === 0) continue;
    return /^h[1-6]$/.test(p.el.localName) || p.ancestors.slice(0, 3).some(hasTitleClass);
  }
  return false;
}

/** Attributes a script reads to write an element's date in (data-time, data-pubdate, data-publish-time). */
const DATE_ATTR_RE = /^data-(?:pub(?:lish(?:ed)?)?-?)?(?:time|date|datetime)$/;

/** A full date held in such an attribute of `el` or an empty element inside it (the first in order). */
function dataAttributeDate(el: Element): string | null {
  const read = (e: Element): string | null => {
    for (const a of Array.from(e.attributes)) {
      if (!DATE_ATTR_RE.test(a.name.toLowerCase())) continue;
      const d = findDate(a.value);
      if (d) return d;
    }
    return null;
  };
  const own = read(el);
  if (own) return own;
  for (const e of Array.from(el.querySelectorAll('*')))
    if (!normaliseText(e.textContent ?? '')) {
      const d = read(e);
      if (d) return d;
    }
  return null;
}

/** A date stamp's label with nothing after it: 最后更新于: / 发布时间： / Last updated: */
const STAMP_LABEL_RE =
  /^(?:本文|本页|页面|文章)?(?:(最后|最近)?(更新|修改|编辑)|发布|发表)(?:于|时间|日期)?\s*[:：]?$|^(?:(last )?(updated|modified|edited)|published|posted)(?: on| at)?\s*:?$/i;

/**
 * A date stamp whose date a script writes into an empty `<time datetime="…">` (a static site
 * generator's `最后更新于: <time datetime="2024-08-20T02:31:22Z"></time>`): the label alone is the
 * line's text. The date is the day a Chinese reader's browser shows, China time; `updated` when
 * the label says last changed, not published.
 */
function emptyTimeStamp(blocks: Block[], latinScript: boolean): { date: string; updated: boolean } | null {
  for (const b of blocks) {
    if (b.len === 0 || b.len > 24) continue;
    const label = STAMP_LABEL_RE.exec(b.text);
    if (!label) continue;
    for (const t of Array.from(b.el.querySelectorAll('time[datetime]'))) {
      if (normaliseText(t.textContent ?? '')) continue;
      const date = parseDateValue(t.getAttribute('datetime'), latinScript ? AS_WRITTEN : {});
      if (date) return { date, updated: !!(label[2] ?? label[4]) };
    }
  }
  return null;
}

/** The text of the first element in `line` that holds a date and nothing else but a time. */
function ownDateElement(line: Element): string | null {
  for (const el of Array.from(line.querySelectorAll('*'))) {
    if (el.firstElementChild) continue;
    const t = normaliseText(el.textContent ?? '');
    if (t.length <= 40 && isDateOnly(t) && findDate(t)) return t;
  }
  return null;
}

/**
 * The text of a line's only link when it is a date and the words outside it are a few, with no
 * date of their own (`<a>2024年09月16日 08:12:33</a> 来自湖南`). Null for other lines.
 */
function linkedDate(line: Element): string | null {
  const links = line.querySelectorAll('a');
  if (links.length !== 1) return null;
  const t = normaliseText(links[0]!.textContent ?? '');
  if (t.length > 40 || !isDateOnly(t) || !findDate(t)) return null;
  const rest = normaliseText(line.textContent ?? '').replace(t, '');
  return rest.replace(/\s+/g, '').length <= 12 && !/\d/.test(rest) ? t : null;
}

/** The floor number of a thread's opening post, in an element of its own. */
const FIRST_FLOOR_RE = /^[1１]\s*楼$/;

/**
 * The date of a thread's opening post from its tail line (来自Android客户端 · 1楼 · 2024-09-05 20:14):
 * the date in an element of its own beside the floor number 1楼 in another. Null for other lines.
 */
function firstPostTail(b: Block): string | null {
  if (b.negative || b.len === 0 || b.len > 80 || b.linkChars > b.len * 0.5) return null;
  const floor = Array.from(b.el.querySelectorAll('*')).some(
    (el) => !el.firstElementChild && FIRST_FLOOR_RE.test(normaliseText(el.textContent ?? '')),
  );
  return floor ? ownDateElement(b.el) : null;
}

/** A field's label: a few words of its own (a `<th>` or a cell ending in a colon), no digits. */
const FIELD_LABEL_RE = /^[\p{Script=Han}\s]{2,8}[:：]?$/u;

/**
 * Whether the line at `i` comes again within the next few lines as a field's value: a cell after
 * a label cell (`<th>主题</th><td>…</td>`) or after a label in the same line (主题：…).
 */
function echoedInField(blocks: Block[], i: number, t: string): boolean {
  if (t.length < 6) return false;
  for (let j = i + 1, seen = 0; j < blocks.length && seen < 4; j++) {
    const b = blocks[j]!;
    if (b.len === 0) continue;
    seen++;
    if (b.text === t) {
      const label = blocks[j - 1]!;
      return label.index !== i && FIELD_LABEL_RE.test(label.text) && (label.el.localName === 'th' || /[:：]$/.test(label.text));
    }
    if (b.text.endsWith(t)) {
      const head = b.text.slice(0, b.text.length - t.length).trim();
      if (/[:：]$/.test(head) && FIELD_LABEL_RE.test(head)) return true;
    }
  }
  return false;
}

/**
 * A 落款's unit: an organisation's name after a sentence of the text and over a date line alone
 * (…特此公告。 / 某某人民法院 / 二〇二四年九月二日). It signs the text; it never titles it, though it
 * may equal the site's name in <title> and stands above a date as a title does.
 */
function signOffUnitLine(blocks: Block[], b: Block): boolean {
  if (!isSignOffUnit(b.text)) return false;
  let prev: Block | undefined;
  for (let j = b.index - 1; j >= 0 && !prev; j--) if (blocks[j]!.len > 0) prev = blocks[j];
  let next: Block | undefined;
  for (let j = b.index + 1; j < blocks.length && !next; j++) if (blocks[j]!.len > 0) next = blocks[j];
  return prev !== undefined && next !== undefined && /[。！？；]$/.test(prev.text) && isDateOnly(next.text) && findDate(next.text) !== null;
}

const TOOLTIP_ATTRIBUTES = ['title', 'data-tooltip', 'aria-label', 'data-original-title', 'data-title'];

/** A publication date (发布于 2024-09-08 21:14) in a tooltip attribute of the element or one inside it. */
function publishedInTooltip(el: Element): string | null {
  for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
    for (const name of TOOLTIP_ATTRIBUTES) {
      const v = e.getAttribute(name);
      if (v && v.length <= 60 && publishedLabelDate(v, v)) return v;
    }
  }
  return null;
}

/** The rest of a heading after a shortened title: a colon or a spaced dash, then words. */
const HEAD_TAIL_RE = /^\s*(?::|：|,|\s[—–-])\s*[\p{L}\p{N}]/u;

/** Every word (letters and digits) of `t` is a word of `r`, case aside. */
function wordsWithin(t: string, r: string): boolean {
  const words = (x: string): string[] => x.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const have = new Set(words(r));
  const own = words(t);
  return own.length >= 3 && own.every((w) => have.has(w));
}

function pickTitle(
  blocks: Block[],
  meta: MetaInfo,
  tableTitle: string | null,
  recordEnd = -1,
): { title: string; index: number; weak: boolean } | null {
  // A generic page name (公告详情) names no article: no reference for a line to match.
  const stated = [meta.title, meta.ogTitle, meta.docTitle, tableTitle].filter((x): x is string => !!x).map(titleText);
  const refs = stated.filter((r) => !namesNoArticle(r));
  // A whole reference or its first part names the article; a later part is a section or the site.
  const refParts = refs.flatMap((r) => {
    const parts = titleParts(r);
    const longest = Math.max(...parts.map(countChars));
    return [
      { text: normaliseText(r), head: true, main: true },
      // main: the longest part where it names the article (`标题 - 站名`, `站名_标题`), not a brand before a slogan.
      ...parts.map((p, i) => {
        const head = i === 0 || countChars(p) >= 12;
        return { text: normaliseText(p), head, main: head && countChars(p) >= longest };
      }),
    ];
  });
  // The title's head parts, and what follows a label before its first colon: a headline shortened for the tab.
  const shortened = [
    ...refParts.filter((x) => x.head).map((x) => x.text),
    ...refs.map((r) => normaliseText(r)).map((r) => (r.indexOf(': ') > 0 ? r.slice(r.indexOf(': ') + 2) : '')),
  ].filter((x) => x.length >= 8);
  type Candidate = { title: string; index: number; score: number; weak: boolean };
  let best: Candidate | null = null;
  // A line that only names the page's kind (an app bar's 公告详情): the title only when no other line is.
  let generic: Candidate | null = null;
  // Where the page's own title is such a name, a title-named line over its metadata line, though
  // in a `*-head` box (chrome by its name): the notice's head.
  let headed: Candidate | null = null;
  const subjects = blocks.filter((b) => b.len >= 2 && b.linkChars === 0 && hasSubjectClass(b.el));
  const subjectSlot = subjects.length === 1 ? subjects[0] : undefined;
  for (const b of blocks) {
    if (b.len < 2 || b.len > 120 || b.boiler) continue;
    if (isMetaLine(b.text)) continue;
    const t = b.text;
    if (subtitleUnderHeading(blocks, b)) continue;
    if (signOffUnitLine(blocks, b)) continue;
    let score = 0;
    const tag = b.el.localName;
    if (tag === 'h1') score += 4;
    else if (tag === 'h2') score += 3;
    else if (tag === 'h3') score += 1.5;
    else if (/^h[4-6]$/.test(tag)) score += 1;
    if (b.ancestors.slice(0, 3).some(hasTitleClass)) score += 3;
    // The page's one subject slot names its letter as a heading does, and as the <title> does not.
    const subject = b === subjectSlot;
    if (subject) score += 4;
    // A line in the page's one element id'd as its title (`#newsHeadline`), with no heading tag and
    // no date line beside it (a 新聞公報 dated after its text), right above a paragraph of prose
    // (not a box's heading over its links): as good a witness as an h4.
    if (b.ancestors.slice(0, 3).some(hasTitleId) && !/^h[1-6]$/.test(tag)) {
      const next = blocks.slice(b.index + 1, b.index + 4).find((x) => x.len > 0);
      if (next && next.len >= 40 && next.punct >= 2 && next.linkChars < next.len * 0.3) score += 1;
    }
    // Tidying only trims whitespace: the raw HTML holds the same tags. (The length first: the
    // regex would first flatten the block's HTML, built piece by piece.)
    if (b.len < 60 && /<(?:strong|b)>/.test(b.rawHtml)) score += 0.5;
    let matched = false;
    let own: string | null = null;
    // A part equal to the line outranks a longer reference that merely contains it.
    const exact = refParts.find((x) => x.text === t && x.main);
    for (const { text: r, head } of exact ? [exact] : refParts) {
      if (!r) continue;
      if (r === t) {
        score += head ? 10 : 2;
        matched = head;
        break;
      }
      if (t.length >= 5 && r.includes(t)) {
        score += 6 * Math.min(1, t.length / r.length);
        matched = true;
        break;
      }
      if (r.length >= 5 && t.includes(r) && t.length <= r.length * 1.6) {
        score += 4;
        matched = true;
        // A label of its own element in front of or behind the title (<span>原创</span>标题):
        // the page's title without it.
        const label = labelAround(t, r, b.el);
        if (label) {
          score += 6;
          own = r;
        }
        break;
      }
    }
    // A heading the page's title opens with, then a separator and the rest (`竹编技艺-某某省非物质文化
    // 遗产网`, the site's name too long for titleParts to split off an unspaced `-`): the title's
    // head, however short the heading (a 名录 item's four characters).
    if (!matched && score > 0 && t.length >= 2 && refs.some((r) => headBeforeSeparator(normaliseText(r), t))) {
      score += 10;
      matched = true;
    }
    // A page heading that opens with the page title's first part, then its own colon or dash and
    // more words (`Annual Report 2027: Roads we mended` under <title>`Annual Report 2027 | Site`):
    // the site cut its headline at the colon for the tab; the heading is the whole of it. So too
    // past the page's own label before a colon (`Course Syllabus: HIST 101: Rivers` over the
    // heading `HIST 101: Rivers, 1500–1900`).
    if (!matched && tag === 'h1' && shortened.some((x) => t.startsWith(x) && HEAD_TAIL_RE.test(t.slice(x.length)))) {
      score += 6;
      matched = true;
    }
    // A page heading made of the page title's parts in another order (<title>`Minutes - Board
    // Meeting - May 4, 2026 | Site` over the heading `Board Meeting Minutes – May 4, 2026`): it holds
    // the title's main part, and every word of it is in the title.
    if (
      !matched &&
      tag === 'h1' &&
      refParts.some((x) => x.main && x.text.length >= 8 && t.includes(x.text)) &&
      refs.some((r) => wordsWithin(t, r))
    ) {
      score += 6;
      matched = true;
    }
    // A heading the page repeats in a labelled field right below it (征集主题 | 标题 cells of a
    // record): a second witness where the page's own <title> names only its kind.
    if (!matched && score > 0 && echoedInField(blocks, b.index, t)) {
      score += 6;
      matched = true;
    }
    // Neither a heading nor named or styled as a title, nor the page's title: a line above a date.
    if (!matched && score === 0) continue;
    // A 信息公开 record (索引号 / 发文机关 / 发布日期 …) may stand above the title instead of below it:
    // a heading or title-named line right after it has its metadata line too.
    const near = score > 0 && recordEnd >= 0 && followsRecord(blocks, recordEnd, b.index) ? 4 : metaNearScore(blocks, b.index);
    score += near;
    if (b.negative && !matched && near >= 4 && score >= 7 && b.linkChars === 0 && b.punct <= 3 && !genericPageTitle(t))
      if (!headed || score > headed.score) headed = { title: titleText(b.raw), index: b.index, score, weak: false };
    // Portals put the article's title block inside a `header` region; a doc-title match outweighs that.
    if (b.negative) score -= matched ? 4 : 8;
    if (b.linkChars > b.len * 0.5) score -= matched ? 2 : 6;
    if (b.punct > 3) score -= 3;
    if (score < 4) continue;
    // Weak: only its tag says it is a title (no match with the page's title, no metadata line).
    const found = {
      title: own ?? withoutQuestionBadge(b) ?? titleText(b.raw),
      index: b.index,
      score,
      weak: !matched && near === 0 && !subject,
    };
    if (genericPageTitle(t)) {
      if (!generic || score > generic.score) generic = found;
    } else if (!best || score > best.score) best = found;
  }
  if (!best && stated.some(genericPageTitle)) best = headed;
  best ??= generic;
  if (best) return { title: best.title, index: best.index, weak: best.weak };
  return null;
}

// ---- main ----------------------------------------------------------------------------------

function looksLikeBinary(s: string): boolean {
  const sample = s.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad > Math.max(8, sample.length * 0.02);
}

/**
 * `lines.join('\n')`, as a loop: V8 deoptimised the whole of extractArticle at an inlined
 * `join` on every few pages (a deopt loop), recompiling that large function each time.
 */
function joinLines(lines: string[]): string {
  let s = '';
  for (let i = 0; i < lines.length; i++) s += i === 0 ? lines[i]! : `\n${lines[i]!}`;
  return s;
}

function bad(message: string): AppError {
  return new AppError('E_INVALID_ARGUMENT', message);
}

/**
 * How the referee is consulted: 'auto' (below the confidence threshold only), or, for benches
 * that measure the gate, 'always' (every page with prose) and 'never' (our own pass alone).
 */
export type RefereeMode = 'auto' | 'always' | 'never';

export interface ExtractOptions {
  referee?: RefereeMode;
  /** Read the article from the page's script JSON when its markup holds none (default true). */
  jsonState?: boolean;
}

export function extractArticle(html: string, url?: string, options: ExtractOptions = {}): ExtractedArticle {
  if (typeof html !== 'string' || !html.trim()) throw bad('页面内容为空，无法提取文章。');
  if (looksLikeBinary(html)) throw bad('页面内容不是文本（可能是二进制文件或编码错误），无法提取文章。');
  if (!/<(?:html|head|body|title|meta|div|p|table|td|span|br|h[1-6]|article|section|font|center)\b/i.test(html.slice(0, 200_000))) {
    throw bad('页面不是 HTML，无法提取文章。');
  }
  const source = withoutEarlyDocumentEnds(
    repairRawText(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`),
  );
  // The light DOM: the tree linkedom would build, at a fraction of the cost (light-dom.ts).
  const doc = parseLightDocument(source);
  // The page's scripts as json-state.ts reads them: made on first need and shared by its readers
  // (a date, a gallery, the article as script data), which then find and parse each literal once.
  let pageScriptTexts: ScriptText[] | undefined;
  const scriptsOf = (): ScriptText[] => (pageScriptTexts ??= pageScripts(doc));
  let base = url;
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) base = resolveHttpUrl(baseHref, url)?.href ?? url;
  if (base && !/^https?:/i.test(base)) base = undefined;

  const meta = readMeta(doc, html);
  // Not doc.body: with stray markup before <head>, linkedom's body getter returns an empty element.
  const root = (doc.querySelector('body') ?? doc.body ?? doc.documentElement) as Element | null;
  if (!root) throw bad('页面结构无法解析，无法提取文章。');

  const walker = new Walker(base);
  walker.walk(root, 0);
  // Markup after a stray </html> ends up beside <html>, not inside <body>: walk it too.
  for (let top = (doc as unknown as { firstElementChild: Element | null }).firstElementChild; top; top = top.nextElementSibling) {
    if (top !== root && !top.contains(root)) walker.walk(top, 0);
  }
  walker.flush();
  const blocks = joinPrintedLines(walker.blocks, doc);

  // Per-element text statistics, from the blocks up through their ancestors.
  const stats = new Map<Element, Stats>();
  let totalPunct = 0;
  for (const b of blocks) {
    totalPunct += b.punct;
    for (const a of b.ancestors) {
      let s = stats.get(a);
      if (!s) stats.set(a, (s = { chars: 0, linkChars: 0, punct: 0, score: 0 }));
      s.chars += b.len;
      s.linkChars += b.linkChars;
      s.punct += b.punct;
    }
  }
  // Boilerplate regions: negative tag/class, unless the element holds much of the page's prose.
  const negative = new Set<Element>();
  // Prose paragraphs each element holds as direct children: chrome (a share bar, a footer, a
  // comment list of nested items) never holds several; an article wrapper named like chrome
  // (`#gigya-share-btns-2_gig_containerParent`, `#mitte_links`) does.
  const ownProse = new Map<Element, number>();
  for (const b of blocks) {
    const parent = b.el.parentElement;
    if (parent && b.el.localName === 'p' && b.len >= 80 && b.punct >= 1 && b.linkChars < b.len * 0.3)
      ownProse.set(parent, (ownProse.get(parent) ?? 0) + 1);
  }
  const scripts = scriptCounts(blocks);
  const latinScript = isLatinPage(blocks, scripts);
  // Whether prose stands outside every post typed as a comment (the article they answer).
  const typedComments = walker.negativeCandidates.filter(commentMicrodata);
  const proseBesideComments = typedComments.length > 0 && [...ownProse.keys()].some((p) => !typedComments.some((c) => c.contains(p)));
  let mayHoldMethodBox: boolean | undefined;
  let contentsTargets: Set<string> | undefined;
  let lonePost: Element | null | undefined;
  for (const el of walker.negativeCandidates) {
    const s = stats.get(el);
    if (!s) continue;
    const named = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const typedComment = commentMicrodata(el);
    if (
      !latinScript &&
      !typedComment &&
      !NEGATIVE_CLASS_RE.test(named) &&
      !/^(?:nav|footer|aside|header|marquee)$/.test(el.localName) &&
      el.getAttribute('role') !== 'navigation'
    )
      continue;
    if (!latinScript && documentHeadTable(el, named, s)) continue;
    if (latinScript && (mayHoldMethodBox ??= pageMayHoldMethodBox(doc)) && methodBox(el)) continue;
    // A section heading named like chrome only by its id (`<h2 id="toc-bottom">The Bottom Line</h2>`)
    // that the page's contents links to: the id is the section's anchor, not a layout region's name.
    if (latinScript && /^h[2-6]$/.test(el.localName) && !NEGATIVE_CLASS_RE.test(el.getAttribute('class') ?? '')) {
      const id = el.getAttribute('id');
      if (id && (contentsTargets ??= fragmentTargets(doc)).has(id)) continue;
    }
    // A comment thread holds much prose too: never rescued by its share of it; nor a captioned
    // gallery beside an article of paragraphs (a gallery page's slides are its text).
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const gallery = GALLERY_CLASS_RE.test(cls) && !NEGATIVE_CLASS_RE.test(cls.replace(GALLERY_CLASS_RE, ' '));
    if (gallery && ![...ownProse].some(([p, n]) => n >= 3 && !el.contains(p))) continue;
    // A post marked up as a comment (schema.org Comment: a forum thread's replies, a blog's
    // comments) is one, whatever its class, once prose stands outside them to be the article.
    if (typedComment && !proseBesideComments) continue;
    const commentNamed = COMMENTS_CLASS_RE.test(cls);
    // The one post on a page named like a comment is its text (lonePostBox).
    if (latinScript && commentNamed && !typedComment && !gallery && el === (lonePost ??= lonePostBox(walker.negativeCandidates, ownProse)))
      continue;
    const comments = gallery || typedComment || commentNamed;
    if (!comments && headingWrapper(el, cls, s)) continue;
    if (!comments && (ownProse.get(el) ?? 0) >= 4) continue;
    if (!comments && s.punct >= Math.max(12, totalPunct * 0.3) && s.linkChars < s.chars * 0.4) continue;
    // A wrapper holding most of the page's prose (`body.sidebar-primary`, `div#ad-portal`) is layout.
    if (el.localName === 'body' || el.localName === 'html' || (!comments && s.punct >= Math.max(12, totalPunct * 0.5))) continue;
    negative.add(el);
  }
  if (latinScript) for (const box of sponsoredBoxes(root, stats)) negative.add(box);
  if (latinScript) for (const box of paidOfferBoxes(blocks, stats)) negative.add(box);
  // A blurb or a bio under its own `About the book` / `About the author` heading, beside a text of
  // paragraphs standing outside it (end-matter.ts): an about page's own text is no such box.
  if (latinScript) for (const box of aboutBoxes(root)) if ([...ownProse].some(([p, n]) => n >= 3 && !box.contains(p))) negative.add(box);
  // A box under its own heading where readers write (a question form, a comment form) with what
  // they wrote (reader-boxes.ts), beside a text standing outside it.
  if (latinScript && source.includes('<textarea')) {
    const pageChars = blocks.reduce((n, b) => n + b.len, 0);
    for (const box of readerFormBoxes(root, (el) => stats.get(el)?.chars ?? 0, pageChars * 0.3))
      if (blocks.filter((b) => isProse(b) && !box.contains(b.el)).length >= 3) negative.add(box);
  }
  // Other people's reviews or answers under their own heading (other-posts.ts), beside a text
  // standing outside them.
  if (latinScript)
    for (const box of otherPostsBoxes(root)) if (blocks.filter((b) => isProse(b) && !box.contains(b.el)).length >= 3) negative.add(box);
  // A line the page's own style sheets always hide (class-rules.ts: an anti-copy line) is never
  // seen. Not a box holding much of the page's prose: a script shows that (`.is-loading` taken off).
  if (latinScript) {
    const hidden = hiddenClasses(doc);
    const pageChars = hidden.size > 0 ? blocks.reduce((n, b) => n + b.len, 0) : 0;
    // Each element once (the answer is its own; cost only: blocks share most ancestors), met in the same order.
    const asked = new Set<Element>();
    if (hidden.size > 0)
      for (const b of blocks)
        for (const a of b.ancestors) {
          if (asked.has(a)) continue;
          asked.add(a);
          if ((stats.get(a)?.chars ?? 0) < pageChars * 0.3 && (a.getAttribute('class') ?? '').split(/\s+/).some((c) => hidden.has(c)))
            negative.add(a);
        }
  }
  // A question page that marks one answer accepted (schema.org `acceptedAnswer`): that answer is
  // the one the question is read with; the others (`suggestedAnswer`, however many votes they
  // have) are other posts, as replies in a thread are.
  if (latinScript && source.includes('acceptedAnswer')) {
    const accepted = doc.querySelectorAll('[itemprop~="acceptedAnswer"]');
    if (accepted.length === 1)
      for (const el of Array.from(doc.querySelectorAll('[itemprop~="suggestedAnswer"]')))
        if (!el.contains(accepted[0]!) && !accepted[0]!.contains(el)) negative.add(el);
  }
  // A gallery of captioned photos set into an article of paragraphs is chrome, like a slideshow.
  for (const g of findGalleries(blocks)) if ([...ownProse].some(([p, n]) => n >= 3 && !g.contains(p))) negative.add(g);
  // A 组图 page: its captioned slides carry the news, the text beside them is a line or two.
  const photoStories = [...ownProse].some(([, n]) => n >= 3) ? [] : findCaptionedSlides(blocks, stats);
  for (const b of blocks) {
    b.negative = b.ancestors.some((a) => negative.has(a)) && !entryHeading(b, negative);
    b.boiler = isBoilerplate(b.text);
  }

  // 政府信息公开 detail pages: a table of 索引号 / 发布机构 / 成文日期 / 发布日期 / 文号.
  const info = readInfoTable(blocks);

  // Title and the metadata lines around it.
  // An OA 公文单's or 信息公开 table's 标题 cell names the article where <title> is generic (公文查看).
  const picked = pickTitle(blocks, meta, info.get('标题') ?? info.get('信息名称') ?? info.get('名称') ?? null, infoRecordEnd(blocks, info));
  let title = picked?.title ?? null;
  const stated = statedTitle(meta, picked);
  if (stated) title = stated;
  else if (picked?.weak) {
    // A heading nothing else confirms, on a page whose <title>/og:title names something else:
    // the page's own title is the better witness (the heading is a section or site name).
    const ref = [meta.ogTitle, meta.docTitle].find((r) => r && !issueOnly(titleText(r)));
    // Not a later part that only names an organisation (`法院公告-某某人民法院`): the site, not a title.
    const part = ref
      ? longestPart(titleParts(titleText(ref)).filter((p, i) => countChars(p) >= 6 && !(i > 0 && isSignOffUnit(p))))
      : undefined;
    if (part) title = part;
  }
  if (!title) {
    // Not an issue's name (the lines set large name the article read in it: prominentTitle below).
    const ref = [meta.ogTitle, meta.docTitle].find((r) => r && !issueOnly(titleText(r)));
    if (ref) {
      const parts = titleParts(titleText(ref));
      title = longestPart(parts.filter((p) => p.length >= 4)) ?? parts[0] ?? null;
    }
  }
  if (title && latinScript) title = visibleHeadline(doc, title, meta) ?? title;
  if (title) title = withStatedSpacing(title, [meta.title, meta.ogTitle, meta.docTitle]);
  let titleIndex = picked?.index ?? -1;
  // The last line of a title printed over several (a converted document's positioned lines).
  let titleEnd = titleIndex;
  if (!title && !latinScript) {
    // No heading and no stated title (a saved Word/WPS document, a PDF converted to HTML): the
    // lines set larger than the text above it.
    const prominent = prominentTitle(doc, blocks);
    if (prominent) {
      title = prominent.title;
      titleIndex = prominent.first;
      titleEnd = prominent.last;
    }
  }

  const metaZone: Block[] = [];
  if (titleIndex >= 0) {
    for (let j = titleIndex + 1, seen = 0; j < blocks.length && seen < 8; j++) {
      const b = blocks[j]!;
      if (b.len === 0) continue;
      seen++;
      if (b.len > 150 && !isMetaLine(b.text)) break;
      metaZone.push(b);
    }
    for (let j = titleIndex - 1; j >= Math.max(0, titleIndex - 3); j--) metaZone.push(blocks[j]!);
  }

  // The text the date came from, to read a time next to it.
  let dateText: string | null = null;
  const dateOf = (t: string): string | null => {
    // 成文日期：… 发布日期：… on one line: the publication date is the one labelled 发布.
    const pub = /(?:发布|公开|发表)(?:日期|时间)\s*[:：]/.exec(t);
    const d = (pub ? findDate(t.slice(pub.index)) : null) ?? findDate(t) ?? findShortYearDate(t) ?? findRocYearDate(t);
    if (d) dateText = t;
    return d;
  };
  const infoPublished = info.get('发布日期') ?? info.get('公开日期');
  let publishedAt = infoPublished ? dateOf(infoPublished) : null;
  if (!publishedAt && titleIndex >= 0) {
    // `于 2024-08-18 09:12:40 首次发布` between the title and the text: the day it first ran,
    // over a later 修改 or 更新 stamp and over other dates around the title.
    for (let j = titleIndex + 1, seen = 0; j < blocks.length && seen < 20; j++) {
      const b = blocks[j]!;
      if (b.len === 0) continue;
      seen++;
      if (b.len > 150 && !isMetaLine(b.text)) break;
      const d = b.len <= 150 && b.linkChars <= b.len * 0.25 ? firstPublishedDate(b.text) : null;
      if (d && (publishedAt = dateOf(d))) break;
    }
  }
  // A 成文日期 is when a document was written (maybe another one's, in a 关联文件 box): a
  // publication-labelled line under the title outranks it.
  if (!publishedAt) {
    for (const b of metaZone)
      if (
        b.len <= 150 &&
        b.kind !== 'li' &&
        b.linkChars <= b.len * (b.negative ? 0.25 : 0.5) &&
        PUBLICATION_LABEL_RE.test(b.text) &&
        !isUpdateNotice(b.text) &&
        (publishedAt = dateOf(b.text))
      )
        break;
  }
  const infoWritten = info.get('成文日期') ?? info.get('生成日期');
  if (!publishedAt && infoWritten) publishedAt = dateOf(infoWritten);
  publishedAt ??= meta.date;
  if (publishedAt === meta.date && meta.dateText) dateText = meta.dateText;
  // Lines after a short article can be a related list or sidebar: a link with a date there names
  // another article (the article's own date line may sit in a `*-head` block, without links).
  // A theme's `发表于 <a href="?m=20240403">2024年4月3日</a>` links the date to its day's archive: the
  // label outside the link says it is the article's own.
  // The line may sit in the title's own header (`header.entry-header`), chrome only by its name.
  const titleEl = titleIndex >= 0 ? blocks[titleIndex]!.el : null;
  const inTitleHeader = (b: Block): boolean => titleEl !== null && b.ancestors.every((a) => !negative.has(a) || a.contains(titleEl));
  const ownLine = (b: Block): boolean =>
    b.linkChars <= b.len * (b.negative || b.kind === 'li' ? 0.25 : 0.5) ||
    (b.kind !== 'li' && (!b.negative || inTitleHeader(b)) && publishedLabelDate(b.text, b.plain));
  if (!publishedAt) {
    for (const b of metaZone)
      if (
        ownLine(b) &&
        DATE_LABEL_RE.test(b.text) &&
        !isUpdateNotice(b.text) &&
        !paperRecordDate(blocks, b) &&
        (publishedAt = dateOf(b.text))
      )
        break;
  }
  if (!publishedAt) {
    // A field table under the title, a label cell of its own and the date in the next cell
    // (<td>刊登日期</td><td>2024-09-06</td>), among other fields: the labelled date, over a 落款
    // date in the text.
    for (const b of metaZone) {
      if (b.negative || !/^t[hd]$|^dt$/.test(b.el.localName)) continue;
      if (!PROPERTY_DATE_LABEL_RE.test(b.text.replace(/\s+|[:：]$/g, ''))) continue;
      const value = blocks[b.index + 1];
      if (value && value.len <= 40 && isDateOnly(value.text) && (publishedAt = dateOf(value.text))) break;
    }
  }
  // A property table of label and value cells (文档属性, often after the text). Its labelled
  // publication date outranks an unlabelled date near the title (a 施行 date in the text's first lines).
  const props = readPropertyRows(doc, stats, negative);
  if (!publishedAt && props.date) {
    publishedAt = props.date;
    dateText = props.dateText;
  }
  if (!publishedAt && titleIndex >= 0) {
    // The first line under the title may be the time alone as a link (to the channel or the day's
    // archive), with a few words beside it (来自湖南, where it was posted from): the article's own
    // time. Only that line: a related list's entries carry their titles beside their dates.
    const first = metaZone.find((b) => b.index > titleEnd);
    const t = first && first.kind !== 'li' && (!first.negative || inTitleHeader(first)) ? linkedDate(first.el) : null;
    if (t) publishedAt = dateOf(t);
  }
  if (!publishedAt) {
    // A date in an element of its own may run into a neighbour's number in the line's text (a
    // score's `<span>0.6</span><time>2024.08.09 …</time>` reads 0.62024.08.09): then the element's own text.
    for (const b of metaZone) {
      if (!ownLine(b) || b.len > 150 || isUpdateNotice(b.text) || paperRecordDate(blocks, b)) continue;
      if ((publishedAt = dateOf(b.text))) break;
      const own = b.negative ? null : ownDateElement(b.el);
      if (own && (publishedAt = dateOf(own))) break;
    }
  }
  if (!publishedAt) {
    // A date a script writes into an empty element of the metadata line (<span class="pubtime"
    // data-time="2024-04-07 15:20:00"></span>).
    for (const b of metaZone) if (!b.negative && ownLine(b) && isMetaLine(b.text) && (publishedAt = dataAttributeDate(b.el))) break;
  }
  if (!publishedAt) {
    // Next to the title (a related list's entries carry the same badges further on).
    const near = metaZone
      .filter((b) => Math.abs(b.index - titleIndex) <= 3)
      .sort((x, y) => Math.abs(x.index - titleIndex) - Math.abs(y.index - titleIndex));
    for (const b of near) if (b.len <= 16 && b.linkChars === 0 && (publishedAt = badgeDate(b.el))) break;
  }
  if (!publishedAt) {
    // The text's own stamp shows when it was edited (编辑于 …) and keeps when it was published in
    // its tooltip (title / data-tooltip / aria-label: 发布于 …): the publication day, before the
    // dated lines further on (other answers, comments), labelled or in a `*-time` element.
    for (const b of blocks) {
      if (b.negative || b.len > 60 || !isUpdateNotice(b.text)) continue;
      const hidden = publishedInTooltip(b.el);
      if (hidden && (publishedAt = dateOf(hidden))) break;
    }
  }
  if (!publishedAt) {
    // A short date line in an element named for it: <span class="h-time">, <div class="pubtime">
    for (const b of blocks) {
      if (b.negative || b.len > 60 || b.linkChars > 0) continue;
      if (!b.ancestors.slice(0, 2).some((a) => DATE_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`)))
        continue;
      if ((publishedAt = dateOf(b.text))) break;
    }
  }
  if (!publishedAt) {
    for (const b of blocks)
      if (!b.negative && b.len <= 150 && DATE_LABEL_RE.test(b.text) && !paperRecordDate(blocks, b) && (publishedAt = dateOf(b.text))) break;
  }
  if (!publishedAt) {
    // A forum thread: the opening post's date sits in its tail beside the floor number 1楼; the
    // replies' tails (2楼, 3楼 …) carry later dates.
    for (const b of blocks) {
      const t = firstPostTail(b);
      if (t && (publishedAt = dateOf(t))) break;
    }
  }
  const stamp = publishedAt ? null : emptyTimeStamp(blocks, latinScript);
  if (stamp && !stamp.updated) publishedAt = stamp.date;
  if (!publishedAt) publishedAt = dateFromUrl(url);
  // Nothing on the page dates it (an aggregator's `昨天`): the date its script data gives the
  // record titled as the page is (json-state.ts). Not on Latin pages: most undated ones carry
  // large script data and no such record, and parsing it costs every one of them.
  if (!publishedAt && !latinScript && options.jsonState !== false)
    publishedAt = stateDate(scriptsOf(), [meta.title, meta.ogTitle, meta.docTitle, title]);
  // A last-updated notice (本文最后更新于…) dates the page only when nothing else does.
  if (!publishedAt) for (const b of metaZone) if (isUpdateNotice(b.text) && (publishedAt = dateOf(b.text))) break;
  if (!publishedAt && stamp) publishedAt = stamp.date;

  const originFromMeta = meta.origin ? (matchOrigin(`来源：${meta.origin}`) ?? null) : null;
  // The 来源 the reader sees beside the title outranks a meta tag (光明网-《光明日报》 vs 来源：光明日报).
  let origin = info.get('发布机构') ?? info.get('发文机关') ?? info.get('发文单位') ?? null;
  let author: string | null = null;
  let editor: string | null = null;
  for (const b of metaZone) {
    if (!isMetaLine(b.text) && b.len > 90) continue;
    // A label in a cell of its own (<td>信息来源：</td><td>县教育局</td>): read it with the next cell.
    const next = blocks[b.index + 1];
    const line = /[:：]$/.test(b.spaced) && next && next.len <= 40 && !/[:：]/.test(next.text) ? `${b.spaced} ${next.spaced}` : b.spaced;
    origin ??= (line === b.spaced ? blockOrigin(b) : matchOrigin(line)) ?? labelElementOrigin(b, next) ?? originFromImageAlt(line, b.el);
    author ??= matchAuthor(line) ?? bylineNames(b.text);
    editor ??= matchEditor(line);
  }
  origin ??= originFromMeta;
  // 发布者：数学学院 names a 来源; 发布者：张伟 or admin does not.
  for (const b of metaZone) {
    const publisher = matchPublisher(b.spaced);
    origin ??= (publisher && !uploaderAccount(b, publisher) ? publisher : null) ?? matchBareOrigin(b.spaced);
  }
  // An icon and the label only in the element's title (<span title="来源"><i class="icon"></i>…</span>).
  for (const b of metaZone) if (b.len <= 150) origin ??= originFromLabelAttribute(b.el);
  // A copied 公众号 article: the 原创 badge, then the account that wrote it as a link.
  for (const b of metaZone) if (b.len <= 150 && b === blocks[titleIndex + 1]) origin ??= accountAfterBadge(b.el);

  // Tables of many short cells (classified ads, a notices board): their entries score little for
  // every container holding them, and are not text the article left out (confidence).
  const grids = new Map<Element, number>();
  for (const [el, s] of stats) {
    const f = gridFactor(el, s, stats);
    if (f < 1) grids.set(el, f);
  }

  // Body: score containers by Chinese prose (characters and punctuation) against links.
  // A code block's lines (each a block of its own) score as one block: its commas and brackets
  // are code, and five lines of it are one piece of the text, not five paragraphs.
  let scoredCode: Element | null = null;
  const cards = new Map<Element, boolean>();
  const decks = new Map<Element, boolean>();
  for (const b of blocks) {
    if (b.negative || b.boiler || b.index === titleIndex || b.len < 8) continue;
    // On a Latin page a list item of a few words and no punctuation is a name or a label (a
    // donor list, a directory, a tag cloud): sixty of them are no article (Readability skips
    // what is shorter than 25 characters for the same reason).
    if (latinScript && b.kind === 'li' && b.punct === 0 && b.len < 25) continue;
    if (b.linkChars > b.len * 0.5) continue;
    if (latinScript && inTeaserItem(b, cards)) continue;
    const code = codeBlockOf(b);
    if (code) {
      if (code === scoredCode) continue;
      scoredCode = code;
    }
    if (isMetaLine(b.text)) continue;
    // A reference list's entries are other works' titles, never what picks the text's container.
    if (citationEntry(b.text)) continue;
    let s = 1 + b.punct + Math.min(b.len / 40, 4);
    if (grids.size > 0) {
      let g = 1;
      for (const a of b.ancestors) g = Math.min(g, grids.get(a) ?? 1);
      s *= g;
    }
    const elStats = stats.get(b.el);
    const paraLike = PARA_TAGS.has(b.el.localName) || (elStats !== undefined && elStats.chars <= b.len + 2);
    let start = paraLike ? 1 : 0;
    // A slide of a deck shown on the page is a frame, not a level: its lines (and the list they
    // sit in) score for the deck in full, as a paragraph's do for the box that holds it.
    const slideAt = slideIndex(b, decks);
    for (; start <= slideAt; start++) stats.get(b.ancestors[start]!)!.score += s * SCORE_LEVELS[0]!;
    // A wrapper holding no more text than the element it wraps (秀米's sections nested five deep
    // around each paragraph) is no level of its own: it takes the next level's part without using
    // it up, so the paragraphs still meet in the container that holds them all.
    for (let k = 0, i = start, below = -1, thin = 0; k < SCORE_LEVELS.length && i < b.ancestors.length; i++) {
      const as = stats.get(b.ancestors[i]!)!;
      if (k > 0 && as.chars <= below && thin < MAX_THIN_WRAPPERS) {
        as.score += s * SCORE_LEVELS[k]!;
        thin++;
        continue;
      }
      as.score += s * SCORE_LEVELS[k]!;
      below = as.chars;
      k++;
    }
  }
  let top: Element | null = null;
  let topScore = 0;
  // An index of other pages (linked names with short notes, no sentence) is never the article
  // once the page holds prose elsewhere, however many items add to its score.
  const proseOnPage = totalPunct >= 5;
  for (const [el, s] of stats) {
    if (s.score <= 0 || negative.has(el)) continue;
    const ld = s.chars > 0 ? s.linkChars / s.chars : 0;
    const f = s.score * (1 - ld);
    if (f > topScore && !(!latinScript && proseOnPage && linkLedIndex(el, s))) {
      topScore = f;
      top = el;
    }
  }

  const chosen = new Set<Element>();
  // A fact check's claim and verdict lines, chosen for themselves (a verdict may be a link).
  const claimLines = new Set<Element>();
  // The article was found around the best block, not in it: worth a second opinion (below).
  let widened = false;
  if (top) {
    // Layout tables: move from a row or table down to the cell that holds the text.
    for (;;) {
      const t: Element = top;
      if (!/^(?:table|tbody|thead|tr)$/.test(t.localName)) break;
      const ts = stats.get(t)!;
      let next: Element | null = null;
      for (let c = t.firstElementChild; c; c = c.nextElementSibling) {
        const cs = stats.get(c);
        if (cs && cs.punct >= ts.punct * 0.9 && cs.chars >= ts.chars * 0.6) next = c;
      }
      if (!next) break;
      top = next;
    }
    if (!latinScript) top = aroundDataTable(top, stats);
    if (!latinScript) top = sectionedTextAroundList(top, stats, negative);
    top = splitArticleRoot(top, stats, negative);
    chosen.add(top);
    const parent = top.parentElement;
    const titleEl = titleIndex >= 0 ? blocks[titleIndex]!.el : null;
    if (parent) {
      const threshold = Math.max(10, topScore * 0.2);
      let after = false;
      for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
        if (sib === top) after = true;
        if (sib === top || negative.has(sib)) continue;
        // A closed disclosure after the text (`<details>` without `open`: the author's note on the
        // piece, a commentary the reader may unfold) is not read with it; a text that is itself in
        // such boxes is its root, not a sibling.
        if (latinScript && after && sib.localName === 'details' && !sib.hasAttribute('open')) continue;
        const s = stats.get(sib);
        if (!s) continue;
        const ld = s.chars > 0 ? s.linkChars / s.chars : 0;
        const f = s.score * (1 - ld);
        const sibText =
          (PARA_TAGS.has(sib.localName) || (!latinScript && !after && boxedParagraph(sib))) && ld < 0.25
            ? normaliseText(sib.textContent ?? '')
            : '';
        // Visitors' messages, the page's panels and a record's field table are not the text.
        if (
          !latinScript &&
          (stampedMessageList(sib) || linkLedIndex(sib, s)
            ? after
            : panelLikeOneAboveTitle(top, sib, after, titleEl) || (!after && fieldTable(sib)))
        )
          continue;
        // Readers' dated, signed posts under the text (trip reports, reviews): not the text going on.
        if (latinScript && after && signedPostCards(sib)) continue;
        const refs = f >= threshold ? [] : referenceListsAfter(sib, stats, negative, after);
        if (refs.length > 0 && refs[0] !== sib) {
          for (const r of refs) chosen.add(r);
          continue;
        }
        if (
          f >= threshold ||
          continuesArticle(top, sib, s, after) ||
          (latinScript && sectionLikeRoot(top, sib, s, after)) ||
          nextPartOfList(top, sib, s, after) ||
          refs.length > 0 ||
          (sibText && (s.chars > 80 || /[。！？.!?]["”’]?$/.test(sibText))) ||
          // A reporter's byline beside the text (本报记者 卢 静 under the title) is part of it.
          (sibText && bylineNames(sibText) !== null)
        ) {
          chosen.add(sib);
        }
      }
    }
    // The slides sit beside the text, in the article's own box (not in a column of their own).
    for (const list of photoStories) if (parent?.contains(list) && !negative.has(list)) chosen.add(list);
    // A fact check's claim and verdict lines, set in the article's container above its text.
    if (latinScript && parent)
      for (const el of reviewedClaimLines(doc, blocks, parent, top, negative)) {
        chosen.add(el);
        claimLines.add(el);
      }
    // A page of labelled panels (留言内容 / 回复内容, 内容简介 / 文字实录): the text is every panel.
    if (!latinScript) for (const el of labelledPanelsBeside(top, stats, negative)) chosen.add(el);
    if (latinScript) for (const el of proseSectionsBeside(top, blocks, negative)) chosen.add(el);
    // A numbered thread (threads.ts): its other numbered posts are the text, the posts beside them replies.
    const thread = latinScript ? numberedThread(top, blocks) : null;
    if (thread) {
      for (const el of thread.parts) chosen.add(el);
      for (const el of thread.replies) negative.add(el);
      for (const b of blocks) if (!b.negative && thread.replies.some((r) => r.contains(b.el))) b.negative = true;
    }
    if (latinScript) {
      for (const el of proseBesideWrapper(top, stats, negative)) {
        chosen.add(el);
        widened = true;
      }
      // A verse text in several boxes (verse.ts): the boxes are the text, nothing between them.
      const up = top.parentElement;
      const beside = up ? verseBoxes(up) : null;
      const verse = verseBoxes(top) ?? (beside?.includes(top) ? beside : null);
      if (verse) {
        chosen.clear();
        for (const el of verse) if (!negative.has(el)) chosen.add(el);
      }
    }
  }

  // Pages written in a Latin script: English bylines and datelines are metadata.
  const latin = isLatinPage(blocks, scripts);
  const inChosen = (b: Block): boolean => (chosen.size === 0 ? !b.negative : b.ancestors.some((a) => chosen.has(a)));
  // Blocks up to the title are above the article, unless the chosen text mostly lies before that
  // "title" (a `Most Popular` heading after the article picked as its title).
  let cutAt = titleIndex;
  if (titleIndex >= 0) {
    let before = 0;
    let after = 0;
    for (const b of blocks) {
      if (b.negative || !isProse(b) || !inChosen(b)) continue;
      if (b.index < titleIndex) before += b.len;
      else after += b.len;
    }
    if (before > after) cutAt = -1;
    else cutAt = titleEnd;
  }
  const body: Block[] = [];
  const trailing: Block[] = [];
  let inAttachments = false;
  for (const b of blocks) {
    if (!inChosen(b) || b.negative) continue;
    if (b.index <= cutAt) continue;
    if (title && !body.some((x) => x.len > 0) && b.text === normaliseText(title)) continue;
    if (b.len > 0) {
      if (
        b.boiler &&
        !eventHostLine(b, blocks) &&
        !sectionHeadingInText(b, blocks) &&
        !(
          !latin &&
          formLabelCell(
            b,
            body.some((x) => x.len > 0),
          )
        )
      )
        continue;
      // A listed company's announcement head (证券代码：… 证券简称：… 公告编号：…) opening the text.
      if (!latin && !body.some((x) => x.len > 0) && SECURITIES_HEAD_RE.test(b.text)) continue;
      // A date line after the text has started is the signature date (落款), part of the body.
      const signatureDate = isDateOnly(b.text) && body.some((x) => x.len > 0);
      if (
        !signatureDate &&
        (isMetaLine(b.text) || isSourceLine(b.text) || isReprintNote(b.text) || (latin && isLatinByline(b, !body.some(isProse))))
      ) {
        // 作者：某某（单位） as the text's first paragraph is its byline: body, and the author too.
        if (!latin && !body.some((x) => x.len > 0) && leadingByline(b, blocks)) {
          // The name without the writer's unit in brackets (the unit stays in the text).
          const full = matchAuthor(b.spaced);
          if (!author || author === full) author = full?.replace(/\s*[（(][^（()）]{2,40}[)）]$/, '') ?? author;
          body.push(b);
          continue;
        }
        // （作者：某某，某单位职务） closing the text is its writer's sign-off: body, and the author too.
        if (!latin && closingByline(b, body, blocks)) {
          // The name without the writer's unit and post after it (they stay in the text).
          const full = matchAuthor(b.spaced);
          if (!author || author === full) author = full?.split(/[，,、]/)[0] ?? author;
          body.push(b);
          continue;
        }
        trailing.push(b);
        continue;
      }
      // A navbox row's label beside its links.
      if (latin && linkGridLabel(b)) continue;
      // Link lines are navigation, except a notice's attachment list (附件：1. 学习计划.docx).
      const attachmentLine: boolean =
        /^附件\s*\d*\s*[:：]/.test(b.text) || namesAttachment(b.text) || (inAttachments && /^\d{1,2}\s*[.、．]/.test(b.text));
      if (
        b.linkChars > b.len * 0.5 &&
        b.punct === 0 &&
        !attachmentLine &&
        !wordsAroundLink(b) &&
        !(latin && linkedSectionHeading(b, blocks)) &&
        !permalinkHeading(b) &&
        !footnoteNumber(b) &&
        !(latin && namedRowItem(b)) &&
        !(latin && textLinkListItem(b)) &&
        !(latin && pairListItem(b)) &&
        !(latin && mailtoLine(b)) &&
        !(!latin && originalTextPointer(b)) &&
        !(!latin && postTopicTags(b, body)) &&
        !(!latin && linkedEntryHead(b)) &&
        // A fact check's verdict line, its rating page linked, is no link line.
        !claimLines.has(b.el)
      )
        continue;
      if (latin && (labelledLinkLine(b) || linkedCardHeading(b, blocks) || downloadItem(b) || (linkedCardLine(b) && !claimLines.has(b.el))))
        continue;
      inAttachments = attachmentLine;
    }
    body.push(b);
  }
  if (latin) joinSplitBody(body, blocks, cutAt);
  if (latin && title) {
    const own = ownHeadline(body, blocks, title);
    if (own) {
      title = own.title;
      titleIndex = own.index;
      body.splice(0, own.drop);
    }
  }
  if (latin && titleIndex >= 0) dropDekUnderTitle(body, blocks, titleIndex);
  if (!latin)
    dropAfterEndMarks(
      body,
      blocks.filter((b) => b.len > 0 && b.index > cutAt && !b.negative && inChosen(b) && isEndMark(b.text)),
    );
  if (!latin) dropAtEndWord(body);
  if (!latin) {
    let rules: Map<string, ClassRule[]> | undefined;
    dropCaptions(body, photoStories, () => (rules ??= classRules(doc)));
  }
  if (!latin) dropDocumentHeadAndRecord(body);
  if (!latin) dropLeadingPropertyTable(body, stats);
  // An encyclopedia's fact box above the text (名称 across it, then 位置 / 始建 rows).
  if (!latin) dropLeadingFactBox(body, true);
  if (!latin) dropClockStamps(body);
  // A paper's front matter is set aside, not text the body missed (confidence).
  const frontMatter = new Set(latin ? [] : dropPaperFrontMatter(body));
  // An abstract page's 摘要 taken as its text is not refereed: Readability would add the rows around it.
  const abstractOnly = !latin && keepOnlyLabelledAbstract(body);
  // Metadata lines inside or after the body (（来源：…）, 责任编辑：…) fill in what is missing.
  for (const b of trailing) {
    origin ??= blockOrigin(b) ?? matchSentIn(b.text) ?? matchCreditOrigin(b.text);
    author ??= matchAuthor(b.spaced);
    editor ??= matchEditor(b.spaced);
  }
  origin ??= props.origin;
  if (!editor) {
    for (const b of blocks) if (b.len <= 60 && /责任编辑|责\s*编/.test(b.text) && (editor = matchEditor(b.spaced))) break;
  }
  if (!origin) {
    // A 来源 line of its own, also after the text in an element of its own (（转自：市教育局）).
    for (const b of blocks)
      if (!b.negative && b.len <= 90 && (/来\s*源\s*[:：]/.test(b.text) || isSourceLine(b.text)) && (origin = blockOrigin(b))) break;
  }
  if (!origin && titleIndex >= 0) {
    // A journal article's citation head by its title (刊名. 2024,(06)): the journal is the 来源.
    // A line in chrome counts only inside the chrome block that holds the title too (a `doc-top`).
    const titleChrome = blocks[titleIndex]!.ancestors.find((a) => negative.has(a));
    const start = body[0]?.index ?? blocks.length;
    for (let j = Math.max(0, titleIndex - 3); j < Math.min(start, titleIndex + 9) && !origin; j++) {
      const b = blocks[j]!;
      if (j !== titleIndex && (!b.negative || titleChrome?.contains(b.el)) && b.len <= 60) origin = matchJournalIssue(b.spaced);
    }
  }
  origin ??= originFromElement(doc);
  if (!origin) {
    const nick = doc.querySelector('#js_name, .profile_nickname');
    const n = nick ? normaliseText(nick.textContent ?? '') : '';
    if (n && n.length <= 40) origin = n;
  }
  if (!author) {
    const a = doc.querySelector('#js_author_name') ?? wechatMetaAuthor(doc);
    const n = a ? normaliseText(a.textContent ?? '') : '';
    if (n && n.length <= 40) author = n;
    else if (meta.author && meta.author.length <= 20) {
      // A site or a publication in the author field (网易, 新浪科技) is no author; it may be the 来源.
      const pub = publicationName(meta.author, siteNames(meta));
      if (pub) origin ??= pub;
      else author = meta.author;
    }
  }
  // An intranet page's issuing department (所属部门：党群工作部) when no 来源 is named at all: a
  // field of the article's own metadata lines (under the title before the text, or among the
  // text's trailing metadata), not a navigation label or a related list's entry.
  if (!origin) {
    const start = body[0]?.index ?? blocks.length;
    for (const b of [...metaZone.filter((m) => m.index < start), ...trailing]) {
      if (b.negative || b.len > 90 || b.linkChars > b.len * 0.5 || (b.kind === 'li' && b.linkChars > 0)) continue;
      if ((origin = matchDepartment(b.spaced))) break;
    }
    // A 办事指南's 实施主体 in the bar under the service's name (the name's own header may be chrome).
    for (const b of metaZone.filter((m) => m.index > titleEnd && m.index < start))
      if (!origin && (!b.negative || inTitleHeader(b)) && b.len <= 150 && b.linkChars <= b.len * 0.5) origin = implementingBody(b);
  }
  // No 来源 anywhere: the office the page names as having issued or answered it, which a reader
  // would cite: 回复单位 over a 问政 reply, a 简报's head line of unit and date above the title,
  // the 落款 unit over the signature date at the end of the text.
  if (!origin && !latinScript) {
    for (const b of blocks)
      if (!origin && !b.negative && b.len <= 90 && /复(?:单位|部门|机关)/.test(b.text)) origin = matchReplyUnit(b.spaced);
    const start = body[0]?.index ?? blocks.length;
    for (const b of metaZone) if (!origin && b.index < start && !b.negative) origin = unitAndDate(b.spaced);
    // The office printed unlabelled between the date and the counter under the title, before the
    // 落款: the header is where the page says who posted it (the 落款 may spell it in full).
    for (const b of metaZone) if (!origin && b.index > titleIndex && b.index < start && !b.negative) origin = dateAndUnit(b.spaced);
    origin ??= signOffUnit(body);
    // A platform article's account card under the title (avatar and name linking to one profile):
    // an organisation's account posting its own text (a 政务号) is where the text comes from.
    for (const b of metaZone) if (!origin && b.index < start && b.len <= 150) origin = accountCard(b.el);
    for (const b of metaZone) if (!origin && b.index < start) origin = postAccount(blocks, b);
  }
  // 来源：本站/本网 stays as the page writes it: the page's own words are what a reader checks
  // against, and the site is known from the article's address and source.
  author = personName(author, siteNames(meta));
  editor = personName(editor, []);
  if (!publishedAt) {
    // No title line found: the short lines just above the body.
    const first = body[0]?.index ?? blocks.length;
    for (let j = first - 1, n = 0; j >= 0 && n < 8; j--) {
      const b = blocks[j]!;
      if (b.negative || b.len === 0 || b.linkChars > b.len * 0.5) continue;
      n++;
      if (b.len <= 80 && !paperRecordDate(blocks, b) && (publishedAt = findDate(b.text))) break;
    }
  }
  if (!publishedAt) {
    for (const b of trailing) if (!paperRecordDate(blocks, b) && (publishedAt = findDate(b.text))) break;
  }
  if (!publishedAt) {
    for (const b of body.slice(0, 3)) if (!paperRecordDate(blocks, b) && (publishedAt = dateOf(b.text))) break;
  }
  // A notice dated only by its 落款 (unit over the signing date at the end): the day it was
  // issued, before a modification time (the page's edit stamp is a later day).
  if (!publishedAt && !latinScript) {
    const signed = signOff(body);
    if (signed) publishedAt = findDate(signed.dateLine);
  }
  // A page dated only by when it last changed, in a line of its own anywhere, the footer too
  // (此页面最后编辑于…, 该文件修订时间：…): the day the reader's version dates from.
  if (!publishedAt) {
    for (const b of blocks) {
      const d = b.len <= 150 && b.linkChars <= b.len * 0.5 ? lastChangeDate(b.text) : null;
      if (d && (publishedAt = findDate(d))) break;
    }
  }
  publishedAt ??= meta.updated;

  // Widget crumbs at the edges of the body: a 关注 button or a comment count before the text,
  // a `+1` after it. A short salutation ending in a colon (各部门：, 同志们：) opens a notice or a
  // speech and stays.
  while (
    body.length > 1 &&
    body[0]!.len <= 4 &&
    body[0]!.punct === 0 &&
    body[0]!.images.length === 0 &&
    body[0]!.kind === 'p' &&
    !isSalutation(body[0]!.text) &&
    // A row's label cell (<th>会议时间</th> beside its <td> value) opens a table, not a widget; a
    // header row of <th>s (中文 | English) is no text.
    !(body[0]!.el.localName === 'th' && body[0]!.el.nextElementSibling?.localName === 'td') &&
    !sameFormHeadLater(body) &&
    !boldHeadOverProse(body) &&
    !(latin && chapterNumberOverTitle(body[0]!, body[1]))
  )
    body.shift();
  while (body.length > 1 && body.at(-1)!.len <= 3 && body.at(-1)!.images.length === 0 && !/[\u4e00-\u9fff]/.test(body.at(-1)!.text))
    body.pop();

  // A gallery showing one caption at a time, all its captions in the page's script data.
  if (options.jsonState !== false) {
    const gallery = fromGallery(doc, scriptsOf, url, base, body, options, { title, publishedAt, origin, author, editor });
    if (gallery) return withVisibleEdges(gallery);
  }

  // How sure we are, and a second opinion (Readability) when we are not.
  const standfirsts = latin ? summaries(doc) : new Set<string>();
  let confidence = scoreConfidence(
    blocks,
    body,
    titleIndex >= 0,
    metaZone.some((b) => isMetaLine(b.text) || findDate(b.text) !== null),
    grids,
    latin ? (b) => isOutsideParagraph(b, standfirsts) : (b) => isProse(b) && !frontMatter.has(b),
  );
  if (latin) confidence = latinConfidence(blocks, body, confidence, grids, standfirsts);
  // Readability wins only with more than ours: it may add a lead we still lack, never cut the intro.
  if (widened) confidence = Math.min(confidence, LOW_CONFIDENCE - 0.05);
  // A page whose markup is a loading line and whose article is script data (an app's share page).
  if (options.jsonState !== false && confidence < LOW_CONFIDENCE && body.reduce((n, b) => n + b.len, 0) < STATE_MAX_BODY) {
    const state = fromScriptState(doc, scriptsOf, meta, url, base, body, options, { publishedAt, origin });
    if (state) return withVisibleEdges(state);
  }
  let method: ExtractedArticle['method'] = 'template';
  // Only where there is prose to find, and never on a page too deep or too large to walk whole.
  const pageProse = blocks.reduce((n, b) => n + (b.boiler ? 0 : b.len), 0);
  // The referee parses the page a second time: not for pages of several megabytes.
  const mode = options.referee ?? 'auto';
  const ask = !abstractOnly && (mode === 'always' || (mode === 'auto' && confidence < LOW_CONFIDENCE));
  let refereed = false;
  if (mode !== 'never' && ask && !walker.tooDeep && pageProse >= 200 && source.length <= REFEREE_MAX_CHARS) {
    refereed = true;
    const second = referee(source, doc.rawTextRanges, base, title ?? '', body, latin ? { blocks, negative } : null);
    if (second) {
      body.length = 0;
      body.push(...second.blocks);
      confidence = Math.max(confidence, second.confidence);
      method = 'readability';
    }
  }

  if (latin) {
    dropEpisodeChrome(body, tabLabels(doc), tidyLatinBody(body, blocks, standfirsts));
    dropCaseCaption(body);
    // Chinese pages keep a cell per line: their tables are mostly 会议纪要 heads and record forms.
    joinTableRows(body);
  }

  // A post page (微博正文, 帖子详情) names only its kind, and the post sets its headline in 【】 at
  // the start of its text, the text running on after it: that headline is the title. Not a short
  // label in brackets (【编者按】, 【案情】), and not where a line of the page names the article.
  if (!latinScript && (!title || genericPageTitle(title))) {
    const head = POST_HEADLINE_RE.exec(body.find((b) => b.len > 0)?.text ?? '');
    if (head) title = head[1]!.trim();
  }
  if (!latinScript && title) cutBracketedTitle(body, title);
  if (!latinScript) cutNavigationTails(body);
  // Drop a leading repeat of the title and trailing empties.
  const paragraphs = body.filter((b) => b.len > 0).map((b) => b.text);
  if (title) title = trimInvisible(title) || null;
  if (!title) {
    if (paragraphs.length === 0) throw bad('页面中没有可提取的文章内容。');
    title = '（无标题）';
  }
  const images: ExtractedImage[] = [];
  const seen = new Set<string>();
  for (const b of body) {
    for (const im of b.images) {
      if (seen.has(im.src)) continue;
      seen.add(im.src);
      images.push(im);
    }
  }
  return withVisibleEdges({
    title,
    publishedAt,
    origin,
    author,
    editor,
    paragraphs,
    text: joinLines(paragraphs),
    images,
    html: buildHtml(body),
    publishedTime: publishedAt ? ((dateText ? findTime(dateText) : null) ?? timeBeside(publishedAt, dateText, metaZone, blocks)) : null,
    docNumber: info.get('文号') ?? info.get('发文字号') ?? null,
    confidence: Math.round(confidence * 100) / 100,
    method,
    refereed,
    attachments: findAttachments(doc, base),
  });
}

/** The table cell (td/th) a block is the text of, when the cell is no deeper than a few wrappers. */
function cellOf(b: Block): Element | null {
  for (let i = 0; i < b.ancestors.length && i < 4; i++) {
    const a = b.ancestors[i]!;
    if (a.localName === 'td' || a.localName === 'th') return a;
    if (a.localName === 'tr' || a.localName === 'table') return null;
  }
  return null;
}

/** A data row's cells are short: a longer cell is a column of a layout table, not a value. */
const ROW_CELL_MAX = 400;
/** Between the cells of a row read as one line. */
const CELL_SEPARATOR = ' | ';

/**
 * A data table's row reads as one line (`Morning | 41 | 1.5`), not one cell per line: the kept
 * blocks of one `<tr>`, one block per cell, side by side in the body, each a short line of text.
 * Not a row of whose cells one holds several paragraphs or a list (a layout table's column).
 */
function joinTableRows(body: Block[]): void {
  for (let i = 0; i < body.length; i++) {
    const cell = cellOf(body[i]!);
    const row = cell?.parentElement;
    if (!cell || !row || row.localName !== 'tr' || (i > 0 && body[i - 1]!.ancestors.includes(row))) continue;
    let j = i;
    const cells: Element[] = [];
    while (j < body.length) {
      const c = cellOf(body[j]!);
      if (!c || c.parentElement !== row || cells.includes(c)) break;
      cells.push(c);
      j++;
    }
    const run = body.slice(i, j);
    // The next block still in this row's cells: a cell of more than one block (paragraphs, a list).
    const more = j < body.length && body[j]!.ancestors.some((a) => a === row);
    if (run.length < 2 || more || run.some((b) => b.kind !== 'p' || b.len > ROW_CELL_MAX)) {
      i = j - 1;
      continue;
    }
    const first = run[0]!;
    const text = run.map((b) => b.text).join(CELL_SEPARATOR);
    const plain = run.map((b) => b.plain).join(CELL_SEPARATOR);
    body.splice(i, run.length, {
      ...first,
      text,
      spaced: run.map((b) => b.spaced).join(CELL_SEPARATOR),
      raw: run.map((b) => b.raw).join(CELL_SEPARATOR),
      rawHtml: run.map((b) => blockHtml(b)).join(escapeHtml(CELL_SEPARATOR)),
      tidied: null,
      len: countChars(text),
      linkChars: run.reduce((n, b) => n + b.linkChars, 0),
      plain,
      punct: countPunct(text),
      el: row,
      ancestors: [row, ...first.ancestors.slice(first.ancestors.indexOf(row) + 1)],
      images: run.flatMap((b) => b.images),
    });
  }
}

/** The article's metadata values without invisible characters at their ends (a value of nothing else is none). */
function withVisibleEdges(a: ExtractedArticle): ExtractedArticle {
  const tidy = (v: string | null): string | null => (v === null ? null : trimInvisible(v) || null);
  a.title = trimInvisible(a.title) || '（无标题）';
  a.origin = tidy(a.origin);
  a.author = tidy(a.author);
  a.editor = tidy(a.editor);
  a.docNumber = tidy(a.docNumber);
  return a;
}

/**
 * The 落款 unit of a notice or letter: among the last lines of the text, the organisation's name
 * right above the date line that signs it (示例县某某局 / 2024年7月3日). Null without one.
 */
function signOffUnit(body: Block[]): string | null {
  return signOff(body)?.unit ?? null;
}

/** The 落款 of the text: the unit and the date line under it (see signOffUnit). */
function signOff(body: Block[]): { unit: string; dateLine: string } | null {
  const lines = body.filter((b) => b.len > 0);
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 6); i--) {
    if (!isDateOnly(lines[i]!.text)) continue;
    const unit = lines[i - 1]!.text;
    return isSignOffUnit(unit) ? { unit, dateLine: lines[i]!.text } : null;
  }
  return null;
}

/**
 * A paragraph that is only `作者：name` (a unit in brackets after it may follow), with no date or
 * other label, set as the first paragraph of the text: a prose paragraph beside it, in the same
 * parent, follows it.
 */
function leadingByline(b: Block, blocks: Block[]): boolean {
  if (b.el.localName !== 'p' || b.len > 60 || b.linkChars > 0) return false;
  if (!/^作\s*者\s*[:：]\s*[^\s:：]/.test(b.text) || findDate(b.text) !== null) return false;
  const name = matchAuthor(b.spaced);
  // Nothing after the name but the writer's unit: 作者：郑怀远（示例大学经济学院教授）.
  if (!name || !/^作\s*者\s*[:：]\s*[^:：|｜]{1,40}$/.test(b.text) || /来\s*源|编\s*辑|时\s*间|日\s*期/.test(b.text)) return false;
  for (let j = b.index + 1; j < blocks.length && j <= b.index + 3; j++) {
    const n = blocks[j]!;
    if (n.len === 0) continue;
    return n.el.parentElement === b.el.parentElement && n.len >= 30 && n.punct >= 1 && n.linkChars < n.len * 0.3;
  }
  return false;
}

/**
 * The writer's sign-off closing the text, the whole line in brackets and nothing in it but the
 * 作者 label, the name and maybe the writer's unit and post (（作者：某某，某县委组织部科长）):
 * the last line of its container after the text's prose. A 作者 field among others (（作者：某某
 * 来源：某报）), one with a date, or one the text goes on after stays metadata.
 */
function closingByline(b: Block, body: Block[], blocks: Block[]): boolean {
  if (b.len > 60 || b.linkChars > 0 || !CLOSING_BYLINE_RE.test(b.text)) return false;
  if (/来\s*源|编\s*辑|时\s*间|日\s*期/.test(b.text) || findDate(b.text) !== null) return false;
  if (!body.some(isProse)) return false;
  const parent = b.el.parentElement;
  for (let j = b.index + 1; j < blocks.length; j++) {
    const n = blocks[j]!;
    if (n.len === 0) continue;
    return !parent || !parent.contains(n.el);
  }
  return true;
}
const CLOSING_BYLINE_RE = /^[(（]\s*作\s*者\s*[:：]\s*[^\s:：|｜()（）][^:：|｜()（）]{0,40}[)）]$/;

/** The page's scripts as json-state.ts reads them. */
function pageScripts(doc: Document): ScriptText[] {
  return Array.from(doc.querySelectorAll('script')).map((s) => ({
    type: (s.getAttribute('type') ?? '').trim().toLowerCase(),
    id: s.getAttribute('id') ?? '',
    text: s.textContent ?? '',
  }));
}

/**
 * The text's first line is a head of its own set wholly in bold (`<p><strong>项目概况</strong></p>`)
 * with prose under it: the text's first section head, not a widget's crumb (关注, a count).
 */
/** A paragraph whose whole text is one bold element (`<p><strong>What you will do</strong></p>`). */
function boldOnlyLine(b: Block): boolean {
  const bold = b.el.firstElementChild;
  if (b.el.localName !== 'p' || !bold || bold !== b.el.lastElementChild || !/^(?:strong|b)$/.test(bold.localName)) return false;
  return b.len > 0 && normaliseText(bold.textContent ?? '') === b.text;
}

function boldHeadOverProse(body: Block[]): boolean {
  const [head, next] = body;
  if (!head || !next || !isProse(next) || head.linkChars > 0) return false;
  const bold = head.el.firstElementChild;
  if (!bold || bold !== head.el.lastElementChild || !/^(?:strong|b)$/.test(bold.localName)) return false;
  return normaliseText(bold.textContent ?? '') === head.text && /[\u4e00-\u9fff]{2}/.test(head.text);
}

/** A gallery's counter before the caption it shows (1/10, 3 / 12). */
const GALLERY_COUNTER_RE = /^\d{1,3}\s*\/\s*\d{1,3}\s*/;

/**
 * A picture gallery (图集) that shows one picture and its caption at a time: the text we found is
 * (at most three lines, one of them) that one caption, a counter such as `1/10` before it, and the
 * page's script data holds every caption beside its picture (json-state.ts galleryFromScripts).
 * The text is then every caption in order, each under its picture, in the place of the one shown;
 * the other lines stay. The title, date, 来源, 作者 and 编辑 found on the page stay too.
 */
function fromGallery(
  doc: Document,
  scriptsOf: () => ScriptText[],
  url: string | undefined,
  base: string | undefined,
  body: Block[],
  options: ExtractOptions,
  found: { title: string | null; publishedAt: string | null; origin: string | null; author: string | null; editor: string | null },
): ExtractedArticle | null {
  const lines = body.filter((b) => b.len > 0);
  if (lines.length === 0 || lines.length > 3) return null;
  let scripts: ScriptText[] | null = null;
  for (const line of lines) {
    const shown = line.text.replace(GALLERY_COUNTER_RE, '');
    if (shown.length < 10) continue;
    scripts ??= scriptsOf();
    const items = galleryFromScripts(scripts, shown);
    if (!items || items.length < 2) continue;
    const parts: string[] = [];
    for (const b of body) {
      if (b !== line) parts.push(`<p>${blockHtml(b)}</p>`);
      else
        for (const g of items)
          parts.push(
            `${g.src ? `<p><img src="${escapeHtml(g.src)}" alt=""></p>` : ''}${g.caption ? `<p>${escapeHtml(g.caption)}</p>` : ''}`,
          );
    }
    const head = found.title ? `<title>${escapeHtml(found.title)}</title>` : '';
    const heading = found.title ? `<h1>${escapeHtml(found.title)}</h1>` : '';
    let a: ExtractedArticle;
    try {
      a = extractArticle(
        `<!doctype html><html><head>${head}</head><body><article>${heading}<div>${parts.join('')}</div></article></body></html>`,
        base ?? url,
        {
          ...options,
          jsonState: false,
        },
      );
    } catch {
      return null;
    }
    if (a.paragraphs.length <= lines.length) return null;
    return {
      ...a,
      title: found.title ?? a.title,
      publishedAt: found.publishedAt ?? a.publishedAt,
      origin: found.origin ?? a.origin,
      author: found.author ?? a.author,
      editor: found.editor ?? a.editor,
      attachments: findAttachments(doc, base),
    };
  }
  return null;
}

/** A body shorter than this with a low confidence is no article: the page's script data may hold it. */
const STATE_MAX_BODY = 200;

/**
 * The article of a page whose markup holds none, from its script JSON (json-state.ts), read back
 * through extractArticle as a page of its own (title, body) so its HTML is cleaned the same way;
 * the data's own date, 来源, 作者 and 责任编辑 fields outrank what that page shows. Null when
 * the data holds no article with more prose than the body we found.
 */
function fromScriptState(
  doc: Document,
  scriptsOf: () => ScriptText[],
  meta: MetaInfo,
  url: string | undefined,
  base: string | undefined,
  body: Block[],
  options: ExtractOptions,
  found: { publishedAt: string | null; origin: string | null },
): ExtractedArticle | null {
  const scripts = scriptsOf();
  if (!scripts.some((s) => s.text.length >= 100)) return null;
  const pageTitles = [meta.title, meta.ogTitle, meta.docTitle].filter((t): t is string => !!t);
  const state = articleFromScripts(scripts, pageTitles);
  const shown = body.reduce((n, b) => n + b.len, 0);
  if (!state || state.prose < Math.max(MIN_STATE_PROSE, shown * 2)) return null;
  const page = `<!doctype html><html><head><title>${escapeHtml(state.title)}</title></head><body><article><h1>${escapeHtml(state.title)}</h1><div>${state.html}</div></article></body></html>`;
  let a: ExtractedArticle;
  try {
    a = extractArticle(page, base ?? url, { ...options, jsonState: false });
  } catch {
    return null;
  }
  if (a.paragraphs.length === 0) return null;
  return {
    ...a,
    title: state.title,
    publishedAt: state.publishedAt ?? found.publishedAt ?? a.publishedAt,
    publishedTime: state.publishedAt ? state.publishedTime : null,
    origin: state.origin ?? found.origin ?? a.origin,
    author: personName(state.author, siteNames(meta)) ?? a.author,
    editor: personName(state.editor, []) ?? a.editor,
  };
}
const MIN_STATE_PROSE = 60;

/**
 * An unclosed `<style>`, `<script>`, `<textarea>` or `<title>` makes an HTML parser read the rest
 * of the page as raw text, swallowing the body. Close one that has no end tag at all, or whose
 * only end tag comes after the `<body>` tag that follows it.
 */
export function repairRawText(html: string): string {
  const open = /<(style|script|textarea|title|xmp)\b[^>]*>/gi;
  // A script may write '<body>' in a string: only a <body> tag at the start of a line counts.
  const bodies: number[] = [];
  // (Found by `<body` and checked backwards: a regex starting at every line is slow on big pages.)
  for (const m of html.matchAll(/<body\b/gi)) {
    let i = m.index;
    while (i > 0 && (html[i - 1] === ' ' || html[i - 1] === '\t')) i--;
    if (i === 0 || html[i - 1] === '\n') bodies.push(m.index);
  }
  const closers = new Map<string, RegExp>();
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(html))) {
    const tag = m[1]!.toLowerCase();
    const start = m.index + m[0].length;
    let closeRe = closers.get(tag);
    if (!closeRe) closers.set(tag, (closeRe = new RegExp(`</${tag}\\s*>`, 'gi')));
    closeRe.lastIndex = start;
    const close = closeRe.exec(html);
    const bodyAt = bodies.find((b) => b >= start) ?? -1;
    if (close && (bodyAt < 0 || close.index < bodyAt)) {
      open.lastIndex = close.index + close[0].length;
      continue;
    }
    // A script that really runs past <body> would also hold a </head> before it.
    if (close && tag === 'script' && !/<\/head\s*>/i.test(html.slice(start, bodyAt))) {
      open.lastIndex = close.index + close[0].length;
      continue;
    }
    const at = bodyAt >= 0 ? bodyAt : start;
    out += `${html.slice(last, at)}</${tag}>`;
    last = at;
    open.lastIndex = at;
  }
  return last === 0 ? html : out + html.slice(last);
}

/**
 * A `</body>` or `</html>` with the page going on after it (a server-side include that brings its
 * own document end, in the middle of the text): a browser closes nothing there and puts what
 * follows where it was, in the elements still open. Our parser closes them all, so the rest of
 * the text would land outside its container: those end tags are dropped (the parser closes
 * everything at the end of the page anyway).
 */
export function withoutEarlyDocumentEnds(html: string): string {
  const first = /<\/(?:body|html)\s*>/i.exec(html);
  if (!first) return html;
  const rest = html.slice(first.index);
  // Only end tags, comments, scripts and white space after it: nothing a reader sees moves.
  const visible = rest.replace(/<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<\/[a-z][^>]*>|\s+/gi, '');
  if (visible === '') return html;
  return html.slice(0, first.index) + rest.replace(/<\/(?:body|html)\s*>/gi, '');
}

/**
 * The time of the article's date `iso` where the line the date came from has none (a date from a
 * meta tag or the URL, a date split over elements): the line the date came from, read again, then
 * the metadata lines around the title, then date-named or date-labelled lines writing that date.
 */
function timeBeside(iso: string, dateText: string | null, near: Block[], blocks: Block[]): string | null {
  const own = dateText ? findTimeOn(dateText, iso) : null;
  if (own) return own;
  // As for the date: a line mostly of links is a related list, not the article's own line.
  const ownLine = (b: Block): boolean => b.len > 0 && b.len <= 150 && b.linkChars <= b.len * (b.negative || b.kind === 'li' ? 0.25 : 0.5);
  for (const b of near) {
    if (!ownLine(b)) continue;
    const t = findTimeOn(b.spaced, iso);
    if (t) return t;
  }
  for (const b of blocks) {
    if (b.negative || !ownLine(b)) continue;
    const named = b.ancestors.slice(0, 2).some((a) => DATE_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`));
    if (!named && !DATE_LABEL_RE.test(b.text)) continue;
    const t = findTimeOn(b.spaced, iso);
    if (t) return t;
  }
  return null;
}

/**
 * A WeChat article's author where the page has no `#js_author_name`: the meta list under the
 * title holds the author, the account (`#js_name`) and the time as items of one kind; the author
 * is the item that is neither the account nor a date.
 */
function wechatMetaAuthor(doc: Document): Element | null {
  const list = doc.querySelector('.rich_media_meta_list');
  for (let item = list?.firstElementChild ?? null; item; item = item.nextElementSibling) {
    // The author item comes before the account; the time (昨天, 3天前) after it.
    if (item.getAttribute('id') === 'js_name' || item.querySelector('#js_name')) break;
    if (!/(?:^|\s)rich_media_meta_text(?:\s|$)/.test(item.getAttribute('class') ?? '') || isHidden(item)) continue;
    const t = normaliseText(item.textContent ?? '');
    // Not the 原创/转载 badge set as an item of the list.
    if (t && !findDate(t) && !/^(?:原创|转载|独家|首发|视频|图文)$/.test(t)) return item;
  }
  return null;
}

const INFO_LABEL_RE =
  /^(索\s*引\s*号|主\s*题\s*分\s*类|发\s*布\s*机\s*构|发\s*文\s*机\s*关|发\s*文\s*单\s*位|成\s*文\s*日\s*期|生\s*成\s*日\s*期|发\s*布\s*日\s*期|公\s*开\s*日\s*期|文\s*号|发\s*文\s*字\s*号|名\s*称|信\s*息\s*名\s*称|标\s*题|主\s*题\s*词|分\s*类|有\s*效\s*性|公\s*开\s*方\s*式|公\s*开\s*时\s*限|公\s*开\s*范\s*围)\s*[:：]?\s*(.*)$/;

/**
 * Label → value pairs of a 政府信息公开 metadata table, from cells written `发布机构：X` or as a
 * label cell followed by a value cell. Trusted only when at least two known labels appear.
 */
function readInfoTable(blocks: Block[]): Map<string, string> {
  const found = new Map<string, string>();
  const columnCells = readInfoColumns(blocks, found);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.len > 80 || columnCells.has(b.el)) continue;
    // A cell may hold several pairs: 发布机构：X 成文日期：Y
    const parts = b.spaced.split(/\s+(?=\S{2,6}\s*[:：])/);
    for (let k = 0; k < parts.length; k++) {
      const m = INFO_LABEL_RE.exec(parts[k]!.trim());
      if (!m) continue;
      const label = m[1]!.replace(/\s+/g, '');
      let value = m[2]!.trim();
      if (!value && k === parts.length - 1) {
        const next = blocks[i + 1];
        if (next && next.len <= 80 && !INFO_LABEL_RE.test(next.spaced)) value = next.spaced;
      }
      if (value && !found.has(label)) found.set(label, value.replace(/^[:：\s]+/, ''));
    }
  }
  const known = ['索引号', '发布机构', '发文机关', '发文单位', '成文日期', '发布日期', '公开日期', '文号', '发文字号'].filter((k) =>
    found.has(k),
  ).length;
  return known >= 2 ? found : new Map();
}

/** The index of the last block of a 信息公开 record's labels and values, or -1 without a record. */
function infoRecordEnd(blocks: Block[], info: Map<string, string>): number {
  if (info.size === 0) return -1;
  let end = -1;
  for (const b of blocks) {
    if (b.len === 0 || b.len > 80) continue;
    const m = INFO_LABEL_RE.exec(b.spaced);
    if (!m) continue;
    // The record's rows stand together: a label line further on is the text's own (名称：…).
    if (end >= 0 && b.index - end > 6) break;
    end = b.index;
    // A label in a cell of its own: its value is the next line.
    if (!m[2]!.trim() && blocks[b.index + 1]) end = b.index + 1;
  }
  return end;
}

const BADGE_DAY_RE = /^\d{1,2}$/;
const BADGE_YEAR_MONTH_RE = /^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*月?$/;
const BADGE_MONTH_DAY_RE = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const BADGE_YEAR_RE = /^(?:19|20)\d{2}$/;

/**
 * A calendar badge that sets the date's parts in elements of their own: the day over the year and
 * month (<span>12</span><span>2024-04</span>), or the month and day over the year. Read only from
 * an element of exactly those two parts.
 */
function badgeDate(el: Element): string | null {
  const parts = Array.from(el.children);
  if (parts.length !== 2 || el.firstElementChild?.firstElementChild || el.lastElementChild?.firstElementChild) return null;
  const texts = parts.map((p) => normaliseText(p.textContent ?? ''));
  for (const [a, b] of [texts, [...texts].reverse()]) {
    const ym = BADGE_YEAR_MONTH_RE.exec(b!);
    if (ym && BADGE_DAY_RE.test(a!)) return findDate(`${ym[1]}-${ym[2]}-${a}`);
    const md = BADGE_MONTH_DAY_RE.exec(a!);
    if (md && BADGE_YEAR_RE.test(b!)) return findDate(`${b}-${md[1]}-${md[2]}`);
  }
  return null;
}

/** Labels of a property table's rows: the publication date and the 来源. */
// 出版日期 / 刊出日期: a paper's publication, never its 收稿 (received) or 修回 (revised) date.
const PROPERTY_DATE_LABEL_RE = /^(?:发布|发表|公开|发文|录入|添加|上传|出版|刊出|出刊|刊登|刊发)(?:时间|日期)$/;
const PROPERTY_ORIGIN_LABEL_RE =
  /^(?:(?:文章|稿件|信息|新闻|消息|内容)?来源(?:单位)?|稿源|出处|刊名|发布(?:机构|单位|部门)|解读(?:机关|机构|单位|部门))$/;

/**
 * A document's property table (文档属性 of an intranet page, mostly after its text): rows of a
 * label cell and a value cell, no colon (<td>发布时间</td><td>2024-04-09 09:30</td>). Trusted
 * when at least two of its labels are metadata labels; its date and 来源 rows are read.
 */
/**
 * A journal paper's front-matter labels: the dates of its record (收稿 / 修回 / 录用: never when it
 * ran) and the labels of its record. One list for the date pass (a property table's labels) and the
 * body pass (FRONT_MATTER_LABEL_RE, which adds the abstract, the publication date, DOI and citation).
 */
const CN_PAPER_RECORD_DATE_LABELS = '(?:收稿|修回|录用|接收|修订)(?:日期|时间)';
const CN_PAPER_RECORD_LABELS = '关键[词字]|中图法?分类号|文献标[志识]码|文章编号|基金项目|作者简介|通讯作者';
const PAPER_FRONT_LABEL_RE = new RegExp(`^(?:${CN_PAPER_RECORD_DATE_LABELS}|${CN_PAPER_RECORD_LABELS})$`);

const RECORD_DATE_LABEL_RE = new RegExp(`^${CN_PAPER_RECORD_DATE_LABELS}\\s*[:：]?`);

/**
 * A paper's 收稿 / 修回 / 录用 date (when the journal received, got back or accepted it), in the
 * line's own label or in the label cell before it: never the day the paper ran.
 */
function paperRecordDate(blocks: Block[], b: Block): boolean {
  if (RECORD_DATE_LABEL_RE.test(b.text)) return true;
  const prev = blocks[b.index - 1];
  return prev !== undefined && prev.len <= 8 && RECORD_DATE_LABEL_RE.test(prev.text) && /^t[hd]$|^dt$/.test(prev.el.localName);
}

function readPropertyRows(
  doc: Document,
  stats: Map<Element, Stats>,
  negative: Set<Element>,
): { date: string | null; dateText: string | null; origin: string | null } {
  const found = { date: null as string | null, dateText: null as string | null, origin: null as string | null };
  // Rows by their table, in page order; a cell's length from the text statistics first (a layout
  // table's cells hold whole pages).
  const tables = new Map<Element, { rows: [string, string][]; metaLabels: number }>();
  for (const tr of Array.from(doc.querySelectorAll('tr'))) {
    const cells = Array.from(tr.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    // One label and its value, or two or three such pairs side by side (生效日期 | … | 发布时间 | …).
    if (cells.length < 2 || cells.length > 6 || cells.length % 2 !== 0) continue;
    for (let k = 0; k < cells.length; k += 2) {
      const labelChars = stats.get(cells[k]!)?.chars ?? 0;
      const valueChars = stats.get(cells[k + 1]!)?.chars ?? 0;
      if (labelChars < 2 || labelChars > 8 || valueChars < 1 || valueChars > 60) continue;
      const label = normaliseText(cells[k]!.textContent ?? '').replace(/\s+|[:：]$/g, '');
      const value = normaliseText(cells[k + 1]!.textContent ?? '');
      if (!/^[\u4e00-\u9fff]{2,6}$/.test(label) || !value) continue;
      let table = tr.parentElement;
      if (table && table.localName !== 'table') table = table.parentElement;
      if (!table) continue;
      let t = tables.get(table);
      if (!t) tables.set(table, (t = { rows: [], metaLabels: 0 }));
      t.rows.push([label, value]);
      if (
        isMetaLine(`${label}：`) ||
        PROPERTY_DATE_LABEL_RE.test(label) ||
        PROPERTY_ORIGIN_LABEL_RE.test(label) ||
        PAPER_FRONT_LABEL_RE.test(label)
      )
        t.metaLabels++;
    }
  }
  for (const [table, { rows, metaLabels }] of tables) {
    if (metaLabels < 2 || [...negative].some((n) => n.contains(table))) continue;
    for (const [label, value] of rows) {
      if (!found.date && PROPERTY_DATE_LABEL_RE.test(label) && (found.date = findDate(value))) found.dateText = value;
      if (!found.origin && PROPERTY_ORIGIN_LABEL_RE.test(label) && !findDate(value)) found.origin = matchOrigin(`来源：${value}`);
    }
    if (found.date || found.origin) break;
  }
  return found;
}

/**
 * A 信息公开 table written column-wise: a row of label cells (索引号 | 发布机构 | 发布日期) over a
 * row of their values. Fills `found` and returns the cells it read.
 */
function readInfoColumns(blocks: Block[], found: Map<string, string>): Set<Element> {
  const used = new Set<Element>();
  const cellText = (c: Element): string => collapseSpaces(c.textContent ?? '');
  for (const b of blocks) {
    const row = b.el.parentElement;
    if (!/^t[hd]$/.test(b.el.localName) || row?.localName !== 'tr' || used.has(b.el)) continue;
    const labels = Array.from(row.children);
    const values = row.nextElementSibling ? Array.from(row.nextElementSibling.children) : [];
    if (labels.length < 2 || values.length !== labels.length) continue;
    const names = labels.map((c) => INFO_LABEL_RE.exec(cellText(c)));
    // Every cell a bare label, and the row below no label at all.
    if (names.some((m) => !m || m[2]!.trim()) || values.some((c) => INFO_LABEL_RE.test(cellText(c)))) continue;
    // One document's record (索引号 or 发布机构 among the labels), not a list of documents in the text.
    if (!names.some((m) => /^(?:索引号|发布机构|发文机关)$/.test(m![1]!.replace(/\s+/g, '')))) continue;
    const third = row.nextElementSibling!.nextElementSibling;
    if (third?.localName === 'tr' && third.children.length === labels.length) continue;
    names.forEach((m, k) => {
      const label = m![1]!.replace(/\s+/g, '');
      const value = cellText(values[k]!);
      if (value && !found.has(label)) found.set(label, value);
    });
    for (const c of [...labels, ...values]) used.add(c);
  }
  return used;
}

/**
 * A list picked as the article root that is one headed part of its parent, beside other headed
 * parts holding text of their own, is one section of a text built of headings, paragraphs, tables
 * and lists (a shared note, a document written in an online editor: 一、… 二、… each over its
 * own part): the text is the parent. A box where the list's only neighbours are headings over
 * links or nothing (other boxes of a column) is not such a text. `top` otherwise.
 */
function sectionedTextAroundList(top: Element, stats: Map<Element, Stats>, negative: Set<Element>): Element {
  const parent = top.parentElement;
  if (!/^[ou]l$/.test(top.localName) || !parent || /^(?:body|html)$/.test(parent.localName) || negative.has(parent)) return top;
  const s = stats.get(parent);
  if (!s || s.linkChars > s.chars * 0.3) return top;
  let headed = false;
  let otherParts = 0;
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (/^h[1-6]$/.test(c.localName)) {
      headed = (stats.get(c)?.chars ?? 0) > 0;
      continue;
    }
    if (!headed) continue;
    headed = false;
    if (c === top) continue;
    // A part with words of its own: unlinked text with punctuation (a paragraph, a table).
    const cs = stats.get(c);
    if (cs && cs.punct > 0 && cs.linkChars < cs.chars * 0.5) otherParts++;
  }
  const listHeaded = top.previousElementSibling !== null && /^h[1-6]$/.test(top.previousElementSibling.localName);
  return listHeaded && otherParts >= 1 ? parent : top;
}

/** Ancestors of a block looked at for a slide it sits in (its line, a list, the list item, the slide). */
const SLIDE_DEPTH = 4;
/** A slide holds a heading and a few short lines; a box holding more is a section of prose. */
const SLIDE_MAX_CHARS = 300;
const SLIDES_MIN = 3;

/**
 * Where in a block's ancestors the slide it sits in is (-1: none). A slide is a child of a deck:
 * a box made of nothing but three or more children built alike (same tag and first class), each
 * opening with a heading and holding a few short lines: slides shown on the page (a 宣讲课件 or
 * a training deck in a slide viewer), whose text is every slide's heading and bullets. (A quiz's
 * parts or a page's panels share their box with other boxes: no deck.) `decks` caches the answer
 * per box.
 */
function slideIndex(b: Block, decks: Map<Element, boolean>): number {
  for (let i = 1; i <= SLIDE_DEPTH && i < b.ancestors.length; i++) {
    const box = b.ancestors[i]!.parentElement;
    if (!box) break;
    let known = decks.get(box);
    if (known === undefined) decks.set(box, (known = isDeck(box)));
    if (known) return i;
  }
  return -1;
}

function isDeck(box: Element): boolean {
  const first = box.firstElementChild;
  if (!first) return false;
  const key = `${first.localName}.${firstClass(first)}`;
  let slides = 0;
  for (let c: Element | null = first; c; c = c.nextElementSibling) {
    if (`${c.localName}.${firstClass(c)}` !== key) return false;
    const head = c.firstElementChild;
    if (!head || !/^h[1-3]$/.test(head.localName)) return false;
    slides++;
  }
  if (slides < SLIDES_MIN) return false;
  for (let c: Element | null = first; c; c = c.nextElementSibling)
    if (normaliseText(c.textContent ?? '').length > SLIDE_MAX_CHARS) return false;
  return true;
}

/** The `<pre>` holding `<code>` (or a listing) that a block is one line of (null for any other block). */
function codeBlockOf(b: Block): Element | null {
  for (let i = 0; i < b.ancestors.length && i < 4; i++) {
    const a = b.ancestors[i]!;
    if (a.localName === 'pre') return a.querySelector('code') || listingPre(a) ? a : null;
  }
  return null;
}

/**
 * An article split across containers of one kind (`div.article-text` per section, each in a grid
 * cell of its own; one `div.content` per step): the lowest ancestor that holds them and is mostly
 * made of them, so the sections between are not cut. `top` itself when there is no such group.
 */
function splitArticleRoot(top: Element, stats: Map<Element, Stats>, negative: Set<Element>): Element {
  const kind = (e: Element): string | null => {
    const cls = (e.getAttribute('class') ?? '').trim().split(/\s+/)[0];
    return cls ? `${e.localName}.${cls}` : null;
  };
  const key = kind(top);
  const topStats = stats.get(top);
  if (!key || !topStats) return top;
  const group: Element[] = [];
  for (const [el, s] of stats) {
    if (el === top || s.score <= 0 || s.punct < 2 || negative.has(el) || s.linkChars > s.chars * 0.3 || kind(el) !== key) continue;
    if (el.contains(top) || top.contains(el)) continue;
    group.push(el);
  }
  if (group.length === 0) return top;
  // Climb while each step takes in more of the group than it takes in other text.
  let root = top;
  let rootHeld = topStats.chars;
  let rootChars = topStats.chars;
  let rootMembers = 0;
  let a = top.parentElement;
  for (let level = 0; a && level < 6 && a.localName !== 'body' && a.localName !== 'html'; level++, a = a.parentElement) {
    const s = stats.get(a);
    if (!s || negative.has(a)) break;
    let held = topStats.chars;
    let members = 0;
    for (const g of group) {
      if (!a.contains(g)) continue;
      held += stats.get(g)!.chars;
      members++;
    }
    const gained = held - rootHeld;
    const foreign = s.chars - held - (rootChars - rootHeld);
    if (members > rootMembers && gained >= foreign && held >= s.chars * 0.6 && s.linkChars < s.chars * 0.3) {
      root = a;
      rootHeld = held;
      rootChars = s.chars;
      rootMembers = members;
    }
  }
  return root;
}

/**
 * A data table of long cells (a 公示's rows of 调查核实情况 / 处理和整改情况 in ten columns) scores
 * more in its row group than in the box of the text around it, its prose cells sitting a level
 * nearer: when the best container is a row group or a table whose rows line up under a header row
 * of `th` cells (at least three rows of at least three cells, every row as wide as the header), it
 * is one piece of the text, read from the element that holds it (through wrappers that hold
 * nothing else, such as a scrolling div) and, where the box around that holds little else and
 * none of it links (the sentence that introduces the table, a 注 under it), from that box. A layout table (no
 * header row, or rows of differing widths) is left to the move down to its cell above.
 */
function aroundDataTable(top: Element, stats: Map<Element, Stats>): Element {
  if (!/^(?:table|tbody|thead)$/.test(top.localName)) return top;
  const table = top.localName === 'table' ? top : top.parentElement;
  if (!table || table.localName !== 'table') return top;
  const width = (tr: Element): number => {
    let n = 0;
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName !== 'td' && c.localName !== 'th') continue;
      n += Math.max(1, Number(c.getAttribute('colspan')) || 1);
    }
    return n;
  };
  const rows = tableRows(table);
  const head = rows[0];
  if (!head || rows.length < 4 || width(head) < 3) return top;
  for (let c = head.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'td') return top;
  if (rows.some((r) => width(r) !== width(head) || r.querySelector('table') !== null)) return top;
  let el: Element = table;
  const tableChars = stats.get(table)?.chars ?? 0;
  for (let up = el.parentElement; up && up.localName !== 'body' && (stats.get(up)?.chars ?? 0) <= tableChars + 2; up = up.parentElement)
    el = up;
  // The box of the text around it: the table most of it, every other part of it unlinked lines.
  const box = el.parentElement;
  const boxStats = box ? stats.get(box) : undefined;
  if (!box || box.localName === 'body' || !boxStats || boxStats.chars > tableChars * 2) return el;
  for (let c = box.firstElementChild; c; c = c.nextElementSibling) {
    const cs = stats.get(c);
    if (c === el || !cs || cs.chars === 0) continue;
    if (cs.linkChars > cs.chars * 0.3 || /^(?:ul|ol|table|form|nav|iframe)$/.test(c.localName)) return el;
  }
  return box;
}

/** Cells shorter than this are a listing's entries (an ad, a headline with its teaser), not an article. */
const GRID_SHORT_CHARS = 120;

/**
 * A table or row whose text lies mostly in many short rows or cells is a grid of items
 * (classified ads, a "What's On" list, a links box): its many small scores must not outweigh
 * the one cell that holds the article, on a page laid out with tables. 1 when not such a grid.
 */
function gridFactor(el: Element, s: Stats, stats: Map<Element, Stats>): number {
  // Row groups are read through their table.
  if ((el.localName !== 'table' && el.localName !== 'tr') || s.chars === 0) return 1;
  let parts = 0;
  let short = 0;
  let largest = 0;
  for (const c of tableParts(el)) {
    const cs = stats.get(c);
    if (!cs || cs.chars === 0) continue;
    parts++;
    largest = Math.max(largest, cs.chars);
    if (cs.chars < GRID_SHORT_CHARS) short += cs.chars;
  }
  if (parts < 6 || largest > s.chars * 0.25) return 1;
  const shortShare = short / s.chars;
  return shortShare < 0.6 ? 1 : 1 - 0.9 * shortShare;
}

/**
 * A list item or line that says something around its link (`mconley re-enabled <a>TART</a>`,
 * `张三 <a>获评优秀党员</a>`) rather than a bare link with a date or counter (related lists).
 */
/**
 * A line of a card that is one link to another page holding several lines (`<a><div>Another
 * story?</div><div>Aug. 3, 2021</div></a>`, a teaser under the text): every word of the line is
 * that link's, and the link holds more lines than this one. Not a link to a place in the page.
 */
function linkedCardLine(b: Block): boolean {
  if (b.len > CARD_LINE_MAX || b.linkChars < b.len) return false;
  let link: Element | null = null;
  for (let a = b.el.parentElement, up = 0; !link && a && up < 4; a = a.parentElement, up++) if (a.localName === 'a') link = a;
  const href = link?.getAttribute('href')?.trim() ?? '';
  if (!link || href === '' || href.startsWith('#') || /^javascript:/i.test(href)) return false;
  return normaliseText(link.textContent ?? '').length > b.len;
}
const CARD_LINE_MAX = 200;

/** A file's format and size in brackets after its link: `(PDF, 354 KB)`, `[DOCX 1.2 MB]`, `(xlsx)`. */
const FILE_NOTE_RE =
  /[([]\s*(?:pdf|docx?|xlsx?|pptx?|csv|zip|rtf|odt|ods|txt|mp3|mp4)\b[^)\]]{0,24}[)\]]|[([]\s*\d[\d.,]*\s*[kmg]b\s*[)\]]/gi;

/**
 * A list item that is a link to a file and its format and size (`Staff report (PDF, 417 KB)`):
 * a download, not a line of the text, though words stand beside its link.
 */
function downloadItem(b: Block): boolean {
  if (b.kind !== 'li' || b.linkChars === 0) return false;
  const notes = b.plain.match(FILE_NOTE_RE);
  return notes !== null && !/\p{L}/u.test(b.plain.replace(FILE_NOTE_RE, ''));
}

function wordsAroundLink(b: Block): boolean {
  const rest = b.plain
    .replace(/(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}[-/]\d{1,2}|\d{1,2}:\d{2}/g, '')
    .replace(/[\s\p{P}\p{S}\d]+/gu, '');
  return b.kind === 'li' && countChars(rest) >= 4 && !isBoilerplate(b.plain);
}

/**
 * An item that is only a link, in a list the author wrote inside the text (a References list of a
 * pull request, release notes and a standard): another item of the list says in words of its own
 * what its link is (`#812 (the fix)`), and the text goes on after the list in a paragraph of the
 * same box. A box of related links has no such words around its links, or no text after it.
 */
function textLinkListItem(b: Block): boolean {
  const list = b.el.localName === 'li' ? b.el.parentElement : null;
  if (!list || !/^(?:ul|ol)$/.test(list.localName)) return false;
  let described = false;
  for (let li = list.firstElementChild; li && !described; li = li.nextElementSibling) {
    if (li === b.el || li.localName !== 'li') continue;
    let own = normaliseText(li.textContent ?? '');
    for (const a of Array.from(li.querySelectorAll('a'))) own = own.replace(normaliseText(a.textContent ?? ''), '');
    described = li.querySelector('a[href]') !== null && countChars(own.replace(/[\s\p{P}\p{S}\d]+/gu, '')) >= 4;
  }
  if (!described) return false;
  for (let sib = list.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (sib.localName !== 'p') continue;
    const t = normaliseText(sib.textContent ?? '');
    if (t.length >= 40 && /[.!?]["”’]?$/.test(t)) return true;
  }
  return false;
}

/**
 * A line of the text pointing to the document it is about: words naming the original or full
 * text and a colon, then a link whose words are that document's title (`政策原文请点击：<a>某某办法</a>`,
 * `全文详见：<a>…</a>`). An explanatory page (政策解读, 图解) ends with it; a related list's
 * `相关链接：`/`延伸阅读：` line names no original, and a bare address (`原文链接：<a>https://…</a>`)
 * is no title.
 */
function originalTextPointer(b: Block): boolean {
  if (b.kind === 'li' || b.len > 120 || b.boiler) return false;
  if (!ORIGINAL_POINTER_RE.test(b.plain)) return false;
  const linked = b.text.length - b.plain.length;
  const cjk = (b.text.match(HAN_CHAR_RE) ?? []).length - (b.plain.match(HAN_CHAR_RE) ?? []).length;
  return linked > 0 && cjk >= 4;
}
const ORIGINAL_POINTER_RE = /^[\s(（【[]*[^:：。！？，]{0,8}(?:原文|全文|原件)[^:：。！？，]{0,6}[:：]\s*$/;
const HAN_CHAR_RE = /[\u4e00-\u9fff]/g;

/**
 * Commerce boxes set into the text (a price widget, a product card): a box whose button is a paid
 * link (`rel="sponsored"`, the marker for affiliate and paid links) standing alone, not in a
 * sentence. The box is the highest wrapper of the button that holds little text (its heading,
 * merchants, prices and blurb); an affiliate link inside a paragraph of the text marks no box.
 */
function sponsoredBoxes(root: Element, stats: Map<Element, Stats>): Element[] {
  const out: Element[] = [];
  for (const a of Array.from(root.querySelectorAll('a[rel]'))) {
    if (!/(?:^|\s)sponsored(?:\s|$)/i.test(a.getAttribute('rel') ?? '')) continue;
    if (out.some((box) => box.contains(a))) continue;
    const own = normaliseText(a.textContent ?? '');
    // The link is a button when no line holds it with other words (a sentence around it is the text's).
    let line: Element | null = a.parentElement;
    while (line && !BUTTON_LINE_RE.test(line.localName) && line !== root) line = line.parentElement;
    if (line === root) line = null;
    if (line && normaliseText(line.textContent ?? '') !== own) continue;
    let box: Element | null = null;
    for (let el: Element | null = line ?? a.parentElement; el && el !== root; el = el.parentElement) {
      const s = stats.get(el);
      if (el.localName === 'body' || el.localName === 'article' || el.localName === 'main') break;
      if (s && (s.chars > SPONSORED_BOX_CHARS || s.punct > 6)) break;
      box = el;
    }
    if (box) out.push(box);
  }
  return out;
}

const BUTTON_LINE_RE = /^(?:p|li|td|dd|dt|blockquote|figcaption|h[1-6])$/;

/**
 * A line disclosing that the offers beside it are paid for: `The offers that appear in this table
 * are from partnerships from which Acme receives compensation.`
 */
const PAID_OFFERS_RE =
  /^(?:the )?(?:offers|products|listings|companies|providers|partners)\b[^.!?]{0,80}\b(?:from (?:which|whom)|for which|that)\b[^.!?]{0,60}\b(?:receives?|earns?|gets?|may (?:receive|earn|get)) (?:compensation|a commission|commissions|payment)\b/i;

/**
 * An advertiser's comparison box set into a text (accounts, cards, loans in a table or list of
 * offers): the box that holds the disclosure saying its offers are paid, up to the highest wrapper
 * holding no paragraph of the text and no more than SPONSORED_BOX_CHARS * 3 characters (its
 * heading, the disclosure, the offers).
 * The disclosure alone in a paragraph of the text (a site's note on how it earns) marks no box: the
 * box must hold a table or a list besides it.
 */
function paidOfferBoxes(blocks: Block[], stats: Map<Element, Stats>): Element[] {
  const out: Element[] = [];
  let paragraphs: Block[] | undefined;
  for (const b of blocks) {
    if (b.len > 300 || !PAID_OFFERS_RE.test(b.text) || out.some((box) => box.contains(b.el))) continue;
    // The text's own paragraphs: the box holds none of them.
    paragraphs ??= blocks.filter((x) => x.el.localName === 'p' && x.len >= 80 && isProse(x));
    let box: Element | null = null;
    for (const a of b.ancestors) {
      if (a === b.el) continue;
      if (/^(?:body|html|main|article)$/.test(a.localName) || (stats.get(a)?.chars ?? 0) > SPONSORED_BOX_CHARS * 3) break;
      if (paragraphs.some((x) => x !== b && a.contains(x.el))) break;
      box = a;
    }
    if (box && box.querySelector('table, ul, ol') !== null) out.push(box);
  }
  return out;
}

/** Characters a commerce box (price widget, product card) holds at most. */
const SPONSORED_BOX_CHARS = 400;

/**
 * A lone post named like a comment (a code forge renders an issue's or advisory's own text in a
 * `comment-body`): comments come in numbers, answering a text outside them. The one box named so
 * that holds prose paragraphs, more of them than stand outside it, while no other box named so
 * holds any, is the page's text, not a comment. A thread of several such posts has no lone one.
 */
function lonePostBox(candidates: Element[], ownProse: Map<Element, number>): Element | null {
  let box: Element | null = null;
  let inside = 0;
  for (const el of candidates) {
    const named = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!COMMENTS_CLASS_RE.test(named)) continue;
    let n = 0;
    for (const [p, k] of ownProse) if (el.contains(p)) n += k;
    if (n === 0) continue;
    // Nested boxes (a comment wrapper around its body) are one post: the outermost is kept.
    if (box && (box.contains(el) || el.contains(box))) {
      if (el.contains(box)) box = el;
      continue;
    }
    if (box) return null;
    // A box named for many comments (`#comments`, `comment-list`, `replies`) holds a thread, however
    // it is built; only one named for a single comment's body may be a lone post.
    if (!SINGLE_COMMENT_RE.test(named) || MANY_COMMENTS_RE.test(named)) return null;
    box = el;
    inside = n;
  }
  if (!box || inside < 3) return null;
  let outside = 0;
  for (const [p, k] of ownProse) if (!box.contains(p)) outside += k;
  return outside < inside ? box : null;
}

const SINGLE_COMMENT_RE = /(?:^|[-_\s])comment(?:[-_]?(?:body|content))?(?:[-_\s\d]|$)/i;
const MANY_COMMENTS_RE = /(?:^|[-_\s])(?:comments|comment-?(?:list|area|thread)|replies)(?:[-_\s\d]|$)/i;
const COMMENTS_CLASS_RE = /(?:^|[-_\s])(?:comments?|comment-?(?:list|box|text|area)|pinglun|plun|replies|user-?post)(?:[-_\s\d]|$)/i;
const GALLERY_CLASS_RE = /(?:^|[-_\s])(?:gallery|slideshow|carousel)(?:[-_\s\d]|$)/i;

/**
 * Galleries: an element of 3 or more children that each are or hold a `<figure>` (`ul > li >
 * figure` with a "1/6" counter beside each). Found from the figures that hold text (captions).
 */
function findGalleries(blocks: Block[]): Set<Element> {
  const figures = new Set<Element>();
  for (const b of blocks) for (const a of b.ancestors) if (a.localName === 'figure') figures.add(a);
  const galleries = new Set<Element>();
  // Figures of one article share their parents: each parent is asked once.
  const asked = new Map<Element, boolean>();
  const gallery = (p: Element): boolean => {
    let yes = asked.get(p);
    if (yes === undefined) {
      const kids = Array.from(p.children);
      asked.set(p, (yes = kids.length >= 3 && kids.every(holdsOnlyFigure)));
    }
    return yes;
  };
  for (const f of figures) {
    for (let p = f.parentElement, d = 0; p && d < 3; p = p.parentElement, d++) {
      if (gallery(p)) {
        galleries.add(p);
        break;
      }
    }
  }
  return galleries;
}

/**
 * Lists of 3 or more slides, each an item holding one picture and its caption (a line of words,
 * not a link: a list of linked thumbnails is a related-news box), as a 组图 slider writes them
 * (`ul > li > img + p`, all but the shown slide hidden by the stylesheet).
 */
function findCaptionedSlides(blocks: Block[], stats: Map<Element, Stats>): Element[] {
  const lists = new Set<Element>();
  for (const b of blocks) {
    if (b.len < 8 || b.linkChars > 0) continue;
    const item = b.ancestors.slice(0, 3).find((a) => a.localName === 'li');
    const list = item?.parentElement;
    if (list && (list.localName === 'ul' || list.localName === 'ol')) lists.add(list);
  }
  return [...lists].filter((list) => {
    const items = Array.from(list.children);
    return (
      items.length >= 3 &&
      items.every((li) => {
        const s = stats.get(li);
        return (
          li.localName === 'li' &&
          s !== undefined &&
          s.chars >= 8 &&
          s.chars <= 300 &&
          s.linkChars <= s.chars * 0.2 &&
          li.querySelectorAll('img').length === 1
        );
      })
    );
  });
}

/** A figure, or an element holding one and besides it at most a counter or a button (no paragraphs). */
function holdsOnlyFigure(k: Element): boolean {
  const f = k.localName === 'figure' ? k : k.querySelector('figure');
  if (!f) return false;
  const chars = (e: Element): number => normaliseText(e.textContent ?? '').length;
  return chars(k) - chars(f) <= 30;
}

/** Most of the page's prose is in a Latin script (English and other European languages). */
/**
 * Each block's CJK and Latin letters (two entries a block; none counted under 20 characters).
 * isLatinPage is asked twice of the same blocks, before and after chrome is marked: counted once.
 */
function scriptCounts(blocks: Block[]): Int32Array {
  const counts = new Int32Array(blocks.length * 2);
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.len < 20) continue;
    let cjk = 0;
    let latin = 0;
    // Counted by code unit, as /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g and
    // /[A-Za-z\u00c0-\u024f]/g would, without an array of matches per block.
    const t = b.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af))
        cjk++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    }
    counts[2 * k] = cjk;
    counts[2 * k + 1] = latin;
  }
  return counts;
}

/** Whether the page's text (but chrome and boilerplate) is mostly Latin letters; `counts` from scriptCounts(blocks). */
function isLatinPage(blocks: Block[], counts: Int32Array): boolean {
  let cjk = 0;
  let latin = 0;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.boiler || b.negative || b.len < 20) continue;
    cjk += counts[2 * k]!;
    latin += counts[2 * k + 1]!;
  }
  // Both halves always evaluated: a product computed only on Latin pages sent V8 into a deopt loop.
  const dominant = latin > cjk * 4;
  return latin > 200 && dominant;
}

/** A link to another story set between paragraphs (`Read more: …`, `Related: …`), not a heading of this one. */
const LINKED_ASIDE_RE =
  /^(?:read (?:more|also|next)|see (?:also|more)|also (?:read|see)|related|more (?:from|on|about|stories|news)|watch|listen|recommended|opinion|analysis)\b/i;

/** The label of a line that only points to another story: `Read more:`, `See also`, `Go deeper:`. */
/**
 * Words around an e-mail address written as a link (`Write to Ana Ruiz at ana@example.com`): the
 * reporter's closing contact line, not navigation. Every link is a `mailto:` one.
 */
function mailtoLine(b: Block): boolean {
  if (b.len > 250 || b.plain.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length < 2) return false;
  const links = Array.from(b.el.querySelectorAll('a'));
  return links.length > 0 && links.every((a) => /^mailto:[^?\s]+@/i.test(a.getAttribute('href')?.trim() ?? ''));
}

/**
 * A heading that is wholly a link to another page (`<a href="/post"><h2>Title</h2></a>`, a linked
 * article's card set into the text), punctuation and all: not a section of the article (those
 * read between its paragraphs, or link to their own anchor).
 */
function linkedCardHeading(b: Block, blocks: Block[]): boolean {
  if (!/^h[2-6]$/.test(b.el.localName) || b.len > 200 || b.linkChars < b.len * 0.9 || linkedSectionHeading(b, blocks)) return false;
  let link: Element | null = b.el.querySelector('a[href]');
  for (let a = b.el.parentElement, up = 0; !link && a && up < 5; a = a.parentElement, up++) if (a.localName === 'a') link = a;
  const href = link?.getAttribute('href')?.trim() ?? '';
  return href !== '' && !href.startsWith('#');
}

const LINK_LABEL_RE =
  /^(?:read|read (?:more|also|next|this)|see (?:also|more)|also (?:read|see)|related(?: (?:stories|story|reading|coverage|articles?))?|more on (?:this|that)(?: (?:story|topic))?|go deeper|dig deeper|further reading)\s*[:：—–-]?$/i;

/** `Read more: <a>Another story, and why</a>`: a label and a link, nothing else (a comma in the link's title is no sentence). */
function labelledLinkLine(b: Block): boolean {
  return b.len <= 250 && b.linkChars >= b.len * 0.5 && LINK_LABEL_RE.test(b.plain);
}

/** A footnote's number written as a link back to its reference (`<a href="#ref-1">1</a>` before the note). */
function footnoteNumber(b: Block): boolean {
  if (!/^\[?\d{1,3}\]?\.?$/.test(b.text)) return false;
  const mark = /<@(\d+)>/.exec(b.rawHtml);
  return mark !== null && (b.links.hrefs[Number(mark[1])] ?? '').startsWith('#');
}

/**
 * A section heading whose text is its own permalink (`<h2 id="usage"><a href="#usage">Usage</a></h2>`,
 * docs and READMEs): the link names the heading itself (its id, or its section's), so the heading
 * is the text's, not a link to elsewhere. A fragment naming another place (`#comments`) is a link.
 */
function permalinkHeading(b: Block): boolean {
  if (!/^h[2-6]$/.test(b.el.localName) || b.len > 120) return false;
  const links = Array.from(b.el.querySelectorAll('a[href]'));
  if (links.length === 0) return false;
  const ids = new Set<string>();
  for (let a: Element | null = b.el, up = 0; a && up < 3; a = a.parentElement, up++) {
    const id = a.getAttribute('id');
    if (id) ids.add(id);
    const labelled = a.getAttribute('aria-labelledby');
    if (labelled) ids.add(labelled);
  }
  return links.every((a) => {
    const href = a.getAttribute('href')?.trim() ?? '';
    return href.startsWith('#') && href.length > 1 && ids.has(decodeFragment(href.slice(1)));
  });
}

function decodeFragment(f: string): string {
  try {
    return decodeURIComponent(f);
  } catch {
    return f;
  }
}

/**
 * A section heading written as a link (`<h3><a href=…>A product</a></h3>` heading each entry of a
 * list article): between two prose paragraphs of its own parent, it heads the text after it.
 */
function linkedSectionHeading(b: Block, blocks: Block[]): boolean {
  if (!/^h[2-6]$/.test(b.el.localName) || b.len > 120 || isLatinEndLine(b.text) || LINKED_ASIDE_RE.test(b.text)) return false;
  const parent = b.el.parentElement;
  const near = (step: number): Block | undefined => {
    for (let j = b.index + step; j >= 0 && j < blocks.length; j += step) if (blocks[j]!.len > 0) return blocks[j];
    return undefined;
  };
  const prev = near(-1);
  const next = near(1);
  return !!prev && !!next && isProse(prev) && isProse(next) && prev.el.parentElement === parent && next.el.parentElement === parent;
}

/** A word processor's Title- and Subtitle-style paragraphs (Google Docs' `title`, Word's `MsoTitle`). */
const DOC_TITLE_CLASS_RE = /(?:^|\s)(?:title|MsoTitle)(?:\s|$)/;
const DOC_SUBTITLE_CLASS_RE = /(?:^|\s)(?:subtitle|MsoSubtitle)(?:\s|$)/;
const END_PUNCT_RE = /[.!?;:。！？；：]$/;

/**
 * The headline set at the head of the text itself, where the page's stated title is a file's or a
 * repository's name: a document's Title-style paragraph opening the body (`<p class="title">`,
 * with a Subtitle-style paragraph under it as its standfirst), or the `h1` right above the first
 * paragraph, in the same box, that the stated title holds among its words (a README's `tidewright`
 * under `owner/tidewright: description`). The heading is then out of the body. Not a paragraph
 * that reads as a sentence, nor a heading the stated title does not name (a section's).
 */
function ownHeadline(body: Block[], blocks: Block[], title: string): { title: string; index: number; drop: number } | null {
  const first = body.findIndex((b) => b.len > 0);
  const b = body[first];
  if (!b) return null;
  const current = normaliseText(title).toLowerCase();
  const cls = b.el.getAttribute('class') ?? '';
  if (first === 0 && b.el.localName === 'p' && DOC_TITLE_CLASS_RE.test(cls) && b.len <= 150 && !END_PUNCT_RE.test(b.text)) {
    if (b.text.toLowerCase() === current || b.linkChars > 0) return null;
    const next = body[1];
    const sub = next && next.el.localName === 'p' && DOC_SUBTITLE_CLASS_RE.test(next.el.getAttribute('class') ?? '') && next.len <= 200;
    const after = body[sub ? 2 : 1];
    if (!after || !isProse(after)) return null;
    return { title: titleText(b.raw), index: b.index, drop: sub ? 2 : 1 };
  }
  // Past a permalink mark beside the heading (`#`, `¶`).
  const prev = blocks.slice(0, b.index).findLast((x) => x.len > 0 && /[\p{L}\p{N}]/u.test(x.text));
  if (!prev || prev.el.localName !== 'h1' || prev.len > 120 || prev.linkChars > 0 || !isProse(b)) return null;
  const h = prev.text.toLowerCase();
  if (h === current || !current.includes(h)) return null;
  // The heading and the paragraph in one box: siblings, or the heading in a wrapper of its own.
  const box = b.el.parentElement;
  if (!box || !(prev.el.parentElement === box || prev.el.parentElement?.parentElement === box)) return null;
  const esc = h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`(?:^|[^\\p{L}\\p{N}])${esc}(?:[^\\p{L}\\p{N}]|$)`, 'u').test(current)) return null;
  return { title: titleText(prev.raw), index: prev.index, drop: 0 };
}

/**
 * A subtitle set as a heading right under the title (`<h1>…</h1><h2>Twelve months of…</h2>`),
 * then the byline or share bar before the text: the dek, not a section heading, which runs
 * straight into its own paragraph. Only a heading of several words that is no label (`Introduction`).
 */
function dropDekUnderTitle(body: Block[], blocks: Block[], titleIndex: number): void {
  const first = body.findIndex((b) => b.len > 0);
  const b = body[first];
  if (!b || b.len > 250 || b.text.split(/\s+/).length < 5) return;
  const heading = /^h[2-4]$/.test(b.el.localName);
  if (!heading && (b.kind !== 'p' || b.images.length > 0 || b.linkChars > 0)) return;
  const prev = blocks.slice(0, b.index).findLast((x) => x.len > 0);
  if (prev?.index !== titleIndex) return;
  const next = body.slice(first + 1).find((x) => x.len > 0);
  const between = next ? blocks.slice(b.index + 1, next.index).filter((x) => x.len > 0) : [];
  if (!next || between.length === 0 || !isProse(next)) return;
  // A paragraph under the title may be the lede itself, a picture or an ad after it: a dek only
  // when what sets it apart from the text is the byline (`By …`, the date), as a dek's is.
  if (heading || between.some((x) => isLatinByline(x, true) && !isProse(x))) body.splice(first, 1);
}

/**
 * An article split into several containers of one kind (`div.article-text` before and after a
 * gallery or an ad slot): prose in another container named exactly like the one the body's
 * paragraphs sit in is the article's too (a lead paragraph above a gallery, a section after it).
 */
function joinSplitBody(body: Block[], blocks: Block[], cutAt: number): void {
  const perParent = new Map<Element, number>();
  for (const b of body) {
    const parent = b.el.parentElement;
    if (parent && isProse(b)) perParent.set(parent, (perParent.get(parent) ?? 0) + 1);
  }
  const kinds = new Set<string>();
  for (const [el, n] of perParent) {
    const cls = (el.getAttribute('class') ?? '').trim();
    if (n >= 2 && cls.length >= 3) kinds.add(`${el.localName}.${cls}`);
  }
  if (kinds.size === 0) return;
  const inBody = new Set(body);
  const found = new Map<Element, Block[]>();
  const sameKind = new Map<Element, boolean>();
  // Up to the body's last block: a look-alike container after the article is an end note.
  const last = body.at(-1)?.index ?? -1;
  for (const b of blocks) {
    const parent = b.el.parentElement;
    if (b.index > last) break;
    if (!parent || b.index <= cutAt || inBody.has(b) || b.negative || b.boiler || perParent.has(parent)) continue;
    let same = sameKind.get(parent);
    if (same === undefined) sameKind.set(parent, (same = kinds.has(`${parent.localName}.${(parent.getAttribute('class') ?? '').trim()}`)));
    if (!same) continue;
    if (b.len > 0 && (isMetaLine(b.text) || isLatinByline(b, false) || (b.linkChars > b.len * 0.5 && b.punct === 0))) continue;
    const list = found.get(parent) ?? [];
    list.push(b);
    found.set(parent, list);
  }
  let added = false;
  for (const list of found.values()) {
    // A container of real paragraphs, not a caption or a teaser line in a look-alike box.
    if (!list.some((b) => isProse(b) && b.len >= OUTSIDE_MIN_CHARS)) continue;
    body.push(...list);
    added = true;
  }
  if (added) body.sort((a, b) => a.index - b.index);
}

/**
 * The edges of an English body: a tail after an end line (press-office notes, disclaimers, a list
 * of other stories), cut only when all that follows is short blocks (teasers, contact lines, a
 * bio), never long prose; a share bar's heading; a pull quote, which repeats a sentence of the
 * body (the body's copy is kept).
 */
function tidyLatinBody(body: Block[], page: Block[], summary: Set<string>): Element[] {
  dropChartLabels(body);
  dropCounterGrid(body);
  dropLeadingFieldBox(body);
  dropInlineBoxes(body, page);
  dropLeadingFactBox(body);
  // The standfirst: the page's stated summary as a block of its own above the text, outside the
  // container the paragraphs run on in (a lede repeated as the summary shares their parent).
  for (let i = 0, seen = 0; i < body.length && seen < 3; i++) {
    const b = body[i]!;
    if (b.len === 0) continue;
    seen++;
    if (b.len > 300 || b.kind !== 'p' || !statesSummary(comparable(b.text), summary)) continue;
    const next = body.slice(i + 1).find(isProse);
    // Subheads or paragraphs further on in its own box (the next one set in a callout there): the
    // box is the text's own container and the block is its opening paragraph.
    const parent = b.el.parentElement;
    const sharesBox = body.slice(i + 1).some((x) => x.el.parentElement === parent && (isProse(x) || /^h[2-6]$/.test(x.el.localName)));
    // The next paragraph in a box of the same tag and class as its own (a thread's next post, a
    // paged text's next part): the block opens a run of like boxes, the first of them, not a standfirst.
    if (next && parent && sameClassBox(parent, next.el.parentElement)) break;
    if (next && next.el.parentElement !== parent && !sharesBox) body.splice(i, 1);
    break;
  }
  // A kicker or flair line above the text (`Commuting`, `Biz & IT —`): a word or two, no sentence.
  while (body.length > 1) {
    const b = body[0]!;
    if (b.kind !== 'p' || b.images.length > 0 || b.len > 30 || b.text.split(/\s+/).length > 3 || /[.,!?:;]["”’]?$/.test(b.text)) break;
    if (!isProse(body.find((x) => x !== b && x.len > 0) ?? b)) break;
    // A bold-only paragraph where the text sets its subheads so (`<p><strong>The role</strong></p>`
    // again further down in the same box) is the first of them, not a kicker.
    if (boldOnlyLine(b) && body.some((x) => x !== b && x.el.parentElement === b.el.parentElement && boldOnlyLine(x))) break;
    // A chapter's number over its title heading (`One` over `Frost in April`) is the chapter's head.
    if (
      chapterNumberOverTitle(
        b,
        body.find((x) => x !== b && x.len > 0),
      )
    )
      break;
    body.shift();
  }
  // A release's safe-harbour, About and contacts sections, cut where they stand (tables follow).
  dropReleaseBoilerplate(body);
  // A mail message's signature card, vote counters and the replies quoting it.
  dropMailTail(body);
  let prose = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.len === 0) continue;
    if (prose >= 2 && isLatinEndLine(b.text) && !sectionHeadOfText(body, i)) {
      // A "Most Read" box set into the text: drop the box, keep the paragraphs after it.
      const resume = resumesAfterBox(body, i);
      if (resume > i) {
        body.splice(i, resume - i);
        i--;
        continue;
      }
      // …or when none of what follows goes on in the article's own container (teasers with dates).
      if (body.slice(i + 1).every((x) => x.len <= 250) || !proseContinues(body, i)) {
        body.length = i;
        break;
      }
    }
    if (isProse(b)) prose++;
  }
  // The sign-off under the text (`The author is a research fellow at …`, where the story first
  // ran, a copyright line; a disclaimer among them): a run of such lines at the end, each dropped; the search
  // stops at the second line that is none of them.
  for (let i = body.length - 1, other = 0; i >= 0 && other < 2; i--) {
    const b = body[i]!;
    if (b.len === 0) continue;
    if (b.len <= 400 && isSignOffLine(b.text)) body.splice(i, 1);
    // A notice (a disclaimer, a newsletter box) goes below, with its box's heading.
    else if (!isLatinNotice(b.text, b.linkChars > 0)) other++;
  }
  dropIssuerBoilerplate(body);
  dropTestimonials(body);
  // A photo essay's captions are its text (captions.ts storyCaptions): each caption once, as its words.
  const stories = storyCaptions(body);
  const storyBlocks = new Set<Block>();
  if (stories.size > 0) {
    const seen = new Set<Element>();
    for (let i = 0; i < body.length; i++) {
      const cap = body[i]!.ancestors.slice(0, 4).find((a) => stories.has(a));
      if (!cap) continue;
      if (seen.has(cap)) body.splice(i--, 1);
      else {
        seen.add(cap);
        body[i] = captionAsText(body[i]!, stories.get(cap)!);
        storyBlocks.add(body[i]!);
      }
    }
  }
  let twins: Map<string, Block> | undefined;
  const placeholders: Element[] = [];
  // Each long block (as the loop starts) as ` word word … `, to find a pull quote's sentences in
  // it: made when a pull quote or quote first asks (most pages have none).
  const longBlocks = body.filter((b) => b.len >= 80);
  let longWords: { b: Block; words: string }[] | undefined;
  const long = (): { b: Block; words: string }[] => (longWords ??= longBlocks.map((b) => ({ b, words: ` ${comparable(b.text)} ` })));
  for (let i = body.length - 1; i >= 0; i--) {
    const b = body[i]!;
    if (b.len === 0) continue;
    if (isLatinScriptPlaceholder(b.text)) {
      placeholders.push(b.el);
      body.splice(i, 1);
      continue;
    }
    if (listNumberBadge(b) || counterLine(b)) {
      body.splice(i, 1);
      continue;
    }
    if (isLatinWidgetLine(b.text) || isLatinNotice(b.text, b.linkChars > 0)) {
      body.splice(i, 1);
      // A notice's box goes with it: its heading (a newsletter's name) above it, in its own box.
      for (; i > 0 && noticeHeading(body[i - 1]!, b, body); i--) body.splice(i - 1, 1);
      const box = headedNoticeBox(b, body);
      if (box) {
        // Its siblings in the box (the appeal's heading, its other lines) go too.
        for (; i > 0 && body[i - 1]!.ancestors.includes(box); i--) body.splice(i - 1, 1);
        while (i < body.length && body[i]!.ancestors.includes(box)) body.splice(i, 1);
      }
      continue;
    }
    if (figureTitle(b) || numberedFigureLabel(b) || keywordsLine(b) || figureBoxLine(b) || (b.images.length === 0 && chartFigureLine(b))) {
      body.splice(i, 1);
      continue;
    }
    if (isLatinSponsorLabel(b.text)) {
      const rest = sponsorBoxRest(body, i);
      if (rest >= 0) {
        body.splice(i, 1 + rest);
        continue;
      }
    }
    const card = quoteCardStart(body, i);
    if (card >= 0) {
      body.splice(card, i - card + 1);
      i = card;
      continue;
    }
    // Only a set-off block (a quote, aside or figure): repeated paragraphs of running text stay.
    if (b.len > 300 || /^h[1-6]$/.test(b.el.localName)) continue;
    // Readability's copy of a block has lost its class names: ask the page's own block.
    if (!twins) {
      twins = new Map();
      for (const x of page) if (x.len >= 1 && !twins.has(x.text)) twins.set(x.text, x);
    }
    const own = [b, twins.get(b.text)].filter((x): x is Block => x !== undefined);
    // A picture's caption or credit is not the article's text (its picture stays); nor is an
    // embedded post (a tweet quoted in a blockquote of its own).
    if (!storyBlocks.has(b) && (own.some(isCaption) || own.some(isEmbeddedPost))) {
      if (b.images.length === 0) body.splice(i, 1);
      else body[i] = picturesOnly(b);
      continue;
    }
    // A block named a pull quote that rewords one paragraph (most of its words are there) repeats it;
    // one that does not is the author's own text set large (Medium's pull-quote paragraphs).
    if (own.some((x) => setOff(x, PULL_QUOTE_RE)) && long().some((x) => x.b.len > b.len && reworded(b.text, x.words))) {
      body.splice(i, 1);
      if (i < body.length && quoteAttribution(body[i]!, b, body)) body.splice(i, 1);
      continue;
    }
    if (!own.some((x) => setOff(x, QUOTE_NAME_RE, true))) continue;
    const sentences = b.text
      .split(/[.!?;…]+/)
      .map(comparable)
      .filter((x) => x.length > 0);
    const words = sentences.reduce((n, x) => n + x.split(' ').length, 0);
    if (words >= 5 && long().some((x) => x.b.len > b.len && repeats(sentences, x.words))) {
      body.splice(i, 1);
      if (i < body.length && quoteAttribution(body[i]!, b, body)) body.splice(i, 1);
    }
  }
  dropPaperRecordLines(body);
  dropPaperBackMatter(body);
  dropNoticedAbstract(body, page);
  dropColophon(body);
  dropSignatories(body);
  dropRecordFields(body);
  dropSeriesBoilerplate(body);
  dropQuotationRuns(body);
  dropTranscriptStamps(body);
  dropOrphanBoxHeadings(body, placeholders);
  return placeholders;
}

/** The ids the page's own links point to (`href="#id"`): its contents' and footnotes' targets. */
function fragmentTargets(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href^="#"]'))) {
    const id = decodeFragment((a.getAttribute('href') ?? '').slice(1));
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * An ordered list's number printed as a badge of its own in each item (`<li><div>3</div><div>Lift
 * the tile…</div></li>`): the list's numbering, decoration beside the item's text. A bare number
 * in an item holding little else (a list of scores) stays.
 */
function listNumberBadge(b: Block): boolean {
  if (b.len > 3 || !/^\d{1,3}\.?$/.test(b.text) || b.kind === 'li') return false;
  const li = b.ancestors.slice(0, 3).find((a) => a.localName === 'li');
  if (!li || li.parentElement?.localName !== 'ol') return false;
  return (li.textContent ?? '').replace(/\s+/g, ' ').trim().length > b.len + 20;
}

/**
 * A list (the element or one in it) of two or more items, each holding a link to another page or
 * opening with a link to a time in the player: links, chapters (not a box's tabs, links within the page).
 */
function linkedItems(el: Element): boolean {
  const lists = /^(?:ul|ol)$/.test(el.localName) ? [el] : Array.from(el.querySelectorAll('ul, ol'));
  const linked = (li: Element): boolean =>
    Array.from(li.querySelectorAll('a[href]')).some((a, i) => {
      const href = a.getAttribute('href')!.trim();
      return (href !== '' && !href.startsWith('#')) || (i === 0 && CLOCK_TIME_RE.test(normaliseText(a.textContent ?? '')));
    });
  return lists.some((list) => {
    const items = Array.from(list.children).filter((li) => li.localName === 'li');
    return items.length >= 2 && items.every(linked);
  });
}

/** Who a party is in a case: `Plaintiff-Appellant`, `Respondents`, `Defendant-Appellee`. */
const PARTY_ROLE = String.raw`(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?|Claimants?|Intervenors?)(?:[-–](?:Appellants?|Appellees?|Petitioners?|Respondents?|Cross-\w+))?`;
/** The kinds of line a court document's caption is made of, one pattern each. */
const CAPTION_LINE_RES = [
  // The parties: `ANN LEE, Plaintiff-Appellant, v. ACME CO., Defendant-Appellee.`
  new RegExp(String.raw`\b${PARTY_ROLE}\b.*\bv(?:s)?\.\s.*\b${PARTY_ROLE}\b`),
  // Counsel: `Jo Park (argued), Park LLP, Millford, for Defendant-Appellee.`
  new RegExp(String.raw`\bfor (?:the )?${PARTY_ROLE}\b`),
  // The panel: `Before: SMITH, JONES, and ROE, Circuit Judges.`
  /^Before:?\s+\S.*\bJudges?\b/i,
  // The court: `United States Court of Appeals, Ninth Circuit.`, `Supreme Court of Westland`.
  /^(?:(?:United States|U\.\s?S\.)\s+)?(?:Court of (?:Appeals?|Appeal)|Supreme Court|District Court|Court of Criminal Appeals)\b.{0,60}$/,
  // Who wrote what: `Opinion by Judge Roe; Dissent by Judge Smith`.
  /^(?:Opinion|Concurrence|Dissent)s? by (?:Judge |Justice )?\S/,
  // The docket: `No. 23-1187`, `Nos. 22-10 & 22-11`.
  /^Nos?\.\s*\d[\d:-]*(?:\s*(?:,|&|and)\s*\d[\d:-]*)*\.?$/,
];

/**
 * A court opinion's caption above its text: the parties, the court, the docket number, the dates,
 * counsel and the panel, each a short line in one box, before the authoring judge's line. It is the
 * document's byline and date matter, not its text: a box that opens the body and holds lines of at
 * least three of those kinds goes (its other lines, the citation and the dates, with it). One such
 * line in running text (a sentence naming counsel "for Respondent") stays.
 */
function dropCaseCaption(body: Block[]): void {
  const first = body.findIndex((b) => b.len > 0);
  if (first < 0) return;
  const box = body[first]!.el.parentElement;
  if (!box || /^(?:body|html|article|main)$/.test(box.localName)) return;
  let end = first;
  while (end < body.length && (body[end]!.len === 0 || box.contains(body[end]!.el))) end++;
  // The box is set apart: the text goes on after it, outside it.
  if (end >= body.length || end - first > 15) return;
  const kinds = new Set<number>();
  for (let i = first; i < end; i++) {
    const b = body[i]!;
    if (b.len > 400) return;
    CAPTION_LINE_RES.forEach((re, k) => {
      if (re.test(b.text)) kinds.add(k);
    });
  }
  if (kinds.size >= 3) body.splice(first, end - first);
}

/** The words on the page's tabs (`role="tab"`): "Show notes", "Transcript", "Overview". */
function tabLabels(doc: Document): Set<string> {
  const labels = new Set<string>();
  for (const tab of Array.from(doc.querySelectorAll('[role="tab"]'))) {
    const t = normaliseText(tab.textContent ?? '');
    if (t && t.length <= 40) labels.add(t.toLowerCase());
  }
  return labels;
}

/** A clock time as a player shows it: `04:20`, `1:02:33`. */
const CLOCK_TIME_RE = /^\d{1,2}:\d{2}(?::\d{2})?$/;

/**
 * Chrome of a page around a recording (an audio or video episode, a talk), after the rest of the
 * tidying:
 * - chapter markers: a list item that opens with a link to a time in the page's own player
 *   (`<a href="#t=09:40">09:40</a> The winding rota`) is a seek control with its label;
 * - production credits: a short line of three or more sentences each "<role> by <Name>."
 *   ("Edited by …. Music by …. Artwork by ….");
 * - a section heading left with nothing under it (its list of links or chapters went) names
 *   chrome that is gone (not one over a script's placeholder: the section's content is to come);
 * - a heading that repeats a tab of the page ("Show notes", "Transcript") is the tab panel's label.
 */
function dropEpisodeChrome(body: Block[], tabs: Set<string>, placeholders: Element[]): void {
  for (let i = body.length - 1; i >= 0; i--) {
    const b = body[i]!;
    if (chapterMarker(b) || creditsLine(b.text)) body.splice(i, 1);
  }
  for (let i = body.length - 1; i >= 0; i--) if (orphanSectionHeading(body[i]!, body[i + 1], placeholders)) body.splice(i, 1);
  if (tabs.size > 0)
    for (let i = body.length - 1; i >= 0; i--) {
      const b = body[i]!;
      if (/^h[2-6]$/.test(b.el.localName) && tabs.has(b.text.toLowerCase())) body.splice(i, 1);
    }
}

function chapterMarker(b: Block): boolean {
  if (b.el.localName !== 'li' || b.len > 120 || b.linkChars === 0) return false;
  const link = b.el.querySelector('a[href]');
  if (!link || !link.getAttribute('href')!.trim().startsWith('#')) return false;
  const time = normaliseText(link.textContent ?? '');
  return CLOCK_TIME_RE.test(time) && b.text.startsWith(time);
}

/** One sentence of a credits line: "Music by The Orchard Quartet.", "Hosted and produced by Ann Lee." */
const CREDIT_SENTENCE_RE = /^[A-Z][a-z]+(?:(?:,| and| &)? [a-z]+){0,3} by (?:[A-Z][\p{L}’'.-]*)(?: [A-Z][\p{L}’'.-]*){0,4}\.?$/u;

function creditsLine(text: string): boolean {
  if (text.length > 400) return false;
  const sentences = text.split(/(?<=\.)\s+/);
  return sentences.length >= 3 && sentences.every((x) => CREDIT_SENTENCE_RE.test(x));
}

/**
 * A heading (h2–h6) whose section lost every line: what stood after it in its box (at least a
 * line's worth of text, with a paragraph or a list in it, not a wrapper's date or icon label) is
 * not in the body, and the next kept block is a heading of the same or a higher rank, or there is
 * none. When the next kept block lies outside the heading's box (a `header` of heading and byline
 * over an entry's text), only a list of links that went (links, chapters) makes it an orphan.
 */
function orphanSectionHeading(h: Block, next: Block | undefined, placeholders: Element[]): boolean {
  const rank = /^h([2-6])$/.exec(h.el.localName);
  if (!rank || h.len > 80) return false;
  const box = h.el.parentElement;
  if (!box) return false;
  const inBox = !next || box.contains(next.el);
  if (next && inBox) {
    const nextRank = /^h([2-6])$/.exec(next.el.localName);
    if (!nextRank || Number(nextRank[1]) > Number(rank[1])) return false;
  }
  let dropped = 0;
  let lines = false;
  for (let sib = h.el.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (next && (sib === next.el || sib.contains(next.el))) break;
    // A section whose content a script would load (its placeholder went) keeps its heading.
    if (placeholders.some((p) => sib === p || sib.contains(p))) return false;
    dropped += normaliseText(sib.textContent ?? '').length;
    lines ||= inBox ? /^(?:p|ul|ol|dl|table)$/.test(sib.localName) || sib.querySelector('p, ul, ol, dl, table') !== null : linkedItems(sib);
  }
  return lines && dropped >= 20;
}

/**
 * A paper's record printed as labelled lines (`Citation: …`, `Editor: …`, `Received: …`,
 * `Funding: …`, `Competing interests: …`), above the text or after it: a box of three or more
 * such lines and little else. They describe the paper; they are not its text. One such line
 * among paragraphs stays (a sentence may open with `Funding:` in a report).
 */
function dropPaperRecordLines(body: Block[]): void {
  const boxes = new Map<Element, boolean>();
  for (let i = body.length - 1; i >= 0; i--) {
    const b = body[i]!;
    if (b.len === 0 || b.len > 400 || b.images.length > 0 || !PAPER_RECORD_LABEL_RE.test(b.text)) continue;
    const box = b.el.parentElement;
    if (!box) continue;
    let record = boxes.get(box);
    if (record === undefined) boxes.set(box, (record = paperRecordBox(box)));
    if (record) body.splice(i, 1);
  }
}
/** The box's lines (its children with words) are labelled record lines, three or more, and most of them. */
function paperRecordBox(box: Element): boolean {
  let labelled = 0;
  let other = 0;
  for (let c = box.firstElementChild; c; c = c.nextElementSibling) {
    const text = normaliseText(c.textContent ?? '');
    if (!text) continue;
    if (text.length <= 400 && PAPER_RECORD_LABEL_RE.test(text)) labelled++;
    else other++;
  }
  return labelled >= PAPER_RECORD_MIN_LINES && other * 3 <= labelled;
}
const PAPER_RECORD_LABEL_RE =
  /^(?:citation|cite(?: this(?: article| paper)?)?(?: as)?|(?:academic |handling )?editor|received|accepted|published|revised|copyright|licen[cs]e|data availability(?: statement)?|funding(?: statement)?|competing interests?|conflicts? of interests?|author contributions|ethics statement|corresponding author|correspondence|abbreviations)\s*:\s*\S/i;
const PAPER_RECORD_MIN_LINES = 3;

/**
 * A paper's back-matter sections inside its text (Acknowledgments, Funding, Competing interests,
 * Author contributions, Data availability), each heading and what stands under it up to the next
 * heading of its rank or above. Only in a paper: a text with an `Abstract` heading or a reference
 * list's heading (`Funding` is also a news story's subhead). The references stay.
 */
function dropPaperBackMatter(body: Block[]): void {
  const heading = (b: Block): number => (/^h[2-6]$/.test(b.el.localName) ? Number(b.el.localName[1]) : 0);
  // A publisher's article page names its standing back-matter sections (Author information, Rights
  // and permissions, About this article): two of them make the text a paper's, whatever else it holds.
  const paper =
    body.some((b) => heading(b) > 0 && (/^abstract$/i.test(b.text) || PAPER_REFERENCES_RE.test(b.text))) ||
    body.filter((b) => heading(b) > 0 && PUBLISHER_SECTION_RE.test(b.text)).length >= 2;
  if (!paper) return;
  for (let i = 0; i < body.length; i++) {
    const level = heading(body[i]!);
    if (level === 0 || !(BACK_MATTER_HEADING_RE.test(body[i]!.text) || PUBLISHER_SECTION_RE.test(body[i]!.text))) continue;
    let j = i + 1;
    while (j < body.length && !(heading(body[j]!) > 0 && heading(body[j]!) <= level)) j++;
    body.splice(i, j - i);
    i--;
  }
}
/**
 * A notice about another paper (a retraction, correction or erratum note; the page's first heading
 * says so) shows that paper's abstract in a section of its own headed as an abstract: the other
 * paper's text, not the notice's. The section goes, from its heading to the next heading of its
 * rank or above, when the notice's own text stands outside it. A paper's own abstract stays.
 */
function dropNoticedAbstract(body: Block[], page: Block[]): void {
  const h1 = page.find((b) => b.el.localName === 'h1' && b.len > 0);
  if (!h1 || !NOTICE_TITLE_RE.test(h1.text)) return;
  const heading = (b: Block): number => (/^h[2-6]$/.test(b.el.localName) ? Number(b.el.localName[1]) : 0);
  for (let i = 0; i < body.length; i++) {
    const level = heading(body[i]!);
    if (level === 0 || !/\babstract\s*:?$/i.test(body[i]!.text)) continue;
    // The section: the heading's own box where it has one, else up to the next heading of its rank.
    const box = body[i]!.el.parentElement;
    const boxed = box !== null && !body.every((b) => box.contains(b.el));
    let j = i + 1;
    while (j < body.length && (boxed ? box.contains(body[j]!.el) : !(heading(body[j]!) > 0 && heading(body[j]!) <= level))) j++;
    if (!body.some((b, k) => (k < i || k >= j) && isProse(b))) return;
    body.splice(i, j - i);
    return;
  }
}
const NOTICE_TITLE_RE =
  /^(?:retraction(?: note| notice)?|notice of retraction|correction(?: to)?|erratum(?: to)?|corrigendum(?: to)?|expression of concern|editorial expression of concern)\s*:/i;

/**
 * A colophon closing the text: the section headed `Colophon` (the publisher's or site's note on
 * where the page came from, how it was made and whom to write to), from its heading to the end of
 * the text. It is about the page, not part of what the page says; only as the last section (a text
 * with more sections after one so named is about colophons).
 */
function dropColophon(body: Block[]): void {
  const heading = (b: Block): number => (/^h[1-6]$/.test(b.el.localName) ? Number(b.el.localName[1]) : 0);
  for (let i = body.length - 1, top = 7; i > 0; i--) {
    const level = heading(body[i]!);
    if (level === 0) continue;
    // The last section of its rank or above (no heading as high stands after it).
    if (level < top && COLOPHON_RE.test(body[i]!.text)) {
      body.length = i;
      return;
    }
    top = Math.min(top, level);
  }
}
const COLOPHON_RE = /^colophon\s*:?$/i;

/**
 * A standards document's standing sections, the same in every document of its series: `Status of
 * This Memo` and `Copyright Notice` (the series' boilerplate, as a licence footer is) and the
 * `Authors' Addresses` (a contact block), each heading with what stands under it up to the next
 * heading of its rank or above. The document's own sections (Abstract, Introduction…) stay.
 */
function dropSeriesBoilerplate(body: Block[]): void {
  const heading = (b: Block): number => (/^h[1-6]$/.test(b.el.localName) ? Number(b.el.localName[1]) : 0);
  for (let i = 0; i < body.length; i++) {
    const level = heading(body[i]!);
    if (level === 0 || !SERIES_BOILERPLATE_RE.test(body[i]!.text.replace(/^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+/, ''))) continue;
    let j = i + 1;
    while (j < body.length && !(heading(body[j]!) > 0 && heading(body[j]!) <= level)) j++;
    body.splice(i, j - i);
    i--;
  }
}
const SERIES_BOILERPLATE_RE = /^(?:status of this memo|copyright notice|authors?['’] addresse?s?|author['’]s address)\s*:?$/i;

/**
 * A transcript's time stamps as delivered: the start time over it (`2:14 P.M. GMT`), with the place
 * lines set just above that time (`Visitor Centre`, `Merrow County`: short lines, no sentence), and
 * the `END 2:31 P.M.` line under it. Dateline matter, not the words spoken. A time with its am/pm
 * mark, alone on its line.
 */
function dropTranscriptStamps(body: Block[]): void {
  for (let i = body.length - 1; i >= 0; i--) if (END_TIME_RE.test(body[i]!.text)) body.splice(i, 1);
  const first = body.findIndex((b) => b.len > 0 && (isProse(b) || SPOKEN_TIME_RE.test(b.text)));
  if (first < 0 || !SPOKEN_TIME_RE.test(body[first]!.text) || first > 3) return;
  let from = first;
  while (from > 0) {
    const b = body[from - 1]!;
    if (b.len > 100 || /^h[1-6]$/.test(b.el.localName) || /[.!?:]["”’]?$/.test(b.text)) break;
    from--;
  }
  body.splice(from, first + 1 - from);
}
const SPOKEN_TIME = String.raw`\d{1,2}(?::\d{2})?\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?`;
const SPOKEN_TIME_RE = new RegExp(`^${SPOKEN_TIME}$`);
const END_TIME_RE = new RegExp(`^END\\s+${SPOKEN_TIME}$`);

/**
 * Sentences quoted from other publications one after another, each closed by its source and date
 * (`… — Ana Ruiz, Harbour Weekly, 4 Oct. 2026`): a compilation of usage or press quotes set beside
 * the text (a dictionary's examples from the web, a book's review quotes), not the text. Three or
 * more in a row; a single quotation with its source is the article quoting.
 */
function dropQuotationRuns(body: Block[]): void {
  const quoted = (b: Block): boolean => b.len > 0 && b.len <= QUOTED_LINE_MAX && DATED_SOURCE_RE.test(b.text);
  for (let i = 0; i < body.length; i++) {
    if (!quoted(body[i]!)) continue;
    let j = i;
    while (j < body.length && quoted(body[j]!)) j++;
    if (j - i >= QUOTED_RUN_MIN) {
      body.splice(i, j - i);
      i--;
    } else i = j - 1;
  }
}
// The quotation closes its sentence before the dash (a dash inside a cited title is no source).
const DATED_SOURCE_RE = /[.!?…"”’]\s+[—―–]\s?[A-Z][^—―–]{2,100}\b(?:1[6-9]|20)\d{2}\.?$/u;
const QUOTED_LINE_MAX = 400;
const QUOTED_RUN_MIN = 3;
const PAPER_REFERENCES_RE = /^(?:references|bibliography|literature cited|works cited)\s*:?$/i;
/** A publisher's standing sections after a paper's text: about the paper, its authors and its licence. */
const PUBLISHER_SECTION_RE =
  /^(?:additional information|author information|authors? and affiliations|rights and permissions|about this (?:article|paper)|cite this (?:article|paper)|publisher['’]s note)\s*:?$/i;
const BACK_MATTER_HEADING_RE =
  /^(?:acknowledge?ments?|funding(?: statement| sources?| information)?|financial disclosure|competing interests?|conflicts? of interests?|declaration of (?:competing )?interests?|author contributions|data availability(?: statement)?|ethics statement)\s*:?$/i;

/**
 * A heading left alone once its box's own lines went: a small box set into the text (a tip request,
 * an appeal) opens with a heading over a paragraph or two, and those lines were dropped (a link line,
 * a notice), so nothing else of the box is in the body. The heading titled the box, not the article.
 * A subhead shares its box with the text under it, or has a box of its own (no other words), or
 * heads a section that only held a script's placeholder.
 */
function dropOrphanBoxHeadings(body: Block[], placeholders: Element[]): void {
  for (let i = body.length - 1; i >= 0; i--) {
    const h = body[i]!;
    // A short label set as a paragraph over a list of links (`Synonyms` over its word chips) names
    // its box as a heading does; the box must then hold that list.
    const label = h.el.localName === 'p' && h.len <= ORPHAN_LABEL_MAX && !/[.!?,;]["”’]?$/.test(h.text);
    if (h.len === 0 || h.len > 120 || (!/^h[2-6]$/.test(h.el.localName) && !label)) continue;
    const box = h.el.parentElement;
    if (!box || /^(?:body|html|article|main|header|hgroup|td|li)$/.test(box.localName)) continue;
    if (label && !linkListIn(box)) continue;
    // The heading opens the box: nothing with words stands before it.
    let first = box.firstElementChild;
    while (first && first !== h.el && !normaliseText(first.textContent ?? '')) first = first.nextElementSibling;
    if (first !== h.el) continue;
    const rest = normaliseText(box.textContent ?? '').length - h.len;
    // Another line of the box's own (a paragraph or a list of links, not a button's word), and a
    // box, not a section.
    if (rest < 20 || rest > ORPHAN_BOX_MAX || (box.querySelector('p') === null && !linkListIn(box))) continue;
    if (body.some((x) => x !== h && box.contains(x.el))) continue;
    // A section whose content a script would load (its placeholder went): the heading is the text's.
    if (placeholders.some((p) => box.contains(p))) continue;
    body.splice(i, 1);
  }
}
const ORPHAN_LABEL_MAX = 40;
/**
 * A list in the box whose every item (two or more) is wholly a link to another page: a rail of
 * other stories (links within the page are its tabs or contents, which a heading may name).
 */
function linkListIn(box: Element): boolean {
  for (const list of Array.from(box.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((li) => li.localName === 'li');
    if (items.length < 2) continue;
    const linked = (li: Element): boolean => {
      const text = normaliseText(li.textContent ?? '');
      const links = Array.from(li.querySelectorAll('a[href]')).filter((a) => !a.getAttribute('href')!.trim().startsWith('#'));
      const inLinks = links.reduce((n, a) => n + normaliseText(a.textContent ?? '').length, 0);
      return text.length > 0 && inLinks >= text.length * 0.9;
    };
    if (items.every(linked)) return true;
  }
  return false;
}

/**
 * The blocks after a sponsor's label (`Together with Acme`) that share its box, the ad's pitch:
 * the label's nearest wrapper with more text than the label, if it starts at the label, holds a
 * link (the ad's button) and little text. -1 when the label opens no such box.
 */
function sponsorBoxRest(body: Block[], i: number): number {
  const label = body[i]!;
  let box = label.el.parentElement;
  // Past the label's own wrappers (`<div><p>Together with …</p></div>`) to the box with the pitch.
  for (let up = 0; box && up < 4 && normaliseText(box.textContent ?? '') === label.text; up++) box = box.parentElement;
  if (!box || (i > 0 && box.contains(body[i - 1]!.el)) || box.querySelector('a[href]') === null) return -1;
  if (countChars(normaliseText(box.textContent ?? '')) > SPONSOR_BOX_CHARS) return -1;
  let n = 0;
  while (i + 1 + n < body.length && box.contains(body[i + 1 + n]!.el)) n++;
  return n;
}

/** A sponsor's box (label, pitch, button) holds at most this many characters. */
const SPONSOR_BOX_CHARS = 700;

/** Characters a box's lines besides its heading hold at most (a callout, not a section of the text). */
const ORPHAN_BOX_MAX = 600;

/**
 * The line is a stated summary, or goes on from one (a dek whose first clause the page's
 * description repeats: `A census found twice as many…, raising questions about…`).
 */
function statesSummary(line: string, summary: Set<string>): boolean {
  if (summary.has(line)) return true;
  for (const s of summary) if (s.split(' ').length >= 6 && line.startsWith(`${s} `)) return true;
  return false;
}

/** `h` is a short heading line in the same box as the notice `n`, a box that holds none of the body's prose. */
function noticeHeading(h: Block, n: Block, body: Block[]): boolean {
  const box = n.el.parentElement;
  if (!box || h.el.parentElement !== box || h.len > 60 || h.images.length > 0 || /[.!?]["”’]?$/.test(h.text)) return false;
  return !body.some((x) => x !== h && x.el.parentElement === box && isProse(x));
}

/**
 * The box of notice `n` when that box is an appeal set into the text under its own heading (`…
 * there is a good reason to support us` over a paragraph about who funds the paper and `please
 * consider supporting us`): the box opens with a heading, holds a few short blocks and is small
 * beside the text around it. Its other lines are the appeal's, not the article's.
 */
function headedNoticeBox(n: Block, body: Block[]): Element | undefined {
  const box = n.el.parentElement;
  if (!box) return undefined;
  const inBox = body.filter((x) => x.ancestors.includes(box));
  if (inBox.length === 0 || inBox.length > 6 || inBox.some((x) => x.len > 400 || x.images.length > 0)) return undefined;
  if (!/^h[2-6]$/.test(inBox[0]!.el.localName) || inBox[0]!.len > 100) return undefined;
  let boxChars = n.len;
  for (const x of inBox) boxChars += x.len;
  let outside = 0;
  for (const x of body) if (!x.ancestors.includes(box) && isProse(x)) outside += x.len;
  return outside >= boxChars * 2 ? box : undefined;
}

/**
 * `a`, right after the pull quote `q`, is its attribution (`Amina Traoré, regional adviser`): a
 * short line that is no sentence, in the quote's own box (a box holding none of the body's prose).
 */
function quoteAttribution(a: Block, q: Block, body: Block[]): boolean {
  const box = q.el.parentElement;
  if (!box || (a.el !== box && a.el.parentElement !== box)) return false;
  if (a.len > 80 || a.images.length > 0 || a.text.split(/\s+/).length > 8 || /[.!?]["”’]?$/.test(a.text)) return false;
  return !body.some((x) => x !== a && isProse(x) && (x.el === box || x.el.parentElement === box));
}

/**
 * A quote card set between the text's parts (a how-to's expert tip, a speaker's card): a box of its
 * own holding one or two short lines that are no sentences (a name, a role) over a blockquote, the
 * blockquote `body[i]` its last block, none of the text's prose around them in the box. The card
 * speaks beside the text, not in it. Returns the index of the card's first line, or -1. A quote
 * led in by a sentence of the text (`The mayor said:`) has no such lines over it.
 */
function quoteCardStart(body: Block[], i: number): number {
  const q = body[i]!;
  const box = q.el.parentElement;
  if (q.el.localName !== 'blockquote' || q.len > 400 || !box || /^(?:body|main|article|section)$/.test(box.localName)) return -1;
  let start = i;
  while (start > 0 && i - start < 3 && body[start - 1]!.ancestors.includes(box)) start--;
  if (start > 0 && body[start - 1]!.ancestors.includes(box)) return -1;
  let lines = 0;
  for (let k = start; k < i; k++) {
    const line = body[k]!;
    // The speaker's portrait, a picture and no words, is part of the card.
    if (line.len === 0 && line.images.length > 0) continue;
    if (line.el.parentElement !== box || line.len > 60 || line.linkChars > 0 || /[.!?:]["”’]?$/.test(line.text)) return -1;
    lines++;
  }
  if (lines === 0 || lines > 2) return -1;
  if (i + 1 < body.length && body[i + 1]!.ancestors.includes(box)) return -1;
  // A card stands alone: boxes of one make each ending in a blockquote under a name line are an
  // interview's or transcript's turns, the text itself.
  const make = (e: Element): string => `${e.localName}.${e.getAttribute('class') ?? ''}`;
  const own = make(box);
  if (
    body.some(
      (x) =>
        x !== q &&
        x.el.localName === 'blockquote' &&
        x.el.parentElement !== box &&
        x.el.parentElement !== null &&
        make(x.el.parentElement) === own,
    )
  )
    return -1;
  let outside = 0;
  for (const x of body) if (!x.ancestors.includes(box) && isProse(x)) outside += x.len;
  return outside >= 3 * (q.len + 120) ? start : -1;
}

const PULL_QUOTE_RE = /pull-?quote/i;
const AUTHOR_LINE_RE = /^[-–—*\s]*(?:The|This) (?:author|writer|columnist|contributor)s? (?:is|are|was|were)\b/i;

/**
 * A fact box above the text (an encyclopedia's infobox, a profile's key facts): a table of label
 * cell + value cell rows (`<th>Opened</th><td>1834</td>`), besides full-width title, picture or
 * caption rows, that stands before the first paragraph. Its rows summarise the article; they are
 * not its text (its picture stays). A table after the text has begun is the article's own.
 */
function dropLeadingFactBox(body: Block[], titled = false): void {
  const first = body.findIndex(isProse);
  if (first <= 0) return;
  const checked = new Map<Element, boolean>();
  for (let i = first - 1; i >= 0; i--) {
    const b = body[i]!;
    const table = b.ancestors.find((a) => a.localName === 'table');
    if (!table) continue;
    let isBox = checked.get(table);
    if (isBox === undefined) checked.set(table, (isBox = factBoxTable(table, titled)));
    if (!isBox) continue;
    if (b.images.length === 0) body.splice(i, 1);
    else body[i] = picturesOnly(b);
  }
}

/**
 * `titled`: the box must open with a row across it (its subject's name or picture), as a fact box
 * does; a table of label rows that opens with a label row (a 会议纪要's 会议时间 / 出席 rows) is
 * the document's own head, text on a Chinese page.
 */
function factBoxTable(table: Element, titled: boolean): boolean {
  let pairs = 0;
  const rows = Array.from(table.querySelectorAll('tr'));
  if (titled && rows[0] && Array.from(rows[0].children).filter((c) => c.localName === 'td' || c.localName === 'th').length !== 1)
    return false;
  for (const tr of rows) {
    const cells = Array.from(tr.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    if (cells.length === 1) continue; // a title, picture or caption across the box
    if (cells.length !== 2 || cells[0]!.localName !== 'th' || cells[1]!.localName !== 'td') return false;
    pairs++;
  }
  return pairs >= 3;
}

/** A line that closes an article rather than belongs to it (only tested on its last lines). */
function isSignOffLine(text: string): boolean {
  return (
    AUTHOR_LINE_RE.test(text) ||
    // Where the story first ran: `This story was originally published May 3 at 9:12 AM.`
    /^(?:a version of )?this (?:article|story|post|piece|essay|report|column|interview) (?:was )?(?:originally|first) (?:published|appeared|posted|ran)\b/i.test(
      text,
    ) ||
    // The page's last-change stamp: `Last updated by the editor on 4 May 2027.`
    (text.length <= 120 && /^(?:this [a-z]+ was )?last (?:updated|modified|edited|revised|reviewed)\b/i.test(text) && /\d{4}/.test(text)) ||
    // The publisher's copyright: `© 2025 The Quarterly Review. All rights reserved.`
    (text.length <= 200 && /^(?:©|\(c\)|copyright\b)[^!?]{0,160}\ball rights reserved\.?$/i.test(text)) ||
    // A reprint's permissions credit: `Excerpted from … Copyright © … by permission of …` (end-matter.ts).
    isPermissionsCredit(text) ||
    // A one-line bio of the author, full name first: `Ana Ruiz is a visiting fellow with the … at …`.
    (text.length <= 300 && BIO_LINE_RE.test(text)) ||
    // The newsroom's call for readers' stories: `Got a news tip? Email us at …`.
    (text.length <= 250 && TIP_LINE_RE.test(text)) ||
    // The reporter's contact line: `Jo Lark: 555-010-2233 or jlark@example.org; on Twitter: @jlark.`
    (text.length <= 200 && CONTACT_LINE_RE.test(text)) ||
    // The paper's call for letters under its letters page: `Have your say: email … or write to …`.
    (text.length <= 400 && LETTERS_CALL_RE.test(text) && /\bletters?\b/i.test(text))
  );
}

/** A question asking for the reader's story, tip or pictures, then how to send it to the newsroom. */
const LETTERS_CALL_RE =
  /^(?:have your say|write to us|send (?:us )?your (?:letters?|views)|we welcome (?:your )?letters|letters? (?:to the editor )?(?:should|may|can) be sent)\b[^]{0,160}?\b(?:e-?mail|write to|send)\b/i;
const TIP_LINE_RE =
  /^(?:have you got|do you have|got|have)\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,2}(?:story|stories|tips?|news|photos?|pictures?|videos?)\b[^.!?]{0,60}\?\s*(?:e-?mail|contact|write to|message|send|get in touch|call|text)\b[^!?]{0,160}$/i;

/** A name, a colon, then only a phone number and/or an e-mail address, and perhaps a social handle. */
const CONTACT_LINE_RE =
  /^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){1,3}\s*:\s*(?:\+?[\d(][\d\s().-]{6,}\d\s*(?:or|and|\||,|;)\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[;,|]\s*(?:[Oo]n\s+)?(?:[Tt]witter|X|[Ii]nstagram|[Bb]luesky|[Mm]astodon)\s*:?\s*@[\w.@-]+)?\.?$/u;

const BIO_LINE_RE =
  /^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){1,3} (?:is|was|serves as) (?:a|an|the) (?:[^.!?]{0,60} )?(?:fellow|professor|scholar|researcher|analyst|director|lecturer|economist|reporter|correspondent|writer|editor|columnist)\b[^.!?]{0,40}\b(?:at|with|of|for)\b/u;

/**
 * The labels of a chart drawn in HTML (ai2html and the like: one positioned `<p>` per axis tick,
 * value and legend) inside a box named for a chart: a run of short lines, no sentence, mostly
 * figures (`$900`, `’17`). They are not the article's text. List items, cells and code never are.
 */
function dropChartLabels(body: Block[]): void {
  const label = (b: Block): boolean =>
    b.len > 0 &&
    b.len <= 40 &&
    b.kind !== 'li' &&
    b.images.length === 0 &&
    !/^(?:td|th|pre|code)$/.test(b.el.localName) &&
    !(/[.!?]["”’]?$/.test(b.text) && b.text.split(/\s+/).length >= 4) &&
    b.ancestors.slice(1, 6).some((a) => CHART_CLASS_RE.test(`${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`));
  for (let i = 0; i < body.length; i++) {
    if (!label(body[i]!)) continue;
    let j = i;
    let figures = 0;
    // Empty blocks (a picture's slot) between labels go with the run.
    while (j < body.length && (label(body[j]!) || (body[j]!.len === 0 && body[j]!.images.length === 0))) {
      if (/\d/.test(body[j]!.text)) figures++;
      j++;
    }
    const labels = body.slice(i, j).filter((b) => b.len > 0).length;
    if (labels >= CHART_MIN_LABELS && figures * 2 >= labels) {
      body.splice(i, j - i);
      i--;
    } else i = j - 1;
  }
}
const CHART_MIN_LABELS = 8;

/** A line of bold-labelled fields: every bold part ends in a colon and the line opens with one. */
function fieldLine(b: Block): boolean {
  if (b.len === 0 || b.len > 200 || b.images.length > 0 || !/^(?:p|div)$/.test(b.el.localName)) return false;
  const labels = Array.from(b.el.children).filter((c) => /^(?:strong|b)$/.test(c.localName));
  if (labels.length === 0 || !b.text.startsWith(normaliseText(labels[0]!.textContent ?? ''))) return false;
  return labels.every((l) => /[:：]$/.test(normaliseText(l.textContent ?? '')));
}

/**
 * A box of labelled fields opening the text (`<div><p><strong>Instructor:</strong> … ·
 * <strong>Email:</strong> …</p><p><strong>Room:</strong> …</p></div>` under a syllabus's or a
 * record's heading): who, where and when, the document's byline matter, not its text. Two or more
 * such lines, three or more fields, alone in their box and before any other line of text.
 */
function dropLeadingFieldBox(body: Block[]): void {
  const start = body.findIndex((b) => b.len > 0 && !/^h[1-6]$/.test(b.el.localName));
  const first = body[start];
  if (!first || !fieldLine(first)) return;
  const box = first.el.parentElement;
  let end = start;
  let fields = 0;
  while (end < body.length && fieldLine(body[end]!) && body[end]!.el.parentElement === box) {
    fields += Array.from(body[end]!.el.children).filter((c) => /^(?:strong|b)$/.test(c.localName)).length;
    end++;
  }
  if (!box || end - start < 2 || fields < 3 || box.children.length !== end - start) return;
  body.splice(start, end - start);
}

/** A display figure: `61,000`, `94%`, `£2.8m`, `4 days`, `12+`. */
const DISPLAY_FIGURE_RE = /^[£$€¥]?\d[\d,.]*\s?(?:%|[kmb]n?|\+|[a-z]{1,8})?\+?$/i;

/**
 * A counter grid (`The year in numbers`, `Our impact`): three or more boxes side by side in one
 * parent, each only a display figure in an element of its own and a short label without a
 * sentence (`61,000` + `people reached`). A dashboard of the page's highlights, not its text; a
 * paragraph that opens with a number, or list items, stay.
 */
function dropCounterGrid(body: Block[]): void {
  const counter = (b: Block): boolean => {
    if (b.kind === 'li' || b.len === 0 || b.len > 80 || b.images.length > 0) return false;
    const parts = Array.from(b.el.children);
    if (parts.length !== 2 || b.el.childNodes.length !== 2) return false;
    const figure = normaliseText(parts[0]!.textContent ?? '');
    const label = normaliseText(parts[1]!.textContent ?? '');
    return DISPLAY_FIGURE_RE.test(figure) && label.length > 0 && label.length <= 60 && !/[.!?]["”’]?$/.test(label);
  };
  for (let i = 0; i < body.length; i++) {
    if (!counter(body[i]!)) continue;
    const parent = body[i]!.el.parentElement;
    let j = i + 1;
    while (j < body.length && counter(body[j]!) && body[j]!.el.parentElement === parent) j++;
    if (j - i >= 3) {
      // The grid's heading goes with it when their box holds nothing else.
      const h = body[i - 1];
      const box = h && /^h[2-6]$/.test(h.el.localName) ? h.el.parentElement : null;
      const alone =
        box !== null &&
        parent !== null &&
        box.contains(parent) &&
        Array.from(box.children).every((c) => c === h!.el || c === parent || c.contains(parent));
      body.splice(alone ? i - 1 : i, j - i + (alone ? 1 : 0));
      i -= alone ? 2 : 1;
    } else i = j - 1;
  }
}

/**
 * Boxes set into an English body that are not its text: a call to action (one short line and its
 * button: `Compare today's rates.` + `See rates`, `Stay informed…` + `Subscribe now`), a key-points
 * summary above the text, an inline video card (`VIDEO 03:14` and its title). Readability's copy
 * of a block has lost its class names: the page's own block (its twin) is asked.
 */
function dropInlineBoxes(body: Block[], page: Block[]): void {
  // Only Readability's blocks (another document) need their twin; built on first need.
  const root = page[0]?.ancestors.at(-1);
  let twins: Map<string, Block> | undefined;
  const own = (b: Block): Block => {
    if (b.ancestors.at(-1) === root) return b;
    if (!twins) {
      twins = new Map();
      for (const x of page) if (x.len > 0 && !twins.has(x.text)) twins.set(x.text, x);
    }
    return twins.get(b.text) ?? b;
  };
  // Which of the two box kinds the block's element or its near ancestors are named for.
  const named = (b: Block): 'video' | 'points' | null => {
    for (const a of own(b).ancestors.slice(0, 4)) {
      const label = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`;
      if (label.length < 4 || !BOX_HINT_RE.test(label)) continue;
      for (const w of classWords(label)) {
        if (VIDEO_CARD_WORDS.has(w)) return 'video';
        if (KEY_POINTS_WORDS.has(w)) return 'points';
      }
    }
    return null;
  };
  // Whether the page has an e-mail field at all: looked up once, most pages have none.
  let hasEmailForm: boolean | undefined;
  const emailForm = (): boolean => (hasEmailForm ??= root?.querySelector(FORM_BOX_INPUTS) != null);
  const firstProse = body.findIndex(isProse);
  let proseCount = -1;
  const prose = (): number => (proseCount >= 0 ? proseCount : (proseCount = body.filter(isProse).length));
  let proseEls: Element[] | undefined;
  // What productCard and signUpBox read of a box (its children's texts, its whole text): the
  // same for every block in it, so read once per box (nothing here changes the tree).
  const cards = new Map<Element, boolean>();
  const signUps = new Map<Element, SignUpAnswer>();
  for (let i = body.length - 1; i >= 0; i--) {
    const b = body[i]!;
    if (b.len === 0 || b.len > 200 || b.images.length > 0) continue;
    const sentence = b.len > 120 && /[.!?]["”’]?$/.test(b.text);
    const kind = named(b);
    // A video card's label and title; its caption (sentences, a wire credit) is left to the caption rules.
    const cardTitle = kind === 'video' && b.len <= 100 && !/[.!?]/.test(b.text);
    if (VIDEO_LABEL_RE.test(b.text) || cardTitle || (kind === 'points' && !sentence) || videoCardLine(own(b))) {
      body.splice(i, 1);
      continue;
    }
    // A key-points heading above the text takes its bullets with it.
    if (i < firstProse && /^h[2-4]$/.test(b.kind) && KEY_POINTS_RE.test(b.text)) {
      let j = i + 1;
      while (j < body.length && (body[j]!.kind === 'li' || body[j]!.len === 0)) j++;
      body.splice(i, j - i);
      continue;
    }
    if (gluedFieldsLine(own(b)) || teaserCardLine(own(b), (proseEls ??= body.filter(isProse).map((x) => own(x).el)))) {
      body.splice(i, 1);
      continue;
    }
    if (callToAction(own(b)) && !(prose() <= 1 && isProse(b))) body.splice(i, 1);
    else if (productCard(own(b), cards) || (emailForm() && signUpBox(own(b), signUps))) body.splice(i, 1);
  }
}

/**
 * A data card's line (a score, a quote's ticker): short fields each in an element of its own, set
 * side by side with no space between them, so their words run together where no writer joins
 * them (`ABC` `98` `Final`: a letter against a digit, a lower-case letter against a capital).
 * Prose split across inline elements keeps its spaces or splits inside a word; sub- and
 * superscripts (H₂O, 10th) are left out of the count.
 */
function gluedFieldsLine(b: Block): boolean {
  if (b.len > GLUED_LINE_MAX || /[.!?]["”’]?(?:\s|$)/.test(b.text)) return false;
  let pieces = 0;
  let glued = 0;
  let prev: string | null = null;
  let own = false;
  const visit = (el: Element, depth: number): void => {
    for (let n = el.firstChild; n && !own; n = n.nextSibling) {
      if (n.nodeType === 1) {
        const tag = (n as Element).localName;
        // A line break parts the pieces around it as a space does (verse lines, `[Chorus]<br>So…`).
        if (tag === 'sub' || tag === 'sup' || tag === 'br') prev = null;
        else if (depth < 4) visit(n as Element, depth + 1);
        continue;
      }
      if (n.nodeType !== 3) continue;
      const t = (n as Text).data;
      if (!/\S/.test(t)) {
        prev = null;
        continue;
      }
      // Words of the block's own, outside any field, make it a sentence, not a card.
      if (depth === 0) {
        own = true;
        return;
      }
      pieces++;
      if (prev !== null && !/^\s/.test(t) && unnaturalJoin(prev.at(-1)!, t[0]!)) glued++;
      prev = /\s$/.test(t) ? null : t;
    }
  };
  visit(b.el, 0);
  if (own) return false;
  return pieces >= 4 && glued >= 3 && glued * 2 >= pieces - 1;
}
const GLUED_LINE_MAX = 120;

/** Two characters no writer sets side by side within a word: a letter and a digit, or a lower-case letter and a capital. */
function unnaturalJoin(a: string, b: string): boolean {
  const letterA = /\p{L}/u.test(a);
  const letterB = /\p{L}/u.test(b);
  const digitA = /\d/.test(a);
  const digitB = /\d/.test(b);
  if ((letterA && digitB) || (digitA && letterB)) return true;
  return letterA && letterB && /\p{Ll}/u.test(a) && /\p{Lu}/u.test(b);
}

/**
 * A video card's line set into the text, whatever its box is named: `Watch:` or `Video:`, the
 * video's title and its running time (`Watch: How the dam was built 2:15`), in a small box that
 * holds its play control (a button, an icon, the player). A sentence naming a time stays.
 */
function videoCardLine(b: Block): boolean {
  if (b.len > 160) return false;
  if (!VIDEO_CARD_LINE_RE.test(b.text))
    return VIDEO_TITLE_RE.test(b.text) || RUNNING_TIME_RE.test(b.text) ? videoCardParts(b) || playerCaption(b) : playerCaption(b);
  // The smallest box around the line that holds more than its words (the card).
  let box: Element | null = b.el;
  for (let up = 0; box && up < 3; box = box.parentElement, up++) {
    if (box.querySelector(PLAY_CONTROL) !== null) return true;
    if (normaliseText(box.parentElement?.textContent ?? '').length > b.len + 20) return false;
  }
  return false;
}
// The label may be qualified (`Related video:`, `Featured video:`): the card is the same.
const VIDEO_CARD_LINE_RE = /^(?:(?:related|featured|latest)\s+)?(?:watch|videos?)\s*[:|]\s*[^.!?]{3,140}?\s*\d{1,2}:\d{2}(?::\d{2})?$/i;
const VIDEO_TITLE_RE = /^(?:(?:related|featured|latest)\s+)?(?:watch|videos?)\s*[:|]\s*[^.!?]{3,140}$/i;
const RUNNING_TIME_RE = /^\d{1,2}:\d{2}(?::\d{2})?$/;
/** A card's words: its title, running time and a credit, not paragraphs. */
const VIDEO_CARD_MAX = 240;
const PLAY_CONTROL = 'button, svg, video, iframe';

/**
 * The same card with its title and running time in elements of their own (`<p>Watch: …</p>
 * <span>02:14</span>`, a credit beside them): the smallest box around the line that holds a play
 * control is small and holds both a `Watch:`/`Video:` title line and a running-time line.
 */
function videoCardParts(b: Block): boolean {
  // (A loose time beside block elements is read as a line of the card's own element.)
  let box: Element | null = b.el;
  for (let up = 0; box && up < 3 && box.querySelector(PLAY_CONTROL) === null; up++) box = box.parentElement;
  if (!box || box.querySelector(PLAY_CONTROL) === null) return false;
  // The player may be a box of its own (button and time) beside the title: widen to the card while it stays small.
  for (let up = 0; box && up < 3; box = box.parentElement, up++) {
    if (normaliseText(box.textContent ?? '').length > VIDEO_CARD_MAX) return false;
    let title = false;
    let time = false;
    for (const el of Array.from(box.querySelectorAll('*'))) {
      const text = normaliseText(el.textContent ?? '');
      title ||= VIDEO_TITLE_RE.test(text);
      time ||= RUNNING_TIME_RE.test(text);
    }
    if (title && time) return true;
  }
  return false;
}

/**
 * A video player's own lines with no `Watch:` label: the caption and running time in a small box
 * that holds a play control named as one (a play button, a video or iframe) and a line that is
 * only a running time (`1:12`). A box with a time and a share button (a live blog's entry) is none.
 */
function playerCaption(b: Block): boolean {
  if (b.len > 160) return false;
  // Up through small boxes only: a box of many blocks (the article's own) is no card, and asked of
  // every short line of the text it would cost a scan of the article each.
  let box: Element | null = b.el;
  for (let up = 0; ; up++) {
    if (!box || up >= 3 || box.children.length > PLAYER_CHILDREN_MAX) return false;
    if (namedPlayControl(box)) break;
    box = box.parentElement;
  }
  if (normaliseText(box.textContent ?? '').length > VIDEO_CARD_MAX) return false;
  return Array.from(box.querySelectorAll('*')).some((el) => RUNNING_TIME_RE.test(normaliseText(el.textContent ?? '')));
}

/** `box` holds a video or an embedded player, or a control named for playing (`aria-label="Play"`, `…__play`). */
function namedPlayControl(box: Element): boolean {
  for (const el of Array.from(box.querySelectorAll(PLAY_CONTROL))) {
    if (el.localName === 'video' || el.localName === 'iframe') return true;
    const named = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('class') ?? ''} ${el.getAttribute('title') ?? ''} ${el.textContent ?? ''}`;
    if (PLAY_WORD_RE.test(named) || named.includes('\u25b6')) return true;
  }
  return false;
}
const PLAY_WORD_RE = /(?:^|[^a-z])play(?:[^a-z]|$)/i;
/** A player card's box holds a few parts (player, caption, time, credit), not a run of paragraphs. */
const PLAYER_CHILDREN_MAX = 6;

/**
 * A short line of a linked story's card set into the text (its section label, its date), the
 * card's linked title already gone as a link line: the small box around the line is mostly a link
 * to another page and holds none of the article's prose.
 */
function teaserCardLine(b: Block, prose: Element[]): boolean {
  if (b.len > 60 || b.linkChars > 0 || b.images.length > 0 || /[.!?:]["”’]?$/.test(b.text) || /^(?:td|th|li|dt|dd)$/.test(b.el.localName))
    return false;
  // A list's heading ("Most Popular") is left to the end-line rules, which take its box with it.
  if (isLatinEndLine(b.text)) return false;
  for (let box = b.el.parentElement, up = 0; box && up < 4; box = box.parentElement, up++) {
    if (prose.some((p) => box!.contains(p))) return false;
    const text = normaliseText(box.textContent ?? '').length;
    if (text > TEASER_CARD_MAX) return false;
    let linked = 0;
    const targets = new Set<string>();
    for (const a of Array.from(box.querySelectorAll('a[href]'))) {
      const href = (a.getAttribute('href') ?? '').trim();
      if (href.startsWith('#')) continue;
      linked += normaliseText(a.textContent ?? '').length;
      targets.add(href);
    }
    if (linked < 20) continue;
    // One story's card: every link goes to it (a box of several stories is a list, not a card).
    return targets.size === 1 && linked >= text * 0.4 && text - linked <= 120;
  }
  return false;
}
/** Characters a linked story's card holds at most (label, title, date, a line of summary). */
const TEASER_CARD_MAX = 400;

/**
 * A list item that is a card for another page: a heading that is a link away (`<a><h3>…</h3></a>`
 * or `<h3><a>…</a></h3>`) and a few words of summary and date beside it ("More episodes", "You
 * may also like"). Its summary is a teaser of that page: it never votes for the article's
 * container. An item holding more than a short summary beside its linked heading (a listicle's
 * entry with its own paragraphs) still votes.
 */
function inTeaserItem(b: Block, seen: Map<Element, boolean>): boolean {
  const li = b.ancestors.find((a) => a.localName === 'li');
  if (!li) return false;
  let card = seen.get(li);
  if (card === undefined) seen.set(li, (card = teaserItem(li)));
  return card;
}

function teaserItem(li: Element): boolean {
  const heading = li.querySelector('h2, h3, h4, h5, h6');
  if (!heading) return false;
  let link: Element | null = heading.querySelector('a[href]');
  for (let a = heading.parentElement; !link && a && a !== li; a = a.parentElement)
    if (a.localName === 'a' && a.hasAttribute('href')) link = a;
  const href = link?.getAttribute('href')?.trim() ?? '';
  if (!link || href === '' || href.startsWith('#')) return false;
  const all = normaliseText(li.textContent ?? '').length;
  const linked = normaliseText(link.textContent ?? '').length;
  return all - linked <= TEASER_ITEM_REST;
}
/** Characters a card's summary, date and labels hold at most beside its linked heading. */
const TEASER_ITEM_REST = 250;

/**
 * A product card set into the text: a box of a name, a price (`$18`, `£24.99`) and a buy button
 * (`Buy on …`, `Shop now`). Its lines are an advertisement, not the article.
 */
function productCard(b: Block, seen: Map<Element, boolean>): boolean {
  if (b.len > 150 || /[.!?]["”’]?$/.test(b.text)) return false;
  const box = b.el.parentElement;
  if (!box || /^(?:body|article|main|td|li)$/.test(box.localName)) return false;
  let card = seen.get(box);
  if (card === undefined) seen.set(box, (card = productCardBox(box)));
  return card;
}

/** A box of a name, a price and a buy button (productCard's reading of the block's parent). */
function productCardBox(box: Element): boolean {
  let price = false;
  let buy = false;
  let other = 0;
  for (let c = box.firstElementChild; c; c = c.nextElementSibling) {
    const text = normaliseText(c.textContent ?? '');
    if (!text) continue;
    if (PRICE_RE.test(text)) price = true;
    else if ((c.localName === 'a' || c.localName === 'button') && CTA_RE.test(text)) buy = true;
    else if (c.localName === 'p' || text.length > 150 || /[.!?]["”’]?$/.test(text) || ++other > 2) return false;
  }
  return price && buy;
}
const PRICE_RE = /^(?:(?:US|A|C|NZ|HK|S)?[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?|\d[\d,]*(?:\.\d{1,2})?\s?(?:USD|EUR|GBP|€))$/;

/**
 * A sign-up box set into the text: a short line or two in a small box that holds an e-mail form
 * (`Free local news, every Tuesday.` over an address field and `Sign up`), a newsletter pitch
 * whatever its words; so is a reader poll's box (its question and note beside radio choices).
 * The box is small: a container of the article that also holds a form is not one.
 */
function signUpBox(b: Block, seen: Map<Element, SignUpAnswer>): boolean {
  for (const a of b.ancestors.slice(1, 4)) {
    let answer = seen.get(a);
    if (answer === undefined) seen.set(a, (answer = signUpAnswer(a)));
    if (answer === 'no form') continue;
    return answer === 'small box';
  }
  return false;
}
/** What signUpBox learns from one ancestor: go on to the next, or the answer. */
type SignUpAnswer = 'no form' | 'small box' | 'not one';
function signUpAnswer(a: Element): SignUpAnswer {
  if (/^(?:body|article|main)$/.test(a.localName)) return 'not one';
  // An e-mail field, or a reader poll's choices (two radio buttons or more): the box's lines are its question and note.
  // Or a drop-down (a look-up set into the text: `Pick your area` and its result line).
  if (
    a.querySelector('input[type="email"]') === null &&
    a.querySelectorAll('input[type="radio"]').length < 2 &&
    a.querySelector('select') === null
  )
    return 'no form';
  return normaliseText(a.textContent ?? '').length <= SIGN_UP_BOX_MAX ? 'small box' : 'not one';
}
/** Fields that make a small box a form set into the text (a sign-up, a poll). */
const FORM_BOX_INPUTS = 'input[type="email"], input[type="radio"], select';
const SIGN_UP_BOX_MAX = 400;

/**
 * A short line in a box with its button(s): `<div><p>…</p><a>See rates</a></div>`, or a pitch of
 * two short lines over the button (`<div><div>See how …</div><p>…</p><a>Book a demo</a></div>`).
 */
function callToAction(b: Block): boolean {
  const box = b.el.parentElement;
  if (!box || /^(?:body|article|main|td|li)$/.test(box.localName)) return false;
  // A box of a line and a button or two, not a container of paragraphs.
  let n = 0;
  for (let c = box.firstElementChild; c; c = c.nextElementSibling) if (++n > 4) return false;
  let button = false;
  // A pitch may be two short lines (`See how … works` over `Sort it in minutes.`) above its button.
  let pitch = false;
  for (let c = box.firstElementChild; c; c = c.nextElementSibling) {
    if (c === b.el) continue;
    const text = normaliseText(c.textContent ?? '');
    if (!text) continue;
    const link = c.localName === 'a' || (c.localName !== 'p' && c.querySelector('a') !== null && c.children.length === 1);
    if (link && CTA_RE.test(text)) button = true;
    else if (link || pitch || b.len > CTA_LINE_MAX || text.length > CTA_LINE_MAX || c.querySelector('a') !== null) return false;
    else pitch = true;
  }
  return button;
}
/** A call to action's line: a pitch, not a paragraph. */
const CTA_LINE_MAX = 100;
const CTA_RE =
  /^(?:see|get|compare|check|view|find|shop|buy|subscribe|sign up|join|register|learn more|download|try|start|claim|apply|donate|give|book|order)\b.{0,25}$/i;
const VIDEO_LABEL_RE = /^(?:video|watch)\s*[:|·•-]?\s*\d{1,2}:\d{2}(?::\d{2})?$/i;
const VIDEO_CARD_WORDS = new Set(['inlinevideo', 'videocard', 'videopromo', 'videoteaser', 'relatedvideo']);
const KEY_POINTS_WORDS = new Set(['keypoints', 'takeaways', 'keytakeaways']);
const KEY_POINTS_RE = /^key (?:points|takeaways)\s*:?$/i;
/** A cheap first look before a class is split into words. */
const BOX_HINT_RE = /video|points|takeaway/i;
const CHART_CLASS_RE = /(?:^|[-_\s])(?:ai2html|g-artboard|charts?|graphics?|infographic|datawrapper|dataviz)(?:[-_\s]|$)/i;

/** The page's stated summaries (description, og:description, twitter:description), comparable. */
function summaries(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = `${m.getAttribute('name') ?? ''} ${m.getAttribute('property') ?? ''}`.toLowerCase();
    const content = m.getAttribute('content');
    if (content && /(?:^|[\s:])description\b/.test(key)) out.add(comparable(normaliseText(content)));
  }
  return out;
}

/** A paper's keywords line (`Keywords: soil, drought; yield`): terms under a label, no sentence. */
function keywordsLine(b: Block): boolean {
  if (b.len > 300 || !KEYWORDS_LABEL_RE.test(b.text)) return false;
  const terms = b.text.replace(KEYWORDS_LABEL_RE, '').split(/\s*[,;·•|]\s*/);
  return terms.every((t) => t.split(/\s+/).length <= 6);
}
const KEYWORDS_LABEL_RE = /^(?:key\s?words?|index terms|subject terms)\s*[:：—–-]\s*/i;

/**
 * A live blog's entry heading: an h2–h4 whose only chrome region is the `<header>` of an
 * `<article>` that is one of several sibling entries. The header's time and byline stay out.
 */
function entryHeading(b: Block, negative: Set<Element>): boolean {
  if (b.kind !== 'h2' && b.kind !== 'h3' && b.kind !== 'h4') return false;
  return b.ancestors.every((a) => {
    if (!negative.has(a)) return true;
    const entry = a.parentElement;
    if (a.localName !== 'header' || entry?.localName !== 'article') return false;
    let siblings = 0;
    for (let n = entry.parentElement?.firstElementChild ?? null; n; n = n.nextElementSibling) if (n.localName === 'article') siblings++;
    return siblings >= 2;
  });
}

/**
 * An end line ("Most Read", "Related") heading a box of its own inside the article's container,
 * after which the article's own paragraphs go on (prose in the same parent as the prose before
 * the box): the index of the first block past the box, or -1 (the line ends the article).
 */
function resumesAfterBox(body: Block[], i: number): number {
  // (The text may go on in the next of its chunks: a box set between two containers of the body.)
  const line = body[i]!;
  const before = body.slice(0, i).filter((b) => b.len > 0);
  // The line's highest ancestor that holds none of the body before it.
  let box: Element | null = null;
  for (const a of line.ancestors) {
    if (before.some((b) => a.contains(b.el))) break;
    box = a;
  }
  // A bare heading (no box around it) is the start of a tail, as before; a box's own label
  // (`<div><span>More on this topic:</span><ul>…links…</ul></div>`) is the box.
  if (!box || (box === line.el && /^(?:h[1-6]|p|li|dt|dd|td|th)$/.test(box.localName))) return -1;
  let j = i + 1;
  while (j < body.length && box.contains(body[j]!.el)) j++;
  return proseContinues(body, i, j) ? j : -1;
}

/**
 * A heading that reads like the start of a tail (`For more information`) but is one of the text's
 * own run of section heads: two or more headings of its tag in its box before it, and a paragraph
 * of prose after it in that box. A tail's heading under a text without such sections still ends it.
 */
function sectionHeadOfText(body: Block[], i: number): boolean {
  const b = body[i]!;
  if (!/^h[2-6]$/.test(b.el.localName)) return false;
  const box = b.el.parentElement;
  const heads = body.slice(0, i).filter((x) => x.el.localName === b.el.localName && x.el.parentElement === box).length;
  const next = body.slice(i + 1).find((x) => x.len > 0);
  // A sentence, though a contact paragraph's links may make much of it.
  return (
    heads >= 2 &&
    next !== undefined &&
    next.el.parentElement === box &&
    next.len >= 40 &&
    next.linkChars < next.len * 0.5 &&
    /[.!?]["”’]?$/.test(next.text)
  );
}

/**
 * Prose after block i (from block `from` on) sits where the article's prose before it sat: the same parent, or a chunk
 * beside them in the same grandparent (a body written as one div per paragraph or section).
 */
function proseContinues(body: Block[], i: number, from = i + 1): boolean {
  const before = body.slice(0, i).filter(isProse);
  const parents = new Set(before.map((b) => b.el.parentElement));
  const grand = new Set(before.map((b) => b.el.parentElement?.parentElement));
  return body.slice(from).some((b) => isProse(b) && (parents.has(b.el.parentElement) || grand.has(b.el.parentElement?.parentElement)));
}

/** Named by `named` (class/id), or with `tags` inside a quote, aside or figure: the block's element or up to 3 levels up. */
function setOff(b: Block, named: RegExp, tags = false): boolean {
  const isNamed = namedAs(named);
  const near = (a: Element): boolean => isNamed(a) || (tags && /^(?:blockquote|aside|figure)$/.test(a.localName));
  if (near(b.el)) return true;
  for (let i = 0; i < 3 && i < b.ancestors.length; i++) if (near(b.ancestors[i]!)) return true;
  return false;
}
/** `named.test(`${class} ${id}`)` remembered by the two names, one memo per pattern (cost only: asked of every short block's ancestors). */
function namedAs(named: RegExp): (el: Element) => boolean {
  if (named.global || named.sticky) return (el) => named.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
  let test = namedAsSeen.get(named);
  if (!test) namedAsSeen.set(named, (test = byClassAndId((n) => named.test(n))));
  return test;
}
/** namedAs's memos by the pattern object (hoisted patterns: a literal in a loop is a new object each time). */
const namedAsSeen = new WeakMap<RegExp, (el: Element) => boolean>();
/** A block set off as a quote by its own or a near ancestor's class or id. */
const QUOTE_NAME_RE = /quote/i;

function reworded(text: string, paragraph: string): boolean {
  const words = comparable(text)
    .split(' ')
    .filter((w) => w.length >= 3);
  return words.length >= 4 && words.filter((w) => paragraph.includes(` ${w} `)).length >= words.length * 0.8;
}

/** Each sentence of a block occurs whole, in order, in `text` (a pull quote may leave out what lies between them). */
function repeats(sentences: string[], text: string): boolean {
  let from = 0;
  for (const s of sentences) {
    const at = text.indexOf(` ${s} `, from);
    if (at < 0) return false;
    from = at + s.length + 1;
  }
  return true;
}

/**
 * What follows a 责任编辑 line or a related-list heading is not the article: the box the heading
 * opens (div.tuijian > h2 + list) is dropped wherever it sits, and in a flat container the rest
 * is dropped when it is small beside the text before (a related blurb, a copied teaser), unless
 * it holds the notice's attachment list.
 */
function dropAfterEndMarks(body: Block[], marks: Block[]): void {
  for (const mark of marks) {
    const at = body.findIndex((b) => b.index > mark.index);
    if (at <= 0) continue;
    let before = 0;
    for (let i = 0; i < at; i++) before += body[i]!.len;
    if (before < 100) continue;
    const box = mark.el.parentElement;
    if (box && !body[at - 1]!.ancestors.includes(box)) {
      for (let i = body.length - 1; i >= at; i--) if (body[i]!.ancestors.includes(box)) body.splice(i, 1);
      continue;
    }
    const after = body.slice(at);
    if (after.some((b) => /^附件\s*\d*\s*[:：]/.test(b.text) || namesAttachment(b.text))) continue;
    if (after.reduce((n, b) => n + b.len, 0) < before * 0.25) body.length = at;
  }
}

/** A line that is only the word 完, bracketed or dashed: （完） 【完】 -完- ——完——. */
const END_WORD_RE = /^[\s(（【[〔<〈—–\-－]*完[\s)）】\]〕>〉—–\-－]*$/;

/**
 * A press release's end mark, a line of its own that is only 完: no text. What follows it in the
 * body (the release's date and time lines) is not text either, when it is short beside what came
 * before; a long rest (several items of one page, each ending so) loses only the marks.
 */
function dropAtEndWord(body: Block[]): void {
  for (let at = body.length - 1; at > 0; at--) {
    if (body[at]!.len > 8 || !END_WORD_RE.test(body[at]!.text)) continue;
    let before = 0;
    for (let i = 0; i < at; i++) before += body[i]!.len;
    if (before < 100) continue;
    const after = body.slice(at + 1);
    const short = after.reduce((n, b) => n + b.len, 0) < before * 0.25;
    if (short && !after.some((b) => /^附件\s*\d*\s*[:：]/.test(b.text) || namesAttachment(b.text))) body.length = at;
    else body.splice(at, 1);
  }
}

/** A property row's label: a metadata label of a page's own (发布日期, 发布部门, 来源). */
function propertyLabel(label: string): boolean {
  return isMetaLine(`${label}：`) || PROPERTY_DATE_LABEL_RE.test(label) || PROPERTY_ORIGIN_LABEL_RE.test(label);
}

/**
 * A property table opening the text (a wiki page's 页面属性: 文档编号 / 发布部门 / 发布日期 / 状态
 * rows of a label cell and a short value cell) is the page's metadata, not its text. Trusted when
 * two of its labels are metadata labels and every row is a short label beside a short value;
 * only before the text's first line outside it.
 */
function dropLeadingPropertyTable(body: Block[], stats: Map<Element, Stats>): void {
  const first = body.find((b) => b.len > 0);
  const table = first?.ancestors.find((a) => a.localName === 'table');
  if (!first || !table) return;
  let metaLabels = 0;
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const cells = Array.from(tr.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    if (cells.length !== 2) return;
    const label = normaliseText(cells[0]!.textContent ?? '').replace(/\s+|[:：]$/g, '');
    const valueChars = stats.get(cells[1]!)?.chars ?? 0;
    if (!/^[\u4e00-\u9fff]{2,8}$/.test(label) || valueChars > 60) return;
    if (propertyLabel(label)) metaLabels++;
  }
  if (metaLabels < 2) return;
  let end = 0;
  while (end < body.length && body[end]!.ancestors.includes(table)) end++;
  // Something must remain: a page of nothing but the table keeps it.
  if (body.slice(end).some((b) => b.len > 0)) body.splice(0, end);
}

/** A clock time alone (10:45, 09:30:12). */
const CLOCK_ONLY_RE = /^\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$/;

/**
 * A live log's entries each open with their clock time (11:02, 10:55 …) in an element of its own:
 * stamps, not lines a reader copies. Only when the text has two or more; a cell of a schedule
 * table stays.
 */
function dropClockStamps(body: Block[]): void {
  const stamp = (b: Block): boolean => CLOCK_ONLY_RE.test(b.text) && !b.ancestors.some((a) => a.localName === 'td' || a.localName === 'th');
  if (body.filter(stamp).length < 2) return;
  for (let i = body.length - 1; i >= 0; i--) if (stamp(body[i]!)) body.splice(i, 1);
}

/** A label of a paper's front matter in a Chinese journal (摘要：, 中图分类号：, 收稿日期：). */
const FRONT_MATTER_LABEL_RE = new RegExp(
  `^(?:(?:内容)?摘\\s*要|${CN_PAPER_RECORD_LABELS}|${CN_PAPER_RECORD_DATE_LABELS}|(?:网络)?出版日期|DOI|引用本文)\\s*[:：]`,
  'i',
);
const FRONT_MATTER_MIN_LABELS = 3;
const FRONT_MATTER_TEXT_MIN_CHARS = 200;

/**
 * A journal article's front matter above its text (英文题名, authors and their units, a box of
 * 摘要 / 关键词 / 中图分类号 / 文章编号 / 基金项目 / 作者简介 / 收稿日期 rows, the English abstract)
 * describes the paper; the text starts after it. Trusted when three or more distinct labels open
 * lines and the text after the box has prose of its own; everything of the body before the text,
 * in the outermost box that holds the labels but not the text, goes. An abstract page (nothing
 * after the box) keeps its 摘要 (keepOnlyLabelledAbstract). Returns the lines it dropped.
 */
function dropPaperFrontMatter(body: Block[]): Block[] {
  const labels = new Set<string>();
  let last = -1;
  for (let i = 0; i < body.length; i++) {
    const m = FRONT_MATTER_LABEL_RE.exec(body[i]!.text);
    if (!m) continue;
    labels.add(m[0].replace(/\s+/g, ''));
    last = i;
  }
  if (labels.size < FRONT_MATTER_MIN_LABELS) return [];
  // The labels' box: the nearest element holding every labelled line.
  const labelled = body.filter((b) => FRONT_MATTER_LABEL_RE.test(b.text));
  const box = [labelled[0]!.el, ...labelled[0]!.ancestors].find((a) => labelled.every((b) => a.contains(b.el)));
  if (!box) return [];
  // The text is Chinese prose: the English abstract under the box is front matter too.
  const chinese = (b: Block): boolean => (b.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= b.len * 0.3;
  const textStart = body.findIndex((b, i) => i > last && isProse(b) && chinese(b) && !box.contains(b.el));
  if (textStart < 0 || proseChars(body.slice(textStart)) < FRONT_MATTER_TEXT_MIN_CHARS) return [];
  const textEl = body[textStart]!.el;
  let front: Element = box;
  while (front.parentElement && !front.parentElement.contains(textEl)) front = front.parentElement;
  // The opening lines before the box (English title, authors, units) and the box's own lines.
  let end = textStart;
  while (end > 0 && !front.contains(body[end - 1]!.el)) end--;
  return body.splice(0, end);
}

/** 摘要：… (内容摘要, 内容提要): an abstract labelled as such, and the text after its label. */
const ABSTRACT_LABEL_RE = /^(?:内容)?(?:摘\s*要|提\s*要)\s*[:：]\s*/;
const ABSTRACT_MIN_CHARS = 60;

/**
 * A paper's abstract page (its 摘要 among 关键词 / 基金 / DOI rows, its full text elsewhere): when
 * the labelled 摘要 is the only prose the body holds, it is the text, without its label. True
 * when the body became the abstract.
 */
function keepOnlyLabelledAbstract(body: Block[]): boolean {
  const i = body.findIndex((b) => ABSTRACT_LABEL_RE.test(b.text));
  if (i < 0) return false;
  const b = body[i]!;
  const text = b.text.replace(ABSTRACT_LABEL_RE, '');
  if (text.length < ABSTRACT_MIN_CHARS || !/[。！？.!?]/.test(text)) return false;
  if (body.some((x, k) => k !== i && isProse(x))) return false;
  const label = b.text.length - text.length;
  body.length = 0;
  body.push({
    ...b,
    text,
    spaced: b.spaced.replace(ABSTRACT_LABEL_RE, ''),
    raw: b.raw.replace(ABSTRACT_LABEL_RE, ''),
    plain: b.plain.replace(ABSTRACT_LABEL_RE, ''),
    len: b.len - label,
    tidied: escapeHtml(text),
    images: [],
  });
  return true;
}

/**
 * The body's first line set in the same named element, in a box of the same name, as a later line
 * of the body (a guide's 基本信息 over its table, as 设定依据 and 受理条件 over theirs): the first of
 * the text's section heads, not a widget crumb.
 */
function sameFormHeadLater(body: Block[]): boolean {
  const form = (el: Element): string => {
    const parent = el.parentElement;
    return `${el.localName}.${el.getAttribute('class') ?? ''}/${parent?.localName}.${parent?.getAttribute('class') ?? ''}`;
  };
  const first = body[0]!.el;
  if (!(first.getAttribute('class') ?? '').trim()) return false;
  const f = form(first);
  return body.some((x, i) => i > 0 && x.len > 0 && x.el !== first && x.text !== body[0]!.text && form(x.el) === f);
}

/** The site's own names: og:site_name, and the parts of <title> after the first (标题_网易财经). */
function siteNames(meta: MetaInfo): string[] {
  const names: string[] = [];
  if (meta.siteName) names.push(normaliseText(meta.siteName));
  // The last part of <title> is the site; the ones between are columns (标题_党建工作_某某党建网).
  if (meta.docTitle) names.push(...titleParts(titleText(meta.docTitle)).slice(1).reverse().map(normaliseText));
  return names.filter((n) => n.length >= 2 && n.length <= 30);
}
