/**
 * Issue 12 item 4, round 47 (anchor23b): built by hand, our own words.
 * - A short term whose stored suffix holds the term again (the next item of a list opens with the
 *   same words), the list reordered: the next item closes up onto the term's context. Not placed
 *   on that item (sidecopy.ts).
 * - A span over a break whose larger piece the old text also held in a look-alike paragraph (an
 *   附件 item quoting a body paragraph); the 附件 split off: the body's copy has the piece and the
 *   whole side, but not the span's smaller piece after it. An orphan (edges.ts smallerPieceBeside).
 * - A question line put into prose in place (问：X？⏎答：Y → 在回答X的提问时，…，Y) while other words
 *   read like the line elsewhere (a running header repeating the first line, another pair's
 *   template question moved next to its context). Not placed on those (restatedline.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a short term whose next copy, held in its stored side, closes up onto its context', () => {
  const [a, b, c] = filler(0, 3);
  const LIST = '本届花展由市园林局主办，东湖公园管理处、西山植物园承办，城南苗圃、江城园艺学会、江城花卉协会和市盆景协会协办。';
  const old = [a, LIST + '来自各区的两百多家单位参展。', b, c].join('\n');
  // The passage: 江城 of 江城园艺学会 (the term stands again in the next item).
  const sel = describe(old, ...span(old, '江城', 0));

  it('is not placed on the next item that a reorder closed up onto its context', () => {
    const reordered = '本届花展由市园林局主办，东湖公园管理处、西山植物园承办，城南苗圃、江城花卉协会、市盆景协会协办、江城园艺学会。';
    const neu = [a, reordered + '来自各区的两百多家单位参展。', b, c].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    // The old code took 江城 of 江城花卉协会 (the stored prefix before it, 和 → 、 after it).
    expect(placed?.start).not.toBe(at(neu, '江城花卉'));
    if (placed) expect(placed.start).toBe(at(neu, '江城园艺'));
  });

  it('still places the term where its own next words were edited in place (no copy after it)', () => {
    const edited = LIST.replace('江城园艺学会', '江城园艺研究会');
    const neu = [a, edited + '来自各区的两百多家单位参展。', b, c].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, '江城园艺'));
  });
});

suite('a span whose larger piece a look-alike paragraph holds, the span’s own paragraphs gone', () => {
  const [a, b, c, d] = filler(3, 4);
  const BODY =
    '区交通局副局长周明在通报会上说，今年新开的三条公交线路已经覆盖了城东所有的新建小区，早晚高峰加密班次，由公交公司负责日常调度。';
  const NEXT = '据介绍，明年还将增开两条通往高铁站的快线，方便市民出行。';
  const ITEM2 = '2．区交通局局长王华强调，线路调整前要充分听取沿线居民的意见。';
  const old = [a, BODY, NEXT, b, c, '附件：要点摘编', '1．' + BODY, ITEM2, d].join('\n');
  // The passage: item 1's last clause, over the break, into item 2's first words.
  const s0 = at(old, '由公交公司负责日常调度。', 1);
  const sel = describe(old, s0, at(old, ITEM2) + 6);

  it('is an orphan when the 附件 is split off and only the body paragraph holds the piece', () => {
    const body = BODY.replace('区交通局副局长周明', '区交通局党组成员、副局长周明');
    const neu = [a, body, NEXT, b, c, '（附件另发）', d].join('\n');
    // The old code placed the larger piece at the body paragraph's end, followed by another paragraph.
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the larger piece where the smaller one follows past an inserted paragraph', () => {
    // The passage in the body this time: its last clause, over the break, into the next paragraph.
    const own = describe(old, at(old, '由公交公司负责日常调度。'), at(old, NEXT) + 6);
    const english = 'Three new bus lines now cover all the new estates in the east of the district.';
    const neu = [a, BODY, english, NEXT, b, c, '（附件另发）', d].join('\n');
    const placed = anchorAll(neu, [own])[0];
    expect(placed?.start).toBe(at(neu, '由公交公司负责日常调度。'));
    // Without the smaller piece after it (the next paragraph rewritten), the look-alike is as likely.
    const rewritten = [a, BODY, english, '此外，两条通往高铁站的快线也在规划之中。', b, c, '（附件另发）', d].join('\n');
    expect(anchorAll(rewritten, [own])[0]).toBeNull();
  });
});

suite('a question line put into prose in place, other words reading like it elsewhere', () => {
  const [a, b, c, d, e] = filler(6, 5);
  const Q1 = '问：新校区什么时候投入使用？';
  const A1 = '答：新校区计划明年九月投入使用，首批迁入三个学院。';
  const PROSE1 = '在回答新校区什么时候投入使用的提问时，有关负责人介绍，新校区计划明年九月投入使用，首批迁入三个学院。';

  it('is not placed on a running header that repeats the first line', () => {
    const old = [Q1, A1, a, b, c, d].join('\n');
    const sel = describe(old, ...span(old, Q1));
    const first = describe(old, 0, 6);
    const neu = ['编者按：本文综合两篇报道。', PROSE1, a, b, '— 1 —', Q1, c, d].join('\n');
    const out = anchorAll(neu, [sel, first]);
    // The old code placed both on the header line, far from the passage's restated words.
    expect(out[0]).toBeNull();
    expect(out[1]).toBeNull();
  });

  it('still places the line where it stands with its context, a header repeating it elsewhere', () => {
    const old = [Q1, A1, a, b, c, d].join('\n');
    const sel = describe(old, ...span(old, Q1));
    const neu = [Q1, A1, a, b, '— 1 —', Q1, c, d].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(0);
  });

  it('still places a line joined into its paragraph (breaks dropped), its words quoted again further on', () => {
    const HEAD = '县融媒体中心《今日观察》：';
    const TITLE = '河湾村夜校越办越红火';
    const old = [a, '入冬以来，当地媒体持续关注夜校的变化。', HEAD, TITLE, '栏目记者连续三晚走进课堂，记录了村民学习的情景。', b, c].join(
      '\n',
    );
    const sel = describe(old, ...span(old, HEAD));
    const joined = '入冬以来，当地媒体持续关注夜校的变化。' + HEAD + TITLE + '栏目记者连续三晚走进课堂，记录了村民学习的情景。';
    const neu = [a, joined, b, '（图为县融媒体中心《今日观察》近日发表的题为《河湾村夜校越办越红火》的报道截图。）', c].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, HEAD));
  });

  const QA = '问：请介绍一下食堂改造的有关情况。';
  const QB = '问：请介绍一下宿舍改造的有关情况。';
  const AA = '答：食堂改造已经完成招标，暑假期间开工，开学前投入使用。';
  const AB = '答：宿舍改造分两批进行，先修屋顶漏水的两栋楼。';
  const LEAD = '座谈会上，学生会的同学们就后勤服务提出了不少建议，学校都认真做了记录。';

  it('is not placed on another template question a reorder moved next to its context', () => {
    const old = [a, LEAD, QA, AA, b, c, QB, AB, d].join('\n');
    const sel = describe(old, ...span(old, '请介绍一下食堂改造的有关情况。'));
    const prose = '在回答请介绍一下食堂改造的有关情况的提问时，有关负责人介绍，食堂改造已经完成招标，暑假期间开工，开学前投入使用。';
    const neu = [a, LEAD, QB, 'The canteen renovation has been put out to tender.', AB, b, c, prose, d].join('\n');
    // The old code placed it on 宿舍改造 (two units changed), its stored prefix standing before it.
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the question edited in place when its words stand nowhere else', () => {
    const old = [a, LEAD, QA, AA, b, c, QB, AB, d].join('\n');
    const sel = describe(old, ...span(old, '请介绍一下食堂改造的有关情况。'));
    const neu = [a, LEAD, '问：请介绍一下学校食堂改造的有关情况。', AA, b, c, QB, AB, e].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, '请介绍一下学校'));
  });
});

suite('a paragraph printed twice, the passage in the printing set apart only', () => {
  const [a, b, c, d] = filler(1, 4);
  const S1 = '今年汛期以来，全县共发生四次较强降雨过程，最大日降雨量出现在七月中旬，多条河流超过警戒水位。';
  const S2 = '县防汛指挥部先后三次启动应急响应，转移安置群众一千二百多人，没有发生人员伤亡。';
  const S3 = '目前，受损的堤防和道路正在抓紧修复，预计九月底前全部完工，确保群众出行和秋收不受影响。';
  const P = S1 + S2 + S3;
  const old = [a, P, b, c, d].join('\n');
  const q = '转移安置群众一千二百多人';
  const sel = describe(old, ...span(old, q));

  it('is an orphan when the paragraph at its place lost the passage and a printing elsewhere keeps it', () => {
    // The duplicate set after the last paragraph; the passage's sentence then cut from the original.
    const neu = [a, S1 + S3, b, c, d, P].join('\n');
    // The old code placed it on the duplicate, far from the passage's place.
    expect(anchorAll(neu, [sel])[0]).toBeNull();
    // The same with the sentence reworded in place instead of cut.
    const reworded = S2.replace('转移安置群众一千二百多人', '先后转移群众一千二百余人');
    expect(anchorAll([a, S1 + reworded + S3, b, c, d, P].join('\n'), [sel])[0]).toBeNull();
  });

  it('still places it in the printing at its place when the duplicate set apart lost it', () => {
    const neu = [a, P, b, c, d, S1 + S3].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, q));
  });

  it('still places it when a sentence of its paragraph is quoted apart (a pull quote), its own sentence reworded', () => {
    const pull = '■ ' + S1;
    const neu = [a, pull, S1 + S2 + S3, b, c, d].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, q));
  });
});
