/**
 * Passages whose words stand whole while only their edges changed: a label (问：, 答：) or
 * punctuation (？, 。, quotation marks “”「」, ： → ，) dropped or added at the quote's edge, or a
 * lead-in written between the passage and its neighbours (a question turned into prose: 问：X？⏎答：Y
 * → 在回答X的提问时，有关负责人介绍，Y; a quote turned into indirect speech: 他表示：“我们…。” →
 * 他表示，他们…。). The quote's runs of context are then cut right at its edge, so every exact-run
 * gate refuses it, though its words and both neighbours' words are all there.
 *
 * The rule, a last try for a passage not placed otherwise: the quote's words without edge labels
 * and punctuation (its core; optionally short of one or two units at an edge, where such an edit
 * changed a word: 我们 → 他们) found exactly once in the new text, with the stored context's
 * nearest words on BOTH sides (labels and punctuation at the junction ignored) within a few units
 * of it. The words and both neighbours within a clause of each other, and nowhere else: the passage.
 * Never for a quote the old text held more than once (its own copy may be the one gone).
 */
import { occurrences } from './copies';
import { lineBreakBefore, type Doc } from './doc';
import { headMarkerLength, normalise } from './normalise';
import { fingerprint, paragraphRange } from './paragraphs';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

/** Punctuation and white space an edit adds or drops at a passage's edge (not dashes or title marks: those carry words). */
const EDGE_MARK = /[\s“”「」『』‘’"'？?！!。.，,：:；;、]/u;
/** A speaker's label at a paragraph's start: one to three Han characters and a colon (问：, 记者：). */
const LABEL = /^\p{Script=Han}{1,3}[：:]/u;

/**
 * A speaker's attribution right before a quotation, as the side's last words: 王某说：“, 他表示，
 * (a name or pronoun of up to six units and a verb of saying, then a colon or comma and maybe an
 * opening mark), after a clause's end. An edition moves it behind the quotation (“…，”王某说。)
 * or rewrites it (王某表示，…): the words the passage opened on are then new, not the neighbour's.
 */
const ATTRIBUTION_END = /(^|[\n。！？；”」])([^\n。！？；，：“”「」]{1,6}?(?:说|表示|指出|强调|称))[：:，,][ \t\u3000]*[“「]?$/u;
/** The same attribution at a quote's head (the highlight began with the speaker). */
const ATTRIBUTION_HEAD = /^([^\n。！？；，：“”「」]{1,6}?(?:说|表示|指出|强调|称))[：:，,]/u;
/** Verbs of saying, for an attribution found in a gap (moved behind the quotation). */
const SAYING = /说|表示|指出|强调|称/u;

/** Units of each stored side that must stand near the core, exactly. */
const SIDE_RUN = 8;
/** Units at a side's near end that may be a neighbour's edge word changed in place (我们 → 他们). */
const NEAR_EDITED = 2;
/** Units of new words (a lead-in, a changed label) allowed between the core and each side. */
const GAP = 16;
/** Units the core must have (a shorter phrase is a set phrase, found anywhere). */
const CORE_MIN = 5;
/** Units an inner core (an edge unit changed) must keep. */
const INNER_MIN = 8;
/** New units beyond those left out that a rewritten head may write before the inner core. */
const REWRITE_SLACK = 2;
/** Inner cores tried, [units dropped at the head, at the tail]: a changed pronoun or a particle at an edge. */
const INNER: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [2, 0],
  [0, 2],
  [1, 1],
];

/** Whether a raw position (the quote's start) begins a clause: a paragraph, or after a sentence's or quotation's end. */
function clauseStart(prefix: string, atTextStart: boolean): boolean {
  const bare = prefix.replace(/[ \t\u3000]+$/u, '');
  return bare.length === 0 ? atTextStart : /[\n。！？；”」]$/u.test(bare);
}

/** Whether a raw position (the quote's start) begins a paragraph: a line break, or the text's start, before it. */
function paragraphStart(prefix: string, atTextStart: boolean): boolean {
  const bare = prefix.replace(/[ \t\u3000]+$/u, '');
  return bare.endsWith('\n') || (atTextStart && bare.length === 0);
}

