/**
 * The full-text index in Dexie (schema v3): document rows (`searchDocs`), bucketed postings
 * per segment (`searchPostings`, key = bucket × 2^20 + segment) and small documents not yet
 * in a segment (`searchPending`). Every write here runs inside the caller's transaction, the
 * one that writes the article, note or highlight it describes; callers include the search
 * tables and `settings` in its scope (SEARCH_TABLES).
 *
 * A document is live while its `searchDocs` row exists: postings of a replaced or deleted
 * document's old number are dead and ignored (and dropped by compaction or the next rebuild).
 * Bulk postings are built by an IndexBuilder (a Web Worker in the app) before the transaction
 * opens; single small writes and Node tests build on the calling thread.
 *
 * Compaction (compactSearchIndex, run by the app once writes settle) folds each bucket's
 * records into one under the largest of their keys, so a query reads one record per bucket
 * instead of one per write batch. A record's key then no longer names one batch: reads skip
 * records by their document range, never by segment number.
 */
import Dexie from 'dexie';
import * as v from 'valibot';
import { buildIndex, termsOf, type BuiltIndex, type IndexInputDoc } from '../../shared/search/build';
import {
  buildSegment,
  decodePostings,
  locatePostings,
  mergeRecords,
  PostingBuffer,
  recordRange,
  type PostingList,
  type PostingsAt,
} from '../../shared/search/postings';
import { bucketOf, BUCKETS, SEARCH_INDEX_VERSION } from '../../shared/search/tokenize';
import type { ArticleRow, HighlightRow, NoteRow, SearchDocRow, SearchPendingRow, YanduDB } from './schema';

export const SEARCH_META_KEY = 'searchIndex';
export const SEARCH_CHECKPOINT_KEY = 'searchRebuild';
const SEG_SPAN = 2 ** 20;
/** Pending small documents are merged into a segment beyond this many. */
const PENDING_MERGE_AT = 400;
/** Rows per bulk write inside a transaction. */
const WRITE_SLICE = 100;

/** The tables a transaction that writes searchable data must include. */
export function searchTables(db: YanduDB) {
  return [db.searchDocs, db.searchPostings, db.searchPending, db.settings];
}

const MetaSchema = v.object({
  version: v.number(),
  nextDoc: v.pipe(v.number(), v.integer(), v.minValue(1)),
  nextSeg: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SEG_SPAN - 1)),
  /** False while a rebuild has not reached every document. */
  complete: v.boolean(),
});
export type SearchMeta = v.InferOutput<typeof MetaSchema>;

const CheckpointSchema = v.object({
  phase: v.picklist(['small', 'articles']),
  /** Articles are indexed in id order; the last id done. */
  after: v.nullable(v.string()),
  done: v.number(),
  total: v.number(),
});
export type SearchCheckpoint = v.InferOutput<typeof CheckpointSchema>;

// ---- builders -----------------------------------------------------------------------------

export type IndexBuilder = (docs: IndexInputDoc[]) => Promise<BuiltIndex>;
let bulkBuilder: IndexBuilder | null = null;
/** Installs the off-main-thread builder (the app's worker); without one, builds run inline. */
export function setIndexBuilder(builder: IndexBuilder | null): void {
  bulkBuilder = builder;
}
/** Below this many characters a worker round trip is not worth it. */
const INLINE_CHARS = 30_000;

// ---- per-database state: number allocation and the in-memory view ------------------------

export interface SearchCache {
  docs: Map<number, SearchDocRow>;
  /** The same rows by document number (a dense array: the query's hot loop reads it). */
  byNum: (SearchDocRow | undefined)[];
  byKey: Map<string, number>;
  pending: Map<number, SearchPendingRow>;
  /**
   * By document number, for the ranking loop (dense and typed: it reads 100,000 of them per
   * common query): kind (0 none, KIND_CODE otherwise) and length.
   */
  kinds: Uint8Array;
  lengths: Float64Array;
  /** Sum of `length` per kind, for average lengths in ranking. */
  lengthSum: Record<SearchDocRow['kind'], number>;
  count: Record<SearchDocRow['kind'], number>;
}

export const KIND_CODE: Record<SearchDocRow['kind'], number> = { article: 1, highlight: 2, note: 3 };

interface Delta {
  add: SearchDocRow[];
  remove: number[];
  pendingAdd: SearchPendingRow[];
  pendingRemove: number[];
}

/**
 * Postings records by bucket, up to BUCKET_CACHE_BYTES: queries typed one after another (and
 * common bigrams) read the same buckets. Emptied whenever a postings write commits.
 */
interface BucketCache {
  map: Map<number, SegRecord[]>;
  bytes: number;
  gen: number;
}
// 64 MB: a 100,000-article library has ~450 MB of postings, its most common bigrams' buckets
// 1–3 MB each; a smaller cache keeps too few of them to matter.
const BUCKET_CACHE_BYTES = 64 << 20;

function rememberBucket(lru: BucketCache, bucket: number, records: SegRecord[]): void {
  let bytes = 0;
  for (const r of records) bytes += r.data.byteLength;
  if (bytes > BUCKET_CACHE_BYTES / 8) return;
  lru.map.set(bucket, records);
  lru.bytes += bytes;
  if (lru.bytes <= BUCKET_CACHE_BYTES) return;
  // Down to three quarters at once (see rememberText in the engine: Map holes).
  for (const [b, rs] of lru.map) {
    if (lru.bytes <= BUCKET_CACHE_BYTES * 0.75) break;
    lru.map.delete(b);
    for (const r of rs) lru.bytes -= r.data.byteLength;
  }
}

