/**
 * THE container (shared/container/zip.ts) of packets and backups: ordinary tools list it; every
 * byte is covered (each byte flipped, a byte appended, every truncation: all refused); a forger
 * who re-seals still meets the strict layout (names, method, flags, extras, gaps, order, CRC,
 * limits); and backups in it are refused whole when changed, cut or of a newer version.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ContainerError,
  decodeContainer,
  encodeContainer,
  END_BYTES,
  MIN_FILE_BYTES,
  SEAL_BYTES,
  seal,
  type ContainerLimits,
  type Entry,
} from '../../shared/container/zip';
import { createBackupService } from '../../main/services/backup/service';
import { AppError } from '../../shared/errors';

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const LIMITS: ContainerLimits = { maxFileBytes: 1 << 20, maxEntryBytes: 1 << 16, maxEntries: 10 };
const text = (s: string) => new TextEncoder().encode(s);
const ENTRIES: Entry[] = [
  { name: 'session.json', bytes: text('{"topic":"学习"}') },
  { name: 'articles/a_1.json', bytes: text('{"id":"a_1","title":"第一篇"}') },
  { name: 'media/' + 'a'.repeat(64) + '.png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) },
  { name: 'manifest.json', bytes: text('{"format":"yandu-packet"}') },
];

function problemOf(data: Uint8Array, limits = LIMITS): string {
  try {
    decodeContainer(data, hex, limits);
    return 'accepted';
  } catch (error) {
    if (error instanceof ContainerError) return error.problem;
    throw error;
  }
}

/** What a careful forger does after editing: a fresh, correct seal. */
function reseal(data: Uint8Array): Uint8Array {
  const body = data.slice(0, data.length - SEAL_BYTES);
  const out = new Uint8Array(data.length);
  out.set(body);
  out.set(seal(hex(body)), body.length);
  return out;
}

const u16 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint16(at, v, true);
const u32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v >>> 0, true);
const rd32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

