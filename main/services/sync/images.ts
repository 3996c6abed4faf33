/**
 * Images stored by content hash in `<dataDir>/media/<sha256>.<ext>`, so articles read offline
 * with their pictures. Remote images are fetched through the polite client with the page as
 * Referer, capped in size, and accepted only when their bytes are an image (magic bytes; SVG is
 * refused: it can carry script). Article HTML then points at `media/<name>` (relative; both
 * hosts serve /media/ from that folder). An image that fails keeps the article: its src is
 * dropped and the failure reported.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { renameWithRetry } from '../fs-retry';
import path from 'node:path';
import { FetchError, type HttpClient } from './http-client';
import { imageSources, mapImages, type HElement } from './article-html';

export const MEDIA_DIR = 'media';

/** The image type of some bytes by their magic numbers, or null. */
export function sniffImage(bytes: Uint8Array): { ext: string; mime: string } | null {
  const b = bytes;
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  ) {
    return { ext: 'png', mime: 'image/png' };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg' };
  if (
    b.length >= 6 &&
    b[0] === 0x47 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x38 &&
    (b[4] === 0x37 || b[4] === 0x39) &&
    b[5] === 0x61
  ) {
    return { ext: 'gif', mime: 'image/gif' };
  }
  if (
    b.length >= 12 &&
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  ) {
    return { ext: 'webp', mime: 'image/webp' };
  }
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d && b.length > 26) return { ext: 'bmp', mime: 'image/bmp' };
  return null;
}

export interface ImageStoreOptions {
  dataDir: string;
  client?: HttpClient;
  /** Per image, bytes (default 5 MiB). */
  maxBytes?: number;
}

export interface ImageFailure {
  url: string;
  code: string;
  message: string;
}

export class ImageStore {
  readonly dir: string;
  private readonly client: HttpClient | undefined;
  private readonly maxBytes: number;
  /** Remote URL → stored name (or the failure), for this store's lifetime. */
  private readonly byUrl = new Map<string, Promise<string>>();
  private readonly written = new Set<string>();
  stored = 0;

  constructor(options: ImageStoreOptions) {
    this.dir = path.join(options.dataDir, MEDIA_DIR);
    this.client = options.client;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  }

  /** Stores image bytes; returns `media/<hash>.<ext>`, or null when the bytes are not an image. */
  async storeBytes(bytes: Uint8Array): Promise<string | null> {
    const kind = sniffImage(bytes);
    if (!kind || bytes.length > this.maxBytes) return null;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const name = `${hash}.${kind.ext}`;
    const file = path.join(this.dir, name);
    if (!this.written.has(name)) {
      const exists = await stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (!exists) {
        await mkdir(this.dir, { recursive: true });
        const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(tmp, bytes);
        await renameWithRetry(tmp, file);
      }
      this.written.add(name);
      this.stored++;
    }
    return `${MEDIA_DIR}/${name}`;
  }

  /** Fetches a remote image (with the page as Referer) and stores it; throws FetchError. */
  fetchAndStore(url: string, referer: string | undefined, signal?: AbortSignal): Promise<string> {
    let p = this.byUrl.get(url);
    if (!p) {
      p = this.fetchOnce(url, referer, signal);
      this.byUrl.set(url, p);
      p.catch(() => this.byUrl.delete(url));
    }
    return p;
  }

  private async fetchOnce(url: string, referer: string | undefined, signal?: AbortSignal): Promise<string> {
    if (!this.client) throw new FetchError('E_RESOURCE', 'network', url, `无法下载图片（没有网络客户端）：${url}`);
    const res = await this.client.get(url, {
      signal,
      referer,
      accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8',
      maxBytes: this.maxBytes,
    });
    const type = (res.contentType ?? '').toLowerCase();
    if (type && !type.startsWith('image/') && !type.startsWith('application/octet-stream') && !type.startsWith('binary/')) {
      throw new FetchError('E_RESOURCE', 'not-image', url, `不是图片（${type.split(';')[0]}）：${url}`);
    }
    if (type.startsWith('image/svg')) throw new FetchError('E_RESOURCE', 'not-image', url, `不接受 SVG 图片：${url}`);
    const name = await this.storeBytes(res.bytes);
    if (!name) throw new FetchError('E_RESOURCE', 'not-image', url, `图片内容无法识别：${url}`);
    return name;
  }

  /**
   * Fetches and stores every remote image of the blocks and points them at the local copies.
   * Failed images lose their src; each failure is returned.
   */
  async localise(blocks: HElement[], pageUrl: string | undefined, signal?: AbortSignal): Promise<ImageFailure[]> {
    const sources = [...new Set(imageSources(blocks))];
    const local = new Map<string, string | null>();
    const failures: ImageFailure[] = [];
    await Promise.all(
      sources.map(async (src) => {
        if (src.startsWith(`${MEDIA_DIR}/`)) {
          local.set(src, src);
          return;
        }
        if (!/^https?:/i.test(src)) {
          local.set(src, null);
          return;
        }
        // Nothing leaves for a host the user did not configure: an image on another site
        // (a tracking pixel, a CDN, an attacker's server) is dropped, never fetched, unless the
        // user added that site to the source (its policy); the client checks every hop again.
        const refused = this.client?.policy.check(src) ?? null;
        const offSite = !refused && (this.client?.policy.isOpen ?? true) && pageUrl !== undefined && !sameHost(src, pageUrl);
        if (refused || offSite) {
          local.set(src, null);
          failures.push({ url: src, code: 'E_FORBIDDEN', message: `${refused?.reason ?? '不在本来源网站上，未下载'}：${src}` });
          return;
        }
        try {
          local.set(src, await this.fetchAndStore(src, pageUrl, signal));
        } catch (error) {
          if (signal?.aborted) throw error;
          local.set(src, null);
          const code = error instanceof FetchError ? error.code : 'E_RESOURCE';
          const message = error instanceof Error ? error.message : `图片下载失败：${src}`;
          failures.push({ url: src, code, message: message.includes(src) ? message : `${message}：${src}` });
        }
      }),
    );
    mapImages(blocks, (src) => local.get(src) ?? null);
    return failures;
  }
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host.toLowerCase() === new URL(b).host.toLowerCase();
  } catch {
    return false;
  }
}
