import { describe, expect, it } from 'vitest';
import { UndoStack, UNDO_LIMIT } from '../../renderer/core/undo';

function counterStep(state: { n: number }, log: string[], label = 'add') {
  return {
    label,
    do: async () => {
      state.n++;
      log.push(`do ${state.n}`);
    },
    undo: async () => {
      log.push(`undo ${state.n}`);
      state.n--;
    },
  };
}

describe('undo stack', () => {
  it('keeps at least 100 steps, and at most its limit', async () => {
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(100);
    const stack = new UndoStack(150);
    const state = { n: 0 };
    for (let i = 0; i < 160; i++) await stack.run(counterStep(state, []));
    expect(state.n).toBe(160);
    expect(stack.size).toBe(150);
    let undone = 0;
    while (await stack.undo()) undone++;
    expect(undone).toBe(150);
    expect(state.n).toBe(10);
    expect(await stack.undo()).toBeNull();
  });

  it('redoes in order and forgets the redo list on a new step', async () => {
    const stack = new UndoStack();
    const state = { n: 0 };
    const log: string[] = [];
    for (let i = 0; i < 3; i++) await stack.run(counterStep(state, log));
    expect(await stack.undo()).toBe('add');
    await stack.undo();
    expect(state.n).toBe(1);
    expect(await stack.redo()).toBe('add');
    expect(state.n).toBe(2);
    await stack.run(counterStep(state, log, 'other'));
    expect(stack.canRedo).toBe(false);
    expect(await stack.redo()).toBeNull();
  });

  it('runs quick presses one after another, never interleaved', async () => {
    const stack = new UndoStack();
    const log: string[] = [];
    const slow = (name: string) => ({
      label: name,
      do: async () => {
        log.push(`${name}:start`);
        // A later turn of the event loop: a second press would run now if steps were not queued.
        await new Promise((r) => setImmediate(r));
        log.push(`${name}:end`);
      },
      undo: async () => {
        log.push(`${name}:undo`);
      },
    });
    await Promise.all([stack.run(slow('a')), stack.run(slow('b')), stack.undo(), stack.undo()]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'b:undo', 'a:undo']);
  });

  it('does not record a failed step, and keeps a step whose undo failed', async () => {
    const stack = new UndoStack();
    await expect(
      stack.run({
        label: 'bad',
        do: async () => {
          throw new Error('disk full');
        },
        undo: async () => {},
      }),
    ).rejects.toThrow('disk full');
    expect(stack.size).toBe(0);
    let fail = true;
    await stack.run({
      label: 'x',
      do: async () => {},
      undo: async () => {
        if (fail) throw new Error('nope');
      },
    });
    await expect(stack.undo()).rejects.toThrow('nope');
    expect(stack.size).toBe(1);
    fail = false;
    expect(await stack.undo()).toBe('x');
    expect(() => new UndoStack(0)).toThrow();
  });
});
