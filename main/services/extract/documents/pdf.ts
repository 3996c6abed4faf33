/**
 * PDF text layers through pdf.js (legacy build, the one that runs in Node): lines by position,
 * then the shared layout rules. pdf.js runs its "fake worker" in this thread, so the deadline is
 * enforced between pages and by destroying the loading task, which stops its parser; memory is
 * bounded beforehand by inflating every Flate stream under a budget (a PDF bomb is refused
 * before pdf.js sees it) and by a page limit. CMaps and standard fonts come from the package's
 * own folders, eval is off, nothing is fetched.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { assemble } from './assemble';
import { buildBlocks, dropRunningLines, groupLines, type Line, type TextRun } from './layout';
import { documentError, type DocumentArticle, type DocumentLimits } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

/**
 * pdf.js needs DOMMatrix when its module is evaluated. It takes it from @napi-rs/canvas through
 * `createRequire(import.meta.url)`, which a bundled build (no import.meta) cannot do: load the
 * package here, from the working folder or the entry script. Where it is missing (an installed
 * app without node_modules) a bare identity matrix lets the module load; text extraction never
 * renders, so no matrix arithmetic is asked of it.
 */
function provideDomMatrix(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.DOMMatrix) return;
  for (const base of [path.join(process.cwd(), 'package.json'), process.argv[1]]) {
    if (!base) continue;
    try {
      const canvas = createRequire(path.resolve(base))('@napi-rs/canvas') as Record<string, unknown>;
      for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) if (!g[name] && canvas[name]) g[name] = canvas[name];
      if (g.DOMMatrix) return;
    } catch {
      // try the next base
    }
  }
  g.DOMMatrix = class IdentityMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
}

/** pdf.js and its worker code, loaded once; the worker runs in this thread (no worker file). */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    provideDomMatrix();
    const nativePush = Array.prototype.push;
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    // The legacy build's core-js replaces Array.prototype.push with a JavaScript one for every
    // array in the thread (V8's push() with no arguments on a frozen-length array does not
    // throw): it made CMap parsing several times slower. Node's own push is kept.
    if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  })();
  return loaded;
}

/**
 * The folder holding cmaps/ and standard_fonts/: YANDU_PDFJS_DIR; else the copy the build puts
 * beside the bundles (dist/pdfjs, the only one a packaged app has); else the package, resolved
 * from the working folder or the entry script (bundled builds have no import.meta.url).
 */
function packageDir(): string {
  const env = process.env.YANDU_PDFJS_DIR;
  if (env) return env;
  // Bundles live in dist/electron (CommonJS, with __dirname) and dist/host (the entry script).
  const bundleDirs = [
    typeof __dirname === 'string' ? __dirname : null,
    process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : null,
  ];
  for (const dir of bundleDirs) {
    const copy = dir && path.join(dir, '..', 'pdfjs');
    if (copy && existsSync(path.join(copy, 'cmaps'))) return copy;
  }
  for (const base of [path.join(process.cwd(), 'package.json'), process.argv[1]]) {
    if (!base) continue;
    try {
      return path.dirname(createRequire(path.resolve(base)).resolve('pdfjs-dist/package.json'));
    } catch {
      // try the next base
    }
  }
  return path.join(process.cwd(), 'node_modules', 'pdfjs-dist');
}

/**
 * CMaps and standard fonts, read once per thread and kept (bounded, least recently used out
 * first): pdf.js asks for them again for every document, and a sync reads many documents.
 */
const BINARY_CACHE_MAX_BYTES = 16 * 1024 * 1024;
const binaryCache = new Map<string, Uint8Array>();
let binaryCacheBytes = 0;
export const binaryCacheStats = { reads: 0, hits: 0 };

async function readBinary(file: string): Promise<Uint8Array> {
  const hit = binaryCache.get(file);
  if (hit) {
    binaryCacheStats.hits++;
    binaryCache.delete(file); // re-inserted: most recently used last
    binaryCache.set(file, hit);
    return hit.slice(); // pdf.js may transfer what it is given; the cache keeps its own
  }
  binaryCacheStats.reads++;
  const bytes = new Uint8Array(await readFile(file));
  if (bytes.length <= BINARY_CACHE_MAX_BYTES / 4) {
    binaryCache.set(file, bytes.slice());
    binaryCacheBytes += bytes.length;
    for (const [key, value] of binaryCache) {
      if (binaryCacheBytes <= BINARY_CACHE_MAX_BYTES) break;
      binaryCache.delete(key);
      binaryCacheBytes -= value.length;
    }
  }
  return bytes;
}

