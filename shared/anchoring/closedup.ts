/**
 * A line deleted from a list of look-alike lines (a 名单 of `姓名\u3000单位职务`, many with the same
 * title): its neighbour line closes up onto its context, and an approximate match finds the
 * neighbour, a few units (the name) differing, with the whole stored context on one side. The
 * stored context itself says whose words those are: the line it held next to the passage.
 *
 * A passage that was a whole line, placed on words other than its own that are, unit for unit, the
 * line its stored context held right after it (before it), is on that neighbour: an orphan. Unless
 * the neighbour still follows (precedes) the placement's line too: then the passage's line was
 * edited into a copy of its neighbour, and both stand.
 */
import { toNormalised, type Doc } from './doc';
import { normalise, normaliseQuote } from './normalise';
import type { Anchor, TextSelector } from './types';

/** The complete line right after the passage's line in the stored suffix, or null (cut at the context's end, or none). */
function storedNextLine(suffix: string): string | null {
  const first = suffix.indexOf('\n');
  if (first < 0 || suffix.slice(0, first).trim() !== '') return null;
  const second = suffix.indexOf('\n', first + 1);
  return second < 0 ? null : suffix.slice(first + 1, second);
}

/** The complete line right before the passage's line in the stored prefix, or null. */
function storedPreviousLine(prefix: string): string | null {
  const last = prefix.lastIndexOf('\n');
  if (last < 0 || prefix.slice(last + 1).trim() !== '') return null;
  const before = prefix.lastIndexOf('\n', last - 1);
  return before < 0 ? null : prefix.slice(before + 1, last);
}

/** The raw line of `raw` that follows (dir 1) or precedes (dir -1) the line holding [start, end). */
function lineBeside(raw: string, start: number, end: number, dir: 1 | -1): string | null {
  if (dir === 1) {
    const nl = raw.indexOf('\n', end);
    if (nl < 0) return null;
    const next = raw.indexOf('\n', nl + 1);
    return raw.slice(nl + 1, next < 0 ? raw.length : next);
  }
  const nl = raw.lastIndexOf('\n', start - 1);
  if (nl < 0) return null;
  return raw.slice(raw.lastIndexOf('\n', nl - 1) + 1, nl);
}

export function onClosedUpNeighbour(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const quote = normaliseQuote(s);
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const words = doc.norm.text.slice(from, to);
  if (quote.length === 0 || words === quote || words.length === 0) return false;
  // The passage was a whole line: its stored context breaks right at both its edges.
  const wholeLine = (s.prefix === '' || /\n\s*$/.test(s.prefix)) && (s.suffix === '' || /^\s*\n/.test(s.suffix));
  if (!wholeLine) return false;
  for (const [line, dir] of [
    [storedNextLine(s.suffix), 1],
    [storedPreviousLine(s.prefix), -1],
  ] as const) {
    if (line === null) continue;
    const neighbour = normalise(line, true);
    if (neighbour !== words) continue;
    // The neighbour still beside the placement's line: the passage edited into its copy.
    const beside = lineBeside(doc.raw, a.start, a.end, dir);
    if (beside !== null && normalise(beside, true) === neighbour) continue;
    return true;
  }
  return false;
}
