/** Where a search hit opens: built here, in the view, from the engine's data. */
import { hrefFor } from '../../ui/router';
import type { SearchHit } from '../../core/search';

export function hitHref(hit: SearchHit): string {
  if (hit.kind === 'note') return hrefFor({ name: 'notebook', noteId: hit.id });
  if (hit.kind === 'return' && hit.place) {
    const p = hit.place;
    const at = hit.at === null ? {} : hit.len === null ? { at: hit.at } : { at: hit.at, len: hit.len };
    return hrefFor({ name: 'returns', sessionId: p.sessionId, returnId: p.returnId, noteId: p.noteId, ...at });
  }
  const id = hit.articleId!;
  if (hit.at === null) return hrefFor({ name: 'reader', id });
  return hit.len === null ? hrefFor({ name: 'reader', id, at: hit.at }) : hrefFor({ name: 'reader', id, at: hit.at, len: hit.len });
}
