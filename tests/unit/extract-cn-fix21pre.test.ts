/**
 * Issue 16, weak spots left on seen Chinese pages (session 21), in general terms with our own
 * text. A post's 【】 headline, when it is the title, is cut from the start of the text's first
 * line (the rest of the line stays); a post's own topic tags (#…# #…#) closing its text are text,
 * though each is a link. And the bench's leak check: chrome reaching the body with other spacing
 * or split over lines is still a leak. A picture gallery that shows one caption at a time, all its
 * captions beside its pictures in the page's script data, gives every caption as its text.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { galleryFromScripts } from '../../main/services/extract/json-state';
import { chromeLeaks } from '../bench/extract-outside';

const HEADLINE = '南岭镇开通乡村夜间公交专线';
const LINE1 = '自11月1日起，南岭镇开通三条乡村夜间公交专线，末班车延长至晚上九点半，覆盖全镇十二个行政村。';
const LINE2 = '乘客可通过“南岭出行”小程序查询实时车辆位置；老年人凭优待证免费乘车，学生凭学生证半价。';
const TAGS =
  '<a href="/topic?q=%23%E5%8D%97%E5%B2%AD%E5%87%BA%E8%A1%8C%23">#南岭出行#</a> <a href="/topic?q=%23%E4%BE%BF%E6%B0%91%23">#便民服务#</a>';

/** A post page whose <title> names only its kind; `text` is the post's text (lines split by <br>). */
const postPage = (text: string, opts: { heading?: string; after?: string } = {}): string => `<!doctype html><html><head>
<meta charset="utf-8"><title>动态详情</title></head><body>
<div class="app-bar"><a href="javascript:history.back()">返回</a><span>动态详情</span></div>
<section class="feed-item"><div class="feed-user"><a class="pic" href="/u/5531"><img src="/u/5531.png" alt=""></a>
<a class="uname" href="/u/5531">南岭镇融媒体中心</a><span class="t">2024-10-30 17:20</span></div>${opts.heading ?? ''}
<div class="feed-body"><div class="feed-text">${text}</div>${opts.after ?? ''}
<div class="feed-pics"><img src="/p/1.jpg" alt=""></div></div>
<div class="feed-ops"><span>分享 8</span><span>评论 21</span><span>点赞 96</span></div></section>
<aside class="hot"><h4>热门话题</h4><ul><li><a href="/topic?q=1">#秋季农产品展销#</a></li><li><a href="/topic?q=2">#全民健身日#</a></li>
<li><a href="/topic?q=3">#古镇新貌#</a></li></ul></aside></body></html>`;

const URL = 'https://m.example-nanling.cn/feed/5531/77';

describe('a post whose 【】 headline is the title', () => {
  it('cuts the headline from the first line of the text and keeps the rest of the line', () => {
    const a = extractArticle(postPage(`【${HEADLINE}】${LINE1}<br />${LINE2}`), URL);
    expect(a.title).toBe(HEADLINE);
    expect(a.paragraphs[0]).toBe(LINE1);
    expect(a.paragraphs[1]).toBe(LINE2);
    expect(a.text).not.toContain(`【${HEADLINE}】`);
    expect(a.html).not.toContain(HEADLINE);
    expect(a.html).toContain(LINE1.slice(0, 12));
  });

  it('cuts it too where a heading names the article in the same words', () => {
    const a = extractArticle(postPage(`【${HEADLINE}】${LINE1}<br />${LINE2}`, { heading: `<h1>${HEADLINE}</h1>` }), URL);
    expect(a.title).toBe(HEADLINE);
    expect(a.paragraphs[0]).toBe(LINE1);
  });

  it('keeps a bracketed label or a headline that is not the title', () => {
    const label = extractArticle(postPage(`【编者按】${LINE1}<br />${LINE2}`), URL);
    expect(label.paragraphs[0]).toBe(`【编者按】${LINE1}`);
    const other = extractArticle(postPage(`【夜间公交开通首日客流过千】${LINE1}<br />${LINE2}`, { heading: `<h1>${HEADLINE}</h1>` }), URL);
    expect(other.title).toBe(HEADLINE);
    expect(other.paragraphs[0]).toBe(`【夜间公交开通首日客流过千】${LINE1}`);
  });

  it('keeps a line that is nothing but the bracketed headline', () => {
    const a = extractArticle(postPage(`【${HEADLINE}】<br />${LINE1}<br />${LINE2}`, { heading: `<h1>${HEADLINE}</h1>` }), URL);
    expect(a.paragraphs).toContain(LINE1);
    expect(a.paragraphs).toContain(LINE2);
  });
});

describe("a post's own topic tags", () => {
  it('keeps the #…# line that closes the text, though each tag is a link', () => {
    const a = extractArticle(postPage(`【${HEADLINE}】${LINE1}<br />${LINE2}<br />${TAGS}`), URL);
    expect(a.paragraphs.at(-1)).toBe('#南岭出行# #便民服务#');
    expect(a.text).not.toContain('秋季农产品展销');
  });

  it('does not keep a line of tag links in an element apart from the text', () => {
    const a = extractArticle(postPage(`【${HEADLINE}】${LINE1}<br />${LINE2}`, { after: `<div class="feed-tags">${TAGS}</div>` }), URL);
    expect(a.text).not.toContain('#南岭出行#');
    expect(a.paragraphs.at(-1)).toBe(LINE2);
  });

  it('does not keep a line of links that are not #…# tags', () => {
    const links = '<a href="/topic?q=1">南岭出行</a> <a href="/topic?q=2">便民服务</a>';
    const a = extractArticle(postPage(`【${HEADLINE}】${LINE1}<br />${LINE2}<br />${links}`), URL);
    expect(a.paragraphs.at(-1)).toBe(LINE2);
  });
});