/** `side` (raw, ending at the quote) without marks and a paragraph-start label at its end. */
function trimSideEnd(raw: string, atTextStart: boolean): string {
  // A speaker's attribution before a quotation (王某说：“): an edition moves or rewrites it.
  const attribution = ATTRIBUTION_END.exec(raw);
  const side = attribution ? raw.slice(0, attribution.index + attribution[1]!.length) : raw;
  let s = side;
  // A last line that is only a paragraph's marker (1⇥, 第二条 before the quote) is a label too.
  const head = s.lastIndexOf('\n') + 1;
  if ((head > 0 || atTextStart) && head < s.length && headMarkerLength(s.slice(head)) === s.length - head) s = s.slice(0, head);
  while (s.length > 0 && EDGE_MARK.test(s[s.length - 1]!)) s = s.slice(0, -1);
  // A label: the whole line after the last break (or from the text's start), 1–3 Han characters
  // that a colon followed.
  const nl = s.lastIndexOf('\n');
  if (nl < 0 && !atTextStart) return s;
  const line = s.slice(nl + 1);
  if (!/^\p{Script=Han}{1,3}$/u.test(line) || !LABEL.test(side.slice(nl + 1))) return s;
  s = s.slice(0, nl + 1);
  while (s.length > 0 && EDGE_MARK.test(s[s.length - 1]!)) s = s.slice(0, -1);
  return s;
}

/**
 * `side` (raw, starting at the quote's end) without marks and, past a line break, a label or a
 * paragraph's marker (第六十条, 2⇥, （三）) at its start: an edition restyles or drops those.
 */
function trimSideStart(side: string): string {
  let s = side;
  let crossed = false;
  while (s.length > 0 && EDGE_MARK.test(s[0]!)) {
    if (s[0] === '\n') crossed = true;
    s = s.slice(1);
  }
  const label = crossed ? (LABEL.exec(s)?.[0].length ?? headMarkerLength(s)) : 0;
  if (label > 0) {
    s = s.slice(label);
    while (s.length > 0 && EDGE_MARK.test(s[0]!)) s = s.slice(1);
  }
  return s;
}

/** A label right after a line break (inside a stored side). */
const LINE_LABEL = /\n[ \t\u3000]*\p{Script=Han}{1,3}[：:]/gu;

/** Units of a side's own paragraph that stand in for SIDE_RUN: words past the break belong to a neighbour, free to change. */
const LINE_RUN = 6;

/**
 * A trimmed side's nearest SIDE_RUN units in bare comparison form (`dir` −1: the side ends at the
 * quote; 1: it begins there), stopped at a paragraph break inside it when the side's own
 * paragraph gives LINE_RUN units.
 */
function ownLine(raw: string, dir: -1 | 1, run = SIDE_RUN): string {
  // Labels at paragraph starts inside the side go too (问：请介 → 请介).
  const side = raw.replace(LINE_LABEL, '\n');
  const nl = dir < 0 ? side.lastIndexOf('\n') : side.indexOf('\n');
  const all = bare(normalise(side));
  const pick = (x: string) => (dir < 0 ? x.slice(-run) : x.slice(0, run));
  if (nl < 0) return pick(all);
  // The prefix's own paragraph from its head: a marker there is one unit, as in the text.
  const own = bare(dir < 0 ? normalise(side.slice(nl + 1), true) : normalise(side.slice(0, nl)));
  return own.length >= LINE_RUN ? pick(own) : pick(all);
}

/** Whether a comparison-form unit is one that bare() drops. */
function isBare(c: string): boolean {
  return c === '"' || c === "'" || c === '?' || c === '!' || c === '.' || c === ',' || c === ':' || c === ';';
}

/** The comparison-form units before `at` that hold `count` units bare() keeps (a gap measured bare). */
function unitsBefore(text: string, at: number, count: number): string {
  let k = at;
  for (let c = 0; c < count && k > 0;) if (!isBare(text[--k]!)) c++;
  while (k > 0 && isBare(text[k - 1]!)) k--;
  return text.slice(k, at);
}

/** The comparison-form units after `at` that hold `count` units bare() keeps. */
function unitsAfter(text: string, at: number, count: number): string {
  let k = at;
  for (let c = 0; c < count && k < text.length; k++) if (!isBare(text[k]!)) c++;
  while (k < text.length && isBare(text[k]!)) k++;
  return text.slice(at, k);
}

