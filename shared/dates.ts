/**
 * The one date module: dates as Chinese pages, list pages, feeds and meta tags write them, read
 * to ISO YYYY-MM-DD (DESIGN.md: dates stored as ISO strings). Years outside 1980–2100 and days
 * that do not exist are no dates. Pure: used by main's extractor and sync, and by anything in
 * the renderer that reads a date someone typed.
 */

export interface DateParts {
  y: number | null;
  m: number;
  d: number;
}

export function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1980 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const FULL_RE = /(?<![\d.])((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?/;
const SHORT_RE = /(?<![\d./-])(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?![\d.:/-])\s*日?/;
const CN_MD_RE = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The first date in a text, full or short (month and day only). */
export function findDateParts(text: string): DateParts | null {
  const full = FULL_RE.exec(text);
  if (full) {
    const y = Number(full[1]);
    const m = Number(full[2]);
    const d = Number(full[3]);
    if (isoOf(y, m, d)) return { y, m, d };
  }
  for (const re of [CN_MD_RE, SHORT_RE]) {
    const s = re.exec(text);
    if (!s) continue;
    const m = Number(s[1]);
    const d = Number(s[2]);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { y: null, m, d };
  }
  return null;
}

/** Removes date-looking substrings (and brackets around them) from a title. */
export function stripDates(text: string): string {
  return text
    .replace(new RegExp(`[\\[(（【]?\\s*${FULL_RE.source}(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*[\\])）】]?`, 'g'), ' ')
    .replace(/[[(（【]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\])）】]/g, ' ')
    .replace(/(?:^|\s)\d{1,2}-\d{1,2}\s*$/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A date written as a value (a feed's pubDate, a page's meta tag) → YYYY-MM-DD: RFC 822
 * (`Tue, 05 Mar 2024 10:00:00 +0800`), ISO 8601, Chinese forms (also in Chinese numerals or
 * full-width digits), 20240305, or Unix seconds / milliseconds. The date is read as written in
 * its own offset; times given in UTC are shown in China time, unless `asWritten` (a page's own
 * meta tags: the date the page shows, which is what extraction is measured against).
 */
export function parseDateValue(value: string | null | undefined, options: { asWritten?: boolean } = {}): string | null {
  if (!value) return null;
  const v = value.trim();
  if (!v) return null;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]+|[+-]\d{4})?)?/.exec(v);
  if (rfc) {
    const mon = MONTHS[rfc[2]!.toLowerCase()];
    let y = Number(rfc[3]);
    if (y < 100) y += y < 70 ? 2000 : 1900;
    if (mon) {
      const zone = rfc[7] ?? '';
      if (!options.asWritten && rfc[4] !== undefined && /^(?:GMT|UT|UTC|Z|\+0000|-0000)$/i.test(zone)) {
        return chinaDateOf(Date.UTC(y, mon - 1, Number(rfc[1]), Number(rfc[4]), Number(rfc[5])));
      }
      return isoOf(y, mon, Number(rfc[1]));
    }
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(v);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    const d = Number(iso[3]);
    const zone = iso[7] ?? '';
    if (!options.asWritten && iso[4] !== undefined && /^(?:Z|[+-]00:?00)$/i.test(zone)) {
      return chinaDateOf(Date.UTC(y, m - 1, d, Number(iso[4]), Number(iso[5])));
    }
    return isoOf(y, m, d);
  }
  if (/^\d{10}$/.test(v)) return unixToIso(Number(v));
  if (/^\d{13}$/.test(v)) return unixToIso(Math.floor(Number(v) / 1000));
  const found = findDate(v);
  if (found) return found;
  const c = COMPACT_DATE_RE.exec(v);
  return c ? toIso(c[1]!, c[2]!, c[3]!) : null;
}

const DATE_RE = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})(?!\d)\s*日?/;
const DATE_RE_G = new RegExp(DATE_RE.source, 'g');
const COMPACT_DATE_RE = /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;

function toIso(y: string, m: string, d: string): string | null {
  return isoOf(Number(y), Number(m), Number(d));
}

