/**
 * Hash routes: "#/" library, "#/read/<id>[?at=<offset>[&len=<n>]]" reader, "#/notebook[?note=<id>]"
 * notebook (or one note in it), "#/settings". Works under app:// and http.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'reader'; id: string; at?: number; len?: number }
  /** 查看原件 of a document article: "#/original/<id>[?page=N]". */
  | { name: 'original'; id: string; page?: number }
  | { name: 'notebook'; noteId: string | null }
  | { name: 'sources' }
  | { name: 'settings' }
  /** 学习计划 "#/study", one session "#/study/<id>", 资料包 "#/packets". */
  | { name: 'study' }
  | { name: 'session'; id: string }
  /**
   * A session's returns read in full "#/study/<id>/returns[?r=<returnId>[&note=<noteId>[&at=&len=]]]":
   * every member, or one member's return, opened at a note (and a match in it).
   */
  | { name: 'returns'; sessionId: string; returnId?: string; noteId?: string; at?: number; len?: number }
  | { name: 'packets' }
  /** 打印预览: "#/print/<what>[?…]" (features/print/routes.ts parses `path`). */
  | { name: 'print'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const read = /^\/read\/([A-Za-z0-9_-]{1,80})(?:\?at=(\d{1,9})(?:&len=(\d{1,4}))?)?$/.exec(path);
  if (read) {
    if (read[2] === undefined) return { name: 'reader', id: read[1]! };
    // `len`: a search match to mark at `at`.
    return read[3] === undefined
      ? { name: 'reader', id: read[1]!, at: Number(read[2]) }
      : { name: 'reader', id: read[1]!, at: Number(read[2]), len: Number(read[3]) };
  }
  const original = /^\/original\/([A-Za-z0-9_-]{1,80})(?:\?page=(\d{1,5}))?$/.exec(path);
  if (original)
    return original[2] === undefined
      ? { name: 'original', id: original[1]! }
      : { name: 'original', id: original[1]!, page: Number(original[2]) };
  const notebook = /^\/notebook(?:\?note=([A-Za-z0-9_-]{1,80}))?$/.exec(path);
  if (notebook) return { name: 'notebook', noteId: notebook[1] ?? null };
  if (path.startsWith('/print/')) return { name: 'print', path: path.slice('/print/'.length, 4096) };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/study') return { name: 'study' };
  const returns = /^\/study\/([A-Za-z0-9_-]{1,80})\/returns(?:\?(.*))?$/.exec(path);
  if (returns) {
    const params = new URLSearchParams(returns[2] ?? '');
    const id = (k: string) => {
      const x = params.get(k);
      return x && /^[A-Za-z0-9_-]{1,80}$/.test(x) ? x : undefined;
    };
    const num = (k: string, max: number) => {
      const x = params.get(k);
      return x && /^\d{1,9}$/.test(x) && Number(x) <= max ? Number(x) : undefined;
    };
    const route: Route = { name: 'returns', sessionId: returns[1]! };
    const returnId = id('r');
    const noteId = id('note');
    const at = num('at', 1e9);
    const len = num('len', 9999);
    if (returnId) route.returnId = returnId;
    if (noteId) route.noteId = noteId;
    if (at !== undefined) route.at = at;
    if (at !== undefined && len !== undefined) route.len = len;
    return route;
  }
  const session = /^\/study\/([A-Za-z0-9_-]{1,80})$/.exec(path);
  if (session) return { name: 'session', id: session[1]! };
  if (path === '/packets') return { name: 'packets' };
  if (path === '/sources') return { name: 'sources' };
  return { name: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'reader':
      if (route.at === undefined) return `#/read/${route.id}`;
      return route.len === undefined ? `#/read/${route.id}?at=${route.at}` : `#/read/${route.id}?at=${route.at}&len=${route.len}`;
    case 'original':
      return route.page === undefined ? `#/original/${route.id}` : `#/original/${route.id}?page=${route.page}`;
    case 'notebook':
      return route.noteId ? `#/notebook?note=${route.noteId}` : '#/notebook';
    case 'sources':
      return '#/sources';
    case 'settings':
      return '#/settings';
    case 'study':
      return '#/study';
    case 'session':
      return `#/study/${route.id}`;
    case 'returns': {
      const params = new URLSearchParams();
      if (route.returnId) params.set('r', route.returnId);
      if (route.noteId) params.set('note', route.noteId);
      if (route.at !== undefined) params.set('at', String(route.at));
      if (route.at !== undefined && route.len !== undefined) params.set('len', String(route.len));
      const q = params.toString();
      return `#/study/${route.sessionId}/returns${q ? `?${q}` : ''}`;
    }
    case 'packets':
      return '#/packets';
    case 'print':
      return `#/print/${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