/** Forgets cached postings now and when the surrounding transaction commits. */
function postingsChanged(db: YanduDB): void {
  const lru = state(db).buckets;
  const clear = () => {
    lru.map.clear();
    lru.bytes = 0;
    lru.gen++;
  };
  clear();
  Dexie.currentTransaction?.idbtrans?.addEventListener('complete', clear);
}

interface State {
  alloc: { nextDoc: number; nextSeg: number } | null;
  allocLoad: Promise<void> | null;
  cache: SearchCache | null;
  cacheLoad: Promise<SearchCache> | null;
  /** Deltas committed while the cache was loading, applied again once it has loaded. */
  queued: Delta[];
  generation: number;
  /** Bumped by every reset (document and segment numbers start again): compaction stops. */
  epoch: number;
  /** Document numbers removed since the index was opened or reset: never live again. */
  dead: Set<number>;
  /** Segments written since the last compaction pass (unknown at start: 1). */
  segmentsSinceCompaction: number;
  /** Recently read postings buckets (all segments' records of a bucket), least recent first. */
  buckets: BucketCache;
  /** readSearchMeta's answer, dropped by every write of the meta or checkpoint rows. */
  metaRead: Promise<{ meta: SearchMeta | null; checkpoint: SearchCheckpoint | null }> | null;
}
const states = new WeakMap<YanduDB, State>();
function state(db: YanduDB): State {
  let s = states.get(db);
  if (!s) {
    s = {
      alloc: null,
      allocLoad: null,
      cache: null,
      cacheLoad: null,
      queued: [],
      generation: 0,
      epoch: 0,
      dead: new Set(),
      segmentsSinceCompaction: 1,
      metaRead: null,
      buckets: { map: new Map(), bytes: 0, gen: 0 },
    };
    states.set(db, s);
  }
  return s;
}

async function readMeta(db: YanduDB): Promise<SearchMeta | null> {
  const row = await db.settings.get(SEARCH_META_KEY);
  const parsed = row ? v.safeParse(MetaSchema, row.value) : null;
  return parsed?.success ? parsed.output : null;
}

async function ensureAlloc(db: YanduDB): Promise<{ nextDoc: number; nextSeg: number }> {
  const s = state(db);
  if (s.alloc) return s.alloc;
  s.allocLoad ??= readMeta(db).then((meta) => {
    s.alloc ??= { nextDoc: meta?.nextDoc ?? 1, nextSeg: meta?.nextSeg ?? 1 };
  });
  await s.allocLoad;
  return s.alloc!;
}

/**
 * Another tab on this library hands out document and segment numbers from its own counters: the
 * stored counters are the truth, so this one moves past them before handing out more. Without it
 * a note or an import in one tab after another tab wrote failed on a taken number, every time.
 */
async function catchUpAlloc(db: YanduDB): Promise<{ nextDoc: number; nextSeg: number }> {
  const alloc = await ensureAlloc(db);
  const stored = await readMeta(db);
  if (stored) {
    alloc.nextDoc = Math.max(alloc.nextDoc, stored.nextDoc);
    alloc.nextSeg = Math.max(alloc.nextSeg, stored.nextSeg);
  }
  return alloc;
}

/** Forgets the cached meta now and again when the surrounding transaction commits. */
function metaChanged(db: YanduDB): void {
  const s = state(db);
  s.metaRead = null;
  const tx = Dexie.currentTransaction;
  tx?.idbtrans?.addEventListener('complete', () => (s.metaRead = null));
}

/** Inside a write: the stored counters never fall behind numbers handed out. */
async function writeMeta(db: YanduDB, patch: Partial<SearchMeta> = {}): Promise<void> {
  const alloc = await ensureAlloc(db);
  const meta = (await readMeta(db)) ?? { version: SEARCH_INDEX_VERSION, nextDoc: 1, nextSeg: 1, complete: true };
  const next: SearchMeta = {
    ...meta,
    ...patch,
    nextDoc: Math.max(meta.nextDoc, alloc.nextDoc),
    nextSeg: Math.max(meta.nextSeg, alloc.nextSeg),
  };
  await db.settings.put({ key: SEARCH_META_KEY, value: next });
  metaChanged(db);
}

function applyDelta(cache: SearchCache, d: Delta): void {
  for (const num of d.remove) {
    const row = cache.docs.get(num);
    if (!row) continue;
    cache.docs.delete(num);
    cache.byNum[num] = undefined;
    cache.kinds[num] = 0;
    if (cache.byKey.get(row.key) === num) cache.byKey.delete(row.key);
    cache.lengthSum[row.kind] -= row.length;
    cache.count[row.kind]--;
  }
  for (const row of d.add) {
    const prior = cache.docs.get(row.num);
    if (prior) applyDelta(cache, { add: [], remove: [row.num], pendingAdd: [], pendingRemove: [] });
    cache.docs.set(row.num, row);
    cache.byNum[row.num] = row;
    if (row.num >= cache.kinds.length) {
      const size = Math.max(row.num + 1, cache.kinds.length * 2);
      const kinds = new Uint8Array(size);
      kinds.set(cache.kinds);
      const lengths = new Float64Array(size);
      lengths.set(cache.lengths);
      cache.kinds = kinds;
      cache.lengths = lengths;
    }
    cache.kinds[row.num] = KIND_CODE[row.kind];
    cache.lengths[row.num] = row.length;
    cache.byKey.set(row.key, row.num);
    cache.lengthSum[row.kind] += row.length;
    cache.count[row.kind]++;
  }
  for (const num of d.pendingRemove) cache.pending.delete(num);
  for (const p of d.pendingAdd) cache.pending.set(p.num, p);
}

/** Applies a change to the in-memory view once the surrounding transaction has committed. */
function afterCommit(db: YanduDB, delta: Delta): void {
  const epoch = state(db).epoch;
  whenCommitted(() => {
    const s = state(db);
    s.generation++;
    if (s.epoch === epoch) for (const num of delta.remove) s.dead.add(num);
    if (s.cache) applyDelta(s.cache, delta);
    else if (s.cacheLoad) s.queued.push(delta);
  });
}

