/**
 * When continuous backups run: `settleMs` after the last change, and never later than
 * `maxWaitMs` after the first change not yet backed up, so a long session of steady writes is
 * still backed up every few minutes. Runs are one at a time; a failed run keeps the changes
 * pending and tries again after another settle period. Framework-free, with an injected clock,
 * so it is unit-tested without sleeping.
 *
 * Not while a save is pending: a due backup waits until the library has been quiet for
 * `quietMs` (longer than the note editor's autosave ceiling). When writes keep coming (someone
 * typing), it starts right after the next write commits instead: the editor's next save is then
 * at least its debounce away, and the backup's short read transaction fits in that gap.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface SchedulerOptions {
  settleMs: number;
  maxWaitMs: number;
  /** Quiet time before a due backup starts (capped at settleMs). */
  quietMs?: number;
  /** Takes the backup; resolves with its name, or null when there was nothing worth keeping. */
  run: () => Promise<string | null>;
  clock?: Clock;
  /** Called when there are changes not yet in a backup (true) and when a backup holds them all (false). */
  onPending?: (pending: boolean) => void;
  onError?: (error: unknown) => void;
}

export class BackupScheduler {
  private dirty = false;
  private firstChangeAt: number | null = null;
  private lastChangeAt = -Infinity;
  private timer: unknown = null;
  private afterNextWrite = false;
  private chain: Promise<string | null> = Promise.resolve(null);
  private running = false;
  private disposed = false;
  private readonly clock: Clock;
  private readonly quietMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? realClock;
    this.quietMs = Math.min(options.quietMs ?? 1500, options.settleMs);
  }

  /** Changes not yet in a backup. */
  get pending(): boolean {
    return this.dirty;
  }

  /** A backup is being taken now. */
  get busy(): boolean {
    return this.running;
  }

  /** A committed change. Minor changes go into the next backup but do not call for one. */
  changed(minor = false): void {
    if (this.disposed) return;
    const now = this.clock.now();
    if (!this.dirty) {
      this.dirty = true;
      this.options.onPending?.(true);
    }
    this.firstChangeAt ??= now;
    if (minor) return;
    this.lastChangeAt = now;
    if (this.afterNextWrite) {
      this.afterNextWrite = false;
      this.clearTimer();
      void this.start();
      return;
    }
    this.arm();
  }

  /** Backs up pending changes now (before quitting or a bulk change); the name, or null if none were pending. */
  flush(): Promise<string | null> {
    this.clearTimer();
    this.afterNextWrite = false;
    return this.start();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private arm(): void {
    this.clearTimer();
    if (this.firstChangeAt === null) return;
    const now = this.clock.now();
    const due = Math.min(this.lastChangeAt + this.options.settleMs, this.firstChangeAt + this.options.maxWaitMs);
    this.timer = this.clock.setTimeout(() => this.due(), Math.max(0, due - now));
  }

  private due(): void {
    this.timer = null;
    if (this.disposed || !this.dirty) return;
    const quietFor = this.clock.now() - this.lastChangeAt;
    if (quietFor < this.quietMs) {
      // A save may be pending: start after the next committed write, or once quiet.
      this.afterNextWrite = true;
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.afterNextWrite = false;
        void this.start();
      }, this.quietMs - quietFor);
      return;
    }
    void this.start();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private start(): Promise<string | null> {
    this.chain = this.chain.then(async () => {
      if (!this.dirty || this.disposed) return null;
      // Changes committed from here on may miss this snapshot: they make the state pending again.
      this.dirty = false;
      this.firstChangeAt = null;
      this.running = true;
      try {
        const name = await this.options.run();
        if (!this.dirty) this.options.onPending?.(false);
        return name;
      } catch (error) {
        if (!this.dirty) {
          this.dirty = true;
          this.firstChangeAt = this.clock.now();
          this.lastChangeAt = this.clock.now();
        }
        this.options.onError?.(error);
        this.arm();
        return null;
      } finally {
        this.running = false;
      }
    });
    return this.chain;
  }
}
