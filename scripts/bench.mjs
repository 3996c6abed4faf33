// npm run bench [-- suite ...]: builds when needed, then runs tests/bench/run.ts.
import path from 'node:path';
import { buildIfNeeded, root, run } from './lib.mjs';

await buildIfNeeded();
await run(process.execPath, ['--import', 'tsx', path.join(root, 'tests/bench/run.ts'), ...process.argv.slice(2)]).catch(() =>
  process.exit(1),
);
