/**
 * Issue 12 item 4, round 31 (anchor19f): built by hand, our own words.
 * - The first words of a text, when a revision repeats its first line under lines it writes on
 *   top (a 转载 head: the title, 来源/作者/发布时间, the title again): the copy at the text's start
 *   keeps the edge, the copy under the head keeps the words after and the neighbours' shift.
 *   Nothing says which is the passage's: an orphan, not the copy the neighbours point at.
 * - A line of code (one space between ASCII words) is not a row of two columns: a passage in a
 *   code block repeated with other lines around it is not read through "columns" onto another
 *   block's copy when its own block had lines inserted between its lines (columns.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

suite('first words of a line repeated under a written head', () => {
  const TITLE = '江边小镇的秋天来得格外早';
  const BODY = [
    '清晨的渡口还笼着薄雾，摆渡的老人已经把船擦得干干净净，等着第一批赶集的乡亲。',
    '镇上的茶馆开门最早，炉子上的铜壶咕嘟作响，几位老茶客照例坐在靠窗的位置谈天。',
    '午后阳光正好，孩子们在河滩上追着落叶跑，笑声一直传到对岸的橘子林里。',
    '傍晚时分，炊烟从青瓦屋顶上升起，整条街都飘着新米饭和腊肉的香味。',
  ];
  const OLD = [TITLE, ...BODY].join('\n');
  const HEAD = '来源：某某晚报\n作者：某某\n发布时间：2023-09-18 16:40\n';
  const sels = [
    describe(OLD, ...span(OLD, '江边小镇')),
    describe(OLD, ...span(OLD, '摆渡的老人已经把船擦得干干净净')),
    describe(OLD, ...span(OLD, '几位老茶客照例坐在靠窗的位置谈天')),
    describe(OLD, ...span(OLD, '孩子们在河滩上追着落叶跑')),
  ];

  it('leaves the first words an orphan when the first line stands at the start and again under the head', () => {
    const NEW = [TITLE, HEAD + TITLE, ...BODY].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]).toBeNull();
    // The body's passages are placed where they went.
    expect(out[1]?.start).toBe(at(NEW, '摆渡的老人已经把船擦得干干净净'));
    expect(out[3]?.start).toBe(at(NEW, '孩子们在河滩上追着落叶跑'));
  });

  it('still places the first words under a head written above them (the start holds other words)', () => {
    const NEW = [HEAD + TITLE, ...BODY].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(at(NEW, '江边小镇'));
  });

  it('still places the first words at the start when nothing repeats them', () => {
    const NEW = [TITLE, '（本文有删改）', ...BODY].join('\n');
    const out = anchorAll(NEW, sels);
    expect(out[0]?.start).toBe(0);
  });
});

suite('a line of code is not a row of columns', () => {
  const P1 = '下面这段示例代码从配置文件读取参数，再把结果写进数据库里，供后面的步骤使用。';
  const P2 = '如果还想在读取结束时记下当前的时间，代码可能要改成下面的样子：';
  const P3 = '把这些步骤收进一个上下文管理器以后，代码就清爽多了，重构后的写法如下：';
  const B1 = 'import os import store import db\nsession = store.Open()\nwriter = db.Client().main.rows\ndef load():\nrow = session.pop()';
  const B2 =
    'import os import store import time import db\nsession = store.Open()\nwriter = db.Client().main.rows\ndef load():\nwhile True:\nrow = session.pop()';
  const B3 =
    'import os import store import time import db import tools\nsession = store.Open()\nwriter = db.Client().main.rows\ndef stamp():\nwriter.put(time.now())';
  const OLD = [P1, B1, P2, B2, P3, B3].join('\n');
  const i = at(OLD, 'session = store', 1);
  const s = describe(OLD, i, i + 'session = store'.length);

  it('does not place a line of the second block on the third block read as columns', () => {
    // Every line of the second block now follows a 返回目录 line (a 目录 edition).
    const B2n = B2.split('\n')
      .map((l) => `返回目录\n${l}`)
      .join('\n');
    const NEW = [P1, B1, P2, B2n, P3, B3].join('\n');
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a === null || a.start === at(NEW, 'session = store', 1)).toBe(true);
  });

  it('still places it where nothing was inserted', () => {
    const NEW = [P1, B1, P2, B2, P3, B3].join('\n').replace('把这些步骤', '把上面这些步骤');
    const a = anchorAll(NEW, [s])[0] ?? null;
    expect(a?.start).toBe(at(NEW, 'session = store', 1));
  });
});