/** Runs `f` once the surrounding transaction has committed (now, outside one). */
function whenCommitted(f: () => void): void {
  const tx = Dexie.currentTransaction;
  if (tx?.idbtrans) tx.idbtrans.addEventListener('complete', f);
  else f();
}

/** The live documents and pending terms, loaded once and kept current by every write. */
export function loadSearchCache(db: YanduDB): Promise<SearchCache> {
  const s = state(db);
  if (s.cache) return Promise.resolve(s.cache);
  s.cacheLoad ??= (async () => {
    const [docs, pending] = await db.transaction('r', db.searchDocs, db.searchPending, () =>
      Promise.all([db.searchDocs.toArray(), db.searchPending.toArray()]),
    );
    const cache: SearchCache = {
      docs: new Map(),
      byNum: [],
      kinds: new Uint8Array(1024),
      lengths: new Float64Array(1024),
      byKey: new Map(),
      pending: new Map(pending.map((p) => [p.num, p])),
      lengthSum: { article: 0, highlight: 0, note: 0 },
      count: { article: 0, highlight: 0, note: 0 },
    };
    applyDelta(cache, { add: docs, remove: [], pendingAdd: [], pendingRemove: [] });
    for (const d of s.queued.splice(0)) applyDelta(cache, d);
    s.cache = cache;
    s.cacheLoad = null;
    return cache;
  })();
  return s.cacheLoad;
}

/** Changes with every committed index write (for callers that cache results). */
export function searchGeneration(db: YanduDB): number {
  return state(db).generation;
}

// ---- documents ----------------------------------------------------------------------------

/** What the index needs of an article: its row (or sync payload) and plain text. */
export type ArticleForIndex = Pick<ArticleRow, 'id' | 'title' | 'origin' | 'column' | 'sourceName' | 'sourceId' | 'publishedAt'> & {
  text: string;
};

export function articleMeta(a: Pick<ArticleRow, 'origin' | 'column' | 'sourceName'>): string {
  return [...new Set([a.origin, a.column, a.sourceName].filter((x): x is string => !!x))].join('\n');
}

function articleDocRow(a: ArticleForIndex, num: number, length: number): SearchDocRow {
  return {
    num,
    key: `a:${a.id}`,
    kind: 'article',
    articleId: a.id,
    length,
    title: a.title,
    meta: articleMeta(a),
    date: a.publishedAt,
    sourceId: a.sourceId,
    column: a.column,
    color: null,
    noteKind: null,
    tags: [],
  };
}

export interface PreparedArticles {
  seg: number;
  records: [number, Uint8Array][];
  /** Article id → document number and length. */
  docs: Map<string, { num: number; length: number }>;
}

/** Builds postings for articles (in the worker when there is much text); call before the write transaction. */
export async function prepareArticles(
  db: YanduDB,
  list: readonly ArticleForIndex[],
  options: { inline?: boolean } = {},
): Promise<PreparedArticles> {
  const alloc = await catchUpAlloc(db);
  const seg = alloc.nextSeg++;
  const base = alloc.nextDoc;
  alloc.nextDoc += list.length;
  if (seg >= SEG_SPAN) throw new Error('search index: too many segments, rebuild the index');
  const docs = list.map((a, i): IndexInputDoc => ({ num: base + i, title: a.title, meta: articleMeta(a), text: a.text }));
  let chars = 0;
  for (const a of list) chars += a.text.length;
  const built = bulkBuilder && !options.inline && chars > INLINE_CHARS ? await bulkBuilder(docs) : buildIndex(docs);
  return { seg, records: built.records, docs: new Map(list.map((a, i) => [a.id, { num: base + i, length: built.lengths[i]! }])) };
}

/**
 * Inside the write transaction: makes `used` (a subset of the prepared articles, e.g. those
 * actually added or changed) searchable, replacing any older document of the same article.
 * Without `prepared`, builds inline (small writes).
 */
export async function indexArticles(db: YanduDB, used: readonly ArticleForIndex[], prepared?: PreparedArticles): Promise<void> {
  if (!used.length) return;
  let ready = prepared && used.every((a) => prepared.docs.has(a.id)) ? prepared : await prepareArticles(db, used, { inline: true });
  // Prepared before this write: another tab may have taken those numbers since. Then build again
  // here, inside the write, past every stored number (rare: two tabs writing at once).
  if (ready === prepared && (await numbersTaken(db, ready))) ready = await prepareArticles(db, used, { inline: true });
  const old = await db.searchDocs
    .where('key')
    .anyOf(used.map((a) => `a:${a.id}`))
    .toArray();
  const oldNums = old.map((r) => r.num);
  const rows = used.map((a) => {
    const d = ready.docs.get(a.id)!;
    return articleDocRow(a, d.num, d.length);
  });
  await db.searchDocs.bulkDelete(oldNums);
  await db.searchPending.bulkDelete(oldNums);
  // In slices: every put costs ~50 µs of main thread (clone, key, IPC), so a bulk call of a
  // thousand rows is a long task; between slices the main thread is free.
  postingsChanged(db);
  segmentWritten(db);
  for (let i = 0; i < ready.records.length; i += WRITE_SLICE)
    await db.searchPostings.bulkPut(
      ready.records.slice(i, i + WRITE_SLICE).map(([bucket, data]) => ({ k: bucket * SEG_SPAN + ready.seg, data })),
    );
  for (let i = 0; i < rows.length; i += WRITE_SLICE) await db.searchDocs.bulkAdd(rows.slice(i, i + WRITE_SLICE));
  await writeMeta(db);
  afterCommit(db, { add: rows, remove: oldNums, pendingAdd: [], pendingRemove: oldNums });
}

