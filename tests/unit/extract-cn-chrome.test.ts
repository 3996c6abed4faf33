/**
 * Issue 16: chrome words that leaked into Chinese article bodies (counters, share and print bars,
 * QR prompts, related-list headings, credit lines), and the sentences that use the same words and
 * must stay (景区人气持续攀升。已有300人报名参加。).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isBoilerplate } from '../../main/services/extract/patterns';

const BODY = [
  '3月4日，市委理论学习中心组召开专题学习会，围绕推进高质量发展进行交流研讨，与会同志结合分管工作谈体会。',
  '会议强调，要把学习成果转化为推动工作的实际成效，持续深化调查研究，切实解决群众急难愁盼问题。',
  '会议要求，各级党组织要强化责任担当，把各项任务落实落细，确保取得实效。',
];

function run(before: string[], after: string[]) {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>市委理论学习中心组召开专题学习会_某某新闻网</title></head><body>
<div class="article"><h1>市委理论学习中心组召开专题学习会</h1>
<div class="info">2024-03-05 来源：新华社</div>
<div class="content">${[...before, ...BODY, ...after].map((p) => `<p>${p}</p>`).join('\n')}</div></div></body></html>`;
  return extractArticle(html, 'http://www.example.cn/a/2024/0305/1.html', { referee: 'never' });
}

const CHROME = [
  '人气：1234',
  '已有256人阅读',
  '本文已被浏览 321 次',
  '转发到：',
  '分享到：',
  '分享：微信 微博 QQ空间',
  '微信 微博 QQ空间',
  '【打印】【关闭】',
  '打印 关闭',
  '【打印本页】【关闭窗口】',
  '扫一扫在手机打开当前页',
  '扫描下方二维码关注我们',
  '相关附件',
  '相关附件：',
  '为你推荐',
  '延伸·推荐',
  '相关资讯请关注：某某专区',
  '点击进入专题：',
  '上一篇：某某工作会议召开',
  '下一篇：没有了',
  '责任编辑：王五',
  '（责任编辑：王五）',
  '编辑刘晓阳 校对李铭',
  '编辑/苏芳',
  '【纠错】',
  '【我要纠错】',
  '点赞 收藏',
  '点赞(12) 收藏(3)',
  '1、回复【社保】查看缴纳记录',
  '看都看完了，点【在看】试试',
  '【上一篇】某某会议召开',
  '&lt; 上一篇：某某会议',
  '文字：李楠　图片：周宇　审核：吴涛',
  '返回搜狐，查看更多',
  '看不清？换一张',
  '验证码：',
  '请输入验证码',
  '声明：本网力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。',
];

describe('chrome lines around the text', () => {
  it.each(CHROME)('drops %s after the text', (line) => {
    expect(run([], [line]).paragraphs).toEqual(BODY);
  });
  it.each(CHROME)('drops %s before the text', (line) => {
    expect(run([line], []).paragraphs).toEqual(BODY);
  });
});

describe('sentences that use the same words stay', () => {
  it.each([
    '国庆假期，景区人气持续攀升，游客接待量同比增长两成。',
    '截至目前，已有300人报名参加志愿服务活动。',
    '该公众号推送的学习文章阅读量突破十万，引发广泛讨论。',
    '群众扫一扫二维码，即可在线办理社保业务，不用再跑窗口。',
    '他把学习心得分享到朋友圈，得到同事们的点赞。',
    '上一篇文章中，我们谈到了调查研究的方法，这里接着讲如何把调研成果转化为工作举措。',
    '小区北门的路灯坏了半个月，居民晚上回家都看不清路面，很不安全。',
    '民警提醒，任何人索要短信验证码都要提高警惕，谨防电信诈骗。',
  ])('%s', (sentence) => {
    expect(isBoilerplate(sentence)).toBe(false);
    expect(run([], [sentence]).paragraphs).toEqual([...BODY, sentence]);
  });
});

/** A page whose article is followed, in `after`, by what the test puts there. */
function pageWith(after: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>某某会议召开_某某新闻网</title></head><body>
<div class="article"><h1>市委理论学习中心组召开专题学习会</h1><div class="info">2024-03-05 来源：新华社</div>
${after}</div></body></html>`;
}

describe('what follows a 责任编辑 line or a related-list heading', () => {
  const text = BODY.map((p) => `<p>${p}</p>`).join('');
  const teaser = '<blockquote><p>另一则新闻的标题</p><p>另一则新闻的导语，讲的是别的事情，与本文无关。</p></blockquote>';

  it('drops a teaser after the 责任编辑 line in the same container', () => {
    const a = extractArticle(
      pageWith(`<div class="content">${text}<p>责任编辑：王五</p>${teaser}</div>`),
      'http://www.example.cn/a/1.html',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(BODY);
    expect(a.editor).toBe('王五');
  });

  it('drops the box a related heading opens, with the blurbs and dates in it', () => {
    const list = [1, 2, 3]
      .map(
        (i) =>
          `<dl><dt><a href="/n/${i}.html">其他新闻标题${i}</a></dt><dd class="exp">其他新闻的摘要第${i}条，内容与本文无关，只是推荐。</dd><dd class="sj">2024-03-0${i} 10:0${i}</dd></dl>`,
      )
      .join('');
    const html = pageWith(`<div class="content">${text}<div class="box"><h2>为你推荐</h2><div class="con">${list}</div></div></div>`);
    expect(extractArticle(html, 'http://www.example.cn/a/1.html', { referee: 'never' }).paragraphs).toEqual(BODY);
  });

  it('keeps the article when the box sits in its middle, and an attachment list after 责任编辑', () => {
    const more = [
      '会议还研究了下一阶段的重点任务，明确了责任分工和完成时限，要求各单位按时报送进展情况。',
      '会议最后强调，要以钉钉子精神抓好各项工作落实，以实际成效检验学习成果。',
    ];
    const mid = `<div class="content">${text}<p>相关阅读</p><ul><li><a href="/r/1.html">某某工作会议召开</a></li></ul>${more.map((p) => `<p>${p}</p>`).join('')}</div>`;
    expect(extractArticle(pageWith(mid), 'http://www.example.cn/a/1.html', { referee: 'never' }).paragraphs).toEqual([...BODY, ...more]);
    const att = `<div class="content">${text}<p>责任编辑：王五</p><p>附件：<a href="/f/1.docx">学习计划.docx</a></p></div>`;
    expect(extractArticle(pageWith(att), 'http://www.example.cn/a/1.html', { referee: 'never' }).paragraphs).toEqual([
      ...BODY,
      '附件：学习计划.docx',
    ]);
  });
});

describe('picture captions', () => {
  const run2 = (inner: string) =>
    extractArticle(pageWith(`<div class="content">${inner}</div>`), 'http://www.example.cn/a/1.html', { referee: 'never' }).paragraphs;
  const text = BODY.map((p) => `<p>${p}</p>`).join('');
  const img = '<p style="text-align:center"><img src="/upload/2024/03/05/a.jpg"></p>';

  it.each([
    '<p class="pic-desc">学习会现场</p>',
    '<p style="text-align:center">会场外景（3月4日摄）。新华社记者 陈明 摄</p>',
    '<p>图为学习会现场。</p>',
    '<p>图片来源：某某日报</p>',
    '<figure><figcaption>学习会现场</figcaption></figure>',
  ])('drops %s under a picture', (caption) => {
    expect(run2(`${img}${caption}${text}`)).toEqual(BODY);
  });

  it('keeps a centred subheading and a sentence under a picture', () => {
    const sub = '一、提高政治站位';
    const sentence = '会后，与会同志参观了廉政教育基地，接受了一次深刻的党性教育。';
    expect(run2(`${img}<p style="text-align:center">${sub}</p>${text}`)).toEqual([sub, ...BODY]);
    expect(run2(`${text}${img}<p>${sentence}</p>`)).toEqual([...BODY, sentence]);
  });
});
