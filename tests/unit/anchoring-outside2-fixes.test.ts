/**
 * Issue 12 item 4, the second outside tester's bench (tests/bench/anchoring-outside2.ts), class
 * "changed inside": converter debris inside a passage (HTML character references left as text,
 * zero-width and soft-hyphen units, footnote markers) is seen through by the comparison form,
 * and the placed span maps back to whole raw units. Class "unchanged but repeated": a passage a
 * long article holds twice (two pages of one story), chosen by its old position, is kept where
 * sparse placed neighbours put it.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { normalise, normaliseWithMap } from '../../shared/anchoring/normalise';
import { at, filler } from './helpers/anchoring-text';

const EN = [
  'The committee met on Tuesday to review the budget for the coming year and its many line items.',
  'Within a decade, more than nine hundred billion in interest payments will be due annually, easily outpacing spending on myriad other programs.',
  'Several members asked for a second reading before any vote, citing the size of the proposed changes.',
  '“But a large tax cut at the end of a business cycle with borrowed money won’t end well,” he said.',
  'The chair promised a written answer to every question raised during the session by the end of the month.',
];

suite('converter debris inside a passage', () => {
  it('sees through &nbsp; and zero-width units inside a long sentence', () => {
    const old = EN.join('\n');
    const start = at(old, EN[1]!);
    const sel = describe(old, start, start + EN[1]!.length);
    const edited = EN[1]!
      .replace('a decade', 'a&nbsp;decade')
      .replace('annually, easily', 'annually,&nbsp;easily')
      .replace('payments', 'pay\u200dments');
    const neu = [EN[0], edited, ...EN.slice(2)].join('\n');
    const got = anchor(neu, sel);
    expect(got).not.toBeNull();
    expect(neu.slice(got!.start, got!.end)).toBe(edited);
  });

  it('ends after a whole character reference, never inside one', () => {
    const old = EN.join('\n');
    const phrase = 'money won’t end well';
    const start = at(old, phrase);
    const sel = describe(old, start, start + phrase.length);
    const neu = old.replace('won’t', 'won&rsquo;t').replace('cycle with', 'cycle&nbsp;with').replace('“But', '&ldquo;But');
    const got = anchor(neu, sel);
    expect(got).not.toBeNull();
    expect(neu.slice(got!.start, got!.end)).toBe('money won&rsquo;t end well');
  });

  it('leaves a character reference at the edge out of the placed span', () => {
    const paras = filler(0, 3);
    paras.splice(1, 0, '在一家龙头公司里坐“火箭”，汪勇是少数中的少数，也是同事们口中的拼命三郎。');
    const old = paras.join('\n');
    const start = at(old, '“火箭”');
    const sel = describe(old, start, start + 4);
    const neu = old.replace('“火箭”', '&ldquo;火箭&rdquo;');
    const got = anchor(neu, sel);
    expect(got).not.toBeNull();
    expect(neu.slice(got!.start, got!.end)).toBe('火箭');
  });

  it('sees through footnote markers and soft hyphens in a short sentence', () => {
    const paras = filler(0, 4);
    const sentence = '会议强调要把调查研究作为基本功。';
    paras.splice(2, 0, sentence + '与会同志结合分管工作作了交流发言。');
    const old = paras.join('\n');
    const clause = '把调查研究作为基本功';
    const start = at(old, clause);
    const sel = describe(old, start, start + clause.length);
    for (const marked of ['把调查〔33〕研究作为基①本功', '把调\u00ad查[2]研究作^4为基本功']) {
      const neu = old.replace(clause, marked);
      const got = anchor(neu, sel);
      expect(got, marked).not.toBeNull();
      expect(neu.slice(got!.start, got!.end), marked).toBe(marked);
    }
  });

  it('places every highlight of a batch on a text full of references', () => {
    const old = EN.join('\n');
    const phrases = ['review the budget', 'second reading before any vote', 'written answer to every question'];
    const sels = phrases.map((p) => describe(old, at(old, p), at(old, p) + p.length));
    const neu = old.replace(/ the /g, '&nbsp;the&nbsp;');
    const got = anchorAll(neu, sels);
    got.forEach((a, i) => {
      expect(a, phrases[i]).not.toBeNull();
      expect(normalise(neu.slice(a!.start, a!.end))).toBe(normalise(phrases[i]!));
    });
  });
});

const STORY = [
  '记者从市住建局获悉，老旧小区改造今年将覆盖全市一百二十个小区。',
  '该项目距离地铁四号线客运港站仅约五百米，是第一家实现与地铁无缝接驳的港口。',
  '改造内容包括加装电梯、更新管网和增设充电桩，居民可以通过小程序提出意见。',
];

suite('a passage an article holds twice, far apart', () => {
  it('keeps the copy where placed neighbours farther than the tight window put it', () => {
    // The story page twice, thousands of units apart, with the same context around both copies.
    const head = filler(0, 60);
    const before = filler(300, 150);
    const between = filler(60, 150);
    const tail = filler(210, 40);
    const old = [...STORY, ...before, ...head, ...STORY, ...tail.slice(0, 30), ...between, ...tail.slice(30)].join('\n');
    const second = at(old, STORY[1]!, 1);
    const nb = at(old, before[10]!); // the only neighbour before: beyond the tight window's reach
    const na = at(old, tail[20]!); // and one after
    const sels = [
      describe(old, nb, nb + before[10]!.length),
      describe(old, second, second + STORY[1]!.length),
      describe(old, na, na + tail[20]!.length),
    ];
    // An editor's note on top moves everything.
    const note = '编者按：本文根据记者现场采访整理，部分数据来自有关部门公开发布的材料。';
    const neu = note + '\n' + old;
    const shift = note.length + 1;
    const got = anchorAll(neu, sels);
    expect(got[0]).toMatchObject({ start: nb + shift });
    expect(got[2]).toMatchObject({ start: na + shift });
    expect(got[1]).toMatchObject({ start: second + shift, end: second + shift + STORY[1]!.length });
  });
});

suite('comparison form with references and markers', () => {
  it('maps every unit back to the raw units it stands for', () => {
    const raw = 'a&amp;b&#8220;c&#x4e2d;〔12〕d[3]e\u200df&bogus;g';
    const { text, map, ends } = normaliseWithMap(raw);
    expect(text).toBe(normalise(raw));
    expect(text).toBe('a&b"c中def&bogus;g');
    expect(raw.slice(map[1]!, ends[1]!)).toBe('&amp;');
    expect(raw.slice(map[3]!, ends[3]!)).toBe('&#8220;');
    expect(raw.slice(map[5]!, ends[5]!)).toBe('&#x4e2d;');
  });
});
