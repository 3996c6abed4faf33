/**
 * Documents in: PDF, Word .doc / WPS .wps and OFD become the extracted-article shape (plus page
 * markers for paged formats). The bytes decide what a file is, not its name: an HTML page saved
 * as .doc or a PDF with another extension is told apart before any reader sees it. Every reader
 * runs under a size limit and a deadline.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renameWithRetry } from '../../fs-retry';
import { extractOfd } from './ofd';
import { extractPdf } from './pdf';
import { DOCUMENT_LIMITS, documentError, type DocumentArticle, type DocumentFormat, type DocumentLimits } from './types';
import { extractWord } from './word';

export { DOCUMENT_LIMITS, type DocumentArticle, type DocumentFormat, type DocumentLimits } from './types';

/** Extensions read here (.docx stays with the mammoth importer, which keeps its pictures). */
export const DOCUMENT_EXTENSIONS = ['.pdf', '.doc', '.wps', '.ofd'] as const;

export type Sniffed = 'pdf' | 'ole' | 'zip' | 'html' | 'unknown';

/** What some bytes are, by their first bytes. */
export function sniffDocument(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'zip';
  const text = head
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (/^<(?:!doctype html|html|head|body|meta|\?xml[^>]*>\s*<html|div|p[\s>]|table)/.test(text) || /<html[\s>]/.test(text)) return 'html';
  return 'unknown';
}

const FORMAT_NAMES: Record<Sniffed, string> = {
  pdf: 'PDF 文件',
  ole: 'Word 97–2003 文档',
  zip: 'ZIP 压缩包（如 .docx、.ofd）',
  html: '网页（HTML）',
  unknown: '无法识别的格式',
};

export interface ExtractDocumentOptions {
  limits?: Partial<DocumentLimits>;
  /** The name shown in messages (the user's file name). */
  label?: string;
  /** Print pdf.js warnings (through console.log; the CLI sends them to stderr). */
  warnings?: boolean;
  /** The bytes may be handed to the parser without a copy (the documents thread's own clone). */
  ownsBytes?: boolean;
  /** The title of a document that states none (default: the file's name without extension). */
  fallbackTitle?: string;
}

/**
 * Reads one document. `name` gives the extension (and the fallback title); throws AppError
 * (E_DOCUMENT_FORMAT, E_DOCUMENT_ENCRYPTED, E_DOCUMENT_LIMIT, E_ARCHIVE_*) with a Chinese
 * message naming the file.
 */
export async function extractDocument(bytes: Uint8Array, name: string, options: ExtractDocumentOptions = {}): Promise<DocumentArticle> {
  const limits: DocumentLimits = { ...DOCUMENT_LIMITS, ...options.limits };
  const label = options.label ?? path.basename(name);
  const ext = path.extname(name).toLowerCase();
  const fallbackTitle = options.fallbackTitle || path.basename(name, path.extname(name)) || label;
  if (bytes.length === 0) throw documentError('E_DOCUMENT_FORMAT', `「${label}」是空文件，无法导入。`);
  if (bytes.length > limits.maxBytes)
    throw documentError('E_DOCUMENT_LIMIT', `「${label}」过大（超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB），已拒绝导入。`);
  const kind = sniffDocument(bytes);
  const wrong = (expected: string) =>
    documentError(
      'E_DOCUMENT_FORMAT',
      `「${label}」的扩展名是 ${ext}，内容却是${FORMAT_NAMES[kind]}，不是${expected}（可能是网站导出时改了扩展名，或文件已损坏），无法导入。${kind === 'html' ? '可把扩展名改为 .html 后再导入。' : ''}`,
    );
  const common = { label, fallbackTitle, limits };
  if (ext === '.pdf') {
    if (kind !== 'pdf') throw wrong('PDF 文件');
    return extractPdf(bytes, {
      ...common,
      ...(options.warnings ? { warnings: true } : {}),
      ...(options.ownsBytes ? { ownsBytes: true } : {}),
    });
  }
  if (ext === '.doc' || ext === '.wps') {
    if (kind !== 'ole') throw wrong(ext === '.wps' ? 'WPS 文字文档' : 'Word 97–2003 文档');
    return extractWord(bytes, { ...common, format: ext === '.wps' ? 'wps' : 'doc' });
  }
  if (ext === '.ofd') {
    if (kind !== 'zip') throw wrong('OFD 文件');
    return extractOfd(bytes, common);
  }
  throw documentError('E_DOCUMENT_FORMAT', `不支持的文档类型：${label}`);
}

/**
 * Originals kept in `<dataDir>/documents/<sha256>.<ext>`: content-addressed, so the same file
 * imported twice is stored once; written to a temporary name first and renamed, so a crash
 * never leaves half a file under the final name.
 */
export const DOCUMENTS_DIR = 'documents';

export async function storeOriginal(dataDir: string, bytes: Uint8Array, format: DocumentFormat): Promise<string> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const rel = `${DOCUMENTS_DIR}/${hash}.${format}`;
  const dir = path.join(dataDir, DOCUMENTS_DIR);
  const dest = path.join(dataDir, rel);
  try {
    const s = await stat(dest);
    if (s.size === bytes.length) return rel;
  } catch {
    // not stored yet
  }
  const temp = `${dest}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes);
    await renameWithRetry(temp, dest);
  } catch (error) {
    // No half file left behind (a full disk stops writeFile midway).
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw documentError('E_DISK_FULL', '磁盘空间不足，文档的原件没有保存，没有导入。请清理磁盘后重新导入。', error);
    throw documentError('E_RESOURCE', `文档的原件无法写入数据文件夹（${code || '未知原因'}），没有导入。`, error);
  }
  return rel;
}
