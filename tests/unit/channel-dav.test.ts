/**
 * The organisation channel against real WebDAV servers on 127.0.0.1 (Apache httpd with mod_dav,
 * Basic and Digest, and rclone): publish → list → fetch byte for byte, the same packet twice,
 * a different packet under a taken name (never overwritten), two writers at once, returns from
 * two members at once, wrong credentials (an error, exit 1 in the CLI, never retried).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReturnBytes } from '../../main/services/packets/writer';
import { buildSamplePacket } from '../../main/services/packets/sample';
import { Channel, checkRecord } from '../../main/services/channel/channel';
import { Outbox } from '../../main/services/channel/outbox';
import type { ReturnDraft } from '../../shared/packet/schema';
import { davSkipReason, startApache, startRclone, type DavServer } from './helpers/dav-servers';

/** A folder's files on the server's disk, without Apache's own lock state (.DAV, never served over WebDAV). */
const files = (dir: string) => readdirSync(dir).filter((n) => n !== '.DAV');

const root = fileURLToPath(new URL('../..', import.meta.url));
const resources = path.join(root, 'resources');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function returnDraft(member: string, id: string): ReturnDraft {
  const now = '2026-03-01T08:00:00.000Z';
  return {
    meta: { id, version: 1, issuer: member, issuedAt: now, title: `${member}的学习回执` },
    body: {
      sessionId: 'sess_2026_03',
      sessionTopic: '专题学习',
      packetId: null,
      packetVersion: null,
      member: { name: member, title: '' },
      notes: [
        {
          id: `n_${id}`,
          kind: 'reflection',
          title: '心得',
          text: `${member}：学习体会一则。`,
          zi: 9,
          articleId: null,
          quote: null,
          createdAt: now,
          updatedAt: now,
        },
      ],
      highlights: [],
    },
  };
}

function cli(args: string[], server: DavServer, password = server.password) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, YANDU_DAV_USER: server.user, YANDU_DAV_PASSWORD: password },
    timeout: 120_000,
  });
}

const kinds: Array<DavServer['kind']> = ['apache-basic', 'apache-digest', 'rclone'];

let packetA: Uint8Array;
let packetB: Uint8Array;
/** packetA's content exported again a day later: only the manifest's time (and signature) differ. */
let packetA2: Uint8Array;
/** The data folder the sample packets (and return files) are signed from. */
let tmp = '';
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'yandu-channel-packets-'));
  packetA = await buildSamplePacket(resources, tmp, new Date('2026-03-01T08:00:00Z'));
  // Same packet id and version, different bytes (another issue time): a competing upload.
  packetB = await buildSamplePacket(resources, tmp, new Date('2026-03-02T08:00:00Z'));
  packetA2 = await buildSamplePacket(resources, tmp, new Date('2026-03-01T08:00:00Z'), undefined, new Date('2026-03-02T09:00:00Z'));
}, 120_000);

