/**
 * Local study material: .pdf/.doc/.wps/.ofd (extract/documents, page markers kept beside the
 * text, the original stored in the data folder), .docx (mammoth → HTML, images stored by content hash), .html/.htm
 * (decoded like a fetched page, then extracted), .txt in GBK or UTF-8 (first non-empty line is
 * the title; paragraphs by blank lines, or by line breaks when there are none). A folder source
 * lists its supported files with size and mtime so re-syncs only read what changed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { escapeHtml } from '../../../shared/html-policy';
import { decodeBytes } from '../extract/decode';
import { DOCUMENT_EXTENSIONS, storeOriginal, type DocumentFormat } from '../extract/documents';
import { DOCX_IMAGE_PREFIX } from '../extract/documents/docx';
import { documentPool } from '../extract/documents/pool';
import type { DocumentInfo, PageMarker } from '../../../shared/domain/article';
import { extractArticle } from '../extract/extract';
import { findDate } from '../../../shared/dates';
import { isMetaLine, matchAuthor, matchEditor, matchOrigin } from '../extract/patterns';
import { dropTitleBlock, renderBlocks, sanitiseHtml, type HElement } from '../sync/article-html';
import { fileUrlKey } from '../sync/canonical';
import type { ImageStore } from '../sync/images';
import { MEDIA_DIR } from '../sync/images';

export const SUPPORTED_EXTENSIONS = ['.docx', ...DOCUMENT_EXTENSIONS, '.html', '.htm', '.txt'] as const;
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface LocalFileInfo {
  path: string;
  name: string;
  ext: string;
  size: number;
  mtimeMs: number;
  urlKey: string;
  /** Changes whenever size or mtime does: the folder source's validator. */
  stamp: string;
}

export interface ImportedFile {
  urlKey: string;
  title: string;
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  html: string;
  text: string;
  /** Images that could not be stored. */
  imageFailures: string[];
  /** For document files (.pdf, .doc, .wps, .ofd, .docx): what the article payload records. */
  document: ImportedDocument | null;
}

export interface ImportedDocument {
  format: DocumentFormat;
  /** The original in the data folder (`documents/<sha256>.<ext>`), when a data folder was given. */
  file: string | null;
  pageCount: number | null;
  pages: PageMarker[] | null;
  docNumber: string | null;
  scanned: boolean;
  paragraphs: string[];
}

/** What the article payload records of a document file. */
export function documentInfo(d: ImportedDocument, name: string): DocumentInfo {
  return {
    format: d.format,
    name: name.slice(0, 255),
    file: d.file,
    pageCount: d.pageCount,
    pages: d.pages,
    docNumber: d.docNumber?.slice(0, 100) ?? null,
    scanned: d.scanned,
  };
}

export function isSupportedFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(ext) && !name.startsWith('~$') && !name.startsWith('.');
}

export function fileStamp(size: number, mtimeMs: number): string {
  return `"${size}-${Math.floor(mtimeMs)}"`;
}

/** A file or folder a scan saw but will not import, and why (Chinese, for the sync log). */
export interface FolderSkip {
  path: string;
  reason: string;
}

/**
 * Files that are part of a saved web page or a system's bookkeeping, not study material: not
 * worth a log line each.
 */
const QUIET_EXTENSIONS = new Set(
  '.png .jpg .jpeg .gif .bmp .webp .svg .ico .tif .tiff .css .js .mjs .map .json .xml .woff .woff2 .ttf .otf .eot .db .ini .lnk .tmp .bak .log'.split(
    ' ',
  ),
);
const QUIET_NAMES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

/** Why a file a folder source holds is not imported, or null when nobody needs telling. */
function unsupportedReason(name: string): string | null {
  const lower = name.toLowerCase();
  if (name.startsWith('.') || name.startsWith('~$') || QUIET_NAMES.has(lower)) return null;
  const ext = path.extname(lower);
  if (QUIET_EXTENSIONS.has(ext)) return null;
  return `文件类型${ext ? `（${ext}）` : ''}暂不支持导入，已跳过（支持 ${SUPPORTED_EXTENSIONS.join('、')}）`;
}

/** Supported files under a folder (recursively, hidden folders skipped), sorted by path. */
export async function scanFolder(dir: string, options: { recursive?: boolean; maxFiles?: number } = {}): Promise<LocalFileInfo[]> {
  return (await scanFolderReport(dir, options)).files;
}

/**
 * scanFolder, plus what it passed over that the user should hear about: unreadable folders
 * and files, unsupported document types, folders too deep, files beyond the limit.
 */
