/**
 * Notes table access. Rows arrive complete (text and 字 count derived by the notes service in
 * renderer/core/notes.ts); each write updates the note and its search entry in one transaction.
 */
import type { HighlightRow, NoteRow, YanduDB } from './schema';
import { indexSmallDocs, noteDoc, removeSearchDocs, searchTables } from './searchIndex';

export function createNoteRepository(db: YanduDB) {
  return {
    get: (id: string): Promise<NoteRow | undefined> => db.notes.get(id),
    /** The latest note on a highlight, if any. */
    async forHighlight(highlightId: string): Promise<NoteRow | undefined> {
      const rows = await db.notes.where('highlightId').equals(highlightId).toArray();
      return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    },
    async put(row: NoteRow): Promise<void> {
      await db.transaction('rw', [db.notes, ...searchTables(db)], async () => {
        await db.notes.put(row);
        await indexSmallDocs(db, [noteDoc(row)]);
      });
    },
    /** Writes the row unless the stored note is at least as new; true when written. */
    putIfNewer: (row: NoteRow): Promise<boolean> =>
      db.transaction('rw', [db.notes, ...searchTables(db)], async () => {
        const stored = await db.notes.get(row.id);
        if (stored && stored.updatedAt >= row.updatedAt) return false;
        await db.notes.put(row);
        await indexSmallDocs(db, [noteDoc(row)]);
        return true;
      }),
    /**
     * Writes the row unless the stored note was changed by someone else since the writer last saw
     * it (`isOurs` says whether a stored version is one the writer made); true when written. A note
     * deleted meanwhile is written again: the writer's words are kept.
     */
    putUnlessChanged: (row: NoteRow, isOurs: (stored: NoteRow) => boolean): Promise<boolean> =>
      db.transaction('rw', [db.notes, ...searchTables(db)], async () => {
        const stored = await db.notes.get(row.id);
        if (stored && !isOurs(stored)) return false;
        await db.notes.put(row);
        await indexSmallDocs(db, [noteDoc(row)]);
        return true;
      }),
    remove: (id: string): Promise<void> =>
      db.transaction('rw', [db.notes, ...searchTables(db)], async () => {
        await db.notes.delete(id);
        await removeSearchDocs(db, [`n:${id}`]);
      }),
    all: (): Promise<NoteRow[]> => db.notes.toArray(),
    highlight: (id: string): Promise<HighlightRow | undefined> => db.highlights.get(id),
    /** Highlights one can drop into a note: an article's in reading order, or the latest overall. */
    async insertableHighlights(articleId: string | null, limit = 300): Promise<HighlightRow[]> {
      if (articleId) {
        const rows = await db.highlights.where('articleId').equals(articleId).toArray();
        return rows.filter((h) => !h.orphan || h.selector.exact).sort((a, b) => a.selector.start - b.selector.start);
      }
      return db.highlights.orderBy('createdAt').reverse().limit(limit).toArray();
    },
  };
}

export type NoteRepository = ReturnType<typeof createNoteRepository>;
