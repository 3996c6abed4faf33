/** The app's IndexBuilder: a pool of workers (one per spare core, at most two), jobs spread round-robin. */
import type { BuiltIndex, IndexInputDoc } from '../../../shared/search/build';
import type { IndexBuilder } from '../../db/searchIndex';
import type { IndexRequest, IndexResponse } from './indexer.worker';

export function createWorkerBuilder(size = Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1))): IndexBuilder | null {
  if (typeof Worker === 'undefined') return null;
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve(r: BuiltIndex): void; reject(e: Error): void }>();
  let next = 1;
  let turn = 0;
  const spawn = (): Worker => {
    const w = new Worker(new URL('./indexer.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<IndexResponse>) => {
      const job = waiting.get(event.data.id);
      if (!job) return;
      waiting.delete(event.data.id);
      if (event.data.result) job.resolve(event.data.result);
      else job.reject(new Error(event.data.error ?? 'index worker failed'));
    };
    w.onerror = (event) => {
      event.preventDefault();
      for (const [, job] of waiting) job.reject(new Error('index worker crashed'));
      waiting.clear();
    };
    return w;
  };
  return (docs: IndexInputDoc[]) =>
    new Promise<BuiltIndex>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      const slot = turn++ % size;
      workers[slot] ??= spawn();
      const request: IndexRequest = { id, docs };
      workers[slot].postMessage(request);
    });
}
