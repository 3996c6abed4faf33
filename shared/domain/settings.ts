/**
 * THE settings table: every key of the `settings` store, its schema and its default. The
 * settings repository (renderer/db/repositories.ts) writes a value only through its key's schema
 * and reads a stored value that fails it as the default (the stored row is kept, never
 * overwritten behind the user's back). Keys not listed here are internal bookkeeping of the
 * search index (renderer/db/searchIndex.ts) and the study module; they are read and written by
 * their owners only.
 */
import * as v from 'valibot';
import { HighlightColorSchema, HighlightStyleSchema } from './highlight';
import { DEFAULT_PROFILE, DEFAULT_RULES, ProfileSchema, RulesSchema } from './session';

// ------------------------------------------------------------------ reader typography

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 32;

export const ReaderSettingsSchema = v.object({
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(FONT_SIZE_MIN), v.maxValue(FONT_SIZE_MAX)),
  lineHeight: v.pipe(v.number(), v.minValue(1.4), v.maxValue(2.4)),
  width: v.picklist(['narrow', 'medium', 'wide']),
  theme: v.picklist(['light', 'sepia', 'dark']),
  font: v.picklist(['song', 'fangsong', 'kai', 'hei']),
});
export type ReaderSettings = v.InferOutput<typeof ReaderSettingsSchema>;
export const DEFAULT_READER_SETTINGS: ReaderSettings = { fontSize: 18, lineHeight: 1.9, width: 'medium', theme: 'light', font: 'song' };

// ------------------------------------------------------------------ interface scale

/** 界面大小 steps, percent of the base interface size (separate from the article's font size). */
export const INTERFACE_SCALES = [100, 115, 130, 150, 175, 200] as const;
export type InterfaceScale = (typeof INTERFACE_SCALES)[number];
export const InterfaceScaleSchema = v.picklist(INTERFACE_SCALES, '界面大小应为 100%、115%、130%、150%、175% 或 200%');

// ------------------------------------------------------------------ sync

const DELAY_RANGE = '同一网站两次请求的间隔应为 0 到 60000 之间的整数（毫秒）';
const PAGES_RANGE = '日常同步最多读取的列表页数应为 1 到 100 之间的整数';

export const SyncSettingsSchema = v.object({
  /** Pause between two requests to the same site, ms. */
  delayMs: v.pipe(v.number(DELAY_RANGE), v.integer(DELAY_RANGE), v.minValue(0, DELAY_RANGE), v.maxValue(60_000, DELAY_RANGE)),
  /** List pages a routine sync reads per source. */
  maxPages: v.pipe(v.number(PAGES_RANGE), v.integer(PAGES_RANGE), v.minValue(1, PAGES_RANGE), v.maxValue(100, PAGES_RANGE)),
});
export type SyncSettings = v.InferOutput<typeof SyncSettingsSchema>;
export const DEFAULT_SYNC_SETTINGS: SyncSettings = { delayMs: 1000, maxPages: 3 };

// ------------------------------------------------------------------ backups

/** Default number of backups of each deliberate kind (manual, upgrade, packet, restore) kept. */
export const DEFAULT_BACKUP_KEEP = 10;
export const BackupSettingsSchema = v.object({ keep: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) });
export type BackupSettings = v.InferOutput<typeof BackupSettingsSchema>;

/** The library's identity (see renderer/core/backup/library.ts). */
export const LibraryMetaSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  rev: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 40)),
  changedAt: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
});
export type LibraryMeta = v.InferOutput<typeof LibraryMetaSchema>;

// ------------------------------------------------------------------ signing keys pinned

const FingerprintSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const PinTimeSchema = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());

/** A signer's key as first seen: a 发放单位 (packets) or a member (return files). */
export const PinSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(200)),
  fingerprint: FingerprintSchema,
  pinnedAt: PinTimeSchema,
});
export type Pin = v.InferOutput<typeof PinSchema>;

/** Every pin made and every override the user confirmed, newest last. */
export const PinLogEntrySchema = v.strictObject({
  at: PinTimeSchema,
  kind: v.picklist(['pinned', 'keyChanged', 'unsigned']),
  party: v.picklist(['issuer', 'member']),
  name: v.pipe(v.string(), v.maxLength(200)),
  fingerprint: v.nullable(FingerprintSchema),
  previous: v.nullable(FingerprintSchema),
  /** The file's title (packet) or session topic (return). */
  file: v.pipe(v.string(), v.maxLength(500)),
});
export type PinLogEntry = v.InferOutput<typeof PinLogEntrySchema>;

