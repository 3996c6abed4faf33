/**
 * Issue 12 item 4: a passage whose own paragraph an edit made read as another passage's old
 * paragraph (likeother.ts), built by hand with our own text: a speech turned into a summary drops
 * 同志们， before a line that a photo caption elsewhere repeats word for word.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('likeother.ts: the own paragraph edited into a copy of a caption', () => {
  const line = '码头新建的候船大厅已经投入使用';
  const paras = filler(0, 8);
  const old = [
    '同志们：',
    paras[0],
    line, // a photo caption repeating the line word for word
    paras[1],
    paras[2],
    `同志们，${line}`,
    paras[3],
    paras[4],
    paras[5],
  ].join('\n');
  const own = at(old, line, 1);
  const sel = describe(old, own, own + line.length);
  // The summary: the salutation dropped, 他指出， before the next paragraph.
  const summary = old.replace('同志们：\n', '').replace(`同志们，${line}`, line).replace(paras[3]!, `他指出，${paras[3]}`);

  it('places the passage on its own paragraph, not refused as the caption', () => {
    expect(sel.copies).toBe(1);
    expect(sel.others?.length).toBeGreaterThan(0);
    const placed = anchorAll(summary, [sel])[0];
    expect(placed).toMatchObject({ start: at(summary, line, 1), end: at(summary, line, 1) + line.length });
  });

  it('leaves an orphan when the own paragraph went and only the caption is left', () => {
    const gone = summary.replace(`\n${line}\n他指出，`, '\n他指出，');
    expect(gone.split(line).length).toBe(2);
    expect(anchorAll(gone, [sel])[0]).toBeNull();
  });

  it('leaves an orphan when the edited paragraph moved among other neighbours (its context no better than the caption’s)', () => {
    const moved = [paras[0], line, paras[1], paras[2], `他指出，${paras[3]}`, paras[4], line, paras[5]].join('\n');
    expect(anchorAll(moved, [sel])[0]).toBeNull();
  });
});