/** Marks compared nowhere in the sides: an edit swaps them freely (。→”, ：→，). Comparison form. */
const BARE = /["'?!.,:;]/g;
/** Window units beyond GAP + SIDE_RUN, for the marks a window holds. */
const MARK_SLACK = 4;

function bare(s: string): string {
  return s.replace(BARE, '');
}

/**
 * The core's pieces in comparison form: one, or two for a quote over one paragraph break, whose
 * junction lost its marks and the second paragraph's label (问：X？⏎答：Y → X的提问时，…，Y);
 * null over more breaks.
 */
function corePieces(core: string): string[] | null {
  const lines = core.split('\n');
  if (lines.length > 2) return null;
  if (lines.length === 1) return [normalise(core)];
  let first = lines[0]!;
  while (first.length > 0 && EDGE_MARK.test(first[first.length - 1]!)) first = first.slice(0, -1);
  let second = lines[1]!.replace(/^[ \t\u3000]+/u, '');
  second = second.slice(LABEL.exec(second)?.[0].length ?? 0);
  while (second.length > 0 && EDGE_MARK.test(second[0]!)) second = second.slice(1);
  const pieces = [normalise(first), normalise(second)].filter((p) => p.length > 0);
  return pieces;
}

/** Raw units beyond the stored marker's own that a marker as now written may take. */
const MARKER_SLACK = 2;

/** Occurrences of a short first piece looked at, at most (a set phrase recurs). */
const MAX_PIECE_HITS = 256;

/** Whether comparison-form units between two pieces are only marks (the junction of a break, its words untouched). */
function junctionOnly(between: string): boolean {
  for (const c of between) if (!isBare(c) && !EDGE_MARK.test(c)) return false;
  return true;
}

/**
 * The only place where `a` is followed within GAP units of one paragraph by `b`, as [start of a,
 * end of b); else null (also when the pieces still stand parted by a break and marks alone).
 */
function onlyJoined(text: string, a: string, b: string, breakBefore: (i: number) => boolean): [number, number] | null {
  let found: [number, number] | null = null;
  let rival = false;
  let n = 0;
  for (let at = text.indexOf(a); at >= 0 && n < MAX_PIECE_HITS; at = text.indexOf(a, at + 1), n++) {
    const from = at + a.length;
    const next = text.slice(from, from + GAP + b.length).indexOf(b);
    if (next < 0) continue;
    // The break went with the words written in its place (paragraphs merged); a break still there
    // with words between is a paragraph inserted (a caption), not part of the passage.
    let parted = false;
    // (Only the break between them, its marks and label gone: the passage as it was.)
    for (let k = from; next > 0 && k <= from + next && !parted; k++) parted = breakBefore(k);
    // Parted by the break and marks alone: the passage as it was, standing beside a joined copy
    // (a recap quoting both paragraphs as one): the edge rule cannot tell which is the passage.
    if (parted && !junctionOnly(text.slice(from, from + next))) continue;
    if (found || rival) return null;
    if (parted) rival = true;
    else found = [at, from + next + b.length];
  }
  return n < MAX_PIECE_HITS ? found : null;
}

/** The only start of `core` in `text` that `near` accepts, or -1 (none, more than one, or too many copies to look at). */
function onlySided(text: string, core: string, near: (from: number, to: number) => boolean): number {
  let found = -1;
  let n = 0;
  for (let at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + 1), n++) {
    if (n >= MAX_PIECE_HITS) return -1;
    if (!near(at, at + core.length)) continue;
    if (found >= 0) return -1;
    found = at;
  }
  return found;
}

/** Units each part of a quotation split by its attribution must hold. */
const SPLIT_PART = 2;

/**
 * The only place (comparison form, [start, end)) where `core` stands split at one of its commas by
 * the attribution of the speaker `name` (“A，”王某说，“B”: only marks, the name and a verb of
 * saying between the parts), or null (none, or more than one).
 */
function splitByAttribution(text: string, core: string, name: string): [number, number] | null {
  let found: [number, number] | null = null;
  for (let i = core.indexOf(','); i >= 0; i = core.indexOf(',', i + 1)) {
    const a = core.slice(0, i + 1);
    const b = core.slice(i + 1);
    if (a.length - 1 < SPLIT_PART || b.length < SPLIT_PART) continue;
    let n = 0;
    for (let at = text.indexOf(a); at >= 0 && n < MAX_PIECE_HITS; at = text.indexOf(a, at + 1), n++) {
      const from = at + a.length;
      const next = text.slice(from, from + GAP + b.length).indexOf(b);
      if (next <= 0) continue;
      const between = text.slice(from, from + next);
      if (!SAYING.test(between) || bare(between).replace(SAYING, '') !== name) continue;
      if (found) return null;
      found = [at, from + next + b.length];
    }
    if (n >= MAX_PIECE_HITS) return null;
  }
  return found;
}

