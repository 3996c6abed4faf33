/**
 * The notebook service: the one loader of the notebook's data (the notebook view and its print
 * view both read through it), the yearly 字 quota, and new standalone notes. Reads are plain
 * Dexie reads, so a view can run them inside a live query and follow every write.
 */
import * as v from 'valibot';
import { SETTINGS } from '../../shared/domain/settings';
import { db as appDb } from '../db';
import { createNotesService as createNoteRepository, newDraft, recoverNoteJournals } from './notes';
import { createSettingsRepository } from '../db/repositories';
import type { NoteKind, YanduDB } from '../db/schema';
import { buildEntries, buildIndex, entriesForExport, type NotebookData, type NotebookFilter, type NotebookIndex } from './notebook/entries';

export * from './notebook/entries';

// ---------------------------------------------------------------- quota (a validated setting)

/** The yearly note quota (e.g. 学习笔记 ≥ 10,000 字/年). */
export const QUOTA_KEY = 'notebook.quota' as const;
export const QuotaSchema = SETTINGS[QUOTA_KEY].schema;
export type Quota = v.InferOutput<typeof QuotaSchema>;
export const DEFAULT_QUOTA: Quota = SETTINGS[QUOTA_KEY].default;

/** Parses what the user typed (digits, with or without separators); null when invalid. */
export function parseQuota(input: string): Quota | null {
  const digits = input.replace(/[,，\s]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = { ziPerYear: Number(digits) };
  return v.is(QuotaSchema, value) ? value : null;
}

// ---------------------------------------------------------------- the loader

/** Every highlight and note as notebook entries, indexed for filtering. Reads only. */
export async function readNotebook(db: YanduDB): Promise<NotebookIndex> {
  const [highlights, notes, articles] = await Promise.all([db.highlights.toArray(), db.notes.toArray(), db.articles.toArray()]);
  return buildIndex(buildEntries(highlights, notes, articles));
}

/** The entries a filter selects, in reading order (what export and print write). Reads only. */
export async function readNotebookSelection(db: YanduDB, filter: NotebookFilter): Promise<NotebookData> {
  const index = await readNotebook(db);
  return { entries: entriesForExport(index, filter), articles: index.data.articles };
}

export function createNotebook(db: YanduDB) {
  const settings = createSettingsRepository(db);
  const notes = createNoteRepository(db);
  return {
    /** Writes back note text a closed tab left in its journal; call before showing notes (not inside a live query: it writes). */
    recoverJournals: (): Promise<number> => recoverNoteJournals(db),
    read: (): Promise<NotebookIndex> => readNotebook(db),
    selection: (filter: NotebookFilter): Promise<NotebookData> => readNotebookSelection(db, filter),
    quota: (): Promise<Quota> => settings.get(QUOTA_KEY, QuotaSchema, DEFAULT_QUOTA),
    saveQuota: (quota: Quota): Promise<void> => settings.set(QUOTA_KEY, QuotaSchema, quota),
    /** A new empty standalone note of `kind`; returns its id. */
    async createNote(kind: NoteKind): Promise<string> {
      const draft = newDraft(kind, null, null);
      await notes.save(draft);
      return draft.id;
    },
  };
}
export type NotebookService = ReturnType<typeof createNotebook>;

/** The app's notebook, on the app's database. */
export const notebook = createNotebook(appDb);
