/**
 * Issue 16, the sixth outside set's lessons in general terms (own short pages, not the set's):
 *  1. an article that exists only as script data (an app's share page, Next.js __NEXT_DATA__,
 *     `window.__INITIAL_STATE__ = {…}`, `<script type="application/json">`, JSON.parse('…')) is read
 *     from that JSON when the markup holds only a loading line; the loading line is never body;
 *  2. an OA 公文单 / 信息公开 table's 标题 cell is the title where <title> is generic, and its
 *     发文单位 is the 来源;
 *  3. `作者：某某（单位）` as the text's first paragraph stays in the body and fills `author`;
 *  4. a title's full-width space is kept as the page writes it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { articleFromScripts } from '../../main/services/extract/json-state';
import { isBoilerplate } from '../../main/services/extract/patterns';

const PARAS = [
  '推进基层治理现代化，关键在于把服务送到群众家门口。今年以来，示例区把网格作为基本单元，推动资源下沉。',
  '在具体做法上，示例区建立了问题收集、分办、反馈的闭环机制，群众反映的事项平均三天内得到答复。',
  '下一步，示例区将继续完善激励机制，让网格员愿意干、干得好，把矛盾化解在基层、解决在萌芽状态。',
];
const TITLE = '示例区推动基层治理服务下沉';
const BODY_HTML = PARAS.map((p) => `<p style="text-indent:2em">${p}</p>`).join('');

/** A share page of an app: a download bar, a loading line, and `script` holding the data. */
function sharePage(script: string, title = '示例App'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div id="app"><div class="download-bar"><span class="name">示例App</span><a href="https://app.example.cn/dl">打开App</a></div>
<div class="loading"><i class="spinner"></i>正在加载…</div></div>
<noscript>请开启浏览器的JavaScript功能后查看本页内容</noscript>
${script}
<script src="https://static.example.cn/js/app.js"></script>
</body></html>`;
}

const URL_ = 'https://share.example.cn/detail/index.html?id=123';

describe('an article only in script JSON', () => {
  it('reads window.X = {…} with escaped HTML: title, body, date, 来源, 责任编辑; the loading line is not body', () => {
    const data = {
      code: 0,
      data: {
        id: '123',
        title: TITLE,
        source: '来源：示例晚报',
        publish_time: '2024-05-06 07:30:00',
        editor: '责任编辑：韩雪',
        content: BODY_HTML,
        related: [
          { title: '另一篇文章的标题', publish_time: '2024-05-09 08:00:00' },
          { title: '再一篇文章的标题', publish_time: '2024-05-01 08:00:00' },
        ],
      },
    };
    // As servers write it: `<` escaped so the JSON cannot close the script.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    const a = extractArticle(sharePage(`<script>window.__DETAIL__=${json};</script>`), URL_);
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(PARAS);
    expect(a.publishedAt).toBe('2024-05-06');
    expect(a.publishedTime).toBe('07:30:00');
    expect(a.origin).toBe('示例晚报');
    expect(a.editor).toBe('韩雪');
    expect(a.text).not.toContain('正在加载');
    expect(a.text).not.toContain('打开App');
    expect(a.html).toContain('<p>');
    expect(a.html).not.toContain('style=');
  });

  it('reads Next.js __NEXT_DATA__ with plain-text content and an epoch-milliseconds date', () => {
    const data = {
      props: {
        pageProps: {
          article: {
            headline: TITLE,
            text: PARAS.join('\n'),
            publishTime: Date.UTC(2024, 4, 6, 0, 30),
            sourceName: '示例晚报',
            author: '林远',
          },
        },
      },
      page: '/detail/[id]',
    };
    const a = extractArticle(sharePage(`<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`), URL_);
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(PARAS);
    // 00:30 UTC is 08:30 in China, the same day.
    expect(a.publishedAt).toBe('2024-05-06');
    expect(a.publishedTime).toBe('08:30');
    expect(a.origin).toBe('示例晚报');
    expect(a.author).toBe('林远');
  });

  it("reads window.__INITIAL_STATE__ = JSON.parse('…') and epoch seconds", () => {
    const inner = JSON.stringify({ detail: { title: TITLE, content: BODY_HTML, ctime: 1714955400 } });
    const literal = `'${inner.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const a = extractArticle(sharePage(`<script>var x = 1; window.__INITIAL_STATE__ = JSON.parse(${literal});</script>`), URL_);
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(PARAS);
    expect(a.publishedAt).toBe('2024-05-06');
  });

  it('takes the article the page names among several, and none from a list naming none', () => {
    const other = [
      '这是另一篇文章的正文，讲的是别的事情。内容同样完整，长度也与前一篇相仿，读起来像一篇文章。',
      '第二段继续讲别的事情，并不属于本页。',
    ];
    const items = [
      { title: '另一篇文章', content: other.map((p) => `<p>${p}</p>`).join('') },
      { title: TITLE, content: BODY_HTML },
    ];
    const named = extractArticle(sharePage(`<script>window.__LIST__=${JSON.stringify({ items })}</script>`, `${TITLE}_示例App`), URL_);
    expect(named.title).toBe(TITLE);
    expect(named.paragraphs).toEqual(PARAS);
    // Same data under a generic <title>: two articles of like length, neither the page's own.
    const list = extractArticle(
      sharePage(`<script>window.__LIST__=${JSON.stringify({ items: [items[0], { ...items[0], title: '第三篇文章' }] })}</script>`),
      URL_,
    );
    expect(list.paragraphs).toEqual([]);
    expect(list.text).not.toContain('正在加载');
  });

  it('never evaluates script: JavaScript that is not JSON, or broken JSON, gives nothing and no error', () => {
    const scripts = [
      `<script>window.__S__ = { title: '${TITLE}', content: (function(){ return '${PARAS[0]}'; })() };</script>`,
      `<script>window.__S__ = {"title": "${TITLE}", "content": "${PARAS[0]}"</script>`,
    ];
    for (const s of scripts) {
      const a = extractArticle(sharePage(s), URL_);
      expect(a.paragraphs).toEqual([]);
      expect(a.title).toBe('示例App');
    }
  });

  it('leaves a page whose markup holds the article alone, whatever its scripts hold', () => {
    const html = `<!doctype html><html><head><title>${TITLE}</title></head><body><div class="article"><h1>${TITLE}</h1>
<div class="info">2024-05-06 来源：示例晚报</div><div class="content">${BODY_HTML}</div></div>
<script>window.__S__=${JSON.stringify({ title: '脚本里的另一篇', content: `<p>${'脚本里另一篇文章的正文，不是本页的文章。'.repeat(8)}</p>` })}</script></body></html>`;
    const a = extractArticle(html, 'http://www.example.cn/a/1.html');
    expect(a.title).toBe(TITLE);
    expect(a.paragraphs).toEqual(PARAS);
  });

  it('the reader is bounded: a title without prose, or prose without a title, is no article', () => {
    const s = (v: unknown) => [{ type: '', id: '', text: `window.a=${JSON.stringify(v)}` }];
    expect(articleFromScripts(s({ title: TITLE, content: '短。' }), [])).toBeNull();
    expect(articleFromScripts(s({ content: BODY_HTML }), [])).toBeNull();
    expect(articleFromScripts(s({ title: TITLE, content: BODY_HTML }), [])?.title).toBe(TITLE);
    // Deeply nested data is walked only so far.
    let deep: unknown = { title: TITLE, content: BODY_HTML };
    for (let i = 0; i < 60; i++) deep = { x: deep };
    expect(articleFromScripts(s(deep), [])).toBeNull();
    // A script of several megabytes is not parsed at all.
    expect(articleFromScripts(s({ title: TITLE, content: BODY_HTML, pad: 'x'.repeat(3_100_000) }), [])).toBeNull();
    expect(articleFromScripts(s({ title: TITLE, content: BODY_HTML, pad: 'x'.repeat(100_000) }), [])?.title).toBe(TITLE);
  });

  it('loading lines and script notices are chrome; sentences mentioning them are not', () => {
    for (const t of [
      '正在加载…',
      '加载中，请稍候...',
      'Loading...',
      '请开启浏览器的JavaScript功能后查看本页内容',
      '您的浏览器不支持JavaScript，请启用后查看。',
    ])
      expect(isBoilerplate(t), t).toBe(true);
    for (const t of ['打开App', '示例App 打开App', '下载示例日报客户端']) expect(isBoilerplate(t), t).toBe(true);
    for (const t of [
      '加载',
      '如何打开App？',
      '本文介绍如何在浏览器中启用JavaScript功能，这是一项基础技能，我们一步步来。',
      '正在加载货物的卡车排起了长队。',
    ])
      expect(isBoilerplate(t), t).toBe(false);
  });
});

