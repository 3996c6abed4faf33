/** The library: a virtualised, sortable, filterable list of every article. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { Button, FileButton, Input } from '../../ui';
import { navigate } from '../../ui/router';
import { messages } from '../../i18n/messages';
import { IMPORT_ACCEPT, importDuplicateAnyway, importLocalFiles, type ImportReport, type LibraryRow } from '../../core/library';
import { filterRows, importDay, useLibrary, type SortKey } from '../../stores/library';
import { useInterfaceScale } from '../../stores/interfaceScale';
import './library.css';
import { articlesPrintHref, MAX_PRINT_ARTICLES } from '../print';

const t = messages.library;
/** Row height at 100% 界面大小 (rows grow with the interface scale). */
const BASE_ROW_HEIGHT = 48;

/** The list's date: the article's own, else the day it was imported, marked as such. */
function DateCell({ row }: { row: LibraryRow }) {
  if (row.publishedAt) return <>{formatChineseDate(row.publishedAt)}</>;
  return (
    <span className="import-date" title={t.importDateHint}>
      {formatChineseDate(importDay(row.addedAt))}
      <small className="import-date-mark">{t.importDate}</small>
    </span>
  );
}
const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'title', label: t.columns.title, className: 'col-title' },
  { key: 'origin', label: t.columns.origin, className: 'col-origin' },
  { key: 'column', label: t.columns.column, className: 'col-column' },
  { key: 'date', label: t.columns.date, className: 'col-date' },
];

