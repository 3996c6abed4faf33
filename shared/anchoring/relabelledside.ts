/**
 * relabelled.ts with one side gone: an interview reprinted in another house style (问：/答： →
 * **记者**：, Q：/A：, labels dropped) AND abridged (every second paragraph dropped, a 专题's
 * digest). A highlight that began with its paragraph's label (问：目前…。) then has the label
 * restyled and the neighbouring paragraph its stored prefix held dropped: the whole label-free
 * context stands nowhere, and relabelledPlace leaves it.
 *
 * The rule, for an orphan only, with the same refusals as relabelledPlace (a label at or inside
 * the quote; no other old copy; no look-alike of the old text differing in about its labels'
 * units): the label-free quote together with its stored side on the side of its own paragraph
 * (the suffix of a quote that opened its paragraph, or the prefix of one that ended it), that side
 * up to the paragraph's break, found exactly once in the new text read label-free, the quote still
 * opening (ending) a paragraph there and the side still reaching the break, the side at least
 * SIDE_MIN units. The other side is where a paragraph break
 * stood in the old text: the paragraph beyond it may have gone, and says nothing. The caller
 * requires the place between the passage's placed neighbours (pinnedBracket).
 */
import { formIndex, labelFree, namedElsewhere, type LabelFree } from './relabelled';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/** Units (label-free, line breaks aside) the kept side must hold: its paragraph's words say where. */
const SIDE_MIN = 16;
/** Units the quote's label-free words must hold. */
const QUOTE_MIN = 2;

const units = (s: string) => s.replace(/\n/g, '').length;

/** The raw range of the passage in the new text (see the file comment), or null. */
export function relabelledOneSide(formFor: () => LabelFree, s: TextSelector): Anchor | null {
  const atTextStart = s.start === s.prefix.length;
  const textEnd = s.suffix.length < CONTEXT_LENGTH - 1;
  const all = s.prefix + s.exact + s.suffix;
  const old = labelFree(all, atTextStart);
  const q0 = s.prefix.length;
  const q1 = q0 + s.exact.length;
  if (!old.labels.some(([a, b]) => b >= q0 && a < q1)) return null;
  const labelUnits = old.labels.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, q1) - Math.max(a, q0)), 0);
  const from = formIndex(old.map, q0);
  const to = formIndex(old.map, q1);
  const quote = old.text.slice(from, to);
  // One paragraph's words: a quote over a break has its other piece's side on both.
  if (quote.replace(/^\n+|\n+$/g, '').includes('\n') || units(quote) < QUOTE_MIN) return null;
  const before = old.text.slice(0, from);
  const after = old.text.slice(to);
  // The refusals of relabelledPlace: a look-alike differing in about its labels' units with most of
  // the stored context, another old copy with (nearly) all of it.
  if (s.nearErrors !== undefined && s.nearErrors <= labelUnits + 1) return null;
  if ((s.copies ?? 0) > 0) return null;
  // The quote opened its paragraph (its stored prefix ends at a break): its own paragraph's side is
  // the suffix, up to the next break. Or it ended its paragraph: the prefix, from the last break.
  const opens = before.endsWith('\n') || (atTextStart && before.length === 0);
  const ends = after.startsWith('\n') || (textEnd && after.length === 0);
  if (opens === ends) return null;
  const core = quote.replace(/^\n+|\n+$/g, '');
  // Only the side's part in the quote's own paragraph: the next (previous) one may have gone too.
  const side = opens
    ? after.slice(0, after.indexOf('\n') < 0 ? after.length : after.indexOf('\n'))
    : before.slice(before.lastIndexOf('\n') + 1);
  if (units(side) < SIDE_MIN) return null;
  // A side cut by the context's length, not by a break, is read as stored; one that reached a break
  // must end (begin) its paragraph in the new text too.
  const toBreak = opens ? after.includes('\n') : before.includes('\n');
  const words = opens ? core + side : side + core;
  const form = formFor();
  // Exactly once: another copy of the words anywhere (a recap, a second printing) may be the passage.
  const at = form.text.indexOf(words);
  if (at < 0 || form.text.indexOf(words, at + 1) >= 0) return null;
  const found = opens ? at : at + side.length;
  // Still opening (ending) its paragraph in the new text, its side's words whole to the break.
  if (opens && found > 0 && form.text[found - 1] !== '\n') return null;
  if (!opens && found + core.length < form.text.length && form.text[found + core.length] !== '\n') return null;
  const far = opens ? at + words.length : at;
  if (toBreak && (opens ? far < form.text.length && form.text[far] !== '\n' : far > 0 && form.text[far - 1] !== '\n')) return null;
  // At the text's edge, the stored side reaches it there too.
  if (!opens && atTextStart && at !== 0) return null;
  if (opens && textEnd && at + words.length !== form.text.length) return null;
  const start = form.map[found];
  const last = form.map[found + core.length - 1];
  if (start === undefined || last === undefined) return null;
  if (namedElsewhere(form, all, old.labels, q0, q1, core, found)) return null;
  return { start, end: last + 1, score: 0.8 };
}
