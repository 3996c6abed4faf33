/**
 * The channel's index (packets/index.json) against real WebDAV servers (Apache mod_dav, rclone):
 * written after each publish, used by readers only to describe packets before download (marked
 * not verified), checked against the listing (a listed packet missing from it still shows, an
 * entry with no file or another size is ignored), refused when hostile (too large, an XML entity
 * bomb, bad JSON, the wrong shape) without failing the listing, and healed by a later publish
 * after two leaders published at once.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channel, type DescribedPacket } from '../../main/services/channel/channel';
import { INDEX_FILE, MAX_INDEX_BYTES, parseIndex } from '../../main/services/channel/index-file';
import { buildPacketBytes } from '../../main/services/packets/writer';
import { loadSampleLibrary } from '../../main/services/sample-library';
import type { PacketDraft } from '../../shared/packet/schema';
import { davSkipReason, startApache, startRclone, type DavServer } from './helpers/dav-servers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let keyDir = '';
async function packet(id: string, title: string): Promise<Uint8Array> {
  const [base] = await loadSampleLibrary(path.join(root, 'resources', 'sample-library'));
  const iso = '2026-03-01T08:00:00.000Z';
  const draft: PacketDraft = {
    meta: { id, version: 1, issuer: '某某集团党委办公室', issuedAt: iso, title },
    session: {
      id: `s_${id}`,
      topic: title,
      date: iso.slice(0, 10),
      place: '第一会议室',
      host: '党委书记',
      speakers: [],
      readings: [base!.id],
      questions: [],
      status: 'planned',
    },
    articles: [base!],
    highlights: [],
  };
  return buildPacketBytes(draft, keyDir);
}

const packets: Record<string, Uint8Array> = {};
beforeAll(async () => {
  keyDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-channel-index-'));
  for (const [id, title] of [
    ['p_idx_a', '第一次集中学习'],
    ['p_idx_b', '第二次集中学习'],
    ['p_idx_c', '第三次集中学习'],
    ['p_idx_d', '第四次集中学习'],
    ['p_idx_e', '第五次集中学习'],
  ])
    packets[id!] = await packet(id!, title!);
}, 120_000);

const described = (list: Array<DescribedPacket | { name: string; error: string }>) =>
  Object.fromEntries(
    list.map((p) => ['sha256' in p ? [p.name, { verified: p.verified, title: p.title }] : [p.name, { error: p.error }]][0]!),
  );

for (const kind of ['apache-basic', 'rclone'] as const) {
  const reason = davSkipReason(kind);
  if (reason) console.log(`channel index tests on ${kind} skipped: ${reason}`);
  describe.skipIf(reason !== null)(`channel index on ${kind}`, () => {
    let server: DavServer;
    beforeAll(async () => {
      server = kind === 'rclone' ? await startRclone() : await startApache('basic');
    }, 60_000);
    afterAll(() => server?.close());
    const channelAt = (folder: string) => new Channel({ url: `${server.url}${folder}/`, user: server.user, password: server.password });
    const indexOnDisk = (folder: string) => parseIndex(readFileSync(path.join(server.root, folder, 'packets', INDEX_FILE)));
    // Written through the server as another client would (rclone caches what it lists).
    const writeIndex = (folder: string, body: string | Buffer) =>
      channelAt(folder).dav.replace(
        `packets/${INDEX_FILE}`,
        typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body),
      );

    it('a publish writes the index; readers describe from it (not verified), the file itself verifies', { timeout: 60_000 }, async () => {
      const channel = channelAt('idx');
      const a = await channel.publish(packets.p_idx_a!);
      const b = await channel.publish(packets.p_idx_b!);
      const index = indexOnDisk('idx');
      expect(index.refused).toBeUndefined();
      expect([...index.entries.keys()].sort()).toEqual([a.name, b.name]);
      expect(index.entries.get(a.name)).toMatchObject({
        title: '第一次集中学习',
        signer: a.signer,
        size: a.size,
        sha256: sha(packets.p_idx_a!),
      });

      const list = await channel.describePackets();
      expect(list).toEqual(
        [
          { ...a, already: undefined, kind: 'packet', notice: true, verified: false },
          { ...b, already: undefined, kind: 'packet', notice: true, verified: false },
        ].map(({ already: _x, ...p }) => p),
      );
      // --verify (and any fetch) reads the files themselves.
      expect((await channel.describePackets(undefined, true)).map((p) => 'verified' in p && p.verified)).toEqual([true, true]);

      // A packet the index misses (put there by hand) still shows, read from its file; an entry with
      // no file is ignored; an entry at another size than the listing's is not used.
      const c = packets.p_idx_c!;
      await channel.dav.putNew('packets/p_idx_c-v1.yandu', c);
      const raw = JSON.parse(readFileSync(path.join(server.root, 'idx', 'packets', INDEX_FILE), 'utf8')) as {
        packets: Array<Record<string, unknown>>;
      };
      raw.packets.push({ ...raw.packets[0], name: 'p_idx_gone-v1.yandu', id: 'p_idx_gone' });
      raw.packets[1] = { ...raw.packets[1], size: 12, title: '被篡改的标题' };
      await writeIndex('idx', JSON.stringify(raw));
      expect(described(await channel.describePackets())).toEqual({
        [a.name]: { verified: false, title: '第一次集中学习' },
        [b.name]: { verified: true, title: '第二次集中学习' },
        'p_idx_c-v1.yandu': { verified: true, title: '第三次集中学习' },
      });

      // The next publish rebuilds the index from the listing: the gone entry dropped, the others right.
      const d = await channel.publish(packets.p_idx_d!);
      expect([...indexOnDisk('idx').entries.values()].map((e) => [e.name, e.size]).sort()).toEqual(
        [
          [a.name, a.size],
          [b.name, b.size],
          ['p_idx_c-v1.yandu', c.length],
          [d.name, d.size],
        ].sort(),
      );
      expect((await channel.describePackets()).every((p) => 'verified' in p && !p.verified)).toBe(true);
    });

    it('a hostile or broken index is refused and the listing still works', { timeout: 60_000 }, async () => {
      const channel = channelAt('hostile');
      const a = await channel.publish(packets.p_idx_a!);
      const bomb =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
      const huge = Buffer.alloc(MAX_INDEX_BYTES + 4096, 0x20);
      huge.write('{"format":"yandu-channel-index","version":1,"packets":[');
      for (const body of [bomb, huge, '{"format":"yandu-channel-index",', '{"format":"other","version":1,"packets":[]}', '\u0000\u00ff']) {
        await writeIndex('hostile', body);
        const index = await channel.readIndex();
        expect(index.entries.size).toBe(0);
        expect(index.refused).toBeTruthy();
        expect(described(await channel.describePackets())).toEqual({ [a.name]: { verified: true, title: '第一次集中学习' } });
      }
      // Entries of the wrong shape are dropped one by one; a name that disagrees with its id is one.
      const good = {
        name: a.name,
        id: 'p_idx_a',
        version: 1,
        title: '第一次集中学习',
        issuer: 'x',
        signer: a.signer,
        size: a.size,
        sha256: a.sha256,
        issuedAt: '2026-03-01T08:00:00.000Z',
      };
      await writeIndex(
        'hostile',
        JSON.stringify({
          format: 'yandu-channel-index',
          version: 1,
          packets: [good, { ...good, name: 'p_other-v1.yandu' }, { ...good, title: 'x'.repeat(600) }, 'oops', null],
        }),
      );
      expect([...(await channel.readIndex()).entries.keys()]).toEqual([a.name]);
      // A broken index is replaced whole at the next publish.
      await writeIndex('hostile', bomb);
      await channel.publish(packets.p_idx_b!);
      expect([...indexOnDisk('hostile').entries.keys()].sort()).toEqual([a.name, 'p_idx_b-v1.yandu']);
    });

    it(
      'two leaders publishing at once: both packets show; the next publish leaves every packet in the index',
      { timeout: 60_000 },
      async () => {
        const one = channelAt('two');
        const other = channelAt('two');
        const [a, b] = await Promise.all([one.publish(packets.p_idx_a!), other.publish(packets.p_idx_b!)]);
        // Whatever the index holds, the listing is the truth: both show with their titles.
        expect(described(await one.describePackets())).toMatchObject({
          [a.name]: { title: '第一次集中学习' },
          [b.name]: { title: '第二次集中学习' },
        });
        for (const e of indexOnDisk('two').entries.values()) expect([a.sha256, b.sha256]).toContain(e.sha256);
        const e = await one.publish(packets.p_idx_e!);
        expect([...indexOnDisk('two').entries.keys()].sort()).toEqual([a.name, b.name, e.name].sort());
      },
    );
  });
}
