/**
 * A line's words restated in place (a 问：X？⏎答：Y pair put into prose, 在回答X的提问时，有关负责人
 * 介绍，Y; a label dropped and a lead-in written), while other words elsewhere read like the line:
 * a running header repeating the text's first line, a template question of another pair (请介绍一下
 * A的有关情况 / 请介绍一下B的有关情况). The first pass takes those other words, the line's exact
 * marks and label being there, or its stored context standing before a look-alike that a reorder
 * moved next to it.
 *
 * The rule, for a passage the old text held once that is all or part of one line (its line's edges
 * inside the stored context): the line's words (label and edge marks aside) standing exactly
 * elsewhere, once, with the nearest words of a stored side past the break (its label aside) within
 * a lead-in's length of them, say the passage's own place is there, edited at its edges. A
 * placement that holds other words than the line's (a look-alike), or the line's words with
 * neither stored side near (a copy set apart), is then not the passage: an orphan. Where the line
 * stands as it was beside its context, nothing here applies.
 */
import { toNormalised, type Doc } from './doc';
import { normalise } from './normalise';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/** A speaker's label at a line's start: one to three Han characters and a colon (问：, 答：). */
const LABEL = /^[ \t\u3000]*\p{Script=Han}{1,3}[：:]/u;
/** Word units (letters, digits) of a line the rule needs: a shorter line is a set phrase. */
const CORE_MIN = 6;
/** Word units of a stored side that must stand near the line's words. */
const SIDE_RUN = 8;
/** Word units of new words (a lead-in, a label) allowed between the line's words and a side. */
const GAP = 16;
/** Raw-ish slack for marks in the windows read (comparison units beyond GAP + SIDE_RUN). */
const SLACK = 12;
/** Copies of the line's words looked at, at most. */
const MAX_HITS = 16;

const WORD = /[\p{L}\p{N}]/u;
const words = (s: string): string => [...s].filter((c) => WORD.test(c)).join('');

/** The comparison form without its edge marks (a line's words as a prose sentence would hold them). */
function trimmedForm(raw: string): string {
  const n = normalise(raw);
  let a = 0;
  let b = n.length;
  while (a < b && !WORD.test(n[a]!)) a++;
  while (b > a && !WORD.test(n[b - 1]!)) b--;
  return n.slice(a, b);
}

interface LineParts {
  /** The line's words, comparison form, edge marks and label off. */
  core: string;
  /** The nearest word units of the side before the line (past its break), or '' at the text's start. */
  before: string;
  /** The nearest word units of the side after the line (past its break, a label off), or '' at the text's end. */
  after: string;
}

/** The passage's line and the words beyond its breaks, or null when the stored context does not hold the line's edges. */
function lineParts(s: TextSelector): LineParts | null {
  if (s.exact.includes('\n')) return null;
  const atTextStart = s.start === s.prefix.length;
  const atTextEnd = s.suffix.length < CONTEXT_LENGTH - 1;
  const pb = s.prefix.lastIndexOf('\n');
  const sb = s.suffix.indexOf('\n');
  if ((pb < 0 && !atTextStart) || (sb < 0 && !atTextEnd)) return null;
  const lineBefore = pb < 0 ? s.prefix : s.prefix.slice(pb + 1);
  const lineAfter = sb < 0 ? s.suffix : s.suffix.slice(0, sb);
  const line = (lineBefore + s.exact + lineAfter).replace(LABEL, '');
  const core = trimmedForm(line);
  if (words(core).length < CORE_MIN) return null;
  const before = pb < 0 ? '' : words(normalise(s.prefix.slice(0, pb))).slice(-SIDE_RUN);
  const after = sb < 0 ? '' : words(normalise(s.suffix.slice(sb + 1).replace(LABEL, ''))).slice(0, SIDE_RUN);
  // A side past a break needs its run to say anything (a short neighbouring line may be any line's).
  if ((pb >= 0 && before.length < SIDE_RUN) || (sb >= 0 && after.length < SIDE_RUN)) return null;
  return { core, before, after };
}

/** Whether a stored side's run stands within GAP word units of normalised [from, to). */
function sideNear(text: string, from: number, to: number, parts: LineParts): boolean {
  if (parts.before) {
    const lead = words(text.slice(Math.max(0, from - GAP - SIDE_RUN - SLACK), from));
    const i = lead.lastIndexOf(parts.before);
    if (i >= 0 && lead.length - i - parts.before.length <= GAP) return true;
  }
  if (parts.after) {
    const follow = words(text.slice(to, to + GAP + SIDE_RUN + SLACK));
    const j = follow.indexOf(parts.after);
    if (j >= 0 && j <= GAP) return true;
  }
  return false;
}

/** Whether placement `a` is refused: the passage's line stands restated elsewhere with a side (see the file comment). */
export function lineRestatedElsewhere(doc: Doc, s: TextSelector, a: Anchor): boolean {
  if ((s.copies ?? 0) > 0) return false;
  const parts = lineParts(s);
  if (!parts) return false;
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  // The placement's own line (its raw line, comparison form): the line's words there, or others.
  const lineStart = doc.raw.lastIndexOf('\n', a.start - 1) + 1;
  const nl = doc.raw.indexOf('\n', Math.max(a.start, a.end - 1));
  const lineEnd = nl < 0 ? doc.raw.length : nl;
  const ownLine = trimmedForm(doc.raw.slice(lineStart, lineEnd).replace(LABEL, ''));
  // (Holding them, not equal to them: a speaker's attribution before them edited, 她指出：“ → 她指出，.)
  const sameWords = ownLine.includes(parts.core);
  const lineFrom = toNormalised(doc, lineStart);
  const lineTo = toNormalised(doc, lineEnd);
  // A side near the placement itself or its line (lines joined: the side inside the placement's line).
  const placedSideNear = sideNear(text, from, to, parts) || sideNear(text, lineFrom, lineTo, parts);
  // The line's words there with a side near: the passage as it stood (a neighbour edited).
  if (sameWords && placedSideNear) return false;
  // At the text's start, with the line opening the text: its own place. The same at its end (a
  // closing line printed twice, stutter.ts pairAtEdges: the copy that still closes the text).
  if (sameWords && !parts.before && lineStart === 0) return false;
  if (sameWords && !parts.after && doc.raw.slice(lineEnd).trim() === '') return false;
  // Elsewhere: the line's words, once, with a side near.
  let found = -1;
  let n = 0;
  for (let at = text.indexOf(parts.core); at >= 0; at = text.indexOf(parts.core, at + 1)) {
    if (++n > MAX_HITS) return false;
    const end = at + parts.core.length;
    if (end > lineFrom && at < lineTo) continue;
    if (!sideNear(text, at, end, parts)) continue;
    if (found >= 0) return false;
    found = at;
  }
  if (found < 0) return false;
  // Other words than the line's, or the line's with neither side near: not the passage.
  return !sameWords || !placedSideNear;
}
