/**
 * Writes one sync batch in one transaction: new articles, new versions of changed ones (the
 * old text kept in `versions`, the article marked 已更新), page validators and the source's
 * counts. It never touches reading state, highlights or notes.
 */
import type { ArticlePayload } from '../../../shared/domain/article';
import type { SyncBatch } from '../../../shared/domain/sync';
import { countZi } from '../../../shared/text';
import { toArticleRow } from '../../db/repositories';
import type { YanduDB } from '../../db/schema';
import { articleMeta, indexArticles, prepareArticles, searchTables, type ArticleForIndex } from '../../db/searchIndex';

export interface BatchResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Same text already in the library under another address. */
  duplicates: number;
  /** Articles whose text changed: their highlights need re-anchoring. */
  updatedIds: string[];
}

function metadata(p: ArticlePayload) {
  return {
    title: p.title,
    url: p.url,
    publishedAt: p.publishedAt,
    origin: p.origin,
    author: p.author,
    editor: p.editor,
    column: p.column,
    sourceName: p.sourceName,
  };
}

export async function applySyncBatch(db: YanduDB, batch: SyncBatch, now = new Date().toISOString()): Promise<BatchResult> {
  const result: BatchResult = { added: 0, updated: 0, unchanged: 0, duplicates: 0, updatedIds: [] };
  // Search postings are built before the transaction (in a worker for bulk text), under the
  // id each article will have; a guess that turns out wrong is rebuilt inline, never wrong.
  const knownIds = new Map(
    (
      await db.articles
        .where('urlKey')
        .anyOf(batch.articles.map((p) => p.urlKey))
        .toArray()
    ).map((r) => [r.urlKey, r.id]),
  );
  const prepared = await prepareArticles(
    db,
    batch.articles.map((p) => ({ ...p, id: knownIds.get(p.urlKey) ?? p.id })),
  );
  const toIndex: ArticleForIndex[] = [];
  await db.transaction('rw', [db.articles, db.bodies, db.versions, db.fetchState, ...searchTables(db)], async () => {
    for (const p of batch.articles) {
      const existing = await db.articles.where('urlKey').equals(p.urlKey).first();
      if (!existing) {
        const sameText = await db.articles.where('contentHash').equals(p.contentHash).first();
        if (sameText) {
          result.duplicates++;
          continue;
        }
        await db.articles.add(toArticleRow(p, now));
        await db.bodies.add({ articleId: p.id, html: p.html, text: p.text });
        toIndex.push(p);
        result.added++;
      } else if (existing.contentHash === p.contentHash) {
        // Same text: metadata may still have been corrected on the site.
        await db.articles.update(existing.id, metadata(p));
        // Title, 来源 or 栏目 corrected: they are searched too.
        if (existing.title !== p.title || articleMeta(existing) !== articleMeta(p)) toIndex.push({ ...p, id: existing.id });
        result.unchanged++;
      } else {
        const body = await db.bodies.get(existing.id);
        if (body) {
          await db.versions.put({
            articleId: existing.id,
            version: existing.version,
            html: body.html,
            text: body.text,
            contentHash: existing.contentHash,
            replacedAt: now,
          });
        }
        await db.bodies.put({ articleId: existing.id, html: p.html, text: p.text });
        await db.articles.update(existing.id, {
          ...metadata(p),
          zi: countZi(p.text),
          contentHash: p.contentHash,
          version: existing.version + 1,
          updatedAt: now,
        });
        toIndex.push({ ...p, id: existing.id });
        result.updated++;
        result.updatedIds.push(existing.id);
      }
    }
    await db.fetchState.bulkPut(
      batch.pages.map((page) => ({
        urlKey: page.urlKey,
        sourceId: batch.sourceId,
        etag: page.etag,
        lastModified: page.lastModified,
        contentHash: page.contentHash,
        checkedAt: now,
      })),
    );
    await indexArticles(db, toIndex, prepared);
  });
  return result;
}
