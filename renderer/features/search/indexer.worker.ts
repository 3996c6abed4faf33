/** Builds search postings off the main thread (bulk imports, sync batches, rebuilds). */
import { buildIndex, type BuiltIndex, type IndexInputDoc } from '../../../shared/search/build';

export interface IndexRequest {
  id: number;
  docs: IndexInputDoc[];
}
export interface IndexResponse {
  id: number;
  result?: BuiltIndex;
  error?: string;
}

// The DOM lib types `self` as a Window; in a dedicated worker it is this much.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<IndexRequest>) => void) | null;
  postMessage(message: IndexResponse, transfer: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<IndexRequest>) => {
  const { id, docs } = event.data;
  try {
    const result = buildIndex(docs);
    scope.postMessage(
      { id, result },
      result.records.map(([, r]) => r.buffer as ArrayBuffer),
    );
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};