/** True when a prepared batch's document numbers or segment are already in the index. */
async function numbersTaken(db: YanduDB, ready: PreparedArticles): Promise<boolean> {
  const nums = [...ready.docs.values()].map((d) => d.num);
  if (!nums.length) return false;
  // Keys only (no values read): the numbers are one run, the segment's keys one per bucket.
  const docs = await db.searchDocs
    .where(':id')
    .between(Math.min(...nums), Math.max(...nums), true, true)
    .limit(1)
    .primaryKeys();
  if (docs.length) return true;
  const keys = ready.records.map(([bucket]) => bucket * SEG_SPAN + ready.seg);
  return keys.length > 0 && (await db.searchPostings.where(':id').anyOf(keys).limit(1).primaryKeys()).length > 0;
}

/** A small document (highlight, note) to index on the calling thread. */
export interface SmallDoc {
  row: Omit<SearchDocRow, 'num' | 'length'>;
  title: string;
  meta: string;
  text: string;
}

export function highlightDoc(h: HighlightRow): SmallDoc {
  return {
    row: {
      key: `h:${h.id}`,
      kind: 'highlight',
      articleId: h.articleId,
      title: '',
      meta: '',
      date: h.updatedAt,
      sourceId: null,
      column: null,
      color: h.color,
      noteKind: null,
      tags: h.tags,
    },
    title: '',
    meta: [h.comment ?? '', ...h.tags].join('\n'),
    text: h.selector.exact,
  };
}

export function noteDoc(n: NoteRow): SmallDoc {
  return {
    row: {
      key: `n:${n.id}`,
      kind: 'note',
      articleId: n.articleId,
      title: n.title,
      meta: '',
      date: n.updatedAt,
      sourceId: null,
      column: null,
      color: null,
      noteKind: n.kind,
      tags: n.tags,
    },
    title: n.title,
    meta: n.tags.join('\n'),
    text: n.text,
  };
}

/** Inside the write transaction: indexes small documents (replacing older ones of the same key). */
export async function indexSmallDocs(db: YanduDB, docs: readonly SmallDoc[]): Promise<void> {
  if (!docs.length) return;
  // Inside this write (IndexedDB runs the tabs' writes one after the other): past any number another tab took.
  const alloc = await catchUpAlloc(db);
  const old = await db.searchDocs
    .where('key')
    .anyOf(docs.map((d) => d.row.key))
    .toArray();
  const oldNums = old.map((r) => r.num);
  const rows: SearchDocRow[] = [];
  const pending: SearchPendingRow[] = [];
  for (const d of docs) {
    const num = alloc.nextDoc++;
    const t = termsOf({ num, title: d.title, meta: d.meta, text: d.text });
    rows.push({ ...d.row, num, length: t.length });
    pending.push({ num, hashes: t.hashes, flags: t.flags });
  }
  await db.searchDocs.bulkDelete(oldNums);
  await db.searchPending.bulkDelete(oldNums);
  await db.searchDocs.bulkAdd(rows);
  await db.searchPending.bulkAdd(pending);
  await writeMeta(db);
  whenCommitted(() => maintenanceDue(db));
  afterCommit(db, { add: rows, remove: oldNums, pendingAdd: pending, pendingRemove: oldNums });
}

/** Inside the write transaction: removes documents by key ('a:…', 'h:…', 'n:…'). */
export async function removeSearchDocs(db: YanduDB, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  const old = await db.searchDocs.where('key').anyOf(keys).toArray();
  const nums = old.map((r) => r.num);
  await db.searchDocs.bulkDelete(nums);
  await db.searchPending.bulkDelete(nums);
  afterCommit(db, { add: [], remove: nums, pendingAdd: [], pendingRemove: nums });
}

/**
 * Merges pending small documents into one segment when there are many (dead ones dropped).
 * Runs in its own transaction; safe at any time.
 */
export async function mergePending(db: YanduDB, force = false): Promise<number> {
  return db.transaction('rw', searchTables(db), async () => {
    const count = await db.searchPending.count();
    if (!count || (!force && count < PENDING_MERGE_AT)) return 0;
    const pending = await db.searchPending.toArray();
    const live = new Set(await db.searchDocs.bulkGet(pending.map((p) => p.num)).then((r) => r.filter(Boolean).map((x) => x!.num)));
    const docs = pending.filter((p) => live.has(p.num));
    const alloc = await ensureAlloc(db);
    const seg = alloc.nextSeg++;
    const records = buildSegment(docs);
    postingsChanged(db);
    segmentWritten(db);
    for (let i = 0; i < records.length; i += WRITE_SLICE)
      await db.searchPostings.bulkPut(records.slice(i, i + WRITE_SLICE).map(([bucket, data]) => ({ k: bucket * SEG_SPAN + seg, data })));
    await db.searchPending.clear();
    await writeMeta(db);
    // The documents stay live; their terms now come from the segment.
    afterCommit(db, { add: [], remove: [], pendingAdd: [], pendingRemove: pending.map((p) => p.num) });
    return docs.length;
  });
}

// ---- compaction and upkeep ---------------------------------------------------------------

/** Merges bucket records (compaction's heavy part); the app's runs in a worker. */
export type RecordMerger = (records: Uint8Array[], dead: number[]) => Promise<Uint8Array | null>;
let recordMerger: RecordMerger | null = null;
/** Installs the off-main-thread merger; without one, merges run inline. */
export function setRecordMerger(merger: RecordMerger | null): void {
  recordMerger = merger;
}
/** Below this many bytes a worker round trip is not worth it. */
const INLINE_MERGE_BYTES = 64 << 10;
/** A bucket is compacted once it has this many records. */
const COMPACT_AT = 4;
/** Buckets compacted per transaction. */
const COMPACT_GROUP = 8;

