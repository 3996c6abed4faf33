/**
 * Where pages break, measured rather than guessed. Each printed section (cover, 目录, an
 * article…) starts on a new page; a copy of it is laid out in a multi-column box exactly one
 * text block wide and high, with column-fill: auto, so Chromium's own block fragmentation (the
 * engine that breaks pages when printing) cuts it into columns of one page each. The number of
 * columns the content reaches is the number of pages the section prints on.
 *
 * Used in two passes by the packet view: lay out with placeholder page numbers, measure, write
 * the 目录 numbers, measure again (the 目录 itself may grow), until nothing changes. Printing
 * itself stays native (@page size, margins, :left/:right margin boxes with counter(page)).
 *
 * Why not Paged.js (installed, 0.4.3): it fetches the page's stylesheets and re-inserts them as
 * <style> elements, which our CSP (style-src 'self', no nonce) blocks, so it would need patching
 * to adopt constructed stylesheets; it also re-lays every page in script, slow for 100 pages,
 * where Chromium ≥ 131 paginates and numbers pages natively.
 */
export interface TextBlock {
  /** Text block (版心) size in millimetres. */
  widthMm: number;
  heightMm: number;
}

const PX_PER_MM = 96 / 25.4;

/** Pages each of `sections` takes when printed with the given text block. */
export function measureSections(host: HTMLElement, sections: readonly HTMLElement[], block: TextBlock): number[] {
  const width = block.widthMm * PX_PER_MM;
  const measure = document.createElement('div');
  measure.className = 'pr-measure';
  measure.setAttribute('aria-hidden', 'true');
  host.append(measure);
  try {
    const boxes = sections.map((section) => {
      const box = document.createElement('div');
      box.className = 'pr-mbox';
      box.style.width = `${block.widthMm}mm`;
      box.style.height = `${block.heightMm}mm`;
      box.style.columnWidth = `${block.widthMm}mm`;
      const copy = section.cloneNode(true) as HTMLElement;
      copy.classList.add('pr-measured');
      box.append(copy);
      measure.append(box);
      return box;
    });
    // One layout for all boxes, then read.
    return boxes.map((box) => {
      const left = box.getBoundingClientRect().left;
      const range = document.createRange();
      range.selectNodeContents(box);
      let last = 0;
      for (const rect of range.getClientRects()) {
        if (rect.width <= 0 && rect.height <= 0) continue;
        const column = Math.floor((rect.left - left + 1) / width);
        if (column > last) last = column;
      }
      // Boxes without text (an empty cover) still fill their first page.
      return last + 1;
    });
  } finally {
    measure.remove();
  }
}

/** First page of each section, counting the document's first page as 1. */
export function startPages(pages: readonly number[]): number[] {
  const starts: number[] = [];
  let next = 1;
  for (const n of pages) {
    starts.push(next);
    next += n;
  }
  return starts;
}

/** Waits for the fonts the print uses, so measuring sees the glyphs that will print. */
export async function fontsReady(families: readonly string[]): Promise<void> {
  if (!('fonts' in document)) return;
  await Promise.all(families.map((f) => document.fonts.load(`16pt ${f}`, '中文').catch(() => [])));
  await document.fonts.ready;
}
