/** Libraries without types of their own: only the parts used here. */

/** word-extractor 1.0.4. */
declare module 'word-extractor' {
  interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }
}

/** pdf.js's worker code, loaded into this thread as `globalThis.pdfjsWorker` (the fake worker). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/** word-extractor's sector allocation table (patched in word.ts: a looping chain ends). */
declare module 'word-extractor/lib/ole-allocation-table.js' {
  const AllocationTable: unknown;
  export default AllocationTable;
}