describe('the bench leak check', () => {
  const expected = ['三、领取材料', '时间：每周二上午', '地点：镇政府一楼大厅'];

  it('finds chrome with other spacing or split over two lines', () => {
    expect(chromeLeaks(['网站导航 首页'], '网站导航首页\n正文', expected)).toEqual(['网站导航 首页']);
    expect(chromeLeaks(['领取材料说明'], '正文\n领取材料\n说明', expected)).toEqual(['领取材料说明']);
    expect(chromeLeaks(['相关链接'], '正文相关\u3000链接', expected)).toEqual(['相关链接']);
  });

  it('does not count a string the expected body itself spells across two lines', () => {
    expect(chromeLeaks(['领取材料时间'], expected.join('\n'), expected)).toEqual([]);
    expect(chromeLeaks(['领取材料时间'], `${expected.join('\n')}\n领取材料时间：每周二`, expected)).toEqual(['领取材料时间']);
  });
});

const CAPTIONS = [
  '清晨六点，北坡茶园的采茶工已经背着竹篓上山，趁露水未干采下第一批一芽一叶的嫩梢。',
  '鲜叶送到山脚的加工厂后先摊晾四小时，散去部分水分，叶片变软、青草气渐渐褪去。',
  '杀青是最考手艺的一步，老师傅凭手感控制锅温，翻炒的节奏一快一慢都不能乱。',
  '揉捻、干燥之后，一斤成品茶大约要用掉四斤半鲜叶，今年春茶每斤收购价比去年高了十元。',
];
const GALLERY_TITLE = '跟着镜头看一片春茶的旅程';

/** A gallery page: the markup shows picture 1 and its caption; the script data holds all four. */
function galleryPage(opts: { pictures?: boolean; shownAt?: number } = {}): string {
  const data = {
    total: CAPTIONS.length,
    pics: opts.pictures === false ? [] : CAPTIONS.map((_, i) => ({ url: `//img.example-chaxiang.cn/album/7/${i + 1}.jpg`, w: 1200 })),
    notes: CAPTIONS,
  };
  const literal = JSON.stringify(JSON.stringify(data));
  const shown = CAPTIONS[opts.shownAt ?? 0]!;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${GALLERY_TITLE}</title></head><body>
<div class="top"><a href="/">首页</a><a href="/photo/">图片</a><a href="/video/">视频</a></div>
<div class="album"><div class="stage"><ul><li><img src="//img.example-chaxiang.cn/album/7/1.jpg" alt=""></li></ul></div>
<div class="album-info"><h2 class="album-title">${GALLERY_TITLE}</h2><div class="by"><span>来源：茶乡融媒</span>\u3000<span class="t">发布时间：2024-04-18 09:30</span></div>
<div class="album-desc"><span class="idx"><em>1</em>/${CAPTIONS.length}</span> ${shown}</div></div></div>
<div class="more"><h3>更多图集</h3><ul><li><a href="/photo/8">山里的油菜花开了</a></li><li><a href="/photo/9">古镇夜景</a></li></ul></div>
<script>var PAGE = { id: 7, album: { title: '${GALLERY_TITLE}', data: JSON.parse(${literal}) }, share: function () { return false; } };</script>
</body></html>`;
}

describe('a picture gallery showing one caption at a time', () => {
  it('takes every caption from the script data, each under its picture, in order', () => {
    const a = extractArticle(galleryPage(), 'https://www.example-chaxiang.cn/photo/7');
    expect(a.title).toBe(GALLERY_TITLE);
    expect(a.publishedAt).toBe('2024-04-18');
    expect(a.origin).toBe('茶乡融媒');
    expect(a.paragraphs).toEqual(CAPTIONS);
    expect(a.images.map((im) => im.src)).toEqual(CAPTIONS.map((_, i) => `https://img.example-chaxiang.cn/album/7/${i + 1}.jpg`));
    expect(a.text).not.toContain('1/4');
  });

  it('reads the array beside as many pictures only, and only when it holds the shown caption', () => {
    const scripts = (html: string) => [{ type: '', id: '', text: /<script>([^]*?)<\/script>/.exec(html)![1]! }];
    expect(galleryFromScripts(scripts(galleryPage()), CAPTIONS[2]!)?.map((g) => g.caption)).toEqual(CAPTIONS);
    expect(galleryFromScripts(scripts(galleryPage()), '这是一句不在任何图注里的话，长度也足够了。')).toBeNull();
    expect(galleryFromScripts(scripts(galleryPage({ pictures: false })), CAPTIONS[0]!)).toBeNull();
  });

  it('keeps the shown caption alone where the data has no pictures beside the captions', () => {
    const a = extractArticle(galleryPage({ pictures: false }), 'https://www.example-chaxiang.cn/photo/7');
    expect(a.text).toContain(CAPTIONS[0]!.slice(0, 10));
    expect(a.text).not.toContain(CAPTIONS[1]!.slice(0, 10));
  });
});
