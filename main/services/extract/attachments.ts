/**
 * Attachments of an article page: links to documents (附件：学习计划.docx, a link ending in
 * .pdf/.doc/.docx/.wps/.ofd/.xls/.xlsx/.zip, or a `DownloadFile?id=…` style link whose text names
 * the file). Links in navigation, footers and sidebars are not the article's; each URL once.
 */
import { resolveContentUrl } from '../../../shared/url';
import { NEGATIVE_CLASS_RE } from './patterns';

export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'wps', 'ofd', 'xls', 'xlsx', 'zip'] as const;
export type AttachmentExt = (typeof ATTACHMENT_EXTENSIONS)[number];

export interface Attachment {
  url: string;
  name: string;
  ext: AttachmentExt;
}

const EXT_RE = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');
/** An extension at a word's end: the cheap first step of finding a file name in text. */
const EXT_IN_TEXT_RE = new RegExp(`\\.(${[...ATTACHMENT_EXTENSIONS].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`, 'i');
/** An extension ending a raw href's path (before ?query or #fragment). */
const HREF_EXT_RE = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})(?:[?#]|$)`, 'i');
/** Characters that end a file name on its left: a path or label separator. */
const NAME_STOP_RE = /[/\\|:：]/;
/** Download handlers of CMS sites: DownloadFile.aspx?id=, download.jsp?fileid=, attachment.do?… */
const DOWNLOAD_RE = /download|attach|fujian|getfile|filedown|showfile|\bfile\.(?:aspx?|jsp|php|do)\b/i;

/**
 * A file name inside link text: 学习计划.docx, 《通知》.pdf (the name may carry spaces), from the
 * first extension back to the nearest separator. A scan, not one regular expression: a pattern
 * with two open-ended runs before the extension backtracks cubically on long lines.
 */
export function fileNameIn(text: string): { name: string; ext: string } | null {
  const m = EXT_IN_TEXT_RE.exec(text);
  if (!m) return null;
  let start = m.index;
  while (start > 0 && !NAME_STOP_RE.test(text[start - 1]!)) start--;
  return { name: text.slice(start, m.index + m[0].length), ext: m[1]! };
}

/** Whether a line names a document file (学习计划.docx). */
export function namesAttachment(text: string): boolean {
  return EXT_IN_TEXT_RE.test(text);
}

const NAV_TAGS = new Set(['nav', 'header', 'footer', 'aside']);

interface El {
  localName: string;
  parentElement: El | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

function inChrome(a: El): boolean {
  for (let e: El | null = a.parentElement; e; e = e.parentElement) {
    if (NAV_TAGS.has(e.localName)) return true;
    const cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (cls.trim() && NEGATIVE_CLASS_RE.test(cls)) return true;
  }
  return false;
}

/** The one resolver's rule (shared/url.ts); a link within the page is no attachment. */
function resolve(href: string, base: string | undefined): string | null {
  if (href.trim().startsWith('#')) return null;
  return resolveContentUrl(href, base);
}

function lastSegment(url: string): string {
  try {
    const u = new URL(url, 'http://x/');
    return decodeURIComponent(u.pathname.split('/').pop() ?? '');
  } catch {
    return url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  }
}

/** Attachments among the page's links, in page order. */
export function findAttachments(doc: { querySelectorAll(selector: string): ArrayLike<unknown> }, base: string | undefined): Attachment[] {
  const out: Attachment[] = [];
  const seen = new Set<string>();
  // Most links name no document: decide that from the raw href before resolving it or reading
  // its text (a portal page has thousands of links). The base only matters to DOWNLOAD_RE.
  const baseDownloads = base !== undefined && DOWNLOAD_RE.test(base);
  for (const node of Array.from(doc.querySelectorAll('a[href]'))) {
    const a = node as El;
    const href = a.getAttribute('href') ?? '';
    if (!baseDownloads && !href.includes('%') && !HREF_EXT_RE.test(href) && !DOWNLOAD_RE.test(href)) continue;
    const url = resolve(href, base);
    if (!url || seen.has(url)) continue;
    const text = (a.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    const file = lastSegment(url);
    const fromUrl = EXT_RE.exec(file);
    const fromText = fileNameIn(text);
    let ext: string | undefined;
    let name = '';
    if (fromUrl) {
      ext = fromUrl[1];
      name = fromText ? fromText.name.trim() : text && text.length <= 200 ? text : file;
    } else if (fromText && DOWNLOAD_RE.test(url)) {
      ext = fromText.ext;
      name = fromText.name.trim();
    }
    if (!ext || inChrome(a)) continue;
    seen.add(url);
    out.push({ url, name: name.replace(/^附件\s*\d*\s*[:：.、]?\s*/, '').slice(0, 255) || file, ext: ext.toLowerCase() as AttachmentExt });
    if (out.length >= 50) break;
  }
  return out;
}
