/**
 * Issue 12 item 4, round 23: the seventh outside bench's weak kinds (tests/bench/anchoring-outside7.ts),
 * built by hand with our own text. A passage whose own paragraph moved whole among other paragraphs
 * (a timeline reversed newest-first) is placed by that paragraph's words, not its old neighbours
 * (ownpara.ts); where those words could be another paragraph's, it stays an orphan.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, FILLER } from './helpers/anchoring-text';

/** Short timeline entries, ours: dates repeat, so a date's own words are its entry's few words. */
const ENTRIES = [
  '3月18日，驻村工作队走访农家。',
  '3月18日，图书室重新开放。',
  '3月21日，合作社账目张榜公布。',
  '3月21日，卫生院添了新设备。',
  '3月25日，河堤加固工程完工。',
  '3月25日，文艺队排练新节目。',
];
const HEAD = '本报综合报道：这是一条时间线。';

/** The entries newest first, a new entry on top, and (when `colon`) each date's ， restyled to ：. */
function reversed(entries: readonly string[], colon: boolean): string {
  const top = '3月30日，有关负责人表示，相关工作仍在推进中。';
  const body = [top, ...[...entries].reverse()].map((p) => (colon ? p.replace('日，', '日：') : p));
  return [HEAD, ...body].join('\n');
}

suite('a timeline reversed newest-first: a passage placed by its own paragraph', () => {
  const old = [HEAD, ...ENTRIES].join('\n');
  // Each entry's date, and a clause of one entry.
  const spans: [number, number][] = ENTRIES.map((e) => [old.indexOf(e), old.indexOf(e) + 5]);
  spans.push([at(old, '合作社账目'), at(old, '合作社账目') + 5]);
  const selectors = spans.map(([s, e]) => describe(old, s, e));

  for (const colon of [false, true]) {
    it(`places every date on its own entry, the entries reversed${colon ? ' and ， restyled to ：' : ''}`, () => {
      const neu = reversed(ENTRIES, colon);
      const placed = anchorAll(neu, selectors);
      // The clause, its words once in the text, is placed; a date may stay an orphan (another
      // entry of its date had as much context), never on another entry.
      expect(placed[6]).not.toBeNull();
      spans.forEach(([s, e], i) => {
        const a = placed[i];
        if (!a) return;
        // Its own entry's words follow it (the entry, not another of the same date).
        const entry = old.slice(old.lastIndexOf('\n', s) + 1, old.indexOf('\n', e) < 0 ? old.length : old.indexOf('\n', e));
        const there = neu.slice(neu.lastIndexOf('\n', a!.start) + 1).split('\n')[0]!;
        expect(there.replace('：', '，')).toBe(entry);
        expect(neu.slice(a!.start, a!.end)).toBe(old.slice(s, e).replace('，', colon ? '：' : '，'));
      });
      expect(anchor(neu, selectors[6]!)).toMatchObject({ start: placed[6]!.start, end: placed[6]!.end });
    });
  }

  it('leaves a date an orphan when its entry stood twice in the old text (twin paragraphs)', () => {
    const twinned = [...ENTRIES, ENTRIES[3] as string];
    const text = [HEAD, ...twinned].join('\n');
    const s = text.indexOf(ENTRIES[3]!);
    const sel = describe(text, s, s + 5);
    // One of the twins deleted, the rest reversed: the one left may be the other twin.
    const neu = reversed(ENTRIES, true);
    expect(anchorAll(neu, [sel])[0]).toBeNull();
    // Stored without the paragraph prints (describe() records them only with look-alikes): its
    // copies' context, as much as its entry's words, still says a twin may have stood there.
    const { para: _p, others: _o, twins: _t, ...bare } = sel;
    expect(anchorAll(neu, [bare])[0]).toBeNull();
  });

  it('leaves a date an orphan when its entry now stands twice (a copy pasted elsewhere)', () => {
    const neu = reversed([...ENTRIES, ENTRIES[2] as string], true);
    expect(anchorAll(neu, [selectors[2]!])[0]).toBeNull();
  });

  it('leaves an orphan when its paragraph was parted and a block copying it whole stands in the gap', () => {
    const first = '本报讯：新学期开学第一天，全体师生举行升旗仪式！校长作了简短讲话。';
    const text = [first, FILLER[0], FILLER[1]].join('\n');
    for (const cutAfter of ['，', '！']) {
      // The first line parted by a related-reading block that repeats it whole: its own place keeps
      // its start and the nearest words; the whole paragraph found elsewhere is the copy.
      const cut = first.indexOf(cutAfter) + 1;
      const neu = [first.slice(0, cut), '相关阅读：', first, '— 广告 —', first.slice(cut), FILLER[0], FILLER[1]].join('\n');
      for (const n of [4, 6]) expect(anchorAll(neu, [describe(text, 0, n)])[0]).toBeNull();
    }
  });
});

suite('a passage parted by whole lines inserted at a sentence end inside it', () => {
  const P = '科学技术是打开未来之门的钥匙，是推动人类文明进步的灯塔。现在我们正在迎来新一轮的科技革命，各国都在加紧布局。';
  const old = [FILLER[0], P, FILLER[1]].join('\n');
  const start = at(old, '灯塔。');
  const sel = describe(old, start, start + 7);
  const block = '\n相关阅读：\n数据说话｜你需要知道的几件事\n深度观察｜三个关键词\n';

  it('spans the inserted lines, from its first piece to its second', () => {
    for (const lines of [block, '\n— 广告 —\n']) {
      const neu = old.replace('灯塔。', `灯塔。${lines}`);
      const a = anchorAll(neu, [sel])[0];
      expect(a).toMatchObject({ start, end: at(neu, '现在我们') + 4 });
      expect(anchor(neu, sel)).toMatchObject({ start, end: at(neu, '现在我们') + 4 });
    }
  });

  it('places a passage beginning its paragraph, its start still a paragraph start', () => {
    const head = describe(old, at(old, '科学技术'), at(old, '，是推动'));
    const first = describe(old, at(old, '是推动'), at(old, '现在我们') + 4);
    const neu = old.replace('灯塔。', `灯塔。${block}`);
    expect(anchorAll(neu, [head])[0]).toMatchObject({ start: at(neu, '科学技术') });
    expect(anchorAll(neu, [first])[0]).toMatchObject({ start: at(neu, '是推动'), end: at(neu, '现在我们') + 4 });
  });

  it('leaves an orphan when its paragraph stands twice, parted the same way in both', () => {
    const twice = [FILLER[0], P, FILLER[1], P, FILLER[2]].join('\n');
    const s = at(twice, '灯塔。', 1);
    const twinSel = describe(twice, s, s + 7);
    // Both neighbours of the second twin replaced: nothing tells the twins apart (with its next
    // paragraph kept, that context tells, and main's passes place it there rightly).
    const neu = twice
      .replaceAll('灯塔。', `灯塔。${block}`)
      .replace(FILLER[1] as string, FILLER[3] as string)
      .replace(FILLER[2] as string, FILLER[4] as string);
    expect(anchorAll(neu, [twinSel])[0]).toBeNull();
  });

  it('does not join two pieces of a passage whose own words were cut, new lines standing between', () => {
    // The second sentence's head was rewritten: its piece is not the stored words.
    const neu = old.replace('灯塔。现在我们', `灯塔。${block}如今我们`);
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });
});
