/**
 * The `backup` services: backup files in <dataDir>/backups, written from the records the
 * renderer sends (IndexedDB lives there) plus the media folder, checked completely before a
 * restore reads anything from them. See shared/backup/format.ts for the file layout.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile, open } from 'node:fs/promises';
import { renameWithRetry } from '../fs-retry';
import path from 'node:path';
import type { Services } from '../../../shared/contract';
import {
  BACKUP_FILE_RE,
  backupFileName,
  backupsToPrune,
  MEDIA_NAME_RE,
  type BackupEntry,
  type BackupLibrary,
  type BackupReason,
} from '../../../shared/backup/format';
import { BACKUP_TRANSFER_BYTES } from '../../../shared/backup/api';
import { AppError } from '../../../shared/errors';
import { mediaDir } from '../paths';
import {
  BackupWriter,
  decodeTablePart,
  openFileSink,
  readManifest,
  verifyBackup,
  writeError,
  type OpenSink,
  type OpenedBackup,
} from './container';
import { installOriginals, originalRefs, pruneOriginals, removeRefs, storeOriginals, writeRefs } from './originals';
import { processAlive } from '../process-alive';

export interface BackupServiceOptions {
  dataDir: string;
  appVersion: string;
  /** Replaceable in tests (a full disk). */
  openSink?: OpenSink;
  now?: () => Date;
}

/** Largest file accepted for upload (a 10,000-article library is ~100 MB). */
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;
const TTL_MS = 30 * 60 * 1000;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/**
 * Our unfinished files in the backups folder: `.partial-` (a backup being written) and
 * `.upload-` (a file being received), named with the writing process's id so a sweep never
 * removes what a live process is still writing.
 */
const TEMP_FILE_RE = /^\.(?:partial|upload)-(?:(\d{1,10})-)?[0-9a-f]{32}\.yandubak$/;

/**
 * Temporary names this process has handed out (a few per backup; never pruned, since a name
 * whose file is gone is harmless): with the pid in the name, a sweep can tell this process's
 * live files from those of an earlier run that had the same pid.
 */
const ownTemps = new Set<string>();

function tempName(kind: 'partial' | 'upload', t: string): string {
  const name = `.${kind}-${process.pid}-${t}.yandubak`;
  ownTemps.add(name);
  return name;
}

function writerAlive(pid: number, name: string): boolean {
  if (pid === process.pid) return ownTemps.has(name);
  return processAlive(pid);
}

/**
 * Removes what a crashed or killed run left behind (only names matching TEMP_FILE_RE, and
 * only when the process that wrote them is gone). Returns the names removed.
 */
