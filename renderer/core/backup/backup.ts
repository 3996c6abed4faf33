/**
 * Backup and restore of the library (IndexedDB) through the host's `backup` services.
 * (The façade the views use is renderer/core/backup.ts.)
 *
 * Backup: short read-only transactions (article texts a page at a time, the other library
 * tables, then the user's own) snapshot every user table (the derived search index excepted),
 * chunked by records and bytes; the chunks then go to main,
 * which writes the file. Restore: main checks the whole file first; the renderer reads every
 * part back, checks every record again, takes an automatic backup of what is there now (so a
 * restore can be undone; before any large write, see restoreBackup), installs the images, and
 * replaces all tables in ONE transaction —
 * a failure (a full quota included) leaves the library exactly as it was.
 */
import Dexie, { type IndexableType } from 'dexie';
import type { Api } from '../../../shared/contract';
import * as v from 'valibot';
import { SETTINGS, type BackupSettings } from '../../../shared/domain/settings';
import { DERIVED_TABLES, type BackupEntry, type BackupLibrary, type BackupReason } from '../../../shared/backup/format';
import { BACKUP_TRANSFER_BYTES, type InspectResult } from '../../../shared/backup/api';
import { checkRecords } from '../../../shared/backup/records';
import { AppError } from '../../../shared/errors';
import { replayHighlightJournal, releaseHighlightsHeldBy } from '../../core/highlights/journal';
import { recoverNoteJournals, releaseJournalsHeldBy } from '../../core/notes';
import { SEARCH_CHECKPOINT_KEY, SEARCH_META_KEY } from '../../db/searchIndex';
import { YanduDB } from '../../db/schema';
import { BACKUP_PENDING_KEY, LIBRARY_META_KEY } from '../../db/changeTracker';
import { sanitizeArticleHtml } from '../../ui/sanitize';
import { bumpLibraryRev, newLibraryMeta, parseLibraryMeta, SAMPLE_SOURCE_ID, settingRow } from './library';
import { defaultMarkStorage, PENDING_KEY, writeMark } from './marks';

export const BACKUP_SETTINGS_KEY = 'backup' as const;
/** Settings that describe the derived search index, or this browser's pending backup: never backed up, never restored. */
const DERIVED_SETTINGS = new Set([SEARCH_META_KEY, SEARCH_CHECKPOINT_KEY, BACKUP_PENDING_KEY]);
const CHUNK_RECORDS = 1000;
const CHUNK_BYTES = 6 * 1024 * 1024;

export type { BackupSettings };

/** The backup settings, through the settings table's schema (a bad stored value reads as the default). */
export async function readBackupSettings(db: Dexie): Promise<BackupSettings> {
  const row = (await db.table('settings').get(BACKUP_SETTINGS_KEY)) as { value?: unknown } | undefined;
  const parsed = v.safeParse(SETTINGS.backup.schema, row?.value);
  return parsed.success ? parsed.output : SETTINGS.backup.default;
}

