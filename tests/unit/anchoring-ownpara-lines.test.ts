/**
 * Issue 12 item 4: where the two last-resort passes for orphans must refuse (ownpara.ts, lines.ts),
 * built by hand with our own text. A paragraph placed by its own words is in doubt when a near copy
 * of it stands elsewhere (a pasted duplicate, the original then edited in the quote); lines inside a
 * sentence (a print page's number and running header) are not a block put between sentences.
 */
import { describe as suite, expect, it } from 'vitest';
import { documentFor } from '../../shared/anchoring/doc';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { ownParagraphPlace } from '../../shared/anchoring/ownpara';
import { at, filler } from './helpers/anchoring-text';

suite('ownpara.ts: a near copy of the own paragraph elsewhere', () => {
  const own = '近日，“青山湖湿地公园开园倒计时30天”发布会召开，园区管理处介绍了游览线路和预约办法。';
  const paras = filler(0, 8);
  const old = ['本报讯', ...paras.slice(0, 3), own, ...paras.slice(3)].join('\n');
  const quote = '“青山湖湿地公园开园倒计时30天”';
  const sel = describe(old, at(old, quote), at(old, quote) + quote.length);

  it('leaves an orphan when the paragraph was pasted elsewhere and its original edited in the quote', () => {
    const edited = own.replace('湿地公园开园', '湿地景区整体');
    // The original keeps its neighbours; the copy stands among others, its own paragraph whole.
    const neu = ['本报讯', ...paras.slice(0, 3), edited, ...paras.slice(3, 5), own, ...paras.slice(5)].join('\n');
    expect(neu.split(quote).length).toBe(2);
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });
});

suite('lines.ts: lines inside a sentence are not an inserted block', () => {
  const P = '救援队员后来告诉家属，洞里的水流并不像预想中那样大。两边都是石头和干燥的地方，大家松了一口气。';
  const old = [...filler(0, 2), P, ...filler(2, 2)].join('\n');
  const span = (phrase: string) => describe(old, at(old, phrase), at(old, phrase) + phrase.length);

  it('leaves an orphan when a page break with its number and running header parts the sentence', () => {
    const neu = old.replace('预想中那样', '预想中\n— 7 —\n村里的新变化\n那样');
    expect(anchorAll(neu, [span('水流并不像预想中那样大')])[0]).toBeNull();
  });

  it('still spans lines put at a sentence end inside the passage', () => {
    const neu = old.replace('那样大。', '那样大。\n— 广告 —\n相关阅读：村里的新变化\n');
    const placed = anchorAll(neu, [span('那样大。两边都是石头')])[0];
    expect(placed).toMatchObject({ start: at(neu, '那样大。'), end: at(neu, '两边都是石头') + 6 });
  });
});

suite('lines.ts: an old copy of the quote with the same context beside it', () => {
  const P = '“请帮帮我”纸条。派出所民警随即赶到现场，把孩子安全接出。';
  const old = [P, ...filler(0, 2), `民警赶到后排查可疑线索`, P, ...filler(2, 2)].join('\n');
  const quote = '“请帮帮我”纸条。派出所';

  it('leaves an orphan when the other copy is the one parted by inserted lines', () => {
    // A brief: a label on top, the lead cut to its first sentence; the later copy parted by a line
    // put at its sentence end.
    const neu = [
      '【简讯】“请帮帮我”纸条。',
      ...filler(0, 2),
      '民警赶到后排查可疑线索',
      P.replace('纸条。', '纸条。\n（扫码关注 获取更多资讯）\n'),
      ...filler(2, 2),
    ].join('\n');
    expect(anchorAll(neu, [describe(old, 0, quote.length)])[0]).toBeNull();
  });
});

suite("ownpara.ts: a passage at the text's very end", () => {
  const L = '对拒不配合检查组现场核查工作的，依照规定严肃处理；';
  const paras = filler(0, 10);
  const old = ['本报讯', ...paras.slice(0, 8), paras[9], L].join('\n');
  const quote = '严肃处理；';
  const sel = describe(old, old.length - quote.length, old.length);
  // The paragraph's words stand in the middle among other neighbours; the text's end is other.
  const neu = ['本报讯', paras[2], paras[0], L, paras[1], ...paras.slice(3, 8)].join('\n');

  it('is not placed by its own paragraph words found elsewhere: the end is where a revision cuts or appends, and where a printed-twice section ends alike', () => {
    // A selector that does not say its own words were its alone in the old text (stored before ownCopies).
    const stored = { ...sel };
    delete stored.ownCopies;
    expect(ownParagraphPlace(documentFor(neu), stored)).toBeNull();
    // A section printed twice: the last line stood in the middle too, so its own words were not its alone.
    const twice = ['本报讯', ...paras.slice(0, 4), L, ...paras.slice(4, 8), paras[9], L].join('\n');
    const twiceSel = describe(twice, twice.length - quote.length, twice.length);
    expect(twiceSel.ownCopies).toBe(1);
    expect(ownParagraphPlace(documentFor(neu), twiceSel)).toBeNull();
    // The same paragraph inside the text (its context not cut by the edge) is still placed by it.
    const inner = ['本报讯', ...paras.slice(0, 8), paras[9], L, paras[8]].join('\n');
    const innerSel = describe(inner, at(inner, quote), at(inner, quote) + quote.length);
    expect(ownParagraphPlace(documentFor(neu), innerSel)).not.toBeNull();
  });
});
