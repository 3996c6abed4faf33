/**
 * What every compiled print opens with (学习资料汇编, 学习心得汇编, 学习档案): a cover with the
 * title, the lines under it, the issuing unit and the date once; and a 目录 whose page numbers
 * are measured (measureTocStarts) and written back until they hold (useTocStarts).
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { messages } from '../../i18n/messages';
import { GEOMETRY, PRINT_FONTS } from './layout';
import { fontsReady, measureSections, startPages } from './paginate';
import type { PrintLayout, PrintOptions } from './routes';

/** How many times the 目录 numbers are written and the document measured again. */
export const MAX_TOC_PASSES = 4;

export function PrintCover({
  title,
  lines = [],
  unit,
  date,
}: {
  title: ReactNode;
  lines?: ReactNode[];
  unit?: string | null;
  date: string;
}) {
  return (
    <section className="pr-sheet pr-cover">
      <h1 className="pr-cover-title">{title}</h1>
      {lines.map((line, i) => (
        <p key={i} className="pr-cover-line">
          {line}
        </p>
      ))}
      <div className="pr-cover-foot">
        {unit ? <p className="pr-cover-line pr-cover-unit">{unit}</p> : null}
        <p className="pr-cover-line pr-cover-date">{formatChineseDate(date)}</p>
      </div>
    </section>
  );
}

export function PrintToc({ entries, starts }: { entries: readonly { key: string; name: ReactNode }[]; starts: readonly number[] | null }) {
  return (
    <section className="pr-sheet pr-toc">
      <h2 className="pr-toc-title">{messages.print.toc}</h2>
      <ol>
        {entries.map((e, i) => (
          <li key={e.key} data-testid="print-toc-entry">
            {/* The leader is a zero-width run of dots after the title's last line, clipped at the
                page-number column: the number sits on that last line, however the title wraps. */}
            <span className="pr-toc-text">
              <span className="pr-toc-name">{e.name}</span>
              <span className="pr-toc-dots" aria-hidden="true" />
            </span>
            {/* '00' holds the column's width until the first measurement. */}
            <span className="pr-toc-page">{starts?.[i] ?? '00'}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * One measuring pass, once the print fonts are in: the page each 目录 entry's sheet starts on
 * (`isEntry` picks them among the document's sheets) and the document's page count. Null when
 * the document has gone meanwhile.
 */
export async function measureTocStarts(
  doc: () => HTMLElement | null,
  layout: PrintLayout,
  isEntry: (sheet: HTMLElement, index: number) => boolean,
): Promise<{ starts: number[]; total: number } | null> {
  await fontsReady(PRINT_FONTS);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const el = doc();
  if (!el) return null;
  const sheets = [...el.querySelectorAll<HTMLElement>(':scope > .pr-sheet')];
  const pages = measureSections(el, sheets, GEOMETRY[layout]);
  const all = startPages(pages);
  return { starts: sheets.flatMap((s, i) => (isEntry(s, i) ? [all[i]!] : [])), total: pages.reduce((n, p) => n + p, 0) };
}

export function sameStarts(a: readonly number[] | null, b: readonly number[]): boolean {
  return a !== null && a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Picks a 目录 entry's sheet among the document's sheets (see measureTocStarts). */
export type IsTocEntry = (sheet: HTMLElement, index: number) => boolean;

/**
 * The measuring loop every compiled print runs: once `source` is there, measure, write the 目录
 * numbers, measure again until they hold (at most MAX_TOC_PASSES rewrites), then `settle` with
 * the page count. A new `source` starts afresh; a new `options` or `settle` measures again (keep
 * `settle` stable with useCallback and list in its deps whatever the report depends on). `pass`
 * counts the layouts so far (1 before the first rewrite); `done` is true once the numbers hold.
 */
export function useTocStarts(
  source: unknown,
  options: PrintOptions,
  isEntry: IsTocEntry,
  settle: (total: number) => void,
): { docRef: RefObject<HTMLDivElement | null>; starts: number[] | null; pass: number; done: boolean } {
  const [starts, setStarts] = useState<number[] | null>(null);
  const [pass, setPass] = useState(1);
  const [done, setDone] = useState(false);
  const passes = useRef(0);
  const docRef = useRef<HTMLDivElement>(null);

  // New data is measured afresh (declared before the measuring effect, so it runs first).
  useEffect(() => {
    passes.current = 0;
    setDone(false);
  }, [source]);

  useEffect(() => {
    if (source === null || source === undefined) return;
    let live = true;
    void (async () => {
      const measured = await measureTocStarts(() => docRef.current, options.layout, isEntry);
      if (!live || !measured) return;
      if (!sameStarts(starts, measured.starts) && passes.current < MAX_TOC_PASSES) {
        passes.current++;
        setPass(passes.current + 1);
        setStarts(measured.starts);
        return;
      }
      setDone(true);
      settle(measured.total);
    })();
    return () => {
      live = false;
    };
  }, [source, starts, options, isEntry, settle]);

  return { docRef, starts, pass, done };
}
