/**
 * What a print holds, as plain data: articles with their highlights and notes, which marks and
 * endnotes show under the chosen options, and the article text cut into runs (for Word). Pure:
 * no DOM and no database, so the print view, the Word export, tests and the bench share it.
 */
import type { PrintArticle } from '../../core/print';
import { placeOf } from '../../core/highlights/place';
import type { PrintOptions } from './routes';

export type { PrintArticle };
type HighlightRow = PrintArticle['highlights'][number];
type NoteKind = PrintArticle['notes'][number]['kind'];

/** A mark to print: the leader's 重点摘编 ('key') or the user's own highlight ('mine'). */
export interface PrintMark {
  id: string;
  kind: 'key' | 'mine';
  start: number;
  end: number;
}

export interface Endnote {
  n: number;
  /** Offset in the text after which its reference goes, or null for a note on the whole article. */
  anchor: number | null;
  /** 摘编按语 (leader's comment), 笔记, 发言提纲, 心得体会. */
  label: string;
  title: string;
  /** The highlighted words the note is on. */
  quote: string | null;
  /** A Tiptap document (notes) or null (a leader's comment: `text`). */
  doc: unknown;
  text: string;
}

export const NOTE_LABELS: Record<NoteKind, string> = { note: '笔记', outline: '发言提纲', reflection: '心得体会' };
export const KEY_COMMENT_LABEL = '摘编按语';

/** The marks that print under the options, in text order; highlights that cannot be placed are left out (and counted). */
export function marksFor(article: PrintArticle, options: Pick<PrintOptions, 'mine'>): { marks: PrintMark[]; unplaced: number } {
  const marks: PrintMark[] = [];
  let unplaced = 0;
  for (const h of article.highlights) {
    if (h.layer === 'personal' && !options.mine) continue;
    const place = placeOf(h, article.text, article.version);
    if (!place) {
      unplaced++;
      continue;
    }
    marks.push({ id: h.id, kind: h.layer === 'leader' ? 'key' : 'mine', ...place });
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  return { marks, unplaced };
}

/**
 * Endnotes of one article in reading order: the leader's comments and the user's notes on
 * highlights (referenced where the highlight ends), then notes on the whole article.
 */
export function endnotesFor(article: PrintArticle): Endnote[] {
  const byId = new Map(article.highlights.map((h) => [h.id, h]));
  const anchorOf = (h: HighlightRow | undefined): number | null => {
    if (!h) return null;
    const place = placeOf(h, article.text, article.version);
    return place ? place.end : null;
  };
  const items: (Omit<Endnote, 'n'> & { order: number })[] = [];
  for (const h of article.highlights) {
    if (h.layer !== 'leader' || !h.comment?.trim()) continue;
    const anchor = anchorOf(h);
    items.push({ anchor, order: 0, label: KEY_COMMENT_LABEL, title: '', quote: h.selector.exact, doc: null, text: h.comment.trim() });
  }
  for (const note of article.notes) {
    if (!note.text.trim() && !note.title.trim()) continue;
    const h = note.highlightId ? byId.get(note.highlightId) : undefined;
    items.push({
      anchor: anchorOf(h),
      order: 1,
      label: NOTE_LABELS[note.kind],
      title: note.title.trim(),
      quote: h?.selector.exact ?? null,
      doc: note.doc,
      text: note.text,
    });
  }
  items.sort((a, b) => {
    if (a.anchor === null || b.anchor === null) return a.anchor === null ? (b.anchor === null ? a.order - b.order : 1) : -1;
    return a.anchor - b.anchor || a.order - b.order;
  });
  return items.map(({ order: _order, ...e }, i) => ({ ...e, n: i + 1 }));
}

export interface Run {
  text: string;
  key: boolean;
  mine: boolean;
  /** Endnote numbers referenced right after this run. */
  refs: number[];
}

/**
 * The text's blocks (split on "\n") cut into runs at every mark boundary, with endnote
 * references after the run that ends where they anchor.
 */
export function segmentText(text: string, marks: readonly PrintMark[], notes: readonly Endnote[]): Run[][] {
  const cuts = new Set<number>();
  for (const m of marks) cuts.add(m.start).add(m.end);
  const refsAt = new Map<number, number[]>();
  for (const e of notes) {
    if (e.anchor === null) continue;
    cuts.add(e.anchor);
    const list = refsAt.get(e.anchor);
    if (list) list.push(e.n);
    else refsAt.set(e.anchor, [e.n]);
  }
  const blocks: Run[][] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    const end = pos + line.length;
    const points = [start, ...[...cuts].filter((c) => c > start && c < end).sort((a, b) => a - b), end];
    const runs: Run[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      if (b <= a) continue;
      const covering = marks.filter((m) => m.start < b && m.end > a);
      runs.push({
        text: text.slice(a, b),
        key: covering.some((m) => m.kind === 'key'),
        mine: covering.some((m) => m.kind === 'mine'),
        refs: refsAt.get(b) ?? [],
      });
    }
    if (runs.length === 0) {
      // An empty block still carries references anchored at its end.
      const refs = refsAt.get(end);
      if (refs) runs.push({ text: '', key: false, mine: false, refs });
    }
    blocks.push(runs);
    pos = end + 1;
  }
  return blocks;
}

/** The cover's date: the given YYYY-MM-DD, else today (local). */
export function packetDate(date: string, now = new Date()): string {
  if (date) return date;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface Cover {
  title: string;
  /** A line under the title, or null when it would only repeat the title (the topic). */
  session: string | null;
  /** The issuing unit: the route's, else this copy's own (设置 → 发放单位); '' when neither. */
  unit: string;
  /** YYYY-MM-DD, printed once. */
  date: string;
}

/** What a packet's cover prints: the title, the session line unless it repeats the topic, the unit and the date once. */
export function coverOf(
  meta: { title: string; unit: string; session: string; date: string },
  issuer: string,
  defaultTitle: string,
  now = new Date(),
): Cover {
  const title = meta.title.trim() || defaultTitle;
  const flat = (s: string) => s.replace(/^(?:学习)?专题[：:]\s*/, '').replace(/[\s《》〈〉“”"]/g, '');
  const session = meta.session.trim();
  const repeats = !session || flat(title).includes(flat(session)) || flat(session).includes(flat(title));
  return { title, session: repeats ? null : session, unit: meta.unit.trim() || issuer.trim(), date: packetDate(meta.date, now) };
}
