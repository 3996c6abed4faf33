import { Packer } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ArticleRow, HighlightRow, NoteRow } from '../../renderer/db/schema';
import {
  buildEntries,
  buildIndex,
  EMPTY_FILTER,
  entriesForExport,
  filterIndex,
  groupRows,
  isFilterEmpty,
  ziByYear,
  type NotebookFilter,
} from '../../renderer/core/notebook/entries';
import { notebookDocx } from '../../renderer/features/notebook/exportDocx';
import { docToMarkdown, exportFileName, notebookMarkdown } from '../../renderer/features/notebook/exportMarkdown';
import { parseQuota } from '../../renderer/core/notebook';
import { deriveNote, type DocNode } from '../../renderer/core/notes/noteText';
import { generateNotebookRows } from '../bench/notebook';

function article(id: string, title: string, publishedAt: string): ArticleRow {
  return {
    id,
    version: 1,
    updatedAt: null,
    urlKey: `t:${id}`,
    url: null,
    title,
    publishedAt,
    origin: '研读编辑部',
    author: null,
    editor: null,
    column: null,
    sourceId: 's',
    sourceName: '示例文库',
    zi: 100,
    contentHash: '0'.repeat(64),
    addedAt: '2024-01-01T00:00:00.000Z',
  };
}

function hl(id: string, articleId: string, start: number, exact: string, o: Partial<HighlightRow> = {}): HighlightRow {
  return {
    id,
    articleId,
    layer: 'personal',
    color: 'yellow',
    style: 'fill',
    selector: { exact, prefix: '', suffix: '', start, end: start + exact.length },
    articleVersion: 1,
    orphan: false,
    tags: [],
    comment: null,
    createdAt: '2025-05-01T04:00:00.000Z',
    updatedAt: '2025-05-01T04:00:00.000Z',
    ...o,
  };
}

const para = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
function note(id: string, doc: DocNode, o: Partial<NoteRow> = {}): NoteRow {
  const { text, zi } = deriveNote(doc);
  return {
    id,
    kind: 'note',
    articleId: null,
    highlightId: null,
    title: '',
    doc,
    text,
    zi,
    tags: [],
    createdAt: '2025-06-01T04:00:00.000Z',
    updatedAt: '2025-06-01T04:00:00.000Z',
    ...o,
  };
}

const ARTICLES = [article('a1', '关于加强理论学习的意见', '2012-10-10'), article('a2', '作风建设永远在路上', '2024-03-05')];
const HIGHLIGHTS = [
  hl('h2', 'a1', 500, '学而不思则罔，思而不学则殆。', { color: 'green', tags: ['理论'], createdAt: '2025-01-10T04:00:00.000Z' }),
  hl('h1', 'a1', 20, '理论学习是党员干部的必修课。', {
    tags: ['理论', '必修'],
    comment: '要反复读',
    createdAt: '2025-03-10T04:00:00.000Z',
  }),
  hl('h3', 'a2', 0, '作风建设永远在路上，永远没有休止符。', { color: 'blue', createdAt: '2024-12-31T04:00:00.000Z' }),
  hl('lead', 'a2', 5, '组长的重点摘编', { layer: 'leader' }),
];
const NOTES = [
  note(
    'n1',
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '我的体会' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '学习要' },
            { type: 'text', text: '持之以恒', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'orderedList',
          content: [
            { type: 'listItem', content: [para('每天读一篇')] },
            { type: 'listItem', content: [para('每周写一则')] },
          ],
        },
      ],
    },
    { kind: 'reflection', articleId: 'a1', highlightId: 'h1', title: '读后', tags: ['必修'] },
  ),
  note(
    'n2',
    { type: 'doc', content: [para('整篇文章的发言要点：一是学，二是做。')] },
    { kind: 'outline', articleId: 'a2', createdAt: '2026-01-05T04:00:00.000Z' },
  ),
  note('n3', { type: 'doc', content: [para('独立的心得：知行合一。')] }, { kind: 'reflection', createdAt: '2026-02-01T04:00:00.000Z' }),
];

const index = buildIndex(buildEntries(HIGHLIGHTS, NOTES, ARTICLES));
const keys = (f: Partial<NotebookFilter>, g: 'article' | 'date' = 'article') =>
  filterIndex(index, { ...EMPTY_FILTER, ...f }, g).map((i) => index.data.entries[i]!.key);

