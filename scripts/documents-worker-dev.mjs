// Runs the documents thread (main/services/extract/documents/worker.ts) from its TypeScript
// source in dev, tests and the CLI: tsx's loader is registered inside the thread first.
// Built apps run dist/worker/documents.cjs instead.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(workerData.source).href);
