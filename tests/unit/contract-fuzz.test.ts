/**
 * Contract fuzzing: every method of the contract, called with random and malformed arguments
 * over both transports — HTTP against the real browser host (real services, a scratch data
 * folder) and IPC through the handlers registerIpc installs (Electron stub, same real services).
 * Every answer must be a validation error (or, for a method without arguments, its plain
 * result), the host must keep answering, and the data folder must not change by one byte.
 * The same run records every outbound socket: none may leave 127.0.0.1's own host.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { contract, methodNames, lookupMethod, type Services } from '../../shared/contract';
import { createServices } from '../../main/services/app-services';
import { createSyncDeps } from '../../main/services/sync-wiring';
import { startHost, type RunningHost } from '../../main/host/server';
import { registerIpc, type IpcMainLike, type IpcReply } from '../../main/electron/ipc';
import { ipcMain, resetElectronStub, stubFrame } from '../stubs/electron';
import { startCmsWorld } from '../fixtures/cms-world';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const ROUNDS = Number(process.env.YANDU_FUZZ_ROUNDS ?? 40);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\Windows\\System32',
  '/dev/zero',
  '\u0000',
  'a\u0000b',
  '%2e%2e%2f',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'http://127.0.0.1:1/',
  'http://[::1]:1/',
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '\ud800',
  '研读'.repeat(5000),
  'A'.repeat(70_000),
];

/** A random JSON value (depth-limited), including prototype-pollution keys and huge strings. */
function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return [0, -1, 1.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER, -0][Math.floor(r() * 8)];
    case 3:
    case 4:
      return NASTY_STRINGS[Math.floor(r() * NASTY_STRINGS.length)];
    case 5:
      return Math.floor(r() * 1e9).toString(36);
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const keys = ['__proto__', 'constructor', 'prototype', 'token', 'name', 'url', 'path', 'files', 'draft', 'base64', 'x'];
      for (let i = 0; i < 1 + Math.floor(r() * 3); i++) o[keys[Math.floor(r() * keys.length)]!] = randomValue(r, depth + 1);
      return o;
    }
  }
}

/** Wrong-typed values for each field of a strict-object input, plus one unknown field: never valid. */
function malformedFor(name: string, r: () => number): unknown[] {
  const spec = lookupMethod(name)!;
  const schema = spec.input as unknown as { type: string; entries?: Record<string, unknown> };
  const out: unknown[] = [];
  const entries = schema.entries ?? {};
  const keys = Object.keys(entries);
  out.push({ ...Object.fromEntries(keys.map((k) => [k, randomValue(r)])), ['unexpected' + Math.floor(r() * 100)]: 1 });
  for (const k of keys) {
    out.push({ [k]: { nested: [1, 2, 3] } });
    out.push({ [k]: 'A'.repeat(5_000_000) });
  }
  out.push(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'));
  out.push([{}]);
  out.push('string');
  out.push(42);
  out.push(true);
  let deep: unknown = {};
  for (let i = 0; i < 2000; i++) deep = { a: deep };
  out.push(deep);
  return out;
}

function argsFor(name: string, seed: number): unknown[] {
  const r = rng(seed);
  const out = malformedFor(name, r);
  for (let i = 0; i < ROUNDS; i++) out.push(randomValue(r));
  // What actually crosses a transport: the JSON of the value (an assigned __proto__ vanishes).
  const wire = out.map((a) => (a === undefined ? undefined : (JSON.parse(JSON.stringify(a)) as unknown)));
  return wire.filter((a) => {
    // Only arguments that the schema refuses (or none at all for methods with no argument):
    // a random value that happens to be valid would be a legitimate call, not a fuzz case.
    return !v.safeParse(lookupMethod(name)!.input, a ?? {}).success || a === null || a === undefined;
  });
}

/** Every file of the data folder with its hash (sorted), so any change shows. */
async function folderHash(dir: string): Promise<string> {
  const h = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    for (const name of (await readdir(d).catch(() => [] as string[])).sort()) {
      const p = path.join(d, name);
      const s = await stat(p);
      h.update(path.relative(dir, p) + '\n');
      if (s.isDirectory()) await walk(p);
      else h.update(await readFile(p));
    }
  };
  await walk(dir);
  return h.digest('hex');
}

