/**
 * An intranet root certificate trusted for one channel (issue 21), against a real https WebDAV
 * server (rclone serve webdav --cert/--key) whose certificate is signed by a CA made in this test
 * with the openssl CLI: without the CA the request is refused with a clear Chinese error and
 * nothing is queued; with the CA publish and list work; with another CA it is refused again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaCert } from '../../main/services/channel/ca-cert';
import { Channel } from '../../main/services/channel/channel';
import { createChannelService } from '../../main/services/channel/service';
import { ChannelStore, ownerOnlyFileBox } from '../../main/services/channel/store';
import { buildSamplePacket } from '../../main/services/packets/sample';
import { bytesToBase64 } from '../../shared/packet/base64';
import { davSkipReason, makeTestCerts, opensslSkipReason, startRclone, type DavServer } from './helpers/dav-servers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reason = davSkipReason('rclone') ?? opensslSkipReason();
if (reason) console.log(`channel CA tests skipped: ${reason}`);

describe.skipIf(reason !== null)('a channel over https with a unit root certificate', () => {
  let dir = '';
  let server: DavServer;
  let caPem = '';
  let otherPem = '';
  let caKey = '';
  let caFile = '';
  let packet: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-channel-ca-'));
    const certs = makeTestCerts(dir);
    caFile = certs.caFile;
    caPem = readFileSync(certs.caFile, 'utf8');
    otherPem = readFileSync(certs.otherCaFile, 'utf8');
    caKey = readFileSync(certs.caKeyFile, 'utf8');
    server = await startRclone('member', 'pass-2026', undefined, { cert: certs.cert, key: certs.key });
    packet = await buildSamplePacket(path.join(root, 'resources'), mkdtempSync(path.join(os.tmpdir(), 'yandu-ca-packet-')));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // A long backoff: were a certificate refusal retried, the test would run out of time.
  const channel = (caCert: string | null) =>
    new Channel({ url: server.url, user: server.user, password: server.password, caCert, retries: 3, backoffMs: 60_000 });

  it('refuses the server without the root certificate, with the Chinese reason, and does not retry', async () => {
    expect(server.url.startsWith('https://')).toBe(true);
    const error = await channel(null)
      .packets()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: 'E_CHANNEL_CERT' });
    expect((error as Error).message).toContain('证书不受信任');
    expect((error as Error).message).toContain('可在通道设置中添加单位的根证书');
  });

  it('publishes and lists with the root certificate, and refuses another CA', async () => {
    const trusted = channel(caPem);
    const sent = await trusted.publish(packet);
    expect(sent.already).toBe(false);
    expect((await trusted.packets()).map((p) => p.name)).toEqual([sent.name]);
    expect(Buffer.from((await trusted.fetch(sent.name)).bytes).equals(Buffer.from(packet))).toBe(true);
    await expect(channel(otherPem).packets()).rejects.toMatchObject({ code: 'E_CHANNEL_CERT' });
  });

  it('keeps the certificate with the channel: the outbox sends with it, and without it nothing is queued', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-ca-data-'));
    const service = createChannelService({ dataDir, box: ownerOnlyFileBox });
    const bare = await service.add({ name: '无根证书', url: server.url, user: server.user, password: server.password });
    expect(bare.ca).toBeNull();
    await expect(service.send({ id: bare.id, kind: 'publish', base64: bytesToBase64(packet), label: 'x' })).rejects.toMatchObject({
      code: 'E_CHANNEL_CERT',
    });
    expect((await service.list({})).outbox).toEqual([]);

    const withCa = await service.setCaCert({ id: bare.id, caCert: caPem });
    expect(withCa.ca?.subject).toContain('Unit Root CA');
    expect(withCa.ca?.fingerprint256).toBe(parseCaCert(caPem).info.fingerprint256);
    expect(readFileSync(path.join(dataDir, 'channels.json'), 'utf8')).toContain('BEGIN CERTIFICATE');
    const item = await service.send({ id: bare.id, kind: 'publish', base64: bytesToBase64(packet), label: 'x' });
    expect(item.state).toBe('done');
    expect((await service.packets({ id: bare.id })).packets).toHaveLength(1);
  });

  it('channel list --ca: trusted with the root, exit 1 with the reason without it', () => {
    const run = (extra: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'channel', 'list', '--url', server.url, ...extra], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, YANDU_DAV_USER: server.user, YANDU_DAV_PASSWORD: server.password },
        timeout: 120_000,
      });
    const bare = run([]);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('E_CHANNEL_CERT');
    const trusted = run(['--ca', caFile]);
    expect(trusted.stderr).toBe('');
    expect(trusted.status).toBe(0);
    expect(trusted.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('refuses what is not a certificate with a Chinese error and adds nothing', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-ca-bad-'));
    const store = new ChannelStore(dataDir, ownerOnlyFileBox);
    for (const bad of [caKey, '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n', 'x'.repeat(70 * 1024)]) {
      const error = await store.add({ name: 'x', url: server.url, user: null, password: null, caCert: bad }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'E_INVALID_ARGUMENT' });
      expect((error as Error).message).toContain('根证书无效');
    }
    expect(await store.list()).toEqual([]);
    expect(parseCaCert(caPem).info.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
