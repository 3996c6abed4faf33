/**
 * Writes one sync batch in one transaction: new articles, new versions of changed ones (the
 * old text kept in `versions`, the article marked 已更新), memberships (an article listed by a
 * second source or a feed belongs to both; it never moves), page validators, and a note that
 * the batch was written (a batch sent again after a page reload is acknowledged, not written
 * twice). It never touches reading state, highlights or notes.
 */
import type { ArticlePayload } from '../../../shared/domain/article';
import { placementLabel, type MembershipRow } from '../../../shared/domain/membership';
import { SETTINGS } from '../../../shared/domain/settings';
import type { SyncBatch } from '../../../shared/domain/sync';
import { countZi } from '../../../shared/text';
import * as v from 'valibot';
import { toArticleRow } from '../../db/repositories';
import type { ArticleRow, YanduDB } from '../../db/schema';
import { articleMeta, indexArticles, prepareArticles, searchTables, type ArticleForIndex } from '../../db/searchIndex';

export interface BatchResult {
  /** New to the library. */
  added: number;
  /** Already in the library (listed by another source): now this source's too. */
  joined: number;
  updated: number;
  unchanged: number;
  /** Same text already in the library under another address. */
  duplicates: number;
  /** Articles whose text changed: their highlights need re-anchoring. */
  updatedIds: string[];
  /** Written before (sent again after a reload): nothing was written this time. */
  replayed: boolean;
  /** The run's counts with this batch, as stored with it: right after a reload too. */
  tally: RunTally;
}

const APPLIED_KEY = 'sync.applied';
const AppliedSchema = SETTINGS[APPLIED_KEY].schema;

/** The article's memberships as one line (or null), after a membership was added or renamed. */
async function refreshPlacement(db: YanduDB, article: ArticleRow): Promise<void> {
  const label = placementLabel(await db.memberships.where('articleId').equals(article.id).toArray());
  if ((article.placement ?? null) !== label) await db.articles.update(article.id, { placement: label });
}

/** Makes `article` a member of the batch's source; true when it was not one before. */
async function join(db: YanduDB, article: ArticleRow, sourceId: string, p: ArticlePayload, now: string): Promise<boolean> {
  const key: [string, string, string] = [article.id, sourceId, p.column ?? ''];
  const prior = await db.memberships.get(key);
  if (prior && prior.sourceName === p.sourceName) return false;
  const row: MembershipRow = {
    articleId: article.id,
    sourceId,
    column: p.column ?? '',
    sourceName: p.sourceName,
    addedAt: prior?.addedAt ?? now,
  };
  await db.memberships.put(row);
  await refreshPlacement(db, article);
  return !prior;
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
  const result: BatchResult = {
    added: 0,
    joined: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    updatedIds: [],
    replayed: false,
    tally: emptyTally(),
  };
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
  const tables = [db.articles, db.bodies, db.versions, db.fetchState, db.memberships, db.settings, ...searchTables(db)];
  await db.transaction('rw', tables, async () => {
    const appliedRow = await db.settings.get(APPLIED_KEY);
    const applied = appliedRow && v.is(AppliedSchema, appliedRow.value) ? appliedRow.value : [];
    const seen = applied.find((a) => a.runId === batch.runId);
    if (seen && seen.seq >= batch.seq) {
      result.replayed = true;
      result.tally = seen.tally ?? emptyTally();
      return;
    }
    for (const p of batch.articles) {
      const existing = await db.articles.where('urlKey').equals(p.urlKey).first();
      if (!existing) {
        const sameText = await db.articles.where('contentHash').equals(p.contentHash).first();
        if (sameText) {
          // The same text under another address: one article, which this source now lists too.
          if (await join(db, sameText, batch.sourceId, p, now)) result.joined++;
          else result.duplicates++;
          continue;
        }
        await db.articles.add(toArticleRow(p, now));
        await db.bodies.add({ articleId: p.id, html: p.html, text: p.text });
        await db.memberships.put({
          articleId: p.id,
          sourceId: batch.sourceId,
          column: p.column ?? '',
          sourceName: p.sourceName,
          addedAt: now,
        });
        toIndex.push(p);
        result.added++;
        continue;
      }
      const joined = await join(db, existing, batch.sourceId, p, now);
      if (joined) result.joined++;
      // An article whose own source was removed is taken over by the next source that lists it.
      if (
        existing.sourceId !== batch.sourceId &&
        (await db.memberships
          .where('[articleId+sourceId+column]')
          .between([existing.id, existing.sourceId, ''], [existing.id, existing.sourceId, '\uffff'], true, true)
          .count()) === 0
      ) {
        await db.articles.update(existing.id, { sourceId: batch.sourceId, sourceName: p.sourceName, column: p.column });
        existing.sourceId = batch.sourceId;
      }
      // Another source listing an article changes neither its text nor its own source and 栏目:
      // a feed's copy of a text differs from the page's, and the two would take turns otherwise.
      if (existing.sourceId !== batch.sourceId) {
        if (!joined) result.unchanged++;
      } else if (existing.contentHash === p.contentHash) {
        // Same text: metadata may still have been corrected on the site.
        await db.articles.update(existing.id, metadata(p));
        // Title, 来源 or 栏目 corrected: they are searched too.
        if (existing.title !== p.title || articleMeta(existing) !== articleMeta(p)) toIndex.push({ ...p, id: existing.id });
        if (!joined) result.unchanged++;
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
        if (!joined) result.updated++;
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
        ...(page.href ? { href: page.href } : {}),
        ...(page.failures ? { failures: page.failures, retryAt: page.retryAt ?? now } : {}),
        ...(page.attachment ? { attachment: page.attachment } : {}),
      })),
    );
    await indexArticles(db, toIndex, prepared);
    const others = applied.filter((a) => a.runId !== batch.runId);
    result.tally = addBatch(seen?.tally ?? emptyTally(), result);
    await db.settings.put({ key: APPLIED_KEY, value: [...others, { runId: batch.runId, seq: batch.seq, tally: result.tally }].slice(-50) });
  });
  return result;
}

/** What a run's batches did, summed: the basis of the source card's counts. */
export interface RunTally {
  /** New to this source (new to the library, or `joined`). */
  added: number;
  joined: number;
  updated: number;
  /** Sent by main, already stored as it was (or the same text under another address). */
  unchanged: number;
}

export const emptyTally = (): RunTally => ({ added: 0, joined: 0, updated: 0, unchanged: 0 });

export function addBatch(tally: RunTally, r: BatchResult): RunTally {
  return {
    added: tally.added + r.added + r.joined,
    joined: tally.joined + r.joined,
    updated: tally.updated + r.updated,
    unchanged: tally.unchanged + r.unchanged + r.duplicates,
  };
}

/**
 * The source card's counts after a run. 共 N 篇 is the source's memberships; 未变 adds what main
 * found unchanged (304, same text) to what it sent that the library already held as it was.
 */
export function sourceCounts(articles: number, tally: RunTally, main: { unchanged: number; failed: number }) {
  return {
    articles,
    added: tally.added,
    joined: tally.joined,
    updated: tally.updated,
    unchanged: main.unchanged + tally.unchanged,
    failed: main.failed,
  };
}

/** The counts stored with a run's batches (null when none was written). */
export async function storedTally(db: YanduDB, runId: string): Promise<RunTally | null> {
  const row = await db.settings.get(APPLIED_KEY);
  const applied = row && v.is(AppliedSchema, row.value) ? row.value : [];
  return applied.find((a) => a.runId === runId)?.tally ?? null;
}
