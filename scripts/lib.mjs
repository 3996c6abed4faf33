// Helpers shared by the npm scripts (plain Node, no TypeScript loader needed).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than any source it is built from. */
export function needsBuild() {
  const outputs = ['dist/renderer/index.html', 'dist/host/serve.mjs', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'].map((p) =>
    path.join(root, p),
  );
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = ['renderer', 'shared', 'main'].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources) > built;
}

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

export async function buildIfNeeded() {
  if (!needsBuild()) return;
  process.stderr.write('正在构建 / building…\n');
  await run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
}

/** Runs the browser host in the foreground, passing through e.g. --port. */
export function serve(args) {
  const child = spawn(process.execPath, [path.join(root, 'dist/host/serve.mjs'), ...args], { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.once('exit', (code) => process.exit(code ?? 0));
}
