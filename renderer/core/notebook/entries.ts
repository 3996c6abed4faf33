/**
 * The notebook as data: every highlight and note as one entry, an in-memory filter index built
 * once per load (typed arrays, tag postings, two precomputed orders), and the pure filter and
 * group functions the view, export, print, tests and bench share. No DOM, no database.
 */
import { HIGHLIGHT_COLORS } from '../../../shared/domain/highlight';
import { bareTag, formatChineseDate } from '../../../shared/text';
import type { ArticleRow, HighlightColor, HighlightRow, NoteKind, NoteRow } from '../../db/schema';

export type EntryKind = 'highlight' | NoteKind;
export const ENTRY_KINDS: readonly EntryKind[] = ['highlight', 'note', 'outline', 'reflection'];
export const COLORS: readonly HighlightColor[] = HIGHLIGHT_COLORS;

export interface ArticleInfo {
  id: string;
  title: string;
  /** 来源: the article's origin, else its source's name. */
  origin: string | null;
  publishedAt: string | null;
}

export interface NotebookEntry {
  /** 'h:<highlight id>' or 'n:<note id>'. */
  key: string;
  kind: EntryKind;
  id: string;
  articleId: string | null;
  highlightId: string | null;
  /** Reading position in the article text: the highlight's start; -1 for a note on the whole article. */
  position: number;
  color: HighlightColor | null;
  style: 'fill' | 'underline' | null;
  orphan: boolean;
  tags: string[];
  /** The highlighted words (a highlight, or the highlight a note is on). */
  quote: string | null;
  /** A note's title. */
  title: string;
  /** A note's plain text, or a highlight's comment. */
  text: string;
  /** For a highlight: the plain text of the notes written on it. */
  noteText: string;
  /** A note's Tiptap document (for rich export); null for highlights. */
  doc: unknown;
  zi: number;
  createdAt: string;
  updatedAt: string;
}

export interface NotebookData {
  entries: NotebookEntry[];
  articles: Map<string, ArticleInfo>;
}

export function articleInfo(row: Pick<ArticleRow, 'id' | 'title' | 'origin' | 'sourceName' | 'publishedAt'>): ArticleInfo {
  return { id: row.id, title: row.title, origin: row.origin ?? row.sourceName ?? null, publishedAt: row.publishedAt };
}

/** Entries from the stored rows. The leader's layer is not the user's notebook. */
export function buildEntries(
  highlights: readonly HighlightRow[],
  notes: readonly NoteRow[],
  articleRows: readonly Pick<ArticleRow, 'id' | 'title' | 'origin' | 'sourceName' | 'publishedAt'>[],
): NotebookData {
  const articles = new Map(articleRows.map((a) => [a.id, articleInfo(a)]));
  const byId = new Map<string, HighlightRow>();
  for (const h of highlights) if (h.layer === 'personal') byId.set(h.id, h);
  const notesOn = new Map<string, string[]>();
  for (const n of notes) {
    if (n.highlightId && n.text) {
      const list = notesOn.get(n.highlightId);
      if (list) list.push(n.text);
      else notesOn.set(n.highlightId, [n.text]);
    }
  }
  const entries: NotebookEntry[] = [];
  for (const h of byId.values()) {
    entries.push({
      key: `h:${h.id}`,
      kind: 'highlight',
      id: h.id,
      articleId: h.articleId,
      highlightId: h.id,
      position: h.selector.start,
      color: h.color,
      style: h.style,
      orphan: h.orphan,
      tags: h.tags,
      quote: h.selector.exact,
      title: '',
      text: h.comment ?? '',
      noteText: (notesOn.get(h.id) ?? []).join('\n'),
      doc: null,
      zi: 0,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    });
  }
  for (const n of notes) {
    const h = n.highlightId ? byId.get(n.highlightId) : undefined;
    entries.push({
      key: `n:${n.id}`,
      kind: n.kind,
      id: n.id,
      articleId: n.articleId ?? h?.articleId ?? null,
      highlightId: n.highlightId,
      position: h ? h.selector.start : -1,
      color: h?.color ?? null,
      style: h?.style ?? null,
      orphan: h?.orphan ?? false,
      tags: n.tags,
      quote: h?.selector.exact ?? null,
      title: n.title,
      text: n.text,
      noteText: '',
      doc: n.doc,
      zi: n.zi,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    });
  }
  return { entries, articles };
}

