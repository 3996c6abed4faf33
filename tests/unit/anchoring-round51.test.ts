/**
 * Issue 12 item 4, round 51 (the eighth outside bench's long reads, abridge and mixed): a stretch
 * of paragraphs printed twice in one text (a page reprinted in a long read), every passage inside
 * it held twice. Once a reprint drops paragraphs around such a passage, its context is gone from
 * both copies and only neighbours can say which copy is its own; the passages placed on their own
 * evidence stand outside the printed-twice stretch, far away, or not at all on one side (the text's
 * edge). farbracket.ts reads those far neighbours, or the text's edge, as the frame when the text
 * between them only lost words: the copies keep their order, the count is unchanged, and the copy
 * of the passage's rank stands alone in the frame. A frame that grew (a printing added inside
 * it), or a count that changed, leaves the orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const STORY = '那年冬天，山那边的邮递员骑着旧自行车，把一封迟到三个月的家信送进了村里。';
const HEAD = '编者按：这组稿件来自我们的基层通讯员，文字略有改动。';
const TAIL = '读者来信请寄编辑部，来信请注明联系方式，以便我们回复。';
// The stretch printed twice: the story far (beyond the loose window of nearNeighbours, 8000 units) from its edges.
const LEAD = filler(300, 230);
const REST = filler(600, 230);
const block = [...LEAD, HEAD, STORY, TAIL, ...REST];
const short = [...LEAD, STORY, ...REST];
const BEFORE = filler(0, 5);
const BETWEEN = filler(10, 20);
const AFTER = filler(40, 5);
const old = [...BEFORE, ...block, ...BETWEEN, ...block, ...AFTER].join('\n');

function sel(text: string, words: string, n = 0) {
  const s = at(text, words, n);
  return describe(text, s, s + words.length);
}
const words = (p: string) => p;

const PIECE = '山那边的邮递员骑着旧自行车';

suite('a passage in a stretch printed twice, framed by far neighbours or the text edge', () => {
  it('places the first printing’s copy between far neighbours, the text between them only shorter', () => {
    const neu = [...BEFORE, ...short, ...BETWEEN, ...short, ...AFTER].join('\n');
    const [a, b, c] = anchorAll(neu, [sel(old, PIECE, 0), sel(old, words(BEFORE[2]!)), sel(old, words(BETWEEN[5]!))]);
    expect(b).not.toBeNull();
    expect(c).not.toBeNull();
    expect(a).toMatchObject({ start: at(neu, PIECE, 0), end: at(neu, PIECE, 0) + PIECE.length });
  });

  it('places the last printing’s copy between a far neighbour and the text end (known from a passage at the end)', () => {
    const neu = [...BEFORE, ...short, ...BETWEEN, ...short].join('\n');
    const oldEnd = [...BEFORE, ...block, ...BETWEEN, ...block].join('\n');
    const last = oldEnd.length - 8;
    const [a] = anchorAll(neu, [sel(oldEnd, PIECE, 1), sel(oldEnd, words(BETWEEN[5]!)), describe(oldEnd, last, oldEnd.length)]);
    expect(a).toMatchObject({ start: at(neu, PIECE, 1), end: at(neu, PIECE, 1) + PIECE.length });
  });

  it('leaves the orphan when the frame grew: a printing of the passage added while its own copy went', () => {
    // The first printing's story dropped, and a 相关报道 block printing it again (with more lines)
    // added before the far neighbour: the count is unchanged, the rank's copy is the added one.
    const extra = ['相关报道', STORY, ...filler(200, 8)];
    const neu = [...BEFORE, ...LEAD, ...REST, ...extra, ...BETWEEN, ...short, ...AFTER].join('\n');
    const [a] = anchorAll(neu, [sel(old, PIECE, 0), sel(old, words(BEFORE[2]!)), sel(old, words(BETWEEN[5]!))]);
    expect(a).toBeNull();
  });

  it('leaves the orphan when a copy went (the count changed): which one went, nothing tells', () => {
    const neu = [...BEFORE, ...LEAD, ...REST, ...BETWEEN, ...short, ...AFTER].join('\n');
    const [a] = anchorAll(neu, [sel(old, PIECE, 0), sel(old, words(BEFORE[2]!)), sel(old, words(BETWEEN[5]!))]);
    expect(a).toBeNull();
  });

  it('leaves the orphan at the end when the old text’s length is not known', () => {
    const neu = [...BEFORE, ...short, ...BETWEEN, ...short].join('\n');
    const oldEnd = [...BEFORE, ...block, ...BETWEEN, ...block].join('\n');
    const [a] = anchorAll(neu, [sel(oldEnd, PIECE, 1), sel(oldEnd, words(BETWEEN[5]!))]);
    expect(a).toBeNull();
  });
});

suite('a passage in a stretch printed twice, its copies counted otherwise now (farbracket.ts loneCopyInFrame)', () => {
  it('places the one copy left in a frame that held no other copy, the twin dropped elsewhere', () => {
    // An abridged reprint dropped the story from the second printing only: the count fell.
    const neu = [...BEFORE, ...short, ...BETWEEN, ...LEAD, ...REST, ...AFTER].join('\n');
    const [a] = anchorAll(neu, [sel(old, PIECE, 0), sel(old, words(BEFORE[2]!)), sel(old, words(BETWEEN[5]!))]);
    expect(a).toMatchObject({ start: at(neu, PIECE, 0), end: at(neu, PIECE, 0) + PIECE.length });
  });

  it('places the one copy in its frame when a printing elsewhere gained copies', () => {
    // A second printing of the first stretch added after the text: the count rose.
    const neu = [...BEFORE, ...short, ...BETWEEN, ...short, ...AFTER, '相关报道', ...short].join('\n');
    const [a] = anchorAll(neu, [sel(old, PIECE, 0), sel(old, words(BEFORE[2]!)), sel(old, words(BETWEEN[5]!))]);
    expect(a).toMatchObject({ start: at(neu, PIECE, 0), end: at(neu, PIECE, 0) + PIECE.length });
  });

  it('leaves the orphan when the old frame held another copy (the one left may be that one)', () => {
    // The story twice inside the first stretch, 40 paragraphs apart; the passage's own copy dropped.
    const twice = [...LEAD, HEAD, STORY, TAIL, ...REST.slice(0, 40), STORY, ...REST.slice(40)];
    const old2 = [...BEFORE, ...twice, ...BETWEEN, ...block, ...AFTER].join('\n');
    const neu = [...BEFORE, ...LEAD, ...REST.slice(0, 40), STORY, ...REST.slice(40), ...BETWEEN, ...LEAD, ...REST, ...AFTER].join('\n');
    const [a] = anchorAll(neu, [sel(old2, PIECE, 0), sel(old2, words(BEFORE[2]!)), sel(old2, words(BETWEEN[5]!))]);
    expect(a).toBeNull();
  });

  it('leaves the orphan for a selector stored before copyGap existed', () => {
    const neu = [...BEFORE, ...short, ...BETWEEN, ...LEAD, ...REST, ...AFTER].join('\n');
    const s = sel(old, PIECE, 0);
    delete s.copyGap;
    expect(anchorAll(neu, [s, sel(old, words(BEFORE[2]!)), sel(old, words(BETWEEN[5]!))])[0]).toBeNull();
  });
});
