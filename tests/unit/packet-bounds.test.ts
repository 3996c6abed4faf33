/**
 * Packets are not compressed, so their bound is the file: the container's declared part sizes
 * are checked (each, and their sum) against the limits and against the bytes actually present
 * before any part is sliced, and a file over the limit is refused before it is read.
 */
import { describe, expect, it } from 'vitest';
import { decodeContainer, encodeContainer, MAX_FILE_BYTES, MAX_PART_BYTES } from '../../shared/packet/container';
import { MAGIC } from '../../shared/packet/legacy';
import { createHash } from 'node:crypto';

const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A container whose directory declares `sizes` while carrying only `carried` bytes of parts. */
function declared(sizes: number[], carried = 0): Uint8Array {
  const names = sizes.map((_, i) => new TextEncoder().encode(`p${i}.json`));
  const dir = names.reduce((n, b) => n + 6 + b.length, 0);
  const out = new Uint8Array(16 + dir + carried + 32);
  const view = new DataView(out.buffer);
  out.set(MAGIC);
  view.setUint16(8, 1);
  view.setUint32(12, sizes.length);
  let at = 16;
  sizes.forEach((size, i) => {
    view.setUint16(at, names[i]!.length);
    out.set(names[i]!, at + 2);
    at += 2 + names[i]!.length;
    view.setUint32(at, size);
    at += 4;
  });
  return out;
}

function codeOf(data: Uint8Array): string {
  try {
    decodeContainer(data, sha256Hex);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

describe('packet container bounds', () => {
  it('refuses a part declared one byte over the part limit, and parts whose declared sum passes the file limit', () => {
    expect(codeOf(declared([MAX_PART_BYTES + 1]))).toBe('E_PACKET_TOO_LARGE');
    const many = Array.from({ length: Math.floor(MAX_FILE_BYTES / MAX_PART_BYTES) + 1 }, () => MAX_PART_BYTES);
    expect(codeOf(declared(many))).toBe('E_PACKET_TOO_LARGE');
    // Within the limits but more than the file carries: truncated, not read past the end.
    expect(codeOf(declared([MAX_PART_BYTES], 10))).toBe('E_PACKET_TRUNCATED');
  });

  it('still accepts a part of exactly the part limit', () => {
    const bytes = new Uint8Array(MAX_PART_BYTES);
    const parts = decodeContainer(encodeContainer(new Uint8Array(2), [{ name: 'articles/big.json', bytes }], sha256Hex), sha256Hex);
    expect(parts.map((p) => [p.name, p.bytes.length])).toEqual([
      ['manifest.json', 2],
      ['articles/big.json', MAX_PART_BYTES],
    ]);
  });

  it('refuses a file over the limit before looking inside', () => {
    expect(codeOf(new Uint8Array(MAX_FILE_BYTES + 1))).toBe('E_PACKET_TOO_LARGE');
  });
});
