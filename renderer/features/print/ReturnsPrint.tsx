/**
 * 学习心得汇编 on paper: cover (title, the session, the unit and the date once), 目录 with dotted
 * leaders and page numbers on a title's last line, then each member's section from a new page
 * (name, 职务, date of return, 字 counts, then 心得体会, 发言提纲 and notes with their reading and
 * excerpt). Page numbers in the 目录 are measured as the packet print does (paginate.ts).
 */
import { useCallback, useEffect } from 'react';
import { nestBookTitles } from '../../../shared/print-text';
import { returnsData, type Compilation } from '../../core/returns';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { PrintCover, PrintToc, useTocStarts, type IsTocEntry } from './FrontMatter';
import { compilationSections, type CompilationSection } from './returnsModel';
import type { PrintOptions } from './routes';
import type { DocReport } from './PrintView';

/** One member's section as printed (also used by the 学习档案's print). */
export function CompilationSectionView({ section }: { section: CompilationSection }) {
  return (
    <section className="pr-sheet pr-article pr-returns" data-entry={section.key} data-testid="print-return-section">
      <h1 className="pr-title">{section.heading}</h1>
      <p className="pr-byline">{section.byline}</p>
      <p className="pr-byline">{section.counts}</p>
      <div className="pr-body">
        {section.items.map((item) => (
          <div key={item.id} className="pr-nb-entry">
            <h2 className="pr-nb-group">{item.head}</h2>
            {item.reading ? <p className="pr-nb-sub">{item.reading}</p> : null}
            {item.quote ? (
              <blockquote className="pr-nb-quote">
                <p>{item.quote}</p>
              </blockquote>
            ) : null}
            {item.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ))}
        {section.items.length === 0 ? <p>{messages.returns.nothing}</p> : null}
      </div>
    </section>
  );
}

/** Each member's section is a 目录 entry. */
const isEntrySheet: IsTocEntry = (sheet) => !!sheet.dataset.entry;

export function ReturnsPrint({
  sessionIds,
  options,
  report,
}: {
  sessionIds: string[];
  options: PrintOptions;
  report: (r: DocReport) => void;
}) {
  const key = sessionIds.join(',');
  const loaded = useLiveResult(() => returnsData.compilation(sessionIds), [key]);
  const data: Compilation | null = loaded.state === 'ready' ? loaded.value : null;
  const sections = data ? compilationSections(data) : [];

  useEffect(() => {
    if (loaded.state === 'failed') report({ state: 'failed', message: loaded.message });
  }, [loaded, report]);
  const settle = useCallback(
    (total: number) => {
      if (!data) return;
      report({
        state: 'ready',
        pages: total,
        notices: [],
        fileName: `${data.title}-${data.subtitle || data.date}`,
        docx: async () => (await import('./docx')).returnsDocx(data),
      });
    },
    [data, report],
  );
  const { docRef, starts } = useTocStarts(data, options, isEntrySheet, settle);

  if (!data) return null;
  if (sections.length === 0) return <p className="pr-notice">{messages.returns.empty}</p>;
  return (
    <div ref={docRef} className={`pr-doc pr-${options.layout}`} data-testid="print-doc">
      <PrintCover title={data.title} lines={data.subtitle ? [nestBookTitles(data.subtitle)] : []} unit={data.unit} date={data.date} />
      <PrintToc entries={sections.map((s) => ({ key: s.key, name: s.heading }))} starts={starts} />
      {sections.map((s) => (
        <CompilationSectionView key={s.key} section={s} />
      ))}
    </div>
  );
}
