/**
 * Issue 12 item 4, round 60 (anchor26d): short passages whose edge words were rewritten in place
 * (trimmedinplace.ts rewrittenEdge). A speech turned into a report writes 我认为 → 他认为, 我们要X → 他强调，要X,
 * 我们必须X → 必须X, drops 同志们， before a sentence: a reader's short highlight over such an opener
 * keeps most of its words, but the words left (认为, 要划重点) stand all over a text, so edges.ts
 * (8 units at least) leaves it an orphan. Placed when the rest joined to the stored context on the
 * untouched side stands once and the other side stands just past the rewrite; refused where that
 * side stands elsewhere (the sentence moved), where the rest and its context stand twice, or where
 * the passage's paragraph is gone and a look-alike paragraph of the old text keeps the words.
 * Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, describe } from '../../shared/anchoring/index';
import { documentFor } from '../../shared/anchoring/doc';
import { rewrittenEdge } from '../../shared/anchoring/trimmedinplace';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

const BEFORE = filler(0, 6);
const AFTER = filler(6, 6);
const LEAD = '这所山区学校的老师们坚持家访，把每个孩子的情况都记在心里。';
const OPINION_OLD = '我认为，教育的力量就在于日复一日的陪伴和等待。';
const OPINION_NEW = '他认为，教育的力量就在于日复一日的陪伴和等待。';

suite('a short passage whose opener was rewritten as reported speech (trimmedinplace.ts rewrittenEdge)', () => {
  const old = [...BEFORE, LEAD + OPINION_OLD, ...AFTER].join('\n');

  it('places 我认为 → 他认为 on the words left where 他指出， was written at its paragraph’s head too', () => {
    // Both sides do not stand exactly (the paragraph's head was rewritten too), and the words left
    // (认为) are too short to be looked for alone.
    const was = [...BEFORE, '村里的老人们常说一句话。我认为，好日子是干出来的，不是等出来的。', ...AFTER].join('\n');
    const neu = [...BEFORE, '他指出，村里的老人们常说一句话。他认为，好日子是干出来的，不是等出来的。', ...AFTER].join('\n');
    const a = anchor(neu, sel(was, '我认为'));
    expect(a).toMatchObject({ start: at(neu, '认为，好日子'), end: at(neu, '认为，好日子') + 2 });
  });

  it('places the opening words after a salutation line dropped and a dateline written on top', () => {
    const was = ['同志们：', '今天上午，我们在这里召开全县春季农业生产工作会议。', ...BEFORE, ...AFTER].join('\n');
    const neu = [
      '县长王立新在全县春季农业生产工作会议上作讲话。',
      '今天上午，我们在这里召开全县春季农业生产工作会议。',
      ...BEFORE,
      ...AFTER,
    ].join('\n');
    const a = anchor(neu, sel(was, '同志们：\n今天上午'));
    expect(a).toMatchObject({ start: at(neu, '今天上午'), end: at(neu, '今天上午') + 4 });
  });

  it('leaves a figure changed at the passage’s edge to the other passes (digits written before or after digits)', () => {
    const was = [...BEFORE, '据统计，全村共有120户人家参加了这次活动。', ...AFTER].join('\n');
    const neu = [...BEFORE, '据统计，全村共有125户人家参加了这次活动。', ...AFTER].join('\n');
    expect(rewrittenEdge(documentFor(neu), sel(was, '共有120'))).toBeNull();
  });

  it('places a passage whose last words were rewritten (我们 → 大家) on the words before them', () => {
    const was = [...BEFORE, '说起这几年的变化，村里人都说日子越过越有奔头，我们心里踏实多了。', ...AFTER].join('\n');
    const neu = [...BEFORE, '说起这几年的变化，村里人都说日子越过越有奔头，大家心里踏实多了。', ...AFTER].join('\n');
    const a = anchor(neu, sel(was, '有奔头，我们'));
    expect(a).toMatchObject({ start: at(neu, '有奔头'), end: at(neu, '有奔头，') + 4 });
  });

  it('leaves the orphan when the rest and the context after it stand but the context before stands elsewhere (the sentence moved)', () => {
    // The opinion moved to another paragraph: its words and what followed stand, not what preceded.
    const neu = [...BEFORE.slice(0, 2), OPINION_NEW, ...BEFORE.slice(2), LEAD, ...AFTER].join('\n');
    expect(anchor(neu, sel(old, '我认为'))).toBeNull();
  });

  it('reads no place where the rest with its context stands twice', () => {
    // Whatever the other passes make of the two copies (the one at the old position), this rule
    // takes neither: the words left and their context do not tell one place.
    const neu = [...BEFORE.slice(0, 2), LEAD + OPINION_NEW, ...BEFORE.slice(2), LEAD + OPINION_NEW, ...AFTER].join('\n');
    expect(rewrittenEdge(documentFor(neu), sel(old, '我认为'))).toBeNull();
  });

  it('leaves the orphan where words inserted inside the passage pushed its first words away (not rewritten)', () => {
    const was = [...BEFORE, '这次检查发现的问题不少。整改措施要落实到每一个环节。', ...AFTER].join('\n');
    const neu = [...BEFORE, '这次检查发现的问题不少。整改**措施要落实到每一个环节。', ...AFTER].join('\n');
    expect(rewrittenEdge(documentFor(neu), sel(was, '不少。整改措施'))).toBeNull();
  });

  it('leaves the orphan when its paragraph is gone and the old text’s look-alike paragraph keeps the words (edgeTwins)', () => {
    // The old text printed the paragraph twice, once as a speech (我认为) and once reported (他认为);
    // the revision dropped the speech's paragraph: the reported one is another passage's words.
    const was = [...BEFORE, LEAD + OPINION_OLD, ...AFTER.slice(0, 3), LEAD + OPINION_NEW, ...AFTER.slice(3)].join('\n');
    const neu = [...BEFORE, ...AFTER.slice(0, 3), LEAD + OPINION_NEW, ...AFTER.slice(3)].join('\n');
    const stored = sel(was, '我认为');
    expect(stored.edgeTwins).toBeGreaterThan(0);
    expect(anchor(neu, stored)).toBeNull();
  });

  it('places nothing for a selector stored before edgeTwins existed', () => {
    const was = [...BEFORE, '村里的老人们常说一句话。我认为，好日子是干出来的，不是等出来的。', ...AFTER].join('\n');
    const neu = [...BEFORE, '他指出，村里的老人们常说一句话。他认为，好日子是干出来的，不是等出来的。', ...AFTER].join('\n');
    const stored = sel(was, '我认为');
    expect(stored.edgeTwins).toBe(0);
    delete stored.edgeTwins;
    expect(anchor(neu, stored)).toBeNull();
  });
});
