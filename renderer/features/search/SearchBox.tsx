/**
 * The search field in the app bar (Ctrl+K from anywhere) and its results panel: results as
 * you type, grouped into articles and notes/highlights, snippets with the matches marked
 * (React text nodes and <mark>: stored text is never parsed as HTML).
 */
import { useEffect, useRef, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import type { FilterColor, FilterNoteKind } from '../../../shared/search/query';
import { documents } from '../../core/documents';
import { warmSearch, type SearchHit } from '../../core/search';
import { messages } from '../../i18n/messages';
import { Button, Checkbox, DateField, Input, Select } from '../../ui';
import { hitHref } from './links';
import { useSearch } from './store';
import './search.css';

const t = messages.search;
const COLORS: [FilterColor, string][] = [
  ['yellow', '黄'],
  ['green', '绿'],
  ['blue', '蓝'],
  ['pink', '粉'],
  ['purple', '紫'],
  ['orange', '橙'],
];

function Snippet({ hit }: { hit: SearchHit }) {
  if (!hit.snippet) return null;
  return (
    <p className="search-snippet" data-testid="search-snippet">
      {hit.snippet.parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

function HitRow({
  hit,
  active,
  onOpen,
  attachmentOf,
}: {
  hit: SearchHit;
  active: boolean;
  onOpen(hit: SearchHit): void;
  /** The title of the page this article is an attachment of ('' when that page is gone). */
  attachmentOf?: string;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // A return's hit says whose and which session's: 回执 · member · session.
  const label =
    hit.kind === 'article'
      ? null
      : hit.kind === 'highlight'
        ? t.highlight
        : hit.kind === 'return'
          ? [t.returnLabel, hit.place?.member, hit.place?.session].filter(Boolean).join(' · ')
          : (t.kinds[hit.noteKind ?? 'note'] ?? '');
  return (
    <li ref={ref} role="option" aria-selected={active} className="search-hit" data-testid="search-hit" data-kind={hit.kind}>
      {/* No href: an option may not hold a link (axe nested-interactive); the list's keys and a click open it. */}
      <a
        data-href={hitHref(hit)}
        onClick={(e) => {
          e.preventDefault();
          onOpen(hit);
        }}
      >
        <span className="search-hit-title">
          {label ? <span className={`search-hit-kind${hit.color ? ` color-${hit.color}` : ''}`}>{label}</span> : null}
          {attachmentOf !== undefined && hit.kind === 'article' ? (
            <span
              className="search-hit-kind"
              data-testid="search-hit-attachment"
              title={messages.documents.searchAttachmentOf(attachmentOf)}
            >
              {messages.documents.searchAttachment}
            </span>
          ) : null}
          {hit.title || '（无标题）'}
        </span>
        <span className="search-hit-meta">
          {[
            hit.kind === 'article' ? hit.meta : hit.kind === 'return' ? t.kinds[hit.noteKind ?? 'note'] : null,
            attachmentOf && hit.kind === 'article' ? messages.documents.searchAttachmentOf(attachmentOf) : null,
            formatChineseDate(hit.date),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <Snippet hit={hit} />
      </a>
    </li>
  );
}

function Filters() {
  const filters = useSearch((s) => s.filters);
  const setFilters = useSearch((s) => s.setFilters);
  const sort = useSearch((s) => s.sort);
  const setSort = useSearch((s) => s.setSort);
  const active = Object.keys(filters).length > 0 || sort !== 'relevance';
  // Folded behind one button: a dozen fields are a dozen Tab stops between the box and the results.
  const [shown, setShown] = useState(active);
  if (!shown && !active) {
    return (
      <div className="search-filters folded">
        <Button small kind="quiet" aria-expanded={false} data-testid="search-filters-toggle" onClick={() => setShown(true)}>
          {t.filters}…
        </Button>
      </div>
    );
  }
  return (
    <div className="search-filters" role="group" aria-label={t.filters} data-testid="search-filters">
      <label>
        {t.sort}
        <Select value={sort} onChange={(e) => setSort(e.target.value === 'date' ? 'date' : 'relevance')} data-testid="search-sort">
          <option value="relevance">{t.sortRelevance}</option>
          <option value="date">{t.sortDate}</option>
        </Select>
      </label>
      <Input
        placeholder={t.source}
        aria-label={t.source}
        value={filters.source ?? ''}
        onChange={(e) => setFilters({ source: e.target.value.trim() || undefined })}
      />
      <Input
        placeholder={t.column}
        aria-label={t.column}
        value={filters.column ?? ''}
        onChange={(e) => setFilters({ column: e.target.value.trim() || undefined })}
      />
      {/* Dates typed and shown the Chinese way whatever the browser's language (no native date input). */}
      <DateField
        optional
        aria-label={t.from}
        placeholder={t.from}
        value={filters.from ?? null}
        onChange={(iso) => setFilters({ from: iso ?? undefined })}
      />
      <DateField
        optional
        aria-label={t.to}
        placeholder={t.to}
        value={filters.to ?? null}
        onChange={(iso) => setFilters({ to: iso ?? undefined })}
      />
      <Checkbox
        label={t.hasHighlights}
        checked={!!filters.hasHighlights}
        onChange={(e) => setFilters({ hasHighlights: e.target.checked })}
      />
      <Checkbox label={t.hasNotes} checked={!!filters.hasNotes} onChange={(e) => setFilters({ hasNotes: e.target.checked })} />
      <Select
        aria-label={t.color}
        value={filters.color ?? ''}
        onChange={(e) => setFilters({ color: (e.target.value || undefined) as FilterColor | undefined })}
      >
        <option value="">{t.anyColor}</option>
        {COLORS.map(([c, name]) => (
          <option key={c} value={c}>
            {name}
          </option>
        ))}
      </Select>
      <Input
        placeholder={t.tag}
        aria-label={t.tag}
        value={filters.tag ?? ''}
        onChange={(e) => setFilters({ tag: e.target.value.trim() || undefined })}
      />
      <Select
        aria-label={t.noteKind}
        value={filters.noteKind ?? ''}
        onChange={(e) => setFilters({ noteKind: (e.target.value || undefined) as FilterNoteKind | undefined })}
      >
        <option value="">{t.anyKind}</option>
        {Object.entries(t.kinds).map(([k, name]) => (
          <option key={k} value={k}>
            {name}
          </option>
        ))}
      </Select>
    </div>
  );
}

function Help() {
  const setQuery = useSearch((s) => s.setQuery);
  return (
    <div className="search-help" data-testid="search-help">
      <p>{t.helpTitle}</p>
      <dl>
        {t.help.map(([example, what]) => (
          <div key={example}>
            <dt>
              <Button small onClick={() => setQuery(example)}>
                {example}
              </Button>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function SearchBox() {
  const query = useSearch((s) => s.query);
  const open = useSearch((s) => s.open);
  const result = useSearch((s) => s.result);
  const error = useSearch((s) => s.error);
  const busy = useSearch((s) => s.busy);
  const focusToken = useSearch((s) => s.focusToken);
  const rebuild = useSearch((s) => s.rebuild);
  const { setQuery, setOpen, focus } = useSearch.getState();
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  // Ctrl+K (⌘K) from anywhere, even from a text field or the note editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [focus]);

  useEffect(() => {
    if (!focusToken) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open, setOpen]);

  useEffect(() => setActive(0), [result]);

  // Which article hits are attachments (「附件」 on the hit, with the page they came from).
  const [attachmentOf, setAttachmentOf] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    const ids = (result?.articles ?? []).map((h) => h.articleId ?? h.id);
    if (ids.length === 0) return setAttachmentOf(new Map());
    let cancelled = false;
    void documents.attachmentParents(ids).then(
      (map) => !cancelled && setAttachmentOf(map),
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
    };
  }, [result]);

  const hits = result ? [...result.articles, ...result.notes, ...result.returns] : [];
  const openHit = (hit: SearchHit) => {
    setOpen(false);
    inputRef.current?.blur();
    window.location.hash = hitHref(hit);
  };

  const showPanel = open;
  return (
    <div className="search-box" ref={rootRef} role="search">
      <Input
        ref={inputRef}
        type="search"
        className="search-input"
        data-testid="search-input"
        aria-label={t.label}
        placeholder={t.placeholder}
        value={query}
        // Focus alone (Tab) does not open the panel; a click, typing, ↓ or Ctrl+K does.
        onMouseDown={() => setOpen(true)}
        onBlur={(e) => {
          if (!rootRef.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget !== null) setOpen(false);
        }}
        onFocus={() => {
          // The document list loads once (about 0.6 s for 100,000 articles): start while the
          // user is still typing, not after the first keystroke's debounce.
          void warmSearch().catch(() => undefined);
        }}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setOpen(false);
            inputRef.current?.blur();
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            if (hits.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            // The results on screen may answer an older query while typing: search the current one first.
            if (useSearch.getState().isCurrent() && hits[active]) {
              openHit(hits[active]);
              return;
            }
            void useSearch
              .getState()
              .current()
              .then((fresh) => {
                const top = fresh ? [...fresh.articles, ...fresh.notes, ...fresh.returns][0] : undefined;
                if (top) openHit(top);
              });
          }
        }}
      />
      {showPanel ? (
        <div className="search-panel" data-testid="search-panel">
          <Filters />
          {rebuild.running || result?.rebuilding ? (
            <p className="search-notice" role="status">
              {t.rebuilding(rebuild.done, rebuild.total)}
            </p>
          ) : null}
          {error ? (
            <p className="search-notice error" role="alert">
              {t.failed}：{error}
            </p>
          ) : null}
          {!result || result.empty ? (
            <Help />
          ) : result.tooShort ? (
            <p className="search-empty">{t.tooShort}</p>
          ) : !result.articles.length && !result.notes.length && !result.returns.length ? (
            <div className="search-empty" data-testid="search-empty">
              <p>{t.noResults(query.trim())}</p>
              <p>{t.noResultsTips}</p>
              <Help />
            </div>
          ) : (
            <div className="search-results" role="listbox" aria-label={t.resultsLabel}>
              {(
                [
                  ['articles', t.articles, result.articles, result.totals.articles],
                  ['notes', t.notes, result.notes, result.totals.notes],
                  ['returns', t.returns, result.returns, result.totals.returns],
                ] as const
              ).map(([key, title, list, total]) =>
                list.length ? (
                  <section
                    key={key}
                    className="search-group"
                    data-testid={`search-group-${key}`}
                    role="group"
                    aria-labelledby={`search-group-${key}-title`}
                  >
                    <h3 id={`search-group-${key}-title`} role="presentation">
                      {title} <small>{t.count(total, result.exact)}</small>
                    </h3>
                    <ul role="none">
                      {list.map((hit) => (
                        <HitRow
                          key={`${hit.kind}:${hit.id}`}
                          hit={hit}
                          active={hits[active] === hit}
                          onOpen={openHit}
                          attachmentOf={attachmentOf.get(hit.articleId ?? hit.id)}
                        />
                      ))}
                    </ul>
                  </section>
                ) : null,
              )}
              <p className="search-footer">{busy ? t.searching : t.ms(result.ms)}</p>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
