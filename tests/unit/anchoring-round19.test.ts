/**
 * Issue 12 item 4, nineteenth round (the sixth outside bench's classes, our own words):
 * - a short number held twice in the old text, in the same sentence frame, whose own sentence an
 *   excerpt dropped: the other copy, or a recap's verbatim copy of its sentence, carries the
 *   sentence's own words as context and nothing past its end. That is no confirmation: orphan.
 * - anchor15a: words pasted twice in a row (a paragraph, a sentence, a clause's tail): the
 *   passage stands twice side by side and is placed on the first copy, where taking one copy
 *   away gives back the stored context; a copy set apart (a pull quote beside a paragraph that
 *   holds more) is no such paste.
 * - anchor15a: a phrase the revision inserted at several places, one of them inside the passage
 *   (a watermark): the passage's words all stand around it with their context, so it is placed
 *   over the phrase; a phrase inserted only there, or a copy of the passage kept whole elsewhere,
 *   leaves it as before.
 * - anchor15a: a short passage (3–4 units) with one unit corrected (更好地为 → 更好的为), its
 *   context standing on both sides at one place only: placed there; with the context gone on a
 *   side, or two such places, an orphan.
 * Texts built by hand; each rule's first test failed before it.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

suite('a short number whose own sentence is gone does not take a copy carrying only that sentence', () => {
  // The same figure in the same frame twice: in the summary and again in the detailed section.
  const FRAME = '报告期内，公司的营业利润率和净资产收益率均较上年同期回落';
  const P1 = '本报讯 某某控股今日发布半年度业绩公告，营业收入保持增长，但盈利水平有所下降。';
  const P2 = `${FRAME}0.35个百分点。而利润率的回落，又与原材料价格上涨和部分产线停工检修有关。`;
  const P3 = '公司表示，下半年将加快新产线投产进度，同时优化采购结构，压降单位生产成本。';
  const P4 = '分析人士指出，行业整体需求仍在恢复之中，龙头企业的议价能力有望逐步增强。';
  const P5 = `据公开数据，${FRAME}0.35个百分点。`;
  const P6 = '值得注意的是，公司上半年的经营性现金流净额同比大幅改善，资产负债率也有所下降。';
  const P7 = '对于未来的发展方向，管理层在业绩说明会上表示将继续聚焦主业，稳步推进海外市场布局。';
  const OLD = [P1, P2, P3, P4, P5, P6, P7].join('\n');
  const [s, e] = span(OLD, '0.35个');
  const others = ['营业收入保持增长', '加快新产线投产进度', '龙头企业的议价能力', '经营性现金流净额', '稳步推进海外市场布局'];

  it('leaves it an orphan when its paragraph was dropped and the other copy lost its next paragraph', () => {
    const NEW = [P1, P3, P4, P5, '……', P7].join('\n');
    const selectors = [describe(OLD, s, e), ...others.map((q) => describe(OLD, ...span(OLD, q)))];
    const placed = anchorAll(NEW, selectors);
    expect(placed[0]).toBeNull();
    // The unchanged passages around are still placed.
    expect(placed.slice(1).filter((a) => a !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('leaves it an orphan when only a recap quotes its sentence', () => {
    // The figure's sentence also names a report of the same year (the old text's other copy).
    const SENT = '市统计局和市商务部门联合发布的《2023年全市城乡居民消费结构调查报告》显示，2023年全市居民人均消费支出已经达到四万二千元。';
    const Q1 = '本报讯 今年以来，本市消费市场持续回暖，餐饮、文旅等服务消费增长较快。';
    const Q2 = `业内人士认为，本市消费结构正在发生明显变化。${SENT}其中，服务性消费占比首次超过四成。`;
    const Q3 = '与此同时，线上消费渠道不断拓展，直播电商、即时零售等新业态快速发展，带动了一批本地品牌。';
    const Q4 = '（未完待续）';
    const OLD2 = [Q1, Q2, Q3, Q4].join('\n');
    const [s2, e2] = span(OLD2, '2023年', OLD2.indexOf('显示，'));
    // An excerpt dropped the sentence (……); the next part's recap quotes it verbatim.
    const NEW2 = [
      Q1,
      '业内人士认为，本市消费结构正在发生明显变化。……其中，服务性消费占比首次超过四成。',
      Q3,
      '（接上期）',
      `上期回顾：今年以来，本市消费市场持续回暖。${SENT}`,
      '记者走访发现，多个商圈的客流量已恢复到往年同期水平。',
    ].join('\n');
    const selectors = [describe(OLD2, s2, e2), ...['消费市场持续回暖', '直播电商、即时零售'].map((q) => describe(OLD2, ...span(OLD2, q)))];
    const [a] = anchorAll(NEW2, selectors);
    expect(a).toBeNull();
  });

  it('still places it when its own paragraph stands', () => {
    const NEW = [P1, P2, P3, P4, '……', P7].join('\n');
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    expect(a).not.toBeNull();
    expect(a!.start).toBe(NEW.indexOf('0.35个'));
  });
});

suite('a 注音 reprint: pinyin readings put into the line change no words', () => {
  const P1 = '这座古镇依山傍水，青石板路蜿蜒曲折，两旁的老房子大多建于明清时期。';
  const P2 = '每到节假日，游客络绎不绝，小巷里的手工作坊和茶馆总是座无虚席。';
  const P3 = '当地政府近年来加大保护力度，修缮了一批濒临倒塌的老宅，也整治了沿河的违章搭建。';
  const OLD = [P1, P2, P3].join('\n');
  const NEW = [
    '这座古镇依山傍水，青石板路蜿wān蜒yán曲折，两旁的老房子大多建于明清时期。',
    '每到节假日，游客络(luò)绎(yì)不绝，小巷里的手工作坊和茶馆总是座无虚席（zuò wú xū xí）。',
    '当地政府近年来加大保护力度，修缮（xiū shàn）了一批濒临倒塌的老宅，也整治了沿河的违章搭建。',
  ].join('\n');
  const quotes = ['蜿蜒', '络绎不绝', '座无虚席', '修缮了一批濒临倒塌的老宅'];

  it('places terms with readings inside them or right after them, over the readings', () => {
    const placed = anchorAll(
      NEW,
      quotes.map((q) => describe(OLD, ...span(OLD, q))),
    );
    placed.forEach((a, i) => {
      expect(a, quotes[i]).not.toBeNull();
      expect(NEW.slice(a!.start, a!.end).replace(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ()（）]/gu, '')).toBe(quotes[i]);
    });
  });

  it('keeps Latin words without tone marks as words', () => {
    const old = '本届大会的主题是Open Source，来自各地的开发者齐聚一堂。';
    const changed = '本届大会的主题是Closed Source，来自各地的开发者齐聚一堂。';
    const [a] = anchorAll(changed, [describe(old, ...span(old, '主题是Open'))]);
    if (a) expect(changed.slice(a.start, a.end)).not.toBe('主题是');
  });
});

suite('clauses that changed places inside their sentence', () => {
  const S1 = '去年冬天，因为连日降雪，山区的不少道路一度中断，运输车辆只能绕行。';
  const S2 = '合作社的负责人告诉记者，今年他们提前储备了饲料和燃料，还组织了一支抢修队伍。';
  const S3 = '据介绍，这支队伍由二十多名村民组成，配备了铲雪车和应急照明设备。';
  const OLD = [S1 + S2, S3].join('\n');
  // A touch-up moved clauses: 因为连日降雪 after the roads; 还组织了… before the stores.
  const NEW = [
    '去年冬天，山区的不少道路一度中断，因为连日降雪，运输车辆只能绕行。' +
      '合作社的负责人告诉记者，还组织了一支抢修队伍，今年他们提前储备了饲料和燃料。',
    S3,
  ].join('\n');

  it('places an unchanged clause whose neighbouring clause moved', () => {
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '因为连日降雪'))]);
    expect(a).not.toBeNull();
    expect(NEW.slice(a!.start, a!.end)).toBe('因为连日降雪');
  });

  it('places a sentence whose clauses were swapped on the whole sentence', () => {
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, S2))]);
    expect(a).not.toBeNull();
    expect(NEW.slice(a!.start, a!.end)).toBe('合作社的负责人告诉记者，还组织了一支抢修队伍，今年他们提前储备了饲料和燃料。');
  });

  it('leaves a clause the old text held twice an orphan when its own sentence is gone', () => {
    const twice = [S1, '今年冬天，因为连日降雪，部分航班延误，旅客滞留机场。', S3].join('\n');
    const gone = ['今年冬天，部分航班延误，因为连日降雪，旅客滞留机场。', S3].join('\n');
    const [a] = anchorAll(gone, [describe(twice, ...span(twice, '因为连日降雪'))]);
    expect(a).toBeNull();
  });

  it('leaves it an orphan when two sentences hold its clauses and neighbours', () => {
    const twin = NEW.replace(S3, `${S3}\n去年冬天，山区的不少道路一度中断，因为连日降雪，运输车辆只能绕行。`);
    const [a] = anchorAll(twin, [describe(OLD, ...span(OLD, '因为连日降雪'))]);
    expect(a).toBeNull();
  });
});

suite('words pasted twice in a row (anchor15a)', () => {
  const P1 = '入冬以来，城区的供暖管网陆续完成检修，老旧小区的室温普遍比去年高了两三度。';
  const P2 = '热力公司的维修班组每天清晨出发，逐栋排查阀门和管道，发现问题当场处理。';
  const P3 = '居民王女士说，以前家里要开电暖器才暖和，今年暖气片摸上去一直是热的。';
  const P4 = '下一步，热力公司还将开通夜间报修热线，确保群众遇到问题能及时找到人。';
  const OLD = [P1, P2, P3, P4].join('\n');
  const place = (text: string, quotes: string[]) =>
    anchorAll(
      text,
      quotes.map((q) => describe(OLD, ...span(OLD, q))),
    );

  it('places a paragraph pasted again right after itself, and words inside it, on the first copy', () => {
    const NEW = [P1, P2, P2, P3, P4].join('\n');
    const quotes = [P2, '维修班组', '逐栋排查阀门和管道'];
    place(NEW, quotes).forEach((a, i) => {
      expect(a, quotes[i]).not.toBeNull();
      expect(a!.start, quotes[i]).toBe(NEW.indexOf(quotes[i] as string));
      expect(NEW.slice(a!.start, a!.end)).toBe(quotes[i]);
    });
  });

  it('places a sentence repeated right after itself, and a clause tail repeated before its mark', () => {
    const S = '以前家里要开电暖器才暖和，';
    const NEW = [P1, P2, P3.replace(S, S + S), P4.replace('热力公司还将', '热力公司还将热力公司还将')].join('\n');
    const quotes = ['以前家里要开电暖器才暖和', '热力公司还将'];
    place(NEW, quotes).forEach((a, i) => {
      expect(a, quotes[i]).not.toBeNull();
      expect(a!.start, quotes[i]).toBe(NEW.indexOf(quotes[i] as string));
    });
  });

  it('leaves a pull quote set before the paragraph it copies alone: that copy is new text', () => {
    // The pull quote copies the paragraph's first sentence and sits right before it.
    const first = '居民王女士说，以前家里要开电暖器才暖和，';
    const Q = '居民王女士说，以前家里要开电暖器才暖和';
    const NEW = [P1, P2, Q, P3, P4].join('\n');
    const [a] = place(NEW, [first.slice(0, -1)]);
    if (a) expect(a.start).toBe(NEW.indexOf(P3));
  });

  it('leaves an inserted paragraph that only begins with the passage alone', () => {
    // Not the same block twice: the second copy goes on with other words.
    const NEW = [P1, P2, '热力公司的维修班组今年新招了十名学徒，都是本地职校的毕业生。', P3, P4].join('\n');
    const [a] = place(NEW, ['热力公司的维修班组']);
    if (a) expect(a.start).toBe(NEW.indexOf('热力公司的维修班组'));
    expect(NEW.indexOf('热力公司的维修班组')).toBe(NEW.indexOf(P2));
  });
});

suite('a phrase the revision inserted inside the passage and elsewhere too (anchor15a)', () => {
  const P1 = '今年的读书节以“书香满城”为主题，全市共设立了一百二十个阅读点，覆盖各个街道。';
  const P2 = '活动期间，市图书馆推出了夜间开放服务，读者下班后也能来借书、参加讲座。';
  const P3 = '不少家长带着孩子参加亲子共读，孩子们在志愿者的带领下表演了绘本故事。';
  const P4 = '主办方表示，明年将把阅读点延伸到乡镇，让更多群众享受到便利的阅读服务。';
  const OLD = [P1, P2, P3, P4].join('\n');
  const MARK = '（转载请注明出处）';
  const mark = (p: string, after: string) => p.replace(after, after + MARK);

  it('places the passage over the phrase when the text holds the phrase elsewhere too', () => {
    const NEW = [mark(P1, '全市共设立'), mark(P2, '读者下班后'), P3, mark(P4, '明年将把阅读点')].join('\n');
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '夜间开放服务，读者下班后也能来借书'))]);
    expect(a).not.toBeNull();
    expect(NEW.slice(a!.start, a!.end)).toBe(`夜间开放服务，读者下班后${MARK}也能来借书`);
  });

  it('leaves it an orphan when the repeated run is ordinary words over half the passage, no other highlight having seen its other places', () => {
    // (anchor16c: unbracketed runs at several places now count as inserted in a passage at least
    // twice their length, or where another highlight's stored words read across another place.)
    const words = '正如老话所说';
    const put = (p: string, after: string) => p.replace(after, after + words);
    const NEW = [put(P1, '全市共设立'), put(P2, '读者下班后'), P3, put(P4, '明年将把阅读点')].join('\n');
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '读者下班后也能来借书'))]);
    expect(a).toBeNull();
  });

  it('leaves it an orphan when the phrase stands only inside the passage', () => {
    const NEW = [P1, mark(P2, '读者下班后'), P3, P4].join('\n');
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '夜间开放服务，读者下班后也能来借书'))]);
    expect(a).toBeNull();
  });

  it('places the split copy of a quote held twice only where it has more context than the other copy had', () => {
    // The old text printed the paragraph twice, after other paragraphs.
    const TWICE = [P1, P2, P3, P2, P4].join('\n');
    const quote = '夜间开放服务，读者下班后也能来借书';
    const first = span(TWICE, quote);
    // The first copy split by the phrase: the highlight on it follows it there.
    const SPLIT = [mark(P1, '全市共设立'), mark(P2, '读者下班后'), P3, P2, mark(P4, '明年将把阅读点')].join('\n');
    const [a] = anchorAll(SPLIT, [describe(TWICE, ...first)]);
    expect(a).not.toBeNull();
    expect(a!.start).toBe(SPLIT.indexOf('夜间开放服务'));
    // A page printed twice, the second copy's paragraph deleted and the first's split: the split
    // copy has all the stored context, but no more than it had in the old text: not the passage.
    const PAGE = [P1, P2, P3].join('\n');
    const PAGES = `${PAGE}\n${PAGE}`;
    const own = span(PAGES, quote, PAGES.indexOf(quote) + 1);
    const GONE = [P1, mark(P2, '读者下班后'), mark(P3, '孩子们在志愿者'), P1, P3].join('\n');
    const [b] = anchorAll(GONE, [describe(PAGES, ...own)]);
    expect(b).toBeNull();
  });
});

suite('a short passage with one unit corrected (anchor15a)', () => {
  const P1 = '社区食堂开业一个月来，每天中午都有两百多位老人前来用餐，饭菜价格比外面便宜三成。';
  const P2 = '志愿者们耐心地为行动不便的老人送餐上门，还顺便帮他们打扫房间、检查水电。';
  const P3 = '街道负责人表示，下一步将根据老人的口味调整菜单，让食堂更好地服务辖区居民。';
  const P4 = '不少子女专门打来电话，感谢社区替他们照顾家里的老人，也有人报名当起了志愿者。';
  const OLD = [P1, P2, P3, P4].join('\n');
  const proofread = (t: string) => t.replaceAll('耐心地为', '耐心的为').replaceAll('更好地服务', '更好的服务');

  it('places a four-unit passage whose one unit a proof pass changed, between its whole context', () => {
    const NEW = proofread(OLD);
    const quotes = ['耐心地为', '更好地服'];
    const placed = anchorAll(
      NEW,
      quotes.map((q) => describe(OLD, ...span(OLD, q))),
    );
    expect(placed[0]).not.toBeNull();
    expect(NEW.slice(placed[0]!.start, placed[0]!.end)).toBe('耐心的为');
    expect(placed[1]).not.toBeNull();
    expect(NEW.slice(placed[1]!.start, placed[1]!.end)).toBe('更好的服');
  });

  it('leaves it an orphan when the context on one side changed too', () => {
    const NEW = proofread(OLD).replace('志愿者们', '社区工作人员');
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '耐心地为'))]);
    expect(a).toBeNull();
  });

  it('leaves it an orphan when two places read so', () => {
    // The page printed twice in the new text, both copies proofread: the same context around both.
    const NEW = proofread([P1, P2, P3, P1, P2, P3, P4].join('\n'));
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '耐心地为'))]);
    expect(a).toBeNull();
  });
});

suite('a one-unit change in another copy of a short passage (anchor15a)', () => {
  const P1 = '本周六上午，新建的城市公园正式向市民开放，园内设有儿童乐园和健身步道。';
  const P2 = '公园管理处提醒，开园首日预计客流较大，请市民错峰出行、文明游园。';
  const P3 = '据了解，公园还将在国庆期间举办灯光秀，届时将延长开放时间至晚上十点。';
  const P4 = '周边的三条公交线路也将增加班次，方便市民乘坐公共交通前往。';

  it('leaves it an orphan when the old text printed its page twice and the other copy holds the change', () => {
    const PAGE = [P1, P2, P3].join('\n');
    const OLD = [PAGE, P4, PAGE].join('\n');
    const quote = '错峰出行';
    const [s, e] = span(OLD, quote);
    // The passage's own copy: its near context rewritten; the other copy: one unit of the quote changed.
    const NEW = [P1, P2.replace('请市民错峰', '建议大家错峰'), P3, P4, P1, P2.replace('错峰出行', '错峰出游'), P3].join('\n');
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    expect(a).toBeNull();
  });

  it('leaves it an orphan outside the range its placed neighbours bracket', () => {
    // The old text held the frame twice (paragraphs that end and begin alike around it), once
    // with the quote and once with a look-alike of it, far apart.
    const P5 = '西区的老公园也完成了改造，园内设有儿童乐园和健身步道。';
    const P6 = '据了解，公园还将在国庆期间举办灯光秀，届时将延长开放时间至晚上九点半。';
    const OLD = [P1, P2, P3, P4, P5, P2.replace('错峰出行', '错峰出游'), P6].join('\n');
    const quote = '错峰出行';
    const neighbours = ['本周六上午', '至晚上十点'];
    const selectors = [describe(OLD, ...span(OLD, quote)), ...neighbours.map((q) => describe(OLD, ...span(OLD, q)))];
    // The passage's own words rewritten; the look-alike stands, its frame like the stored one.
    const NEW = OLD.replace('请市民错峰出行', '建议大家分时段出行');
    const [a, n1, n2] = anchorAll(NEW, selectors);
    expect(n1).not.toBeNull();
    expect(n2).not.toBeNull();
    expect(a).toBeNull();
  });
});
