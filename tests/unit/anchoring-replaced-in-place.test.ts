/**
 * Issue 12 item 4: the fifth outside bench's leader wrongs (tests/bench/anchoring-outside5.ts,
 * seeds 185 and 192), built by hand. A report names its leaders before 指出/强调; the update
 * rewrites each mention's form (常务副市长+name → name+同志 at one, the other way round at
 * another). A highlight on 常务副市长+name at a mention whose form changed has no words left: its
 * stored context stands on both sides of the new form there. The title+name form written at
 * another mention, with only the words after it alike, is another passage's words.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { at, filler } from './helpers/anchoring-text';

const TITLED = '常务副市长孙建平';
const PLAIN = '孙建平同志';
const SAID = '强调，今年的重点是把老旧小区改造的钱用在群众最急需的地方。';

suite('a leader mention rewritten in place, the titled form written at another mention', () => {
  const [a, b, c, d, e] = filler(0, 5);

  it('leaves the titled form an orphan rather than on another mention that took it', () => {
    // Two mentions in the old text, ours (the second) titled, the first plain.
    const old = [a, PLAIN + SAID, b, c, TITLED + SAID, d, e].join('\n');
    const start = at(old, TITLED);
    const sel = describe(old, start, start + TITLED.length);
    const neu = [a, TITLED + SAID, b, c, PLAIN + SAID, d, e].join('\n');
    // The old code placed it on the first mention (the same words and the same words after them).
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('leaves it an orphan when the titled form stands at many mentions, the same words following one of them', () => {
    // Every paragraph opens with a mention; their forms are shuffled by the update.
    const paras = filler(10, 8);
    const said = ['指出，', '要求，', '强调，'];
    const mention = (i: number, titled: boolean) => (titled ? TITLED : PLAIN) + said[i % 3]! + paras[i];
    const oldParas = paras.map((_, i) => mention(i, i % 2 === 0));
    // Ours: the sixth paragraph (titled), saying what the second (plain) says.
    oldParas[1] = PLAIN + SAID;
    oldParas[6] = TITLED + SAID;
    const old = [a, ...oldParas, b].join('\n');
    const start = at(old, TITLED + SAID);
    const sel = describe(old, start, start + TITLED.length);
    const newParas = paras.map((_, i) => mention(i, i % 2 === 1));
    newParas[1] = TITLED + SAID;
    newParas[6] = PLAIN + SAID;
    const neu = [a, ...newParas, b].join('\n');
    expect(anchorAll(neu, [sel])[0]).toBeNull();
  });

  it('still places the titled form where it stayed, its context on both sides', () => {
    const old = [a, PLAIN + SAID, b, c, TITLED + SAID, d, e].join('\n');
    const start = at(old, TITLED);
    const sel = describe(old, start, start + TITLED.length);
    const neu = [a, '市长' + PLAIN + SAID, b, c, TITLED + SAID, d, e].join('\n');
    expect(anchorAll(neu, [sel])[0]?.start).toBe(at(neu, TITLED));
  });
});
