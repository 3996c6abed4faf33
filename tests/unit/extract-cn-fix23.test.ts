/**
 * Issue 16, twenty-third outside set: kinds of page in general terms, with our own markup and text.
 * Body: a deck of slides shown on the page (each slide a heading and a few short bullets), beside
 * a list of visitors' messages; a text written in a note editor whose longest part is a list
 * (headings, a paragraph, a table and the list, side by side in one box).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const slidesOf = (slides: [string, string[]][]): string =>
  slides.map(([h, items]) => `<div class="pg"><h3>${h}</h3><ul>${items.map((t) => `<li>${t}</li>`).join('')}</ul></div>`).join('\n');

const deck: [string, string[]][] = [
  ['一、为什么要节约用水', ['本县人均水资源量不足全省平均水平的一半', '枯水季节部分乡镇供水紧张', '节约用水关系每一个家庭']],
  ['二、家庭节水小窍门', ['淘米水可以用来浇花、洗菜', '洗衣机集中满桶洗涤更省水', '及时修理滴漏的水龙头']],
  ['三、单位节水要求', ['公共场所安装节水型器具', '绿化浇灌尽量安排在早晚', '定期检查管网，杜绝跑冒滴漏']],
  ['四、共同行动起来', ['从我做起，从点滴做起', '把节水习惯带进家庭和社区', '争做节水护水的宣传员']],
];
const deckLines = deck.flatMap(([h, items]) => [h, ...items]);

const messages = [
  '北岭乡 何**：讲得很实在，回去就组织村民学习。2024-03-11',
  '县水务局 唐**：建议把节水器具的补贴政策也讲一讲。2024-03-12',
  '城东社区 苏**：小窍门很实用，已经转发到居民群里了。2024-03-13',
  '南坪镇中学 陆**：准备在班会课上给学生放一遍。2024-03-15',
  '西河村 韦**：希望多出一些这样的图文材料，老百姓爱看。2024-03-18',
];

const deckPage = (): string => `<html><head><meta charset="utf-8"><title>节约用水宣传课件 - 某某县科普网</title></head><body>
<div class="top"><a href="/">首页</a><a href="/kp/">科普课件</a><a href="/sp/">科普视频</a></div>
<div class="info"><h1>节约用水宣传课件</h1><p>上传时间：2024-03-10\u3000\u3000来源：某某县水务局</p></div>
<div class="viewer"><div class="pages">
${slidesOf(deck)}
</div><div class="pager"><span>1</span>/<span>4</span></div></div>
<div class="box"><h3>网友留言</h3><ul>${messages.map((m) => `<li>${m}</li>`).join('')}</ul></div>
<div class="foot">某某县科普网 版权所有</div></body></html>`;

describe('a deck of slides shown on the page', () => {
  it('reads every slide, not the messages under the deck', () => {
    const a = extractArticle(deckPage(), 'https://kp.example-county.cn/kj/2024/0310/12.html');
    expect(a.title).toBe('节约用水宣传课件');
    expect(a.paragraphs).toEqual(deckLines);
  });

  it("does not take boxes that open with no heading for slides (visitors' message cards)", () => {
    const text = [
      '三月以来，县水务局组织工作组深入十二个乡镇，走访农户三百余户，听取群众意见。',
      '走访中，群众普遍反映供水质量明显提高，也对管网维修等提出了具体意见。',
      '针对收集到的问题，工作组逐条建立台账，明确责任单位和办结时限。',
      '下一步，县水务局将把走访活动常态化，推动农村供水服务水平持续提升。',
    ];
    const who = ['何**', '唐**', '苏**', '陆**', '韦**', '龙**'];
    const cards = who
      .map((w, i) => `<div class="c"><p>${w}\u30002024-04-0${i + 2}</p><p>说得好，我们村的水管也该修一修了！</p></div>`)
      .join('');
    const html = `<html><head><meta charset="utf-8"><title>县水务局开展农村供水走访活动 - 某某县水务局</title></head><body>
<div class="main"><h1>县水务局开展农村供水走访活动</h1><p class="info">发布时间：2024-04-02\u3000\u3000来源：某某县水务局</p>
<div class="text">${text.map((t) => `<p>${t}</p>`).join('')}</div></div>
<div class="side"><div class="talk">${cards}</div></div></body></html>`;
    const a = extractArticle(html, 'https://sw.example-county.cn/xw/2024/0402/8.html');
    expect(a.paragraphs).toEqual(text);
  });
});

const noteLines = {
  heads: ['一、集合时间地点', '二、分组安排', '三、出行须知'],
  intro: '4月20日上午8:00在镇文化广场集合，统一乘车前往。',
  rows: [
    ['组别', '带队人', '成员单位'],
    ['第一组', '马文静', '党政办、财政所'],
    ['第二组', '谢建平', '农业服务中心、司法所'],
  ],
  items: [
    '请穿着整洁、朴素，佩戴党员徽章，不穿拖鞋、短裤，不带与活动无关的物品。',
    '活动期间听从带队人安排，不得擅自离队、单独行动，有事须向组长请假。',
    '瞻仰时保持肃静，不大声喧哗，爱护陵园内的花草树木和公共设施。',
    '乘车时系好安全带，上下车注意秩序，不争抢、不拥挤。',
    '返程前清点人数，确认无误后再发车，各组组长负责。',
    '活动结束后各组撰写一篇心得体会，于4月25日前交镇党委办公室汇总。',
    '拍摄照片注意场合，不在墓碑前嬉笑合影，照片统一交宣传委员。',
    '如遇身体不适，请及时告知带队人，自备饮用水、雨具。',
  ],
};

const notePage = (list: string): string => `<html><head><meta charset="utf-8"><title>清明祭扫活动安排 - 某某笔记</title></head><body>
<div class="bar"><span>某某笔记</span><a href="javascript:;">保存</a></div>
<div class="sheet"><h1 class="ttl">清明祭扫活动安排</h1><div class="meta"><span>北岭镇党委</span><span>发布时间：2024-04-15 09:30</span></div>
<div class="doc">
<h2>${noteLines.heads[0]}</h2><div class="ln">${noteLines.intro}</div>
<h2>${noteLines.heads[1]}</h2>
<table><tbody>${noteLines.rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>
<h2>${noteLines.heads[2]}</h2>
${list}
</div></div></body></html>`;

describe('a text written in a note editor whose longest part is a list', () => {
  it('keeps the headings, the paragraph and the table beside the list', () => {
    const a = extractArticle(
      notePage(`<ul>${noteLines.items.map((t) => `<li><div class="ln">${t}</div></li>`).join('')}</ul>`),
      'https://note.example-notes.cn/s/abc123',
    );
    expect(a.title).toBe('清明祭扫活动安排');
    const text = a.paragraphs.join('\n');
    for (const h of noteLines.heads) expect(a.paragraphs).toContain(h);
    expect(a.paragraphs).toContain(noteLines.intro);
    expect(text).toContain('第二组');
    expect(text).toContain('农业服务中心、司法所');
    expect(a.paragraphs.slice(-noteLines.items.length)).toEqual(noteLines.items);
  });

  it('keeps a list alone when the box around it holds little else (headings of other boxes stay out)', () => {
    const items = [
      '一是压实工作责任，镇村两级层层签订责任书，把任务分解到人、落实到点，确保不留死角。',
      '二是加强隐患排查，组织力量对辖区内山塘水库、地质灾害点逐一排查，建立问题清单。',
      '三是强化应急值守，严格执行领导带班和二十四小时值班制度，确保信息报送及时准确。',
      '四是做好物资储备，提前备足沙袋、救生衣、发电机等物资，确保关键时刻拿得出、用得上。',
      '五是广泛宣传发动，通过村村响广播、宣传单等形式，提高群众防灾避险意识和自救能力。',
    ];
    const html = `<html><head><meta charset="utf-8"><title>北岭镇扎实做好汛前准备 - 某某镇政府</title></head><body>
<h1>北岭镇扎实做好汛前准备</h1><p class="info">发布时间：2024-04-28\u3000\u3000来源：北岭镇人民政府</p>
<div class="col"><h2>镇内要闻</h2><ul>${items.map((t) => `<li>${t}</li>`).join('')}</ul>
<h2>便民服务</h2><p><a href="/bm/1.html">办事指南</a> <a href="/bm/2.html">表格下载</a></p></div>
</body></html>`;
    const a = extractArticle(html, 'https://www.example-town.cn/xw/2024/0428/3.html');
    expect(a.paragraphs).toEqual(items);
  });
});

const tailPage = (last: string): string =>
  `<html><head><meta charset="utf-8"><title>北岭镇完成汛前山塘清淤 - 某某新闻网</title></head><body>
<div class="top"><a href="/">首页</a><a href="/xw/">新闻</a></div>
<div class="art"><h1>北岭镇完成汛前山塘清淤</h1><div class="info">发布时间：2024-05-06\u3000来源：某某新闻网</div>
<div class="txt"><p>入汛以来，北岭镇组织人力机械对辖区内二十三座山塘开展清淤整治，累计清理淤泥一万二千余方。</p>
<p>镇水利站负责人介绍，清淤后山塘蓄水能力明显提升，可有效保障周边农田的灌溉用水。</p>
<p>${last}</p></div></div><div class="foot">某某新闻网 版权所有</div></body></html>`;

describe('a navigation link at the end of the last paragraph', () => {
  const last = '下一步，该镇还将对重点山塘开展安全鉴定，确保安全度汛。';
  it('cuts a 返回首页>> link run into the paragraph', () => {
    const a = extractArticle(
      tailPage(
        `${last}<a href="https://www.example-news.cn/" title="回到首页"><img src="/i/home.png" width="16">返回某某新闻网首页&gt;&gt;</a>`,
      ),
      'https://www.example-news.cn/xw/2024/0506/7.html',
    );
    expect(a.paragraphs.at(-1)).toBe(last);
    expect(a.html).not.toContain('首页&gt;&gt;');
  });

  it('keeps a link that is no navigation (a document the text points to)', () => {
    const a = extractArticle(
      tailPage(`${last}<a href="/xw/2024/0506/ya.html">北岭镇山塘度汛应急预案全文</a>`),
      'https://www.example-news.cn/xw/2024/0506/7.html',
    );
    expect(a.paragraphs.at(-1)).toBe(`${last}北岭镇山塘度汛应急预案全文`);
  });
});
