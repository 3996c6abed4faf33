/**
 * Packet files: round trip, tamper detection, path names, and a fuzz run that mutates a packet
 * 1,000 ways. No mutation may crash the reader or be accepted with a wrong hash. The hostile
 * cases run on a packet of format v1 (tests/fixtures/v1): that reader stays for old files, so it
 * stays under attack here; the current container has its own (tests/unit/container.test.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { base64ToBytes, bytesToBase64 } from '../../shared/packet/base64';
import { decodeContainer, encodeContainer } from '../../shared/packet/container';
import { MAGIC } from '../../shared/packet/legacy';
import { decodeFile, wholeHash, type DecodedPacket } from '../../shared/packet/packet';
import type { Manifest } from '../../shared/packet/schema';
import { readPacketBytes } from '../../main/services/packets/reader';
import { buildSamplePacket } from '../../main/services/packets/sample';
import { createPacketService } from '../../main/services/packets/service';
import { buildReturnBytes } from '../../main/services/packets/writer';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let dir = '';
let packet: Uint8Array = new Uint8Array();
/** The same sample packet, written by the release with container format v1. */
let v1: Uint8Array = new Uint8Array();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-'));
  packet = await buildSamplePacket(resourcesDir, dir, new Date('2025-03-01T08:00:00Z'));
  v1 = new Uint8Array(await readFile(fileURLToPath(new URL('../fixtures/v1/sample-packet.yandu', import.meta.url))));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A container written without any of encodeContainer's checks (hostile names, sizes). */
function rawContainer(parts: { name: string; bytes: Uint8Array; size?: number }[], count = parts.length): Uint8Array {
  const names = parts.map((p) => new TextEncoder().encode(p.name));
  const dirLen = names.reduce((n, b) => n + 6 + b.length, 0);
  const body = parts.reduce((n, p) => n + p.bytes.length, 0);
  const out = new Uint8Array(16 + dirLen + body + 32);
  const view = new DataView(out.buffer);
  out.set(MAGIC);
  view.setUint16(8, 1);
  view.setUint32(12, count);
  let at = 16;
  parts.forEach((p, i) => {
    view.setUint16(at, names[i]!.length);
    out.set(names[i]!, at + 2);
    at += 2 + names[i]!.length;
    view.setUint32(at, p.size ?? p.bytes.length);
    at += 4;
  });
  for (const p of parts) {
    out.set(p.bytes, at);
    at += p.bytes.length;
  }
  out.set(Buffer.from(hex(out.subarray(0, at)), 'hex'), at);
  return out;
}

/** Re-seals parts with a fresh, correct manifest: what a careful forger would do. */
function reseal(parts: { name: string; bytes: Uint8Array }[], manifest: Manifest): Uint8Array {
  const rest = parts.filter((p) => p.name !== 'manifest.json');
  const entries = rest.map((p) => ({ name: p.name, size: p.bytes.length, sha256: hex(p.bytes) }));
  const m = { ...manifest, parts: entries, wholeSha256: wholeHash(entries, hex) };
  return rawContainer([{ name: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(m)) }, ...rest]);
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

