/**
 * The `packets` namespace: write packets and return files, check files (from the renderer or a
 * shared folder) and, once the user has confirmed an import, store a checked packet's images.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { renameWithRetry } from '../fs-retry';
import path from 'node:path';
import type { Services } from '../../../shared/contract';
import { AppError, toErrorInfo } from '../../../shared/errors';
import { MAX_FILE_BYTES } from '../../../shared/packet/container';
import type { DecodedFile, Image, Original } from '../../../shared/packet/packet';
import { PACKET_EXTENSION } from '../../../shared/packet/packet';
import { mediaDir } from '../paths';
import { exportKey, existingKey, importKey, keyFileOf, loadOrCreateKey } from './keys';
import { readPacketBytes } from './reader';
import { buildPacket, buildReturnBytes, safeFileName } from './writer';
import { documentFilePath } from '../documents-route';

type PacketServices = Services['packets'];

const MAX_PENDING = 4;
const MAX_FOLDER_FILES = 200;

function decodeBase64(text: string): Uint8Array {
  const buf = Buffer.from(text, 'base64');
  // Node ignores junk silently: insist on the canonical form.
  if (buf.toString('base64') !== text) throw new AppError('E_PACKET_FORMAT', '文件内容的编码无效。');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Writes one file by content hash; an existing file of the right size is kept. */
async function storeByHash(file: string, bytes: Uint8Array): Promise<void> {
  const ok = await stat(file).then(
    (s) => s.size === bytes.length,
    () => false,
  );
  if (ok) return;
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await renameWithRetry(tmp, file);
}

/**
 * The originals a packet's articles name but it does not carry that this data folder already
 * holds. documents/ is named by content hash and written whole (temporary file, then rename), so
 * a non-empty file under that name is that original.
 */
export async function originalsHeld(dataDir: string, file: DecodedFile): Promise<string[]> {
  if (file.kind !== 'packet') return [];
  const carried = new Set(file.originals.map((o) => o.file));
  const named = new Set<string>();
  for (const a of file.articles) if (a.document?.file && !carried.has(a.document.file)) named.add(a.document.file);
  const held: string[] = [];
  for (const name of named) {
    const at = documentFilePath(dataDir, name);
    if (!at) continue;
    const info = await stat(at).catch(() => null);
    if (info?.isFile() && info.size > 0) held.push(name);
  }
  return held;
}

export function toReadResult(file: DecodedFile, token: string) {
  const meta = {
    id: file.manifest.id,
    version: file.manifest.version,
    issuer: file.manifest.issuer,
    issuedAt: file.manifest.issuedAt,
    title: file.manifest.title,
    wholeSha256: file.manifest.wholeSha256,
  };
  // decodeFile refused an invalid signature: what is left is valid or none.
  const signature = {
    state: file.signature.state === 'valid' ? ('valid' as const) : ('none' as const),
    fingerprint: file.signature.fingerprint,
  };
  if (file.kind === 'return') return { kind: 'return' as const, meta, signature, body: file.body };
  return {
    kind: 'packet' as const,
    token,
    meta,
    signature,
    session: file.session,
    articles: file.articles,
    highlights: file.highlights,
    images: file.images.map((i) => ({ name: i.name, size: i.bytes.length })),
    originals: file.originals.map((o) => ({ file: o.file, size: o.bytes.length })),
  };
}

/** A file name inside a folder: no separators, no parent references, our extension. */
function folderFile(folder: string, name: string): string {
  if (name !== path.basename(name) || name.includes('\\') || name.includes('\0') || !name.toLowerCase().endsWith(PACKET_EXTENSION)) {
    throw new AppError('E_FORBIDDEN', `不是资料包文件名：${name.slice(0, 80)}`);
  }
  if (!path.isAbsolute(folder)) throw new AppError('E_INVALID_ARGUMENT', '共享文件夹须为完整路径。');
  return path.join(path.resolve(folder), name);
}

async function readSmallFile(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (cause) {
    throw new AppError('E_NOT_FOUND', `找不到文件：${path.basename(file)}`, { cause });
  }
  if (!info.isFile()) throw new AppError('E_NOT_FOUND', `不是文件：${path.basename(file)}`);
  if (info.size > MAX_FILE_BYTES) throw new AppError('E_PACKET_TOO_LARGE', `文件过大（最多 ${MAX_FILE_BYTES / 1024 / 1024} MB）。`);
  return new Uint8Array(await readFile(file));
}

