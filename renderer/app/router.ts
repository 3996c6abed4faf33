/**
 * Hash routes: "#/" library, "#/read/<id>[?at=<offset>]" reader, "#/notebook[?note=<id>]"
 * notebook (or one note in it), "#/settings". Works under app:// and http.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'reader'; id: string; at?: number }
  | { name: 'notebook'; noteId: string | null }
  | { name: 'sources' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const read = /^\/read\/([A-Za-z0-9_-]{1,80})(?:\?at=(\d{1,9}))?$/.exec(path);
  if (read) return read[2] === undefined ? { name: 'reader', id: read[1]! } : { name: 'reader', id: read[1]!, at: Number(read[2]) };
  const notebook = /^\/notebook(?:\?note=([A-Za-z0-9_-]{1,80}))?$/.exec(path);
  if (notebook) return { name: 'notebook', noteId: notebook[1] ?? null };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/sources') return { name: 'sources' };
  return { name: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'reader':
      return route.at === undefined ? `#/read/${route.id}` : `#/read/${route.id}?at=${route.at}`;
    case 'notebook':
      return route.noteId ? `#/notebook?note=${route.noteId}` : '#/notebook';
    case 'sources':
      return '#/sources';
    case 'settings':
      return '#/settings';
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
