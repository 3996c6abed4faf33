/**
 * Every change a user makes to a highlight, as an undoable step. The open article's store is
 * updated first (so painting follows at once), then Dexie; a failed write restores the store
 * and the database is left as it was.
 */
import { describe } from '../../../shared/anchoring';
import { formatChineseDate } from '../../../shared/text';
import { highlights } from '../../db';
import type { ArticleRow, HighlightColor, HighlightRow } from '../../db/schema';
import { messages } from '../../i18n/messages';
import { undoStack, type UndoStep } from '../../stores/undo';
import { useHighlights, type HighlightStyle } from './store';

const t = messages.highlights;

function newId(): string {
  return `h_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

async function writeRow(row: HighlightRow, afterApply?: () => void): Promise<void> {
  const store = useHighlights.getState();
  const previous = store.rows.get(row.id);
  store.applyRows([row]);
  afterApply?.();
  try {
    await highlights.put(row);
  } catch (error) {
    if (previous) useHighlights.getState().applyRows([previous]);
    else useHighlights.getState().dropRow(row.id);
    throw error;
  }
}

async function deleteRow(row: HighlightRow): Promise<void> {
  const store = useHighlights.getState();
  const had = store.rows.has(row.id);
  store.dropRow(row.id);
  try {
    await highlights.delete(row.id);
  } catch (error) {
    if (had) useHighlights.getState().applyRows([row]);
    throw error;
  }
}

async function perform(step: UndoStep): Promise<boolean> {
  try {
    await undoStack.run(step);
    return true;
  } catch (error) {
    console.error(error);
    useHighlights.getState().setNotice(t.saveFailed, true);
    return false;
  }
}

async function current(id: string): Promise<HighlightRow | undefined> {
  return useHighlights.getState().rows.get(id) ?? (await highlights.get(id));
}

export interface ArticleContext {
  row: ArticleRow;
  /** The article's stored text (what selectors describe). */
  text: string;
}

/** Creates a personal highlight on text[start, end); resolves to its id, or null on failure. */
export async function createHighlight(
  article: ArticleContext,
  start: number,
  end: number,
  color: HighlightColor = useHighlights.getState().lastColor,
  style: HighlightStyle = useHighlights.getState().lastStyle,
): Promise<string | null> {
  const now = new Date().toISOString();
  const row: HighlightRow = {
    id: newId(),
    articleId: article.row.id,
    layer: 'personal',
    color,
    style,
    selector: describe(article.text, start, end),
    articleVersion: article.row.version,
    orphan: false,
    tags: [],
    comment: null,
    createdAt: now,
    updatedAt: now,
  };
  useHighlights.getState().setDefaults(color, style);
  const ok = await perform({ label: t.steps.create, do: () => writeRow(row), undo: () => deleteRow(row) });
  return ok ? row.id : null;
}

export async function removeHighlight(id: string): Promise<boolean> {
  const row = await current(id);
  if (!row) return false;
  return perform({ label: t.steps.remove, do: () => deleteRow(row), undo: () => writeRow(row) });
}

async function change(id: string, label: string, patch: Partial<HighlightRow>, measure?: string): Promise<boolean> {
  const started = performance.now();
  const before = await current(id);
  if (!before) return false;
  const after: HighlightRow = { ...before, ...patch, updatedAt: new Date().toISOString() };
  const mark = measure ? () => performance.measure(measure, { start: started, end: performance.now() }) : undefined;
  return perform({ label, do: () => writeRow(after, mark), undo: () => writeRow(before) });
}

export function recolorHighlight(id: string, color: HighlightColor): Promise<boolean> {
  const row = useHighlights.getState().rows.get(id);
  if (row?.color === color) return Promise.resolve(true);
  useHighlights.getState().setDefaults(color, row?.style ?? useHighlights.getState().lastStyle);
  return change(id, t.steps.recolor, { color }, 'yandu-recolor');
}

export function restyleHighlight(id: string, style: HighlightStyle): Promise<boolean> {
  const row = useHighlights.getState().rows.get(id);
  if (row?.style === style) return Promise.resolve(true);
  useHighlights.getState().setDefaults(row?.color ?? useHighlights.getState().lastColor, style);
  return change(id, t.steps.restyle, { style });
}

/** Trimmed, de-duplicated, at most 40 characters each. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, 40);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export function setHighlightTags(id: string, tags: readonly string[]): Promise<boolean> {
  return change(id, t.steps.tags, { tags: normaliseTags(tags) });
}

/** Places an orphan (or any highlight) on text[start, end) of the article's current version. */
export function relocateHighlight(id: string, article: ArticleContext, start: number, end: number): Promise<boolean> {
  return change(id, t.steps.relocate, {
    selector: describe(article.text, start, end),
    articleVersion: article.row.version,
    orphan: false,
  });
}

/** “passage”\n——《title》，来源，2012年10月10日 */
export function citation(article: ArticleRow, passage: string): string {
  const source = article.origin ?? article.sourceName;
  const parts = [`《${article.title}》`, source, formatChineseDate(article.publishedAt)].filter(Boolean);
  return `“${passage}”\n——${parts.join('，')}`;
}
