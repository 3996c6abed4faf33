/**
 * Issue 12 item 4, twelfth round (c): a passage the old text held more than once keeps its rank
 * among the copies (the twin-after-edit class of tests/bench/anchoring-outside3.ts), built by
 * hand on our own short texts.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** A short report a long page prints twice (a story reprinted further down). */
const STORY = [
  '新港口将于十一月十七日正式开放，可停靠目前世界上最大的邮轮，年通过能力七十五万人次。',
  '航站楼距离地铁站约五百米，旅客下车后步行即可到达登船大厅。',
  '首批开通的四条航线前往周边国家，船票已在网上开始预订。',
];
const QUOTES = ['正式开放', '步行即可到达', '开通的四条航线'];
const OLD = [...filler(0, 3), ...STORY, ...filler(3, 30), ...STORY, ...filler(33, 3)].join('\n');

/** Highlights on every quote of the k-th printing of the story. */
function highlights(k: number): TextSelector[] {
  return QUOTES.map((q) => describe(OLD, at(OLD, q, k), at(OLD, q, k) + q.length));
}

/** Look-alike misreadings (日 → 曰, 后 → 启; not 後, its traditional form, which compares as 后) next to two quotes of the k-th printing only. */
function misread(k: number): string {
  let text = OLD;
  for (const [from, to] of [
    ['十七日', '十七曰'],
    ['下车后', '下车启'],
  ] as const) {
    const i = at(text, from, k);
    text = text.slice(0, i) + to + text.slice(i + from.length);
  }
  return text;
}

/** Where each highlight landed, or null. */
function starts(text: string, selectors: TextSelector[]): (number | null)[] {
  return anchorAll(text, selectors).map((a) => a?.start ?? null);
}

suite('the k-th copy stays the k-th copy', () => {
  it('records how many copies stood before the passage', () => {
    expect(highlights(1)[0]).toMatchObject({ copies: 1, copyRank: 1 });
    expect(highlights(0)[0]).toMatchObject({ copies: 1, copyRank: 0 });
  });

  for (const k of [0, 1]) {
    it(`keeps printing ${k + 1}'s highlights there when its words beside them were misread, the other printing untouched`, () => {
      const neu = misread(k);
      const placed = starts(neu, highlights(k));
      // The other printing keeps the stored context whole; the count of each quote is unchanged.
      expect(placed[1]).toBe(at(neu, QUOTES[1]!, k));
      expect(placed[2]).toBe(at(neu, QUOTES[2]!, k));
      // The first quote's own context lost a unit right beside it: an orphan or its own place.
      expect([null, at(neu, QUOTES[0]!, k)]).toContain(placed[0]);
    });

    it(`leaves the untouched printing's highlights on it (printing ${2 - k} misread)`, () => {
      const neu = misread(k);
      expect(starts(neu, highlights(1 - k))).toEqual(QUOTES.map((q) => at(neu, q, 1 - k)));
    });
  }

  it('does not put a highlight on the other printing when its own sentence was rewritten around it', () => {
    const k = 1;
    const neu = misread(k).replace(
      /航站楼距离地铁站约五百米，旅客下车启(步行即可到达)登船大厅。/,
      '据悉，该线路乘客$1的站台定在下月启用。',
    );
    expect(neu.split(QUOTES[1]!).length - 1).toBe(2);
    const placed = starts(neu, highlights(k));
    expect(placed[1]).not.toBe(at(neu, QUOTES[1]!, 0));
  });

  it('does not apply when the count changed: a third printing appended leaves the choice to the context', () => {
    const neu = misread(1) + '\n' + STORY.join('\n');
    const placed = starts(neu, highlights(1));
    for (const [i, q] of QUOTES.entries()) expect([null, at(neu, q, 1)]).toContain(placed[i]);
  });
});

/** A paragraph whose last sentence a later edition also sets on its own as a pull quote. */
const LEAD = '今年前三季度，全县农产品网上销售额稳步上升，合作社带动三百多户农民增收。';
const LINE =
  '由此带来的收入增长在各乡镇之间也更加均衡，山区乡镇的增幅尤为明显，全县农民人均收入创下十年来的新高，全年预计达到三千二百万元，比上年多出将近四成。';
const BODY = [...filler(0, 3), LEAD + LINE, ...filler(3, 4)].join('\n');
const CLAUSE = '创下十年来的新高';

suite('a pull quote is new text', () => {
  const sel = describe(BODY, at(BODY, CLAUSE), at(BODY, CLAUSE) + CLAUSE.length);

  it('records the size of the passage’s old paragraph, and that the quote was there once', () => {
    expect(sel).toMatchObject({ copies: 0, paraLength: expect.any(Number) });
  });

  it('keeps the passage in its paragraph when its sentence is set again right after it, with a mark', () => {
    // The copy sits where the source's old suffix went on: its context is the better one.
    const neu = BODY.replace(LEAD + LINE + '\n', LEAD + LINE + '\n■ ' + LINE + '\n');
    expect(anchorAll(neu, [sel, ...highlightsAround(BODY)])[0]).toMatchObject({ start: at(neu, CLAUSE, 0) });
  });

  it('keeps a one-sentence paragraph’s passage there when it is set again right after it, with a mark', () => {
    const body = [...filler(0, 3), LEAD, LINE, ...filler(3, 4)].join('\n');
    const one = describe(body, at(body, CLAUSE), at(body, CLAUSE) + CLAUSE.length);
    const neu = body.replace(LINE + '\n', LINE + '\n■ ' + LINE + '\n');
    expect(anchorAll(neu, [one, ...highlightsAround(body)])[0]).toMatchObject({ start: at(neu, CLAUSE, 0) });
  });

  it('keeps a one-sentence paragraph’s passage there when a summary on top repeats it among other sentences', () => {
    const own = describe(BODY, at(BODY, filler(1, 1)[0]!), at(BODY, filler(1, 1)[0]!) + 8);
    const summary = '内容提要：' + filler(1, 1)[0]! + LINE;
    const neu = summary + '\n' + BODY;
    const placed = anchorAll(neu, [own])[0];
    expect(placed?.start).toBe(at(neu, filler(1, 1)[0]!, 1));
  });

  it('leaves a paragraph printed twice, marks and all, to the other rules', () => {
    // Not a restatement: nothing says which printing is new, so the rule stays out.
    const neu = BODY.replace(LEAD + LINE + '\n', LEAD + LINE + '\n' + LEAD + LINE + '\n');
    const placed = anchorAll(neu, [sel])[0];
    expect([null, at(neu, CLAUSE, 0), at(neu, CLAUSE, 1)]).toContain(placed?.start ?? null);
  });
});

/** Highlights on the filler paragraphs around the passage, as a reader's other highlights. */
function highlightsAround(text: string): TextSelector[] {
  return [filler(1, 1)[0]!, filler(4, 1)[0]!].map((p) => describe(text, at(text, p) + 2, at(text, p) + 10));
}
