/** Writes packet and return files; every written packet is read back with the import checks. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { encodePacket, encodeReturn, mediaRefs, PACKET_EXTENSION } from '../../../shared/packet/packet';
import type { PacketDraft, ReturnDraft } from '../../../shared/packet/schema';
import type { Signer } from '../../../shared/packet/signature';
import { keyFileOf, loadOrCreateKey } from './keys';
import { mediaDir } from '../paths';
import { nodeSha256, readPacketBytes, resanitise } from './reader';

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

/** Signed with the data folder's key (made on first need) unless another signer is given. */
export async function buildPacketBytes(draft: PacketDraft, dataDir: string, signer?: Signer): Promise<Uint8Array> {
  const names = [...new Set(draft.articles.flatMap((a) => mediaRefs(a.html)))];
  const images = await loadImages(dataDir, names);
  // Store what import will store: the HTML sanitised the same way.
  const media = new Set(images.keys());
  const articles = draft.articles.map((a) => ({ ...a, html: resanitise(a.html, media).html }));
  const key = signer ?? (await loadOrCreateKey(keyFileOf(dataDir)));
  const bytes = encodePacket({ ...draft, articles }, images, nodeSha256, key);
  readPacketBytes(bytes);
  return bytes;
}

/** A member's return file, signed with the data folder's key (members get one on first return). */
export async function buildReturnBytes(draft: ReturnDraft, dataDir: string): Promise<Uint8Array> {
  const bytes = encodeReturn(draft, nodeSha256, await loadOrCreateKey(keyFileOf(dataDir)));
  readPacketBytes(bytes);
  return bytes;
}
