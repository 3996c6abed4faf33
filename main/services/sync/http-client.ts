/**
 * A polite HTTP client for intranet CMS sites, on Node's fetch:
 *  - at most `perHost` requests at a time per host, and `delayMs` between request starts to a host;
 *  - conditional requests (If-None-Match / If-Modified-Since) → `notModified`;
 *  - retries with exponential backoff and jitter only where they help: network errors, 408, 429
 *    (Retry-After honoured, capped) and 5xx; a timeout is retried at most once;
 *  - a per-request timeout, a body size cap (the download is aborted while streaming);
 *  - the source's network policy (net-policy.ts) for every request and every redirect hop, and
 *    for what a host name resolves to: a refused address is never asked;
 *  - redirects followed by hand, with a limit and loop detection, each hop checked against
 *    the policy and robots;
 *  - robots.txt per origin as RFC 9309 says (robots-cache.ts): 4xx allows, 5xx or no answer
 *    disallows for now (and is asked again next run), kept at most 24 hours;
 *  - a total deadline per request (all hops, retries and the body), besides the idle timeout;
 *  - an honest, ASCII User-Agent (Node's fetch refuses other header bytes); AbortSignal for cancel.
 * One client per run: the delay and per-host slots belong to that run alone.
 * Failures are FetchError (an AppError) with a Chinese message naming the URL and the problem.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { NetPolicy } from './net-policy';
import { readCapped } from './read-capped';
import { RobotsCache, type RobotsAnswer } from './robots-cache';
import { RobotsRules, parseRobots } from './robots';

export const DEFAULT_VERSION = '0.1.0';

/**
 * The User-Agent we announce: product token, version, and what we are. ASCII only: header
 * values are bytes, and Node's fetch refuses a string with characters above U+00FF.
 */
export function userAgentFor(version: string = DEFAULT_VERSION): string {
  return `Yandu/${version} (Yandu study reader; offline; +robots token Yandu)`;
}

export type FetchFailure =
  | 'invalid-url'
  | 'timeout'
  | 'network'
  | 'http'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'too-large'
  | 'robots'
  | 'robots-unreachable'
  | 'policy'
  | 'deadline'
  | 'cancelled'
  | 'not-html'
  | 'not-image';

export class FetchError extends AppError {
  readonly reason: FetchFailure;
  readonly url: string;
  readonly status: number | null;
  constructor(code: ErrorCode, reason: FetchFailure, url: string, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options);
    this.name = 'FetchError';
    this.reason = reason;
    this.url = url;
    this.status = options?.status ?? null;
  }
}

export function cancelledError(url: string): FetchError {
  return new FetchError('E_RESOURCE', 'cancelled', url, `已取消：${url}`);
}

export interface HttpClientOptions {
  /** Requests at a time per host (default 2). */
  perHost?: number;
  /** Delay between the starts of two requests to one host, ms (default 500). */
  delayMs?: number;
  /** Per request, headers and body, ms (default 20 s). */
  timeoutMs?: number;
  /** Body size cap, bytes (default 10 MiB). */
  maxBytes?: number;
  /** Redirect hops per request (default 5). */
  maxRedirects?: number;
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff, ms (default 400); doubled per attempt, with jitter. */
  backoffMs?: number;
  /** Cap for one wait (backoff or Retry-After), ms (default 30 s). */
  maxWaitMs?: number;
  /** Total time for one `get` (every hop, retry and the whole body), ms (default 60 s). */
  deadlineMs?: number;
  /** Obey robots.txt (default true). */
  robots?: boolean;
  /** robots.txt answers shared between runs (default: one for this client). */
  robotsCache?: RobotsCache;
  /** Where this client may fetch (default: any http(s) address the "never" rules allow). */
  policy?: NetPolicy;
  /** Resolves a host name to its addresses (default: the system resolver); null skips the check. */
  lookup?: ((host: string) => Promise<string[]>) | null;
  version?: string;
  /** Test hook: the fetch to use. */
  fetchImpl?: typeof fetch;
  /** Test hook: random in [0, 1) for jitter. */
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  etag?: string | null;
  lastModified?: string | null;
  referer?: string;
  accept?: string;
  maxBytes?: number;
  timeoutMs?: number;
  deadlineMs?: number;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** Where the content came from after redirects. */
  finalUrl: string;
  status: number;
  notModified: boolean;
  bytes: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  redirects: number;
}