/** The only start of `core` in `text`, or -1 (none, or more than one; overlapping ones count). */
function onlyAt(text: string, core: string): number {
  // occurrences: through the text's trigram index when it has one, not two scans of a long text.
  const found = occurrences(text, core, 2);
  return found.length === 1 ? (found[0] as number) : -1;
}

/** Marks (comparison form, ，：；) at most that may stand where a table cell's tab was. */
const CELL_JOIN = 2;

/** The cells of a core that holds a table row's tabs, in comparison form; null without a tab between words. */
function cellsOf(core: string): string[] | null {
  if (!core.includes('\t') || core.includes('\n')) return null;
  const cells = core
    .split(/\t+/u)
    .map((c) => normalise(c))
    .filter((c) => c.length > 0);
  return cells.length > 1 ? cells : null;
}

/**
 * The only place where `cells` follow each other with at most CELL_JOIN marks between (a row
 * flattened: 1⇥X⇥Y → X，Y), as [start, end) in the comparison form; else null.
 */
function onlyCells(text: string, cells: readonly string[]): [number, number] | null {
  const first = cells[0]!;
  let found: [number, number] | null = null;
  let n = 0;
  for (let at = text.indexOf(first); at >= 0 && n < MAX_PIECE_HITS; at = text.indexOf(first, at + 1), n++) {
    let k = at + first.length;
    let whole = true;
    for (let c = 1; c < cells.length && whole; c++) {
      let marks = 0;
      while (marks < CELL_JOIN && k < text.length && isBare(text[k]!) && !text.startsWith(cells[c]!, k)) {
        k++;
        marks++;
      }
      whole = text.startsWith(cells[c]!, k);
      k += cells[c]!.length;
    }
    if (!whole) continue;
    if (found) return null;
    found = [at, k];
  }
  return n < MAX_PIECE_HITS ? found : null;
}

/**
 * Where the passage stands when only its edges changed (see the file comment), or null. `doc` is
 * the new text's comparison form.
 */
