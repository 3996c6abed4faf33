/**
 * The notes service: drafts become rows (plain text and 字 count derived here, never trusted),
 * saved through the notes repository, plus a write-ahead journal in localStorage. The journal is written
 * synchronously when the page goes away (an IndexedDB write started in `pagehide` may not
 * finish), and replayed on the next start, so nothing typed is lost on reload or crash.
 */
import * as v from 'valibot';
import { AppError } from '../../shared/errors';
import { articles as articleRepo, db as appDb } from '../db';
import { createNoteRepository } from '../db/notes';
import type { ArticleRow, HighlightRow as DbHighlightRow, NoteKind as DbNoteKind, NoteRow as DbNoteRow, YanduDB } from '../db/schema';
import { messages } from '../i18n/messages';
import { deriveNote, DocSchema, excerpt, isBlankDoc } from './notes/noteText';

export type NoteRow = DbNoteRow;
export type NoteKind = DbNoteKind;
export type HighlightRow = DbHighlightRow;

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

/**
 * Synchronous: safe inside `pagehide`. A full quota only loses the journal, not the IndexedDB save.
 * `seen`: the stored versions (updatedAt) the writer knows as its own; on replay a stored note
 * holding none of them was changed elsewhere meanwhile, and the journal becomes a new note.
 */
