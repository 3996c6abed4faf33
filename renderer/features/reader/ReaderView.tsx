/** The reader: one article with Chinese long-form typography; the position is remembered. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { Button } from '../../ui';
import { navigate } from '../../ui/router';
import { appHost } from '../../core/app';
import { reanchorArticle, type HighlightRow } from '../../core/highlights';
import { openArticle, saveReadingPosition, type ArticleBodyRow, type LibraryRow as ArticleRow } from '../../core/library';
import { messages } from '../../i18n/messages';
import { study } from '../../core/study';
import { useLiveResult } from '../../ui/useLiveResult';
import { toldIfNotStored } from '../../ui/keptWriteNotice';
import { clampFontSize, useReaderSettings } from '../../stores/readerSettings';
import { importDay } from '../../stores/library';
import { sanitizeArticleHtml } from '../../ui/sanitize';
import { isTypingTarget, useKeyboard } from '../../ui/useKeyboard';
import { useUndo } from '../../stores/undo';
import { LeaderPanel } from '../packets';
import { ArticleHighlights, buildTextMap, OrphansPanel, useHighlights, type TextMap } from '../highlights';
import { FindBar } from './FindBar';
import { markSearchMatch } from '../search';
import { measurePosition, restorePosition, type ReadingPosition } from './position';
import { ReaderSettingsPanel } from './ReaderSettingsPanel';
import { CaretLayer } from './CaretLayer';
import { AttachmentList, AttachmentOf } from './Attachments';
import { pageAt } from '../../core/documents';
import { viewOriginal } from '../original';
import './reader.css';
import { NotePanel, WriteNoteButton } from '../notes';
import { currentEntry, headingsOf, TOC_MIN_HEADINGS, TocPanel, type TocEntry } from './TocPanel';

const t = messages.reader;

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'ready'; row: ArticleRow; body: ArticleBodyRow; saved: ReadingPosition | null; highlights: HighlightRow[] };

/** Keys that belong to a focused control rather than to reading. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, summary, [role="button"]') !== null;
}

/** The latest of the reader's and the undo stack's messages, shown for a few seconds. */
function useNotice(): { text: string; error: boolean } | null {
  const a = useHighlights((s) => s.notice);
  const b = useUndo((s) => s.notice);
  const latest = a && (!b || a.at >= b.at) ? a : b;
  const [shown, setShown] = useState(latest);
  useEffect(() => {
    setShown(latest);
    if (!latest) return;
    const timer = setTimeout(() => setShown(null), 4000);
    return () => clearTimeout(timer);
  }, [latest]);
  return shown;
}

