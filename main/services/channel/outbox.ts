/**
 * Channel actions that wait for the server: 发布到通道 and 提交回执 are written to the data folder
 * first (channel-outbox/<id>.yandu plus outbox.json), tried at once, and kept while the server
 * cannot be reached (network errors, 5xx), with backoff, until a later run gets them through.
 * Their state is visible (待发送 / 已发送 / 失败 with the reason). Refused credentials and an
 * untrusted certificate are an error at once and never queued; other refusals (a taken name with other content, a full
 * disk, a bad file) end as 失败 with their reason and wait for the user.
 * An app-wide timer (startTimer, from the host at start; stopTimer on quit) sends what is due
 * whether or not a page is open: it wakes at the earliest retry time, runs never overlap, and
 * an item is never sent twice at once.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { renameWithRetry } from '../fs-retry';
import type { Channel } from './channel';

export const OUTBOX_DIR = 'channel-outbox';
const INDEX = 'outbox.json';

const OutboxItemSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^ob_[a-z0-9]{8,32}$/)),
  channelId: v.string(),
  kind: v.picklist(['publish', 'return', 'record']),
  label: v.string(),
  /** A record's file name in records/ (the others are named by their manifest). */
  name: v.optional(v.string()),
  createdAt: v.string(),
  state: v.picklist(['pending', 'failed', 'done']),
  attempts: v.number(),
  nextAt: v.nullable(v.string()),
  error: v.nullable(v.object({ code: v.string(), message: v.string() })),
  doneAt: v.nullable(v.string()),
});
export type OutboxItem = v.InferOutput<typeof OutboxItemSchema>;

/** Errors after which the same request may pass later: the server was away or failing. */
const TRANSIENT = new Set<ErrorCode>(['E_CHANNEL_OFFLINE', 'E_CHANNEL_SERVER']);
/** Waits before the 1st, 2nd, … retry of an item the server did not take; the last one repeats. */
export const RETRY_SCHEDULE_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface OutboxOptions {
  /** Waits before each retry (default RETRY_SCHEDULE_MS); tests pass short ones. */
  schedule?: readonly number[];
}

export class Outbox {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly schedule: readonly number[];
  /** Items being sent now: a second attempt waits for the first instead of sending again. */
  private readonly inFlight = new Map<string, Promise<OutboxItem | null>>();
  private running: Promise<OutboxItem[]> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerOn = false;
  /** Runs the timer has made (tests count them). */
  timerRuns = 0;

  constructor(
    private readonly dataDir: string,
    private readonly channelFor: (channelId: string) => Promise<Channel>,
    private readonly now: () => Date = () => new Date(),
    options: OutboxOptions = {},
  ) {
    this.schedule = options.schedule?.length ? options.schedule : RETRY_SCHEDULE_MS;
  }

  /** The wait before retry number `attempts` (1 = after the first failure). */
  private waitFor(attempts: number): number {
    return this.schedule[Math.min(this.schedule.length, Math.max(1, attempts)) - 1]!;
  }

  /** Starts the app-wide timer: a run now, then at each item's retry time. */
  startTimer(): void {
    if (this.timerOn) return;
    this.timerOn = true;
    this.wake(0);
  }