let dataDir = '';
let services: Services & { stop(): void };
let host: RunningHost;
const connections: string[] = [];
const originalConnect = net.Socket.prototype.connect;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-fuzz-'));
  // Some content to protect: an image and an existing backup-looking folder.
  await mkdir(path.join(dataDir, 'media'), { recursive: true });
  await writeFile(path.join(dataDir, 'media', `${'a'.repeat(64)}.png`), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  services = createServices({
    host: 'browser',
    version: '0.0.0-fuzz',
    resourcesDir,
    dataDir,
    openExternal: async () => false,
    emit: () => undefined,
    ...createSyncDeps({ dataDir, version: '0.0.0-fuzz' }),
  });
  host = await startHost({ services, rendererDir: resourcesDir, mediaDir: path.join(dataDir, 'media'), maxBodyBytes: 96 * 1024 * 1024 });
  // Record every outbound TCP connection made from here on (the host's and the services').
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const a = args[0] as { host?: string; port?: number } | number | unknown[];
    const target = Array.isArray(a) ? a[0] : a;
    if (typeof target === 'object' && target && 'port' in target) {
      const t = target as { host?: string; port?: number };
      connections.push(`${t.host ?? 'localhost'}:${String(t.port)}`);
    } else connections.push(`localhost:${String(target)}`);
    return (originalConnect as (...x: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
});

afterAll(async () => {
  net.Socket.prototype.connect = originalConnect;
  services.stop();
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

function post(name: string, body: string): Promise<{ status: number; json: { ok: boolean; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        agent: false,
        method: 'POST',
        path: `/api/call/${encodeURIComponent(name)}`,
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.secret}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
          } catch (error) {
            reject(new Error(`${name}: not JSON (${res.statusCode}): ${text.slice(0, 200)}`, { cause: error }));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const NO_ARGS = new Set(
  methodNames.filter((n) => Object.keys((lookupMethod(n)!.input as unknown as { entries?: object }).entries ?? { x: 1 }).length === 0),
);

describe('contract fuzzing', () => {
  it('covers every method of the contract', () => {
    expect(methodNames.length).toBe(Object.values(contract).reduce((n, ns) => n + Object.keys(ns).length, 0));
    expect(methodNames.length).toBeGreaterThan(20);
  });

  it('HTTP: every method, malformed arguments → validation errors only; the host keeps answering; no data changes', async () => {
    const before = await folderHash(dataDir);
    let calls = 0;
    for (const [i, name] of methodNames.entries()) {
      for (const arg of argsFor(name, 1000 + i)) {
        const body = arg === undefined ? '' : JSON.stringify(arg);
        const { status, json } = await post(name, body);
        calls++;
        if (json.ok) {
          expect(NO_ARGS.has(name) && (arg === null || arg === undefined), `${name} accepted ${body.slice(0, 80)}`).toBe(true);
          continue;
        }
        expect([400, 413], `${name} → ${status} ${json.error?.code}`).toContain(status);
        expect(['E_INVALID_ARGUMENT', 'E_UNKNOWN_METHOD']).toContain(json.error?.code);
        expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/);
      }
      // Still alive after each method.
      expect((await post('app.info', '{}')).json.ok).toBe(true);
    }
    // Broken JSON, unknown methods and prototype names.
    for (const [name, body] of [
      ['app.info', '{'],
      ['app.info', '\u0000'],
      ['__proto__.x', '{}'],
      ['constructor.constructor', '{}'],
      ['app.toString', '{}'],
      ['backup.hasOwnProperty', '{}'],
      ['nope', '{}'],
    ] as const) {
      const { status, json } = await post(name, body);
      calls++;
      expect(json.ok).toBe(false);
      expect(status).toBe(400);
    }
    expect(calls).toBeGreaterThan(methodNames.length * 20);
    expect(await folderHash(dataDir)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    process.stdout.write(`fuzz_http_calls: ${calls}\n`);
  }, 120_000);

  it('IPC: the same through the registered handlers (Electron stub); foreign senders refused before validation', async () => {
    resetElectronStub();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerIpc(ipcMain as unknown as IpcMainLike, services);
    const before = await folderHash(dataDir);
    const frame = stubFrame('app://yandu/index.html');
    const event = { senderFrame: frame, sender: { mainFrame: frame } };
    const foreign = stubFrame('http://evil.example/');
    const foreignEvent = { senderFrame: foreign, sender: { mainFrame: foreign } };
    let calls = 0;
    for (const [i, name] of methodNames.entries()) {
      const handler = ipcMain.handlers.get(`yandu:${name}`) as unknown as (e: unknown, a: unknown) => Promise<IpcReply>;
      expect(handler, name).toBeTypeOf('function');
      for (const arg of argsFor(name, 5000 + i)) {
        const reply = await handler(event, arg);
        calls++;
        if (reply.ok) {
          expect(NO_ARGS.has(name) && (arg === null || arg === undefined), `${name} accepted`).toBe(true);
          continue;
        }
        expect(['E_INVALID_ARGUMENT', 'E_UNKNOWN_METHOD'], name).toContain(reply.error.code);
      }
      const refused = await handler(foreignEvent, {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    }
    expect(await folderHash(dataDir)).toBe(before);
    process.stdout.write(`fuzz_ipc_calls: ${calls}\n`);
    vi.restoreAllMocks();
  }, 120_000);

  it('a real 试抓取 of a configured (fixture) source connects to that source and nowhere else', async () => {
    const world = await startCmsWorld();
    try {
      const site = world.sites[0]!;
      const { json } = await post('sources.preview', JSON.stringify({ location: world.abs(site.listPath) }));
      expect(json.ok).toBe(true);
      expect(connections).toContain(`127.0.0.1:${world.port}`);
    } finally {
      await world.close();
    }
  }, 60_000);

  it('no outbound connection left for anything but the host itself and the configured source during the whole run', () => {
    const foreign = connections.filter((c) => c !== `127.0.0.1:${host.port}` && !/^127\.0\.0\.1:\d+$/.test(c));
    expect(foreign).toEqual([]);
    const ports = new Set(connections.map((c) => c.split(':').pop()));
    // The host's port, and the fixture source's: nothing else.
    expect(ports.size).toBeLessThanOrEqual(2);
  });
});
