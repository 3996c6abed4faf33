/**
 * Issue 12 item 4: the fifth outside bench's draft_final wrongs on spans over a break (seeds 165
 * and 179 of tests/bench/anchoring-outside5.ts), built by hand. The text holds the sentence of the
 * span's first (larger) piece twice (a page printed twice); the update cut a clause from the
 * passage's own copy, inside the piece or just beyond the side's nearest words, and touched the
 * other copy's paragraph too. The larger-piece rule (edges.ts) must not take the other copy,
 * followed by another paragraph, for the passage: its own place is where the break still stands,
 * or the context cannot tell the copies apart.
 */
import { describe as suite, expect, it } from 'vitest';
import { newDocument } from '../../shared/anchoring/doc';
import { largerPieceAnchor } from '../../shared/anchoring/edges';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const COMMON = '最终算下来每户居民分摊的改造费用在';
const PIECE = '两万到五万元之间，个别达到八万元左右。';
const OURS = '有关部门告诉记者，每个小区的情况差别很大，';
const THEIRS = '前述负责人告诉记者，只要方案通过，一般都会尽快开工。';
/** THEIRS with a word tightened by the update. */
const THEIRS_NEW = '前述负责人告诉记者，只要方案通过，一般会尽快开工。';
const NEXT = '区住建局的一位负责人介绍，资金由市区两级财政分担。';
const OTHER = '施工队将在下个月进场，先从三号楼开始。';

suite('a span over a break whose larger piece the text holds twice', () => {
  const [a, b, c, d, e] = filler(0, 5);
  const old = [a, OURS + COMMON + PIECE, NEXT, b, c, THEIRS + COMMON + PIECE, OTHER, d, e].join('\n');
  // The passage: our copy's piece (from mid-sentence), the break and the next paragraph's first words.
  const start = at(old, PIECE);
  const sel = describe(old, start, at(old, NEXT) + 12);

  it('is an orphan when a clause cut from the piece leaves the break standing at its own place', () => {
    const neu = [a, OURS + '个别达到八万元左右。', NEXT, b, c, THEIRS_NEW + COMMON + PIECE, OTHER, d, e].join('\n');
    // The old code placed the piece on the other copy, followed by another paragraph.
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it("takes neither copy by the larger piece when a clause cut beside it leaves both with the side's nearest words", () => {
    const ours = OURS + '最终算下来每户改造费用在' + PIECE;
    const neu = [a, ours, '区住建局负责人介绍，资金由市区两级财政分担。', b, c, THEIRS_NEW + COMMON + PIECE, OTHER, d, e].join('\n');
    // The larger piece alone cannot tell the copies apart (the old code took the other one, whose
    // side is whole); the whole search still finds the passage, its second piece edited, at its own.
    expect(largerPieceAnchor(newDocument(neu), sel)).toBeNull();
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, PIECE));
  });

  it('still places the larger piece alone when a paragraph was inserted after it (a translation)', () => {
    const english = 'Each household pays between 20,000 and 50,000 yuan, a few up to 80,000.';
    const neu = [a, OURS + COMMON + PIECE, english, NEXT, b, c, THEIRS_NEW + COMMON + '两万到五万元之间。', OTHER, d, e].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed?.start).toBe(at(neu, PIECE));
    expect(placed?.end).toBe(at(neu, PIECE) + PIECE.length);
  });
});
