/**
 * Judge of the FOURTEENTH outside anchoring bench (anchoring-outside14.ts). The tracked-character
 * model, the verdicts, the copy/twin source, the tally and the books are the eleventh to
 * thirteenth benches' (anchoring-outside11-judge.ts through anchoring-outside13-judge.ts,
 * imported, not copied); this file adds only what the fourteenth bench's kinds need:
 * - RESTYLED: a mark written again as ANOTHER FORM OF THE SAME MARK (a vertical presentation form
 *   ︒ for 。, a code page's look-alike ― for —, ・ for ·, a straight " for “ or ”) is the same unit,
 *   as a reader sees it: it keeps its origin and is NOT counted as retyped, so a sentence whose
 *   commas came back as ︐ still survives. A mark retyped as a DIFFERENT mark (“ → ‘ when the
 *   article is quoted inside a 转发通知, （ → — when an aside is restyled) stays retyped, and more
 *   than ⌊len/8⌋ retyped units make a highlight lost, as in the imported model.
 *
 * In words (the code is the eleventh judge's): every unit of a revised text carries the index of
 * the old unit it is, or -1 when the revision wrote it; a unit retyped in place keeps its origin,
 * flagged changed. A highlight is the old range [s, e); its CONTENT units are those not white space.
 * - LOST: a content unit gone, or more than ⌊len/8⌋ of them retyped (restyled marks not counted).
 *   PARTED: kept but out of order, or more than max(4, ⌊len/4⌋) other content units between its
 *   first and last.
 * - SURVIVING: all kept, in order, at most that many others between; TRUE SPAN = first kept
 *   content unit to the last. RIGHT: placed on ≥ ⌈0.9·len⌉ of its own content units, at most
 *   max(2, ⌊len/10⌋) content units outside the true span. PARTIAL: placed, not right, holding at
 *   least one own unit. WRONG: placed on none of its own units. MISS: surviving, not placed.
 *   Recall = RIGHT / SURVIVING.
 * - A LOST or PARTED highlight: an orphan is fine; a placement on ≥ 1 of its kept units is
 *   ON_REMAINS (tolerated); any other placement is WRONG_LOST, counted among the wrong.
 * - Where a wrong placement's words came from: COPY (most written by the revision: a 注释 quoting a
 *   term, the 通知's copy of the first words), TWIN (other old units) or MIXED.
 */
import type { Tracked } from './anchoring-outside13-judge';

export {
  around,
  Books,
  Builder,
  isSpace,
  judgeOne,
  positions,
  sourceOf,
  splice,
  Tally,
  track,
  verdictOf,
  type Judged,
  type Source,
  type Span,
  type Splice,
  type Tracked,
  type Truth,
  type Verdict,
} from './anchoring-outside13-judge';

/**
 * Groups of code points that are one mark to a reader: the mark, its vertical presentation form
 * (U+FE10–FE19, U+FE30–FE44) and the look-alikes legacy code pages and plain-text tools write for
 * it. A straight quote stands for either curly one of its kind.
 */
const SAME_MARK: readonly string[] = [
  '“﹁"〝',
  '”﹂"〞',
  "‘﹃'",
  "’﹄'",
  '「﹁',
  '」﹂',
  '『﹃',
  '』﹄',
  '，︐',
  '、︑',
  '。︒',
  '：︓',
  '；︔',
  '！︕',
  '？︖',
  '（︵',
  '）︶',
  '《︽',
  '》︾',
  '〈︿',
  '〉﹀',
  '【︻',
  '】︼',
  '〔︹',
  '〕︺',
  '…︙⋯',
  '—︱―',
  '·・',
  '～〜',
  '‖∥',
  '－−',
  '〇○',
];

const GROUPS = new Map<string, Set<string>>();
for (const g of SAME_MARK)
  for (const ch of g) {
    let set = GROUPS.get(ch);
    if (!set) GROUPS.set(ch, (set = new Set()));
    for (const other of g) set.add(other);
  }

/** Whether `b` is another form of the mark `a` (or the same unit). */
export function sameMark(a: string, b: string): boolean {
  return a === b || (GROUPS.get(a)?.has(b) ?? false);
}

/**
 * The revision with every unit retyped as another form of its own old mark counted as kept
 * unchanged (restyled, see the header); other retyped units stay flagged. Returns a new Tracked.
 */
export function restyled(oldText: string, t: Tracked): Tracked {
  const changed = t.changed.slice();
  for (let i = 0; i < t.text.length; i++) {
    const o = t.origin[i]!;
    if (changed[i] && o >= 0 && sameMark(oldText[o]!, t.text[i]!)) changed[i] = 0;
  }
  return { text: t.text, origin: t.origin, changed };
}