describe('notebook entries and filters', () => {
  it('has every personal highlight and note, never the leader layer', () => {
    expect(index.data.entries.map((e) => e.key).sort()).toEqual(['h:h1', 'h:h2', 'h:h3', 'n:n1', 'n:n2', 'n:n3']);
    const h1 = index.data.entries.find((e) => e.key === 'h:h1')!;
    expect(h1.noteText).toContain('持之以恒');
    const n1 = index.data.entries.find((e) => e.key === 'n:n1')!;
    expect(n1).toMatchObject({ quote: '理论学习是党员干部的必修课。', color: 'yellow', position: 20 });
  });

  it('orders by article (newest first), then reading position, a highlight before its note; standalone last', () => {
    expect(keys({})).toEqual(['n:n2', 'h:h3', 'h:h1', 'n:n1', 'h:h2', 'n:n3']);
  });

  it('orders by date, newest first, with a header per day', () => {
    expect(keys({}, 'date')).toEqual(['n:n3', 'n:n2', 'n:n1', 'h:h1', 'h:h2', 'h:h3']);
    const rows = groupRows(index, filterIndex(index, EMPTY_FILTER, 'date'), 'date', '独立笔记');
    expect(rows.filter((r) => r.type === 'group').map((r) => (r.type === 'group' ? r.label : ''))).toEqual([
      '2026年2月1日',
      '2026年1月5日',
      '2025年6月1日',
      '2025年3月10日',
      '2025年1月10日',
      '2024年12月31日',
    ]);
  });

  it('filters by kind, colour, tags (all of them), article, standalone, dates and words', () => {
    expect(keys({ kinds: ['highlight'] })).toEqual(['h:h3', 'h:h1', 'h:h2']);
    expect(keys({ kinds: ['reflection', 'outline'] })).toEqual(['n:n2', 'n:n1', 'n:n3']);
    expect(keys({ colors: ['green', 'blue'] })).toEqual(['h:h3', 'h:h2']);
    expect(keys({ colors: ['yellow'] })).toEqual(['h:h1', 'n:n1']);
    expect(keys({ tags: ['理论'] })).toEqual(['h:h1', 'h:h2']);
    expect(keys({ tags: ['理论', '必修'] })).toEqual(['h:h1']);
    expect(keys({ tags: ['没有这个'] })).toEqual([]);
    expect(keys({ articleId: 'a1' })).toEqual(['h:h1', 'n:n1', 'h:h2']);
    expect(keys({ articleId: '' })).toEqual(['n:n3']);
    expect(keys({ articleId: 'missing' })).toEqual([]);
    expect(keys({ from: '2025-01-01', to: '2025-06-01' })).toEqual(['h:h1', 'n:n1', 'h:h2']);
    expect(keys({ query: '知行 合一' })).toEqual(['n:n3']);
    expect(keys({ query: '要反复读' })).toEqual(['h:h1']);
    expect(isFilterEmpty(EMPTY_FILTER)).toBe(true);
    expect(isFilterEmpty({ ...EMPTY_FILTER, query: '  ' })).toBe(true);
  });

  it('groups by article with headers and counts', () => {
    const rows = groupRows(index, filterIndex(index, EMPTY_FILTER, 'article'), 'article', '独立笔记');
    const groups = rows.filter((r) => r.type === 'group');
    expect(groups.map((g) => (g.type === 'group' ? [g.label, g.count] : null))).toEqual([
      ['《作风建设永远在路上》', 2],
      ['《关于加强理论学习的意见》', 3],
      ['独立笔记', 1],
    ]);
    expect(rows).toHaveLength(9);
  });

  it('counts 字 of notes per year', () => {
    expect(ziByYear(index)).toEqual(
      new Map([
        [2025, NOTES[0]!.zi],
        [2026, NOTES[1]!.zi + NOTES[2]!.zi],
      ]),
    );
  });

  // Speed: the notebook bench (a timed assertion flakes on a loaded machine).
  it('filters 20,000 entries correctly', () => {
    const big = generateNotebookRows(20_000);
    const bigIndex = buildIndex(buildEntries(big.highlights, big.notes, big.articles));
    expect(bigIndex.data.entries).toHaveLength(20_000);
    const got = filterIndex(bigIndex, { ...EMPTY_FILTER, kinds: ['highlight'], colors: ['yellow'] }, 'article');
    const want = bigIndex.data.entries.filter((e) => e.kind === 'highlight' && e.color === 'yellow').length;
    expect(got).toHaveLength(want);
    expect(want).toBeGreaterThan(0);
  });

  it('parses the quota setting', () => {
    expect(parseQuota('12,000')).toEqual({ ziPerYear: 12000 });
    expect(parseQuota('0')).toBeNull();
    expect(parseQuota('一万')).toBeNull();
  });
});

