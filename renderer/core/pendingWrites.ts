/**
 * Writes the view shows before IndexedDB has committed them: a reader setting applied at once, the
 * colour the next highlight takes, a layer switched off, a sync setting typed in, the reading
 * position saved as the page goes. Each is journalled synchronously in localStorage before its
 * write starts and taken out once the write has committed, or was refused (a refused value is never
 * replayed); a write the database failed keeps its entry, for the view to say so and the next start
 * to write it. Start-up replays what is left, so a reload or close in between keeps it.
 *
 * One entry per kind and key, newest write last: a newer write to the same key replaces the
 * older entry, and an older write settling never takes out a newer one's entry. An entry of a kind
 * this version does not know is left as it is (a newer version may). Highlights and notes have
 * journals of their own (they are also kept until a backup holds them); this one is only for the
 * few milliseconds a small write is in flight, so it holds a handful of entries at most.
 */
import * as v from 'valibot';
import { AppError } from '../../shared/errors';
import { localStore, type LocalStore } from './localStore';

export const PENDING_WRITES_KEY = 'yandu.pendingWrites';
/** Far beyond what is ever in flight; only a broken writer could reach it (the oldest go first). */
export const MAX_PENDING_WRITES = 200;

export interface PendingWrite {
  kind: string;
  key: string;
  value: unknown;
  /** When the write was made (ISO): a replay never goes over a newer stored version. */
  at: string;
  /** This write's own token, so its settling takes out only its own entry. */
  token: string;
}

/**
 * Writes one kind back at start-up; resolves to whether it wrote (false: the store has newer, or the
 * value fails its schema). Throws only when the database failed: then the entry stays for the next start.
 */
export type PendingReplayer = (key: string, value: unknown, at: string) => Promise<boolean>;

function read(storage: LocalStore): PendingWrite[] {
  try {
    const list = JSON.parse(storage.getItem(PENDING_WRITES_KEY) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (e): e is PendingWrite =>
        !!e &&
        typeof e === 'object' &&
        typeof (e as PendingWrite).kind === 'string' &&
        typeof (e as PendingWrite).key === 'string' &&
        typeof (e as PendingWrite).at === 'string' &&
        typeof (e as PendingWrite).token === 'string',
    );
  } catch {
    return [];
  }
}

function write(storage: LocalStore, entries: readonly PendingWrite[]): void {
  try {
    if (entries.length === 0) storage.removeItem(PENDING_WRITES_KEY);
    else storage.setItem(PENDING_WRITES_KEY, JSON.stringify(entries.slice(-MAX_PENDING_WRITES)));
  } catch (error) {
    // A full localStorage loses only this safety copy; the write itself goes on.
    console.warn('pending write not journalled', error);
  }
}

let counter = 0;
function newToken(): string {
  counter = (counter + 1) % 1e9;
  return `${Date.now().toString(36)}.${counter.toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}

/** Synchronous: the write's entry, replacing an older one of the same kind and key. Returns its token. */
export function journalPendingWrite(
  kind: string,
  key: string,
  value: unknown,
  storage: LocalStore | null = localStore(),
  at = new Date().toISOString(),
): string {
  const token = newToken();
  if (!storage) return token;
  const rest = read(storage).filter((e) => !(e.kind === kind && e.key === key));
  rest.push({ kind, key, value, at, token });
  write(storage, rest);
  return token;
}

/** The write of `token` settled: its entry goes (a newer write's entry for the same key stays). */
export function settlePendingWrite(token: string, storage: LocalStore | null = localStore()): void {
  if (!storage) return;
  const entries = read(storage);
  const left = entries.filter((e) => e.token !== token);
  if (left.length !== entries.length) write(storage, left);
}

/** The value was refused (its schema, a check of the app): it never will be stored, so it is never replayed. */
const isRefusal = (error: unknown): boolean => error instanceof v.ValiError || error instanceof AppError;

/**
 * A write the database failed (not a refusal of the value: a full disk, a closed or broken store).
 * `kept`: its entry stays in the journal, so the next start writes it (through its kind's checks).
 */
export class WriteNotStored extends Error {
  readonly kept: boolean;
  constructor(cause: unknown, kept: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'WriteNotStored';
    this.kept = kept;
  }
}

/**
 * Journals `value` under kind and key, runs `run` (the IndexedDB write), and takes the entry out
 * once it has committed, or once the value was refused (rethrown as it came). A write the database
 * failed keeps its entry for the next start and rejects with WriteNotStored.
 */
export async function keptWrite<T>(
  kind: string,
  key: string,
  value: unknown,
  run: () => Promise<T>,
  storage: LocalStore | null = localStore(),
): Promise<T> {
  const token = journalPendingWrite(kind, key, value, storage);
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (isRefusal(error)) {
      settlePendingWrite(token, storage);
      throw error;
    }
    throw new WriteNotStored(error, !!storage && read(storage).some((e) => e.token === token));
  }
  settlePendingWrite(token, storage);
  return result;
}

/** The entries waiting, oldest first (tests, diagnostics). */
export function pendingWrites(storage: LocalStore | null = localStore()): PendingWrite[] {
  return storage ? read(storage) : [];
}

/**
 * At start-up: each entry whose kind has a replayer is written back through it and taken out (also
 * when the replayer declines it: the store has newer, or the value fails its schema and never will
 * pass). An entry whose replay threw (the database failed) and entries of kinds not given stay.
 * Resolves to the number written.
 */
export async function replayPendingWrites(
  replayers: Readonly<Record<string, PendingReplayer>>,
  storage: LocalStore | null = localStore(),
): Promise<number> {
  if (!storage) return 0;
  let written = 0;
  for (const entry of read(storage)) {
    const replay = Object.hasOwn(replayers, entry.kind) ? replayers[entry.kind] : undefined;
    if (!replay) continue;
    try {
      if (await replay(entry.key, entry.value, entry.at)) written++;
    } catch (error) {
      console.warn(`[pending] ${entry.kind} ${entry.key} not replayed`, error);
      continue;
    }
    settlePendingWrite(entry.token, storage);
  }
  return written;
}

/** A form's draft left in the journal: what was typed, when, and the entry's token. */
export interface FormDraft<T> {
  value: T;
  at: string;
  token: string;
}

/**
 * The drafts of a form that stores only when the user says so (保存, 创建): each change journalled
 * under the form's kind and a key (one draft per key), never replayed by start-up (it has no replayer
 * for the kind); the form shows a draft an earlier page left, to be saved or given up, and settles it
 * then. `schema`: what a draft of this form holds; an entry failing it reads as none and is left as it is.
 */
export function formDrafts<T>(kind: string, schema: v.GenericSchema<unknown, T>, storage: () => LocalStore | null = localStore) {
  return {
    write: (key: string, value: T): string => journalPendingWrite(kind, key, value, storage()),
    read(key: string): FormDraft<T> | null {
      const entry = pendingWrites(storage()).find((e) => e.kind === kind && e.key === key);
      if (!entry) return null;
      const parsed = v.safeParse(schema, entry.value);
      return parsed.success ? { value: parsed.output, at: entry.at, token: entry.token } : null;
    },
    /** The keys with a draft waiting. */
    keys: (): string[] =>
      pendingWrites(storage())
        .filter((e) => e.kind === kind)
        .map((e) => e.key),
    settle: (token: string): void => settlePendingWrite(token, storage()),
  };
}
