/**
 * 笔记本: every highlight and note across articles. Loaded once into an in-memory index;
 * filters (kind, colour, tag, article, dates, words) run over it in a few milliseconds; the
 * list is virtualised; the year's 字 count is shown against the quota; export as Markdown or Word.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../ui/router';
import {
  compareArticles,
  DEFAULT_QUOTA,
  EMPTY_FILTER,
  ENTRY_KINDS,
  entriesForExport,
  filterIndex,
  groupRows,
  isFilterEmpty,
  notebook,
  parseQuota,
  ziByYear,
  type EntryKind,
  type GroupBy,
  type NotebookFilter,
  type NotebookIndex,
} from '../../core/notebook';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { HIGHLIGHT_COLORS } from '../highlights';
import { excerpt } from '../../core/notes/noteText';
import { cancelTypeAhead, NoteEditorHost, startTypeAhead, type NoteTarget } from '../notes';
import { notebookPrintHref } from '../print';
import { downloadBlob } from './download';
import { exportFileName, localIsoDate, notebookMarkdown } from './exportMarkdown';
import './notebook.css';
import { useDraft } from '../../ui/useDraft';
import { useInterfaceScale } from '../../stores/interfaceScale';
import { Button, DateField, EmptyState, Input, notify, NumberInput, Select } from '../../ui';

const t = messages.notebook;
/** Row heights at 100% 界面大小 (they grow with the interface scale). */
const BASE_GROUP_HEIGHT = 44;
const BASE_ENTRY_HEIGHT = 84;
type NoteKind = Exclude<EntryKind, 'highlight'>;
type HighlightColor = NotebookFilter['colors'][number];
const NEW_KINDS: NoteKind[] = ['note', 'outline', 'reflection'];

/** Filter and grouping survive opening a note and coming back. */
const useNotebookUi = create<{
  filter: NotebookFilter;
  groupBy: GroupBy;
  set(p: Partial<{ filter: NotebookFilter; groupBy: GroupBy }>): void;
}>((set) => ({
  filter: EMPTY_FILTER,
  groupBy: 'article',
  set: (p) => set(p),
}));

export function NotebookView({ noteId }: { noteId: string | null }) {
  const target = useMemo<NoteTarget | null>(() => (noteId ? { kind: 'existing', noteId } : null), [noteId]);
  if (target) {
    return (
      <section className="notebook-note" aria-label={messages.notes.panelLabel}>
        {/* The editor (Tiptap) loads on first use; only this section waits for it. */}
        <Suspense fallback={<p className="muted">{messages.boot.loading}</p>}>
          <NoteEditorHost
            key={noteId}
            target={target}
            newKind="note"
            variant="page"
            onClose={() => navigate({ name: 'notebook', noteId: null })}
            onOpenNote={(id) => navigate({ name: 'notebook', noteId: id })}
          />
        </Suspense>
      </section>
    );
  }
  return <LiveNotebook />;
}