/** Dexie's store declaration of a table, as written in schema.ts ("id, &urlKey, *tags"). */
function storeSpec(table: Dexie.Table): string {
  return [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(', ');
}

function backedUpTables(db: Dexie): Dexie.Table[] {
  return db.tables.filter((t) => !DERIVED_TABLES.includes(t.name));
}

/** A cheap upper bound of a record's JSON size: its strings (×3 for UTF-8) plus some. */
function roughBytes(row: unknown): number {
  let n = 64;
  if (row && typeof row === 'object') {
    for (const value of Object.values(row as Record<string, unknown>)) {
      if (typeof value === 'string') n += value.length * 3 + 8;
      else if (value && typeof value === 'object') n += 512;
      else n += 16;
    }
  }
  return n;
}

/** Quota errors of IndexedDB, however the browser names them. */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export const QUOTA_MESSAGE = '浏览器存储空间不足，操作没有完成，文库保持原样。请删除不需要的文章或释放磁盘空间后重试。';

/** Keeps the snapshot whole: every article with its text, no text without its article. */
function matchTextsToArticles(read: { name: string; rows: unknown[] }[]): void {
  const articles = read.find((r) => r.name === 'articles');
  const bodies = read.find((r) => r.name === 'bodies');
  if (!articles || !bodies) return;
  const withBody = new Set((bodies.rows as { articleId: string }[]).map((b) => b.articleId));
  articles.rows = (articles.rows as { id: string }[]).filter((a) => withBody.has(a.id));
  const ids = new Set((articles.rows as { id: string }[]).map((a) => a.id));
  for (const r of read) if (PAGED_TABLES.has(r.name)) r.rows = (r.rows as { articleId: string }[]).filter((x) => ids.has(x.articleId));
}

export interface Snapshot {
  chunks: { table: string; records: unknown[] }[];
  /** The library's identity as of the snapshot; absent for a database without one. */
  library?: BackupLibrary;
}

/** The bulky tables sync and imports write; everything else is what the user types and clicks. */
const LIBRARY_TABLES = new Set(['articles', 'bodies', 'versions', 'sources', 'fetchState', 'syncLog', 'memberships']);
/** Article texts: read a page at a time, each page its own short transaction, yielding between. */
const PAGED_TABLES = new Set(['bodies', 'versions']);
const PAGE_ROWS = 200;

function primaryKeyOf(table: Dexie.Table, row: Record<string, unknown>): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  if (Array.isArray(keyPath)) return keyPath.map((k) => row[k]) as IndexableType;
  return row[keyPath as string] as IndexableType;
}

