/** Settings › 搜索索引: size, compaction and a resumable rebuild, each with a progress bar. */
import { useEffect, useState } from 'react';
import { searchSize, type SearchSize } from '../../core/search';
import { messages } from '../../i18n/messages';
import { Button, Toolbar } from '../../ui';
import { useSearch } from './store';

const t = messages.search.index;

export function SearchIndexSettings() {
  const rebuild = useSearch((s) => s.rebuild);
  const compact = useSearch((s) => s.compact);
  const [size, setSize] = useState<SearchSize | null>(null);
  const busy = rebuild.running || compact.running;
  useEffect(() => {
    if (busy) return;
    let cancelled = false;
    void searchSize().then((s) => {
      if (!cancelled) setSize(s);
    });
    return () => {
      cancelled = true;
    };
  }, [busy]);
  const pct = rebuild.total ? Math.min(100, Math.round((rebuild.done / rebuild.total) * 100)) : 0;
  const compactPct = compact.total ? Math.min(100, Math.round((compact.done / compact.total) * 100)) : 0;
  const perBucket = size ? size.records / Math.max(1, size.buckets) : 0;
  return (
    <div className="search-index-settings" data-testid="search-index-settings">
      <p data-testid="search-index-size">{size ? t.size(size.bytes, size.docs, perBucket) : t.measuring}</p>
      <p className="ui-muted">{t.compactHint}</p>
      {compact.running ? (
        <div className="search-index-progress">
          <progress max={100} value={compactPct} aria-label={t.compacting} />
          <span>{compactPct}%</span>
        </div>
      ) : null}
      {compact.error ? (
        <p role="alert" className="ui-error">
          {compact.error}
        </p>
      ) : null}
      {rebuild.running ? (
        <div className="search-index-progress">
          <progress max={100} value={pct} aria-label={t.rebuilding} />
          <span>{t.progress(rebuild.done, rebuild.total)}</span>
        </div>
      ) : null}
      <Toolbar>
        <Button disabled={busy} onClick={() => void useSearch.getState().startCompact()}>
          {compact.running ? t.compacting : t.compact}
        </Button>
        <Button disabled={busy} onClick={() => void useSearch.getState().startRebuild(true)}>
          {rebuild.running ? t.rebuilding : t.rebuild}
        </Button>
      </Toolbar>
    </div>
  );
}
