/**
 * Runs syncs for the renderer: one run per source at a time, batches sent as events and
 * held until the renderer acknowledges them (it writes each in one transaction), so a crash
 * loses at most the unacknowledged batch. The runner that fetches and extracts is injected.
 * This service owns each run's end: exactly one terminal progress event (done, failed or
 * cancelled) per run, with remaining 0 when done.
 */
import type { EventName } from '../../shared/contract';
import type { SyncBatch, SyncLogEntry, SyncProgress, SyncRequest } from '../../shared/domain/sync';
import { AppError } from '../../shared/errors';
import { appLog, code, errorFields, origin } from './log';

export interface RunnerIO {
  signal: AbortSignal;
  emitProgress(progress: SyncProgress): void;
  emitLog(entry: SyncLogEntry): void;
  /** Resolves once the renderer stored the batch; rejects when it could not or the run ended. */
  sendBatch(batch: SyncBatch): Promise<void>;
}

export type SyncRunner = (request: SyncRequest, io: RunnerIO) => Promise<void>;

export interface SyncServiceOptions {
  emit: (name: EventName, payload: unknown) => void;
  runner: SyncRunner;
  /** How long to wait for an acknowledgement before giving the run up. */
  ackTimeoutMs?: number;
}

interface Run {
  request: SyncRequest;
  controller: AbortController;
  /** Set when the service itself ended the run because of a fault (not a user's cancel). */
  fault: AppError | null;
  pending: Map<number, { batch: SyncBatch; resolve: () => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>;
  /** The latest progress, for a page that takes the run up again after a reload. */
  last: SyncProgress;
}

const TERMINAL = new Set<SyncProgress['phase']>(['done', 'failed', 'cancelled']);

const zero = { pages: 0, found: 0, fetched: 0, sent: 0, unchanged: 0, failed: 0 };

export function createSyncService(options: SyncServiceOptions) {
  const runs = new Map<string, Run>();
  const ackTimeout = options.ackTimeoutMs ?? 120_000;

  function finish(runId: string, reason: Error): void {
    const run = runs.get(runId);
    if (!run) return;
    runs.delete(runId);
    for (const p of run.pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    run.pending.clear();
  }

  return {
    async start(request: SyncRequest): Promise<{ runId: string }> {
      if (runs.has(request.runId)) throw new AppError('E_INVALID_ARGUMENT', '同步任务编号重复。');
      for (const run of runs.values()) {
        if (run.request.source.id === request.source.id) throw new AppError('E_INVALID_ARGUMENT', `来源“${request.source.name}”正在同步。`);
      }
      const { runId } = request;
      const sourceId = request.source.id;
      let last: SyncProgress = { runId, sourceId, phase: 'starting', counts: { ...zero }, remaining: null, message: null };
      const run: Run = { request, controller: new AbortController(), fault: null, pending: new Map(), last };
      runs.set(request.runId, run);
      const io: RunnerIO = {
        signal: run.controller.signal,
        emitProgress(progress) {
          last = progress;
          run.last = progress;
          // The run's end is this service's alone to announce, once (below): a runner's own
          // terminal phase only carries its final counts.
          if (TERMINAL.has(progress.phase)) return;
          options.emit('sync.progress', progress);
        },
        emitLog: (entry) => options.emit('sync.log', entry),
        sendBatch(batch) {
          if (run.controller.signal.aborted) return Promise.reject(new AppError('E_RESOURCE', '同步已取消。'));
          return new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => {
              run.pending.delete(batch.seq);
              run.fault = new AppError('E_RESOURCE', '界面长时间没有确认写入，同步已停止。');
              reject(run.fault);
              run.controller.abort();
            }, ackTimeout);
            run.pending.set(batch.seq, { batch, resolve, reject, timer });
            options.emit('sync.batch', batch);
          });
        },
      };
      options.emit('sync.progress', last);
      // A folder source's path stays out of the log (it names people's folders); a site is its origin.
      const where = request.source.kind === 'folder' ? null : origin(request.source.location);
      appLog.info('sync.start', {
        run: code(runId),
        source: code(sourceId),
        kind: code(request.source.kind),
        origin: where,
        full: request.fullRescan,
      });
      const logEnd = (phase: string) => appLog.info('sync.end', { run: code(runId), phase: code(phase), ...last.counts });
      void options
        .runner(request, io)
        .then(() => {
          // The runner returns quietly once aborted, as after a cancel: a fault is still a failure, with its reason.
          if (run.fault) throw run.fault;
          const phase = run.controller.signal.aborted ? 'cancelled' : 'done';
          logEnd(phase);
          options.emit('sync.progress', { ...last, phase, remaining: 0 });
        })
        .catch((error: unknown) => {
          const cancelled = run.controller.signal.aborted && !run.fault;
          if (cancelled) logEnd('cancelled');
          else appLog.warn('sync.failed', { run: code(runId), ...last.counts, ...errorFields(error) });
          const message = error instanceof AppError ? error.message : '同步意外中止。';
          if (!cancelled)
            options.emit('sync.log', {
              runId,
              sourceId,
              level: 'error',
              url: null,
              code: error instanceof AppError ? error.code : 'E_INTERNAL',
              message,
            });
          options.emit('sync.progress', { ...last, phase: cancelled ? 'cancelled' : 'failed', message: cancelled ? null : message });
        })
        .finally(() => finish(runId, new AppError('E_RESOURCE', '同步已结束。')));
      return { runId };
    },

    async ack({ runId, seq, ok, message }: { runId: string; seq: number; ok: boolean; message?: string }): Promise<{ accepted: boolean }> {
      const pending = runs.get(runId)?.pending.get(seq);
      if (!pending) return { accepted: false };
      runs.get(runId)!.pending.delete(seq);
      clearTimeout(pending.timer);
      if (ok) pending.resolve();
      else pending.reject(new AppError('E_RESOURCE', `保存失败：${message ?? '未知原因'}`));
      return { accepted: true };
    },

    async cancel({ runId }: { runId: string }): Promise<{ cancelled: boolean }> {
      const run = runs.get(runId);
      if (!run) return { cancelled: false };
      run.controller.abort();
      for (const p of run.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new AppError('E_RESOURCE', '同步已取消。'));
      }
      run.pending.clear();
      return { cancelled: true };
    },

    /** The running runs and their latest progress (a reloaded page takes them up again). */
    active(): SyncProgress[] {
      return [...runs.values()].filter((r) => !r.controller.signal.aborted).map((r) => r.last);
    },

    /**
     * A page that now listens for a run (after a reload) gets its unacknowledged batches again,
     * in order, and its latest progress. The page writes a batch it had written already once
     * (it knows the run's last written seq) and acknowledges it: nothing lost, nothing twice.
     */
    async attach({ runId }: { runId: string }): Promise<{ attached: boolean }> {
      const run = runs.get(runId);
      if (!run || run.controller.signal.aborted) return { attached: false };
      options.emit('sync.progress', run.last);
      for (const seq of [...run.pending.keys()].sort((a, b) => a - b)) options.emit('sync.batch', run.pending.get(seq)!.batch);
      return { attached: true };
    },

    /** Cancels everything (host shutdown, or no page left to store batches). */
    stopAll(): void {
      for (const run of runs.values()) {
        run.controller.abort();
        // A batch waiting for an acknowledgement would otherwise hold the run until the timeout.
        for (const p of run.pending.values()) {
          clearTimeout(p.timer);
          p.reject(new AppError('E_RESOURCE', '同步已取消。'));
        }
        run.pending.clear();
      }
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
