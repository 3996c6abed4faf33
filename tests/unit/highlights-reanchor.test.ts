import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeSelector } from '../../shared/anchoring';
import type { HighlightRow } from '../../renderer/db/schema';
import { YanduDB } from '../../renderer/db/schema';
import { reanchorArticle } from '../../renderer/core/highlights/reanchor';

let counter = 0;
const open: YanduDB[] = [];
function freshDb(): YanduDB {
  const db = new YanduDB(`reanchor-${++counter}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const P1 = '调查研究是谋事之基、成事之道。没有调查，就没有发言权；没有深入的调查，就没有正确的决策。';
const P3 = '调研中要防止走马观花，既要身入基层，更要心到基层，真正把情况摸清、把问题找准、把对策提实。';
const P4 = '这一段在新版本里被整段删除了，里面的划线应当成为孤立的划线，而不能被放到别处。';
const P5 = '最后一段保持不变：把调研成果转化为解决问题的实际举措，推动工作落地见效。';
const OLD = [
  P1,
  '各级领导干部要把调查研究作为基本功，经常到基层去，同群众面对面交流，听真话、察实情，把群众的意见建议作为改进工作的重要依据。',
  P3,
  P4,
  P5,
].join('\n');
// Words inserted before the highlighted passage of paragraph 2; paragraph 4 deleted.
const NEW = [
  P1,
  '各级领导干部要始终把调查研究作为一项基本功，经常深入到基层去，同群众面对面交流，听真话、察实情，把群众的意见建议作为改进工作的重要依据。',
  P3,
  P5,
].join('\n');

function hl(id: string, text: string, phrase: string, version = 1): HighlightRow {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return {
    id,
    articleId: 'a1',
    layer: 'personal',
    color: 'yellow',
    style: 'fill',
    selector: describeSelector(text, start, start + phrase.length),
    articleVersion: version,
    orphan: false,
    tags: ['调研'],
    comment: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

async function seed(db: YanduDB, version: number, text: string, rows: HighlightRow[]) {
  await db.articles.put({
    id: 'a1',
    version,
    updatedAt: null,
    urlKey: 'k1',
    url: null,
    title: '测试',
    publishedAt: null,
    origin: null,
    author: null,
    editor: null,
    column: null,
    sourceId: 's',
    sourceName: 's',
    zi: 1,
    contentHash: 'h',
    addedAt: '2024-01-01',
  });
  await db.bodies.put({ articleId: 'a1', html: '', text });
  await db.highlights.bulkPut(rows);
}

describe('reanchorArticle', () => {
  it('moves highlights in edited paragraphs, orphans the ones whose text is gone, never deletes', async () => {
    const db = freshDb();
    const rows = [
      hl('same', OLD, '没有调查，就没有发言权'),
      hl('edited', OLD, '同群众面对面交流，听真话、察实情'),
      hl('gone', OLD, '里面的划线应当成为孤立的划线'),
      hl('last', OLD, '转化为解决问题的实际举措'),
    ];
    await seed(db, 2, NEW, rows);
    const result = await reanchorArticle(db, 'a1');
    expect(result).toEqual({ moved: 2, orphaned: 1, unchanged: 1 });
    expect(await db.highlights.count()).toBe(4);
    const byId = new Map((await db.highlights.toArray()).map((r) => [r.id, r]));
    for (const id of ['same', 'edited', 'last']) {
      const r = byId.get(id)!;
      expect(r.orphan).toBe(false);
      expect(r.articleVersion).toBe(2);
      expect(NEW.slice(r.selector.start, r.selector.end)).toBe(r.selector.exact);
    }
    expect(byId.get('edited')!.selector.exact).toBe('同群众面对面交流，听真话、察实情');
    expect(byId.get('edited')!.selector.start).toBe(NEW.indexOf('同群众面对面交流'));
    const gone = byId.get('gone')!;
    expect(gone.orphan).toBe(true);
    // The old selector is kept (for a later retry or a manual re-placement) and so is the old version.
    expect(gone.selector).toEqual(rows[2]!.selector);
    expect(gone.articleVersion).toBe(1);
    expect(gone.tags).toEqual(['调研']);
  });

  it('does nothing when every highlight is on the current version, and is idempotent', async () => {
    const db = freshDb();
    await seed(db, 1, OLD, [hl('x', OLD, '成事之道')]);
    expect(await reanchorArticle(db, 'a1')).toEqual({ moved: 0, orphaned: 0, unchanged: 0 });
    await db.articles.update('a1', { version: 2 });
    await db.bodies.put({ articleId: 'a1', html: '', text: NEW });
    expect(await reanchorArticle(db, 'a1')).toEqual({ moved: 0, orphaned: 0, unchanged: 1 });
    expect(await reanchorArticle(db, 'a1')).toEqual({ moved: 0, orphaned: 0, unchanged: 0 });
  });

  it('retries an orphan when yet another version brings its text back', async () => {
    const db = freshDb();
    await seed(db, 2, NEW, [hl('gone', OLD, '里面的划线应当成为孤立的划线')]);
    await reanchorArticle(db, 'a1');
    expect((await db.highlights.get('gone'))!.orphan).toBe(true);
    await db.articles.update('a1', { version: 3 });
    await db.bodies.put({ articleId: 'a1', html: '', text: OLD });
    expect(await reanchorArticle(db, 'a1')).toEqual({ moved: 0, orphaned: 0, unchanged: 1 });
    const r = (await db.highlights.get('gone'))!;
    expect(r).toMatchObject({ orphan: false, articleVersion: 3 });
  });

  it('turns a malformed stored selector into an orphan rather than failing', async () => {
    const db = freshDb();
    const bad = hl('bad', OLD, '成事之道');
    bad.selector = { ...bad.selector, exact: '' };
    await seed(db, 2, NEW, [bad]);
    expect(await reanchorArticle(db, 'a1')).toEqual({ moved: 0, orphaned: 1, unchanged: 0 });
    expect(await db.highlights.count()).toBe(1);
  });

  it('places a 2-unit highlight and a moved paragraph by their context, in one batch', async () => {
    const db = freshDb();
    // "调查" occurs many times; the highlighted one is in the paragraph that moves to the top.
    const short = OLD.indexOf('调查研究作为基本功');
    const rows = [
      hl('moved', OLD, '既要身入基层，更要心到基层'),
      { ...hl('short', OLD, '调查研究作为基本功'), selector: describeSelector(OLD, short, short + 2) },
    ];
    const lines = OLD.split('\n');
    const moved = [lines[2], lines[0], lines[1], lines[4]].join('\n');
    await seed(db, 2, moved, rows);
    expect(await reanchorArticle(db, 'a1')).toEqual({ moved: 2, orphaned: 0, unchanged: 0 });
    const inside = moved.indexOf('既要身入基层，更要心到基层');
    expect(inside).toBeLessThan(P3.length);
    expect((await db.highlights.get('moved'))!.selector).toMatchObject({ start: inside, exact: '既要身入基层，更要心到基层' });
    const at = moved.indexOf('调查研究作为基本功');
    expect((await db.highlights.get('short'))!.selector).toMatchObject({ start: at, end: at + 2, exact: '调查' });
  });

  it('returns zeros for an unknown article', async () => {
    const db = freshDb();
    expect(await reanchorArticle(db, 'nope')).toEqual({ moved: 0, orphaned: 0, unchanged: 0 });
  });
});
