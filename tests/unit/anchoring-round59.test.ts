/**
 * Issue 12 item 4, round 59 (session 26, anchor26c): four wrongs of the outside benches, each a
 * kind of evidence that could not tell the passage from other words, now an orphan.
 * - clauses.ts: a neighbour clause "found" on the passage's own clause (a transcript's filler
 *   嗯，X，嗯， quoted 嗯，X, another line opening 嗯，X) is no neighbour.
 * - lookalikes.ts onLookAlikeLedIn: the look-alike of the old text (the passage without its
 *   lead-in 同志们，) given a lead-in of its own (他指出，) reads closer to the passage than the
 *   passage whose lead-in was dropped; nothing tells the two.
 * - lostpiece.ts: a span over a break whose piece past the break is all gone at the placement,
 *   the old text holding the other piece elsewhere (look-alikes), reads only that repeated piece.
 * - figureside.ts: a figure (2022) whose neighbour figure (2021) on the side it lacks was
 *   rewritten (figures all moved to next year's): its value found again is its neighbour's new one.
 * Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { movedClausesPlace } from '../../shared/anchoring/clauses';
import { figureBesideRewritten } from '../../shared/anchoring/figureside';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { newDocument } from '../../shared/anchoring/doc';
import { prepareQuery } from '../../shared/anchoring/query';
import { toNormalised } from '../../shared/anchoring/doc';
import { spanPieceGoneOnLookAlike } from '../../shared/anchoring/lostpiece';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

suite('a moved clause whose neighbour is read only on the passage’s own clause (clauses.ts)', () => {
  const head = filler(0, 3);
  const tail = filler(3, 3);
  const old = [...head, '我们在码头上看了一整天。', '嗯，其实呢，嗯，渔船每天清早就出海了。', ...tail].join('\n');

  it('is no move: another line opening with the passage’s words is not placed', () => {
    // A transcript cleaned up: the passage's line lost its fillers, another speaker's line opens 嗯，其实呢.
    const neu = [
      ...head,
      '我们在码头上看了一整天。',
      '其实呢，渔船每天清早就出海了。',
      ...tail.slice(0, 2),
      '嗯，其实呢，城里的商店早就关门了。',
      ...tail.slice(2),
    ].join('\n');
    expect(movedClausesPlace(neu, sel(old, '嗯，其实呢'))).toBeNull();
  });

  it('still places clauses moved inside their sentence beside their neighbour', () => {
    const old2 = [...head, '天气转暖以后，河边的柳树发了芽，孩子们放学就去钓鱼。', ...tail].join('\n');
    const neu2 = [...head, '河边的柳树发了芽，天气转暖以后，孩子们放学就去钓鱼。', ...tail].join('\n');
    const a = movedClausesPlace(neu2, sel(old2, '河边的柳树发了芽'));
    expect(a).toMatchObject({ start: at(neu2, '河边的柳树发了芽'), end: at(neu2, '河边的柳树发了芽') + 8 });
  });
});

suite('a look-alike given a lead-in of its own (lookalikes.ts onLookAlikeLedIn)', () => {
  // A page printed twice in a long article: once with the speaker's 同志们， before the sentence.
  const sentence =
    '新建的冷链物流园占地一百二十亩，配有六座恒温库和两条分拣线，每天能处理蔬菜水果八百吨，比去年多出三成，周边四个乡镇的农户都能当天把货送进来。';
  const lead = '县里的物流企业这两年发展很快。';
  const next = '下一步还要把线路延伸到山区乡镇。';
  const page = (first: string) => [lead, first, next];
  const old = [...filler(0, 4), ...page(`同志们，${sentence}`), ...filler(4, 4), ...page(sentence), ...filler(8, 3)].join('\n');

  it('leaves the orphan where the passage lost its lead-in and the look-alike gained one', () => {
    const neu = [...filler(0, 4), ...page(sentence), ...filler(4, 4), ...page(`他指出，${sentence}`), ...filler(8, 3)].join('\n');
    const [a] = anchorAll(neu, [sel(old, `同志们，${sentence}`)]);
    expect(a).toBeNull();
  });

  it('still places the passage, unchanged, moved by a paragraph inserted before it', () => {
    const neu = [
      '编者按：本文根据会议录音整理。',
      ...filler(0, 4),
      ...page(`同志们，${sentence}`),
      ...filler(4, 4),
      ...page(sentence),
      ...filler(8, 3),
    ].join('\n');
    const [a] = anchorAll(neu, [sel(old, `同志们，${sentence}`)]);
    const s = at(neu, `同志们，${sentence}`);
    expect(a).toMatchObject({ start: s, end: s + sentence.length + 4 });
  });
});

suite('a span over a break whose piece past it is gone, on a look-alike of the other piece (lostpiece.ts)', () => {
  // A 答记者问 joined from pages: an answer's closing line printed three times, each before another question.
  const closing = '您对明年的出口形势怎么看？';
  const q = (topic: string) => `问：${topic}下一步怎样安排？`;
  const a = (n: number) => `答：${filler(n, 1)[0]}`;
  const old = [q('稻谷收购'), a(0), closing, q('棉花种植'), a(1), closing, q('果园改造'), a(2), closing, q('渔港建设'), a(3)].join('\n');
  const quote = `您对明年的出口形势怎么看？\n问：棉花种植`;

  it('refuses the copy of the line now before another question of the same wording', () => {
    const s = sel(old, quote);
    expect(s.nearErrors).toBeGreaterThan(0);
    // Questions and answers reordered: the passage's line now before another question.
    const neu = [q('果园改造'), a(2), closing, q('稻谷收购'), a(0), closing, q('渔港建设'), a(3), closing, q('蔬菜大棚'), a(1)].join('\n');
    const wrong = neu.indexOf(`您对明年的出口形势怎么看？\n问：渔港建设`);
    expect(wrong).toBeGreaterThan(0);
    expect(
      spanPieceGoneOnLookAlike(neu, s, { start: wrong, end: wrong + `您对明年的出口形势怎么看？\n问：渔港建设`.length, score: 0.9 }),
    ).toBe(true);
  });

  it('leaves the orphan when blocks reordered put another question of the passage’s wording after another copy of the line', () => {
    // The questions' wordings differ, so the look-alikes read little of the stored side past the
    // break; the reorder sets a question worded like the passage's after another copy of the line.
    const qa = (question: string, n: number) => [question, `答：${filler(n, 1)[0]}`];
    const A = qa('问：稻谷收购有哪些新的考虑？', 0);
    const B = qa('问：棉花种植下一步怎样安排？', 1);
    const C = qa('问：果园改造，对此您怎么看？', 2);
    const D = qa('问：渔港建设下一步怎样安排？', 3);
    const E = qa('问：请介绍一下蔬菜大棚的情况。', 4);
    const old2 = [...E, closing, ...A, ...filler(5, 2), closing, ...B, ...filler(7, 2), closing, ...C, ...D].join('\n');
    const neu2 = [...E, closing, ...A, ...filler(5, 2), closing, ...C, ...filler(7, 2), closing, ...D, ...B].join('\n');
    const [p] = anchorAll(neu2, [sel(old2, quote)]);
    expect(p).toBeNull();
  });

  it('keeps a span whose piece was corrected but keeps two units in a row, or whose list marker was restyled', () => {
    // A 名单 whose entries look alike: one title corrected (主任医师 → 局长) keeps 理局 of its piece.
    const roster = [
      '张明远\u3000区应急管理局主任医师',
      '李春华\u3000区市场监督管理局副局长',
      '王志刚\u3000区应急管理局主任科员',
      '赵丽娟\u3000区市场监督管理局科长',
    ].join('\n');
    const words = '理局主任医师\n李春华\u3000区市场监督管理局';
    const r = sel(roster, words);
    const neuRoster = roster.replace('理局主任医师', '理局局长');
    const p = neuRoster.indexOf('理局局长\n李春华');
    expect(
      spanPieceGoneOnLookAlike(
        neuRoster,
        { ...r, nearErrors: 4 },
        { start: p, end: p + '理局局长\n李春华\u3000区市场监督管理局'.length, score: 0.8 },
      ),
    ).toBe(false);
    // 第三十一条 → ■第三十一条: the same list marker in the comparison form.
    const rules = '第三十条\u3000被调查人的出境限制，不再需要的，应当及时解除。\n第三十一条\u3000被调查人主动认罪认罚的，可以从宽处理。';
    const sr = sel(rules, '应当及时解除。\n第三十一条');
    const neuRules = rules.replace('\n第三十一条', '\n■');
    const q = neuRules.indexOf('应当及时解除。\n■');
    expect(
      spanPieceGoneOnLookAlike(neuRules, { ...sr, nearErrors: 1 }, { start: q, end: q + '应当及时解除。\n■'.length, score: 0.9 }),
    ).toBe(false);
  });

  it('keeps a placement that reads the piece past the break, edited by a unit', () => {
    const s = sel(old, quote);
    const neu = old.replace(q('棉花种植'), q('棉花种值'));
    const place = neu.indexOf(`您对明年的出口形势怎么看？\n问：棉花种值`);
    expect(spanPieceGoneOnLookAlike(neu, s, { start: place, end: place + quote.length, score: 0.9 })).toBe(false);
  });
});

suite('a figure whose neighbour figure was rewritten (figureside.ts)', () => {
  const table = (years: number[]) => `表2\u3000主要指标\t${years.map((y) => `${y}年`).join('\t')}\t增长（%）`;
  const before = [...filler(0, 3), '全镇经济运行总体平稳，主要指标见下表。'];
  const after = ['粮食\t3021\t3115\t3208\t3.0', '蔬菜\t1250\t1302\t1366\t4.9', ...filler(3, 3)];
  const old = [...before, table([2019, 2020, 2021]), ...after].join('\n');

  it('leaves the orphan when the years moved on one slot (2019 2020 2021 → 2020 2021 2022)', () => {
    const neu = [...before, table([2020, 2021, 2022]), '粮食\t3115\t3208\t3330\t3.8', '蔬菜\t1302\t1366\t1421\t4.0', ...filler(3, 3)].join(
      '\n',
    );
    const hs = [sel(old, '2020'), sel(old, '全镇经济运行总体平稳'), sel(old, filler(3, 1)[0]!.slice(0, 10))];
    const [a] = anchorAll(neu, hs);
    expect(a).toBeNull();
  });

  it('reads a figure whose lacking side held words, not a number, as before', () => {
    const text = '今年粮食总产量达到3021万吨，比上年增长。';
    const s = sel(text, '3021');
    const neu = '全县粮食产量3021万吨，比上年增长。';
    const doc = newDocument(neu);
    const from = toNormalised(doc, at(neu, '3021'));
    expect(figureBesideRewritten(doc.norm.text, prepareQuery(neu, s), from, from + 4)).toBe(false);
    // A neighbour figure corrected in place (970 → 973 before the row's 2.8) leaves its slot: read as before.
    const row = '城关镇\t909\t925\t970\t2.8\n南湖镇\t488\t513\t552\t7.6';
    const neuRow = row.replace('970', '973');
    const docRow = newDocument(neuRow);
    const fRow = toNormalised(docRow, at(neuRow, '2.8'));
    expect(figureBesideRewritten(docRow.norm.text, prepareQuery(neuRow, sel(row, '2.8')), fRow, fRow + 3)).toBe(false);
    // The figure in its neighbour's slot, the figures moved along the row: refused.
    const s2 = sel('主要经济指标\t2019年\t2020年\t2021年', '2020');
    const neu2 = '主要经济指标\t2020年\t2021年\t2022年';
    const doc2 = newDocument(neu2);
    const f2 = toNormalised(doc2, at(neu2, '2020'));
    expect(figureBesideRewritten(doc2.norm.text, prepareQuery(neu2, s2), f2, f2 + 4)).toBe(true);
  });
});