export function edgeWordsAnchor(doc: Doc, s: TextSelector): Anchor | null {
  if ((s.copies ?? 0) > 0) return null;
  const atTextStart = s.start === s.prefix.length;
  // The quote's core: a paragraph-start label, then marks, off its head; marks off its tail.
  let head = 0;
  // At a paragraph's head, a speaker's label or an outline/row marker (1⇥, （二）): a label either way.
  const atParaStart = paragraphStart(s.prefix, atTextStart);
  const marker = atParaStart && !LABEL.test(s.exact) ? headMarkerLength(s.exact) : 0;
  if (atParaStart) head = LABEL.exec(s.exact)?.[0].length ?? marker;
  // A speaker's attribution opening the quote at a clause's start (王某说：“…): moved or rewritten
  // by an edition (“…，”王某说。 / 王某表示，…); its words are the name, kept if they still stand there.
  const attribution = head === 0 && clauseStart(s.prefix, atTextStart) ? ATTRIBUTION_HEAD.exec(s.exact) : null;
  if (attribution) head = attribution[0].length;
  while (head < s.exact.length && EDGE_MARK.test(s.exact[head]!)) head++;
  let tail = s.exact.length;
  while (tail > head && EDGE_MARK.test(s.exact[tail - 1]!)) tail--;
  const pieces = corePieces(s.exact.slice(head, tail));
  if (!pieces || pieces.join('').length < CORE_MIN) return null;
  const sideBefore = s.prefix + s.exact.slice(0, head);
  const sideAfter = s.exact.slice(tail) + s.suffix;
  const before = ownLine(trimSideEnd(sideBefore, atTextStart), -1);
  const after = ownLine(trimSideStart(sideAfter), 1);
  // The same sides NEAR_EDITED units longer: a neighbour's edge word changed in place too.
  const beforeLong = ownLine(trimSideEnd(sideBefore, atTextStart), -1, SIDE_RUN + NEAR_EDITED);
  const afterLong = ownLine(trimSideStart(sideAfter), 1, SIDE_RUN + NEAR_EDITED);
  // Units of a label taken off each side at the junction: where it still stands, it is no new word.
  const labelBefore = bare(normalise(sideBefore)).length - bare(normalise(trimSideEnd(sideBefore, atTextStart))).length;
  const labelAfter = bare(normalise(sideAfter)).length - bare(normalise(trimSideStart(sideAfter))).length;
  // The speaker's name of an attribution before the quotation (comparison form), which an edition
  // may have moved behind it.
  const before0 = ATTRIBUTION_END.exec(sideBefore);
  const movedName = before0 ? bare(normalise(before0[2]!.replace(new RegExp(`(?:${SAYING.source})$`, 'u'), ''))) : '';
  // A side shorter than the run is its paragraph's or the text's edge.
  const textEnd = s.suffix.length < CONTEXT_LENGTH - 1;
  if (
    (before.length < SIDE_RUN && !atTextStart && before.length < LINE_RUN) ||
    (after.length < SIDE_RUN && !textEnd && after.length < LINE_RUN)
  ) {
    return null;
  }
  const text = doc.norm.text;
  // Both stored sides' nearest words (marks aside) within GAP units of the place.
  // Both stored sides' nearest words (marks aside) within `gapBefore` / `gapAfter` units of the place.
  const sidesNear = (from: number, to: number, gapBefore = GAP, gapAfter = GAP): boolean => {
    const lead = bare(text.slice(Math.max(0, from - gapBefore - SIDE_RUN - NEAR_EDITED - MARK_SLACK), from));
    const follow = bare(text.slice(to, to + gapAfter + SIDE_RUN + NEAR_EDITED + MARK_SLACK));
    // Units between each side and the place (bare), or -1 where the side does not stand near.
    let gapBefore0 = -1;
    let gapAfter0 = -1;
    if (before.length === 0) gapBefore0 = from <= gapBefore ? from : -1;
    else {
      // Exactly; else short of its k nearest units (a neighbour's 我们 → 他们), its next SIDE_RUN
      // units exact, within k more units.
      for (let k = 0; k <= NEAR_EDITED && gapBefore0 < 0; k++) {
        const piece = k === 0 ? before : beforeLong.length >= SIDE_RUN + k ? beforeLong.slice(-SIDE_RUN - k, -k) : '';
        const i = piece ? lead.lastIndexOf(piece) : -1;
        if (i >= 0 && lead.length - i - piece.length <= gapBefore + k) gapBefore0 = lead.length - i - piece.length;
      }
    }
    if (after.length === 0) gapAfter0 = text.length - to <= gapAfter ? text.length - to : -1;
    else {
      for (let k = 0; k <= NEAR_EDITED && gapAfter0 < 0; k++) {
        const piece = k === 0 ? after : afterLong.length >= SIDE_RUN + k ? afterLong.slice(k, k + SIDE_RUN) : '';
        const j = piece ? follow.indexOf(piece) : -1;
        if (j >= 0 && j <= gapAfter + k) gapAfter0 = j;
      }
    }
    if (gapBefore0 < 0 || gapAfter0 < 0) return false;
    // The quote's own edge mark still standing at the gap's far side (结果[new words]，): the new
    // words were written inside the passage, whose true extent holds them.
    const gapB = unitsBefore(text, from, gapBefore0);
    const gapA = unitsAfter(text, to, gapAfter0);
    const headMarks = normalise(s.exact.slice(0, head), atParaStart);
    const tailMarks = normalise(s.exact.slice(tail));
    // Words between that are the stored speaker's attribution, rewritten before the quotation
    // (王某说：“ → 王某表示，) or moved behind it with the full stop (“…。” → “…，”王某说。), are no
    // words inserted into the passage.
    const attributed = (gap: string) => movedName !== '' && SAYING.test(gap) && bare(gap).replace(SAYING, '') === movedName;
    if (headMarks && gapB.length > headMarks.length && gapB.startsWith(headMarks) && !attributed(gapB)) return false;
    if (attributed(gapA)) return true;
    return !(tailMarks && gapA.length > tailMarks.length && gapA.endsWith(tailMarks));
  };
  // [from, to) in the comparison form, and the units of the core left out at its head and tail.
  let found: { from: number; to: number; h: number; t: number } | null = null;
  if (pieces.length === 2) {
    const at = onlyJoined(text, pieces[0]!, pieces[1]!, (i) => lineBreakBefore(doc, i));
    if (!at || !sidesNear(at[0], at[1])) return null;
    found = { from: at[0], to: at[1], h: 0, t: 0 };
  } else {
    const core = pieces[0]!;
    const whole = onlyAt(text, core);
    const cells = whole < 0 ? cellsOf(s.exact.slice(head, tail)) : null;
    const at = cells ? onlyCells(text, cells) : null;
    const sided = whole < 0 ? onlySided(text, core, sidesNear) : -1;
    if (whole >= 0) {
      // The core stands once, its neighbours not beside it: moved or rewritten around, not an edge edit.
      if (!sidesNear(whole, whole + core.length)) return null;
      found = { from: whole, to: whole + core.length, h: 0, t: 0 };
    } else if (sided >= 0) {
      // Its words stand more than once without their marks (a set phrase of the text), and only one
      // copy has both neighbours beside it.
      found = { from: sided, to: sided + core.length, h: 0, t: 0 };
    } else if (cells && at && sidesNear(at[0], at[1])) {
      // A table row's cells (their tab dropped in comparison) now joined by a mark (⇥ → ，/：).
      found = { from: at[0], to: at[1], h: 0, t: 0 };
    } else if (occurrences(text, core, 1).length === 0 && movedName && splitByAttribution(text, core, movedName)) {
      // The quotation split by its speaker's attribution at a comma (“A，B。” → “A，”王某说，“B。”).
      const at = splitByAttribution(text, core, movedName)!;
      if (sidesNear(at[0], at[1])) found = { from: at[0], to: at[1], h: 0, t: 0 };
    } else if (occurrences(text, core, 1).length === 0) {
      for (const [h, t] of INNER) {
        const inner = core.slice(h, core.length - t);
        if (inner.length < INNER_MIN) break;
        const at = onlyAt(text, inner);
        // The units left out were changed in place (我们 → 他们): no more new units than they stand
        // there. More are words inserted into the passage, whose true extent holds them.
        if (at >= 0 && sidesNear(at, at + inner.length, h === 0 ? GAP : h + labelBefore, t === 0 ? GAP : t + labelAfter)) {
          found = { from: at, to: at + inner.length, h, t };
          break;
        }
        // Unless the head units left out stand nowhere before the inner core: they were replaced,
        // not pushed away by an insertion, and a first-person opener rewritten as reported speech
        // (我们要X → 他强调，要X) writes a few units more than it drops. The passage's words now start
        // at the inner core (the new words are no part of it).
        if (
          at >= 0 &&
          h > 0 &&
          t === 0 &&
          !unitsBefore(text, at, h + labelBefore + REWRITE_SLACK + SIDE_RUN).includes(core.slice(0, h)) &&
          sidesNear(at, at + inner.length, h + labelBefore + REWRITE_SLACK, GAP)
        ) {
          found = { from: at, to: at + inner.length, h, t };
          break;
        }
      }
    }
  }
  if (!found) return null;
  // The quote's own edge units that still stand right beside the core (a kept 。) belong to it.
  const quote = normalise(s.exact, atParaStart);
  let { from, to } = found;
  if (found.h === 0) {
    for (let q = normalise(s.exact.slice(0, head), atParaStart).length; q > 0 && from > 0 && text[from - 1] === quote[q - 1]; q--) from--;
  }
  if (found.t === 0) {
    for (let r = quote.length - normalise(s.exact.slice(tail)).length; r < quote.length && to < text.length && text[to] === quote[r]; r++)
      to++;
  }
  let start = doc.norm.map[from] ?? 0;
  const end = doc.norm.ends[to - 1] ?? start;
  // A quote that began with its paragraph's marker, found a few units into a paragraph: what
  // stands before it there is the marker as now written (第九十六條, 2.), which the quote holds.
  if (marker > 0) {
    const line = doc.raw.lastIndexOf('\n', start - 1) + 1;
    let head = line;
    while (head < start && /\s/u.test(doc.raw[head]!)) head++;
    // Not over another row's or sentence's words (rows joined by ；).
    if (found.h === 0 && start > head && start - head <= marker + MARKER_SLACK && !/[，。；！？,;!?]/u.test(doc.raw.slice(head, start)))
      start = head;
    // Otherwise its words begin a paragraph, or follow a mark (rows joined): other words before
    // them took the marker's place, an edit of the passage's own head.
    else if (start > head && !/[，。；：！？,;:!?]/u.test(doc.raw.slice(line, start).trimEnd().slice(-1))) return null;
  }
  // Found by search, on part of the quote: below an untouched passage's 1.
  return { start, end, score: Math.round((900 * (to - from)) / Math.max(1, quote.length)) / 1000 };
}

