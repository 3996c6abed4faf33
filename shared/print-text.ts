/**
 * Text as it goes on paper (print views and Word files), never as stored: nested book-title
 * marks, author fields that are a CMS login rather than a person, a time that repeats the date.
 */

/**
 * Book-title marks inside book-title marks, as typeset: 《关于〈决定〉的说明》. Every 《》 pair
 * at an even depth becomes 〈〉 (and a stored 〈〉 at an odd depth becomes 《》), one character for
 * one, so offsets into the text still hold. Unbalanced closers are left as they are.
 */
export function nestBookTitles(text: string): string {
  if (!/[《〈]/.test(text)) return text;
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '《' || c === '〈') {
      out += depth % 2 === 0 ? '《' : '〈';
      depth++;
    } else if ((c === '》' || c === '〉') && depth > 0) {
      depth--;
      out += depth % 2 === 0 ? '》' : '〉';
    } else out += c;
  }
  return out;
}

const ACCOUNTS = new Set([
  'admin',
  'administrator',
  'editor',
  'root',
  'webmaster',
  'webadmin',
  'sysadmin',
  'system',
  'guest',
  'user',
  'manager',
  'author',
  'publisher',
]);
const CHINESE_ACCOUNTS = /^(?:系统|网站|超级)?(?:管理员|编辑员|维护员|操作员)$|^(?:网站|本站)编辑$|^系统$/;

/**
 * Whether an author field names a content-management account rather than a person: admin,
 * editor, Administrator, 管理员, or a login-like ASCII token (one word of letters, digits, _ . -
 * such as "zhangsan01" or "web_editor"). A Chinese name, or a Latin name of two words, is a person.
 */
export function isAccountName(author: string): boolean {
  const a = author.trim();
  if (!a) return false;
  if (ACCOUNTS.has(a.toLowerCase())) return true;
  if (CHINESE_ACCOUNTS.test(a)) return true;
  return /^[A-Za-z][A-Za-z0-9_.-]{1,31}$/.test(a) && (/[0-9_.-]/.test(a) || a === a.toLowerCase());
}

/** The author to print, or '' when there is none or it is an account name. */
export function printableAuthor(author: string | null | undefined): string {
  const a = (author ?? '').trim();
  return a && !isAccountName(a) ? a : '';
}

/**
 * A time field without the date the sheet already prints: "2026年3月12日 14:30—17:00",
 * "2026-03-12 14:30" or "3月12日下午" for the session of 2026-03-12 give "14:30—17:00",
 * "14:30", "下午". Another day's date is kept.
 */
export function timeWithoutDate(time: string, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return time.trim();
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const forms = [
    `${m[1]}-${m[2]}-${m[3]}`,
    `${y}/${mo}/${d}`,
    `${m[1]}/${m[2]}/${m[3]}`,
    `${y}.${mo}.${d}`,
    `${y}年${mo}月${d}日`,
    `${y}年${m[2]}月${m[3]}日`,
    `${mo}月${d}日`,
    `${m[2]}月${m[3]}日`,
  ];
  let out = time.trim();
  for (const f of forms) {
    if (out.startsWith(f)) {
      out = out.slice(f.length);
      break;
    }
  }
  // A weekday after the date goes with it.
  return out.replace(/^[（(]?(?:星期|周)[一二三四五六日天][）)]?/, '').trim();
}
