/**
 * The query engine: candidates from the postings of every query term (rarest first), ranked
 * (BM25-like, titles weigh more, or by date), then verified against the stored text in rank
 * order, so phrases and exclusions are exact and every result really contains the query;
 * snippets come from the same text. Results never come from live queries. Hits are data
 * (where to open and what to mark); the view builds its links from them.
 */
import { bareTag } from '../../../shared/text';
import { findTerm, makeSnippet, verify, type Snippet } from '../../../shared/search/match';
import type { PostingList } from '../../../shared/search/postings';
import { parseQuery, type ParsedQuery, type QueryTerm, type SearchFilters } from '../../../shared/search/query';
import { idf, termScore, WORD_BOOST, wordMatchFactor } from '../../../shared/search/rank';
import { foldCase } from '../../../shared/search/tokenize';
import type { ArticleBodyRow, HighlightColor, NoteKind, SearchDocRow, YanduDB } from '../../db/schema';
import {
  articleMeta,
  KIND_CODE,
  loadSearchCache,
  postingsTrace,
  readSearchMeta,
  readTermPostings,
  type SearchCache,
} from '../../db/searchIndex';
import { searchReturns, type ReturnPlace } from './returns';

export type SearchSort = 'relevance' | 'date';

/** Benchmarks: set `phases` to an object and each search adds the milliseconds of its phases to it. */
export const searchTrace: { phases: Record<string, number> | null } = { phases: null };
let traceAt = 0;
function count(name: string, n: number): void {
  const p = searchTrace.phases;
  if (p) p[name] = (p[name] ?? 0) + n;
}
function phase(name: string): void {
  const p = searchTrace.phases;
  if (!p) return;
  const now = performance.now();
  if (name) p[name] = (p[name] ?? 0) + (now - traceAt);
  traceAt = now;
}

export interface SearchOptions {
  filters?: SearchFilters;
  sort?: SearchSort;
  /** Most article hits returned (default 20). */
  limit?: number;
  /** Most note and highlight hits returned (default 20). */
  noteLimit?: number;
  /** Verify every candidate (exact totals and every match; for tests and benchmarks). */
  all?: boolean;
}

export interface SearchHit {
  /** 'return': a note in a member's return (学习成果回执), opened in the session's returns view. */
  kind: SearchDocRow['kind'] | 'return';
  id: string;
  articleId: string | null;
  /** Article title; a note's title; for a highlight, its article's title. */
  title: string;
  date: string | null;
  /** 来源 / 栏目 of an article. */
  meta: string;
  snippet: Snippet | null;
  /** Where the snippet comes from. */
  field: 'title' | 'meta' | 'text';
  /** Text offset of the article to open at (a match, or a highlight's start); null: the saved position. */
  at: number | null;
  /** Length of the match to mark at `at`; null: nothing to mark. */
  len: number | null;
  score: number;
  color: HighlightColor | null;
  noteKind: NoteKind | null;
  /** For a return hit: which member, session and note. */
  place?: ReturnPlace;
}

export interface SearchResponse {
  query: ParsedQuery;
  articles: SearchHit[];
  notes: SearchHit[];
  /** Notes in members' returns (exact: returns are scanned, not estimated). */
  returns: SearchHit[];
  totals: { articles: number; notes: number; returns: number };
  /** False when totals are estimates (more candidates than were verified). */
  exact: boolean;
  /** Nothing to search for. */
  empty: boolean;
  /** Only terms of one character: too short to look up. */
  tooShort: boolean;
  /** A rebuild is under way: unindexed articles were scanned instead. */
  rebuilding: boolean;
  ms: number;
}

interface Candidate {
  num: number;
  row: SearchDocRow;
  score: number;
}

/** Documents in every list (sorted), with each document's index in each list. */
interface Joined {
  docs: Int32Array;
  at: Int32Array[];
}