/** Every row of a table in pages of short read transactions, letting the page breathe (typing, painting) between them. */
async function readPaged(db: Dexie, table: Dexie.Table): Promise<unknown[]> {
  const rows: unknown[] = [];
  let after: IndexableType | undefined;
  for (;;) {
    const from = after;
    const page = (await db.transaction('r', table, () =>
      (from === undefined ? table.orderBy(':id') : table.where(':id').above(from)).limit(PAGE_ROWS).toArray(),
    )) as Record<string, unknown>[];
    for (const row of page) rows.push(row);
    if (page.length < PAGE_ROWS) return rows;
    after = primaryKeyOf(table, page[page.length - 1]!);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Reads a snapshot of every backed-up table, as chunks. A read transaction holds back writers
 * of its tables while it lasts, and the page's main thread is busy unpacking what it read, so
 * reads are kept short: the article texts (bodies, older versions) a page at a time; then the
 * other library tables (articles, sources…) in one transaction; then the small tables the user
 * writes (notes, highlights, settings…) in one more. A note being saved waits at most for that
 * last short read. Texts are matched to the article rows read after them: a text whose article
 * is gone is dropped, and an article added mid-way whose text was missed waits for the next
 * backup (its write made one due); annotations are read after the articles they point to.
 */
export async function snapshotChunks(db: Dexie): Promise<Snapshot> {
  const tables = backedUpTables(db);
  const read: { name: string; rows: unknown[] }[] = [];
  for (const table of tables.filter((t) => PAGED_TABLES.has(t.name))) read.push({ name: table.name, rows: await readPaged(db, table) });
  const library = tables.filter((t) => LIBRARY_TABLES.has(t.name) && !PAGED_TABLES.has(t.name));
  const user = tables.filter((t) => !LIBRARY_TABLES.has(t.name));
  for (const group of [library, user]) {
    if (group.length === 0) continue;
    await db.transaction('r', group, async () => {
      for (const table of group) read.push({ name: table.name, rows: await table.toArray() });
    });
  }
  matchTextsToArticles(read);
  const chunks: Snapshot['chunks'] = [];
  let identity: BackupLibrary | undefined;
  for (const { name, rows: all } of read) {
    let rows = all as { key?: unknown; value?: unknown }[];
    if (name === 'settings') {
      rows = rows.filter((r) => !DERIVED_SETTINGS.has(String(r.key)));
      const meta = parseLibraryMeta(rows.find((r) => r.key === LIBRARY_META_KEY)?.value);
      if (meta) identity = { ...meta, userArticles: 0 };
    }
    let current: unknown[] = [];
    let bytes = 0;
    for (const row of rows) {
      const size = roughBytes(row);
      if (current.length > 0 && (current.length >= CHUNK_RECORDS || bytes + size > CHUNK_BYTES)) {
        chunks.push({ table: name, records: current });
        current = [];
        bytes = 0;
      }
      current.push(row);
      bytes += size;
    }
    if (current.length > 0) chunks.push({ table: name, records: current });
  }
  if (identity) {
    const articles = read.find((r) => r.name === 'articles')?.rows as { sourceId?: unknown }[] | undefined;
    identity.userArticles = (articles ?? []).filter((a) => a.sourceId !== SAMPLE_SOURCE_ID).length;
  }
  return { chunks, library: identity };
}

/**
 * Writes a backup of `db` (any Dexie database of ours, even one opened at an older version).
 * `changedAt`: when the library last changed, recorded with its identity.
 */
export async function backupDatabase(
  db: Dexie,
  api: Api,
  reason: BackupReason,
  keep?: number,
  changedAt: string | null = null,
): Promise<BackupEntry> {
  if (!db.isOpen()) await db.open();
  const stores: Record<string, string> = {};
  for (const t of backedUpTables(db)) stores[t.name] = storeSpec(t);
  await bumpLibraryRev(db, changedAt);
  const { chunks, library } = await snapshotChunks(db);
  const { token } = await api.backup.begin({
    reason,
    db: { name: db.name.slice(0, 80), schemaVersion: Math.max(1, Math.round(db.verno)), stores },
    ...(library ? { library } : {}),
  });
  let entry: BackupEntry;
  try {
    for (const chunk of chunks) await api.backup.put({ token, table: chunk.table, records: chunk.records });
    entry = await api.backup.finish({ token, keep: keep ?? (await readBackupSettings(db)).keep });
  } catch (error) {
    await api.backup.abort({ token }).catch(() => undefined);
    throw error;
  }
  // The journals of the notes and highlights this backup holds are not needed any more.
  releaseJournalsHeldBy(heldRows(chunks, 'notes'));
  releaseHighlightsHeldBy(heldRows(chunks, 'highlights'));
  return entry;
}

/** The rows of one table in a snapshot: id → the version (updatedAt) it holds. */
function heldRows(chunks: Snapshot['chunks'], table: string): Map<string, string> {
  const held = new Map<string, string>();
  for (const chunk of chunks) {
    if (chunk.table !== table) continue;
    for (const r of chunk.records as { id?: unknown; updatedAt?: unknown }[])
      if (typeof r.id === 'string' && typeof r.updatedAt === 'string') held.set(r.id, r.updatedAt);
  }
  return held;
}

export type Restorable = InspectResult;

/** Sends a file the user chose to main, in pieces, and has it checked completely. */
export async function inspectFile(api: Api, file: Blob): Promise<Restorable> {
  if (file.size === 0) throw new AppError('E_BACKUP_FORMAT', '文件是空的，不是研读备份文件。');
  const { token } = await api.backup.uploadBegin({ size: file.size });
  for (let offset = 0; offset < file.size; offset += BACKUP_TRANSFER_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + BACKUP_TRANSFER_BYTES).arrayBuffer());
    await api.backup.upload({ token, offset, base64: toBase64(bytes) });
  }
  return api.backup.inspect({ ref: { from: 'upload', token } });
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A backup file of the backups folder as a Blob, for saving elsewhere (下载备份). */
export async function downloadBackup(api: Api, name: string): Promise<Blob> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: { base64: string; next: number | null } = await api.backup.download({ name, offset });
    pieces.push(fromBase64(piece.base64));
    offset = piece.next;
  }
  return new Blob(pieces, { type: 'application/octet-stream' });
}

/**
 * Reads every table part of a checked file and checks every record again, against the stored
 * shapes of shared/domain (rows of an older database version as migrated).
 *
 * A row that fails refuses the WHOLE restore, naming each table and how many rows failed.
 * Why not restore the rest after asking: rows refer to each other (a note to its highlight, a
 * highlight to its article, a session to its readings), so a partial library is damaged in ways
 * nobody asked for, and the user's current library would be replaced by it. Refusing changes
 * nothing; the file can still be kept and looked at.
 */
