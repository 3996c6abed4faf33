/** The pure part of re-anchoring: shared by the worker and the main-thread fallback. */
import { anchorAll, describe, type TextSelector } from '../../../shared/anchoring';

export interface AnchorRequest {
  id: number;
  text: string;
  selectors: TextSelector[];
}

/** For each selector, the selector at its new place, or null when it cannot be placed safely. */
export interface AnchorResponse {
  id: number;
  results: (TextSelector | null)[];
  error?: string;
}

export function runAnchorJob(text: string, selectors: readonly TextSelector[]): (TextSelector | null)[] {
  // A malformed stored selector comes back null: it becomes an orphan, never an error.
  return anchorAll(text, selectors).map((found) => (found ? describe(text, found.start, found.end) : null));
}
