/**
 * The quitting handshake: before a host exits it tells the open pages (`app.quitting`) and
 * waits until each has written its final backup (`app.quitReady`) or a bounded time has
 * passed, so an ordinary quit never loses the changes of the last settle period.
 */
export interface QuitGate {
  /** A page answered `app.quitReady`. */
  ready(backup: string | null): void;
  /**
   * Tells `expected` pages through `notify` and resolves when that many have answered or after
   * `timeoutMs`, with what arrived. `expected` 0 resolves at once.
   */
  wait(notify: () => number, timeoutMs: number): Promise<{ answered: number; backups: string[]; timedOut: boolean }>;
}

export function createQuitGate(): QuitGate {
  let waiting: { expected: number; answered: number; backups: string[]; done: (timedOut: boolean) => void } | null = null;
  return {
    ready(backup) {
      if (!waiting) return;
      waiting.answered++;
      if (backup) waiting.backups.push(backup);
      if (waiting.answered >= waiting.expected) waiting.done(false);
    },
    wait(notify, timeoutMs) {
      return new Promise((resolve) => {
        const state = {
          expected: 0,
          answered: 0,
          backups: [] as string[],
          done: (timedOut: boolean) => {
            clearTimeout(timer);
            waiting = null;
            resolve({ answered: state.answered, backups: state.backups, timedOut });
          },
        };
        const timer = setTimeout(() => state.done(true), timeoutMs);
        waiting = state;
        state.expected = notify();
        if (state.expected <= 0 || state.answered >= state.expected) state.done(false);
      });
    },
  };
}

/** Backup timings a host passes to the renderer through `app.info` (tests shorten them). */
export function backupDelaysFromEnv(env: NodeJS.ProcessEnv): { settleMs: number; maxWaitMs: number } | undefined {
  const settle = Number(env.YANDU_BACKUP_SETTLE_MS);
  if (!env.YANDU_BACKUP_SETTLE_MS || !Number.isInteger(settle) || settle < 10 || settle > 3_600_000) return undefined;
  const max = Number(env.YANDU_BACKUP_MAX_WAIT_MS);
  const maxWaitMs = env.YANDU_BACKUP_MAX_WAIT_MS && Number.isInteger(max) && max >= 10 && max <= 86_400_000 ? max : settle * 10;
  return { settleMs: settle, maxWaitMs };
}
