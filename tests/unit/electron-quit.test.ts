import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { holdForFinalBackup } from '../../main/electron/quit';
import { createQuitGate } from '../../main/services/backup/quit';

/** An `app` that, like Electron's, emits before-quit on quit() and quits unless prevented. */
class FakeApp extends EventEmitter {
  quits = 0;
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quits++;
  }
}

describe('the desktop app waits for the final backup', () => {
  it('holds the first quit until the page answers, then quits once after stopping the services', async () => {
    const app = new FakeApp();
    const gate = createQuitGate();
    const order: string[] = [];
    const tell = () => {
      order.push('told page');
      return 1;
    };
    holdForFinalBackup(app, 'before-quit', gate, tell, 60_000, () => {
      order.push('services stopped');
      app.quit();
    });
    app.quit();
    expect(app.quits).toBe(0);
    app.quit(); // a second quit while waiting does not tell the page again
    expect(order).toEqual(['told page']);
    gate.ready('auto-backup.yandu-backup');
    await expect.poll(() => app.quits).toBe(1);
    expect(order).toEqual(['told page', 'services stopped']);
  });

  it('lets the quit through at once when no page is open', async () => {
    const app = new FakeApp();
    let stopped = 0;
    holdForFinalBackup(
      app,
      'before-quit',
      createQuitGate(),
      () => 0,
      60_000,
      () => {
        stopped++;
        app.quit();
      },
    );
    app.quit();
    await expect.poll(() => app.quits).toBe(1);
    expect(stopped).toBe(1);
  });

  it('quits after the timeout when the page never answers', async () => {
    const app = new FakeApp();
    holdForFinalBackup(
      app,
      'before-quit',
      createQuitGate(),
      () => 1,
      20,
      () => app.quit(),
    );
    app.quit();
    expect(app.quits).toBe(0);
    await expect.poll(() => app.quits).toBe(1);
  });
});
