/**
 * A 摘要 line: a CMS's summary field printed above the body, led by a label (摘要： / 【摘要】 /
 * 简介： / 内容提要： …) and holding a COPY of the body's opening that follows it, its lines run
 * together and usually cut with …… . Its words are not the article's: a passage highlighted in
 * the body is not placed on them (the summary copy reads the old words even where the body was
 * edited since, masked, transposed, or parted by a box, so it may read the stored quote better
 * than the body does).
 *
 * Told from a text whose lines were unwrapped everywhere (every break joined, no copy anywhere)
 * by the label at the line's start AND the copy: most of the line's two-unit pieces stand in the
 * text right after it. A passage whose stored line starts with such a label was made in a 摘要
 * and keeps its placement there.
 */
import type { Anchor, TextSelector } from './types';

/** Labels a summary field is printed with, at a line's start. */
const LABEL =
  /^[ \t\u3000]*(?:[【[［](?:内容)?(?:摘要|简介|提要|导读|导语|概要)[】\]］][：:]?|(?:内容)?(?:摘要|简介|提要|导读|导语|概要)[：:])/;
const LABELLED_LINE = new RegExp(LABEL.source, 'gm');
const ELLIPSIS = /(?:…+|\.{3,}|。{3,})\s*$/;
/** A copy of fewer units is a caption or a one-line note, not a summary of the opening. */
const MIN_COPY = 16;
/** Share of the line's two-unit pieces that must stand right after it (the body's edits since aside). */
const COPIED_SHARE = 0.75;

export interface Span {
  start: number;
  end: number;
}

/** The 摘要 lines of `text` (line start to line end): a label, then a copy of the text after them. */
export function summaryLines(text: string): Span[] {
  const out: Span[] = [];
  LABELLED_LINE.lastIndex = 0;
  for (let m = LABELLED_LINE.exec(text); m; m = LABELLED_LINE.exec(text)) {
    const start = m.index;
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    LABELLED_LINE.lastIndex = Math.max(end, start + 1);
    const body = text
      .slice(start + m[0].length, end)
      .replace(ELLIPSIS, '')
      .replace(/\s+/g, '');
    if (body.length < MIN_COPY || end === text.length) continue;
    if (copiedAfter(body, text.slice(end + 1, end + 1 + 2 * body.length + 64))) out.push({ start, end });
  }
  return out;
}

/** Whether most two-unit pieces of `line` stand in `after` with its breaks and spaces dropped. */
function copiedAfter(line: string, after: string): boolean {
  const joined = after.replace(/\s+/g, '');
  const pieces = new Set<string>();
  for (let i = 0; i + 2 <= joined.length; i++) pieces.add(joined.slice(i, i + 2));
  let found = 0;
  for (let i = 0; i + 2 <= line.length; i++) if (pieces.has(line.slice(i, i + 2))) found++;
  return found >= COPIED_SHARE * (line.length - 1);
}

/** Whether the stored line of the passage (its start seen in the stored context) starts with a 摘要 label. */
export function madeInSummary(s: TextSelector): boolean {
  const before = s.prefix + s.exact;
  const br = s.prefix.lastIndexOf('\n');
  if (br >= 0) return LABEL.test(before.slice(br + 1));
  // The old text's start: the stored prefix reaches it.
  if (s.start === s.prefix.length) return LABEL.test(before);
  // The line's start lies beyond the stored context: nothing says it was a 摘要.
  return false;
}

/** Whether `a` lies on (or over) one of `lines`. */
export function onSummary(lines: readonly Span[], a: Anchor): boolean {
  return lines.some((l) => a.start < l.end && a.end > l.start);
}

/**
 * `text` with each of `lines` cut out (with its break), as if the summary were not printed, and
 * `back`, which leads a placement in it to the real text, or null where it would span a cut line.
 */
export function withoutSummaries(text: string, lines: readonly Span[]): { text: string; back: (a: Anchor) => Anchor | null } {
  let out = '';
  let at = 0;
  // Where each cut stands in the cut text, and the units cut there.
  const cuts: { at: number; units: number }[] = [];
  for (const l of lines) {
    out += text.slice(at, l.start);
    const end = Math.min(text.length, l.end + 1);
    cuts.push({ at: out.length, units: end - l.start });
    at = end;
  }
  out += text.slice(at);
  const back = (a: Anchor): Anchor | null => {
    let start = a.start;
    let end = a.end;
    for (const c of cuts) {
      if (c.at <= a.start) start += c.units;
      if (c.at < a.end) end += c.units;
    }
    return end - start === a.end - a.start ? { ...a, start, end } : null;
  };
  return { text: out, back };
}
