import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticlePayload } from '../../shared/domain/article';
import type { SyncBatch } from '../../shared/domain/sync';
import {
  buildSegment,
  decodePostings,
  locatePostings,
  mergeRecords,
  PostingBuffer,
  readPostings,
  recordRange,
  type PostingList,
} from '../../shared/search/postings';
import { makeSnippet, verify } from '../../shared/search/match';
import { parseQuery } from '../../shared/search/query';
import { idf, termScore } from '../../shared/search/rank';
import { FLAG_TITLE, foldCase, indexTermsOf, SEARCH_INDEX_VERSION, termHash } from '../../shared/search/tokenize';
import { createArticleRepository, createHighlightRepository } from '../../renderer/db/repositories';
import { createNotesService, newDraft } from '../../renderer/core/notes';
import { YanduDB, type HighlightRow } from '../../renderer/db/schema';
import {
  compactSearchIndex,
  openSearchIndex,
  pickRecordsToMerge,
  prepareArticles,
  rebuildSearchIndex,
  SEARCH_META_KEY,
} from '../../renderer/db/searchIndex';
import { BUCKETS } from '../../shared/search/tokenize';
import { applySyncBatch } from '../../renderer/core/sync/writer';
import { search } from '../../renderer/core/search/engine';
import { hitHref } from '../../renderer/features/search/links';

let n = 0;
const dbs: YanduDB[] = [];
function freshDb() {
  const db = new YanduDB(`search-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function payload(key: string, title: string, text: string, extra: Partial<ArticlePayload> = {}): ArticlePayload {
  return {
    id: `a_${key}`,
    urlKey: `http://intranet.test/${key}.html`,
    url: `http://intranet.test/${key}.html`,
    title,
    publishedAt: '2024-05-06',
    origin: '研读编辑部',
    author: null,
    editor: null,
    column: '学习参考',
    sourceId: 's_1',
    sourceName: '内网',
    html: text
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join(''),
    text,
    contentHash: (key + text.length).padEnd(64, '0').slice(0, 64),
    ...extra,
  };
}
// Each batch its own number, as in a real run (a batch number seen before is a replay and is not written again).
let batchSeq = 0;
const batch = (articles: ArticlePayload[]): SyncBatch => ({
  runId: 'r_test',
  sourceId: 's_1',
  seq: batchSeq++,
  articles,
  pages: articles.map((a) => ({ urlKey: a.urlKey, etag: null, lastModified: null, contentHash: a.contentHash })),
});

/**
 * Texts over a small alphabet (every bigram is everywhere, so phrases are decided by the
 * follower masks and verification), and the seeded generator that made them (for queries).
 */
function smallAlphabetTexts(o: { count: number; seed: number; min: number; spread: number; newlines: boolean }) {
  const chars = '的一是在不了有和人这中大为上个国我以要他';
  let seed = o.seed;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const texts = Array.from({ length: o.count }, () => {
    let t = '';
    const n = o.min + Math.floor(rnd() * o.spread);
    for (let i = 0; i < n; i++) t += o.newlines && rnd() < 0.05 ? '\n' : chars[Math.floor(rnd() * rnd() * chars.length)];
    return t;
  });
  return { texts, rnd };
}

const LIBRARY = [
  payload('1', '强化对一把手的监督', '加强对一把手和领导班子的监督，是全面从严治党的重要内容。\n权力监督要落到实处。'),
  payload('2', '年度考核办法', '年度考核要突出监督重点，考核结果与干部使用挂钩。'),
  payload('3', '调查研究是基本功', '调查研究要深入基层，GB/T 9704 规定了公文格式。2024年工作要点。'),
  payload('4', '关于权力的几点思考', '权力必须受到制约。对权力运行的监督，关键在制度。', {
    publishedAt: '2023-01-02',
    origin: '中国纪检监察报',
  }),
];

