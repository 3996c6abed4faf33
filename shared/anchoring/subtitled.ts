/**
 * A 字幕稿 (subtitle copy): a talk's subtitles saved as the article's text, every pause mark of a
 * run of paragraphs (，。；：！？) set as a line break and every 、 as a space, the paragraph's last
 * mark dropped. The words all stand in their order, but every mark near a short passage is gone,
 * so both sides of its stored context now read across breaks (and a passage holding marks reads
 * across them too): neither the exact forms nor approximate matching find it sure enough.
 *
 * The rule, a last try for an orphan: the text read with pauses aside (the pause marks and white
 * space dropped, each remaining unit knowing whether a pause stood before it). The passage, with
 * the nearest SIDE units of its stored context on both sides read the same way, must stand at
 * exactly one place of the new text (as units alone, whatever the pauses), and there:
 * - every pause of the new text falls where the old text held one (a subtitle copy only moves
 *   pauses from marks to breaks; it writes no pause of its own, so a place whose words are cut by
 *   pauses the old text did not have is other words laid out alike), and
 * - at least one old pause MARK now stands as white space alone (the kind itself: without a mark
 *   turned into a break there, nothing here says more than the passes before did).
 * A side cut short by the text's edge counts only where the stored side reached the old text's
 * edge and the place stands at the new text's edge. Nothing else is compared loosely: a unit
 * retyped, added or dropped anywhere in the window leaves the orphan.
 */
import type { Doc } from './doc';
import { withEdgeMarks } from './spoken';
import { CONTEXT_LENGTH, type TextSelector } from './types';

/** Context units (pauses aside) each side must show next to the passage. */
const SIDE = 12;
/** Fewest units (pauses aside) of the passage itself. */
const MIN_QUOTE = 2;

/** Marks a subtitle copy writes as a break or a space. */
const PAUSE_MARKS = '，。；：！？、';
const NONE = 0;
const MARK = 1;
const BLANK = 2;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;
}

interface PauseForm {
  /** The text's units with pause marks and white space dropped. */
  text: string;
  /** Raw index of each unit of `text`. */
  at: Int32Array;
  /** What stood before each unit: NONE, MARK (a pause mark among it) or BLANK (white space alone). */
  before: Uint8Array;
}

/** `s` read with pauses aside (see PauseForm). */
function pauseForm(s: string): PauseForm {
  const at = new Int32Array(s.length);
  const before = new Uint8Array(s.length);
  const kept: number[] = [];
  let pending = NONE;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (PAUSE_MARKS.includes(s.charAt(i))) pending = MARK;
    else if (isBlank(c)) pending = pending === MARK ? MARK : BLANK;
    else {
      at[kept.length] = i;
      before[kept.length] = pending;
      kept.push(i);
      pending = NONE;
    }
  }
  let text = '';
  for (const i of kept) text += s.charAt(i);
  return { text, at: at.slice(0, kept.length), before: before.slice(0, kept.length) };
}

const forms = new WeakMap<Doc, PauseForm>();

function docForm(doc: Doc): PauseForm {
  let f = forms.get(doc);
  if (!f) forms.set(doc, (f = pauseForm(doc.raw)));
  return f;
}

/**
 * The raw [start, end) of the passage in a text whose pause marks became breaks, or null (see the
 * module comment).
 */
export function subtitledPlace(doc: Doc, s: TextSelector): { start: number; end: number } | null {
  const quote = pauseForm(s.exact);
  if (quote.text.length < MIN_QUOTE) return null;
  // The stored window: prefix + exact + suffix, read with pauses aside.
  const stored = pauseForm(s.prefix + s.exact + s.suffix);
  const headIn = pauseForm(s.prefix).text.length;
  const tailIn = pauseForm(s.suffix).text.length;
  const prefixAtEdge = s.start === s.prefix.length && s.prefix.length < CONTEXT_LENGTH;
  const suffixAtEdge = s.suffix.length < CONTEXT_LENGTH - 1;
  if (headIn < SIDE && !prefixAtEdge) return null;
  if (tailIn < SIDE && !suffixAtEdge) return null;
  const head = Math.min(headIn, SIDE);
  const tail = Math.min(tailIn, SIDE);
  const from = headIn - head;
  const to = headIn + quote.text.length + tail;
  if (stored.text.slice(headIn, headIn + quote.text.length) !== quote.text) return null;
  const key = stored.text.slice(from, to);
  const form = docForm(doc);
  let found = -1;
  for (let at = form.text.indexOf(key); at >= 0; at = form.text.indexOf(key, at + 1)) {
    // The window's units stand more than once: the pauses alone would have to tell them apart.
    if (found >= 0) return null;
    found = at;
  }
  if (found < 0) return null;
  if (head < SIDE && found !== 0) return null;
  if (tail < SIDE && found + key.length !== form.text.length) return null;
  let turned = false;
  for (let k = 1; k < key.length; k++) {
    const was = stored.before[from + k]!;
    const now = form.before[found + k]!;
    if (now !== NONE && was === NONE) return null;
    if (was === MARK && now === BLANK) turned = true;
  }
  if (!turned) return null;
  const start = form.at[found + head]!;
  const end = form.at[found + head + quote.text.length - 1]! + 1;
  return withEdgeMarks(doc.raw, s.exact, start, end);
}