export async function scanFolderReport(
  dir: string,
  options: { recursive?: boolean; maxFiles?: number } = {},
): Promise<{ files: LocalFileInfo[]; skipped: FolderSkip[] }> {
  const root = path.resolve(dir);
  const recursive = options.recursive ?? true;
  const maxFiles = options.maxFiles ?? 20_000;
  const out: LocalFileInfo[] = [];
  const skipped: FolderSkip[] = [];
  let overLimit = false;
  const walk = async (d: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (cause) {
      if (d === root) throw new AppError('E_NOT_FOUND', `无法读取文件夹：${d}`, { cause });
      skipped.push({ path: d, reason: '无法读取文件夹（可能没有权限），其中的文件未导入' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (out.length >= maxFiles) {
        if (!overLimit) skipped.push({ path: p, reason: `文件夹中的文件超过 ${maxFiles} 个，此后的文件未导入` });
        overLimit = true;
        return;
      }
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || !recursive) continue;
        if (depth < 8) await walk(p, depth + 1);
        else skipped.push({ path: p, reason: '文件夹层级过深（超过 8 层），其中的文件未导入' });
        continue;
      }
      if (!e.isFile()) continue;
      if (!isSupportedFile(e.name)) {
        const reason = unsupportedReason(e.name);
        if (reason) skipped.push({ path: p, reason });
        continue;
      }
      try {
        const s = await stat(p);
        out.push({
          path: p,
          name: e.name,
          ext: path.extname(e.name).toLowerCase(),
          size: s.size,
          mtimeMs: s.mtimeMs,
          urlKey: fileUrlKey(p),
          stamp: fileStamp(s.size, s.mtimeMs),
        });
      } catch {
        skipped.push({ path: p, reason: '无法读取文件信息（文件可能已被移走或没有权限），未导入' });
      }
    }
  };
  await walk(root, 0);
  return { files: out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), skipped };
}

function plainLine(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff]+/g, ' ').trim();
}

interface Meta {
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
}

/** Metadata lines (来源/作者/日期…) among the first paragraphs are read and removed. */
function takeMeta(paras: string[]): { meta: Meta; rest: string[] } {
  const meta: Meta = { publishedAt: null, origin: null, author: null, editor: null };
  const rest = [...paras];
  for (let i = 0; i < Math.min(3, rest.length);) {
    const t = rest[i]!;
    if (t.length <= 120 && isMetaLine(t)) {
      meta.publishedAt ??= findDate(t);
      meta.origin ??= matchOrigin(t);
      meta.author ??= matchAuthor(t);
      meta.editor ??= matchEditor(t);
      rest.splice(i, 1);
    } else i++;
  }
  return { meta, rest };
}

async function importTxt(bytes: Uint8Array, titleName: string): Promise<Omit<ImportedFile, 'urlKey' | 'imageFailures' | 'document'>> {
  const text = decodeBytes(bytes, null).text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && !plainLine(lines[i]!)) i++;
  const title = plainLine(lines[i] ?? '') || titleName;
  const body = lines.slice(i + 1);
  const hasBlank = body.some((l, k) => !plainLine(l) && k > 0 && k < body.length - 1 && body.slice(0, k).some((x) => plainLine(x)));
  let paras: string[] = [];
  if (hasBlank) {
    let cur: string[] = [];
    for (const l of body) {
      if (!plainLine(l)) {
        if (cur.length) paras.push(cur.join(''));
        cur = [];
      } else cur.push(plainLine(l));
    }
    if (cur.length) paras.push(cur.join(''));
  } else paras = body.map(plainLine).filter(Boolean);
  const { meta, rest } = takeMeta(paras);
  if (!meta.publishedAt) {
    const tail = rest.slice(-2).find((p) => p.length <= 30 && findDate(p));
    if (tail) meta.publishedAt = findDate(tail);
  }
  const html = rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return { title: title.slice(0, 500), ...meta, ...render(sanitiseHtml(html)) };
}

function render(blocks: HElement[]): { html: string; text: string } {
  return renderBlocks(blocks);
}

