// npm run serve -- [--port <n>]: the browser host on 127.0.0.1 (builds first when needed).
import { buildIfNeeded, serve } from './lib.mjs';

await buildIfNeeded();
serve(process.argv.slice(2));
