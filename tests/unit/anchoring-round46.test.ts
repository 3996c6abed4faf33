/**
 * Issue 12 item 4, round 46 (anchor23a): built by hand, our own words.
 * - A 专题 page printing an abridged copy of the story above the article: a paragraph both
 *   printings keep whole reads the same in each, the first pass guesses the copy by position, and
 *   passages placed by their own context on both sides of it (spans over its breaks, which only
 *   the article keeps) moved alike: the article's printing between them is the passage's
 *   (index.ts nearNeighbours; twinmove.ts now refuses only a move its neighbours make from one side).
 * - A long read printing a stretch twice far apart, a term the stretch repeats every few
 *   paragraphs: a guess confirmed by a chain (chained.ts) is taken with other copies nearby when
 *   the nearest neighbours on both sides moved by its shift and no other copy between them reads
 *   as much of the stored context; not when paragraphs were swapped across it. A link of such a
 *   chain may lie up to twice the link distance off where it moved by the very same shift.
 * - A first-person opener rewritten as reported speech (我们要X → 他强调，要X): the passage's
 *   head units replaced by a few more new ones, standing nowhere before the rest (edges.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a 专题 printing an abridged copy of the story above the article', () => {
  const P0 = '城东新区今年新建的三所学校将在秋季学期陆续招生，教育部门近日公布了具体安排。';
  const PA = '据介绍，三所学校共设置一百二十个教学班，可提供小学和初中学位五千多个，招生范围覆盖新区全部社区。';
  const S1 = '新区教育局负责人表示，今年的招生工作将全程在网上办理，家长不必再到学校排队递交材料。';
  const S2 = '报名时间定在七月上旬，系统会根据户籍和居住年限自动排序，结果在七月底前公布。';
  const S3 = '对网上办理有困难的家庭，各社区服务中心都安排了专人协助填报，确保不让一个孩子漏报。';
  const PB = S1 + S2 + S3;
  const PC = '此外，新区还将为三所学校配备校车，开通八条接送线路，覆盖距离学校三公里以外的小区。';
  const F = filler(0, 6);
  const OLD = [P0, PA, PB, PC, ...F].join('\n');
  // The middle sentence of PB (its stored context inside PB), and spans over PB's two breaks.
  const IN_B = [S2, '系统会根据户籍和居住年限', '七月底前公布'];
  const OVER = [PA.slice(-12) + '\n' + S1.slice(0, 10), S3.slice(-12) + '\n' + PC.slice(0, 10)];
  const sels = [...IN_B, ...OVER].map((q) => describe(OLD, ...span(OLD, q)));
  // The abridged copy keeps every second paragraph (P0 and PA dropped, PB kept whole).
  const COPY = [PB, F[1], F[3]];

  it('places the passages of a paragraph both printings keep on the article’s printing', () => {
    const NEW = ['专题｜一线调研', '【摘要版】', ...COPY, '相关报道：一图读懂新区学校', P0, PA, PB, PC, ...F].join('\n');
    const out = anchorAll(NEW, sels);
    const article = at(NEW, P0);
    IN_B.forEach((q, k) => expect(out[k]?.start).toBe(at(NEW, q, 1)));
    OVER.forEach((q, k) => expect(out[IN_B.length + k]?.start).toBe(at(NEW, q)));
    for (const a of out) expect(a!.start).toBeGreaterThan(article);
  });

  it('does not put them on the article’s edited paragraph', () => {
    // The article's PB rewritten (dates moved): only the abridged copy prints the old words.
    const PBn = PB.replace('七月上旬', '八月上旬').replace('七月底前', '八月底前');
    const NEW = ['专题｜一线调研', '【摘要版】', ...COPY, '相关报道：一图读懂新区学校', P0, PA, PBn, PC, ...F].join('\n');
    const out = anchorAll(NEW, sels);
    const article = at(NEW, P0);
    IN_B.forEach((q, k) => {
      const a = out[k] ?? null;
      expect(a === null || a.start < article).toBe(true);
    });
  });
});

// Paragraphs told apart by their numbers (made up here); every tenth one carries the same term.
const log = (i: number) =>
  `第${i}号观测点记录：当日水位${i * 3 + 40}厘米，流速每秒${(i % 9) + 1}米${i % 10 === 5 ? '，汛期加密巡查' : ''}，` +
  `值班员巡视了${(i % 6) + 2}处堤段。`;
const count = (i: number) => `西区第${i}号仓库的盘点结果显示，库存纸箱${i * 5 + 3}件，叉车${(i % 4) + 2}台，夜班人员按时交接。`;
const T = Array.from({ length: 140 }, (_, i) => log(i));
const U = Array.from({ length: 90 }, (_, i) => count(i)).join('\n');
// The stretch T printed at the start and again after U, far apart.
const OLD2 = [T.join('\n'), U, T.join('\n')].join('\n');

suite('a term repeated every few paragraphs inside a stretch printed twice far apart', () => {
  // In the first printing, far from any sure neighbour: the term in paragraph 65, its nearest
  // neighbours in 64 and 66, a chain of neighbours out to the sure ones in U (held once).
  const TERM = '汛期加密巡查';
  const near = [5, 20, 35, 50, 60, 64, 66, 70, 85, 100, 115, 130, 139].map((i) => `当日水位${i * 3 + 40}厘米`);
  const sure = [2, 10, 30].map((i) => `库存纸箱${i * 5 + 3}件`);
  const sels = [
    describe(OLD2, ...span(OLD2, TERM, 6)),
    ...near.map((q) => describe(OLD2, ...span(OLD2, q))),
    ...sure.map((q) => describe(OLD2, ...span(OLD2, q))),
  ];

  it('places the term on the copy its neighbours box in', () => {
    // A note written above everything and one in U: the first printing moved alike.
    const NEW = ['（本合集于次日更新）', T.join('\n'), U.replace(count(60), `${count(60)}（注：含补报数据）`), T.join('\n')].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(at(NEW, TERM, 6));
    near.forEach((q, k) => expect(out[1 + k]?.start).toBe(at(NEW, q)));
  });

  it('does not place it on another paragraph’s term when paragraphs were swapped across it', () => {
    // Paragraphs 65 and 55 change places in the first printing: the term at the old place is 55's.
    const Tn = [...T];
    [Tn[55], Tn[65]] = [Tn[65]!, Tn[55]!];
    const NEW = ['（本合集于次日更新）', Tn.join('\n'), U, T.join('\n')].join('\n');
    const out = anchorAll(NEW, sels);
    const a = out[0] ?? null;
    const wrongCopy = NEW.indexOf(TERM, NEW.indexOf(log(55)));
    expect(a?.start).not.toBe(wrongCopy);
  });
});

suite('a stretch printed twice, its second printing far from the last highlight placed on its own evidence', () => {
  // Highlights are sparse: the passage in the second printing's paragraph 90, the nearest sure
  // one in U about 3.6k units before it, no highlight between.
  const Q = `当日水位${90 * 3 + 40}厘米`;
  const sure = [10, 60, 88].map((i) => `库存纸箱${i * 5 + 3}件`);
  const sels = [describe(OLD2, ...span(OLD2, Q, 1)), ...sure.map((q) => describe(OLD2, ...span(OLD2, q)))];

  it('places it when the text between moved by the very same shift', () => {
    const NEW = ['（本合集于次日更新）', T.join('\n'), U.replace(count(40), `${count(40)}（注：含补报数据）`), T.join('\n')].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(at(NEW, Q, 1));
    sure.forEach((q, k) => expect(out[1 + k]?.start).toBe(at(NEW, q)));
  });

  it('does not place it on the first printing when its own paragraph went and a copy was set elsewhere', () => {
    // Paragraph 90 dropped from the second printing, a copy of it set near the first's start:
    // the count is unchanged, the copy of its rank is the first printing's own paragraph.
    const T1 = [...T.slice(0, 10), T[90]!, ...T.slice(10)];
    const T2 = [...T.slice(0, 90), ...T.slice(91)];
    const NEW = [T1.join('\n'), U, T2.join('\n')].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]).toBeNull();
  });
});

suite('a first-person opener rewritten as reported speech (我们要X → 他强调，要X)', () => {
  const F = filler(0, 6);
  const S = '我们要抓紧修好村东头的灌溉水渠，赶在雨季之前完工。';
  const OLD = [F[0], F[1], S, F[2], F[3]].join('\n');
  const Q = '我们要抓紧修好村东头的灌溉水渠';
  const sels = [describe(OLD, ...span(OLD, Q))];

  it('places the passage on the words kept after the new opener', () => {
    const NEW = [F[0], F[1], S.replace('我们要', '他强调，要'), F[2], F[3]].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(at(NEW, '要抓紧修好'));
    expect(out[0]?.end).toBe(at(NEW, '要抓紧修好') + Q.length - 2);
  });

  it('does not place it on the same words under such an opener elsewhere, its own line gone', () => {
    // The line dropped where it stood; a summary further on repeats its words in reported speech.
    const NEW = [F[0], F[1], F[2], F[3], F[4], `他强调，要抓紧修好村东头的灌溉水渠。${F[5]}`].join('\n');
    expect(anchorAll(NEW, sels)[0]).toBeNull();
  });

  it('does not take the words when the opener still stands before an insertion', () => {
    // 我们 kept, words written between it and 要: the passage holds the insertion; not this rule's.
    const NEW = [F[0], F[1], S.replace('我们要', '我们也要'), F[2], F[3]].join('\n');
    const a = anchorAll(NEW, sels)[0] ?? null;
    expect(a === null || a.start <= at(NEW, '我们也要')).toBe(true);
  });
});
