/**
 * The originals of imported documents (`documents/<sha256>.<ext>`, 查看原件) in backups.
 *
 * A backup file does not hold them: rolling backups are written every few minutes, and copying
 * hundreds of MB of PDFs each time would be absurd. Instead the backups folder keeps a sibling,
 * content-addressed store, `backups/originals/<sha256>.<ext>`, each original once whatever the
 * number of backups, plus one reference list per backup, `backups/originals/<backup>.json` (the
 * `document.file` values of that backup's articles). Writing a backup copies into the store only
 * the originals it lacks (a reflink where the file system has them); pruning removes a backup's
 * list with the backup and then every stored original no remaining list names. Restoring puts
 * back each original the restored articles name that `documents/` lacks, verifying its hash; a
 * missing or damaged one is a logged warning, never a failed restore.
 *
 * The backup file itself keeps exactly the layout of the release before (tables, media,
 * manifest): that release's reader refuses unknown entries, manifest fields and tables, so any
 * change inside the file would make it refuse the whole backup. Copying the backups folder (or
 * the data folder) carries the originals along; a single backup file restores the library with
 * the originals that the receiving data folder's store or documents/ already hold.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_FILE_RE } from '../../../shared/backup/format';
import { documentFilePath } from '../documents-route';
import { renameWithRetry } from '../fs-retry';
import { appLog, code } from '../log';
import { processAlive } from '../process-alive';

/** An article's `document.file`: the only names that ever reach the file system here. */
const ORIGINAL_FILE_RE = /^documents\/([0-9a-f]{64})\.(?:pdf|doc|wps|ofd|docx)$/;
const STORED_RE = /^[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)$/;
const REFS_RE = /^(backup-.+)\.json$/;
/** Unfinished copies: `.partial-<pid>-<hex>`, removed by a later start once that process is gone. */
const TEMP_RE = /^\.partial-(\d{1,10})-[0-9a-f]{12}$/;
/** Most originals one reference list may name (a library holds far fewer documents). */
const MAX_REFS = 100_000;

export function originalsDir(dataDir: string): string {
  return path.join(dataDir, 'backups', 'originals');
}

function refsFile(dataDir: string, backupName: string): string {
  return path.join(originalsDir(dataDir), backupName.replace(/\.yandubak$/, '.json'));
}

/** The originals some article records name (records already checked against their schema). */
export function originalRefs(records: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const r of records) {
    const file = (r as { document?: { file?: unknown } } | null)?.document?.file;
    if (typeof file === 'string' && ORIGINAL_FILE_RE.test(file)) out.push(file);
  }
  return out;
}

async function hashOf(file: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

const exists = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

const sizeOf = (file: string) =>
  stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );

let tempCount = 0;
function tempIn(dir: string): string {
  tempCount = (tempCount + 1) % 0x1000000;
  return path.join(
    dir,
    `.partial-${process.pid}-${(Date.now() % 0x1000000).toString(16).padStart(6, '0')}${tempCount.toString(16).padStart(6, '0')}`,
  );
}

/**
 * Copies `from` to `to` through a temporary file, keeping it only if its bytes hash to
 * `sha256`: a half-written or damaged copy never takes the final name.
 */
