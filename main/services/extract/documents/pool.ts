/**
 * Document extraction off the main thread: a pool of one node:worker_threads thread
 * (worker.ts) that parses one file at a time, so parsing overlaps the sync's network waits and
 * never blocks the app. Every file gets a hard deadline: a parse still running at the deadline
 * has its thread terminated (a synchronous loop inside a library cannot be stopped any other
 * way), and the thread's heap is capped (resourceLimits), so a parse that explodes in memory
 * ends with a clear Chinese error naming the file instead of taking the app down. Either way
 * nothing is stored, and the next file gets a fresh thread. An idle thread is ended after a
 * while (pdf.js and its fonts are not small); it does not keep the process alive.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../../shared/errors';
import type { ConvertedDocx } from './docx';
import type { ExtractDocumentOptions } from './index';
import type { WorkerReply, WorkerRequest } from './protocol';
import { DOCUMENT_LIMITS, documentError, type DocumentArticle } from './types';

/** Where the built thread lives, relative to a bundle's folder (dist/electron, dist/host). */
export const WORKER_BUNDLE = path.join('..', 'worker', 'documents.cjs');
const WORKER_SOURCE = path.join('main', 'services', 'extract', 'documents', 'worker.ts');

export interface WorkerScript {
  file: string;
  /** A built CommonJS bundle, or the TypeScript source (dev and tests, through tsx). */
  kind: 'bundle' | 'source';
}

/**
 * The thread's script: YANDU_DOCUMENT_WORKER; else the bundle beside the running bundle
 * (dist/worker/documents.cjs, the only one a packaged app has); else the source, beside this
 * file or in the project folder.
 */
export function documentWorkerScript(): WorkerScript {
  const env = process.env.YANDU_DOCUMENT_WORKER;
  if (env) return { file: path.resolve(env), kind: env.endsWith('.ts') ? 'source' : 'bundle' };
  const here = typeof __dirname === 'string' ? __dirname : null;
  const bundleDirs = [here, process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : null];
  for (const dir of bundleDirs) {
    const file = dir && path.join(dir, WORKER_BUNDLE);
    if (file && existsSync(file)) return { file, kind: 'bundle' };
  }
  const sources = [
    here && path.join(here, 'worker.ts'),
    path.join(process.cwd(), WORKER_SOURCE),
    // tsx main/cli.ts from another folder
    process.argv[1] && path.join(path.dirname(path.resolve(process.argv[1])), '..', WORKER_SOURCE),
  ];
  for (const file of sources) {
    if (file && existsSync(file)) return { file, kind: 'source' };
  }
  throw new AppError('E_INTERNAL', '找不到文档解析组件（documents.cjs），无法导入 PDF、Word 或 OFD 文件。请重新安装本程序。');
}

export interface DocumentPoolOptions {
  /** The thread's heap limit, MB (default 512): a parse that needs more is ended. */
  maxHeapMb?: number;
  /** An idle thread is ended after this long, ms (default 30 s). */
  idleMs?: number;
  /** Extra time past a file's deadline before its thread is terminated, ms (default 500): the parser's own checks answer first. */
  graceMs?: number;
  script?: WorkerScript;
}

export interface PoolStats {
  /** Threads started. */
  started: number;
  /** Threads terminated at a deadline. */
  timedOut: number;
  /** Threads that ran out of heap. */
  outOfMemory: number;
}

type Task =
  | { task: 'document'; bytes: Uint8Array; name: string; options: ExtractDocumentOptions }
  | { task: 'docx'; bytes: Uint8Array; name: string };

interface Job {
  id: number;
  task: Task;
  label: string;
  deadlineMs: number;
  resolve(value: DocumentArticle | ConvertedDocx): void;
  reject(error: unknown): void;
}

export class DocumentPool {
  readonly stats: PoolStats = { started: 0, timedOut: 0, outOfMemory: 0 };
  private readonly maxHeapMb: number;
  private readonly idleMs: number;
  private readonly graceMs: number;
  private readonly script: WorkerScript | undefined;
  private worker: Worker | null = null;
  private current: Job | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private deadline: NodeJS.Timeout | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(options: DocumentPoolOptions = {}) {
    this.maxHeapMb = options.maxHeapMb ?? 512;
    this.idleMs = options.idleMs ?? 30_000;
    this.graceMs = options.graceMs ?? 500;
    this.script = options.script;
  }

  /** Reads one PDF / .doc / .wps / .ofd in the thread (the same result and errors as extractDocument). */
  extract(bytes: Uint8Array, name: string, options: ExtractDocumentOptions = {}): Promise<DocumentArticle> {
    const deadlineMs = options.limits?.deadlineMs ?? DOCUMENT_LIMITS.deadlineMs;
    return this.run(
      { task: 'document', bytes, name, options },
      options.label ?? path.basename(name),
      deadlineMs,
    ) as Promise<DocumentArticle>;
  }