export function writeJournal(row: NoteRow, storage = defaultStorage(), seen?: readonly string[]): void {
  if (!storage) return;
  try {
    storage.setItem(NOTE_JOURNAL_PREFIX + row.id, JSON.stringify(seen ? { ...row, seen } : row));
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

/** Drops the journal of a note if it holds a version `isOurs` claims (its words are saved elsewhere now). */
export function dropOwnJournal(id: string, isOurs: (updatedAt: string) => boolean, storage = defaultStorage()): void {
  if (!storage) return;
  const raw = storage.getItem(NOTE_JOURNAL_PREFIX + id);
  if (raw === null) return;
  const parsed = safeJournal(raw);
  if (parsed && isOurs(parsed.updatedAt)) storage.removeItem(NOTE_JOURNAL_PREFIX + id);
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
export async function recoverNoteJournals(db: YanduDB = appDb, storage = defaultStorage()): Promise<number> {
  if (!storage) return 0;
  const repo = createNoteRepository(db);
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(NOTE_JOURNAL_PREFIX)) keys.push(key);
  }
  let recovered = 0;
  for (const key of keys) {
    const raw = storage.getItem(key) ?? '';
    const row = safeJournal(raw);
    if (row && (await replayJournal(db, repo, toNoteRow(row), journalSeen(raw)))) recovered++;
    storage.removeItem(key);
  }
  return recovered;
}

function journalSeen(raw: string): string[] | null {
  try {
    const seen = (JSON.parse(raw) as { seen?: unknown }).seen;
    return Array.isArray(seen) && seen.every((u) => typeof u === 'string') ? (seen as string[]) : null;
  } catch {
    return null;
  }
}

/**
 * A journal over a note another tab changed meanwhile (a version its writer never saw) would
 * overwrite that tab's words if newer, or be dropped if older: either way someone's words are
 * lost. Then it becomes a new note "…（本窗口的版本）", as the editor does when it sees the change.
 */
async function replayJournal(
  db: YanduDB,
  repo: ReturnType<typeof createNoteRepository>,
  row: NoteRow,
  seen: string[] | null,
): Promise<boolean> {
  const stored = seen ? await db.notes.get(row.id) : undefined;
  if (!stored || !seen || stored.updatedAt === row.updatedAt || seen.includes(stored.updatedAt)) return repo.putIfNewer(row);
  if (stored.text === row.text && stored.title === row.title) return false;
  const copy = toNoteRow({ ...row, id: newNoteId(), title: `${row.title}${messages.notes.otherTabSuffix}`.slice(0, 500) });
  await repo.put(copy);
  return true;
}

/** Notes on one database: the repository's reads, and saves that derive text and 字 first. */
export function createNotesService(db: YanduDB) {
  const repo = createNoteRepository(db);
  return {
    get: repo.get,
    forHighlight: repo.forHighlight,
    /** Validates and derives; throws (valibot) on an invalid draft and stores nothing. */
    async save(draft: NoteDraft): Promise<NoteRow> {
      const row = toNoteRow(draft);
      await repo.put(row);
      return row;
    },
    /**
     * Saves the draft unless the stored note is no longer one this editor wrote (another tab, a
     * restore or a packet changed it meanwhile): then nothing is written and the answer is
     * 'conflict', so neither version overwrites the other.
     */
    async saveUnlessChanged(draft: NoteDraft, isOurs: (updatedAt: string) => boolean): Promise<'saved' | 'conflict'> {
      const row = toNoteRow(draft);
      return (await repo.putUnlessChanged(row, (stored) => isOurs(stored.updatedAt))) ? 'saved' : 'conflict';
    },
    remove: repo.remove,
    all: repo.all,
    highlight: (id: string): Promise<HighlightRow | undefined> => repo.highlight(id),
    insertableHighlights: repo.insertableHighlights,
  };
}

export type NotesService = ReturnType<typeof createNotesService>;

/** The app's notes. */
export const notes = createNotesService(appDb);

/** Which note the editor shows: one on a highlight, on an article, a standalone one, or a stored one. */
export type NoteTarget =
  | { kind: 'highlight'; highlightId: string; articleId: string }
  | { kind: 'article'; articleId: string }
  | { kind: 'standalone' }
  | { kind: 'existing'; noteId: string };

/** What the editor opens with. */
export interface ResolvedNote {
  draft: NoteDraft;
  stored: boolean;
  highlight: HighlightRow | null;
  article: ArticleRow | null;
  knownTags: string[];
}

/** The highlights of an article that carry a note, each with its first words (for the reader's note marks); a live query's querier. */
export async function notedHighlights(articleId: string): Promise<Map<string, string>> {
  const rows = await appDb.notes.where('articleId').equals(articleId).toArray();
  // Each noted highlight with its note's first words (the title, else the text), for the ✎ mark's name.
  return new Map(rows.flatMap((r) => (r.highlightId && !isEmptyNote(r) ? [[r.highlightId, excerpt(r.title || r.text, 12)] as const] : [])));
}

/** Every tag on highlights and notes, sorted, for completion. */
export async function knownNoteTags(): Promise<string[]> {
  const [h, n] = await Promise.all([appDb.highlights.orderBy('tags').uniqueKeys(), appDb.notes.orderBy('tags').uniqueKeys()]);
  return [...new Set([...h, ...n].map(String))].sort();
}

/** Resolves a target to the note to edit (stored, or a new draft); journals are replayed first. */
export async function resolveNoteTarget(target: NoteTarget, newKind: NoteKind): Promise<ResolvedNote> {
  await recoverNoteJournals();
  let draft: NoteDraft;
  let stored = false;
  let highlight: HighlightRow | null = null;
  switch (target.kind) {
    case 'existing': {
      const row = await notes.get(target.noteId);
      if (!row) throw new AppError('E_NOT_FOUND', messages.notes.notFound);
      draft = row;
      stored = true;
      break;
    }
    case 'highlight': {
      highlight = (await notes.highlight(target.highlightId)) ?? null;
      const row = await notes.forHighlight(target.highlightId);
      draft = row ?? newDraft(newKind, target.articleId, target.highlightId);
      stored = Boolean(row);
      break;
    }
    case 'article':
      draft = newDraft(newKind, target.articleId, null);
      break;
    case 'standalone':
      draft = newDraft(newKind, null, null);
      break;
  }
  if (!highlight && draft.highlightId) highlight = (await notes.highlight(draft.highlightId)) ?? null;
  const article = draft.articleId ? ((await articleRepo.get(draft.articleId)) ?? null) : null;
  return { draft, stored, highlight, article, knownTags: await knownNoteTags() };
}
