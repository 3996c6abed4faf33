/**
 * Bytes of a fetched or imported page → string, with the encoding discipline Chinese intranet
 * sites need: BOM first, then the Content-Type charset, then a `<meta>` charset sniffed in the
 * first 4 KB, then detection (valid UTF-8, else GB18030). Every GB-family label is decoded as
 * GB18030, its superset. An incomplete multibyte sequence at the very end (a truncated download)
 * is dropped, never thrown on and never turned into U+FFFD.
 *
 * Two deliberate departures from a browser's strict precedence, because intranet servers often
 * send a default charset that does not match the page:
 *  - a header `charset=utf-8` on bytes that are not valid UTF-8 is ignored;
 *  - a header `charset=iso-8859-1`/`us-ascii` on bytes with non-ASCII content is ignored;
 *  - a GB-family (or Big5) header or `<meta>` on bytes that are valid, non-ASCII UTF-8 is ignored.
 * In both cases the `<meta>` charset, then detection, decide.
 */
import * as nodeBuffer from 'node:buffer';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding actually used: 'utf-8', 'gb18030', 'utf-16le', … */
  encoding: string;
  /** Where the encoding came from. */
  via: 'bom' | 'header' | 'meta' | 'detected';
}

const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb_2312-80',
  'gb_2312',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'csiso58gb231280',
  'cp936',
  'ms936',
  'windows-936',
  'gb18030',
  'euc-cn',
  'x-euc-cn',
  'hz-gb-2312',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
const LATIN_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252']);

/** Maps a charset label to the encoding we decode with, or null when unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (GB_LABELS.has(l)) return 'gb18030';
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (LATIN_LABELS.has(l)) return 'windows-1252';
  if (l === 'utf-16' || l === 'utf-16le' || l === 'unicode') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (l === 'big5' || l === 'big5-hkscs' || l === 'cn-big5' || l === 'x-x-big5') return 'big5';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** A `<meta charset>` or `<meta http-equiv=Content-Type content="…charset=…">` in the first 4 KB. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const re = /<meta\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

/** Length of the bytes without an incomplete UTF-8 sequence at the very end. */
function utf8CompleteLength(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

// Node's native validators (simdutf): a page is checked in microseconds, where a strict
// TextDecoder pass (and a byte loop in JS, slow until compiled) cost more than parsing it.
// Looked up at run time so an older runtime falls back to the portable checks.
const nativeIsUtf8 = (nodeBuffer as { isUtf8?: (b: Uint8Array) => boolean }).isUtf8;
const nativeIsAscii = (nodeBuffer as { isAscii?: (b: Uint8Array) => boolean }).isAscii;

function strictUtf8(b: Uint8Array): boolean {
  if (typeof nativeIsUtf8 === 'function') return nativeIsUtf8(b);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes (ignoring an incomplete sequence at the end) are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes.subarray(0, utf8CompleteLength(bytes)));
}

function hasNonAscii(bytes: Uint8Array): boolean {
  if (typeof nativeIsAscii === 'function') return !nativeIsAscii(bytes);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** Length of GB18030 bytes without an incomplete 2- or 4-byte sequence at the very end. */
function gbCompleteLength(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x81 || c === 0xff) {
      i += 1;
      continue;
    }
    if (i + 1 >= n) return i;
    const c2 = b[i + 1]!;
    if (c2 >= 0x30 && c2 <= 0x39) {
      if (i + 4 > n) return i;
      i += 4;
    } else i += 2;
  }
  return n;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') {
    const whole = bytes.subarray(0, utf8CompleteLength(bytes));
    // Valid UTF-8 without a BOM decodes to the same string either way, Buffer's decoder faster;
    // TextDecoder keeps its own handling of a BOM and of invalid sequences (U+FFFD).
    const bom = whole.length >= 3 && whole[0] === 0xef && whole[1] === 0xbb && whole[2] === 0xbf;
    if (!bom && strictUtf8(whole)) return Buffer.from(whole.buffer, whole.byteOffset, whole.length).toString('utf8');
    return new TextDecoder('utf-8').decode(whole);
  }
  if (encoding === 'gb18030') {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, gbCompleteLength(bytes)), 'gb18030');
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
    return iconv.decode(Buffer.from(even.buffer, even.byteOffset, even.length), encoding);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
}

/** Decodes a page's bytes; `contentType` is the HTTP Content-Type header value, if any. */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  // 1. BOM
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeWith(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', via: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeWith(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', via: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeWith(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', via: 'bom' };
  }
  if (bytes.length >= 4 && bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { text: decodeWith(bytes.subarray(4), 'gb18030'), encoding: 'gb18030', via: 'bom' };
  }

  // 2. Content-Type header
  const fromHeader = normaliseCharset(charsetFromContentType(contentType));
  if (fromHeader && acceptable(fromHeader, bytes)) {
    return { text: decodeWith(bytes, fromHeader), encoding: fromHeader, via: 'header' };
  }

  // 3. <meta> in the first 4 KB
  const fromMeta = normaliseCharset(sniffMetaCharset(bytes));
  if (fromMeta && fromMeta !== 'utf-16le' && fromMeta !== 'utf-16be' && acceptable(fromMeta, bytes)) {
    return { text: decodeWith(bytes, fromMeta), encoding: fromMeta, via: 'meta' };
  }

  // 4. Detection
  const detected = isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
  return { text: decodeWith(bytes, detected), encoding: detected, via: 'detected' };
}

/** Whether a declared encoding is believable for these bytes (see the module comment). */
function acceptable(encoding: string, bytes: Uint8Array): boolean {
  if (encoding === 'utf-8') return isValidUtf8(bytes);
  if (encoding === 'windows-1252') return !hasNonAscii(bytes);
  // Saved pages and template copies often keep a gb2312 declaration over UTF-8 bytes; GBK text
  // with Chinese in it is practically never valid UTF-8, so valid UTF-8 wins.
  if (encoding === 'gb18030' || encoding === 'big5') return !(hasNonAscii(bytes) && isValidUtf8(bytes));
  return true;
}

/** Convenience: just the text. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  return decodeBytes(bytes, contentType).text;
}
