/**
 * Issue 16, seventeenth outside set (dates and 来源): kinds of markup in general terms, with our
 * own text. A forum thread's date is its opening post's, from the tail beside the floor number
 * 1楼 (the replies' tails carry later dates); a time written as a link on the line under the title,
 * with a few words beside it (来自 + a place), is the article's; a 办事指南's 实施主体 under the
 * service's name is its 来源 when the page names no other.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const POST = [
  '上个月我们小区的业主自己动手，把楼下那片荒着的空地改成了一个小菜园，今天来汇报一下进展。',
  '先是找物业商量，物业同意我们用三年，条件是不能搭棚子、不能养家禽。',
  '然后大家分了地块，一共十八块，每家一块，剩下的种了公共的葱和香菜，谁家做饭都能来掐。',
  '浇水排了值日表，雨水桶是楼里的王师傅用旧油桶改的，能接两百多斤水。',
  '种的东西也商量过，以叶菜为主，小白菜、油麦菜、空心菜轮着种，长得快，孩子们也爱看。',
  '有两家种了番茄和辣椒，搭了矮架子，物业来看过，说只要不超过一米就行。',
  '孩子们最喜欢的是周末拔草，每次都抢着去，拔完还要数一数谁拔得多。',
  '现在最大的问题是蜗牛，有经验的朋友教教我们怎么对付。',
];

describe('a forum thread’s opening post', () => {
  const post = (floor: number, who: string, lines: string[], date: string): string => `<div class="post">
<div class="author"><a href="/u/${floor}">${who}</a><p class="level">街坊</p><p class="grade">${floor + 3}</p></div>
<div class="content">${lines.join('<br>')}</div>
<div class="tail"><span class="client">来自手机网页</span><span class="floor">${floor}楼</span><span class="when">${date}</span></div>
</div>`;
  const page = (
    posts: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>小区空地变菜园了【示例街道论坛】</title></head><body>
<div class="nav"><a href="/">论坛首页</a><a href="/f/12">示例街道</a></div>
<div class="thread"><h3 class="thread-title">小区空地变菜园了</h3><a href="?see_lz=1">只看楼主</a>
${posts}
</div>
<div class="foot">示例论坛 版权所有</div></body></html>`;

  it('takes the date beside 1楼, not a reply’s', () => {
    const a = extractArticle(
      page(
        [
          post(1, '种菜的老刘', POST, '2024-05-12 19:40'),
          post(2, '邻居小何', ['太好了，我家也想要一块地，还有空的吗？'], '2024-05-12 20:05'),
          post(3, '路人甲', ['蜗牛可以撒点草木灰，管用。'], '2024-05-13 07:22'),
        ].join('\n'),
      ),
      'https://bbs.example.org/p/5512',
    );
    expect(a.publishedAt).toBe('2024-05-12');
    expect(a.text).toContain('现在最大的问题是蜗牛');
  });

  it('takes no reply’s date for the thread’s when the opening post is not on the page', () => {
    const a = extractArticle(
      page([post(21, '邻居小何', POST.slice(0, 5), '2024-06-02 20:05'), post(22, '路人甲', POST.slice(5), '2024-06-03 07:22')].join('\n')),
      'https://bbs.example.org/p/5512?pn=2',
    );
    expect(a.publishedAt).not.toBe('2024-06-02');
    expect(a.publishedAt).not.toBe('2024-06-03');
  });
});

const NEWS = [
  '记者从市交通运输局获悉，全市首批十二条定制公交线路将于下周一开通，主要服务于早晚高峰通勤人群。',
  '定制公交采取“一人一座、站点直达”的方式运行，乘客可通过微信小程序提前预约座位，票价按里程分段计算。',
  '市交通运输局有关负责人表示，下一步将根据预约数据动态调整线路和班次，力争年底前开通线路达到三十条。',
];

describe('a time written as a link under the title', () => {
  const page = (
    info: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>首批定制公交线路下周开通_示例资讯</title></head><body>
<div class="topnav"><a href="/">首页</a><a href="/city/">城市</a></div>
<div class="art">
<h1 class="art_title_x1">首批定制公交线路下周开通</h1>
${info}
<div class="art_body_q2">${NEWS.map((p) => `<p>${p}</p>`).join('\n')}</div>
</div>
<div class="more"><h3>相关阅读</h3>
<div class="item"><a href="/a/2">公交站台换上了新顶棚</a><span>2024-05-01 10:00</span></div>
<div class="item"><a href="/a/3">地铁二号线试运行</a><span>2024-04-28 09:30</span></div>
</div>
<div class="foot">示例资讯 版权所有</div></body></html>`;

  it('reads the linked time with a posting place beside it', () => {
    const a = extractArticle(
      page(`<div class="art_meta_k9"><div class="art_time_z3"><a href="/city/">2024年05月06日 07:45:10</a> <span>来自江西</span></div>
<div class="art_src_p0"><a href="https://paper.example.org/">来源：示例都市报</a></div></div>`),
      'https://news.example.org/c/7Kq2',
    );
    expect(a.publishedAt).toBe('2024-05-06');
    expect(a.origin).toBe('示例都市报');
  });

  it('does not read a linked date that another article’s linked title stands beside', () => {
    const a = extractArticle(
      page(`<div class="prev-line"><a href="/a/1">2024年04月20日</a> <a href="/a/1">上一期：公交卡可以在手机上充值了</a></div>`),
      'https://news.example.org/c/7Kq3',
    );
    expect(a.publishedAt).not.toBe('2024-04-20');
  });

  it('does not read a linked date with more than a few words beside it', () => {
    const a = extractArticle(
      page(`<div class="prev-line"><a href="/a/1">2024年04月20日 08:00:00</a> 回顾：上一期公交卡可以充值</div>`),
      'https://news.example.org/c/7Kq4',
    );
    expect(a.publishedAt).not.toBe('2024-04-20');
  });
});

describe('a 办事指南’s 实施主体', () => {
  const GUIDE = [
    '申请人持居民身份证到窗口提交申请，窗口工作人员当场核对材料，材料齐全的当场受理。',
    '审核通过后五个工作日内发放证件，申请人可选择窗口领取或邮寄送达，邮寄费用由申请人承担。',
    '对审核不通过的，书面告知申请人理由，申请人对结果有异议的，可以依法申请行政复议。',
  ];
  const page = (
    bar: string,
  ): string => `<!doctype html><html><head><meta charset="utf-8"><title>老年人优待证办理_办事指南_示例政务服务网</title></head><body>
<div class="header"><a href="/">示例政务服务网</a><a href="/login">登录</a></div>
<div class="item-head"><div class="item-name">老年人优待证办理</div>
<div class="item-bar">${bar}<span>更新时间：2024-03-18 10:05</span></div>
<div class="item-btns"><a href="/apply">在线办理</a><a href="/eval">我要评价</a></div></div>
<div class="item-body"><div class="sec"><div class="sec-title">办理流程</div>${GUIDE.map((p) => `<p>${p}</p>`).join('')}</div></div>
<div class="foot">示例政务服务网 版权所有</div></body></html>`;

  it('takes the 实施主体 as the 来源 when nothing else names one', () => {
    const a = extractArticle(
      page('<span>实施主体：示例县民政局</span><span>事项编码：000123456789</span>'),
      'https://zw.example.org/guide?id=9',
    );
    expect(a.origin).toBe('示例县民政局');
    expect(a.publishedAt).toBe('2024-03-18');
  });

  it('leaves a 来源 label above it', () => {
    const a = extractArticle(
      page('<span>实施主体：示例县民政局</span><span>来源：示例县政务服务中心</span>'),
      'https://zw.example.org/guide?id=10',
    );
    expect(a.origin).toBe('示例县政务服务中心');
  });

  it('takes no code or person for a 实施主体', () => {
    const a = extractArticle(page('<span>实施主体：000123456789</span>'), 'https://zw.example.org/guide?id=11');
    expect(a.origin).toBeNull();
  });
});
