/**
 * A careful WebDAV client for an organisation's channel folder (issue 21): the server is a
 * plain file store we do not control (IIS, Apache, nginx, Nextcloud, a NAS, a cloud drive).
 *  - Every request and every redirect hop is checked against the channel's network policy
 *    (net-policy.ts: the channel's own origin, never link-local or the app's own port), and the
 *    addresses a host name resolves to are checked too. Redirects are followed by hand, only
 *    for reads.
 *  - Basic or Digest (RFC 7616, MD5 / SHA-256, qop=auth) after the server's challenge; the
 *    scheme is remembered, so a body is never sent twice just to learn it. 401/403 are errors
 *    (E_CHANNEL_AUTH), never retried or queued.
 *  - Network errors and 5xx are retried with backoff and jitter (507 is a full disk: not);
 *    every request has an idle timeout and a total deadline; every body has a cap, enforced
 *    while streaming.
 *  - Listings (PROPFIND Depth 1) are parsed by a streaming XML parser; a DOCTYPE or entity
 *    declaration is refused before parsing (no entity expansion, so no entity bomb).
 *  - Writes never replace anything: PUT to a temporary name in the same folder, then MOVE with
 *    `Overwrite: F` (412 means the name exists: E_CHANNEL_EXISTS), then read back: a server that
 *    checks and renames in two steps can let a second MOVE of the name through, and the writer
 *    whose bytes are not there is told. A reader never sees half a file.
 *  - Two writers of one name are kept apart by a WebDAV LOCK on the final name, taken before the
 *    MOVE and released after the read-back (Apache: a lock-null resource; rclone: an empty file
 *    under the lock, which the MOVE replaces): the second writer waits, then finds the name taken.
 *    A server without locks gets the MOVE and read-back alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { SaxesParser } from 'saxes';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { userAgentFor } from '../sync/http-client';
import { NetPolicy } from '../sync/net-policy';
import { readCapped } from '../sync/read-capped';
import { certErrorCode, fetchTrusting } from './ca-cert';

export interface DavClientOptions {
  /** The channel folder, http(s), ending in `/` (added when missing). */
  url: string;
  user?: string;
  password?: string;
  /** Ports of the app's own servers on this machine: never asked. */
  ownPorts?: () => readonly number[];
  /** Idle timeout per request, ms (default 30 s). */
  timeoutMs?: number;
  /** Total time for one operation, retries included, ms (default 5 min). */
  deadlineMs?: number;
  /** Extra attempts after the first for network errors and 5xx (default 3). */
  retries?: number;
  /** First backoff, ms (default 500), doubled per attempt, with jitter. */
  backoffMs?: number;
  /** Cap for a listing's body (default 4 MiB). */
  maxListingBytes?: number;
  /** Cap for a downloaded file (default 200 MiB). */
  maxFileBytes?: number;
  /** Resolves a host name (default: the system resolver); null skips the check. */
  lookup?: ((host: string) => Promise<string[]>) | null;
  /** PEM of a CA this channel's https server is trusted by, besides the system's roots. */
  caCert?: string | null;
  /** Test hook. */
  fetchImpl?: typeof fetch;
  random?: () => number;
}

export interface DavEntry {
  /** Decoded last path segment. */
  name: string;
  /** Path relative to the channel folder (decoded, `/`-separated, folders end in `/`). */
  path: string;
  isFolder: boolean;
  size: number | null;
  etag: string | null;
  modified: string | null;
}

export class ChannelError extends AppError {
  readonly status: number | null;
  constructor(code: ErrorCode, message: string, status: number | null = null, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ChannelError';
    this.status = status;
  }
}

const MAX_REDIRECTS = 5;
const TEMP_PREFIX = '.yandu-upload-';

/** Whether a name is one of our unfinished uploads (hidden from listings, swept later). */
export const isTempName = (name: string): boolean => name.startsWith(TEMP_PREFIX);

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

