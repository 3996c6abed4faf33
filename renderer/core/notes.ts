/**
 * The notes service: drafts become rows (plain text and 字 count derived here, never trusted),
 * saved through the notes repository, plus a write-ahead journal in localStorage. The journal is written
 * after each save and synchronously when the page goes away (an IndexedDB write started in
 * `pagehide` may not finish), kept until a backup in the data folder holds that version, and
 * replayed on the next start and after a restore, so nothing typed is lost on reload, crash, or
 * a store the browser discarded.
 */
import * as v from 'valibot';
import { AppError } from '../../shared/errors';
import { articles as articleRepo, db as appDb } from '../db';
import { createNoteRepository } from '../db/notes';
import type { ArticleRow, HighlightRow as DbHighlightRow, NoteKind as DbNoteKind, NoteRow as DbNoteRow, YanduDB } from '../db/schema';
import { messages } from '../i18n/messages';
import { deriveNote, DocSchema, excerpt, isBlankDoc } from './notes/noteText';
import { localStore } from './localStore';

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

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * Bounds of the kept journals. A journal stays until a backup in the data folder holds its
 * version (see releaseJournalsHeldBy), and backups come at most a few minutes after a change, so
 * normally only the notes of the last minutes have one. They pile up only while backups fail
 * (the user is told then). localStorage is small (about 5 million characters per origin, shared
 * with the app's other keys) and every write to it blocks the page, so the oldest journals go
 * first beyond these; the one being written is always kept.
 */
export const MAX_KEPT_JOURNALS = 50;
export const MAX_KEPT_JOURNAL_CHARS = 1_500_000;

interface StoredJournal {
  key: string;
  raw: string;
  row: NoteRow | null;
}

function storedJournals(storage: JournalStorage): StoredJournal[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(NOTE_JOURNAL_PREFIX)) keys.push(key);
  }
  return keys.map((key) => {
    const raw = storage.getItem(key) ?? '';
    return { key, raw, row: safeJournal(raw) };
  });
}

/** The version (updatedAt) a journal holds, without checking the whole note: '' when unreadable. */
function journalVersion(raw: string): string {
  try {
    const at = (JSON.parse(raw) as { updatedAt?: unknown } | null)?.updatedAt;
    return typeof at === 'string' ? at : '';
  } catch {
    return '';
  }
}

/**
 * Drops the oldest journals (unreadable ones first) until the bounds hold; `keep` is never dropped.
 * Runs after every save: within the bounds it only measures, and reads versions only when over.
 */
function enforceJournalBounds(storage: JournalStorage, keep: string): void {
  const others: { key: string; raw: string }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(NOTE_JOURNAL_PREFIX) && key !== keep) others.push({ key, raw: storage.getItem(key) ?? '' });
  }
  let count = others.length + 1;
  let chars = others.reduce((n, j) => n + j.raw.length, (storage.getItem(keep) ?? '').length);
  if (count <= MAX_KEPT_JOURNALS && chars <= MAX_KEPT_JOURNAL_CHARS) return;
  const oldestFirst = others.map((j) => ({ ...j, at: journalVersion(j.raw) })).sort((a, b) => a.at.localeCompare(b.at));
  for (const j of oldestFirst) {
    if (count <= MAX_KEPT_JOURNALS && chars <= MAX_KEPT_JOURNAL_CHARS) break;
    storage.removeItem(j.key);
    count--;
    chars -= j.raw.length;
  }
}

/**
 * Synchronous: safe inside `pagehide`. A full quota only loses the journal, not the IndexedDB save.
 * `seen`: the stored versions (updatedAt) the writer knows as its own; on replay a stored note
 * holding none of them was changed elsewhere meanwhile, and the journal becomes a new note.
 */
export function writeJournal(row: NoteRow, storage: JournalStorage | null = localStore(), seen?: readonly string[]): void {
  if (!storage) return;
  const key = NOTE_JOURNAL_PREFIX + row.id;
  try {
    storage.setItem(key, JSON.stringify(seen ? { ...row, seen } : row));
    enforceJournalBounds(storage, key);
  } catch (error) {
    console.warn('note journal not written', error);
  }
}

/**
 * After a save reached IndexedDB: the saved version is journalled too, and kept until a backup
 * holds it, since Chromium may discard the whole IndexedDB store after a second crash while
 * localStorage (another database) survives. A newer journal (typed, not yet saved) is left as it is.
 */
