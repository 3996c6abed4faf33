import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { decodeBytes, decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { renderBlocks, sanitiseHtml } from '../../main/services/sync/article-html';
import { f1FourGrams, loadFixtures } from '../fixtures/extract/helpers';

const fixtures = loadFixtures();

const BOILERPLATE = [
  '当前位置',
  '您的位置',
  '您当前的位置',
  '您现在的位置',
  '字体',
  '字号',
  '打印本页',
  '关闭窗口',
  '【打印】',
  '【关闭】',
  '访问量',
  '浏览次数',
  '点击：',
  '点击:',
  '我要评论',
  '发表评论',
  '网站已被访问',
  '上一篇',
  '下一篇',
  '上一条',
  '下一条',
  '相关文章',
  '相关阅读',
  '热点文章',
  '热点内容',
  '热门文章',
  '分享到',
  '版权所有',
  'Copyright',
  'ICP备',
  '请自觉遵守',
  '看不清',
  '验证码',
  '设为首页',
  '加入收藏',
  '信息时间',
  '来源：',
  '来源:',
  '责任编辑',
  '注入的文字',
  'SVG文字',
  '请启用脚本',
  '请输入密码',
];

describe('extractArticle on the fixture pages', () => {
  it('has at least 10 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const f of fixtures) {
    describe(f.name, () => {
      const decoded = decodeBytes(f.bytes);
      const r = extractArticle(decoded.text, f.expected.url);
      const e = f.expected;

      it('decodes without replacement characters', () => {
        expect(decoded.text).not.toContain('\uFFFD');
        expect(r.text).not.toContain('\uFFFD');
        if (e.encoding === 'gbk') expect(decoded.encoding).toBe('gb18030');
      });
      it('finds title, date, 来源, 作者 and 责任编辑', () => {
        expect(r.title).toBe(e.title);
        expect(r.publishedAt).toBe(e.publishedAt);
        expect(r.origin).toBe(e.origin);
        expect(r.author).toBe(e.author);
        expect(r.editor).toBe(e.editor);
      });
      it('extracts the body (4-gram F1 ≥ 0.97)', () => {
        expect(f1FourGrams(e.paragraphs.join('\n'), r.text)).toBeGreaterThanOrEqual(0.97);
        expect(r.text).toBe(r.paragraphs.join('\n'));
        expect(r.paragraphs.every((p) => p.length > 0 && p === p.trim())).toBe(true);
      });
      it('leaves no boilerplate in the body', () => {
        for (const s of BOILERPLATE) expect(r.text, s).not.toContain(s);
      });
      it('sanitises the HTML', () => {
        expect(r.html).not.toMatch(/<script|<iframe|<svg|<form|<object|<math|<style|\son\w+\s*=|javascript:|style=/i);
        const tags = new Set([...r.html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
        for (const t of tags)
          expect([
            'p',
            'h2',
            'h3',
            'h4',
            'strong',
            'em',
            'b',
            'i',
            'u',
            'br',
            'ul',
            'ol',
            'li',
            'blockquote',
            'img',
            'a',
            'table',
            'tr',
            'td',
            'th',
            'tbody',
            'thead',
          ]).toContain(t);
        for (const m of r.html.matchAll(/<a\s+([^>]*)>/g)) expect(m[1]).toMatch(/^href="https?:\/\/[^"]*"$/);
        for (const m of r.html.matchAll(/<img\s+([^>]*)>/g)) expect(m[1]).toMatch(/^src="[^"]*"(?: alt="[^"]*")?$/);
      });
      if (e.images) {
        it('finds the article images with absolute URLs', () => {
          expect(r.images.map((i) => i.src)).toEqual(e.images);
        });
      }
    });
  }
});

describe('decode', () => {
  const text = '<html><head><title>测试</title></head><body><p>中心组学习：堃玥喆珺。</p></body></html>';

  it('honours a UTF-8 BOM over a wrong header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const d = decodeBytes(bytes, 'text/html; charset=gbk');
    expect(d).toMatchObject({ encoding: 'utf-8', via: 'bom' });
    expect(d.text).toBe(text);
  });
  it('decodes UTF-16LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeHtml(bytes)).toBe(text);
  });
  it('prefers the header charset over <meta>', () => {
    const html = `<meta charset="utf-8">${text}`;
    const d = decodeBytes(iconv.encode(html, 'gbk'), 'text/html; charset=GBK');
    expect(d).toMatchObject({ encoding: 'gb18030', via: 'header' });
    expect(d.text).toBe(html);
  });
  it('falls back to <meta> when a header claims UTF-8 for GBK bytes', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">${text}`;
    const d = decodeBytes(iconv.encode(html, 'gbk'), 'text/html; charset=utf-8');
    expect(d.via).toBe('meta');
    expect(d.text).toBe(html);
  });
  it('decodes gb2312/gbk/x-gbk/gb_2312-80 labels as GB18030 (characters outside GB2312 survive)', () => {
    for (const label of ['gb2312', 'GBK', 'x-gbk', 'gb_2312-80']) {
      const d = decodeBytes(iconv.encode(text, 'gb18030'), `text/html;charset="${label}"`);
      expect(d.encoding).toBe('gb18030');
      expect(d.text).toBe(text);
    }
  });
  it('detects GBK when no charset is given', () => {
    const d = decodeBytes(iconv.encode(text, 'gbk'));
    expect(d).toMatchObject({ encoding: 'gb18030', via: 'detected' });
    expect(d.text).toBe(text);
  });
  it('detects UTF-8 when no charset is given', () => {
    expect(decodeBytes(Buffer.from(text, 'utf8'))).toMatchObject({ encoding: 'utf-8', via: 'detected', text });
  });
  it('drops a truncated multibyte character at the end instead of throwing', () => {
    const gbk = iconv.encode('学习参考', 'gbk');
    const d = decodeBytes(gbk.subarray(0, gbk.length - 1), 'text/html; charset=gbk');
    expect(d.text).toBe('学习参');
    const utf = Buffer.from('学习参考', 'utf8');
    expect(decodeHtml(utf.subarray(0, utf.length - 2))).toBe('学习参');
    expect(decodeHtml(new Uint8Array())).toBe('');
  });
});