/** Percent-encodes each segment of a relative path (names may be Chinese). */
export function encodePath(relative: string): string {
  return relative
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

interface Challenge {
  scheme: 'basic' | 'digest';
  params: Record<string, string>;
}

/** The strongest challenge we can answer from WWW-Authenticate: Digest (MD5/SHA-256) over Basic. */
export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const found: Challenge[] = [];
  // Challenges are separated by a scheme token at the start or after a comma.
  const re = /(?:^|,)\s*(Basic|Digest)\b((?:\s*,?\s*[a-zA-Z-]+\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^\s,]+))*)/gi;
  for (const m of header.matchAll(re)) {
    const params: Record<string, string> = {};
    for (const p of (m[2] ?? '').matchAll(/([a-zA-Z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g))
      params[p[1]!.toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
    found.push({ scheme: m[1]!.toLowerCase() as Challenge['scheme'], params });
  }
  const digest = found.find((c) => c.scheme === 'digest' && /^(MD5|SHA-256)?$/i.test(c.params.algorithm ?? ''));
  return digest ?? found.find((c) => c.scheme === 'basic') ?? null;
}

export class DavClient {
  readonly base: URL;
  private readonly policy: NetPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly lookup: ((host: string) => Promise<string[]>) | null;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  readonly maxListingBytes: number;
  readonly maxFileBytes: number;
  private challenge: Challenge | null = null;
  private nonceCount = 0;
  private readonly userAgent = userAgentFor();

  constructor(private readonly options: DavClientOptions) {
    let base: URL;
    try {
      base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    } catch {
      throw new ChannelError('E_INVALID_ARGUMENT', `通道地址无效：${options.url}`);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:')
      throw new ChannelError('E_INVALID_ARGUMENT', `通道地址只能是 http 或 https：${options.url}`);
    if (base.username || base.password)
      throw new ChannelError('E_INVALID_ARGUMENT', '通道地址里不能写用户名或密码，请在“用户名”“密码”栏中填写。');
    this.base = base;
    this.policy = new NetPolicy({ allow: [base.origin], ownPorts: options.ownPorts });
    const never = this.policy.check(base.href);
    if (never) throw new ChannelError('E_FORBIDDEN', `不能使用这个通道地址：${never.reason}`);
    this.fetchImpl = options.fetchImpl ?? (options.caCert && base.protocol === 'https:' ? fetchTrusting(options.caCert) : fetch);
    this.lookup = options.lookup === undefined ? (h) => dnsLookup(h, { all: true }).then((r) => r.map((a) => a.address)) : options.lookup;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.deadlineMs = options.deadlineMs ?? 300_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxListingBytes = options.maxListingBytes ?? 4 * 1024 * 1024;
    this.maxFileBytes = options.maxFileBytes ?? 200 * 1024 * 1024;
  }

  /** Absolute URL of a path relative to the channel folder. */
  urlOf(relative: string): string {
    return new URL(encodePath(relative), this.base).href;
  }

  /** Entries of a folder (Depth 1), without the folder itself and without our unfinished uploads. */
  async list(folder: string, signal?: AbortSignal): Promise<DavEntry[]> {
    const url = this.urlOf(folder.endsWith('/') || folder === '' ? folder : `${folder}/`);
    const body =
      '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getcontentlength/><D:getetag/><D:getlastmodified/></D:prop></D:propfind>';
    const res = await this.operation('PROPFIND', url, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body,
      signal,
      maxBytes: this.maxListingBytes,
      follow: true,
    });
    if (res.status === 404) return [];
    if (res.status !== 207) throw this.statusError('PROPFIND', url, res.status);
    const own = folder.replace(/\/+$/, '');
    return parseMultistatus(res.bytes, url).flatMap((e) => {
      const rel = this.relative(e.href);
      if (rel === null || rel.replace(/\/+$/, '') === own) return [];
      const name = rel.replace(/\/$/, '').split('/').pop() ?? '';
      if (!name || isTempName(name)) return [];
      return [{ name, path: rel, isFolder: e.isFolder, size: e.size, etag: e.etag, modified: e.modified }];
    });
  }

  /** A file's bytes (null when it does not exist), under the file cap. */
  async get(path: string, signal?: AbortSignal, maxBytes = this.maxFileBytes): Promise<{ bytes: Uint8Array; etag: string | null } | null> {
    const url = this.urlOf(path);
    const res = await this.operation('GET', url, { signal, maxBytes, follow: true });
    if (res.status === 404) return null;
    if (res.status !== 200) throw this.statusError('GET', url, res.status);
    return { bytes: res.bytes, etag: res.headers.get('etag') };
  }

  /** Creates a folder and its parents (an existing folder is fine). */
  async ensureFolder(path: string, signal?: AbortSignal): Promise<void> {
    const parts = path.split('/').filter(Boolean);
    // From the channel folder itself down (a new channel's folder is made on first use).
    for (let i = 0; i <= parts.length; i++) {
      const url = i === 0 ? this.base.href : this.urlOf(`${parts.slice(0, i).join('/')}/`);
      for (let attempt = 0; ; attempt++) {
        const res = await this.operation('MKCOL', url, { signal, maxBytes: 64 * 1024 });
        // 201 made; 405 (Apache, IIS) when it exists already; 301 from servers that add the slash.
        if (res.status === 201 || res.status === 405 || res.status === 301) break;
        // Another writer making the same folder this moment: rclone answers 423 (locked), Apache
        // 403 when its mkdir finds the folder just made, some servers 409 while the parent is
        // half made. Made by them is as good as made by us; a real refusal stays one.
        if (res.status === 423 || res.status === 409 || res.status === 403) {
          if (await this.isFolder(url, signal)) break;
          if (res.status !== 403 && attempt < this.retries) {
            await this.wait(attempt, signal ?? new AbortController().signal);
            continue;
          }
        }
        throw this.statusError('MKCOL', url, res.status);
      }
    }
  }

  private async isFolder(url: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.operation('PROPFIND', url, { headers: { Depth: '0' }, signal, maxBytes: 64 * 1024 });
    return res.status === 207;
  }

  /** PUTs `bytes` to a fresh temporary name in `path`'s folder (never listed as a packet); its URL. */
  private async putTemp(path: string, bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
    const slash = path.lastIndexOf('/');
    const tempUrl = this.urlOf(`${slash >= 0 ? path.slice(0, slash + 1) : ''}${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    await this.authenticate(signal);
    const put = await this.operation('PUT', tempUrl, {
      headers: { 'Content-Type': 'application/octet-stream', 'If-None-Match': '*' },
      body: bytes,
      signal,
      maxBytes: 64 * 1024,
    });
    if (put.status !== 201 && put.status !== 204 && put.status !== 200) throw this.statusError('PUT', tempUrl, put.status);
    return tempUrl;
  }

  /**
   * Writes a new file under `path` without ever replacing one: the bytes go to a temporary name in
   * the same folder, then MOVE with `Overwrite: F`. E_CHANNEL_EXISTS when the name is taken.
   */
  async putNew(path: string, bytes: Uint8Array, signal?: AbortSignal): Promise<{ etag: string | null }> {
    const tempUrl = await this.putTemp(path, bytes, signal);
    const target = this.urlOf(path);
    let moved = false;
    let lock: { token: string; created: boolean } | null = null;
    // Whether the name held no file with content under our lock: only then is what is left
    // there after a failed write our placeholder (a server may say "created" for a LOCK of a
    // name that held a packet: that packet is never deleted).
    let free = false;
    try {
      lock = await this.lock(target, signal);
      if (lock && (await this.taken(path, signal))) throw new ChannelError('E_CHANNEL_EXISTS', `通道中已有同名文件，未覆盖：${path}`, 412);
      free = lock !== null;
      // Under our lock the name is free (or holds only the lock's empty placeholder): replace that.
      const move = await this.operation('MOVE', tempUrl, {
        headers: lock
          ? { Destination: target, Overwrite: 'T', If: `<${target}> (${lock.token})` }
          : { Destination: target, Overwrite: 'F' },
        signal,
        maxBytes: 64 * 1024,
      });
      if (move.status === 201 || move.status === 204) {
        moved = true;
        // Some servers (Apache's mod_dav_fs) check the name and rename in two steps, so two MOVEs
        // of one name at once can both answer 201, the later replacing the earlier. Read the file
        // back: other bytes there mean another writer's file holds the name, and we are told so.
        const there = await this.get(path, signal);
        if (!there || !sameBytes(there.bytes, bytes))
          throw new ChannelError('E_CHANNEL_EXISTS', `通道中已有同名文件，未覆盖：${path}`, 412);
        return { etag: there.etag };
      }
      // A retried MOVE whose first attempt went through: the temp is gone and the file is there.
      if (move.status === 404 && (await this.exists(path, signal))) {
        moved = true;
        return { etag: null };
      }
      if (move.status === 412) throw new ChannelError('E_CHANNEL_EXISTS', `通道中已有同名文件，未覆盖：${path}`, 412);
      throw this.statusError('MOVE', tempUrl, move.status);
    } finally {
      if (!moved) await this.operation('DELETE', tempUrl, { maxBytes: 64 * 1024 }).catch(() => undefined);
      if (lock) await this.unlock(target, lock, !moved && free);
    }
  }

  /**
   * An exclusive write lock on `url` (null: the server has no locks; the write goes on without).
   * A name another writer holds is waited for, with backoff; still held, the write fails as a
   * busy server (the outbox tries again later).
   */
  private async lock(url: string, signal?: AbortSignal): Promise<{ token: string; created: boolean } | null> {
    const body =
      '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner>yandu</D:owner></D:lockinfo>';
    for (let attempt = 0; ; attempt++) {
      const res = await this.operation('LOCK', url, {
        headers: { 'Content-Type': 'application/xml; charset=utf-8', Depth: '0', Timeout: 'Second-120' },
        body,
        signal,
        maxBytes: 64 * 1024,
      });
      const token = res.headers.get('lock-token')?.trim();
      if ((res.status === 200 || res.status === 201) && token && /^<[^<>\s]{1,300}>$/.test(token))
        return { token, created: res.status === 201 };
      if (res.status === 401 || res.status === 507) throw this.statusError('LOCK', url, res.status);
      if (res.status !== 423) return null;
      if (attempt >= this.retries + 2) throw new ChannelError('E_CHANNEL_SERVER', `通道中另一人正在写入同名文件，稍后再试：${url}`, 423);
      await this.wait(attempt, signal ?? new AbortController().signal);
    }
  }

  /** Whether a file with content holds the name (an empty one is a lock's placeholder, or a crashed writer's). */
  private async taken(path: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.operation('HEAD', this.urlOf(path), { signal, maxBytes: 0, follow: true });
    if (res.status === 404) return false;
    if (res.status >= 200 && res.status < 300) return res.headers.get('content-length') !== '0';
    throw this.statusError('HEAD', this.urlOf(path), res.status);
  }

  /** Releases our lock; the empty placeholder it made is removed when our write did not land. */
  private async unlock(url: string, lock: { token: string; created: boolean }, dropPlaceholder: boolean): Promise<void> {
    if (dropPlaceholder && lock.created)
      await this.operation('DELETE', url, { headers: { If: `<${url}> (${lock.token})` }, maxBytes: 64 * 1024 }).catch(() => undefined);
    await this.operation('UNLOCK', url, { headers: { 'Lock-Token': lock.token }, maxBytes: 64 * 1024 }).catch(() => undefined);
  }

  /**
   * Replaces a file that is only a cache (the channel's index): PUT to a temporary name, then
   * MOVE with `Overwrite: T`, so a reader sees the old file or the new one, never half of one.
   * Never used for anything a person made.
   */
  async replace(path: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    const tempUrl = await this.putTemp(path, bytes, signal);
    let moved = false;
    try {
      const move = await this.operation('MOVE', tempUrl, {
        headers: { Destination: this.urlOf(path), Overwrite: 'T' },
        signal,
        maxBytes: 64 * 1024,
      });
      if (move.status !== 201 && move.status !== 204) throw this.statusError('MOVE', tempUrl, move.status);
      moved = true;
    } finally {
      if (!moved) await this.operation('DELETE', tempUrl, { maxBytes: 64 * 1024 }).catch(() => undefined);
    }
  }

  async exists(path: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.operation('HEAD', this.urlOf(path), { signal, maxBytes: 0, follow: true });
    if (res.status === 404) return false;
    if (res.status >= 200 && res.status < 300) return true;
    throw this.statusError('HEAD', this.urlOf(path), res.status);
  }

  /** Asks once, so the server's challenge is known before a body is sent. */
  async authenticate(signal?: AbortSignal): Promise<void> {
    if (this.challenge || !this.options.user) return;
    const res = await this.operation('PROPFIND', this.base.href, {
      headers: { Depth: '0' },
      signal,
      maxBytes: this.maxListingBytes,
    });
    if (res.status >= 400 && res.status !== 404 && res.status !== 405) throw this.statusError('PROPFIND', this.base.href, res.status);
  }

  /** The path of an href relative to the channel folder, or null when it lies outside it. */
  private relative(href: string): string | null {
    let u: URL;
    try {
      u = new URL(href, this.base);
    } catch {
      return null;
    }
    // Compared decoded: servers differ in how they percent-encode (Apache writes %e7, we %E7).
    let rel: string;
    try {
      const mine = decodeURIComponent(this.base.pathname);
      const theirs = decodeURIComponent(u.pathname);
      if (u.origin !== this.base.origin || !theirs.startsWith(mine)) return null;
      rel = theirs.slice(mine.length);
    } catch {
      return null;
    }
    if (rel.split('/').some((s) => s === '..' || s === '.')) return null;
    return rel;
  }

  private statusError(method: string, url: string, status: number): ChannelError {
    if (status === 401 || status === 403)
      return new ChannelError('E_CHANNEL_AUTH', `通道服务器拒绝访问（${status}），请检查用户名和密码或文件夹权限：${url}`, status);
    if (status === 507) return new ChannelError('E_DISK_FULL', `通道服务器空间已满（507），文件未上传：${url}`, status);
    if (status === 412) return new ChannelError('E_CHANNEL_EXISTS', `通道中已有同名文件，未覆盖：${url}`, status);
    if (status === 404 || status === 409) return new ChannelError('E_NOT_FOUND', `通道中没有这个文件夹或文件（${status}）：${url}`, status);
    return new ChannelError('E_CHANNEL_SERVER', `通道服务器回答 ${status}（${method}），操作未完成：${url}`, status);
  }

  private authorization(method: string, url: string): string | null {
    const c = this.challenge;
    const { user, password } = this.options;
    if (!c || !user) return null;
    if (c.scheme === 'basic') return `Basic ${Buffer.from(`${user}:${password ?? ''}`, 'utf8').toString('base64')}`;
    const algorithm = /^SHA-256$/i.test(c.params.algorithm ?? '') ? 'SHA-256' : 'MD5';
    const h = (s: string) =>
      createHash(algorithm === 'SHA-256' ? 'sha256' : 'md5')
        .update(s, 'utf8')
        .digest('hex');
    const u = new URL(url);
    const uri = `${u.pathname}${u.search}`;
    const realm = c.params.realm ?? '';
    const nonce = c.params.nonce ?? '';
    const ha1 = h(`${user}:${realm}:${password ?? ''}`);
    const ha2 = h(`${method}:${uri}`);
    const qop = (c.params.qop ?? '')
      .split(',')
      .map((q) => q.trim())
      .includes('auth')
      ? 'auth'
      : null;
    const quote = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;
    const parts = [
      `username=${quote(user)}`,
      `realm=${quote(realm)}`,
      `nonce=${quote(nonce)}`,
      `uri=${quote(uri)}`,
      `algorithm=${algorithm}`,
    ];
    if (qop) {
      const nc = (++this.nonceCount).toString(16).padStart(8, '0');
      const cnonce = randomBytes(8).toString('hex');
      parts.push(
        `response=${quote(h(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`))}`,
        `qop=${qop}`,
        `nc=${nc}`,
        `cnonce=${quote(cnonce)}`,
      );
    } else parts.push(`response=${quote(h(`${ha1}:${nonce}:${ha2}`))}`);
    if (c.params.opaque !== undefined) parts.push(`opaque=${quote(c.params.opaque)}`);
    // Header values are bytes: a Chinese user name travels as its UTF-8 bytes, as servers that
    // compare it with their user file (Apache's htdigest) expect.
    return Buffer.from(`Digest ${parts.join(', ')}`, 'utf8').toString('latin1');
  }

  private async checkHop(url: string): Promise<void> {
    const refusal = this.policy.check(url);
    if (refusal) throw new ChannelError('E_FORBIDDEN', `通道请求被拒绝：${refusal.reason}：${url}`);
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (this.lookup && !isIP(host)) {
      let addresses: string[];
      try {
        addresses = await this.lookup(host);
      } catch {
        throw new ChannelError('E_CHANNEL_OFFLINE', `无法解析通道服务器的名称：${host}`);
      }
      for (const a of addresses) {
        const r = this.policy.checkResolved(url, a);
        if (r) throw new ChannelError('E_FORBIDDEN', `通道请求被拒绝：${r.reason}：${url}`);
      }
    }
  }

  /**
   * One operation: redirects (reads only, each hop checked), the auth challenge, retries for
   * network errors and 5xx, under one deadline. Returns any status; callers decide.
   */
  private async operation(
    method: string,
    url: string,
    o: { headers?: Record<string, string>; body?: string | Uint8Array; signal?: AbortSignal; maxBytes: number; follow?: boolean },
  ): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const outer = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
    let current = url;
    let redirects = 0;
    let authTried = false;
    for (let attempt = 0; ; attempt++) {
      if (outer.aborted) throw this.abortError(current, o.signal);
      await this.checkHop(current);
      let res: Response;
      try {
        const headers: Record<string, string> = { 'User-Agent': this.userAgent, ...o.headers };
        const auth = this.authorization(method, current);
        if (auth) headers.Authorization = auth;
        res = await this.fetchImpl(current, {
          method,
          headers,
          body: o.body as RequestInit['body'],
          redirect: 'manual',
          signal: AbortSignal.any([outer, AbortSignal.timeout(this.timeoutMs)]),
        });
      } catch (error) {
        if (o.signal?.aborted) throw this.abortError(current, o.signal);
        // An untrusted certificate will not become trusted by waiting: an error, never retried.
        const cert = certErrorCode(error);
        if (cert)
          throw new ChannelError(
            'E_CHANNEL_CERT',
            `通道服务器的证书不受信任（${cert}），未连接。若服务器使用单位自己的证书，可在通道设置中添加单位的根证书：${current}`,
            null,
            { cause: error },
          );
        if (attempt < this.retries && !deadline.aborted) {
          await this.wait(attempt, outer);
          continue;
        }
        throw new ChannelError('E_CHANNEL_OFFLINE', `无法连接通道服务器：${current}`, null, { cause: error });
      }
      const status = res.status;
      if (status === 401 && !authTried && this.options.user) {
        const challenge = parseChallenge(res.headers.get('www-authenticate'));
        await res.body?.cancel().catch(() => undefined);
        if (challenge) {
          const stale = challenge.scheme === 'digest' && /^true$/i.test(challenge.params.stale ?? '');
          authTried = !stale || this.challenge === null;
          this.challenge = challenge;
          this.nonceCount = 0;
          attempt--;
          continue;
        }
      }
      if (status >= 300 && status < 400 && status !== 304 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => undefined);
        if (!o.follow)
          throw new ChannelError('E_CHANNEL_SERVER', `通道服务器要求转到别处（${status}），写入操作不跟随转向：${current}`, status);
        if (++redirects > MAX_REDIRECTS) throw new ChannelError('E_CHANNEL_SERVER', `通道服务器转向次数过多：${url}`, status);
        current = new URL(res.headers.get('location')!, current).href;
        attempt--;
        continue;
      }
      if ((status >= 500 && status !== 507 && status !== 501) || status === 429 || status === 408) {
        await res.body?.cancel().catch(() => undefined);
        if (attempt < this.retries && !deadline.aborted) {
          await this.wait(attempt, outer);
          continue;
        }
        return { status, headers: res.headers, bytes: new Uint8Array(0) };
      }
      const bytes = method === 'HEAD' ? new Uint8Array(0) : await this.readBody(res, current, o.maxBytes, o.signal);
      return { status, headers: res.headers, bytes };
    }
  }

  private abortError(url: string, signal: AbortSignal | undefined): ChannelError {
    return signal?.aborted
      ? new ChannelError('E_CHANNEL_OFFLINE', `已取消：${url}`)
      : new ChannelError('E_CHANNEL_OFFLINE', `通道服务器长时间没有完成回答，已放弃：${url}`);
  }

  private async wait(attempt: number, signal: AbortSignal): Promise<void> {
    const ms = Math.min(30_000, this.backoffMs * 2 ** attempt) * (0.5 + this.random() / 2);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }

  private readBody(res: Response, url: string, cap: number, signal?: AbortSignal): Promise<Uint8Array> {
    return readCapped(res, cap, {
      tooLarge: () => new ChannelError('E_CHANNEL_SERVER', `通道服务器返回的内容过大（超过 ${formatBytes(cap)}），已拒绝：${url}`),
      broken: (error) =>
        signal?.aborted
          ? this.abortError(url, signal)
          : new ChannelError('E_CHANNEL_OFFLINE', `与通道服务器的连接中断：${url}`, null, { cause: error }),
    });
  }
}

interface RawEntry {
  href: string;
  isFolder: boolean;
  size: number | null;
  etag: string | null;
  modified: string | null;
}

/**
 * A PROPFIND multistatus, streamed. DOCTYPE (and so any entity declaration) is refused, and
 * only the five predefined entities are known to the parser: nothing can expand.
 */
export function parseMultistatus(bytes: Uint8Array, url: string): RawEntry[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bad = (why: string) => new ChannelError('E_CHANNEL_SERVER', `通道服务器的目录回答无法使用（${why}）：${url}`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw bad('含有 DOCTYPE 或实体声明');
  const parser = new SaxesParser({ xmlns: true });
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  let propOk = true;
  let field: string | null = null;
  let buffer = '';
  const stack: string[] = [];
  parser.on('opentag', (tag) => {
    const name = tag.uri === 'DAV:' ? tag.local : `{${tag.uri}}${tag.local}`;
    stack.push(name);
    if (name === 'response') current = { href: '', isFolder: false, size: null, etag: null, modified: null };
    else if (name === 'propstat') propOk = true;
    else if (name === 'collection' && current && stack.includes('resourcetype')) current.isFolder = true;
    if (['href', 'getcontentlength', 'getetag', 'getlastmodified', 'status'].includes(name)) {
      field = name;
      buffer = '';
    }
  });
  parser.on('text', (t) => {
    if (field) buffer += t;
  });
  parser.on('closetag', () => {
    const name = stack.pop();
    if (!current) return;
    if (name === field) {
      const value = buffer.trim();
      if (name === 'href' && stack[stack.length - 1] === 'response') current.href = value;
      else if (name === 'status' && stack[stack.length - 1] === 'propstat') propOk = / 2\d\d /.test(`${value} `);
      else if (propOk && name === 'getcontentlength') current.size = /^\d+$/.test(value) ? Number(value) : null;
      else if (propOk && name === 'getetag') current.etag = value || null;
      else if (propOk && name === 'getlastmodified') current.modified = value || null;
      field = null;
    }
    if (name === 'response') {
      if (current.href) entries.push(current);
      current = null;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw bad(error instanceof Error ? error.message.slice(0, 120) : 'XML 格式错误');
  }
  return entries.map((e) => {
    let path = e.href;
    try {
      path = new URL(e.href, url).pathname;
    } catch {
      // keep as given: relative() refuses it
    }
    return { ...e, href: path };
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
