/**
 * What the reader paints, read the same way whether the browser paints with the CSS Custom
 * Highlight API or (without it) with wrapped marks: `window.__yanduPaint()` lists each entry
 * with its ranges. Installed in every page by the fixtures.
 */

declare global {
  interface Window {
    __yanduPaint(): [string, Range[]][];
  }
}

/** Runs in the page (serialised by Playwright: self-contained). */
export function installPaintProbe(): void {
  window.__yanduPaint = () => {
    const out: [string, Range[]][] = [];
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
      CSS.highlights.forEach((h, name) => out.push([name, [...h] as Range[]]));
      return out;
    }
    const groups = new Map<string, Map<string, Element[]>>();
    for (const el of document.querySelectorAll<HTMLElement>('span.yandu-mark')) {
      const name = el.dataset.entry ?? '';
      const index = el.dataset.range ?? '';
      let byIndex = groups.get(name);
      if (!byIndex) groups.set(name, (byIndex = new Map()));
      const els = byIndex.get(index);
      if (els) els.push(el);
      else byIndex.set(index, [el]);
    }
    const textIn = (el: Element, last: boolean): Text => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let found = walker.nextNode() as Text;
      if (last) for (let t = walker.nextNode(); t; t = walker.nextNode()) found = t as Text;
      return found;
    };
    for (const [name, byIndex] of groups) {
      const ranges = [...byIndex.entries()]
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map(([, els]) => {
          const r = document.createRange();
          r.setStart(textIn(els[0]!, false), 0);
          const end = textIn(els[els.length - 1]!, true);
          r.setEnd(end, end.data.length);
          return r;
        });
      out.push([name, ranges]);
    }
    return out;
  };
}

/**
 * Before any page script runs, removes what the older browsers the browser host meets lack: the
 * CSS Custom Highlight API (Chromium < 105, Firefox ESR 115), Intl.Segmenter (Firefox < 125) and
 * the APIs renderer/ui/compat.ts restores (Array#at, Array#findLast, Object.hasOwn,
 * crypto.randomUUID: Chromium < 92–97).
 */
export function removeHighlightApi(): void {
  const w = window as unknown as Record<string, unknown>;
  delete (CSS as unknown as Record<string, unknown>).highlights;
  delete w.Highlight;
  delete w.HighlightRegistry;
  delete (Intl as unknown as Record<string, unknown>).Segmenter;
  delete (Array.prototype as unknown as Record<string, unknown>).at;
  delete (Array.prototype as unknown as Record<string, unknown>).findLast;
  delete (Object as unknown as Record<string, unknown>).hasOwn;
  delete (Crypto.prototype as unknown as Record<string, unknown>).randomUUID;
}