export async function sweepUnfinished(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE_RE.exec(name);
    if (!m || (m[1] !== undefined && writerAlive(Number(m[1]), name))) continue;
    await rm(path.join(dir, name), { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

function token(): string {
  return randomBytes(16).toString('hex');
}

function toEntry(name: string, size: number, manifest: OpenedBackup['manifest']): BackupEntry {
  return {
    name,
    bytes: size,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    schemaVersion: manifest.db.schemaVersion,
    counts: manifest.counts,
    ...(manifest.library ? { library: manifest.library } : {}),
  };
}

export function createBackupService(options: BackupServiceOptions): Services['backup'] & {
  dir: string;
  /** Settles when start-up has removed unfinished files left by an earlier run. */
  swept: Promise<string[]>;
} {
  const dir = backupsDir(options.dataDir);
  const now = options.now ?? (() => new Date());
  // begin, uploadBegin and list wait for this, so a new file never races the sweep.
  const swept = sweepUnfinished(dir).then(async (removed) => {
    await pruneOriginals(options.dataDir).catch(() => undefined);
    return removed;
  });
  // Finishing backups one at a time: pruning the originals' store must not race a backup
  // that has copied originals but not yet written its reference list.
  let finishing: Promise<unknown> = Promise.resolve();
  const writing = new Map<
    string,
    {
      writer: BackupWriter;
      reason: BackupReason;
      db: Parameters<Services['backup']['begin']>[0]['db'];
      library: BackupLibrary | undefined;
      /** The originals (documents/…) the articles written so far name. */
      originals: Set<string>;
      at: number;
    }
  >();
  const uploads = new Map<string, { path: string; size: number; received: number; at: number }>();
  /** Backups checked for a restore; `name`: one of the folder's (never pruned while open). */
  const opened = new Map<string, { backup: OpenedBackup; at: number; upload?: string; name?: string }>();

  function sweep(): void {
    const limit = Date.now() - TTL_MS;
    for (const [k, w] of writing) if (w.at < limit) void w.writer.abort().then(() => writing.delete(k));
    for (const [k, u] of uploads) if (u.at < limit) void rm(u.path, { force: true }).then(() => uploads.delete(k));
    for (const [k, o] of opened)
      if (o.at < limit) {
        opened.delete(k);
        if (o.upload) void rm(o.upload, { force: true });
      }
  }

  function session<T extends { at: number }>(map: Map<string, T>, key: string): T {
    const s = map.get(key);
    if (!s) throw new AppError('E_NOT_FOUND', '备份操作已过期或不存在，请重新开始。');
    s.at = Date.now();
    return s;
  }

  async function list(): Promise<BackupEntry[]> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const out: BackupEntry[] = [];
    for (const name of names
      .filter((n) => BACKUP_FILE_RE.test(n))
      .sort()
      .reverse()) {
      const read = await readManifest(path.join(dir, name));
      if (read) out.push(toEntry(name, read.size, read.manifest));
    }
    return out;
  }

  /** Applies the retention policy (shared/backup/format.ts, backupsToPrune). */
  async function prune(keep: number): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[]);
    // A backup being restored (its undo backup, or a timed one, finishing meanwhile) stays, with
    // the originals it names, until its restore is done or expired: a later prune drops it.
    sweep(); // expired handles protect nothing
    const restoring = new Set([...opened.values()].flatMap((o) => (o.name ? [o.name] : [])));
    for (const name of backupsToPrune(names, keep)) {
      if (restoring.has(name)) continue;
      await rm(path.join(dir, name), { force: true });
      await removeRefs(options.dataDir, name);
    }
    await pruneOriginals(options.dataDir);
  }

  /** A name in the backups folder that may be read: one of ours, no path. */
  function folderFile(name: string): string {
    if (!BACKUP_FILE_RE.test(name)) throw new AppError('E_INVALID_ARGUMENT', '备份文件名无效。');
    return path.join(dir, name);
  }

  type Writing = typeof writing extends Map<string, infer W> ? W : never;

  /**
   * Adds the media folder, copies into the originals' store those the articles name that it
   * lacks, records the backup's references, then writes the manifest and gives the file its
   * name; prunes. A failure leaves neither the file nor its references.
   */
  async function finishOne(w: Writing, keep: number): Promise<BackupEntry> {
    let finalName = '';
    try {
      const media = mediaDir(options.dataDir);
      const names = (await readdir(media).catch(() => [] as string[])).filter((n) => MEDIA_NAME_RE.test(n)).sort();
      for (const name of names) await w.writer.addMedia(name, await readFile(path.join(media, name)));
      finalName = backupFileName(now(), w.reason);
      for (
        let i = 1;
        await stat(path.join(dir, finalName)).then(
          () => true,
          () => false,
        );
        i++
      ) {
        finalName = finalName.replace(/(?:-\d{1,3})?\.yandubak$/, `-${i}.yandubak`);
      }
      // Before the backup takes its name, so a backup in the folder always has its references.
      await storeOriginals(options.dataDir, w.originals);
      await writeRefs(options.dataDir, finalName, w.originals);
      const manifest = await w.writer.finish(
        {
          createdAt: now().toISOString(),
          reason: w.reason,
          appVersion: options.appVersion.slice(0, 40),
          db: w.db,
          ...(w.library ? { library: w.library } : {}),
        },
        path.join(dir, finalName),
      );
      await prune(keep);
      const info = await stat(path.join(dir, finalName));
      return toEntry(finalName, info.size, manifest);
    } catch (error) {
      await w.writer.abort();
      if (
        finalName &&
        !(await stat(path.join(dir, finalName)).then(
          () => true,
          () => false,
        ))
      )
        await removeRefs(options.dataDir, finalName).catch(() => undefined);
      throw writeError(error);
    }
  }

  return {
    dir,
    swept,
    begin: async ({ reason, db, library }) => {
      await swept;
      sweep();
      if (writing.size >= 4) throw new AppError('E_RESOURCE', '已有备份正在进行，请稍后再试。');
      const t = token();
      let writer: BackupWriter;
      try {
        await mkdir(dir, { recursive: true });
        writer = await BackupWriter.create(path.join(dir, tempName('partial', t)), options.openSink ?? openFileSink);
      } catch (error) {
        throw writeError(error, dir);
      }
      writing.set(t, { writer, reason, db, library, originals: new Set(), at: Date.now() });
      return { token: t };
    },
    put: async ({ token: t, table, records }) => {
      const w = session(writing, t);
      try {
        const parts = await w.writer.addTable(table, records, w.db.schemaVersion);
        if (table === 'articles') for (const file of originalRefs(records)) w.originals.add(file);
        return { parts };
      } catch (error) {
        if (error instanceof AppError && (error.code === 'E_DISK_FULL' || error.code === 'E_RESOURCE')) writing.delete(t);
        throw error;
      }
    },
    finish: async ({ token: t, keep }) => {
      const w = session(writing, t);
      writing.delete(t);
      const turn = finishing.then(() => finishOne(w, keep));
      finishing = turn.catch(() => undefined);
      return turn;
    },
    abort: async ({ token: t }) => {
      const w = writing.get(t);
      if (!w) return { aborted: false };
      writing.delete(t);
      await w.writer.abort();
      return { aborted: true };
    },
    list: async () => {
      await swept;
      return { folder: dir, entries: await list() };
    },
    uploadBegin: async ({ size }) => {
      await swept;
      sweep();
      if (size > MAX_UPLOAD_BYTES) throw new AppError('E_INVALID_ARGUMENT', '文件过大，不是研读备份文件。');
      if (uploads.size >= 4) throw new AppError('E_RESOURCE', '已有文件正在上传，请稍后再试。');
      const t = token();
      const file = path.join(dir, tempName('upload', t));
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(file, new Uint8Array(0), { flag: 'wx' });
      } catch (error) {
        throw writeError(error, dir);
      }
      uploads.set(t, { path: file, size, received: 0, at: Date.now() });
      return { token: t };
    },
    upload: async ({ token: t, offset, base64 }) => {
      const u = session(uploads, t);
      const bytes = Buffer.from(base64, 'base64');
      if (offset !== u.received || u.received + bytes.length > u.size) throw new AppError('E_INVALID_ARGUMENT', '上传的文件片段顺序不对。');
      try {
        const h = await open(u.path, 'a');
        try {
          await h.write(bytes);
        } finally {
          await h.close();
        }
      } catch (error) {
        uploads.delete(t);
        await rm(u.path, { force: true });
        throw writeError(error);
      }
      u.received += bytes.length;
      return { received: u.received };
    },
    inspect: async ({ ref }) => {
      sweep();
      let file: string;
      let upload: string | undefined;
      if (ref.from === 'folder') file = folderFile(ref.name);
      else {
        const u = session(uploads, ref.token);
        uploads.delete(ref.token);
        upload = file = u.path;
        if (u.received !== u.size) {
          await rm(u.path, { force: true });
          throw new AppError('E_BACKUP_FORMAT', '文件没有完整上传。');
        }
      }
      let backup: OpenedBackup;
      try {
        backup = await verifyBackup(file);
      } catch (error) {
        if (upload) await rm(upload, { force: true });
        throw error;
      }
      const handle = token();
      opened.set(handle, { backup, at: Date.now(), upload, ...(ref.from === 'folder' ? { name: ref.name } : {}) });
      const m = backup.manifest;
      return {
        handle,
        bytes: backup.size,
        manifest: {
          createdAt: m.createdAt,
          reason: m.reason,
          appVersion: m.appVersion,
          db: m.db,
          counts: m.counts,
          ...(m.library ? { library: m.library } : {}),
        },
        tables: m.parts.flatMap((p, index) => (p.kind === 'table' ? [{ index, table: p.table, records: p.records }] : [])),
      };
    },
    readPart: async ({ handle, index }) => {
      const o = session(opened, handle);
      const part = o.backup.manifest.parts[index];
      if (!part || part.kind !== 'table') throw new AppError('E_NOT_FOUND', '备份文件中没有这一部分。');
      return {
        table: part.table,
        records: await decodeTablePart(part, await o.backup.readPart(index), o.backup.manifest.db.schemaVersion),
      };
    },
    installMedia: async ({ handle }) => {
      const o = session(opened, handle);
      const media = mediaDir(options.dataDir);
      let images = 0;
      try {
        await mkdir(media, { recursive: true });
        for (const [index, part] of o.backup.manifest.parts.entries()) {
          if (part.kind !== 'media') continue;
          const target = path.join(media, part.name);
          if (
            await stat(target).then(
              () => true,
              () => false,
            )
          )
            continue;
          const tmp = path.join(media, `.restore-${token()}`);
          await writeFile(tmp, await o.backup.readPart(index));
          await renameWithRetry(tmp, target);
          images++;
        }
      } catch (error) {
        throw writeError(error);
      }
      // The originals the backup's articles name, from the store (verified; one missing is a warning).
      const refs: string[] = [];
      for (const [index, part] of o.backup.manifest.parts.entries()) {
        if (part.kind !== 'table' || part.table !== 'articles') continue;
        refs.push(...originalRefs(await decodeTablePart(part, await o.backup.readPart(index), o.backup.manifest.db.schemaVersion)));
      }
      const originals = await installOriginals(options.dataDir, refs);
      return { images, originals: originals.restored, originalsMissing: originals.missing.length };
    },
    download: async ({ name, offset }) => {
      const file = folderFile(name);
      const info = await stat(file).catch(() => null);
      if (!info) throw new AppError('E_NOT_FOUND', '找不到该备份文件。');
      if (offset > info.size) throw new AppError('E_INVALID_ARGUMENT', '位置超出文件长度。');
      const length = Math.min(BACKUP_TRANSFER_BYTES, info.size - offset);
      const h = await open(file, 'r');
      try {
        const buf = Buffer.alloc(length);
        if (length > 0) await h.read(buf, 0, length, offset);
        const next = offset + length < info.size ? offset + length : null;
        return { base64: buf.toString('base64'), size: info.size, next };
      } finally {
        await h.close();
      }
    },
  };
}
