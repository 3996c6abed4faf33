/**
 * Undo/redo for annotation edits (highlights created, deleted, recoloured, restyled, tagged).
 * Each step is a pair of closures that write Dexie; steps run one at a time, in order, so a
 * quick run of Ctrl+Z never interleaves writes. Note text has Tiptap's own history.
 */

export interface UndoStep {
  /** Shown to the user: 已撤销：<label>. */
  label: string;
  do(): Promise<void>;
  undo(): Promise<void>;
}

export const UNDO_LIMIT = 200;

export class UndoStack {
  private past: UndoStep[] = [];
  private future: UndoStep[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(readonly limit: number = UNDO_LIMIT) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`bad undo limit: ${limit}`);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  get size(): number {
    return this.past.length;
  }
  get redoSize(): number {
    return this.future.length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs a step's `do` and records it; a failed step is not recorded. Clears the redo list. */
  run(step: UndoStep): Promise<void> {
    return this.serial(async () => {
      await step.do();
      this.push(step);
    });
  }

  /** Records a step whose effect has already happened. */
  push(step: UndoStep): void {
    this.past.push(step);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    this.future = [];
    this.changed();
  }

  /** Undoes the latest step; resolves to its label, or null when there was nothing to undo. */
  undo(): Promise<string | null> {
    return this.serial(async () => {
      const step = this.past.pop();
      if (!step) return null;
      try {
        await step.undo();
      } catch (error) {
        this.past.push(step);
        throw error;
      }
      this.future.push(step);
      this.changed();
      return step.label;
    });
  }

  redo(): Promise<string | null> {
    return this.serial(async () => {
      const step = this.future.pop();
      if (!step) return null;
      try {
        await step.do();
      } catch (error) {
        this.future.push(step);
        throw error;
      }
      this.past.push(step);
      this.changed();
      return step.label;
    });
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.changed();
  }
}

/** The app's one stack. */
export const undoStack = new UndoStack();
