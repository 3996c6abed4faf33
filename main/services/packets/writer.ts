/** Writes packet and return files; every written packet is read back with the import checks. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { MAX_FILE_BYTES, MAX_PART_BYTES } from '../../../shared/packet/limits';
import { encodePacket, encodeReturn, mediaRefs, originalRefs, PACKET_EXTENSION } from '../../../shared/packet/packet';
import type { OriginalLeftOut } from '../../../shared/packet/api';
import type { PacketDraft, ReturnDraft } from '../../../shared/packet/schema';
import { documentFilePath } from '../documents-route';
import type { Signer } from '../../../shared/packet/signature';
import { keyFileOf, loadOrCreateKey } from './keys';
import { mediaDir } from '../paths';
import { nodeSha256, originalLooksLike, readPacketBytes, resanitise } from './reader';

const IMAGE_NAME_RE = /^[0-9a-f]{64}\.(?:png|jpg|gif|webp|bmp)$/;

/** A file name without characters Windows or a shell would trip over. */
export function safeFileName(title: string, suffix: string): string {
  const base = title
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return `${base || '研读'}${suffix}${PACKET_EXTENSION}`;
}

export async function loadImages(dataDir: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const name of names) {
    if (!IMAGE_NAME_RE.test(name)) continue;
    try {
      out.set(name, await readFile(path.join(mediaDir(dataDir), name)));
    } catch (cause) {
      throw new AppError('E_NOT_FOUND', `找不到文章中的图片：${name}（图片文件夹中已没有它）`, { cause });
    }
  }
  return out;
}

/** Container bytes an original adds besides its own: two headers with its name, its manifest line. */
const ORIGINAL_OVERHEAD_BYTES = 512;
/** Kept free of the file limit for what the estimate does not count exactly (the signature entry). */
const FILE_SLACK_BYTES = 64 * 1024;

export interface BuiltPacket {
  bytes: Uint8Array;
  /** Originals carried, and those left out with why (never a failed export). */
  originals: { carried: number; leftOut: OriginalLeftOut[] };
}

/**
 * The originals of the draft's document articles that fit: each under the per-part limit, all
 * within what the file limit leaves after everything else (`baseBytes`), in article order. One
 * missing from the data folder or not matching its hash is left out as `missing`.
 */
export async function chooseOriginals(
  dataDir: string,
  articles: PacketDraft['articles'],
  baseBytes: number,
  limits: { part: number; file: number } = { part: MAX_PART_BYTES, file: MAX_FILE_BYTES },
): Promise<{ originals: Map<string, Uint8Array>; leftOut: OriginalLeftOut[] }> {
  const originals = new Map<string, Uint8Array>();
  const leftOut: OriginalLeftOut[] = [];
  let total = baseBytes;
  for (const file of originalRefs(articles)) {
    const owner = articles.find((a) => a.document?.file === file)!;
    const note = { file, name: owner.document!.name, title: owner.title };
    const full = documentFilePath(dataDir, file);
    const size = full
      ? await stat(full).then(
          (s) => (s.isFile() ? s.size : -1),
          () => -1,
        )
      : -1;
    if (size < 0) {
      leftOut.push({ ...note, bytes: 0, why: 'missing' });
      continue;
    }
    if (size > limits.part) {
      leftOut.push({ ...note, bytes: size, why: 'part' });
      continue;
    }
    if (total + size + ORIGINAL_OVERHEAD_BYTES > limits.file - FILE_SLACK_BYTES) {
      leftOut.push({ ...note, bytes: size, why: 'file' });
      continue;
    }
    const bytes = new Uint8Array(await readFile(full!));
    // A damaged original is not handed on: the member's import would refuse the whole packet.
    if (nodeSha256(bytes) !== file.slice('documents/'.length, 'documents/'.length + 64) || !originalLooksLike(file, bytes)) {
      leftOut.push({ ...note, bytes: size, why: 'missing' });
      continue;
    }
    originals.set(file, bytes);
    total += size + ORIGINAL_OVERHEAD_BYTES;
  }
  return { originals, leftOut };
}

/**
 * A packet with the originals of its document articles that fit. Signed with the data folder's
 * key (made on first need) unless another signer is given.
 */
export async function buildPacket(
  draft: PacketDraft,
  dataDir: string,
  signer?: Signer,
  limits?: { part: number; file: number },
): Promise<BuiltPacket> {
  const names = [...new Set(draft.articles.flatMap((a) => mediaRefs(a.html)))];
  const images = await loadImages(dataDir, names);
  // Store what import will store: the HTML sanitised the same way.
  const media = new Set(images.keys());
  const articles = draft.articles.map((a) => ({ ...a, html: resanitise(a.html, media).html }));
  const key = signer ?? (await loadOrCreateKey(keyFileOf(dataDir)));
  let bytes = encodePacket({ ...draft, articles }, images, nodeSha256, key);
  const chosen = await chooseOriginals(dataDir, articles, bytes.length, limits);
  if (chosen.originals.size > 0) bytes = encodePacket({ ...draft, articles }, images, nodeSha256, key, chosen.originals);
  readPacketBytes(bytes);
  return { bytes, originals: { carried: chosen.originals.size, leftOut: chosen.leftOut } };
}

export async function buildPacketBytes(draft: PacketDraft, dataDir: string, signer?: Signer): Promise<Uint8Array> {
  return (await buildPacket(draft, dataDir, signer)).bytes;
}

/** A member's return file, signed with the data folder's key (members get one on first return). */
export async function buildReturnBytes(draft: ReturnDraft, dataDir: string): Promise<Uint8Array> {
  const bytes = encodeReturn(draft, nodeSha256, await loadOrCreateKey(keyFileOf(dataDir)));
  readPacketBytes(bytes);
  return bytes;
}