describe('an OA 公文单: 标题 and 发文单位 from its label/value table', () => {
  const oa = `<!doctype html><html><head><title>公文查看</title></head><body>
<div class="toolbar"><a href="#">打印</a><a href="#">流程日志</a></div>
<table class="doc_form" border="1"><tbody>
<tr><td class="label">标\u3000\u3000题</td><td colspan="3"><span class="val">关于做好年度民主生活会准备工作的通知</span></td></tr>
<tr><td class="label">发文单位</td><td><span class="val">中共示例公司委员会</span></td><td class="label">发文字号</td><td>示司党〔2024〕7号</td></tr>
<tr><td class="label">签 发 人</td><td>周明</td><td class="label">成文日期</td><td>2024年11月20日</td></tr>
</tbody></table>
<div class="doc_body"><div class="doc_title">正文</div><div id="content">
<p>各党支部：</p>${BODY_HTML}<p>中共示例公司委员会</p><p>2024年11月20日</p></div></div>
<div class="opinions"><div class="opinion_title">处理意见</div>
<div class="item"><span>周明</span><span>同意。</span><span>2024-11-21 10:02</span></div></div>
</body></html>`;

  it('takes the 标题 cell as the title, 发文单位 as 来源 and 成文日期 as the date; the 处理意见 stay out', () => {
    const a = extractArticle(oa, 'http://oa.example.cn/govdoc/view.do?id=1');
    expect(a.title).toBe('关于做好年度民主生活会准备工作的通知');
    expect(a.origin).toBe('中共示例公司委员会');
    expect(a.publishedAt).toBe('2024-11-20');
    expect(a.docNumber).toBe('示司党〔2024〕7号');
    expect(a.paragraphs).toEqual(['各党支部：', ...PARAS, '中共示例公司委员会', '2024年11月20日']);
    expect(a.text).not.toContain('处理意见');
    expect(a.text).not.toContain('同意。');
  });
});

