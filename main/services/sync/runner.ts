/**
 * One source's sync: list → fetch → extract → images → payloads, streamed to the renderer in
 * batches of at most 20 articles, each awaited (the renderer writes it in one transaction and
 * acknowledges). Failures are logged per URL (code + Chinese message) and the run goes on.
 *
 *  - cms:    list pages (incremental: stop at a page whose non-pinned items are all known, or at
 *            maxPages, and re-ask known articles listed in the last RECHECK_DAYS conditionally;
 *            a full re-scan walks every page and re-asks every known article conditionally),
 *            then each article; articles split over several pages are joined.
 *  - feed:   items; the page is fetched when the feed only carries a summary.
 *  - folder: local .docx/.html/.txt files, re-read only when size or mtime changed.
 *
 * Dedupe: by canonical URL key, then by the hash of the article text (within the run and
 * against what the library holds). Unchanged articles (304, same hash) are counted, not sent;
 * their validators travel in `pages`. Cancel stops promptly; only whole batches are ever sent.
 */
import * as v from 'valibot';
import { ArticlePayloadSchema, type ArticlePayload } from '../../../shared/domain/article';
import type { FetchedPage, KnownPage, SyncBatch, SyncCounts, SyncLogEntry, SyncProgress, SyncRequest } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors';
import { decodeBytes } from '../extract/decode';
import { extractArticle, LOW_CONFIDENCE } from '../extract/extract';
import { documentInfo, importFile, scanFolderReport } from '../files/local-files';
import { sha256Hex } from '../sample-library';
import { dropTitleBlock, renderBlocks, sanitiseHtml, type HElement } from './article-html';
import { ATTACHMENT_MAX_BYTES, READABLE_ATTACHMENTS, syncAttachments } from './attachments';
import { canonicalUrl, fileUrlKey, requestUrl } from './canonical';
import { decodeFeed, isHtmlDocument, looksLikeFeed, parseFeed, type Feed, type FeedItem } from './feeds';
import { FetchError, type FetchResult, type HttpClient } from './http-client';
import { sniffImage, type ImageStore } from './images';
import { findArticleLinks } from './list-page';

export interface RunnerDeps {
  client: HttpClient;
  images: ImageStore;
  dataDir: string;
  signal: AbortSignal;
  emitProgress(progress: SyncProgress): void;
  emitLog(entry: SyncLogEntry): void;
  /** Resolves when the renderer acknowledged the batch. */
  sendBatch(batch: SyncBatch): Promise<void>;
  /** Articles per batch (default 20, at most 100). */
  batchSize?: number;
  /** Articles fetched at a time (the client still limits each host; default 4). */
  workers?: number;
  /** Largest attachment fetched, bytes (default 50 MB). */
  attachmentMaxBytes?: number;
  /** "Today", for list dates without a year. */
  now?: () => Date;
}

export interface SyncSummary {
  counts: SyncCounts;
  batches: number;
  cancelled: boolean;
  /** Known articles not requested at all (incremental). */
  skipped: number;
}

interface ItemMeta {
  title: string | null;
  publishedAt: string | null;
  /** The link as the list or feed wrote it: what is requested (the key when absent). */
  href?: string;
}

type Outcome = { kind: 'sent' } | { kind: 'unchanged' } | { kind: 'failed' } | { kind: 'duplicate' };

const MAX_LIST_PAGES = 1000;
const MAX_ARTICLE_PAGES = 30;
/**
 * Known articles listed with a date this recent are asked again (conditionally, so mostly a
 * 304) on incremental runs too: corrections and additions come soon after publication.
 */
const RECHECK_DAYS = 7;

/** A list date (YYYY-MM-DD…) within RECHECK_DAYS before `now` (or a day after: time zones). */
function isRecent(publishedAt: string | null, now: Date): boolean {
  const at = publishedAt ? Date.parse(publishedAt.slice(0, 10)) : NaN;
  if (Number.isNaN(at)) return false;
  const day = 86_400_000;
  return at >= now.getTime() - RECHECK_DAYS * day && at <= now.getTime() + day;
}
/**
 * A page that answered 404/410 is asked again after 1, 2, 4… days (at most MISSING_MAX_DAYS),
 * not on every sync: the site may bring it back, but most never come back.
 */
const MISSING_MAX_DAYS = 32;

/** When a page missing `failures` times in a row may be asked again. */
export function missingRetryAt(failures: number, now: Date): string {
  const days = Math.min(MISSING_MAX_DAYS, 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** A known page that answered 404/410 and is not due to be asked again yet. */
function waitingAfterMissing(known: KnownPage | undefined, now: Date): boolean {
  if (!known?.failures) return false;
  const at = Date.parse(known.retryAt ?? '');
  return Number.isFinite(at) && at > now.getTime();
}
const PROGRESS_MS = 300;
/** Attachments fetched and read at a time, beside the articles (see Run.beside). */
const ATTACHMENT_SLOTS = 2;
/**
 * Fewer visible characters than this (and no image) is kept but flagged: a login notice, an
 * error page or a cut-off extraction looks like that, and so does a genuinely short notice.
 */
const SHORT_TEXT_CHARS = 20;

function visibleLength(text: string): number {
  return text.replace(/(?:[\s\u3000\u00a0\u200b\u200c\ufeff]|\u200d)+/g, '').length;
}

function clip(s: string | null | undefined, max: number): string | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  return t ? t.slice(0, max) : null;
}

function isCancel(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof FetchError && error.reason === 'cancelled');
}

/**
 * Links to the other pages of a split article: `<stem>_2.html`, `?page=2` on the same path; as
 * linked (to request), one per page.
 */
