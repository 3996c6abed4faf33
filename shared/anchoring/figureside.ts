/**
 * A figure (a quote of digits) among figures whose values were updated. A 公报 or a table moved
 * to next year's figures changes every number, years included (2021年 2022年 2023年 → 2022年 2023年
 * 2024年): the quote's value then stands again, but as its neighbour's new value, one slot over.
 * The pinned pass (pinned.ts) takes a short quote held once with its stored context on one side
 * only. When on the side it lacks the stored context, with its nearest figure (and that figure's
 * unit) cut out, runs right up to the placement, the figure found sits in that neighbour's slot:
 * the figures moved along the row, and its value is no evidence. An orphan. A neighbour figure
 * merely corrected (925 → 928 beside the quote) leaves its slot there and the figure is read as before.
 */
import { prefixRun, suffixRun, type Query } from './query';

/** A number: digits with their separators, nothing else. */
const FIGURE = /^[0-9][0-9.,]*$/;
/** A side read for this many units is context the placement has; the slot's other side must read as many. */
const SIDE_HELD = 4;
/** The stored prefix: what stood before its nearest figure, the figure, and up to 2 units (its unit, a separator). */
const PREFIX_FIGURE = /^(.*?)[0-9][0-9.,]*[^0-9]{0,2}$/su;
/** The stored suffix: up to 2 units (the quote's unit), its nearest figure, and what followed it. */
const SUFFIX_FIGURE = /^[^0-9]{0,2}[0-9][0-9.,]*(.*)$/su;

/** Whether the figure at normalised [at, end) stands in the slot of its stored neighbour figure on the side whose context it lacks. */
export function figureBesideRewritten(norm: string, q: Query, at: number, end: number): boolean {
  if (!FIGURE.test(q.quote)) return false;
  if (prefixRun(norm, q, at) < SIDE_HELD) {
    const rest = PREFIX_FIGURE.exec(q.prefixText)?.[1] ?? '';
    if (rest.length >= SIDE_HELD && at >= SIDE_HELD && norm.slice(at - SIDE_HELD, at) === rest.slice(-SIDE_HELD)) return true;
  }
  if (suffixRun(norm, q, end) < SIDE_HELD) {
    const rest = SUFFIX_FIGURE.exec(q.suffixText)?.[1] ?? '';
    if (rest.length >= SIDE_HELD && norm.slice(end, end + SIDE_HELD) === rest.slice(0, SIDE_HELD)) return true;
  }
  return false;
}
