/**
 * Every stored table's row schema, by table name, and how rows of older database versions are
 * brought to today's shape. Backups are checked against these when written (main), when a file
 * is inspected (main) and before a restore writes anything (renderer).
 */
import * as v from 'valibot';
import { ArticleBodyRowSchema, ArticleRowSchema, ReadingRowSchema, VersionRowSchema } from './article';
import { IdField, IsoField, text } from './fields';
import { HighlightRowSchema } from './highlight';
import { MembershipRowSchema } from './membership';
import { NoteRowSchema } from './note';
import { MemberRowSchema, SessionRowSchema } from './session';
import { FetchStateRowSchema, SourceRowSchema, SyncLogRowSchema } from './source';
import { PacketRowSchema, ReturnRowSchema } from './study';

/**
 * A settings row: its value is checked by its key's schema when read (shared/domain/settings.ts), not
 * here, so a bad value is kept. `updatedAt`: when the value was written (ISO), so a change replayed at
 * start never goes over a newer one; rows of earlier releases have none and count as oldest. Not an
 * index: no new database version, and an earlier release reading a backup simply drops it.
 */
export const SettingRowSchema = v.object({ key: text(200), value: v.unknown(), updatedAt: v.optional(IsoField) });
export type SettingRow = v.InferOutput<typeof SettingRowSchema>;

export const ROW_SCHEMAS = {
  articles: ArticleRowSchema,
  bodies: ArticleBodyRowSchema,
  reading: ReadingRowSchema,
  settings: SettingRowSchema,
  versions: VersionRowSchema,
  sources: SourceRowSchema,
  fetchState: FetchStateRowSchema,
  syncLog: SyncLogRowSchema,
  highlights: HighlightRowSchema,
  notes: NoteRowSchema,
  sessions: SessionRowSchema,
  members: MemberRowSchema,
  packets: PacketRowSchema,
  returns: ReturnRowSchema,
  memberships: MembershipRowSchema,
} as const satisfies Record<string, v.GenericSchema>;

export type StoredTable = keyof typeof ROW_SCHEMAS;

/** The database version (renderer/db/schema.ts) whose rows these schemas describe. */
export const ROWS_DB_VERSION = 5;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A row of database version `fromVersion` in today's shape (a copy; the input is not changed).
 * Mirrors the Dexie upgrade functions of renderer/db/schema.ts, which stay the authority for
 * what a restore writes: v2 gave articles `version` and `updatedAt`; v3 and v4 added tables only;
 * v5 added memberships, derived from each article's own source by the upgrade (a restore of an
 * older backup runs it).
 */
export function migrateRow(table: string, row: unknown, fromVersion: number): unknown {
  if (!isRecord(row)) return row;
  if (table === 'articles' && fromVersion < 2) return { ...row, version: row.version ?? 1, updatedAt: row.updatedAt ?? null };
  return row;
}

export interface RowProblem {
  table: string;
  /** 0-based indexes of the rows that failed (the first few), and how many failed in all. */
  indexes: number[];
  count: number;
  /** Where the first failure is (a field path), when known. */
  field: string;
  message: string;
}

const SHOWN = 5;

/**
 * Checks rows of one table (after migrating them from `fromVersion`); null when all pass. The
 * message names the table, the rows and the field, in Chinese.
 */
export function checkRows(table: string, rows: readonly unknown[], fromVersion: number = ROWS_DB_VERSION): RowProblem | null {
  const schema = (ROW_SCHEMAS as Record<string, v.GenericSchema>)[table];
  if (!schema || !v.is(IdField, table)) {
    return { table, indexes: [], count: rows.length, field: '', message: `未知的数据表：${table.slice(0, 40)}` };
  }
  const indexes: number[] = [];
  let count = 0;
  let field = '';
  for (let i = 0; i < rows.length; i++) {
    const result = v.safeParse(schema, migrateRow(table, rows[i], fromVersion));
    if (result.success) continue;
    count++;
    if (indexes.length < SHOWN) indexes.push(i);
    if (!field)
      field =
        result.issues[0]?.path
          ?.map((p) => String(p.key))
          .join('.')
          .slice(0, 60) ?? '';
  }
  if (count === 0) return null;
  const which = `第 ${indexes.map((i) => i + 1).join('、')} 条${count > SHOWN ? ' 等' : ''}`;
  return { table, indexes, count, field, message: `${table} 有 ${count} 条记录无效（${which}${field ? `，字段 ${field}` : ''}）` };
}