async function copyVerified(from: string, to: string, sha256: string): Promise<boolean> {
  const tmp = tempIn(path.dirname(to));
  try {
    // A reflink where the file system offers one (no bytes copied), a plain copy elsewhere.
    await copyFile(from, tmp, constants.COPYFILE_FICLONE);
    if ((await hashOf(tmp)) !== sha256) {
      await rm(tmp, { force: true });
      return false;
    }
    await renameWithRetry(tmp, to);
    return true;
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Puts each named original the store lacks into it, from `documents/`. Returns how many were
 * added and which were missing or damaged there (logged; the backup goes on without them).
 */
export async function storeOriginals(dataDir: string, refs: Iterable<string>): Promise<{ added: number; missing: string[] }> {
  const dir = originalsDir(dataDir);
  const files = new Set(refs);
  // A library without documents leaves the backups folder as it always was.
  if (files.size > 0) await mkdir(dir, { recursive: true });
  let added = 0;
  const missing: string[] = [];
  for (const file of files) {
    const m = ORIGINAL_FILE_RE.exec(file);
    const source = documentFilePath(dataDir, file);
    if (!m || !source) continue;
    const target = path.join(dir, path.basename(source));
    // A stored copy of the wrong size (cut short by a power cut after its rename) is copied
    // again; hashing every stored original at each rolling backup would cost too much.
    const [have, from] = await Promise.all([sizeOf(target), sizeOf(source)]);
    if (have !== null && (from === null || have === from)) continue;
    if (from === null || !(await copyVerified(source, target, m[1]!))) {
      missing.push(file);
      appLog.warn('backup.original_missing', { file: code(path.basename(source)) });
      continue;
    }
    added++;
  }
  return { added, missing };
}

/** Records which originals a backup (by its final name) refers to; written before the backup takes that name. */
export async function writeRefs(dataDir: string, backupName: string, refs: Iterable<string>): Promise<void> {
  const list = [...new Set(refs)].sort();
  // No list is the same as an empty one (and keeps a library without documents free of the folder).
  if (list.length === 0) return;
  const file = refsFile(dataDir, backupName);
  const tmp = tempIn(path.dirname(file));
  await writeFile(tmp, JSON.stringify(list));
  await renameWithRetry(tmp, file);
}

export async function removeRefs(dataDir: string, backupName: string): Promise<void> {
  await rm(refsFile(dataDir, backupName), { force: true });
}

/** A reference list's names; null when it cannot be read (then what its backup needs is unknown). */
async function readRefs(file: string): Promise<string[] | null> {
  try {
    const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(raw)) return null;
    return raw.slice(0, MAX_REFS).filter((f): f is string => typeof f === 'string' && ORIGINAL_FILE_RE.test(f));
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  return pid === process.pid || processAlive(pid);
}

/**
 * Keeps the store to what the backups in the folder refer to: drops the reference list of a
 * backup that is gone (pruned, or never finished), every stored original no remaining list
 * names, and unfinished copies of processes that are gone. Call with no backup being finished.
 */
export async function pruneOriginals(dataDir: string): Promise<{ removed: string[] }> {
  const dir = originalsDir(dataDir);
  // A restore killed while copying an original back leaves its temporary file in documents/.
  const documents = path.dirname(documentFilePath(dataDir, `documents/${'0'.repeat(64)}.pdf`)!);
  for (const name of await readdir(documents).catch(() => [] as string[])) {
    const t = TEMP_RE.exec(name);
    if (t && !pidAlive(Number(t[1]))) await rm(path.join(documents, name), { force: true });
  }
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.length === 0) return { removed: [] };
  const backups = new Set((await readdir(path.dirname(dir)).catch(() => [] as string[])).filter((n) => BACKUP_FILE_RE.test(n)));
  const kept = new Set<string>();
  const removed: string[] = [];
  const drop = async (name: string) => {
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  };
  // A list that cannot be read (a power cut can leave a renamed file empty, a read can fail):
  // its backup may need any original, so none is dropped this time.
  let unknown = false;
  for (const name of names) {
    const m = REFS_RE.exec(name);
    if (!m) continue;
    if (!backups.has(`${m[1]!}.yandubak`)) {
      await drop(name);
      continue;
    }
    const refs = await readRefs(path.join(dir, name));
    if (!refs) {
      unknown = true;
      appLog.warn('backup.original_refs_unreadable', { file: code(name) });
    } else for (const file of refs) kept.add(path.basename(file));
  }
  for (const name of names) {
    if (STORED_RE.test(name) && !kept.has(name) && !unknown) await drop(name);
    const t = TEMP_RE.exec(name);
    if (t && !pidAlive(Number(t[1]))) await drop(name);
  }
  return { removed };
}

/**
 * Puts back into `documents/` each original `refs` names that is not there, from the store,
 * verifying its hash. Returns how many came back and which could not (logged, never thrown).
 */
export async function installOriginals(dataDir: string, refs: Iterable<string>): Promise<{ restored: number; missing: string[] }> {
  let restored = 0;
  const missing: string[] = [];
  const store = originalsDir(dataDir);
  for (const file of new Set(refs)) {
    const m = ORIGINAL_FILE_RE.exec(file);
    const target = documentFilePath(dataDir, file);
    if (!m || !target || (await exists(target))) continue;
    const source = path.join(store, path.basename(target));
    let ok = false;
    try {
      if (await exists(source)) {
        await mkdir(path.dirname(target), { recursive: true });
        ok = await copyVerified(source, target, m[1]!);
      }
    } catch (error) {
      appLog.warn('backup.original_restore_failed', {
        file: code(path.basename(target)),
        code: code((error as NodeJS.ErrnoException).code ?? 'unknown'),
      });
    }
    if (ok) restored++;
    else {
      missing.push(file);
      appLog.warn('backup.original_not_restored', { file: code(path.basename(target)) });
    }
  }
  return { restored, missing };
}
