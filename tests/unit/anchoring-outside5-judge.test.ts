// The fifth outside anchoring bench's judge on hand-made texts: every unit is tracked through the
// edit, and each verdict follows the definitions in tests/bench/anchoring-outside5-judge.ts.
import { describe, expect, it } from 'vitest';
import {
  concat,
  docFromText,
  edit,
  fresh,
  judge,
  newPositions,
  numbersAsWords,
  render,
  replaceEach,
  slice,
  truthOf,
  type Doc,
  type Para,
} from '../bench/anchoring-outside5-judge';

const OLD =
  '问：今年的重点工作有哪些？\n答：我们将新建学校12所，改造道路35公里。\n各单位要结合实际，认真抓好落实。\n表彰名单：\n王小明　市教育局局长\n李春华　县人民医院主任';

function revised(doc: Doc) {
  const { text, origin } = render(doc);
  return { text, origin, at: numbersAsWords(OLD, newPositions(origin, OLD.length)) };
}
const firstPara = (text: string): Para => para(docFromText(text), 0);
/** The paragraph at i (the tests only index paragraphs they made). */
const para = (doc: Doc, i: number): Para => {
  const p = doc[i];
  if (!p) throw new Error(`no paragraph ${i}`);
  return p;
};
const span = (text: string, words: string, nth = 0) => {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(words, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + words.length };
};
function verdict(doc: Doc, quote: string, placed: string | null, placedNth = 0) {
  const r = revised(doc);
  const h = span(OLD, quote);
  return judge(r.origin, r.at, h.start, h.end, placed === null ? null : span(r.text, placed, placedNth));
}

