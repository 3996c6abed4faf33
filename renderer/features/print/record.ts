/**
 * A 学习记录 sheet as label/value rows, and the titles of the 学习记录 and 签到表. The record
 * itself (a session row with reading titles, members' posts and the unit filled in, or the
 * demonstration record "demo") is read by core/print.ts.
 */
import { nestBookTitles, timeWithoutDate } from '../../../shared/print-text';
import { formatChineseDate } from '../../../shared/text';
import type { PrintRecord } from '../../core/print';
import { messages } from '../../i18n/messages';

/** The label of the row that may run over a page; its label repeats on the next page. */
export const SUMMARY_LABEL = '学习研讨情况';

/** 时间: the date once, then the time without the date it may repeat. */
export function whenText(r: Pick<PrintRecord, 'date' | 'time'>): string {
  return [formatChineseDate(r.date), timeWithoutDate(r.time, r.date)].filter(Boolean).join(' ');
}

/** The rows of a 学习记录 sheet: label, value. */
export function recordRows(r: PrintRecord): [string, string][] {
  return [
    ['学习专题', nestBookTitles(r.topic)],
    ['时　　间', whenText(r)],
    ['地　　点', r.place],
    ['主 持 人', r.host],
    ['中心发言', r.speakers.join('、')],
    ['参加人员', r.attendees.map((a) => a.name).join('、')],
    ['缺席人员', r.absentees.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join('、') || '无'],
    ['列席人员', r.observers.join('、') || '无'],
    ['学习方式', r.method],
    [
      '学习内容',
      [nestBookTitles(r.content), ...r.readings.map((t, i) => `${i + 1}．${nestBookTitles(`《${t}》`)}`)].filter(Boolean).join('\n'),
    ],
    ['研讨题目', r.questions.map((q, i) => `${i + 1}．${nestBookTitles(q)}`).join('\n')],
    [SUMMARY_LABEL, nestBookTitles(r.summary)],
  ];
}

/**
 * A sheet's title, built from the group and the session ("2026年第2次理论学习中心组学习签到表"),
 * never from the packet's issuing unit.
 */
export function sheetTitle(r: Pick<PrintRecord, 'date' | 'ordinal'>, kind: 'record' | 'signin'): string {
  const year = /^\d{4}/.exec(r.date)?.[0];
  const which = year && r.ordinal ? `${year}年第${r.ordinal}次` : '';
  return `${which}${kind === 'signin' ? messages.print.signinTitle : messages.print.recordTitle}`;
}

/** The sizes a sheet title may take, largest first (print.css .pr-fit-N). */
export const TITLE_SIZES_PT = [22, 20, 18, 16] as const;

/** Width of a line of text in em: CJK and full-width characters 1, the rest (digits, Latin) about 0.55. */
export function emWidth(text: string): number {
  let w = 0;
  for (const c of text) w += /[\u2E80-\uFFEF]/.test(c) ? 1 : 0.55;
  return w;
}

/**
 * The largest title size at which `title` fits one line of `widthMm`; the smallest size when
 * none does (the title then wraps in balanced lines, so no line holds a lone 「表」).
 */
export function titleSize(title: string, widthMm: number): (typeof TITLE_SIZES_PT)[number] {
  const ems = emWidth(title);
  const widthPt = (widthMm * 72) / 25.4;
  return TITLE_SIZES_PT.find((pt) => ems * pt <= widthPt * 0.97) ?? TITLE_SIZES_PT[TITLE_SIZES_PT.length - 1]!;
}