const META = { date: new Date(2026, 10, 29, 10), filtered: false };

describe('export', () => {
  it('names files by the local date', () => {
    expect(exportFileName(META.date, 'docx')).toBe('研读笔记-2026-11-29.docx');
    expect(exportFileName(META.date, 'md')).toBe('研读笔记-2026-11-29.md');
  });

  it('writes a note document as Markdown', () => {
    expect(docToMarkdown(NOTES[0]!.doc)).toBe('## 我的体会\n\n学习要**持之以恒**\n\n1. 每天读一篇\n2. 每周写一则');
    expect(docToMarkdown(NOTES[0]!.doc, 2)).toMatch(/^#### 我的体会/);
    expect(
      docToMarkdown({
        type: 'doc',
        content: [
          { type: 'blockquote', content: [para('引文'), para('——《示例》')] },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [para('# 不是标题'), { type: 'bulletList', content: [{ type: 'listItem', content: [para('内层')] }] }],
              },
            ],
          },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '重点', marks: [{ type: 'highlight' }] },
              { type: 'text', text: ' *星号*' },
            ],
          },
        ],
      }),
    ).toBe('> 引文\n>\n> ——《示例》\n\n- \\# 不是标题\n\n  - 内层\n\n==重点== \\*星号\\*');
  });

  it('exports Markdown in reading order with quotes, citations and notes', () => {
    const md = notebookMarkdown(entriesForExport(index, EMPTY_FILTER), index.data.articles, META);
    expect(md).toContain('# 研读笔记');
    expect(md).toContain('导出于 2026年11月29日，共 6 条。');
    const order = [
      '## 《作风建设永远在路上》',
      '### 发言提纲',
      '整篇文章的发言要点',
      '> 作风建设永远在路上，永远没有休止符。',
      '> ——《作风建设永远在路上》，研读编辑部，2024年3月5日',
      '## 《关于加强理论学习的意见》',
      '> 理论学习是党员干部的必修课。',
      '> ——《关于加强理论学习的意见》，研读编辑部，2012年10月10日',
      '批注：要反复读',
      '标签：理论、必修',
      '### 心得体会：读后',
      '#### 我的体会',
      '学习要**持之以恒**',
      '1. 每天读一篇',
      '> 学而不思则罔，思而不学则殆。',
      '## 独立笔记',
      '独立的心得：知行合一。',
    ];
    let at = 0;
    for (const piece of order) {
      const found = md.indexOf(piece, at);
      expect(found, piece).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    // The note on h1 directly follows its quote: the quote is not repeated.
    expect(md.split('理论学习是党员干部的必修课。').length).toBe(2);
  });

  it('exports the current filter only, and quotes a note’s highlight when the highlight is filtered out', () => {
    const md = notebookMarkdown(entriesForExport(index, { ...EMPTY_FILTER, kinds: ['reflection'] }), index.data.articles, {
      ...META,
      filtered: true,
    });
    expect(md).toContain('共 2 条。（按当前筛选导出）');
    expect(md).toContain('> 理论学习是党员干部的必修课。');
    expect(md).not.toContain('学而不思');
    expect(md).not.toContain('作风建设永远在路上，永远没有休止符');
  });

  it('exports a .docx that reads back with every quote, citation and note, in order', async () => {
    const entries = entriesForExport(index, EMPTY_FILTER);
    const buffer = await Packer.toBuffer(notebookDocx(entries, index.data.articles, META));
    const { value: text } = await mammoth.extractRawText({ buffer });
    const order = [
      '研读笔记',
      '《作风建设永远在路上》',
      '发言提纲',
      '整篇文章的发言要点：一是学，二是做。',
      '作风建设永远在路上，永远没有休止符。',
      '——《作风建设永远在路上》，研读编辑部，2024年3月5日',
      '《关于加强理论学习的意见》',
      '理论学习是党员干部的必修课。',
      '——《关于加强理论学习的意见》，研读编辑部，2012年10月10日',
      '批注：要反复读',
      '心得体会：读后',
      '我的体会',
      '学习要持之以恒',
      '每天读一篇',
      '每周写一则',
      '学而不思则罔，思而不学则殆。',
      '独立笔记',
      '独立的心得：知行合一。',
    ];
    let at = 0;
    for (const piece of order) {
      const found = text.indexOf(piece, at);
      expect(found, piece).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<strong>持之以恒</strong>');
    expect(html).toMatch(/<ol><li>每天读一篇<\/li><li>每周写一则<\/li><\/ol>/);
  });
});
