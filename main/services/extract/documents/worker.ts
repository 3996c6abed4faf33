/**
 * The document-extraction thread (node:worker_threads): one file at a time, answered by id.
 * Parsing here keeps a hung or exploding parse away from the main process: the pool
 * (pool.ts) can terminate this thread at the deadline, and its heap limit (resourceLimits)
 * ends a parse that tries to use more memory, without touching the app's heap.
 * Built to dist/worker/documents.cjs (scripts/build.mjs); run from source through tsx in dev.
 */
import { parentPort } from 'node:worker_threads';
import { format } from 'node:util';
import { convertDocx } from './docx';
import { extractDocument } from './index';
import type { WorkerReply, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('documents worker: no parent port');

// Library output (pdf.js warns through console.log) goes to the caller, which decides where it
// belongs (the CLI sends it to stderr); this thread's own stdout would bypass that.
const forward = (...args: unknown[]) => port.postMessage({ kind: 'log', text: format(...args) } satisfies WorkerReply);
console.log = forward;
console.info = forward;
console.warn = forward;
console.debug = forward;

port.on('message', (req: WorkerRequest) => {
  void (async () => {
    try {
      if (req.task === 'docx') {
        const r = await convertDocx(req.bytes, req.name);
        port.postMessage(
          { kind: 'docx', id: req.id, result: r } satisfies WorkerReply,
          r.images.map((i) => i.bytes.buffer as ArrayBuffer),
        );
      } else {
        // The message's bytes are this thread's own copy: the parser may take them as they are.
        const article = await extractDocument(req.bytes, req.name, { ...req.options, ownsBytes: true });
        port.postMessage({ kind: 'document', id: req.id, article } satisfies WorkerReply);
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      port.postMessage({
        kind: 'error',
        id: req.id,
        code: typeof code === 'string' && code.startsWith('E_') ? code : null,
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply);
    }
  })();
});
