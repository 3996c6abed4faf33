/**
 * A mark after each highlight that carries a note (✎), placed inside the scroller so it scrolls
 * with the text; a click, or Enter on it (they are in the Tab order, in reading order), opens
 * the note. Placed again when the text reflows or rows change.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { messages } from '../../i18n/messages';
import type { HighlightPainter } from './painter';

const t = messages.highlights;

interface Props {
  painter: HighlightPainter | null;
  /** Noted highlight → its note's first words. */
  noted: ReadonlyMap<string, string>;
  /** Changes whenever painted rows change. */
  rowsToken: unknown;
  scroller: React.RefObject<HTMLDivElement | null>;
  root: Element | null;
  onOpen(id: string): void;
}

interface Mark {
  id: string;
  words: string;
  top: number;
  left: number;
}

export function NoteMarks({ painter, noted, rowsToken, scroller, root, onOpen }: Props) {
  const [marks, setMarks] = useState<Mark[]>([]);
  const [layout, setLayout] = useState(0);

  // Text reflows (font size, width, window): place the marks again.
  useEffect(() => {
    if (!root) return;
    const observer = new ResizeObserver(() => setLayout((n) => n + 1));
    observer.observe(root);
    return () => observer.disconnect();
  }, [root]);

  useEffect(() => {
    const el = scroller.current;
    if (!painter || !el) return setMarks([]);
    const box = el.getBoundingClientRect();
    const out: Mark[] = [];
    for (const [id, words] of noted) {
      const rects = painter.rangeOf(id)?.getClientRects();
      const last = rects?.[rects.length - 1];
      if (!last) continue;
      out.push({ id, words, top: last.top - box.top + el.scrollTop - 6, left: last.right - box.left + el.scrollLeft });
    }
    // Reading order, so Tab walks the marks as the text runs.
    out.sort((a, b) => a.top - b.top || a.left - b.left);
    setMarks(out);
  }, [painter, noted, rowsToken, scroller, layout]);

  const el = scroller.current;
  if (!el || !marks.length) return null;
  return createPortal(
    marks.map((m) => (
      // A ✎ mark in the margin beside its highlight, placed per line (not a ui Button).
      <button
        key={m.id}
        type="button"
        className="hl-note-mark"
        data-testid="hl-note-mark"
        aria-label={t.noteMark(m.words)}
        title={t.noteMark(m.words)}
        style={{ top: m.top, left: m.left }}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onOpen(m.id)}
      >
        ✎
      </button>
    )),
    el,
  );
}
