/**
 * Issue 12 item 4: a passage whose own paragraph moved whole (a timeline reversed newest-first)
 * and whose quote repeats, placed by its own paragraph's words when describe() saw those words
 * nowhere else in the old text (`ownCopies` 0, ownpara.ts), built by hand with our own text: a
 * section printed twice under other dates, a last line; a short template line is still refused.
 */
import { describe as suite, expect, it } from 'vitest';
import { documentFor } from '../../shared/anchoring/doc';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { ownParagraphPlace } from '../../shared/anchoring/ownpara';
import { at, filler } from './helpers/anchoring-text';

/** A timeline reversed: the first line kept on top, the entries newest first, each date's ， made ：. */
function reversed(text: string): string {
  const [head, ...entries] = text.split('\n');
  return [head, ...entries.reverse().map((p) => p.replace(/^(\d+月\d+日)，/u, '$1：'))].join('\n');
}

const dated = (date: string, p: string) => `${date}，${p}`;

suite('ownCopies: a section the old text held twice under other dates', () => {
  // The same two questions under 3月 and under 5月: the quote and most of its context repeat.
  const Q = '央行现在应该做什么？';
  const R = '如果需求继续放缓，各国央行都将被迫出手。';
  const paras = filler(0, 6);
  const old = [
    '年度观察',
    dated('3月1日', paras[0]!),
    dated('3月5日', Q),
    dated('3月7日', R),
    dated('3月9日', paras[1]!),
    dated('4月2日', paras[2]!),
    dated('5月5日', Q),
    dated('5月7日', R),
    dated('5月9日', paras[3]!),
  ].join('\n');
  const quote = '央行现在';

  it('places the quote of the first section in its own entry after the reversal', () => {
    const sel = describe(old, at(old, quote), at(old, quote) + quote.length);
    // The other copy had as much context beside it as the own paragraph's words: the old rule refused.
    expect(sel.copies).toBe(1);
    expect(sel.copyContext).toBeGreaterThanOrEqual(sel.exact.length + 5);
    expect(sel.ownCopies).toBe(0);
    const neu = reversed(old);
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start: at(neu, `3月5日：${quote}`) + 5, end: at(neu, `3月5日：${quote}`) + 9 });
  });

  it('leaves an orphan when the two entries bore the same date (the own words were not the passage’s alone)', () => {
    const same = old.replace('5月5日', '3月5日');
    const sel = describe(same, at(same, quote), at(same, quote) + quote.length);
    expect(sel.ownCopies).toBe(1);
    expect(ownParagraphPlace(documentFor(reversed(same)), sel)).toBeNull();
  });

  it('leaves an orphan for a selector stored before ownCopies existed', () => {
    const sel = describe(old, at(old, quote), at(old, quote) + quote.length);
    delete sel.ownCopies;
    expect(ownParagraphPlace(documentFor(reversed(old)), sel)).toBeNull();
  });
});

suite('ownCopies: a short whole line is not told by its words alone', () => {
  // A table's header line, held once: the revision drops that table and writes another under the same header.
  const paras = filler(2, 6);
  const head = '序号\t事项\t说明';
  const old = ['工作安排', paras[0], head, '1\t春耕\t走访农户', paras[1], paras[2], paras[3]].join('\n');

  it('leaves an orphan on the new table whose header reads the same', () => {
    const sel = describe(old, at(old, head), at(old, head) + head.length);
    expect(sel.ownCopies).toBe(0);
    const neu = ['工作安排', paras[0], paras[1], head, '1\t夜校\t周二讲种植技术', paras[2], paras[3]].join('\n');
    expect(ownParagraphPlace(documentFor(neu), sel)).toBeNull();
  });
});

suite("ownCopies: the text's last line moved among other paragraphs", () => {
  const L = '对拒不配合检查组现场核查工作的，依照规定严肃处理；';
  const paras = filler(0, 10);
  const quote = '严肃处理；';

  it('is placed when the old text held the line once', () => {
    const old = ['本报讯', ...paras.slice(0, 8), L].join('\n');
    const sel = describe(old, old.length - quote.length, old.length);
    expect(sel.ownCopies).toBe(0);
    const neu = ['本报讯', paras[2], paras[0], L, paras[1], ...paras.slice(3, 8)].join('\n');
    const doc = documentFor(neu);
    const found = ownParagraphPlace(doc, sel);
    expect(found).not.toBeNull();
    expect(neu.slice(doc.norm.map[found!.from], (doc.norm.map[found!.to - 1] ?? 0) + 1)).toBe(quote);
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start: at(neu, quote), end: at(neu, quote) + quote.length });
  });
});
