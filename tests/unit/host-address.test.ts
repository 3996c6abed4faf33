/**
 * One address per data folder: the port is chosen once (seeded, in range, probing onward when
 * taken), recorded, reused, and a taken recorded port stops the launch instead of moving the
 * library. Real listening servers on 127.0.0.1, real files.
 */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADDRESS_FILE,
  candidatePorts,
  explicitPort,
  HostAddressError,
  hostSecret,
  openOnAddress,
  PORT_FIRST,
  PORT_LAST,
  readAddressRecord,
  SECRET_FILE,
  seededPort,
} from '../../main/host/address';
import { startHost, type RunningHost } from '../../main/host/server';
import { stubServices } from './helpers/services';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'yandu-addr-'));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Holds a port the way any other program would; null if someone already holds it. */
function occupy(port: number): Promise<(() => Promise<void>) | null> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      let open = true;
      const release = async () => {
        if (open) await new Promise<void>((done) => server.close(() => done()));
        open = false;
      };
      cleanups.push(release);
      resolve(release);
    });
  });
}

function canListen(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Opens the real host on a data folder, recording every port it tried to listen on. */
async function launch(dataDir: string, port?: number) {
  const tried: number[] = [];
  const opened = await openOnAddress<RunningHost>({
    dataDir,
    port,
    addressFor: (p) => `http://127.0.0.1:${p}/?token=t0ken`,
    close: (h) => h.close(),
    listen: (p) => {
      tried.push(p);
      return startHost({ services: stubServices(), rendererDir: dataDir, port: p, secret: 't0ken' });
    },
  });
  cleanups.push(() => opened.host.close());
  return { ...opened, tried };
}

async function launchError(dataDir: string, tried: number[] = []): Promise<HostAddressError> {
  const error = await openOnAddress<RunningHost>({
    dataDir,
    addressFor: (p) => `http://127.0.0.1:${p}/?token=t0ken`,
    close: (h) => h.close(),
    listen: (p) => {
      tried.push(p);
      return startHost({ services: stubServices(), rendererDir: dataDir, port: p, secret: 't0ken' }).then((h) => {
        cleanups.push(() => h.close());
        return h;
      });
    },
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostAddressError);
  return error as HostAddressError;
}

describe('port choice', () => {
  it('is deterministic per resolved path and inside 17000–19999', () => {
    const dir = path.join(os.tmpdir(), 'yandu', 'data');
    expect(seededPort(dir)).toBe(seededPort(dir));
    expect(seededPort(`${dir}${path.sep}.${path.sep}`)).toBe(seededPort(dir));
    const ports = Array.from({ length: 200 }, (_, i) => seededPort(path.join(os.tmpdir(), `folder-${i}`)));
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(PORT_FIRST);
      expect(p).toBeLessThanOrEqual(PORT_LAST);
    }
    // Different folders spread over the range rather than sharing a port.
    expect(new Set(ports).size).toBeGreaterThan(180);
  });

  it('probes every port of the range once, starting at the seed', () => {
    const dir = path.join(os.tmpdir(), 'some-data');
    const all = candidatePorts(dir);
    expect(all[0]).toBe(seededPort(dir));
    expect(all).toHaveLength(PORT_LAST - PORT_FIRST + 1);
    expect(new Set(all).size).toBe(all.length);
    expect(Math.min(...all)).toBe(PORT_FIRST);
    expect(Math.max(...all)).toBe(PORT_LAST);
    const i = all.indexOf(PORT_LAST);
    if (i < all.length - 1) expect(all[i + 1]).toBe(PORT_FIRST);
  });
});

describe('explicit port', () => {
  it('takes --port, --port=, then YANDU_PORT; none means the recorded address', () => {
    expect(explicitPort(['--port', '8080'], {})).toBe(8080);
    expect(explicitPort(['--port=0'], {})).toBe(0);
    expect(explicitPort(['--port', '0'], { YANDU_PORT: '9000' })).toBe(0);
    expect(explicitPort([], { YANDU_PORT: '9000' })).toBe(9000);
    expect(explicitPort([], { YANDU_PORT: '' })).toBeUndefined();
    expect(explicitPort(['--other', '1'], {})).toBeUndefined();
  });

  it('refuses a bad port with a bilingual message', () => {
    for (const [argv, env] of [
      [['--port', 'abc'], {}],
      [['--port', '70000'], {}],
      [['--port', '-1'], {}],
      [['--port'], {}],
      [['--port', '--x'], {}],
      [[], { YANDU_PORT: '80a' }],
    ] as const) {
      let error: unknown = null;
      try {
        explicitPort(argv, env);
      } catch (e) {
        error = e;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(HostAddressError);
      expect((error as HostAddressError).code).toBe('E_PORT_INVALID');
      expect((error as HostAddressError).zh).toContain('端口无效');
      expect((error as HostAddressError).en).toContain('Invalid port');
    }
  });
});

describe('one address per data folder', () => {
  it('records the first port (probing past a taken seed) and reuses it on later launches', async () => {
    const dir = await tempDir();
    const seed = seededPort(dir);
    // Someone holds the seed port on this first launch (us, or another program already).
    const release = await occupy(seed);
    const first = await launch(dir);
    expect(first.how).toBe('first');
    expect(first.tried[0]).toBe(seed);
    expect(first.port).not.toBe(seed);
    expect(first.tried[first.tried.length - 1]).toBe(first.port);
    expect(candidatePorts(dir).slice(0, first.tried.length)).toEqual(first.tried);
    expect(await readAddressRecord(dir)).toBe(first.port);
    const record = JSON.parse(await readFile(path.join(dir, ADDRESS_FILE), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ version: 1, port: first.port, origin: `http://127.0.0.1:${first.port}` });
    // Written through a temp file that is gone once the record is in place.
    expect(await readdir(dir)).toEqual([ADDRESS_FILE]);
    await first.host.close();

    // The seed is free again now, yet the folder keeps the port it recorded.
    if (release) {
      await release();
      expect(await canListen(seed)).toBe(true);
    }
    const second = await launch(dir);
    expect(second).toMatchObject({ how: 'recorded', port: first.port, tried: [first.port] });
    expect(second.host.url).toBe(first.host.url);
  });

  it('a taken recorded port stops the launch with the bilingual explanation and tries no other port', async () => {
    const dir = await tempDir();
    const first = await launch(dir);
    await first.host.close();
    const before = await readFile(path.join(dir, ADDRESS_FILE));
    expect(await occupy(first.port)).not.toBeNull();

    const tried: number[] = [];
    const error = await launchError(dir, tried);
    expect(error.code).toBe('E_PORT_BUSY');
    expect(tried).toEqual([first.port]);
    expect(error.zh).toContain(`端口 ${first.port} 已被占用`);
    expect(error.zh).toContain('可能已经有一个研读在使用这个数据文件夹');
    expect(error.zh).toContain(`http://127.0.0.1:${first.port}/?token=t0ken`);
    expect(error.zh).toContain('另一个空的文库');
    expect(error.zh).toContain(path.join(dir, ADDRESS_FILE));
    expect(error.en).toContain(`port ${first.port} is in use`);
    expect(error.en).toContain('Another Yandu may already be running');
    expect(error.en).toContain('--port N');
    expect(error.en).toContain('different, empty library');
    expect(await readFile(path.join(dir, ADDRESS_FILE))).toEqual(before);
  });

  it('--port / YANDU_PORT override the record and are never recorded', async () => {
    const fresh = await tempDir();
    const any = await launch(fresh, 0);
    expect(any.how).toBe('explicit');
    expect(any.tried).toEqual([0]);
    expect(await readAddressRecord(fresh)).toBeNull();

    const dir = await tempDir();
    const first = await launch(dir);
    const before = await readFile(path.join(dir, ADDRESS_FILE));
    const other = await launch(dir, 0);
    expect(other.how).toBe('explicit');
    expect(other.port).not.toBe(first.port);
    expect(await readFile(path.join(dir, ADDRESS_FILE))).toEqual(before);
  });

  it('a damaged record stops the launch and is left as it was', async () => {
    const dir = await tempDir();
    for (const text of ['{not json', '{"version":1,"port":"x"}', '{"version":1,"port":70000}', 'null']) {
      await writeFile(path.join(dir, ADDRESS_FILE), text);
      const tried: number[] = [];
      const error = await launchError(dir, tried);
      expect(error.code, text).toBe('E_ADDRESS_RECORD');
      expect(error.zh).toContain('无法读取端口记录');
      expect(error.en).toContain('Cannot read the port record');
      expect(tried).toEqual([]);
      expect(await readFile(path.join(dir, ADDRESS_FILE), 'utf8')).toBe(text);
    }
  });

  it('two first launches at once on one folder: one records its port, the other stops', async () => {
    const dir = await tempDir();
    const results = await Promise.allSettled([launch(dir), launch(dir)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof launch>>>).value;
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'E_PORT_BUSY' });
    expect(await readAddressRecord(dir)).toBe(winner.port);
  });
});

describe('access secret', () => {
  it('is created once, owner-only, and the same on every launch', async () => {
    const dir = await tempDir();
    const file = path.join(dir, SECRET_FILE);
    const secret = await hostSecret(dir);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await hostSecret(dir)).toBe(secret);
    expect(await readdir(dir)).toEqual([SECRET_FILE]);

    // Loosened by hand: tightened again, value kept.
    const { chmod } = await import('node:fs/promises');
    await chmod(file, 0o644);
    expect(await hostSecret(dir)).toBe(secret);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    // Garbage is replaced by a fresh secret.
    await writeFile(file, 'short');
    const fresh = await hostSecret(dir);
    expect(fresh).not.toBe(secret);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await hostSecret(dir)).toBe(fresh);
  });
});
