/** Builds index terms and segment records for documents: the same code in the worker, on the main thread and in Node. */
import { buildSegment, type DocTerms } from './postings';
import { addTerms, FLAG_TITLE, TermCounter, type TokenizeOptions } from './tokenize';

export interface IndexInputDoc {
  num: number;
  title: string;
  /** Searched like body text but shown apart: 来源, 栏目, tags, a highlight's comment. */
  meta: string;
  text: string;
}

export interface BuiltIndex {
  records: [number, Uint8Array][];
  /** Term occurrences of each input document, in input order. */
  lengths: number[];
}

export interface DocTermsWithLength extends DocTerms {
  length: number;
}

export function termsOf(doc: IndexInputDoc, counter = new TermCounter(), options: TokenizeOptions = {}): DocTermsWithLength {
  counter.clear();
  addTerms(doc.title, counter, FLAG_TITLE, options);
  addTerms(doc.meta, counter, 0, options);
  addTerms(doc.text, counter, 0, options);
  const { hashes, flags } = counter.terms();
  // Sorted by hash, so small documents can be searched by binary search.
  const order = Array.from(hashes.keys()).sort((a, b) => hashes[a]! - hashes[b]!);
  return {
    num: doc.num,
    hashes: Uint32Array.from(order, (i) => hashes[i]!),
    flags: Uint8Array.from(order, (i) => flags[i]!),
    length: counter.length,
  };
}

export function buildIndex(docs: readonly IndexInputDoc[], options: TokenizeOptions = {}): BuiltIndex {
  const counter = new TermCounter();
  const terms: DocTerms[] = [];
  const lengths: number[] = [];
  for (const doc of docs) {
    counter.clear();
    addTerms(doc.title, counter, FLAG_TITLE, options);
    addTerms(doc.meta, counter, 0, options);
    // Article bodies: bigrams and Latin tokens only. Intl.Segmenter costs ~1.3 ms per article
    // and adds nothing to recall (any ≥ 2-character substring is found through its bigrams);
    // words still come from titles, meta, notes and highlights.
    addTerms(doc.text, counter, 0, { ...options, words: false });
    terms.push({ num: doc.num, ...counter.terms(true) });
    lengths.push(counter.length);
  }
  return { records: buildSegment(terms), lengths };
}