  /** Stops it (on quit); a run under way finishes, nothing new starts. */
  stopTimer(): void {
    this.timerOn = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private wake(ms: number): void {
    if (!this.timerOn) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    // The timer never keeps a process alive on its own (the CLI, tests).
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    try {
      await this.run();
    } catch {
      // An unreadable outbox.json: the next enqueue or start tries again.
    }
    this.timerRuns++;
    await this.plan();
  }

  /** Sets the timer for the earliest retry time of a waiting item (none: until something is queued). */
  private async plan(): Promise<void> {
    if (!this.timerOn) return;
    const items = await this.items().catch(() => []);
    const due = items.filter((i) => i.state === 'pending').map((i) => (i.nextAt ? Date.parse(i.nextAt) : 0));
    if (!due.length) return;
    // Never busier than the first wait (or a second), whatever a broken clock or file says.
    const floor = Math.min(1000, this.schedule[0]!);
    this.wake(Math.min(Math.max(floor, Math.min(...due) - this.now().getTime()), this.schedule[this.schedule.length - 1]!));
  }

  private get dir() {
    return path.join(this.dataDir, OUTBOX_DIR);
  }

  /** One change at a time: the index is read, changed and written under this lock. */
  private locked<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  async items(): Promise<OutboxItem[]> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(this.dir, INDEX), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('E_INTERNAL', '通道待发送列表（channel-outbox/outbox.json）已损坏。');
    }
    return Array.isArray(raw) ? raw.flatMap((r) => (v.is(OutboxItemSchema, r) ? [r] : [])) : [];
  }

  private async save(items: OutboxItem[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, INDEX);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(items, null, 2)}\n`);
    await renameWithRetry(temp, file);
  }

  private async update(id: string, change: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem | null> {
    return this.locked(async () => {
      const items = await this.items();
      const i = items.findIndex((x) => x.id === id);
      if (i < 0) return null;
      const changed = change(items[i]!);
      if (changed) items[i] = changed;
      else items.splice(i, 1);
      await this.save(items);
      return changed;
    });
  }

  /**
   * Keeps the file, then tries to send it. Resolves with the item's state after that first try
   * (待发送 when the server is away). Refused credentials throw, and nothing stays queued.
   */
  async enqueue(channelId: string, kind: OutboxItem['kind'], bytes: Uint8Array, label: string, name?: string): Promise<OutboxItem> {
    const item: OutboxItem = {
      id: `ob_${randomBytes(6).toString('hex')}`,
      channelId,
      kind,
      label,
      ...(name ? { name } : {}),
      createdAt: this.now().toISOString(),
      state: 'pending',
      attempts: 0,
      nextAt: null,
      error: null,
      doneAt: null,
    };
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${item.id}.yandu`);
    await writeFile(`${file}.tmp`, bytes);
    await renameWithRetry(`${file}.tmp`, file);
    await this.locked(async () => this.save([...(await this.items()), item]));
    const after = await this.attempt(item.id);
    void this.plan();
    if (
      after?.state === 'failed' &&
      (after.error?.code === 'E_CHANNEL_AUTH' || after.error?.code === 'E_FORBIDDEN' || after.error?.code === 'E_CHANNEL_CERT')
    ) {
      await this.remove(item.id);
      throw new AppError(after.error.code, after.error.message);
    }
    return after ?? item;
  }

  /** Sends every waiting item whose time has come; returns the items afterwards. One run at a time: a second caller shares it. */
  run(): Promise<OutboxItem[]> {
    this.running ??= (async () => {
      try {
        const now = this.now().getTime();
        const due = (await this.items()).filter((i) => i.state === 'pending' && (!i.nextAt || Date.parse(i.nextAt) <= now));
        for (const item of due) await this.attempt(item.id);
        return await this.items();
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** 重试: a failed (or waiting) item is tried again now. */
  async retry(id: string): Promise<OutboxItem | null> {
    await this.update(id, (i) => (i.state === 'done' ? i : { ...i, state: 'pending', nextAt: null }));
    const after = await this.attempt(id);
    void this.plan();
    return after;
  }

  async remove(id: string): Promise<void> {
    await this.update(id, () => null);
    await rm(path.join(this.dir, `${id}.yandu`), { force: true });
  }

  private attempt(id: string): Promise<OutboxItem | null> {
    const sending = this.inFlight.get(id);
    if (sending) return sending;
    const next = this.send(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, next);
    return next;
  }

  private async send(id: string): Promise<OutboxItem | null> {
    const item = (await this.items()).find((i) => i.id === id);
    if (!item || item.state !== 'pending') return item ?? null;
    const file = path.join(this.dir, `${id}.yandu`);
    let outcome: Partial<OutboxItem>;
    try {
      const bytes = new Uint8Array(await readFile(file));
      const channel = await this.channelFor(item.channelId);
      if (item.kind === 'publish') await channel.publish(bytes);
      else if (item.kind === 'record') await channel.putRecord(bytes, item.name ?? '');
      else await channel.submitReturn(bytes);
      outcome = { state: 'done', error: null, nextAt: null, doneAt: this.now().toISOString() };
    } catch (error) {
      const code = (error instanceof AppError ? error.code : 'E_INTERNAL') as ErrorCode;
      const message = error instanceof Error ? error.message : String(error);
      const attempts = item.attempts + 1;
      outcome = TRANSIENT.has(code)
        ? {
            state: 'pending',
            error: { code, message },
            nextAt: new Date(this.now().getTime() + this.waitFor(attempts)).toISOString(),
          }
        : { state: 'failed', error: { code, message }, nextAt: null };
    }
    const updated = await this.update(id, (i) => ({ ...i, ...outcome, attempts: i.attempts + 1 }));
    if (updated?.state === 'done') await rm(file, { force: true });
    return updated;
  }
}
