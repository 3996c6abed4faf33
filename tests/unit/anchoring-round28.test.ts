/**
 * Issue 12 item 4, round 28: the seventh outside bench's wrongs of its speech and timeline kinds
 * (tests/bench/anchoring-outside7.ts), built by hand in our own words.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('a span over a break of a timeline whose entries of one date were reversed (clauses.ts)', () => {
  // A list of cases, each entry led by its date; three entries share a date.
  const entries = [
    ['11月2日', '（一）未按时上交账目材料的；'],
    ['11月15日', '（二）隐瞒真实情况，拒不说明问题的；'],
    ['11月15日', '（三）转移或者销毁会计凭证的；'],
    ['11月15日', '（四）威胁举报人和证人的；'],
    ['11月19日', '（五）其他妨碍调查的行为。'],
  ] as const;
  const [a, b] = filler(0, 2);
  const old = [a, ...entries.map(([d, w]) => `${d}，${w}`), b].join('\n');
  // The span: the end of entry (二) and the date of entry (三), over the break between them.
  const quote = '拒不说明问题的；\n11月15日，';
  const start = at(old, quote);
  const sel = describe(old, start, start + quote.length);

  it('leaves the span an orphan rather than on the other entry of its date joined with the first piece', () => {
    // Newest first, the date's ， restyled to ：. The sentence of entry (二) now holds both the
    // span's clauses (its own date 11月15日 and 拒不说明问题的), but that date is entry (二)'s, not
    // (三)'s: without the rule, 11月15日：（二）隐瞒真实情况，拒不说明问题的； was taken.
    const reversed = [...entries].reverse().map(([d, w]) => `${d}：${w}`);
    const neu = [a, '11月22日，李明表示，相关工作仍在推进中。', ...reversed, b].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places a passage of whole clauses moved inside its one sentence', () => {
    const line = '会上，各村汇报了进展，合作社介绍了账目，驻村干部讲了下一步打算。';
    const old2 = [a, line, b].join('\n');
    const q = '合作社介绍了账目';
    const s2 = at(old2, q);
    const moved = '会上，合作社介绍了账目，各村汇报了进展，驻村干部讲了下一步打算。';
    const neu = [a, moved, b].join('\n');
    const placed = anchorAll(neu, [describe(old2, s2, s2 + q.length)])[0];
    expect(placed && neu.slice(placed.start, placed.end)).toBe(q);
  });
});

suite('a list line of a page printed twice, led in by a speech summary (ledin.ts)', () => {
  const ask = '问题来了，去新码头怎样坐地铁登船？';
  const route = '码头航站楼登船路线抢先看';
  const line = '★一号、二号入口可通往出发大厅，一楼办手续二楼候船，走过廊道即可登船';
  const next = '十一月启航：新码头开通四条航线，前往海岛和邻近港口';
  const page = (lead: string, own: string) => [ask, lead + route, own + line, next];
  const [x, y, z] = filler(3, 3);
  // The old text (a speech) held the page twice; a sentence of the first printing began 我想强调的是，.
  const old = [x, ...page('我想强调的是，', ''), y, ...page('', ''), z].join('\n');
  // The passage: the list line in the second printing.
  const start = at(old, line, 1);
  const sel = describe(old, start, start + line.length);

  it('does not take the other printing, whose context the summary made alike, for the passage led in', () => {
    // The summary: 我想强调的是， → 他强调， at the first printing, 他指出， before the passage's ★.
    const neu = [x, ...page('他强调，', ''), y, ...page('', '他指出，'), z].join('\n');
    // Without the rule: the first printing's line (one exact copy left, three units more of the
    // context than it had), the wrong words.
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still takes the copy left when the passage’s other printing lost that line and no led-in copy has its context', () => {
    // The first printing's list line deleted; a 导读 at the top quotes the line led in, without its context.
    const neu = ['导读：他指出，' + line, x, ask, '他强调，' + route, next, y, ...page('', ''), z].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed?.start).toBe(at(neu, line, 1));
  });
});

suite('a date of a reversed timeline whose new top entry holds it inside a longer number (ownpara.ts)', () => {
  const words = filler(0, 6).map((p) => p.replace(/（第\d+段）/u, ''));
  const dates = ['2月3日', '2月5日', '2月8日', '2月11日', '2月14日', '2月17日'];
  const [a] = filler(8, 1);
  const old = [a, ...words.map((w, i) => `${dates[i]}，${w}`)].join('\n');
  // The passage: the month of the fourth entry's date.
  const start = at(old, '2月11日');
  const sel = describe(old, start, start + 2);
  const reversed = words.map((w, i) => `${dates[i]}：${w}`).reverse();

  it('places the month in its entry though the new top entry dated 12月 holds 2月 once more', () => {
    const neu = [a, '12月29日：刘海燕表示，相关工作仍在推进中。', ...reversed].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed?.start).toBe(at(neu, '2月11日'));
  });

  it('places it too when the new entry gained a copy of the month itself, none of its own words beside it (anchor27c)', () => {
    // Until session 27 an orphan: any gained copy put the entry in doubt. 2月29日 has none of the
    // entry's own nearest words (11日) beside its month, so it is new words, not a reprint; a gained
    // copy with them beside it still leaves the passage in doubt (anchoring-round65.test.ts).
    const neu = [a, '2月29日：刘海燕表示，相关工作仍在推进中。', ...reversed].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, '2月11日'));
  });
});