/**
 * A stored side's nearest SIDE_RUN units in comparison form (`dir` −1: the prefix; 1: the suffix),
 * only its own paragraph's when that gives LINE_RUN units: the next paragraph may now be another.
 */
function outerSide(raw: string, dir: -1 | 1): string {
  const nl = dir < 0 ? raw.lastIndexOf('\n') : raw.indexOf('\n');
  const own =
    nl < 0
      ? raw
      : normalise(dir < 0 ? raw.slice(nl + 1) : raw.slice(0, nl)).length >= LINE_RUN
        ? dir < 0
          ? raw.slice(nl + 1)
          : raw.slice(0, nl)
        : raw;
  // The prefix's own paragraph from its head: a marker there is one unit, as in the text.
  const n = normalise(own, dir < 0 && nl >= 0 && own !== raw);
  return dir < 0 ? n.slice(-SIDE_RUN) : n.slice(0, SIDE_RUN);
}

/**
 * The stored side's part on the piece's own line (comparison form) when it holds more than the
 * SIDE_RUN nearest units, else '': lines past a break may have been edited on their own.
 */
function ownLineSide(raw: string, dir: -1 | 1): string {
  const nl = dir < 0 ? raw.lastIndexOf('\n') : raw.indexOf('\n');
  const own = nl < 0 ? raw : dir < 0 ? raw.slice(nl + 1) : raw.slice(0, nl);
  const n = normalise(own, dir < 0 && nl >= 0);
  return n.length > SIDE_RUN ? n : '';
}

