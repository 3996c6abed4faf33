/**
 * Twins that both read the stored context (issue 12 item 4). A quote the old text held more than
 * once, the passage's copy alone with its surroundings (the other copies had less of the stored
 * context: `copyContext`). An edit then gave a twin those surroundings too: a story printed twice
 * in a long article, the 全文 writing a left-out paragraph back beside the twin while the
 * passage's own copy got a mark next to it (a “ opening its paragraph in a quotation, a
 * connective). Now two copies each have more of the stored context than any other copy had, and
 * one or two units (a mark, a break) are all that part their scores: what a chance alignment
 * finds. The context cannot tell which copy is the passage's, so a placement on either is in
 * doubt; sure neighbours (or, where the count and order stand, the copy's rank) decide, and
 * without them the passage is an orphan (twinReadsAlike).
 *
 * The same twins where a paragraph moved: the twin now stands before the line that followed the
 * passage and reads the stored context across that break, the passage's own paragraph still
 * holding the rest of its old words (twinAcrossMovedLine). Neither check places anything itself.
 */
import { contextAt, contextMatch, MAX_COPIES, OWN_CONTEXT_MARGIN, ownContextAt, type Sides } from './copies';
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { compilePattern } from './myers';
import { normaliseQuote, storedForms } from './normalise';
import { paragraphRange } from './paragraphs';
import { reverse } from './query';
import type { Anchor, TextSelector } from './types';

/**
 * Whether the copy of the (normalised) quote at [from, to), which has more of the stored context
 * than any other copy had in the old text, has a twin that has so too, reads most of it (¾) and
 * as much of it as the placement or no more than OWN_CONTEXT_MARGIN units less.
 */
export function twinReadsAlike(doc: Doc, s: TextSelector, quote: string, from: number, to: number): boolean {
  if (!((s.copies ?? 0) > 0) || !ownContextAt(doc, s, from, to)) return false;
  const { found: here, full } = contextAt(doc, s, from, to);
  for (const o of occurrencesIn(doc, quote, MAX_COPIES)) {
    if (o === from) continue;
    const end = o + quote.length;
    // A twin reading more than the placement was passed over on other evidence (copies.ts weighs that).
    const there = contextAt(doc, s, o, end).found;
    // Both sides' surroundings at the twin (most of the stored context), not one side each: copies
    // that split the context between them (one the prefix, the other the suffix) are judged by
    // their paragraphs' own words (ownside.ts, ownpara.ts).
    if (there <= here && there + OWN_CONTEXT_MARGIN >= here && there * 4 >= full * 3 && ownContextAt(doc, s, o, end)) return true;
  }
  return false;
}

/**
 * Pieces more that the other copy's paragraph must hold: one may be quoted along by chance, or a
 * paragraph split anew (breaks re-set) may leave one of the passage's pieces on another line.
 */
const MORE_PIECES = 2;
/** Letters or digits a stored piece needs, marks aside, to tell one paragraph from another. */
const PIECE_WORDS = 5;
const WORDS_ONLY = /[^\p{L}\p{N}]/gu;

/** The rest of the passage's old paragraph past its stored context (restBefore/restAfter), letters and digits only. */
function restPieces(s: TextSelector): string[] {
  const out: string[] = [];
  for (const side of [s.restBefore, s.restAfter]) {
    if (!Array.isArray(side)) continue;
    for (const p of side) {
      const w = typeof p === 'string' ? p.replace(WORDS_ONLY, '') : '';
      if (w.length >= PIECE_WORDS && !out.includes(w)) out.push(w);
    }
  }
  return out;
}

/** How many of `pieces` the raw paragraph holding normalised `at` holds, marks aside. */
function piecesAt(doc: Doc, at: number, pieces: readonly string[]): number {
  const raw = doc.norm.map[at] ?? 0;
  const [pf, pt] = paragraphRange(doc.raw, raw, raw + 1);
  const words = doc.norm.text.slice(toNormalised(doc, pf), toNormalised(doc, pt)).replace(WORDS_ONLY, '');
  return pieces.filter((p) => words.includes(p)).length;
}

/**
 * Twin paragraphs (the same sentence in two paragraphs of one article), the new text holding no
 * more copies than the old one did, and a paragraph moved: the twin now stands right before (or
 * after) the line that stood beside the passage, and so reads the stored context across that
 * break, which the passage's own copy, its next line moved away, no longer does. Context across a
 * break is a neighbouring paragraph's, and paragraphs move; the paragraph itself is the passage's
 * words. Where another copy reads at least as much of the stored context inside its paragraph
 * (the stored sides cut at their breaks) and its paragraph holds all the rest of the passage's
 * old paragraph (restBefore/restAfter), MORE_PIECES pieces more than the placement's, the
 * placement is on the twin: an orphan (the other copy is not taken: this check places nothing).
 */
export function twinAcrossMovedLine(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if (!((s.copies ?? 0) > 0) || typeof s.copyContext !== 'number') return false;
  const forms = storedForms(s);
  if (forms.prefixAfterBreak === null && forms.suffixBeforeBreak === null) return false;
  const pieces = restPieces(s);
  if (pieces.length < 2) return false;
  const quote = normaliseQuote(s);
  const at = toNormalised(doc, a.start);
  if (quote.length === 0 || doc.norm.text.slice(at, at + quote.length) !== quote) return false;
  const copies = occurrencesIn(doc, quote, MAX_COPIES + 1);
  if (copies.length > MAX_COPIES || copies.length > (s.copies ?? 0) + 1) return false;
  // The stored sides up to their breaks: the passage's own paragraph's words.
  const prefix = forms.prefixAfterBreak === null ? forms.prefix : forms.prefix.slice(forms.prefix.length - forms.prefixAfterBreak);
  const suffix = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  const inside: Sides = {
    prefix,
    suffix,
    before: prefix ? compilePattern(reverse(prefix)) : null,
    after: suffix ? compilePattern(suffix) : null,
    edge: { start: false, end: false },
  };
  const norm = doc.norm.text;
  const insideHere = contextMatch(norm, at, at + quote.length, inside);
  // Only where the placement reads more across its breaks than inside: else the context chose it.
  if (contextAt(doc, s, at, at + quote.length).found <= insideHere + OWN_CONTEXT_MARGIN) return false;
  const here = piecesAt(doc, at, pieces);
  return copies.some((o) => {
    if (o === at) return false;
    const there = piecesAt(doc, o, pieces);
    return there === pieces.length && there - here >= MORE_PIECES && contextMatch(norm, o, o + quote.length, inside) >= insideHere;
  });
}
