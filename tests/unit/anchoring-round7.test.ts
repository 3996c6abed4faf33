/**
 * Issue 12 item 4, seventh round: kinds of wrong placement (and of miss) seen on generated seeds
 * 80001–80060 and prose seeds 700–739 and 800–860, each built by hand here. The bench
 * (tests/bench/anchoring.ts) measures them on generated edits.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

suite('evidence that is only the quote’s own sentence', () => {
  // 63 units; a 26-unit quote inside it whose 32 stored units after it end exactly at the
  // sentence's full stop: nothing past the sentence was stored on that side.
  const S =
    '县委理论学习中心组集中学习了关于加强基层治理的重要论述，并就进一步改进调查研究、密切联系群众、推动工作落实等问题作了深入交流。';
  const Q = '习中心组集中学习了关于加强基层治理的重要论述，并就进';

  it('does not take the one copy left of a repeated sentence for the passage when nothing past the sentence matches', () => {
    const own = `会后，各支部把这次集中学习的体会整理成文，交到了县委组织部。${S}大家表示要把学习成果转化为工作成效。`;
    // The words before the copy are like the passage's in part (about half of the 32 units).
    const copy = `会后，几位书记把这次集中学习的体会写成了简报，交给县委。${S}随后，与会同志观看了专题片。`;
    const paras = [...filler(0, 2), own, ...filler(2, 10), copy, ...filler(12, 2)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(Q);
    const sel = describe(old, start, start + Q.length);
    expect(sel.suffix.endsWith('深入交流。')).toBe(true);
    // The passage's paragraph is deleted: the copy far away shares only the sentence.
    const edited = paras.filter((p) => p !== own).join('\n');
    expect(anchor(edited, sel)).toBeNull();
    // Moved far away with its paragraph instead, it brings the words before the sentence along.
    const moved = [...filler(0, 2), ...filler(2, 10), copy, own, ...filler(12, 2)].join('\n');
    const want = at(moved, own) + own.indexOf(Q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + Q.length });
  });

  it('finds a whole-sentence quote by the next sentence, which lies past the quote’s own sentence', () => {
    // The quote is one sentence; the words before it were edited, the sentence after it is intact
    // (30 units, so a run through it reaches only 2 units past its end). Its paragraph moved far:
    // the whole next sentence is context past the quote's own, which a copy would not bring.
    const q = '驻村干部把群众的意见逐条记下来。';
    const para = `春节前后，工作队挨家挨户走访。${q}能当场解决的问题当场就解决，一时解决不了的说明原因限期答复。群众对此都很满意。`;
    const paras = [...filler(0, 2), para, ...filler(2, 12)];
    const old = paras.join('\n');
    const start = at(old, para) + para.indexOf(q);
    const sel = describe(old, start, start + q.length);
    const edited = para.replace('挨家挨户走访。', '逐户走访。');
    const moved = [...filler(0, 2), ...filler(2, 9), edited, ...filler(11, 3)].join('\n');
    const want = at(moved, edited) + edited.indexOf(q);
    expect(anchor(moved, sel)).toMatchObject({ start: want, end: want + q.length });
  });
});

suite('copies told apart by a kept paragraph edge alone', () => {
  // A clause of 50 units that begins two paragraphs (the highlighted one and a copy) and stands
  // inside a third; the 32 units before the quote reach into the previous paragraph, the 32
  // after it lie inside the clause.
  const R = '村里的党员活动室每周三晚上开放，驻村干部和老党员轮流值班，解答群众在政策、就业和医疗等方面关心的问题，';
  const Q = '党员活动室每周三晚上开放';
  const own = `${R}有时一直忙到深夜。`;
  const copy = `${R}大家都说办得好。`;
  const inside = `入冬以后天黑得早，乡亲们吃过晚饭就三三两两地出门，${R}屋里生起了炉子。`;
  const paras = [...filler(0, 40), own, ...filler(40, 6), copy, ...filler(46, 30), inside, ...filler(76, 40)];
  const old = paras.join('\n');
  const start = at(old, own) + R.indexOf(Q);
  const sel = describe(old, start, start + Q.length);
  /** Highlights on filler paragraphs around the passage, placed where they are. */
  const around = [38, 39, 41, 42].map((n) => {
    const p = at(old, `（第${n}段）`);
    return describe(old, p - 6, p + 6);
  });

  it('leaves the passage an orphan when its paragraph is deleted and a copy near it begins a paragraph too', () => {
    const edited = paras.filter((p) => p !== own).join('\n');
    const results = anchorAll(edited, [...around, sel]);
    expect(results.slice(0, 4).every((r) => r !== null)).toBe(true);
    expect(results[4]).toBeNull();
  });

  it('places it when a highlight of its own paragraph moved by the same amount', () => {
    // The paragraph moved (and the copy that began a paragraph was deleted): its kept edge still
    // chooses it among the copies only as a guess, which the second highlight of the paragraph,
    // moved by the same amount, confirms. (Without that confirmation this is an orphan.)
    const moved = [...filler(0, 40), ...filler(40, 6), ...filler(46, 3), own, ...filler(49, 27), inside, ...filler(76, 40)];
    const edited = moved.join('\n');
    const tail = '有时一直忙到深夜';
    const tailAt = at(old, own) + own.indexOf(tail);
    const results = anchorAll(edited, [...around, sel, describe(old, tailAt, tailAt + tail.length)]);
    const want = at(edited, own) + R.indexOf(Q);
    expect(results[4]).toMatchObject({ start: want, end: want + Q.length });
    expect(anchorAll(edited, [...around, sel])[4]).toBeNull();
  });
});

