/**
 * Packets and return files in THE container (shared/container/zip.ts), with the packet's
 * limits and error codes. Files of format v1 (shared/packet/legacy.ts) are still read.
 */
import type { ErrorCode } from '../errors';
import {
  ContainerError,
  decodeContainer as decodeZip,
  encodeContainer as encodeZip,
  MANIFEST_ENTRY,
  type ContainerLimits,
  type ContainerProblem,
  type Entry,
  type Hasher,
} from '../container/zip';
import { decodeLegacyContainer, isLegacyPacket } from './legacy';
import { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_PARTS, packetError } from './limits';

export { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_PARTS, packetError };
export type { Hasher };
export type Part = Entry;

export const PACKET_LIMITS: ContainerLimits = { maxFileBytes: MAX_FILE_BYTES, maxEntryBytes: MAX_PART_BYTES, maxEntries: MAX_PARTS + 1 };

const CODES: Record<ContainerProblem, ErrorCode> = {
  format: 'E_PACKET_FORMAT',
  truncated: 'E_PACKET_TRUNCATED',
  hash: 'E_PACKET_HASH',
  path: 'E_PACKET_PATH',
  tooLarge: 'E_PACKET_TOO_LARGE',
  newer: 'E_PACKET_FORMAT',
};

function mapped<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ContainerError) throw packetError(CODES[error.problem], `不是有效的研读资料包：${error.message}`);
    throw error;
  }
}

/** Writes parts with the manifest; `manifest` goes last (the container's rule). */
export function encodeContainer(manifest: Uint8Array, parts: readonly Part[], hash: Hasher): Uint8Array {
  return mapped(() => encodeZip([...parts, { name: MANIFEST_ENTRY, bytes: manifest }], hash, PACKET_LIMITS));
}

/**
 * Reads a packet or return file of either format; the manifest comes FIRST in what is returned,
 * then the other parts in file order.
 */
export function decodeContainer(data: Uint8Array, hash: Hasher): Part[] {
  if (isLegacyPacket(data)) return decodeLegacyContainer(data, hash);
  const entries = mapped(() => decodeZip(data, hash, PACKET_LIMITS));
  return [entries[entries.length - 1]!, ...entries.slice(0, -1)];
}
