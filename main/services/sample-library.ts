/**
 * Loads the bundled sample library: our own study articles, one Markdown-like file each under
 * resources/sample-library/. Format:
 *
 *   ---
 *   title: 标题
 *   date: 2024-03-15
 *   origin: 来源
 *   column: 栏目
 *   author: 作者 (optional)
 *   ---
 *   ## 一、小标题          -> <h2>
 *   ### （一）小标题        -> <h3>
 *   段落文字……             -> <p>; blank lines separate paragraphs
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { ArticlePayloadSchema, IsoDateSchema, type ArticlePayload } from '../../shared/domain/article';
import { AppError } from '../../shared/errors';
import { escapeHtml } from '../../shared/html-policy';
import { normaliseBlock } from '../../shared/text';

export const SAMPLE_SOURCE_ID = 'sample';
export const SAMPLE_SOURCE_NAME = '示例文库';

const FrontMatterSchema = v.object({
  title: v.pipe(v.string(), v.minLength(1)),
  date: IsoDateSchema,
  origin: v.pipe(v.string(), v.minLength(1)),
  column: v.pipe(v.string(), v.minLength(1)),
  author: v.optional(v.string()),
});

export interface Block {
  kind: 'h2' | 'h3' | 'p';
  text: string;
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The stored plain text of an article: block texts joined by "\n" (anchoring offsets refer to it). */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}

export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map((b) => `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`).join('\n');
}

export function parseSampleArticle(fileName: string, source: string): ArticlePayload {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!m) throw new AppError('E_RESOURCE', `示例文章格式错误（缺少文件头）：${fileName}`);
  const head: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (kv) head[kv[1]!] = kv[2]!.trim();
  }
  const meta = v.safeParse(FrontMatterSchema, head);
  if (!meta.success) throw new AppError('E_RESOURCE', `示例文章文件头无效：${fileName}`);

  const blocks: Block[] = [];
  for (const chunk of m[2]!.split(/\r?\n\s*\r?\n/)) {
    const raw = chunk.trim();
    if (!raw) continue;
    if (raw.startsWith('### ')) blocks.push({ kind: 'h3', text: normaliseBlock(raw.slice(4)) });
    else if (raw.startsWith('## ')) blocks.push({ kind: 'h2', text: normaliseBlock(raw.slice(3)) });
    else blocks.push({ kind: 'p', text: normaliseBlock(raw.replace(/\r?\n/g, '')) });
  }
  if (blocks.length === 0) throw new AppError('E_RESOURCE', `示例文章没有正文：${fileName}`);

  const slug = path.basename(fileName).replace(/\.md$/, '');
  const urlKey = `sample:${slug}`;
  const text = blocksToText(blocks);
  const payload: ArticlePayload = {
    id: `a_${sha256Hex(urlKey).slice(0, 20)}`,
    urlKey,
    url: null,
    title: meta.output.title,
    publishedAt: meta.output.date,
    origin: meta.output.origin,
    author: meta.output.author ?? null,
    editor: null,
    column: meta.output.column,
    sourceId: SAMPLE_SOURCE_ID,
    sourceName: SAMPLE_SOURCE_NAME,
    html: blocksToHtml(blocks),
    text,
    contentHash: sha256Hex(text),
  };
  return v.parse(ArticlePayloadSchema, payload);
}

/** Reads every *.md file of the folder, in file-name order. */
export async function loadSampleLibrary(dir: string): Promise<ArticlePayload[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (cause) {
    throw new AppError('E_RESOURCE', '找不到内置示例文库。', { cause });
  }
  const out: ArticlePayload[] = [];
  for (const name of names) {
    out.push(parseSampleArticle(name, await readFile(path.join(dir, name), 'utf8')));
  }
  return out;
}
