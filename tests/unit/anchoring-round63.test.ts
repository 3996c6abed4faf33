/**
 * Issue 12 item 4, round 63 (anchor27b). A pull quote (■ and a paragraph's words) set near its
 * source paragraph is taken for a restatement, and of the two the paragraph nearer the old one in
 * size is the passage (copies.ts likestParagraph). A unit dropped in the source (an OCR pass) and
 * the ■ added to the pull quote made the pull quote the nearer: the passage went there although
 * its stored prefix ran on past its paragraph's break into the previous paragraph's words, which
 * only the source has beside it (pastedge.ts). And a 结语 added at the end restating the last
 * sentence word for word inside a paragraph of its own words: the text's end, which a passage that
 * closed the old text is read by, then says nothing while the old last paragraph stands whole
 * (edgerestated.ts). Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

const BEFORE = filler(0, 4);
const AFTER = filler(4, 4);
const LEAD = '村民们说，修路这件事，关键在于村委会和施工队之间的协商。';
const RULE_OLD = '通常的做法是，对于小路段，会先垫付三成到四成的费用；对于跨村的干道，则要县里一次拨足专项资金。';
// One unit dropped inside the paragraph (四成 → 成), as an OCR pass does.
const RULE_NEW = '通常的做法是，对于小路段，会先垫付三成到成的费用；对于跨村的干道，则要县里一次拨足专项资金。';

suite('a source paragraph edited by one unit, its pull quote set apart with ■ (pastedge.ts)', () => {
  const old = [...BEFORE, LEAD, RULE_OLD, ...AFTER].join('\n');
  const neu = [...BEFORE, LEAD, RULE_NEW, AFTER[0], `■ ${RULE_NEW}`, ...AFTER.slice(1)].join('\n');

  it('keeps the passage in the paragraph that still follows its old neighbour, not on the pull quote', () => {
    const s = sel(old, '对于小路段');
    const want = at(neu, '对于小路段');
    expect(anchor(neu, s)).toMatchObject({ start: want, end: want + 5 });
    expect(anchorAll(neu, [s])[0]).toMatchObject({ start: want, end: want + 5 });
  });

  it('still takes the source when the ■ pull quote stands right after it, reading the next paragraph', () => {
    // A S ■S B, a note set on top: the source reads the stored prefix past its edge (A), the pull
    // quote the suffix (B): neither side tells, and the pull quote is the restatement.
    const a = '海外网友纷纷表示：这才是真实美好的乡村。';
    const said = '“看到村里老人在广场上如此开心，真的有点小羡慕啊。”';
    const b = '“如果你去乡村旅行，你会发现每一个村子都至少有一座这么大的广场，正如视频中所说的那样。”';
    const was = [...BEFORE, a, said, b, ...AFTER].join('\n');
    const now = ['编者按：本文转自网友投稿。', ...BEFORE, a, said, `■ ${said}`, b, ...AFTER].join('\n');
    const s = sel(was, '点小');
    const want = at(now, '点小');
    expect(anchorAll(now, [s])[0]).toMatchObject({ start: want, end: want + 2 });
  });

  it('still takes the source paragraph when a pull quote set apart restates a longer one', () => {
    // Near case kept: the passage's paragraph unedited, the pull quote one sentence of it.
    const long = `${RULE_OLD}施工期间，村里安排志愿者轮流维持秩序。`;
    const was = [...BEFORE, LEAD, long, ...AFTER].join('\n');
    const now = [...BEFORE, LEAD, long, AFTER[0], `■ ${RULE_OLD}`, ...AFTER.slice(1)].join('\n');
    const s = sel(was, '对于小路段');
    const want = at(now, '对于小路段');
    expect(anchorAll(now, [s])[0]).toMatchObject({ start: want, end: want + 5 });
  });
});

const CLOSING = '温馨提示：本周全县山区道路仍有结冰，夜间气温持续走低，过往车辆请减速慢行，驾驶员要注意行车安全。';

suite('the last sentence restated at the end of an added 结语 (edgerestated.ts)', () => {
  const old = [...BEFORE, LEAD, CLOSING].join('\n');

  it('leaves the closing passage an orphan rather than take the 结语’s copy at the text’s end', () => {
    const neu = [...BEFORE, LEAD, CLOSING, `结语：本周气温偏低，各村要提前做好防寒准备。${CLOSING}`].join('\n');
    const s = sel(old, '要注意行车安全。');
    expect(anchorAll(neu, [s])[0]).toBeNull();
    expect(anchor(neu, s)).toBeNull();
  });

  it('still takes the copy that closes the text when the closing paragraph itself was printed twice', () => {
    const neu = [...BEFORE, LEAD, CLOSING, CLOSING].join('\n');
    const s = sel(old, '要注意行车安全。');
    const want = at(neu, '要注意行车安全。', 1);
    expect(anchorAll(neu, [s])[0]).toMatchObject({ start: want, end: want + 8 });
  });
});
