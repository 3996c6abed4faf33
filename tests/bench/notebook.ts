/**
 * Notebook filtering: 20,000 generated entries (highlights and notes over 400 articles, with
 * tags, colours and dates), the in-memory index built once, then the pure filter + grouping
 * for a mix of filters. Prints the median (`notebook_filter_ms`, target ≤ 100 ms).
 */
import type { ArticleRow, HighlightColor, HighlightRow, NoteKind, NoteRow } from '../../renderer/db/schema';
import { buildEntries, buildIndex, EMPTY_FILTER, filterIndex, groupRows, type NotebookFilter } from '../../renderer/core/notebook/entries';

const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'];
const KINDS: NoteKind[] = ['note', 'outline', 'reflection'];
const TAGS = ['理论学习', '作风建设', '党风廉政', '调查研究', '基层治理', '意识形态', '学习贯彻', '纪律教育', '担当作为', '改革发展'];
const WORDS = '坚持以学铸魂以学增智以学正风以学促干推动学习贯彻走深走实全面从严治党永远在路上'.split('');

/** Deterministic rows: `entries` in all, about 3 highlights for every note. */
export function generateNotebookRows(entries: number, articleCount = 400) {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join('');
  const day = (i: number) => new Date(Date.UTC(2023, 0, 1, 12) + (i % 1000) * 86_400_000).toISOString();
  const articles: ArticleRow[] = Array.from({ length: articleCount }, (_, i) => ({
    id: `a${i}`,
    version: 1,
    updatedAt: null,
    urlKey: `bench:${i}`,
    url: null,
    title: `学习文章第${i}篇：${words(8)}`,
    publishedAt: day(i * 3).slice(0, 10),
    origin: '研读编辑部',
    author: null,
    editor: null,
    column: '学习参考',
    sourceId: 'bench',
    sourceName: '基准',
    zi: 5000,
    contentHash: '0'.repeat(64),
    addedAt: day(i),
  }));
  const highlights: HighlightRow[] = [];
  const notes: NoteRow[] = [];
  for (let i = 0; i < entries; i++) {
    const articleId = `a${Math.floor(rand() * articleCount)}`;
    const tags = rand() < 0.6 ? [pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])] : [];
    const createdAt = day(Math.floor(rand() * 1000));
    if (i % 4 !== 3) {
      const start = Math.floor(rand() * 20000);
      const exact = words(10 + Math.floor(rand() * 60));
      highlights.push({
        id: `h${i}`,
        articleId,
        layer: 'personal',
        color: pick(COLORS),
        style: rand() < 0.1 ? 'underline' : 'fill',
        selector: { exact, prefix: words(8), suffix: words(8), start, end: start + exact.length },
        articleVersion: 1,
        orphan: rand() < 0.02,
        tags,
        comment: rand() < 0.2 ? words(20) : null,
        createdAt,
        updatedAt: createdAt,
      });
    } else {
      const onHighlight = highlights.length > 0 && rand() < 0.5 ? highlights[highlights.length - 1]! : null;
      const text = words(50 + Math.floor(rand() * 400));
      notes.push({
        id: `n${i}`,
        kind: pick(KINDS),
        articleId: onHighlight ? onHighlight.articleId : rand() < 0.8 ? articleId : null,
        highlightId: onHighlight?.id ?? null,
        title: words(6),
        doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        text,
        zi: text.length,
        tags,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  return { articles, highlights, notes };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchNotebook(): Promise<Record<string, number>> {
  const { articles, highlights, notes } = generateNotebookRows(20_000);
  let started = performance.now();
  const index = buildIndex(buildEntries(highlights, notes, articles));
  const indexMs = performance.now() - started;
  const filters: NotebookFilter[] = [
    EMPTY_FILTER,
    { ...EMPTY_FILTER, kinds: ['highlight'] },
    { ...EMPTY_FILTER, kinds: ['reflection'], from: '2023-06-01', to: '2024-06-01' },
    { ...EMPTY_FILTER, colors: ['yellow', 'green'] },
    { ...EMPTY_FILTER, tags: ['作风建设'] },
    { ...EMPTY_FILTER, articleId: 'a7' },
    { ...EMPTY_FILTER, query: '走深走实' },
    { ...EMPTY_FILTER, query: '以学 治党', colors: ['blue'], tags: ['理论学习'] },
  ];
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const filter of filters) {
      for (const groupBy of ['article', 'date'] as const) {
        started = performance.now();
        const indices = filterIndex(index, filter, groupBy);
        groupRows(index, indices, groupBy, '独立笔记');
        times.push(performance.now() - started);
      }
    }
  }
  return {
    notebook_entries: index.data.entries.length,
    notebook_index_ms: Number(indexMs.toFixed(2)),
    notebook_filter_ms: Number(median(times).toFixed(2)),
    notebook_filter_max_ms: Number(Math.max(...times).toFixed(2)),
  };
}
