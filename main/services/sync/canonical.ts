/**
 * Canonical URL keys: one spelling per page, so the same article linked twice (with tracking
 * parameters, a fragment, `index.html` or not, a session id in the path) is fetched and stored
 * once. The key names a page; it is not what we ask the server for. A request goes to the link
 * as the user configured it or the page wrote it (`requestUrl`): a server need not answer
 * `/dir/` as it answers `/dir/index.shtml`, nor take its parameters in another order or without
 * a `timestamp` it signed.
 */
import { resolveHttpUrl } from '../../../shared/url';

/** Query parameters that only track where a click came from; never part of a page's identity. */
const TRACKING_PARAMS = new Set([
  'spm',
  'spm_id_from',
  'from',
  'isappinstalled',
  'share_token',
  'sharer_sharetime',
  'sharer_shareid',
  'sharer_shareinfo',
  'sharer_shareinfo_first',
  'share_source',
  'share_medium',
  'share_plat',
  'share_tag',
  'share_from',
  'shareid',
  'scene',
  'subscene',
  'clicktime',
  'enterid',
  'wxfrom',
  'wx_header',
  'fbclid',
  'gclid',
  'msclkid',
  'yclid',
  '_hsenc',
  '_hsmi',
  'mc_cid',
  'mc_eid',
  'ref_src',
  'timestamp',
  'nsukey',
  'winzoom',
  'sessionid',
  'phpsessid',
  'jsessionid',
  'aspsessionid',
]);

function isTrackingParam(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    key = rawKey.toLowerCase();
  }
  return key.startsWith('utm_') || key.startsWith('hmsr') || TRACKING_PARAMS.has(key);
}

/** Directory index documents that a server serves for the directory itself. */
const INDEX_DOC_RE = /\/index\.(?:html?|shtml)$/i;

/**
 * The canonical key of a link: resolved against `base`, http(s) only, lower-case host without a
 * trailing dot, default port dropped, no fragment, no tracking parameters, remaining parameters
 * sorted, `;jsessionid=` stripped, and `/dir/index.html` written as `/dir/`. Null when the link
 * is not a valid http(s) URL.
 */
export function canonicalUrl(raw: string, base?: string | null): string | null {
  const u = resolvedLink(raw, base);
  if (!u) return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');

  let pathname = u.pathname.replace(/;jsessionid=[^/?#;]*/gi, '');
  if (!pathname) pathname = '/';
  pathname = pathname.replace(INDEX_DOC_RE, '/');

  const query = u.search.replace(/^\?/, '');
  let search = '';
  if (query) {
    const kept = query
      .split('&')
      .filter((p) => p !== '')
      .filter((p) => !isTrackingParam(p.split('=')[0] ?? ''));
    kept.sort((a, b) => {
      const ka = a.split('=')[0] ?? '';
      const kb = b.split('=')[0] ?? '';
      if (ka !== kb) return ka < kb ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    if (kept.length > 0) search = `?${kept.join('&')}`;
  }
  const defaultPort = (u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443');
  const port = u.port && !defaultPort ? `:${u.port}` : '';
  const hostPart = u.hostname.startsWith('[') ? u.hostname : host;
  return `${u.protocol}//${hostPart}${port}${pathname}${search}`;
}

/**
 * What we ask the server for: the link resolved against `base`, http(s) only, without its
 * fragment (never sent), otherwise as written. Null when `canonicalUrl` would be null.
 */
export function requestUrl(raw: string, base?: string | null): string | null {
  return resolvedLink(raw, base)?.href ?? null;
}

/** The link resolved, http(s) with a plausible host, its fragment dropped; else null. */
function resolvedLink(raw: string, base?: string | null): URL | null {
  const u = resolveHttpUrl(raw, base);
  if (!u) return null;
  u.hash = '';
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  return !host || /[\s<>"{}|\\^`%]/.test(host) ? null : u;
}

/** Host and port of a URL (the unit politeness limits apply to), or null. */
export function hostKey(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** `file:<absolute path>`: the key of an imported local file. */
export function fileUrlKey(absolutePath: string): string {
  return `file:${absolutePath}`;
}