export function journalSaved(row: NoteRow, seen: readonly string[], storage: JournalStorage | null = localStore()): void {
  if (!storage) return;
  const present = storage.getItem(NOTE_JOURNAL_PREFIX + row.id);
  if (present !== null && journalVersion(present) > row.updatedAt) return;
  writeJournal(row, storage, seen);
}

/** Drops the journal of a note up to `savedAt` (a deleted note: '9999', every version). */
export function clearJournal(id: string, savedAt: string, storage: JournalStorage | null = localStore()): void {
  if (!storage) return;
  const raw = storage.getItem(NOTE_JOURNAL_PREFIX + id);
  if (raw === null) return;
  const parsed = safeJournal(raw);
  if (!parsed || parsed.updatedAt <= savedAt) storage.removeItem(NOTE_JOURNAL_PREFIX + id);
}

/**
 * A backup reached the data folder holding these notes (id → updatedAt): their journals up to
 * those versions are no longer needed. Returns how many were dropped.
 */
export function releaseJournalsHeldBy(held: ReadonlyMap<string, string>, storage: JournalStorage | null = localStore()): number {
  if (!storage) return 0;
  let dropped = 0;
  try {
    for (const j of storedJournals(storage)) {
      const version = j.row ? held.get(j.row.id) : undefined;
      if (!j.row || (version !== undefined && j.row.updatedAt <= version)) {
        storage.removeItem(j.key);
        dropped++;
      }
    }
  } catch (error) {
    console.warn('note journals not released', error);
  }
  return dropped;
}

/** Drops the journal of a note if it holds a version `isOurs` claims (its words are saved elsewhere now). */
export function dropOwnJournal(id: string, isOurs: (updatedAt: string) => boolean, storage: JournalStorage | null = localStore()): void {
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

export interface RecoverOptions {
  /**
   * The library was just replaced by a backup: a stored note older than every version the
   * journal's writer knew as its own is the backup's older copy of that same note (the writer
   * saved over it), so the journal replaces it instead of becoming a copy.
   */
  afterRestore?: boolean;
}

/**
 * Replays journals newer than the stored note (or of notes never stored). A journal stays while
 * IndexedDB holds its version (it goes once a backup does); one the stored note has outgrown,
 * one whose words are stored already, and one that fails validation (only a broken write leaves
 * that) are dropped.
 */
export async function recoverNoteJournals(
  db: YanduDB = appDb,
  storage: JournalStorage | null = localStore(),
  options: RecoverOptions = {},
): Promise<number> {
  if (!storage) return 0;
  const repo = createNoteRepository(db);
  let recovered = 0;
  for (const { key, raw, row } of storedJournals(storage)) {
    if (!row) {
      storage.removeItem(key);
      continue;
    }
    const outcome = await replayJournal(db, repo, toNoteRow(row), journalSeen(raw), options, storage);
    if (outcome === 'replayed' || outcome === 'copied') recovered++;
    if (outcome === 'copied' || outcome === 'outgrown') storage.removeItem(key);
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
 * lost. Then it becomes a new note "…（本窗口的版本）", as the editor does when it sees the change;
 * the copy gets its own journal (kept until a backup holds it) and the old one goes, so a second
 * replay makes no second copy.
 */
async function replayJournal(
  db: YanduDB,
  repo: ReturnType<typeof createNoteRepository>,
  row: NoteRow,
  seen: string[] | null,
  options: RecoverOptions,
  storage: JournalStorage,
): Promise<'replayed' | 'held' | 'outgrown' | 'copied'> {
  const stored = await db.notes.get(row.id);
  const ancestor = (u: string) => options.afterRestore === true && !!seen && seen.length > 0 && seen.every((s) => u < s);
  if (!stored || !seen || stored.updatedAt === row.updatedAt || seen.includes(stored.updatedAt) || ancestor(stored.updatedAt)) {
    if (await repo.putIfNewer(row)) return 'replayed';
    return stored && stored.updatedAt > row.updatedAt ? 'outgrown' : 'held';
  }
  if (stored.text === row.text && stored.title === row.title) return 'outgrown';
  const copy = toNoteRow({ ...row, id: newNoteId(), title: `${row.title}${messages.notes.otherTabSuffix}`.slice(0, 500) });
  await repo.put(copy);
  writeJournal(copy, storage, [copy.updatedAt]);
  return 'copied';
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
