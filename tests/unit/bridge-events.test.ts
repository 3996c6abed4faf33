/** The browser host's event stream as the page reads it: each event once, in order, whatever goes wrong. */
import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import { createEventReader, deliverToListeners } from '../../renderer/bridge/http';

const frame = (id: number, message: string) => `id: ${id}\ndata: ${JSON.stringify({ name: 'app.notice', payload: { message } })}\n\n`;

describe('event reader', () => {
  it('delivers each numbered event once across a reconnect, skips bad frames, resets on a new stream', () => {
    const got: string[] = [];
    const problems: string[] = [];
    const reader = createEventReader(
      (_name, payload) => got.push((payload as { message: string }).message),
      (p) => problems.push(p),
    );
    const hello = (s: string) => `event: hello\ndata: {"stream":"${s}"}\n\n`;
    const first = hello('aaaa') + frame(1, '一') + frame(2, '二');
    // Split mid-frame: frames are joined across chunks.
    reader.push(first.slice(0, 30));
    reader.push(first.slice(30));
    reader.push('id: 3\ndata: {not json\n\n');
    reader.push(frame(4, '四'));
    expect(reader.lastId).toBe(4);
    // Reconnected with ?after=2 by mistake: 3 and 4 come again and are not repeated.
    reader.push(hello('aaaa') + frame(3, '三重复') + frame(4, '四重复') + frame(5, '五'));
    expect(got).toEqual(['一', '二', '四', '五']);
    expect(problems).toEqual(['收到无法解析的事件（第 3 个），已跳过。']);
    // The host restarted: a new numbering starts at 1 and nothing is skipped.
    reader.push(hello('bbbb') + frame(1, '新一'));
    expect(got.at(-1)).toBe('新一');
    reader.push('event: gap\ndata: {"after":3,"oldest":11}\n\n');
    expect(problems.at(-1)).toMatch(/事件流中断期间有事件未能补发/);
  });

  it('one throwing listener does not cost the others their event', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    const registry = new Map<EventName, Set<(p: unknown) => void>>([
      [
        'sync.batch',
        new Set([
          () => {
            throw new Error('boom');
          },
          (p: unknown) => seen.push(String((p as { seq: number }).seq)),
        ]),
      ],
    ]);
    deliverToListeners('sync.batch', { seq: 7 }, registry);
    expect(seen).toEqual(['7']);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
