import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { SyncBatch, SyncRequest } from '../../shared/domain/sync';
import { createSyncService, type SyncRunner } from '../../main/services/sync-service';

const request = (runId = 'run_1'): SyncRequest => ({
  runId,
  source: { id: 's_1', kind: 'cms', location: 'http://127.0.0.1/', name: '测试', column: null },
  known: [],
  fullRescan: false,
  maxPages: 3,
  delayMs: 0,
});
const batch = (seq: number): SyncBatch => ({ runId: 'run_1', sourceId: 's_1', seq, articles: [], pages: [] });

function recorder() {
  const events: { name: EventName; payload: unknown }[] = [];
  return { events, emit: (name: EventName, payload: unknown) => events.push({ name, payload }) };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('sync service', () => {
  it('holds each batch until it is acknowledged', async () => {
    const { events, emit } = recorder();
    const sent: number[] = [];
    const runner: SyncRunner = async (_req, io) => {
      for (let seq = 0; seq < 3; seq++) {
        await io.sendBatch(batch(seq));
        sent.push(seq);
      }
    };
    const service = createSyncService({ emit, runner });
    await service.start(request());
    await tick();
    expect(events.filter((e) => e.name === 'sync.batch')).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(await service.ack({ runId: 'run_1', seq: 0, ok: true })).toEqual({ accepted: true });
    await tick();
    expect(sent).toEqual([0]);
    expect(await service.ack({ runId: 'run_1', seq: 0, ok: true })).toEqual({ accepted: false });
    await service.ack({ runId: 'run_1', seq: 1, ok: true });
    await tick();
    await service.ack({ runId: 'run_1', seq: 2, ok: true });
    await tick();
    expect(sent).toEqual([0, 1, 2]);
    expect(events.at(-1)).toMatchObject({ name: 'sync.progress', payload: { phase: 'done' } });
  });

  it('stops the run when the renderer could not store a batch', async () => {
    const { events, emit } = recorder();
    const after = vi.fn();
    const service = createSyncService({
      emit,
      runner: async (_r, io) => {
        await io.sendBatch(batch(0));
        after();
      },
    });
    await service.start(request());
    await tick();
    await service.ack({ runId: 'run_1', seq: 0, ok: false, message: '磁盘已满' });
    await tick();
    expect(after).not.toHaveBeenCalled();
    expect(events.at(-1)).toMatchObject({ payload: { phase: 'failed', message: '保存失败：磁盘已满' } });
    expect(events.some((e) => e.name === 'sync.log')).toBe(true);
  });

  it('cancels promptly and refuses a second run of the same source', async () => {
    const { events, emit } = recorder();
    const service = createSyncService({
      emit,
      runner: async (_r, io) => {
        await io.sendBatch(batch(0));
      },
    });
    await service.start(request());
    await expect(service.start(request('run_2'))).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    expect(await service.cancel({ runId: 'run_1' })).toEqual({ cancelled: true });
    await tick();
    expect(events.at(-1)).toMatchObject({ payload: { phase: 'cancelled' } });
    expect(await service.cancel({ runId: 'run_1' })).toEqual({ cancelled: false });
    await service.start(request('run_3'));
  });

  it('gives up when no acknowledgement comes', async () => {
    const { events, emit } = recorder();
    const service = createSyncService({ emit, ackTimeoutMs: 20, runner: async (_r, io) => io.sendBatch(batch(0)) });
    await service.start(request());
    await new Promise((r) => setTimeout(r, 60));
    expect(events.at(-1)).toMatchObject({ payload: { phase: 'failed', message: '界面长时间没有确认写入，同步已停止。' } });
  });
});

describe('sync service: one owner of a run’s end', () => {
  it('announces the end once, even when a runner reports its own terminal phase', async () => {
    const { events, emit } = recorder();
    const counts = { pages: 1, found: 2, fetched: 2, sent: 2, unchanged: 0, failed: 0 };
    const runner: SyncRunner = async (req, io) => {
      io.emitProgress({ runId: req.runId, sourceId: req.source.id, phase: 'fetching', counts, remaining: 1, message: null });
      io.emitProgress({ runId: req.runId, sourceId: req.source.id, phase: 'done', counts, remaining: 0, message: null });
    };
    const service = createSyncService({ emit, runner });
    await service.start(request('run_end'));
    await vi.waitFor(() => expect(events.some((e) => (e.payload as { phase?: string }).phase === 'done')).toBe(true));
    await tick();
    const phases = events.filter((e) => e.name === 'sync.progress').map((e) => (e.payload as { phase: string }).phase);
    expect(phases).toEqual(['starting', 'fetching', 'done']);
    expect(events.at(-1)!.payload).toMatchObject({ phase: 'done', remaining: 0, counts });
  });
});
