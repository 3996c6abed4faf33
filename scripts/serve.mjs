// npm run serve -- [--port <n>]: the browser host on 127.0.0.1 (builds first when needed). Without
// --port it listens on the data folder's recorded address (host.json), the one its library belongs to.
import { requireNode } from './node-version.mjs';
import { buildIfNeeded, serve } from './lib.mjs';

requireNode(['启动浏览器版', 'start the browser host']);

await buildIfNeeded();
serve(process.argv.slice(2));