function segmentWritten(db: YanduDB): void {
  whenCommitted(() => {
    state(db).segmentsSinceCompaction++;
    maintenanceDue(db);
  });
}

/**
 * Which of a bucket's records (sizes in key order) to fold together: all of them, unless the
 * biggest dwarfs the rest, then only the rest (size tiers: a large record is rewritten only
 * once the small ones have grown to half its size, so each posting is rewritten few times).
 */
export function pickRecordsToMerge(sizes: readonly number[], all = false): number[] {
  if (sizes.length < 2 || (!all && sizes.length < COMPACT_AT)) return [];
  const indices = sizes.map((_, i) => i);
  if (all) return indices;
  let biggest = 0;
  let total = 0;
  for (let i = 0; i < sizes.length; i++) {
    total += sizes[i]!;
    if (sizes[i]! > sizes[biggest]!) biggest = i;
  }
  if (sizes[biggest]! > 2 * (total - sizes[biggest]!)) {
    const rest = indices.filter((i) => i !== biggest);
    return rest.length >= 2 ? rest : [];
  }
  return indices;
}

export interface CompactProgress {
  done: number;
  total: number;
}

const compacting = new WeakMap<YanduDB, Promise<number>>();

/**
 * Folds each bucket's records into fewer (one, with `all`), bucket by bucket in small
 * transactions, so queries read one record per bucket instead of one per segment. Safe at
 * any time: the records a bucket had are checked to be unchanged when the merge is written,
 * and a reset stops it. Postings of documents removed since start-up are dropped on the way.
 * Returns how many records it removed.
 */
export function compactSearchIndex(
  db: YanduDB,
  options: { all?: boolean; onProgress?: (p: CompactProgress) => void; signal?: AbortSignal } = {},
): Promise<number> {
  const running = compacting.get(db);
  if (running) return running.catch(() => 0).then(() => compactSearchIndex(db, options));
  const run = (async () => {
    const s = state(db);
    const epoch = s.epoch;
    s.segmentsSinceCompaction = 0;
    let removed = 0;
    let next = 0;
    let finished = 0;
    const stopped = () => options.signal?.aborted || s.epoch !== epoch;
    // Documents dead when the run starts (later deaths wait for the next run), sorted so each
    // worker merge is sent only those within its records' range, not the whole list.
    const deadSet = new Set(s.dead);
    const dead = Float64Array.from(deadSet).sort();
    const deadWithin = (records: readonly Uint8Array[]): number[] => {
      let base = Infinity;
      let last = -Infinity;
      for (const r of records) {
        const range = recordRange(r);
        base = Math.min(base, range.base);
        last = Math.max(last, range.last);
      }
      const out: number[] = [];
      for (let i = lowerBound(dead, base); i < dead.length && dead[i]! <= last; i++) out.push(dead[i]!);
      return out;
    };
    // Buckets in groups: one read and one write transaction per group (a transaction costs
    // about a millisecond, most of the work for small buckets).
    const compactGroup = async (from: number, to: number) => {
      // Keys first: a compacted index (the usual case at start-up) is not read at all.
      const range = db.searchPostings.where('k').between(from * SEG_SPAN, to * SEG_SPAN - 1, true, true);
      const counts = new Map<number, number>();
      for (const k of (await range.primaryKeys()) as number[]) {
        const b = Math.floor(k / SEG_SPAN);
        counts.set(b, (counts.get(b) ?? 0) + 1);
      }
      const due = [...counts].filter(([, n]) => n >= (options.all ? 2 : COMPACT_AT)).map(([b]) => b);
      if (!due.length) return;
      const rows = (
        await db.transaction('r', db.searchPostings, () =>
          Promise.all(
            due.map((b) =>
              db.searchPostings
                .where('k')
                .between(b * SEG_SPAN, (b + 1) * SEG_SPAN - 1, true, true)
                .toArray(),
            ),
          ),
        )
      ).flat();
      const byBucket = new Map<number, typeof rows>();
      for (const r of rows) {
        const b = Math.floor(r.k / SEG_SPAN);
        const list = byBucket.get(b);
        if (list) list.push(r);
        else byBucket.set(b, [r]);
      }
      const writes: { keys: number[]; target: number; merged: Uint8Array | null }[] = [];
      for (const list of byBucket.values()) {
        const pick = pickRecordsToMerge(
          list.map((r) => r.data.byteLength),
          options.all,
        ).map((i) => list[i]!);
        if (pick.length < 2 || stopped()) continue;
        const datas = pick.map((r) => r.data);
        let bytes = 0;
        for (const d of datas) bytes += d.byteLength;
        const merged =
          recordMerger && bytes > INLINE_MERGE_BYTES
            ? await recordMerger(datas, deadWithin(datas))
            : mergeRecords(datas, deadSet.size ? (num) => deadSet.has(num) : undefined);
        const keys = pick.map((r) => r.k);
        writes.push({ keys, target: Math.max(...keys), merged });
      }
      if (!writes.length) return;
      const keys = writes.flatMap((w) => w.keys);
      const done = await db.transaction('rw', db.searchPostings, async () => {
        // Unchanged since the read (records are never rewritten in place), and no reset since.
        if (s.epoch !== epoch) return false;
        const still = await db.searchPostings.where('k').anyOf(keys).primaryKeys();
        if (still.length !== keys.length) return false;
        postingsChanged(db);
        await db.searchPostings.bulkDelete(keys);
        const puts = writes.flatMap((w) => (w.merged ? [{ k: w.target, data: w.merged }] : []));
        if (puts.length) await db.searchPostings.bulkPut(puts);
        return true;
      });
      if (done) for (const w of writes) removed += w.keys.length - (w.merged ? 1 : 0);
    };
    // Two lanes: one group is read or written while the other's records merge in a worker.
    const lane = async () => {
      while (next < BUCKETS && !stopped()) {
        const from = next;
        const to = (next = Math.min(BUCKETS, from + COMPACT_GROUP));
        await compactGroup(from, to);
        finished += to - from;
        options.onProgress?.({ done: finished, total: BUCKETS });
      }
    };
    await Promise.all([lane(), lane()]);
    options.onProgress?.({ done: BUCKETS, total: BUCKETS });
    return removed;
  })();
  compacting.set(db, run);
  void run
    .finally(() => {
      if (compacting.get(db) === run) compacting.delete(db);
    })
    .catch(() => undefined);
  return run;
}