/** Units of the outer side next to a copy of the larger piece that make it a rival copy. */
const NEAREST_SIDE = 4;
/** Units of each piece next to the break that, standing over a break elsewhere, place the passage there. */
const JOIN = 6;

/**
 * Whether the last JOIN units of `first` and the first JOIN of `second` stand with a line break
 * between them somewhere else than at normalised `own` (the break beside the piece found).
 */
function breakStandsElsewhere(doc: Doc, first: string, second: string, own: number): boolean {
  const tail = first.slice(-JOIN);
  const head = second.slice(0, JOIN);
  if (tail.length + head.length < 2 * JOIN - 2 || head.length < 2) return false;
  const text = doc.norm.text;
  const join = tail + head;
  let n = 0;
  for (let at = text.indexOf(join); at >= 0 && n < MAX_PIECE_HITS; at = text.indexOf(join, at + 1), n++)
    if (at + tail.length !== own && lineBreakBefore(doc, at + tail.length)) return true;
  return false;
}

/** Units by which a paragraph may differ from a look-alike's recorded size and still be taken for it (a title added). */
const SIZE_SLACK = 8;
const SIZE_SHARE = 0.1;

/**
 * Whether the paragraph holding normalised unit `at` has about the size (comparison units, as
 * fingerprint() counts them) of one of the look-alike paragraphs recorded in `others`.
 */
function lookAlikeSized(doc: Doc, others: readonly string[], at: number): boolean {
  const raw = doc.norm.map[at] ?? 0;
  const [from, to] = paragraphRange(doc.raw, raw, raw + 1);
  const size = Number.parseInt(fingerprint(doc.raw.slice(from, to)).split('.')[1] ?? '', 36);
  return others.some((o) => {
    const other = Number.parseInt(o.split('.')[1] ?? '', 36);
    return Number.isFinite(other) && Math.abs(size - other) <= Math.max(SIZE_SLACK, SIZE_SHARE * other);
  });
}

/** Comparison units past the larger piece within which the smaller piece must stand, paragraphs inserted between. */
const SMALLER_WINDOW = 3000;

/**
 * Whether the smaller piece's JOIN units nearest the break stand at a paragraph's edge on the
 * break's side of the larger piece [from, to) (after it when `after`), within SMALLER_WINDOW units.
 */
function smallerPieceBeside(doc: Doc, smaller: string, after: boolean, from: number, to: number): boolean {
  const key = after ? smaller.slice(0, JOIN) : smaller.slice(-JOIN);
  if (key.length < 2) return false;
  const text = doc.norm.text;
  let n = 0;
  for (
    let at = text.indexOf(key, after ? to : Math.max(0, from - SMALLER_WINDOW));
    at >= 0 && n < MAX_PIECE_HITS;
    at = text.indexOf(key, at + 1), n++
  ) {
    if (after ? at - to > SMALLER_WINDOW : at + key.length > from) break;
    const edge = after ? lineBreakBefore(doc, at) : at + key.length === text.length || lineBreakBefore(doc, at + key.length);
    if (edge) return true;
  }
  return false;
}

/** Share of a passage over a break that its larger piece must hold to stand for it alone. */
const MOST = 0.6;
/** Units the larger piece needs to say by itself where it stands. */
const PIECE_MIN = 8;

