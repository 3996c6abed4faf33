/**
 * Judge of the THIRD outside anchoring bench (anchoring-outside3.ts): a tracked-character model
 * of a revision and the verdict on one re-anchored highlight. Written without reading
 * shared/anchoring beyond the exported signatures of shared/anchoring/index.ts.
 *
 * MODEL. A revision is built from pieces of the current text (rebuild): a KEPT run carries every
 * unit over with its origin (its offset in the ORIGINAL text) and its "same" flag; an ADDED
 * string is new text (origin -1, even when it copies words the text already holds: a pull quote
 * or a subheading made of a sentence below is new text, not the sentence); a REWRITE of a run as
 * another string (“ → 「, 2023 → 二〇二三, 已 → 己, ，→ 。) gives each new unit the origin of the
 * old unit at the same relative place in the run, with "same" only where the unit is the very
 * same character it was. Revisions compose: a second revision of a revised text keeps the first
 * one's origins, so a mix of kinds is tracked as well as one. Moves are kept runs put elsewhere.
 *
 * DEFINITIONS, for a highlight H = original [start, end) and a placement P = revised [s, e) or
 * null (units are UTF-16 code units; "body" units are the non-whitespace ones, so a paragraph
 * break inside a span is neither evidence nor loss):
 * - U (H's remains): the revised body units whose origin lies in [start, end), kept or rewritten.
 * - KEPT unit: a unit of U with "same" set (the very character, at its origin).
 * - PIECE: a maximal run of U in the revised text with no body unit of other ORIGINAL words
 *   between its units (new units may lie between: words inserted inside the passage, a
 *   connective after a split, a pull quote dropped between two paragraphs). A passage whose
 *   sentences were moved apart lies in several pieces.
 * - SURVIVING: one piece holds more than half of H's body units as kept units (strictly: a
 *   2-unit term with one character swapped is gone, a 3-unit one with one swapped survives; a
 *   span whose halves were moved apart, neither holding more than half, is gone).
 * - truth: the extent of that largest piece (for listing).
 * - OWN unit (of H, in the revised text): a unit of U, or a new unit (origin -1) strictly between
 *   the first and last unit of one piece (words inserted inside the passage belong to it).
 * - share(P) = own body units in P / body units in P; cover(P) = units of U in P / |U|.
 * - WRONG: P is not null and share(P) < 1/2: the placement is mostly on words that are not this
 *   passage's (another passage of the original, or new text such as a copy in a pull quote).
 *   This holds for surviving and lost highlights alike: a lost passage must be an orphan or lie
 *   on its own remains.
 * - RIGHT: H surviving, P not null, share(P) ≥ 1/2 and cover(P) ≥ 1/2.
 * - SHORT: H surviving, P on its own words (share ≥ 1/2) but covering less than half of them:
 *   not wrong, not right (a miss for recall), listed apart.
 * - MISS: H surviving and P null (an orphan).
 * - LOST: H not surviving; P null (ORPHANED, the right outcome) or on its remains (REMAINS,
 *   tolerated), otherwise WRONG.
 * Recall = RIGHT / SURVIVING. Wrong = every WRONG.
 */

/** A revised text with, for each unit, the original offset it came from (-1: new) and whether it is that very character. */
export interface Tracked {
  text: string;
  from: Int32Array;
  same: Uint8Array;
  /** Length of the original text (the space of `from`). */
  originalLength: number;
}

export type Piece = { keep: [number, number] } | { add: string } | { rewrite: [number, number]; as: string };

/** One replacement in the current text: [at, at + del) becomes `ins`, as new text or as a rewrite of those units. */
export interface Edit {
  at: number;
  del: number;
  ins: string;
  rewrite?: boolean;
}

export function original(text: string): Tracked {
  const from = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) from[i] = i;
  return { text, from, same: new Uint8Array(text.length).fill(1), originalLength: text.length };
}

/** The revised text made of `pieces` of `t` (see the header for what each piece keeps). */
export function rebuild(t: Tracked, pieces: readonly Piece[]): Tracked {
  let length = 0;
  for (const p of pieces) length += 'keep' in p ? Math.max(0, p.keep[1] - p.keep[0]) : 'add' in p ? p.add.length : p.as.length;
  const from = new Int32Array(length);
  const same = new Uint8Array(length);
  const parts: string[] = [];
  let k = 0;
  for (const p of pieces) {
    if ('keep' in p) {
      const [a, b] = p.keep;
      if (a < 0 || b > t.text.length || a > b) throw new Error(`keep out of range: ${a}-${b} of ${t.text.length}`);
      from.set(t.from.subarray(a, b), k);
      same.set(t.same.subarray(a, b), k);
      parts.push(t.text.slice(a, b));
      k += b - a;
    } else if ('add' in p) {
      from.fill(-1, k, k + p.add.length);
      k += p.add.length;
      parts.push(p.add);
    } else {
      const [a, b] = p.rewrite;
      if (a < 0 || b > t.text.length || a > b) throw new Error(`rewrite out of range: ${a}-${b} of ${t.text.length}`);
      const n = p.as.length;
      for (let i = 0; i < n; i++) {
        if (b === a) {
          from[k + i] = -1;
          continue;
        }
        const src = a + Math.floor((i * (b - a)) / n);
        from[k + i] = t.from[src] ?? -1;
        same[k + i] = p.as[i] === t.text[src] && t.same[src] === 1 && (t.from[src] ?? -1) >= 0 ? 1 : 0;
      }
      k += n;
      parts.push(p.as);
    }
  }
  return { text: parts.join(''), from, same, originalLength: t.originalLength };
}