/** pdf.js's BinaryDataFactory contract (`fetch({ kind, filename })`), reading through the cache. */
class CachedBinaryDataFactory {
  private readonly bases: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.bases = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.bases[kind];
    // Names come from pdf.js's own lists; anything path-like is refused all the same.
    if (!base || !/^[\w.+-]+$/.test(filename) || filename.includes('..')) throw new Error(`Unable to load ${kind} data: ${filename}`);
    return readBinary(`${base}${filename}`);
  }
}

const latin1 = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/**
 * Inflates every FlateDecode stream (object streams included) under one budget: a bomb is
 * refused here, before pdf.js would inflate it in memory. Broken streams count as nothing
 * (pdf.js will cope or fail on its own).
 */
export function checkPdfStreams(bytes: Uint8Array, label: string, maxInflateBytes: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = maxInflateBytes;
  let at = 0;
  for (;;) {
    const s = buf.indexOf('stream', at, 'latin1');
    if (s < 0) return;
    const previous = at;
    at = s + 6;
    // "endstream" also contains "stream"; a stream keyword follows its dictionary's ">>".
    if (s >= 3 && buf[s - 3] === 0x65 && buf[s - 2] === 0x6e && buf[s - 1] === 0x64) continue;
    // Only the 4 KB before the keyword, and nothing already scanned: a backwards search per
    // keyword over more would be quadratic on a file of many "stream" words.
    const from = Math.max(previous, s - 4096);
    let dictStart = -1;
    for (let i = s - 2; i >= from; i--) {
      if (buf[i] === 0x3c && buf[i + 1] === 0x3c) {
        dictStart = i;
        break;
      }
    }
    if (dictStart < 0) continue;
    const dict = latin1(bytes, dictStart, s);
    if (!/\/(?:FlateDecode|Fl)\b/.test(dict)) continue;
    let dataStart = at;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] === 0x0a) dataStart++;
    const end = buf.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) return;
    at = end + 9;
    try {
      const out = inflateSync(buf.subarray(dataStart, end), { maxOutputLength: Math.max(1, budget) });
      budget -= out.length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
        throw documentError('E_DOCUMENT_LIMIT', `「${label}」解压后过大（可能是恶意构造的 PDF），已拒绝导入。`);
      // A damaged or truncated stream: not a bomb.
    }
    if (budget <= 0) throw documentError('E_DOCUMENT_LIMIT', `「${label}」解压后过大（可能是恶意构造的 PDF），已拒绝导入。`);
  }
}

interface PdfOptions {
  label: string;
  fallbackTitle: string;
  limits: DocumentLimits;
  /** pdf.js warnings (console.log) are printed only when asked (the CLI routes them to stderr). */
  warnings?: boolean;
  /** The bytes are the caller's to give away (the documents thread's own copy): pdf.js takes them without a copy. */
  ownsBytes?: boolean;
}

