/** A 学习记录 sheet and a 签到表 (attendance sheet with a signature column). */
import { useEffect } from 'react';
import { nestBookTitles } from '../../../shared/print-text';
import { printData, type PrintRecord } from '../../core/print';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { GEOMETRY, PRINT_FONTS } from './layout';
import { fontsReady } from './paginate';
import { recordRows, sheetTitle, SUMMARY_LABEL, titleSize, whenText } from './record';
import type { PrintOptions } from './routes';
import type { DocReport } from './PrintView';

const t = messages.print;
const SIGNIN_ROWS = 15;
/** Rows whose value is a list of names joined by 、. */
const NAME_ROWS = new Set(['中心发言', '参加人员', '缺席人员', '列席人员']);

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
  return (
    <div className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
      {signin ? (
        <SigninSheet record={record} widthMm={GEOMETRY[options.layout].widthMm} />
      ) : (
        <RecordSheet record={record} widthMm={GEOMETRY[options.layout].widthMm} />
      )}
    </div>
  );
}

function SheetTitle({ record, kind, widthMm }: { record: PrintRecord; kind: 'record' | 'signin'; widthMm: number }) {
  const title = sheetTitle(record, kind);
  return (
    <h1 className={`pr-form-title pr-fit-${titleSize(title, widthMm)}`} data-testid="print-form-title">
      {title}
    </h1>
  );
}

/** A 签到表 on one page (up to 20 names): the attendees, then the absent with their reason. */
export function SigninSheet({ record, widthMm }: { record: PrintRecord; widthMm: number }) {
  const names = [
    ...record.attendees.map((a) => ({ name: a.name, post: a.post, note: '' })),
    ...record.absentees.map((a) => ({ name: a.name, post: a.post, note: a.reason ? `缺席：${a.reason}` : '缺席' })),
  ];
  const rows = [...names, ...Array.from({ length: Math.max(0, SIGNIN_ROWS - names.length) }, () => ({ name: '', post: '', note: '' }))];
  const s = t.signin;
  return (
    <section className="pr-sheet" data-sheet="signin">
      <SheetTitle record={record} kind="signin" widthMm={widthMm} />
      <p className="pr-form-sub">{`专题：${nestBookTitles(record.topic)}`}</p>
      <p className="pr-form-sub">{[whenText(record), record.place].filter(Boolean).join('　')}</p>
      {/* The printed 学习记录 forms are ruled tables in millimetres (print.css), not screen ui Tables. */}
      <table className={`pr-form pr-signin${rows.length > SIGNIN_ROWS ? ' pr-signin-dense' : ''}`}>
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
  );
}

/** A 学习记录 sheet: the form, the 学习研讨情况 with its label repeating on every page it runs onto, the recorder. */
export function RecordSheet({ record, widthMm }: { record: PrintRecord; widthMm: number }) {
  const rows = recordRows(record);
  const summary = (rows.find(([label]) => label === SUMMARY_LABEL)?.[1] ?? '').split(/\n+/).filter((l) => l.trim());
  return (
    <section className="pr-sheet" data-sheet="record">
      <SheetTitle record={record} kind="record" widthMm={widthMm} />
      <table className="pr-form pr-record">
        <tbody>
          {rows
            .filter(([label]) => label !== SUMMARY_LABEL)
            .map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>
                  {NAME_ROWS.has(label)
                    ? // A name never breaks across lines.
                      value.split('、').map((name, i, all) => (
                        <span key={i} className="pr-nowrap">
                          {i < all.length - 1 ? `${name}、` : name}
                        </span>
                      ))
                    : value
                        .split(/\n+/)
                        .filter((l) => l.trim())
                        .map((l, i) => <div key={i}>{l}</div>)}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {/* Its own table: the label is a header row that repeats on every page the text runs onto,
          and each paragraph is a row kept whole. */}
      <table className="pr-form pr-record pr-summary">
        <thead>
          <tr>
            <th>{SUMMARY_LABEL}</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((l, i) => (
            <tr key={i}>
              <td>
                <p>{l}</p>
              </td>
            </tr>
          ))}
          {summary.length === 0 ? (
            <tr>
              <td className="pr-form-tall" />
            </tr>
          ) : null}
        </tbody>
      </table>
      <table className="pr-form pr-record pr-recorder">
        <tbody>
          <tr>
            <th>{t.recorder}</th>
            <td>{record.recorder}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
