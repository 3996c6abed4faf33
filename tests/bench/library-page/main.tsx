/**
 * Bench-only page (built by tests/bench/library.ts into <dist>/renderer/__bench_library/,
 * served by the browser host on the app's origin): the app's real library view, store and
 * feed on the app's database with 10,000 articles, then a 1,000-article sync written batch by
 * batch through the sync writer, as the sync service does.
 */
import Dexie from 'dexie';
import { createRoot } from 'react-dom/client';
import type { ArticlePayload } from '../../../shared/domain/article';
import type { SyncBatch } from '../../../shared/domain/sync';
import { applySyncBatch } from '../../../renderer/core/sync/writer';
import { db } from '../../../renderer/db';
import { toArticleRow } from '../../../renderer/db/repositories';
import { DB_NAME } from '../../../renderer/db/schema';
import { openSearchIndex, setIndexBuilder, setRecordMerger } from '../../../renderer/db/searchIndex';
import { createIndexWorkers } from '../../../renderer/core/search/workerBuilder';
import { LibraryView } from '../../../renderer/features/library/LibraryView';
import { useLibrary } from '../../../renderer/stores/library';
import '../../../renderer/ui/styles.css';

const TITLE_CHARS = '学习贯彻党的理论创新成果推动工作高质量发展调查研究民主集中制监督执纪问责支部建设作风纪律'.split('');

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function title(i: number): string {
  let s = '';
  for (let k = 0, x = i * 2654435761; k < 12; k++, x = (x * 1103515245 + 12345) >>> 0) s += TITLE_CHARS[x % TITLE_CHARS.length];
  return `${s}（第${i}篇）`;
}

/** About 2,500 字 in 10 paragraphs, as a synced article has (so its postings are built in the index workers, as in the app). */
function bodyText(i: number): string {
  const paragraphs: string[] = [];
  let x = (i * 2654435761) >>> 0;
  for (let p = 0; p < 10; p++) {
    let s = '';
    for (let k = 0; k < 250; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      s += k % 24 === 23 ? '，' : TITLE_CHARS[x % TITLE_CHARS.length];
    }
    paragraphs.push(`${s}。`);
  }
  return paragraphs.join('\n');
}

async function payload(i: number, prefix: string, full: boolean): Promise<ArticlePayload> {
  const text = full ? `${title(i)}\n${bodyText(i)}` : `${title(i)}\n第${i}篇正文：坚持理论学习与工作实践相结合。`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  return {
    id: `${prefix}${String(i).padStart(6, '0')}`,
    urlKey: `http://bench.example/${prefix}/${i}.html`,
    url: `http://bench.example/${prefix}/${i}.html`,
    title: title(i),
    publishedAt: `20${10 + (i % 15)}-${month}-${day}`,
    origin: ['中国纪检监察报', '研读编辑部', '某集团党委'][i % 3]!,
    author: null,
    editor: null,
    column: ['企廉论坛', '中心组学习', '党建时讯'][i % 3]!,
    sourceId: 'bench',
    sourceName: '基准来源',
    html: text
      .split('\n')
      .map((p) => `<p>${p}</p>`)
      .join(''),
    text,
    contentHash: await sha256(`${prefix}${text}`),
  };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves when the count shows `total` (checked on every DOM change of the toolbar). */
async function countShows(total: number): Promise<number> {
  let el = document.querySelector('[data-testid="library-count"]');
  while (!el) {
    await frame();
    el = document.querySelector('[data-testid="library-count"]');
  }
  const want = `共 ${total} 篇`;
  const found = el;
  return new Promise((resolve) => {
    if (found.textContent === want) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (found.textContent !== want) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(found, { childList: true, characterData: true, subtree: true });
  });
}

export interface LibraryBenchResult {
  seeded: number;
  batchUpdateMs: number[];
  longTasks: number[];
  /** Long tasks that started between a batch's commit and the view showing it (the view's own part). */
  viewLongTasks: number[];
  /** Each long task's start and each batch's start, commit and shown times (for LIBRARY_DEBUG). */
  timeline: string[];
  rowsInDom: number;
}

async function run(seedCount: number, syncCount: number, batchSize: number): Promise<LibraryBenchResult> {
  // A clean library of this origin (the app page opened for the host's cookie may have begun one).
  db.close();
  await Dexie.delete(DB_NAME);
  await db.open();
  const rebuild = await openSearchIndex(db);
  void rebuild;
  const workers = createIndexWorkers();
  setIndexBuilder(workers?.build ?? null);
  setRecordMerger(workers?.merge ?? null);

  // The existing library: metadata rows and short bodies written directly (this bench is about the list).
  const now = new Date().toISOString();
  for (let from = 0; from < seedCount; from += 1000) {
    const batch = await Promise.all(Array.from({ length: Math.min(1000, seedCount - from) }, (_, k) => payload(from + k, 'a_', false)));
    await db.transaction('rw', db.articles, db.bodies, async () => {
      await db.articles.bulkAdd(batch.map((p) => toArticleRow(p, now)));
      await db.bodies.bulkAdd(batch.map((p) => ({ articleId: p.id, html: p.html, text: p.text })));
    });
  }

  await useLibrary.getState().follow();
  createRoot(document.getElementById('root')!).render(<LibraryView />);
  await countShows(seedCount);
  await frame();

  const incoming: ArticlePayload[] = [];
  for (let i = 0; i < syncCount; i++) incoming.push(await payload(seedCount + i, 's_', true));

  const longTasks: number[] = [];
  const tasks: { start: number; duration: number }[] = [];
  const windows: { from: number; to: number }[] = [];
  const timeline: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // A set-up task still running when the observer started is not part of the sync.
      if (e.startTime < syncStart) continue;
      longTasks.push(e.duration);
      tasks.push({ start: e.startTime, duration: e.duration });
      timeline.push(`longtask at ${e.startTime.toFixed(0)} for ${e.duration.toFixed(0)} ms`);
    }
  });
  await frame();
  const syncStart = performance.now();
  observer.observe({ type: 'longtask', buffered: false });
  const batchUpdateMs: number[] = [];
  let total = seedCount;
  for (let seq = 0; seq * batchSize < syncCount; seq++) {
    const articles = incoming.slice(seq * batchSize, (seq + 1) * batchSize);
    const batch: SyncBatch = {
      runId: 'r_bench',
      seq,
      sourceId: 'bench',
      articles,
      pages: articles.map((a) => ({ urlKey: a.urlKey, etag: null, lastModified: null, contentHash: a.contentHash })),
    };
    const started = performance.now();
    const result = await applySyncBatch(db, batch);
    const committed = performance.now();
    total += result.added;
    const shown = await countShows(total);
    batchUpdateMs.push(shown - committed);
    windows.push({ from: committed, to: shown });
    timeline.push(`batch ${seq}: start ${started.toFixed(0)} commit ${committed.toFixed(0)} shown ${shown.toFixed(0)}`);
  }
  await frame();
  await frame();
  observer.disconnect();
  const viewLongTasks = tasks.filter((t) => windows.some((w) => t.start >= w.from && t.start < w.to)).map((t) => t.duration);
  return {
    seeded: seedCount,
    batchUpdateMs,
    viewLongTasks,
    longTasks,
    timeline,
    rowsInDom: document.querySelectorAll('[data-testid="article-row"]').length,
  };
}

(window as unknown as { libraryBench: { run: typeof run } }).libraryBench = { run };
document.body.dataset.ready = '1';
