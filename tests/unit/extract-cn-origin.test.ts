/**
 * Issue 16: 来源 in its real forms, and who can be a 来源, an author or an editor. The rule:
 * 来源 is an organisation or a publication; a person or a login is not (发布者：张伟 / admin), a
 * site's name is not an author (网易 on 网易财经's pages), and 来源：本站/本网 stays as written.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import {
  isCreditLine,
  matchBareOrigin,
  matchOrigin,
  matchPublisher,
  personName,
  publicationName,
} from '../../main/services/extract/patterns';

const BODY = [
  '3月4日，市委理论学习中心组召开专题学习会，围绕推进高质量发展进行交流研讨，与会同志结合分管工作谈体会。',
  '会议强调，要把学习成果转化为推动工作的实际成效，持续深化调查研究，切实解决群众急难愁盼问题。',
  '会议要求，各级党组织要强化责任担当，把各项任务落实落细，确保取得实效。',
];

/** A CMS article page with `meta` as its metadata line and `tail` after the text. */
function page(meta: string, tail = '', head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>市委理论学习中心组召开专题学习会_某某新闻网</title>${head}</head><body>
<div class="nav"><a href="/">首页</a><a href="/a">要闻</a></div>
<div class="article"><h1>市委理论学习中心组召开专题学习会</h1>
<div class="info">${meta}</div>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}${tail}</div></div>
<div class="footer">版权所有 某某新闻网</div></body></html>`;
}

function run(meta: string, tail = '', head = '') {
  return extractArticle(page(meta, tail, head), 'http://www.example.cn/a/2024/0305/1.html', { referee: 'never' });
}

describe('来源 in its real forms', () => {
  it.each([
    ['a link', '发布时间：2024-03-05　来源：<a href="http://x.example.cn/">新华网</a>', '新华网'],
    ['a logo image', '发布时间：2024-03-05　来源：<img src="/logo/rmrb.png" width="60" height="16" alt="人民日报">', '人民日报'],
    ['after 作者 on one line', '作者：王芳 来源：人民日报 发布时间：2024-03-05', '人民日报'],
    ['split over two elements', '<span>2024-03-05</span> <span class="l">来源：</span><span class="v">新华社</span>', '新华社'],
    ['with 编辑 after a bar', '2024-03-05　来源：新华社 ｜ 编辑：王五', '新华社'],
    ['with the font-size widget', '2024-03-05　来源：新华社【字体：大 中 小】', '新华社'],
    ['with a view counter', '2024-03-05　来源：新华社 浏览次数：123', '新华社'],
    ['with a share bar', '2024-03-05　来源：新华社 分享到：', '新华社'],
    ['with a date after it', '来源：新华社2024-03-05 10:00', '新华社'],
    ['with a reporter after it', '来源：新华社 记者 张三 2024-03-05', '新华社'],
    ['as 转载自', '2024-03-05　转载自：光明日报', '光明日报'],
    ['as 出处', '2024-03-05　出处：求是网', '求是网'],
    ['as 稿源', '2024-03-05　稿源：市委组织部', '市委组织部'],
    ['as 来稿', '2024-03-05　来稿：县教育局', '县教育局'],
    ['in a Latin name', '2024-03-05　来源：China Daily 编辑：王五', 'China Daily'],
    ['without a colon, in elements of its own', '<span>2024-03-05</span> <span>来源</span> <span>新华社</span>', '新华社'],
    ['after a bar', '来源｜人民日报 2024-03-05', '人民日报'],
    ['between em labels', '<em>来源</em>人民日报<em>时间</em>2024-03-05', '人民日报'],
  ])('%s', (_name, meta, origin) => {
    const a = run(meta);
    expect(a.origin).toBe(origin);
    expect(a.paragraphs).toEqual(BODY);
  });

  it('reads （…供稿） and （…来稿） after the text as 来源, not as body', () => {
    for (const line of ['（市委组织部供稿）', '(县教育局来稿)']) {
      const a = run('2024-03-05', `<p style="text-align:right">${line}</p>`);
      expect(a.origin).toBe(line.includes('组织部') ? '市委组织部' : '县教育局');
      expect(a.paragraphs).toEqual(BODY);
    }
  });

  it('keeps 来源：本站/本网/本站原创 as the page writes it', () => {
    expect(run('2024-03-05　来源：本站').origin).toBe('本站');
    expect(run('2024-03-05　来源：本网').origin).toBe('本网');
    expect(run('2024-03-05　来源：本站', '', '<meta property="og:site_name" content="某市党建网">').origin).toBe('本站');
    expect(run('2024-03-05　来源：本站原创').origin).toBe('本站原创');
  });
});

describe('who can be a 来源', () => {
  it('takes 发布者 as 来源 only when it names an organisation', () => {
    expect(run('发布者：数学学院　发布日期：2024年03月05日').origin).toBe('数学学院');
    expect(run('发布者：张伟　发布时间：2024-03-05').origin).toBeNull();
    expect(run('发布者：admin　发布时间：2024-03-05').origin).toBeNull();
    expect(run('发布人：xxb01　发布时间：2024-03-05').origin).toBeNull();
    // A 来源 on the line wins over the uploader.
    expect(run('发布者：张伟　来源：市委宣传部　发布时间：2024-03-05').origin).toBe('市委宣传部');
    expect(matchPublisher('发布者：某县融媒体中心 时间：2024-03-05')).toBe('某县融媒体中心');
    expect(matchPublisher('发布者：系统管理员')).toBeNull();
  });

  it('cuts the value cleanly: no date, no names, no widgets', () => {
    expect(matchOrigin('来源：新华社2024年3月5日')).toBe('新华社');
    expect(matchOrigin('来源：人民日报 作者：王芳')).toBe('人民日报');
    expect(matchOrigin('来源：人民网－人民日报【打印】【关闭】')).toBe('人民网－人民日报');
    expect(matchOrigin('来源：学习时报 ｜ 责任编辑：李四')).toBe('学习时报');
    // Without a colon only on a dated metadata line, never in a sentence.
    expect(matchBareOrigin('来源 新华社 2024-03-05')).toBe('新华社');
    expect(matchBareOrigin('来源 新华社')).toBeNull();
    expect(matchBareOrigin('资金来源于财政拨款，2024年3月5日下达')).toBeNull();
    expect(matchBareOrigin('经费来源 2024年3月5日')).toBeNull();
  });
});

describe('authors and editors are people', () => {
  it('does not take a site name in the author field as the author', () => {
    const a = run('2024-03-05 来源：新华社', '', '<meta property="article:author" content="某某新闻">');
    expect(a.author).toBeNull();
    expect(a.origin).toBe('新华社');
    // …and a publication there stands in for a missing 来源.
    const b = run('2024-03-05', '', '<meta property="article:author" content="某某日报">');
    expect(b.author).toBeNull();
    expect(b.origin).toBe('某某日报');
    // A person there is the author.
    expect(run('2024-03-05 来源：新华社', '', '<meta property="article:author" content="李明">').author).toBe('李明');
  });

  it('drops logins and back-office roles from 作者 and 责任编辑', () => {
    expect(run('2024-03-05 来源：新华社', '<p>（责任编辑：系统管理员）</p>').editor).toBeNull();
    expect(run('2024-03-05 来源：新华社', '<p>（责任编辑：HN666）</p>').editor).toBeNull();
    expect(run('2024-03-05 来源：新华社', '<p>（责任编辑：杨倩_NF4425）</p>').editor).toBe('杨倩');
    expect(run('作者：admin 2024-03-05 来源：新华社').author).toBeNull();
    expect(personName('kingname', [])).toBe('kingname');
    expect(personName('网易', ['网易财经'])).toBeNull();
    expect(publicationName('网易', ['网易财经'])).toBe('网易');
    expect(publicationName('新浪财经-自媒体综合', [])).toBe('新浪财经-自媒体综合');
    expect(publicationName('王芳', ['某某新闻网'])).toBeNull();
  });
});

describe('credit lines', () => {
  it.each([
    ['编辑/苏芳', true],
    ['编辑｜禤某某', true],
    ['编辑刘晓阳 校对李铭', true],
    ['医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳', true],
    ['（市委组织部供稿）', true],
    ['编辑部召开专题会议', false],
    ['统筹推进', false],
    ['会议由市委组织部统筹安排，各单位编辑报送材料。', false],
  ])('%s → %s', (line, credit) => {
    expect(isCreditLine(line)).toBe(credit);
  });
});

describe('metadata written with <label>', () => {
  it('reads 发布机构 and 发布日期 from a <ul><li><label> list, not a control label', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>关于做好就业见习工作的通知</title></head><body>
<div class="search"><label for="q">搜索</label><input id="q"></div>
<div class="xxgk-info"><ul>
<li><label>索 引 号：</label><span>11370800MB1234567X/2024-00215</span></li>
<li><label>发布机构：</label><span>示例市人力资源和社会保障局</span></li>
<li><label>成文日期：</label><span>二〇二四年六月三日</span></li>
<li><label>文\u3000\u3000号：</label><span>示人社字〔2024〕45号</span></li>
<li><label>发布日期：</label><span>2024-06-07</span></li>
</ul></div>
<h1>关于做好就业见习工作的通知</h1>
<div class="content">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const a = extractArticle(html, 'http://www.example.gov.cn/gkmlpt/content/1.html', { referee: 'never' });
    expect(a.origin).toBe('示例市人力资源和社会保障局');
    expect(a.publishedAt).toBe('2024-06-07');
    expect(a.docNumber).toBe('示人社字〔2024〕45号');
    expect(a.paragraphs).toEqual(BODY);
  });
});
