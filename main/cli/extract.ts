import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { AppError } from '../../shared/errors';
import { decodeBytes } from '../services/extract/decode';
import { extractArticle } from '../services/extract/extract';
import { parseArgs, registerCommand } from './registry';

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Fetches a page the user asked for through the sync services' HTTP client: its ASCII
 * User-Agent, timeout, total deadline, size cap, and the network policy's "never" rules
 * (link-local, file:, credentials) on every redirect hop. robots.txt is not consulted: the
 * user named this one page, as a browser would open it.
 */
async function fetchPage(url: string): Promise<{ bytes: Uint8Array; contentType: string | null; finalUrl: string }> {
  // Loaded here, not at startup: a saved page needs neither the network nor the document readers.
  const { HttpClient } = await import('../services/sync/http-client');
  const client = new HttpClient({ delayMs: 0, robots: false, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, retries: 1 });
  const res = await client.get(url);
  return { bytes: res.bytes, contentType: res.contentType, finalUrl: res.finalUrl };
}

/** Document files: the same JSON line as a page, plus the page markers of paged formats. */
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.doc', '.wps', '.ofd', '.docx']);

/**
 * stdout carries only the JSON line: libraries that print (pdf.js warns through console.log)
 * are sent to stderr for the rest of this command.
 */
function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.warn = toStderr;
  console.debug = toStderr;
}

async function extractDocumentFile(target: string): Promise<number> {
  const { importFile } = await import('../services/files/local-files');
  const r = await importFile(target, { images: null, pdfWarnings: true, label: target });
  const d = r.document;
  const out = {
    title: r.title,
    publishedAt: r.publishedAt,
    origin: r.origin,
    author: r.author,
    editor: r.editor,
    paragraphs: d?.paragraphs ?? r.text.split('\n').filter(Boolean),
    text: r.text,
    images: [],
    publishedTime: null,
    docNumber: d?.docNumber ?? null,
    confidence: 1,
    method: d?.format ?? 'docx',
    ...(d?.pages ? { pages: d.pages, pageCount: d.pageCount } : {}),
    ...(d?.scanned ? { scanned: true } : {}),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}

registerCommand(
  'extract',
  '<file-or-url> [--url <页面地址>]  提取一篇文章（网页、.pdf、.doc、.wps、.ofd、.docx），输出一行 JSON / extract one article as one JSON line',
  async (args) => {
    routeConsoleToStderr();
    const { positionals, options } = parseArgs(args);
    const target = positionals[0];
    if (!target) throw new AppError('E_INVALID_ARGUMENT', '请提供要提取的文件路径或网址。');
    if (!/^https?:\/\//i.test(target) && DOCUMENT_EXTENSIONS.has(path.extname(target).toLowerCase())) return extractDocumentFile(target);
    let pageUrl = options.get('url');
    if (pageUrl !== undefined) {
      try {
        pageUrl = new URL(pageUrl).href;
      } catch {
        throw new AppError('E_INVALID_ARGUMENT', `页面地址无效：${pageUrl}`);
      }
    }
    let bytes: Uint8Array;
    let contentType: string | null = null;
    if (/^https?:\/\//i.test(target)) {
      let parsed: URL;
      try {
        parsed = new URL(target);
      } catch {
        throw new AppError('E_INVALID_ARGUMENT', `网址无效：${target}`);
      }
      const page = await fetchPage(parsed.href);
      bytes = page.bytes;
      contentType = page.contentType;
      pageUrl ??= page.finalUrl;
    } else {
      try {
        bytes = new Uint8Array(await readFile(target));
      } catch (cause) {
        throw new AppError('E_NOT_FOUND', `无法读取文件：${target}`, { cause });
      }
      if (bytes.length > MAX_BYTES) throw new AppError('E_RESOURCE', `文件超过 10 MB：${target}`);
    }
    const html = decodeBytes(bytes, contentType).text;
    const a = extractArticle(html, pageUrl);
    const out = {
      title: a.title,
      publishedAt: a.publishedAt,
      origin: a.origin,
      author: a.author,
      editor: a.editor,
      paragraphs: a.paragraphs,
      text: a.text,
      images: a.images.map((i) => i.src),
      publishedTime: a.publishedTime,
      docNumber: a.docNumber,
      confidence: a.confidence,
      method: a.method,
      attachments: a.attachments,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  },
);