function partsOf(bytes: Uint8Array) {
  return decodeContainer(bytes, hex).map((p) => ({ name: p.name, bytes: new Uint8Array(p.bytes) }));
}
const jsonOf = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as Record<string, unknown>;
const toJson = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('packet format', () => {
  it('base64 round trips and refuses junk', () => {
    const b = new Uint8Array(1001).map((_, i) => (i * 7) & 255);
    const s = bytesToBase64(b);
    expect(s).toBe(Buffer.from(b).toString('base64'));
    expect(base64ToBytes(s)).toEqual(b);
    expect(base64ToBytes('ab=c')).toBeNull();
    expect(base64ToBytes('abc')).toBeNull();
  });

  it('round trips: session, articles, leader layer and image come back as written', () => {
    const f = readPacketBytes(packet) as DecodedPacket;
    expect(f.kind).toBe('packet');
    expect(f.manifest).toMatchObject({ id: 'p_sample_2025_01', version: 1, issuer: '示例单位党委办公室', format: 'yandu-packet' });
    expect(f.articles).toHaveLength(3);
    expect(f.session.readings).toEqual(f.articles.map((a) => a.id));
    expect(f.highlights.length).toBeGreaterThanOrEqual(3);
    for (const h of f.highlights) {
      const a = f.articles.find((x) => x.id === h.articleId)!;
      expect(a.text.slice(h.selector.start, h.selector.end)).toBe(h.selector.exact);
      expect(h.comment).toMatch(/重点/);
    }
    expect(f.images).toHaveLength(1);
    expect(f.images[0]!.name).toBe(`${hex(f.images[0]!.bytes)}.png`);
    expect(f.articles[0]!.html).toContain(`src="media/${f.images[0]!.name}"`);
    // The pure reader (shared/) agrees with main's.
    expect(decodeFile(packet, hex).manifest.wholeSha256).toBe(f.manifest.wholeSha256);
  });

  it('return files round trip; 字 counts are derived, not trusted', async () => {
    const now = '2025-03-02T08:00:00.000Z';
    const bytes = await buildReturnBytes(
      {
        meta: { id: 'r_test_0001', version: 1, issuer: '王五', issuedAt: now, title: '回执' },
        body: {
          sessionId: 's_1',
          sessionTopic: '专题',
          packetId: 'p_sample_2025_01',
          packetVersion: 1,
          member: { name: '王五', title: '副主任' },
          notes: [
            {
              id: 'n1',
              kind: 'reflection',
              title: '心得',
              text: '学习体会十个字啊啊',
              zi: 99999,
              articleId: null,
              quote: null,
              createdAt: now,
              updatedAt: now,
            },
          ],
          highlights: [],
        },
      },
      dir,
    );
    const f = readPacketBytes(bytes);
    expect(f.kind).toBe('return');
    if (f.kind === 'return') expect(f.body.notes[0]!.zi).toBe(9);
  });

  it('tampering anywhere is caught with a code', () => {
    const flip = (i: number) => {
      const b = new Uint8Array(packet);
      b[i] = b[i]! ^ 0x01;
      return b;
    };
    expect(codeOf(() => readPacketBytes(flip(packet.length - 100)))).toBe('E_PACKET_HASH');
    expect(codeOf(() => readPacketBytes(flip(packet.length - 1)))).toBe('E_PACKET_HASH');
    expect(codeOf(() => readPacketBytes(flip(0)))).toBe('E_PACKET_FORMAT');
    expect(codeOf(() => readPacketBytes(packet.subarray(0, packet.length - 1)))).toMatch(/E_PACKET_(TRUNCATED|FORMAT)/);
    // A changed article re-hashed in its part but not in the manifest.
    const parts = partsOf(v1);
    const i = parts.findIndex((p) => p.name.startsWith('articles/'));
    const a = jsonOf(parts[i]!.bytes);
    parts[i] = { name: parts[i]!.name, bytes: toJson({ ...a, title: '篡改的标题' }) };
    expect(codeOf(() => readPacketBytes(rawContainer(parts)))).toBe('E_PACKET_HASH');
  });

  it('refuses hostile part names, huge lengths and swapped parts', () => {
    const parts = partsOf(v1);
    for (const name of ['../../x', '/etc/passwd', 'media/../../x', 'a\0b', 'C:\\x', 'media//x', 'MEDIA/X.PNG', '.hidden']) {
      const evil = [...parts, { name, bytes: new Uint8Array([1, 2, 3]) }];
      expect(
        codeOf(() => readPacketBytes(rawContainer(evil))),
        name,
      ).toBe('E_PACKET_PATH');
    }
    expect(() => encodeContainer(new Uint8Array(1), [{ name: '../../x', bytes: new Uint8Array(1) }], hex)).toThrow(AppError);
    const huge = rawContainer(parts.map((p, i) => (i === 1 ? { ...p, size: 0xffffffff } : p)));
    expect(codeOf(() => readPacketBytes(huge))).toBe('E_PACKET_TOO_LARGE');
    expect(codeOf(() => readPacketBytes(rawContainer(parts, 0x7fffffff)))).toBe('E_PACKET_TOO_LARGE');
    const swapped = [...parts];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(codeOf(() => readPacketBytes(rawContainer(swapped)))).toBe('E_PACKET_FORMAT');
  });

  it('checks content even when every hash is right: HTML sanitised again, excerpts must match, images must be images', () => {
    const parts = partsOf(v1);
    const manifest = jsonOf(parts[0]!.bytes) as unknown as Manifest;
    const ai = parts.findIndex((p) => p.name.startsWith('articles/'));
    const article = jsonOf(parts[ai]!.bytes) as { html: string; text: string };

    const scripted = [...parts];
    scripted[ai] = {
      name: parts[ai]!.name,
      bytes: toJson({ ...article, html: article.html.replace('<p>', '<p onclick="alert(1)"><script>alert(1)</script>') }),
    };
    const ok = readPacketBytes(reseal(scripted, manifest)) as DecodedPacket;
    expect(ok.articles[0]!.html).not.toMatch(/script|onclick/);

    const wrongText = [...parts];
    wrongText[ai] = { name: parts[ai]!.name, bytes: toJson({ ...article, text: `${article.text}多` }) };
    expect(codeOf(() => readPacketBytes(reseal(wrongText, manifest)))).toMatch(/E_PACKET_(CONTENT)/);

    const li = parts.findIndex((p) => p.name === 'leader.json');
    const leader = jsonOf(parts[li]!.bytes) as { highlights: { selector: { start: number } }[] };
    leader.highlights[0]!.selector.start += 1;
    const shifted = [...parts];
    shifted[li] = { name: 'leader.json', bytes: toJson(leader) };
    expect(codeOf(() => readPacketBytes(reseal(shifted, manifest)))).toBe('E_PACKET_CONTENT');

    const mi = parts.findIndex((p) => p.name.startsWith('media/'));
    const notImage = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    const fake = [...parts];
    fake[mi] = { name: `media/${hex(notImage)}.png`, bytes: notImage };
    expect(codeOf(() => readPacketBytes(reseal(fake, manifest)))).toMatch(/E_PACKET_CONTENT/);

    const older = reseal(parts, { ...manifest, formatVersion: 2 as 1 });
    expect(codeOf(() => readPacketBytes(older))).toBe('E_PACKET_SCHEMA');
  });

  it('fuzz: 1,000 mutations, no crash, nothing accepted with a wrong hash', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const parts = partsOf(v1);
    const manifest = jsonOf(parts[0]!.bytes) as unknown as Manifest;
    const codes = new Map<string, number>();
    let accepted = 0;
    for (let i = 0; i < 1000; i++) {
      const kind = i % 10;
      let mutant: Uint8Array;
      let resealed = false;
      if (kind === 0) mutant = v1.subarray(0, rnd(v1.length));
      else if (kind === 1 || kind === 2) {
        mutant = new Uint8Array(v1);
        for (let k = 0; k <= rnd(kind * 4); k++) mutant[rnd(mutant.length)] = rnd(256);
      } else if (kind === 3) {
        // Flip a byte and fix the trailer: only the per-part hashes can catch it.
        const b = new Uint8Array(v1.subarray(0, v1.length - 32));
        const at = 16 + rnd(b.length - 16);
        b[at] = b[at]! ^ (1 + rnd(255));
        mutant = new Uint8Array(v1.length);
        mutant.set(b);
        mutant.set(Buffer.from(hex(b), 'hex'), b.length);
        // Manifest text (title, issuer) is covered by the trailer alone, which was just recomputed.
        resealed = true;
      } else if (kind === 4) {
        const copy = [...parts];
        const a = rnd(copy.length);
        const b = rnd(copy.length);
        [copy[a], copy[b]] = [copy[b]!, copy[a]!];
        mutant = rawContainer(copy);
      } else if (kind === 5) {
        const copy = parts.map((p) => ({ ...p }));
        const k = rnd(copy.length);
        mutant = rawContainer(copy.map((p, j) => (j === k ? { ...p, size: [0xffffffff, 0x7fffffff, p.bytes.length + 1, 0][rnd(4)]! } : p)));
      } else if (kind === 6) {
        const names = ['../../x', '..', '/abs', 'a\0b', 'media/../../../etc/passwd', 'C:\\win', 'articles/../x.json', ''];
        const copy = [...parts];
        const k = 1 + rnd(copy.length - 1);
        copy[k] = { name: names[rnd(names.length)]!, bytes: copy[k]!.bytes };
        mutant = rawContainer(copy);
      } else if (kind === 7) {
        // Edit a JSON field and re-hash the part only.
        const copy = [...parts];
        const k = rnd(copy.length - 1) + 1;
        const p = copy[k]!;
        if (p.name.endsWith('.json')) {
          const s = new TextDecoder().decode(p.bytes).replace(/"(\d+)"|:(\d+)/, (m) => m.replace(/\d/, String(rnd(10))));
          copy[k] = { name: p.name, bytes: new TextEncoder().encode(s) };
        }
        mutant = rawContainer(copy);
      } else if (kind === 8) {
        // Edit fields and re-seal everything with correct hashes: may be accepted, but only as a consistent file.
        const copy = [...parts];
        const k = rnd(copy.length - 1) + 1;
        const p = copy[k]!;
        if (p.name.endsWith('.json')) {
          const text = new TextDecoder().decode(p.bytes);
          const at = rnd(text.length);
          const edits = [
            text.slice(0, at) + text.slice(at + 1),
            text.slice(0, at) + '"' + text.slice(at),
            text.replace(/"start":\d+/, '"start":99999999'),
            text.replace('"readings":[', '"readings":["zz_x",'),
          ];
          copy[k] = { name: p.name, bytes: new TextEncoder().encode(edits[rnd(edits.length)]!) };
        }
        mutant = reseal(copy, manifest);
        resealed = true;
      } else {
        // Manifest edits with a re-sealed trailer.
        const m = { ...manifest } as Record<string, unknown>;
        const edits: (() => void)[] = [
          () => (m.version = -1),
          () => (m.id = '../../x'),
          () => (m.parts = (manifest.parts as unknown[]).slice(1)),
          () => (m.wholeSha256 = '0'.repeat(64)),
          () => (m.kind = 'return'),
          () => (m.extra = 1),
        ];
        edits[rnd(edits.length)]!();
        mutant = rawContainer([{ name: 'manifest.json', bytes: toJson(m) }, ...parts.slice(1)]);
        resealed = true;
      }
      let code: string;
      try {
        const f = readPacketBytes(mutant);
        code = 'OK';
        accepted++;
        // Accepted: every hash must be right.
        const body = mutant.subarray(0, mutant.length - 32);
        expect(Buffer.from(mutant.subarray(mutant.length - 32)).toString('hex')).toBe(hex(body));
        const ps = decodeContainer(mutant, hex).slice(1);
        ps.forEach((p, j) => expect(f.manifest.parts[j]!.sha256).toBe(hex(p.bytes)));
        expect(resealed || Buffer.compare(Buffer.from(mutant), Buffer.from(v1)) === 0, `mutation ${i}`).toBe(true);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        expect(error.code).toMatch(/^E_PACKET_/);
        expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        code = error.code;
      }
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(accepted).toBeLessThan(200);
    expect(codes.get('E_PACKET_HASH')).toBeGreaterThan(50);
    expect(codes.get('E_PACKET_PATH')).toBeGreaterThan(20);
    expect(codes.get('E_PACKET_TRUNCATED')).toBeGreaterThan(20);
  });
});

