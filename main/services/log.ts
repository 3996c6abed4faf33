/**
 * The support log: JSON lines in `<dataDir>/logs/yandu.log`, size-capped, with numbered older
 * generations (yandu.1.log is the newest of them). Air-gapped PCs have nobody watching a
 * console, so the host, sync and Electron main write what an IT person needs here.
 *
 * Redacted by construction: a call names an event (a fixed dotted code, not a sentence) and
 * passes structured fields whose values are numbers, booleans, null or `LogText` — a branded
 * string made only by `code()` (short ASCII identifiers: error codes, ids, phases),
 * `origin()` (a URL cut to scheme, host and port: no path, query or credentials) or
 * `errorFields()` (an error's code and stack positions, never its message). Article text, note
 * text and titles are Chinese prose, which `code()` refuses; a field whose name looks like a
 * credential is dropped whatever its value.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

declare const logText: unique symbol;
/** A string that is safe to log; see code(), origin() and errorFields(). */
export type LogText = string & { readonly [logText]: true };
export type LogValue = number | boolean | null | LogText;
export type LogFields = Readonly<Record<string, LogValue>>;

const CODE_RE = /^[A-Za-z0-9_.:/@+-]{1,80}$/;
const EVENT_RE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+){0,4}$/;
const SECRET_NAME_RE = /pass|secret|token|auth|cookie|credential|session|key/i;
export const REDACTED = '[redacted]' as LogText;

/** A short identifier (error code, id, phase, host name, version); anything else is redacted. */
export function code(value: string | number): LogText {
  const s = String(value);
  return (CODE_RE.test(s) ? s : REDACTED) as LogText;
}

/** A URL cut to its origin (scheme://host:port); not a URL, or not http(s), is redacted. */
export function origin(url: string): LogText {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return REDACTED;
    return code(u.origin);
  } catch {
    return REDACTED;
  }
}

/**
 * An error as fields: its code (AppError, errno), syscall and class, and where it was thrown
 * (file base names and positions of the top stack frames). Never the message: messages carry
 * URLs with paths, file names and sometimes the text being processed.
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: code(typeof error) };
  const e = error as Error & { code?: unknown; syscall?: unknown };
  const fields: Record<string, LogValue> = { error: code(e.name) };
  if (typeof e.code === 'string' || typeof e.code === 'number') fields.code = code(e.code);
  if (typeof e.syscall === 'string') fields.syscall = code(e.syscall);
  const frames = (e.stack ?? '')
    .split('\n')
    .map((line) => /([^/\\()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim())?.[1])
    .filter((f): f is string => f !== undefined)
    .map((f) => f.replace(/[^A-Za-z0-9_.:-]/g, '_'));
  let at = '';
  for (const frame of frames) {
    const next = at ? `${at}+${frame}` : frame;
    if (next.length > 80) break;
    at = next;
  }
  if (at) fields.at = code(at);
  return fields;
}

/** The file system calls the log makes (replaceable in tests). */
export interface LogFs {
  appendFileSync(file: string, data: string): void;
  statSync(file: string): { size: number };
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: boolean }): void;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
}
const nodeFs: LogFs = { appendFileSync, statSync, renameSync, rmSync, mkdirSync };

export interface LogOptions {
  dir: string;
  /** Largest size of one file before it is rotated (default 1 MiB). */
  maxBytes?: number;
  /** Older files kept besides the current one (default 4). */
  generations?: number;
  level?: LogLevel;
  now?: () => Date;
  fs?: LogFs;
}

export interface Log {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** The current file, or null for a log that writes nowhere. */
  readonly file: string | null;
}

export const LOG_DIR_NAME = 'logs';
export const LOG_BASE = 'yandu';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_GENERATIONS = 4;

export function logDir(dataDir: string): string {
  return path.join(dataDir, LOG_DIR_NAME);
}

/** The log's files in `dir`, newest first: yandu.log, yandu.1.log, …, yandu.N.log. */
export function logFileNames(generations = DEFAULT_GENERATIONS): string[] {
  const names = [`${LOG_BASE}.log`];
  for (let i = 1; i <= generations; i++) names.push(`${LOG_BASE}.${i}.log`);
  return names;
}

/** One JSON line: time, level, pid, event, then the fields (secret-looking names dropped). */
export function formatLine(time: Date, level: LogLevel, event: string, fields: LogFields = {}): string {
  const record: Record<string, unknown> = {
    t: time.toISOString(),
    level,
    pid: process.pid,
    event: EVENT_RE.test(event) ? event : REDACTED,
  };
  for (const [name, value] of Object.entries(fields)) {
    if (name in record || !CODE_RE.test(name)) continue;
    if (SECRET_NAME_RE.test(name)) {
      record[name] = REDACTED;
      continue;
    }
    // Types keep plain strings out; this keeps them out of untyped callers too.
    if (typeof value === 'string') record[name] = CODE_RE.test(value) || value === REDACTED ? value : REDACTED;
    else if (typeof value === 'number') record[name] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean' || value === null) record[name] = value;
  }
  return `${JSON.stringify(record)}\n`;
}

export function createLog(options: LogOptions): Log {
  const fs = options.fs ?? nodeFs;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const generations = options.generations ?? DEFAULT_GENERATIONS;
  const min = RANK[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const names = logFileNames(generations).map((n) => path.join(options.dir, n));
  const file = names[0] as string;
  let size: number | null = null;

  function currentSize(): number {
    if (size === null) {
      try {
        size = fs.statSync(file).size;
      } catch {
        size = 0;
      }
    }
    return size;
  }

  function rotate(): void {
    // Oldest first, so each rename lands on a name that was just freed.
    fs.rmSync(names[names.length - 1] as string, { force: true });
    for (let i = names.length - 2; i >= 0; i--) {
      try {
        fs.renameSync(names[i] as string, names[i + 1] as string);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    size = 0;
  }

  function write(level: LogLevel, event: string, fields?: LogFields): void {
    if (RANK[level] < min) return;
    const line = formatLine(now(), level, event, fields);
    const bytes = Buffer.byteLength(line);
    try {
      fs.mkdirSync(options.dir, { recursive: true });
      if (currentSize() > 0 && currentSize() + bytes > maxBytes) rotate();
      fs.appendFileSync(file, line);
      size = currentSize() + bytes;
    } catch {
      // A log must never break what it records (full disk, a file held open on Windows);
      // re-read the size next time in case another process rotated.
      size = null;
    }
  }

  return {
    file,
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

const silent: Log = { file: null, debug() {}, info() {}, warn() {}, error() {} };
let current: Log = silent;

/**
 * The process's log, used by services that have no options of their own (sync, backup):
 * writes nowhere until a host calls openAppLog() with its data folder.
 */
export const appLog: Log = {
  get file() {
    return current.file;
  },
  debug: (event, fields) => current.debug(event, fields),
  info: (event, fields) => current.info(event, fields),
  warn: (event, fields) => current.warn(event, fields),
  error: (event, fields) => current.error(event, fields),
};

/** Points appLog at `<dataDir>/logs`; YANDU_LOG_LEVEL=debug adds debug lines. */
export function openAppLog(dataDir: string, options: Partial<LogOptions> = {}): Log {
  const envLevel = process.env.YANDU_LOG_LEVEL;
  const level = options.level ?? (envLevel && envLevel in RANK ? (envLevel as LogLevel) : 'info');
  current = createLog({ ...options, dir: logDir(dataDir), level });
  return appLog;
}
