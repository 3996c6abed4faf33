/**
 * A passage over a break whose line after the break is edited wherever the placement could be
 * (a serial's （未完待续） rewritten, a caption line restyled) while its words before the break,
 * with the whole stored prefix, end a line at two or more places of the new text (a 上期回顾 recap
 * quoting the paragraph that closed part one, right after that paragraph). The stored prefix and
 * head cannot tell those places apart, and the edited tail line stands at none of them: whichever
 * an approximate match picks is picked by how the edited lines happen to read (（完） beside
 * （未完待续）). An orphan. The mirror (the head line edited, the tail with the whole suffix
 * opening a line at several places) likewise.
 */
import { occurrencesIn, toNormalised, type Doc } from './doc';
import { levenshtein } from './myers';
import { normalise, normalisePrefix, normaliseQuote, normaliseSuffix, quoteAtHead } from './normalise';
import type { Anchor, TextSelector } from './types';

/** Units the piece beside the break needs, context aside, before its copies say anything. */
const PIECE_MIN = 8;
/** Places looked at, at most. */
const MAX_PLACES = 8;

/** Whether at least half the units of `stored` (the quote past its head, or before its tail) differ in `placed` (edit distance). */
function mostlyOther(placed: string, stored: string): boolean {
  return levenshtein(placed, stored) * 2 >= stored.length;
}

/** Whether raw text holds only white space between raw index `from` and the next (dir 1) or previous (dir −1) line break. */
function breakBeside(raw: string, at: number, dir: 1 | -1): boolean {
  for (let i = at; i >= 0 && i < raw.length; i += dir) {
    const c = raw[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u3000' && c !== '\r') return false;
  }
  return true;
}

/** Whether placement `a` of a span over a break is one of several places its unedited side fits alike (see above). */
export function crossTailUndecided(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const lines = s.exact.split('\n');
  if (lines.length < 2) return false;
  const norm = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const placed = norm.slice(from, to);
  const head = normalise(lines[0] as string, quoteAtHead(s));
  const tail = normalise(lines[lines.length - 1] as string, true);
  const quote = normaliseQuote(s);
  // The tail line mostly gone at the placement (half its units differ: （未完待续） read as （完）),
  // the head standing: neither the head and prefix nor the tail decide between the head's copies.
  // A tail with a word or two changed (a name masked) still says where the passage is.
  if (
    tail.length > 0 &&
    mostlyOther(placed.slice(head.length), quote.slice(head.length)) &&
    head.length >= PIECE_MIN &&
    placed.startsWith(head)
  ) {
    const key = normalisePrefix(s) + head;
    const ends = occurrencesIn(doc, key, MAX_PLACES).filter((o) => breakBeside(doc.raw, (doc.norm.map[o + key.length - 1] ?? 0) + 1, 1));
    if (ends.length >= 2) return true;
  }
  if (
    head.length > 0 &&
    mostlyOther(placed.slice(0, Math.max(0, placed.length - tail.length)), quote.slice(0, Math.max(0, quote.length - tail.length))) &&
    tail.length >= PIECE_MIN &&
    placed.endsWith(tail)
  ) {
    const key = tail + normaliseSuffix(s);
    const opens = occurrencesIn(doc, key, MAX_PLACES).filter((o) => breakBeside(doc.raw, (doc.norm.map[o] ?? 0) - 1, -1));
    if (opens.length >= 2) return true;
  }
  return false;
}
