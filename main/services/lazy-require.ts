/**
 * Loading a package on first use, synchronously (issue 16, speed: linkedom and Readability cost
 * a process ~200 ms to load and most pages never need them). Call sites write
 *
 *   typeof require === 'function' ? require('pkg') : lazyRequire('pkg')
 *
 * so a bundled build (esbuild turns the literal `require('pkg')` into the bundled module, loaded
 * where it is called) needs no node_modules, while under tsx (ES modules: no `require`) the
 * package is required from the project's node_modules.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

let made: NodeJS.Require | null = null;

/** `require` from the working folder, or failing that from the entry script (as pdf.ts loads canvas). */
export function lazyRequire<T>(id: string): T {
  if (made) return made(id) as T;
  let error: unknown;
  for (const base of [path.join(process.cwd(), 'package.json'), process.argv[1]]) {
    if (!base) continue;
    try {
      const req = createRequire(path.resolve(base));
      const mod = req(id) as T;
      made = req;
      return mod;
    } catch (e) {
      error = e;
    }
  }
  throw error;
}
