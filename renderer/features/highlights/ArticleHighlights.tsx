/**
 * Highlights on the open article: paints them, follows the selection with a small toolbar,
 * opens a popover on a clicked highlight, and puts every action on a key.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { HighlightRow } from '../../core/highlights';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui';
import { useKeyboard } from '../../ui/useKeyboard';
import { cancelTypeAhead, startTypeAhead, useNoteEditor } from '../notes';
import {
  citation,
  createHighlight,
  followArticleHighlights,
  recolorHighlight,
  removeHighlight,
  restyleHighlight,
  type ArticleContext,
} from '../../core/highlights';
import { HIGHLIGHT_COLORS } from './colors';
import { HighlightPopover } from './HighlightPopover';
import { pageAt } from '../../core/documents';
import { navigate } from '../../ui/router';
import { NoteMarks } from './NoteMarks';
import './highlights.css';
import { notedHighlights } from '../../core/notes';
import { useLiveResult } from '../../ui/useLiveResult';
import { HighlightPainter } from './painter';
import { charOffsetAt, selectionInArticle, type SelectionSpan } from './selection';
import { useHighlights } from './store';
import type { TextMap } from './textMap';

const t = messages.highlights;

interface Props {
  article: ArticleContext;
  initialRows: readonly HighlightRow[];
  getMap(): TextMap;
  scroller: React.RefObject<HTMLDivElement | null>;
}

interface Anchored {
  span: SelectionSpan;
  rect: { top: number; bottom: number; left: number; right: number };
}

function rectOf(range: Range | null): Anchored['rect'] | null {
  if (!range) return null;
  const rects = range.getClientRects();
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return null;
  return { top: first.top, left: first.left, bottom: last.bottom, right: last.right };
}

/** Fixed-position coordinates above (or below) a passage, kept inside the window. */
export function placeNear(rect: Anchored['rect'], width: number, height: number): { top: number; left: number } {
  const above = rect.top - height - 8;
  const top = above > 48 ? above : Math.min(window.innerHeight - height - 8, rect.bottom + 8);
  const left = Math.max(8, Math.min(window.innerWidth - width - 8, rect.left));
  return { top, left };
}

const EMPTY: ReadonlyMap<string, string> = new Map();

/**
 * The selection toolbar's place: just below the selection, so it never covers the line above
 * (where the eye reads on from); above it, with a gap, only when there is no room below.
 */
