/** Sources (来源) and what the library already knows about each, for incremental syncs. */
import * as v from 'valibot';
import { DEFAULT_SYNC_SETTINGS, SyncSettingsSchema, type SyncSettings } from '../../shared/domain/settings';
import type { KnownPage } from '../../shared/domain/sync';
import { placementLabel } from '../../shared/domain/membership';
import type { ArticleRow, SourceRow, SyncLogRow, YanduDB } from './schema';

export { SyncSettingsSchema };

/**
 * The stored sync settings, and what was wrong with them when they could not be used (an
 * older or hand-edited value out of range): the caller shows it, never a silent fallback.
 */
export async function readSyncSettings(
  get: (key: string) => Promise<{ value: unknown } | undefined>,
): Promise<{ settings: SyncSettings; problem: string | null }> {
  const row = await get('sync');
  if (!row) return { settings: DEFAULT_SYNC_SETTINGS, problem: null };
  const parsed = v.safeParse(SyncSettingsSchema, row.value);
  if (parsed.success) return { settings: parsed.output, problem: null };
  const problem = parsed.issues[0]?.message ?? '抓取设置无效';
  return {
    settings: DEFAULT_SYNC_SETTINGS,
    problem: `抓取设置无效（${problem}），本次按默认设置（间隔 ${DEFAULT_SYNC_SETTINGS.delayMs} 毫秒、${DEFAULT_SYNC_SETTINGS.maxPages} 页）同步，请在“抓取设置”中改正`,
  };
}
export { DEFAULT_SYNC_SETTINGS, type SyncSettings };

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
  firstSync: v.optional(v.picklist(['newest', 'all']), 'newest'),
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
    /**
     * Removes the source, its memberships and its sync bookkeeping. Its articles stay in the
     * library (with the user's reading, highlights and notes); one that another source also
     * lists now shows that source as its own.
     */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [db.sources, db.fetchState, db.syncLog, db.memberships, db.articles], async () => {
        const gone = await db.memberships.where('sourceId').equals(id).toArray();
        await db.memberships.where('sourceId').equals(id).delete();
        for (const articleId of new Set(gone.map((m) => m.articleId))) {
          const article = await db.articles.get(articleId);
          if (!article) continue;
          const left = await db.memberships.where('articleId').equals(articleId).sortBy('addedAt');
          const patch: Partial<ArticleRow> = { placement: placementLabel(left) };
          const heir = left[0];
          if (article.sourceId === id && heir)
            Object.assign(patch, { sourceId: heir.sourceId, sourceName: heir.sourceName, column: heir.column || null });
          await db.articles.update(articleId, patch);
        }
        await db.sources.delete(id);
        await db.fetchState.where('sourceId').equals(id).delete();
        await db.syncLog.where('sourceId').equals(id).delete();
      });
    },
    async recordRun(id: string, patch: Pick<SourceRow, 'lastSyncAt' | 'lastError' | 'counts'>): Promise<void> {
      await db.sources.update(id, patch);
    },
    /**
     * Every page the source has given us, with validators: the basis of an incremental sync.
     * Its articles are its memberships (also those another source stored first); validators
     * belong to the URL, whichever source fetched it last.
     */
    async known(id: string): Promise<KnownPage[]> {
      const [memberships, pages] = await Promise.all([
        db.memberships.where('sourceId').equals(id).toArray(),
        db.fetchState.where('sourceId').equals(id).toArray(),
      ]);
      const articles = (await db.articles.bulkGet([...new Set(memberships.map((m) => m.articleId))])).filter((a) => a !== undefined);
      const validators = new Map(pages.map((p) => [p.urlKey, p]));
      const missing = articles.filter((a) => !validators.has(a.urlKey)).map((a) => a.urlKey);
      for (const p of await db.fetchState.bulkGet(missing)) if (p) validators.set(p.urlKey, p);
      const byKey = new Map<string, KnownPage>();
      for (const a of articles) {
        const p = validators.get(a.urlKey);
        byKey.set(a.urlKey, {
          urlKey: a.urlKey,
          etag: p?.etag ?? null,
          lastModified: p?.lastModified ?? null,
          contentHash: a.contentHash,
          publishedAt: a.publishedAt,
          ...(p?.href && p.href.length <= 2048 ? { href: p.href } : {}),
          ...(p?.failures ? { failures: Math.min(p.failures, 1000), retryAt: p.retryAt ?? p.checkedAt } : {}),
          // Main fetches the ones not stored yet, also when the article itself is unchanged.
          ...(a.attachments?.length ? { attachments: a.attachments } : {}),
          ...(p?.attachment ? { attachment: p.attachment } : {}),
        });
      }
      for (const p of pages) {
        if (byKey.has(p.urlKey)) continue;
        byKey.set(p.urlKey, {
          urlKey: p.urlKey,
          etag: p.etag,
          lastModified: p.lastModified,
          contentHash: p.contentHash,
          publishedAt: null,
          ...(p.href && p.href.length <= 2048 ? { href: p.href } : {}),
          ...(p.failures ? { failures: Math.min(p.failures, 1000), retryAt: p.retryAt ?? p.checkedAt } : {}),
          ...(p.attachment ? { attachment: p.attachment } : {}),
        });
      }
      return [...byKey.values()];
    },
    /** The source's articles (共 N 篇): its memberships, one per article. */
    async articleCount(id: string): Promise<number> {
      const rows = await db.memberships.where('sourceId').equals(id).toArray();
      return new Set(rows.map((m) => m.articleId)).size;
    },
    async log(entry: Omit<SyncLogRow, 'id'>): Promise<void> {
      await db.syncLog.add(entry);
    },
    recentLog: (id: string, limit = 200): Promise<SyncLogRow[]> => db.syncLog.where('sourceId').equals(id).reverse().limit(limit).toArray(),
  };
}
