/**
 * Find in article (Ctrl+F): matches are painted with the CSS Custom Highlight API
 * (`yandu-find`, the current one `yandu-find-current`), so the article DOM stays untouched
 * (or, in browsers without the API, with wrapped marks: see highlights/paint.ts).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { paintFor, type TextMap } from '../highlights';
import { messages } from '../../i18n/messages';
import { Button, Input } from '../../ui';

const t = messages.reader;
export const FIND_ENTRY = 'yandu-find';
export const FIND_CURRENT_ENTRY = 'yandu-find-current';
const MAX_MATCHES = 5000;

/** Start offsets of case-insensitive occurrences of query in text (no overlaps). */
export function findAll(text: string, query: string, max = MAX_MATCHES): number[] {
  if (!query) return [];
  const lowerText = text.toLowerCase();
  const lowerQuery = query.toLowerCase();
  // Lower-casing can change lengths (rare scripts): then match exactly.
  const exact = lowerText.length !== text.length || lowerQuery.length !== query.length;
  const hay = exact ? text : lowerText;
  const needle = exact ? query : lowerQuery;
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0 && out.length < max; i = hay.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

interface Props {
  getMap(): TextMap;
  scroller: React.RefObject<HTMLDivElement | null>;
  /** Changes each time Ctrl+F is pressed again: focus and select the input. */
  focusToken: number;
  onClose(): void;
}

export function FindBar({ getMap, scroller, focusToken, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findAll(getMap().text, query), [getMap, query]);
  const ranges = useMemo(() => {
    const map = getMap();
    return matches.map((start) => map.offsetsToRange(start, start + query.length));
  }, [getMap, matches, query]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  // Paint all matches once per query.
  useLayoutEffect(() => {
    const { registry, create } = paintFor(getMap());
    const all = create(...ranges.filter((r): r is Range => r !== null));
    all.priority = 5;
    registry.set(FIND_ENTRY, all);
    return () => {
      registry.delete(FIND_ENTRY);
    };
  }, [ranges, getMap]);

  // The current match: its own entry, scrolled into view.
  useLayoutEffect(() => {
    const map = getMap();
    const { registry, create } = paintFor(map);
    const start = matches[current];
    // Fresh: wrapped marks may have split the nodes the memoised ranges point into.
    const range = start === undefined ? null : map.offsetsToRange(start, start + query.length);
    if (!range) {
      registry.delete(FIND_CURRENT_ENTRY);
      return;
    }
    const h = create(range);
    h.priority = 6;
    registry.set(FIND_CURRENT_ENTRY, h);
    const el = scroller.current;
    if (el) {
      const rect = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      if (rect.top < box.top + 20 || rect.bottom > box.bottom - 20) el.scrollTop += rect.top - box.top - box.height / 3;
    }
    return () => {
      registry.delete(FIND_CURRENT_ENTRY);
    };
  }, [ranges, matches, query, current, scroller, getMap]);

  const go = (delta: number) => {
    if (!matches.length) return;
    setCurrent((c) => (c + delta + matches.length) % matches.length);
  };

  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <Input
        ref={inputRef}
        type="search"
        aria-label={t.find}
        placeholder={t.findPlaceholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
            e.preventDefault();
            inputRef.current?.select();
          }
        }}
      />
      <output data-testid="find-count" aria-live="polite">
        {query ? t.findCount(matches.length ? current + 1 : 0, matches.length) : ''}
      </output>
      <Button small aria-label={t.findPrevious} title={`${t.findPrevious}（Shift+Enter）`} onClick={() => go(-1)}>
        ↑
      </Button>
      <Button small aria-label={t.findNext} title={`${t.findNext}（Enter）`} onClick={() => go(1)}>
        ↓
      </Button>
      <Button small kind="quiet" aria-label={t.findClose} title={`${t.findClose}（Esc）`} onClick={onClose}>
        ×
      </Button>
    </div>
  );
}
