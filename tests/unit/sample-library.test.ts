import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSampleLibrary, parseSampleArticle } from '../../main/services/sample-library';
import { countZi } from '../../shared/text';

const dir = fileURLToPath(new URL('../../resources/sample-library', import.meta.url));

describe('bundled sample library', () => {
  it('holds at least 8 complete articles of 1,000–5,000 字 with title, date, 来源 and 栏目', async () => {
    const articles = await loadSampleLibrary(dir);
    expect(articles.length).toBeGreaterThanOrEqual(8);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
    for (const a of articles) {
      const zi = countZi(a.text);
      expect(zi, a.title).toBeGreaterThanOrEqual(1000);
      expect(zi, a.title).toBeLessThanOrEqual(5000);
      expect(a.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.origin).toBeTruthy();
      expect(a.column).toBeTruthy();
      // The stored text is the block texts joined by "\n", one block per HTML element.
      expect(a.text.split('\n').length).toBe((a.html.match(/<(p|h2|h3)>/g) ?? []).length);
      expect(a.html).not.toMatch(/<script|on\w+=/i);
    }
  });
});

describe('sample article format', () => {
  const good =
    '---\ntitle: 标题\ndate: 2024-01-02\norigin: 编辑部\ncolumn: 学习参考\n---\n## 一、小标题\n\n第一段<b>不是标签</b>。\n\n第二段。\n';

  it('parses headings and paragraphs and escapes markup', () => {
    const a = parseSampleArticle('x.md', good);
    expect(a.text).toBe('一、小标题\n第一段<b>不是标签</b>。\n第二段。');
    expect(a.html).toBe('<h2>一、小标题</h2>\n<p>第一段&lt;b&gt;不是标签&lt;/b&gt;。</p>\n<p>第二段。</p>');
  });

  it.each([
    ['no front matter', '标题\n正文'],
    ['bad date', good.replace('2024-01-02', '2024年1月2日')],
    ['missing origin', good.replace('origin: 编辑部\n', '')],
    ['empty body', '---\ntitle: 标题\ndate: 2024-01-02\norigin: 编辑部\ncolumn: 学习参考\n---\n\n'],
  ])('rejects %s with a Chinese error', (_name, source) => {
    expect(() => parseSampleArticle('bad.md', source)).toThrowError(
      expect.objectContaining({ code: 'E_RESOURCE', message: expect.stringMatching(/示例文章/) }),
    );
  });
});
