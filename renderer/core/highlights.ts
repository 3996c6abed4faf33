/**
 * The highlights service: every change a user makes to a highlight, as an undoable step,
 * re-anchoring after a text changed, tags and the last-used colour and style.
 *
 * The open article's view (features/highlights) is updated first, through the `HighlightView`
 * it registers, so painting follows at once; then Dexie. A failed write restores the view and
 * the database is left as it was. Core never imports the view: the view hands itself in.
 */
import { pageAt } from './documents/model';
import { liveQuery } from 'dexie';
import * as v from 'valibot';
import { describe } from '../../shared/anchoring';
import { formatChineseDate } from '../../shared/text';
import { db, highlights, settings } from '../db';
import type { ArticleRow, HighlightColor as DbHighlightColor, HighlightRow as DbHighlightRow } from '../db/schema';
import { messages } from '../i18n/messages';
import { undoStack, type UndoStep } from './undo';
import { highlightRefusal, roleState } from './roles';
import { reanchorArticle as reanchorIn, type ReanchorResult } from './highlights/reanchor';
import { forgetHighlight, journalHighlight, replayHighlightJournal } from './highlights/journal';
import { keptSetting } from './pendingKinds';

export type HighlightRow = DbHighlightRow;
export type HighlightColor = DbHighlightColor;
export type HighlightStyle = HighlightRow['style'];
export type { ReanchorResult } from './highlights/reanchor';

/** What the service needs of the open article's view state. */
export interface HighlightView {
  get(id: string): HighlightRow | undefined;
  apply(rows: readonly HighlightRow[]): void;
  drop(id: string): void;
  /** The open article's ids (to see which stored rows went away). */
  ids(): readonly string[];
  defaults(): { color: HighlightColor; style: HighlightStyle };
  setDefaults(color: HighlightColor, style: HighlightStyle): void;
  notice(text: string, error: boolean): void;
}

const noView: HighlightView = {
  get: () => undefined,
  apply: () => undefined,
  drop: () => undefined,
  ids: () => [],
  defaults: () => ({ color: 'yellow', style: 'fill' }),
  setDefaults: () => undefined,
  notice: () => undefined,
};
let view: HighlightView = noView;

/** The open article's view registers itself once (module load of its store). */
export function attachHighlightView(next: HighlightView): void {
  view = next;
}

const t = messages.highlights;

