import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installCompat } from '../../renderer/ui/compat';

// What the browser host's oldest browsers lack (README: supported browsers), restored or avoided.
describe('older browsers', () => {
  const segmenter = Intl.Segmenter;
  afterEach(() => {
    (Intl as { Segmenter?: unknown }).Segmenter = segmenter;
    vi.resetModules();
  });

  it('search words without Intl.Segmenter: runs of Han, letters or digits; no extra long words', async () => {
    delete (Intl as { Segmenter?: unknown }).Segmenter;
    vi.resetModules();
    const { segmentWords, longWords } = await import('../../shared/search/tokenize');
    expect(segmentWords('学习贯彻，abc 2024年')).toEqual(['学习贯彻', 'abc', '2024', '年']);
    expect(longWords('深入学习贯彻党的二十大精神')).toEqual([]);
  });

  it('compat.ts restores Array#at, Array#findLast, Object.hasOwn and crypto.randomUUID where missing', () => {
    // Another realm, so this process's own built-ins stay as they are.
    const ctx = vm.createContext({ crypto: { getRandomValues: (a: Uint8Array) => a.fill(0xab) } });
    const g = vm.runInContext(
      'delete Array.prototype.at; delete Array.prototype.findLast; delete Object.hasOwn; globalThis',
      ctx,
    ) as typeof globalThis;
    expect(vm.runInContext('typeof [].at', ctx)).toBe('undefined');
    installCompat(g);
    expect(vm.runInContext('[1, 2, 3].at(-1)', ctx)).toBe(3);
    expect(vm.runInContext('[1, 2, 3].at(0)', ctx)).toBe(1);
    expect(vm.runInContext('[1, 2, 3, 4].findLast((x) => x % 2 === 1)', ctx)).toBe(3);
    expect(vm.runInContext("Object.hasOwn({ a: 1 }, 'a') && !Object.hasOwn({}, 'toString')", ctx)).toBe(true);
    // Not enumerable: for…in over an array sees only its items.
    expect(vm.runInContext('const k = []; for (const i in [7]) k.push(i); k.join()', ctx)).toBe('0');
    expect(vm.runInContext('crypto.randomUUID()', ctx)).toMatch(/^abababab-abab-4bab-abab-abababababab$/);
  });
});