export interface ClientStats {
  requests: number;
  notModified: number;
  retries: number;
  robotsBlocked: number;
  /** Addresses the policy refused (never asked). */
  refused: number;
  bytes: number;
}

interface HostState {
  active: number;
  lastStart: number;
  waiters: { resolve: () => void; reject: (e: unknown) => void; signal: AbortSignal | undefined; onAbort: () => void }[];
  timer: ReturnType<typeof setTimeout> | null;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const RETRY_STATUSES = new Set([408, 429]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function sleep(ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError(url));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(cancelledError(url));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After: seconds or an HTTP date → ms, or null. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now) : null;
}

function httpMessage(status: number, url: string): string {
  const name =
    status === 404
      ? 'HTTP 404，页面不存在'
      : status === 410
        ? 'HTTP 410，页面已删除'
        : status === 401 || status === 403
          ? `HTTP ${status}，无权访问`
          : status >= 500
            ? `HTTP ${status}，服务器错误`
            : `HTTP ${status}`;
  return `${name}：${url}`;
}

function httpCode(status: number): ErrorCode {
  if (status === 404 || status === 410) return 'E_NOT_FOUND';
  if (status === 401 || status === 403) return 'E_FORBIDDEN';
  return 'E_RESOURCE';
}

/** Every address of a host name, from the system resolver (empty when it cannot tell). */
async function systemLookup(host: string): Promise<string[]> {
  try {
    return (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    // Not resolvable here (a proxy may still reach it): the request itself will tell.
    return [];
  }
}

export class HttpClient {
  readonly userAgent: string;
  readonly stats: ClientStats = { requests: 0, notModified: 0, retries: 0, robotsBlocked: 0, refused: 0, bytes: 0 };
  readonly policy: NetPolicy;
  private readonly hosts = new Map<string, HostState>();
  private readonly robotsCache: RobotsCache;
  /** This client's (this run's) robots.txt fetches, one per origin, including unreachable ones. */
  private readonly robotsLoads = new Map<string, Promise<RobotsAnswer>>();
  private readonly resolved = new Map<string, Promise<string[]>>();
  private readonly lookup: ((host: string) => Promise<string[]>) | null;
  private readonly perHost: number;
  private readonly delayMs: number;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly obeyRobots: boolean;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;

  constructor(options: HttpClientOptions = {}) {
    this.perHost = Math.max(1, Math.min(options.perHost ?? 2, 8));
    this.delayMs = Math.max(0, options.delayMs ?? 500);
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.deadlineMs = options.deadlineMs ?? 60_000;
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.obeyRobots = options.robots ?? true;
    this.robotsCache = options.robotsCache ?? new RobotsCache();
    this.policy = options.policy ?? NetPolicy.open();
    this.lookup = options.lookup === undefined ? systemLookup : options.lookup;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.random = options.random ?? Math.random;
    this.userAgent = userAgentFor(options.version);
  }

  /**
   * Why the policy refuses `url` (a Chinese reason), or null when it may be asked. Also checks
   * what a host name resolves to, so a name pointing at 169.254.169.254 is refused as well.
   */
  async refusal(url: string): Promise<string | null> {
    const direct = this.policy.check(url);
    if (direct) return direct.reason;
    const u = new URL(url);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (!this.lookup || isIP(host) !== 0 || host === 'localhost') return null;
    let p = this.resolved.get(host);
    if (!p) {
      p = this.lookup(host);
      this.resolved.set(host, p);
    }
    for (const address of await p) {
      const r = this.policy.checkResolved(url, address);
      if (r) return r.reason;
    }
    return null;
  }

  private async enforce(url: string, asked: string): Promise<void> {
    const reason = await this.refusal(url);
    if (reason === null) return;
    this.stats.refused++;
    const via = url === asked ? '' : `（由 ${asked} 重定向）`;
    throw new FetchError('E_FORBIDDEN', 'policy', url, `${reason}：${url}${via}`);
  }

  /** GET with politeness, conditional validators, retries, redirects, the policy and robots. */
  async get(url: string, options: RequestOptions = {}): Promise<FetchResult> {
    const deadlineMs = options.deadlineMs ?? this.deadlineMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    try {
      return await this.getWithin(url, { ...options, signal });
    } catch (error) {
      if (deadline.aborted && !options.signal?.aborted) {
        throw new FetchError('E_RESOURCE', 'deadline', url, `请求超过总时限（${Math.round(deadlineMs / 100) / 10} 秒），已中止：${url}`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  private async getWithin(url: string, options: RequestOptions): Promise<FetchResult> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new FetchError('E_INVALID_ARGUMENT', 'invalid-url', url, `网址无效：${url}`);
    }
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      this.stats.refused++;
      throw new FetchError('E_INVALID_ARGUMENT', 'invalid-url', url, `只支持 http/https 网址：${url}`);
    }
    const seen = new Set<string>([current.href]);
    let hops = 0;
    const method = 'GET' as const;
    for (;;) {
      if (options.signal?.aborted) throw cancelledError(url);
      await this.enforce(current.href, url);
      await this.checkRobots(current, options.signal);
      const res = await this.withRetries(current.href, method, options, hops === 0);
      if (REDIRECT_STATUSES.has(res.status)) {
        const location = res.headers.get('location');
        await res.body?.cancel().catch(() => undefined);
        if (!location)
          throw new FetchError('E_RESOURCE', 'http', url, `HTTP ${res.status} 重定向缺少目标地址：${current.href}`, { status: res.status });
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchError('E_RESOURCE', 'invalid-url', url, `重定向目标无效：${current.href}`);
        }
        next.hash = '';
        // The next hop is checked before anything is sent to it (file:, another site, 169.254…).
        await this.enforce(next.href, url);
        if (seen.has(next.href)) throw new FetchError('E_RESOURCE', 'redirect-loop', url, `重定向循环：${url}`);
        hops++;
        if (hops > this.maxRedirects)
          throw new FetchError('E_RESOURCE', 'too-many-redirects', url, `重定向过多（超过 ${this.maxRedirects} 次）：${url}`);
        seen.add(next.href);
        current = next;
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        this.stats.notModified++;
        return {
          url,
          finalUrl: current.href,
          status: 304,
          notModified: true,
          bytes: new Uint8Array(0),
          contentType: res.headers.get('content-type'),
          etag: res.headers.get('etag') ?? options.etag ?? null,
          lastModified: res.headers.get('last-modified') ?? options.lastModified ?? null,
          redirects: hops,
        };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(httpCode(res.status), 'http', url, httpMessage(res.status, url), { status: res.status });
      }
      const bytes = await this.readBody(res, url, options);
      this.stats.bytes += bytes.length;
      return {
        url,
        finalUrl: current.href,
        status: res.status,
        notModified: false,
        bytes,
        contentType: res.headers.get('content-type'),
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
        redirects: hops,
      };
    }
  }

  /** Whether robots.txt lets us fetch this URL (fetches and caches the origin's robots.txt). */
  async allowed(url: string, signal?: AbortSignal): Promise<boolean> {
    if (!this.obeyRobots) return true;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    const answer = await this.robotsFor(u, signal);
    return answer.unreachable === null && answer.rules.allows(u.pathname + u.search);
  }

  private async checkRobots(u: URL, signal: AbortSignal | undefined): Promise<void> {
    if (!this.obeyRobots || u.pathname === '/robots.txt') return;
    const answer = await this.robotsFor(u, signal);
    if (answer.unreachable !== null) {
      this.stats.robotsBlocked++;
      throw new FetchError('E_RESOURCE', 'robots-unreachable', u.href, `${answer.unreachable}：${u.href}`, {
        status: answer.status ?? undefined,
      });
    }
    if (!answer.rules.allows(u.pathname + u.search)) {
      this.stats.robotsBlocked++;
      throw new FetchError('E_FORBIDDEN', 'robots', u.href, `robots.txt 禁止抓取：${u.href}`);
    }
  }

  private robotsFor(u: URL, signal: AbortSignal | undefined): Promise<RobotsAnswer> {
    const origin = u.origin;
    const cached = this.robotsCache.get(origin);
    if (cached) return Promise.resolve(cached);
    // One fetch per origin per run; an unreachable answer stays for this run only.
    let p = this.robotsLoads.get(origin);
    if (!p) {
      p = this.loadRobots(origin, signal).then((answer) => {
        this.robotsCache.set(origin, answer);
        return answer;
      });
      this.robotsLoads.set(origin, p);
      // A cancelled robots fetch must not poison this run's later requests.
      p.catch(() => this.robotsLoads.delete(origin));
    }
    return p;
  }

  /**
   * RFC 9309 §2.3.1: up to five redirects (each hop under the policy); 2xx is parsed (the first
   * 512 KiB); 4xx means there are no rules; 5xx or no answer means "disallow all" for now.
   */
  private async loadRobots(origin: string, signal: AbortSignal | undefined): Promise<RobotsAnswer> {
    const first = `${origin}/robots.txt`;
    const unreachable = (status: number | null, why: string): RobotsAnswer => ({
      rules: RobotsRules.disallowAll(),
      status,
      unreachable: `无法获取 robots.txt（${why}），本次未抓取`,
    });
    let url = first;
    for (let hop = 0; ; hop++) {
      const refused = await this.refusal(url);
      if (refused) return unreachable(null, `重定向到不允许的地址：${url}，${refused}`);
      let res: Response;
      try {
        res = await this.once(url, 'GET', { signal, accept: 'text/plain', timeoutMs: Math.min(this.timeoutMs, 10_000) }, 'manual');
      } catch (error) {
        if (signal?.aborted) throw cancelledError(first);
        return unreachable(null, error instanceof FetchError && error.reason === 'timeout' ? '请求超时' : '无法连接');
      }
      if (REDIRECT_STATUSES.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        let next: string | null;
        try {
          next = location ? new URL(location, url).href : null;
        } catch {
          next = null;
        }
        // Too many hops or nowhere to go: "unavailable" (§2.3.1.2), as a 4xx.
        if (!next || hop >= 4) return { rules: RobotsRules.allowAll(), status: res.status, unreachable: null };
        url = next;
        continue;
      }
      if (res.status >= 400 && res.status < 500) {
        await res.body?.cancel().catch(() => undefined);
        return { rules: RobotsRules.allowAll(), status: res.status, unreachable: null };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        return unreachable(res.status, String(res.status));
      }
      try {
        const bytes = await readPrefix(res, 512 * 1024);
        return { rules: parseRobots(new TextDecoder('utf-8').decode(bytes), 'yandu'), status: res.status, unreachable: null };
      } catch {
        if (signal?.aborted) throw cancelledError(first);
        return unreachable(res.status, '读取中断');
      }
    }
  }

  private async withRetries(url: string, method: 'GET', options: RequestOptions, conditional: boolean): Promise<Response> {
    let timeouts = 0;
    for (let attempt = 0; ; attempt++) {
      let res: Response | null = null;
      let failure: FetchError | null = null;
      try {
        res = await this.once(url, method, conditional ? options : { ...options, etag: null, lastModified: null }, 'manual');
      } catch (error) {
        if (error instanceof FetchError && error.reason === 'cancelled') throw error;
        failure = error instanceof FetchError ? error : new FetchError('E_RESOURCE', 'network', url, `无法连接：${url}`, { cause: error });
        if (failure.reason === 'timeout') timeouts++;
      }
      const retryable = res
        ? res.status >= 500 || RETRY_STATUSES.has(res.status)
        : failure !== null && (failure.reason === 'network' || (failure.reason === 'timeout' && timeouts <= 1));
      if (!retryable || attempt >= this.retries) {
        if (res) return res;
        throw failure!;
      }
      let wait = Math.min(this.maxWaitMs, this.backoffMs * 2 ** attempt) * (0.5 + this.random() * 0.5);
      if (res) {
        const ra = parseRetryAfter(res.headers.get('retry-after'));
        if (ra !== null) wait = Math.min(this.maxWaitMs, Math.max(wait, ra));
        await res.body?.cancel().catch(() => undefined);
      }
      this.stats.retries++;
      await sleep(wait, options.signal, url);
    }
  }

  /** One HTTP exchange under the host's politeness limits; resolves with headers, body unread. */
  private async once(url: string, method: 'GET', options: RequestOptions, redirect: 'manual' | 'follow'): Promise<Response> {
    const host = new URL(url).host.toLowerCase();
    await this.acquire(host, options.signal, url);
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        this.release(host);
      }
    };
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      'User-Agent': this.userAgent,
      Accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5',
      'Accept-Language': 'zh-CN,zh;q=0.9',
    };
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
    if (options.referer) headers.Referer = options.referer;
    this.stats.requests++;
    try {
      const res = await this.fetchImpl(url, { method, headers, redirect, signal });
      // The slot is held until the body is read or dropped: wrap it so release happens then.
      return wrapRelease(res, release, timeoutMs, url, options.signal);
    } catch (error) {
      release();
      throw toFetchError(error, url, timeoutMs, options.signal);
    }
  }

  private readBody(res: Response, url: string, options: RequestOptions): Promise<Uint8Array> {
    const cap = options.maxBytes ?? this.maxBytes;
    return readCapped(res, cap, {
      tooLarge: () => new FetchError('E_RESOURCE', 'too-large', url, `内容过大（超过 ${formatBytes(cap)}）：${url}`),
      broken: (error) => toFetchError(error, url, options.timeoutMs ?? this.timeoutMs, options.signal),
    });
  }

  private acquire(host: string, signal: AbortSignal | undefined, url: string): Promise<void> {
    let st = this.hosts.get(host);
    if (!st) {
      st = { active: 0, lastStart: 0, waiters: [], timer: null };
      this.hosts.set(host, st);
    }
    const state = st;
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError(url));
      const waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = state.waiters.indexOf(waiter);
          if (i >= 0) state.waiters.splice(i, 1);
          reject(cancelledError(url));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      state.waiters.push(waiter);
      this.pump(state);
    });
  }

  private release(host: string): void {
    const st = this.hosts.get(host);
    if (!st) return;
    st.active = Math.max(0, st.active - 1);
    this.pump(st);
  }

  private pump(st: HostState): void {
    while (st.waiters.length > 0 && st.active < this.perHost) {
      const wait = st.lastStart + this.delayMs - Date.now();
      if (wait > 0) {
        if (!st.timer) {
          st.timer = setTimeout(() => {
            st.timer = null;
            this.pump(st);
          }, wait);
        }
        return;
      }
      const w = st.waiters.shift()!;
      w.signal?.removeEventListener('abort', w.onAbort);
      st.active++;
      st.lastStart = Date.now();
      w.resolve();
    }
  }
}

