/**
 * Issue 16, nineteenth outside set (titles, dates, 来源): kinds of markup in general terms, with our
 * own text. A short heading that <title> opens with, before an unspaced `-` and a site's long name,
 * is the title (and its metadata line below gives date and 来源); a 问 badge in an element of its
 * own before a question title is not part of the title; a line in the element id'd as the page's
 * headline, right above the text, is the title where <title> names only the page's kind; a
 * <title> naming only a periodical's issue (`《某某》2023年第4期`) names no article (the line set
 * large does); a three-digit segment after a year in a URL (/2023/126/, an issue or an id) is no
 * month and day.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { dateFromUrl } from '../../shared/dates';

const CRAFT = [
  '柳溪草编是流传于示例县柳溪镇一带的传统手工技艺，当地河滩盛产蒲草和龙须草，农家素有编织草席、草帽的习惯。',
  '草编以晒干的蒲草为原料，经选草、浸泡、劈丝、编织、定型、晾晒等十余道工序制成，讲究草丝粗细均匀、纹路细密。',
  '近年来，柳溪镇开办草编培训班，组织艺人进社区、进学校授课，并与文创企业合作开发草编收纳篮、草编灯罩等新产品。',
];

describe('a short heading that <title> opens with, before an unspaced `-` and a long site name', () => {
  const page = (title: string, heading: string, side = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}</title></head><body>
<div class="top"><a href="/">首页</a><a href="/xm/">保护项目</a><a href="/ccr/">传承人</a></div>
<div class="main">
<div class="item-head">
<h1>${heading}</h1>
<div class="item-info"><span>发布日期：2023-11-08</span><span>来源：示例县文化馆</span></div>
</div>
${side}
<div class="item-text">${CRAFT.map((p) => `<p>${p}</p>`).join('\n')}</div>
</div>
<div class="foot">示例县民间工艺保护网 版权所有</div>
</body></html>`;

  it('takes the four-character heading, with the date and 来源 below it', () => {
    const a = extractArticle(page('柳溪草编-示例县民间工艺传承与保护网站', '柳溪草编'), 'https://www.example.org/xm/31.html');
    expect(a.title).toBe('柳溪草编');
    expect(a.publishedAt).toBe('2023-11-08');
    expect(a.origin).toBe('示例县文化馆');
  });

  it('does not take a box heading that only starts the <title>, with no separator after it', () => {
    const side = '<div class="box"><h2>草编</h2><p>本栏目介绍草编类保护项目。</p></div>';
    const a = extractArticle(
      page('草编艺人扎根乡村三十年-示例县民间工艺传承与保护网站', '草编艺人扎根乡村三十年', side),
      'https://www.example.org/xm/32.html',
    );
    expect(a.title).toBe('草编艺人扎根乡村三十年');
  });
});

const ANSWER = [
  '答：可以。按照现行规定，退休人员在退休后取得的基本养老金免征个人所得税，返聘取得的劳务报酬按规定预扣预缴。',
  '具体办理时，可通过个人所得税应用程序查询扣缴记录，如有疑问可向主管税务机关咨询。',
];

describe('a question title with a 问 badge in an element of its own', () => {
  const page = (line: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>问答详情-示例市纳税服务网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/qa/">热点问答</a></div>
<div class="qa">
<div class="qa-title">${line}</div>
<div class="qa-info"><span>发布日期：2023-06-12</span><span>来源：示例市税务局</span></div>
<div class="qa-answer">${ANSWER.map((p) => `<p>${p}</p>`).join('\n')}</div>
</div>
</body></html>`;

  it('takes the question without the badge', () => {
    const a = extractArticle(
      page('<span class="badge">问</span>退休人员返聘取得的收入是否需要缴纳个人所得税？'),
      'https://www.example.org/qa/7.html',
    );
    expect(a.title).toBe('退休人员返聘取得的收入是否需要缴纳个人所得税？');
  });

  it('keeps a title that opens with 问 as its own word', () => {
    const a = extractArticle(page('问需于民　示例市开展纳税服务大走访'), 'https://www.example.org/qa/8.html');
    expect(a.title).toBe('问需于民　示例市开展纳税服务大走访');
  });
});

const RELEASE = [
  '　　示例區文化事務署今日宣布，將於下月起在區內三間圖書館試行延長開放時間，為期三個月，方便市民在晚間借閱圖書。',
  '　　文化事務署發言人表示，試行期間會收集讀者意見，並在試行期完結後檢討安排，以決定是否延續。',
  '　　市民可瀏覽署方網頁查詢各館開放時間。',
];

describe('a line in the element id’d as the page’s headline, above the text', () => {
  const page = (headline: string, after: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>新聞稿</title></head><body>
<div class="menu"><a href="/">主頁</a><a href="/today/">今日新聞稿</a></div>
<div class="content">
<div id="pressHeadline"><span>${headline}</span></div>
${after}
<div class="stamp">2023年5月4日（星期四）</div>
</div>
</body></html>`;

  it('takes the headline where <title> names only the page’s kind', () => {
    const a = extractArticle(
      page('示例區圖書館試行延長開放時間', `<div id="pressText">${RELEASE.join('<br /><br />')}</div>`),
      'https://www.example.org/news/2023/05/04/n1.htm',
    );
    expect(a.title).toBe('示例區圖書館試行延長開放時間');
  });

  it('does not take a box heading id’d as a title over links', () => {
    const links = `<ul><li><a href="/n/2">示例區泳池更換過濾系統</a></li><li><a href="/n/3">示例區公園加裝照明設施</a></li></ul>
<div id="pressText">${RELEASE.join('<br /><br />')}</div>`;
    const a = extractArticle(page('相關新聞稿', links), 'https://www.example.org/news/2023/05/04/n2.htm');
    expect(a.title).not.toBe('相關新聞稿');
  });
});

const STORY = [
  '清晨五点，巡线班的六名队员已经背上工具包出发。这条输电线路翻越三座山梁，全长四十多公里，最高处海拔一千八百米。',
  '入冬以来，山上几次降雪，导线覆冰的风险随之上升。队员们每天徒步巡查二十多基杆塔，用望远镜逐段查看导线和绝缘子。',
  '班长说，线路安全关系到山下几万户群众的冬季用电，再苦再累也要把每一基杆塔看仔细。',
];

describe('an e-journal page: <title> names only the issue', () => {
  const page = (docTitle: string, underTitle = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${docTitle}</title></head><body>
<table width="600"><tr><td style="font-size:12px">示例电力公司党委宣传部编&#12288;2023年第4期（总第48期）&#12288;2023年4月15日</td></tr>
<tr><td style="font-size:14px;font-weight:bold">本期目录</td></tr>
<tr><td style="font-size:13px"><a href="/kan/2023/048/a1.html">公司召开一季度安全生产会议</a></td></tr>
<tr><td style="font-size:13px"><a href="/kan/2023/048/a2.html">雪线上的巡线人</a></td></tr>
<tr><td style="font-size:13px"><a href="/kan/2023/048/a3.html">青年突击队攻坚变电站扩建</a></td></tr>
<tr><td style="font-size:13px">一线风采</td></tr>
<tr><td style="font-size:22px;font-weight:bold">雪线上的巡线人</td></tr>
${underTitle}
${STORY.map((p) => `<tr><td style="font-size:15px">${p}</td></tr>`).join('\n')}
</table></body></html>`;

  // The masthead's date is read as a short line above the text; /2023/126/ must not date it 2023-01-26 first.
  it('takes the line set large for the title and the masthead’s date, not one read from the issue number in the URL', () => {
    const a = extractArticle(page('《示例电力》2023年第4期'), 'https://kan.example.org/kan/2023/126/a2.html');
    expect(a.title).toBe('雪线上的巡线人');
    expect(a.publishedAt).toBe('2023-04-15');
  });

  it('keeps a <title> that names an article, not only an issue', () => {
    const a = extractArticle(page('《示例电力》第48期出版发行'), 'https://kan.example.org/kan/2023/048/a3.html');
    expect(a.title).toBe('《示例电力》第48期出版发行');
  });
});

describe('dates in URLs', () => {
  it('reads no month and day from a three-digit segment after a year', () => {
    expect(dateFromUrl('https://kan.example.org/kan/2023/126/a2.html')).toBeNull();
    expect(dateFromUrl('https://kan.example.org/kan/2023/126/a2.html')).toBeNull();
  });

  it('still reads four digits and separated month and day', () => {
    expect(dateFromUrl('https://www.example.org/news/2023/0415/a2.html')).toBe('2023-04-15');
    expect(dateFromUrl('https://www.example.org/news/2023-4/15/a2.html')).toBe('2023-04-15');
  });
});
