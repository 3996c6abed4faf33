/** Hash routes: "#/" library, "#/read/<id>" reader, "#/settings". Works under app:// and http. */
import { useSyncExternalStore } from 'react';

export type Route = { name: 'library' } | { name: 'reader'; id: string } | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const read = /^\/read\/([A-Za-z0-9_-]{1,80})$/.exec(path);
  if (read) return { name: 'reader', id: read[1]! };
  if (path === '/settings') return { name: 'settings' };
  return { name: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'reader':
      return `#/read/${route.id}`;
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