describe('tokeniser', () => {
  it('indexes Han bigrams, long segmenter words and lower-cased Latin tokens', () => {
    const terms = indexTermsOf('全面从严治党 GB/T 9704');
    expect(terms).toEqual(expect.arrayContaining(['全面', '面从', '从严', '严治', '治党', 'gb', 't', '9704']));
    // Every substring of two characters is a term.
    const text = '加强对一把手的监督';
    const all = indexTermsOf(text);
    for (let i = 0; i + 2 <= text.length; i++) expect(all).toContain(text.slice(i, i + 2));
    expect(indexTermsOf('一把手的监督')).toContain('一把手');
    expect(SEARCH_INDEX_VERSION).toBeGreaterThan(0);
    expect(foldCase('GB/T')).toBe('gb/t');
  });

  it('stores postings in bucket records that decode to what went in', () => {
    const docs = [1, 5, 9].map((num) => {
      // [hash, flags] pairs in hash order.
      const terms = [
        [termHash('监督'), num === 5 ? FLAG_TITLE : 0],
        [termHash('权力'), 1],
      ].sort((a, b) => a[0]! - b[0]!);
      return { num, hashes: Uint32Array.from(terms, (t) => t[0]!), flags: Uint8Array.from(terms, (t) => t[1]!) };
    });
    const records = new Map(buildSegment(docs));
    const h = termHash('监督');
    const buffer = new PostingBuffer();
    const record = [...records.values()].find((r) => readPostings(r, h, buffer));
    expect(record).toBeDefined();
    expect([...buffer.list().docs]).toEqual([1, 5, 9]);
    expect([...buffer.list().flags]).toEqual([0, FLAG_TITLE, 0]);
  });
});

describe('compaction', () => {
  // Documents with random subsets of a few terms, with and without follower masks.
  const words = ['监督', '权力', '制度', '考核', '巡视', '整改', 'abc', '学习'];
  function randomDocs(from: number, count: number, seed: number) {
    let x = seed;
    const rnd = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296;
    let num = from;
    return Array.from({ length: count }, () => {
      const chosen = words.filter(() => rnd() < 0.5);
      const hashes = Uint32Array.from(chosen.map(termHash).sort((a, b) => a - b));
      num += 1 + Math.floor(rnd() * 3);
      return { num, hashes, flags: Uint8Array.from(hashes, () => Math.floor(rnd() * 8)) };
    });
  }
  const readAll = (records: Uint8Array[], word: string): { docs: number[]; flags: number[]; pass: number[] } => {
    const buffer = new PostingBuffer();
    for (const r of records) readPostings(r, termHash(word), buffer, [123456789]);
    const list: PostingList = buffer.list();
    return { docs: [...list.docs], flags: [...list.flags], pass: [...list.pass] };
  };
  const byBucket = (segments: [number, Uint8Array][][]) => {
    const m = new Map<number, Uint8Array[]>();
    for (const seg of segments) for (const [b, r] of seg) m.set(b, [...(m.get(b) ?? []), r]);
    return m;
  };

  it('folds records of several segments into one that decodes to the same postings', () => {
    const segments = [randomDocs(1, 40, 1), randomDocs(200, 50, 2), randomDocs(500, 30, 3)].map(buildSegment);
    for (const [, records] of byBucket(segments)) {
      // Any order of inputs gives the same result, in document order.
      const merged = mergeRecords([...records].reverse())!;
      for (const w of words) {
        const want = readAll(records, w);
        const got = readAll([merged], w);
        const order = want.docs.map((_, i) => i).sort((a, b) => want.docs[a]! - want.docs[b]!);
        expect(got.docs).toEqual(order.map((i) => want.docs[i]));
        expect(got.flags).toEqual(order.map((i) => want.flags[i]));
        expect(got.pass).toEqual(order.map((i) => want.pass[i]));
      }
      const range = recordRange(merged);
      expect(range.base).toBe(Math.min(...records.map((r) => recordRange(r).base)));
      expect(range.last).toBe(Math.max(...records.map((r) => recordRange(r).last)));
    }
  });

  it('drops postings of dead documents and keeps the first of a duplicated document', () => {
    const a = buildSegment(randomDocs(1, 30, 5));
    const [bucket, record] = a[0]!;
    const first = recordRange(record).base;
    const merged = mergeRecords([record], (n) => n === first);
    expect(
      readAll(
        [record],
        words.find((w) => readAll([record], w).docs.includes(first))!,
      ).docs,
    ).toContain(first);
    for (const w of words) expect(readAll(merged ? [merged] : [], w).docs).not.toContain(first);
    expect(mergeRecords([record], () => true)).toBeNull();
    // The same document in two records (a merged pending segment overlapping): one posting.
    const twice = mergeRecords([record, record])!;
    for (const w of words) expect(readAll([twice], w).docs).toEqual(readAll([record], w).docs);
    expect(bucket).toBeLessThan(BUCKETS);
  });

  it('decodes just the asked documents, with the same flags and mask answers', () => {
    const [, record] = buildSegment(randomDocs(1, 60, 9)).find(([, r]) => readAll([r], '监督').docs.length > 10)!;
    const full = readAll([record], '监督');
    const only = Int32Array.from(
      full.docs
        .filter((_, i) => i % 3 === 1)
        .concat([0, 100000])
        .sort((a, b) => a - b),
    );
    const at = locatePostings(record, termHash('监督'))!;
    const buffer = new PostingBuffer();
    decodePostings(record, at, buffer, [123456789], only);
    const got = buffer.list();
    const want = full.docs.flatMap((d, i) => (only.includes(d) ? [i] : []));
    expect([...got.docs]).toEqual(want.map((i) => full.docs[i]));
    expect([...got.flags]).toEqual(want.map((i) => full.flags[i]));
    expect([...got.pass]).toEqual(want.map((i) => full.pass[i]));
  });

  it('picks records by size tiers', () => {
    expect(pickRecordsToMerge([10, 10, 10])).toEqual([]);
    expect(pickRecordsToMerge([10, 10, 10, 10])).toEqual([0, 1, 2, 3]);
    // A big record waits until the small ones add up to half of it.
    expect(pickRecordsToMerge([1000, 10, 10, 10])).toEqual([1, 2, 3]);
    expect(pickRecordsToMerge([100, 20, 20, 20])).toEqual([0, 1, 2, 3]);
    expect(pickRecordsToMerge([10, 10], true)).toEqual([0, 1]);
  });
});

