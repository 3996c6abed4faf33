/**
 * Issue 12 item 4, round 22: the seventh outside bench's wrongs (tests/bench/anchoring-outside7.ts),
 * built by hand. A short passage (a date, a number) is told from its copies by the words of its
 * own paragraph beside it, not by the paragraphs around it: when those words stand elsewhere, the
 * placement beside other words is on another copy and must be an orphan (ownside.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, FILLER } from './helpers/anchoring-text';

/** Timeline entries, ours: dates repeat, as in a diary of a few busy days. */
const ENTRIES = [1, 0, 0, 1, 0].map((d, i) => `${['3月18日', '3月21日'][d]}，${FILLER[[1, 6, 11, 4, 9][i] as number]}`);

suite('the dates of a timeline reversed newest-first', () => {
  const head = '本报综合报道：这是一条时间线。';
  const old = [head, ...ENTRIES].join('\n');
  const starts = ENTRIES.map((e) => old.indexOf(e));
  const selectors = starts.map((s) => describe(old, s, s + 5));

  it('places no date on another entry of the same date (the one now after its old neighbour)', () => {
    const neu = [head, ...[...ENTRIES].reverse().map((p) => p.replace('日，', '日：'))].join('\n');
    const placed = anchorAll(neu, selectors);
    placed.forEach((a, i) => {
      if (a) expect(neu.slice(a.end + 1, a.end + 1 + ENTRIES[i]!.length - 6)).toBe(ENTRIES[i]!.slice(6));
    });
    // The last entry's date: its old neighbour (an entry of the same date) is now followed by another 3月18日.
    expect(placed[4]).toBeNull();
    expect(anchor(neu, selectors[4]!)).toBeNull();
  });

  it('still finds the dates when the entries stayed and only the colon changed', () => {
    const neu = [head, ...ENTRIES.map((p) => p.replace('日，', '日：'))].join('\n');
    expect(anchorAll(neu, selectors).map((a) => a?.start)).toEqual(starts);
  });
});

suite('a month dropped from a date', () => {
  const paras = [FILLER[5] as string, `11月11日，${FILLER[6]}`, FILLER[7] as string];
  const old = paras.join('\n');
  const start = at(old, '11月');
  const sel = describe(old, start, start + 2);

  it('leaves the month "11" an orphan, not on the day\'s "11" left beside its words', () => {
    const neu = old.replace('11月11日', '11日');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
    expect(anchor(neu, sel)).toBeNull();
  });

  it('still finds the day when a clause was inserted after the date in its own paragraph', () => {
    const day = start + 3;
    const daySel = describe(old, day, day + 3);
    const neu = old.replace('11月11日，', '11月11日，据悉，在这一天，');
    expect(anchorAll(neu, [daySel])[0]).toMatchObject({ start: day, end: day + 3 });
  });
});

suite('a paragraph parted by an advert block', () => {
  const P = '科学技术是打开未来之门的钥匙，是推动人类文明进步的灯塔。现在我们正在迎来新一轮的科技革命，各国都在加紧布局。';
  const old = [FILLER[0], P, FILLER[1]].join('\n');
  const cut = at(old, '现在我们');
  const block = '\n相关阅读：\n专家解读｜三个关键词\n数据说话｜新变化\n现场直击｜背后的逻辑\n';
  const neu = old.slice(0, cut) + block + old.slice(cut);

  it('still finds the words before and after the block, their own context past it', () => {
    for (const q of ['灯塔。', '现在我们']) {
      const start = at(old, q);
      const want = at(neu, q);
      expect(anchorAll(neu, [describe(old, start, start + q.length)])[0]).toMatchObject({ start: want, end: want + q.length });
    }
  });
});
