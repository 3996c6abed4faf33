/**
 * Signed packets: the signature entry (signed by Node, verified by the pure @noble/curves code
 * in shared/), the data folder's key (0600, made once, never in a packet), its passphrase-
 * protected export, and the pins a copy keeps (pure functions).
 */
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { NO_PINS } from '../../shared/domain/settings';
import { decodeContainer, encodeContainer } from '../../shared/packet/container';
import { decodeFile, inspectSignature } from '../../shared/packet/packet';
import {
  fingerprintMatches,
  shortFingerprint,
  SIGNATURE_ENTRY,
  signatureEntry,
  verifySignature,
  type Signer,
} from '../../shared/packet/signature';
import { exportKey, importKey, keyFileOf, loadOrCreateKey } from '../../main/services/packets/keys';
import { buildSamplePacket } from '../../main/services/packets/sample';
import { checkSigner, recordSigner, signerBlock } from '../../renderer/core/signers';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let dir = '';
let packet: Uint8Array = new Uint8Array();

function freshSigner(): Signer & { fingerprint: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = new Uint8Array(Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url'));
  return { publicKey, fingerprint: sha(publicKey), sign: (m) => new Uint8Array(sign(null, m, privateKey)) };
}

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-sign-'));
  packet = await buildSamplePacket(resourcesDir, dir, new Date('2025-03-01T08:00:00Z'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the signature entry', () => {
  it('is written just before the manifest, verifies with the data folder key, and carries no private key', async () => {
    const parts = decodeContainer(packet, sha);
    expect(parts[parts.length - 1]!.name).toBe(SIGNATURE_ENTRY);
    const key = await loadOrCreateKey(keyFileOf(dir));
    const f = decodeFile(packet, sha);
    expect(f.signature).toEqual({ state: 'valid', fingerprint: key.fingerprint });
    // The manifest does not list the signature entry; the content hash is that of the parts.
    expect(f.manifest.parts.map((p) => p.name)).not.toContain(SIGNATURE_ENTRY);
    const pem = await readFile(keyFileOf(dir), 'utf8');
    const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
    expect(Buffer.from(packet).includes(Buffer.from(body))).toBe(false);
    expect(Buffer.from(packet).includes(Buffer.from(Buffer.from(body, 'base64')))).toBe(false);
  });

  it('fails for an edited manifest, a swapped part or another message; a re-signed copy names another key', () => {
    const [manifest, ...others] = decodeContainer(packet, sha);
    const entry = others.find((p) => p.name === SIGNATURE_ENTRY)!;
    const rest = others.filter((p) => p !== entry);
    expect(verifySignature(entry, manifest!.bytes, rest, sha).state).toBe('valid');

    const forged = new TextEncoder().encode(new TextDecoder().decode(manifest!.bytes).replace('示例单位党委办公室', '某单位'));
    const forgedFile = encodeContainer(forged, [...rest, entry], sha);
    expect(inspectSignature(forgedFile, sha).state).toBe('invalid');
    expect(codeOf(() => decodeFile(forgedFile, sha))).toBe('E_PACKET_SIGNATURE');

    // A part changed and the manifest recomputed around it: still the old signature, invalid.
    const swapped = rest.map((p) => (p.name === 'session.json' ? { ...p, bytes: new TextEncoder().encode('{}') } : p));
    expect(verifySignature(entry, manifest!.bytes, swapped, sha).state).toBe('invalid');

    // Garbage in the entry is invalid, not a crash.
    const junk = { name: SIGNATURE_ENTRY, bytes: new TextEncoder().encode('{"format":"x"}') };
    expect(verifySignature(junk, manifest!.bytes, rest, sha)).toEqual({ state: 'invalid', fingerprint: null });

    const other = freshSigner();
    const resigned = encodeContainer(manifest!.bytes, [...rest, signatureEntry(other, manifest!.bytes, rest, sha)], sha);
    expect(decodeFile(resigned, sha).signature).toEqual({ state: 'valid', fingerprint: other.fingerprint });

    const unsigned = encodeContainer(manifest!.bytes, rest, sha);
    expect(decodeFile(unsigned, sha).signature).toEqual({ state: 'none', fingerprint: null });
    // The signature entry anywhere but last before the manifest is refused.
    expect(codeOf(() => decodeFile(encodeContainer(manifest!.bytes, [entry, ...rest], sha), sha))).toBe('E_PACKET_FORMAT');
  });

  it('a packet of format v1 (written before signing) still reads, as unsigned', async () => {
    const v1 = new Uint8Array(await readFile(fileURLToPath(new URL('../fixtures/v1/sample-packet.yandu', import.meta.url))));
    expect(decodeFile(v1, sha).signature).toEqual({ state: 'none', fingerprint: null });
    expect(inspectSignature(v1, sha).state).toBe('none');
    // A new import of it is refused unless the user says so (renderer/core/signers.ts).
    expect(signerBlock(checkSigner(NO_PINS, 'issuer', '示例单位党委办公室', { state: 'none', fingerprint: null }))).toMatch(/没有签名/);
  });

  it('fingerprints: short form, and what a user may type to confirm one', () => {
    const fp = 'ab12cd34ef567890'.padEnd(64, '0');
    expect(shortFingerprint(fp)).toBe('AB12-CD34-EF56-7890');
    expect(fingerprintMatches('AB12-CD34-EF56-7890', fp)).toBe(true);
    expect(fingerprintMatches(' ab12 cd34 ef56 7890 ', fp)).toBe(true);
    expect(fingerprintMatches(fp.toUpperCase(), fp)).toBe(true);
    expect(fingerprintMatches('AB12-CD34-EF56-7891', fp)).toBe(false);
    expect(fingerprintMatches('AB12-CD34', fp)).toBe(false);
    expect(fingerprintMatches('', fp)).toBe(false);
  });
});

describe('the signing key', () => {
  it('is made once, owner-only, and the same key signs every later file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'yandu-key-'));
    try {
      const [a, b] = await Promise.all([loadOrCreateKey(keyFileOf(folder)), loadOrCreateKey(keyFileOf(folder))]);
      expect(a.fingerprint).toBe(b.fingerprint);
      expect((await stat(keyFileOf(folder))).mode & 0o777).toBe(0o600);
      // No temporary file is left behind.
      expect(await readdir(folder)).toEqual(['signing-key.pem']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('leaves only encrypted: a wrong passphrase changes nothing, the right one restores it; an old key is kept', async () => {
    const from = await mkdtemp(path.join(os.tmpdir(), 'yandu-key-from-'));
    const to = await mkdtemp(path.join(os.tmpdir(), 'yandu-key-to-'));
    try {
      const key = await loadOrCreateKey(keyFileOf(from));
      await expect(exportKey(from, 'short')).rejects.toMatchObject({ code: 'E_KEY_PASSPHRASE' });
      const { text, fingerprint } = await exportKey(from, '正确的口令 2025');
      expect(fingerprint).toBe(key.fingerprint);
      const pem = await readFile(keyFileOf(from), 'utf8');
      const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
      expect(text).not.toContain(b64);
      expect(text).not.toContain('PRIVATE KEY');

      const existing = await loadOrCreateKey(keyFileOf(to));
      const before = await readFile(keyFileOf(to), 'utf8');
      await expect(importKey(to, text, '错误的口令 2025')).rejects.toMatchObject({ code: 'E_KEY_PASSPHRASE' });
      await expect(importKey(to, 'not json', '正确的口令 2025')).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
      expect(await readFile(keyFileOf(to), 'utf8')).toBe(before);

      const done = await importKey(to, text, '正确的口令 2025');
      expect(done).toEqual({ fingerprint: key.fingerprint, replaced: existing.fingerprint });
      expect((await loadOrCreateKey(keyFileOf(to))).fingerprint).toBe(key.fingerprint);
      expect((await stat(keyFileOf(to))).mode & 0o777).toBe(0o600);
      // The replaced key is kept beside it, owner-only.
      const kept = path.join(to, `signing-key-${existing.fingerprint.slice(0, 16)}.pem`);
      expect(await readFile(kept, 'utf8')).toBe(before);
      expect((await stat(kept)).mode & 0o777).toBe(0o600);
    } finally {
      await rm(from, { recursive: true, force: true });
      await rm(to, { recursive: true, force: true });
    }
  }, 60_000);

  it('a damaged key file is a clear error, not a silent new key', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'yandu-key-bad-'));
    try {
      await writeFile(keyFileOf(folder), 'garbage', { mode: 0o600 });
      await expect(loadOrCreateKey(keyFileOf(folder))).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
      expect(await readFile(keyFileOf(folder), 'utf8')).toBe('garbage');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('pins', () => {
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);
  const now = '2025-06-01T08:00:00.000Z';

  it('pins the first key, accepts it later, refuses another key or none unless overridden, and logs', () => {
    const first = checkSigner(NO_PINS, 'issuer', '党委办公室', { state: 'valid', fingerprint: A });
    expect(first.state).toBe('first');
    expect(signerBlock(first)).toBeNull();
    const pinned = recordSigner(NO_PINS, first, '第一期', now);
    expect(pinned.issuers).toEqual([{ name: '党委办公室', fingerprint: A, pinnedAt: now }]);
    expect(pinned.log.map((e) => e.kind)).toEqual(['pinned']);

    const again = checkSigner(pinned, 'issuer', '党委办公室', { state: 'valid', fingerprint: A });
    expect(again.state).toBe('match');
    expect(recordSigner(pinned, again, '第二期', now)).toBe(pinned);
    // The same key for another issuer name is a first pin of that name; members are separate.
    expect(checkSigner(pinned, 'issuer', '另一单位', { state: 'valid', fingerprint: A }).state).toBe('first');
    expect(checkSigner(pinned, 'member', '党委办公室', { state: 'valid', fingerprint: B }).state).toBe('first');

    const changed = checkSigner(pinned, 'issuer', '党委办公室', { state: 'valid', fingerprint: B });
    expect(changed.state).toBe('changed');
    expect(signerBlock(changed)).toMatch(/另一把密钥 BBBB-BBBB-BBBB-BBBB.*拒绝导入/);
    expect(signerBlock(changed, { keyChange: 'AAAA-AAAA-AAAA-AAAA' })).not.toBeNull();
    expect(signerBlock(changed, { unsigned: true })).not.toBeNull();
    expect(signerBlock(changed, { keyChange: 'bbbb bbbb bbbb bbbb' })).toBeNull();
    const repinned = recordSigner(pinned, changed, '第三期', now);
    expect(repinned.issuers).toEqual([{ name: '党委办公室', fingerprint: B, pinnedAt: now }]);
    expect(repinned.log.at(-1)).toMatchObject({ kind: 'keyChanged', fingerprint: B, previous: A, file: '第三期' });

    const none = checkSigner(repinned, 'issuer', '党委办公室', { state: 'none', fingerprint: null });
    expect(none).toMatchObject({ state: 'unsigned', pinned: B });
    expect(signerBlock(none)).toMatch(/没有签名.*拒绝导入/);
    expect(signerBlock(none, { keyChange: B })).not.toBeNull();
    expect(signerBlock(none, { unsigned: true })).toBeNull();
    const logged = recordSigner(repinned, none, '旧资料', now);
    expect(logged.issuers).toEqual(repinned.issuers);
    expect(logged.log.at(-1)).toMatchObject({ kind: 'unsigned', fingerprint: null, previous: B });
  });
});