export interface NotebookFilter {
  /** Empty: every kind. */
  kinds: EntryKind[];
  colors: HighlightColor[];
  /** An entry must carry every tag listed. */
  tags: string[];
  /** null: every article; '' : standalone notes only. */
  articleId: string | null;
  /** Inclusive local dates YYYY-MM-DD of creation, or ''. */
  from: string;
  to: string;
  /** Words in the quote, note, title or tags. */
  query: string;
}

export const EMPTY_FILTER: NotebookFilter = { kinds: [], colors: [], tags: [], articleId: null, from: '', to: '', query: '' };

export function isFilterEmpty(f: NotebookFilter): boolean {
  return !f.kinds.length && !f.colors.length && !f.tags.length && f.articleId === null && !f.from && !f.to && !f.query.trim();
}

export type GroupBy = 'article' | 'date';

export interface NotebookIndex {
  data: NotebookData;
  kind: Uint8Array;
  /** 0 none, 1–6 the colours in COLORS order. */
  color: Uint8Array;
  /** Index into articleIds; -1 standalone. */
  article: Int32Array;
  articleIds: string[];
  /** Local creation day as yyyymmdd. */
  day: Int32Array;
  /** Local creation year. */
  year: Int32Array;
  /** Entry indices per tag, ascending. */
  tagPostings: Map<string, Int32Array>;
  /** Tags with how many entries carry them, most used first. */
  tagCounts: [string, number][];
  /** Lower-cased searchable text per entry. */
  hay: string[];
  /** Entry indices in reading order (articles newest first, then position) and by date (newest first). */
  orderByArticle: Int32Array;
  orderByDate: Int32Array;
}

function localDay(iso: string): { day: number; year: number } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { day: 0, year: 0 };
  const year = d.getFullYear();
  return { day: year * 10000 + (d.getMonth() + 1) * 100 + d.getDate(), year };
}

function dayNumber(ymd: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : null;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** Article order for grouping and export: newest publication first, then title. */
export function compareArticles(a: ArticleInfo | undefined, b: ArticleInfo | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const pa = a.publishedAt ?? '';
  const pb = b.publishedAt ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildIndex(data: NotebookData): NotebookIndex {
  const { entries } = data;
  const n = entries.length;
  const kind = new Uint8Array(n);
  const color = new Uint8Array(n);
  const article = new Int32Array(n);
  const day = new Int32Array(n);
  const year = new Int32Array(n);
  const hay: string[] = new Array<string>(n);
  const articleIds: string[] = [];
  const articleSlot = new Map<string, number>();
  const postings = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    kind[i] = ENTRY_KINDS.indexOf(e.kind);
    color[i] = e.color ? COLORS.indexOf(e.color) + 1 : 0;
    if (e.articleId === null) article[i] = -1;
    else {
      let slot = articleSlot.get(e.articleId);
      if (slot === undefined) {
        slot = articleIds.length;
        articleIds.push(e.articleId);
        articleSlot.set(e.articleId, slot);
      }
      article[i] = slot;
    }
    const d = localDay(e.createdAt);
    day[i] = d.day;
    year[i] = d.year;
    for (const tag of e.tags) {
      const list = postings.get(tag);
      if (list) list.push(i);
      else postings.set(tag, [i]);
    }
    hay[i] = `${e.quote ?? ''}\n${e.title}\n${e.text}\n${e.noteText}\n${e.tags.join(' ')}`.toLowerCase();
  }
  // Reading order: article rank, then position, then the highlight before notes on it, then time.
  const rank = new Int32Array(articleIds.length);
  articleIds
    .map((id, slot) => ({ slot, info: data.articles.get(id) ?? { id, title: '', origin: null, publishedAt: null } }))
    .sort((a, b) => compareArticles(a.info, b.info))
    .forEach((x, r) => (rank[x.slot] = r));
  const standaloneRank = articleIds.length;
  const orderByArticle = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ra = article[a]! < 0 ? standaloneRank : rank[article[a]!]!;
    const rb = article[b]! < 0 ? standaloneRank : rank[article[b]!]!;
    if (ra !== rb) return ra - rb;
    const ea = entries[a]!;
    const eb = entries[b]!;
    if (ea.position !== eb.position) return ea.position - eb.position;
    if (ea.kind !== eb.kind) return ea.kind === 'highlight' ? -1 : eb.kind === 'highlight' ? 1 : 0;
    return ea.createdAt < eb.createdAt ? -1 : ea.createdAt > eb.createdAt ? 1 : 0;
  });
  const orderByDate = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ca = entries[a]!.createdAt;
    const cb = entries[b]!.createdAt;
    return ca < cb ? 1 : ca > cb ? -1 : a - b;
  });
  const tagPostings = new Map<string, Int32Array>();
  for (const [tag, list] of postings) tagPostings.set(tag, Int32Array.from(list));
  const tagCounts = [...postings]
    .map(([tag, list]): [string, number] => [tag, list.length])
    .sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
  return { data, kind, color, article, articleIds, day, year, tagPostings, tagCounts, hay, orderByArticle, orderByDate };
}

