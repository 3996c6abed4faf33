/**
 * Issue 12 item 4, round 58 (anchor26b; outside3 seed 420 mixed pullquote+republish+gloss): a
 * sentence set as its own paragraph, copied word for word as a pull quote two paragraphs before
 * it; then a gloss edited the passage where it stands (a note inserted inside it, a note beside
 * it dropped). The pull quote was the quote's only exact occurrence, with none of the stored
 * context beside it, and was taken. setapart.ts: such a copy is refused while the passage's own
 * frame (the stored suffix's first words, the quote edited a little before them, half the
 * prefix before that) stands elsewhere. A moved passage, no edited frame left behind, is still
 * placed on its words.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}

const SENTENCE = '认领任务的时候不能只看难易程度，更要看群众是否真正需要。';
const EDITED = '认领任务的时候（见附表）不能只看难易程度，更要看群众是否真正需要。';
const LEAD = '社区议事会讨论了下半年的几件实事（来源：街道简报）';
const LEAD_TRIMMED = '社区议事会讨论了下半年的几件实事';
const AFTER = '▲议事会现场，居民代表逐项发表意见。';

suite('a pull quote copying a sentence whose own place was then edited (setapart.ts)', () => {
  const head = filler(0, 8);
  const tail = filler(8, 8);
  const old = [...head, LEAD, SENTENCE, AFTER, ...tail].join('\n');
  const s = sel(old, SENTENCE);

  it('refuses the exact copy set apart while the edited passage stands in its stored frame', () => {
    const neu = [...head.slice(0, 7), SENTENCE, head[7], LEAD_TRIMMED, EDITED, AFTER, ...tail].join('\n');
    const [a] = anchorAll(neu, [s]);
    const copy = at(neu, SENTENCE);
    // An orphan, or the edited passage itself: never the pull quote.
    if (a) expect(a.start).toBeGreaterThanOrEqual(at(neu, EDITED));
    expect(a?.start).not.toBe(copy);
  });

  it('still places a passage moved away whole, its old frame holding no edited copy', () => {
    const neu = [...head.slice(0, 3), SENTENCE, ...head.slice(3), LEAD_TRIMMED, AFTER, ...tail].join('\n');
    const [a] = anchorAll(neu, [s]);
    expect(a).toMatchObject({ start: at(neu, SENTENCE), end: at(neu, SENTENCE) + SENTENCE.length });
  });
});

// outside3 seed 417 pullquote: a one-sentence paragraph whose pull quote was set right before it.
const OPENING = '入冬以来，城南街道先后组织了三轮入户走访，把居民反映的供暖问题逐条登记在册，并且约定每周公布一次处理进度。';
const ALONE = '供暖问题之所以反复出现，根子在于老旧管网多年没有系统改造，修修补补只能解一时之急。';
const LONGER_A = '改造方案已经报送区里审批。方案提出分三年更换主干管网，今年先改三个小区。';
const PULLED = '方案提出分三年更换主干管网，今年先改三个小区。';

suite('a paragraph set twice in a row in a text that sets sentences apart as pull quotes (setapart.ts)', () => {
  const rest = filler(20, 6);
  const old = [OPENING, ALONE, ...rest.slice(0, 3), LONGER_A, ...rest.slice(3)].join('\n');
  const s = sel(old, ALONE);

  it('leaves the doubled paragraph an orphan when another sentence stands set apart beside its paragraph', () => {
    const neu = [OPENING, ALONE, ALONE, ...rest.slice(0, 3), LONGER_A, PULLED, ...rest.slice(3)].join('\n');
    const [a] = anchorAll(neu, [s]);
    expect(a).toBeNull();
  });

  it('still takes the first copy of a paragraph pasted twice where no sentence is set apart', () => {
    const neu = [OPENING, ALONE, ALONE, ...rest.slice(0, 3), LONGER_A, ...rest.slice(3)].join('\n');
    const [a] = anchorAll(neu, [s]);
    expect(a).toMatchObject({ start: at(neu, ALONE), end: at(neu, ALONE) + ALONE.length });
  });
});

// outside8 seed 480 attrib_move: a story printed twice, attributions moved on both printings.
const TERM = '图书馆藏书';
const REST = `${TERM}数量位居全区前列，配合多种先进的借阅设备，可大大提升借阅效率，整体服务水平提升一半。`;
const SAID = '是本市第一所与地铁无缝接驳的中学';

suite('twins whose surroundings an attribution move rewrote on both printings (rankframed.ts)', () => {
  const lead = filler(30, 6);
  const mid = filler(40, 30);
  const tail = filler(80, 6);
  const before = '新学期开学前，记者走访了这所学校。';
  const after = '校方表示，下学期还将增开选修课程。';
  const own = (line: string) => [...lead, before, line, after, ...mid];
  const oldOwn = `赵刚说：“新校区离地铁站仅约五百米，${SAID}。”\n同时，${REST}`;
  const oldTwin = `李明说：“新校区离地铁站仅约五百米，${SAID}。”\n李明说：“同时，${REST}”`;
  const old = [...own(oldOwn), oldTwin, ...tail].join('\n');
  const sels = [sel(old, TERM), sel(old, before), sel(old, after)];

  it('takes the own copy its neighbours frame, not the twin that now reads the stored context, the own copy a few units short', () => {
    const newOwn = `“新校区离地铁站仅约五百米，${SAID}，”赵刚说。\n同时，${REST}`;
    const newTwin = `新校区离地铁站仅约五百米，${SAID}。\n“同时，${REST}”`;
    // A line written on top moves everything after it: the own copy is no longer at its stored offset.
    const neu = ['编者按：本文有删改。', ...own(newOwn), newTwin, ...tail].join('\n');
    const [a] = anchorAll(neu, sels);
    // Placed by the neighbours on its own copy (never the twin, which reads the stored context whole).
    expect(a).toMatchObject({ start: at(neu, TERM, 0), end: at(neu, TERM, 0) + TERM.length });
  });

  it('still places the passage where its own copy kept its surroundings', () => {
    const [a] = anchorAll(old, sels);
    expect(a).toMatchObject({ start: at(old, TERM, 0) });
  });
});
