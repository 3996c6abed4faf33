/** BM25-like ranking over candidates; title matches weigh more. */
import { FLAG_TITLE, tfValue } from './tokenize';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Added per query term found in the title, in units of the term's idf. */
export const TITLE_BOOST = 2;
/** Added per query term that occurs as a segmenter word (not just as characters). */
export const WORD_BOOST = 0.3;

export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** One term's contribution: `flags` is the posting's flags (tf code, title bit). */
export function termScore(termIdf: number, flags: number, length: number, avgLength: number): number {
  const tf = tfValue(flags);
  const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / Math.max(1, avgLength));
  let s = (termIdf * tf * (BM25_K1 + 1)) / norm;
  if (flags & FLAG_TITLE) s += termIdf * TITLE_BOOST;
  return s;
}

/** Multiplies the score of a document where a Han query term occurs only inside other words. */
export const PART_WORD_FACTOR = 0.5;
/** Occurrences of one term looked at before deciding it never stands as a word. */
const WORD_CHECK_LIMIT = 40;
/** Characters of context the segmenter sees on each side of an occurrence. */
const WORD_CONTEXT = 8;

let segmenter: Intl.Segmenter | null = null;

function isHanText(s: string): boolean {
  return /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+$/.test(s);
}

/**
 * True when `term` occurs in `text` at least once as a word of its own (both its ends on the
 * segmenter's word boundaries): 责任 in 压实主体责任 does, in 明确职责任务 (职责|任务) it does not.
 */
export function occursAsWord(text: string, term: string): boolean {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let seen = 0;
  for (let i = text.indexOf(term); i >= 0 && seen < WORD_CHECK_LIMIT; i = text.indexOf(term, i + 1), seen++) {
    const from = Math.max(0, i - WORD_CONTEXT);
    const window = text.slice(from, i + term.length + WORD_CONTEXT);
    const start = i - from;
    const end = start + term.length;
    let startOk = start === 0 && from === 0;
    let endOk = false;
    for (const s of segmenter.segment(window)) {
      if (s.index === start) startOk = true;
      if (s.index === end || s.index + s.segment.length === end) endOk = true;
    }
    if (startOk && endOk) return true;
  }
  return false;
}

/**
 * The factor for a verified document: PART_WORD_FACTOR for each Han term (of two or more
 * characters) that occurs in its fields but nowhere as a word of its own, else 1.
 */
export function wordMatchFactor(fields: readonly string[], terms: readonly { text: string }[]): number {
  let factor = 1;
  for (const { text: term } of terms) {
    if (term.length < 2 || !isHanText(term)) continue;
    const holding = fields.filter((f) => f.includes(term));
    if (holding.length && !holding.some((f) => occursAsWord(f, term))) factor *= PART_WORD_FACTOR;
  }
  return factor;
}
