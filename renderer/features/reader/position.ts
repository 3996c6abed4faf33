/**
 * Reading position as "which block is at the top, and how far into it": unlike a scroll
 * fraction, it survives a change of font size, width or window size.
 */
export interface ReadingPosition {
  block: number;
  offset: number;
  progress: number;
}

export function measurePosition(scroller: HTMLElement, blocks: HTMLElement): ReadingPosition {
  const top = scroller.scrollTop;
  const children = blocks.children;
  const max = Math.max(1, scroller.scrollHeight - scroller.clientHeight);
  const progress = Math.min(1, Math.max(0, top / max));
  const base = blocks.offsetTop;
  // Binary search for the last block whose top is at or above the viewport top.
  let lo = 0;
  let hi = children.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const el = children[mid] as HTMLElement;
    if (base + el.offsetTop <= top) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const el = children[found] as HTMLElement | undefined;
  if (!el) return { block: 0, offset: 0, progress };
  const into = top - (base + el.offsetTop);
  const offset = el.offsetHeight > 0 ? Math.min(1, Math.max(0, into / el.offsetHeight)) : 0;
  return { block: found, offset, progress };
}

export function restorePosition(scroller: HTMLElement, blocks: HTMLElement, position: Pick<ReadingPosition, 'block' | 'offset'>): void {
  const el = blocks.children[Math.min(position.block, blocks.children.length - 1)] as HTMLElement | undefined;
  if (!el) return;
  scroller.scrollTop = blocks.offsetTop + el.offsetTop + position.offset * el.offsetHeight;
}
