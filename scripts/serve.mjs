// npm run serve -- [--port <n>]: the browser host on 127.0.0.1 (builds first when needed). Without
// --port it listens on the data folder's recorded address (host.json), the one its library belongs to.
import { buildIfNeeded, serve } from './lib.mjs';

await buildIfNeeded();
serve(process.argv.slice(2));
