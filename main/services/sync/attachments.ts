/**
 * Attachments of a synced article: each readable one (.pdf, .doc, .docx, .wps, .ofd) is fetched
 * under the source's network policy, politely, with a conditional request when the library
 * already has it and a size cap (50 MB by default), then imported as its own document article
 * linked to the page (`document.attachmentOf`). An attachment that fails is logged with its URL
 * and a Chinese reason; it never fails the article that links to it. One that failed is asked
 * again on the next sync, then after 1, 2, 4… days; one over the size cap is not asked again; one
 * a stopped sync did not read is simply asked on the next sync (runner.ts queueKnownAttachments).
 */
import os from 'node:os';
import path from 'node:path';
import type { Attachment } from '../extract/attachments';
import { documentInfo, importFileBytes } from '../files/local-files';
import type { DocumentInfo } from '../../../shared/domain/article';
import type { AttachmentFetch } from '../../../shared/domain/sync';
import { canonicalUrl } from './canonical';
import type { ImageStore } from './images';

export const READABLE_ATTACHMENTS = new Set(['pdf', 'doc', 'docx', 'wps', 'ofd']);
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
/** The sync log's code for an attachment over the size cap (shared/domain/article.ts reads it). */
export const ATTACHMENT_TOO_LARGE = 'E_TOO_LARGE';

/** What the runner lends: its policy check, client, known validators, and where results go. */
export interface AttachmentHost {
  permitted(url: string): boolean;
  fetch(
    url: string,
    known: { etag: string | null; lastModified: string | null } | undefined,
  ): Promise<{ notModified: boolean; bytes: Uint8Array; etag: string | null; lastModified: string | null; finalUrl: string }>;
  knownOf(
    key: string,
  ): { etag: string | null; lastModified: string | null; contentHash: string | null; attachment?: AttachmentFetch } | undefined;
  requested(key: string): void;
  unchanged(key: string, validators: { etag: string | null; lastModified: string | null }, contentHash: string | null): void;
  accept(key: string, article: AttachmentArticle, validators: { etag: string | null; lastModified: string | null }): void;
  warn(url: string, code: string, message: string): void;
  /**
   * Remembers a download or import that failed (asked again on the next sync, then after 1, 2,
   * 4… days) or one over the size cap (not asked again); returns when, for the log line.
   */
  failed(key: string, tooLarge: boolean): string;
  /** True while an attachment that failed before waits out its backoff. */
  waiting(state: AttachmentFetch): boolean;
  images: ImageStore;
  dataDir: string;
  cancelled(): boolean;
}

export interface AttachmentArticle {
  url: string;
  title: string;
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  html: string;
  text: string;
  document: DocumentInfo;
}

/** Fetches and imports the readable attachments of one article, one after another. */
export async function syncAttachments(
  host: AttachmentHost,
  parentKey: string,
  parentPublishedAt: string | null,
  list: Attachment[],
): Promise<void> {
  for (const att of list) {
    if (!READABLE_ATTACHMENTS.has(att.ext)) continue;
    // Stopped before this one was read: it is logged, never dropped unsaid.
    if (host.cancelled()) {
      host.warn(att.url, 'E_CANCELLED', `同步已停止，附件未下载，文章已保留：${att.url}`);
      continue;
    }
    const key = canonicalUrl(att.url) ?? att.url;
    if (!host.permitted(att.url)) continue;
    host.requested(key);
    const known = host.knownOf(key);
    // Over the size cap before, or failed and not due yet: not asked (the log said so then).
    if (known?.attachment && (known.attachment.tooLarge || host.waiting(known.attachment))) continue;
    try {
      const res = await host.fetch(att.url, known);
      if (res.notModified) {
        host.unchanged(key, res, known?.contentHash ?? null);
        continue;
      }
      const name = /\.[a-z0-9]{2,5}$/i.test(att.name) ? att.name : `${att.name}.${att.ext}`;
      // Read from memory: the downloaded bytes go to the documents thread as they are (no
      // temporary file written and read back). The path only names the format.
      const file = path.join(os.tmpdir(), `attachment.${att.ext}`);
      const r = await importFileBytes(res.bytes, file, { images: host.images, dataDir: host.dataDir, label: name });
      if (!r.document) {
        host.failed(key, false);
        continue;
      }
      host.accept(
        key,
        {
          url: res.finalUrl,
          title: r.title,
          // A 公文 states its own date; otherwise the notice's date is the attachment's.
          publishedAt: r.publishedAt ?? parentPublishedAt,
          origin: r.origin,
          author: r.author,
          editor: r.editor,
          html: r.html,
          text: r.text,
          document: { ...documentInfo(r.document, name), attachmentOf: parentKey },
        },
        { etag: res.etag, lastModified: res.lastModified },
      );
    } catch (error) {
      if (host.cancelled()) {
        host.warn(att.url, 'E_CANCELLED', `同步已停止，附件未下载，文章已保留：${att.url}`);
        continue;
      }
      // Over the size cap gets its own code: the reader's 附件 list says 超过大小上限 from it.
      const tooLarge = (error as { reason?: unknown }).reason === 'too-large';
      const code = tooLarge ? ATTACHMENT_TOO_LARGE : (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      const when = host.failed(key, tooLarge);
      host.warn(
        att.url,
        typeof code === 'string' ? code : 'E_RESOURCE',
        `附件未能导入（${message.slice(0, 300)}），文章已保留，${when}：${att.url}`,
      );
    }
  }
}
