/** Reads what a print needs from Dexie: articles with bodies, highlights and the user's notes. */
import type { YanduDB } from '../../db/schema';
import { sanitizeArticleHtml } from '../../ui/sanitize';
import type { PrintArticle } from './model';
import { MAX_PRINT_ARTICLES } from './routes';

/** The articles in the order given; null: the whole library, oldest publication first. Unknown ids are skipped. */
export async function loadPrintArticles(
  db: YanduDB,
  ids: readonly string[] | null,
): Promise<{ articles: PrintArticle[]; missing: string[] }> {
  return db.transaction('r', [db.articles, db.bodies, db.highlights, db.notes], async () => {
    let rows;
    if (ids) rows = (await db.articles.bulkGet([...ids])).filter((r) => r !== undefined);
    else {
      rows = await db.articles.toArray();
      rows.sort(
        (a, b) =>
          (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.title.localeCompare(b.title, 'zh-CN') || (a.id < b.id ? -1 : 1),
      );
      rows = rows.slice(0, MAX_PRINT_ARTICLES);
    }
    const found = new Set(rows.map((r) => r.id));
    const missing = ids ? ids.filter((id) => !found.has(id)) : [];
    const articleIds = rows.map((r) => r.id);
    const [bodies, highlights, notes] = await Promise.all([
      db.bodies.bulkGet(articleIds),
      db.highlights.where('articleId').anyOf(articleIds).toArray(),
      db.notes.where('articleId').anyOf(articleIds).toArray(),
    ]);
    // Notes on a highlight whose articleId was left empty still belong to the highlight's article.
    const highlightArticle = new Map(highlights.map((h) => [h.id, h.articleId]));
    const onHighlights = await db.notes
      .where('highlightId')
      .anyOf([...highlightArticle.keys()])
      .toArray();
    const notesById = new Map([...notes, ...onHighlights].map((n) => [n.id, n]));
    return {
      missing,
      articles: rows.map((row, i) => {
        const body = bodies[i];
        return {
          id: row.id,
          title: row.title,
          origin: row.origin ?? row.sourceName ?? null,
          author: row.author,
          publishedAt: row.publishedAt,
          version: row.version ?? 1,
          html: sanitizeArticleHtml(body?.html ?? ''),
          text: body?.text ?? '',
          highlights: highlights.filter((h) => h.articleId === row.id),
          notes: [...notesById.values()]
            .filter((n) => (n.articleId ?? (n.highlightId ? highlightArticle.get(n.highlightId) : null)) === row.id)
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        };
      }),
    };
  });
}
