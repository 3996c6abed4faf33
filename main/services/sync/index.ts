/**
 * What the hosts wire in (see main/services/sync-wiring.ts): the runner behind `sync.start`
 * and the 试抓取 preview behind `sources.preview`.
 */
import path from 'node:path';
import type { SourceKind, SourcePreview, SyncRequest } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors';
import { decodeBytes } from '../extract/decode';
import { extractArticle } from '../extract/extract';
import { scanFolder } from '../files/local-files';
import { requestUrl } from './canonical';
import { decodeFeed, looksLikeFeed, parseFeed } from './feeds';
import { HttpClient, type HttpClientOptions } from './http-client';
import { ImageStore } from './images';
import { findArticleLinks } from './list-page';
import { NetPolicy } from './net-policy';
import { RobotsCache } from './robots-cache';
import { runSourceSync } from './runner';

export { runSourceSync } from './runner';
export { HttpClient, FetchError, userAgentFor } from './http-client';
export { ImageStore } from './images';
export { findArticleLinks } from './list-page';
export { canonicalUrl } from './canonical';
export { NetPolicy } from './net-policy';
export { RobotsCache } from './robots-cache';

export interface SyncWiringOptions {
  dataDir: string;
  version: string;
  /** The host's fetch (Electron: a dedicated session); the policy sits above it. */
  fetch?: typeof fetch;
  /** Ports of the app's own servers on this machine, never fetched (the browser host's). */
  ownPorts?: () => readonly number[];
  /** Test hook: client options for every run (timeouts, backoff). */
  client?: Partial<Pick<HttpClientOptions, 'timeoutMs' | 'deadlineMs' | 'backoffMs' | 'retries' | 'lookup'>>;
}

/** A source's policy: its own origin, the hosts the user added to it, never the "never" list. */
export function policyForSource(
  source: Pick<SyncRequest['source'], 'location' | 'allowedHosts'>,
  ownPorts?: () => readonly number[],
): NetPolicy {
  const policy = new NetPolicy({ allow: source.allowedHosts ?? [], ownPorts });
  // Its own site, also after an http → https upgrade or under its www. alias.
  policy.allowSite(source.location);
  return policy;
}

export interface RunnerIO {
  signal: AbortSignal;
  emitProgress: Parameters<typeof runSourceSync>[1]['emitProgress'];
  emitLog: Parameters<typeof runSourceSync>[1]['emitLog'];
  sendBatch: Parameters<typeof runSourceSync>[1]['sendBatch'];
}

export function createSyncRunner(options: SyncWiringOptions): {
  runner: (request: SyncRequest, io: RunnerIO) => Promise<void>;
  preview: (location: string, kind: SourceKind | undefined) => Promise<SourcePreview>;
} {
  // robots.txt answers outlive a run (24 h at most); delays and host slots do not.
  const robotsCache = new RobotsCache();
  const clientFor = (policy: NetPolicy, delayMs: number) =>
    new HttpClient({ ...options.client, version: options.version, fetchImpl: options.fetch, robotsCache, policy, delayMs });
  return {
    runner: async (request, io) => {
      const client = clientFor(policyForSource(request.source, options.ownPorts), request.delayMs);
      const images = new ImageStore({ dataDir: options.dataDir, client });
      await runSourceSync(request, { client, images, dataDir: options.dataDir, ...io });
    },
    preview: (location, kind) => {
      const policy = /^https?:/i.test(location) ? policyForSource({ location }, options.ownPorts) : NetPolicy.open(options.ownPorts);
      return previewSource(clientFor(policy, 500), location, kind);
    },
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
  const url = requestUrl(location);
  if (!url) throw new AppError('E_INVALID_ARGUMENT', `网址无效：${location}`);
  const res = await client.get(url, { signal: AbortSignal.timeout(60_000) });
  const asFeed = decodeFeed(res.bytes, res.contentType);
  if (kind === 'feed' || looksLikeFeed(asFeed)) {
    const feed = parseFeed(asFeed, res.finalUrl);
    const first = feed.items[0];
    return {
      ...(first ? { firstArticle: await previewArticle(client, first.href) } : {}),
      kind: 'feed',
      title: feed.title?.slice(0, 500) ?? null,
      items: feed.items
        .slice(0, 200)
        .map((i) => ({ url: i.url.slice(0, 2048), title: i.title.slice(0, 500), publishedAt: i.publishedAt, pinned: false })),
      pageCount: null,
    };
  }
  const list = findArticleLinks(decodeBytes(res.bytes, res.contentType).text, res.finalUrl);
  const first = list.items.find((i) => !i.pinned) ?? list.items[0];
  return {
    ...(first ? { firstArticle: await previewArticle(client, first.href) } : {}),
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

type PreviewArticle = NonNullable<SourcePreview['firstArticle']>;

/**
 * The first article of a 试抓取 as the sync would extract it: title, date, 来源, length and the
 * extractor's confidence, so a user sees a template we read badly before saving the source.
 * A failure is reported in the result (the list itself was read), not thrown.
 */
async function previewArticle(client: HttpClient, url: string): Promise<PreviewArticle> {
  const empty = { url: url.slice(0, 2048), title: '', publishedAt: null, origin: null, chars: 0, confidence: 0 };
  try {
    const res = await client.get(url, { signal: AbortSignal.timeout(60_000) });
    const a = extractArticle(decodeBytes(res.bytes, res.contentType).text, res.finalUrl);
    return {
      ...empty,
      title: a.title.slice(0, 500),
      publishedAt: a.publishedAt,
      origin: a.origin?.slice(0, 200) ?? null,
      chars: a.text.replace(/\s/g, '').length,
      confidence: Math.max(0, Math.min(1, a.confidence)),
      error: null,
    };
  } catch (e) {
    const message = e instanceof AppError ? e.message : '无法读取这篇文章。';
    return { ...empty, error: message.slice(0, 500) };
  }
}