for (const kind of kinds) {
  const reason = davSkipReason(kind);
  if (reason) console.log(`channel tests on ${kind} skipped: ${reason}`);
  describe.skipIf(reason !== null)(`channel on ${kind}`, () => {
    let server: DavServer;
    let channel: Channel;
    beforeAll(async () => {
      server = kind === 'rclone' ? await startRclone() : await startApache(kind === 'apache-basic' ? 'basic' : 'digest');
      channel = new Channel({ url: `${server.url}研读通道/`, user: server.user, password: server.password });
    }, 60_000);
    afterAll(() => server?.close());

    it(
      'publishes a packet that lists and fetches back byte for byte; the same file again changes nothing',
      { timeout: 60_000 },
      async () => {
        const published = await channel.publish(packetA);
        expect(published.already).toBe(false);
        expect(published.name).toMatch(/-v1\.yandu$/);
        const list = await channel.describePackets();
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({ name: published.name, version: 1, size: packetA.length, sha256: sha(packetA) });
        const fetched = await channel.fetch(published.name);
        expect(sha(fetched.bytes)).toBe(sha(packetA));
        // On disk the server holds the same bytes, under the plain folder layout, no temp files.
        const onDisk = readFileSync(path.join(server.root, '研读通道', 'packets', published.name));
        expect(sha(onDisk)).toBe(sha(packetA));
        const noticeName = published.name.replace(/\.yandu$/, '.notice.txt');
        // Beside them the index, only a cache of what the packets' manifests say.
        expect(files(path.join(server.root, '研读通道', 'packets')).sort()).toEqual(['index.json', noticeName, published.name].sort());
        expect((await channel.publish(packetA)).already).toBe(true);
        // The notice beside it: UTF-8 with a BOM (Notepad), what a person needs to check the file by hand.
        const notice = readFileSync(path.join(server.root, '研读通道', 'packets', noticeName));
        expect([...notice.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = notice.subarray(3).toString('utf8');
        for (const line of [
          `标题：${published.title}`,
          `发放单位：${published.issuer}`,
          '版本：第 1 版',
          '发放时间：2026-03-01 16:00（北京时间）',
          `签名密钥指纹：${published.signer}`,
          `资料包文件 SHA-256：${sha(packetA)}`,
        ])
          expect(text).toContain(`${line}\r\n`);
        // Listed as a packet's notice, never as a packet.
        expect(await channel.packets()).toMatchObject([{ name: published.name, notice: true }]);
        expect(await channel.describePackets()).toMatchObject([{ name: published.name, notice: true }]);
      },
    );

    it(
      'the same content exported again (another time, other bytes) is already there; other content is refused',
      { timeout: 60_000 },
      async () => {
        const again = await channel.publish(packetA2);
        expect(sha(packetA2)).not.toBe(sha(packetA));
        expect(again.already).toBe(true);
        const error = await channel.publish(packetB).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ code: 'E_CHANNEL_EXISTS' });
        expect((error as Error).message).toContain('同名不同内容');
        expect((error as Error).message).toContain('请发布勘误版');
        const fetched = await channel.fetch((await channel.packets())[0]!.name);
        expect(sha(fetched.bytes)).toBe(sha(packetA));
      },
    );

    it('two writers of one name at once: exactly one wins, the other is told, nothing is mixed', { timeout: 60_000 }, async () => {
      const fresh = new Channel({ url: `${server.url}并发/`, user: server.user, password: server.password });
      const other = new Channel({ url: `${server.url}并发/`, user: server.user, password: server.password });
      const results = await Promise.allSettled([fresh.publish(packetA), other.publish(packetB)]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'E_CHANNEL_EXISTS' });
      const stored = await fresh.fetch((await fresh.packets())[0]!.name);
      const winner = results[0]!.status === 'fulfilled' ? packetA : packetB;
      expect(sha(stored.bytes)).toBe(sha(winner));
    });

    it(
      'writers of one name are kept apart by a LOCK: six at once, one wins each time; a name another client holds is waited for',
      { timeout: 90_000 },
      async () => {
        const url = `${server.url}锁/`;
        const writer = () => new Channel({ url, user: server.user, password: server.password, backoffMs: 20 }).dav;
        await writer().ensureFolder('');
        for (let round = 0; round < 3; round++) {
          const name = `round-${round}.txt`;
          const bodies = Array.from({ length: 6 }, (_, i) => new TextEncoder().encode(`writer ${i} round ${round}\n`.repeat(50 + i)));
          const results = await Promise.allSettled(bodies.map((b) => writer().putNew(name, b)));
          const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
          expect(won).toHaveLength(1);
          // A loser is told the name exists, or, when a loaded machine kept it waiting for the
          // winner's lock past its budget, that the server is busy (423: the outbox retries it
          // later and then finds the name taken). Either way nothing of it was written.
          for (const r of results) {
            if (r.status !== 'rejected') continue;
            const reason = r.reason as { code?: string; status?: number };
            if (reason.code !== 'E_CHANNEL_EXISTS') expect(reason).toMatchObject({ code: 'E_CHANNEL_SERVER', status: 423 });
          }
          expect(sha((await writer().get(name))!.bytes)).toBe(sha(bodies[won[0]!]!));
        }
        // Another client holds the name: the write waits, then gives up as a busy server (the
        // outbox tries later) and leaves nothing; once released, it goes through.
        const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
        const target = `${url}${encodeURIComponent('held.txt')}`;
        const lockBody =
          '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>';
        const held =
          server.kind === 'apache-digest'
            ? null
            : await fetch(target, {
                method: 'LOCK',
                headers: { Authorization: auth, 'Content-Type': 'application/xml', Depth: '0', Timeout: 'Second-60' },
                body: lockBody,
              });
        if (held) {
          const token = held.headers.get('lock-token')!;
          expect(token).toBeTruthy();
          await expect(writer().putNew('held.txt', new TextEncoder().encode('mine'))).rejects.toMatchObject({ status: 423 });
          expect((await writer().list('')).map((e) => [e.name, e.size])).not.toContainEqual(['held.txt', 4]);
          await fetch(target, { method: 'UNLOCK', headers: { Authorization: auth, 'Lock-Token': token } });
          await writer().putNew('held.txt', new TextEncoder().encode('mine'));
          expect(new TextDecoder().decode((await writer().get('held.txt'))!.bytes)).toBe('mine');
        }
      },
    );

    it('returns from two members uploaded at once both arrive in the session folder', { timeout: 60_000 }, async () => {
      const a = await buildReturnBytes(returnDraft('张三', 'ret_zhangsan'), tmp);
      const b = await buildReturnBytes(returnDraft('李四', 'ret_lisi'), tmp);
      const [ra, rb] = await Promise.all([channel.submitReturn(a), channel.submitReturn(b)]);
      expect([ra.already, rb.already]).toEqual([false, false]);
      const names = (await channel.returns('sess_2026_03')).map((r) => r.name);
      expect(names).toEqual(['ret_lisi-v1.yandu', 'ret_zhangsan-v1.yandu']);
      const back = await channel.fetchReturn('sess_2026_03', 'ret_lisi-v1.yandu');
      expect(sha(back.bytes)).toBe(sha(b));
      // The leader's view of the folder: each file checked and described; a session with no folder yet is empty.
      const described = await channel.describeReturns('sess_2026_03');
      expect(described).toMatchObject([
        { name: 'ret_lisi-v1.yandu', kind: 'return', id: 'ret_lisi', version: 1, sha256: sha(b) },
        { name: 'ret_zhangsan-v1.yandu', kind: 'return', id: 'ret_zhangsan', version: 1, sha256: sha(a) },
      ]);
      expect(await channel.describeReturns('sess_none')).toEqual([]);
      await expect(channel.describeReturns('../packets')).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    });

    it.runIf(kind === 'apache-basic')(
      'a 学习记录 export goes to records/ through the outbox; the same bytes again are done, a later export takes the next name',
      { timeout: 60_000 },
      async () => {
        const { Document, Packer, Paragraph } = await import('docx');
        const docx = (text: string) =>
          Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] })).then((b) => new Uint8Array(b));
        const first = await docx('学习记录：第一次集中学习');
        const later = await docx('学习记录：补充后的版本');
        const outbox = new Outbox(mkdtempSync(path.join(os.tmpdir(), 'yandu-records-')), async () => channel);
        const name = 'sess_2026_03-2026-03-01.docx';
        const a = await outbox.enqueue('ch_records01', 'record', first, '学习记录', name);
        const b = await outbox.enqueue('ch_records01', 'record', first, '学习记录', name);
        const c = await outbox.enqueue('ch_records01', 'record', later, '学习记录', name);
        expect([a.state, b.state, c.state]).toEqual(['done', 'done', 'done']);
        const dir = path.join(server.root, '研读通道', 'records');
        expect(files(dir).sort()).toEqual(['sess_2026_03-2026-03-01-2.docx', name]);
        expect(sha(readFileSync(path.join(dir, name)))).toBe(sha(first));
        expect(sha(readFileSync(path.join(dir, 'sess_2026_03-2026-03-01-2.docx')))).toBe(sha(later));
        // Not a Word file, or a name outside the pattern: refused before anything is sent.
        await expect(channel.putRecord(new TextEncoder().encode('<html>学习记录</html>'), name)).rejects.toMatchObject({
          code: 'E_INVALID_ARGUMENT',
        });
        await expect(channel.putRecord(first, '../escape-2026-03-01.docx')).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
        expect(files(dir)).toHaveLength(2);

        // The PDF of the same record beside it; a cut-off PDF (no %%EOF), a Word file named .pdf
        // and a file over the cap are refused before anything is sent or queued.
        const pdf = new TextEncoder().encode(`%PDF-1.7\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(4)}trailer << >>\n%%EOF\n`);
        const pdfName = 'sess_2026_03-2026-03-01.pdf';
        expect((await outbox.enqueue('ch_records01', 'record', pdf, '学习记录 PDF', pdfName)).state).toBe('done');
        expect(sha(readFileSync(path.join(dir, pdfName)))).toBe(sha(pdf));
        for (const bad of [pdf.subarray(0, pdf.length - 8), first, new Uint8Array(50 * 1024 * 1024 + 1)])
          expect(() => checkRecord(bad, pdfName)).toThrow(expect.objectContaining({ code: 'E_INVALID_ARGUMENT' }));
        expect(() => checkRecord(pdf.subarray(0, pdf.length - 8), pdfName)).toThrow(/不完整/);
        expect(files(dir)).toHaveLength(3);
      },
    );

    // The CLI starts a Node process per call: once, on one server, is enough.
    it.runIf(kind === 'apache-basic')(
      'the CLI publishes, lists as JSON lines and fetches; wrong credentials exit 1',
      { timeout: 180_000 },
      async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-channel-cli-'));
        const file = path.join(dir, 'packet.yandu');
        writeFileSync(file, packetA);
        const url = `${server.url}cli/`;
        const pub = cli(['channel', 'publish', file, '--url', url], server);
        expect(pub.status, pub.stderr).toBe(0);
        const listed = cli(['channel', 'list', '--url', url], server);
        expect(listed.status, listed.stderr).toBe(0);
        const lines = listed.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(lines).toHaveLength(1);
        // The signer is the fingerprint of the key the sample was signed with.
        expect(lines[0]).toMatchObject({ version: 1, size: packetA.length, signer: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(typeof lines[0]!.issuer).toBe('string');
        const out = path.join(dir, 'fetched.yandu');
        const got = cli(['channel', 'fetch', String(lines[0]!.name), '--url', url, '--out', out], server);
        expect(got.status, got.stderr).toBe(0);
        expect(sha(readFileSync(out))).toBe(sha(packetA));
        const denied = cli(['channel', 'list', '--url', url], server, 'wrong-password');
        expect(denied.status).toBe(1);
        expect(denied.stderr).toMatch(/^E_CHANNEL_AUTH: .*用户名和密码/m);
        const deniedPublish = cli(['channel', 'publish', file, '--url', `${server.url}denied/`], server, 'wrong-password');
        expect(deniedPublish.status).toBe(1);
        expect(existsSync(path.join(server.root, 'denied'))).toBe(false);
      },
    );
  });
}