export function LibraryView() {
  // The store keeps the rows sorted and follows every write by delta; the view only filters.
  const { rows, sorted, progress, sortKey, sortDir, filter, setSort, setFilter } = useLibrary();
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter]);
  const [active, setActive] = useState(0);
  const [importState, setImportState] = useState<(ImportReport & { busy: boolean; done: number; total: number }) | null>(null);
  const [dragging, setDragging] = useState(false);

  const runImport = async (files: File[]) => {
    if (files.length === 0) return;
    setImportState({ busy: true, done: 0, total: files.length, added: 0, skipped: 0, failures: [], addedArticles: [], duplicates: [] });
    const report = await importLocalFiles(files, (done, total) => setImportState((s) => (s ? { ...s, done, total } : s)));
    setImportState({ ...report, busy: false, done: files.length, total: files.length });
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const ROW_HEIGHT = Math.round((BASE_ROW_HEIGHT * useInterfaceScale((s) => s.scale)) / 100);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, ROW_HEIGHT]);

  useEffect(() => setActive((a) => Math.min(a, Math.max(0, shown.length - 1))), [shown.length]);

  const open = (index: number) => {
    const row = shown[index];
    if (row) navigate({ name: 'reader', id: row.id });
  };

  const onListKey = (event: React.KeyboardEvent) => {
    const last = shown.length - 1;
    let next: number;
    if (event.key === 'ArrowDown') next = Math.min(last, active + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (event.key === 'PageDown') next = Math.min(last, active + 10);
    else if (event.key === 'PageUp') next = Math.max(0, active - 10);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter') return open(active);
    else return;
    event.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        filterRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section
      className={`library${dragging ? ' dragging' : ''}`}
      aria-label={t.title}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDragging(false);
        void runImport([...e.dataTransfer.files]);
      }}
    >
      <div className="library-toolbar">
        <Input
          ref={filterRef}
          className="filter"
          type="search"
          value={filter}
          placeholder={t.filterPlaceholder}
          aria-label={t.filterPlaceholder}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setFilter('');
            if (e.key === 'ArrowDown') scrollRef.current?.focus();
          }}
        />
        <span className="count" data-testid="library-count">
          {t.count(shown.length, rows.size)}
        </span>
        <span className="spacer" />
        <a className="ui-button" href={articlesPrintHref(shown.slice(0, MAX_PRINT_ARTICLES).map((r) => r.id))} title={t.printShown}>
          {messages.print.open}
        </a>
        {/* A real button (Enter and Space both open the picker), the file input hidden behind it. */}
        <FileButton
          label={t.importFiles}
          multiple
          accept={IMPORT_ACCEPT}
          testId="import-input"
          onFiles={(files) => void runImport(files)}
        />
      </div>
      {importState ? (
        <div className={`import-status${importState.failures.length ? ' has-errors' : ''}`} role="status" data-testid="import-status">
          {importState.busy
            ? t.importing(importState.done, importState.total)
            : t.imported(importState.added, importState.skipped, importState.failures.length)}
          {importState.failures.length ? (
            <ul>
              {importState.failures.map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
          ) : null}
          {importState.addedArticles.length ? (
            <p className="import-new" data-testid="import-new">
              {t.newItems}
              {importState.addedArticles.slice(0, 20).map((a) => (
                <a key={a.id} href={`#/read/${a.id}`}>
                  《{a.title}》
                </a>
              ))}
            </p>
          ) : null}
          {importState.duplicates.length ? (
            <ul className="import-duplicates" data-testid="import-duplicates">
              {importState.duplicates.map((d, i) => (
                <li key={i}>
                  {t.duplicate(d.title, d.existing.title)}{' '}
                  <a className="ui-button small" href={`#/read/${d.existing.id}`}>
                    {t.openExisting}
                  </a>{' '}
                  {d.payload ? (
                    <Button
                      small
                      onClick={() => {
                        const payload = d.payload!;
                        void importDuplicateAnyway(payload).then((id) =>
                          setImportState((s) =>
                            s
                              ? {
                                  ...s,
                                  added: s.added + (id ? 1 : 0),
                                  skipped: s.skipped - (id ? 1 : 0),
                                  addedArticles: id ? [...s.addedArticles, { id, title: payload.title }] : s.addedArticles,
                                  duplicates: s.duplicates.filter((x) => x !== d),
                                }
                              : s,
                          ),
                        );
                      }}
                    >
                      {t.importAnyway}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {importState.busy ? null : (
            <Button small kind="quiet" onClick={() => setImportState(null)}>
              {t.dismiss}
            </Button>
          )}
        </div>
      ) : null}
      {/* The grid is the focusable scroller (it holds aria-activedescendant); it owns the header row,
          which stays outside the scroll. With no rows there is no grid, and the header is plain buttons. */}
      <div className="library-table">
        <div className="library-head" id="library-head" role={shown.length ? 'row' : undefined}>
          {/* Sortable column headers of the grid (role columnheader), styled as header cells. */}
          {COLUMNS.map((c) => (
            <button
              key={c.key}
              type="button"
              role={shown.length ? 'columnheader' : undefined}
              className={`${c.className} sort${sortKey === c.key ? ' sorted' : ''}`}
              aria-sort={shown.length ? (sortKey === c.key ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
              onClick={() => setSort(c.key)}
            >
              {c.label}
              {sortKey === c.key ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          ))}
        </div>
        {shown.length === 0 ? (
          <div className="library-empty">
            {rows.size === 0 ? (
              t.empty
            ) : (
              <>
                {t.noMatch}{' '}
                <Button small kind="quiet" onClick={() => setFilter('')}>
                  {t.clearFilter}
                </Button>
              </>
            )}
          </div>
        ) : (
          <div
            ref={scrollRef}
            className="library-body"
            role="grid"
            aria-owns="library-head"
            aria-rowcount={shown.length + 1}
            tabIndex={0}
            aria-label={t.listLabel}
            aria-activedescendant={shown[active] ? `row-${shown[active].id}` : undefined}
            onKeyDown={onListKey}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = shown[item.index]!;
                const read = progress.get(row.id);
                return (
                  <div
                    key={row.id}
                    id={`row-${row.id}`}
                    role="row"
                    data-testid="article-row"
                    aria-selected={item.index === active}
                    className={`library-row${item.index === active ? ' active' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => setActive(item.index)}
                    onDoubleClick={() => open(item.index)}
                  >
                    <span role="gridcell" className="col-title">
                      <a
                        href={`#/read/${row.id}`}
                        tabIndex={-1}
                        onClick={(e) => e.stopPropagation()}
                        className={read === undefined ? 'unread' : undefined}
                        title={read === undefined ? t.unread : messages.reader.progress(Math.round(read * 100))}
                      >
                        {row.title}
                      </a>
                    </span>
                    <span role="gridcell" className="col-origin">
                      {row.origin ?? row.sourceName}
                    </span>
                    <span role="gridcell" className="col-column" title={row.placement ?? undefined}>
                      {/* Every source·栏目 that lists it, when more than one. */}
                      {row.placement ?? row.column ?? ''}
                    </span>
                    <span role="gridcell" className="col-date">
                      <DateCell row={row} />
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
