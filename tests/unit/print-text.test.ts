import { describe, expect, it } from 'vitest';
import { isAccountName, nestBookTitles, printableAuthor, timeWithoutDate } from '../../shared/print-text';

describe('nested book-title marks', () => {
  it('prints the inner pair as 〈〉 and keeps every offset', () => {
    const cases: [string, string][] = [
      ['《关于《决定》的说明》', '《关于〈决定〉的说明》'],
      ['学习《关于《中共中央关于〈某〉的决定》的说明》一文', '学习《关于〈中共中央关于《某》的决定〉的说明》一文'],
      ['《甲》和《乙》', '《甲》和《乙》'],
      ['《关于〈决定〉的说明》', '《关于〈决定〉的说明》'],
      ['没有书名号', '没有书名号'],
      // An unbalanced closer is left alone; an unclosed opener nests what follows.
      ['》《甲《乙》', '》《甲〈乙〉'],
    ];
    for (const [input, want] of cases) {
      const got = nestBookTitles(input);
      expect(got, input).toBe(want);
      expect(got.length).toBe(input.length);
    }
  });
});

describe('CMS account names as authors', () => {
  it('drops accounts and logins, keeps people', () => {
    for (const a of [
      'admin',
      'Admin',
      'ADMINISTRATOR',
      'editor',
      '管理员',
      '系统管理员',
      '网站编辑',
      'zhangsan',
      'web_editor',
      'liming01',
      'a.b',
    ])
      expect(isAccountName(a), a).toBe(true);
    for (const a of ['张三', '本报评论员', '新华社记者 李明', 'Li Ming', 'Zhang', 'ZhangSan', '', '  '])
      expect(isAccountName(a), a).toBe(false);
  });

  it('printableAuthor gives the author to print or nothing', () => {
    expect(printableAuthor(' admin ')).toBe('');
    expect(printableAuthor(null)).toBe('');
    expect(printableAuthor(' 张三 ')).toBe('张三');
  });
});

describe('time without the date', () => {
  it('drops the session date however it was written, keeps another day', () => {
    const date = '2026-03-12';
    expect(timeWithoutDate('14:30—17:00', date)).toBe('14:30—17:00');
    expect(timeWithoutDate('2026年3月12日 14:30—17:00', date)).toBe('14:30—17:00');
    expect(timeWithoutDate('2026年03月12日（星期四）下午', date)).toBe('下午');
    expect(timeWithoutDate('2026-03-12 14:30', date)).toBe('14:30');
    expect(timeWithoutDate('3月12日 上午9:00', date)).toBe('上午9:00');
    expect(timeWithoutDate('3月13日 上午9:00', date)).toBe('3月13日 上午9:00');
    expect(timeWithoutDate(' 9:00 ', '')).toBe('9:00');
  });
});
