/**
 * Issue 12 item 4, ninth round: the outside tester's failure class 3 (tests/bench/anchoring-
 * independent.ts), built by hand. A highlight whose own words were deleted or changed must not
 * move onto the same words elsewhere when that place's context is only a repeated phrase: the
 * passage's own place holding an edited version of it, a twin the stored context itself shows,
 * and a set phrase with one side of context beyond where its neighbours moved.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

/** Two phones with the same zoom sentence after different camera lists. */
const PHONE_A =
  '这款手机背面拥有三颗摄像头，具体为 1200 万主摄 +6400 万长焦 +1200 万广角，支持 3 倍光学变焦与 30 倍数码变焦，支持 8K/30FPS 视频拍摄。';
const PHONE_B =
  '另一款则采用 1200 万主摄 +6400 万长焦 +1200 万广角 +ToF 镜头的四摄方案，支持 3 倍光学变焦与 30 倍数码变焦，支持 8K/30FPS 视频拍摄。';

suite('a short quote edited at its own place, with a twin elsewhere', () => {
  const paras = [...filler(0, 2), PHONE_A, ...filler(2, 3), PHONE_B, ...filler(5, 2)];
  const old = paras.join('\n');
  const start = at(old, '3 倍', 1);
  const sel = describe(old, start, start + 3);

  it('leaves "3 倍" an orphan when its figure changed, not on the other phone\'s "3 倍"', () => {
    const neu = old.slice(0, start) + '4 倍' + old.slice(start + 3);
    expect(anchor(neu, sel)).toBeNull();
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still finds "3 倍" when the other phone\'s figure changed and a note on top moved both', () => {
    const note = '编者按：' + filler(7, 1).join('');
    const other = at(old, '3 倍');
    const neu = [note, old.slice(0, other) + '5 倍' + old.slice(other + 3)].join('\n');
    const shift = note.length + 1;
    expect(anchor(neu, sel)).toMatchObject({ start: start + shift, end: start + shift + 3 });
    expect(anchorAll(neu, [sel])[0]).toMatchObject({ start: start + shift });
  });

  it('leaves a two-character term an orphan when one of its characters was changed', () => {
    const law = [
      ...filler(0, 2),
      '国家监察委员会由主任、副主任若干人、委员若干人组成，主任由全国人民代表大会选举，副主任、委员由国家监察委员会主任提请全国人民代表大会常务委员会任免。国家监察委员会主任每届任期同全国人民代表大会每届任期相同。',
      ...filler(2, 2),
      '地方各级监察委员会由主任、副主任若干人、委员若干人组成，主任由本级人民代表大会选举，副主任、委员由监察委员会主任提请本级人民代表大会常务委员会任免。',
      '地方各级监察委员会主任每届任期同本级人民代表大会每届任期相同。',
      ...filler(4, 2),
    ].join('\n');
    const s = at(law, '提请本级人民') + 4;
    const term = describe(law, s, s + 2);
    const neu = law.slice(0, s) + '入民' + law.slice(s + 2);
    expect(anchor(neu, term)).toBeNull();
    expect(anchorAll(neu, [term])[0]).toBeNull();
  });
});

suite('a twin the stored context shows', () => {
  const TITLE = '这个中国人习以为常的地方为何老外却说“了不得”？';
  const paras = [...filler(0, 3), `原标题：视界丨${TITLE}`, `视频-${TITLE}`, ...filler(3, 3)];
  const old = paras.join('\n');
  const start = at(old, '人习以为常的地方为何');
  const sel = describe(old, start, start + 10);

  it('leaves a phrase of a deleted title line an orphan, not on the line under it that repeats it', () => {
    const neu = paras.filter((p) => !p.startsWith('原标题')).join('\n');
    expect(anchor(neu, sel)).toBeNull();
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still finds the phrase in the title line after the text before it changed', () => {
    const note = '编者按：' + filler(6, 2).join('');
    const neu = [note, ...paras].join('\n');
    const shift = note.length + 1;
    expect(anchor(neu, sel)).toMatchObject({ start: start + shift, end: start + shift + 10 });
  });

  it('still finds the phrase in the line under the title when that one was highlighted', () => {
    const own = at(old, '人习以为常的地方为何', 1);
    const under = describe(old, own, own + 10);
    const neu = paras.filter((p) => !p.startsWith('原标题')).join('\n');
    const want = at(neu, '人习以为常的地方为何');
    expect(anchor(neu, under)).toMatchObject({ start: want, end: want + 10 });
  });
});

suite('a set phrase with one side of context, beyond where its neighbours moved', () => {
  const FIRST =
    '坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化，是关系党和国家事业兴旺发达、国家长治久安、人民幸福安康的重大问题。';
  const SECOND =
    '党的十九届四中全会审议通过了《中共中央关于坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化若干重大问题的决定》，就这个重大问题作出重大决策。';
  const paras = [...filler(0, 2), '新华社《学习进行时》为您梳理。', FIRST + SECOND, ...filler(2, 3)];
  const old = paras.join('\n');
  const quote = at(old, '和完善中国');
  const ranges = [
    [at(old, '为您梳理'), at(old, '为您梳理') + 4],
    [quote, quote + 5],
    [at(old, '会主义制度', 1), at(old, '会主义制度', 1) + 5],
    [at(old, '重大决策'), at(old, '重大决策') + 4],
  ] as const;
  const selectors = ranges.map(([a, b]) => describe(old, a, b));

  it('leaves the phrase of a deleted sentence an orphan, not on its copy in the next sentence', () => {
    const neu = old.replace(FIRST, '');
    const placed = anchorAll(neu, selectors);
    expect(placed[1]).toBeNull();
    // Its neighbours are placed on their own words.
    expect(placed[0]).toMatchObject({ start: ranges[0][0] });
    expect(placed[2]).toMatchObject({ start: ranges[2][0] - FIRST.length });
  });

  it('still places the phrase moved as far as its neighbour after it by a sentence inserted before it', () => {
    const inserted = '全会精神要学深悟透。';
    const neu = old.replace(FIRST, inserted + FIRST);
    const placed = anchorAll(neu, selectors);
    expect(placed[1]).toMatchObject({ start: quote + inserted.length, end: quote + inserted.length + 5 });
  });
});

suite('two highlights on two copies of a repeated passage', () => {
  const CODE = ['data = client.lpop("test")', 'if not data:', 'return', 'handler.insert_one(json.loads(data))'];
  const paras = [...filler(0, 2), ...CODE, ...filler(2, 3), ...CODE, ...filler(5, 2)];
  const old = paras.join('\n');
  const firstCopy = at(old, '\nreturn\n') + 1;
  const secondCopy = at(old, '\nreturn\n', 1) + 1;
  const ranges = [
    [at(old, '驻村工作队'), at(old, '驻村工作队') + 5],
    [firstCopy, firstCopy + 6],
    [at(old, '卫生院'), at(old, '卫生院') + 3],
    [secondCopy, secondCopy + 6],
    [at(old, '河堤加固'), at(old, '河堤加固') + 4],
  ] as const;
  const selectors = ranges.map(([a, b]) => describe(old, a, b));

  it("does not put the first copy's highlight on the second copy, where the second copy's highlight stands", () => {
    // A section moved to the end that begins inside the first copy: there it keeps only part of
    // its stored context, while the second copy has all of it.
    const moved = paras.slice(3, 7);
    const neuParas = [...paras.slice(0, 3), ...paras.slice(7), ...moved];
    const neu = neuParas.join('\n');
    const placed = anchorAll(neu, selectors);
    expect(placed[3]).toMatchObject({ start: secondCopy - moved.join('\n').length - 1 });
    // Either found where it went or an orphan; never on the words another highlight holds.
    if (placed[1]) expect(placed[1].start).toBe(at(neu, '\nreturn\n', 1) + 1);
    expect(placed[1]?.start).not.toBe(placed[3]?.start);
  });
});

suite('a short quote edited where its neighbours put it, its paragraph repeated word for word', () => {
  it('leaves "9月" an orphan when its figure changed, not on the same words in the other copy of its paragraph', () => {
    const LEAD = '南都记者了解到，在打击电信网络诈骗犯罪的工作机制下，自3月5日至9月1日，江门市公安局对上级下发的线索成功实施抓捕。';
    const paras = [...filler(0, 2), LEAD, ...filler(2, 4), LEAD, ...filler(6, 2)];
    const old = paras.join('\n');
    const own = at(old, '9月');
    const ranges = [
      [at(old, '图书室'), at(old, '图书室') + 3],
      [own, own + 2],
      [at(old, '合作社'), at(old, '合作社') + 3],
    ] as const;
    const selectors = ranges.map(([a, b]) => describe(old, a, b));
    const neu = old.slice(0, own) + '8月' + old.slice(own + 2);
    const placed = anchorAll(neu, selectors);
    expect(placed[0]).toMatchObject({ start: ranges[0][0] });
    expect(placed[2]).toMatchObject({ start: ranges[2][0] });
    expect(placed[1]).toBeNull();
  });
});