async function importDocx(
  bytes: Uint8Array,
  name: string,
  label: string,
  images: ImageStore | null,
  titleName: string,
): Promise<Omit<ImportedFile, 'urlKey' | 'document'>> {
  const failures: string[] = [];
  // Unzipped (under the archive limits) and converted in the documents thread; its pictures
  // come back as bytes behind placeholders and are stored here.
  const converted = await documentPool().convertDocx(bytes, name, label);
  const stored: string[] = [];
  for (const [n, image] of converted.images.entries()) {
    const src = images ? await images.storeBytes(image.bytes) : '';
    if (images && !src) failures.push(`第 ${n + 1} 张图片（${image.contentType}）无法识别`);
    stored.push(src ?? '');
  }
  const placeholder = new RegExp(`src="${DOCX_IMAGE_PREFIX}(\\d+)"`, 'g');
  const result = { value: converted.html.replace(placeholder, (_m, i: string) => `src="${stored[Number(i)] ?? ''}"`) };
  // Word's Title style (mapped to a marked h1 below) names the document, ahead of any Heading 1.
  const styled: string[] = [];
  const value = result.value.replace(/<h1 class="yandu-doc-title">([\s\S]*?)<\/h1>/g, (_m, inner: string) => {
    const t = renderBlocks(sanitiseHtml(`<p>${inner}</p>`)).text.trim();
    if (t) styled.push(t);
    return '';
  });
  let blocks = sanitiseHtml(value);
  const firstText = (b: HElement | undefined) => (b ? renderBlocks([b]).text : '');
  let title = styled.join('').slice(0, 500);
  if (!title) {
    // The core title property, where a line near the top says the same (else it is often junk).
    const core = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(converted.coreXml);
    const coreTitle = core
      ? core[1]!
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .trim()
      : '';
    const squash = (t: string) => t.replace(/\s+/g, '');
    const at = coreTitle ? blocks.slice(0, 5).findIndex((b) => squash(firstText(b)) === squash(coreTitle)) : -1;
    if (at >= 0) {
      title = firstText(blocks[at]);
      blocks = [...blocks.slice(0, at), ...blocks.slice(at + 1)];
    }
  }
  // Then the first heading, else a short first paragraph, else the file name.
  const headingIndex = title ? -1 : blocks.findIndex((b) => /^h[2-4]$/.test(b.tag));
  if (title) {
    // chosen above
  } else if (headingIndex >= 0 && headingIndex <= 2 && firstText(blocks[headingIndex]).length <= 120) {
    title = firstText(blocks[headingIndex]);
    blocks = [...blocks.slice(0, headingIndex), ...blocks.slice(headingIndex + 1)];
  } else {
    const t = firstText(blocks[0]);
    if (t && t.length <= 60 && !/[。！？；]$/.test(t)) {
      title = t;
      blocks = blocks.slice(1);
    }
  }
  if (!title) title = titleName;
  blocks = dropTitleBlock(blocks, title);
  const meta: Meta = { publishedAt: null, origin: null, author: null, editor: null };
  while (blocks.length > 0) {
    const t = firstText(blocks[0]);
    if (t.length > 120 || !isMetaLine(t)) break;
    meta.publishedAt ??= findDate(t);
    meta.origin ??= matchOrigin(t);
    meta.author ??= matchAuthor(t);
    meta.editor ??= matchEditor(t);
    blocks = blocks.slice(1);
  }
  if (!meta.publishedAt) {
    for (const b of blocks.slice(-2)) {
      const t = firstText(b);
      if (t.length <= 30 && findDate(t)) meta.publishedAt = findDate(t);
    }
  }
  return { title: title.slice(0, 500), ...meta, ...renderBlocks(blocks), imageFailures: failures };
}

