/** A folder's state for "nothing changed" checks: every entry with its size, mtime and content hash. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function snapshot(folder: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) {
        out.push(`${path.relative(folder, full)}/ ${st.mtimeMs}`);
        walk(full);
      } else {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        out.push(`${path.relative(folder, full)} ${st.size} ${st.mtimeMs} ${hash}`);
      }
    }
  };
  walk(folder);
  out.push(`. ${statSync(folder).mtimeMs}`);
  return out;
}
