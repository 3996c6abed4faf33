/**
 * Issue 12 item 4, round 66 (anchor27c): a timeline whose entries were reversed, a short heading-like
 * entry (3月9日，办好两件实事) standing before a long one in the old text. The month leading the long
 * entry stored that whole heading line before it; reversed, the heading line now stands before
 * another entry's month, and replaced.ts neighbourLineElsewhere read that as lines moved across
 * copies with nothing stored to say which copy is the passage's. The passage's own paragraph words
 * on the other side (5日，图书室重新开放以后…) do say it: they stand at the placement and not at the
 * copy the line went to. A twin printing of the same entry, holding those words too, stays in doubt.
 * Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../shared/anchoring/index';
import { documentFor } from '../../shared/anchoring/doc';
import { neighbourLineElsewhere } from '../../shared/anchoring/replaced';
import { FILLER } from './helpers/anchoring-text';

const HEADS = ['抓好三件事', '办好两件实事', '守住一条底线', '种好责任田'];
const DAYS = [2, 5, 9, 12, 16, 19, 23, 26];
const WORDS = HEADS.flatMap((head, i) => [head, FILLER[i]!]);
const ENTRIES = WORDS.map((words, i) => ({ date: `3月${DAYS[i]}日`, words }));
const line = (e: { date: string; words: string }) => `${e.date}，${e.words}`;
const OLD = ['春季工作回顾', ...ENTRIES.map(line)].join('\n');
/** A long entry whose previous line, a heading entry, the stored prefix holds whole. */
const LONG = ENTRIES[3]!;

function monthSelector() {
  const at = OLD.indexOf(`${LONG.date}，`);
  return describe(OLD, at, at + 2);
}

function placedAt(text: string, n = 0) {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(`${LONG.date}，`, at + 1);
  return { start: at, end: at + 2, score: 1 };
}

suite('the stored neighbouring line before another copy, the own words after the placement (replaced.ts)', () => {
  it('keeps the month on its own entry in a timeline reversed newest-first', () => {
    const s = monthSelector();
    expect(s.prefix).toContain(`\n${ENTRIES[2]!.date}，${ENTRIES[2]!.words}\n`);
    const neu = ['春季工作回顾', ...[...ENTRIES].reverse().map(line)].join('\n');
    expect(neighbourLineElsewhere(documentFor(neu), s, placedAt(neu))).toBe(false);
  });

  it('still doubts a copy where another printing of the entry, with the same own words, has the stored line before it', () => {
    const twin = ['春季工作回顾', line(LONG), line(ENTRIES[2]!), line(LONG)].join('\n');
    expect(neighbourLineElsewhere(documentFor(twin), monthSelector(), placedAt(twin))).toBe(true);
  });
});
