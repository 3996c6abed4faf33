/**
 * The one date module (shared/dates.ts). Feeds and meta tags used to be read by two parsers
 * with different rules; these are the cases where they disagreed, now read one way.
 */
import { describe, expect, it } from 'vitest';
import { findDate, isoOf, parseDateValue, unixToIso } from '../../shared/dates';

describe('one date parser for feeds and meta tags', () => {
  it.each([
    // A feed's UTC evening is the next day in China (a page's meta: see below).
    ['2024-03-05T20:00:00Z', '2024-03-06'],
    ['2024-03-05T20:00:00+08:00', '2024-03-05'],
    // The feed parser knew neither Chinese numerals nor full-width digits.
    ['二〇二四年三月五日', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024年3月5日 10:00', '2024-03-05'],
    // Nor compact dates or milliseconds; the meta parser knew no RFC 822.
    ['20240305', '2024-03-05'],
    ['1709600400000', '2024-03-05'],
    ['1709600400', '2024-03-05'],
    ['Tue, 05 Mar 2024 20:00:00 GMT', '2024-03-06'],
    ['Tue, 05 Mar 2024 20:00:00 +0800', '2024-03-05'],
  ])('%s → %s', (value, iso) => {
    expect(parseDateValue(value)).toBe(iso);
  });

  it("a page's meta tags count as written, in any of the same forms", () => {
    expect(parseDateValue('2024-03-05T20:00:00Z', { asWritten: true })).toBe('2024-03-05');
    expect(parseDateValue('Tue, 05 Mar 2024 20:00:00 GMT', { asWritten: true })).toBe('2024-03-05');
    expect(parseDateValue('二〇二四年三月五日', { asWritten: true })).toBe('2024-03-05');
  });

  it.each([['2024-02-30'], ['1970-01-01'], ['3月5日'], ['not a date'], [''], ['0']])('%s is no date', (value) => {
    expect(parseDateValue(value)).toBeNull();
  });

  it('checks real days and the year range in one place', () => {
    expect(isoOf(2024, 2, 29)).toBe('2024-02-29');
    expect(isoOf(2023, 2, 29)).toBeNull();
    expect(isoOf(1979, 1, 1)).toBeNull();
    expect(findDate('发布时间：2012年10月10日 访问量')).toBe('2012-10-10');
    expect(unixToIso(-1)).toBeNull();
  });
});