/** Applies non-overlapping edits (any order) to `t`. */
export function applyEdits(t: Tracked, edits: readonly Edit[]): Tracked {
  const sorted = [...edits].sort((x, y) => x.at - y.at || x.del - y.del);
  const pieces: Piece[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.at < pos) continue; // overlaps the previous edit: dropped, the first one stands
    if (e.at > pos) pieces.push({ keep: [pos, e.at] });
    if (e.rewrite && e.del > 0) pieces.push({ rewrite: [e.at, e.at + e.del], as: e.ins });
    else if (e.ins) pieces.push({ add: e.ins });
    pos = e.at + e.del;
  }
  if (pos < t.text.length) pieces.push({ keep: [pos, t.text.length] });
  return rebuild(t, pieces);
}

const isBody = (ch: string | undefined) => ch !== undefined && !/\s/.test(ch);

/** Per-revision index for judging many highlights: where each original unit went. */
export interface Judged {
  rev: Tracked;
  /** For original unit u, revised positions next[offsets[u] .. offsets[u+1]). */
  offsets: Int32Array;
  next: Int32Array;
  kept: Uint8Array;
}

export function indexRevision(rev: Tracked): Judged {
  const n = rev.originalLength;
  const counts = new Int32Array(n + 1);
  const kept = new Uint8Array(n);
  for (let p = 0; p < rev.from.length; p++) {
    const u = rev.from[p] as number;
    if (u < 0) continue;
    counts[u + 1]!++;
    if (rev.same[p]) kept[u] = 1;
  }
  for (let u = 0; u < n; u++) counts[u + 1]! += counts[u]!;
  const fill = counts.slice(0, n);
  const next = new Int32Array(counts[n] ?? 0);
  for (let p = 0; p < rev.from.length; p++) {
    const u = rev.from[p] as number;
    if (u >= 0) next[fill[u]!++] = p;
  }
  return { rev, offsets: counts, next, kept };
}

export type VerdictKind = 'right' | 'short' | 'miss' | 'wrong' | 'orphaned' | 'remains';

export interface Verdict {
  kind: VerdictKind;
  surviving: boolean;
  /** Kept body units (anywhere) / body units of the highlight. */
  keptShare: number;
  /** First and last revised unit (+1) of the largest piece of U, or null when nothing of it is left. */
  truth: [number, number] | null;
  share: number;
  cover: number;
}

export function judge(
  oldText: string,
  j: Judged,
  h: { start: number; end: number },
  placed: { start: number; end: number } | null,
): Verdict {
  let body = 0;
  let keptBody = 0;
  const u: number[] = [];
  for (let o = h.start; o < h.end; o++) {
    if (!isBody(oldText[o])) continue;
    body++;
    if (j.kept[o]) keptBody++;
    for (let k = j.offsets[o]!; k < j.offsets[o + 1]!; k++) {
      const p = j.next[k]!;
      if (isBody(j.rev.text[p])) u.push(p);
    }
  }
  u.sort((a, b) => a - b);
  // Pieces: consecutive units of U with no body unit of other original words between them.
  const pieces: { lo: number; hi: number; kept: number }[] = [];
  for (const p of u) {
    const last = pieces[pieces.length - 1];
    let joined = !!last;
    if (last) {
      for (let q = last.hi + 1; q < p && joined; q++) {
        const o = j.rev.from[q]!;
        if (o >= 0 && (o < h.start || o >= h.end) && isBody(j.rev.text[q])) joined = false;
      }
    }
    const kept = j.rev.same[p] ? 1 : 0;
    if (joined && last) {
      last.hi = p;
      last.kept += kept;
    } else pieces.push({ lo: p, hi: p, kept });
  }
  let best = pieces[0];
  for (const piece of pieces) if (piece.kept > (best?.kept ?? -1)) best = piece;
  const surviving = body > 0 && (best?.kept ?? 0) * 2 > body;
  const truth: [number, number] | null = best ? [best.lo, best.hi + 1] : null;
  const base = { surviving, keptShare: body ? keptBody / body : 0, truth };
  if (!placed) return { ...base, kind: surviving ? 'miss' : 'orphaned', share: 0, cover: 0 };
  let pBody = 0;
  let own = 0;
  for (let p = placed.start; p < placed.end; p++) {
    if (!isBody(j.rev.text[p])) continue;
    pBody++;
    const origin = j.rev.from[p]!;
    if ((origin >= h.start && origin < h.end) || (origin < 0 && pieces.some((x) => p > x.lo && p < x.hi))) own++;
  }
  let inside = 0;
  for (const p of u) if (p >= placed.start && p < placed.end) inside++;
  const share = pBody ? own / pBody : 0;
  const cover = u.length ? inside / u.length : 0;
  const verdict = { ...base, share, cover };
  if (share * 2 < 1) return { ...verdict, kind: 'wrong' };
  if (!surviving) return { ...verdict, kind: 'remains' };
  return { ...verdict, kind: cover * 2 >= 1 ? 'right' : 'short' };
}

/**
 * Where a placement's units came from, for listing a wrong one: the original offsets of its
 * body units (median), or 'new' when most of them are new text.
 */
export function placedOrigin(j: Judged, placed: { start: number; end: number }): number | 'new' {
  const origins: number[] = [];
  let fresh = 0;
  for (let p = placed.start; p < placed.end; p++) {
    if (!isBody(j.rev.text[p])) continue;
    const o = j.rev.from[p]!;
    if (o < 0) fresh++;
    else origins.push(o);
  }
  if (fresh > origins.length) return 'new';
  origins.sort((a, b) => a - b);
  return origins[origins.length >> 1] ?? 'new';
}
