/**
 * A listing block the revision wrote (a 目录 on top of a 学习材料): a run of the text's short lines
 * copied one after another, while at their own place each of them now opens a section after a
 * written line the text repeats (↑返回目录 before every heading).
 *
 * Where the copied lines stood one after another in the old text too (a caption and a heading,
 * lines of code), the copy keeps their old neighbours while the true place got the repeated line
 * between them: the context pass prefers the copy, and a cluster of highlights on those lines vouch
 * for each other as neighbours. Nothing in the stored words tells the two apart, so a passage
 * placed on such a listing is an orphan (the reader can re-attach it), never the copy.
 *
 * The listing: consecutive lines, none of them right after the repeated line, each of which
 * (outline marker, white space and short bracketed notes left out) is a line standing right after
 * the repeated line elsewhere, in the same order, at least 3 and at least half of those headings
 * (a 目录 lists most sections; a later code block repeating a few of the lines is no listing). A
 * line of notes alone (（本文有删改）) neither breaks a listing nor counts. The repeated line: a short
 * line held ≥ 3 times whose words none of the batch's stored words held (gained by the revision;
 * an old text with its own 目录 and 返回目录 lines keeps its listing).
 */
import { headMarkerLength, normalise } from './normalise';

/** Most units of a line read as a repeated back-link line (返回目录, ↑回到顶部). */
const BACK_LINE_MAX = 12;
/** Most units of a listed line (a heading, a caption, a line of code). */
const ENTRY_MAX = 60;
/** Fewest lines of a listing, and fewest times its back-link line is written. */
const MIN_RUN = 3;

export interface Block {
  start: number;
  end: number;
}

interface Line {
  start: number;
  end: number;
  raw: string;
}

/** Lines of the text with their offsets, blank ones left out. */
function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (t) out.push({ start: at, end: at + raw.length, raw: t });
    at += raw.length + 1;
  }
  return out;
}

/** A short note in brackets written into a line (（掌声）, [笑]). */
const NOTE = /[（(〔[【][^\n（）()〔〕[\]【】]{1,10}[）)〕\]】]/g;

/**
 * A line's words for comparing a listed line with its heading: no marker, notes or white space
 * (the listing is the revision's own copy, written with the same characters; no folding needed).
 */
function keyOf(raw: string): string {
  return raw.slice(headMarkerLength(raw)).replace(NOTE, '').replace(/\s+/g, '');
}

/** The spans [start, end) of the listing blocks in `text` (see above); empty for most texts. */
export function listingBlocks(text: string, heldBefore: (words: string) => boolean): Block[] {
  const lines = linesOf(text);
  if (lines.length < 3 * MIN_RUN) return [];
  const count = new Map<string, number>();
  for (const l of lines) if (l.raw.length <= BACK_LINE_MAX) count.set(l.raw, (count.get(l.raw) ?? 0) + 1);
  const out: Block[] = [];
  // Each line's key, made once on first need (only lines short enough to be listed).
  const keys: (string | undefined)[] = new Array(lines.length);
  const key = (i: number): string => (keys[i] ??= keyOf(lines[i]!.raw));
  for (const [back, n] of count) {
    if (n < MIN_RUN) continue;
    const backWords = normalise(back);
    if (!backWords || heldBefore(backWords)) continue;
    // The headings: the line right after each back-link line, by their key.
    const headingAt = new Map<string, number[]>();
    const afterBack = new Set<number>();
    let headings = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      if (lines[i]!.raw !== back || lines[i + 1]!.raw === back) continue;
      afterBack.add(i + 1);
      const k = lines[i + 1]!.raw.length > ENTRY_MAX ? '' : key(i + 1);
      if (k.length < 2) continue;
      headings++;
      const list = headingAt.get(k);
      if (list) list.push(i + 1);
      else headingAt.set(k, [i + 1]);
    }
    const need = Math.max(MIN_RUN, Math.ceil(headings / 2));
    if (headings < need) continue;
    // Runs of consecutive lines, each a heading's copy, the headings taken in order. Only a run
    // of at least `need` short lines is read word by word (most texts have none).
    const eligible = (j: number): boolean => lines[j]!.raw !== back && !afterBack.has(j) && lines[j]!.raw.length <= ENTRY_MAX;
    let i = 0;
    while (i < lines.length) {
      let short = i;
      while (short < lines.length && short - i < need && eligible(short)) short++;
      if (short - i < need) {
        i = short + 1;
        continue;
      }
      let j = i;
      let last = -1;
      let matched = 0;
      let end = -1;
      while (j < lines.length) {
        const l = lines[j]!;
        if (!eligible(j)) break;
        const k = key(j);
        if (k) {
          const next = (headingAt.get(k) ?? []).find((h) => h > last);
          if (next === undefined) break;
          last = next;
          matched++;
          end = l.end;
        }
        j++;
      }
      if (matched >= need) out.push({ start: lines[i]!.start, end });
      i = Math.max(j, i + 1);
    }
  }
  return out;
}

/** Whether the placement [start, end) lies on a listing block's lines (an orphan, see above). */
export function onListing(blocks: readonly Block[], start: number, end: number): boolean {
  return blocks.some((b) => start < b.end && end > b.start);
}
