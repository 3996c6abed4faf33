import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { decodeBytes } from '../services/extract/decode';
import { extractArticle } from '../services/extract/extract';
import { parseArgs, registerCommand } from './registry';

const TIMEOUT_MS = 20_000;
const MAX_BYTES = 10 * 1024 * 1024;

/** Fetches a page the user asked for: 20 s timeout, 10 MB cap, returns bytes and Content-Type. */
async function fetchPage(url: string): Promise<{ bytes: Uint8Array; contentType: string | null; finalUrl: string }> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'follow',
      headers: { 'User-Agent': 'Yandu/0.1 (研读; article reader)', Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    });
  } catch (cause) {
    const timeout = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw new AppError('E_TRANSPORT', timeout ? `请求超时（20 秒）：${url}` : `无法连接：${url}`, { cause });
  }
  if (!res.ok) throw new AppError(res.status === 404 ? 'E_NOT_FOUND' : 'E_TRANSPORT', `服务器返回 ${res.status}：${url}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_BYTES) throw new AppError('E_RESOURCE', `页面超过 10 MB：${url}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      let part: ReadableStreamReadResult<Uint8Array>;
      try {
        part = await reader.read();
      } catch (cause) {
        throw new AppError('E_TRANSPORT', `下载页面时中断：${url}`, { cause });
      }
      if (part.done) break;
      total += part.value.length;
      if (total > MAX_BYTES) {
        await reader.cancel();
        throw new AppError('E_RESOURCE', `页面超过 10 MB：${url}`);
      }
      chunks.push(part.value);
    }
  }
  return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type'), finalUrl: res.url || url };
}

registerCommand(
  'extract',
  '<file-or-url> [--url <页面地址>]  提取一篇文章，输出一行 JSON / extract one article as one JSON line',
  async (args) => {
    const { positionals, options } = parseArgs(args);
    const target = positionals[0];
    if (!target) throw new AppError('E_INVALID_ARGUMENT', '请提供要提取的文件路径或网址。');
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
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  },
);
