/**
 * Counting 字 the way Chinese offices do: every CJK character, full-width punctuation and
 * letter/digit counts once; whitespace does not. Code points, not UTF-16 units.
 */
export function countZi(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) n++;
  }
  return n;
}

/** Shows an ISO date (YYYY-MM-DD or a full ISO string) the Chinese way: 2012年10月10日. */
export function formatChineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Collapses runs of whitespace (including full-width spaces) inside one block of text. */
export function normaliseBlock(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** A tag as stored, from what a user types: chips show "#调研", so "#调研" and "调研" are one tag. */
export function bareTag(tag: string): string {
  return tag
    .trim()
    .replace(/^[#＃]+/, '')
    .trim();
}