async function readAll(api: Api, checked: Restorable): Promise<Map<string, unknown[]>> {
  const data = new Map<string, unknown[]>();
  const problems = new Map<string, { count: number; rows: number[]; field: string }>();
  const from = checked.manifest.db.schemaVersion;
  for (const t of checked.tables) {
    const { table, records } = await api.backup.readPart({ handle: checked.handle, index: t.index });
    if (table !== t.table || records.length !== t.records)
      throw new AppError('E_BACKUP_FORMAT', `备份文件中的数据与目录不符：${table.slice(0, 40)}`);
    const list = data.get(table) ?? [];
    const problem = checkRecords(table, records, from);
    if (problem) {
      const seen = problems.get(table) ?? { count: 0, rows: [], field: problem.field };
      seen.count += problem.count;
      for (const i of problem.indexes) if (seen.rows.length < 5) seen.rows.push(list.length + i + 1);
      problems.set(table, seen);
    }
    for (const r of records) list.push(r);
    data.set(table, list);
  }
  if (problems.size > 0) {
    const total = [...problems.values()].reduce((n, p) => n + p.count, 0);
    const parts = [...problems].map(
      ([table, p]) =>
        `${tableLabel(table)} ${p.count} 条（第 ${p.rows.join('、')} 条${p.count > p.rows.length ? ' 等' : ''}${p.field ? `，字段 ${p.field}` : ''}）`,
    );
    throw new AppError(
      'E_BACKUP_FORMAT',
      `备份文件中有 ${total} 条记录无效：${parts.join('；')}。为保证数据完整，没有恢复任何内容，当前文库保持原样。`,
    );
  }
  for (const [table, rows] of data)
    if (table === 'settings')
      data.set(
        table,
        rows.filter((r) => !DERIVED_SETTINGS.has(String((r as { key: unknown }).key))),
      );
  return data;
}

const TABLE_LABELS: Record<string, string> = {
  articles: '文章',
  bodies: '文章正文',
  versions: '文章旧版本',
  reading: '阅读位置',
  settings: '设置',
  sources: '来源',
  fetchState: '抓取记录',
  syncLog: '同步日志',
  highlights: '划线',
  notes: '笔记',
  sessions: '学习安排',
  members: '成员',
  packets: '资料包',
  returns: '回执',
  memberships: '文章所属来源',
};

function tableLabel(table: string): string {
  return `${TABLE_LABELS[table] ?? '数据表'}（${table.slice(0, 40)}）`;
}

/** Article HTML passes the same allow-list as every other door before it is stored. */
function sanitiseBodies(data: Map<string, unknown[]>): void {
  for (const table of ['bodies', 'versions']) {
    const rows = data.get(table);
    if (!rows) continue;
    data.set(
      table,
      rows.map((r) => {
        const row = r as { html: string };
        return { ...row, html: sanitizeArticleHtml(row.html) };
      }),
    );
  }
}

/** The upgrade copy's database name: this prefix and the time it was made (ms). */
export const RESTORE_COPY_PREFIX = 'yandu-restore-';

/** Records of an older schema version, brought to the current one by the app's own upgrade code. */
async function upgradeOld(checked: Restorable, data: Map<string, unknown[]>): Promise<Map<string, unknown[]>> {
  const name = `${RESTORE_COPY_PREFIX}${Date.now()}`;
  const old = new Dexie(name);
  old.version(checked.manifest.db.schemaVersion).stores(checked.manifest.db.stores);
  try {
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of data) await old.table(table).bulkAdd(rows);
    });
    old.close();
    const upgraded = new YanduDB(name);
    await upgraded.open();
    const out = new Map<string, unknown[]>();
    for (const t of backedUpTables(upgraded)) out.set(t.name, await t.toArray());
    upgraded.close();
    return out;
  } finally {
    old.close();
    await Dexie.delete(name);
  }
}

function refuseUnknownTables(data: Map<string, unknown[]>, known: Set<string>): void {
  for (const table of data.keys())
    if (!known.has(table)) throw new AppError('E_BACKUP_FORMAT', `备份文件含有未知的数据表：${table.slice(0, 40)}`);
}

