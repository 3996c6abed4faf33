/**
 * The shared check of the outside Chinese sets (tests/fixtures/cms-outside/check.ts) passes a
 * well-formed hand-made set and fails each way a set can be broken: a line, title, chrome string
 * or 来源 missing from its page, chrome inside an expected line, files that are not what the
 * generator writes, a bad date or count, a page outside its sizes, and a page that does not
 * survive its encoding. All text here is made up.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  between,
  checkOutsideSet,
  decodePage,
  expectContentOnPages,
  expectDatedPages,
  expectFilesAsGenerated,
  expectNoChromeInLines,
  expectSizes,
  outsidePages,
  outsideSet,
  visible,
  type OutsideSet,
} from '../fixtures/cms-outside/check';

interface FakeDef {
  name: string;
  url: string;
  title: string;
  publishedAt: string;
  origin: string | null;
  paragraphs: string[];
  chrome: string[];
  contentType: string;
  encoding?: string;
  html(d: FakeDef): string;
}

const fullPage = (d: FakeDef): string =>
  [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${d.title}_示例站</title></head><body>`,
    '<div class="crumb">当前位置：首页 &gt; 工作动态</div>',
    `<h1>${d.title}</h1>`,
    `<div class="info">发布时间：${d.publishedAt}\u3000来源：${d.origin ?? ''}</div>`,
    ...d.paragraphs.map((p) => `<p>${p}</p>`),
    '<div class="foot">版权所有 示例单位</div></body></html>',
  ].join('\n');

const def = (name: string, over: Partial<FakeDef> = {}): FakeDef => ({
  name,
  url: `https://www.example-town.cn/news/${name}.html`,
  title: '示例镇召开秋季防汛工作会议',
  publishedAt: '2024-09-12',
  origin: '示例镇党政办',
  paragraphs: ['9月11日，镇里召开会议，部署秋季防汛下一阶段重点任务。', '会议要求各村加强巡查，落实值守制度。'],
  chrome: ['当前位置：首页 > 工作动态', '版权所有 示例单位'],
  contentType: 'text/html; charset=utf-8',
  html: fullPage,
  ...over,
});

const encode = (d: FakeDef): Buffer => {
  const html = d.html(d);
  if (!d.encoding || d.encoding === 'utf-8') return Buffer.from(html, 'utf8');
  if (d.encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]);
  return iconv.encode(html, d.encoding);
};

const build = (defs: readonly FakeDef[]) =>
  defs.map((d) => {
    const { html: _html, encoding: _encoding, name, ...expected } = d;
    return { name, bytes: encode(d), expectedJson: `${JSON.stringify(expected, null, 2)}\n` };
  });

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A set written to a fresh folder exactly as its generator would write it. */
function writeSet(defs: FakeDef[], extra: Partial<OutsideSet<FakeDef>> = {}): OutsideSet<FakeDef> {
  const dir = mkdtempSync(join(tmpdir(), 'outside-check-'));
  dirs.push(dir);
  for (const b of build(defs)) {
    writeFileSync(join(dir, `${b.name}.html`), b.bytes);
    writeFileSync(join(dir, `${b.name}.expected.json`), b.expectedJson);
  }
  return outsideSet({ dir, defs, buildAll: () => build(defs), count: defs.length, ...extra });
}

const good = (): FakeDef[] => [def('town-a'), def('town-b', { origin: null })];

describe('a well-formed hand-made set passes the shared check', () => {
  checkOutsideSet(writeSet(good(), { bytes: { min: 300, max: 2_000 } }));
});

