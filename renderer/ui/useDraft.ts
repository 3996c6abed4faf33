/**
 * What the user is typing into a field shown from stored data. The draft follows the stored
 * value whenever that changes (a save here, an edit in another tab, a packet re-issue) and is
 * the user's own in between, so a live view never overwrites text while it is being typed
 * unless the same field was changed elsewhere.
 */
import { useState } from 'react';

export function useDraft<T>(stored: T, same: (a: T, b: T) => boolean = Object.is): [T, (next: T) => void] {
  const [seen, setSeen] = useState(stored);
  const [draft, setDraft] = useState(stored);
  if (!same(seen, stored)) {
    // Adjusting state while rendering (React's documented pattern): no stale frame is shown.
    setSeen(stored);
    setDraft(stored);
  }
  return [draft, setDraft];
}