export const PinsSchema = v.strictObject({
  issuers: v.pipe(v.array(PinSchema), v.maxLength(1000)),
  members: v.pipe(v.array(PinSchema), v.maxLength(5000)),
  log: v.pipe(v.array(PinLogEntrySchema), v.maxLength(2000)),
});
export type Pins = v.InferOutput<typeof PinsSchema>;
export const NO_PINS: Pins = { issuers: [], members: [], log: [] };

// ------------------------------------------------------------------ roles

/**
 * Whether this copy is the group's 组长/学习秘书 (leader) or a 组员 (member). null: never
 * chosen; renderer/core/roles.ts then infers it from the library (docs/ARCHITECTURE.md, Roles).
 */
export const RoleSchema = v.picklist(['leader', 'member'], '身份应为“组长/学习秘书”或“组员”');
export type Role = v.InferOutput<typeof RoleSchema>;

/** What this user chose not to see: the leader's 重点摘编 layer, sessions (never a deletion). */
export const HiddenSchema = v.strictObject({
  leaderLayer: v.boolean(),
  sessions: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(10_000)),
});
export type Hidden = v.InferOutput<typeof HiddenSchema>;
export const NOTHING_HIDDEN: Hidden = { leaderLayer: false, sessions: [] };

// ------------------------------------------------------------------ the table

export const SETTINGS = {
  reader: { schema: ReaderSettingsSchema, default: DEFAULT_READER_SETTINGS },
  interfaceScale: { schema: InterfaceScaleSchema, default: 100 as InterfaceScale },
  sync: { schema: SyncSettingsSchema, default: DEFAULT_SYNC_SETTINGS },
  backup: { schema: BackupSettingsSchema, default: { keep: DEFAULT_BACKUP_KEEP } as BackupSettings },
  /** Backups the start-up recovery offer was declined for (暂不), newest last. */
  backupOfferDeclined: { schema: v.pipe(v.array(v.pipe(v.string(), v.maxLength(255))), v.maxLength(50)), default: [] as string[] },
  /**
   * Since when changes are waiting for a backup (null or absent: none). Written in IndexedDB as
   * well as localStorage because Chromium writes localStorage out only seconds later: a browser
   * killed right after a change keeps this row, so the next start backs up at once.
   */
  backupPendingSince: { schema: v.nullable(v.pipe(v.string(), v.isoTimestamp())), default: null as string | null },
  /** Absent until a library has its identity: read as null. */
  library: { schema: v.nullable(LibraryMetaSchema), default: null as LibraryMeta | null },
  sampleLibraryImported: { schema: v.boolean(), default: false },
  highlightDefaults: {
    schema: v.object({ color: HighlightColorSchema, style: HighlightStyleSchema }),
    default: { color: 'yellow', style: 'fill' } as { color: v.InferOutput<typeof HighlightColorSchema>; style: 'fill' | 'underline' },
  },
  'notebook.quota': {
    schema: v.object({ ziPerYear: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)) }),
    default: { ziPerYear: 10_000 },
  },
  /** Keys pinned on first import (member's copy: 发放单位; leader's copy: members). */
  'packets.pins': { schema: PinsSchema, default: NO_PINS },
  'packets.sharedFolders': { schema: v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))), default: [] as string[] },
  'study.rules': { schema: RulesSchema, default: DEFAULT_RULES },
  'study.profile': { schema: ProfileSchema, default: DEFAULT_PROFILE },
  'study.role': { schema: v.nullable(RoleSchema), default: null as Role | null },
  'study.hidden': { schema: HiddenSchema, default: NOTHING_HIDDEN },
  /**
   * Sync batches already written (run id → highest seq), newest last: a batch main sends again
   * after a page reload (its acknowledgement was lost) is acknowledged, not written twice.
   */
  'sync.applied': {
    schema: v.pipe(
      v.array(
        v.strictObject({
          runId: v.pipe(v.string(), v.maxLength(64)),
          seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
          /** The run's counts so far, written with its batches (they survive a reload with them). */
          tally: v.optional(
            v.strictObject({
              added: v.pipe(v.number(), v.integer(), v.minValue(0)),
              joined: v.pipe(v.number(), v.integer(), v.minValue(0)),
              updated: v.pipe(v.number(), v.integer(), v.minValue(0)),
              unchanged: v.pipe(v.number(), v.integer(), v.minValue(0)),
            }),
          ),
        }),
      ),
      v.maxLength(50),
    ),
    default: [] as { runId: string; seq: number; tally?: { added: number; joined: number; updated: number; unchanged: number } }[],
  },
} as const satisfies Record<string, { schema: v.GenericSchema; default: unknown }>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = v.InferOutput<(typeof SETTINGS)[K]['schema']>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, key);
}

/** The schema a key's value must pass, or null for a key outside the table. */
export function settingSchema(key: string): v.GenericSchema | null {
  return isSettingKey(key) ? SETTINGS[key].schema : null;
}
