/**
 * Issue 12 item 4, the ninth outside bench's transcript kind, built by hand: a speech-to-text
 * transcript cleaned up (fillers 嗯，/那个， dropped, spaces written back as ，).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('a look-alike edited into the quote while the passage was edited away from it', () => {
  // Two prints of one story in one article (two sources carried it); one print heard the comma
  // after the filler as a space.
  const [a, b, c, d] = filler(0, 4) as [string, string, string, string];
  const LINE = '湖边那排木屋今年夏天重新开放，预订已经排到九月。';
  const QUOTE = `嗯，${LINE.slice(0, 14)}`;
  const printA = [a, `嗯，${LINE}`, b].join('\n');
  const printB = [a, `嗯 ${LINE}`, b].join('\n');
  const old = [printA, c, printB, d].join('\n');
  const start = at(old, QUOTE);
  const sel = describe(old, start, start + QUOTE.length);

  it('records the other print as a look-alike', () => {
    expect(sel.nearErrors).toBe(1);
  });

  it('leaves it an orphan when the other print now reads as the quote and its own lost the filler', () => {
    const neu = [[a, LINE, b].join('\n'), c, [a, `嗯，${LINE}`, b].join('\n'), d].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places it on its own words while the other print keeps its space', () => {
    const neu = [printA, c.replace('四十多户', '五十多户'), printB, d].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed).not.toBeNull();
    expect(placed!.start).toBe(at(neu, QUOTE));
  });
});