/** The list, following the data while it is shown (not while a note is being edited). */
function LiveNotebook() {
  // Journals a closed editor left are written back first: a write, so not inside the live query.
  const [recovery, setRecovery] = useState<{ attempt: number; done: boolean; error: string | null }>({
    attempt: 0,
    done: false,
    error: null,
  });
  useEffect(() => {
    let live = true;
    notebook.recoverJournals().then(
      () => live && setRecovery((r) => ({ ...r, done: true, error: null })),
      (e: unknown) => live && setRecovery((r) => ({ ...r, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [recovery.attempt]);
  const loaded = useLiveResult(async () => (recovery.done ? notebook.read() : null), [recovery.done]);
  const failed = recovery.error ?? (loaded.state === 'failed' ? loaded.message : null);
  if (failed !== null) {
    return (
      <div className="boot error" role="alert">
        <p>{t.loadFailed(failed)}</p>
        <Button onClick={() => setRecovery((r) => ({ attempt: r.attempt + 1, done: false, error: null }))}>{messages.boot.retry}</Button>
      </div>
    );
  }
  if (loaded.state !== 'ready' || !loaded.value) return <div className="boot">{messages.boot.loading}</div>;
  return <NotebookList index={loaded.value} />;
}

function NotebookList({ index }: { index: NotebookIndex }) {
  const { filter, groupBy, set } = useNotebookUi();
  const setFilter = (patch: Partial<NotebookFilter>) => set({ filter: { ...useNotebookUi.getState().filter, ...patch } });
  const deferred = useDeferredValue(filter);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const { rows, shown, ms } = useMemo(() => {
    const started = performance.now();
    const indices = filterIndex(index, deferred, groupBy);
    const grouped = groupRows(index, indices, groupBy, t.standalone);
    return { rows: grouped, shown: indices.length, ms: performance.now() - started };
  }, [index, deferred, groupBy]);

  const articleOptions = useMemo(
    () =>
      index.articleIds.map((id) => index.data.articles.get(id) ?? { id, title: id, origin: null, publishedAt: null }).sort(compareArticles),
    [index],
  );

  const total = index.data.entries.length;
  const filtered = !isFilterEmpty(filter);

  const exportAs = async (format: 'md' | 'docx') => {
    setExporting(true);
    setError(null);
    try {
      const entries = entriesForExport(index, filter);
      const meta = { date: new Date(), filtered };
      let blob: Blob;
      if (format === 'md') {
        blob = new Blob([notebookMarkdown(entries, index.data.articles, meta)], { type: 'text/markdown;charset=utf-8' });
      } else {
        const [{ notebookDocx }, { Packer }] = await Promise.all([import('./exportDocx'), import('docx')]);
        blob = await Packer.toBlob(notebookDocx(entries, index.data.articles, meta));
      }
      downloadBlob(blob, exportFileName(meta.date, format));
    } catch (e) {
      setError(t.exportFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setExporting(false);
    }
  };

  const newNote = async (kind: NoteKind) => {
    setError(null);
    // Keys typed while the note is created and the editor loads go into it.
    startTypeAhead();
    try {
      const id = await notebook.createNote(kind);
      navigate({ name: 'notebook', noteId: id });
    } catch (e) {
      cancelTypeAhead();
      setError(`${messages.errors.generic}：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="notebook" aria-label={t.title}>
      <header className="notebook-head">
        <h2>{t.title}</h2>
        <QuotaBar index={index} />
        <div className="notebook-actions">
          {NEW_KINDS.map((k) => (
            <Button key={k} onClick={() => void newNote(k)}>
              {t.newNote(messages.notes.kinds[k])}
            </Button>
          ))}
          <span className="sep" />
          <Button
            disabled={exporting || shown === 0}
            onClick={() => void exportAs('md')}
            title={filtered ? t.exportScopeFiltered : t.exportScopeAll}
          >
            {t.exportMarkdown}
          </Button>
          <Button
            disabled={exporting || shown === 0}
            onClick={() => void exportAs('docx')}
            title={filtered ? t.exportScopeFiltered : t.exportScopeAll}
          >
            {t.exportDocx}
          </Button>
          <a className="ui-button" href={notebookPrintHref(filter)} title={filtered ? t.exportScopeFiltered : t.exportScopeAll}>
            {messages.print.open}
          </a>
          {exporting ? <span className="muted">{t.exporting}</span> : null}
        </div>
      </header>
      {error ? (
        <p className="error notebook-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="notebook-filters" role="search">
        <Input
          type="search"
          className="filter"
          value={filter.query}
          placeholder={t.search}
          aria-label={t.search}
          onChange={(e) => setFilter({ query: e.target.value })}
        />
        <Select
          aria-label={t.kind}
          value={filter.kinds[0] ?? ''}
          onChange={(e) => setFilter({ kinds: e.target.value ? [e.target.value as EntryKind] : [] })}
        >
          <option value="">{t.allKinds}</option>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t.color}
          value={filter.colors[0] ?? ''}
          onChange={(e) => setFilter({ colors: e.target.value ? [e.target.value as HighlightColor] : [] })}
        >
          <option value="">{t.allColors}</option>
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Input
          className="tag-filter"
          list="notebook-tags"
          aria-label={t.tag}
          placeholder={t.tagPlaceholder}
          value={filter.tags.join(' ')}
          onChange={(e) => setFilter({ tags: e.target.value.split(/[\s,，]+/).filter(Boolean) })}
        />
        <datalist id="notebook-tags">
          {index.tagCounts.slice(0, 500).map(([tag, n]) => (
            <option key={tag} value={tag}>{`${tag}（${n}）`}</option>
          ))}
        </datalist>
        <Select
          aria-label={t.article}
          className="article-filter"
          value={filter.articleId ?? '*'}
          onChange={(e) => setFilter({ articleId: e.target.value === '*' ? null : e.target.value })}
        >
          <option value="*">{t.allArticles}</option>
          <option value="">{t.standalone}</option>
          {articleOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </Select>
        <span className="date">
          <span aria-hidden="true">{t.from}</span>
          <DateField
            optional
            value={filter.from || null}
            onChange={(iso) => setFilter({ from: iso ?? '' })}
            placeholder={t.anyDate}
            aria-label={`${t.from}（日期）`}
          />
        </span>
        <span className="date">
          <span aria-hidden="true">{t.to}</span>
          <DateField
            optional
            value={filter.to || null}
            onChange={(iso) => setFilter({ to: iso ?? '' })}
            placeholder={t.anyDate}
            aria-label={`${t.to}（日期）`}
          />
        </span>
        <fieldset className="choice" aria-label={t.groupBy}>
          <legend>{t.groupBy}</legend>
          {(['article', 'date'] as const).map((g) => (
            <label key={g} className={groupBy === g ? 'on' : undefined}>
              {/* A radio drawn by its label (a segmented choice): no ui part for it. */}
              <input type="radio" name="notebook-group" checked={groupBy === g} onChange={() => set({ groupBy: g })} />
              {g === 'article' ? t.byArticle : t.byDate}
            </label>
          ))}
        </fieldset>
        {filtered ? (
          <Button kind="quiet" onClick={() => set({ filter: EMPTY_FILTER })}>
            {t.clear}
          </Button>
        ) : null}
        <span className="count" data-testid="notebook-count" data-filter-ms={ms.toFixed(2)}>
          {t.count(shown, total)}
        </span>
      </div>
      {total === 0 ? (
        <div className="notebook-empty">
          <EmptyState title={t.empty} />
        </div>
      ) : shown === 0 ? (
        <div className="notebook-empty">
          <EmptyState
            title={t.noMatch}
            actions={
              <Button kind="quiet" onClick={() => set({ filter: EMPTY_FILTER })}>
                {t.clear}
              </Button>
            }
          />
        </div>
      ) : (
        <EntryList index={index} rows={rows} groupBy={groupBy} />
      )}
    </section>
  );
}

function QuotaBar({ index }: { index: NotebookIndex }) {
  const stored = useLiveResult(() => notebook.quota(), []);
  const goal = stored.state === 'ready' ? stored.value.ziPerYear : DEFAULT_QUOTA.ziPerYear;
  // The field follows a quota saved elsewhere (学习计划, another tab) unless it is being edited.
  const [draft, setDraft] = useDraft(String(goal));
  const [invalid, setInvalid] = useState(false);
  const year = new Date().getFullYear();
  const totals = useMemo(() => ziByYear(index), [index]);
  const used = totals.get(year) ?? 0;
  const past = [...totals].filter(([y]) => y !== year).sort((a, b) => b[0] - a[0]);
  const commit = () => {
    const q = parseQuota(draft);
    if (!q) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (q.ziPerYear === goal) return;
    notebook.saveQuota(q).then(
      () => notify(t.quotaSaved, { kind: 'success' }),
      (e: unknown) => notify(e instanceof Error ? e.message : String(e), { kind: 'error' }),
    );
  };
  const pct = Math.min(100, (used / goal) * 100);
  return (
    <div className="quota">
      <div className="quota-text" data-testid="quota">
        {t.quota(year, used, goal)}
      </div>
      <div
        className="quota-bar"
        role="progressbar"
        aria-label={t.quota(year, used, goal)}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={Math.min(used, goal)}
      >
        <div className={`quota-fill${used >= goal ? ' done' : ''}`} style={{ width: `${pct}%` }} />
      </div>
      <label className="quota-goal">
        {t.quotaGoal}
        <NumberInput
          value={draft}
          aria-invalid={invalid}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      </label>
      {invalid ? (
        <span className="error" role="alert">
          {t.quotaInvalid}
        </span>
      ) : null}
      {past.length ? (
        <span className="muted quota-past">
          {t.pastYears}：{past.map(([y, n]) => t.yearTotal(y, n)).join('，')}
        </span>
      ) : null}
    </div>
  );
}

function openEntry(index: NotebookIndex, i: number): void {
  const e = index.data.entries[i];
  if (!e) return;
  if (e.kind === 'highlight') {
    if (e.articleId) navigate({ name: 'reader', id: e.articleId, at: e.position });
  } else navigate({ name: 'notebook', noteId: e.id });
}

function EntryList({ index, rows, groupBy }: { index: NotebookIndex; rows: ReturnType<typeof groupRows>; groupBy: GroupBy }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() => rows.findIndex((r) => r.type === 'entry'));
  const scale = useInterfaceScale((s) => s.scale);
  const GROUP_HEIGHT = Math.round((BASE_GROUP_HEIGHT * scale) / 100);
  const ENTRY_HEIGHT = Math.round((BASE_ENTRY_HEIGHT * scale) / 100);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'group' ? GROUP_HEIGHT : ENTRY_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, GROUP_HEIGHT, ENTRY_HEIGHT]);
  useEffect(
    () => setActive((a) => (a >= 0 && a < rows.length && rows[a]?.type === 'entry' ? a : rows.findIndex((r) => r.type === 'entry'))),
    [rows],
  );

  const move = (from: number, step: number) => {
    let i = from;
    for (;;) {
      i += step;
      if (i < 0 || i >= rows.length) return from;
      if (rows[i]?.type === 'entry') return i;
    }
  };
  const onKey = (event: React.KeyboardEvent) => {
    let next: number;
    if (event.key === 'ArrowDown') next = move(active, 1);
    else if (event.key === 'ArrowUp') next = move(active, -1);
    else if (event.key === 'PageDown') next = move(Math.min(rows.length, active + 7), -1);
    else if (event.key === 'PageUp') next = move(Math.max(-1, active - 7), 1);
    else if (event.key === 'Home') next = move(-1, 1);
    else if (event.key === 'End') next = move(rows.length, -1);
    else if (event.key === 'Enter') {
      const row = rows[active];
      if (row?.type === 'entry') openEntry(index, row.index);
      return;
    } else return;
    event.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const activeRow = rows[active];
  return (
    <div
      ref={scrollRef}
      className="notebook-body"
      tabIndex={0}
      role="listbox"
      aria-label={t.listLabel}
      aria-activedescendant={activeRow?.type === 'entry' ? `nb-${activeRow.key.replace(':', '-')}` : undefined}
      onKeyDown={onKey}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const style = { transform: `translateY(${item.start}px)`, height: row.type === 'group' ? GROUP_HEIGHT : ENTRY_HEIGHT };
          if (row.type === 'group') {
            return (
              <div key={row.key} className="nb-group" role="presentation" style={style}>
                <span className="nb-group-label">{row.label}</span>
                {row.sub ? <span className="muted">{row.sub}</span> : null}
                <span className="muted">{t.groupCount(row.count)}</span>
              </div>
            );
          }
          const e = index.data.entries[row.index]!;
          const article = e.articleId ? index.data.articles.get(e.articleId) : undefined;
          const note = e.kind === 'highlight' ? [e.text, e.noteText].filter(Boolean).join(' / ') : e.text;
          return (
            <div
              key={row.key}
              id={`nb-${row.key.replace(':', '-')}`}
              role="option"
              aria-selected={item.index === active}
              data-testid="notebook-entry"
              data-kind={e.kind}
              className={`nb-entry${item.index === active ? ' active' : ''}${e.color ? ` color-${e.color}` : ''}`}
              style={style}
              onClick={() => setActive(item.index)}
              onDoubleClick={() => openEntry(index, row.index)}
            >
              <div className="nb-line">
                <span className={`nb-kind kind-${e.kind}`}>{t.kinds[e.kind]}</span>
                {e.kind !== 'highlight' ? <strong className="nb-title">{e.title || messages.notes.untitled}</strong> : null}
                {groupBy === 'date' && article ? <span className="muted nb-article">《{article.title}》</span> : null}
                {e.orphan ? <span className="nb-orphan">{t.orphan}</span> : null}
                {/* Spans, not buttons or links: an option may not hold controls (axe nested-interactive);
                    the same filter is in the filter bar, and Enter opens the entry. */}
                {e.tags.map((tag) => (
                  <span
                    key={tag}
                    className="nb-tag"
                    onClick={(ev) => {
                      ev.stopPropagation();
                      useNotebookUi.getState().set({ filter: { ...useNotebookUi.getState().filter, tags: [tag] } });
                    }}
                  >
                    #{tag}
                  </span>
                ))}
                <span className="nb-spacer" />
                {e.kind !== 'highlight' ? <span className="muted">{messages.notes.zi(e.zi)}</span> : null}
                <span className="muted">{formatChineseDate(localIsoDate(new Date(e.createdAt)))}</span>
                <span
                  className="nb-open"
                  onClick={(ev) => {
                    ev.stopPropagation();
                    openEntry(index, row.index);
                  }}
                >
                  {e.kind === 'highlight' ? messages.notes.openArticle : messages.notes.kinds[e.kind]}
                </span>
              </div>
              {e.quote ? <p className="nb-quote">「{excerpt(e.quote, 140)}」</p> : null}
              {note ? <p className="nb-note">{excerpt(note, 160)}</p> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
