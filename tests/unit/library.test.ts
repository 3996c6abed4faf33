import { describe, expect, it } from 'vitest';
import { parseRoute, hrefFor } from '../../renderer/ui/router';
import type { ArticleRow } from '../../renderer/db/schema';
import { visibleRows } from '../../renderer/stores/library';
import { countZi, formatChineseDate } from '../../shared/text';

const row = (id: string, title: string, publishedAt: string | null, origin: string, column: string): ArticleRow => ({
  id,
  version: 1,
  updatedAt: null,
  urlKey: id,
  url: null,
  title,
  publishedAt,
  origin,
  author: null,
  editor: null,
  column,
  sourceId: 's',
  sourceName: '示例文库',
  zi: 100,
  contentHash: '0'.repeat(64),
  addedAt: '2026-01-01T00:00:00Z',
});

const rows = [
  row('a', '加强权力监督', '2012-10-10', '中国纪检监察报', '企廉论坛'),
  row('b', '把调查研究做实', '2023-05-12', '研读编辑部', '中心组学习'),
  row('c', '标准化支部建设', null, '某集团党委', '党建时讯'),
];

describe('library list', () => {
  it('sorts by date, newest first; an undated row by the day it was imported (2026-01-01 here), not last', () => {
    expect(visibleRows(rows, '', 'date', 'desc').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(visibleRows(rows, '', 'date', 'asc').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const old = rows.map((r) => (r.id === 'c' ? { ...r, addedAt: '2001-01-01T12:00:00Z' } : r));
    expect(visibleRows(old, '', 'date', 'desc').map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('sorts titles by pinyin', () => {
    // 把 (ba) < 标 (biao) < 加 (jia)
    expect(visibleRows(rows, '', 'title', 'asc').map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('filters on every term across title, 来源 and 栏目', () => {
    expect(visibleRows(rows, '监督', 'date', 'desc').map((r) => r.id)).toEqual(['a']);
    expect(visibleRows(rows, '中心组 调查', 'date', 'desc').map((r) => r.id)).toEqual(['b']);
    expect(visibleRows(rows, '中心组 监督', 'date', 'desc')).toEqual([]);
    expect(visibleRows(rows, '  ', 'date', 'desc')).toHaveLength(3);
  });
});

describe('routes and text', () => {
  it('parses hash routes and refuses odd ids', () => {
    expect(parseRoute('#/read/a_123')).toEqual({ name: 'reader', id: 'a_123' });
    expect(parseRoute('#/read/../../x')).toEqual({ name: 'library' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(hrefFor({ name: 'reader', id: 'x1' })).toBe('#/read/x1');
  });

  it('counts 字 by code point without whitespace and shows dates the Chinese way', () => {
    expect(countZi('学习 贯彻，\n𠀾溪')).toBe(7);
    expect(formatChineseDate('2012-10-10')).toBe('2012年10月10日');
    expect(formatChineseDate('2024-03-05T10:00:00Z')).toBe('2024年3月5日');
    expect(formatChineseDate(null)).toBe('');
  });
});