describe('query parser', () => {
  it('parses words, phrases in both quote styles, exclusions and filters', () => {
    const q = parseQuery(
      '一把手 监督 "权力监督" “纪检监察” -考核 来源:人民日报 栏目：廉政 日期:2024-01..2024-06 有:划线 颜色:黄 标签:重点 类型:心得',
    );
    expect(q.terms.map((t) => [t.text, t.phrase])).toEqual([
      ['一把手', false],
      ['监督', false],
      ['权力监督', true],
      ['纪检监察', true],
    ]);
    expect(q.exclude.map((t) => t.text)).toEqual(['考核']);
    expect(q.filters).toEqual({
      source: '人民日报',
      column: '廉政',
      from: '2024-01-01',
      to: '2024-06-31',
      hasHighlights: true,
      color: 'yellow',
      tag: '重点',
      noteKind: 'reflection',
    });
    expect(parseQuery('权力监督').terms.length).toBeGreaterThanOrEqual(1);
    expect(parseQuery('党').hasSearchableTerm).toBe(false);
  });

  it('verifies phrases exactly and exclusions strictly', () => {
    const phrase = parseQuery('"权力监督"');
    expect(verify(['对权力的监督'], phrase.terms, phrase.exclude)).toBe(false);
    expect(verify(['权力监督要落实'], phrase.terms, phrase.exclude)).toBe(true);
    const words = parseQuery('权力 监督 -考核');
    expect(verify(['对权力的监督'], words.terms, words.exclude)).toBe(true);
    expect(verify(['对权力的监督和考核'], words.terms, words.exclude)).toBe(false);
    // Latin terms match whole words only.
    const latin = parseQuery('gb');
    expect(verify(['gbk 编码'], latin.terms, [])).toBe(false);
    expect(verify([foldCase('GB/T 9704')], latin.terms, [])).toBe(true);
  });

  it('builds snippets around the first match with every match marked', () => {
    const text = '前'.repeat(100) + '监督一把手，一把手要带头' + '后'.repeat(100);
    const s = makeSnippet(text, text, parseQuery('一把手').terms)!;
    expect(s.at).toBe(102);
    expect(s.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['一把手', '一把手']);
    expect(s.parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(84);
  });

  it('prefers the window where the most different words of the query meet', () => {
    const text = '学习' + '。'.repeat(200) + '监督' + '。'.repeat(200) + '加强学习，强化监督。' + '。'.repeat(200);
    const s = makeSnippet(text, text, parseQuery('学习 监督').terms)!;
    expect(s.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['学习', '监督']);
    expect(s.at).toBe(text.indexOf('加强学习') + 2);
    expect(s.length).toBe(2);
    // Only one of them anywhere: around its first match, as before.
    const one = makeSnippet(text, text, parseQuery('监督').terms)!;
    expect(one.at).toBe(202);
  });
});

describe('ranking', () => {
  it('weighs rarer terms, higher tf and title matches more', () => {
    expect(idf(1000, 5)).toBeGreaterThan(idf(1000, 500));
    expect(termScore(1, 3, 100, 100)).toBeGreaterThan(termScore(1, 0, 100, 100));
    expect(termScore(1, FLAG_TITLE, 100, 100)).toBeGreaterThan(termScore(1, 0, 100, 100));
    expect(termScore(1, 0, 50, 100)).toBeGreaterThan(termScore(1, 0, 500, 100));
  });
});

describe('two tabs on one library', () => {
  it('each tab writes after the other (notes, imports, an import prepared before the other tab wrote) and everything is found', async () => {
    const a = freshDb();
    await a.open();
    expect(await openSearchIndex(a)).toBe(false);
    const b = new YanduDB(a.name);
    try {
      await createArticleRepository(b).addMany([payload('t1', '乙窗口导入', '第一篇讲调查研究。')]);
      await createNotesService(a).save({ ...newDraft('note', null, null), title: '甲窗口笔记', doc: { type: 'doc', content: [] } });
      // Before the fix: b's counters were behind a's and this failed on a taken document number.
      await createArticleRepository(b).addMany([payload('t2', '乙窗口再导入', '第二篇讲理论武装。')]);
      // Prepared (numbers handed out) in b, then a writes, then b's write: built again past a's numbers.
      const later = [payload('t3', '乙窗口第三篇', '第三篇讲学以致用。')];
      const prepared = await prepareArticles(b, later);
      await createArticleRepository(a).addMany([payload('t4', '甲窗口导入', '第四篇讲知行合一。')]);
      await createNotesService(a).save({ ...newDraft('note', null, null), title: '甲窗口又一笔记', doc: { type: 'doc', content: [] } });
      await createArticleRepository(b).addMany(later, undefined, prepared);
      expect(await a.articles.count()).toBe(4);
      // A fresh connection (a reloaded tab) finds every article by its words.
      const c = new YanduDB(a.name);
      try {
        await c.open();
        await openSearchIndex(c);
        for (const [word, id] of [
          ['调查研究', 'a_t1'],
          ['理论武装', 'a_t2'],
          ['学以致用', 'a_t3'],
          ['知行合一', 'a_t4'],
        ] as const)
          expect(
            (await search(c, word)).articles.map((h) => h.id),
            word,
          ).toEqual([id]);
      } finally {
        c.close();
      }
    } finally {
      b.close();
    }
  });
});

describe('search over the library', () => {
  async function library() {
    const db = freshDb();
    await db.open();
    expect(await openSearchIndex(db)).toBe(false);
    await createArticleRepository(db).addMany(LIBRARY);
    return db;
  }
  const ids = (r: { articles: { id: string }[] }) => r.articles.map((h) => h.id).sort();

  it('finds every article containing the words, with marked snippets and title matches first', async () => {
    const db = await library();
    const r = await search(db, '一把手 监督');
    expect(ids(r)).toEqual(['a_1']);
    expect(r.articles[0]!.snippet!.parts.some((p) => p.mark && p.text === '一把手')).toBe(true);
    expect(hitHref(r.articles[0]!)).toMatch(/^#\/read\/a_1\?at=\d+&len=3$/);
    const m = await search(db, '监督');
    expect(ids(m)).toEqual(['a_1', 'a_2', 'a_4']);
    expect(m.articles[0]!.id).toBe('a_1'); // in the title
    expect(m.exact).toBe(true);
    expect(m.totals.articles).toBe(3);
  });

  it('keeps phrases exact and applies exclusions and filters', async () => {
    const db = await library();
    expect(ids(await search(db, '"权力监督"'))).toEqual(['a_1']);
    expect(ids(await search(db, '“权力的监督”'))).toEqual([]);
    expect(ids(await search(db, '监督 -考核'))).toEqual(['a_1', 'a_4']);
    expect(ids(await search(db, '监督 来源:中国纪检监察报'))).toEqual(['a_4']);
    expect(ids(await search(db, '监督 日期:2024'))).toEqual(['a_1', 'a_2']);
    expect(ids(await search(db, 'gb 9704'))).toEqual(['a_3']);
    expect(ids(await search(db, '监督', { sort: 'date' }))[0]).toBe('a_1');
    const byDate = await search(db, '监督', { sort: 'date' });
    expect(byDate.articles.at(-1)!.id).toBe('a_4');
    expect((await search(db, '党')).tooShort).toBe(true);
    expect((await search(db, '')).empty).toBe(true);
  });

  it('stays right after a sync batch changes an article, and after deletes', async () => {
    const db = freshDb();
    await db.open();
    await openSearchIndex(db);
    await applySyncBatch(db, batch(LIBRARY.slice(0, 2)));
    expect(ids(await search(db, '一把手'))).toEqual(['a_1']);
    const changed = { ...LIBRARY[0]!, id: 'a_other', text: '新的正文讲巡视整改，不再提那个词。', contentHash: 'c'.repeat(64) };
    const r = await applySyncBatch(db, batch([changed]));
    expect(r.updated).toBe(1);
    expect(ids(await search(db, '巡视整改'))).toEqual(['a_1']);
    // The old text's words are gone from the body; the title still has 一把手.
    const old = await search(db, '领导班子');
    expect(ids(old)).toEqual([]);
    const after = await search(db, '一把手');
    expect(ids(after)).toEqual(['a_1']);
    // Not the old body's text (searched, and so remembered, before the change): the title.
    expect(after.articles[0]!.field).toBe('title');
    await createArticleRepository(db).remove(['a_1']);
    expect(ids(await search(db, '一把手'))).toEqual([]);
    expect(ids(await search(db, '巡视'))).toEqual([]);
    expect(ids(await search(db, '考核'))).toEqual(['a_2']);
  });

  it('indexes notes and highlights with their writes and drops them on delete', async () => {
    const db = await library();
    const notes = createNotesService(db);
    const draft = newDraft('reflection', 'a_1', null);
    const saved = await notes.save({
      ...draft,
      title: '学习心得',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '要把巡视整改和日常监督贯通起来。' }] }] },
      tags: ['重点'],
    });
    const now = new Date().toISOString();
    const h: HighlightRow = {
      id: 'h_1',
      articleId: 'a_2',
      layer: 'personal',
      color: 'green',
      style: 'fill',
      selector: { exact: '考核结果与干部使用挂钩', prefix: '', suffix: '', start: 12, end: 23 },
      articleVersion: 1,
      orphan: false,
      tags: ['考评'],
      comment: '注意结果运用',
      createdAt: now,
      updatedAt: now,
    };
    await createHighlightRepository(db).put(h);
    let r = await search(db, '巡视整改');
    expect(r.notes.map((x) => x.id)).toEqual([saved.id]);
    expect(hitHref(r.notes[0]!)).toBe(`#/notebook?note=${saved.id}`);
    r = await search(db, '干部使用');
    expect(r.notes.map((x) => x.id)).toEqual(['h_1']);
    expect(hitHref(r.notes[0]!)).toMatch(/^#\/read\/a_2\?at=\d+&len=\d+$/);
    expect(r.articles.map((x) => x.id)).toEqual(['a_2']);
    expect((await search(db, '干部 颜色:绿')).notes.map((x) => x.id)).toEqual(['h_1']);
    expect((await search(db, '干部 颜色:蓝')).notes).toEqual([]);
    expect((await search(db, '监督 类型:心得')).notes.map((x) => x.id)).toEqual([saved.id]);
    expect((await search(db, '监督 有:划线')).articles.map((x) => x.id)).toEqual(['a_2']);
    expect((await search(db, '监督 有:笔记')).articles.map((x) => x.id)).toEqual(['a_1']);
    // An edit replaces the old text.
    await notes.save({
      ...saved,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '改成别的内容。' }] }] },
    });
    expect((await search(db, '巡视整改')).notes).toEqual([]);
    await notes.remove(saved.id);
    await createHighlightRepository(db).delete('h_1');
    expect((await search(db, '干部使用')).notes).toEqual([]);
    expect((await search(db, '别的内容')).notes).toEqual([]);
  });

  it('finds exactly the articles containing a phrase, with follower masks ruling out the rest', async () => {
    const { texts, rnd } = smallAlphabetTexts({ count: 60, seed: 11, min: 40, spread: 400, newlines: true });
    const db = freshDb();
    await db.open();
    await openSearchIndex(db);
    // Several segments, so records holding none of the rarest bigram's documents are skipped.
    const repo = createArticleRepository(db);
    const all = texts.map((t, i) => payload(`m${i}`, `标题${i}`, t));
    for (let i = 0; i < all.length; i += 20) await repo.addMany(all.slice(i, i + 20));
    for (let k = 0; k < 80; k++) {
      const text = texts[k % texts.length]!;
      const len = 2 + (k % 5);
      const at = Math.floor(rnd() * (text.length - len));
      const q = text.slice(at, at + len);
      if (q.includes('\n')) continue;
      const want = texts.flatMap((t, i) => (t.includes(q) ? [`a_m${i}`] : [])).sort();
      const r = await search(db, `"${q}"`, { all: true, limit: 1e9 });
      expect(ids(r)).toEqual(want);
    }
  });

  it('answers the same before, during and after compaction, without postings of deleted articles', async () => {
    const { texts, rnd } = smallAlphabetTexts({ count: 90, seed: 5, min: 30, spread: 200, newlines: false });
    const db = freshDb();
    await db.open();
    await openSearchIndex(db);
    const repo = createArticleRepository(db);
    const all = texts.map((t, i) => payload(`c${i}`, `题${i}`, t));
    for (let i = 0; i < all.length; i += 10) await repo.addMany(all.slice(i, i + 10));
    // Some articles change (new document numbers) and some go.
    await applySyncBatch(db, batch(all.slice(0, 5).map((p) => ({ ...p, text: p.text + '监督', contentHash: 'f'.repeat(64) }))));
    await repo.remove(all.slice(80).map((p) => p.id));
    const live = texts.slice(0, 80).map((t, i): [string, string] => [`a_c${i}`, i < 5 ? t + '监督' : t]);
    const queries = Array.from({ length: 40 }, (_, k) => {
      const t = texts[k % 80]!;
      const len = 2 + (k % 4);
      const at = Math.floor(rnd() * (t.length - len));
      return t.slice(at, at + len);
    });
    const expected = (q: string) => live.flatMap(([id, t]) => (t.includes(q) ? [id] : [])).sort();
    const check = async () => {
      for (const q of [...queries, '监督']) expect(ids(await search(db, `"${q}"`, { all: true, limit: 1e9 }))).toEqual(expected(q));
    };
    await check();
    const before = await db.searchPostings.count();
    const progress: number[] = [];
    // Concurrent writes while compacting: a new article lands mid-way and is found after.
    const compaction = compactSearchIndex(db, { onProgress: (p) => progress.push(p.done) });
    await repo.addMany([payload('late', '迟到', '迟到的文章讲监督')]);
    live.push(['a_late', '迟到的文章讲监督']);
    await compaction;
    const after = await db.searchPostings.count();
    expect(after).toBeLessThan(before);
    expect(progress.at(-1)).toBe(BUCKETS);
    await check();
    const late = await search(db, '迟到');
    expect(ids(late)).toEqual(['a_late']);
    // Everything in one record per bucket.
    await compactSearchIndex(db, { all: true });
    const keys = (await db.searchPostings.toCollection().primaryKeys()) as number[];
    expect(new Set(keys.map((k) => Math.floor(k / 2 ** 20))).size).toBe(keys.length);
    await check();
  });

  it('returns the same best hits in the same order whether it keeps every candidate or only the best', async () => {
    const db = freshDb();
    await db.open();
    await openSearchIndex(db);
    const list = Array.from({ length: 80 }, (_, i) =>
      payload(`k${i}`, i % 7 === 0 ? '监督的标题' : `标题${i}`, '监督'.repeat(1 + (i % 5)) + '其他内容'.repeat(i % 9), {
        publishedAt: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      }),
    );
    await createArticleRepository(db).addMany(list);
    for (const sort of ['relevance', 'date'] as const) {
      const all = await search(db, '监督', { all: true, limit: 1e9, sort });
      const top = await search(db, '监督', { limit: 5, sort });
      expect(all.articles.length).toBe(80);
      expect(top.articles.map((h) => h.score)).toEqual(all.articles.slice(0, 5).map((h) => h.score));
      expect(top.articles.map((h) => h.date)).toEqual(all.articles.slice(0, 5).map((h) => h.date));
      expect(top.totals.articles).toBe(80);
    }
  });

  it('rebuilds after an index version change instead of answering from a stale index', async () => {
    const db = await library();
    await db.settings.put({ key: SEARCH_META_KEY, value: { version: -1, nextDoc: 99, nextSeg: 9, complete: true } });
    const fresh = new YanduDB(db.name);
    dbs.push(fresh);
    await fresh.open();
    expect(await openSearchIndex(fresh)).toBe(true);
    // While rebuilding, unindexed articles are scanned: still right.
    const during = await search(fresh, '一把手');
    expect(during.rebuilding).toBe(true);
    expect(ids(during)).toEqual(['a_1']);
    await rebuildSearchIndex(fresh);
    const after = await search(fresh, '一把手');
    expect(after.rebuilding).toBe(false);
    expect(ids(after)).toEqual(['a_1']);
    expect(await fresh.searchDocs.count()).toBe(4);
  });
});