describe('a byline as the first paragraph of the text', () => {
  const page = (first: string, info = '<span>2024-03-14 05:20</span><span>来源：示例学习报</span>') =>
    `<!doctype html><html><head><title>${TITLE}_示例网</title></head><body><div class="main"><h1>${TITLE}</h1>
<div class="info">${info}</div><div class="text">${first}${BODY_HTML}</div></div><div class="footer">版权所有 示例网</div></body></html>`;

  it('作者：某某（单位） stays in the body and fills the author', () => {
    const a = extractArticle(page('<p>作者：郑远（示例大学马克思主义学院教授）</p>'), 'http://www.example.cn/a/1.html');
    expect(a.paragraphs).toEqual(['作者：郑远（示例大学马克思主义学院教授）', ...PARAS]);
    expect(a.author).toBe('郑远');
    expect(a.origin).toBe('示例学习报');
  });

  it('a metadata line of several fields, a byline with a date, and a byline outside the text stay out', () => {
    const several = extractArticle(page('<p>作者：郑远　来源：示例学习报</p>', ''), 'http://www.example.cn/a/1.html');
    expect(several.paragraphs).toEqual(PARAS);
    expect(several.author).toBe('郑远');
    const dated = extractArticle(page('<p>作者：郑远 2024-03-14</p>'), 'http://www.example.cn/a/1.html');
    expect(dated.paragraphs).toEqual(PARAS);
    const outside = extractArticle(page('', '<p>作者：郑远</p><span>2024-03-14</span>'), 'http://www.example.cn/a/1.html');
    expect(outside.paragraphs).toEqual(PARAS);
    expect(outside.author).toBe('郑远');
  });
});

describe('titles keep their full-width spaces', () => {
  it('a full-width space stays one; an ASCII space stays ASCII', () => {
    const page = (t: string) =>
      `<!doctype html><html><head><title>${t}--示例网</title></head><body><div class="main"><h1>${t}</h1><div class="info">2024-03-18 来源：示例日报</div><div class="text">${BODY_HTML}</div></div></body></html>`;
    expect(extractArticle(page('基层减负为实干松绑　让干部把精力用在抓落实上'), 'http://www.example.cn/a/1.html').title).toBe(
      '基层减负为实干松绑　让干部把精力用在抓落实上',
    );
    expect(extractArticle(page('以学铸魂 以学促干'), 'http://www.example.cn/a/1.html').title).toBe('以学铸魂 以学促干');
    expect(extractArticle(page('凝心聚力　　\n  谋发展'), 'http://www.example.cn/a/1.html').title).toBe('凝心聚力谋发展');
  });
});