/** Where block `block` starts in the text (blocks are joined by "\n"). */
function blockOffset(text: string, block: number): number {
  let offset = 0;
  for (let i = 0; i < block; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset;
}

/** `at`: a text offset to open at (from the notebook or search) instead of the saved position. */
export function ReaderView({ id, at, len }: { id: string; at?: number; len?: number }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [showSettings, setShowSettings] = useState(false);
  const settingsButtonRef = useRef<HTMLButtonElement>(null);
  const [caret, setCaret] = useState(false);
  const prefs = useReaderSettings();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const blocksRef = useRef<HTMLDivElement>(null);
  const positionRef = useRef<ReadingPosition | null>(null);
  const [progress, setLocalProgress] = useState(0);
  const [tocCurrent, setTocCurrent] = useState(-1);
  const [toc, setToc] = useState<TocEntry[]>([]);
  const tocRef = useRef<TocEntry[]>([]);
  const [showToc, setShowToc] = useState(true);
  const [find, setFind] = useState(0);
  const mapRef = useRef<TextMap | null>(null);
  const notice = useNotice();
  const hasLeader = useHighlights((s) => [...s.rows.values()].some((r) => r.layer === 'leader'));
  const leaderVisible = useHighlights((s) => s.leaderVisible);
  // 隐藏重点摘编 is remembered (study.hidden): a member who hid the leader's layer keeps it hidden.
  const hiddenSetting = useLiveResult(() => study.hidden(), []);
  const leaderHidden = hiddenSetting.state === 'ready' && hiddenSetting.value.leaderLayer;
  useEffect(() => {
    if (hiddenSetting.state === 'ready') useHighlights.getState().setLeaderVisible(!leaderHidden);
  }, [hiddenSetting.state, leaderHidden]);

  useEffect(() => {
    let cancelled = false;
    setLoaded({ state: 'loading' });
    mapRef.current = null;
    void openArticle(id).then(
      (opened) => {
        if (cancelled) return;
        setLoaded(opened ? { state: 'ready', ...opened } : { state: 'missing' });
      },
      (error: unknown) => {
        console.error(error);
        if (!cancelled) setLoaded({ state: 'missing' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  // The text map is built once per rendered article, on first use.
  const getMap = useCallback((): TextMap => {
    if (!mapRef.current || mapRef.current.root !== blocksRef.current) mapRef.current = buildTextMap(blocksRef.current!);
    return mapRef.current;
  }, []);

  // Highlights placed on an older text of the article: re-anchor them, then show the result.
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    const version = loaded.row.version;
    if (!loaded.highlights.some((h) => h.articleVersion !== version)) return;
    let cancelled = false;
    // The service hands moved and orphaned rows to the open view itself.
    void reanchorArticle(id)
      .then((result) => {
        if (cancelled) return;
        if (result.moved || result.orphaned)
          useHighlights.getState().setNotice(messages.highlights.reanchored(result.moved, result.orphaned));
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!cancelled) useHighlights.getState().setNotice(messages.errors.generic, true);
      });
    return () => {
      cancelled = true;
    };
  }, [loaded, id]);

  const html = useMemo(() => (loaded.state === 'ready' ? sanitizeArticleHtml(loaded.body.html) : ''), [loaded]);

  // Restore the saved position once the text is laid out.
  useLayoutEffect(() => {
    if (loaded.state !== 'ready' || !scrollerRef.current || !blocksRef.current) return;
    const target = at !== undefined ? getMap().offsetsToRange(at, at + 1) : null;
    if (target) {
      // Put the passage a third of the way down, where the eye lands.
      const scroller = scrollerRef.current;
      scroller.scrollTop += target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
      // A search result: mark the match (`len` characters) until the next search or article.
      if (len) markSearchMatch(getMap(), at!, at! + len);
    } else if (loaded.saved) restorePosition(scrollerRef.current, blocksRef.current, loaded.saved);
    positionRef.current = measurePosition(scrollerRef.current, blocksRef.current);
    setLocalProgress(positionRef.current.progress);
    tocRef.current = headingsOf(blocksRef.current);
    setToc(tocRef.current);
    setTocCurrent(currentEntry(scrollerRef.current, blocksRef.current, tocRef.current));
    // Only when the article (re)loads: a later change of `at` opens a new reader (keyed by route).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  // Keep the same passage in view when typography changes.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const blocks = blocksRef.current;
    if (scroller && blocks && positionRef.current) restorePosition(scroller, blocks, positionRef.current);
  }, [prefs.fontSize, prefs.lineHeight, prefs.width, prefs.font]);

  // Save the position while reading (throttled) and when the page goes away.
  useEffect(() => {
    const scroller = scrollerRef.current;
    const blocks = blocksRef.current;
    if (loaded.state !== 'ready' || !scroller || !blocks) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      timer = null;
      const pos = positionRef.current;
      if (!pos) return;
      // The library's progress follows the stored position through the library feed. A failed write
      // is not told: the position is no choice of the user's, it is saved again at the next scroll,
      // and the journal keeps it for the next start (never over a later one); a failing library is
      // told by the writes the user makes.
      saveReadingPosition(id, pos).catch((error: unknown) => console.warn('[reader] position not stored', error));
    };
    const onScroll = () => {
      positionRef.current = measurePosition(scroller, blocks);
      setLocalProgress(positionRef.current.progress);
      setTocCurrent(currentEntry(scroller, blocks, tocRef.current));
      if (!timer) timer = setTimeout(save, 300);
    };
    const flush = () => {
      if (timer) clearTimeout(timer);
      save();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [loaded, id]);

  const goToBlock = useCallback((index: number) => {
    const scroller = scrollerRef.current;
    const el = blocksRef.current?.children[index] as HTMLElement | undefined;
    if (!scroller || !el) return;
    scroller.scrollTop = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 8;
  }, []);

  /** j/k: the next block starting below the viewport top, or the previous one above it. */
  const stepBlock = useCallback(
    (direction: 1 | -1) => {
      const scroller = scrollerRef.current;
      const blocks = blocksRef.current;
      if (!scroller || !blocks) return;
      const top = scroller.getBoundingClientRect().top + 8;
      const children = [...blocks.children];
      const tops = children.map((c) => c.getBoundingClientRect().top);
      const index = direction > 0 ? tops.findIndex((y) => y > top + 1) : tops.reduce((found, y, i) => (y < top - 1 ? i : found), -1);
      if (index >= 0) goToBlock(index);
      else if (direction < 0) scroller.scrollTop = 0;
    },
    [goToBlock],
  );

  const toggleCaret = useCallback(() => {
    useHighlights.getState().setNotice(caret ? t.caretOff : t.caretOn);
    setCaret(!caret);
  }, [caret]);

  const closeSettings = useCallback(() => {
    setShowSettings(false);
    settingsButtonRef.current?.focus();
  }, []);

  // The article takes the keyboard as soon as it opens, so Home/End, Space and arrows read it.
  useEffect(() => {
    if (loaded.state === 'ready' && at === undefined) scrollerRef.current?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.state]);

  useKeyboard(
    (event) => {
      if (event.defaultPrevented) return;
      const scroller = scrollerRef.current;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        if (loaded.state !== 'ready') return;
        event.preventDefault();
        setFind((n) => n + 1);
        return;
      }
      if (event.key === 'F7' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
        if (loaded.state !== 'ready') return;
        event.preventDefault();
        toggleCaret();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const line = prefs.fontSize * prefs.lineHeight;
      if (event.key === 'Escape' && showSettings) {
        closeSettings();
      } else if (event.key === 'Escape') {
        // Escape first closes an open highlight or drops the selection (the highlights layer does that).
        if (useHighlights.getState().activeId || window.getSelection()?.isCollapsed === false) return;
        navigate({ name: 'library' });
      } else if (event.key === '+' || event.key === '=') prefs.update({ fontSize: clampFontSize(prefs.fontSize + 1) });
      else if (event.key === '-') prefs.update({ fontSize: clampFontSize(prefs.fontSize - 1) });
      else if (!scroller || isTypingTarget(event.target)) return;
      else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (isControl(event.target) && (event.target as HTMLElement).closest('.reader-side')) return;
        scroller.scrollBy({ top: (event.key === 'ArrowDown' ? 1 : -1) * line });
      } else if (event.key === ' ') {
        if (isControl(event.target)) return;
        scroller.scrollBy({ top: (event.shiftKey ? -1 : 1) * Math.max(line, scroller.clientHeight - line) });
      } else if (event.key === 'PageDown' || event.key === 'PageUp') {
        scroller.scrollBy({ top: (event.key === 'PageDown' ? 1 : -1) * Math.max(line, scroller.clientHeight - line) });
      } else if (event.key === 'Home' || event.key === 'End') {
        if (isControl(event.target)) return;
        scroller.scrollTop = event.key === 'Home' ? 0 : scroller.scrollHeight;
      } else if (event.key === 'j' || event.key === 'k') stepBlock(event.key === 'j' ? 1 : -1);
      else return;
      event.preventDefault();
    },
    [prefs, loaded.state, stepBlock, showSettings, toggleCaret, closeSettings],
  );

  const articleContext = useMemo(() => (loaded.state === 'ready' ? { row: loaded.row, text: loaded.body.text } : null), [loaded]);

  const openLink = (href: string) => {
    if (!/^https?:\/\//i.test(href)) return;
    void appHost.openExternal(href).then((r) => {
      if (!r.opened) window.open(href, '_blank', 'noopener,noreferrer');
    });
  };

  // Links in articles never navigate the app: web links open outside it.
  const onArticleClick = (event: React.MouseEvent) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    openLink(link.getAttribute('href') ?? '');
  };

  // 查看原件 opens at the page being read (the block at the top of the view).
  const showOriginal = () => {
    if (loaded.state !== 'ready') return;
    const block = positionRef.current?.block ?? 0;
    viewOriginal(loaded.row, pageAt(loaded.row.document?.pages, blockOffset(loaded.body.text, block)));
  };

  if (loaded.state === 'loading') return <div className="reader-status">{messages.boot.loading}</div>;
  if (loaded.state === 'missing') {
    return (
      <div className="reader-status">
        <p>{t.notFound}</p>
        <a href="#/">{t.back}</a>
      </div>
    );
  }
  const { row } = loaded;
  if (!articleContext) return null;
  const hasToc = toc.length >= TOC_MIN_HEADINGS;
  return (
    <section className={`reader theme-${prefs.theme} font-${prefs.font} width-${prefs.width}`} aria-label={row.title}>
      <div className="reader-bar">
        <a className="back" href="#/">
          ← {t.back}
        </a>
        <span className="reader-bar-title">{row.title}</span>
        {notice ? (
          <span
            className={`reader-notice${notice.error ? ' error' : ''}`}
            role={notice.error ? 'alert' : 'status'}
            data-testid="reader-notice"
          >
            {notice.text}
          </span>
        ) : null}
        <span className="reader-progress-text">{t.progress(Math.round(progress * 100))}</span>
        {hasToc ? (
          <Button small aria-pressed={showToc} onClick={() => setShowToc((v) => !v)}>
            {t.toc}
          </Button>
        ) : null}
        {hasLeader ? (
          <Button
            small
            aria-pressed={leaderVisible}
            onClick={() => {
              useHighlights.getState().setLeaderVisible(!leaderVisible);
              toldIfNotStored(messages.writes.leaderLayer, study.hideLeaderLayer(leaderVisible));
            }}
          >
            {messages.highlights.showLeader}
          </Button>
        ) : null}
        <Button small title={t.keysHint} onClick={() => setFind((n) => n + 1)}>
          {t.find}
        </Button>
        {row.document ? (
          <Button small title={messages.documents.viewOriginalHint} data-testid="view-original" onClick={showOriginal}>
            {messages.documents.viewOriginal}
          </Button>
        ) : null}
        <WriteNoteButton articleId={row.id} />
        <Button small aria-pressed={caret} title={t.caretHint} data-testid="caret-toggle" onClick={toggleCaret}>
          {t.caret}
        </Button>
        <Button small ref={settingsButtonRef} aria-expanded={showSettings} onClick={() => setShowSettings((v) => !v)}>
          {t.settings}
        </Button>
      </div>
      <div className="reader-progress" style={{ transform: `scaleX(${progress})` }} />
      {showSettings ? <ReaderSettingsPanel onClose={closeSettings} /> : null}
      {caret ? <CaretLayer getMap={getMap} scroller={scrollerRef} onExit={toggleCaret} /> : null}
      {find > 0 ? (
        <FindBar
          getMap={getMap}
          scroller={scrollerRef}
          focusToken={find}
          onClose={() => {
            setFind(0);
            scrollerRef.current?.focus();
          }}
        />
      ) : null}
      <div className="reader-main">
        {hasToc && showToc ? <TocPanel entries={toc} current={tocCurrent} onGo={(e) => goToBlock(e.block)} /> : null}
        <div
          ref={scrollerRef}
          className="reader-scroll"
          data-testid="reader-scroll"
          // In the Tab order: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable).
          tabIndex={0}
          style={{ ['--reader-font-size' as string]: `${prefs.fontSize}px`, ['--reader-line-height' as string]: String(prefs.lineHeight) }}
        >
          <article className="article">
            <h1 className="article-title">{row.title}</h1>
            <p className="article-meta">
              {row.origin ? (
                <span>
                  {t.origin}：{row.origin}
                </span>
              ) : null}
              {row.author ? (
                <span>
                  {t.author}：{row.author}
                </span>
              ) : null}
              {row.publishedAt ? (
                <time dateTime={row.publishedAt}>{formatChineseDate(row.publishedAt)}</time>
              ) : (
                <span className="import-date" title={messages.library.importDateHint}>
                  {formatChineseDate(importDay(row.addedAt))}
                  <small className="import-date-mark">{messages.library.importDate}</small>
                </span>
              )}
              {row.placement ? <span data-testid="placement">{row.placement}</span> : row.column ? <span>{row.column}</span> : null}
              <span>{t.zi(row.zi)}</span>
              {row.document?.attachmentOf ? <AttachmentOf row={row} /> : null}
            </p>
            <div
              ref={blocksRef}
              className="article-body"
              data-testid="article-body"
              onClick={onArticleClick}
              dangerouslySetInnerHTML={{ __html: html }}
            />
            {row.attachments?.length ? <AttachmentList row={row} onExternal={openLink} /> : null}
          </article>
        </div>
        <OrphansPanel article={articleContext} getMap={getMap} />
        {/* The leader's 重点摘编: a side panel beside the text, like the note panel. */}
        <LeaderPanel article={articleContext} getMap={getMap} />
        {/* Docked beside the text (which reflows), so the passage being noted stays visible. */}
        <NotePanel />
      </div>
      <ArticleHighlights
        key={`${row.id}@${row.version}`}
        article={articleContext}
        initialRows={loaded.highlights}
        getMap={getMap}
        scroller={scrollerRef}
      />
    </section>
  );
}