describe('whole words rank above the same characters inside other words', () => {
  it('tells 责任 the word from 责任 inside 职责任务', async () => {
    const { occursAsWord, wordMatchFactor, PART_WORD_FACTOR } = await import('../../shared/search/rank');
    expect(occursAsWord('压紧压实管党治党主体责任', '责任')).toBe(true);
    expect(occursAsWord('明确职责任务分工', '责任')).toBe(false);
    expect(occursAsWord('明确职责任务分工，落实监督责任', '责任')).toBe(true);
    expect(wordMatchFactor(['明确职责任务分工'], [{ text: '责任' }])).toBe(PART_WORD_FACTOR);
    expect(wordMatchFactor(['明确职责任务分工', '主体责任清单'], [{ text: '责任' }])).toBe(1);
    // Latin and one-character terms are left alone.
    expect(wordMatchFactor(['gb9704'], [{ text: 'gb' }])).toBe(1);
  });

  it('puts the article where 责任 is a word first, though the other has it more often and is shorter', async () => {
    const db = freshDb();
    await db.open();
    await openSearchIndex(db);
    await createArticleRepository(db).addMany([
      payload('w1', '分工安排', '明确职责任务分工。各部门职责任务清楚。', { publishedAt: '2025-01-01' }),
      payload('w2', '学习体会', '各级党组织要切实担负起管党治党的主体责任，把全面从严治党落到实处，抓好每一项具体工作。', {
        publishedAt: '2020-01-01',
      }),
    ]);
    const r = await search(db, '责任');
    expect(r.articles.map((h) => h.id)).toEqual(['a_w2', 'a_w1']);
  });
});
