/**
 * Issue 12 item 4: a 问/答 page whose labels an edition dropped (the eighth outside bench's
 * qa_labels kind), built by hand, where three lines open alike: 问：村务公开的内容… twice and
 * 答：村务公开的内容… once, one unit apart once the label is part of the quote. describe() records
 * the 答 line as a look-alike (nearErrors) and the other 问 line as a copy; both stood among other
 * words, so the whole label-free context tells them apart and the highlight is placed
 * (relabelled.ts). A look-alike with most of the context beside it (an interview printed twice,
 * its labels alternating otherwise) still refuses: anchoring-relabelled.test.ts.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const PARAS = [
  '《村务公开办法》答问',
  '问：制定这个办法的目的是什么？',
  '答：村务公开的内容过去由各村自己定，有的村只公布账目，群众看不明白。',
  '问：办法对公开的时间有什么要求？',
  '问：村务公开的内容每季度至少公布一次，涉及群众切身利益的事项随时公布，公布的时间不少于十五天。',
  '答：公开栏应当设在便于群众观看的地方，并同时在村里的微信群发布。',
  '问：群众对公开的内容有疑问怎么办？',
  '答：可以向村务监督委员会反映，监督委员会应当在十日内答复。',
  '问：村务公开的内容由谁来审核？',
  '答：由村务监督委员会审核后再张榜。',
];
const OLD = PARAS.join('\n');
const dropped = (paras: readonly string[]) => paras.map((p) => p.replace(/^[问答]：/u, '')).join('\n');
const WORDS = '问：村务公开的内容';

suite('labels dropped, the quote opening like other lines', () => {
  const start = at(OLD, '问：村务公开的内容每季度');
  const sel = describe(OLD, start, start + WORDS.length);

  it('records the 答 line as a look-alike and the other 问 line as a copy, each with little of the context', () => {
    expect(sel.nearErrors).toBe(1);
    expect(sel.copies).toBe(1);
    expect(sel.nearContext! * 2).toBeLessThan(sel.prefix.length + sel.suffix.length);
    expect(sel.copyContext! * 2).toBeLessThan(sel.prefix.length + sel.suffix.length);
  });

  it('places the highlight on the words of its own line, without the label', () => {
    const neu = dropped(PARAS);
    const a = anchorAll(neu, [sel])[0];
    expect(a).not.toBeNull();
    expect(neu.slice(a!.start, a!.end)).toBe('村务公开的内容');
    expect(a!.start).toBe(at(neu, '村务公开的内容每季度'));
  });
});