function newId(): string {
  return `h_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** Ids with a write of ours in flight: what the database says of them may be older than the view. */
const inFlight = new Map<string, number>();
function hold(id: string): () => void {
  inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
  return () => {
    const n = (inFlight.get(id) ?? 1) - 1;
    if (n > 0) inFlight.set(id, n);
    else inFlight.delete(id);
  };
}

async function writeRow(row: HighlightRow, afterApply?: () => void): Promise<void> {
  const release = hold(row.id);
  const previous = view.get(row.id);
  view.apply([row]);
  afterApply?.();
  // Journalled before the put, synchronously: the highlight is painted already, and a reload or
  // close before IndexedDB commits would otherwise lose it (start-up replays the journal). Kept
  // until a backup holds it, since the browser may yet discard IndexedDB's copy.
  journalHighlight(row);
  try {
    await highlights.put(row);
  } catch (error) {
    if (previous) journalHighlight(previous);
    else forgetHighlight(row.id);
    if (previous) view.apply([previous]);
    else view.drop(row.id);
    throw error;
  } finally {
    release();
  }
}

/**
 * At start-up: highlights journalled but not in the library (painted, then the page reloaded or
 * closed before IndexedDB committed) are written back; the number written.
 */
export function recoverHighlightJournal(): Promise<number> {
  return replayHighlightJournal(db);
}

async function deleteRow(row: HighlightRow): Promise<void> {
  const release = hold(row.id);
  const had = view.get(row.id) !== undefined;
  view.drop(row.id);
  // Out of the journal first: start-up replays it, and a deleted highlight must not come back.
  forgetHighlight(row.id);
  try {
    await highlights.delete(row.id);
  } catch (error) {
    if (had) view.apply([row]);
    throw error;
  } finally {
    release();
  }
}

function sameHighlight(a: HighlightRow, b: HighlightRow): boolean {
  return (
    a.updatedAt === b.updatedAt && a.orphan === b.orphan && a.articleVersion === b.articleVersion && JSON.stringify(a) === JSON.stringify(b)
  );
}

/**
 * Follows the open article's stored highlights, so a write elsewhere (another tab, a packet's
 * leader layer, re-anchoring) shows in the view. Rows with a write of ours in flight are left
 * as the view has them; unchanged rows keep their object, so the painter repaints only what
 * changed. Returns the unsubscribe function.
 */
export function followArticleHighlights(articleId: string): () => void {
  const subscription = liveQuery(() => highlights.forArticle(articleId)).subscribe({
    next(rows) {
      const changed = rows.filter((r) => {
        if (inFlight.has(r.id)) return false;
        const shown = view.get(r.id);
        return !shown || !sameHighlight(shown, r);
      });
      if (changed.length) view.apply(changed);
      const stored = new Set(rows.map((r) => r.id));
      for (const id of view.ids()) if (!stored.has(id) && !inFlight.has(id)) view.drop(id);
    },
    error: (error: unknown) => console.error('[highlights] could not follow the article', error),
  });
  return () => subscription.unsubscribe();
}

async function perform(step: UndoStep): Promise<boolean> {
  try {
    await undoStack.run(step);
    return true;
  } catch (error) {
    console.error(error);
    view.notice(t.saveFailed, true);
    return false;
  }
}

async function current(id: string): Promise<HighlightRow | undefined> {
  return view.get(id) ?? (await highlights.get(id));
}

/** A member's copy never changes the leader's layer: says why and refuses (roles.ts). */
async function refused(row: HighlightRow): Promise<boolean> {
  const why = highlightRefusal((await roleState(db)).role, row);
  if (why) view.notice(why, true);
  return why !== null;
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
  color: HighlightColor = view.defaults().color,
  style: HighlightStyle = view.defaults().style,
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
  view.setDefaults(color, style);
  const ok = await perform({ label: t.steps.create, do: () => writeRow(row), undo: () => deleteRow(row) });
  return ok ? row.id : null;
}

export async function removeHighlight(id: string): Promise<boolean> {
  const row = await current(id);
  if (!row || (await refused(row))) return false;
  return perform({ label: t.steps.remove, do: () => deleteRow(row), undo: () => writeRow(row) });
}

async function change(id: string, label: string, patch: Partial<HighlightRow>, measure?: string): Promise<boolean> {
  const started = performance.now();
  const before = await current(id);
  if (!before || (await refused(before))) return false;
  const after: HighlightRow = { ...before, ...patch, updatedAt: new Date().toISOString() };
  const mark = measure ? () => performance.measure(measure, { start: started, end: performance.now() }) : undefined;
  return perform({ label, do: () => writeRow(after, mark), undo: () => writeRow(before) });
}

export function recolorHighlight(id: string, color: HighlightColor): Promise<boolean> {
  const row = view.get(id);
  if (row?.color === color) return Promise.resolve(true);
  view.setDefaults(color, row?.style ?? view.defaults().style);
  return change(id, t.steps.recolor, { color }, 'yandu-recolor');
}

export function restyleHighlight(id: string, style: HighlightStyle): Promise<boolean> {
  const row = view.get(id);
  if (row?.style === style) return Promise.resolve(true);
  view.setDefaults(row?.color ?? view.defaults().color, style);
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

/** “passage”\n——《title》，来源，2012年10月10日[，第 N 页] (the page for a passage of a paged document at `start`). */
export function citation(article: ArticleRow, passage: string, start?: number): string {
  const source = article.origin ?? article.sourceName;
  const page = start === undefined ? null : pageAt(article.document?.pages, start);
  const parts = [`《${article.title}》`, source, formatChineseDate(article.publishedAt), page ? `第 ${page} 页` : null].filter(Boolean);
  return `“${passage}”\n——${parts.join('，')}`;
}

/** Every tag in use, sorted, for completion. */
export const allHighlightTags = (): Promise<string[]> => highlights.allTags();

export const highlightsOf = (articleId: string): Promise<HighlightRow[]> => highlights.forArticle(articleId);

/**
 * Moves the article's highlights placed on an older text to the current one (or marks them
 * orphans) and hands the result to the open view.
 */
export async function reanchorArticle(articleId: string): Promise<ReanchorResult> {
  const result = await reanchorIn(db, articleId);
  if (result.moved || result.orphaned || result.unchanged) view.apply(await highlights.forArticle(articleId));
  return result;
}

const DefaultsSchema = v.object({
  color: v.picklist(['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const),
  style: v.picklist(['fill', 'underline'] as const),
});
const DEFAULTS_KEY = 'highlightDefaults';

export function loadHighlightDefaults(): Promise<{ color: HighlightColor; style: HighlightStyle }> {
  return settings.get(DEFAULTS_KEY, DefaultsSchema, { color: 'yellow', style: 'fill' });
}

/** The toolbar shows the new colour at once: journalled until stored. */
export function saveHighlightDefaults(color: HighlightColor, style: HighlightStyle): Promise<void> {
  return keptSetting(DEFAULTS_KEY, { color, style }, () => settings.set(DEFAULTS_KEY, DefaultsSchema, { color, style }));
}
