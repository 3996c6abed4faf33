/** Search index work off the main thread: postings for bulk imports, sync batches and rebuilds; compaction merges. */
import { buildIndex, type BuiltIndex, type IndexInputDoc } from '../../../shared/search/build';
import { mergeRecords } from '../../../shared/search/postings';

export type IndexRequest = { id: number; docs: IndexInputDoc[] } | { id: number; merge: Uint8Array[]; dead: number[] };
export interface IndexResponse {
  id: number;
  result?: BuiltIndex;
  merged?: Uint8Array | null;
  error?: string;
}

// The DOM lib types `self` as a Window; in a dedicated worker it is this much.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<IndexRequest>) => void) | null;
  postMessage(message: IndexResponse, transfer: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<IndexRequest>) => {
  const request = event.data;
  try {
    if ('merge' in request) {
      const dead = new Set(request.dead);
      const merged = mergeRecords(request.merge, dead.size ? (num) => dead.has(num) : undefined);
      scope.postMessage({ id: request.id, merged }, merged ? [merged.buffer as ArrayBuffer] : []);
      return;
    }
    const result = buildIndex(request.docs);
    scope.postMessage(
      { id: request.id, result },
      result.records.map(([, r]) => r.buffer as ArrayBuffer),
    );
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};
