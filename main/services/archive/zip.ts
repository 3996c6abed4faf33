/**
 * Reading a zip file (a .docx, later a synced attachment) without trusting it. First the whole
 * central directory is checked, and the file is refused before anything is inflated when it has
 * too many entries, declares too much output (in all or in one entry), declares a ratio only a
 * bomb has, or holds an encrypted entry, an unsafe or duplicate name, an unknown compression
 * method, entries that overlap (one compressed stream counted many times), or local headers that
 * disagree with the directory. Then each entry is inflated streamed under a counter that stops at
 * the entry's declared size (a bomb can lie in its headers) and the running total; the result
 * must match the declared size and CRC-32 exactly. yauzl parses the directory (zip64 included);
 * the inflating is ours so the counter sees every byte.
 */
import yauzl, { type Entry } from 'yauzl';
import { AppError } from '../../../shared/errors';
import { collectBounded, rawInflater } from './inflate';

export interface ZipLimits {
  maxEntries: number;
  /** All entries together, declared and real. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Largest uncompressed / compressed size for an entry above `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

export const MAX_ZIP_ENTRIES = 2000;
export const MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRY_BYTES = 100 * 1024 * 1024;
/** Text and XML rarely pass 20:1; only a bomb (or a file of nothing) passes 200:1. */
export const MAX_ZIP_RATIO = 200;
export const ZIP_RATIO_FLOOR_BYTES = 1024 * 1024;

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxEntryBytes: MAX_ZIP_ENTRY_BYTES,
  maxRatio: MAX_ZIP_RATIO,
  ratioFloor: ZIP_RATIO_FLOOR_BYTES,
};

/** The checked contents: entry name → its bytes (directories left out). */
export type ZipContents = Map<string, Uint8Array>;

const FLAG_ENCRYPTED = 0x1;
const FLAG_STRONG_ENCRYPTION = 0x40;
const FLAG_UTF8 = 0x800;
const LOCAL_HEADER_BYTES = 30;

function limitError(label: string): AppError {
  return new AppError('E_ARCHIVE_LIMIT', `「${label}」解压后过大（可能是压缩炸弹），已拒绝导入。`);
}

function formatError(label: string, what: string): AppError {
  return new AppError('E_ARCHIVE_FORMAT', `「${label}」${what}，已拒绝导入。`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Names: UTF-8 when flagged. Unflagged names are in the writer's code page, on Chinese Windows
 * GBK; macOS writes unflagged UTF-8. Short GBK names are often valid UTF-8 by accident, but
 * rarely with a three-byte sequence (where every CJK character is in UTF-8), so that decides.
 */
function decodeName(raw: Buffer, flags: number): string | null {
  const attempt = (decoder: InstanceType<typeof TextDecoder>): string | null => {
    try {
      return decoder.decode(raw);
    } catch {
      return null;
    }
  };
  if (flags & FLAG_UTF8 || raw.every((b) => b < 0x80)) return attempt(utf8);
  const asUtf8 = attempt(utf8);
  if (asUtf8 !== null && raw.some((b) => b >= 0xe0)) return asUtf8;
  return attempt(gb18030) ?? asUtf8;
}

/** A relative path of plain segments: no "..", ".", empty segment, drive, backslash or control character. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 1024) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(name) || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

function shortName(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

async function openZip(bytes: Buffer, label: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (cause) {
    throw new AppError('E_ARCHIVE_FORMAT', `「${label}」不是有效的 ZIP 文件（可能已损坏），无法导入。`, { cause });
  }
}

interface Checked {
  entry: Entry;
  name: string;
}

/** The central directory, every rule checked; nothing inflated yet. */
async function readDirectory(zip: yauzl.ZipFile, bytes: Buffer, label: string, limits: ZipLimits): Promise<Checked[]> {
  if (zip.entryCount > limits.maxEntries)
    throw new AppError('E_ARCHIVE_LIMIT', `「${label}」包含的文件过多（${zip.entryCount} 个，最多 ${limits.maxEntries} 个），已拒绝导入。`);
  const out: Checked[] = [];
  const seen = new Set<string>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      // decodeStrings is off so every name passes through our own check, never yauzl's rewrite of "\" to "/".
      const raw = entry.fileNameRaw;
      const name = decodeName(raw, entry.generalPurposeBitFlag);
      if (name === null || !isSafeEntryName(name))
        throw formatError(label, `中有不安全的文件名（${shortName(name ?? raw.toString('latin1'))}）`);
      const key = name.toLowerCase();
      if (seen.has(key)) throw formatError(label, `中有重名的文件（${shortName(name)}）`);
      seen.add(key);
      if (entry.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION))
        throw formatError(label, `中有加密的文件（${shortName(name)}），无法读取`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        throw formatError(label, `使用了不支持的压缩方式（${entry.compressionMethod}）`);
      if (entry.uncompressedSize > limits.maxEntryBytes) throw limitError(label);
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes) throw limitError(label);
      if (entry.uncompressedSize > limits.ratioFloor && entry.uncompressedSize > limits.maxRatio * entry.compressedSize)
        throw limitError(label);
      if (name.endsWith('/')) {
        if (entry.uncompressedSize !== 0) throw formatError(label, `中的文件夹条目带有内容（${shortName(name)}）`);
        continue;
      }
      out.push({ entry, name });
    }
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('E_ARCHIVE_FORMAT', `「${label}」不是有效的 ZIP 文件（可能已损坏），无法导入。`, { cause });
  }
  // One compressed stream shared by many entries (the "overlapping" bomb) counts once on disk
  // and many times inflated: every entry must own its bytes.
  const spans = out
    .map(({ entry }) => ({
      start: entry.relativeOffsetOfLocalHeader,
      end: entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + entry.fileNameLength + entry.compressedSize,
    }))
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    if (spans[i]!.end > bytes.length || (i > 0 && spans[i]!.start < spans[i - 1]!.end))
      throw formatError(label, '的结构异常（文件内容互相重叠）');
  }
  return out;
}

