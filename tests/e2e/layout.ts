/**
 * Layout faults on the page as shown: every visible interactive element must lie inside the
 * viewport horizontally (and not be cut by an ancestor that hides overflow), be the topmost
 * element at its centre (document.elementFromPoint), and a short label (a link or button of up
 * to 8 characters) must stay on one line; the page itself must not scroll sideways.
 * Elements scrolled out of their scroll container (or below the fold) are not faults: scrolling
 * reaches them.
 */
import type { Page } from '@playwright/test';

export interface LayoutOptions {
  /** Selectors of popovers the screen opens on purpose: what lies under them is not a fault. */
  overlays?: string[];
}

export async function layoutFaults(page: Page, options: LayoutOptions = {}): Promise<{ faults: string[]; checked: number }> {
  return page.evaluate((overlays) => {
    const faults: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) faults.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    if (document.body.scrollWidth > document.body.clientWidth + 1 && getComputedStyle(document.body).overflowX !== 'hidden')
      faults.push(`body scrolls sideways: ${document.body.scrollWidth} > ${document.body.clientWidth}`);

    const describe = (el: Element): string => {
      const h = el as HTMLElement;
      const name =
        h.getAttribute('aria-label') ||
        h.getAttribute('data-testid') ||
        (h.textContent ?? '').trim().slice(0, 24) ||
        h.getAttribute('placeholder') ||
        h.getAttribute('name') ||
        h.className;
      return `<${el.tagName.toLowerCase()}> “${name}”`;
    };
    const interactive = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [tabindex]:not([tabindex="-1"])',
    );
    let checked = 0;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (const el of interactive) {
      if (el.hidden || el.closest('[hidden], [inert], [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || style.display === 'none') continue;
      const r = el.getBoundingClientRect();
      // Visually hidden on purpose (screen-reader only, 1px clip).
      if (r.width <= 2 || r.height <= 2) continue;
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
      // The part of the element not hidden by a scroll container (intersected up the tree).
      let left = r.left;
      let right = r.right;
      let top = r.top;
      let bottom = r.bottom;
      let scrolledAway = false;
      for (let a = el.parentElement; a && a !== document.body && a !== doc; a = a.parentElement) {
        const s = getComputedStyle(a);
        const clipsX = s.overflowX !== 'visible';
        const clipsY = s.overflowY !== 'visible';
        if (!clipsX && !clipsY) continue;
        const ar = a.getBoundingClientRect();
        if (clipsX) {
          // Clipped without a way to scroll; a title shortened with an ellipsis is meant to be.
          if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && s.textOverflow !== 'ellipsis') {
            if (r.left < ar.left - 1 || r.right > ar.right + 1) faults.push(`${describe(el)} cut off sideways by ${describe(a)}`);
          }
          left = Math.max(left, ar.left);
          right = Math.min(right, ar.right);
        }
        if (clipsY) {
          top = Math.max(top, ar.top);
          bottom = Math.min(bottom, ar.bottom);
        }
        if (right <= left || bottom <= top) {
          scrolledAway = true;
          break;
        }
      }
      if (scrolledAway) continue;
      if (r.left < -1 || r.right > vw + 1) {
        faults.push(`${describe(el)} outside the window sideways (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
        continue;
      }
      // A short label broken over lines (a squeezed bar shows 文/库 one character a line).
      const text = (el.textContent ?? '').trim();
      if (text && text.length <= 8 && (el.tagName === 'A' || el.tagName === 'BUTTON')) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
        if (lines.size > 1) faults.push(`${describe(el)} wraps over ${lines.size} lines`);
      }
      const cx = (left + right) / 2;
      const cy = (top + bottom) / 2;
      if (cy < 0 || cy >= vh) continue; // below the fold: scrolling reaches it
      checked++;
      const hit = document.elementFromPoint(cx, cy);
      if (!hit || hit === el || el.contains(hit)) continue;
      // A control drawn by its label (checkbox, radio).
      const label = hit.closest('label');
      if (label && (label.control === el || label.contains(el))) continue;
      if (overlays.some((sel) => hit.closest(sel) && !el.closest(sel))) continue;
      faults.push(`${describe(el)} covered at its centre by ${describe(hit)}`);
    }
    return { faults: [...new Set(faults)], checked };
  }, options.overlays ?? []);
}
