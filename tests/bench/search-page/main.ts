/**
 * Bench-only page (built by tests/bench/search.ts into <dist>/renderer/__bench/, served by the
 * browser host on the app's origin): drives the app's own database, index writers (worker
 * builder) and query engine on synthetic Chinese articles.
 */
import MiniSearch from 'minisearch';
import type { ArticlePayload } from '../../../shared/domain/article';
import { createArticleRepository } from '../../../renderer/db/repositories';
import { YanduDB } from '../../../renderer/db/schema';
import {
  compactSearchIndex,
  loadSearchCache,
  openSearchIndex,
  rebuildSearchIndex,
  searchIndexSize,
  setIndexBuilder,
  setRecordMerger,
} from '../../../renderer/db/searchIndex';
import { search, searchTrace } from '../../../renderer/core/search/engine';
import { createIndexWorkers } from '../../../renderer/core/search/workerBuilder';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质声'.split(
    '',
  );

class Corpus {
  private words: string[] = [];
  private cum: number[] = [];
  constructor(seed = 7) {
    const r = rng(seed);
    for (let i = 0; i < 6000; i++) {
      const len = r() < 0.7 ? 2 : r() < 0.7 ? 3 : 4;
      let w = '';
      for (let k = 0; k < len; k++) w += CHARS[Math.floor(r() * r() * CHARS.length)]!;
      this.words.push(w);
    }
    // Zipf-like word frequencies.
    let acc = 0;
    for (let i = 0; i < this.words.length; i++) this.cum.push((acc += 1 / (i + 1)));
  }
  private word(r: () => number): string {
    const x = r() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! < x) lo = mid + 1;
      else hi = mid - 1 < lo ? lo : mid;
    }
    return this.words[lo]!;
  }
  article(n: number): ArticlePayload {
    const r = rng(n * 2654435761 + 1);
    const paragraphs: string[] = [];
    let total = 0;
    while (total < 3000) {
      let p = '';
      const target = 80 + Math.floor(r() * 160);
      while (p.length < target) {
        p += this.word(r);
        const x = r();
        if (x < 0.1) p += '，';
        else if (x < 0.14) p += '。';
      }
      p += '。';
      paragraphs.push(p);
      total += p.length;
    }
    let title = '';
    for (let k = 0; k < 3 + Math.floor(r() * 3); k++) title += this.word(r);
    const text = paragraphs.join('\n');
    const y = 2010 + Math.floor(r() * 15);
    return {
      id: `a_b${n}`,
      urlKey: `bench:${n}`,
      url: null,
      title,
      publishedAt: `${y}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      origin: ['中国纪检监察报', '人民日报', '学习时报', '求是'][n % 4]!,
      author: null,
      editor: null,
      column: ['廉政', '理论', '要闻'][n % 3]!,
      sourceId: 'bench',
      sourceName: '基准',
      html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      text,
      contentHash: n.toString(16).padStart(64, '0'),
    };
  }
}

const pause = () => new Promise((r) => setTimeout(r, 0));

interface Bench {
  db: YanduDB;
  corpus: Corpus;
  texts: string[];
  titles: string[];
}
let bench: Bench | null = null;

async function importDocs(count: number, batch: number) {
  const workers = createIndexWorkers();
  setIndexBuilder(workers?.build ?? null);
  setRecordMerger(workers?.merge ?? null);
  const db = new YanduDB('yandu');
  await db.open();
  const rebuild = await openSearchIndex(db);
  const corpus = new Corpus();
  // A kept profile (SEARCH_KEEP_PROFILE) that already holds the articles: regenerate the texts only.
  const reuse = (await db.articles.count()) === count;
  const repo = createArticleRepository(db);
  const texts: string[] = [];
  const titles: string[] = [];
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  let textChars = 0;
  const inFlight: Promise<number>[] = [];
  for (let from = 0; from < count; from += batch) {
    const payloads: ArticlePayload[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const p = corpus.article(i);
      texts.push(p.text);
      titles.push(p.title);
      textChars += p.text.length + p.title.length;
      payloads.push(p);
      if (i % 10 === 9 && !reuse) await pause();
    }
    if (!reuse) inFlight.push(repo.addMany(payloads));
    if (inFlight.length >= 2) await inFlight.shift();
  }
  await Promise.all(inFlight);
  // A kept profile from an older index format: its index is rebuilt (timed as the import).
  if (reuse && rebuild) await rebuildSearchIndex(db);
  const importMs = performance.now() - started;
  await pause();
  observer.disconnect();
  bench = { db, corpus, texts, titles };
  const size = await searchIndexSize(db);
  let docBytes = 0;
  await db.searchDocs.each((d) => (docBytes += JSON.stringify(d).length));
  const t = performance.now();
  await loadSearchCache(db);
  const cacheMs = performance.now() - t;
  let utf8 = 0;
  for (let i = 0; i < texts.length; i++) utf8 += new TextEncoder().encode(texts[i]!).length + new TextEncoder().encode(titles[i]!).length;
  return {
    importMs,
    longTaskMax: longTasks.length ? Math.max(...longTasks) : 0,
    longTaskCount: longTasks.length,
    indexBytes: size.bytes + docBytes,
    postingBytes: size.bytes,
    recordsPerBucket: size.records / Math.max(1, size.buckets),
    textUtf8Bytes: utf8,
    textUtf16Bytes: textChars * 2,
    cacheMs,
  };
}

function sampleQueries(n: number, seed = 99): string[] {
  const r = rng(seed);
  const out: string[] = [];
  const { texts } = bench!;
  while (out.length < n) {
    const text = texts[Math.floor(r() * texts.length)]!;
    const len = 2 + (out.length % 5);
    const at = Math.floor(r() * (text.length - len));
    const q = text.slice(at, at + len);
    if (/^[\u4e00-\u9fff]+$/.test(q)) out.push(q);
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function runQueries(n: number, scanN: number, checkN: number, seed = 99) {
  const { db, texts, titles } = bench!;
  const queries = sampleQueries(n, seed);
  await search(db, '"预热"');
  searchTrace.phases = {};
  const times: number[] = [];
  const slow: Record<string, number | string>[] = [];
  let hits = 0;
  let notContaining = 0;
  for (const q of queries) {
    const before = { ...searchTrace.phases };
    const t = performance.now();
    const r = await search(db, `"${q}"`, { limit: 20 });
    times.push(performance.now() - t);
    const after = searchTrace.phases ?? {};
    const d = (k: string) => Math.round(((after[k] ?? 0) - (before[k] ?? 0)) * 10) / 10;
    slow.push({
      q,
      ms: times[times.length - 1]!,
      cands: d('cands'),
      fetched: d('fetched'),
      passed: d('passed'),
      rounds: d('rounds'),
      post: d('postings'),
      fetchMs: d('fetchMs'),
      score: d('score'),
      readMs: d('postReadMs'),
      decMs: d('postDecodeMs'),
      kb: Math.round(d('bytesRead') / 1024),
      recs: d('recordsRead'),
      decoded: d('decoded'),
    });
    hits += r.articles.length;
    for (const h of r.articles) {
      const i = Number(h.id.slice(3));
      if (!texts[i]!.includes(q) && !titles[i]!.includes(q)) notContaining++;
      if (!h.snippet?.parts.some((p) => p.mark)) notContaining++;
    }
  }
  const phases: Record<string, unknown> = searchTrace.phases ?? {};
  phases.slowest = slow.sort((a, b) => Number(b.ms) - Number(a.ms)).slice(0, 16);
  for (let len = 2; len <= 6; len++) {
    const ts = times.filter((_, i) => queries[i]!.length === len);
    if (ts.length) phases[`p95_len${len}`] = Math.round(pct(ts, 95) * 10) / 10;
  }
  searchTrace.phases = null;
  // Baseline: String.includes over every text.
  const scanTimes: number[] = [];
  for (const q of queries.slice(0, scanN)) {
    const t = performance.now();
    const found: number[] = [];
    for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(q) || titles[i]!.includes(q)) found.push(i);
    scanTimes.push(performance.now() - t);
    await pause();
  }
  // Recall: every article containing the substring is found (all candidates verified).
  let missing = 0;
  let extra = 0;
  for (const q of queries.slice(0, checkN)) {
    const want = new Set<number>();
    for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(q) || titles[i]!.includes(q)) want.add(i);
    const r = await search(db, `"${q}"`, { all: true, limit: 1e9 });
    const got = new Set(r.articles.map((h) => Number(h.id.slice(3))));
    for (const i of want) if (!got.has(i)) missing++;
    for (const i of got) if (!want.has(i)) extra++;
    await pause();
  }
  return {
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    scanP95: scanTimes.length ? pct(scanTimes, 95) : 0,
    avgHits: hits / queries.length,
    notContaining,
    missing,
    extra,
    phases,
  };
}

/** Compaction as the app runs it once writes settle (records per bucket folded together). */
async function compact() {
  const { db } = bench!;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t = performance.now();
  const removed = await compactSearchIndex(db);
  const ms = performance.now() - t;
  await pause();
  observer.disconnect();
  const size = await searchIndexSize(db);
  return {
    ms,
    removed,
    recordsPerBucket: size.records / Math.max(1, size.buckets),
    postingBytes: size.bytes,
    longTaskMax: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

/** Character bigrams (and single Han characters of one-character runs): MiniSearch's CJK tokeniser here. */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * Baseline: MiniSearch (an in-memory inverted index) with the bigram tokeniser over the same
 * articles, queried with the same phrases as AND of their bigrams (its top 20; no phrase check,
 * no snippets, so it does less than our engine). Built in chunks so the page stays alive.
 */
async function runMiniSearch(n: number) {
  const { texts, titles } = bench!;
  const heapBefore = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const started = performance.now();
  const mini = new MiniSearch<{ id: number; title: string; text: string }>({
    fields: ['title', 'text'],
    tokenize: bigrams,
    processTerm: (t) => t,
    searchOptions: { combineWith: 'AND', boost: { title: 2 } },
  });
  await mini.addAllAsync(
    texts.map((text, id) => ({ id, title: titles[id]!, text })),
    { chunkSize: 50 },
  );
  const buildMs = performance.now() - started;
  const heapAfter = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const times: number[] = [];
  for (const q of sampleQueries(n)) {
    const t = performance.now();
    mini.search(q).slice(0, 20);
    times.push(performance.now() - t);
  }
  return { buildMs, heapMb: (heapAfter - heapBefore) / 2 ** 20, p95: pct(times, 95) };
}

/** Errors with their name, message and inner error (Dexie wraps IndexedDB's). */
function explain<A extends unknown[], R>(f: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  return (...a) =>
    f(...a).catch((e: unknown) => {
      const x = e as { name?: string; message?: string; inner?: { name?: string; message?: string }; stack?: string };
      throw new Error(`${x.name}: ${x.message} (inner: ${x.inner?.name}: ${x.inner?.message})\n${x.stack ?? ''}`);
    });
}

(window as unknown as { searchBench: unknown }).searchBench = {
  importDocs: explain(importDocs),
  runQueries: explain(runQueries),
  runMiniSearch: explain(runMiniSearch),
  compact: explain(compact),
};
document.body.dataset.ready = '1';
