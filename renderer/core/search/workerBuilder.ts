/**
 * The app's index workers: a pool (one per spare core, at most two), jobs spread round-robin.
 * They build postings for bulk writes (IndexBuilder) and merge records for compaction (RecordMerger).
 */
import type { BuiltIndex, IndexInputDoc } from '../../../shared/search/build';
import type { IndexBuilder, RecordMerger } from '../../db/searchIndex';
import type { IndexRequest, IndexResponse } from './indexer.worker';

export interface IndexWorkers {
  build: IndexBuilder;
  merge: RecordMerger;
}

type Request = IndexRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function createIndexWorkers(size = Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1))): IndexWorkers | null {
  if (typeof Worker === 'undefined') return null;
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve(r: IndexResponse): void; reject(e: Error): void }>();
  let next = 1;
  let turn = 0;
  const spawn = (): Worker => {
    const w = new Worker(new URL('./indexer.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<IndexResponse>) => {
      const job = waiting.get(event.data.id);
      if (!job) return;
      waiting.delete(event.data.id);
      if (event.data.error === undefined) job.resolve(event.data);
      else job.reject(new Error(event.data.error || 'index worker failed'));
    };
    w.onerror = (event) => {
      event.preventDefault();
      for (const [, job] of waiting) job.reject(new Error('index worker crashed'));
      waiting.clear();
    };
    return w;
  };
  const send = (request: Request, transfer: Transferable[] = []) =>
    new Promise<IndexResponse>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      const slot = turn++ % size;
      workers[slot] ??= spawn();
      workers[slot].postMessage({ ...request, id } as IndexRequest, transfer);
    });
  return {
    build: async (docs: IndexInputDoc[]): Promise<BuiltIndex> => (await send({ docs })).result!,
    // The records are handed over (transferred): the caller does not use them again.
    merge: async (records: Uint8Array[], dead: number[]) =>
      (
        await send(
          { merge: records, dead },
          // Each buffer once (transferring one twice is an error).
          [...new Set(records.map((r) => r.buffer as ArrayBuffer))],
        )
      ).merged ?? null,
  };
}
