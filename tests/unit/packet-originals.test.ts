/**
 * A packet carries the originals (查看原件) of its document articles: an imported PDF goes out in
 * the leader's packet, is checked by hash and signature on a member's second profile, stored in
 * the member's documents/ and served there with the same hash. One over the per-part limit is
 * left out with a note in the export result and the import preview, never a failed export.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host/server';
import { createBackupService } from '../../main/services/backup/service';
import { importUploads } from '../../main/services/files/uploads';
import { createPacketService } from '../../main/services/packets/service';
import { chooseOriginals } from '../../main/services/packets/writer';
import { nodeSha256, readPacketBytes } from '../../main/services/packets/reader';
import { checkBase64, commit, gatherPacket } from '../../renderer/core/packets';
import { toArticleRow } from '../../renderer/db/repositories';
import { YanduDB } from '../../renderer/db/schema';
import { messages } from '../../renderer/i18n/messages';
import { buildApi, dispatch, type Services } from '../../shared/contract';
import { sessionRow } from '../../shared/domain/session';
import { decodeContainer, encodeContainer } from '../../shared/packet/container';
import { encodePacket, wholeHash } from '../../shared/packet/packet';
import { AppError } from '../../shared/errors';
import { MAX_PART_BYTES } from '../../shared/packet/limits';
import { SIGNATURE_ENTRY, verifySignature } from '../../shared/packet/signature';
import { stubServices } from './helpers/services';

let leaderDir = '';
let memberDir = '';
let host: RunningHost | null = null;

const apiFor = (dataDir: string) => {
  const services = {
    packets: createPacketService({ dataDir }),
    backup: createBackupService({ dataDir, appVersion: 'test' }),
  } as unknown as Services;
  return buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
};

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fixture = (name: string) => readFile(new URL(`../fixtures/documents/${name}`, import.meta.url));

function get(port: number, urlPath: string, cookie: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent: false, path: urlPath, headers: { Cookie: cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  leaderDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-orig-leader-'));
  memberDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-orig-member-'));
});
afterAll(async () => {
  await host?.close();
  await rm(leaderDir, { recursive: true, force: true });
  await rm(memberDir, { recursive: true, force: true });
});

it(
  'carries an imported PDF’s original, signed and hash-checked; the member’s copy serves it; one too large is left out with a note',
  { timeout: 120_000 },
  async () => {
    // The leader imports a PDF through the real import path: its original lands in documents/.
    const pdfBytes = await fixture('report.pdf');
    const imported = await importUploads([{ name: '学习材料.pdf', dataBase64: pdfBytes.toString('base64') }], leaderDir);
    expect(imported.failures).toEqual([]);
    const pdf = imported.articles[0]!;
    const file = pdf.document!.file!;
    expect(file).toBe(`documents/${sha(pdfBytes)}.pdf`);
    // A second document whose original is over the per-part limit (a scan-sized PDF).
    const big = Buffer.alloc(MAX_PART_BYTES + 1024, 0x20);
    big.write('%PDF-1.4\n', 0, 'latin1');
    const bigFile = `documents/${sha(big)}.pdf`;
    await writeFile(path.join(leaderDir, bigFile), big);
    const bigPayload = {
      ...pdf,
      id: 'a_bigscan',
      urlKey: 'file://汇编扫描件.pdf',
      title: '学习材料汇编（扫描件）',
      html: '<p>汇编</p>',
      text: '汇编',
      contentHash: 'c'.repeat(64),
      document: { ...pdf.document!, name: '汇编扫描件.pdf', file: bigFile },
    };

    const leader = new YanduDB('pk-orig-leader');
    await leader.open();
    const now = '2025-03-01T08:00:00.000Z';
    for (const p of [pdf, bigPayload]) {
      await leader.articles.add(toArticleRow(p, now));
      await leader.bodies.add({ articleId: p.id, html: p.html, text: p.text });
    }
    const session = sessionRow(
      {
        id: 's_orig',
        topic: '理论学习',
        date: '2025-03-01',
        place: '',
        host: '',
        speakers: [],
        readings: [pdf.id, 'a_bigscan'],
        questions: [],
        status: 'planned',
      },
      now,
    );
    const meta = { id: 'p_s_orig', version: 1, issuer: '党委办公室', issuedAt: now, title: '理论学习学习资料' };
    const { draft } = await gatherPacket(leader, session, meta);

    // Export: the PDF's original goes, the big one is named with why.
    const built = await apiFor(leaderDir).packets.build({ draft });
    expect(built.originals?.carried).toBe(1);
    expect(built.originals?.leftOut).toEqual([
      { file: bigFile, name: '汇编扫描件.pdf', title: '学习材料汇编（扫描件）', bytes: big.length, why: 'part' },
    ]);
    const note = messages.documents.originalLeftOut('汇编扫描件.pdf', (big.length / 1024 / 1024).toFixed(1), 'part');
    expect(note).toContain('超过资料包单个部件的上限');
    const bytes = new Uint8Array(Buffer.from(built.base64, 'base64'));
    const decoded = readPacketBytes(bytes);
    if (decoded.kind !== 'packet') throw new Error('kind');
    expect(decoded.originals.map((o) => o.file)).toEqual([file]);
    expect(decoded.signature.state).toBe('valid');

    // The signature covers the original: the same manifest with one byte of the original changed does not verify.
    const parts = decodeContainer(bytes, nodeSha256);
    const [manifest, ...rest] = parts;
    const entry = rest.find((p) => p.name === SIGNATURE_ENTRY);
    const signed = rest.filter((p) => p.name !== SIGNATURE_ENTRY);
    expect(verifySignature(entry, manifest!.bytes, signed, nodeSha256).state).toBe('valid');
    const tampered = signed.map((p) =>
      p.name === file ? { ...p, bytes: Uint8Array.from(p.bytes, (b, i) => (i === 100 ? b ^ 1 : b)) } : p,
    );
    expect(verifySignature(entry, manifest!.bytes, tampered, nodeSha256).state).toBe('invalid');

    // The member's second profile: the preview says what comes and what does not; install stores it.
    const memberApi = apiFor(memberDir);
    const member = new YanduDB('pk-orig-member');
    await member.open();
    const checked = await checkBase64(member, memberApi, built.base64);
    if (checked.kind !== 'packet') throw new Error('kind');
    expect(checked.file.originals).toEqual([{ file, size: pdfBytes.length }]);
    expect(checked.preview.originals).toEqual({ carried: 1, missing: ['汇编扫描件.pdf'] });
    expect(checked.preview.changes).toContain(messages.documents.originalMissing('汇编扫描件.pdf'));

    // Another member already holds the big original in documents/ (the same hash, say from the
    // same file imported earlier): the preview does not call it missing. An empty file under
    // that name is no original.
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-orig-other-'));
    try {
      await mkdir(path.join(otherDir, 'documents'));
      await writeFile(path.join(otherDir, bigFile), '');
      const other = new YanduDB('pk-orig-other');
      await other.open();
      const emptyHeld = await checkBase64(other, apiFor(otherDir), built.base64);
      if (emptyHeld.kind !== 'packet') throw new Error('kind');
      expect(emptyHeld.preview.originals).toEqual({ carried: 1, missing: ['汇编扫描件.pdf'] });
      await writeFile(path.join(otherDir, bigFile), big);
      const held = await checkBase64(other, apiFor(otherDir), built.base64);
      if (held.kind !== 'packet') throw new Error('kind');
      expect(held.file.originalsHeld).toEqual([bigFile]);
      expect(held.preview.originals).toEqual({ carried: 1, missing: [] });
      expect(held.preview.changes.some((c) => c.includes('汇编扫描件.pdf'))).toBe(false);
      other.close();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }

    await commit(member, memberApi, checked);
    expect((await member.articles.get(pdf.id))?.document?.file).toBe(file);
    const stored = await readFile(path.join(memberDir, file));
    expect(sha(stored)).toBe(sha(pdfBytes));

    // 查看原件 on the member's copy: the browser host serves it by hash, byte for byte.
    const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-orig-renderer-'));
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startHost({ services: stubServices(), rendererDir, dataDir: memberDir });
    const cookie = `yandu_token_${host.port}=${host.secret}`;
    const served = await get(host.port, `/${file}`, cookie);
    expect(served.status).toBe(200);
    expect(sha(served.body)).toBe(sha(pdfBytes));
    expect((await get(host.port, `/${bigFile}`, cookie)).status).toBe(404);
    leader.close();
    member.close();
  },
);

it('leaves out originals past the file budget, missing or damaged ones, and keeps article order', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-orig-budget-'));
  try {
    await mkdir(path.join(dir, 'documents'));
    const pdfOf = (n: number, size: number) => {
      const b = Buffer.alloc(size, 0x20 + n);
      b.write('%PDF-1.7\n', 0, 'latin1');
      return b;
    };
    const a = pdfOf(1, 4000);
    const b = pdfOf(2, 4000);
    const damaged = pdfOf(3, 100);
    const files = [a, b].map((x) => `documents/${sha(x)}.pdf`);
    for (const [i, x] of [a, b].entries()) await writeFile(path.join(dir, files[i]!), x);
    // Stored under another content's hash: a damaged original is not handed on.
    const damagedFile = `documents/${'d'.repeat(64)}.pdf`;
    await writeFile(path.join(dir, damagedFile), damaged);
    const article = (id: string, f: string) =>
      ({ id, title: id, document: { format: 'pdf', name: `${id}.pdf`, file: f } }) as unknown as Parameters<
        typeof chooseOriginals
      >[1][number];
    const got = await chooseOriginals(
      dir,
      [article('a1', files[0]!), article('a2', files[1]!), article('a3', damagedFile), article('a4', `documents/${'e'.repeat(64)}.pdf`)],
      1000,
      { part: 16_000, file: 1000 + 4000 + 512 + 64 * 1024 + 700 },
    );
    expect([...got.originals.keys()]).toEqual([files[0]]);
    expect(got.leftOut.map((o) => [o.name, o.why])).toEqual([
      ['a2.pdf', 'file'],
      ['a3.pdf', 'missing'],
      ['a4.pdf', 'missing'],
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('refuses an original that does not hash to its name, is not its format, or that no article names', () => {
  const pdf = Buffer.from('%PDF-1.4\nan original\n');
  const file = `documents/${sha(pdf)}.pdf`;
  const article = (f: string | null) => ({
    id: 'a_doc1',
    urlKey: 'file://a.pdf',
    url: null,
    title: '文档',
    publishedAt: null,
    origin: null,
    author: null,
    editor: null,
    column: null,
    sourceId: 'src',
    sourceName: '来源',
    html: '<p>正文</p>',
    text: '正文',
    contentHash: 'f'.repeat(64),
    document: { format: 'pdf' as const, name: 'a.pdf', file: f, pageCount: 1, pages: null, docNumber: null, scanned: false },
  });
  const session = {
    id: 's_1',
    topic: '学习',
    date: '2025-03-01',
    place: '',
    host: '',
    speakers: [],
    readings: ['a_doc1'],
    questions: [],
    status: 'planned' as const,
  };
  const meta = { id: 'p_xx1', version: 1, issuer: '某', issuedAt: '2025-03-01T08:00:00.000Z', title: '资料' };
  const codeOf = (f: string | null, originals: Map<string, Uint8Array>) => {
    try {
      const file = readPacketBytes(
        encodePacket({ meta, session, articles: [article(f)], highlights: [] }, new Map(), nodeSha256, null, originals),
      );
      return file.kind === 'packet' ? `OK ${file.originals.length}` : 'return';
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  };
  expect(codeOf(file, new Map([[file, pdf]]))).toBe('OK 1');
  // Left out: the article still names it, the packet is fine without it.
  expect(codeOf(file, new Map())).toBe('OK 0');
  const html = Buffer.from('<html>not a pdf</html>');
  const htmlFile = `documents/${sha(html)}.pdf`;
  expect(codeOf(htmlFile, new Map([[htmlFile, html]]))).toBe('E_PACKET_CONTENT');
  const wrong = `documents/${'0'.repeat(64)}.pdf`;
  expect(codeOf(wrong, new Map([[wrong, pdf]]))).toBe('E_PACKET_HASH');
  // The writer puts in only originals an article names ...
  expect(codeOf(null, new Map([[file, pdf]]))).toBe('OK 0');
  // ... and the reader refuses a part no article names (a hand-made file, manifest recomputed).
  const [head, ...parts] = decodeContainer(
    encodePacket({ meta, session, articles: [article(file)], highlights: [] }, new Map(), nodeSha256, null, new Map([[file, pdf]])),
    nodeSha256,
  );
  const edited = parts.map((p) =>
    p.name.startsWith('articles/') ? { ...p, bytes: new TextEncoder().encode(JSON.stringify(article(null))) } : p,
  );
  const entries = edited.map((p) => ({ name: p.name, size: p.bytes.length, sha256: nodeSha256(p.bytes) }));
  const manifest = {
    ...(JSON.parse(new TextDecoder().decode(head!.bytes)) as object),
    parts: entries,
    wholeSha256: wholeHash(entries, nodeSha256),
  };
  const stray = encodeContainer(new TextEncoder().encode(JSON.stringify(manifest)), edited, nodeSha256);
  expect(() => readPacketBytes(stray)).toThrow(/未被引用的原件/);
});
