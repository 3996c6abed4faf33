/**
 * The print routes (打印预览), below "#/print/":
 *   articles?ids=a,b&title=&unit=&session=&date=   a packet or any selection (no ids: the whole library)
 *   notebook?kinds=&colors=&tags=&article=&from=&to=&q=   the notebook, with its filter
 *   record/<sessionId>    a 学习记录 sheet
 *   signin/<sessionId>    a 签到表
 *   archive/<year>        the year's 学习档案
 * Every one also takes the print options: layout=gbt|compact, mine=0|1, notes=0|1.
 * Pure: parsed and built here, so links and tests agree.
 */
import { COLORS, ENTRY_KINDS, EMPTY_FILTER, type EntryKind, type NotebookFilter } from '../../core/notebook/entries';
import { MAX_PRINT_ARTICLES } from '../../core/print';

type HighlightColor = NotebookFilter['colors'][number];

export type PrintLayout = 'gbt' | 'compact';

export interface PrintOptions {
  layout: PrintLayout;
  /** Show the user's own highlights (the leader's 重点摘编 are always shown). */
  mine: boolean;
  /** Notes (and the leader's comments) as endnotes after each article. */
  notes: boolean;
}

export const DEFAULT_OPTIONS: PrintOptions = { layout: 'gbt', mine: true, notes: true };

export interface PacketMeta {
  title: string;
  unit: string;
  session: string;
  /** YYYY-MM-DD, or '' for today. */
  date: string;
}

export type PrintTarget =
  | { kind: 'articles'; ids: string[] | null; meta: PacketMeta }
  | { kind: 'notebook'; filter: NotebookFilter }
  | { kind: 'record'; sessionId: string }
  | { kind: 'signin'; sessionId: string }
  | { kind: 'archive'; year: number };

export interface PrintRoute {
  target: PrintTarget;
  options: PrintOptions;
}

const ID = /^[A-Za-z0-9_-]{1,80}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export { MAX_PRINT_ARTICLES };

function text(params: URLSearchParams, name: string, max = 200): string {
  return (params.get(name) ?? '').trim().slice(0, max);
}

function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseOptions(params: URLSearchParams): PrintOptions {
  return {
    layout: params.get('layout') === 'compact' ? 'compact' : 'gbt',
    mine: params.get('mine') !== '0',
    notes: params.get('notes') !== '0',
  };
}

/** The part of the hash after "#/print/" (path and query), or null when it is not a print route. */
export function parsePrintPath(path: string): PrintRoute | null {
  const q = path.indexOf('?');
  const where = q < 0 ? path : path.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : path.slice(q + 1));
  const options = parseOptions(params);
  if (where === 'articles') {
    const ids = list(params, 'ids').filter((id) => ID.test(id));
    const date = text(params, 'date', 10);
    return {
      target: {
        kind: 'articles',
        ids: params.has('ids') ? [...new Set(ids)].slice(0, MAX_PRINT_ARTICLES) : null,
        meta: {
          title: text(params, 'title'),
          unit: text(params, 'unit'),
          session: text(params, 'session'),
          date: DAY.test(date) ? date : '',
        },
      },
      options,
    };
  }
  if (where === 'notebook') {
    const from = text(params, 'from', 10);
    const to = text(params, 'to', 10);
    const article = params.get('article');
    const filter: NotebookFilter = {
      ...EMPTY_FILTER,
      kinds: list(params, 'kinds').filter((k): k is EntryKind => (ENTRY_KINDS as readonly string[]).includes(k)),
      colors: list(params, 'colors').filter((c): c is HighlightColor => (COLORS as readonly string[]).includes(c)),
      tags: list(params, 'tags').map((t) => t.slice(0, 50)),
      articleId: article === null ? null : article === '' || ID.test(article) ? article : null,
      from: DAY.test(from) ? from : '',
      to: DAY.test(to) ? to : '',
      query: text(params, 'q'),
    };
    return { target: { kind: 'notebook', filter }, options };
  }
  const year = /^archive\/(\d{4})$/.exec(where);
  if (year) return { target: { kind: 'archive', year: Number(year[1]) }, options };
  const session = /^(record|signin)\/([A-Za-z0-9_-]{1,80})$/.exec(where);
  if (session) return { target: { kind: session[1] as 'record' | 'signin', sessionId: session[2]! }, options };
  return null;
}

function optionParams(options: PrintOptions): [string, string][] {
  const out: [string, string][] = [];
  if (options.layout !== 'gbt') out.push(['layout', options.layout]);
  if (!options.mine) out.push(['mine', '0']);
  if (!options.notes) out.push(['notes', '0']);
  return out;
}

/** The hash ("#/print/…") of a print route. */
export function printHref(route: PrintRoute): string {
  const { target, options } = route;
  const params: [string, string][] = [];
  let where: string;
  switch (target.kind) {
    case 'articles':
      where = 'articles';
      if (target.ids) params.push(['ids', target.ids.join(',')]);
      for (const k of ['title', 'unit', 'session', 'date'] as const) if (target.meta[k]) params.push([k, target.meta[k]]);
      break;
    case 'notebook': {
      where = 'notebook';
      const f = target.filter;
      if (f.kinds.length) params.push(['kinds', f.kinds.join(',')]);
      if (f.colors.length) params.push(['colors', f.colors.join(',')]);
      if (f.tags.length) params.push(['tags', f.tags.join(',')]);
      if (f.articleId !== null) params.push(['article', f.articleId]);
      if (f.from) params.push(['from', f.from]);
      if (f.to) params.push(['to', f.to]);
      if (f.query.trim()) params.push(['q', f.query.trim()]);
      break;
    }
    case 'archive':
      where = `archive/${target.year}`;
      break;
    default:
      where = `${target.kind}/${target.sessionId}`;
  }
  const query = new URLSearchParams([...params, ...optionParams(options)]).toString();
  return `#/print/${where}${query ? `?${query}` : ''}`;
}

/** A print link for the notebook's current filter (for the notebook's 打印 button). */
export function notebookPrintHref(filter: NotebookFilter, options: PrintOptions = DEFAULT_OPTIONS): string {
  return printHref({ target: { kind: 'notebook', filter }, options });
}

/** A print link for a selection of articles (a packet's readings, the library's selection). */
export function articlesPrintHref(ids: readonly string[] | null, meta: Partial<PacketMeta> = {}, options = DEFAULT_OPTIONS): string {
  return printHref({
    target: { kind: 'articles', ids: ids ? [...ids] : null, meta: { title: '', unit: '', session: '', date: '', ...meta } },
    options,
  });
}

/** A print link for the year's 学习档案. */
export function archivePrintHref(year: number, options = DEFAULT_OPTIONS): string {
  return printHref({ target: { kind: 'archive', year }, options });
}
