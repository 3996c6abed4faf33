/**
 * The few runtime APIs the app or its libraries call that the browsers the browser host meets
 * may lack (Chromium 87–97; Firefox ESR 115 has them all). Syntax is lowered by the build
 * (vite.config.ts `build.target`); the CSS Custom Highlight API falls back to wrapped marks
 * (features/highlights/paint.ts) and Intl.Segmenter to bigrams (shared/search/tokenize.ts).
 * Imported first by main.tsx, so it runs before any other module.
 */

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/** Adds what `g` lacks (exported for the unit test, which passes another realm). */
export function installCompat(g: typeof globalThis): void {
  // Chromium 92 (Tiptap's list keymaps).
  define(g.Array.prototype, 'at', function at<T>(this: T[], index: number): T | undefined {
    const i = Math.trunc(index) || 0;
    return this[i < 0 ? this.length + i : i];
  });
  define(g.String.prototype, 'at', function at(this: string, index: number): string | undefined {
    const i = Math.trunc(index) || 0;
    const s = String(this);
    return s[i < 0 ? s.length + i : i];
  });

  // Chromium 97 (Tiptap's transaction handling).
  define(g.Array.prototype, 'findLast', function findLast<T>(this: T[], pred: (v: T, i: number, a: T[]) => unknown): T | undefined {
    for (let i = this.length - 1; i >= 0; i--) if (pred(this[i]!, i, this)) return this[i];
    return undefined;
  });
  define(g.Array.prototype, 'findLastIndex', function findLastIndex<T>(this: T[], pred: (v: T, i: number, a: T[]) => unknown): number {
    for (let i = this.length - 1; i >= 0; i--) if (pred(this[i]!, i, this)) return i;
    return -1;
  });

  // Chromium 93 (shared/contract.ts, valibot).
  define(g.Object, 'hasOwn', (o: object, key: PropertyKey) => g.Object.prototype.hasOwnProperty.call(o, key));

  // Chromium 92: ids for notes, highlights, sources (the origin, 127.0.0.1, is a secure context).
  const crypto = g.crypto as Crypto | undefined;
  if (crypto && typeof crypto.getRandomValues === 'function') {
    define(crypto, 'randomUUID', function randomUUID(): string {
      const b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    });
  }
}

installCompat(globalThis);
