/**
 * A passage blanked out in place: a 填空 (fill-in) edition of a text for a quiz cuts a term out
 * and leaves a blank where it stood (______, （两个全角空格）, (    )), its answer listed elsewhere. The
 * stored context's nearest units then stand on both sides of the blank. The passage is gone (its
 * words survive only in the answer list, or in another mention of the same term): a copy of the
 * quote elsewhere without that context on both sides is another passage's, and such a placement
 * is an orphan (replaced.ts reads words replaced by other words; a blank shares none of them).
 */
import { occurrences } from './copies';
import { toNormalised, type Doc } from './doc';
import { normalisePrefix, normaliseQuote, normaliseSuffix } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Units of the stored context next to the quote, on each side, that must stand around the blank. */
const KEY = 6;
/** Occurrences of the prefix key looked at. */
const KEY_COPIES = 16;
/** Raw units a blank may take (a long underline). */
const MAX_BLANK = 16;
/** What a blank is made of: underlines, spaces, and brackets around nothing but spaces. */
const BLANK = /^(?:[_＿]{2,}|[ \t\u3000]*[（(][ \t\u3000_＿]*[）)][ \t\u3000]*|[ \t\u3000]*[_＿]{2,}[ \t\u3000]*)$/u;

/** Whether the stored context's nearest KEY units on both sides stand around a blank elsewhere, while placement `a` lacks them on a side. */
export function blankedInPlace(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (quote.length === 0 || prefix.length < KEY || suffix.length < KEY) return false;
  const before = prefix.slice(-KEY);
  const after = suffix.slice(0, KEY);
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  if (text.slice(Math.max(0, from - KEY), from) === before && text.slice(to, to + KEY) === after) return false;
  const { map, ends } = doc.norm;
  for (const at of occurrences(text, before, KEY_COPIES)) {
    const m0 = at + KEY;
    const rawFrom = ends[m0 - 1] ?? 0;
    // The key after, as near as a blank's units allow (an underline may be kept as units).
    for (let m1 = m0; m1 <= m0 + MAX_BLANK && m1 < text.length; m1++) {
      const rawTo = map[m1] ?? doc.raw.length;
      if (rawTo - rawFrom > MAX_BLANK) break;
      if (!text.startsWith(after, m1)) continue;
      if (BLANK.test(doc.raw.slice(rawFrom, rawTo))) return true;
    }
  }
  return false;
}
