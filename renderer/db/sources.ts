/** Sources (来源) and what the library already knows about each, for incremental syncs. */
import * as v from 'valibot';
import type { KnownPage } from '../../shared/domain/sync';
import type { SourceRow, SyncLogRow, YanduDB } from './schema';

export const SyncSettingsSchema = v.object({
  /** Pause between two requests to the same site, ms. */
  delayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)),
  /** List pages a routine sync reads per source. */
  maxPages: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
});
export type SyncSettings = v.InferOutput<typeof SyncSettingsSchema>;
export const DEFAULT_SYNC_SETTINGS: SyncSettings = { delayMs: 1000, maxPages: 3 };

/** One origin the user allows a source to fetch from besides its own: scheme, host, port. */
const AllowedHostSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(300, '网站地址过长'),
  v.regex(/^https?:\/\/[^\s/?#@]+\/?$/i, '另外允许的网站应写成 http://主机名[:端口] 或 https://主机名[:端口]，不含路径'),
  v.transform((s) => s.replace(/\/$/, '').toLowerCase()),
);

export const SourceInputSchema = v.object({
  kind: v.picklist(['cms', 'feed', 'folder']),
  location: v.pipe(v.string(), v.trim(), v.minLength(1, '请填写网址或文件夹路径'), v.maxLength(2048)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, '请填写名称'), v.maxLength(200)),
  column: v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  schedule: v.object({
    mode: v.picklist(['manual', 'startup', 'interval']),
    hours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, '间隔至少 1 小时'), v.maxValue(720))),
  }),
  enabled: v.boolean(),
  allowedHosts: v.optional(v.pipe(v.array(AllowedHostSchema), v.maxLength(20, '另外允许的网站最多 20 个')), []),
});
export type SourceInput = v.InferOutput<typeof SourceInputSchema>;
/** What add/update accept: `allowedHosts` may be left out (none). */
export type SourceInputArg = v.InferInput<typeof SourceInputSchema>;

function newId(): string {
  return `s_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export function createSourceRepository(db: YanduDB) {
  return {
    list: (): Promise<SourceRow[]> => db.sources.orderBy('id').toArray(),
    get: (id: string) => db.sources.get(id),
    async add(input: SourceInputArg): Promise<SourceRow> {
      const checked = v.parse(SourceInputSchema, input);
      const row: SourceRow = {
        id: newId(),
        ...checked,
        column: checked.column || null,
        createdAt: new Date().toISOString(),
        lastSyncAt: null,
        lastError: null,
        counts: { articles: 0, added: 0, updated: 0, unchanged: 0, failed: 0 },
      };
      await db.sources.add(row);
      return row;
    },
    async update(id: string, input: SourceInputArg): Promise<void> {
      const checked = v.parse(SourceInputSchema, input);
      await db.sources.update(id, { ...checked, column: checked.column || null });
    },
    /** Removes the source and its sync bookkeeping; its articles stay in the library. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [db.sources, db.fetchState, db.syncLog], async () => {
        await db.sources.delete(id);
        await db.fetchState.where('sourceId').equals(id).delete();
        await db.syncLog.where('sourceId').equals(id).delete();
      });
    },
    async recordRun(id: string, patch: Pick<SourceRow, 'lastSyncAt' | 'lastError' | 'counts'>): Promise<void> {
      await db.sources.update(id, patch);
    },
    /** Every page the source has given us, with validators: the basis of an incremental sync. */
    async known(id: string): Promise<KnownPage[]> {
      const [articles, pages] = await Promise.all([
        db.articles.where('sourceId').equals(id).toArray(),
        db.fetchState.where('sourceId').equals(id).toArray(),
      ]);
      const byKey = new Map<string, KnownPage>();
      for (const a of articles)
        byKey.set(a.urlKey, { urlKey: a.urlKey, etag: null, lastModified: null, contentHash: a.contentHash, publishedAt: a.publishedAt });
      for (const p of pages) {
        const prior = byKey.get(p.urlKey);
        byKey.set(p.urlKey, {
          urlKey: p.urlKey,
          etag: p.etag,
          lastModified: p.lastModified,
          contentHash: prior?.contentHash ?? p.contentHash,
          publishedAt: prior?.publishedAt ?? null,
        });
      }
      return [...byKey.values()];
    },
    articleCount: (id: string) => db.articles.where('sourceId').equals(id).count(),
    async log(entry: Omit<SyncLogRow, 'id'>): Promise<void> {
      await db.syncLog.add(entry);
    },
    recentLog: (id: string, limit = 200): Promise<SyncLogRow[]> => db.syncLog.where('sourceId').equals(id).reverse().limit(limit).toArray(),
  };
}
