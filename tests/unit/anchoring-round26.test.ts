/**
 * Issue 12 item 4, round 26: the eighth outside bench's wrongs (tests/bench/anchoring-outside8.ts),
 * built by hand. A long read held a page twice (two printings, alike for well over the stored
 * context); a 专题 page then prints an abridged copy of the old text beside the updated article,
 * where a sentence next to the passage was dropped. The new text holds more copies of the quote
 * than the old one did, and the copy of the other printing keeps the context the passage had:
 * context cannot tell them apart, and with copies added the rank cannot either. The passage is
 * not placed on a copy by context alone.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** A page (ours) of three sentences; the highlight is the second, the first is dropped later. */
const LEAD = '县里的职业学校今年开设了电工和烹饪两个新专业，报名的初中毕业生排起了长队。';
const QUOTE = '校长说，学校会同本地企业签订用工协议，让学生毕业就能上岗。';
const TAIL = '不少家长听完介绍当场就给孩子报了名，说这下心里踏实了。';
const PAGE = LEAD + QUOTE + TAIL;

suite('a page printed twice in a long read, then a 专题 with an abridged copy', () => {
  const [a, b, c, d, e, f, x, y] = filler(0, 8);
  const old = [a, b, x, PAGE, y, c, d, x, PAGE, y, e, f].join('\n');
  // The passage: the quote in the page's second printing (rank 1 of 2 copies).
  const start = at(old, QUOTE, 1);
  const sel = describe(old, start, start + QUOTE.length);

  it('leaves the passage an orphan rather than on another printing that kept its old context', () => {
    const updated = [a, b, x, PAGE, y, c, d, x, QUOTE + TAIL, y, e, f].join('\n');
    const abridged = [a, x, PAGE, y, d, f].join('\n');
    const neu = ['专题：职业教育', abridged, '相关报道', updated].join('\n');
    // Three copies now (the old code chose the updated article's first printing), two of them with
    // the passage's old context word for word, the true one (the last) with less: no sure
    // neighbour in this batch says which is the passage's.
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('keeps a placement on the true copy that the sure neighbour after it moved with (none before: the text starts there)', () => {
    const long = filler(20, 90).join('\n');
    const old4 = [x, PAGE, y, c, long, d, x, PAGE, y, e, f].join('\n');
    // The quote in the page's first printing, at the text's head (rank 0 of 2 copies).
    const s4 = at(old4, QUOTE);
    const updated = [x, PAGE, y, c, long, d, x, QUOTE + TAIL, y, e, f].join('\n');
    const neu = [updated, '相关报道', [x, PAGE, y, d].join('\n')].join('\n');
    const cStart = at(old4, c!);
    const batch = [describe(old4, s4, s4 + QUOTE.length), describe(old4, cStart, cStart + 12)];
    const placed = anchorAll(neu, batch);
    expect(placed[1]?.start).toBe(at(neu, c!));
    expect(placed[0]?.start).toBe(at(neu, QUOTE));
  });

  it('still places the passage when its own context sets it apart from the added copy', () => {
    // The page's second printing carries its own lead: its context differs from the first's.
    const own = '市里的职业学校也在扩招，新增了护理和汽修两个专业，咨询电话一天响个不停。';
    const old2 = [a, b, PAGE, c, d, own + QUOTE + TAIL, e, f].join('\n');
    const s2 = at(old2, QUOTE, 1);
    const sel2 = describe(old2, s2, s2 + QUOTE.length);
    const neu = ['专题：职业教育', [a, PAGE, d].join('\n'), '相关报道', old2].join('\n');
    const placed = anchorAll(neu, [sel2])[0];
    expect(placed?.start).toBe(neu.lastIndexOf(QUOTE));
  });
});
