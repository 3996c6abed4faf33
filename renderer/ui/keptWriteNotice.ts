/**
 * A choice the page applies at once (a reader setting, the next highlight's colour, a sync setting)
 * whose write the database failed: the user is told, once and not at each change, until a write of
 * the same kind is stored again. The page keeps the choice in force; core/pendingWrites keeps it in
 * the journal for the next start (WriteNotStored.kept), and the message says which of the two holds.
 */
import { WriteNotStored } from '../core/pendingWrites';
import { messages } from '../i18n/messages';
import { notify } from './notify';

const failing = new Set<string>();

/** Watches `saving`, the write of `what` (a name the user reads, e.g. 阅读设置). */
export function toldIfNotStored(what: string, saving: Promise<unknown>): void {
  saving.then(
    () => failing.delete(what),
    (error: unknown) => {
      console.warn(`[writes] ${what} not stored`, error);
      if (failing.has(what)) return;
      failing.add(what);
      const m = messages.writes;
      if (!(error instanceof WriteNotStored)) {
        // Refused (its schema, a check): the error says why, in Chinese.
        notify(m.refused(what, error instanceof Error ? error.message : messages.errors.generic), { kind: 'error' });
        return;
      }
      // The technical text goes to the console; the user reads what happened in plain words.
      const why = /quota/i.test(causeName(error.cause)) ? m.full : m.broken;
      notify(error.kept ? m.notStoredKept(what, why) : m.notStored(what, why), { kind: 'error' });
    },
  );
}

/** The error's name and its inner ones' (Dexie wraps the browser's QuotaExceededError). */
function causeName(error: unknown): string {
  const names: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = (e as { inner?: unknown }).inner ?? e.cause, depth++)
    names.push(e.name);
  return names.join(' ');
}

/** Tests: forget which kinds have been told. */
export function resetToldWrites(): void {
  failing.clear();
}
