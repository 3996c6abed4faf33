/**
 * Caret browsing in the reader (F7): a visible caret that arrows move and Shift+arrows extend
 * into a real document selection, so h, 1–6, n and c act on it as on a mouse selection.
 * Steps: ←/→ a character, ↑/↓ a line, Ctrl+←/→ a sentence, Ctrl+↑/↓ a paragraph,
 * Home/End the paragraph's start/end; with Shift each extends the selection.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useHighlights, type TextMap } from '../highlights';
import { isTypingTarget } from '../../ui/useKeyboard';
import { charStep, paragraphStep, sentenceStep } from './caretSteps';

interface Props {
  getMap(): TextMap;
  scroller: React.RefObject<HTMLDivElement | null>;
  onExit(): void;
}

interface Point {
  node: Node;
  offset: number;
}

/** The DOM point at a text offset (before the character there, or after the one before). */
function pointAt(map: TextMap, offset: number): Point | null {
  if (offset < map.text.length && map.text[offset] !== '\n') {
    const r = map.offsetsToRange(offset, offset + 1);
    if (r) return { node: r.startContainer, offset: r.startOffset };
  }
  if (offset > 0) {
    const r = map.offsetsToRange(offset - 1, offset);
    if (r) return { node: r.endContainer, offset: r.endOffset };
  }
  const r = map.offsetsToRange(0, Math.min(1, map.text.length));
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Where the caret is drawn: the left edge of the character at offset, else the right of the one before. */
function caretBox(map: TextMap, offset: number): { top: number; left: number; height: number } | null {
  if (offset < map.text.length && map.text[offset] !== '\n') {
    const rect = map.offsetsToRange(offset, offset + 1)?.getClientRects()[0];
    if (rect) return { top: rect.top, left: rect.left, height: rect.height };
  }
  if (offset > 0 && map.text[offset - 1] !== '\n') {
    const rects = map.offsetsToRange(offset - 1, offset)?.getClientRects();
    const rect = rects?.[rects.length - 1];
    if (rect) return { top: rect.top, left: rect.right, height: rect.height };
  }
  // An empty block: its element's box.
  const block = map.root.children[map.blockAt(offset)]?.getBoundingClientRect();
  return block ? { top: block.top, left: block.left, height: Math.max(16, Math.min(block.height, 40)) } : null;
}

/** The first character offset at or below the top of the scroller's view. */
function firstVisible(map: TextMap, scroller: HTMLElement): number {
  const top = scroller.getBoundingClientRect().top;
  const blocks = [...map.root.children];
  const i = blocks.findIndex((b) => b.getBoundingClientRect().bottom > top + 4);
  return i < 0 ? 0 : (map.blockStarts[i] ?? 0);
}

export function CaretLayer({ getMap, scroller, onExit }: Props) {
  const anchor = useRef(-1);
  const focus = useRef(-1);
  /** The selection this layer last set, so its own selectionchange is not read back as the user's. */
  const own = useRef<string>('');
  const [box, setBox] = useState<{ top: number; left: number; height: number } | null>(null);

  const draw = useCallback(() => {
    const map = getMap();
    setBox(focus.current < 0 ? null : caretBox(map, focus.current));
  }, [getMap]);

  /** Puts the document selection on [anchor, focus] (collapsed: nothing selected) and redraws. */
  const apply = useCallback(
    (reveal: boolean) => {
      const map = getMap();
      const sel = window.getSelection();
      if (sel) {
        const a = pointAt(map, anchor.current);
        const f = pointAt(map, focus.current);
        if (a && f && anchor.current !== focus.current) sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
        else if (f) sel.collapse(f.node, f.offset);
        own.current = `${anchor.current}:${focus.current}`;
      }
      const el = scroller.current;
      const at = caretBox(map, focus.current);
      if (reveal && el && at) {
        const view = el.getBoundingClientRect();
        const margin = at.height * 2;
        if (at.top < view.top + margin) el.scrollTop -= view.top + margin - at.top;
        else if (at.top + at.height > view.bottom - margin) el.scrollTop += at.top + at.height - (view.bottom - margin);
      }
      draw();
    },
    [getMap, scroller, draw],
  );

  // Start where the user was: a selection in the article, or the top of the view.
  useLayoutEffect(() => {
    const map = getMap();
    const sel = window.getSelection();
    let start = -1;
    if (sel && sel.rangeCount && map.root.contains(sel.focusNode)) {
      anchor.current = map.pointToOffset(sel.anchorNode!, sel.anchorOffset);
      start = map.pointToOffset(sel.focusNode!, sel.focusOffset);
    } else if (scroller.current) {
      start = firstVisible(map, scroller.current);
      anchor.current = start;
    }
    focus.current = start;
    scroller.current?.focus({ preventScroll: true });
    apply(false);
    return () => {
      const s = window.getSelection();
      if (s?.isCollapsed && s.rangeCount && map.root.contains(s.focusNode)) s.removeAllRanges();
    };
  }, [getMap, scroller, apply]);

  // Follow the mouse too: a click or drag moves the caret, and a removed selection leaves it where it was.
  useEffect(() => {
    const onChange = () => {
      const map = getMap();
      const sel = window.getSelection();
      if (!sel || !sel.rangeCount) {
        anchor.current = focus.current;
        own.current = '';
        draw();
        return;
      }
      if (!map.root.contains(sel.focusNode)) return;
      const a = map.pointToOffset(sel.anchorNode!, sel.anchorOffset);
      const f = map.pointToOffset(sel.focusNode!, sel.focusOffset);
      if (own.current === `${a}:${f}`) return;
      anchor.current = a;
      focus.current = f;
      own.current = '';
      draw();
    };
    const el = scroller.current;
    document.addEventListener('selectionchange', onChange);
    el?.addEventListener('scroll', draw, { passive: true });
    window.addEventListener('resize', draw);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      el?.removeEventListener('scroll', draw);
      window.removeEventListener('resize', draw);
    };
  }, [getMap, scroller, draw]);

  // Capture phase: the caret takes the arrows before the reader's scrolling does.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.metaKey || isTypingTarget(event.target)) return;
      const target = event.target as HTMLElement | null;
      // Keys in the reader's side panels, popovers and dialogs belong to them.
      if (target && target !== document.body && !target.closest('.reader-scroll')) return;
      const map = getMap();
      const text = map.text;
      const dir: 1 | -1 = event.key === 'ArrowRight' || event.key === 'ArrowDown' || event.key === 'End' ? 1 : -1;
      let next: number | null = null;
      if (event.key === 'Escape') {
        // An opened highlight closes first (the highlights layer does that).
        if (useHighlights.getState().activeId) return;
        // A selection collapses to the caret first; then Esc leaves caret browsing.
        if (anchor.current !== focus.current) {
          anchor.current = focus.current;
          apply(false);
        } else onExit();
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight')
        next = event.ctrlKey ? sentenceStep(text, focus.current, dir) : charStep(text, focus.current, dir);
      else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && event.ctrlKey) next = paragraphStep(text, focus.current, dir);
      else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') next = lineStep(map, focus.current, dir);
      else if ((event.key === 'Home' || event.key === 'End') && !event.ctrlKey) next = paragraphStep(text, focus.current, dir);
      if (next === null) return;
      event.preventDefault();
      focus.current = next;
      if (!event.shiftKey) anchor.current = next;
      apply(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [getMap, apply, onExit]);

  if (!box) return null;
  return (
    <div
      className="reader-caret"
      data-testid="reader-caret"
      aria-hidden="true"
      style={{ top: box.top, left: box.left - 1, height: box.height }}
    />
  );
}

/** One visual line up or down, keeping the caret's x, using the browser's own line layout. */
function lineStep(map: TextMap, offset: number, direction: 1 | -1): number {
  const sel = window.getSelection();
  const p = pointAt(map, offset);
  if (!sel || !p || typeof sel.modify !== 'function') return paragraphStep(map.text, offset, direction);
  sel.collapse(p.node, p.offset);
  sel.modify('move', direction > 0 ? 'forward' : 'backward', 'line');
  if (!sel.focusNode || !map.root.contains(sel.focusNode)) return offset;
  return map.pointToOffset(sel.focusNode, sel.focusOffset);
}
