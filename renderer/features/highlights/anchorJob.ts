/** The pure part of re-anchoring: shared by the worker and the main-thread fallback. */
import { anchor, describe, type TextSelector } from '../../../shared/anchoring';

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
  return selectors.map((selector) => {
    try {
      const found = anchor(text, selector);
      return found ? describe(text, found.start, found.end) : null;
    } catch {
      // A malformed stored selector cannot be placed: it becomes an orphan, never an error.
      return null;
    }
  });
}