export function placeToolbar(rect: Anchored['rect'], width: number, height: number): { top: number; left: number } {
  const GAP = 6;
  const below = rect.bottom + GAP;
  const top = below + height <= window.innerHeight - 8 ? below : Math.max(8, rect.top - height - GAP);
  const left = Math.max(8, Math.min(window.innerWidth - width - 8, rect.left));
  return { top, left };
}

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function ArticleHighlights({ article, initialRows, getMap, scroller }: Props) {
  const painterRef = useRef<HighlightPainter | null>(null);
  const [ready, setReady] = useState(false);
  const [selection, setSelection] = useState<Anchored | null>(null);
  const [popoverRect, setPopoverRect] = useState<Anchored['rect'] | null>(null);
  const [focusPopover, setFocusPopover] = useState(0);
  const activeId = useHighlights((s) => s.activeId);
  const lastColor = useHighlights((s) => s.lastColor);
  const lastStyle = useHighlights((s) => s.lastStyle);
  const activeRow = useHighlights((s) => (s.activeId ? s.rows.get(s.activeId) : undefined));
  const articleId = article.row.id;
  const version = article.row.version;
  const rows = useHighlights((s) => s.rows);
  const notedResult = useLiveResult(() => notedHighlights(articleId), [articleId]);
  const noted = notedResult.state === 'ready' ? notedResult.value : EMPTY;

  useEffect(() => {
    void useHighlights.getState().loadDefaults();
  }, []);

  // Paint as soon as the text is in the DOM: this runs in the same commit that put it there.
  useLayoutEffect(() => {
    const started = performance.now();
    const map = getMap();
    const store = useHighlights.getState();
    if (map.text !== article.text) {
      console.error('article text mismatch', { dom: map.text.length, stored: article.text.length });
      store.setArticle(null, []);
      store.setNotice(t.textMismatch, true);
      return;
    }
    const painter = new HighlightPainter(map, version);
    store.setArticle(articleId, initialRows);
    painter.sync(useHighlights.getState().rows);
    painter.setLayerVisible('leader', useHighlights.getState().leaderVisible);
    painterRef.current = painter;
    performance.measure('yandu-paint', { start: started, end: performance.now(), detail: { count: initialRows.length } });
    requestAnimationFrame(() => setTimeout(() => performance.measure('yandu-paint-frame', { start: started, end: performance.now() })));
    const unsubscribe = useHighlights.subscribe((s, prev) => {
      painter.sync(s.rows);
      if (s.leaderVisible !== prev.leaderVisible) painter.setLayerVisible('leader', s.leaderVisible);
    });
    // Writes elsewhere (another tab, a packet, re-anchoring) reach the painter through the store.
    const unfollow = followArticleHighlights(articleId);
    setReady(true);
    return () => {
      unfollow();
      unsubscribe();
      painter.dispose();
      painterRef.current = null;
      useHighlights.getState().setArticle(null, []);
    };
    // The article's DOM is rendered once per article: repaint only for another article.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, version]);

  // Follow the selection.
  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const map = getMap();
      const span = selectionInArticle(map);
      if (!span) {
        setSelection(null);
        return;
      }
      const rect = rectOf(window.getSelection()?.getRangeAt(0) ?? null);
      // A new selection takes over from an opened highlight.
      useHighlights.getState().setActive(null);
      if (rect) setSelection({ span, rect });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', schedule);
    const el = scroller.current;
    el?.addEventListener('scroll', schedule, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', schedule);
      el?.removeEventListener('scroll', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ready, getMap, scroller]);

  // Keep the popover next to its highlight (scrolling, recolouring, undo).
  useLayoutEffect(() => {
    if (!activeId) {
      setPopoverRect(null);
      return;
    }
    const place = () => setPopoverRect(rectOf(painterRef.current?.rangeOf(activeId) ?? null));
    place();
    const el = scroller.current;
    el?.addEventListener('scroll', place, { passive: true });
    return () => el?.removeEventListener('scroll', place);
  }, [activeId, activeRow, scroller]);

  // A click on painted text opens its highlight; a click elsewhere closes the popover.
  useEffect(() => {
    if (!ready) return;
    const root = getMap().root as HTMLElement;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0) return;
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      const offset = charOffsetAt(getMap(), event.clientX, event.clientY);
      const hit = offset === null ? undefined : painterRef.current?.hitTest(offset, 'personal')[0];
      useHighlights.getState().setActive(hit ?? null);
    };
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (root.contains(target)) return;
      if ((target as Element).closest?.('.hl-popover, .hl-toolbar')) return;
      useHighlights.getState().setActive(null);
    };
    root.addEventListener('click', onClick);
    document.addEventListener('mousedown', onDown);
    return () => {
      root.removeEventListener('click', onClick);
      document.removeEventListener('mousedown', onDown);
    };
  }, [ready, getMap]);

  /** Drops the selection just marked, unless the user has meanwhile selected something else (keys go on while it saves). */
  const dropSelectionIf = useCallback(
    (span: SelectionSpan) => {
      const now = selectionInArticle(getMap());
      if (!now || (now.start === span.start && now.end === span.end)) window.getSelection()?.removeAllRanges();
    },
    [getMap],
  );

  /** `current`: the selection read before focus moved (the note's type-ahead takes it away). */
  const ensureHighlight = useCallback(
    async (current?: SelectionSpan | null): Promise<string | null> => {
      const span = current ?? selectionInArticle(getMap()) ?? selection?.span;
      const id = useHighlights.getState().activeId;
      if (id && !span) return id;
      if (!span) return null;
      const created = await createHighlight(article, span.start, span.end);
      dropSelectionIf(span);
      if (created) useHighlights.getState().setActive(created);
      return created;
    },
    [article, getMap, selection, dropSelectionIf],
  );

  const highlightSelection = useCallback(
    async (color = useHighlights.getState().lastColor, style = useHighlights.getState().lastStyle) => {
      const span = selectionInArticle(getMap()) ?? selection?.span;
      if (!span) return;
      // Dropped at once (the view paints the new highlight before it is stored): keys that
      // follow, such as caret steps, act on what the user sees, not on a selection that lingers.
      dropSelectionIf(span);
      await createHighlight(article, span.start, span.end, color, style);
    },
    [article, getMap, selection, dropSelectionIf],
  );

  const addNote = useCallback(async () => {
    // Read before the type-ahead takes the focus (and with it the document's selection).
    const span = selectionInArticle(getMap());
    // Synchronously, before anything is awaited: keys typed while the note opens go into it.
    startTypeAhead();
    const id = await ensureHighlight(span).catch((error: unknown) => {
      cancelTypeAhead();
      throw error;
    });
    if (id) {
      useNoteEditor.getState().open({ kind: 'highlight', highlightId: id, articleId });
      // The note panel takes over: the popover would cover its header and quoted passage.
      useHighlights.getState().setActive(null);
    } else cancelTypeAhead();
  }, [ensureHighlight, articleId, getMap]);

  const copyCitation = useCallback(
    async (passage: string, start?: number) => {
      try {
        await copyText(citation(article.row, passage, start));
        useHighlights.getState().setNotice(t.copied);
      } catch (error) {
        console.error(error);
        useHighlights.getState().setNotice(t.copyFailed, true);
      }
    },
    [article.row],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      const painter = painterRef.current;
      const el = scroller.current;
      if (!painter || !el) return;
      const ids = painter.ordered('personal');
      if (!ids.length) return;
      const current = useHighlights.getState().activeId;
      let i = current ? ids.indexOf(current) : -1;
      if (i < 0) {
        // From the viewport: the first highlight below its top (or above, going back).
        const top = el.getBoundingClientRect().top;
        const below = ids.findIndex((id) => (painter.rangeOf(id)?.getBoundingClientRect().top ?? 0) >= top);
        i = direction > 0 ? (below < 0 ? ids.length - 1 : below) - 1 : below < 0 ? ids.length : below;
      }
      const next = ids[(i + direction + ids.length) % ids.length]!;
      const rect = painter.rangeOf(next)?.getBoundingClientRect();
      if (rect) {
        const box = el.getBoundingClientRect();
        if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) el.scrollTop += rect.top - box.top - box.height / 3;
      }
      useHighlights.getState().setActive(next);
      setFocusPopover((n) => n + 1);
    },
    [scroller],
  );

  useKeyboard(
    (event) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // A selection wins over an opened highlight.
      const span = selectionInArticle(getMap());
      const id = span ? null : useHighlights.getState().activeId;
      const key = event.key;
      const color = HIGHLIGHT_COLORS.find((c) => c.key === key);
      if (key === ']' || key === '[') step(key === ']' ? 1 : -1);
      else if (!id && !span) return;
      else if (key === 'Escape') {
        if (id) {
          const inPopover = (document.activeElement as Element | null)?.closest?.('.hl-popover');
          useHighlights.getState().setActive(null);
          // Focus was in the closing popover: back to the text it belongs to.
          if (inPopover) scroller.current?.focus({ preventScroll: true });
        } else window.getSelection()?.removeAllRanges();
      } else if (color) {
        if (id) void recolorHighlight(id, color.id);
        else void highlightSelection(color.id);
      } else if (key === 'h') {
        if (!id) void highlightSelection();
      } else if (key === 'u') {
        const row = id ? useHighlights.getState().rows.get(id) : undefined;
        if (row) void restyleHighlight(row.id, row.style === 'fill' ? 'underline' : 'fill');
        else {
          const s = useHighlights.getState();
          s.setDefaults(s.lastColor, s.lastStyle === 'fill' ? 'underline' : 'fill');
        }
      } else if (key === 'n') void addNote();
      else if (key === 'Delete' || key === 'Backspace') {
        if (id) void removeHighlight(id);
        else if (span) {
          const hits = painterRef.current?.hitTest(span.start, 'personal') ?? [];
          if (!hits[0]) return;
          void removeHighlight(hits[0]);
        }
      } else if (key === 'c' && (id || span)) {
        const row = id ? useHighlights.getState().rows.get(id) : undefined;
        const passage = row ? row.selector.exact : span ? article.text.slice(span.start, span.end) : '';
        if (passage) void copyCitation(passage, row ? row.selector.start : span?.start);
      } else return;
      event.preventDefault();
    },
    [getMap, highlightSelection, addNote, step, copyCitation, article.text, scroller],
  );

  const marks = ready ? (
    <NoteMarks
      painter={painterRef.current}
      noted={noted}
      rowsToken={rows}
      scroller={scroller}
      root={getMap().root}
      onOpen={(id) => {
        useHighlights.getState().setActive(null);
        useNoteEditor.getState().open({ kind: 'highlight', highlightId: id, articleId });
      }}
    />
  ) : null;

  if (activeId && activeRow && popoverRect) {
    return (
      <>
        {marks}
        <HighlightPopover
          row={activeRow}
          position={placeNear(popoverRect, 320, 150)}
          focusToken={focusPopover}
          hasNote={noted.has(activeRow.id)}
          onNote={() => void addNote()}
          onCopy={() => void copyCitation(activeRow.selector.exact, activeRow.selector.start)}
          originalPage={
            article.row.document?.format === 'pdf' && article.row.document.file
              ? pageAt(article.row.document.pages, activeRow.selector.start)
              : null
          }
          onOriginal={() => {
            const page = pageAt(article.row.document?.pages, activeRow.selector.start);
            navigate(page ? { name: 'original', id: article.row.id, page } : { name: 'original', id: article.row.id });
          }}
          onClose={() => useHighlights.getState().setActive(null)}
        />
      </>
    );
  }
  if (!selection) return marks;
  const pos = placeToolbar(selection.rect, 330, 40);
  return (
    <>
      {marks}
      <div
        className="hl-toolbar"
        role="toolbar"
        aria-label={t.toolbar}
        data-testid="hl-toolbar"
        style={{ top: pos.top, left: pos.left }}
        // Keep the selection: the toolbar acts on it.
        onMouseDown={(e) => e.preventDefault()}
      >
        {/* Colour swatches: round buttons painted in the highlight's colour (not ui Buttons). */}
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c.id}
            type="button"
            className={`hl-swatch hl-${c.id}${c.id === lastColor ? ' last' : ''}`}
            aria-label={t.color(c.name)}
            title={`${c.name}（${c.key}）`}
            onClick={() => void highlightSelection(c.id)}
          />
        ))}
        <Button
          small
          className="hl-style"
          aria-pressed={lastStyle === 'underline'}
          title={`${t.underline}（u）`}
          onClick={() => useHighlights.getState().setDefaults(lastColor, lastStyle === 'fill' ? 'underline' : 'fill')}
        >
          <u>{t.underline}</u>
        </Button>
        <Button small title={`${t.addNote}（n）`} onClick={() => void addNote()}>
          {t.addNote}
        </Button>
        <Button
          small
          title={`${t.copyCitation}（c）`}
          onClick={() => void copyCitation(article.text.slice(selection.span.start, selection.span.end), selection.span.start)}
        >
          {t.copyCitation}
        </Button>
      </div>
    </>
  );
}
