/** A 学习记录 sheet and a 签到表 (attendance sheet with a signature column). */
import { useEffect } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { printData } from '../../core/print';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { PRINT_FONTS } from './layout';
import { fontsReady } from './paginate';
import { recordRows } from './record';
import type { PrintOptions } from './routes';
import type { DocReport } from './PrintView';

const t = messages.print;
const SIGNIN_ROWS = 15;

export function RecordPrint({
  sessionId,
  signin,
  options,
  report,
}: {
  sessionId: string;
  signin: boolean;
  options: PrintOptions;
  report: (r: DocReport) => void;
}) {
  // Live: a record saved in another tab prints without reopening.
  const loaded = useLiveResult(() => printData.record(sessionId), [sessionId]);
  const record = loaded.state === 'ready' ? loaded.value : null;

  useEffect(() => {
    if (loaded.state === 'failed') report({ state: 'failed', message: loaded.message });
    else if (loaded.state === 'ready' && !loaded.value) report({ state: 'failed', message: t.notFoundRecord });
  }, [loaded, report]);

  useEffect(() => {
    if (!record) return;
    let live = true;
    void fontsReady(PRINT_FONTS).then(() => {
      if (!live) return;
      report({
        state: 'ready',
        pages: null,
        notices: [],
        fileName: `${signin ? '签到表' : '学习记录'}-${record.date}`,
        docx: signin ? null : async () => (await import('./docx')).recordDocx(record),
      });
    });
    return () => {
      live = false;
    };
  }, [record, signin, report]);

  if (!record) return null;
  const unitTitle = (base: string) => `${record.unit}${base}`;
  if (signin) {
    const names = [
      ...record.attendees.map((a) => ({ name: a.name, post: a.post, note: '' })),
      ...record.absentees.map((a) => ({ name: a.name, post: '', note: a.reason ? `缺席：${a.reason}` : '缺席' })),
    ];
    const rows = [...names, ...Array.from({ length: Math.max(0, SIGNIN_ROWS - names.length) }, () => ({ name: '', post: '', note: '' }))];
    const s = t.signin;
    return (
      <div className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
        <section className="pr-sheet">
          <h1 className="pr-form-title">{unitTitle(t.signinTitle)}</h1>
          <p className="pr-form-sub">{`专题：${record.topic}`}</p>
          <p className="pr-form-sub">{[formatChineseDate(record.date), record.time, record.place].filter(Boolean).join('　')}</p>
          <table className="pr-form pr-signin">
            <thead>
              <tr>
                <th className="pr-num">{s.num}</th>
                <th className="pr-name">{s.name}</th>
                <th className="pr-post">{s.post}</th>
                <th className="pr-sign">{s.sign}</th>
                <th>{s.note}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-testid="print-signin-row">
                  <td className="pr-num">{i + 1}</td>
                  <td>{r.name}</td>
                  <td>{r.post}</td>
                  <td />
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    );
  }
  return (
    <div className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
      <section className="pr-sheet">
        <h1 className="pr-form-title">{unitTitle(t.recordTitle)}</h1>
        <table className="pr-form">
          <tbody>
            {recordRows(record).map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td className={label === '学习研讨情况' ? 'pr-form-tall' : undefined}>
                  {value
                    .split(/\n+/)
                    .filter((l) => l.trim())
                    .map((l, i) => (label === '学习研讨情况' ? <p key={i}>{l}</p> : <div key={i}>{l}</div>))}
                </td>
              </tr>
            ))}
            <tr>
              <th>{t.recorder}</th>
              <td>{record.recorder}</td>
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