/**
 * The checked contents of a zip held in memory. `wanted` picks the entries to inflate (all by
 * default); the directory rules apply to every entry either way. Throws E_ARCHIVE_LIMIT or
 * E_ARCHIVE_FORMAT naming `label`.
 */
export async function readZip(
  data: Uint8Array,
  label: string,
  options: { limits?: Partial<ZipLimits>; wanted?: (name: string) => boolean } = {},
): Promise<ZipContents> {
  const limits: ZipLimits = { ...ZIP_LIMITS, ...options.limits };
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const zip = await openZip(bytes, label);
  try {
    const entries = await readDirectory(zip, bytes, label, limits);
    const contents: ZipContents = new Map();
    let total = 0;
    for (const { entry, name } of entries) {
      if (options.wanted && !options.wanted(name)) continue;
      let header: yauzl.LocalFileHeader;
      try {
        header = await zip.readLocalFileHeaderPromise(entry);
      } catch (cause) {
        throw new AppError('E_ARCHIVE_FORMAT', `「${label}」不是有效的 ZIP 文件（可能已损坏），无法导入。`, { cause });
      }
      // A local header that names another file or method than the directory is a smuggling trick.
      if (!header.fileName.equals(entry.fileNameRaw) || header.compressionMethod !== entry.compressionMethod)
        throw formatError(label, `的文件头与目录不一致（${shortName(name)}）`);
      const compressed = bytes.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize);
      // Never more than declared (the headers may lie), never past what is left of the total.
      const cap = Math.min(entry.uncompressedSize, limits.maxEntryBytes, limits.maxTotalBytes - total);
      const errors = {
        tooLarge: () => limitError(label),
        broken: (cause: unknown) =>
          new AppError('E_ARCHIVE_FORMAT', `「${label}」中的 ${shortName(name)} 无法解压（文件已损坏），无法导入。`, { cause }),
      };
      // Written straight into one buffer of the declared size (a full-size entry is never held twice).
      const { bytes: out, crc32 } = await collectBounded(
        compressed,
        entry.compressionMethod === 8 ? rawInflater() : null,
        cap,
        errors,
        cap === entry.uncompressedSize,
      );
      if (out.length !== entry.uncompressedSize || crc32 !== entry.crc32)
        throw new AppError('E_ARCHIVE_FORMAT', `「${label}」中的 ${shortName(name)} 已损坏（长度或校验值不符），无法导入。`);
      total += out.length;
      contents.set(name, out);
    }
    return contents;
  } finally {
    zip.close();
  }
}
