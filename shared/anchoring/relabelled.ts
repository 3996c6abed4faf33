/**
 * Passages whose paragraphs' speaker labels were restyled: an interview reprinted in another
 * house style, 问：/答： → 记者：/王某：, **记者**：, 【问】/【答】, Q：/A：, or labels dropped. A
 * label inside the highlight (a span over a question and its answer, or one that began with its
 * paragraph's label) or at the edge of its context breaks every exact run the other passes need,
 * though not one word of the passage changed.
 *
 * The rule, for an orphan only: the stored prefix, quote and suffix read with the labels at their
 * paragraphs' heads left out (and white space), and the new text read the same way; where that
 * whole context and quote stand exactly once, there is the passage, its words without the new
 * labels around them. Only where a label was at or inside the quote (else nothing here changed
 * that the other passes did not judge), with enough context on both sides (the text's edge
 * aside), and never where another old copy of the quote had as much of the context, nor where
 * the old text held a look-alike of it that differed in about its labels' units with most of the
 * context beside it (recorded by describe(): nearErrors, nearContext).
 */
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/**
 * A speaker's label at a paragraph's head, as an edition writes it: a short name and a colon,
 * bold (**记者**：), in lenticular brackets (【答】), or a Latin letter or two (Q：).
 */
const HEAD_LABEL = /^(?:\*\*[^*\n]{1,8}\*\*[：:]|【[^】\n]{1,6}】|\p{Script=Han}{1,4}[：:]|[A-Za-z]{1,2}[：:])/u;

/** White space a reader's text may have between words (line breaks are kept: they mark heads). */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0;
/** Units read at a paragraph's head for a label (the longest form, **name**：, fits). */
const LABEL_READ = 16;
/** Units turned into a string at once. */
const CHUNK = 8192;

/** Units of context on each side the label-free form must hold (unless at the text's edge). */
const MIN_SIDE = 12;
/** Units the quote's label-free words must hold (its place is told by the whole context around them). */
const MIN_QUOTE = 2;
/** Copies of the label-free words looked at, at most. */
const MAX_HITS = 64;

/** A text read with labels at paragraph heads and white space left out; map[i] = raw index of unit i. */
export interface LabelFree {
  text: string;
  map: Int32Array;
  /** Raw ranges [from, to) of the labels left out. */
  labels: [number, number][];
}

/**
 * `raw` without head labels and white space. `headAtStart`: raw's first unit begins a paragraph
 * (the text's start); else a label is only taken after a line break.
 */