/**
 * A passage over one paragraph break whose two paragraphs now have others between them (a
 * translation after each paragraph, another article's paragraphs interleaved): its larger piece,
 * holding most of its words, placed alone where it stands at its paragraph's edge with the stored
 * context on its outer side, exactly and nowhere else. The smaller piece's place is not searched:
 * a highlight shrunk to most of its words beats an orphan, and a span over the inserted
 * paragraphs would be mostly other words. Null otherwise.
 */
export function largerPieceAnchor(doc: Doc, s: TextSelector): Anchor | null {
  if ((s.copies ?? 0) > 0) return null;
  const lines = s.exact.split('\n');
  if (lines.length !== 2) return null;
  // Each piece read as the text reads it: a paragraph's head marker (第十八条) one unit.
  const first = normalise(lines[0]!, paragraphStart(s.prefix, s.start === s.prefix.length));
  const second = normalise(lines[1]!, true);
  const total = first.length + second.length;
  const useFirst = first.length >= second.length;
  const piece = useFirst ? first : second;
  if (piece.length < PIECE_MIN || piece.length < MOST * total) return null;
  const text = doc.norm.text;
  const atTextStart = s.start === s.prefix.length;
  const textEnd = s.suffix.length < CONTEXT_LENGTH - 1;
  // The outer side, exactly (nothing was edited there): its nearest SIDE_RUN units, or the text's edge.
  const side = outerSide(useFirst ? s.prefix : s.suffix, useFirst ? -1 : 1);
  if (side.length < LINE_RUN && !(useFirst ? atTextStart : textEnd)) return null;
  // Where the old text held look-alike paragraphs (`others`: a chunk of the quote in another
  // paragraph), a copy of the piece with the side's nearest units may be one of them, standing
  // alone now that the passage's own paragraph went: the whole stored side must stand there.
  const whole = (s.others?.length ?? 0) > 0 ? ownLineSide(useFirst ? s.prefix : s.suffix, useFirst ? -1 : 1) : '';
  let found = -1;
  let near = 0;
  let n = 0;
  for (let at = text.indexOf(piece); at >= 0 && n < MAX_PIECE_HITS; at = text.indexOf(piece, at + 1), n++) {
    const end = at + piece.length;
    // The inner side: the piece ends (begins) its paragraph there, as it did.
    const inner = useFirst ? end === text.length || lineBreakBefore(doc, end) : at === 0 || lineBreakBefore(doc, at);
    if (!inner) continue;
    const outer = useFirst
      ? side.length > 0
        ? text.slice(at - side.length, at) === side
        : at === 0
      : side.length > 0
        ? text.startsWith(side, end)
        : end === text.length;
    // Another copy at a paragraph's edge with the side's nearest units (a clause cut from the
    // side beyond them): the context cannot say which copy is the passage's.
    const nearest =
      side.length > 0 &&
      (useFirst ? text.slice(at - NEAREST_SIDE, at) === side.slice(-NEAREST_SIDE) : text.startsWith(side.slice(0, NEAREST_SIDE), end));
    if (outer || nearest) near++;
    if (!outer) continue;
    if (whole && !(useFirst ? text.slice(at - whole.length, at) === whole : text.startsWith(whole, end))) continue;
    if (found >= 0) return null;
    found = at;
  }
  if (found < 0 || n >= MAX_PIECE_HITS || near > 1) return null;
  // The passage's break still standing elsewhere (the first piece's last units, a break, the
  // second's first units): its place is there, edited, and the copy of the larger piece found is
  // another passage's (a page printed twice). Where the piece found itself meets the break, the
  // other piece was edited in place.
  if (breakStandsElsewhere(doc, first, second, useFirst ? found + piece.length : found)) return null;
  // With look-alike paragraphs in the old text, the piece and its whole side in a paragraph of a
  // look-alike's size say only "one of them" (an 附件 item quoting a body paragraph, the 附件 split
  // off: the body's copy stands with the whole side). The smaller piece, at the edge of a paragraph
  // shortly past the inserted ones, says the break was here; without it the look-alike is as
  // likely, and the passage an orphan.
  if (
    whole &&
    lookAlikeSized(doc, s.others ?? [], found) &&
    !smallerPieceBeside(doc, useFirst ? second : first, useFirst, found, found + piece.length)
  )
    return null;
  const start = doc.norm.map[found] ?? 0;
  const end = doc.norm.ends[found + piece.length - 1] ?? start;
  return { start, end, score: Math.round((900 * piece.length) / Math.max(1, total)) / 1000 };
}
