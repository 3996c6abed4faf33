import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import type { Api } from '../../shared/contract';
import type { ArticlePayload } from '../../shared/domain/article';
import { ensureSampleLibrary, SAMPLE_FLAG } from '../../renderer/core/library';
import { createArticleRepository, createReadingRepository, createSettingsRepository } from '../../renderer/db/repositories';
import { YanduDB } from '../../renderer/db/schema';
import { DEFAULT_READER_SETTINGS, ReaderSettingsSchema } from '../../renderer/stores/readerSettings';

let counter = 0;
const open: YanduDB[] = [];
function freshDb(): YanduDB {
  const db = new YanduDB(`test-${++counter}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function article(n: number, overrides: Partial<ArticlePayload> = {}): ArticlePayload {
  const text = `第${n}篇文章的正文。\n第二段：学习贯彻，知行合一。`;
  return {
    id: `a_test${n}`,
    urlKey: `sample:test-${n}`,
    url: null,
    title: `测试文章${n}`,
    publishedAt: '2024-03-05',
    origin: '研读编辑部',
    author: null,
    editor: null,
    column: '学习参考',
    sourceId: 'sample',
    sourceName: '示例文库',
    html: `<p>第${n}篇文章的正文。</p><p>第二段：学习贯彻，知行合一。</p>`,
    text,
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

describe('schema', () => {
  it('declares the library, user and sync tables', async () => {
    const db = freshDb();
    await db.open();
    // Later versions add tables (v3 search index, v4 study sessions); these must all be there.
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      expect.arrayContaining([
        'articles',
        'bodies',
        'fetchState',
        'highlights',
        'notes',
        'reading',
        'settings',
        'sources',
        'searchDocs',
        'searchPending',
        'searchPostings',
        'syncLog',
        'versions',
      ]),
    );
    expect(db.articles.schema.idxByName.urlKey?.unique).toBe(true);
  });
});

describe('article repository', () => {
  it('stores rows and bodies apart, with a 字 count, and skips known URL keys', async () => {
    const db = freshDb();
    const repo = createArticleRepository(db);
    expect(await repo.addMany([article(1), article(2)])).toBe(2);
    expect(await repo.addMany([article(2), article(3), article(3)])).toBe(1);
    expect(await repo.count()).toBe(3);
    const row = await repo.get('a_test1');
    expect(row).toMatchObject({ title: '测试文章1', zi: [...'第1篇文章的正文。第二段：学习贯彻，知行合一。'].length });
    expect(row).not.toHaveProperty('text');
    expect((await repo.getBody('a_test1'))?.text).toContain('知行合一');
  });

  it('writes nothing when any article of a batch fails', async () => {
    const db = freshDb();
    const repo = createArticleRepository(db);
    await repo.addMany([article(1)]);
    // Same id, different URL key: the bodies insert collides, and the whole batch must roll back.
    await expect(repo.addMany([article(5), article(6, { id: 'a_test1', urlKey: 'sample:other' })])).rejects.toThrow();
    expect(await db.articles.count()).toBe(1);
    expect(await db.bodies.count()).toBe(1);
  });
});

describe('reading and settings repositories', () => {
  it('saves a validated reading position', async () => {
    const db = freshDb();
    const reading = createReadingRepository(db);
    await reading.save('a1', { block: 3, offset: 0.25, progress: 0.4 });
    expect(await reading.get('a1')).toMatchObject({ block: 3, offset: 0.25, progress: 0.4 });
    await expect(reading.save('a1', { block: -1, offset: 2, progress: 0 })).rejects.toThrow();
    expect(await reading.get('a1')).toMatchObject({ block: 3 });
  });

  it('reads a corrupt setting as the default and refuses to write an invalid one', async () => {
    const db = freshDb();
    const settings = createSettingsRepository(db);
    await db.settings.put({ key: 'reader', value: { fontSize: 900, theme: 'neon' } });
    expect(await settings.get('reader', ReaderSettingsSchema, DEFAULT_READER_SETTINGS)).toEqual(DEFAULT_READER_SETTINGS);
    await expect(settings.set('reader', ReaderSettingsSchema, { ...DEFAULT_READER_SETTINGS, fontSize: 13 })).rejects.toThrow();
    await settings.set('reader', ReaderSettingsSchema, { ...DEFAULT_READER_SETTINGS, fontSize: 24 });
    expect((await settings.get('reader', ReaderSettingsSchema, DEFAULT_READER_SETTINGS)).fontSize).toBe(24);
    expect(await settings.get('missing', v.string(), 'fallback')).toBe('fallback');
  });
});

describe('first run', () => {
  function fakeApi(payloads: ArticlePayload[] | Error): { api: Api; sample: ReturnType<typeof vi.fn> } {
    const sample = vi.fn(async () => {
      if (payloads instanceof Error) throw payloads;
      return payloads;
    });
    return { api: { library: { sample } } as unknown as Api, sample };
  }

  it('imports the sample library once, with its flag in the same transaction', async () => {
    const db = freshDb();
    const { api, sample } = fakeApi([article(1), article(2)]);
    expect(await ensureSampleLibrary(db, api)).toBe(2);
    expect(await ensureSampleLibrary(db, api)).toBe(0);
    expect(sample).toHaveBeenCalledTimes(1);
    expect((await db.settings.get(SAMPLE_FLAG))?.value).toBe(true);
  });

  it('does not import again after the user deleted the samples', async () => {
    const db = freshDb();
    const { api } = fakeApi([article(1)]);
    await ensureSampleLibrary(db, api);
    await db.articles.clear();
    expect(await ensureSampleLibrary(db, api)).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });

  it('leaves nothing behind when the host fails', async () => {
    const db = freshDb();
    const { api } = fakeApi(new Error('host down'));
    await expect(ensureSampleLibrary(db, api)).rejects.toThrow('host down');
    expect(await db.settings.get(SAMPLE_FLAG)).toBeUndefined();
    expect(await db.articles.count()).toBe(0);
  });
});
