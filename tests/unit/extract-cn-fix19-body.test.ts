/**
 * Issue 16, nineteenth outside set (body and leaks): kinds of markup in general terms, with our
 * own text. A quiz's options set as radio-button labels are its lines, one a line, and its later
 * parts (built as the first) and the note boxed above them are its text; a press release's 完
 * line and the date and time lines after it are not; a caption named by its class under a
 * picture the body does not keep (a saved page's data: image) is not; an inline 相关…推荐 box and
 * 往期回顾 / 本期导读 headings are not; a tender notice's numbered 开标时间 item is.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { isBoilerplate, isMetaLine } from '../../main/services/extract/patterns';

const page = (title: string, meta: string, content: string, after = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}_示例网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">通知</a><a href="/b">动态</a><a href="/c">关于</a></div>
<div class="main"><div class="article"><h1>${title}</h1>
<div class="info">${meta}</div>
<div class="content">${content}</div>${after}</div></div>
<div class="footer"><p>版权所有 示例中心</p></div></body></html>`;

describe("a quiz page's options set as radio-button labels", () => {
  const intro = '为配合全区消防安全宣传月活动，现将消防常识自测题及参考答案刊出，供各单位组织职工学习。';
  const q = (n: number, stem: string, opts: string[], ans: string): string =>
    `<div class="ques"><div class="ques-stem">${n}．${stem}</div>
<div class="ques-choices">${opts.map((o, i) => `<label class="choice"><input type="radio" name="x${n}" value="${i}">${o}</label>`).join('\n')}</div>
<div class="ques-key">答案：${ans}</div></div>`;
  const part1 = `<div class="exam-sec"><h3>一、单项选择题</h3>
${q(1, '发现楼道内电动车充电起火，首先应当（　）。', ['A．用水浇灭', 'B．切断电源并报警', 'C．继续观察'], 'B')}
${q(2, '家用灭火器压力表指针在（　）区域表示正常。', ['A．红色', 'B．黄色', 'C．绿色'], 'C')}
${q(3, '高层住宅发生火灾时，不应（　）。', ['A．乘坐电梯逃生', 'B．用湿毛巾捂住口鼻', 'C．沿疏散楼梯撤离'], 'A')}</div>`;
  const part2 = `<div class="exam-sec"><h3>二、判断题</h3>
${q(4, '楼道里可以堆放纸箱等杂物。（　）', ['A．正确', 'B．错误'], '错误')}
${q(5, '119火警电话是免费电话。（　）', ['A．正确', 'B．错误'], '正确')}</div>`;
  // A long list of other quizzes in the same box: the box's links weigh it down, so the text is
  // found in its first part and the rest must be joined to it.
  const topics = [
    '交通安全',
    '防汛避险',
    '食品安全',
    '网络安全',
    '防范诈骗',
    '急救常识',
    '禁毒知识',
    '垃圾分类',
    '燃气安全',
    '地震避险',
    '森林防火',
    '用电安全',
  ];
  const list = topics
    .map((t, i) => `<li><a href="/tiku/2025/05${10 + i}/${i}.html">${t}常识自测题（附答案）</a><span>2025-05-${10 + i}</span></li>`)
    .join('');
  const html = (extra = ''): string =>
    page(
      '消防安全常识自测题（5题附答案）',
      '发布时间：2025-06-03　来源：区消防救援大队',
      `<div class="exam-note"><p>${intro}</p></div>
${part1}
${part2}${extra}
<div class="exam-btns"><button type="button">交卷</button></div>
<div class="exam-list"><h3>更多题目</h3><ul>${list}</ul></div>`,
    );

  it('keeps each option as a line, the later part and the note above the parts', () => {
    const a = extractArticle(html(), 'https://www.example-xf.cn/tiku/2025/0603/77.html', { referee: 'never' });
    expect(a.paragraphs).toContain(intro);
    expect(a.paragraphs).toContain('A．用水浇灭');
    expect(a.paragraphs).toContain('B．切断电源并报警');
    expect(a.paragraphs).toContain('二、判断题');
    expect(a.paragraphs).toContain('5．119火警电话是免费电话。（　）');
    expect(a.paragraphs.filter((p) => p === 'B．错误')).toHaveLength(2);
    expect(a.paragraphs.at(-1)).toBe('答案：正确');
    expect(a.text).not.toContain('交卷');
  });

  it("leaves a form's own choice labels (no option letter) out", () => {
    const poll = `<div class="poll"><label><input type="radio" name="p" value="1">很有帮助</label><label><input type="checkbox" name="r">记住我的选择</label></div>`;
    const a = extractArticle(html(poll), 'https://www.example-xf.cn/tiku/2025/0603/77.html', { referee: 'never' });
    expect(a.text).not.toContain('很有帮助');
    expect(a.text).not.toContain('记住我的选择');
  });

  it('does not take a later box of the same class whose items are built otherwise', () => {
    const more = `<div class="exam-sec"><h3>出题说明</h3><div class="src">本套题由区消防救援大队宣传科编写</div><div class="src">题目均选自历年宣传资料</div></div>`;
    const a = extractArticle(html(more), 'https://www.example-xf.cn/tiku/2025/0603/77.html', { referee: 'never' });
    expect(a.paragraphs).toContain('二、判断题');
    expect(a.text).not.toContain('出题说明');
    expect(a.text).not.toContain('宣传科');
  });
});

describe("a press release's 完 line", () => {
  const lines = [
    '示例区卫生署今日（六月三日）宣布，将于本月起在区内五间健康中心增设夜间门诊，方便在职人士求诊。',
    '夜间门诊逢星期一至五晚上七时至十时开放，提供一般门诊、注射疫苗及慢性病覆诊服务，市民可预先在网上登记。',
    '卫生署发言人表示，署方会在三个月后检讨服务使用情况，再决定是否扩展至其他健康中心。',
  ];
  const release = (tail: string): string =>
    page('示例區健康中心增設夜間門診', '', `${lines.map((l) => `\u3000\u3000${l}<br /><br />`).join('\n')}\n<p>完</p>${tail}`);

  it('drops the mark and the date and time lines after it', () => {
    const a = extractArticle(
      release('\n<div class="stamp">2025年6月3日（星期二）<br />香港時間15時20分</div>'),
      'https://www.example-gov.hk/gia/202506/03/P1.htm',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual(lines);
  });

  it('keeps a long text after the mark, dropping only the mark', () => {
    const more = [
      '另外，示例区康乐署宣布，区内三个游泳池将于下月起延长开放时间，晚间场次延至十时结束，收费维持不变。',
      '康乐署提醒泳客遵守场地规则，在恶劣天气下留意场地的临时关闭通告，并听从救生员的指示。',
      '署方亦会在暑假期间增聘救生员，并在各泳池加派人手维持秩序，确保泳客安全。',
    ];
    const a = extractArticle(release(more.map((l) => `<p>${l}</p>`).join('\n')), 'https://www.example-gov.hk/gia/202506/03/P1.htm', {
      referee: 'never',
    });
    expect(a.paragraphs).toEqual([...lines, ...more]);
  });
});

describe('a caption under a picture the body does not keep', () => {
  const para = [
    '6月2日，示例街道在新建成的口袋公园举行开放仪式，周边居民带着孩子前来游玩，公园里的健身步道和儿童滑梯格外热闹。',
    '这座口袋公园利用原先闲置的边角地块改建而成，街道在建设前多次征求居民意见，增设了遮阳廊架和休息座椅。',
  ];
  const body = (pic: string): string => `<p>${para[0]}</p>\n${pic}\n<p class="img-desc">居民在口袋公园内休憩</p>\n<p>${para[1]}</p>`;

  it('is dropped when the picture is a data: image (a saved page)', () => {
    const a = extractArticle(
      page(
        '示例街道口袋公园正式开放',
        '发布日期：2025-06-02　信息来源：示例街道',
        body('<p style="text-align:center"><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="></p>'),
      ),
      'https://www.example-jd.gov.cn/art/2025/6/2/art_1_9.html',
      { referee: 'never' },
    );
    expect(a.paragraphs).toEqual(para);
  });

  it('stays when no picture stands above it', () => {
    const a = extractArticle(
      page('示例街道口袋公园正式开放', '发布日期：2025-06-02　信息来源：示例街道', body('')),
      'https://www.example-jd.gov.cn/art/2025/6/2/art_1_9.html',
      { referee: 'never' },
    );
    expect(a.paragraphs).toEqual([para[0], '居民在口袋公园内休憩', para[1]]);
  });
});

describe('headings of related and past-issue lists', () => {
  it('are chrome, a 相关…推荐 box inside the text is dropped', () => {
    const ps = [
      '篇一：在学习中找差距',
      '这次集中学习让我认识到，理论学习不能满足于读过、听过，更要对照岗位职责查找差距，把学习成果落实到具体工作中。',
      '篇二：在实践中见成效',
      '学习结束后，我们科室梳理出三项需要改进的工作流程，并明确了完成时限和责任人，下一步将逐项推进落实。',
    ];
    const box = `<div class="in-box"><b>相关文档推荐：</b><ul><li><a href="/d/1.html">学习研讨发言提纲</a></li><li><a href="/d/2.html">专题学习总结范文</a></li></ul></div>`;
    const html = page(
      '集中学习心得体会（两篇）',
      '时间：2025-05-20　栏目：心得体会',
      `<p>${ps[0]}</p><p>${ps[1]}</p>\n${box}\n<p>${ps[2]}</p><p>${ps[3]}</p>`,
    );
    const a = extractArticle(html, 'https://www.example-wd.com/xd/2025/05/331.html', { referee: 'never' });
    expect(a.paragraphs).toEqual(ps);
    expect(isBoilerplate('往期回顾')).toBe(true);
    expect(isBoilerplate('本期导读')).toBe(true);
    // A sentence that opens with the same words is text.
    expect(isBoilerplate('相关部门推荐了三名候选人。')).toBe(false);
  });
});

describe("a tender notice's numbered 开标时间 item", () => {
  it('is a line of the notice, not its date line', () => {
    expect(isMetaLine('五、开标时间：2025年4月9日9时30分')).toBe(false);
    expect(isMetaLine('投标截止时间：2025年4月9日9时30分')).toBe(false);
    expect(isMetaLine('发布时间：2025-04-20 10:00:00')).toBe(true);
    const lines = [
      '一、项目名称：示例镇农村道路提升工程',
      '二、招标人：示例镇人民政府',
      '三、开标时间：2025年4月9日9时30分',
      '四、公示期：2025年4月21日至2025年4月23日，投标人对公示结果有异议的，应在公示期内以书面形式提出。',
    ];
    const html = page(
      '示例镇农村道路提升工程中标候选人公示',
      '信息来源：示例县公共资源交易中心　发布时间：2025-04-20 10:00:00',
      lines.map((l) => `<p>${l}</p>`).join('\n'),
    );
    const a = extractArticle(html, 'https://ggzy.example-xian.gov.cn/jyxx/2025/0420/55.html', { referee: 'never' });
    expect(a.paragraphs).toEqual(lines);
    expect(a.publishedAt).toBe('2025-04-20');
  });
});
