/**
 * Issue 12 item 4, round 40 (anchor21e): built by hand, our own words.
 * - A CMS that leaked its markup into the article text: paragraphs inside <p>…</p> (or
 *   <p style="…">), some sentences and terms inside <strong>/<span style="…">, <br /> between
 *   sentences. A leaked formatting tag is no words: the comparison form drops it (normalise.ts
 *   tagAt), so a passage with a tag now inside or beside it is placed on its own words, and a
 *   paragraph's outline marker after <p> is still the paragraph's head.
 * - What only looks like a tag (a < or > of a comparison, a tag name not of text formatting, an
 *   unclosed one) is words and stays compared.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { normalise, tagAt } from '../../shared/anchoring/normalise';
import { at } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};
const untag = (s: string) => s.replace(/<\/?(?:p|strong|span|br)(?: [^<>]*)?\s*\/?>/g, '');

suite('a CMS that leaked its formatting tags into the text', () => {
  const P = [
    '山区小学的午餐改革',
    '今年秋季开学后，县里的二十三所山区小学都用上了新建的食堂，孩子们中午不必再带冷饭。',
    '（一）食材从哪里来。学校和附近的合作社签了供货协议，蔬菜每天清晨送到，肉蛋每周两次。',
    '（二）钱从哪里出。每名学生每天补助五元，其余部分由县财政兜底，家长不再额外交钱。',
    '校长说，食堂开张那天，好几个孩子把饭盒舔得干干净净，让老师们既心疼又高兴。',
  ];
  const OLD = P.join('\n');
  const SENT = '学校和附近的合作社签了供货协议，蔬菜每天清晨送到，肉蛋每周两次。';
  const TERM = '县财政兜底';
  const HEAD = '（二）钱从哪里出。';
  const CROSS = '肉蛋每周两次。\n（二）钱从';
  const NEW = [
    P[0],
    '<p style="text-indent:2em;">今年秋季开学后，县里的二十三所山区小学都用上了新建的食堂，<br />孩子们中午不必再带冷饭。</p>',
    '<p style="text-indent:2em;">（一）食材从哪里来。<strong>学校和附近的合作社签了供货协议，</strong>蔬菜每天清晨送到，<span style="color:#c00000;">肉蛋</span>每周两次。</p>',
    '<p style="text-indent:2em;">（二）钱从哪里出。每名学生每天补助五元，其余部分由<strong>县财政兜底</strong>，家长不再额外交钱。</p>',
    P[4],
  ].join('\n');

  it('places passages whose words now have tags inside or around them, on those words', () => {
    const sels = [SENT, TERM, HEAD, CROSS, '孩子们中午不必再带冷饭'].map((q) => describe(OLD, ...span(OLD, q)));
    const out = anchorAll(NEW, sels);
    const got = out.map((a) => (a ? untag(NEW.slice(a.start, a.end)) : null));
    expect(got[0]).toBe(SENT);
    expect(got[1]).toBe(TERM);
    expect(got[2]).toBe(HEAD);
    expect(got[3]).toBe(CROSS);
    expect(got[4]).toBe('孩子们中午不必再带冷饭');
    // The sentence begins on its first word, inside the <strong> the CMS wrote before it.
    expect(out[0]?.start).toBe(at(NEW, '学校和附近'));
    expect(out[1]?.start).toBe(at(NEW, TERM));
  });

  it('drops formatting tags from the comparison form, and a marker after <p> is still a head', () => {
    expect(normalise('<p style="text-indent:2em;">（二）钱从哪里出</p>', true)).toBe(normalise('（二）钱从哪里出', true));
    expect(normalise('由<span style="color:#c00000;">县财政</span>兜底<br />')).toBe(normalise('由县财政兜底'));
    expect(tagAt('<P CLASS="x">', 0)).toBe(13);
    expect(tagAt('</strong >', 0)).toBe(10);
  });
});

suite('what only looks like a tag is words', () => {
  it('keeps a comparison sign, a non-formatting name and an unclosed tag in the comparison form', () => {
    expect(normalise('收入<5万元的家庭')).toContain('<');
    expect(normalise('若a<b c>d则成立')).toContain('<');
    expect(normalise('指令<script>不执行')).toContain('<');
    expect(normalise('<p 未闭合的')).toContain('<');
    expect(tagAt('<b时', 0)).toBe(0);
  });
});

suite('a passage standing at its stored offset with its own line unchanged', () => {
  const P = [
    '本报讯（记者田野）入冬以来，城北供热公司提前十天点火试运行，全市八百多个小区的暖气陆续热了起来。',
    '据供热公司介绍，今年新铺设的管网长达四十公里，老旧小区的散热器也换了一批。',
    '家住城北的王大爷说，往年这个时候屋里只有十五六度，今年一进门就觉得暖和。',
  ];
  const OLD = P.join('\n');
  const Q = '暖气陆续热了';

  it('keeps it there, not on an inserted line quoting its paragraph whole before the next one', () => {
    const sel = describe(OLD, ...span(OLD, Q));
    // An editor's note written under the lead, quoting it whole: the copy's far context (past the
    // line break) now reads as the stored one, the passage's own line is where it was.
    const NEW = [P[0], `编者按：本报此前报道，${P[0]}`, P[1], P[2]].join('\n');
    const [a] = anchorAll(NEW, [sel]);
    expect(a?.start).toBe(at(OLD, Q));
    expect(NEW.slice(a!.start, a!.end)).toBe(Q);
  });
});
