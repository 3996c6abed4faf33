/**
 * Issue 12 item 4: an excerpt (节选) cut a passage's paragraph, ——春风化雨，…, while the old text held
 * the same words without the dash elsewhere, now after a line cut to ……. The approximate search and
 * the own-paragraph pass read …… as the dash and placed the passage on that look-alike. describe()
 * records such look-alikes by words (wordCopies): once the new text holds the words no more often
 * than the look-alikes were, a placement on the words with other marks is refused (onWordsLookAlike).
 */
import { describe as suite, expect, it } from 'vitest';
import { newDocument, toNormalised } from '../../shared/anchoring/doc';
import { anchor, describe } from '../../shared/anchoring/index';
import { onWordsLookAlike } from '../../shared/anchoring/pinned';

const motto = '春风化雨，润物无声，教育的力量正在于此。';
const paras = [
  '山村教师的三十年',
  '一九九三年，刚从师范学校毕业的李老师回到了家乡的村小，从此再也没有离开过那三间教室。',
  '县里的报纸这样写他：“一个人撑起了一所学校。”',
  motto,
  '一',
  '最初的几年，学校只有十几个学生，分属三个年级，他一个人教所有的课程。',
  '后来村里修了公路，孩子们多了起来，教室也从三间变成了六间。',
  '“孩子们能走出大山，就是我最大的心愿。”',
  '——' + motto,
  '二',
  '如今，他教过的学生里已经有了医生、工程师和大学教授。',
];
const old = paras.join('\n');
const at = old.indexOf('——' + motto);
const selector = describe(old, at, at + 7);

suite('a passage lost, its words with other marks standing where the old text had them too', () => {
  it('records the look-alike by words', () => {
    expect(selector.copies).toBe(0);
    expect(selector.wordCopies).toBe(1);
  });

  it('leaves the passage an orphan when its paragraph was cut and the look-alike is after ……', () => {
    const now = [paras[0], paras[1], '……', motto, paras[4], paras[5], paras[6], paras[9], paras[10]].join('\n');
    expect(anchor(now, selector)).toBeNull();
  });

  it('judges only when the words are held no more often than the look-alikes were', () => {
    // The passage's own run kept (its dash restyled): two runs of the words, as before; not this rule's to refuse.
    const restyled = old.replace('——' + motto, '—' + motto);
    const doc = newDocument(restyled);
    const own = restyled.indexOf('—' + motto);
    expect(onWordsLookAlike(doc, selector, toNormalised(doc, own), toNormalised(doc, own + 6))).toBe(false);
    // The other run gone too: one run, no more than the look-alikes were, and it may be theirs: refused (an orphan is not wrong).
    const alone = restyled.replace(`\n${motto}\n`, '\n');
    const doc2 = newDocument(alone);
    const own2 = alone.indexOf('—' + motto);
    expect(onWordsLookAlike(doc2, selector, toNormalised(doc2, own2), toNormalised(doc2, own2 + 6))).toBe(true);
    // The quote's very units are never refused here.
    const doc3 = newDocument(old.replace(`\n${motto}\n`, '\n'));
    const at3 = doc3.raw.indexOf('——' + motto);
    expect(onWordsLookAlike(doc3, selector, toNormalised(doc3, at3), toNormalised(doc3, at3 + 7))).toBe(false);
  });
});
