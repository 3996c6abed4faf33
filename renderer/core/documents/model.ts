/**
 * Pure rules for documents and attachments (no database, no bridge): which page a text offset
 * lies on, where an original is served, and what became of each attachment a page links to.
 */
import type { AttachmentLink, DocumentInfo, PageMarker } from '../../../shared/domain/article';

/** Formats the attachment sync reads (main/services/sync/attachments.ts READABLE_ATTACHMENTS). */
export const READABLE_ATTACHMENT_EXTS: ReadonlySet<string> = new Set(['pdf', 'doc', 'docx', 'wps', 'ofd']);
/** The sync log's code for an attachment over the size cap (main/services/sync/attachments.ts). */
export const ATTACHMENT_TOO_LARGE = 'E_TOO_LARGE';
/** The sync log's code for an attachment not read because the sync was stopped. */
export const ATTACHMENT_CANCELLED = 'E_CANCELLED';

/** The page (1-based) the text offset lies on, or null for an unpaged document. */
export function pageAt(pages: readonly PageMarker[] | null | undefined, offset: number): number | null {
  if (!pages || pages.length === 0) return null;
  let page = pages[0]!.page;
  for (const p of pages) {
    if (p.offset > offset) break;
    page = p.page;
  }
  return page;
}

/**
 * Where the original is served: `/documents/<sha256>.<ext>` on our own origin (the browser
 * host's route, and app://yandu/documents/… in Electron). Null when the document has none.
 */
export function originalUrl(doc: Pick<DocumentInfo, 'file'>): string | null {
  if (!doc.file || !/^documents\/[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)$/.test(doc.file)) return null;
  return `/${doc.file}`;
}

/** The same, as a download under the user's own file name. */
export function downloadUrl(doc: Pick<DocumentInfo, 'file' | 'name'>): string | null {
  const url = originalUrl(doc);
  return url ? `${url}?download=${encodeURIComponent(doc.name)}` : null;
}

/** What became of one attachment link. */
export type AttachmentState =
  | { kind: 'article'; id: string; title: string }
  | { kind: 'unsupported' }
  | { kind: 'tooLarge' }
  | { kind: 'refused'; message: string }
  /** The sync was stopped before it was read: the next sync fetches it. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string | null };

export interface AttachmentEntry {
  link: AttachmentLink;
  state: AttachmentState;
}

export interface AttachmentArticle {
  id: string;
  title: string;
  url: string | null;
  urlKey: string;
  document?: Pick<DocumentInfo, 'name' | 'attachmentOf'>;
}

export interface AttachmentLogLine {
  url: string | null;
  code: string | null;
  message: string;
}

/** The name sync gives an attachment's document (its link text, with the extension when it has none). */
function importedName(link: AttachmentLink): string {
  return /\.[a-z0-9]{2,5}$/i.test(link.name) ? link.name : `${link.name}.${link.ext}`;
}

/** Drops what canonicalisation changes in practice (fragment, default ports, trailing "?"), for matching only. */
function looseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\?$/, '');
  } catch {
    return url;
  }
}

/**
 * Each link of a page with what became of it: its article (matched by address, else by name),
 * or why there is none: 格式不支持, 超过大小上限, refused by the network policy, not read because
 * the sync was stopped, or 下载失败
 * (the latest sync log line for its address, newest first in `log`).
 */
export function attachmentStates(
  links: readonly AttachmentLink[],
  children: readonly AttachmentArticle[],
  log: readonly AttachmentLogLine[],
): AttachmentEntry[] {
  const used = new Set<string>();
  return links.map((link) => {
    if (!READABLE_ATTACHMENT_EXTS.has(link.ext)) return { link, state: { kind: 'unsupported' } };
    const want = looseUrl(link.url);
    const child =
      children.find((c) => !used.has(c.id) && (looseUrl(c.urlKey) === want || (c.url !== null && looseUrl(c.url) === want))) ??
      children.find((c) => !used.has(c.id) && c.document?.name === importedName(link));
    if (child) {
      used.add(child.id);
      return { link, state: { kind: 'article', id: child.id, title: child.title } };
    }
    const line = log.find((l) => l.url !== null && looseUrl(l.url) === want);
    if (line?.code === ATTACHMENT_TOO_LARGE) return { link, state: { kind: 'tooLarge' } };
    if (line?.code === 'E_FORBIDDEN') return { link, state: { kind: 'refused', message: line.message } };
    if (line?.code === ATTACHMENT_CANCELLED) return { link, state: { kind: 'cancelled' } };
    return { link, state: { kind: 'failed', message: line?.message ?? null } };
  });
}
