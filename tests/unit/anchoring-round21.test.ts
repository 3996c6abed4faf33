/**
 * Issue 12 item 4, twenty-first round (the fifth and fourth outside benches' weak kinds, our own words):
 * - a quote turned into indirect speech (“” dropped, ：→，, 我们→他们 at its head) whose next
 *   paragraph begins with a marker (第十二条, （三）): the stored side past the break is compared
 *   with that marker as one unit, as the text has it, so the edge-only rule finds it.
 * - the same, with the next paragraph turned indirect too (its 我们 → 他们 right past its label):
 *   a side short of its one or two nearest units, the next eight exact, still stands beside it.
 * - the same, its words held elsewhere without marks (a set phrase of the text): the one copy with
 *   both neighbours' words beside it.
 * - a table flattened (a row `N⇥cell⇥cell` back to prose, its cells joined by ，/： and the rows by
 *   ；, the header row dropped): a row's words are found whole with their marker taken as a label
 *   and the tab between cells as a mark, when both neighbours' words stand beside them.
 * - the marker-as-label reading never puts a passage on its bare words when other words now stand
 *   between its paragraph's head and them (words inserted into the marker: 第十四X条).
 * Texts built by hand; each rule's first test failed before it.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

suite('a quote turned indirect before a paragraph that begins with a marker', () => {
  const P1 = '第十一条　街道办事处应当每季度公布一次辖区内公共设施的维护情况，接受居民监督。';
  const SAID = '我们认为，社区议事会的决定应当在公告栏张贴不少于七日，居民可以在此期间提出书面意见。';
  const P3 = '第十二条　居民委员会换届选举的具体办法，由区人民政府另行制定并向社会公布。';
  const OLD = [P1, `主任说：“${SAID}”`, P3, '第十三条　本办法自发布之日起施行。'].join('\n');
  const INDIRECT = `他${SAID.slice(1)}`;
  const NEW = [P1, `主任说，${INDIRECT}`, P3, '第十三条　本办法自发布之日起施行。'].join('\n');

  it('places the quote without its marks on its words, the pronoun at its head changed', () => {
    const [s, e] = span(OLD, SAID);
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    const at = NEW.indexOf(INDIRECT);
    expect(a).not.toBeNull();
    expect(a!.start).toBeGreaterThanOrEqual(at);
    expect(a!.start).toBeLessThanOrEqual(at + 2);
    expect(a!.end).toBe(at + INDIRECT.length);
  });

  it('places the quote taken with its marks', () => {
    const [s, e] = span(OLD, `“${SAID}”`);
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    const at = NEW.indexOf(INDIRECT);
    expect(a).not.toBeNull();
    expect(a!.start).toBeLessThanOrEqual(at + 2);
    expect(a!.end).toBe(at + INDIRECT.length);
  });

  it('leaves it an orphan when the next paragraph is another one', () => {
    const OTHER = [
      P1,
      `主任说，${INDIRECT}`,
      '第十二条　物业服务企业应当按照合同约定履行维修养护义务。',
      '第十三条　本办法自发布之日起施行。',
    ].join('\n');
    const [s, e] = span(OLD, SAID);
    const [a] = anchorAll(OTHER, [describe(OLD, s, e)]);
    expect(a).toBeNull();
  });
});

suite('a table row flattened back into prose', () => {
  const INTRO = '区统计局日前发布一季度经济运行情况，各项主要指标总体平稳，部分领域增长明显加快。';
  const ROWS = [
    ['今年一季度', '全区新增市场主体一千二百户，同比增长百分之八。'],
    ['在重点项目方面', '新开工项目十七个，完成固定资产投资三十亿元。'],
    ['在民生保障方面', '新增城镇就业岗位两千个，发放各类补贴六百万元。'],
  ];
  const OUTRO = '下一步，区里将继续抓好项目建设和企业服务，确保全年目标任务顺利完成。';
  const OLD = [INTRO, '序号\t事项\t说明', ...ROWS.map(([a, b], i) => `${i + 1}\t${a}\t${b}`), OUTRO].join('\n');
  const row = (i: number) => `${i + 1}\t${ROWS[i]![0]}\t${ROWS[i]![1]}`;

  it('places a row whose rows were joined by ；into one paragraph', () => {
    const joined = ROWS.map(([a, b]) => `${a}，${b!.slice(0, -1)}`).join('；') + '。';
    const NEW = [INTRO, joined, OUTRO].join('\n');
    const [s, e] = span(OLD, row(1));
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    const words = `${ROWS[1]![0]}，${ROWS[1]![1]!.slice(0, -1)}`;
    expect(a).toEqual(expect.objectContaining({ start: NEW.indexOf(words), end: NEW.indexOf(words) + words.length }));
  });

  it('places a row restyled as （N）cell：cell', () => {
    const NEW = [INTRO, ...ROWS.map(([a, b], i) => `（${i + 1}）${a}：${b}`), OUTRO].join('\n');
    const [s, e] = span(OLD, row(2));
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    const line = NEW.indexOf('（3）');
    expect(a).not.toBeNull();
    expect(a!.start).toBeGreaterThanOrEqual(line);
    expect(a!.start).toBeLessThanOrEqual(line + 3);
    expect(a!.end).toBe(NEW.indexOf('\n', line));
  });

  it('leaves a row an orphan when its cells now stand twice (a recap flattened the same row)', () => {
    const joined = ROWS.map(([a, b]) => `${a}，${b!.slice(0, -1)}`).join('；') + '。';
    const recap = `其中，${ROWS[1]![0]}：${ROWS[1]![1]}`;
    const NEW = [INTRO, joined, recap, OUTRO].join('\n');
    const [s, e] = span(OLD, row(1));
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    expect(a).toBeNull();
  });
});

suite('quotes turned indirect in a row', () => {
  const A = '我们认为，老旧小区改造要先听居民意见，再定方案，不能由施工单位说了算。';
  const B = '我们认为，加装电梯的费用分摊办法应当公开，低楼层住户的意见也要充分考虑。';
  const P1 = '座谈会上，几位社区工作者结合各自的工作谈了看法，会场气氛十分热烈。';
  const P4 = '会议最后，街道主要负责人对下一阶段的改造工作提出了具体要求，请各社区抓好落实。';
  const OLD = [P1, `主任说：“${A}”`, `她表示：“${B}”`, P4].join('\n');
  const he = (q: string) => `他${q.slice(1)}`;
  const NEW = [P1, `主任说，${he(A)}`, `她表示，${he(B)}`, P4].join('\n');

  it('places each although the neighbour paragraph was turned indirect as well', () => {
    const selectors = [A, `“${B}”`].map((q) => describe(OLD, ...span(OLD, q)));
    const placed = anchorAll(NEW, selectors);
    for (const [i, q] of [A, B].entries()) {
      const at = NEW.indexOf(he(q));
      expect(placed[i], q).not.toBeNull();
      expect(placed[i]!.start).toBeLessThanOrEqual(at + 2);
      expect(placed[i]!.start).toBeGreaterThanOrEqual(at);
      expect(placed[i]!.end).toBe(at + he(q).length);
    }
  });

  it('places a quote whose words the text also holds without marks, by its neighbours', () => {
    const SET = '公安机关应当依法予以协助';
    const Q1 = `第十条\u3000监察机关进行搜查时，可以根据工作需要提请公安机关配合，${SET}。`;
    const Q3 = `第十二条\u3000监察机关决定通缉的，由公安机关发布通缉令，${SET}，追捕归案。`;
    const OLD2 = [Q1, `负责人说：“${SET}。”`, '第十一条　留置场所的设置、管理和监督依照国家有关规定执行。', Q3].join('\n');
    const NEW2 = [Q1, `负责人说，${SET}。`, '第十一条　留置场所的设置、管理和监督依照国家有关规定执行。', Q3].join('\n');
    const [s, e] = span(OLD2, `“${SET}。”`);
    const [a] = anchorAll(NEW2, [describe(OLD2, s, e)]);
    const at = NEW2.indexOf(`负责人说，${SET}`) + 5;
    expect(a).not.toBeNull();
    expect(a!.start).toBe(at);
    expect(a!.end).toBeGreaterThanOrEqual(at + SET.length);
    expect(a!.end).toBeLessThanOrEqual(at + SET.length + 1);
  });

  it('leaves such a quote an orphan when two copies have its neighbours beside them', () => {
    const SET = '公安机关应当依法予以协助';
    const LINE = `负责人说：“${SET}。”`;
    const P = '第十一条　留置场所的设置、管理和监督依照国家有关规定执行。';
    const OLD3 = ['第十条　监察机关进行搜查时，可以根据工作需要提请配合。', LINE, P, '附：'].join('\n');
    const NEW3 = [
      '第十条　监察机关进行搜查时，可以根据工作需要提请配合。',
      `负责人说，${SET}。`,
      P,
      '附：',
      '第十条　监察机关进行搜查时，可以根据工作需要提请配合。',
      `负责人说，${SET}。`,
      P,
    ].join('\n');
    const [s, e] = span(OLD3, `“${SET}。”`);
    const [a] = anchorAll(NEW3, [describe(OLD3, s, e)]);
    expect(a).toBeNull();
  });
});

suite('a marker with words written into it', () => {
  it('does not place the passage on its words without the edited head', () => {
    const P1 = '第十三条　各级监察委员会应当按照管理权限开展监督检查，及时报告有关情况。';
    const P2 = '第十四条　国家实行监察官制度，依法确定监察官的等级设置、任免、考评和晋升等制度。';
    const P3 = '第十五条　监察机关对所有行使公权力的公职人员进行监察，实现全覆盖。';
    const OLD = [P1, P2, P3].join('\n');
    const NEW = [P1, P2.replace('第十四条', '第十四8月13日，自条'), P3].join('\n');
    const [s, e] = span(OLD, P2);
    const [a] = anchorAll(NEW, [describe(OLD, s, e)]);
    const line = NEW.indexOf('第十四');
    // An orphan, or the whole paragraph with its edited head; never only the words after it.
    if (a) expect(a.start).toBe(line);
  });
});
