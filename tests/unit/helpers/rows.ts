/** Stored rows for database tests: a minimal valid article. */
export function articleRow(i: number, sourceId = 's') {
  return {
    id: `a_${i}`,
    version: 1,
    updatedAt: null,
    urlKey: `k:${i}`,
    url: null,
    title: `文章${i}`,
    publishedAt: '2024-01-02',
    origin: null,
    author: null,
    editor: null,
    column: null,
    sourceId,
    sourceName: '来源',
    zi: 10,
    contentHash: 'f'.repeat(64),
    addedAt: '2025-01-01T00:00:00.000Z',
  };
}
