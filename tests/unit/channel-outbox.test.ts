/**
 * Channel credentials and the outbox, against a real rclone WebDAV server that goes away and
 * comes back on the same port: the password lives only in an owner-only file (never in what
 * the renderer sees); a publish while the server is away waits (待发送) and survives a restart
 * of the app (a new outbox over the same data folder); when the server is back, a run sends it
 * byte for byte; refused credentials are an error at once and leave nothing queued.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import * as v from 'valibot';
import { Channel } from '../../main/services/channel/channel';
import { createChannelService } from '../../main/services/channel/service';
import { channelMethods } from '../../shared/channel/api';
import { bytesToBase64 } from '../../shared/packet/base64';
import { Outbox, OUTBOX_DIR } from '../../main/services/channel/outbox';
import { ChannelStore, ownerOnlyFileBox, safeStorageBox, SECRETS_FILE } from '../../main/services/channel/store';
import { buildSamplePacket } from '../../main/services/packets/sample';
import { davSkipReason, startRclone } from './helpers/dav-servers';

const reason = davSkipReason('rclone');
if (reason) console.log(`channel outbox tests skipped: ${reason}`);
const root = fileURLToPath(new URL('../..', import.meta.url));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let packet: Uint8Array;
beforeAll(async () => {
  packet = await buildSamplePacket(path.join(root, 'resources'), mkdtempSync(path.join(os.tmpdir(), 'yandu-outbox-packet-')));
}, 60_000);

it('keeps passwords only in an owner-only file and shows the renderer whether one is set', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-channel-store-'));
  const store = new ChannelStore(dataDir, ownerOnlyFileBox);
  const c = await store.add({ name: '集团党委', url: 'http://127.0.0.1:9/dav', user: '张三', password: '秘密-123' });
  expect(c.url).toBe('http://127.0.0.1:9/dav/');
  const views = await store.views();
  expect(views).toEqual([{ ...c, ca: null, hasPassword: true, protectedBy: 'owner-only-file' }]);
  expect(JSON.stringify(views)).not.toContain('秘密');
  expect(readFileSync(path.join(dataDir, 'channels.json'), 'utf8')).not.toContain('秘密');
  if (process.platform !== 'win32') expect(statSync(path.join(dataDir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
  expect(await store.password(c.id)).toBe('秘密-123');
  await expect(store.add({ name: 'x', url: 'http://u:p@127.0.0.1/dav', user: null, password: null })).rejects.toMatchObject({
    code: 'E_INVALID_ARGUMENT',
  });
  await store.remove(c.id);
  expect(await store.list()).toEqual([]);
  expect(await store.password(c.id)).toBeUndefined();

  // The desktop app's box: what is on disk is the keychain's ciphertext, not the password.
  const boxed = new ChannelStore(
    dataDir,
    safeStorageBox(
      (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
      (d) => Buffer.from([...d].map((b) => b ^ 0x5a)).toString(),
    ),
  );
  const d = await boxed.add({ name: 'NAS', url: 'https://nas.example/dav/', user: 'u', password: 'pw-xyz' });
  expect(readFileSync(path.join(dataDir, SECRETS_FILE), 'utf8')).not.toContain('pw-xyz');
  expect(await boxed.password(d.id)).toBe('pw-xyz');
});

it.skipIf(reason !== null)(
  'a publish while the server is away waits, survives a restart, and is sent when the server is back',
  { timeout: 120_000 },
  async () => {
    const server = await startRclone();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-outbox-'));
    const store = new ChannelStore(dataDir, ownerOnlyFileBox);
    const config = await store.add({ name: '通道', url: `${server.url}channel/`, user: server.user, password: server.password });
    const channelFor = async (id: string) => {
      const c = await store.get(id);
      return new Channel({ url: c.url, user: c.user ?? undefined, password: await store.password(id), retries: 0, backoffMs: 5 });
    };
    let clock = new Date('2026-03-01T08:00:00Z');
    const now = () => clock;
    await server.close();

    const first = new Outbox(dataDir, channelFor, now);
    const waiting = await first.enqueue(config.id, 'publish', packet, '第一次集中学习资料包');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, error: { code: 'E_CHANNEL_OFFLINE' } });
    expect(readdirSync(path.join(dataDir, OUTBOX_DIR))).toContain(`${waiting.id}.yandu`);

    // The app restarts: a new outbox over the same folder still holds the item; not due yet.
    const again = new Outbox(dataDir, channelFor, now);
    expect((await again.run()).map((i) => [i.id, i.state, i.attempts])).toEqual([[waiting.id, 'pending', 1]]);

    const back = await startRclone(server.user, server.password, { port: server.port, root: path.join(dataDir, 'server-root') });
    try {
      clock = new Date(clock.getTime() + 31_000);
      const [sent] = await again.run();
      expect(sent).toMatchObject({ id: waiting.id, state: 'done', attempts: 2, error: null });
      expect(readdirSync(path.join(dataDir, OUTBOX_DIR))).not.toContain(`${waiting.id}.yandu`);
      const listed = await (await channelFor(config.id)).packets();
      expect(listed).toHaveLength(1);
      const onServer = readFileSync(path.join(back.root, 'channel', 'packets', listed[0]!.name));
      expect(sha(onServer)).toBe(sha(packet));

      // Wrong credentials: an error at once, nothing kept.
      await store.setPassword(config.id, 'wrong');
      await expect(again.enqueue(config.id, 'publish', packet, '再发一次')).rejects.toMatchObject({ code: 'E_CHANNEL_AUTH' });
      expect((await again.items()).map((i) => i.state)).toEqual(['done']);
    } finally {
      await back.close();
    }
  },
);

it('the channels service hands the renderer channels and the outbox, never a password', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-channel-service-'));
  const service = createChannelService({ dataDir, box: ownerOnlyFileBox });
  const added = await service.add({ name: '集团党委', url: 'http://127.0.0.1:9/dav/', user: '李四', password: '口令-789' });
  expect(v.parse(channelMethods.add.output, added)).toMatchObject({ name: '集团党委', hasPassword: true });
  const listed = v.parse(channelMethods.list.output, await service.list({}));
  expect(listed.channels.map((c) => c.id)).toEqual([added.id]);
  expect(JSON.stringify(listed)).not.toContain('口令');
  // Port 9 (discard) is closed: the send waits in the outbox with its reason.
  const item = await service.send({ id: added.id, kind: 'publish', base64: bytesToBase64(packet), label: '资料包' });
  expect(v.parse(channelMethods.send.output, item)).toMatchObject({ state: 'pending', error: { code: 'E_CHANNEL_OFFLINE' } });
  await expect(service.send({ id: added.id, kind: 'publish', base64: '!!', label: 'x' })).rejects.toMatchObject({
    code: 'E_INVALID_ARGUMENT',
  });
});

it.skipIf(reason !== null)(
  'the app-wide retry timer sends an item queued while the server was down, with no page asking; refused credentials are not retried',
  { timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-outbox-timer-'));
    const serverRoot = path.join(dataDir, 'server-root');
    // rclone on a port of its own, stopped: the server is down.
    const probe = await startRclone();
    const port = probe.port;
    await probe.close();
    // A reverse proxy in front of it (as nginx would be) counts the server's requests; 502 while rclone is away.
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(req.method ?? '');
      const up = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/channel/`;
    const service = createChannelService({
      dataDir,
      box: ownerOnlyFileBox,
      retrySchedule: [40, 80, 120],
      dav: { retries: 0, backoffMs: 5 },
    });
    let server: Awaited<ReturnType<typeof startRclone>> | null = null;
    try {
      const channel = await service.add({ name: '通道', url: proxyUrl, user: 'member', password: 'pass-2026' });
      // A second channel on a closed port keeps an item waiting, so the timer keeps running.
      const closed = await service.add({ name: '关闭的', url: 'http://127.0.0.1:9/dav/', user: null, password: null });
      const base64 = bytesToBase64(packet);
      const item = await service.send({ id: channel.id, kind: 'publish', base64, label: '资料包' });
      expect(item).toMatchObject({ state: 'pending', error: { code: 'E_CHANNEL_SERVER' } });
      const keeper = await service.send({ id: closed.id, kind: 'publish', base64, label: '一直等待' });
      expect(keeper.state).toBe('pending');
      const state = async (id: string) => (await service.list({})).outbox.find((i) => i.id === id)!;

      service.startRetries();
      // Retried while the server is down, each time one request that the proxy answers 502.
      await expect.poll(async () => (await state(item.id)).attempts, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect((await state(item.id)).state).toBe('pending');

      server = await startRclone('member', 'pass-2026', { port, root: serverRoot });
      // Sent by the timer alone: nothing here calls run or retry.
      await expect.poll(async () => (await state(item.id)).state, { timeout: 30_000 }).toBe('done');
      const onServer = readdirSync(path.join(serverRoot, 'channel', 'packets')).filter((n) => n.endsWith('.yandu'));
      expect(onServer).toHaveLength(1);
      expect(sha(readFileSync(path.join(serverRoot, 'channel', 'packets', onServer[0]!)))).toBe(sha(packet));
      expect(seen.filter((m) => m === 'MOVE').length).toBeGreaterThanOrEqual(1);

      // Queued while the server is down again; it comes back, but the password is wrong now.
      await server.close();
      server = null;
      const denied = await service.send({ id: channel.id, kind: 'publish', base64, label: '再发一次' });
      expect(denied.state).toBe('pending');
      await service.setPassword({ id: channel.id, password: 'wrong' });
      server = await startRclone('member', 'pass-2026', { port, root: serverRoot });
      await expect.poll(async () => (await state(denied.id)).state, { timeout: 30_000 }).toBe('failed');
      expect((await state(denied.id)).error?.code).toBe('E_CHANNEL_AUTH');
      // Never retried: while the timer runs three more times (the other item keeps it going), not one request more.
      const requests = seen.length;
      const attempts = (await state(denied.id)).attempts;
      const runs = service.retryRuns();
      await expect.poll(() => service.retryRuns(), { timeout: 30_000 }).toBeGreaterThanOrEqual(runs + 3);
      expect(seen.length).toBe(requests);
      expect((await state(denied.id)).attempts).toBe(attempts);
      expect((await state(keeper.id)).attempts).toBeGreaterThan(3);
    } finally {
      service.stopRetries();
      await server?.close();
      await new Promise<void>((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve())));
    }
  },
);
