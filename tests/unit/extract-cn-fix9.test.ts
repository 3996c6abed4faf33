/**
 * Issue 16, ninth outside set: metadata forms in general terms. A last-updated notice is neither
 * the date nor the text; a publication label outside a date link dates the page; a date an inline
 * script writes in place, or one a script reads from a data attribute of the metadata line, is the
 * date; a two-digit year after a date label is this century's; an event's 时间/地点 line is text;
 * 本文转自 and a （转自：…） line after the text name the 来源; a dash-led 副标题 under the heading is
 * never the title.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { findShortYearDate, isMetaLine, isUpdateNotice } from '../../main/services/extract/patterns';

const BODY = [
  '11月2日，市图书馆少儿阅览室完成改造后重新开放，新增绘本区、科普体验区和亲子共读区，藏书增加到四万余册。',
  '改造期间，图书馆征集了三百多名小读者的意见，把书架高度降到一米二，并在每个区域设置了可移动的坐垫。',
  '馆长介绍，下一步将每周举办两场故事会，并与周边学校合作开展“图书馆里的一堂课”活动。',
];
const TITLE = '市图书馆少儿阅览室改造后重新开放';

/** An article page: `meta` under the title, `lead` before the text, `tail` after the text div. */
function page(opts: { meta?: string; lead?: string; tail?: string; headingHtml?: string; aside?: string; head?: string }): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_示例市文化馆</title>${opts.head ?? ''}</head><body>
<div class="nav"><a href="/">首页</a><a href="/a">馆内动态</a></div>
<div class="main"><div class="article">${opts.headingHtml ?? `<h1>${TITLE}</h1>`}
<div class="info">${opts.meta ?? ''}</div>
<div class="content">${opts.lead ?? ''}${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>${opts.tail ?? ''}</div>
${opts.aside ?? ''}</div>
<div class="footer">版权所有 示例市文化馆</div></body></html>`;
}

function run(html: string, url = 'http://www.example-lib.cn/show.php?id=512') {
  return extractArticle(html, url, { referee: 'never' });
}

describe('a last-updated notice', () => {
  it.each([
    ['本文最后更新于2023年11月20日，已超过 3 天没有更新', true],
    ['最近修改时间：2023-11-20 10:00', true],
    ['本页最后编辑于 2023.11.20', true],
    ['发布时间：2023-11-20', false],
    ['更新后的系统于2023年11月20日上线，市民可在线预约座位。', false],
  ])('%s → %s', (line, notice) => {
    expect(isUpdateNotice(line)).toBe(notice);
  });

  it('is not the date when a publication label stands before a linked date in the title header', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body>
<div class="site-main"><article><header class="entry-header"><h1 class="entry-title">${TITLE}</h1>
<div class="entry-meta">发布于 <a href="/?m=20231105">2023年11月5日</a> 作者 <a href="/?author=3">馆办公室</a> 分类 <a href="/?cat=2">馆内动态</a></div></header>
<div class="entry-content"><div class="notice">本页最近修改于2023年11月18日，如内容有误请联系我们。</div>
${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div></article></div></body></html>`;
    const a = run(html);
    expect(a.publishedAt).toBe('2023-11-05');
    expect(a.text).not.toContain('最近修改');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('dates the page when it is the only date there is', () => {
    const a = run(page({ lead: '<p>本文最后更新于2023年11月18日</p>' }));
    expect(a.publishedAt).toBe('2023-11-18');
    expect(a.paragraphs).toEqual(BODY);
  });

  it("a labelled linked date in a related list does not outrank the article's own date line", () => {
    const aside = `<div class="list"><ul><li><a href="/show.php?id=500">馆藏古籍修复成果展开幕</a> 发布时间：<a href="/d/20231020">2023-10-20</a></li></ul></div>`;
    expect(run(page({ meta: '2023年11月9日', aside })).publishedAt).toBe('2023-11-09');
  });
});

describe('a date an inline script writes in place', () => {
  it('is read after its label, and the event line that opens the text stays text', () => {
    const meta =
      '发布时间：<script type="text/javascript">var sj = "2023-11-6 09:41:02"; document.write(sj.split(" ")[0]);</script>　来源：市图书馆';
    const lead = '<p>开放时间：2023年11月2日起　开放地点：市图书馆二楼东侧</p>';
    const a = run(page({ meta, lead }));
    expect(a.publishedAt).toBe('2023-11-06');
    // The script writes the split's first part only: the reader sees no time (as with substring).
    expect(a.publishedTime).toBeNull();
    expect(a.origin).toBe('市图书馆');
    expect(a.paragraphs[0]).toBe('开放时间：2023年11月2日起　开放地点：市图书馆二楼东侧');
  });

  it('is not read from a script that writes nothing or loads from elsewhere', () => {
    const meta = '发布时间：<script>var sj = "2023-11-6";</script><script src="/count.js?d=2023-11-07"></script>　来源：市图书馆';
    const a = run(page({ meta }));
    expect(a.publishedAt).toBeNull();
    expect(a.origin).toBe('市图书馆');
  });
});

