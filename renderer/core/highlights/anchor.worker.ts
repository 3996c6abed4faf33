/** Re-anchoring off the main thread: fuzzy matching a long article can take a while. */
import { runAnchorJob, type AnchorRequest, type AnchorResponse } from './anchorJob';

// The DOM lib types `self` as a Window; in a dedicated worker it is this much.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnchorRequest>) => void) | null;
  postMessage(message: AnchorResponse): void;
};

scope.onmessage = (event: MessageEvent<AnchorRequest>) => {
  const { id, text, selectors } = event.data;
  let response: AnchorResponse;
  try {
    response = { id, results: runAnchorJob(text, selectors) };
  } catch (error) {
    response = { id, results: [], error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
