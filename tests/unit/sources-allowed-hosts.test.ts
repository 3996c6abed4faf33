/** The hosts a user adds to a source: validated with a Chinese message, stored, sent with each sync request. */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncRequestSchema } from '../../shared/domain/sync';
import { createSourceRepository } from '../../renderer/db/sources';
import { YanduDB } from '../../renderer/db/schema';

const dbs: YanduDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const base = {
  kind: 'cms' as const,
  location: 'http://10.0.0.5/dqgz/',
  name: '党建',
  column: null,
  schedule: { mode: 'manual' as const },
  enabled: true,
};

describe('a source’s added hosts', () => {
  it('stores origins, refuses paths and other schemes with a Chinese message and changes nothing', async () => {
    const db = new YanduDB('allowed-hosts-1');
    dbs.push(db);
    const repo = createSourceRepository(db);
    const s = await repo.add({ ...base, allowedHosts: [' http://IMG.intra.cn:8080/ ', 'https://files.intra.cn'] });
    expect(s.allowedHosts).toEqual(['http://img.intra.cn:8080', 'https://files.intra.cn']);
    for (const bad of ['http://img.intra.cn/pics/', 'file:///etc', 'ftp://x.cn', 'http://u:p@x.cn']) {
      await expect(repo.update(s.id, { ...base, allowedHosts: [bad] })).rejects.toThrow(/另外允许的网站应写成/);
    }
    expect((await repo.get(s.id))!.allowedHosts).toEqual(['http://img.intra.cn:8080', 'https://files.intra.cn']);
    // A row from before the field existed reads as none.
    const old = await repo.add(base);
    expect(old.allowedHosts).toEqual([]);
  });

  it('travels in the sync request as the contract validates it', () => {
    const request = {
      runId: 'run_hosts',
      source: { id: 's_1', kind: 'cms', location: base.location, name: '党建', column: null, allowedHosts: ['http://img.intra.cn:8080'] },
      known: [],
      fullRescan: false,
      maxPages: 3,
      delayMs: 0,
    };
    expect(v.safeParse(SyncRequestSchema, request).success).toBe(true);
    const withPath = { ...request, source: { ...request.source, allowedHosts: ['http://img.intra.cn/x/'] } };
    expect(v.safeParse(SyncRequestSchema, withPath).success).toBe(false);
  });
});

describe('sync settings out of range', () => {
  it('are reported in Chinese with what is used instead, never a silent fallback', async () => {
    const { readSyncSettings, DEFAULT_SYNC_SETTINGS } = await import('../../renderer/db/sources');
    expect(await readSyncSettings(async () => undefined)).toEqual({ settings: DEFAULT_SYNC_SETTINGS, problem: null });
    expect(await readSyncSettings(async () => ({ value: { delayMs: 0, maxPages: 40 } }))).toEqual({
      settings: { delayMs: 0, maxPages: 40 },
      problem: null,
    });
    const bad = await readSyncSettings(async () => ({ value: { delayMs: 0, maxPages: 1000 } }));
    expect(bad.settings).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(bad.problem).toMatch(/^抓取设置无效（日常同步最多读取的列表页数应为 1 到 100 之间的整数），本次按默认设置/);
  });
});
