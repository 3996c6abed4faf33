/**
 * A copy of a repeated sentence taken while the passage's own paragraph stands elsewhere with the
 * quote edited away (issue 12 item 4). A quote the old text held several times (a sentence a long
 * article repeats), the passage's copy edited so that it no longer reads as the quote, and a
 * reorder moved another paragraph holding a copy of the sentence to where the passage's paragraph
 * was, between the passage's placed neighbours: the neighbours' frame neither grew nor shrank, it
 * holds one copy, and that copy reads the repeated sentence's context as well as the passage did
 * (an edit inside its stored prefix aside). The first pass (confirmed by the neighbours' window)
 * or the frame's lone copy (farbracket.ts) took it.
 *
 * The passage's own place still tells: a paragraph holds the stored context right beside where
 * the quote was (OWN_SIDE units of the prefix's or the suffix's part inside its old paragraph)
 * with no copy of the quote there (edited away), and it holds pieces of the rest of the passage's
 * old paragraph (restBefore, restAfter, recorded by describe()) that the placement's paragraph
 * lacks: at least half of those, at least MORE_PIECES lacking, and more pieces in all than the
 * placement's paragraph holds. That paragraph is the passage's;
 * the placement is another paragraph's copy of the sentence: an orphan. A paragraph split before
 * the sentence keeps the stored side with the quote still beside it, and is no sign; a placement
 * in the passage's own paragraph lacks none of its pieces. Only a placement on the quote's very
 * words (an edited place may be the passage's own paragraph, edited) of MIN_QUOTE units or more
 * (shorter ones are a template's common words, whose pieces other paragraphs share).
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { normaliseQuote, storedForms } from './normalise';
import { paragraphRange } from './paragraphs';
import type { Anchor, TextSelector } from './types';

/** Pieces of the passage's old paragraph the copy's paragraph must lack (one may be quoted along with the sentence). */
const MORE_PIECES = 2;
/** Letters or digits a stored piece needs, marks aside, to tell one paragraph from another. */
const PIECE_WORDS = 5;
/** Places of a piece looked at, at most: a piece this common names no paragraph. */
const PIECE_PLACES = 8;
/** Quotes shorter than this are common words (a template's phrase, a mark and a word): their pieces say little. */
const MIN_QUOTE = 8;
/** Units of a stored side, inside the passage's paragraph, that mark the passage's own place. */
const OWN_SIDE = 12;
const WORDS_ONLY = /[^\p{L}\p{N}]/gu;

/** The recorded pieces of the passage's old paragraph: as stored, and letters and digits only. */
function piecesOf(s: TextSelector): { stored: string; words: string }[] {
  const out: { stored: string; words: string }[] = [];
  for (const side of [s.restBefore, s.restAfter]) {
    if (!Array.isArray(side)) continue;
    for (const p of side) {
      if (typeof p !== 'string') continue;
      const words = p.replace(WORDS_ONLY, '');
      if (words.length >= PIECE_WORDS && !out.some((o) => o.words === words)) out.push({ stored: p, words });
    }
  }
  return out;
}

/** Letters and digits of the comparison form's [from, to). */
function wordsOf(doc: Doc, from: number, to: number): string {
  return doc.norm.text.slice(from, to).replace(WORDS_ONLY, '');
}

/** The normalised range of the raw paragraph holding normalised `at`. */
function paragraphAt(doc: Doc, at: number): [number, number] {
  const raw = doc.norm.map[at] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, raw, raw + 1);
  return [toNormalised(doc, pf), toNormalised(doc, pt)];
}

/**
 * Whether normalised [from, to) holds the stored prefix's last OWN_SIDE units (inside its
 * paragraph) without the quote right after them, or the suffix's first ones without it right before.
 */
function ownPlaceEdited(doc: Doc, s: TextSelector, quote: string, from: number, to: number): boolean {
  const forms = storedForms(s);
  const prefix = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const suffix = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const norm = doc.norm.text;
  const inside = norm.slice(from, to);
  if (prefix.length >= OWN_SIDE) {
    const head = prefix.slice(-OWN_SIDE);
    for (let i = inside.indexOf(head); i >= 0; i = inside.indexOf(head, i + 1)) {
      if (!norm.startsWith(quote, from + i + OWN_SIDE)) return true;
    }
  }
  if (suffix.length >= OWN_SIDE) {
    const tail = suffix.slice(0, OWN_SIDE);
    for (let i = inside.indexOf(tail); i >= 0; i = inside.indexOf(tail, i + 1)) {
      if (norm.slice(Math.max(0, from + i - quote.length), from + i) !== quote) return true;
    }
  }
  return false;
}

/**
 * Whether placement `a` is on another paragraph's copy while the passage's own place, its quote
 * edited away, stands in a paragraph holding the pieces of its old paragraph that `a`'s lacks.
 */
export function ownPlaceEditedAway(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if (!((s.copies ?? 0) > 0)) return false;
  const quote = normaliseQuote(s);
  if (quote.length < MIN_QUOTE) return false;
  // Only a copy of the sentence's words: an edited place may be the passage's own paragraph, edited.
  const from = toNormalised(doc, a.start);
  if (doc.norm.text.slice(from, toNormalised(doc, a.end)) !== quote) return false;
  // The paragraph(s) the placement spans: a passage across a break has pieces of both.
  const [rf, rt] = paragraphRange(doc.raw, a.start, a.end);
  const [cf, ct] = [toNormalised(doc, rf), toNormalised(doc, rt)];
  const here = wordsOf(doc, cf, ct);
  const pieces = piecesOf(s);
  const lacking = pieces.filter((p) => !here.includes(p.words));
  if (lacking.length < MORE_PIECES) return false;
  const seen = new Set<number>([cf]);
  for (const piece of lacking) {
    for (const o of occurrencesIn(doc, piece.stored, PIECE_PLACES)) {
      const [pf, pt] = paragraphAt(doc, o);
      if (seen.has(pf)) continue;
      seen.add(pf);
      const words = wordsOf(doc, pf, pt);
      const held = lacking.filter((p) => words.includes(p.words)).length;
      // More of the old paragraph's words than the placement's paragraph holds, too: the passage's paragraph.
      const more = pieces.filter((p) => words.includes(p.words)).length > pieces.length - lacking.length;
      if (held * 2 >= lacking.length && more && ownPlaceEdited(doc, s, quote, pf, pt)) return true;
    }
  }
  return false;
}
