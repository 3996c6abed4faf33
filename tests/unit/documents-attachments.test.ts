/** The HTML extractor reports a notice's attachments and keeps its 附件 lines as text. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fileNameIn, namesAttachment } from '../../main/services/extract/attachments';
import { extractArticle } from '../../main/services/extract/extract';

it('lists 附件 links (by extension or a DownloadFile link naming the file), resolved, once each, none from the page chrome', () => {
  const html = readFileSync(new URL('../fixtures/documents/notice.html', import.meta.url), 'utf8');
  const a = extractArticle(html, 'http://oa.example-group.cn/djgz/tzgg/2025/0112/content_3391.html');
  expect(a.title).toBe('关于印发《2025年党委理论学习中心组学习计划》的通知');
  expect(a.attachments).toEqual([
    { url: 'http://oa.example-group.cn/upload/2025/01/20250112093015.docx', name: '2025年党委理论学习中心组学习计划.docx', ext: 'docx' },
    { url: 'http://oa.example-group.cn/cms/DownloadFile.aspx?id=8812&type=att', name: '学习专题安排表.xls', ext: 'xls' },
    {
      url: 'http://oa.example-group.cn/djgz/tzgg/upload/2025/01/%E5%AD%A6%E4%B9%A0%E8%AE%A1%E5%88%92%EF%BC%88OFD%E7%89%88%EF%BC%89.ofd',
      name: '学习计划（OFD版）',
      ext: 'ofd',
    },
  ]);
  // The 附件 line is part of the notice now, not boilerplate.
  expect(a.paragraphs).toContain('附件：');
  expect(a.text).toContain('2025年党委理论学习中心组学习计划.docx');
});

it('reports no attachments for a page without document links', () => {
  const a = extractArticle(
    '<html><head><title>学习体会</title></head><body><h1>学习体会</h1><p>通过学习，进一步加深了对党的创新理论的理解，增强了做好本职工作的信心。<a href="/next.html">下一篇</a></p></body></html>',
    'http://oa.example-group.cn/a.html',
  );
  expect(a.attachments).toEqual([]);
});

it('finds a file name in link text back to the nearest separator, and nothing in a long line without one', () => {
  expect(fileNameIn('附件：2025年 学习计划.docx（定稿）')).toEqual({ name: '2025年 学习计划.docx', ext: 'docx' });
  expect(fileNameIn('下载 path/to/《通知》.PDF')).toEqual({ name: '《通知》.PDF', ext: 'PDF' });
  expect(fileNameIn('report.docs and notes.doc2')).toBeNull();
  // A long prose line with dots but no extension (the old pattern backtracked cubically here).
  const prose = '学习 贯彻 落实 . '.repeat(4000);
  expect(fileNameIn(prose)).toBeNull();
  expect(namesAttachment(`${prose}见附件 计划.pdf`)).toBe(true);
});
