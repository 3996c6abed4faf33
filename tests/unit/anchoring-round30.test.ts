/**
 * Issue 12 item 4, round 30 (anchor19d): built by hand, our own words.
 * - A label highlighted (十二条\u3000调, begun inside 第十二条) whose article was deleted is not placed
 *   on the next article's label because the two articles share most two-unit pieces: a label on
 *   another marker must head its stored words in order (labelwords.ts).
 * - A phrase the old text held twice, whose own clause a 正式稿 cut, is not placed on the other
 *   copy that gained context when its own clause was cut too: the passage's place stands with the
 *   stored context joined across the cut (dropped.ts).
 * - A passage inside a page laid out in two columns and copied row by row is read through the
 *   columns: its stored context goes on at a piece of the next or previous line (columns.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('a label whose article was deleted is not placed on the next label', () => {
  const A11 = '第十一条　调解委员会受理纠纷以后，应当及时指派调解员，并听取双方当事人的陈述。';
  const A12 = '第十二条　调解员在调解过程中，可以邀请当事人的亲属或者邻里参与调解工作。';
  // Parallel wording: most two-unit pieces of A12's words stand here too, in another order.
  const A13 = '第十三条　调解员在调解过程中，对于当事人的亲属或者邻里提出的意见，可以邀请参与调解工作的人员一并听取。';
  const A14 = '第十四条　调解达成协议的，调解委员会应当制作调解协议书，由双方当事人签名。';
  const OLD = [A11, A12, A13, A14].join('\n');
  const label = describe(OLD, ...span(OLD, '二条　调'));

  it('leaves the label an orphan when its article went', () => {
    const NEW = [A11, A13, A14].join('\n');
    expect(anchorAll(NEW, [label])).toEqual([null]);
    expect(anchor(NEW, label)).toBeNull();
  });

  it('still places the label renumbered over its own words', () => {
    // 第十一条 deleted, the rest renumbered: 第十二条 is now 第十一条, its words unchanged.
    const NEW = [A12.replace('第十二条', '第十一条'), A13.replace('第十三条', '第十二条'), A14.replace('第十四条', '第十三条')].join('\n');
    const a = anchorAll(NEW, [label])[0];
    expect(a).not.toBeNull();
    expect(NEW.slice(a!.start, a!.end)).toBe('一条　调');
  });
});

suite('a phrase held twice, its own clause cut, is not placed on the other copy', () => {
  const [a, b, c, d] = filler(0, 4);
  const TAIL = '一学期算下来每个孩子的花费普遍在一千元到两千元之间，多的能到三千元。';
  const OWN = `有几位家长告诉记者，每节兴趣课的费用在二十元到五十元不等，${TAIL}`;
  const OTHER = `前述几位家长告诉记者，每节兴趣课的费用在二十元到五十元不等，只要不算太贵，多报几门也愿意。${TAIL}`;
  const OLD = [a, OWN, b, c, OTHER, d].join('\n');
  const sel = describe(OLD, ...span(OLD, '二十元到五十元'));
  // The 正式稿: the own sentence's clause with the phrase cut; the other copy's 只要… clause cut and 。→，.
  const OWN_CUT = `有几位家长告诉记者，${TAIL}`;
  const OTHER_CUT = `前述几位家长告诉记者，每节兴趣课的费用在二十元到五十元不等，多报几门也愿意，${TAIL}`;

  it('records the other copy', () => {
    expect(sel.copies).toBe(1);
  });

  it('leaves the passage an orphan when its clause went and the other copy gained context', () => {
    const NEW = [a, OWN_CUT, b, c, OTHER_CUT, d].join('\n');
    expect(anchorAll(NEW, [sel])).toEqual([null]);
  });

  it('places the passage on its own copy when only the other copy was cut (a paragraph inserted before it)', () => {
    const NEW = [a, '编者按：本文有删改。', OWN, b, c, OTHER_CUT, d].join('\n');
    expect(anchorAll(NEW, [sel])[0]).toMatchObject({ start: at(NEW, '二十元到五十元') });
  });
});

/**
 * Lays paragraphs out in two columns of `width` units per line and `height` lines per column, and
 * copies them back row by row: left line, `gap`, right line (our own layout, as a PDF reader copies one).
 */
function twoColumns(paras: readonly string[], width: number, height: number, gap: string): string {
  const lines: string[] = [];
  for (const p of paras) for (let x = 0; x < p.length; x += width) lines.push(p.slice(x, x + width));
  const rows: string[] = [];
  for (let p = 0; p < lines.length; p += 2 * height) {
    const left = lines.slice(p, p + height);
    const right = lines.slice(p + height, p + 2 * height);
    left.forEach((l, i) => rows.push(right[i] !== undefined ? l + gap + right[i] : l));
  }
  return rows.join('\n');
}

suite('a passage in a page of two columns copied row by row', () => {
  const head = filler(0, 2);
  // One paragraph with words spaced apart (a model name): the gaps inside a column's line are words'.
  const body = [...filler(2, 4), '学校新添的平板电脑型号为 Lumo 7 Max 教学版，每个班级配备了十台，由信息老师统一保管。', ...filler(6, 4)];
  const tail = filler(10, 2);
  const OLD = [...head, ...body, ...tail].join('\n');
  const laid = (gap: string) => [...head, twoColumns(body, 15, 6, gap), ...tail].join('\n');

  it('places a short term whose context on both sides is now the other column', () => {
    const quotes = ['新设备', '连环画', '夜校', '塑胶操场', '教学版'];
    for (const gap of ['\u3000', '  ']) {
      const NEW = laid(gap);
      const sels = quotes.map((q) => describe(OLD, ...span(OLD, q)));
      const placed = anchorAll(NEW, sels);
      quotes.forEach((q, i) => {
        const p = placed[i];
        expect(p, `${q} ${JSON.stringify(gap)}`).not.toBeNull();
        expect(NEW.slice(p!.start, p!.end)).toBe(q);
        expect(p!.start).toBe(at(NEW, q));
      });
    }
  });

  it('leaves a term an orphan when its own words went and a copy stands in another column line', () => {
    // 新设备 rewritten in its paragraph; the same term put in another paragraph of the columns.
    const edited = body.map((p) =>
      p.includes('新设备')
        ? p.replace('添了新设备', '换了一批仪器')
        : p.includes('塑胶操场')
          ? p.replace('塑胶操场', '塑胶操场和新设备')
          : p,
    );
    const NEW = [...head, twoColumns(edited, 15, 6, '\u3000'), ...tail].join('\n');
    const sel = describe(OLD, ...span(OLD, '新设备'));
    expect(anchorAll(NEW, [sel])).toEqual([null]);
  });
});

suite('a pull quote set as "■ words" is not a row of columns', () => {
  it('never places a passage on the pull quote copying its line', () => {
    const [a, b, c] = filler(0, 3);
    const LINE = '18秋新款保暖外套同款轻薄羽绒服';
    const OLD = [a, b, LINE, c].join('\n');
    const sel = describe(OLD, ...span(OLD, '秋新款保'));
    // The pull quote, a copy of the next line led by a bullet and a space, set right before it.
    const NEW = [a, b, `■ ${LINE}`, LINE, c].join('\n');
    const got = anchorAll(NEW, [sel])[0];
    const pull = at(NEW, '秋新款保');
    expect(got?.start).not.toBe(pull);
  });
});
