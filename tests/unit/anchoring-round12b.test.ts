/**
 * Issue 12 item 4, twelfth round (b): classes of surviving passages left orphans on prose seeds
 * 1000–1030 and generated seeds 80001–80030, each rule built by hand here. The bench
 * (tests/bench/anchoring.ts) measures them on generated edits and real prose.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('a kept paragraph edge agreed with by a side edited next to the quote', () => {
  // A 31-unit sentence that ends the highlighted paragraph and stands inside two others.
  const Q = '这项工作关系到千家万户的切身利益，必须一件一件抓好落实。';
  const own = `上周五下午的座谈会上，几位村民代表先后发言，镇党委书记在总结时指出，${Q}`;
  const copy1 = `县里的通知写得很明白：${Q}各乡镇要在月底前上报进展。`;
  const copy2 = `老支书常把一句话挂在嘴边：${Q}这话大家都记得。`;

  it('places the last sentence of a moved paragraph whose words before it were edited next to it', () => {
    const paras = [...filler(0, 2), copy1, ...filler(2, 3), own, ...filler(5, 4), copy2, ...filler(9, 2)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    // The comma right before the quote was dropped, so no exact run of the stored prefix
    // touches it; the paragraph moved, so the words after its end are another paragraph's. A
    // copy's paragraph was edited too, so the copies stay rivals (not ruled out as unchanged).
    const edited = own.replace('指出，', '指出');
    const copy2Edited = copy2.replace('大家', '村民们');
    const moved = [...filler(0, 2), copy1, ...filler(2, 3), ...filler(5, 4), copy2Edited, edited, ...filler(9, 2)].join('\n');
    const want = at(moved, edited) + edited.indexOf(Q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + Q.length });
    expect(anchorAll(moved, [sel])[0]).toMatchObject({ start: want, end: want + Q.length });
  });

  it('still leaves it an orphan when its paragraph is deleted and the copies keep other words around them', () => {
    const paras = [...filler(0, 2), copy1, ...filler(2, 3), own, ...filler(5, 4), copy2, ...filler(9, 2)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    const gone = paras.filter((p) => p !== own).join('\n');
    expect(anchor(gone, sel)).toBeNull();
  });

  it('does not take a copy that ends another paragraph whose words before it are unlike the stored ones', () => {
    // The copy ends its paragraph too (the kept edge), but its lead is other words.
    const endCopy = `会议最后，主持人对下一阶段的任务作了部署，并再次提醒大家，${Q}`;
    const paras = [...filler(0, 2), endCopy, ...filler(2, 3), own, ...filler(5, 4)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    const gone = paras.filter((p) => p !== own).join('\n');
    expect(anchor(gone, sel)).toBeNull();
  });
});

suite('a loosely agreed paragraph edge among copies', () => {
  it('does not choose a copy over the passage by a kept edge that only a loose match of the other side agrees with', () => {
    // Two paragraphs end with the same clause; the words before it differ in one unit next to the
    // quote (新设 / 新增), so the copy's stored prefix matches loosely, with a 6-unit run.
    const Q = '共享单车停放点';
    const T = '已经全部划线，市民停车更方便了';
    const X = '据城管部门介绍，今年第一季度，中心城区新设的一百二十个';
    const own = `${X}${Q}${T}`;
    const copy = `${X.replace('新设', '新增')}${Q}${T}`;
    const paras = [...filler(0, 3), own, copy, ...filler(3, 30)];
    const old = paras.join('\n');
    const start = at(old, own) + X.length;
    const sel = describe(old, start, start + Q.length);
    // The passage's paragraph goes on past the clause now and three of its units were misread;
    // the copy's paragraph had one unit inserted far from the quote and still ends there.
    const ownEd = `${X.replace('城管', '城菅').replace('第一', '第l').replace('中心', '中小')}${Q}${T}。下一步还将增加停放点。`;
    const copyEd = copy.replace('据城管', '据市城管');
    const text = [...filler(0, 3), ownEd, copyEd, ...filler(3, 30)].join('\n');
    // The copy's kept edge is credited (its cost is the lower), but nothing firm tells the two apart.
    expect(anchor(text, sel)).toBeNull();
  });
});

suite('a short quote inside exact runs of its own paragraph on both sides', () => {
  // A 2-unit quote (合作) with 10 units of its sentence before it and 10 after it.
  const before = '这几年村里和农业公司开展';
  const Q = '合作';
  const after = '，种植的蔬菜直接送进超市';
  const para = `过去，村民们种菜全靠自己挑到集市上去卖，价钱常常被压得很低。${before}${Q}${after}，收入比过去翻了一番，不少外出打工的年轻人也回来了。`;

  it('places it after the words farther out on both sides were rewritten', () => {
    const paras = [...filler(0, 3), para, ...filler(3, 6)];
    const old = paras.join('\n');
    const start = at(old, para) + para.indexOf(before) + before.length;
    const sel = describe(old, start, start + Q.length);
    // Both sentences around the clause rewritten: most of each stored side is other words now.
    const edited = `以前大家各种各的菜，销路一直是个难题。${before}${Q}${after}，村集体每年还能拿到一笔分红。`;
    const moved = [...filler(0, 3), edited, ...filler(3, 6)].join('\n');
    const want = at(moved, edited) + edited.indexOf(before) + before.length;
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + Q.length });
    expect(anchorAll(moved, [sel])[0]).toMatchObject({ start: want, end: want + Q.length });
  });

  it('leaves it an orphan when the run on one side is gone too', () => {
    const paras = [...filler(0, 3), para, ...filler(3, 6)];
    const old = paras.join('\n');
    const start = at(old, para) + para.indexOf(before) + before.length;
    const sel = describe(old, start, start + Q.length);
    const edited = `以前大家各种各的菜，销路一直是个难题。如今和几家企业签了${Q}${after}，村集体每年还能拿到一笔分红。`;
    const moved = [...filler(0, 3), edited, ...filler(3, 6)].join('\n');
    expect(anchor(moved, sel)).toBeNull();
  });
});

suite('one side lost, the other found whole', () => {
  it('places a quote found whole far away with its whole suffix, past its sentence, though the words before it were rewritten', () => {
    const Q = '把修路的钱用在了刀刃上';
    const tail = '。村民们说，这条路修得又快又好，下雨天再也不用踩着泥走路了，孩子们上学也方便多了。';
    const para = `为了赶在秋收之前完工，村两委开会商量了好几回，最后决定${Q}${tail}`;
    const paras = [...filler(0, 2), para, ...filler(2, 12)];
    const old = paras.join('\n');
    const start = at(old, para) + para.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    // The paragraph moved to the end and its opening clause was rewritten: the stored prefix is lost.
    const edited = `今年的项目资金有限，大家的意见很统一：${Q}${tail}`;
    const moved = [...filler(0, 2), ...filler(2, 12), edited].join('\n');
    const want = at(moved, edited) + edited.indexOf(Q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + Q.length });
    expect(anchorAll(moved, [sel])[0]).toMatchObject({ start: want, end: want + Q.length });
  });

  it('leaves it an orphan when only part of the suffix came with it', () => {
    const Q = '把修路的钱用在了刀刃上';
    const tail = '。村民们说，这条路修得又快又好，下雨天再也不用踩着泥走路了，孩子们上学也方便多了。';
    const para = `为了赶在秋收之前完工，村两委开会商量了好几回，最后决定${Q}${tail}`;
    const paras = [...filler(0, 2), para, ...filler(2, 12)];
    const old = paras.join('\n');
    const start = at(old, para) + para.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    // Elsewhere, the same clause in another sentence: the words after it go on differently.
    const other = `今年的项目资金有限，大家的意见很统一：${Q}。村民们说，这笔钱花得值。`;
    const gone = [...filler(0, 2), ...filler(2, 12), other].join('\n');
    expect(anchor(gone, sel)).toBeNull();
  });

  it('places a short sentence that opens its paragraph by the kept paragraph start and the words after it', () => {
    // A 6-unit sentence opening its paragraph: the stored prefix is the previous paragraph's end.
    const Q = '汛期将至。';
    const para = `${Q}县防汛指挥部要求各乡镇立即排查河道和水库的安全隐患，发现问题马上整改。`;
    const paras = [...filler(0, 4), para, ...filler(4, 8)];
    const old = paras.join('\n');
    const start = at(old, para);
    const sel = describe(old, start, start + Q.length);
    // The paragraph moved (other words before it) and one word after the quote's run changed.
    const edited = para.replace('水库', '塘坝');
    const moved = [...filler(0, 4), ...filler(4, 3), '会议还通报了上半年的工作情况', edited, ...filler(7, 5)].join('\n');
    const want = at(moved, edited);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + Q.length });
  });
});

suite('a moved paragraph’s opening sentence among copies, in a batch', () => {
  it('keeps the placement when its neighbours did not move with it but its kept paragraph start is agreed with', () => {
    // A 20-unit sentence opening the highlighted paragraph; a copy of it stands inside another paragraph.
    const Q = '产业兴旺是乡村振兴的重点。';
    const rest = '今年，全镇新建了三个蔬菜大棚基地，吸纳了两百多名村民就近务工，人均增收四千多元。';
    const own = `${Q}${rest}`;
    const copy = `在全县的动员会上，县长再次强调，${Q}各乡镇要因地制宜，发展特色产业。`;
    const paras = [...filler(0, 6), own, ...filler(6, 3), copy, ...filler(9, 12)];
    const old = paras.join('\n');
    const start = at(old, own);
    const sel = describe(old, start, start + Q.length);
    // Neighbours: highlights in the paragraphs before and far after, which stay where they were.
    const before = at(old, filler(5, 1)[0]!);
    const after = at(old, filler(18, 1)[0]!);
    const sels = [describe(old, before, before + 12), sel, describe(old, after, after + 12)];
    // The paragraph moved down two paragraphs, and four units of its next clause were changed.
    const edited = `${Q}${rest.replace('三个蔬菜', '几处果蔬')}`;
    const moved = [...filler(0, 6), ...filler(6, 2), edited, ...filler(8, 1), copy, ...filler(9, 12)].join('\n');
    const want = at(moved, edited);
    const placed = anchorAll(moved, sels);
    expect(placed[0]).toMatchObject({ start: before, end: before + 12 });
    expect(placed[2]).toMatchObject({ start: after, end: after + 12 });
    expect(placed[1]).toMatchObject({ start: want, end: want + Q.length });
  });
});

suite('a boundary backed by a whole side all but intact', () => {
  const Q = '合作社今年新建了六座冷库和两条分拣线';
  const para = `经过半年多的筹备，${Q}，苹果收下来以后可以分级储存，错峰上市，每斤能多卖五毛钱，果农们都很高兴。`;
  const paras = [...filler(0, 3), para, ...filler(3, 6)];
  const old = paras.join('\n');
  const start = at(old, para) + para.indexOf(Q);

  it('places a passage edited near its end whose next words were edited a few units on', () => {
    const sel = describe(old, start, start + Q.length);
    // 两条 → 三条 inside the quote's last 6 units, and 收下来 → 摘下来 4 units after its end: no
    // exact run of 6 backs the end, but the rest of the stored suffix is there, aligned.
    const edited = para.replace('两条分拣线', '三条分拣线').replace('苹果收下来', '苹果摘下来');
    const text = [...filler(0, 3), edited, ...filler(3, 6)].join('\n');
    const want = at(text, edited) + edited.indexOf('合作社');
    expect(anchor(text, sel)).toMatchObject({ start: want, end: want + Q.length });
  });

  it('leaves it an orphan when the words after it were rewritten as well', () => {
    const sel = describe(old, start, start + Q.length);
    const edited = para
      .replace('两条分拣线', '三条分拣线')
      .replace('，苹果收下来以后可以分级储存，错峰上市', '，今后苹果就不愁卖了，还能卖上好价钱');
    const text = [...filler(0, 3), edited, ...filler(3, 6)].join('\n');
    // The stored suffix no longer stands after it: nothing fixes where its edited end lies.
    expect(anchor(text, sel)).toBeNull();
  });
});
