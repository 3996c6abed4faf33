/**
 * A last look for the orphans of a batch (anchorAll): a passage whose quote the old text held
 * once (copies 0) and the new text holds once, between the new places of its nearest placed
 * neighbours, is that passage, whatever its context says. Its context can be gone on both sides
 * without the passage changing: a sentence moved inside its paragraph, list lines joined into
 * one paragraph of ；-parts. Only a copy that is new text could stand there instead, and the
 * old text's one copy being edited away while a new one appears between the same neighbours is
 * far rarer than a neighbour sentence moving.
 *
 * The same holds for the quote read through OCR look-alikes (已/己, 未/末, 0/O, 1/l, 8/B …): a
 * scanned reprint changes a unit here and there, so the edited passage matches no search for
 * its exact words, and a 3-unit number (98% → 9B%) is never searched approximately. Read with
 * each look-alike pair as one character (lookAlikeFold), the quote found once between its
 * neighbours, differing from the quote in look-alike units only and in under half of them, is
 * the passage edited.
 */
import { toNormalised, type Doc } from './doc';
import { normalise } from './normalise';
import { prefixRun, suffixRun, type Query } from './query';
import type { TextSelector } from './types';

/**
 * Look-alike groups that OCR and hurried retyping confuse, each folded to its first member.
 * Digits and the Latin letters drawn like them; Han characters differing in one short stroke.
 */
const LOOK_ALIKE_GROUPS = [
  '0Oo',
  '1lI',
  '5S',
  '8B',
  '2Z',
  '已己巳',
  '未末',
  '日曰',
  '人入',
  '土士',
  '千干于',
  '本木',
  '自白',
  '田由甲申',
  '今令',
  '天夭',
  '刀力',
  '王玉',
  '戊戌戍',
  '儿几',
  '大太犬',
  '免兔',
  '折拆',
  '侯候',
];

const FOLD = new Map<number, number>();
for (const group of LOOK_ALIKE_GROUPS) for (const ch of group) FOLD.set(ch.charCodeAt(0), group.charCodeAt(0));

/** `s` with every look-alike unit replaced by its group's first member (same length, same offsets). */
export function lookAlikeFold(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const to = FOLD.get(s.charCodeAt(i));
    if (to === undefined || to === s.charCodeAt(i)) continue;
    out += s.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const folded = new WeakMap<Doc, string>();

function foldedText(doc: Doc): string {
  let f = folded.get(doc);
  if (f === undefined) {
    f = lookAlikeFold(doc.norm.text);
    folded.set(doc, f);
  }
  return f;
}

/** A placed passage: its old extent and its new one (raw offsets). */
export interface PlacedSpan {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Old-text distance beyond which a placed neighbour says nothing about where the passage is. */
const PIN_GAP = 3000;
/** Units by which the neighbours' new gap may exceed twice their old one (words inserted between). */
const PIN_SLACK = 200;
/** Quotes shorter than this need an exact run of their context on one side. */
const PIN_BARE = 8;
const PIN_RUN = 4;
/** Units of a paragraph beyond the quote that make a paragraph holding only the quote a copy set apart (a pull quote). */
const PULL_QUOTE_SLACK = 4;

/**
 * The new raw range [lo, hi) between the nearest placed neighbours of `s` in the old text (both
 * needed, each within PIN_GAP, on other old words), when their new gap is not much wider than
 * their old one; else null.
 */
export function pinnedBracket(placed: readonly PlacedSpan[], s: TextSelector): [number, number] | null {
  let before: PlacedSpan | undefined;
  let after: PlacedSpan | undefined;
  for (const p of placed) {
    if (p.oldEnd <= s.start && (!before || p.oldStart > before.oldStart)) before = p;
    if (p.oldStart >= s.end && (!after || p.oldStart < after.oldStart)) after = p;
  }
  if (!before || !after) return null;
  if (s.start - before.oldStart > PIN_GAP || after.oldStart - s.start > PIN_GAP) return null;
  const lo = before.newEnd;
  const hi = after.newStart;
  if (hi < lo || hi - lo > 2 * (after.oldStart - before.oldEnd) + PIN_SLACK) return null;
  return [lo, hi];
}

/** Occurrences of a quote counted at most: more than a passage's recorded copies (MAX_COPIES) are never needed. */
const MAX_OCCURRENCES = 80;

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0 && out.length < MAX_OCCURRENCES; at = hay.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/**
 * Where the orphan `s` is, as a normalised [start, end) with its differing units, or null. The
 * quote's occurrences in the new text, exactly or else read through look-alikes, number as many
 * as the old text held (copies + 1): none lost or gained, so they keep their order and the one of
 * the passage's rank (copyRank) is its own; it must lie inside `bracket`, alone there.
 */
export function pinnedPlace(doc: Doc, q: Query, s: TextSelector, bracket: [number, number]): { start: number; end: number; errors: number } | null {
  const copies = s.copies;
  if (typeof copies !== 'number' || q.quote.length < 2) return null;
  const m = q.quote.length;
  const norm = doc.norm.text;
  let found = occurrences(norm, q.quote);
  let errors = 0;
  if (found.length !== copies + 1) {
    // A copy lost: the passage's own may be the one a look-alike swap changed.
    if (found.length > copies) return null;
    found = occurrences(foldedText(doc), lookAlikeFold(q.quote));
    if (found.length !== copies + 1) return null;
  }
  const rank = copies === 0 ? 0 : s.copyRank;
  if (typeof rank !== 'number' || rank < 0 || rank > copies) return null;
  const at = found[rank] as number;
  for (let i = 0; i < m; i++) if (norm.charCodeAt(at + i) !== q.quote.charCodeAt(i)) errors++;
  if (errors > 0) {
    // Most of the passage must be its very units; a look-alike of the old text no closer than this is no evidence.
    if (errors * 2 >= m || errors > Math.ceil(m / 3)) return null;
    if (typeof s.nearErrors === 'number' && errors >= s.nearErrors) return null;
  }
  const raw = (i: number) => doc.norm.map[i] ?? 0;
  const rawEnd = (i: number) => doc.norm.ends[i + m - 1] ?? 0;
  const inside = (i: number) => raw(i) >= bracket[0] && rawEnd(i) <= bracket[1];
  if (!inside(at) || found.some((o) => o !== at && inside(o))) return null;
  if (m < PIN_BARE && Math.max(prefixRun(norm, q, at), suffixRun(norm, q, at + m)) < PIN_RUN) return null;
  if (pullQuote(doc, s, at, at + m)) return null;
  return { start: at, end: at + m, errors };
}

/**
 * The place is a paragraph of its own holding only the quote (marks at its edges aside) while the
 * passage's old paragraph was longer: a copy set apart, new text, not the passage.
 */
function pullQuote(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const old = s.paraLength;
  if (typeof old !== 'number' || old <= to - from + PULL_QUOTE_SLACK) return false;
  const raw = doc.raw;
  const lineStart = raw.lastIndexOf('\n', (doc.norm.map[from] ?? 0) - 1) + 1;
  let lineEnd = raw.indexOf('\n', doc.norm.ends[to - 1] ?? 0);
  if (lineEnd < 0) lineEnd = raw.length;
  const words = (a: number, b: number) => normalise(raw.slice(a, b)).replace(/[^\p{L}\p{N}]/gu, '').length;
  const outside = words(lineStart, doc.norm.map[from] ?? 0) + words(doc.norm.ends[to - 1] ?? 0, lineEnd);
  return outside === 0 && toNormalised(doc, lineEnd) - toNormalised(doc, lineStart) <= to - from + PULL_QUOTE_SLACK;
}