/** First index ≥ from with list[index] ≥ x (galloping: cheap when the next match is near). */
function seek(list: Int32Array, from: number, x: number): number {
  let step = 1;
  let hi = from;
  while (hi < list.length && list[hi]! < x) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (list[mid]! < x) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/**
 * Intersects sorted posting lists (typed arrays: no garbage per candidate): documents first,
 * shortest list driving, then each list's positions of the survivors in one pass each.
 */
function join(lists: readonly { docs: Int32Array }[]): Joined {
  const order = lists.map((_, k) => k).sort((x, y) => lists[x]!.docs.length - lists[y]!.docs.length);
  let docs = lists[order[0]!]!.docs;
  for (let q = 1; q < order.length && docs.length; q++) {
    const b = lists[order[q]!]!.docs;
    const out = new Int32Array(docs.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < docs.length && j < b.length; i++) {
      const x = docs[i]!;
      j = seek(b, j, x);
      if (j < b.length && b[j] === x) out[n++] = x;
    }
    docs = out.subarray(0, n);
  }
  const at = lists.map((l) => {
    const positions = new Int32Array(docs.length);
    let j = 0;
    for (let i = 0; i < docs.length; i++) positions[i] = j = seek(l.docs, j, docs[i]!);
    return positions;
  });
  return { docs, at };
}

const EMPTY: PostingList = { docs: new Int32Array(0), flags: new Uint8Array(0), pass: new Int32Array(0) };

/**
 * The documents that may contain a term: every index term's postings, and for phrases of three
 * or more Han characters, each bigram's follower mask must allow the next character. Flags:
 * the smallest tf code, title only if every index term is in the title.
 */
function termList(
  term: QueryTerm,
  postings: Map<number, PostingList>,
  followers: ReadonlyMap<number, readonly number[]>,
): { docs: Int32Array; flags: Uint8Array } {
  const lists = term.hashes.map((h) => ({ h, list: postings.get(h) ?? EMPTY })).sort((x, y) => x.list.docs.length - y.list.docs.length);
  // One index term and nothing to check: its postings as they are (flags: tf code | title).
  if (lists.length === 1 && !term.follow.length) return { docs: lists[0]!.list.docs, flags: lists[0]!.list.flags };
  const j = join(lists.map((l) => l.list));
  const follow = term.follow.map(([h, fh]) => {
    const k = lists.findIndex((l) => l.h === h);
    return { pass: lists[k]!.list.pass, at: j.at[k]!, bit: 1 << followers.get(h)!.indexOf(fh) };
  });
  const docs = new Int32Array(j.docs.length);
  const flags = new Uint8Array(j.docs.length);
  let n = 0;
  for (let i = 0; i < j.docs.length; i++) {
    let ok = true;
    for (const f of follow) {
      if ((f.pass[f.at[i]!]! & f.bit) === 0) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    let tf = 3;
    let title = 4;
    for (let k = 0; k < lists.length; k++) {
      const x = lists[k]!.list.flags[j.at[k]![i]!]!;
      tf = Math.min(tf, x & 3);
      title &= x;
    }
    docs[n] = j.docs[i]!;
    flags[n++] = tf | title;
  }
  return { docs: docs.subarray(0, n), flags: flags.subarray(0, n) };
}

/** Terms whose postings are exactly the documents containing them (one bigram, or a Latin token). */
function indexExact(t: QueryTerm): boolean {
  return /^[a-z0-9]+$/.test(t.text) || (t.text.length === 2 && t.keys.length === 1 && t.keys[0] === t.text);
}

/**
 * Candidates handed out best first, lazily: a binary heap over indices (O(n) to build), so
 * only as many as verification consumes are ever ordered. With `keep`, only the best `keep`
 * are held at all (a bounded heap while pushing): for queries the index decides exactly.
 */
class Ranked {
  rows: SearchDocRow[] = [];
  scores: number[] = [];
  private heap: Int32Array | null = null;
  private size = 0;
  private total = 0;
  /** While bounded and full: kept indices, worst on top. */
  private worst: Int32Array | null = null;
  constructor(
    readonly byDate: boolean,
    private readonly keep = Infinity,
  ) {}
  /** Every candidate pushed (also those not kept). */
  get length(): number {
    return this.total;
  }
  /** True when (sa, ra) ranks before (sb, rb). */
  private ranks(sa: number, ra: SearchDocRow, sb: number, rb: SearchDocRow): boolean {
    if (!this.byDate && sa !== sb) return sa > sb;
    const da = ra.date ?? '';
    const db = rb.date ?? '';
    if (this.byDate) return da !== db ? da > db : sa > sb;
    return da > db;
  }
  private before(a: number, b: number): boolean {
    return this.ranks(this.scores[a]!, this.rows[a]!, this.scores[b]!, this.rows[b]!);
  }
  /**
   * False (and counted) when a candidate of this score cannot be kept: the heap is full and
   * its worst ranks higher whatever the date. Then its row need not even be looked up.
   */
  offer(score: number): boolean {
    if (this.byDate || this.rows.length < this.keep) return true;
    if (score < this.scores[this.worst![0]!]!) {
      this.total++;
      return false;
    }
    return true;
  }
  push(row: SearchDocRow, score: number): void {
    this.total++;
    if (this.rows.length < this.keep) {
      this.rows.push(row);
      this.scores.push(score);
      if (this.rows.length === this.keep) {
        const w = (this.worst = new Int32Array(this.keep));
        for (let i = 0; i < this.keep; i++) w[i] = i;
        for (let i = (this.keep >> 1) - 1; i >= 0; i--) this.worstDown(i);
      }
      return;
    }
    const w = this.worst!;
    const top = w[0]!;
    if (!this.ranks(score, row, this.scores[top]!, this.rows[top]!)) return;
    this.rows[top] = row;
    this.scores[top] = score;
    this.worstDown(0);
  }
  private worstDown(i: number): void {
    const h = this.worst!;
    const n = h.length;
    const x = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(h[c]!, h[c + 1]!)) c++;
      if (!this.before(x, h[c]!)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = x;
  }
  private down(i: number): void {
    const h = this.heap!;
    const n = this.size;
    const x = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(h[c + 1]!, h[c]!)) c++;
      if (!this.before(h[c]!, x)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = x;
  }
  /** The next best candidate's index, or -1. */
  next(): number {
    if (!this.heap) {
      this.size = this.rows.length;
      this.heap = new Int32Array(this.size);
      for (let i = 0; i < this.size; i++) this.heap[i] = i;
      for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
    }
    if (!this.size) return -1;
    const top = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    if (this.size) this.down(0);
    return top;
  }
}

function passes(row: SearchDocRow, f: SearchFilters, annotated: () => AnnotationIndex): boolean {
  if (f.from && (!row.date || row.date.slice(0, 10) < f.from)) return false;
  if (f.to && (!row.date || row.date.slice(0, 10) > f.to)) return false;
  if (row.kind === 'article') {
    if (f.noteKind) return false;
    if (f.source && !row.meta.includes(f.source) && row.sourceId !== f.source) return false;
    if (f.column && !(row.column ?? '').includes(f.column)) return false;
    if (f.hasHighlights && !annotated().highlights.has(row.articleId!)) return false;
    if (f.hasNotes && !annotated().notes.has(row.articleId!)) return false;
    if (f.color && !annotated().colors.get(f.color)?.has(row.articleId!)) return false;
    if (f.tag && !annotated().tags.get(bareTag(f.tag))?.has(row.articleId!)) return false;
    return true;
  }
  if (f.source || f.column || f.hasHighlights || f.hasNotes) {
    // Annotations of articles that match the article filters.
    return false;
  }
  if (f.color && row.color !== f.color) return false;
  if (f.noteKind && row.noteKind !== f.noteKind) return false;
  if (f.tag && !row.tags.includes(bareTag(f.tag))) return false;
  return true;
}

interface AnnotationIndex {
  highlights: Set<string>;
  notes: Set<string>;
  colors: Map<string, Set<string>>;
  tags: Map<string, Set<string>>;
}

function annotationIndex(cache: SearchCache): AnnotationIndex {
  const out: AnnotationIndex = { highlights: new Set(), notes: new Set(), colors: new Map(), tags: new Map() };
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const s = m.get(k);
    if (s) s.add(v);
    else m.set(k, new Set([v]));
  };
  for (const row of cache.docs.values()) {
    if (row.kind === 'article' || !row.articleId) continue;
    (row.kind === 'highlight' ? out.highlights : out.notes).add(row.articleId);
    if (row.color) add(out.colors, row.color, row.articleId);
    for (const t of row.tags) add(out.tags, t, row.articleId);
  }
  return out;
}

interface Texts {
  fields: string[];
  /** Index of the field snippets prefer. */
  main: number;
  /** Offset of field `main` within the article text (highlights), for the reader link. */
  base: number;
}

/** Bodies in parallel read transactions of up to 24 (Chromium serves separate transactions concurrently). */
async function bulkGetParallel(db: YanduDB, ids: string[]) {
  if (ids.length <= 24) return db.bodies.bulkGet(ids);
  const parts: Promise<(ArticleBodyRow | undefined)[]>[] = [];
  for (let i = 0; i < ids.length; i += 24) parts.push(db.bodies.bulkGet(ids.slice(i, i + 24)));
  return (await Promise.all(parts)).flat();
}

/**
 * Article texts recently verified, by document number, up to TEXT_CACHE_CHARS: a document
 * number is never reused for other text (a changed body is indexed under a new number; a reset
 * starts a new SearchCache, whose rows an entry must match), so entries never go stale.
 */
interface TextCache {
  map: Map<number, { row: SearchDocRow; text: string }>;
  chars: number;
}
const TEXT_CACHE_CHARS = 8_000_000;
const textCaches = new WeakMap<YanduDB, TextCache>();

function textCache(db: YanduDB): TextCache {
  let c = textCaches.get(db);
  if (!c) textCaches.set(db, (c = { map: new Map(), chars: 0 }));
  return c;
}

function rememberText(c: TextCache, row: SearchDocRow, text: string): void {
  const prior = c.map.get(row.num);
  if (prior) c.chars -= prior.text.length;
  c.map.delete(row.num);
  c.map.set(row.num, { row, text });
  c.chars += text.length;
  if (c.chars <= TEXT_CACHE_CHARS) return;
  // Evicts down to three quarters at once: a Map walked from the front after many deletes
  // from the front steps over every deleted slot, so evicting one by one is quadratic.
  for (const [num, e] of c.map) {
    if (c.chars <= TEXT_CACHE_CHARS * 0.75) break;
    c.map.delete(num);
    c.chars -= e.text.length;
  }
}

async function loadTexts(db: YanduDB, rows: readonly SearchDocRow[], cache: SearchCache): Promise<Map<number, Texts>> {
  const out = new Map<number, Texts>();
  const ids = (kind: SearchDocRow['kind']) => rows.filter((r) => r.kind === kind);
  const tc = textCache(db);
  const a = ids('article').filter((r) => {
    const e = tc.map.get(r.num);
    if (!e || e.row !== r || cache.byNum[r.num] !== r) return true;
    // Most recently used last.
    tc.map.delete(r.num);
    tc.map.set(r.num, e);
    out.set(r.num, { fields: [e.text, r.title, r.meta], main: 0, base: 0 });
    count('textHits', 1);
    return false;
  });
  const h = ids('highlight');
  const n = ids('note');
  const [bodies, hs, ns] = await Promise.all([
    a.length
      ? bulkGetParallel(
          db,
          a.map((r) => r.articleId!),
        )
      : [],
    h.length ? db.highlights.bulkGet(h.map((r) => r.key.slice(2))) : [],
    n.length ? db.notes.bulkGet(n.map((r) => r.key.slice(2))) : [],
  ]);
  a.forEach((r, i) => {
    const b = bodies[i];
    if (!b) return;
    out.set(r.num, { fields: [b.text, r.title, r.meta], main: 0, base: 0 });
    if (cache.byNum[r.num] === r) rememberText(tc, r, b.text);
  });
  h.forEach((r, i) => {
    const x = hs[i];
    if (x) out.set(r.num, { fields: [x.selector.exact, [x.comment ?? '', ...x.tags].join('\n')], main: 0, base: x.selector.start });
  });
  n.forEach((r, i) => {
    const x = ns[i];
    if (x) out.set(r.num, { fields: [x.text, x.title, x.tags.join('\n')], main: 0, base: 0 });
  });
  return out;
}

function toHit(row: SearchDocRow, texts: Texts, terms: readonly QueryTerm[], score: number, cache: SearchCache): SearchHit {
  const folded = texts.fields.map(foldCase);
  let snippet: Snippet | null = null;
  let fieldIndex = 0;
  for (let i = 0; i < texts.fields.length && !snippet; i++) {
    snippet = makeSnippet(texts.fields[i]!, folded[i]!, terms);
    fieldIndex = i;
  }
  if (!snippet && texts.fields[0]) {
    // Filters only: the start of the text.
    snippet = { parts: [{ text: texts.fields[0].slice(0, 80).replace(/\s+/g, ' '), mark: false }], at: 0, length: 0 };
    fieldIndex = 0;
  }
  const inText = fieldIndex === 0 && snippet !== null && terms.length > 0;
  const field: SearchHit['field'] = fieldIndex === 0 ? 'text' : row.kind === 'article' && fieldIndex === 1 ? 'title' : 'meta';
  const id = row.key.slice(2);
  let at: number | null = null;
  let len: number | null = null;
  if (row.kind !== 'note') {
    if (inText) {
      at = texts.base + snippet!.at;
      len = snippet!.length;
    } else if (row.kind === 'highlight') at = texts.base;
  }
  const article = row.articleId ? cache.docs.get(cache.byKey.get(`a:${row.articleId}`) ?? -1) : undefined;
  return {
    kind: row.kind,
    id,
    articleId: row.articleId,
    title: row.kind === 'highlight' ? (article?.title ?? '') : row.title,
    date: row.date,
    meta: row.kind === 'article' ? row.meta.split('\n').join(' · ') : (article?.title ?? ''),
    snippet,
    field,
    at,
    len,
    score,
    color: row.color,
    noteKind: row.noteKind,
  };
}

/** Most candidates verified for `limit` hits (when fewer pass, totals are estimated). */
function verifyBudget(limit: number): number {
  return limit * 6 + 30;
}

/** Verifies candidates in rank order until `limit` hits (or all, with `all`). */
async function verifyGroup(
  db: YanduDB,
  cands: Ranked,
  q: ParsedQuery,
  limit: number,
  all: boolean,
  cache: SearchCache,
  decided = false,
): Promise<{ hits: SearchHit[]; checked: number; matched: number }> {
  const hits: SearchHit[] = [];
  let checked = 0;
  let matched = 0;
  const budget = all ? Infinity : verifyBudget(limit);
  while (checked < cands.length && checked < budget && (all || hits.length < limit)) {
    // First round: about what is missing; when candidates fail, bigger rounds (fewer round trips).
    // First round: what is missing and a few more; later rounds by the pass rate seen so far
    // (fewer round trips when most candidates fail, no waste when most pass).
    const rate = Math.max(0.05, matched / Math.max(1, checked));
    const want = all
      ? 400
      : checked === 0
        ? decided
          ? limit
          : Math.max(8, limit + 4)
        : Math.min(budget - checked, Math.ceil(((limit - hits.length) / rate) * 1.25) + 4);
    const chunk: Candidate[] = [];
    for (let i = cands.next(); i >= 0; i = chunk.length < want ? cands.next() : -1) {
      chunk.push({ num: cands.rows[i]!.num, row: cands.rows[i]!, score: cands.scores[i]! });
      if (chunk.length >= want) break;
    }
    if (!chunk.length) break;
    checked += chunk.length;
    const t0 = performance.now();
    const texts = await loadTexts(
      db,
      chunk.map((c) => c.row),
      cache,
    );
    count('fetchMs', performance.now() - t0);
    count('fetched', chunk.length);
    count('rounds', 1);
    for (const c of chunk) {
      const t = texts.get(c.num);
      if (!t) continue;
      const folded = t.fields.map(foldCase);
      if (!verify(folded, q.terms, q.exclude)) continue;
      matched++;
      count('passed', 1);
      // A term found only inside other words (责任 in 职责任务) ranks below the word itself.
      const score = cands.byDate ? c.score : c.score * wordMatchFactor(folded, q.terms);
      if (hits.length < limit || all) hits.push(toHit(c.row, t, q.terms, score, cache));
    }
  }
  // Stable: equal scores keep the candidates' order (newer first).
  if (!cands.byDate) hits.sort((a, b) => b.score - a.score);
  return { hits, checked, matched };
}

/** Articles not yet indexed while a rebuild runs: verified by scanning their text. */
async function scanUnindexed(
  db: YanduDB,
  after: string | null,
  cache: SearchCache,
  q: ParsedQuery,
  f: SearchFilters,
): Promise<Candidate[]> {
  if (!q.terms.length) return [];
  const rows = await (after === null ? db.articles.toCollection() : db.articles.where('id').above(after)).toArray();
  const out: Candidate[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200).filter((r) => !cache.byKey.has(`a:${r.id}`));
    const bodies = await db.bodies.bulkGet(chunk.map((r) => r.id));
    chunk.forEach((r, k) => {
      const text = bodies[k]?.text;
      if (text === undefined) return;
      const row: SearchDocRow = {
        num: -1 - out.length,
        key: `a:${r.id}`,
        kind: 'article',
        articleId: r.id,
        length: text.length,
        title: r.title,
        meta: articleMeta(r),
        date: r.publishedAt,
        sourceId: r.sourceId,
        column: r.column,
        color: null,
        noteKind: null,
        tags: [],
      };
      const folded = [text, r.title, row.meta].map(foldCase);
      if (!passes(row, f, () => annotationIndex(cache)) || !verify(folded, q.terms, q.exclude)) return;
      let score = 0;
      for (const t of q.terms) score += folded.some((x) => findTerm(x, t) >= 0) ? 1 : 0;
      out.push({ num: row.num, row, score });
    });
  }
  return out;
}

