/** The reader: one article with Chinese long-form typography; the position is remembered. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { navigate } from '../../app/router';
import { api } from '../../bridge';
import { articles, reading } from '../../db';
import type { ArticleBodyRow, ArticleRow } from '../../db/schema';
import { messages } from '../../i18n/messages';
import { useLibrary } from '../../stores/library';
import { clampFontSize, useReaderSettings } from '../../stores/readerSettings';
import { sanitizeArticleHtml } from '../../ui/sanitize';
import { useKeyboard } from '../../ui/useKeyboard';
import { measurePosition, restorePosition, type ReadingPosition } from './position';
import { ReaderSettingsPanel } from './ReaderSettingsPanel';

const t = messages.reader;

type Loaded =
  { state: 'loading' } | { state: 'missing' } | { state: 'ready'; row: ArticleRow; body: ArticleBodyRow; saved: ReadingPosition | null };

export function ReaderView({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [showSettings, setShowSettings] = useState(false);
  const prefs = useReaderSettings();
  const setProgress = useLibrary((s) => s.setProgress);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const blocksRef = useRef<HTMLDivElement>(null);
  const positionRef = useRef<ReadingPosition | null>(null);
  const [progress, setLocalProgress] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoaded({ state: 'loading' });
    void Promise.all([articles.get(id), articles.getBody(id), reading.get(id)]).then(([row, body, saved]) => {
      if (cancelled) return;
      setLoaded(row && body ? { state: 'ready', row, body, saved: saved ?? null } : { state: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);

  const html = useMemo(() => (loaded.state === 'ready' ? sanitizeArticleHtml(loaded.body.html) : ''), [loaded]);

  // Restore the saved position once the text is laid out.
  useLayoutEffect(() => {
    if (loaded.state !== 'ready' || !scrollerRef.current || !blocksRef.current) return;
    if (loaded.saved) restorePosition(scrollerRef.current, blocksRef.current, loaded.saved);
    positionRef.current = measurePosition(scrollerRef.current, blocksRef.current);
    setLocalProgress(positionRef.current.progress);
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
      void reading.save(id, pos);
      setProgress(id, pos.progress);
    };
    const onScroll = () => {
      positionRef.current = measurePosition(scroller, blocks);
      setLocalProgress(positionRef.current.progress);
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
  }, [loaded, id, setProgress]);

  useKeyboard(
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const scroller = scrollerRef.current;
      if (event.key === 'Escape') navigate({ name: 'library' });
      else if (event.key === '+' || event.key === '=') prefs.update({ fontSize: clampFontSize(prefs.fontSize + 1) });
      else if (event.key === '-') prefs.update({ fontSize: clampFontSize(prefs.fontSize - 1) });
      else if (scroller && (event.key === 'j' || event.key === 'k')) {
        scroller.scrollBy({ top: (event.key === 'j' ? 1 : -1) * prefs.fontSize * prefs.lineHeight * 3 });
      } else return;
      event.preventDefault();
    },
    [prefs],
  );

  // Links in articles never navigate the app: web links open outside it.
  const onArticleClick = (event: React.MouseEvent) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) return;
    void api.app.openExternal({ url: href }).then((r) => {
      if (!r.opened) window.open(href, '_blank', 'noopener,noreferrer');
    });
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
  return (
    <section className={`reader theme-${prefs.theme} font-${prefs.font} width-${prefs.width}`} aria-label={row.title}>
      <div className="reader-bar">
        <a className="back" href="#/">
          ← {t.back}
        </a>
        <span className="reader-bar-title">{row.title}</span>
        <span className="reader-progress-text">{t.progress(Math.round(progress * 100))}</span>
        <button type="button" aria-expanded={showSettings} onClick={() => setShowSettings((v) => !v)}>
          {t.settings}
        </button>
      </div>
      <div className="reader-progress" style={{ transform: `scaleX(${progress})` }} />
      {showSettings ? <ReaderSettingsPanel /> : null}
      <div
        ref={scrollerRef}
        className="reader-scroll"
        data-testid="reader-scroll"
        tabIndex={-1}
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
            {row.publishedAt ? <time dateTime={row.publishedAt}>{formatChineseDate(row.publishedAt)}</time> : null}
            {row.column ? <span>{row.column}</span> : null}
            <span>{t.zi(row.zi)}</span>
          </p>
          <div
            ref={blocksRef}
            className="article-body"
            data-testid="article-body"
            onClick={onArticleClick}
            dangerouslySetInnerHTML={{ __html: html }}
          />
        </article>
      </div>
    </section>
  );
}