/** Upkeep after writes settle (when enabled): pending small documents merged, buckets compacted. */
const MAINTENANCE_IDLE_MS = 5000;
const maintenance = new WeakMap<YanduDB, { timer: ReturnType<typeof setTimeout> | null; idleMs: number }>();

/** Turns on background upkeep for this database (the app does; tests and benches call it directly). */
export function enableSearchMaintenance(db: YanduDB, idleMs = MAINTENANCE_IDLE_MS): void {
  maintenance.set(db, { timer: null, idleMs });
  maintenanceDue(db);
}

export function disableSearchMaintenance(db: YanduDB): void {
  const m = maintenance.get(db);
  if (m?.timer) clearTimeout(m.timer);
  maintenance.delete(db);
}

function maintenanceDue(db: YanduDB): void {
  const m = maintenance.get(db);
  if (!m) return;
  if (m.timer) clearTimeout(m.timer);
  m.timer = setTimeout(() => {
    m.timer = null;
    void runMaintenance(db).catch((e: unknown) => console.warn('[search] index upkeep failed', e));
  }, m.idleMs);
}

async function runMaintenance(db: YanduDB): Promise<void> {
  // A rebuild writes segments as it goes: upkeep waits for it to finish.
  if (isRebuilding(db)) return maintenanceDue(db);
  await mergePending(db);
  if (state(db).segmentsSinceCompaction > 0) await compactSearchIndex(db);
}

// ---- reads --------------------------------------------------------------------------------

/** Benchmarks: set `counts` to an object and postings reads add their sizes and times to it. */
export const postingsTrace: { counts: Record<string, number> | null } = { counts: null };
function tally(name: string, n: number): void {
  const c = postingsTrace.counts;
  if (c) c[name] = (c[name] ?? 0) + n;
}

/** A postings record of a bucket, with its segment. */
interface SegRecord {
  seg: number;
  data: Uint8Array;
}

/**
 * For each hash, its postings across all segments and pending documents (ascending, possibly
 * dead). `followers`: per bigram hash, the followerHash values to test (PostingList.pass).
 * `groups`: the hashes of each query term, all of which every wanted document has; then only
 * records whose document range holds one of the rarest hash's documents are decoded, and for
 * the hashes of its own term and `boost` (word hashes, looked up for candidates only), only
 * postings of those documents.
 */
