/** `packet sample` and `packet check` run as a user would: a separate process, exit codes, one line. */
import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeContainer, encodeContainer, type Part } from '../../shared/packet/container';
import { signatureEntry, SIGNATURE_ENTRY, type Signer } from '../../shared/packet/signature';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A key that is not the packet's: a re-signed copy is what someone else's key would make. */
function otherSigner(): Signer {
  const { privateKey } = generateKeyPairSync('ed25519');
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  return { publicKey: new Uint8Array(Buffer.from(x, 'base64url')), sign: (m) => new Uint8Array(sign(null, m, privateKey)) };
}

/** The parts of a written packet: manifest, signature entry (if any) and the rest in file order. */
function split(bytes: Uint8Array): { manifest: Uint8Array; signature: Part | undefined; rest: Part[] } {
  const [head, ...others] = decodeContainer(bytes, sha256);
  const signature = others.find((p) => p.name === SIGNATURE_ENTRY);
  return { manifest: head!.bytes, signature, rest: others.filter((p) => p !== signature) };
}

const lineOf = (stdout: string, key: string): string | undefined =>
  stdout
    .split('\n')
    .find((l) => l.startsWith(`${key}: `))
    ?.slice(key.length + 2);

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-cli-pk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('packet CLI', () => {
  it('writes a sample packet that checks; refuses damaged and foreign files with a code', async () => {
    const file = path.join(dir, 'sample.yandu');
    const sample = await cli('packet', 'sample', file);
    expect(sample.code).toBe(0);
    const ok = await cli('packet', 'check', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(4);
    expect(ok.stdout).toMatch(/^packet ok: p_sample_2025_01 v1 .* 3 articles, \d+ excerpts, 1 images/);
    expect(lineOf(ok.stdout, 'signature')).toBe('valid');

    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 500] = flipped[flipped.length - 500]! ^ 0xff;
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.yandu', bytes.subarray(0, 1000), /^E_PACKET_TRUNCATED: .*[\u4e00-\u9fff]/],
      ['flipped.yandu', flipped, /^E_PACKET_HASH: .*[\u4e00-\u9fff]/],
      ['empty.yandu', Buffer.alloc(0), /^E_PACKET_TRUNCATED: /],
      ['text.yandu', Buffer.from('hello'), /^E_PACKET_FORMAT: /],
    ];
    for (const [name, data, re] of cases) {
      await writeFile(path.join(dir, name), data);
      const r = await cli('packet', 'check', path.join(dir, name));
      expect(r.code, name).toBe(1);
      expect(r.stderr.trim(), name).toMatch(re);
    }
    const missing = await cli('packet', 'check', path.join(dir, 'nope.yandu'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^E_NOT_FOUND: /);
    expect((await cli('packet', 'check', dir)).code).toBe(1);
  }, 300_000);

  it("signs with a key file, prints the file's SHA-256 and signer, and refuses re-signed, forged and unsigned copies", async () => {
    const keyFile = path.join(dir, 'leader.pem');
    const file = path.join(dir, 'signed.yandu');
    const made = await cli('packet', 'sample', file, '--key', keyFile);
    expect(made.code, made.stderr).toBe(0);
    // The private key is owner-only.
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const bytes = new Uint8Array(await readFile(file));

    const fingerprint = lineOf(made.stdout, 'signer')!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Pinned to the signer's key: everything holds, exit 0.
    const genuine = await cli('packet', 'check', file, '--pin', fingerprint);
    expect(genuine.code, genuine.stderr).toBe(0);
    expect(lineOf(genuine.stdout, 'sha256')).toBe(sha256(bytes));
    expect(lineOf(genuine.stdout, 'signer')).toBe(fingerprint);
    expect(lineOf(genuine.stdout, 'signature')).toBe('valid');

    const { manifest, signature, rest } = split(bytes);
    expect(signature).toBeDefined();

    // Re-signed with another key: a valid signature, but not the pinned key.
    const resigned = encodeContainer(manifest, [...rest, signatureEntry(otherSigner(), manifest, rest, sha256)], sha256);
    await writeFile(path.join(dir, 'resigned.yandu'), resigned);
    const r1 = await cli('packet', 'check', path.join(dir, 'resigned.yandu'), '--pin', fingerprint);
    expect(r1.code).toBe(1);
    expect(lineOf(r1.stdout, 'signature')).toBe('valid');
    expect(lineOf(r1.stdout, 'signer')).not.toBe(fingerprint);
    expect(lineOf(r1.stdout, 'sha256')).toBe(sha256(resigned));
    expect(r1.stderr).toMatch(/^E_PACKET_SIGNER: .*[\u4e00-\u9fff]/);

    // A forged 发放单位: the manifest edited, the container's trailer recomputed.
    const edited = JSON.parse(new TextDecoder().decode(manifest)) as { issuer: string };
    edited.issuer = '某某单位党委';
    const forged = encodeContainer(new TextEncoder().encode(JSON.stringify(edited)), [...rest, signature!], sha256);
    await writeFile(path.join(dir, 'forged.yandu'), forged);
    const r2 = await cli('packet', 'check', path.join(dir, 'forged.yandu'));
    expect(r2.code).toBe(1);
    expect(lineOf(r2.stdout, 'signature')).toBe('invalid');
    expect(lineOf(r2.stdout, 'signer')).toBe(fingerprint);
    expect(lineOf(r2.stdout, 'sha256')).toBe(sha256(forged));
    expect(lineOf(r2.stdout, 'sha256')).not.toBe(lineOf(genuine.stdout, 'sha256'));
    expect(r2.stderr).toMatch(/^E_PACKET_SIGNATURE: /);

    // Unsigned: the same content without the signature entry.
    const unsigned = encodeContainer(manifest, rest, sha256);
    await writeFile(path.join(dir, 'unsigned.yandu'), unsigned);
    const r3 = await cli('packet', 'check', path.join(dir, 'unsigned.yandu'));
    expect(r3.code).toBe(1);
    expect(lineOf(r3.stdout, 'signature')).toBe('none');
    expect(lineOf(r3.stdout, 'sha256')).toBe(sha256(unsigned));
    expect(r3.stdout).toMatch(/^packet ok: /);
  }, 300_000);
});