describe('tracked edits', () => {
  it('keeps the common head and tail of a replacement and writes only the middle', () => {
    const p = edit(fresh('2023年增长5%'), 0, 5, '2024年');
    expect(p.s).toBe('2024年增长5%');
    const doc = docFromText('2023年增长5%');
    const q = edit(para(doc, 0), 0, 5, '2024年');
    expect(q.o).toEqual([0, 1, 2, -1, 4, 5, 6, 7, 8]);
  });

  it('replaceEach tracks every match on its own and leaves null matches alone', () => {
    const p = firstPara('应当做好，应当落实');
    const q = replaceEach(p, /应当/g, (m) => (m.index === 0 ? '应' : null));
    expect(q.s).toBe('应做好，应当落实');
    expect(q.o).toEqual([0, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('renders paragraph breaks as new units and refuses an old unit kept twice', () => {
    const doc = docFromText('甲乙\n丙丁');
    const { text, origin } = render(doc);
    expect(text).toBe('甲乙\n丙丁');
    expect(Array.from(origin)).toEqual([0, 1, -1, 3, 4]);
    expect(() => newPositions(render([para(doc, 0), para(doc, 0)]).origin, 5)).toThrow(/kept twice/);
  });

  it('counts a number with one digit changed as another number', () => {
    const doc = docFromText(OLD);
    const i = doc.findIndex((p) => p.s.includes('12所'));
    doc[i] = replaceEach(para(doc, i), /\d+/g, (m) => (m[0] === '12' ? '13' : null));
    const t = revised(doc);
    const h = span(OLD, '12所');
    expect(truthOf(t.at, h.start, h.end).surviving).toBe(false); // only 所 is kept
    const s = span(OLD, '我们将新建学校12所，改造道路35公里。');
    expect(truthOf(t.at, s.start, s.end).surviving).toBe(true);
  });
});

describe('verdicts', () => {
  it('RIGHT: a sentence moved and split by a new question line, placed on its words', () => {
    const doc = docFromText(OLD);
    const moved: Doc = [para(doc, 2), fresh('问：还有什么安排？'), para(doc, 0), para(doc, 1), ...doc.slice(3)];
    expect(verdict(moved, '各单位要结合实际，认真抓好落实。', '各单位要结合实际，认真抓好落实。').verdict).toBe('right');
  });

  it('RIGHT: words edited inside; PARTIAL: half of it with the next line; WRONG: most of it beside', () => {
    const doc = docFromText(OLD);
    doc[1] = replaceEach(para(doc, 1), /我们/g, () => '他们');
    expect(verdict(doc, '我们将新建学校12所', '他们将新建学校12所').verdict).toBe('right');
    expect(verdict(doc, '认真抓好落实。', '认真抓好落实。\n表彰名单：').verdict).toBe('partial');
    expect(verdict(doc, '认真抓好落实。', '落实。\n表彰名单：\n王小明　').verdict).toBe('wrong');
  });

  it('WRONG: a removed roster line placed on a look-alike line; LOST when not placed', () => {
    const doc = docFromText(OLD);
    const gone = doc.filter((p) => !p.s.startsWith('王小明'));
    const v = verdict(gone, '市教育局局长', null);
    expect(v.verdict).toBe('lost');
    expect(v.truth.surviving).toBe(false);
    const added = [...gone, fresh('赵大成　市教育局局长')];
    expect(verdict(added, '王小明　市教育局局长', '赵大成　市教育局局长').verdict).toBe('wrong');
    // the other line's own old words: also wrong, never "on remains"
    expect(verdict(gone, '王小明　市教育局局长', '李春华　县人民医院主任').verdict).toBe('wrong');
  });

  it('a lost passage placed on its remains or on its replacement in place is tolerated', () => {
    const doc = docFromText(OLD);
    const i = doc.findIndex((p) => p.s.startsWith('王小明'));
    doc[i] = edit(para(doc, i), 0, 3, '周建国');
    expect(verdict(doc, '王小明', '周建国').verdict).toBe('lost_on_remains'); // replaced in place
    const j = doc.findIndex((p) => p.s.includes('35公里'));
    doc[j] = replaceEach(para(doc, j), /35/g, () => '38');
    expect(verdict(doc, '35公里', '38公里').verdict).toBe('lost_on_remains'); // 公里 remains
  });

  it('MISS: surviving and not placed; a 4-unit term with two units changed is not surviving', () => {
    const doc = docFromText(OLD);
    expect(verdict(doc, '结合实际', null).verdict).toBe('miss');
    const k = doc.findIndex((p) => p.s.includes('结合实际'));
    doc[k] = edit(para(doc, k), para(doc, k).s.indexOf('结合实际'), para(doc, k).s.indexOf('结合实际') + 4, '结合实践');
    expect(verdict(doc, '结合实际', null).verdict).toBe('miss'); // 3 of 4 kept: still there
    doc[k] = edit(para(doc, k), para(doc, k).s.indexOf('结合实践'), para(doc, k).s.indexOf('结合实践') + 4, '联合实践');
    expect(verdict(doc, '结合实际', null).verdict).toBe('lost');
  });

  it('a span over a paragraph break cut by a long insertion follows its larger part', () => {
    const doc = docFromText(OLD);
    const english = fresh('The city will build twelve schools and rebuild thirty-five kilometres of roads this year.');
    const bilingual: Doc = [para(doc, 0), para(doc, 1), english, ...doc.slice(2)];
    const quote = '新建学校12所，改造道路35公里。\n各单位';
    const r = revised(bilingual);
    const h = span(OLD, quote);
    const t = truthOf(r.at, h.start, h.end);
    expect(t.surviving).toBe(true);
    expect(r.text.slice(t.start, t.end)).toBe('新建学校12所，改造道路35公里。'); // 17 of 21 units
    expect(verdict(bilingual, quote, '新建学校12所，改造道路35公里。').verdict).toBe('right');
    expect(verdict(bilingual, quote, '各单位').verdict).toBe('partial'); // its own smaller part
    expect(verdict(bilingual, quote, 'The city will build').verdict).toBe('wrong');
    // less than 60% on either side of the insertion: not surviving
    const h2 = span(OLD, '改造道路35公里。\n各单位要结合实际');
    expect(truthOf(r.at, h2.start, h2.end).surviving).toBe(false);
  });

  it('concat and slice keep origins', () => {
    const p = firstPara('甲乙丙丁');
    const q = concat(slice(p, 2), fresh('戊'), slice(p, 0, 2));
    expect(q.s).toBe('丙丁戊甲乙');
    expect(q.o).toEqual([2, 3, -1, 0, 1]);
  });
});