export async function readTermPostings(
  db: YanduDB,
  hashes: readonly number[],
  cache: SearchCache,
  followers: ReadonlyMap<number, readonly number[]> = new Map(),
  groups: readonly (readonly number[])[] = [],
  boost: readonly number[] = [],
): Promise<Map<number, PostingList>> {
  const required = new Set(groups.flat());
  const byBucket = new Map<number, number[]>();
  for (const h of new Set(hashes)) {
    const b = bucketOf(h);
    const list = byBucket.get(b);
    if (list) list.push(h);
    else byBucket.set(b, [h]);
  }
  const out = new Map<number, PostingList>();
  const buckets = [...byBucket.keys()];
  const s = state(db);
  const lru = s.buckets;
  // Hits taken (and refreshed) before the read: inserting what it brings may evict them.
  const hits = new Map<number, SegRecord[]>();
  for (const b of buckets) {
    const hit = lru.map.get(b);
    if (!hit) continue;
    lru.map.delete(b);
    lru.map.set(b, hit);
    hits.set(b, hit);
  }
  const missing = buckets.filter((b) => !hits.has(b));
  const gen = lru.gen;
  const readStart = performance.now();
  const read = missing.length
    ? await db.transaction('r', db.searchPostings, () =>
        Promise.all(
          missing.map((b) =>
            db.searchPostings
              .where('k')
              .between(b * SEG_SPAN, (b + 1) * SEG_SPAN)
              .toArray(),
          ),
        ),
      )
    : [];
  tally('postReadMs', performance.now() - readStart);
  tally('bucketsRead', missing.length);
  tally('bucketHits', hits.size);
  for (const rs of read) {
    tally('recordsRead', rs.length);
    for (const r of rs) tally('bytesRead', r.data.byteLength);
  }
  const decodeStart = performance.now();
  const fetched = new Map(missing.map((b, i) => [b, read[i]!.map((r): SegRecord => ({ seg: r.k % SEG_SPAN, data: r.data }))]));
  const recordsOf = new Map<number, SegRecord[]>();
  for (const b of buckets) {
    const got = fetched.get(b);
    if (!got) recordsOf.set(b, hits.get(b)!);
    else {
      // Kept only if no postings write committed meanwhile.
      if (lru.gen === gen) rememberBucket(lru, b, got);
      recordsOf.set(b, got);
    }
  }
  // Locate every hash in every segment (directories only), then pick the segments to decode.
  const located = new Map<number, { data: Uint8Array; at: PostingsAt }[]>();
  for (const [b, hs] of byBucket) {
    for (const h of hs) {
      const list: { data: Uint8Array; at: PostingsAt }[] = [];
      for (const r of recordsOf.get(b)!) {
        const at = locatePostings(r.data, h);
        if (at) list.push({ data: r.data, at });
      }
      located.set(h, list);
    }
  }
  // The rarest required term's documents bound the candidates: other terms' records that
  // hold none of them (by document range) are not decoded.
  let rarestHash: number | null = null;
  let rarest = Infinity;
  for (const h of required) {
    const list = located.get(h);
    if (!list) continue;
    let n = 0;
    for (const x of list) n += x.at.count;
    if (n < rarest) {
      rarest = n;
      rarestHash = h;
    }
  }
  // Pending documents holding each hash (few: small documents not yet merged).
  const pendingOf = (h: number): PostingBuffer | null => {
    let found: PostingBuffer | null = null;
    for (const p of cache.pending.values()) {
      const at = binarySearch(p.hashes, h);
      // Pending documents keep no follower masks: any follower.
      if (at >= 0) (found ??= new PostingBuffer(4)).push(p.num, p.flags[at]!, -1);
    }
    return found;
  };
  const decodeAll = (
    h: number,
    list: { data: Uint8Array; at: PostingsAt }[],
    filter: (at: PostingsAt) => boolean,
    only: Int32Array | null = null,
  ): PostingList => {
    const pending = pendingOf(h);
    let size = pending?.length ?? 0;
    for (const x of list) if (filter(x.at)) size += only ? Math.min(only.length, x.at.count) : x.at.count;
    const buffer = new PostingBuffer(size);
    const fs = followers.get(h);
    for (const x of list) if (filter(x.at)) decodePostings(x.data, x.at, buffer, fs, only);
    if (pending) for (let i = 0; i < pending.length; i++) buffer.push(pending.docs[i]!, pending.flags[i]!, -1);
    return sortPostings(buffer.list());
  };
  let bound: Int32Array | null = null;
  if (rarestHash !== null) {
    // Its records' documents only (pending ones are in no record).
    const rarestList = decodeAll(rarestHash, located.get(rarestHash)!, () => true);
    out.set(rarestHash, rarestList);
    const own = new Set<number>();
    for (const p of cache.pending.values()) own.add(p.num);
    bound = own.size ? rarestList.docs.filter((d) => !own.has(d)) : rarestList.docs;
  }
  const overlaps = (at: PostingsAt): boolean => {
    if (!bound) return true;
    const lo = lowerBound(bound, at.base);
    return lo < bound.length && bound[lo]! <= at.last;
  };
  // Hashes of the rarest one's own phrase, and words (looked up only for candidates): just
  // the rarest one's documents are decoded. Other terms keep every posting (their document
  // counts weigh them in ranking).
  const narrow = new Set<number>(boost.filter((h) => !required.has(h)));
  for (const g of groups) if (rarestHash !== null && g.includes(rarestHash)) for (const h of g) narrow.add(h);
  for (const [h, list] of located) {
    if (h !== rarestHash) out.set(h, decodeAll(h, list, overlaps, bound && narrow.has(h) ? bound : null));
    tally('decoded', out.get(h)!.docs.length);
  }
  tally('postDecodeMs', performance.now() - decodeStart);
  return out;
}