export async function search(db: YanduDB, input: string, options: SearchOptions = {}): Promise<SearchResponse> {
  const started = performance.now();
  const q = parseQuery(input);
  const f: SearchFilters = { ...q.filters, ...options.filters };
  const limit = options.limit ?? 20;
  const noteLimit = options.noteLimit ?? 20;
  const all = options.all ?? false;
  const hasFilter = Object.values(f).some((x) => x !== undefined && x !== false && x !== '');
  const base: SearchResponse = {
    query: q,
    articles: [],
    notes: [],
    returns: [],
    totals: { articles: 0, notes: 0, returns: 0 },
    exact: true,
    empty: false,
    tooShort: false,
    rebuilding: false,
    ms: 0,
  };
  const done = (r: SearchResponse) => ({ ...r, ms: performance.now() - started });
  if (!q.terms.length && !hasFilter) return done({ ...base, empty: true });
  if (q.terms.length && !q.hasSearchableTerm && !hasFilter) return done({ ...base, tooShort: true });

  phase('');
  postingsTrace.counts = searchTrace.phases;
  const cache = await loadSearchCache(db);
  phase('parse+cache');
  const keyed = q.terms.filter((t) => t.keys.length > 0);
  const wordHashes = keyed.flatMap((t) => (t.word !== null ? [t.word] : []));
  // The followers each bigram's masks are tested against (at most 31 per bigram; beyond, unchecked).
  const followers = new Map<number, number[]>();
  for (const t of keyed) {
    t.follow = t.follow.filter(([h, fh]) => {
      const list = followers.get(h) ?? [];
      followers.set(h, list);
      if (!list.includes(fh) && list.length < 31) list.push(fh);
      return list.includes(fh);
    });
  }
  const postings = keyed.length
    ? await readTermPostings(
        db,
        [...keyed.flatMap((t) => t.hashes), ...wordHashes],
        cache,
        followers,
        keyed.map((t) => t.hashes),
        wordHashes,
      )
    : new Map<number, PostingList>();

  phase('postings');
  // Candidates: every keyed term's documents, intersected (rarest first).
  const lists = keyed.map((t) => ({ t, list: termList(t, postings, followers) })).sort((a, b) => a.list.docs.length - b.list.docs.length);
  const total = cache.count.article + cache.count.highlight + cache.count.note;
  const idfs = lists.map((l) => idf(Math.max(total, 1), l.list.docs.length));
  let candDocs: Int32Array;
  let candFlags: Uint8Array[];
  if (lists.length === 1) {
    // One term: no intersection, no copies.
    candDocs = lists[0]!.list.docs;
    candFlags = [lists[0]!.list.flags];
  } else if (lists.length) {
    const j = join(lists.map((l) => l.list));
    candDocs = j.docs;
    candFlags = lists.map((l, k) => {
      const at = j.at[k]!;
      const out = new Uint8Array(at.length);
      for (let i = 0; i < at.length; i++) out[i] = l.list.flags[at[i]!]!;
      return out;
    });
  } else {
    candDocs = Int32Array.from(cache.docs.keys());
    candFlags = [];
  }
  const wordSets = lists.map(({ t }) => (t.word !== null ? new Set(postings.get(t.word)?.docs ?? []) : null));

  let annotations: AnnotationIndex | null = null;
  const annotated = () => (annotations ??= annotationIndex(cache));
  const avg = {
    article: cache.lengthSum.article / Math.max(1, cache.count.article),
    highlight: cache.lengthSum.highlight / Math.max(1, cache.count.highlight),
    note: cache.lengthSum.note / Math.max(1, cache.count.note),
  };
  const byDateSort = options.sort === 'date';
  // Exact when the index alone decides (single bigrams, Latin tokens, no exclusions), or all were verified.
  const decided = q.exclude.length === 0 && q.terms.every(indexExact) && q.terms.length > 0;
  // Verification never looks past its budget (verifyGroup): only the best that many need
  // keeping and ordering; when the index decides, every candidate is a hit, so only the best few.
  const keep = all ? Infinity : decided ? Math.max(limit, noteLimit) + 8 : verifyBudget(Math.max(limit, noteLimit));
  const articleCands = new Ranked(byDateSort, keep);
  const noteCands = new Ranked(byDateSort, keep);
  const byNum = cache.byNum;
  // Scores from the dense typed arrays; a row is looked up only when the candidate can enter
  // its heap (or filters need it): common queries have 100,000 candidates and keep 28.
  const { kinds, lengths } = cache;
  const avgOf = [0, avg.article, avg.highlight, avg.note];
  for (let i = 0; i < candDocs.length; i++) {
    const num = candDocs[i]!;
    const kind = kinds[num];
    if (!kind) continue;
    let score = 0;
    for (let k = 0; k < lists.length; k++) {
      score += termScore(idfs[k]!, candFlags[k]![i]!, lengths[num]!, avgOf[kind]!);
      if (wordSets[k]?.has(num)) score += idfs[k]! * WORD_BOOST;
    }
    const into = kind === KIND_CODE.article ? articleCands : noteCands;
    if (!hasFilter && !into.offer(score)) continue;
    const row = byNum[num]!;
    if (hasFilter && !passes(row, f, annotated)) continue;
    into.push(row, score);
  }

  phase('score');
  count('cands', articleCands.length + noteCands.length);
  const { meta, checkpoint } = await readSearchMeta(db);
  phase('meta');
  const rebuilding = meta !== null && !meta.complete;
  if (rebuilding)
    for (const c of await scanUnindexed(db, checkpoint?.phase === 'articles' ? checkpoint.after : null, cache, q, f))
      articleCands.push(c.row, c.score);

  const [ar, nr, rr] = await Promise.all([
    verifyGroup(db, articleCands, q, limit, all, cache, decided),
    verifyGroup(db, noteCands, q, noteLimit, all, cache, decided),
    searchReturns(db, q, f, all ? Infinity : noteLimit),
  ]);
  phase('verify');
  const totalOf = (cands: Ranked, r: { checked: number; matched: number }) =>
    r.checked >= cands.length ? r.matched : decided ? cands.length : Math.round((r.matched / Math.max(1, r.checked)) * cands.length);
  const exact = (ar.checked >= articleCands.length || decided) && (nr.checked >= noteCands.length || decided);
  return done({
    ...base,
    articles: ar.hits,
    notes: nr.hits,
    returns: rr.hits.map((m): SearchHit => ({
      kind: 'return',
      id: m.place.noteId,
      articleId: null,
      title: m.title,
      date: m.date,
      meta: [m.place.member, m.place.session].filter(Boolean).join(' · '),
      snippet: m.snippet,
      field: m.at === null ? 'meta' : 'text',
      at: m.at,
      len: m.len,
      score: m.score,
      color: null,
      noteKind: m.noteKind,
      place: m.place,
    })),
    totals: { articles: totalOf(articleCands, ar), notes: totalOf(noteCands, nr), returns: rr.total },
    exact,
    rebuilding,
  });
}
