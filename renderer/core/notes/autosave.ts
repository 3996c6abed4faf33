/**
 * Debounced saving with a ceiling: a value is saved `debounceMs` after the last change, and
 * never later than `maxWaitMs` after the first unsaved one, so continuous typing still lands
 * every second. Saves run one at a time, in order; a failed save keeps the value for the next
 * flush. Framework-free so it is unit-tested with fake timers.
 */
export type SaveState = { state: 'saved' } | { state: 'pending' } | { state: 'saving' } | { state: 'error'; message: string };

export interface AutosaveOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  onState?: (state: SaveState) => void;
}

export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private firstPendingAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly onState: (state: SaveState) => void;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    options: AutosaveOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.onState = options.onState ?? (() => {});
  }

  get dirty(): boolean {
    return this.pending !== null;
  }

  /** The value not yet handed to `save`, if any (for the synchronous unload journal). */
  peek(): T | null {
    return this.pending ? this.pending.value : null;
  }

  update(value: T): void {
    const now = Date.now();
    if (!this.pending) this.firstPendingAt = now;
    this.pending = { value };
    this.onState({ state: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.maxWaitMs - (now - this.firstPendingAt)));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves what is pending now; resolves when every save started so far has finished. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    if (pending) {
      this.pending = null;
      this.chain = this.chain.then(async () => {
        this.onState({ state: 'saving' });
        try {
          await this.save(pending.value);
          if (!this.pending) this.onState({ state: 'saved' });
        } catch (error) {
          // Keep the newest value: a failed save is retried on the next change or flush.
          if (!this.pending) {
            this.pending = pending;
            this.firstPendingAt = Date.now();
          }
          this.onState({ state: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      });
    }
    return this.chain;
  }

  /** Forgets what is pending (the note is being deleted). */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
