/**
 * Issue 12 item 4: an abridged reprint (the eighth outside bench's abridge kind, every paragraph
 * cut to its first sentence), built by hand. The highlight is a name that closes one paragraph
 * (……”星光公司说。) and opens the next (星光公司声明称……); the reprint drops the first. The other
 * copy then has the passage's prefix right before it, and after it the words that followed the
 * suffix's own copy of the name: it is that copy, not the passage (contextcopy.ts).
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';

const PARAS = [
  '据本报记者报道，针对网上“星光公司拖欠工资”的说法，星光公司昨天对记者表示，“我们核查了有关说法，大部分内容与事实不符。”',
  '同时，星光公司表示，“我们在核查中确实发现个别班组的加班时间偏长，我们正在与承包方一起解决这个问题。”',
  '据当地媒体报道，一家行业协会上周发布的报告称，星光公司在城东的一家工厂，上个月临时工人数超过了全厂职工的一半。这超过了有关规定的比例。',
  '“我们已经确认所有工人都拿到了应得的工资，包括加班费和奖金，所有加班都是自愿的，没有发现强迫劳动的情况。”星光公司说。',
  '星光公司声明称，相信每一位在工厂里工作的工人都有尊严并应该得到尊重。为了确保规定得到遵守，我们建立了培训、访谈和申诉等一整套制度。',
  '记者通过电话联系了承包方，截至发稿时，尚未得到回应。',
];
const OLD = PARAS.join('\n');
const NAME = '星光公司';
const AT = OLD.indexOf(`${NAME}说`);

/** Every paragraph after the first cut to its first sentence (a closing quotation mark kept with it). */
function abridged(paras: readonly string[]): string {
  return paras.map((p, i) => (i === 0 ? p : (/^[^。！？]*[。！？]”?/u.exec(p)?.[0] ?? p))).join('\n');
}

suite('a name that closed a paragraph, dropped by an abridged reprint', () => {
  const sel = describe(OLD, AT, AT + NAME.length);

  it('is an orphan, not placed on the copy that opened the next paragraph', () => {
    const neu = abridged(PARAS);
    expect(neu).toContain('的情况。”\n星光公司声明称');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('places the copy that opened the next paragraph, itself highlighted, on its words', () => {
    const at = OLD.indexOf(`${NAME}声明`);
    const neu = abridged(PARAS);
    const a = anchorAll(neu, [describe(OLD, at, at + NAME.length)])[0];
    expect(a).toMatchObject({ start: neu.indexOf(`${NAME}声明`), end: neu.indexOf(`${NAME}声明`) + NAME.length });
  });

  it('is still placed where the reprint kept it', () => {
    const kept = [...PARAS.slice(0, 3), PARAS[3]!, PARAS[4]!.slice(0, PARAS[4]!.indexOf('。') + 1), PARAS[5]!];
    const neu = kept.join('\n');
    const a = anchorAll(neu, [sel])[0];
    expect(a).toMatchObject({ start: neu.indexOf(`${NAME}说`), end: neu.indexOf(`${NAME}说`) + NAME.length });
  });
});
