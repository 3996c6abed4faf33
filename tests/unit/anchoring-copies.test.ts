/**
 * Issue 12 item 4, fifth round: kinds of wrong placement where the passage's own words were
 * deleted and another copy of them, or a sentence of the same shape, was taken instead. Each is
 * built by hand here; the bench (tests/bench/anchoring.ts) measures them on generated edits.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('copies of a deleted passage', () => {
  it('does not choose between copies of a repeated passage by a paragraph edge alone', () => {
    // Three copies of one sentence with the same 32 units before it. The highlighted copy ended
    // its paragraph; so does copy B (before another paragraph), copy C goes on. With the
    // highlighted paragraph deleted, only the kept edge speaks for B: as much for it as for the
    // deleted one, so the highlight is an orphan.
    const pre = '“陆主任”向徐阿婆强调，她的手机每天上午九时至十时期间必须关机';
    const q = '，晚上九时必须致电他，这是秘密办案，不能对外泄露';
    const own = `${pre}${q}，冯警官介绍。`;
    const paras = [
      ...filler(0, 3),
      `${pre}${q}，冯警官介绍。长时间不回家，纸终究是包不住火，最终还是露了馅。`,
      ...filler(3, 3),
      `${pre}${q}，冯警官介绍。`,
      '汪勇制定了严格的规定，前来当志愿者的，必须先做登记。',
      ...filler(6, 3),
      own,
      '当天，汪勇送了三十个人，开了一天的车，双腿都发抖。',
      ...filler(9, 3),
    ];
    const old = paras.join('\n');
    const start = old.lastIndexOf(own) + pre.length;
    const sel = describe(old, start, start + q.length);
    const edited = paras.filter((p, i) => !(p === own && i > 8)).join('\n');
    expect(edited.split(q).length - 1).toBe(2);
    expect(anchor(edited, sel)).toBeNull();
    // Kept where it was, the paragraph after it replaced: the old position tells it from B.
    const kept = paras.map((p) => (p.startsWith('当天') ? '会后，大家把意见整理成册，交给村委会。' : p)).join('\n');
    expect(anchor(kept, sel)).toMatchObject({ start, end: start + q.length });
  });

  it('does not take a sentence of the same shape with other numbers for the passage’s context', () => {
    // Template sentences: the one before the highlighted sentence differs elsewhere only in its
    // numbers. Those decide: the look-alike's are all other ones, so the highlight is an orphan.
    const q = '认真把理论学习同城乡融合结合起来，做到推进有力、统筹有序';
    const ownPara = `望江区讲习所2023年共开展9次学习，参加人数达到845人次。各级党组织${q}。`;
    const paras = [
      ...filler(0, 4),
      `总的来看，东山镇读书班2002年共开展87次学习，参加人数达到300人次。各级党组织${q}。`,
      '要把安全生产作为基础工程，必须深化科技创新和耕地保护。',
      ...filler(4, 4),
      `要把作风建设作为关键环节。各级党组织${q}。`,
      ...filler(8, 4),
      ownPara,
      '正如《田野笔记》里所写：“凡事预则立。”教师队伍深有同感，认真落实调查研究。',
      ...filler(12, 4),
    ];
    const old = paras.join('\n');
    const start = at(old, ownPara) + ownPara.indexOf(q);
    const sel = describe(old, start, start + q.length);
    const edited = paras.filter((p) => p !== ownPara).join('\n');
    expect(anchor(edited, sel)).toBeNull();
    // One number changed in its own context, the rest intact: still the passage.
    const renumbered = paras.map((p) => (p === ownPara ? p.replace('845', '846') : p)).join('\n');
    const want = at(renumbered, '846人次。各级党组织') + '846人次。各级党组织'.length;
    expect(anchor(renumbered, sel)).toMatchObject({ start: want, end: want + q.length });
  });

  it('does not place a short quote far away on a copy of its sentence whose surroundings differ', () => {
    // The same sentence (one unit apart) stands in another paragraph; past the sentence's own
    // ends nothing around it matches. Its long exact run is the sentence, which copies share.
    const q = '保守党和工党政府';
    const sentence = `由于这七名前外相分别属于以往的${q}，英国媒体渲染道，“这种跨党派的历任要员联署极为罕见”。`;
    const ownPara = `新款手机将在下月发布，麒麟芯片也将商用。${sentence}投资者应当保持理性。`;
    const copy = `报告披露了客户端软件的各类攻击漏洞。${sentence.replace('以往的', '以往')}“人必须对自己负责”。`;
    const paras = [...filler(0, 2), copy, ...filler(2, 12), ownPara, ...filler(14, 3)];
    const old = paras.join('\n');
    const start = at(old, ownPara) + ownPara.indexOf(q);
    const sel = describe(old, start, start + q.length);
    const edited = paras.filter((p) => p !== ownPara).join('\n');
    expect(anchor(edited, sel)).toBeNull();
    // Its own paragraph moved just as far, with the words past its sentence: found.
    const moved = [ownPara, ...paras.filter((p) => p !== ownPara)].join('\n');
    const want = at(moved, sentence) + sentence.indexOf(q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + q.length });
  });

  it('lets placed neighbours choose among copies with the same context, though one scores 1', () => {
    // A block (32 units, quote, 32 units) repeated three times among distinct paragraphs; text
    // deleted before the highlighted copy moves the next copy nearer its old position than its own.
    const block = '学习小组每周二晚上集中学习一次，由支部书记带领大家通读原文，然后分组讨论，每人都要发言，做好笔记，会后整理成简报。';
    const q = '然后分组讨论，每人都要发言';
    const paras = [
      ...filler(0, 3),
      block,
      ...filler(3, 6),
      block,
      '图书室的管理员把新到的书编了目录，方便大家借阅。',
      ...filler(9, 2),
      block,
      ...filler(11, 30),
    ];
    const old = paras.join('\n');
    const start = at(old, block, 1) + block.indexOf(q);
    const own = describe(old, start, start + q.length);
    // Neighbours: the paragraph before the highlighted copy and the one after it.
    const before = old.lastIndexOf('\n', start - block.indexOf(q) - 2) + 1;
    const after = at(old, '图书室的管理员');
    const selectors = [describe(old, before + 2, before + 14), own, describe(old, after + 2, after + 14)];
    const deleted = paras.filter((_, i) => i < 4 || i > 7);
    const edited = deleted.join('\n');
    const want = at(edited, block, 1) + block.indexOf(q);
    const third = at(edited, block, 2) + block.indexOf(q);
    expect(Math.abs(third - start)).toBeLessThan(Math.abs(want - start));
    // Since the seventh round the paragraph after it, which matches the stored words past the
    // edge, chooses it on its own too (before, the old position chose the third copy).
    expect(anchor(edited, own)?.start).toBe(want);
    const found = anchorAll(edited, selectors);
    expect(found[0]).not.toBeNull();
    expect(found[2]).not.toBeNull();
    expect(found[1]).toMatchObject({ start: want, end: want + q.length });
  });

  it('orphans a copy taken on template words when placed neighbours say the passage was elsewhere', () => {
    // The highlighted sentence is deleted; an exact copy stands some paragraphs earlier between
    // sentences of the same shape (other words, no long run). The highlights before and after it
    // moved by different amounts (a block between them was deleted), so no window is certain,
    // but the copy lies outside what both allow: it is not the passage.
    const q = '同时，机关各部门在作风建设方面还存在2个短板，需要健全。';
    const ownPara = `街道社区持续把水利建设同乡村振兴结合起来，做到改进有力、优化有序。${q}以问题为导向，科研团队切实加强民生保障，深化调查研究。`;
    const copyPara = `科研团队主动把人才培养同水利建设结合起来，做到把握有力、健全有序。${q}以问题为导向，县乡两级应当提升民生保障，梳理调查研究。`;
    const n1 = '驻村工作队把群众反映的问题列成清单，逐条研究解决办法。';
    const n2 = '镇里组织青年干部到先进地区学习，回来后写出调研报告。';
    const gone = filler(30, 10);
    const paras = [...filler(0, 10), copyPara, ...filler(10, 12), n1, ...gone, ownPara, n2, ...filler(40, 260)];
    const old = paras.join('\n');
    const own = at(old, ownPara) + ownPara.indexOf(q);
    const selectors = [
      describe(old, at(old, n1) + 2, at(old, n1) + 16),
      describe(old, own, own + q.length),
      describe(old, at(old, n2) + 2, at(old, n2) + 16),
    ];
    const edited = paras
      .filter((p) => !gone.includes(p))
      .map((p) => (p === ownPara ? p.replace(q, '') : p))
      .join('\n');
    // On its own the copy is taken (it is near the old place, as a share of the text) from a
    // selector stored with the five plain fields only (a packet's); with paragraph fingerprints
    // (round 10) the copy's paragraph, unchanged, is known to be another passage's...
    const { exact, prefix, suffix, start, end } = selectors[1]!;
    const plain = { exact, prefix, suffix, start, end };
    expect(anchor(edited, plain)).not.toBeNull();
    expect(anchor(edited, selectors[1]!)).toBeNull();
    const found = anchorAll(edited, selectors);
    expect(found[0]).not.toBeNull();
    expect(found[2]).not.toBeNull();
    expect(found[1]).toBeNull();
    // ...and the passage itself, kept, is found where it is.
    const keptText = paras.filter((p) => !gone.includes(p)).join('\n');
    const want = at(keptText, ownPara) + ownPara.indexOf(q);
    expect(anchorAll(keptText, selectors)[1]).toMatchObject({ start: want, end: want + q.length });
  });
});
