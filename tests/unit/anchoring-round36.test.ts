/**
 * Issue 12 item 4, round 36 (anchor21a): built by hand, our own words.
 * - Parallel lines (a spec list: one line per model, the same words with a figure changed). An
 *   abridged reprint cuts the passage's line and keeps the next one, whose copy of the quote reads
 *   all the stored context but the changed figure and stands about where the passage stood: no
 *   more context than that line had in the old text, so it is not the passage (parallel.ts). Left:
 *   the same where a copy printed elsewhere keeps the count of copies (a doubt there cost 6–15
 *   right placements of short quotes per 40 seeds for one wrong).
 * - A question line repeating words of its answer, the answer's sentence dropped while a 专题
 *   digest prints the question again: the pinned pass does not take the question's copy (index.ts
 *   pinnedOrphans).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const spanIn = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

/** Each paragraph after the first cut to its first sentence, as an abridged reprint does. */
const abridged = (paras: readonly string[]) =>
  paras.map((p, i) => (i === 0 ? p : p.slice(0, p.indexOf('。') + 1))).join('\n') + '\n（有删节）';

suite('a quote in one of several parallel spec lines, its line cut (parallel.ts)', () => {
  const P = [
    '本报讯 本周三，一家国产手机厂商在省城发布了三款新机，分别面向学生、商务人士和摄影爱好者。',
    '青春版的屏幕为 6.1 英寸，机身重 170 克。后置主摄为 4800 万像素，支持 2 倍光学变焦，前置 800 万像素摄像头，电池容量为 3800 毫安时，支持 18 瓦快充。',
    '商务版的屏幕为 6.5 英寸，后置主摄为 4800 万像素，支持 2 倍光学变焦，前置 800 万像素摄像头，电池容量为 4200 毫安时，支持 18 瓦快充。另有墨绿和银白两种配色可选。',
    '摄影爱好者则可以选择影像版，屏幕为 6.8 英寸，机身重 215 克。后置主摄为一亿像素，支持 5 倍光学变焦，前置 3200 万像素摄像头，电池容量为 5000 毫安时，支持 66 瓦快充。',
    '发布会上，厂商还宣布将在年内开设二十家线下体验店，方便消费者上手试用。',
  ];
  const OLD = P.join('\n');
  const NEIGHBOURS = ['一家国产手机厂商', '青春版的屏幕为', '商务版的屏幕为', '年内开设二十家线下体验店', '摄影爱好者则可以选择'];

  it('leaves the cut line’s quote an orphan rather than on the next line, which had all its context but a figure', () => {
    const sels = [describe(OLD, ...spanIn(OLD, '万像素摄像头', 0)), ...NEIGHBOURS.map((q) => describe(OLD, ...spanIn(OLD, q)))];
    const NEW = abridged(P);
    // The next line's copy stands in the reprint, about where the passage stood.
    expect(NEW.includes('前置 800 万像素摄像头，电池容量为 4200')).toBe(true);
    const out = anchorAll(NEW, sels);
    expect(out[0]).toBeNull();
    // Its neighbours are placed (they are what made the copy look confirmed).
    for (let i = 1; i < sels.length; i++) expect(out[i]?.start).toBe(at(NEW, NEIGHBOURS[i - 1]!));
  });

  it('still places a parallel line’s quote that kept its line and all its context', () => {
    const sels = [describe(OLD, ...spanIn(OLD, '万像素摄像头', 1)), ...NEIGHBOURS.map((q) => describe(OLD, ...spanIn(OLD, q)))];
    // Only the first model's line cut: the second stands whole.
    const NEW = [P[0], P[1]!.slice(0, P[1]!.indexOf('。') + 1), P[2], P[3], P[4]].join('\n');
    const out = anchorAll(NEW, sels);
    const own = at(NEW, '前置 800 万像素摄像头，电池容量为 4200') + '前置 800 '.length;
    expect(out[0]?.start).toBe(own);
    expect(out[0]?.end).toBe(own + '万像素摄像头'.length);
  });
});

suite('a quote repeated by a question line, its own sentence dropped while a 专题 prints the question again (pinned pass)', () => {
  const P = [
    '秋收过后，记者来到县农业局，就今年的粮食生产情况采访了有关负责人。',
    '问：今年全县的粮食总产量再创新高',
    '答：县农业局负责人表示，今年全县的粮食总产量为 52.6 万吨，比去年增加 1.8 万吨，增幅为百分之三点五。其中水稻面积稳中有升，玉米单产提高明显。',
    '问：明年还有哪些打算',
    '答：明年将继续推广节水灌溉，争取再建成高标准农田三万亩，让更多农户受益。',
  ];
  const OLD = P.join('\n');
  // Labels restyled (问：→记者：, 答：→ a name), a digest printing the questions above the article.
  const relabel = (p: string) => p.replace(/^问：/, '记者：').replace(/^答：/, '王某：');
  const page = (answer: string, digest: readonly string[]) =>
    [
      '专题｜粮食生产',
      '【摘要版】记者采访县农业局',
      ...digest.map(relabel),
      '相关报道',
      `【全文】${P[0]}`,
      ...[P[1]!, answer, P[3]!, P[4]!].map(relabel),
    ].join('\n');
  const NEIGHBOURS = ['记者来到县农业局', '明年将继续推广节水灌溉'];
  const sels = [describe(OLD, ...spanIn(OLD, '粮食总产', 1)), ...NEIGHBOURS.map((q) => describe(OLD, ...spanIn(OLD, q)))];

  it('leaves the answer’s quote an orphan rather than on the question line the count and rank point to', () => {
    // The answer's first sentence dropped: the quote now stands in the two question lines only, as
    // many times as the old text held it, and the article's question line lies between the neighbours.
    const NEW = page('答：县农业局负责人表示，其中水稻面积稳中有升，玉米单产提高明显。', [P[1]!, P[3]!]);
    const out = anchorAll(NEW, sels);
    expect(out[0]).toBeNull();
    expect(out[1]?.start).toBe(at(NEW, NEIGHBOURS[0]!));
    expect(out[2]?.start).toBe(at(NEW, NEIGHBOURS[1]!));
  });

  it('still places the answer’s quote where its sentence stands, its figures reworded', () => {
    // The digest prints the other question only: the count of copies is the old one, the rank's copy the answer's.
    const NEW = page('答：县农业局负责人表示，今年全县的粮食总产量为 52.6 万吨，比去年增加不少。其中水稻面积稳中有升，玉米单产提高明显。', [
      P[3]!,
    ]);
    const out = anchorAll(NEW, sels);
    const own = at(NEW, '今年全县的粮食总产量为') + '今年全县的'.length;
    expect(out[0]?.start).toBe(own);
    expect(out[0]?.end).toBe(own + '粮食总产'.length);
  });
});
