/**
 * Dates as list pages and feeds write them, to YYYY-MM-DD: full dates (2024-03-05, 2024/3/5,
 * 2024.03.05, 2024年3月5日), short ones (03-05, [03-05], 3月5日) whose year comes from context,
 * RFC 822 and ISO 8601.
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
 * A feed date → YYYY-MM-DD: RFC 822 (`Tue, 05 Mar 2024 10:00:00 +0800`), ISO 8601, or Chinese
 * forms. The date is read as written in its own offset; times given in UTC are shown in China time.
 */
export function parseFeedDate(value: string | null | undefined): string | null {
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
      if (rfc[4] !== undefined && /^(?:GMT|UT|UTC|Z|\+0000|-0000)$/i.test(zone)) {
        return shiftToChina(Date.UTC(y, mon - 1, Number(rfc[1]), Number(rfc[4]), Number(rfc[5])));
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
    if (iso[4] !== undefined && /^(?:Z|[+-]00:?00)$/i.test(zone)) {
      return shiftToChina(Date.UTC(y, m - 1, d, Number(iso[4]), Number(iso[5])));
    }
    return isoOf(y, m, d);
  }
  const parts = findDateParts(v);
  if (parts && parts.y !== null) return isoOf(parts.y, parts.m, parts.d);
  if (/^\d{10}$/.test(v)) return shiftToChina(Number(v) * 1000);
  return null;
}

function shiftToChina(utcMs: number): string | null {
  if (!Number.isFinite(utcMs)) return null;
  const d = new Date(utcMs + 8 * 3600 * 1000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
