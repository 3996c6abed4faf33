/**
 * A print copy of an article's HTML with its marks written into the DOM: the CSS Custom
 * Highlight API (what the reader uses) does not print reliably, but a copy may be rewritten.
 * Key excerpts become <span class="pr-key"> (bold, underlined; their blocks get a margin rule),
 * the user's highlights <span class="pr-mine"> (dotted underline), endnote references <sup>.
 *
 * Offsets follow the reader's text map: the text of the root's element children, joined by "\n".
 */
import { nestBookTitles } from '../../../shared/print-text';
import type { Endnote, PrintMark } from './model';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function textNodes(node: Node, out: Text[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) out.push(child as Text);
    else if (child.nodeType === ELEMENT_NODE) textNodes(child, out);
  }
}

export interface MarkedHtml {
  html: string;
  /** False when the HTML does not spell the stored text: printed without marks. */
  placed: boolean;
}

/** Writes marks and references into `html` (already sanitised); `text` is the stored text. */
export function markArticleHtml(html: string, text: string, marks: readonly PrintMark[], notes: readonly Endnote[]): MarkedHtml {
  const root = document.createElement('div');
  root.innerHTML = html;
  if (marks.length === 0 && notes.every((n) => n.anchor === null)) return { html, placed: true };

  // One walk: every text node with its offset in the stored text.
  const blocks = [...root.children];
  const nodes: { node: Text; start: number; block: Element }[] = [];
  let pos = 0;
  const lines: string[] = [];
  blocks.forEach((block, b) => {
    if (b > 0) pos += 1;
    const list: Text[] = [];
    textNodes(block, list);
    let line = '';
    for (const node of list) {
      nodes.push({ node, start: pos, block });
      pos += node.data.length;
      line += node.data;
    }
    lines.push(line);
  });
  if (lines.join('\n') !== text) return { html, placed: false };

  const refsAt = new Map<number, number[]>();
  for (const n of notes) {
    if (n.anchor === null) continue;
    const list = refsAt.get(n.anchor);
    if (list) list.push(n.n);
    else refsAt.set(n.anchor, [n.n]);
  }
  const cuts = new Set<number>();
  for (const m of marks) cuts.add(m.start).add(m.end);
  for (const a of refsAt.keys()) cuts.add(a);
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const doneRefs = new Set<number>();

  let c = 0;
  for (const { node, start, block } of nodes) {
    const end = start + node.data.length;
    if (end === start) continue;
    while (c < sortedCuts.length && sortedCuts[c]! <= start) c++;
    const points = [start];
    for (let k = c; k < sortedCuts.length && sortedCuts[k]! < end; k++) points.push(sortedCuts[k]!);
    points.push(end);
    const parent = node.parentNode!;
    const frag = document.createDocumentFragment();
    let changed = false;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      let piece: Node = document.createTextNode(node.data.slice(a - start, b - start));
      let key = false;
      let mine = false;
      for (const m of marks) {
        if (m.start >= b) break;
        if (m.end > a) {
          if (m.kind === 'key') key = true;
          else mine = true;
        }
      }
      if (mine) {
        const span = document.createElement('span');
        span.className = 'pr-mine';
        span.append(piece);
        piece = span;
        changed = true;
      }
      if (key) {
        const span = document.createElement('span');
        span.className = 'pr-key';
        span.append(piece);
        piece = span;
        block.classList.add('pr-keyblock');
        changed = true;
      }
      frag.append(piece);
      const refs = refsAt.get(b);
      if (refs && !doneRefs.has(b)) {
        doneRefs.add(b);
        const sup = document.createElement('sup');
        sup.className = 'pr-ref';
        sup.textContent = refs.map((n) => `[${n}]`).join('');
        frag.append(sup);
        changed = true;
      }
    }
    if (changed) parent.replaceChild(frag, node);
  }
  return { html: root.innerHTML, placed: true };
}

/**
 * The same HTML with nested book-title marks typeset (《…〈…〉…》) block by block, across the
 * text nodes of each block; one character for one, so nothing else moves. Print copies only.
 */
export function nestBookTitlesInHtml(html: string): string {
  if (!html.includes('《') && !html.includes('〈')) return html;
  const root = document.createElement('div');
  root.innerHTML = html;
  for (const block of [...root.children]) {
    const list: Text[] = [];
    textNodes(block, list);
    const nested = nestBookTitles(list.map((n) => n.data).join(''));
    let at = 0;
    for (const node of list) {
      const next = nested.slice(at, at + node.data.length);
      at += node.data.length;
      if (next !== node.data) node.data = next;
    }
  }
  return root.innerHTML;
}