export interface RestoreResult {
  /** The automatic backup taken first: restoring it undoes this restore. */
  undo: BackupEntry;
  counts: Record<string, number>;
  /** Originals of document articles (查看原件) put back, and those the backups folder did not have. */
  originals: { restored: number; missing: number };
  /** Notes typed after the backup, put back from their typing journals. */
  journalsReplayed: number;
  /** Highlights made after the backup, put back from their journal. */
  highlightsReplayed: number;
}

/**
 * Restores a checked backup into `db`. Nothing is replaced until every record has been read
 * and checked; then one transaction clears and refills every table (and empties the derived
 * search index, rebuilt on the next start).
 */
export async function restoreBackup(db: YanduDB, api: Api, checked: Restorable): Promise<RestoreResult> {
  if (!db.isOpen()) await db.open();
  if (checked.manifest.db.schemaVersion > db.verno)
    throw new AppError('E_BACKUP_NEWER', '这个备份由更新版本的研读写成，当前版本无法恢复，请先升级研读。当前文库保持原样。');
  const known = new Set(backedUpTables(db).map((t) => t.name));
  let data = await readAll(api, checked);
  const upgrade = checked.manifest.db.schemaVersion < db.verno;
  // A refused file changes nothing, not even the backups folder.
  if (!upgrade) refuseUnknownTables(data, known);
  // The library as it is goes to the data folder before anything large is written (the upgrade
  // copy below is already a large write): a browser killed inside a large write can tear the
  // end of its LevelDB log, and Chromium may then discard the whole store after the next crash
  // (google/leveldb#1287). That backup is then the only copy; the start-up offer finds it.
  const undo = await backupDatabase(db, api, 'restore');
  if (upgrade) {
    data = await upgradeOld(checked, data);
    refuseUnknownTables(data, known);
  }
  sanitiseBodies(data);
  const installed = await api.backup.installMedia({ handle: checked.handle });
  const tables = [...backedUpTables(db), db.searchDocs, db.searchPostings, db.searchPending];
  try {
    await db.transaction('rw', tables, async () => {
      for (const t of tables) await t.clear();
      for (const [table, rows] of data) if (rows.length) await db.table(table).bulkAdd(rows);
      // A restored library is a new line: backups of the replaced one are not offered back.
      await db.settings.put(settingRow(LIBRARY_META_KEY, newLibraryMeta()));
    });
  } catch (error) {
    if (isQuotaError(error)) throw new AppError('E_DISK_FULL', QUOTA_MESSAGE);
    throw error;
  }
  // Typing journals the undo backup above holds were released by it; the rest hold words no
  // backup has (typed after the backup restored here, when the browser discarded its store):
  // those newer than the restored note are replayed, and stay until a backup holds them.
  const journalsReplayed = await recoverNoteJournals(db, undefined, { afterRestore: true });
  // The same for highlights made since (on articles the restored library has).
  const highlightsReplayed = await replayHighlightJournal(db);
  // Only in IndexedDB and localStorage again: the next start backs them up at once.
  if (journalsReplayed + highlightsReplayed > 0) {
    const now = new Date().toISOString();
    writeMark(defaultMarkStorage(), PENDING_KEY, now);
    await db.settings.put(settingRow(BACKUP_PENDING_KEY, now));
  }
  const counts: Record<string, number> = {};
  for (const [table, rows] of data) counts[table] = rows.length;
  return {
    undo,
    counts,
    originals: { restored: installed.originals ?? 0, missing: installed.originalsMissing ?? 0 },
    journalsReplayed,
    highlightsReplayed,
  };
}

/** Whether the last backup is more than a day old (or there is none). */
export function isDailyDue(entries: readonly Pick<BackupEntry, 'createdAt'>[], now = Date.now()): boolean {
  const newest = Math.max(-Infinity, ...entries.map((e) => Date.parse(e.createdAt)).filter((t) => Number.isFinite(t)));
  return !(now - newest < 24 * 3600 * 1000);
}
