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