describe('packet service', () => {
  it('reads, then stores the images only when asked; folders list packets; names cannot escape', async () => {
    const data = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-svc-'));
    try {
      const svc = createPacketService({ dataDir: data });
      const read = await svc.read({ base64: Buffer.from(packet).toString('base64') });
      expect(read.kind).toBe('packet');
      await expect(readdir(path.join(data, 'media'))).rejects.toThrow();
      if (read.kind !== 'packet') throw new Error('kind');
      expect(await svc.install({ token: read.token })).toEqual({ images: 1, originals: 0 });
      expect(await readdir(path.join(data, 'media'))).toEqual([read.images[0]!.name]);
      await expect(svc.read({ base64: 'WUFORA==' })).rejects.toMatchObject({ code: 'E_PACKET_TRUNCATED' });
      await expect(svc.read({ base64: 'AAAA' })).rejects.toMatchObject({ code: 'E_PACKET_FORMAT' });

      const share = path.join(data, 'share');
      await import('node:fs/promises').then((fs) => fs.mkdir(share));
      await writeFile(path.join(share, '一.yandu'), packet);
      await writeFile(path.join(share, '坏.yandu'), packet.subarray(0, 100));
      await writeFile(path.join(share, 'other.txt'), 'x');
      const { files } = await svc.scanFolder({ path: share });
      expect(files.map((f) => f.name).sort()).toEqual(['一.yandu', '坏.yandu']);
      expect(files.find((f) => f.name === '一.yandu')!.summary?.meta.id).toBe('p_sample_2025_01');
      expect(files.find((f) => f.name === '坏.yandu')!.error?.code).toBe('E_PACKET_TRUNCATED');
      expect((await svc.readFile({ folder: share, name: '一.yandu' })).kind).toBe('packet');
      await expect(svc.readFile({ folder: share, name: '../../x.yandu' })).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});