const CN_DIGITS: Record<string, string> = {
  〇: '0',
  '○': '0',
  零: '0',
  Ｏ: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CN_NUM = '[〇○零Ｏ一二三四五六七八九]';
const CN_SMALL = '(十[一二三四五六七八九]?|[一二三四五六七八九]十?[一二三四五六七八九]?)';
const CN_DATE_RE = new RegExp(`((?:${CN_NUM}|\\d){4})\\s*年\\s*${CN_SMALL}\\s*月\\s*${CN_SMALL}\\s*日`, 'g');

function cnSmall(s: string): string {
  // 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23, 五 → 5
  if (!s.includes('十')) return CN_DIGITS[s] ?? s;
  const [a, b] = s.split('十');
  return String((a ? Number(CN_DIGITS[a]) : 1) * 10 + (b ? Number(CN_DIGITS[b]) : 0));
}

/**
 * Full-width digits and separators (２０２３年５月４日, ２０２３－０５－０４) and dates written in
 * Chinese numerals (二〇二三年六月十二日) as ASCII digits, for date matching only: the article
 * text itself keeps what the page wrote.
 */
export function foldDigits(text: string): string {
  let t = text.replace(/[\uff10-\uff19\uff0d\uff0e\uff0f\uff1a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // 〇 typed among ASCII digits (2〇23年) is a zero.
  if (/[〇○]/.test(t)) t = t.replace(/[〇○](?=[\d〇○]*\d)|(?<=\d[\d〇○]*)[〇○]/g, '0');
  if (/[〇○零]|[一二三四五六七八九十]\s*月/.test(t)) {
    t = t.replace(
      CN_DATE_RE,
      (_m, y: string, mo: string, d: string) => `${Array.from(y, (c) => CN_DIGITS[c] ?? c).join('')}年${cnSmall(mo)}月${cnSmall(d)}日`,
    );
  }
  return t;
}

/** The first valid full date (year, month and day) in a text, as YYYY-MM-DD. */
export function findDate(raw: string): string | null {
  const text = foldDigits(raw);
  DATE_RE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE_G.exec(text))) {
    const iso = toIso(m[1]!, m[2]!, m[3]!);
    if (iso) return iso;
  }
  return null;
}

/** The time written right after the first date in a text (HH:MM or HH:MM:SS), if any. */
export function findTime(raw: string): string | null {
  const text = foldDigits(raw);
  const d = DATE_RE.exec(text);
  if (!d) return null;
  const m = /^[\sT日]*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?!\d)/.exec(text.slice(d.index + d[0].length));
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}${m[3] ? `:${m[3]}` : ''}`;
}

/**
 * The time written right after the date `iso` (YYYY-MM-DD) in a text, that date also in forms
 * findDate does not read as one: split over elements (`2024 07/12 08:30:15`) or run into the
 * time (`2024年09月03日07:21`).
 */
export function findTimeOn(raw: string, iso: string): string | null {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return null;
  const sep = '[\\s\\-/.年月]{1,4}';
  const re = new RegExp(`(?<!\\d)${y}${sep}0?${m}${sep}0?${d}(?!\\d)[\\s日T]*(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?(?!\\d)`);
  const t = re.exec(foldDigits(raw));
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59 || (t[3] !== undefined && Number(t[3]) > 59)) return null;
  return `${t[1]!.padStart(2, '0')}:${t[2]}${t[3] ? `:${t[3]}` : ''}`;
}

/** Unix seconds → the date in China (UTC+8). */
export function unixToIso(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return chinaDateOf(seconds * 1000);
}

/** A moment (ms since the epoch, UTC) → its date in China (UTC+8). */
export function chinaDateOf(utcMs: number): string | null {
  if (!Number.isFinite(utcMs)) return null;
  const d = new Date(utcMs + 8 * 3600 * 1000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Dates in article URLs: /2024-03/05/, /202403/t20240305_1.html, /20240305/, /2024/0305/, /2024/3/5/, /202403/05/. */
export function dateFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname; // not the host: a number in a host name is no date
  } catch {
    /* a relative or odd URL: read it as written */
  }
  let m = /[/_t-](20\d{2})(\d{2})(\d{2})(?=[_/.-]|$)/.exec(path);
  if (m) return toIso(m[1]!, m[2]!, m[3]!);
  // Month and day run together only as four digits (/2024/0305/): a three-digit segment after a
  // year (/2024/126/) is an issue or an id, not 1-26.
  m = /\/(20\d{2})[-/_](?:(\d{1,2})[-/_]|(\d{2}))(\d{2})(?=[/_.-])/.exec(path);
  if (m) return toIso(m[1]!, (m[2] ?? m[3])!, m[4]!);
  // 大汉 JCMS writes month and day unpadded (/art/2022/11/3/); some sites split /202305/04/.
  m = /\/(20\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(path) ?? /\/(20\d{2})(\d{2})\/(\d{2})\//.exec(path);
  if (m) return toIso(m[1]!, m[2]!, m[3]!);
  return null;
}

/** A line that is nothing but a date (and maybe a time), e.g. `[2024-03-05]`, `2012年10月10日`. */
export function isDateOnly(raw: string): boolean {
  const text = foldDigits(raw);
  return /^[\s[【(（]*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|星期.|周.))*[\s\])）】]*$/.test(
    text,
  );
}