/** Entry indices matching the filter, in the order of `groupBy`. */
export function filterIndex(index: NotebookIndex, filter: NotebookFilter, groupBy: GroupBy): number[] {
  const order = groupBy === 'article' ? index.orderByArticle : index.orderByDate;
  const n = order.length;
  let kindMask = 0;
  for (const k of filter.kinds) kindMask |= 1 << ENTRY_KINDS.indexOf(k);
  let colorMask = 0;
  for (const c of filter.colors) colorMask |= 1 << (COLORS.indexOf(c) + 1);
  let articleSlot: number | null = null;
  if (filter.articleId === '') articleSlot = -1;
  else if (filter.articleId !== null) {
    articleSlot = index.articleIds.indexOf(filter.articleId);
    if (articleSlot < 0) return [];
  }
  const from = filter.from ? dayNumber(filter.from) : null;
  const to = filter.to ? dayNumber(filter.to) : null;
  let tagSet: Uint8Array | null = null;
  if (filter.tags.length) {
    tagSet = new Uint8Array(index.kind.length);
    const lists = filter.tags.map((t) => index.tagPostings.get(bareTag(t)));
    if (lists.some((l) => !l)) return [];
    for (const i of lists[0]!) tagSet[i] = 1;
    for (const list of lists.slice(1)) {
      const next = new Uint8Array(index.kind.length);
      for (const i of list!) if (tagSet[i]) next[i] = 1;
      tagSet = next;
    }
  }
  const terms = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    if (kindMask && !(kindMask & (1 << index.kind[i]!))) continue;
    if (colorMask && !(colorMask & (1 << index.color[i]!))) continue;
    if (articleSlot !== null && index.article[i] !== articleSlot) continue;
    if (from !== null && index.day[i]! < from) continue;
    if (to !== null && index.day[i]! > to) continue;
    if (tagSet && !tagSet[i]) continue;
    if (terms.length) {
      const hay = index.hay[i]!;
      let all = true;
      for (const t of terms) if (!hay.includes(t)) all = false;
      if (!all) continue;
    }
    out.push(i);
  }
  return out;
}

export type NotebookRow =
  | { type: 'group'; key: string; label: string; sub: string; count: number; articleId: string | null }
  | { type: 'entry'; key: string; index: number };

/** Rows for the virtual list: a header before each group, then its entries. */
export function groupRows(index: NotebookIndex, indices: readonly number[], groupBy: GroupBy, standaloneLabel: string): NotebookRow[] {
  const rows: NotebookRow[] = [];
  let current: Extract<NotebookRow, { type: 'group' }> | null = null;
  let currentKey: number | null = null;
  for (const i of indices) {
    const key = groupBy === 'article' ? index.article[i]! : index.day[i]!;
    if (key !== currentKey) {
      currentKey = key;
      if (groupBy === 'article') {
        const id = key < 0 ? null : index.articleIds[key]!;
        const info = id ? index.data.articles.get(id) : undefined;
        current = {
          type: 'group',
          key: `g:a:${id ?? '-'}`,
          label: id ? `《${info?.title ?? id}》` : standaloneLabel,
          sub: info ? [info.origin, formatChineseDate(info.publishedAt)].filter(Boolean).join(' · ') : '',
          count: 0,
          articleId: id,
        };
      } else {
        const ymd = String(key).padStart(8, '0');
        current = {
          type: 'group',
          key: `g:d:${key}`,
          label: formatChineseDate(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`),
          sub: '',
          count: 0,
          articleId: null,
        };
      }
      rows.push(current);
    }
    current!.count++;
    rows.push({ type: 'entry', key: index.data.entries[i]!.key, index: i });
  }
  return rows;
}

/** 字 of notes per local year of creation. */
export function ziByYear(index: NotebookIndex): Map<number, number> {
  const totals = new Map<number, number>();
  const { entries } = index.data;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind === 'highlight' || !e.zi) continue;
    const y = index.year[i]!;
    totals.set(y, (totals.get(y) ?? 0) + e.zi);
  }
  return totals;
}

/** Entries of the filter in reading order (by article, then position): what export writes. */
export function entriesForExport(index: NotebookIndex, filter: NotebookFilter): NotebookEntry[] {
  return filterIndex(index, filter, 'article').map((i) => index.data.entries[i]!);
}
