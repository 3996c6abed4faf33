/**
 * Issue 16, twenty-seventh outside set: kinds of page in general terms, with our own markup and text.
 * Body: a line that opens with a date label named for what the notice announces is a line of the
 * text when it is written as sentences (one sentence as a numbered item: 一、体检时间：…。, or
 * several: 数据截止时间：…。全镇共有…。); the linked names heading the entries of a list inside the
 * text (a 新书通报's books, each a link to its catalogue record over lines of its own) are text.
 * 来源: a label naming the kind of body that published the page (发布法院：, 发布检察院：) is a 来源
 * label; the office a template prints unlabelled between the date and the page's counter under the
 * title (2024-07-05 16:20 教务处 浏览：) is the 来源 when nothing names one, over the 落款's longer
 * spelling of it.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { dateAndUnit, isMetaLine, matchOrigin } from '../../main/services/extract/patterns';

const URL = 'https://www.example-reed.gov.cn/tzgg/2024/0711/58.html';

const shell = (
  title: string,
  meta: string,
  text: string,
  side = '',
): string => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="top"><a href="/">首页</a><a href="/tzgg/">通知公告</a><a href="/bszn/">办事指南</a></div>
<div class="wrap"><div class="main"><h2 class="tit">${title}</h2>
<div class="info">${meta}</div>
<div class="content">${text}</div></div>
<div class="side">${side}</div></div>
<div class="foot"><p>主办单位：某某县人民政府办公室</p><p>版权所有 某某县人民政府</p></div></body></html>`;

const prose = (s: string): string => `<p style="text-indent:2em">${s}</p>`;

describe('a date label opening a line written as sentences', () => {
  const checkup = '一、体检时间：2024年7月12日（星期五）上午7:30—10:00，请考生空腹参加。';
  const cutoff = '数据截止时间：2024年6月30日。全镇共有参保人员1.2万名，其中新增参保386名，续保率98.6%。';

  it('is no stamp of the page: the line tests as no metadata line', () => {
    expect(isMetaLine(checkup)).toBe(false);
    expect(isMetaLine(cutoff)).toBe(false);
    // The page's own stamp stays metadata, numbered or not, sentence or not.
    expect(isMetaLine('发布时间：2024-07-11 09:30')).toBe(true);
    expect(isMetaLine('更新日期：2024年7月11日。')).toBe(true);
    expect(isMetaLine('时间：2024-07-11 09:30')).toBe(true);
  });

  it('stays in the text of a notice, the page still dated by its own stamp', () => {
    const a = extractArticle(
      shell(
        '某某县2024年事业单位公开招聘进入体检人员名单公示',
        '<span>发布时间：2024-07-11 09:30</span>　<span>来源：县人力资源和社会保障局</span>',
        prose('根据某某县2024年事业单位公开招聘工作安排，经笔试、资格复审和面试，现将进入体检人员名单予以公示，有关事项通知如下：') +
          prose(checkup) +
          prose('二、体检地点：县人民医院门诊楼三楼体检中心，请携带本人身份证原件按时参加。') +
          prose('三、未按时参加体检的，视为自动放弃，空缺岗位按综合成绩从高到低依次递补。') +
          prose('四、相关统计情况如下。') +
          prose(cutoff),
      ),
      URL,
    );
    expect(a.publishedAt).toBe('2024-07-11');
    expect(a.text).toContain(checkup);
    expect(a.text).toContain(cutoff);
  });
});

describe('the linked names heading the entries of a list inside the text', () => {
  const books = [
    ['《稻作农事与乡村节令》', '邵明川著　某某农业出版社，2024', '索书号：S511/S321　馆藏地：二楼社科书库'],
    ['《河湖治理实务问答》', '本书编委会编　某某水利出版社，2024', '索书号：TV85-44/B512　馆藏地：三楼自科书库'],
    ['《街巷里的老手艺》', '蒲晓岚著　某某文艺出版社，2023', '索书号：J528/P118　馆藏地：四楼艺术书库'],
    ['《青少年心理健康读本》', '庄一帆主编　某某教育出版社，2024', '索书号：B844.2/Z215　馆藏地：一楼少儿阅览室'],
  ] as const;
  const entry = ([name, who, where]: readonly [string, string, string], n: number): string =>
    `<li class="entry"><h4><a href="https://opac.example-reed.cn/record/${7100 + n}">${name}</a></h4><p>${who}</p><p>${where}</p></li>`;
  const page = (after: string): string =>
    shell(
      '新书推荐（2024年第7期）',
      '<span>发布时间：2024-07-11</span>',
      prose('本期推荐馆藏新书4种，均已上架，读者可凭借阅证到相应书库借阅，也可登录馆藏目录查询借阅状态。') +
        `<ul class="entries">${books.map(entry).join('')}</ul>` +
        after,
      '<div class="box"><h3>通知公告</h3><ul><li><a href="/tzgg/1.html">暑期开放时间调整的通知</a> 2024-07-08</li><li><a href="/tzgg/2.html">读者证办理须知</a> 2024-06-20</li><li><a href="/tzgg/3.html">少儿阅览室临时闭馆通知</a> 2024-06-02</li></ul></div>',
    );

  it('keeps each linked name with its lines when the text goes on after the list', () => {
    const a = extractArticle(page(prose('欢迎读者通过荐购平台推荐图书，我们将根据馆藏发展政策及时采购。')), URL);
    for (const [name, who, where] of books) {
      expect(a.text).toContain(name);
      expect(a.text).toContain(who);
      expect(a.text).toContain(where);
    }
    // A list of other pages with their dates beside the text is still no part of it.
    expect(a.text).not.toContain('读者证办理须知');
  });

  it('leaves linked names out where the list ends the box (no text after it)', () => {
    const a = extractArticle(page(''), URL);
    expect(a.text).toContain(books[0][1]);
    expect(a.text).not.toContain(books[0][0]);
  });
});

describe('a label naming the kind of body that published the page', () => {
  it('reads 发布法院 / 发布检察院 as 来源 labels, the date beside them still the date', () => {
    expect(matchOrigin('发布法院：某某县人民法院　　发布日期：2024/7/11　　浏览：88')).toBe('某某县人民法院');
    expect(matchOrigin('发布检察院：某某市人民检察院 发布时间：2024-07-11')).toBe('某某市人民检察院');
    const a = extractArticle(
      shell(
        '开庭公告（2024年7月15日—7月19日）',
        '发布法院：<span id="lblCourt">某某县人民法院</span>　　发布日期：<span id="lblDate">2024/7/11</span>　　浏览：<span>88</span>',
        prose('本院定于2024年7月15日至7月19日公开开庭审理下列案件，欢迎群众旁听，旁听人员请携带身份证件提前十五分钟到达。') +
          prose('旁听人员应当遵守法庭纪律，不得录音、录像和摄影，不得随意走动和进入审判区。'),
      ),
      URL,
    );
    expect(a.origin).toBe('某某县人民法院');
    expect(a.publishedAt).toBe('2024-07-11');
  });
});

describe('the office printed unlabelled beside the date under the title', () => {
  it('reads an organisation between the date and the page counter, never a person', () => {
    expect(dateAndUnit('2024-07-11 16:20 教务处 浏览：')).toBe('教务处');
    expect(dateAndUnit('2024年7月11日 学生工作部 点击数：12')).toBe('学生工作部');
    // Without the page's counter, a date and a name are no record of the page's own.
    expect(dateAndUnit('2024-07-11 16:20 教务处')).toBeNull();
    expect(dateAndUnit('2024-07-11 16:20 张晓明 浏览：')).toBeNull();
    expect(dateAndUnit('2024-07-11 教务处，请各学院周知')).toBeNull();
  });

  const page = (header: string): string =>
    shell(
      '某某学院2024年暑期学生离校工作安排',
      header,
      prose('根据学校校历安排，2024年暑假自7月13日开始，现将学生离校有关工作安排通知如下，请各学院认真组织落实。') +
        prose('各学院要在学生离校前开展一次安全教育，提醒学生注意交通、防溺水和防诈骗安全，做好宿舍用电检查。') +
        '<p style="text-align:right">某某学院教务处</p><p style="text-align:right">2024年7月10日</p>',
    );

  it('is the 来源 over the 落款, which spells the same office in full', () => {
    const a = extractArticle(
      page(
        '<span class="time">2024-07-11 16:20</span>&nbsp;&nbsp;<span class="author">教务处&nbsp;</span>&nbsp;&nbsp;浏览：<span>96</span>',
      ),
      URL,
    );
    expect(a.origin).toBe('教务处');
    expect(a.text).toContain('某某学院教务处');
  });

  it('leaves a person beside the date alone: the 落款 stays the 来源', () => {
    const a = extractArticle(
      page(
        '<span class="time">2024-07-11 16:20</span>&nbsp;&nbsp;<span class="author">张晓明&nbsp;</span>&nbsp;&nbsp;浏览：<span>96</span>',
      ),
      URL,
    );
    expect(a.origin).toBe('某某学院教务处');
  });
});