/** First index of a sorted array whose value is ≥ `value`. */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function binarySearch(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid]!;
    if (x === value) return mid;
    if (x < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** In document order, each document once (the first, if a merge left a duplicate). */
function sortPostings(list: PostingList): PostingList {
  let sorted = true;
  for (let i = 1; i < list.docs.length && sorted; i++) sorted = list.docs[i - 1]! < list.docs[i]!;
  if (sorted) return list;
  const order = Int32Array.from(list.docs.keys()).sort((a, b) => list.docs[a]! - list.docs[b]! || a - b);
  const out = new PostingBuffer(order.length);
  for (const i of order) {
    if (out.length && out.docs[out.length - 1] === list.docs[i]) continue;
    out.push(list.docs[i]!, list.flags[i]!, list.pass[i]!);
  }
  return out.list();
}

export function readSearchMeta(db: YanduDB): Promise<{ meta: SearchMeta | null; checkpoint: SearchCheckpoint | null }> {
  // Inside a transaction, read through it; otherwise answer from memory (kept by metaChanged).
  if (Dexie.currentTransaction) return readSearchMetaNow(db);
  const s = state(db);
  const read = (s.metaRead ??= readSearchMetaNow(db));
  read.catch(() => {
    if (s.metaRead === read) s.metaRead = null;
  });
  // Copies: callers may change what they get.
  return read.then(({ meta, checkpoint }) => ({ meta: meta && { ...meta }, checkpoint: checkpoint && { ...checkpoint } }));
}

async function readSearchMetaNow(db: YanduDB): Promise<{ meta: SearchMeta | null; checkpoint: SearchCheckpoint | null }> {
  const [m, c] = await Promise.all([readMeta(db), db.settings.get(SEARCH_CHECKPOINT_KEY)]);
  const parsed = c ? v.safeParse(CheckpointSchema, c.value) : null;
  return { meta: m, checkpoint: parsed?.success ? parsed.output : null };
}

/**
 * Bytes of postings and pending terms, live documents, postings records and the buckets they
 * fill (records ÷ buckets: how many records a query reads per term; 1 when fully compacted).
 */
export async function searchIndexSize(db: YanduDB): Promise<{ bytes: number; docs: number; records: number; buckets: number }> {
  let bytes = 0;
  let records = 0;
  const buckets = new Set<number>();
  await db.searchPostings.each((r) => {
    bytes += r.data.byteLength;
    records++;
    buckets.add(Math.floor(r.k / SEG_SPAN));
  });
  await db.searchPending.each((p) => {
    bytes += p.hashes.byteLength + p.flags.byteLength;
  });
  return { bytes, docs: await db.searchDocs.count(), records, buckets: buckets.size };
}

// ---- version check and rebuild ------------------------------------------------------------

/** Empties the index and starts a rebuild from the first document. */
export async function resetSearchIndex(db: YanduDB): Promise<void> {
  await db.transaction('rw', searchTables(db), async () => {
    // Before the clear commits: a compaction waiting for this table sees the new epoch.
    const s = state(db);
    s.epoch++;
    s.dead.clear();
    await Promise.all([db.searchDocs.clear(), db.searchPostings.clear(), db.searchPending.clear()]);
    postingsChanged(db);
    await db.settings.put({ key: SEARCH_META_KEY, value: { version: SEARCH_INDEX_VERSION, nextDoc: 1, nextSeg: 1, complete: false } });
    await db.settings.put({ key: SEARCH_CHECKPOINT_KEY, value: { phase: 'small', after: null, done: 0, total: 0 } });
    metaChanged(db);
  });
  const s = state(db);
  s.alloc = { nextDoc: 1, nextSeg: 1 };
  s.allocLoad = null;
  s.cache = null;
  s.cacheLoad = null;
  s.queued = [];
  s.generation++;
}

/**
 * At start-up, before anything writes: an index of another format (or none, in a library
 * that already has content) is emptied and marked for rebuild. Returns whether to rebuild.
 */
export async function openSearchIndex(db: YanduDB): Promise<boolean> {
  const { meta } = await readSearchMeta(db);
  if (meta && meta.version === SEARCH_INDEX_VERSION) return !meta.complete;
  if (!meta) {
    const [a, n, h] = await Promise.all([db.articles.count(), db.notes.count(), db.highlights.count()]);
    if (a + n + h === 0) {
      await db.settings.put({ key: SEARCH_META_KEY, value: { version: SEARCH_INDEX_VERSION, nextDoc: 1, nextSeg: 1, complete: true } });
      metaChanged(db);
      return false;
    }
  }
  await resetSearchIndex(db);
  return true;
}

export interface RebuildProgress {
  done: number;
  total: number;
}

const REBUILD_CHUNK = 500;
const rebuilding = new WeakMap<YanduDB, Promise<void>>();

/**
 * Continues (or, with `fresh`, restarts) the rebuild: notes and highlights, then articles in
 * id order, each chunk in one transaction with its checkpoint, so a reload resumes where it
 * stopped. Documents already indexed by a concurrent write are left alone.
 */
export function rebuildSearchIndex(
  db: YanduDB,
  options: { fresh?: boolean; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<void> {
  const running = rebuilding.get(db);
  if (running && !options.fresh) return running;
  const run = (async () => {
    if (running) await running.catch(() => undefined);
    if (options.fresh) await resetSearchIndex(db);
    let { checkpoint } = await readSearchMeta(db);
    const { meta } = await readSearchMeta(db);
    if (meta?.complete && !checkpoint) return;
    const total = (await db.articles.count()) + 1;
    checkpoint ??= { phase: 'small', after: null, done: 0, total };
    checkpoint.total = total;
    options.onProgress?.({ done: checkpoint.done, total });
    if (checkpoint.phase === 'small') {
      const [hs, ns] = await Promise.all([db.highlights.toArray(), db.notes.toArray()]);
      await db.transaction('rw', searchTables(db), async () => {
        const known = new Set((await db.searchDocs.where('kind').anyOf(['highlight', 'note']).toArray()).map((r) => r.key));
        await indexSmallDocs(
          db,
          [...hs.map(highlightDoc), ...ns.map(noteDoc)].filter((d) => !known.has(d.row.key)),
        );
        checkpoint = { phase: 'articles', after: null, done: 1, total };
        await db.settings.put({ key: SEARCH_CHECKPOINT_KEY, value: checkpoint });
        metaChanged(db);
      });
      await mergePending(db);
      options.onProgress?.({ done: 1, total });
    }
    for (;;) {
      const cp: SearchCheckpoint = checkpoint!;
      const rows = await (cp.after === null ? db.articles.orderBy('id') : db.articles.where('id').above(cp.after))
        .limit(REBUILD_CHUNK)
        .toArray();
      if (!rows.length) break;
      const bodies = await db.bodies.bulkGet(rows.map((r) => r.id));
      const list: ArticleForIndex[] = [];
      rows.forEach((r, i) => {
        const body = bodies[i];
        if (body) list.push({ ...r, text: body.text });
      });
      const prepared = await prepareArticles(db, list);
      await db.transaction('rw', [db.articles, ...searchTables(db)], async () => {
        const indexed = new Set(
          (
            await db.searchDocs
              .where('key')
              .anyOf(list.map((a) => `a:${a.id}`))
              .toArray()
          ).map((r) => r.key),
        );
        await indexArticles(
          db,
          list.filter((a) => !indexed.has(`a:${a.id}`)),
          prepared,
        );
        checkpoint = { phase: 'articles', after: rows[rows.length - 1]!.id, done: cp.done + rows.length, total };
        await db.settings.put({ key: SEARCH_CHECKPOINT_KEY, value: checkpoint });
        metaChanged(db);
      });
      options.onProgress?.({ done: checkpoint.done, total });
    }
    await db.transaction('rw', searchTables(db), async () => {
      await db.settings.delete(SEARCH_CHECKPOINT_KEY);
      metaChanged(db);
      await writeMeta(db, { complete: true });
    });
    options.onProgress?.({ done: total, total });
  })();
  rebuilding.set(db, run);
  void run.finally(() => {
    if (rebuilding.get(db) === run) rebuilding.delete(db);
  });
  return run;
}

export function isRebuilding(db: YanduDB): boolean {
  return rebuilding.has(db);
}
