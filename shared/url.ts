/**
 * The one URL resolver for addresses written in pages, feeds and documents (links, images,
 * <base href>, list-page entries). One rule everywhere: tabs and line breaks inside the address
 * are ignored (as a URL parser does, so "jav&#9;ascript:" is still javascript:), the result must
 * be an absolute http(s) URL with a host and without user name or password, and at most
 * MAX_URL_LENGTH characters are read.
 */

export const MAX_URL_LENGTH = 4096;

/** `raw` resolved against `base` (a page address), or null when it is not an acceptable http(s) URL. */
export function resolveHttpUrl(raw: string, base?: string | null): URL | null {
  if (typeof raw !== 'string') return null;
  const s = raw.replace(/[\t\n\r]/g, '').trim();
  if (!s || s.length > MAX_URL_LENGTH) return null;
  let u: URL;
  try {
    u = base ? new URL(s, base) : new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname || u.username || u.password) return null;
  return u;
}

/**
 * An address found in content: resolved to absolute http(s) against the page, or — where there
 * is no page address (a local file, text pasted without its URL) — a relative reference kept as
 * written, for whoever knows the page later. Anything with another scheme is null.
 */
let lastBase: string | null | undefined;
let lastPage: string | null = null;
/** `base` when it is an http(s) page address: asked once per link of a page, so the last answer is kept. */
function pageBase(base: string | null | undefined): string | null {
  if (base !== lastBase) {
    lastBase = base;
    lastPage = base && resolveHttpUrl(base) ? base : null;
  }
  return lastPage;
}

export function resolveContentUrl(raw: string, base?: string | null): string | null {
  const s = typeof raw === 'string' ? raw.replace(/[\t\n\r]/g, '').trim() : '';
  if (!s) return null;
  const page = pageBase(base);
  if (!page && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.startsWith('//')) return s.length > MAX_URL_LENGTH ? null : s;
  return resolveHttpUrl(s, page)?.href ?? null;
}