export function labelFree(raw: string, headAtStart: boolean): LabelFree {
  // Built on units and an index array, not string by string: a long article is read at most once per batch.
  const units = new Uint16Array(raw.length);
  const map = new Int32Array(raw.length);
  const labels: [number, number][] = [];
  let n = 0;
  let head = headAtStart;
  for (let i = 0; i < raw.length;) {
    const c = raw.charCodeAt(i);
    if (c === 0x0a) {
      map[n] = i;
      units[n++] = c;
      head = true;
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (head) {
      head = false;
      const m = HEAD_LABEL.exec(raw.slice(i, i + LABEL_READ));
      if (m) {
        labels.push([i, i + m[0].length]);
        i += m[0].length;
        continue;
      }
    }
    map[n] = i;
    units[n++] = c;
    i++;
  }
  let text = '';
  for (let k = 0; k < n; k += CHUNK) text += String.fromCharCode(...units.subarray(k, Math.min(n, k + CHUNK)));
  return { text, map: map.subarray(0, n), labels };
}

/** The first index of `map` whose raw unit is at or after `raw`. */
export function formIndex(map: Int32Array, raw: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the passage stands once its paragraphs' labels are read past (see the file comment), as a
 * raw range of the new text, or null. `formFor` gives the new text read label-free (built once per batch, on first need).
 */
export function relabelledPlace(formFor: () => LabelFree, s: TextSelector): Anchor | null {
  const atTextStart = s.start === s.prefix.length;
  const all = s.prefix + s.exact + s.suffix;
  const old = labelFree(all, atTextStart);
  const q0 = s.prefix.length;
  const q1 = q0 + s.exact.length;
  // A label at or inside the quote: touching it, or ending right where it begins.
  if (!old.labels.some(([a, b]) => b >= q0 && a < q1)) return null;
  const labelUnits = old.labels.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, q1) - Math.max(a, q0)), 0);
  const from = formIndex(old.map, q0);
  const to = formIndex(old.map, q1);
  const quote = old.text.slice(from, to).replace(/^\n+|\n+$/g, '');
  if (quote.replace(/\n/g, '').length < MIN_QUOTE) return null;
  const before = old.text.slice(0, from);
  const after = old.text.slice(to);
  // A look-alike of the quote in the old text that differed in no more units than its labels hold,
  // with most of the stored context beside it too (an interview printed twice, its labels
  // alternating otherwise): read label-free, the two are one. One among other words (a law's
  // 问：/答： lines opening alike) is told apart by the whole context, which must stand once below.
  if (
    s.nearErrors !== undefined &&
    s.nearErrors <= labelUnits + 1 &&
    (s.nearContext ?? Infinity) * 2 > before.replace(/\n/g, '').length + after.replace(/\n/g, '').length
  )
    return null;
  const textEnd = s.suffix.length < CONTEXT_LENGTH - 1;
  if ((before.replace(/\n/g, '').length < MIN_SIDE && !atTextStart) || (after.replace(/\n/g, '').length < MIN_SIDE && !textEnd))
    return null;
  // Another old copy of the quote with (nearly) all the stored context: this may be that one.
  if ((s.copies ?? 0) > 0 && (s.copyContext ?? Infinity) >= before.length + after.length - 4) return null;
  const whole = old.text.slice(0, to) + after;
  const qFrom = from + (old.text.slice(from, to).length - old.text.slice(from, to).replace(/^\n+/, '').length);
  const form = formFor();
  let found = -1;
  let n = 0;
  for (let at = form.text.indexOf(whole); at >= 0; at = form.text.indexOf(whole, at + 1)) {
    if (++n > MAX_HITS || found >= 0) return null;
    // At the text's start or end, the stored side reaches it there too.
    if (atTextStart && at !== 0) continue;
    if (textEnd && at + whole.length !== form.text.length) continue;
    found = at;
  }
  if (found < 0) return null;
  const start = form.map[found + qFrom];
  const last = form.map[found + qFrom + quote.length - 1];
  if (start === undefined || last === undefined) return null;
  if (namedElsewhere(form, all, old.labels, q0, q1, quote, found + qFrom)) return null;
  return { start, end: last + 1, score: 0.85 };
}

/** Marks and brackets around a label's words (**记者**：, 【答】) and at a quote's edges. */
const LABEL_MARKS = /[*【】：:\s“”「」‘’"'，,。、；;！!？?]/gu;
/** A verb of saying that ends an attribution read as a label (王某说：“…). */
const SAYING_END = /(?:说|表示|指出|强调|称)$/u;
/** Units before another copy of the quote's words within which the label's words count as beside them. */
const NAME_NEAR = 12;
/** Units the quote's label-free words must hold for another copy of them to count. */
const CORE_MIN = 4;

/**
 * Whether the quote's label-free words (edge marks aside) stand elsewhere in the new text with
 * the words of a label the quote held (王建华说： → 王建华) right before them: that copy holds
 * more of the passage than the label-free place does (a 专题 printing it twice, one printing with
 * the attribution rewritten 王建华表示，), so the place is in doubt.
 */
export function namedElsewhere(
  form: LabelFree,
  all: string,
  labels: readonly [number, number][],
  q0: number,
  q1: number,
  quote: string,
  at: number,
): boolean {
  const names = labels
    .filter(([a, b]) => b > q0 && a < q1)
    .map(([a, b]) => all.slice(a, b).replace(LABEL_MARKS, '').replace(SAYING_END, ''))
    .filter((name) => name.length >= 2);
  if (names.length === 0) return false;
  const core = quote.replace(/\n/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (core.length < CORE_MIN) return false;
  const text = form.text;
  let n = 0;
  for (let i = text.indexOf(core); i >= 0 && n < MAX_HITS; i = text.indexOf(core, i + 1), n++) {
    if (i >= at && i <= at + quote.length) continue;
    // Read label-free: a label's words still standing as a label there would have matched twice.
    const before = text.slice(Math.max(0, i - NAME_NEAR), i);
    if (names.some((name) => before.includes(name))) return true;
  }
  return false;
}
