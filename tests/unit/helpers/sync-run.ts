/** One source synced by the real runner and client against real servers, everything it emits kept. */
import type { ArticlePayload } from '../../../shared/domain/article';
import type { KnownPage, SyncBatch, SyncLogEntry, SyncProgress, SyncRequest } from '../../../shared/domain/sync';
import { HttpClient } from '../../../main/services/sync/http-client';
import { ImageStore } from '../../../main/services/sync/images';
import { runSourceSync, type SyncSummary } from '../../../main/services/sync/runner';

export interface TestRun {
  summary: SyncSummary;
  batches: SyncBatch[];
  articles: ArticlePayload[];
  logs: SyncLogEntry[];
  progress: SyncProgress[];
  client: HttpClient;
}

export interface TestRunOptions {
  dataDir: string;
  client?: HttpClient;
  known?: KnownPage[];
  fullRescan?: boolean;
  maxPages?: number;
  delayMs?: number;
  signal?: AbortSignal;
  runId?: string;
  /** Sees each progress report as the run emits it (counts as they stand at that moment). */
  onProgress?: (progress: SyncProgress) => void;
  /** Sees each batch before the run goes on (the acknowledgement waits for it). */
  onBatch?: (batch: SyncBatch) => void | Promise<void>;
  /** "Today" for list dates without a year. */
  now?: Date;
  /** The attachment size cap (default 50 MB). */
  attachmentMaxBytes?: number;
  /** Articles per batch (the runner's default 20). */
  batchSize?: number;
}

export async function runSync(source: SyncRequest['source'], options: TestRunOptions): Promise<TestRun> {
  const client = options.client ?? new HttpClient({ delayMs: 0, timeoutMs: 4000, backoffMs: 20 });
  const batches: SyncBatch[] = [];
  const logs: SyncLogEntry[] = [];
  const progress: SyncProgress[] = [];
  const now = options.now ?? new Date('2024-03-20T12:00:00+08:00');
  const summary = await runSourceSync(
    {
      runId: options.runId ?? 'run_test',
      source,
      known: options.known ?? [],
      fullRescan: options.fullRescan ?? false,
      maxPages: options.maxPages ?? 20,
      delayMs: options.delayMs ?? 0,
    },
    {
      client,
      images: new ImageStore({ dataDir: options.dataDir, client }),
      dataDir: options.dataDir,
      signal: options.signal ?? new AbortController().signal,
      emitProgress: (p) => {
        progress.push(p);
        options.onProgress?.(p);
      },
      emitLog: (e) => logs.push(e),
      sendBatch: async (b) => {
        batches.push(b);
        await options.onBatch?.(b);
      },
      now: () => now,
      ...(options.attachmentMaxBytes !== undefined ? { attachmentMaxBytes: options.attachmentMaxBytes } : {}),
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    },
  );
  return { summary, batches, articles: batches.flatMap((b) => b.articles), logs, progress, client };
}