const yieldToTimers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function extractPdf(bytes: Uint8Array, options: PdfOptions): Promise<DocumentArticle> {
  const { label, limits } = options;
  if (latin1(bytes, 0, Math.min(bytes.length, 1024)).indexOf('%PDF-') < 0)
    throw documentError('E_DOCUMENT_FORMAT', `「${label}」不是 PDF 文件（文件头不对，可能已损坏或扩展名有误），无法导入。`);
  if (!latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length).includes('%%EOF'))
    throw documentError('E_DOCUMENT_FORMAT', `「${label}」不完整（文件末尾缺失，可能下载或复制时被截断），无法导入。`);
  checkPdfStreams(bytes, label, limits.maxInflateBytes);
  const pdfjs = await loadPdfJs();
  const dir = packageDir();
  // pdf.js may detach the buffer it is given: a copy, unless the bytes are ours to give and
  // have a buffer of their own (a view into a larger one would detach its neighbours).
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const task = pdfjs.getDocument({
    data: options.ownsBytes && whole ? bytes : new Uint8Array(bytes),
    cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
    BinaryDataFactory: CachedBinaryDataFactory,
    useWorkerFetch: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: options.warnings ? pdfjs.VerbosityLevel.WARNINGS : pdfjs.VerbosityLevel.ERRORS,
  });
  const deadline = Date.now() + limits.deadlineMs;
  const deadlineError = () =>
    documentError('E_DOCUMENT_LIMIT', `「${label}」处理超时（超过 ${Math.round(limits.deadlineMs / 1000)} 秒），已停止。`);
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(deadlineError());
      void task.destroy();
    }, limits.deadlineMs);
  });
  timedOut.catch(() => undefined);
  const overDeadline = () => {
    if (Date.now() > deadline) throw deadlineError();
  };
  try {
    return await readPdf();
  } catch (error) {
    // Once the deadline has destroyed the task, whatever pdf.js was doing fails in its own way
    // (a TypeError from a torn-down document): the reason the user should read is the deadline.
    if (expired && !(error instanceof Error && (error as { code?: string }).code === 'E_DOCUMENT_LIMIT')) throw deadlineError();
    throw error;
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }

  async function readPdf() {
    const doc = await Promise.race([task.promise, timedOut]).catch((error: unknown) => {
      const name = (error as { name?: string }).name;
      if (name === 'PasswordException')
        throw documentError(
          'E_DOCUMENT_ENCRYPTED',
          `「${label}」设有打开密码（已加密），无法导入。请先在 PDF 阅读器中取消密码后再导入。`,
          error,
        );
      if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('E_DOCUMENT')) throw error;
      throw documentError('E_DOCUMENT_FORMAT', `「${label}」无法解析（PDF 文件可能已损坏），无法导入。`, error);
    });
    const pageCount = doc.numPages;
    if (pageCount > limits.maxPages)
      throw documentError('E_DOCUMENT_LIMIT', `「${label}」页数过多（${pageCount} 页，最多 ${limits.maxPages} 页），已拒绝导入。`);
    let metaTitle: string | null = null;
    try {
      const meta = await Promise.race([doc.getMetadata(), timedOut]);
      const t = (meta.info as { Title?: unknown } | undefined)?.Title;
      metaTitle = typeof t === 'string' ? t : null;
    } catch (error) {
      // A document without readable metadata keeps metaTitle null.
      if (error instanceof Error && (error as { code?: string }).code === 'E_DOCUMENT_LIMIT') throw error;
    }
    const pages: Line[][] = [];
    let chars = 0;
    for (let n = 1; n <= pageCount; n++) {
      overDeadline();
      await yieldToTimers();
      const page = await Promise.race([doc.getPage(n), timedOut]);
      const viewport = page.getViewport({ scale: 1 });
      const content = await Promise.race([page.getTextContent(), timedOut]);
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [, , c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        const size = Math.hypot(c!, d!);
        runs.push({ text: item.str, x: e!, y: f!, width: item.width, size, bold: false });
        chars += item.str.trim().length;
      }
      pages.push(groupLines({ width: viewport.width, height: viewport.height, runs }, n - 1));
      page.cleanup();
    }
    overDeadline();
    const fallbackTitle = options.fallbackTitle;
    if (chars < Math.max(1, pageCount) * 2) return scannedPdf(fallbackTitle, pageCount);
    return assemble({
      blocks: buildBlocks(dropRunningLines(pages)),
      format: 'pdf',
      metaTitle,
      fallbackTitle,
      pageCount,
      laidOut: true,
    });
  }
}

/** A scan: no text to read, and the document says so plainly. */
export function scannedPdf(title: string, pageCount: number): DocumentArticle {
  const text = `这是一份扫描件（共 ${pageCount} 页），没有文字层，无法提取文字，也不能划线或搜索其中的内容。请查看原件。`;
  return {
    title,
    publishedAt: null,
    origin: null,
    author: null,
    editor: null,
    paragraphs: [text],
    text,
    html: `<p>${text}</p>`,
    images: [],
    publishedTime: null,
    docNumber: null,
    confidence: 1,
    method: 'pdf',
    format: 'pdf',
    pages: Array.from({ length: pageCount }, (_, i) => ({ page: i + 1, offset: 0 })),
    pageCount,
    scanned: true,
  };
}
