/**
 * Issue 16, fifteenth outside set (titles and dates): kinds of markup in general terms, with our
 * own text. A page kind's name (通知详情, 正文) in an app bar or <title> is no title where a
 * title-named line over its metadata line holds the notice's name; a side box's heading over
 * dated links is no title; a blog engine's `posted @` stamp after the text dates it; a date in an
 * element of its own, run into a neighbour's number, is read from that element; the day a text
 * first ran (首次发布) outranks a later 修改 stamp and other dates around the title.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { firstPublishedDate, isUpdateNotice } from '../../main/services/extract/patterns';
import { genericPageTitle } from '../../main/services/extract/extract';

const TEXT = [
  '为进一步方便职工就餐，经研究，自下周一起调整职工食堂的开放时间，现将有关事项通知如下。',
  '早餐时间调整为七点至八点半，午餐时间调整为十一点半至一点，晚餐时间不变。',
  '节假日期间食堂只开放午餐，需要加班用餐的部门请提前一天报后勤保障部汇总。',
  '请各部门及时转告本部门职工，如有意见建议，可通过意见箱或电话反映。',
];
const paras = TEXT.map((p) => `<p>${p}</p>`).join('\n');

describe('a page kind’s name where the title would stand', () => {
  it('knows the generic names and leaves real titles alone', () => {
    for (const t of ['通知详情', '公告详情', '新闻详情', '详情', '正文', '信息浏览', '公文查看', '文章正文'])
      expect(genericPageTitle(t)).toBe(true);
    for (const t of ['关于调整食堂开放时间的通知', '详情请见附件', '公告栏管理办法', '正文写作要点'])
      expect(genericPageTitle(t)).toBe(false);
  });

  const app = (head: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>通知详情</title></head><body>
<div class="app-bar"><div class="app-bar__left">返回</div><div class="app-bar__title">通知详情</div></div>
<div class="detail">
${head}
<div class="detail-body">${paras}<p>后勤保障部</p><p>2024年5月6日</p></div>
</div>
<div class="read-box"><span>已读 88</span><span>未读 6</span></div></body></html>`;

  it('takes the title-named line over its metadata line, though it sits in a head box', () => {
    const a = extractArticle(
      app(`<div class="detail-head"><div class="detail-title">关于调整职工食堂开放时间的通知</div>
<div class="detail-meta"><span>张敏</span><span>·</span><span>后勤保障部</span><span>·</span><span>2024-05-06 09:30</span></div></div>`),
      'https://oa.example.org/h5/notice/view?id=5512',
    );
    expect(a.title).toBe('关于调整职工食堂开放时间的通知');
    expect(a.publishedAt).toBe('2024-05-06');
    expect(a.paragraphs.slice(0, 4)).toEqual(TEXT);
  });

  it('keeps the generic name where no other line names the page', () => {
    const a = extractArticle(app(''), 'https://oa.example.org/h5/notice/view?id=5513');
    expect(a.title).toBe('通知详情');
  });
});

describe('a side box’s heading over dated links', () => {
  const list = Array.from(
    { length: 8 },
    (_, i) => `<li><a href="/n/${i}">示例学院第${i + 1}期教工读书会活动安排</a><span class="d">2024-04-${10 + i}</span></li>`,
  ).join('');
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>示例学院办公平台</title></head><body>
<div class="left"><div class="box-title">栏目分类</div><ul><li><a href="/c/1">学院通知</a></li><li><a href="/c/2">部门通知</a></li></ul>
<div class="box-title">最新通知</div><ul class="list">${list}</ul></div>
<div class="right"><div class="view-title">关于调整职工食堂开放时间的通知</div>
<div class="view-info"><span>发布部门：后勤保障部</span><span>发布时间：2024-04-20 16:05</span></div>
<div class="view-content">${paras}</div></div></body></html>`;

  it('takes the notice’s title, not the box heading', () => {
    const a = extractArticle(page, 'https://oa.example.org/bulletin/view?id=77');
    expect(a.title).toBe('关于调整职工食堂开放时间的通知');
    expect(a.publishedAt).toBe('2024-04-20');
  });
});

describe('dates a blog’s markup gives in other forms', () => {
  // A first paragraph longer than a metadata line: the lines under the title end there.
  const OPENING =
    '上个月社区组织了一次医保政策宣讲，来了四十多位老人。讲完之后我发现，大家最关心的其实不是政策条文，而是看病以后到底能报多少、去哪里报、要带什么材料。' +
    '很多老人记不住复杂的比例，只记得“上次报了一半”。所以这次我换了个办法，把几种常见情况做成卡片，一张卡片只讲一件事，老人拿回家也能对照着看。' +
    '卡片发下去以后，有几位老人的子女也专门打电话来问，说这样一目了然，比网上的长文章好懂。';
  const TEXT_BLOG = [OPENING, ...TEXT];
  const blog = (meta: string, after = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>给社区老人讲清医保报销 - 小林的笔记 - 示例博客</title></head><body>
<div class="site"><h1 class="site-name">小林的笔记</h1></div>
<div class="post"><h1 class="post-title">给社区老人讲清医保报销</h1>${meta}
<div class="post-body"><p>${OPENING}</p>${paras}</div>${after}</div>
<div class="comments"><div class="c">#1楼 2024-07-02 10:11 读者甲</div><p>写得很实用，转给家里老人看了。</p></div></body></html>`;

  it('reads the `posted @` stamp after the text', () => {
    const a = extractArticle(
      blog(
        '',
        `<div class="post-info">posted @ <span>2024-06-28 22:40</span> <a href="/u/xl">小林</a> 阅读(512) 评论(3) <a href="/edit">编辑</a></div>`,
      ),
      'https://blog.example.org/xl/p/1203',
    );
    expect(a.publishedAt).toBe('2024-06-28');
    expect(a.paragraphs).toEqual(TEXT_BLOG);
  });

  it('reads a date element run into a count beside it', () => {
    const a = extractArticle(
      blog(
        `<div class="info"><a href="/u/xl">小林</a><div class="nums"><span>12.5</span><time datetime="2023-11-02T00:15:40Z">2023.11.02 08:15:40</time><span>字数 980</span><span>阅读 77</span></div></div>`,
      ),
      'https://notes.example.org/p/ab12cd',
    );
    expect(a.publishedAt).toBe('2023-11-02');
  });

  it('takes the first-published day over a later 修改 stamp and another article’s date', () => {
    const a = extractArticle(
      blog(`<div class="up"><span>最新推荐文章于 2024-03-30 11:00:02 发布</span></div>
<div class="bar"><a href="/u/xl">小林</a><span class="time">已于 2024-03-12 18:00:00 修改</span><span>阅读量 860</span></div>
<div class="tags"><span>分类专栏：</span><a href="/c/1">社区工作</a></div>
<div class="op"><span>于 2024-03-10 07:45:00 首次发布</span></div>`),
      'https://blog.example.org/xl/article/details/9001',
    );
    expect(a.publishedAt).toBe('2024-03-10');
  });

  it('a 修改 stamp is no publication date where another date is given', () => {
    const a = extractArticle(
      blog(`<div class="bar"><span>已于 2024-03-12 18:00:00 修改</span></div><div class="meta"><span>2024-03-10 07:45</span></div>`),
      'https://blog.example.org/xl/p/9002',
    );
    expect(a.publishedAt).toBe('2024-03-10');
  });

  it('reads the date next to a first-published label', () => {
    expect(firstPublishedDate('于 2024-03-10 07:45:00 首次发布')).toContain('2024-03-10');
    expect(firstPublishedDate('首发于 2023年5月4日 示例日报')).toContain('2023年5月4日');
    expect(firstPublishedDate('已于 2024-03-12 修改，于 2024-03-10 首次发布')).toMatch(/^2024-03-10/);
    expect(firstPublishedDate('发布时间：2024-03-10')).toBeNull();
    expect(isUpdateNotice('已于 2024-03-12 18:00:00 修改')).toBe(true);
    expect(isUpdateNotice('于 2024-03-10 07:45:00 首次发布')).toBe(false);
  });
});