export function findArticlePages(html: string, pageUrl: string): string[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  const m = /^(.*?)(\.[a-z]{2,6})?$/i.exec(page.pathname);
  const stem = m?.[1] ?? page.pathname;
  const ext = m?.[2] ?? '';
  const found = new Map<number, string>();
  const re = /<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi;
  let a: RegExpExecArray | null;
  let guard = 0;
  while ((a = re.exec(html)) && guard++ < 5000) {
    const url = requestUrl(a[1]!.replace(/&amp;/g, '&'), pageUrl);
    if (!url) continue;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      continue;
    }
    if (u.origin !== page.origin) continue;
    let n: number | null = null;
    if (u.pathname.startsWith(`${stem}_`) && u.pathname.endsWith(ext)) {
      const mid = u.pathname.slice(stem.length + 1, u.pathname.length - ext.length);
      if (/^\d{1,3}$/.test(mid)) n = Number(mid);
    } else if (u.pathname === page.pathname) {
      const q = /(?:^|&)(?:page|p|pageno|pn)=(\d{1,3})(?:&|$)/i.exec(u.search.slice(1));
      if (q) n = Number(q[1]);
    }
    if (n !== null && n >= 1 && !found.has(n) && canonicalUrl(url) !== canonicalUrl(pageUrl)) found.set(n, url);
  }
  return [...found.entries()]
    .sort((x, y) => x[0] - y[0])
    .map((e) => e[1])
    .slice(0, MAX_ARTICLE_PAGES);
}

