/**
 * Where a source's fetches may go: one place, checked by the HTTP client for every request and
 * every redirect hop (so the CLI, the browser host and Electron obey it alike).
 *
 * Allowed: the scheme, host and port of the source's own address, those the user added to the
 * source, and (for a feed) the origins its items link to. Never, whatever the source says:
 * link-local addresses (169.254/16, fe80::/10, where cloud metadata lives), the unspecified
 * address, the app's own host port on this machine, credentials in the URL, any scheme but
 * http/https. Loopback and private ranges are allowed when the source itself is there: intranet
 * sites are.
 */
import { isIP } from 'node:net';

export interface PolicyRefusal {
  /** Chinese, for the log: why this address is not fetched. */
  reason: string;
}

export interface NetPolicyOptions {
  /** Origins (scheme://host[:port]) or full URLs whose origin this source may fetch. */
  allow: readonly string[];
  /** Ports of the app's own servers on this machine (the browser host); never fetched. */
  ownPorts?: () => readonly number[];
}

/** `origin` of a URL the WHATWG way (default ports dropped, host lower-cased), or null. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

function ipv4Parts(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

/** An IPv6 literal (no brackets) as eight 16-bit groups, or null. */
function ipv6Groups(host: string): number[] | null {
  if (isIP(host) !== 6) return null;
  let h = host.toLowerCase();
  // An embedded IPv4 tail (::ffff:169.254.169.254) becomes two groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (tail) {
    const p = ipv4Parts(tail[1]!);
    if (!p) return null;
    h = h.slice(0, -tail[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, rest] = h.split('::') as [string, string | undefined];
  const a = head ? head.split(':') : [];
  const b = rest !== undefined && rest ? rest.split(':') : [];
  const fill = rest !== undefined ? 8 - a.length - b.length : 0;
  const groups = [...a, ...Array<string>(Math.max(0, fill)).fill('0'), ...b].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

export type AddressClass = 'link-local' | 'unspecified' | 'loopback' | 'other';

/** What kind of address a host (name or literal, IPv6 with or without brackets) is. */
export function classifyHost(rawHost: string): AddressClass {
  const host = rawHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = ipv4Parts(host);
  if (v4) return classifyV4(v4);
  const v6 = ipv6Groups(host);
  if (v6) {
    if (v6.every((g) => g === 0)) return 'unspecified';
    if (v6.slice(0, 7).every((g) => g === 0) && v6[7] === 1) return 'loopback';
    if ((v6[0]! & 0xffc0) === 0xfe80) return 'link-local';
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses are that IPv4 address.
    if (v6.slice(0, 5).every((g) => g === 0) && (v6[5] === 0xffff || v6[5] === 0)) {
      return classifyV4([v6[6]! >> 8, v6[6]! & 0xff, v6[7]! >> 8, v6[7]! & 0xff]);
    }
    return 'other';
  }
  return 'other';
}

function classifyV4(p: number[]): AddressClass {
  if (p[0] === 169 && p[1] === 254) return 'link-local';
  if (p[0] === 0) return 'unspecified';
  if (p[0] === 127) return 'loopback';
  return 'other';
}

export function effectivePort(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

/**
 * Checks that hold for every address, whichever source asks: scheme, credentials, link-local,
 * unspecified, the app's own port. Null when none refuses it.
 */
export function alwaysRefused(url: string, ownPorts: readonly number[] = []): PolicyRefusal | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { reason: '网址无效' };
  }
  if (u.protocol === 'file:') return { reason: '不抓取本机文件（file: 链接）' };
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { reason: `只抓取 http/https 网址，不抓取 ${u.protocol} 链接` };
  if (u.username || u.password) return { reason: '网址中含有用户名或密码，不抓取' };
  const kind = classifyHost(u.hostname);
  if (kind === 'link-local') return { reason: '链路本地地址（如云服务器元数据地址），从不抓取' };
  if (kind === 'unspecified') return { reason: '无效的目标地址（0.0.0.0 或 ::），从不抓取' };
  if (kind === 'loopback' && ownPorts.includes(effectivePort(u))) return { reason: '这是研读自身的地址，从不抓取' };
  return null;
}

/** One source's network policy. Mutable only by widening to origins the source itself named. */
export class NetPolicy {
  private readonly origins = new Set<string>();
  private readonly ownPorts: () => readonly number[];

  constructor(options: NetPolicyOptions) {
    this.ownPorts = options.ownPorts ?? (() => []);
    for (const a of options.allow) this.allow(a);
  }

  /** A policy that allows any http(s) origin the "never" rules do not refuse (the CLI's extract). */
  static open(ownPorts?: () => readonly number[]): NetPolicy {
    const p = new NetPolicy({ allow: [], ownPorts });
    p.any = true;
    return p;
  }

  private any = false;

  /** True for the open policy (no source to bound it). */
  get isOpen(): boolean {
    return this.any;
  }

  /**
   * Adds a source's own site: its origin, and the same site under the names sites move between
   * without becoming another site: the scheme upgrade (http → https, default ports) and the
   * www. alias of its host name (with or without www.). A list page that redirects there needs
   * no consent; any other host does.
   */
  allowSite(url: string): void {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
    this.allow(u.origin);
    const defaultPort = u.port === '';
    const schemes = u.protocol === 'http:' && defaultPort ? ['http:', 'https:'] : [u.protocol];
    const host = u.hostname;
    // An address has no www. alias; a name does (www.example.gov.cn ↔ example.gov.cn).
    const isName = /[a-z]/i.test(host) && !host.startsWith('[') && host.includes('.');
    const hosts = [host];
    if (isName) hosts.push(host.startsWith('www.') ? host.slice(4) : `www.${host}`);
    for (const scheme of schemes) for (const h of hosts) this.allow(`${scheme}//${h}${u.port ? `:${u.port}` : ''}`);
  }

  /** Adds an origin (or the origin of a URL). Addresses the "never" rules refuse stay refused. */
  allow(originOrUrl: string): void {
    const o = originOf(originOrUrl);
    if (o) this.origins.add(o);
  }

  /** The allowed origins, for messages. */
  get allowed(): string[] {
    return [...this.origins];
  }

  /** Null when `url` may be fetched; otherwise why not (Chinese). */
  check(url: string): PolicyRefusal | null {
    const never = alwaysRefused(url, this.ownPorts());
    if (never) return never;
    if (this.any) return null;
    const o = originOf(url)!;
    if (this.origins.has(o)) return null;
    return { reason: `不在该来源允许的网站范围内（${[...this.origins].join('、') || '无'}），未抓取` };
  }

  /** Whether a resolved IP address of a host name may be connected to (DNS answers are checked too). */
  checkResolved(url: string, address: string): PolicyRefusal | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return { reason: '网址无效' };
    }
    const kind = classifyHost(address);
    if (kind === 'link-local') return { reason: `域名解析到链路本地地址（${address}），从不抓取` };
    if (kind === 'unspecified') return { reason: `域名解析到无效地址（${address}），从不抓取` };
    if (kind === 'loopback' && this.ownPorts().includes(effectivePort(u))) return { reason: '这是研读自身的地址，从不抓取' };
    return null;
  }
}