describe('a date in a data attribute of the metadata line', () => {
  it('is the date when the element is left for a script to fill', () => {
    const meta = '<span class="when" data-pubdate="2023-11-07 16:05:00"></span><span>作者：何宁</span><span>来源：市图书馆</span>';
    const a = run(page({ meta }));
    expect(a.publishedAt).toBe('2023-11-07');
    expect(a.author).toBe('何宁');
  });

  it('is not read from a list beside the article', () => {
    const aside =
      '<div class="list"><ul><li><a href="/show.php?id=500">馆藏古籍修复成果展开幕</a><span data-time="2023-10-20"></span></li></ul></div>';
    expect(run(page({ meta: '<span>来源：市图书馆</span>', aside })).publishedAt).toBeNull();
  });
});

describe('a two-digit year after a date label', () => {
  it.each([
    ['时间:23-11-05 14:20', '2023-11-05'],
    ['发布日期：23/11/05', '2023-11-05'],
    ['编号:23-11-05', null],
    ['23-11-05 14:20', null],
    ['时间:23-13-05', null],
    ['时间:2023-11-05', null],
  ])('%s → %s', (line, iso) => {
    expect(findShortYearDate(line)).toBe(iso);
  });

  it('dates a page whose metadata line writes one', () => {
    const meta = '<small>时间:</small>23-11-08 10:15<small>来源:</small>市图书馆<small>点击:</small>12次';
    expect(run(page({ meta })).publishedAt).toBe('2023-11-08');
  });
});

describe('an event line is text, a metadata line is not', () => {
  it.each([
    ['活动时间：2023年11月12日　活动地点：市图书馆报告厅', false],
    ['时间：2023年11月12日上午9时　地点：市图书馆三楼', false],
    ['发布时间：2023-11-12 来源：市图书馆', true],
    ['时间：2023-11-12', true],
  ])('%s → %s', (line, meta) => {
    expect(isMetaLine(line)).toBe(meta);
  });
});

describe('转自 lines name the 来源', () => {
  it('本文转自 closing the text is the 来源 and leaves the text', () => {
    const html = page({ meta: '时间：2023-11-09　来源：未知' }).replace(
      `<p>${BODY[2]}</p>`,
      `<p>${BODY[2]}</p>\n<p>（本文转自：示例晨报）</p>`,
    );
    const a = run(html);
    expect(a.origin).toBe('示例晨报');
    expect(a.paragraphs).toEqual(BODY);
  });

  it('a （转自：…） line in an element of its own after a long text is the 来源', () => {
    // Far from the title: more paragraphs than the metadata lines around it.
    const more = Array.from({ length: 6 }, (_, i) => `第${i + 1}项服务：阅览室每周二至周日开放，寒暑假期间延长开放时间一小时。`);
    const html = page({
      meta: '2023年11月9日 星期四',
      lead: more.map((p) => `<p>${p}</p>`).join(''),
      tail: '<div class="from">（转自：市文化和旅游局）</div>',
    }).replace(/<div class="content">([^]*?)<\/div>/, '<div class="content"><div class="editor">$1</div></div>');
    const a = run(html);
    expect(a.origin).toBe('市文化和旅游局');
    expect(a.publishedAt).toBe('2023-11-09');
    expect(a.paragraphs).toEqual([...more, ...BODY]);
  });
});

describe('a 副标题 under the heading', () => {
  it('is not the title, even where it matches the page title more closely', () => {
    // The part after the dash is longer than the title: the page's titles name it most.
    const sub = '——市图书馆推出“少儿阅读成长计划”新举措';
    const headingHtml = `<h3 class="lead-in">文化惠民·身边的变化</h3><h1>${TITLE}</h1><h2 class="sub">${sub}</h2>`;
    const head = `<meta property="og:title" content="${TITLE}${sub}">`;
    const html = page({ headingHtml, meta: '来源｜市图书馆　时间｜2023-11-10', head }).replace(
      `<title>${TITLE}_示例市文化馆</title>`,
      `<title>文化惠民·身边的变化｜${TITLE}${sub}_示例市文化馆</title>`,
    );
    const a = run(html);
    expect(a.title).toBe(TITLE);
    expect(a.publishedAt).toBe('2023-11-10');
  });

  it('a heading that opens with a dash and follows no heading is still a title', () => {
    const t = '——写在市图书馆建馆六十周年之际';
    const html = page({ headingHtml: `<div class="crumb">馆内动态</div><h1>${t}</h1>`, meta: '时间：2023-11-10' }).replace(
      `<title>${TITLE}_示例市文化馆</title>`,
      `<title>${t}_示例市文化馆</title>`,
    );
    expect(run(html).title).toBe(t);
  });
});
