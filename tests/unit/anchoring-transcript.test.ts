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

suite('a transcript cleaned up: fillers dropped, doubled words said once, pauses written as ，', () => {
  const [a, b, c, d] = filler(4, 4) as [string, string, string, string];
  const SPOKEN = '嗯，这条小河有一段流经老街，然后呢，下游还有还有两座石桥 那个 桥边常有人钓鱼 ';
  const CLEAN = '这条小河有一段流经老街，下游还有两座石桥，桥边常有人钓鱼。';
  const old = [a, b, SPOKEN, c, d].join('\n');
  const neu = [a, b, CLEAN, c, d].join('\n');
  const place = (quote: string) => {
    const start = at(old, quote);
    const placed = anchorAll(neu, [describe(old, start, start + quote.length)])[0];
    return placed ? neu.slice(placed.start, placed.end) : null;
  };

  it('places a clause whose filler went from its head', () => {
    expect(place('然后呢，下游还有还有两座石桥')).toBe('下游还有两座石桥');
  });

  it('places a paragraph head whose filler went', () => {
    expect(place('嗯，这条小河有一段')).toBe('这条小河有一段');
  });

  it('places words said twice in a row, said once', () => {
    expect(place('还有还有')).toBe('还有');
  });

  it('places a passage across a filler and pauses written back as ，', () => {
    expect(place('两座石桥 那个 桥边常有人')).toBe('两座石桥，桥边常有人');
  });

  it('leaves it an orphan where the cleaned words stand twice with the same neighbours', () => {
    const twice = [a, b, CLEAN, c, d, a, b, CLEAN, c].join('\n');
    const start = at(old, '然后呢，下游还有还有两座石桥');
    expect(anchorAll(twice, [describe(old, start, start + 14)])[0]).toBeNull();
  });

  it('does not place what is left when most of the passage went', () => {
    expect(place('然后呢，下游')).toBeNull();
  });
});

suite('a cleaned-up passage keeps its own edge marks', () => {
  it('places a passage opening on a comma over that comma', () => {
    const [a, b] = filler(1, 2) as [string, string];
    const old = [a, '这条小河有一段流经老街，然后呢，下游还有还有两座石桥 桥边常有人钓鱼 ', b].join('\n');
    const neu = [a, '这条小河有一段流经老街，下游还有两座石桥，桥边常有人钓鱼。', b].join('\n');
    const quote = '，下游还有还有两座石桥';
    const start = at(old, quote);
    const placed = anchorAll(neu, [describe(old, start, start + quote.length)])[0];
    expect(placed && neu.slice(placed.start, placed.end)).toBe('，下游还有两座石桥');
  });
});

suite('a speaker named before a colon is no filler', () => {
  it('does not drop 某某说： from a passage as a spoken clause', () => {
    const [a, b] = filler(2, 2) as [string, string];
    const LINE = '今年的早稻比去年多收了两成，晒场上堆得满满当当。';
    const old = [a, `周梅说：“${LINE}”`, b].join('\n');
    // The revision moved the attribution behind the quotation and another print keeps a lead-in.
    const neu = [a, `周梅表示，${LINE}`, b, a, `“${LINE}”周梅说。`, b].join('\n');
    const quote = `周梅说：“${LINE.slice(0, 13)}`;
    const start = at(old, quote);
    expect(anchorAll(neu, [describe(old, start, start + quote.length)])[0]).toBeNull();
  });
});
