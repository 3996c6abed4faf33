/**
 * The desktop app's side of the quitting handshake (see main/services/backup/quit.ts): the
 * first quit — or the first close of the window, the usual way to quit on Windows and Linux —
 * is held until the page has written its final backup (`app.quitReady`) or the time is up,
 * then goes on. Without this the last settle period's changes would rest only on the
 * best-effort `pagehide` flush, which cannot finish an IndexedDB read and an IPC round trip.
 */
import type { QuitGate } from '../services/backup/quit';

/** An Electron emitter whose event can be prevented: `app` ('before-quit') or a window ('close'). */
export interface Preventable {
  on(event: string, listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Holds the first `eventName` of `target` while `notify` tells the page (it returns how many
 * pages were told; 0 lets the event through at once); then `proceed` repeats the action
 * (app.quit() or win.close()), which is let through.
 */
export function holdForFinalBackup(
  target: Preventable,
  eventName: string,
  gate: QuitGate,
  notify: () => number,
  timeoutMs: number,
  proceed: () => void,
): void {
  let state: 'running' | 'waiting' | 'done' = 'running';
  target.on(eventName, (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'waiting') return;
    state = 'waiting';
    void gate.wait(notify, timeoutMs).then(() => {
      state = 'done';
      proceed();
    });
  });
}
