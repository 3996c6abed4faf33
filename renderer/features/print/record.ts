/**
 * A 学习记录 sheet as label/value rows. The record itself (a session row with reading titles,
 * members' posts and the unit filled in, or the demonstration record "demo") is read by
 * core/print.ts.
 */
import { formatChineseDate } from '../../../shared/text';
import type { PrintRecord } from '../../core/print';

/** The rows of a 学习记录 sheet: label, value. */
export function recordRows(r: PrintRecord): [string, string][] {
  return [
    ['学习专题', r.topic],
    ['时　　间', [formatChineseDate(r.date), r.time].filter(Boolean).join(' ')],
    ['地　　点', r.place],
    ['主 持 人', r.host],
    ['中心发言', r.speakers.join('、')],
    ['参加人员', r.attendees.map((a) => a.name).join('、')],
    ['缺席人员', r.absentees.map((a) => (a.reason ? `${a.name}（${a.reason}）` : a.name)).join('、') || '无'],
    ['列席人员', r.observers.join('、') || '无'],
    ['学习方式', r.method],
    ['学习内容', [r.content, ...r.readings.map((t, i) => `${i + 1}．《${t}》`)].filter(Boolean).join('\n')],
    ['研讨题目', r.questions.map((q, i) => `${i + 1}．${q}`).join('\n')],
    ['学习研讨情况', r.summary],
  ];
}