suite('a copy of a long repeated sentence, context and all', () => {
  it('leaves the passage an orphan when its own words were rewritten where its context still stands', () => {
    // A sentence longer than quote + 64 units in two paragraphs far apart: both copies have the
    // stored context. The highlighted copy's words are rewritten between that context, which is
    // still there, near the old place: the copy far away is another's.
    const LONG =
      '各级党组织和广大党员干部要把这次学习的成果转化为推动工作的实际行动，特别是在基层治理和民生保障领域，要多到群众中去听取意见，也要多到困难的地方和矛盾集中的地方去解决问题，真正做到学以致用、用以促学。';
    const q = '特别是在基层治理和民生保障领域，要多到群众中去听取意见';
    const own = `会议最后强调，${LONG}散会后大家分头落实。`;
    const copy = `报告的结尾写道：${LONG}这段话被很多人抄在了笔记本上。`;
    const paras = [...filler(0, 3), own, ...filler(3, 20), copy, ...filler(23, 3)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(q);
    const sel = describe(old, start, start + q.length);
    const edited = paras.map((p) => (p === own ? p.replace(q, '特别要听取意见') : p)).join('\n');
    expect(anchor(edited, sel)).toBeNull();
    // The highlighted copy untouched and the other one rewritten: the passage is where it was.
    const other = paras.map((p) => (p === copy ? p.replace(q, '特别要听取意见') : p)).join('\n');
    expect(anchor(other, sel)).toMatchObject({ start, end: start + q.length });
  });
});

suite('short paragraphs of one shape', () => {
  it('does not place an edited caption on another caption by their kept paragraph edges', () => {
    // Two captions that differ in 2 of their 19 units; the highlighted one is deleted. Both
    // edges of the other are kept paragraph edges, which gave it a long "run" of context.
    const own = '图为南湖公园里晨练的老人们（资料图片）';
    const other = '图为南湖公园里散步的老人们（资料图片）';
    const q = '南湖公园里晨练的老人们（资料图片）';
    const paras = [...filler(0, 4), own, ...filler(4, 3), other, ...filler(7, 4)];
    const old = paras.join('\n');
    const start = at(old, own) + 2;
    const sel = describe(old, start, start + q.length);
    const edited = paras.filter((p) => p !== own).join('\n');
    expect(anchor(edited, sel)).toBeNull();
  });
});

suite('copies with the same run next to the quote', () => {
  it('does not take a far copy whose only other side is the rest of the quote’s sentence', () => {
    // A long sentence in three paragraphs; the quote lies so far into it that all 32 stored units
    // before it are the sentence's own, and the 32 after run to its end and on into the next
    // sentence, which differs for every copy. The passage's paragraph is deleted; one copy is
    // intact, another has an edit just after the quote. The intact one shares the stored run
    // before the quote with the other copy, and after it only the sentence: nothing tells it is
    // the passage rather than another copy.
    const S =
      '今年以来，为了让群众少跑腿，镇政务服务中心在每个村都设立了代办点，由村干部和网格员代为收取材料、统一送到中心办理，办结后再送回到群众手中，做到小事不出村。';
    const q = '由村干部和网格员代为收取材料';
    const own = `${S}一年下来共代办事项三百多件。`;
    const copy = `说起这项改革，${S}乡亲们都说方便多了。`;
    const edited2 = `去年秋天，${S}这个做法后来在全县推广。`;
    const paras = [...filler(0, 2), own, ...filler(2, 16), copy, ...filler(18, 2), edited2, ...filler(20, 2)];
    const old = paras.join('\n');
    const start = at(old, own) + own.indexOf(q);
    const sel = describe(old, start, start + q.length);
    const text = paras
      .filter((p) => p !== own)
      .map((p) => (p === edited2 ? p.replace(`${q}、统一送到`, `${q}，并统一送到`) : p))
      .join('\n');
    expect(anchor(text, sel)).toBeNull();
  });
});

suite('a repeated heading', () => {
  it('takes the copy whose neighbouring paragraphs are the stored ones, not the one at the old offset', () => {
    // The same short heading heads two sections; the second is highlighted. Text inserted at the
    // top moves everything by the distance between them: the first copy now lies at the old
    // offset. Both are whole paragraphs (kept edges); only the highlighted one has the stored
    // words around it.
    const H = '央行下一步应该做什么？';
    const paras = [...filler(0, 2), H, ...filler(2, 3), H, ...filler(5, 2)];
    const old = paras.join('\n');
    const start = at(old, H, 1);
    const sel = describe(old, start, start + H.length);
    const d = start - at(old, H);
    const lead = filler(8, 4)
      .join('')
      .slice(0, d - 1);
    const edited = `${lead}\n${old}`;
    expect(at(edited, H)).toBe(start);
    const want = start + d;
    expect(anchor(edited, sel)).toMatchObject({ start: want, end: want + H.length });
  });
});
