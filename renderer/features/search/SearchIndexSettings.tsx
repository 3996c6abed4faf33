/** Settings › 搜索索引: size, a resumable rebuild with a progress bar. */
import { useEffect, useState } from 'react';
import { db } from '../../db';
import { searchIndexSize } from '../../db/searchIndex';
import { messages } from '../../i18n/messages';
import { useSearch } from './store';

const t = messages.search.index;

export function SearchIndexSettings() {
  const rebuild = useSearch((s) => s.rebuild);
  const [size, setSize] = useState<{ bytes: number; docs: number; segments: number } | null>(null);
  useEffect(() => {
    if (rebuild.running) return;
    let cancelled = false;
    void searchIndexSize(db).then((s) => {
      if (!cancelled) setSize(s);
    });
    return () => {
      cancelled = true;
    };
  }, [rebuild.running]);
  const pct = rebuild.total ? Math.min(100, Math.round((rebuild.done / rebuild.total) * 100)) : 0;
  return (
    <section className="search-index-settings" data-testid="search-index-settings">
      <p>{t.description}</p>
      <p data-testid="search-index-size">{size ? t.size(size.bytes, size.docs, size.segments) : t.measuring}</p>
      {rebuild.running ? (
        <div className="search-index-progress">
          <progress max={100} value={pct} aria-label={t.rebuilding} />
          <span>{t.progress(rebuild.done, rebuild.total)}</span>
        </div>
      ) : null}
      <button type="button" disabled={rebuild.running} onClick={() => void useSearch.getState().startRebuild(true)}>
        {rebuild.running ? t.rebuilding : t.rebuild}
      </button>
    </section>
  );
}
