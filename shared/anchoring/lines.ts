/**
 * A passage parted by whole lines inserted inside it (an advert block, a 相关阅读 list put at a
 * sentence end in the middle of its paragraph): its words all stand, in two exact pieces, the first
 * ending a line and the second beginning one a few lines on, the stored context of its own
 * paragraph right beside them. Neither piece alone is the passage, and the approximate search sees
 * too many inserted units to accept it; the passage is the span from the first piece's start to
 * the second's end, the inserted lines inside it (as a highlight over a paragraph break spans it).
 *
 * Placed only when exactly one such parting exists in the text, with enough of the stored own
 * paragraph's context on the two sides to say where (a piece at its paragraph's edge begins or
 * ends a line there, as it did), no old copy of the quote with as much of that context, and only
 * when the first piece ends a sentence: blocks are put between sentences, while lines inside a
 * sentence are a print page's furniture (a page number, a running header), where the words before
 * the break are the passage's place, not a span over them.
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { storedForms } from './normalise';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Whole lines that may part the passage. */
const PARTING_LINES = 8;
/** Units of stored own-paragraph context read next to each piece. */
const SIDE = 8;
/** Units of that context the two sides must hold together. */
const SIDES_MIN = 8;
/** Units the search key holds at least. */
const KEY = 4;
/** Occurrences of the search key looked at. */
const MAX_STARTS = 64;

/** Comparison-form extent [from, to) of the parted passage, inserted lines included, or null. */
export function partedByLinesPlace(doc: Doc, s: TextSelector): { from: number; to: number } | null {
  // A quote over a paragraph break is another case: lines between its pieces may be reordered
  // paragraphs (apart.ts, edges.ts), not lines inserted inside one.
  if (s.exact.includes('\n')) return null;
  const forms = storedForms(s);
  const quote = forms.quote;
  if (quote.length < 2) return null;
  const startKnown = forms.prefixAfterBreak !== null || s.prefix.length < CONTEXT_LENGTH;
  const endKnown = forms.suffixBeforeBreak !== null || s.suffix.length < CONTEXT_LENGTH;
  const ownBefore = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const ownAfter = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const before = ownBefore.slice(-SIDE);
  const after = ownAfter.slice(0, SIDE);
  // A side shorter than SIDE must reach its paragraph's edge, which then stands there too.
  if (before.length + after.length < SIDES_MIN) return null;
  if ((before.length < SIDE && !startKnown) || (after.length < SIDE && !endKnown)) return null;
  // An old copy of the quote that had as much of this context beside it (a caption repeated in the
  // body) may be the one parted here, while the passage's own place was cut.
  if (typeof s.copies === 'number' && s.copies > 0) {
    const copyContext = typeof s.copyContext === 'number' && s.copyContext >= 0 ? s.copyContext : Infinity;
    if (!(copyContext < before.length + after.length)) return null;
  }
  const text = doc.norm.text;
  // Looked for by the side before with the quote's head up to KEY units (a first piece shorter than
  // that head beside a short side is not found: an orphan).
  const key = before + quote.slice(0, Math.max(0, Math.min(quote.length - 1, KEY - before.length)));
  let found: { from: number; to: number } | null = null;
  let starts = 0;
  // The key's occurrences through the document's index, in order (not an indexOf scan per passage).
  for (const at of occurrencesIn(doc, key, MAX_STARTS + 1)) {
    if (++starts > MAX_STARTS) return null;
    if (before.length < SIDE && !paragraphStart(doc, at)) continue;
    const from = at + before.length;
    // The first piece: the quote's first k units, ending a line.
    for (let k = 1; k < quote.length && text.charCodeAt(from + k - 1) === quote.charCodeAt(k - 1); k++) {
      if (!breakAt(doc, from + k) || !endsSentence(text, from + k)) continue;
      const rest = quote.slice(k) + after;
      let line = from + k;
      for (let n = 0; n < PARTING_LINES; n++) {
        line = nextLine(doc, line);
        if (line < 0) break;
        if (!text.startsWith(rest, line)) continue;
        const to = line + quote.length - k;
        if (after.length < SIDE && !(to + after.length === text.length || breakAt(doc, to + after.length))) continue;
        if (found && (found.from !== from || found.to !== to)) return null;
        found = { from, to };
      }
    }
  }
  return found;
}

/** Marks that may close a sentence after its end mark (comparison form: ” 」 folded to ", 】 to ]). */
const CLOSERS = '"\')]）》';

/** Whether the comparison-form units before `end` finish a sentence: 。！？； or …, closing marks after. */
function endsSentence(norm: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && CLOSERS.includes(norm[i] as string)) i--;
  const c = norm[i];
  if (c === '!' || c === '?' || c === ';' || c === '…') return true;
  // A full stop inside a number (3.5) ends nothing.
  return c === '.' && !(/\d/u.test(norm[i - 1] ?? '') && /\d/u.test(norm[i + 1] ?? ''));
}

/** Whether a line break lies right before normalised unit i (only white space between). */
function breakAt(doc: Doc, i: number): boolean {
  const { map, ends } = doc.norm;
  if (i <= 0 || i >= map.length) return false;
  return doc.raw.slice(ends[i - 1] ?? 0, map[i] ?? 0).includes('\n');
}

/** Whether normalised unit i begins a paragraph (or the text). */
function paragraphStart(doc: Doc, i: number): boolean {
  return i === 0 || breakAt(doc, i);
}

/** The normalised unit that begins the line after the one holding unit i, or -1. */
function nextLine(doc: Doc, i: number): number {
  const raw = doc.norm.map[i] ?? doc.raw.length;
  const nl = doc.raw.indexOf('\n', raw + 1);
  if (nl < 0) return -1;
  const next = toNormalised(doc, nl + 1);
  return next < doc.norm.text.length ? next : -1;
}
