/**
 * What the hosts wire in (see main/services/sync-wiring.ts): the runner behind `sync.start`
 * and the 试抓取 preview behind `sources.preview`.
 */
import path from 'node:path';
import type { SourceKind, SourcePreview, SyncRequest } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors';
import { decodeBytes } from '../extract/decode';
import { scanFolder } from '../files/local-files';
import { canonicalUrl } from './canonical';
import { decodeFeed, looksLikeFeed, parseFeed } from './feeds';
import { HttpClient } from './http-client';
import { ImageStore } from './images';
import { findArticleLinks } from './list-page';
import { runSourceSync } from './runner';

export { runSourceSync } from './runner';
export { HttpClient, FetchError, userAgentFor } from './http-client';
export { ImageStore } from './images';
export { findArticleLinks } from './list-page';
export { canonicalUrl } from './canonical';

export interface RunnerIO {
  signal: AbortSignal;
  emitProgress: Parameters<typeof runSourceSync>[1]['emitProgress'];
  emitLog: Parameters<typeof runSourceSync>[1]['emitLog'];
  sendBatch: Parameters<typeof runSourceSync>[1]['sendBatch'];
}

export function createSyncRunner(options: { dataDir: string; version: string; fetch?: typeof fetch }): {
  runner: (request: SyncRequest, io: RunnerIO) => Promise<void>;
  preview: (location: string, kind: SourceKind | undefined) => Promise<SourcePreview>;
} {
  const client = new HttpClient({ version: options.version, fetchImpl: options.fetch });
  return {
    runner: async (request, io) => {
      const images = new ImageStore({ dataDir: options.dataDir, client });
      await runSourceSync(request, { client, images, dataDir: options.dataDir, ...io });
    },
    preview: (location, kind) => previewSource(client, location, kind),
  };
}

/** "试抓取": what the first list page, feed or folder yields. */
export async function previewSource(client: HttpClient, location: string, kind: SourceKind | undefined): Promise<SourcePreview> {
  if (kind === 'folder' || (kind === undefined && path.isAbsolute(location) && !/^https?:/i.test(location))) {
    const files = await scanFolder(location);
    return {
      kind: 'folder',
      title: path.basename(location) || location,
      items: files
        .slice(0, 200)
        .map((f) => ({ url: f.urlKey.slice(0, 2048), title: f.name.slice(0, 500), publishedAt: null, pinned: false })),
      pageCount: null,
    };
  }
  const url = canonicalUrl(location);
  if (!url) throw new AppError('E_INVALID_ARGUMENT', `网址无效：${location}`);
  const res = await client.get(url, { signal: AbortSignal.timeout(60_000) });
  const asFeed = decodeFeed(res.bytes, res.contentType);
  if (kind === 'feed' || looksLikeFeed(asFeed)) {
    const feed = parseFeed(asFeed, res.finalUrl);
    return {
      kind: 'feed',
      title: feed.title?.slice(0, 500) ?? null,
      items: feed.items
        .slice(0, 200)
        .map((i) => ({ url: i.url.slice(0, 2048), title: i.title.slice(0, 500), publishedAt: i.publishedAt, pinned: false })),
      pageCount: null,
    };
  }
  const list = findArticleLinks(decodeBytes(res.bytes, res.contentType).text, res.finalUrl);
  return {
    kind: 'cms',
    title: list.title?.slice(0, 500) ?? null,
    items: list.items.slice(0, 200).map((i) => ({
      url: i.url.slice(0, 2048),
      title: i.title.slice(0, 500) || i.url.slice(0, 500),
      publishedAt: i.publishedAt,
      pinned: i.pinned,
    })),
    pageCount: list.pageCount,
  };
}
