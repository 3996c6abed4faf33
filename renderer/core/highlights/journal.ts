/**
 * Highlights made or changed since the last backup, kept in localStorage (a separate database from
 * IndexedDB's, which Chromium may discard whole after a second crash, google/leveldb#1287) until a
 * backup in the data folder holds their version, and put back after a restore. Only the user's
 * own writes go here: personal highlights (core/highlights.ts writeRow), the leader's excerpts made
 * or changed here and highlights copied from them (core/packets.ts); every path that deletes a
 * journalled row takes it out first, so a deleted row never comes back from a replay.
 *
 * Bounded: backups come at most a few minutes after a change, so normally this holds the last
 * minutes' highlights; it grows only while backups fail (which the user is told). localStorage is
 * small (about 5 million characters per origin, shared) and each write rewrites the list, so the
 * oldest entries go beyond these bounds.
 */
import * as v from 'valibot';
import { HighlightRowSchema, type HighlightRow } from '../../../shared/domain/highlight';
import { createHighlightRepository } from '../../db/repositories';
import type { YanduDB } from '../../db/schema';
import { localStore, type LocalStore } from '../localStore';

export const HIGHLIGHT_JOURNAL_KEY = 'yandu.highlightJournal';
export const MAX_JOURNALLED_HIGHLIGHTS = 500;
export const MAX_HIGHLIGHT_JOURNAL_CHARS = 500_000;

type JournalStorage = LocalStore;

/** The list, oldest write first; anything unreadable reads as nothing (only a broken write leaves that). */
function read(storage: JournalStorage): unknown[] {
  try {
    const list = JSON.parse(storage.getItem(HIGHLIGHT_JOURNAL_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

const idOf = (r: unknown): unknown => (r as { id?: unknown } | null)?.id;
const versionOf = (r: unknown): unknown => (r as { updatedAt?: unknown } | null)?.updatedAt;

function write(storage: JournalStorage, rows: unknown[]): void {
  try {
    if (rows.length === 0) storage.removeItem(HIGHLIGHT_JOURNAL_KEY);
    else storage.setItem(HIGHLIGHT_JOURNAL_KEY, JSON.stringify(rows));
  } catch (error) {
    // A full localStorage loses only this second copy; IndexedDB has the highlight.
    console.warn('highlight journal not written', error);
  }
}

/** After a highlight was written to IndexedDB: its row, newest last, within the bounds. */
export function journalHighlight(row: HighlightRow, storage: JournalStorage | null = localStore()): void {
  if (!storage) return;
  const rows = read(storage).filter((r) => idOf(r) !== row.id);
  rows.push(row);
  const sizes = rows.map((r) => JSON.stringify(r).length + 1);
  let chars = sizes.reduce((n, s) => n + s, 0);
  let drop = 0;
  while (drop < rows.length - 1 && (rows.length - drop > MAX_JOURNALLED_HIGHLIGHTS || chars > MAX_HIGHLIGHT_JOURNAL_CHARS))
    chars -= sizes[drop++]!;
  write(storage, rows.slice(drop));
}

/** A highlight deleted: it must not come back with a replay. Returns the entry taken out, if there was one. */
export function forgetHighlight(id: string, storage: JournalStorage | null = localStore()): HighlightRow | null {
  if (!storage) return null;
  const rows = read(storage);
  const left = rows.filter((r) => idOf(r) !== id);
  if (left.length === rows.length) return null;
  write(storage, left);
  const parsed = v.safeParse(
    HighlightRowSchema,
    rows.find((r) => idOf(r) === id),
  );
  return parsed.success ? (parsed.output as HighlightRow) : null;
}

/** A backup holding these highlights (id → updatedAt) reached the data folder: their entries up to those versions go. */
export function releaseHighlightsHeldBy(held: ReadonlyMap<string, string>, storage: JournalStorage | null = localStore()): number {
  if (!storage) return 0;
  const rows = read(storage);
  const left = rows.filter((r) => {
    const at = held.get(String(idOf(r)));
    return !(at !== undefined && typeof versionOf(r) === 'string' && (versionOf(r) as string) <= at);
  });
  if (left.length !== rows.length) write(storage, left);
  return rows.length - left.length;
}

/**
 * After a restore: each journalled highlight whose article the restored library has, and that it
 * lacks or holds in an older version, is written back. The entries stay until a backup holds them.
 */
export async function replayHighlightJournal(db: YanduDB, storage: JournalStorage | null = localStore()): Promise<number> {
  if (!storage) return 0;
  const repo = createHighlightRepository(db);
  let replayed = 0;
  for (const raw of read(storage)) {
    const parsed = v.safeParse(HighlightRowSchema, raw);
    if (!parsed.success) continue;
    const row = parsed.output as HighlightRow;
    if (!(await db.articles.get(row.articleId))) continue;
    const stored = await repo.get(row.id);
    if (stored && stored.updatedAt >= row.updatedAt) continue;
    await repo.put(row);
    replayed++;
  }
  return replayed;
}