/** Offsets of the central directory headers of a file. */
function centralOffsets(data: Uint8Array): number[] {
  const end = data.length - SEAL_BYTES - END_BYTES;
  const out: number[] = [];
  for (let at = rd32(data, end + 16); at < end;) {
    out.push(at);
    const v = new DataView(data.buffer, data.byteOffset);
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

describe('the container', () => {
  const file = encodeContainer(ENTRIES, hex, LIMITS);

  it('round trips, and unzip lists and tests it', async () => {
    expect(decodeContainer(file, hex, LIMITS).map((e) => [e.name, new TextDecoder().decode(e.bytes)])).toEqual(
      ENTRIES.map((e) => [e.name, new TextDecoder().decode(e.bytes)]),
    );
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-zip-'));
    try {
      await writeFile(path.join(dir, 'p.yandu'), file);
      const listing = execFileSync('unzip', ['-l', path.join(dir, 'p.yandu')], { encoding: 'utf8' });
      for (const e of ENTRIES) expect(listing).toContain(e.name);
      expect(listing).toMatch(/yandu-container 1 sha256 [0-9a-f]{64}/);
      expect(execFileSync('unzip', ['-t', path.join(dir, 'p.yandu')], { encoding: 'utf8' })).toMatch(/No errors detected/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses every single flipped byte, an appended byte and every truncation', () => {
    const problems = new Map<string, number>();
    for (let i = 0; i < file.length; i++) {
      const b = new Uint8Array(file);
      b[i] = b[i]! ^ 0x20;
      const p = problemOf(b);
      expect(p, `byte ${i}`).not.toBe('accepted');
      problems.set(p, (problems.get(p) ?? 0) + 1);
    }
    // Everything before the seal is caught by its hash.
    expect(problems.get('hash')).toBeGreaterThanOrEqual(file.length - SEAL_BYTES);
    for (const extra of [new Uint8Array([0]), text('PK\x05\x06'), new Uint8Array(SEAL_BYTES)]) {
      const appended = new Uint8Array(file.length + extra.length);
      appended.set(file);
      appended.set(extra, file.length);
      expect(problemOf(appended)).not.toBe('accepted');
    }
    for (let n = 0; n < file.length; n++) expect(problemOf(file.subarray(0, n)), `length ${n}`).not.toBe('accepted');
  });

  it('refuses a re-sealed file whose layout is not exactly the writer’s', () => {
    const cd = centralOffsets(file);
    const cases: [string, (b: Uint8Array) => void, string][] = [
      ['method deflate', (b) => u16(b, cd[0]! + 10, 8), 'format'],
      ['data-descriptor flag', (b) => u16(b, cd[1]! + 8, 8), 'format'],
      ['a time', (b) => u16(b, cd[0]! + 12, 1), 'format'],
      ['external attributes', (b) => u32(b, cd[2]! + 38, 0o40755 << 16), 'format'],
      ['local header differs', (b) => u16(b, 8, 8), 'format'],
      ['offset shifted', (b) => u32(b, cd[1]! + 42, rd32(b, cd[1]! + 42) + 1), 'format'],
      ['CRC wrong', (b) => u32(b, cd[1]! + 16, rd32(b, cd[1]! + 16) ^ 1), 'format'],
      ['entry count', (b) => u16(b, b.length - SEAL_BYTES - END_BYTES + 8, 3), 'format'],
    ];
    for (const [what, edit, problem] of cases) {
      const b = new Uint8Array(file);
      edit(b);
      expect(problemOf(reseal(b)), what).toBe(problem);
    }
    // CRC consistent in both headers but not with the bytes.
    const b = new Uint8Array(file);
    const at = 30 + 'session.json'.length;
    b[at] = b[at]! ^ 1;
    expect(problemOf(reseal(b))).toBe('hash');
  });

  it('takes names from a fixed set only, the manifest last, within limits', () => {
    for (const name of [
      '../x.json',
      '/etc/passwd',
      'C:\\x',
      'media/../../x',
      'articles/',
      'a\0b',
      'articles/A.JSON',
      'x.json',
      'media/x.png',
    ]) {
      expect(() => encodeContainer([{ name, bytes: new Uint8Array(1) }, ENTRIES[3]!], hex, LIMITS), name).toThrow(ContainerError);
    }
    // A hostile name written by hand (same length as a real one) and re-sealed.
    const evil = new Uint8Array(file);
    const name = text('../../../x.j');
    const cd = centralOffsets(file)[0]!;
    evil.set(name, 30);
    evil.set(name, cd + 46);
    expect(problemOf(reseal(evil))).toBe('path');
    expect(() => encodeContainer(ENTRIES.slice(0, 3), hex, LIMITS)).toThrow(/manifest/);
    expect(() => encodeContainer([ENTRIES[0]!, ENTRIES[0]!, ENTRIES[3]!], hex, LIMITS)).toThrow(/重复/);
    expect(() =>
      encodeContainer([{ name: 'leader.json', bytes: new Uint8Array(LIMITS.maxEntryBytes + 1) }, ENTRIES[3]!], hex, LIMITS),
    ).toThrow(/过大/);
    const many = Array.from({ length: 10 }, (_, i) => ({ name: `articles/a_${i}.json`, bytes: new Uint8Array(1) }));
    expect(() => encodeContainer([...many, ENTRIES[3]!], hex, LIMITS)).toThrow(/过多/);
    expect(problemOf(encodeContainer([...many.slice(0, 9), ENTRIES[3]!], hex, LIMITS), { ...LIMITS, maxEntries: 5 })).toBe('tooLarge');
    expect(problemOf(file, { ...LIMITS, maxFileBytes: MIN_FILE_BYTES })).toBe('tooLarge');
  });
});

describe('backups in the container', () => {
  let dataDir = '';
  let name = '';
  let bytes: Buffer = Buffer.alloc(0);
  const service = () => createBackupService({ dataDir, appVersion: 'test' });
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bkzip-'));
    await mkdir(path.join(dataDir, 'media'), { recursive: true });
    await writeFile(path.join(dataDir, 'media', `${hex(PNG)}.png`), PNG);
    const s = service();
    const { token } = await s.begin({ reason: 'manual', db: { name: 'yandu', schemaVersion: 4, stores: { settings: 'key' } } });
    await s.put({ token, table: 'settings', records: [{ key: 'reader', value: { fontSize: 20 } }] });
    name = (await s.finish({ token, keep: 10 })).name;
    bytes = await readFile(path.join(dataDir, 'backups', name));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function inspect(data: Uint8Array): Promise<string> {
    await writeFile(path.join(dataDir, 'backups', name), data);
    try {
      await service().inspect({ ref: { from: 'folder', name } });
      return 'accepted';
    } catch (error) {
      if (error instanceof AppError) return `${error.code} ${error.message}`;
      throw error;
    } finally {
      await writeFile(path.join(dataDir, 'backups', name), bytes);
    }
  }

  it('is a ZIP that unzip lists: table parts, the image, the manifest last', () => {
    const listing = execFileSync('unzip', ['-l', path.join(dataDir, 'backups', name)], { encoding: 'utf8' });
    const names = [...listing.matchAll(/\s(tables\/\d{6}\.json\.gz|media\/[0-9a-f]{64}\.png|manifest\.json)\s*$/gm)].map((m) => m[1]);
    expect(names).toEqual(['tables/000000.json.gz', `media/${hex(PNG)}.png`, 'manifest.json']);
  });

  it('refuses a changed byte in every region, an appended byte and a truncation', async () => {
    expect(await inspect(bytes)).toBe('accepted');
    const cd = centralOffsets(bytes);
    const regions = {
      'first local header': 4,
      'table part': 30 + 'tables/000000.json.gz'.length + 5,
      'image bytes': rd32(bytes, cd[1]! + 42) + 30 + 'media/'.length + 68 + 3,
      manifest: rd32(bytes, cd[2]! + 42) + 30 + 'manifest.json'.length + 10,
      'central directory': cd[1]! + 20,
      'end record': bytes.length - SEAL_BYTES - END_BYTES + 12,
      seal: bytes.length - 10,
    };
    for (const [region, at] of Object.entries(regions)) {
      const b = Buffer.from(bytes);
      b[at] = b[at]! ^ 0x01;
      expect(await inspect(b), region).toMatch(/^E_BACKUP_(HASH|FORMAT) .*[\u4e00-\u9fff]/);
    }
    expect(await inspect(Buffer.concat([bytes, Buffer.from([0])]))).toMatch(/^E_BACKUP_FORMAT /);
    expect(await inspect(bytes.subarray(0, bytes.length - 1))).toMatch(/^E_BACKUP_FORMAT /);
    expect(await inspect(bytes.subarray(0, 100))).toMatch(/^E_BACKUP_FORMAT /);
  });

  it('refuses a newer format or database version with a Chinese message, even re-sealed', async () => {
    for (const [from, to] of [
      ['"version":2', '"version":3'],
      ['"schemaVersion":4', '"schemaVersion":9'],
    ] as const) {
      const at = bytes.indexOf(from);
      expect(at).toBeGreaterThan(0);
      const b = Buffer.from(bytes);
      b.write(to, at, 'latin1');
      // Keep the manifest's CRC right, as a newer writer would have made it.
      const cd = centralOffsets(b);
      const m = cd[cd.length - 1]!;
      const offset = rd32(b, m + 42);
      const start = offset + 30 + 'manifest.json'.length;
      const crc = crc32(b.subarray(start, start + rd32(b, m + 20)));
      u32(b, m + 16, crc);
      u32(b, offset + 14, crc);
      expect(await inspect(reseal(b))).toMatch(/^E_BACKUP_NEWER .*更新版本的研读/);
    }
  });
});

function crc32(bytes: Uint8Array): number {
  let c = ~0 >>> 0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}