/** At most `cap` bytes of a body; the rest is dropped (robots.txt beyond 512 KiB is ignored). */
async function readPrefix(res: Response, cap: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < cap) {
    const part = await reader.read();
    if (part.done) break;
    chunks.push(part.value);
    total += part.value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, cap);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}

function toFetchError(error: unknown, url: string, timeoutMs: number, userSignal: AbortSignal | undefined): FetchError {
  if (error instanceof FetchError) return error;
  if (userSignal?.aborted) return cancelledError(url);
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchError('E_RESOURCE', 'timeout', url, `请求超时（${Math.round(timeoutMs / 100) / 10} 秒）：${url}`, { cause: error });
  }
  return new FetchError('E_RESOURCE', 'network', url, `无法连接或连接中断：${url}`, { cause: error });
}

/** Releases the host slot when the body is fully read, cancelled, or errors. */
function wrapRelease(res: Response, release: () => void, timeoutMs: number, url: string, userSignal: AbortSignal | undefined): Response {
  if (!res.body || NULL_BODY_STATUSES.has(res.status)) {
    void res.body?.cancel().catch(() => undefined);
    release();
    return res;
  }
  const source = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await source.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(toFetchError(error, url, timeoutMs, userSignal));
      }
    },
    async cancel(reason) {
      release();
      await source.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
