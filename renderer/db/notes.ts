/**
 * Notes in Dexie, plus a write-ahead journal in localStorage. The journal is written
 * synchronously when the page goes away (an IndexedDB write started in `pagehide` may not
 * finish), and replayed on the next start, so nothing typed is lost on reload or crash.
 */
import * as v from 'valibot';
import { deriveNote, DocSchema, isBlankDoc } from '../features/notes/noteText';
import type { HighlightRow, NoteKind, NoteRow, YanduDB } from './schema';
import { indexSmallDocs, noteDoc, removeSearchDocs, searchTables } from './searchIndex';

export const NOTE_JOURNAL_PREFIX = 'yandu.noteJournal.';

const IsoSchema = v.pipe(v.string(), v.isoTimestamp());

export const NoteRowSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/)),
  kind: v.picklist(['note', 'outline', 'reflection']),
  articleId: v.nullable(v.string()),
  highlightId: v.nullable(v.string()),
  title: v.pipe(v.string(), v.maxLength(500)),
  doc: DocSchema,
  text: v.string(),
  zi: v.pipe(v.number(), v.integer(), v.minValue(0)),
  tags: v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(50))),
  createdAt: IsoSchema,
  updatedAt: IsoSchema,
});

/** What an editor hands over; text and zi are always derived here, never trusted. */
export type NoteDraft = Omit<NoteRow, 'text' | 'zi'>;

export function newNoteId(): string {
  return `n_${crypto.randomUUID().replace(/-/g, '')}`;
}

export function newDraft(kind: NoteKind, articleId: string | null, highlightId: string | null, now = new Date().toISOString()): NoteDraft {
  return {
    id: newNoteId(),
    kind,
    articleId,
    highlightId,
    title: '',
    doc: { type: 'doc', content: [{ type: 'paragraph' }] },
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Full row with derived plain text and 字 count; throws (valibot) on an invalid draft. */
export function toNoteRow(draft: NoteDraft): NoteRow {
  const { text, zi } = deriveNote(draft.doc);
  return v.parse(NoteRowSchema, { ...draft, text, zi }) as NoteRow;
}

/** Nothing worth keeping: no title, no text, and no content beyond empty paragraphs (an image has no text). */
export function isEmptyNote(row: Pick<NoteRow, 'title' | 'text' | 'doc'>): boolean {
  return row.title.trim() === '' && row.text.trim() === '' && isBlankDoc(row.doc);
}

type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function defaultStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Synchronous: safe inside `pagehide`. A full quota only loses the journal, not the IndexedDB save. */
export function writeJournal(row: NoteRow, storage = defaultStorage()): void {
  if (!storage) return;
  try {
    storage.setItem(NOTE_JOURNAL_PREFIX + row.id, JSON.stringify(row));
  } catch (error) {
    console.warn('note journal not written', error);
  }
}

/** Drops the journal of a note once a save at least as new has reached IndexedDB. */
export function clearJournal(id: string, savedAt: string, storage = defaultStorage()): void {
  if (!storage) return;
  const raw = storage.getItem(NOTE_JOURNAL_PREFIX + id);
  if (raw === null) return;
  const parsed = safeJournal(raw);
  if (!parsed || parsed.updatedAt <= savedAt) storage.removeItem(NOTE_JOURNAL_PREFIX + id);
}

function safeJournal(raw: string): NoteRow | null {
  try {
    const parsed = v.safeParse(NoteRowSchema, JSON.parse(raw));
    return parsed.success ? (parsed.output as NoteRow) : null;
  } catch {
    return null;
  }
}

/**
 * Replays journals newer than the stored note (or of notes never stored), then removes them.
 * A journal that fails validation is dropped: it can only hold what a broken write left.
 */
export async function recoverNoteJournals(db: YanduDB, storage = defaultStorage()): Promise<number> {
  if (!storage) return 0;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(NOTE_JOURNAL_PREFIX)) keys.push(key);
  }
  let recovered = 0;
  for (const key of keys) {
    const row = safeJournal(storage.getItem(key) ?? '');
    if (row) {
      const written = await db.transaction('rw', [db.notes, ...searchTables(db)], async () => {
        const stored = await db.notes.get(row.id);
        if (stored && stored.updatedAt >= row.updatedAt) return false;
        const full = toNoteRow(row);
        await db.notes.put(full);
        await indexSmallDocs(db, [noteDoc(full)]);
        return true;
      });
      if (written) recovered++;
    }
    storage.removeItem(key);
  }
  return recovered;
}

export function createNoteRepository(db: YanduDB) {
  return {
    get: (id: string): Promise<NoteRow | undefined> => db.notes.get(id),
    /** The latest note on a highlight, if any. */
    async forHighlight(highlightId: string): Promise<NoteRow | undefined> {
      const rows = await db.notes.where('highlightId').equals(highlightId).toArray();
      return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    },
    async save(draft: NoteDraft): Promise<NoteRow> {
      const row = toNoteRow(draft);
      await db.transaction('rw', [db.notes, ...searchTables(db)], async () => {
        await db.notes.put(row);
        await indexSmallDocs(db, [noteDoc(row)]);
      });
      return row;
    },
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