export function createPacketService(options: { dataDir: string }): PacketServices {
  /** Checked packets waiting for the user's confirmation: token → images and originals. */
  const pending = new Map<string, { images: Image[]; originals: Original[] }>();
  const remember = (file: DecodedFile): string => {
    if (file.kind !== 'packet') return '';
    const token = randomBytes(12).toString('hex');
    pending.set(token, { images: file.images, originals: file.originals });
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
    return token;
  };
  const read = async (bytes: Uint8Array) => {
    const file = readPacketBytes(bytes);
    const result = toReadResult(file, remember(file) || 'none0000');
    if (result.kind !== 'packet') return result;
    const held = await originalsHeld(options.dataDir, file);
    return held.length ? { ...result, originalsHeld: held } : result;
  };

  return {
    build: async ({ draft }) => {
      const { bytes, originals } = await buildPacket(draft, options.dataDir);
      const decoded = readPacketBytes(bytes);
      return {
        base64: Buffer.from(bytes).toString('base64'),
        fileName: safeFileName(draft.meta.title, draft.meta.version > 1 ? `-第${draft.meta.version}版` : ''),
        size: bytes.length,
        wholeSha256: decoded.manifest.wholeSha256,
        signer: decoded.signature.fingerprint!,
        originals,
      };
    },
    buildReturn: async ({ draft }) => {
      const bytes = await buildReturnBytes(draft, options.dataDir);
      const decoded = readPacketBytes(bytes);
      return {
        base64: Buffer.from(bytes).toString('base64'),
        fileName: safeFileName(`${draft.body.member.name}-${draft.body.sessionTopic}`, '-回执'),
        size: bytes.length,
        wholeSha256: decoded.manifest.wholeSha256,
        signer: decoded.signature.fingerprint!,
      };
    },
    read: async ({ base64 }) => read(decodeBase64(base64)),
    readFile: async ({ folder, name }) => read(await readSmallFile(folderFile(folder, name))),
    install: async ({ token }) => {
      const got = pending.get(token);
      if (!got) throw new AppError('E_NOT_FOUND', '导入已过期，请重新选择资料包。');
      const dir = mediaDir(options.dataDir);
      await mkdir(dir, { recursive: true });
      for (const img of got.images) await storeByHash(path.join(dir, img.name), img.bytes);
      if (got.originals.length) await mkdir(path.join(options.dataDir, 'documents'), { recursive: true });
      // Checked by hash and format when read; named only by that hash (documentFilePath).
      for (const o of got.originals) await storeByHash(documentFilePath(options.dataDir, o.file)!, o.bytes);
      return { images: got.images.length, originals: got.originals.length };
    },
    keyInfo: async () => ({ fingerprint: (await existingKey(options.dataDir))?.fingerprint ?? null }),
    exportKey: async ({ passphrase }) => {
      await loadOrCreateKey(keyFileOf(options.dataDir));
      const { text, fingerprint } = await exportKey(options.dataDir, passphrase);
      return {
        base64: Buffer.from(text, 'utf8').toString('base64'),
        fileName: `研读签名密钥-${fingerprint.slice(0, 8)}.yandukey`,
        fingerprint,
      };
    },
    importKey: async ({ base64, passphrase }) => importKey(options.dataDir, Buffer.from(base64, 'base64').toString('utf8'), passphrase),
    scanFolder: async ({ path: folder }) => {
      if (!path.isAbsolute(folder)) throw new AppError('E_INVALID_ARGUMENT', '共享文件夹须为完整路径。');
      let names: string[];
      try {
        names = (await readdir(folder, { withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(PACKET_EXTENSION) && !e.name.startsWith('.'))
          .map((e) => e.name)
          .sort()
          .slice(0, MAX_FOLDER_FILES);
      } catch (cause) {
        throw new AppError('E_NOT_FOUND', `无法读取共享文件夹：${folder.slice(0, 200)}`, { cause });
      }
      const files = [];
      for (const name of names) {
        const file = path.join(folder, name);
        const info = await stat(file).catch(() => null);
        if (!info) continue;
        try {
          const decoded = readPacketBytes(await readSmallFile(file));
          const meta = toReadResult(decoded, 'none0000').meta;
          files.push({
            name,
            size: info.size,
            mtimeMs: info.mtimeMs,
            summary: {
              kind: decoded.kind,
              meta,
              articles: decoded.kind === 'packet' ? decoded.articles.length : 0,
              highlights: decoded.kind === 'packet' ? decoded.highlights.length : decoded.body.highlights.length,
            },
            error: null,
          });
        } catch (error) {
          files.push({ name, size: info.size, mtimeMs: info.mtimeMs, summary: null, error: toErrorInfo(error) });
        }
      }
      return { files };
    },
  };
}
