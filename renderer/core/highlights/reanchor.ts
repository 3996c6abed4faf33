/**
 * Re-anchoring: after sync stores a new text of an article, every highlight placed on an older
 * version is searched for in the new text. Found → its selector is rewritten at the new place;
 * not found → it becomes an orphan (kept, with its old selector, shown in the reader; never
 * deleted, never placed on the wrong words). Fuzzy matching runs in a Web Worker when there
 * is one (the renderer) and on the calling thread otherwise (unit tests under Node).
 */
import type { TextSelector } from '../../../shared/anchoring';
import type { HighlightRow, YanduDB } from '../../db/schema';
import { runAnchorJob, type AnchorRequest, type AnchorResponse } from './anchorJob';
import { highlightDoc, indexSmallDocs, searchTables } from '../../db/searchIndex';

export interface ReanchorResult {
  /** Placed on the new text at a different place or with different context. */
  moved: number;
  /** Could not be placed: marked orphan. */
  orphaned: number;
  /** Found at the same offsets with the same quote. */
  unchanged: number;
}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;

function getWorker(): Worker | null {
  if (workerBroken || typeof Worker === 'undefined') return null;
  if (!worker) {
    try {
      worker = new Worker(new URL('./anchor.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      workerBroken = true;
      return null;
    }
  }
  return worker;
}

function inWorker(w: Worker, text: string, selectors: TextSelector[]): Promise<(TextSelector | null)[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<AnchorResponse>) => {
      if (event.data.id !== id) return;
      cleanup();
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.results);
    };
    const onError = (event: Event) => {
      cleanup();
      reject(new Error(`anchor worker failed: ${(event as ErrorEvent).message ?? event.type}`));
    };
    const cleanup = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: AnchorRequest = { id, text, selectors };
    w.postMessage(request);
  });
}

/** Anchors selectors in text, off the main thread when possible. */
export async function anchorMany(text: string, selectors: TextSelector[]): Promise<(TextSelector | null)[]> {
  const w = getWorker();
  if (w) {
    try {
      return await inWorker(w, text, selectors);
    } catch (error) {
      console.warn('anchor worker unavailable, anchoring on the main thread', error);
      workerBroken = true;
      worker?.terminate();
      worker = null;
    }
  }
  return runAnchorJob(text, selectors);
}

function sameSelector(a: TextSelector, b: TextSelector): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/** Highlights of the article that were placed on another version than its current one. */
export async function staleHighlights(db: YanduDB, articleId: string): Promise<{ version: number; rows: HighlightRow[] } | null> {
  const article = await db.articles.get(articleId);
  if (!article) return null;
  const rows = await db.highlights.where('articleId').equals(articleId).toArray();
  return { version: article.version, rows: rows.filter((r) => r.articleVersion !== article.version) };
}

export async function reanchorArticle(db: YanduDB, articleId: string): Promise<ReanchorResult> {
  const result: ReanchorResult = { moved: 0, orphaned: 0, unchanged: 0 };
  const stale = await staleHighlights(db, articleId);
  if (!stale || stale.rows.length === 0) return result;
  const body = await db.bodies.get(articleId);
  if (!body) return result;
  const { version } = stale;
  const found = await anchorMany(
    body.text,
    stale.rows.map((r) => r.selector),
  );

  await db.transaction('rw', [db.articles, db.highlights, ...searchTables(db)], async () => {
    // The text may have changed again while we searched: then the next run does this over.
    const article = await db.articles.get(articleId);
    if (!article || article.version !== version) return;
    for (let i = 0; i < stale.rows.length; i++) {
      const before = stale.rows[i]!;
      const now = await db.highlights.get(before.id);
      // Deleted or edited meanwhile: leave it to the user's latest word.
      if (!now || now.articleVersion !== before.articleVersion || !sameSelector(now.selector, before.selector)) continue;
      const placed = found[i] ?? null;
      if (placed) {
        // Same place and quote (the context around it may have changed): not moved.
        const same = placed.start === before.selector.start && placed.end === before.selector.end && placed.exact === before.selector.exact;
        const moved: HighlightRow = { ...now, selector: placed, articleVersion: version, orphan: false };
        await db.highlights.put(moved);
        // The quote is searched: keep its index entry on the text it now covers.
        if (placed.exact !== now.selector.exact) await indexSmallDocs(db, [highlightDoc(moved)]);
        if (same) result.unchanged++;
        else result.moved++;
      } else {
        if (!now.orphan) await db.highlights.put({ ...now, orphan: true });
        result.orphaned++;
      }
    }
  });
  return result;
}
