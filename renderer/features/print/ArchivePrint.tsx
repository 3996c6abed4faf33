/**
 * 学习档案 on paper: a cover (title, issuing unit, date once), a 目录 whose page numbers come from
 * measuring the real layout (as the packet does), then every section of archiveModel from a new
 * page: the plan, and per session its 学习记录, 签到表, readings with 重点摘编, and 心得体会.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { nestBookTitles } from '../../../shared/print-text';
import { formatChineseDate } from '../../../shared/text';
import { archive } from '../../core/archive';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { archiveModel, monthDay, type ArchiveModel, type ArchiveSection } from './archive';
import { GEOMETRY } from './layout';
import { packetDate } from './model';
import { PrintCover, PrintToc, useTocStarts, type IsTocEntry } from './FrontMatter';
import { RecordSheet, SigninSheet } from './RecordPrint';
import type { PrintOptions } from './routes';
import type { DocReport } from './PrintView';

const t = messages.archive;

/** Sheets after the cover and the 目录 are the sections, one each. */
const isSectionSheet: IsTocEntry = (_sheet, i) => i >= 2;

function Plan({ model }: { model: ArchiveModel }) {
  const h = t.planHead;
  return (
    <table className="pr-form pr-archive-plan">
      <thead>
        <tr>
          <th className="pr-num">{h.num}</th>
          <th className="pr-archive-date">{h.date}</th>
          <th className="pr-archive-topic">{h.topic}</th>
          <th className="pr-archive-host">{h.host}</th>
          <th className="pr-archive-place">{h.place}</th>
          <th className="pr-archive-status">{h.status}</th>
        </tr>
      </thead>
      <tbody>
        {model.plan.map((r) => (
          <tr key={r.num}>
            <td className="pr-num">{r.num}</td>
            <td className="pr-nowrap">{monthDay(r.date) || t.noDate}</td>
            <td>{nestBookTitles(r.topic)}</td>
            <td>{r.host}</td>
            <td>{r.place}</td>
            <td className="pr-nowrap">{r.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ section, model, widthMm }: { section: ArchiveSection; model: ArchiveModel; widthMm: number }) {
  if (section.kind === 'plan')
    return (
      <section className="pr-sheet" data-archive="plan">
        <h1 className="pr-title">{section.title}</h1>
        <Plan model={model} />
      </section>
    );
  const s = section.session;
  if (section.kind === 'record') {
    if (s.recorded) return <RecordSheet record={s.record} widthMm={widthMm} />;
    return (
      <section className="pr-sheet" data-archive="record">
        <h1 className="pr-form-title">{section.title}</h1>
        <p className="pr-form-sub">{`专题：${nestBookTitles(s.topic)}`}</p>
        <p className="pr-form-sub">{formatChineseDate(s.date) || t.noDate}</p>
        <p className="pr-archive-none">{t.noRecord}</p>
      </section>
    );
  }
  if (section.kind === 'signin') return <SigninSheet record={s.record} widthMm={widthMm} />;
  if (section.kind === 'readings')
    return (
      <section className="pr-sheet" data-archive="readings">
        <h1 className="pr-title">{section.title}</h1>
        <p className="pr-byline">{`专题：${nestBookTitles(s.topic)}`}</p>
        {s.readings.map((r, i) => (
          <div key={r.id} className="pr-archive-reading">
            <h2>{`${i + 1}．${nestBookTitles(`《${r.title}》`)}`}</h2>
            <p className="pr-archive-source">
              {[r.origin ? `${messages.print.origin}：${nestBookTitles(r.origin)}` : '', formatChineseDate(r.publishedAt)]
                .filter(Boolean)
                .join('　')}
            </p>
            {r.excerpts.length ? (
              <>
                <h3>{t.excerpts}</h3>
                {r.excerpts.map((e, j) => (
                  <p key={j} className="pr-archive-excerpt">
                    {nestBookTitles(e)}
                  </p>
                ))}
              </>
            ) : null}
          </div>
        ))}
      </section>
    );
  return (
    <section className="pr-sheet" data-archive="reflections">
      <h1 className="pr-title">{section.title}</h1>
      {s.reflections.map((r, i) => (
        <div key={i} className="pr-archive-reflection">
          <h2>{[r.post ? `${r.member}（${r.post}）` : r.member, r.title ? nestBookTitles(r.title) : ''].filter(Boolean).join('：')}</h2>
          {r.text
            .split(/\n+/)
            .filter((l) => l.trim())
            .map((l, j) => (
              <p key={j}>{nestBookTitles(l)}</p>
            ))}
          <p className="pr-archive-zi">{t.zi(r.zi)}</p>
        </div>
      ))}
    </section>
  );
}

export function ArchivePrint({ year, options, report }: { year: number; options: PrintOptions; report: (r: DocReport) => void }) {
  const loaded = useLiveResult(() => archive.load(year), [year]);
  const built = useMemo((): { model: ArchiveModel; error: null } | { model: null; error: string } | null => {
    if (loaded.state !== 'ready') return null;
    try {
      return { model: archiveModel(loaded.value, packetDate('')), error: null };
    } catch (e) {
      return { model: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [loaded]);
  const model = built?.model ?? null;

  useEffect(() => {
    if (loaded.state === 'failed') report({ state: 'failed', message: loaded.message });
    else if (built?.error) report({ state: 'failed', message: built.error });
  }, [loaded, built, report]);
  const settle = useCallback(
    (total: number) => {
      if (!model) return;
      report({
        state: 'ready',
        pages: total,
        notices: [],
        fileName: model.title,
        docx: async () => (await import('./docx')).archiveDocx(model),
      });
    },
    [model, report],
  );
  const { docRef, starts, pass, done } = useTocStarts(model, options, isSectionSheet, settle);

  if (!model) return null;
  const widthMm = GEOMETRY[options.layout].widthMm;
  return (
    <>
      {!done ? (
        <p className="pr-notice" role="status" data-testid="archive-progress">
          {t.laying(pass)}
        </p>
      ) : null}
      <div ref={docRef} className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
        <PrintCover title={model.title} unit={model.unit} date={model.date} />
        <PrintToc entries={model.sections.map((s, i) => ({ key: String(i), name: s.title }))} starts={starts} />
        {model.sections.map((s, i) => (
          <Section key={i} section={s} model={model} widthMm={widthMm} />
        ))}
      </div>
    </>
  );
}
