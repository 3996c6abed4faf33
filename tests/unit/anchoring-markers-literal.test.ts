/**
 * Issue 12 item 4 (anchor14b): a highlight that is mostly a paragraph's marker (第二条 alone,
 * （二） alone, or 二条 begun inside 第二条) is the label itself, not the paragraph: compared as one
 * marker unit it would match every marker of the text. It is anchored with markers compared
 * literally, on its real characters; only where those went (renumbered, restyled) on the marker
 * that stands in their place between the same context. A longer highlight that merely begins or
 * ends inside a marker keeps the marker as one unit. Built by hand on our own text.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { mostlyMarker } from '../../shared/anchoring/normalise';

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

const placedText = (text: string, a: { start: number; end: number } | null) => (a ? text.slice(a.start, a.end) : null);

const RULES = (items: readonly string[], tail = '以上各项自下月起执行，请各科室相互转告。') =>
  ['关于规范图书馆阅览室使用的几项要求', ...items.map((t, i) => `（${'一二三四五'[i]}）${t}`), tail].join('\n');

const ITEMS = [
  '阅览室开放时间为每日八点至二十点，节假日另行通知。',
  '入室读者须保持安静，手机调至静音。',
  '闭馆前十五分钟停止借阅，请按时归还。',
];

suite('a highlight that is mostly a marker', () => {
  it('is recognised by the share of its visible units inside markers', () => {
    const text = RULES(ITEMS);
    const at = (q: string) => describe(text, ...span(text, q));
    expect(mostlyMarker(at('（二）'))).toBe(true);
    expect(mostlyMarker(at('二）'))).toBe(true);
    expect(mostlyMarker(at('（二）入室'))).toBe(true);
    expect(mostlyMarker(at('（二）入室读者须'))).toBe(false);
    expect(mostlyMarker(at('二）入室读者须保持安静'))).toBe(false);
    // Not at a paragraph head: words, never a marker.
    expect(mostlyMarker(at('读者'))).toBe(false);
  });

  it('a marker alone stays on its real characters when the clauses after it were reordered', () => {
    const old = RULES(ITEMS);
    const revised = RULES([ITEMS[0] as string, '手机调至静音，入室读者须保持安静。', ITEMS[2] as string]);
    const quotes = ['节假日另行通知', '（二）', '停止借阅'];
    const out = anchorAll(
      revised,
      quotes.map((q) => describe(old, ...span(old, q))),
    );
    expect(placedText(revised, out[1] ?? null)).toBe('（二）');
    expect(out[1]!.start).toBe(span(revised, '（二）')[0]);
  });

  it('a highlight begun inside a marker keeps exactly its characters of it', () => {
    const old = RULES(ITEMS);
    const revised = RULES(ITEMS, '以上各项自即日起执行。');
    const s = describe(old, ...span(old, '三）'));
    const a = anchor(revised, s);
    expect(placedText(revised, a)).toBe('三）');
    expect(a!.start).toBe(span(revised, '三）')[0]);
  });

  it('a highlight ending inside a marker keeps exactly its characters of it', () => {
    const old = RULES(ITEMS);
    const revised = RULES(ITEMS, '以上各项自即日起执行。');
    const s = describe(old, ...span(old, '手机调至静音。\n（三'));
    const a = anchor(revised, s);
    expect(placedText(revised, a)).toBe('手机调至静音。\n（三');
  });

  it('a marker alone whose label was restyled goes to the restyled label between the same context', () => {
    const old = RULES(ITEMS);
    const restyled = [
      '关于规范图书馆阅览室使用的几项要求',
      ...ITEMS.map((t, i) => `${i + 1}.${t}`),
      '以上各项自下月起执行，请各科室相互转告。',
    ].join('\n');
    const quotes = ['节假日另行通知', '（二）', '停止借阅'];
    const out = anchorAll(
      restyled,
      quotes.map((q) => describe(old, ...span(old, q))),
    );
    // Either left unplaced or on its own paragraph's new label, never on another's.
    if (out[1]) expect(out[1].start).toBe(span(restyled, '2.')[0]);
  });
});

const ARCHIVE = [
  '关于加强档案室管理的若干规定',
  '第六十五条　借阅档案须经科室负责人签字同意。',
  '第六十六条　违反本规定，造成档案损毁或者遗失的，依法追究责任。',
  '第六十七条　本规定自发布之日起施行。',
];

suite('a passage not found with markers as one unit is looked for once more on their characters', () => {
  it('a marker an edit turned into words (第六十六条 → 第六十) is compared on its characters', () => {
    const old = ARCHIVE.join('\n');
    const revised = [
      ARCHIVE[0],
      '第六十五条　查阅涉密档案一律在档案室内进行，不得带出。',
      '第六十　违反本规定，造成档案损毁或者遗失的，依法追究责任。',
      '第六十七条　本规定由办公室负责解释。',
    ].join('\n');
    const s = describe(old, ...span(old, '第六十六条　违反本规定，造成档案损毁或者'));
    const want = span(revised, '第六十　违反本规定，造成档案损毁或者');
    for (const a of [anchor(revised, s), anchorAll(revised, [s])[0] ?? null]) {
      expect(placedText(revised, a)).toBe('第六十　违反本规定，造成档案损毁或者');
      expect(a!.start).toBe(want[0]);
    }
  });

  it('not on a copy under a label restyled from another (the literal form prefers a label that looks like the old one)', () => {
    const item = '各科室应当于每月五日前报送上月工作小结。';
    const old = [
      '一、工作要求',
      '各单位要高度重视本次检查，认真对照清单逐项自查。',
      `（一）${item}`,
      '检查组将于下旬分赴各处开展现场核查，请提前准备材料。',
      '二、时间安排',
      '全年安排四次集中检查，具体时间另行通知到各个单位。',
      `1.${item}`,
      '未按时报送的，年底考核时酌情扣分，并予以通报批评。',
    ].join('\n');
    // The first item is gone; the second is restyled 1. → （1）, which looks like the first's old label.
    const revised = [
      '一、工作要求',
      '请各单位高度重视，对照新的清单全面开展自查自纠工作。',
      '现场核查改由第三方机构承担，时间为下月中旬左右。',
      '二、时间安排',
      '全年安排四次集中检查，具体时间另行通知到各个单位。',
      `（1）${item}`,
      '未按时报送的，年底考核时酌情扣分，并予以通报批评。',
    ].join('\n');
    const s = describe(old, ...span(old, `（一）${item}`));
    expect(anchorAll(revised, [s])[0]).toBeNull();
  });
});

suite('a marker alone placed on its characters must still label its words', () => {
  const clauses = ['借阅档案须经科室负责人签字同意。', '违反本规定造成档案损毁的，依法追究责任。', '本规定自发布之日起施行。'];
  const rules = (cs: readonly string[]) =>
    ['关于加强档案室管理的若干规定', ...cs.map((c, i) => `第${'一二三四五'[i]}条\u3000${c}`)].join('\n');

  it('not on the number a new clause inserted before took, when its own clause moved on', () => {
    const old = rules(clauses);
    const revised = rules([
      clauses[0] as string,
      '查阅涉密档案一律在档案室内进行，不得复印或者带出。',
      clauses[1] as string,
      clauses[2] as string,
    ]);
    const s = describe(old, ...span(old, '第二条'));
    const taken = span(revised, '第二条');
    for (const a of [anchor(revised, s), anchorAll(revised, [s])[0] ?? null]) if (a) expect(a.start).not.toBe(taken[0]);
  });
});
