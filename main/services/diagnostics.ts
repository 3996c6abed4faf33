/**
 * 设置 › 导出诊断信息 and `npm run -s cli -- diagnostics <out.zip>`: one zip for the IT person
 * with the support log, versions, settings without secrets and storage figures. Never article
 * or note text (the log holds none; settings strings that could be prose are cut to their
 * length), never the host's access secret, never a credential.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildZip, type ZipInput } from './archive/zip-writer';
import { renameWithRetry } from './fs-retry';
import { appLog, logDir, logFileNames } from './log';

/** What the renderer adds (the library lives in its IndexedDB): settings rows and storage. */
export interface ClientDiagnostics {
  settings: ReadonlyArray<{ key: string; value: unknown }>;
  storage: { usage: number | null; quota: number | null; persisted: boolean | null; tables: Record<string, number> };
}

export interface DiagnosticsOptions {
  dataDir: string;
  version: string;
  host: 'electron' | 'browser' | 'cli';
  /** Where to write; default `<dataDir>/diagnostics/yandu-diagnostics-<time>.zip`. */
  out?: string;
  client?: ClientDiagnostics;
  now?: Date;
}

export interface DiagnosticsResult {
  path: string;
  name: string;
  bytes: number;
  entries: string[];
}

const SECRET_KEY_RE = /pass(?:word)?|secret|token|credential|cookie|private|api[-_]?key|auth/i;
/** Longer strings in settings are likely user text (a note template, a profile), not configuration. */
const MAX_SETTING_STRING = 120;
const MAX_DEPTH = 6;
const MAX_ITEMS = 100;
/** Files the data folder holds that must never leave it. */
const NEVER = new Set(['host-secret']);

/**
 * Settings as they can be shown: secret-looking keys redacted, credentials cut from URLs,
 * long strings replaced by their length, deep or long structures cut.
 */
export function redactSettings(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      try {
        const u = new URL(value);
        if (u.username || u.password) {
          u.username = '';
          u.password = '';
        }
        u.search = u.search ? '?[redacted]' : '';
        return u.toString().slice(0, MAX_SETTING_STRING);
      } catch {
        // Not a URL after all: treated as text below.
      }
    }
    return value.length > MAX_SETTING_STRING ? `[text, ${value.length} characters]` : value;
  }
  if (depth >= MAX_DEPTH) return '[cut: too deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redactSettings(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `[cut: ${value.length - MAX_ITEMS} more]`] : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS)) {
      out[key] = SECRET_KEY_RE.test(key) ? '[redacted]' : redactSettings(item, depth + 1);
    }
    return out;
  }
  return `[${typeof value}]`;
}

interface Usage {
  files: number;
  bytes: number;
}

async function usageOf(target: string, budget: { files: number }): Promise<Usage> {
  const s = await stat(target).catch(() => null);
  if (!s) return { files: 0, bytes: 0 };
  if (!s.isDirectory()) return { files: 1, bytes: s.size };
  const total: Usage = { files: 0, bytes: 0 };
  const names = await readdir(target).catch(() => [] as string[]);
  for (const name of names) {
    // A Chromium profile can hold very many files; a bounded walk is enough for figures.
    if (budget.files-- <= 0) break;
    const u = await usageOf(path.join(target, name), budget);
    total.files += u.files;
    total.bytes += u.bytes;
  }
  return total;
}

/** Sizes per top-level entry of the data folder (names only, no deeper names) and free space. */
export async function storageFigures(dataDir: string): Promise<Record<string, unknown>> {
  const budget = { files: 200_000 };
  const entries: Record<string, Usage> = {};
  for (const name of (await readdir(dataDir).catch(() => [] as string[])).sort()) {
    entries[name] = await usageOf(path.join(dataDir, name), budget);
  }
  const fsStats = await statfs(dataDir).catch(() => null);
  return {
    dataDir,
    entries,
    disk: fsStats ? { freeBytes: fsStats.bavail * fsStats.bsize, totalBytes: fsStats.blocks * fsStats.bsize } : null,
    walkCut: budget.files <= 0,
  };
}

function versions(options: DiagnosticsOptions, now: Date): Record<string, unknown> {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    app: options.version,
    host: options.host,
    createdAt: now.toISOString(),
    platform: process.platform,
    arch: process.arch,
    os: { type: os.type(), release: os.release(), version: typeof os.version === 'function' ? os.version() : null },
    node: v.node,
    electron: v.electron ?? null,
    chrome: v.chrome ?? null,
    v8: v.v8,
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem() },
    cpus: os.cpus().length,
  };
}

async function hostRecord(dataDir: string): Promise<unknown> {
  try {
    return redactSettings(JSON.parse(await readFile(path.join(dataDir, 'host.json'), 'utf8')));
  } catch {
    return null;
  }
}

const README = `研读诊断信息 / Yandu diagnostics

versions.json  程序、系统、Node/Electron 版本 / app, system and runtime versions
settings.json  设置（不含密码、令牌等机密；较长的文字只记长度）/ settings without secrets (long text replaced by its length)
storage.json   数据文件夹各部分的大小、磁盘空间、浏览器存储用量与各表记录数 / data folder sizes, free disk, browser storage and table counts
logs/          运行日志：事件代码与数字，不含文章、笔记正文和任何机密 / the support log: event codes and figures, no article or note text, no credentials

没有任何文章、笔记或批注内容。No article, note or highlight content is included.
`;

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function diagnosticsDir(dataDir: string): string {
  return path.join(dataDir, 'diagnostics');
}

export async function writeDiagnostics(options: DiagnosticsOptions): Promise<DiagnosticsResult> {
  const now = options.now ?? new Date();
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const client = options.client;
  const settings = {
    renderer: client
      ? Object.fromEntries(client.settings.map((row) => [row.key, SECRET_KEY_RE.test(row.key) ? '[redacted]' : redactSettings(row.value)]))
      : null,
    host: await hostRecord(options.dataDir),
    env: { YANDU_DATA_DIR: process.env.YANDU_DATA_DIR ? true : false, YANDU_LOG_LEVEL: process.env.YANDU_LOG_LEVEL ?? null },
  };
  const storage = { dataFolder: await storageFigures(options.dataDir), browser: client?.storage ?? null };
  const entries: ZipInput[] = [
    { name: 'README.txt', data: Buffer.from(README, 'utf8') },
    { name: 'versions.json', data: json(versions(options, now)) },
    { name: 'settings.json', data: json(settings) },
    { name: 'storage.json', data: json(storage) },
  ];
  // The support log's generations, and the desktop app's start-up failure log beside them.
  const logs = logDir(options.dataDir);
  for (const name of [...logFileNames(), 'main.log']) {
    if (NEVER.has(name)) continue;
    const file = path.join(logs, name);
    const data = await readFile(file).catch(() => null);
    if (data) entries.push({ name: `logs/${name}`, data, modified: (await stat(file)).mtime });
  }
  const zip = buildZip(entries, now);

  const out = options.out ? path.resolve(options.out) : path.join(diagnosticsDir(options.dataDir), `yandu-diagnostics-${stamp(now)}.zip`);
  await mkdir(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, zip);
    await renameWithRetry(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  appLog.info('diagnostics.export', { bytes: zip.length, entries: entries.length });
  return { path: out, name: path.basename(out), bytes: zip.length, entries: entries.map((e) => e.name) };
}