  /** Unzips and converts one .docx in the thread (see docx.ts). */
  convertDocx(bytes: Uint8Array, name: string, label: string, deadlineMs = DOCUMENT_LIMITS.deadlineMs): Promise<ConvertedDocx> {
    return this.run({ task: 'docx', bytes, name }, label, deadlineMs) as Promise<ConvertedDocx>;
  }

  /** Ends the thread (and fails what is queued). */
  async close(): Promise<void> {
    const pending = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = null;
    for (const job of pending) job.reject(new AppError('E_RESOURCE', `已停止：${job.label}`));
    this.clearTimers();
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private run(task: Task, label: string, deadlineMs: number): Promise<DocumentArticle | ConvertedDocx> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, label, deadlineMs, resolve, reject });
      this.pump();
    });
  }

  private clearTimers(): void {
    if (this.deadline) clearTimeout(this.deadline);
    if (this.idle) clearTimeout(this.idle);
    this.deadline = null;
    this.idle = null;
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.goIdle();
      return;
    }
    this.clearTimers();
    let w: Worker;
    try {
      w = this.worker ?? this.spawn();
    } catch (error) {
      job.reject(error);
      this.pump();
      return;
    }
    this.current = job;
    w.ref(); // a file in work keeps the process alive (the CLI waits for it)
    this.deadline = setTimeout(() => this.timeOut(job), job.deadlineMs + this.graceMs);
    // The bytes are cloned: the caller keeps its copy (the original is stored after a good parse).
    const req: WorkerRequest = { ...job.task, id: job.id } as WorkerRequest;
    w.postMessage(req);
  }

  private goIdle(): void {
    const w = this.worker;
    if (!w) return;
    w.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.worker === w && !this.current) {
        this.worker = null;
        void w.terminate();
      }
    }, this.idleMs);
    this.idle.unref();
  }

  private spawn(): Worker {
    const script = this.script ?? documentWorkerScript();
    const resourceLimits = {
      maxOldGenerationSizeMb: this.maxHeapMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.maxHeapMb / 8)),
    };
    let w: Worker;
    if (script.kind === 'bundle') w = new Worker(script.file, { resourceLimits });
    else {
      // TypeScript source: scripts/documents-worker-dev.mjs registers tsx in the thread, then loads it.
      const root = path.resolve(path.dirname(script.file), '..', '..', '..', '..');
      w = new Worker(path.join(root, 'scripts', 'documents-worker-dev.mjs'), { resourceLimits, workerData: { source: script.file } });
    }
    this.stats.started++;
    this.worker = w;
    w.on('message', (reply: WorkerReply) => this.onMessage(w, reply));
    w.on('error', (error) => this.onDeath(w, error));
    w.on('exit', (code) => this.onDeath(w, new Error(`documents worker exited with code ${code}`)));
    return w;
  }

  private onMessage(w: Worker, reply: WorkerReply): void {
    if (reply.kind === 'log') {
      // Library chatter (pdf.js warnings) belongs on stderr: stdout may carry the CLI's JSON.
      console.warn(reply.text);
      return;
    }
    const job = this.current;
    if (w !== this.worker || !job || reply.id !== job.id) return;
    this.current = null;
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
    if (reply.kind === 'error') job.reject(new AppError((reply.code ?? 'E_DOCUMENT_FORMAT') as ErrorCode, reply.message));
    else job.resolve(reply.kind === 'document' ? reply.article : reply.result);
    this.pump();
  }

  /** The thread is gone (out of memory, crashed, or exited): fail its file, start afresh for the next. */
  private onDeath(w: Worker, error: Error): void {
    if (w !== this.worker) return;
    this.worker = null;
    const job = this.current;
    this.current = null;
    this.clearTimers();
    if (job) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.stats.outOfMemory++;
        job.reject(
          documentError(
            'E_DOCUMENT_LIMIT',
            `「${job.label}」处理时所需内存超过上限（${this.maxHeapMb} MB，文件可能已损坏或是恶意构造的），已停止，未导入。`,
            error,
          ),
        );
      } else job.reject(documentError('E_DOCUMENT_FORMAT', `「${job.label}」无法解析（文件可能已损坏），已停止，未导入。`, error));
    }
    this.pump();
  }

  private timeOut(job: Job): void {
    if (this.current !== job) return;
    const w = this.worker;
    this.worker = null;
    this.current = null;
    this.deadline = null;
    this.stats.timedOut++;
    if (w) void w.terminate();
    job.reject(
      documentError(
        'E_DOCUMENT_LIMIT',
        `「${job.label}」处理超时（超过 ${Math.max(1, Math.round(job.deadlineMs / 1000))} 秒），已停止，未导入。`,
      ),
    );
    this.pump();
  }
}

let shared: DocumentPool | null = null;

/** The app's one documents thread. */
export function documentPool(): DocumentPool {
  shared ??= new DocumentPool();
  return shared;
}