class Run {
  readonly counts: SyncCounts = { pages: 0, found: 0, fetched: 0, sent: 0, unchanged: 0, failed: 0 };
  /** Keys asked for in this run (to count the known ones that were skipped). */
  readonly requested = new Set<string>();
  /** The address each key was asked at in this run, where it is not the key itself. */
  private readonly askedAt = new Map<string, string>();
  private seq = 0;
  private phase: SyncProgress['phase'] = 'starting';
  private remaining: number | null = null;
  private message: string | null = null;
  private pendingArticles: ArticlePayload[] = [];
  private pendingPages: FetchedPage[] = [];
  private readonly known = new Map<string, KnownPage>();
  private readonly knownHashes = new Map<string, string>();
  private readonly runHashes = new Set<string>();
  private readonly listValidators: FetchedPage[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly batchSize: number;
  private readonly workers: number;
  readonly signal: AbortSignal;

  constructor(
    private readonly request: SyncRequest,
    private readonly deps: RunnerDeps,
  ) {
    this.signal = deps.signal;
    this.batchSize = Math.max(1, Math.min(deps.batchSize ?? 20, 100));
    this.workers = Math.max(1, Math.min(deps.workers ?? 4, 16));
    for (const k of request.known) {
      this.known.set(k.urlKey, k);
      if (k.contentHash) this.knownHashes.set(k.contentHash, k.urlKey);
    }
  }

  /** Known pages of the source that this run did not request at all. */
  get skipped(): number {
    let n = 0;
    for (const k of this.known.keys()) if (!this.requested.has(k)) n++;
    return n;
  }

  get batches(): number {
    return this.seq;
  }

  start(): void {
    this.progress('starting');
    this.timer = setInterval(() => this.progress(), PROGRESS_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  progress(phase?: SyncProgress['phase'], message?: string | null): void {
    if (phase) this.phase = phase;
    if (message !== undefined) this.message = message;
    this.deps.emitProgress({
      runId: this.request.runId,
      sourceId: this.request.source.id,
      phase: this.phase,
      counts: { ...this.counts },
      remaining: this.remaining,
      message: this.message,
    });
  }

  setRemaining(n: number | null): void {
    this.remaining = n;
  }

  log(level: SyncLogEntry['level'], url: string | null, code: string | null, message: string): void {
    this.deps.emitLog({
      runId: this.request.runId,
      sourceId: this.request.source.id,
      level,
      url: url ? url.slice(0, 2048) : null,
      code: code ? code.slice(0, 64) : null,
      message: message.slice(0, 1000),
    });
  }

  /** Pages that answered 404/410 in this run (remembered, so they do not keep list validators from being stored). */
  missingCount = 0;

  /** Known-missing pages whose wait is over. */
  dueMissing(now: Date): string[] {
    const out: string[] = [];
    for (const k of this.known.values()) if (k.failures && !waitingAfterMissing(k, now)) out.push(k.urlKey);
    return out;
  }

  /** Known-missing pages not asked in this run (their backoff has not run out): logged once, at the end. */
  readonly waiting: string[] = [];

  /**
   * A page that answered 404/410: remembered with its count and when to ask again, so the next
   * syncs do not ask it every time. The log line says when.
   */
  missing(key: string, error: FetchError, now: Date): Outcome {
    const known = this.known.get(key);
    const failures = Math.min((known?.failures ?? 0) + 1, 1000);
    const retryAt = missingRetryAt(failures, now);
    this.counts.failed++;
    this.missingCount++;
    this.pendingPages.push({
      urlKey: key,
      etag: null,
      lastModified: null,
      contentHash: known?.contentHash ?? null,
      failures,
      retryAt,
    });
    const days = Math.round((Date.parse(retryAt) - now.getTime()) / 86_400_000);
    this.log(
      'error',
      key,
      error.code,
      `页面不存在（HTTP ${error.status ?? 404}，连续第 ${failures} 次），${days} 天内不再请求，之后再试：${key}`,
    );
    return { kind: 'failed' };
  }

  /**
   * An attachment that failed: asked again on the next sync, then after 1, 2, 4… days; one over
   * the size cap is not asked again. Returns when, for the log line.
   */
  attachmentFailed(key: string, tooLarge: boolean, now: Date): string {
    const known = this.known.get(key);
    const failures = Math.min((known?.attachment?.failures ?? 0) + 1, 1000);
    // The first failure waits for the next sync only (a passing outage); repeated ones back off.
    const retryAt = failures === 1 ? now.toISOString() : missingRetryAt(failures - 1, now);
    this.pendingPages.push({
      urlKey: key,
      etag: known?.etag ?? null,
      lastModified: known?.lastModified ?? null,
      contentHash: known?.contentHash ?? null,
      attachment: { failures, retryAt, ...(tooLarge ? { tooLarge: true as const } : {}) },
    });
    if (tooLarge) return '不再自动下载';
    if (failures === 1) return '下次同步时再试';
    return `${Math.round((Date.parse(retryAt) - now.getTime()) / 86_400_000)} 天后再试（连续第 ${failures} 次失败）`;
  }

  /** Remembers a page's validators without counting it (an attachment whose text the library holds under another address). */
  remember(page: FetchedPage): void {
    this.pendingPages.push(page);
  }

  /** Articles whose attachments this run has queued (fetched fresh, or pending from before). */
  readonly attachmentsQueued = new Set<string>();

  /** Known articles with attachment links (see queueKnownAttachments). */
  knownWithAttachments(): KnownPage[] {
    return [...this.known.values()].filter((k) => k.attachments?.length);
  }

  fail(url: string, error: unknown): Outcome {
    this.counts.failed++;
    if (error instanceof AppError)
      this.log('error', url, error.code, error.message.includes(url) ? error.message : `${error.message.replace(/。$/, '')}：${url}`);
    else this.log('error', url, 'E_INTERNAL', `处理时出错：${url}`);
    return { kind: 'failed' };
  }

  /** Known pages whose article is dated within RECHECK_DAYS of `now`. */
  recentKnown(now: Date): string[] {
    const out: string[] = [];
    for (const k of this.known.values()) if (isRecent(k.publishedAt ?? null, now)) out.push(k.urlKey);
    return out;
  }
  knownOf(key: string): KnownPage | undefined {
    return this.known.get(key);
  }

  /**
   * Where to ask for `key`: the link a page of this run showed (`linked`), else the address it
   * was asked at before, else the key. Remembered, so the validators sent for it carry it.
   */
  addressOf(key: string, linked: string | undefined): string {
    const href = linked ?? this.known.get(key)?.href ?? key;
    if (href !== key) this.askedAt.set(key, href);
    return href;
  }

  rememberList(page: FetchedPage): void {
    this.listValidators.push(page);
  }

  /** Hash check and bookkeeping for a finished article; queues it for the next batch. */
  accept(
    key: string,
    article: Omit<ArticlePayload, 'id' | 'urlKey' | 'contentHash' | 'sourceId' | 'sourceName' | 'column'>,
    validators: { etag: string | null; lastModified: string | null },
  ): Outcome {
    const hash = sha256Hex(article.text);
    const known = this.known.get(key);
    const page: FetchedPage = {
      urlKey: key,
      etag: clip(validators.etag, 512),
      lastModified: clip(validators.lastModified, 128),
      contentHash: hash,
    };
    if (known?.contentHash === hash) {
      this.counts.unchanged++;
      this.pendingPages.push(page);
      return { kind: 'unchanged' };
    }
    const other = this.knownHashes.get(hash);
    if (this.runHashes.has(hash) || (other !== undefined && other !== key)) {
      this.counts.unchanged++;
      this.log('info', article.url ?? key, null, `内容与已有文章重复，未再保存：${article.url ?? key}`);
      return { kind: 'duplicate' };
    }
    const payload: ArticlePayload = {
      id: `a_${sha256Hex(key).slice(0, 20)}`,
      urlKey: key,
      url: article.url,
      title: article.title.slice(0, 500) || '（无标题）',
      publishedAt: article.publishedAt,
      origin: clip(article.origin, 200),
      author: clip(article.author, 200),
      editor: clip(article.editor, 200),
      column: clip(this.request.source.column, 200),
      sourceId: this.request.source.id,
      sourceName: this.request.source.name.slice(0, 200),
      html: article.html,
      text: article.text,
      contentHash: hash,
      ...(article.document ? { document: article.document } : {}),
      ...(article.attachments ? { attachments: article.attachments } : {}),
    };
    const checked = v.safeParse(ArticlePayloadSchema, payload);
    if (!checked.success) {
      const tooBig = payload.html.length > 5_000_000 || payload.text.length > 2_000_000;
      return this.fail(
        article.url ?? key,
        new AppError(
          tooBig ? 'E_RESOURCE' : 'E_INVALID_RESULT',
          tooBig ? `文章过长，无法保存：${article.url ?? key}` : `文章数据不完整，无法保存：${article.url ?? key}`,
        ),
      );
    }
    this.runHashes.add(hash);
    this.pendingArticles.push(checked.output);
    this.pendingPages.push(page);
    this.counts.fetched++;
    return { kind: 'sent' };
  }

  unchanged(page: FetchedPage): void {
    this.counts.unchanged++;
    this.pendingPages.push(page);
  }

  /** Sends what is pending when a batch is full (or `force`), and waits for the acknowledgement. */
  async flush(force: boolean): Promise<void> {
    if (this.signal.aborted) return;
    while (
      this.pendingArticles.length >= this.batchSize ||
      this.pendingPages.length >= 500 ||
      (force && (this.pendingArticles.length > 0 || this.pendingPages.length > 0))
    ) {
      const articles = this.pendingArticles.splice(0, this.batchSize);
      const pages = this.pendingPages.splice(0, 1000).map((p) => {
        const href = p.href ?? this.askedAt.get(p.urlKey);
        return href && href !== p.urlKey && href.length <= 2048 ? { ...p, href } : p;
      });
      const batch: SyncBatch = { runId: this.request.runId, sourceId: this.request.source.id, seq: this.seq++, articles, pages };
      await this.deps.sendBatch(batch);
      this.counts.sent += articles.length;
      this.progress();
      if (this.signal.aborted) return;
    }
  }

  /** Runs `tasks` in chunks of one batch, a few at a time; flushes after each chunk. */
  async runTasks<T>(items: T[], task: (item: T) => Promise<Outcome>): Promise<void> {
    this.setRemaining(items.length);
    for (let i = 0; i < items.length; i += this.batchSize) {
      if (this.signal.aborted) return;
      const chunk = items.slice(i, i + this.batchSize);
      let next = 0;
      const worker = async () => {
        while (next < chunk.length && !this.signal.aborted) {
          const item = chunk[next++]!;
          await task(item);
          this.remaining = Math.max(0, (this.remaining ?? 1) - 1);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.workers, chunk.length) }, worker));
      if (this.signal.aborted) return; // the chunk is dropped whole: nothing half sent
      await this.flush(false);
    }
  }

  private readonly refused = new Set<string>();
  /** True the first time a refused URL is met in this run (it is logged once). */
  noteRefused(url: string): boolean {
    if (this.refused.has(url)) return false;
    this.refused.add(url);
    return true;
  }

  /** Attachment work waiting, and how much runs now (at most ATTACHMENT_SLOTS). */
  private readonly sideQueue: (() => Promise<void>)[] = [];
  private sideActive = 0;
  private sideWaiters: (() => void)[] = [];

  /**
   * Queues `work` beside the article tasks and returns at once: the article pipeline never
   * waits for a download or a parse. At most ATTACHMENT_SLOTS run at a time, since each may
   * hold a downloaded file (up to the size cap) until the documents thread has read it; the
   * queue holds only what to fetch. Work starts in the order queued, so an attachment is
   * accepted after the article that links to it.
   */
  beside(work: () => Promise<void>): void {
    this.sideQueue.push(work);
    this.pumpSide();
  }

  /** Starts queued attachment work; once the run is stopped, all of it (each only logs what it did not read). */
  pumpSide(): void {
    while ((this.sideActive < ATTACHMENT_SLOTS || this.signal.aborted) && this.sideQueue.length > 0) {
      const work = this.sideQueue.shift()!;
      this.sideActive++;
      void work()
        .catch(() => undefined)
        .finally(() => {
          this.sideActive--;
          this.pumpSide();
          if (this.sideActive === 0 && this.sideQueue.length === 0) for (const wake of this.sideWaiters.splice(0)) wake();
        });
    }
  }

  /** Set once the article tasks are over: from then on what attachments accept is sent at once. */
  private sendAsAccepted = false;
  /** Sends made that way, one after another (a batch's seq is its order). */
  private sending: Promise<void> = Promise.resolve();
  private sendError: unknown = null;

  /**
   * An attachment was accepted. Once the article tasks are over nothing else would send it
   * before every attachment has settled, and a stop in between would drop it unsaid: send now.
   */
  attachmentAccepted(): void {
    if (!this.sendAsAccepted || this.signal.aborted) return;
    this.sending = this.sending.then(() =>
      this.flush(true).catch((error: unknown) => {
        this.sendError ??= error;
      }),
    );
  }

  /**
   * Waits until no attachment work is left. With `sendAsAccepted`, what is pending is sent first
   * and each attachment as it is accepted (a stop then loses nothing already read).
   */
  async settle(sendAsAccepted = false): Promise<void> {
    // Only when attachments are still at work: a run without any sends its last batch as before.
    if (sendAsAccepted && !this.signal.aborted && (this.sideActive > 0 || this.sideQueue.length > 0)) {
      this.sendAsAccepted = true;
      await this.flush(true);
    }
    while (this.sideActive > 0 || this.sideQueue.length > 0) await new Promise<void>((resolve) => this.sideWaiters.push(resolve));
    await this.sending;
    if (this.sendError) throw this.sendError;
  }

  finishValidators(): void {
    // After a failure the list must be walked again next time (the failed article is not known
    // yet); a missing page is known (with its backoff), so it does not count here.
    if (this.counts.failed - this.missingCount === 0) this.pendingPages.push(...this.listValidators);
  }
}

/**
 * Whether the source's network policy lets this run ask `url`. A refused link is logged once,
 * with the URL and the reason, and never requested.
 */
function permitted(run: Run, deps: RunnerDeps, url: string, where: string): boolean {
  const refused = deps.client.policy.check(url);
  if (!refused) return true;
  if (run.noteRefused(url)) {
    deps.client.stats.refused++;
    run.log('warning', url, 'E_FORBIDDEN', `${refused.reason}：${url.slice(0, 300)}（${where}）`);
  }
  return false;
}

/** PDF, zip (docx/xlsx) and OLE (doc/xls) files by their first bytes. */
function isBinaryDocument(b: Uint8Array): boolean {
  const pdf = b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
  const zip = b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  const ole = b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  return pdf || zip || ole;
}

async function fetchHtml(
  client: HttpClient,
  url: string,
  signal: AbortSignal,
  known?: KnownPage,
  referer?: string,
): Promise<FetchResult & { html: string }> {
  const res = await client.get(url, { signal, etag: known?.etag ?? null, lastModified: known?.lastModified ?? null, referer });
  if (res.notModified) return { ...res, html: '' };
  const type = (res.contentType ?? '').toLowerCase().split(';')[0]!.trim();
  if (type && !/html|xml|text\/plain|octet-stream|^text\//.test(type)) {
    throw new FetchError('E_INVALID_ARGUMENT', 'not-html', url, `不是网页（${type}）：${url}`);
  }
  if (sniffImage(res.bytes) || isBinaryDocument(res.bytes)) {
    throw new FetchError('E_INVALID_ARGUMENT', 'not-html', url, `不是网页（二进制文件）：${url}`);
  }
  return { ...res, html: decodeBytes(res.bytes, res.contentType).text };
}

/** Fetches, extracts (joining split pages), localises images: the article's pieces. */
async function loadArticle(run: Run, deps: RunnerDeps, key: string, meta: ItemMeta | undefined, conditional: boolean): Promise<Outcome> {
  const { client, images, signal } = deps;
  const known = run.knownOf(key);
  run.requested.add(key);
  try {
    const res = await fetchHtml(client, run.addressOf(key, meta?.href), signal, conditional ? known : undefined);
    if (res.notModified) {
      run.unchanged({
        urlKey: key,
        etag: clip(res.etag, 512),
        lastModified: clip(res.lastModified, 128),
        contentHash: known?.contentHash ?? null,
      });
      return { kind: 'unchanged' };
    }
    const first = extractArticle(res.html, res.finalUrl);
    if (first.confidence < LOW_CONFIDENCE) {
      run.log('warning', res.finalUrl, 'W_LOW_CONFIDENCE', `正文提取把握较低（${Math.round(first.confidence * 100)}%），请核对：${key}`);
    }
    let blocks: HElement[] = sanitiseHtml(first.html, res.finalUrl);
    for (const pageUrl of findArticlePages(res.html, res.finalUrl)) {
      try {
        const more = await fetchHtml(client, pageUrl, signal, undefined, res.finalUrl);
        const a = extractArticle(more.html, more.finalUrl);
        blocks.push(...dropTitleBlock(sanitiseHtml(a.html, more.finalUrl), first.title));
      } catch (error) {
        if (isCancel(error, signal)) throw error;
        throw new AppError(
          error instanceof AppError ? error.code : 'E_RESOURCE',
          `文章分页读取失败（${error instanceof Error ? error.message : ''}）：${key}`,
        );
      }
    }
    const title = first.title && first.title !== '（无标题）' ? first.title : (meta?.title ?? first.title);
    blocks = dropTitleBlock(blocks, title);
    const failures = await images.localise(blocks, res.finalUrl, signal);
    for (const f of failures) run.log('warning', f.url, f.code, `图片未能保存（${f.message}），文章已保留：${key}`);
    const { html, text } = renderBlocks(blocks);
    if (!checkBody(run, key, html, text)) throw new AppError('E_INVALID_ARGUMENT', `正文为空，未保存：${key}`);
    const publishedAt = first.publishedAt ?? meta?.publishedAt ?? null;
    const outcome = run.accept(
      key,
      {
        url: canonicalUrl(res.finalUrl) ?? key,
        title,
        publishedAt,
        origin: first.origin,
        author: first.author,
        editor: first.editor,
        html,
        text,
        ...(first.attachments.length ? { attachments: first.attachments.slice(0, 50) } : {}),
      },
      { etag: res.etag, lastModified: res.lastModified },
    );
    // Fetched and read beside the next articles (the documents thread parses while the network
    // waits); the article's task goes on at once.
    if (first.attachments.length && outcome.kind !== 'failed') {
      run.attachmentsQueued.add(key);
      run.beside(attachmentWork(run, deps, key, publishedAt, first.attachments, res.finalUrl));
    }
    return outcome;
  } catch (error) {
    if (isCancel(error, signal)) return { kind: 'failed' };
    if (error instanceof FetchError && error.url === key && (error.status === 404 || error.status === 410))
      return run.missing(key, error, deps.now?.() ?? new Date());
    return run.fail(key, error);
  }
}

/**
 * The queued work for one article's attachments. Made here, not in loadArticle, so the closure
 * holds only the links, not the page's HTML and text, while it waits in the queue.
 */
function attachmentWork(
  run: Run,
  deps: RunnerDeps,
  parentKey: string,
  publishedAt: string | null,
  list: Parameters<typeof syncAttachments>[3],
  referer: string,
): () => Promise<void> {
  return () => fetchAttachments(run, deps, parentKey, publishedAt, list, referer);
}

/** The readable attachments of an accepted article, each its own document article (see attachments.ts). */
async function fetchAttachments(
  run: Run,
  deps: RunnerDeps,
  parentKey: string,
  publishedAt: string | null,
  list: Parameters<typeof syncAttachments>[3],
  referer: string,
): Promise<void> {
  const { client, signal } = deps;
  await syncAttachments(
    {
      permitted: (url) => permitted(run, deps, url, '附件'),
      fetch: (url, known) =>
        client.get(url, {
          signal,
          etag: known?.etag ?? null,
          lastModified: known?.lastModified ?? null,
          referer,
          maxBytes: deps.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES,
          accept: '*/*',
        }),
      knownOf: (key) => run.knownOf(key),
      requested: (key) => run.requested.add(key),
      unchanged: (key, validators, contentHash) =>
        run.unchanged({ urlKey: key, etag: clip(validators.etag, 512), lastModified: clip(validators.lastModified, 128), contentHash }),
      accept: (key, article, validators) => {
        // The same text under another address: remembered, so it is not downloaded on every sync.
        if (run.accept(key, article, validators).kind === 'duplicate')
          run.remember({
            urlKey: key,
            etag: clip(validators.etag, 512),
            lastModified: clip(validators.lastModified, 128),
            contentHash: sha256Hex(article.text),
          });
        run.attachmentAccepted();
      },
      warn: (url, code, message) => run.log('warning', url, code, message),
      failed: (key, tooLarge) => run.attachmentFailed(key, tooLarge, deps.now?.() ?? new Date()),
      waiting: (state) => Date.parse(state.retryAt) > (deps.now?.() ?? new Date()).getTime(),
      images: deps.images,
      dataDir: deps.dataDir,
      cancelled: () => signal.aborted,
    },
    parentKey,
    publishedAt,
    list,
  );
}

/**
 * The attachments of known articles that the library does not hold yet: not read because a sync
 * was stopped, or failed and due again (syncAttachments skips the ones still waiting and the ones
 * over the size cap). Queued for articles this run did not fetch afresh, typically unchanged
 * ones (304) or ones an incremental run did not ask at all; the articles are not sent again.
 * Links the network policy refuses are left out silently: the run that met them logged them.
 */
function queueKnownAttachments(run: Run, deps: RunnerDeps): void {
  for (const page of run.knownWithAttachments()) {
    if (run.attachmentsQueued.has(page.urlKey)) continue;
    const pending = (page.attachments ?? []).filter((att) => {
      if (!READABLE_ATTACHMENTS.has(att.ext) || deps.client.policy.check(att.url)) return false;
      const held = run.knownOf(canonicalUrl(att.url) ?? att.url);
      return !held || held.attachment !== undefined;
    });
    if (pending.length === 0) continue;
    run.attachmentsQueued.add(page.urlKey);
    run.beside(attachmentWork(run, deps, page.urlKey, page.publishedAt ?? null, pending, page.urlKey));
  }
}

/**
 * False when the body is empty (no text, no image). A very short one is kept but logged, so
 * the user can look at the page.
 */
function checkBody(run: Run, url: string, html: string, text: string): boolean {
  const hasImage = /<img /.test(html);
  const n = visibleLength(text);
  if (n === 0 && !hasImage) return false;
  if (n < SHORT_TEXT_CHARS && !hasImage) run.log('warning', url, null, `正文只有 ${n} 个字，已保存，请核对是否完整：${url}`);
  return true;
}

async function syncCms(run: Run, request: SyncRequest, deps: RunnerDeps): Promise<void> {
  const { client, signal } = deps;
  const start = canonicalUrl(request.source.location);
  const startRequest = requestUrl(request.source.location);
  if (!start || !startRequest) throw new AppError('E_INVALID_ARGUMENT', `来源网址无效：${request.source.location}`);
  const limit = request.fullRescan ? MAX_LIST_PAGES : request.maxPages;
  // "All items known" means "nothing older is new" only after a run that finished: such a run
  // alone stores the list page's validators. After an interrupted one (crash, cancel, failure)
  // the library holds the newest articles but not the older ones: walk on to maxPages.
  const finishedBefore = run.knownOf(start) !== undefined;
  // List pages to request, as configured or linked; `queued` holds their keys.
  const queue: string[] = [startRequest];
  const queued = new Set<string>([start]);
  const meta = new Map<string, ItemMeta>();
  const toFetch: string[] = [];
  const recheck = new Set<string>();
  const now = deps.now?.() ?? new Date();
  const seen = new Set<string>();
  const seenSkipped = new Set<string>();
  let visited = 0;
  run.progress('listing');
  while (queue.length > 0 && visited < limit && !signal.aborted) {
    const pageRequest = queue.shift()!;
    const url = canonicalUrl(pageRequest) ?? pageRequest;
    visited++;
    run.requested.add(url);
    const first = visited === 1;
    let res: FetchResult & { html: string };
    try {
      // Every list page is asked conditionally on a routine sync (its validators from the last
      // finished run); a full rescan reads them all, as it needs every link.
      res = await fetchHtml(client, pageRequest, signal, !request.fullRescan && finishedBefore ? run.knownOf(url) : undefined);
    } catch (error) {
      if (isCancel(error, signal)) return;
      if (first) throw error;
      run.fail(url, error);
      continue;
    }
    run.counts.pages++;
    if (res.notModified) {
      // Unchanged since the last finished run: nothing new on it, and (nothing having moved
      // down the column) nothing new on the pages after it either.
      run.rememberList({ urlKey: url, etag: clip(res.etag, 512), lastModified: clip(res.lastModified, 128), contentHash: null });
      run.log('info', url, null, first ? `栏目首页未变化，没有新文章：${url}` : `列表页未变化，其后没有新文章：${url}`);
      break;
    }
    if (first && looksLikeFeed(res.html)) {
      run.log('warning', url, null, `这是订阅源（RSS/Atom），已按订阅源处理：${url}`);
      await syncFeedFrom(run, request, deps, url, res);
      return;
    }
    run.rememberList({ urlKey: url, etag: clip(res.etag, 512), lastModified: clip(res.lastModified, 128), contentHash: null });
    const list = findArticleLinks(res.html, res.finalUrl, { now: deps.now?.() });
    for (const bad of list.skipped) {
      if (seenSkipped.has(bad.href)) continue;
      seenSkipped.add(bad.href);
      run.counts.found++;
      run.log(
        'warning',
        bad.href.slice(0, 2048),
        'E_INVALID_ARGUMENT',
        `${bad.reason}：《${bad.title}》${bad.href.slice(0, 300)}（列表页 ${url}）`,
      );
    }
    let nonPinned = 0;
    let knownNonPinned = 0;
    for (const item of list.items) {
      if (seen.has(item.url)) continue;
      seen.add(item.url);
      if (!permitted(run, deps, item.url, `列表页 ${url}`)) continue;
      run.counts.found++;
      meta.set(item.url, { title: item.title, publishedAt: item.publishedAt, href: item.href });
      const known = run.knownOf(item.url);
      const isKnown = known !== undefined;
      if (!item.pinned) {
        nonPinned++;
        if (isKnown) knownNonPinned++;
      }
      if (waitingAfterMissing(known, now)) run.waiting.push(item.url);
      else if (known?.failures) {
        // Missing before, and its wait is over: asked again (a full rescan too).
        toFetch.push(item.url);
      } else if (!isKnown || request.fullRescan) toFetch.push(item.url);
      else if (isRecent(item.publishedAt, now)) {
        toFetch.push(item.url);
        recheck.add(item.url);
      }
    }
    if (list.items.length === 0 && list.skipped.length === 0)
      run.log('warning', url, null, first ? `栏目页没有找到文章链接，请确认这是文章列表页：${url}` : `列表页没有找到文章链接：${url}`);
    if (!request.fullRescan && finishedBefore && nonPinned > 0 && knownNonPinned === nonPinned) break;
    // A pager pointing at another site is never followed; when the policy refuses it, it is logged.
    for (const p of list.offsitePages) permitted(run, deps, p, `列表页 ${url} 的翻页链接`);
    for (const p of list.nextPages) {
      const key = canonicalUrl(p) ?? p;
      if (!queued.has(key) && permitted(run, deps, p, `列表页 ${url} 的翻页链接`)) {
        queued.add(key);
        queue.push(p);
      }
    }
  }
  if (signal.aborted) return;
  // Recent articles the library holds, whether or not a list page still shows them (and even
  // when the list page answered 304: a correction rarely changes the list).
  const queuedToFetch = new Set(toFetch);
  for (const key of run.recentKnown(now)) {
    if (queuedToFetch.has(key) || key === start) continue;
    toFetch.push(key);
    recheck.add(key);
  }
  // Missing pages whose wait is over, also when no list page showed them this time.
  for (const key of run.dueMissing(now)) {
    if (queuedToFetch.has(key) || toFetch.includes(key)) continue;
    toFetch.push(key);
  }
  logWaiting(run);
  run.progress('fetching');
  await run.runTasks(toFetch, (key) => loadArticle(run, deps, key, meta.get(key), request.fullRescan || recheck.has(key)));
}

/** One line for the known-missing pages this run did not ask (with the soonest retry). */
function logWaiting(run: Run): void {
  if (run.waiting.length === 0) return;
  const soonest = run.waiting
    .map((k) => run.knownOf(k)?.retryAt ?? '')
    .filter(Boolean)
    .sort()[0];
  const when = soonest ? `，最早 ${soonest.slice(0, 10)} 再试` : '';
  run.log(
    'info',
    run.waiting.length === 1 ? run.waiting[0]! : null,
    null,
    `${run.waiting.length} 个此前不存在（404）的页面本次未请求${when}${run.waiting.length === 1 ? `：${run.waiting[0]}` : ''}`,
  );
}

/** One feed item whose content the feed carries: stored from it, or from its page when empty. */
async function storeFeedItem(run: Run, request: SyncRequest, deps: RunnerDeps, feed: Feed, item: FeedItem): Promise<Outcome> {
  const meta: ItemMeta = { title: item.untitled ? null : item.title, publishedAt: item.publishedAt, href: item.href };
  try {
    let content = item.html ?? '';
    let title = item.title;
    let publishedAt = item.publishedAt;
    let origin: string | null = feed.title;
    let author = item.author;
    if (isHtmlDocument(content)) {
      // A whole page pasted into the feed: take its article body, not its navigation.
      const page = extractArticle(content, item.url);
      content = page.html;
      if (item.untitled && page.title && page.title !== '（无标题）') title = page.title;
      publishedAt ??= page.publishedAt;
      origin = page.origin ?? origin;
      author ??= page.author;
    }
    let blocks = dropTitleBlock(sanitiseHtml(content, item.url), title);
    const before = renderBlocks(blocks);
    // Nothing usable in the feed: the page itself may have it.
    if (visibleLength(before.text) === 0 && !/<img /.test(before.html))
      return await loadArticle(run, deps, item.url, meta, request.fullRescan);
    if (item.untitled && title === item.title) {
      // No title anywhere: a short first line is one, else the opening words (the text is kept).
      const firstLine =
        before.text
          .split('\n')
          .find((l) => l.trim())
          ?.trim() ?? '';
      if (firstLine.length <= 60) {
        title = firstLine;
        blocks = dropTitleBlock(blocks, title);
      } else title = `${firstLine.slice(0, 30)}…`;
    }
    const failures = await deps.images.localise(blocks, item.url, deps.signal);
    for (const f of failures) run.log('warning', f.url, f.code, `图片未能保存（${f.message}），文章已保留：${item.url}`);
    blocks = blocks.filter(Boolean);
    const { html, text } = renderBlocks(blocks);
    if (!checkBody(run, item.url, html, text)) throw new AppError('E_INVALID_ARGUMENT', `正文为空，未保存：${item.url}`);
    return run.accept(
      item.url,
      { url: item.url, title, publishedAt, origin, author, editor: null, html, text },
      { etag: null, lastModified: null },
    );
  } catch (error) {
    if (isCancel(error, deps.signal)) return { kind: 'failed' };
    return run.fail(item.url, error);
  }
}

async function syncFeedFrom(
  run: Run,
  request: SyncRequest,
  deps: RunnerDeps,
  feedUrl: string,
  res: FetchResult & { html: string },
): Promise<void> {
  const feed = parseFeed(res.html, res.finalUrl);
  run.rememberList({ urlKey: feedUrl, etag: clip(res.etag, 512), lastModified: clip(res.lastModified, 128), contentHash: null });
  for (const s of feed.skipped) {
    run.counts.found += s.count ?? 1;
    const what = s.url ?? (s.title ? `《${s.title}》（订阅源 ${feedUrl}）` : `订阅源 ${feedUrl}`);
    run.log(s.level, s.url ?? feedUrl, s.level === 'warning' ? 'E_INVALID_ARGUMENT' : null, `${s.reason}：${what}`);
  }
  const items: FeedItem[] = [];
  const now = deps.now?.() ?? new Date();
  for (const item of feed.items) {
    // A feed names its articles: their sites join the source's policy ("never" rules still hold).
    deps.client.policy.allow(item.url);
    if (!permitted(run, deps, item.url, `订阅源 ${feedUrl}`)) continue;
    run.counts.found++;
    const known = run.knownOf(item.url);
    if (waitingAfterMissing(known, now)) {
      run.waiting.push(item.url);
      continue;
    }
    // Known items are skipped, except recent ones whose text lives on their page: those are asked
    // again conditionally (mostly a 304), as a column's recent articles are, to catch corrections.
    const recheck = known !== undefined && (item.isSummary || !item.html) && isRecent(known.publishedAt ?? item.publishedAt, now);
    if (known && !known.failures && !request.fullRescan && !recheck) continue;
    items.push(item);
  }
  logWaiting(run);
  run.progress('fetching');
  await run.runTasks(items, async (item) => {
    if (item.isSummary || !item.html)
      // Conditional whenever the library knows the page (its validators), unknown pages plainly.
      return loadArticle(
        run,
        deps,
        item.url,
        { title: item.untitled ? null : item.title, publishedAt: item.publishedAt, href: item.href },
        true,
      );
    return storeFeedItem(run, request, deps, feed, item);
  });
}

async function syncFeed(run: Run, request: SyncRequest, deps: RunnerDeps): Promise<void> {
  const url = canonicalUrl(request.source.location);
  const feedRequest = requestUrl(request.source.location);
  if (!url || !feedRequest) throw new AppError('E_INVALID_ARGUMENT', `订阅源网址无效：${request.source.location}`);
  run.progress('listing');
  const known = request.fullRescan ? undefined : run.knownOf(url);
  run.requested.add(url);
  const res = await deps.client.get(feedRequest, {
    signal: deps.signal,
    etag: known?.etag ?? null,
    lastModified: known?.lastModified ?? null,
    accept: 'application/rss+xml,application/atom+xml,application/xml,text/xml;q=0.9,*/*;q=0.5',
  });
  run.counts.pages++;
  if (res.notModified) {
    run.log('info', url, null, `订阅源未变化，没有新文章：${url}`);
    return;
  }
  await syncFeedFrom(run, request, deps, url, { ...res, html: decodeFeed(res.bytes, res.contentType) });
}

async function syncFolder(run: Run, request: SyncRequest, deps: RunnerDeps): Promise<void> {
  run.progress('listing');
  const { files, skipped } = await scanFolderReport(request.source.location);
  run.counts.pages++;
  for (const s of skipped) {
    run.counts.found++;
    run.log('warning', fileUrlKey(s.path), 'E_INVALID_ARGUMENT', `${s.reason}：${s.path}`);
  }
  const todo = [];
  for (const f of files) {
    run.counts.found++;
    const known = run.knownOf(fileUrlKey(f.path));
    if (known && known.etag === f.stamp && !request.fullRescan) continue;
    run.requested.add(f.urlKey);
    todo.push(f);
  }
  run.progress('fetching');
  await run.runTasks(todo, async (f) => {
    try {
      const a = await importFile(f.path, { images: deps.images, dataDir: deps.dataDir });
      for (const img of a.imageFailures) run.log('warning', f.urlKey, 'E_RESOURCE', `图片未能保存（${img}），文章已保留：${f.path}`);
      return run.accept(
        f.urlKey,
        {
          url: null,
          title: a.title,
          publishedAt: a.publishedAt,
          origin: a.origin,
          author: a.author,
          editor: a.editor,
          html: a.html,
          text: a.text,
          ...(a.document ? { document: documentInfo(a.document, f.name) } : {}),
        },
        { etag: f.stamp, lastModified: new Date(f.mtimeMs).toUTCString() },
      );
    } catch (error) {
      if (deps.signal.aborted) return { kind: 'failed' };
      return run.fail(f.urlKey, error);
    }
  });
}

/** Runs one source's sync to the end (or until cancelled). Source-level failures throw AppError. */
export async function runSourceSync(request: SyncRequest, deps: RunnerDeps): Promise<SyncSummary> {
  const run = new Run(request, deps);
  run.start();
  try {
    if (request.source.kind === 'cms') await syncCms(run, request, deps);
    else if (request.source.kind === 'feed') await syncFeed(run, request, deps);
    else await syncFolder(run, request, deps);
    if (!deps.signal.aborted && request.source.kind !== 'folder') queueKnownAttachments(run, deps);
    await run.settle(true);
    if (!deps.signal.aborted) {
      run.finishValidators();
      await run.flush(true);
    }
  } catch (error) {
    run.stop();
    if (deps.signal.aborted || isCancel(error, deps.signal)) {
      run.pumpSide(); // queued attachments log that they were not read
      return { counts: run.counts, batches: run.batches, cancelled: true, skipped: run.skipped };
    }
    // The caller (the sync service) owns the run's end: it logs the failure and emits 'failed'.
    // Attachment work still running ends first (on cancel it stops on its own, unawaited).
    await run.settle();
    throw error;
  }
  run.stop();
  const cancelled = deps.signal.aborted;
  if (cancelled) run.pumpSide();
  // The final counts; the one terminal phase (done, cancelled, failed) is the service's to emit.
  run.setRemaining(0);
  run.progress();
  return { counts: run.counts, batches: run.batches, cancelled, skipped: run.skipped };
}
