/**
 * Documents and attachments (查看原件, 附件): the originals kept in the data folder, the
 * attachment articles a synced page links to, and the page they came from. Views ask here.
 */
import type { DocumentInfo } from '../../shared/domain/article';
import { api } from '../bridge';
import { db } from '../db';
import type { ArticleRow } from '../db/schema';
import { attachmentStates, downloadUrl, originalUrl, type AttachmentEntry } from './documents/model';

export { originalUrl, pageAt, type AttachmentEntry, type AttachmentState } from './documents/model';

/** How many of a source's newest sync log lines are read for an attachment's failure. */
const LOG_LINES = 2000;

/** The articles that are attachments of `parent` (document.attachmentOf is its urlKey). */
async function childrenOf(parent: ArticleRow): Promise<ArticleRow[]> {
  // Attachments arrive with their page's source; the field is not indexed, so filter that source.
  return db.articles
    .where('sourceId')
    .equals(parent.sourceId)
    .filter((a) => a.document?.attachmentOf === parent.urlKey)
    .toArray();
}

export const documents = {
  /** The 附件 list of a synced page, each with its article or the reason there is none. */
  async attachmentsOf(row: ArticleRow): Promise<AttachmentEntry[]> {
    const links = row.attachments ?? [];
    if (links.length === 0) return [];
    const [children, log] = await Promise.all([
      childrenOf(row),
      db.syncLog.where('sourceId').equals(row.sourceId).reverse().limit(LOG_LINES).toArray(),
    ]);
    return attachmentStates(links, children, log);
  },

  /** The page an attachment article came from (「附件，来自《…》」), if the library has it. */
  async parentOf(row: ArticleRow): Promise<ArticleRow | null> {
    const key = row.document?.attachmentOf;
    if (!key) return null;
    return (await db.articles.where('urlKey').equals(key).first()) ?? null;
  },

  /** For search hits: which of these articles are attachments, with their page's title. */
  async attachmentParents(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await db.articles.bulkGet([...new Set(ids)]);
    const keys = new Map<string, string>();
    for (const r of rows) if (r?.document?.attachmentOf) keys.set(r.id, r.document.attachmentOf);
    if (keys.size === 0) return new Map();
    const parents = await db.articles
      .where('urlKey')
      .anyOf([...new Set(keys.values())])
      .toArray();
    const titles = new Map(parents.map((p) => [p.urlKey, p.title]));
    return new Map([...keys].map(([id, key]) => [id, titles.get(key) ?? '']));
  },

  /**
   * 查看原件 for a format the app does not render: the system's program (desktop), else a
   * download under the file's own name (browser host). Says which it did.
   */
  async openOriginal(doc: DocumentInfo): Promise<'opened' | 'downloaded' | 'none'> {
    const href = downloadUrl(doc);
    if (!href || !doc.file) return 'none';
    const { opened } = await api.documents.open({ file: doc.file, name: doc.name });
    if (opened) return 'opened';
    const a = window.document.createElement('a');
    a.href = href;
    a.download = doc.name;
    a.rel = 'noopener';
    a.click();
    return 'downloaded';
  },

  /** The original's bytes (for the PDF viewer), or why not: none kept, gone from the data folder, or unreadable. */
  async originalBytes(doc: DocumentInfo): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; why: 'none' | 'missing' | 'failed' }> {
    const href = originalUrl(doc);
    if (!href) return { ok: false, why: 'none' };
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) return { ok: false, why: res.status === 404 ? 'missing' : 'failed' };
      return { ok: true, bytes: new Uint8Array(await res.arrayBuffer()) };
    } catch {
      return { ok: false, why: 'failed' };
    }
  },
};