describe('bad input', () => {
  const expectInvalid = (input: string) => {
    try {
      extractArticle(input);
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('E_INVALID_ARGUMENT');
      expect((err as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    }
  };
  it('rejects an empty page', () => expectInvalid('   \n '));
  it('rejects plain text that is not HTML', () => expectInvalid('这只是一段普通文字，没有任何标签。'));
  it('rejects binary garbage', () => {
    const bytes = new Uint8Array(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    expectInvalid(decodeHtml(bytes));
  });
  it('rejects a page with neither title nor text', () => expectInvalid('<html><body><div></div></body></html>'));
  it('survives deeply nested tables', () => {
    const depth = 5000;
    const html = `<html><head><title>嵌套</title></head><body>${'<table><tr><td>'.repeat(depth)}文字${'</td></tr></table>'.repeat(depth)}</body></html>`;
    expect(() => extractArticle(html)).not.toThrow();
  });
  it('returns empty paragraphs for a page with a title but no body', () => {
    const r = extractArticle('<html><head><title>只有标题</title></head><body><h1>只有标题</h1></body></html>');
    expect(r.title).toBe('只有标题');
    expect(r.paragraphs).toEqual([]);
  });
});

describe('tables in article bodies', () => {
  it('keeps a data-table row on one line with its cells apart; layout tables stay containers', () => {
    const html = `<div>
      <p>学习安排如下：</p>
      <table><tr><th>时间</th><th>内容</th><th>主讲</th></tr>
        <tr><td>3月5日</td><td>原原本本学<b>党章</b></td><td>书记</td></tr></table>
      <table><tr><td><p>版式表格里的第一段正文。</p><p>第二段正文。</p></td><td>侧栏</td></tr></table>
    </div>`;
    const { text } = renderBlocks(sanitiseHtml(html, 'http://intranet.example/a/1.html'));
    const lines = text.split('\n');
    expect(lines).toContain('时间｜内容｜主讲');
    expect(lines).toContain('3月5日｜原原本本学党章｜书记');
    // A layout table's cells hold paragraphs: each stays its own paragraph.
    expect(lines).toContain('版式表格里的第一段正文。');
    expect(lines).toContain('第二段正文。');
  });
});