describe('the shared check fails a broken set', () => {
  it('an expected line that is not on its page', () => {
    const broken = def('town-a', { html: (d) => fullPage({ ...d, paragraphs: d.paragraphs.slice(0, 1) }) });
    const set = writeSet([broken]);
    expect(() => expectFilesAsGenerated(set)).not.toThrow();
    expect(() => expectContentOnPages(set)).toThrow(/town-a: 会议要求各村加强巡查/);
  });

  it('an expected line with one character changed', () => {
    const d = def('town-a');
    const changed = { ...d, paragraphs: [d.paragraphs[0]!, '会议要求各村加强巡察，落实值守制度。'] };
    // The page keeps the original line.
    const set = writeSet([{ ...changed, html: () => fullPage(d) }]);
    expect(() => expectFilesAsGenerated(set)).not.toThrow();
    expect(() => expectContentOnPages(set)).toThrow(/town-a: 会议要求各村加强巡察/);
  });

  it('a title that is only in <head>, unless the set says where to look for it', () => {
    const headOnly = def('town-a', { html: (d) => fullPage(d).replace(`<h1>${d.title}</h1>`, '<h1>工作动态</h1>') });
    expect(() => expectContentOnPages(writeSet([headOnly]))).toThrow(/town-a: title/);
    const told = writeSet([headOnly], { elsewhere: (_d, h) => ({ title: between(h, '<title>', '</title>') }) });
    expect(() => expectContentOnPages(told)).not.toThrow();
  });

  it('a page read elsewhere is checked there: chrome missing from that text fails', () => {
    const part = (h: string) => visible(between(h, '<h1>', '<div class="foot">'));
    const set = writeSet([def('town-a', { chrome: ['当前位置：首页 > 工作动态'] })], {
      elsewhere: (_d, h) => ({ title: part(h), lines: part(h), chrome: part(h), origin: part(h) }),
    });
    expect(() => expectContentOnPages(set)).toThrow(/town-a: 当前位置/);
    expect(() => expectContentOnPages({ ...set, elsewhere: undefined })).not.toThrow();
  });

  it('listed chrome that is not on the page', () => {
    const set = writeSet([def('town-a', { chrome: ['当前位置：首页 > 工作动态', '打印本页'] })]);
    expect(() => expectContentOnPages(set)).toThrow(/town-a: 打印本页/);
  });

  it('a 来源 only in an <img alt> fails as text and passes as markup', () => {
    const alt = def('town-a', {
      origin: '示例日报',
      html: (d) => fullPage({ ...d, origin: '' }).replace('</h1>', `</h1><img src="/logo.png" alt="${d.origin}">`),
    });
    expect(() => expectContentOnPages(writeSet([alt]))).toThrow(/town-a: 来源/);
    expect(() => expectContentOnPages(writeSet([alt], { originIn: 'markup' }))).not.toThrow();
  });

  it('an expected line holding listed chrome or a generic credit', () => {
    const listed = def('town-a', { chrome: ['版权所有 示例单位', '会议要求'] });
    expect(() => expectNoChromeInLines(outsidePages(writeSet([listed])).pages)).toThrow(/会议要求 in/);
    const credit = def('town-b', { paragraphs: ['会议要求各村加强巡查。', '（责任编辑：王一）'] });
    expect(() => expectNoChromeInLines(outsidePages(writeSet([credit])).pages)).toThrow(/town-b: （责任编辑/);
    expect(() => expectNoChromeInLines([])).toThrow(/pages loaded/);
  });

  it('files on disk that are not what the generator writes', () => {
    const edited = writeSet(good());
    writeFileSync(join(edited.dir, 'town-a.html'), fullPage(def('town-a')).replace('巡查', '巡察'));
    expect(() => expectFilesAsGenerated(edited)).toThrow(/town-a/);

    const stray = writeSet(good());
    writeFileSync(join(stray.dir, 'town-c.html'), '<p>旧页</p>');
    expect(() => expectFilesAsGenerated(stray)).toThrow();

    const missing = writeSet(good());
    unlinkSync(join(missing.dir, 'town-b.expected.json'));
    expect(() => expectFilesAsGenerated(missing)).toThrow();
  });

  it('a date not in YYYY-MM-DD, or a count the set does not have', () => {
    expect(() => expectDatedPages(writeSet([def('town-a', { publishedAt: '2024/09/12' })]))).toThrow(/town-a/);
    expect(() => expectDatedPages({ ...writeSet(good()), count: 3 })).toThrow();
  });

  it('a page outside the set’s sizes, unless it is a named exception that exists', () => {
    const set = writeSet(good(), { bytes: { min: 1_000, max: 2_000 } });
    expect(() => expectSizes(set)).toThrow(/town-a/);
    const small = { min: 300, max: 2_000, why: 'a short notice' };
    const excepted = { ...set, bytes: { min: 1_000, max: 2_000, except: { 'town-a': small, 'town-b': small } } };
    expect(() => expectSizes(excepted)).not.toThrow();
    const unknown = { ...set, bytes: { min: 300, max: 2_000, except: { 'town-z': small } } };
    expect(() => expectSizes(unknown)).toThrow(/town-z/);
  });

  it('a page that does not survive its encoding, or is read in the wrong one', () => {
    // 𫖮 is not in GBK: iconv writes '?', so the page is no longer what the generator meant.
    const lossy = def('town-a', { encoding: 'gbk', title: '示例镇表彰王𫖮等先进个人' });
    const set = writeSet([lossy]);
    expect(() => expectFilesAsGenerated(set)).not.toThrow();
    expect(() => expectContentOnPages(set)).toThrow(/town-a/);
    // GB18030 holds it in four bytes.
    expect(() => expectContentOnPages(writeSet([{ ...lossy, encoding: 'gb18030' }]))).not.toThrow();
    // GBK bytes read as UTF-8, and a BOM page without its BOM.
    const gbk = encode(def('town-a', { encoding: 'gbk' }));
    expect(() => decodePage(gbk, 'utf-8')).toThrow();
    expect(() => decodePage(Buffer.from('<p>甲</p>'), 'utf-8-bom')).toThrow(/BOM/);
    expect(decodePage(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('<p>甲</p>')]), 'utf-8-bom')).toBe('<p>甲</p>');
    // Bytes a legacy decoder cannot read become U+FFFD, which the content check refuses.
    expect(decodePage(Buffer.from([0x3c, 0x70, 0x3e, 0x81, 0x20]), 'gbk')).toContain('\ufffd');
  });
});

describe('the helpers the sets share', () => {
  it('visible() drops script, style, comments and <title>, joins inline tags and decodes entities', () => {
    const html =
      '<title>标题</title><style>p{color:red}</style><script>var a="甲";</script><!-- 注 -->' +
      '<p>第一<span>段</span>&nbsp;A&amp;B&hellip;&#x4E00;&#19968;&unknown;</p><div>第二段</div>';
    expect(visible(html).trim()).toBe('第一段 A&B…一一&unknown; 第二段');
  });

  it('between() takes the markup from a marker to the next end marker after it, and fails when one is missing', () => {
    const h = '<div class="a"><p>甲</p></div><div class="b"><p>乙</p></div>';
    expect(between(h, '<div class="b">', '</div>')).toBe('<div class="b"><p>乙</p>');
    expect(between(h, '<div', '<div')).toBe('<div class="a"><p>甲</p></div>');
    expect(() => between(h, '<div class="c">', '</div>')).toThrow(/not found/);
    expect(() => between(h, '<div class="b">', '<span>')).toThrow(/not found/);
  });

  it('outsidePages() fails loudly on a name the set does not have', () => {
    const { html, defOf } = outsidePages(writeSet(good()));
    expect(html('town-a')).toContain('<h1>示例镇召开秋季防汛工作会议</h1>');
    expect(() => defOf('town-z')).toThrow(/town-z/);
    expect(() => html('town-z')).toThrow(/town-z/);
  });
});