async function importHtml(
  bytes: Uint8Array,
  filePath: string,
  images: ImageStore | null,
): Promise<Omit<ImportedFile, 'urlKey' | 'document'>> {
  const html = decodeBytes(bytes, null).text;
  const a = extractArticle(html);
  const blocks = dropTitleBlock(sanitiseHtml(a.html), a.title);
  const failures: string[] = [];
  // Images next to the file (relative src) are read from disk; remote ones are dropped offline.
  const dir = path.dirname(filePath);
  const local = new Map<string, string | null>();
  const walk = async (nodes: HElement['children']) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.tag === 'img' && n.attrs.src !== undefined) {
        const src = n.attrs.src;
        if (!local.has(src)) {
          let stored: string | null = null;
          if (images && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith(`${MEDIA_DIR}/`)) {
            try {
              const p = path.resolve(dir, decodeURIComponent(src.split(/[?#]/)[0]!));
              const s = await stat(p);
              if (s.size <= MAX_IMAGE_BYTES) stored = await images.storeBytes(new Uint8Array(await readFile(p)));
            } catch {
              stored = null;
            }
          } else if (src.startsWith(`${MEDIA_DIR}/`)) stored = src;
          if (!stored) failures.push(src);
          local.set(src, stored);
        }
        const v = local.get(src);
        if (v) n.attrs.src = v;
        else delete n.attrs.src;
      }
      await walk(n.children);
    }
  };
  await walk(blocks);
  return {
    title: a.title,
    publishedAt: a.publishedAt,
    origin: a.origin,
    author: a.author,
    editor: a.editor,
    ...renderBlocks(blocks),
    imageFailures: failures,
  };
}

/**
 * Imports one file; throws AppError with a Chinese message naming the file (`label`, default
 * the path). With `dataDir`, the original of a document file is kept under documents/ there.
 */
export async function importFile(
  filePath: string,
  options: { images?: ImageStore | null; dataDir?: string | null; label?: string; pdfWarnings?: boolean } = {},
): Promise<ImportedFile> {
  const abs = path.resolve(filePath);
  const label = options.label ?? abs;
  if (!isSupportedFile(path.basename(abs))) throw new AppError('E_INVALID_ARGUMENT', `不支持的文件类型：${label}`);
  let bytes: Uint8Array;
  try {
    const s = await stat(abs);
    if (s.size > MAX_FILE_BYTES) throw new AppError('E_DOCUMENT_LIMIT', `文件过大（超过 50 MB）：${label}`);
    bytes = new Uint8Array(await readFile(abs));
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError('E_NOT_FOUND', `无法读取文件：${label}`, { cause });
  }
  return importFileBytes(bytes, abs, options);
}

/**
 * importFile for bytes already in memory (a downloaded attachment): `filePath` names the file
 * (its extension decides the reader) and need not exist.
 */
export async function importFileBytes(
  bytes: Uint8Array,
  filePath: string,
  options: { images?: ImageStore | null; dataDir?: string | null; label?: string; pdfWarnings?: boolean } = {},
): Promise<ImportedFile> {
  const abs = path.resolve(filePath);
  const label = options.label ?? abs;
  const ext = path.extname(abs).toLowerCase();
  // A document without a title of its own is named after its file as the user knows it (the
  // label): a download or an upload is read under a stand-in name (attachment.pdf, a hash).
  const titleName = path.basename(label, path.extname(label)) || path.basename(abs, path.extname(abs));
  if (!isSupportedFile(path.basename(abs))) throw new AppError('E_INVALID_ARGUMENT', `不支持的文件类型：${label}`);
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('E_DOCUMENT_LIMIT', `文件过大（超过 50 MB）：${label}`);
  const images = options.images ?? null;
  let r: Omit<ImportedFile, 'urlKey' | 'document'>;
  let document: ImportedDocument | null = null;
  try {
    if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
      const d = await documentPool().extract(bytes, abs, {
        label: path.basename(label),
        fallbackTitle: titleName,
        ...(options.pdfWarnings ? { warnings: true } : {}),
      });
      r = {
        title: d.title,
        publishedAt: d.publishedAt,
        origin: d.origin,
        author: d.author,
        editor: d.editor,
        html: d.html,
        text: d.text,
        imageFailures: [],
      };
      document = {
        format: d.format,
        file: null,
        pageCount: d.pageCount,
        pages: d.pages,
        docNumber: d.docNumber,
        scanned: d.scanned,
        paragraphs: d.paragraphs,
      };
    } else if (ext === '.docx') {
      r = await importDocx(bytes, abs, path.basename(label), images, titleName);
      document = {
        format: 'docx',
        file: null,
        pageCount: null,
        pages: null,
        docNumber: null,
        scanned: false,
        paragraphs: r.text.split('\n').filter(Boolean),
      };
    } else if (ext === '.txt') r = { ...(await importTxt(bytes, titleName)), imageFailures: [] };
    else r = await importHtml(bytes, abs, images);
  } catch (cause) {
    if (cause instanceof AppError) {
      const named = cause.message.includes(abs) || cause.message.includes(path.basename(label));
      throw named ? cause : new AppError(cause.code, `${cause.message.replace(/。$/, '')}：${label}`, { cause });
    }
    throw new AppError('E_INVALID_ARGUMENT', `文件内容无法读取（可能已损坏）：${label}`, { cause });
  }
  if (!r.text.trim() && !/<img /.test(r.html)) throw new AppError('E_INVALID_ARGUMENT', `文件中没有正文：${label}`);
  // Kept only once the file proved readable: a refused file leaves nothing behind.
  if (document && options.dataDir) document.file = await storeOriginal(options.dataDir, bytes, document.format);
  return { urlKey: fileUrlKey(abs), ...r, document };
}
