/**
 * Issue 12 item 4, round 65 (anchor27c): a timeline whose entries were reversed (newest first) with a
 * made-up newest entry written on top. A short passage at an entry's head (its month, 3月) is told
 * from the month of every other entry only by the words of its own entry (ownpara.ts); the entry on
 * top adds one more copy of the month, and a copy gained was read as a reprint of the passage (a
 * caption, a pull-quote), so the passage stayed an orphan. A gained copy with none of the passage's
 * own nearest words beside it is new words, not a reprint: the own-paragraph placement stands. A
 * gained copy WITH those words beside it (a pull-quote line repeating the entry's opening) still
 * leaves the passage in doubt. Our own made-up text throughout.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../shared/anchoring/index';
import { FILLER } from './helpers/anchoring-text';

const DAYS = [3, 5, 8, 9, 12, 15, 18, 21, 24, 27, 29];
const ENTRIES = FILLER.slice(0, DAYS.length).map((words, i) => ({ date: `3月${DAYS[i]}日`, words }));
const TITLE = '春季工作回顾';
const OLD = [TITLE, ...ENTRIES.map((e) => `${e.date}，${e.words}`)].join('\n');
const REVERSED = [...ENTRIES].reverse();

function monthOf(text: string, date: string, mark: string): number {
  const at = text.indexOf(`${date}${mark}`);
  if (at < 0) throw new Error(`no entry ${date}`);
  return at;
}

function monthSelector(date: string) {
  const at = monthOf(OLD, date, '，');
  return describe(OLD, at, at + 2);
}

suite('a timeline reversed with its newest entry written on top (ownpara.ts, a gained copy of new words)', () => {
  for (const mark of ['，', '：']) {
    it(`places each entry's month on its own entry (the date's mark written as ${mark})`, () => {
      const neu = [TITLE, `3月30日${mark}新的一批项目开工。`, ...REVERSED.map((e) => `${e.date}${mark}${e.words}`)].join('\n');
      const placed = anchorAll(
        neu,
        ENTRIES.map((e) => monthSelector(e.date)),
      );
      ENTRIES.forEach((e, i) => {
        const at = monthOf(neu, e.date, mark);
        expect(placed[i], e.date).toMatchObject({ start: at, end: at + 2 });
      });
    });
  }

  it('places one entry’s month alone (a batch of one)', () => {
    const neu = [TITLE, '3月30日：新的一批项目开工。', ...REVERSED.map((e) => `${e.date}：${e.words}`)].join('\n');
    const at = monthOf(neu, '3月9日', '：');
    expect(anchor(neu, monthSelector('3月9日'))).toMatchObject({ start: at, end: at + 2 });
  });

  it('leaves the month in doubt where the gained copy has the entry’s own first words beside it (a pull-quote line)', () => {
    const entry = ENTRIES[3]!;
    const pull = `${entry.date}：${entry.words.slice(0, 8)}……`;
    const neu = [TITLE, pull, ...REVERSED.map((e) => `${e.date}：${e.words}`)].join('\n');
    // Which of the two is the passage's is what the gained copy puts in doubt: neither is taken.
    expect(anchor(neu, monthSelector(entry.date))).toBeNull();
  });

  it('still places the month where the gained copy is new words (the same text without the pull-quote’s words)', () => {
    const entry = ENTRIES[3]!;
    const neu = [TITLE, '3月30日：新的一批项目开工……', ...REVERSED.map((e) => `${e.date}：${e.words}`)].join('\n');
    const at = monthOf(neu, entry.date, '：');
    expect(anchor(neu, monthSelector(entry.date))).toMatchObject({ start: at, end: at + 2 });
  });
});
