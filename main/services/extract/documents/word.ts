/**
 * Word 97–2003 .doc and WPS .wps (the same OLE binary family) through word-extractor: the body
 * text in paragraph order, no layout, so headings come from outline numbers and the title from
 * the paragraph rules in assemble (masthead and 发文字号 skipped). A file whose bytes are not an
 * OLE document (an HTML page saved as .doc, a renamed zip) is refused with a message that says
 * what it really is.
 */
import WordExtractor from 'word-extractor';
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
import { assemble } from './assemble';
import type { Block } from './layout';
import { documentError, type DocumentArticle, type DocumentFormat, type DocumentLimits } from './types';

/**
 * word-extractor follows a sector chain until its end marker and only notices a sector that
 * points to itself: a chain that loops through two or more sectors (a damaged or hostile file)
 * collects sector numbers forever, in a synchronous loop no deadline can interrupt, until the
 * heap is gone. A chain visits each sector at most once: it stops at the first repeat, as the
 * library already does for a sector pointing to itself, and a damaged file fails as such.
 */
interface SectorTable {
  _table: number[];
  getSecIdChain(start: number): number[];
}
const tableProto = (AllocationTable as unknown as { prototype: SectorTable }).prototype;
const followChain = tableProto.getSecIdChain;
if (!(followChain as { bounded?: boolean }).bounded) {
  const bounded = function (this: SectorTable, start: number): number[] {
    const seen = new Set<number>();
    const chain: number[] = [];
    const size = this._table.length;
    for (let id = start; id > -1 && chain.length <= size; id = this._table[id] ?? -2) {
      if (seen.has(id)) break; // as the library does for a sector that points to itself
      seen.add(id);
      chain.push(id);
    }
    return chain;
  };
  (bounded as { bounded?: boolean }).bounded = true;
  tableProto.getSecIdChain = bounded;
}

const OUTLINE_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百\d]+[章节部分编篇条])/;

export async function extractWord(
  bytes: Uint8Array,
  options: { label: string; fallbackTitle: string; format: Extract<DocumentFormat, 'doc' | 'wps'>; limits: DocumentLimits },
): Promise<DocumentArticle> {
  const { label, format, limits } = options;
  const kind = format === 'wps' ? 'WPS 文字' : 'Word';
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(documentError('E_DOCUMENT_LIMIT', `「${label}」处理超时，已停止。`)), limits.deadlineMs);
  });
  let body: string;
  try {
    const doc = await Promise.race([new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), timedOut]);
    body = doc.getBody({ filterUnicode: true });
  } catch (error) {
    if (error instanceof Error && (error as { code?: string }).code === 'E_DOCUMENT_LIMIT') throw error;
    throw documentError(
      'E_DOCUMENT_FORMAT',
      `无法读取${kind}文件「${label}」（文件可能已损坏、不完整，或是本程序不支持的旧版格式）。请用 ${format === 'wps' ? 'WPS' : 'Word 或 WPS'} 打开后另存为 .docx 再导入。`,
      error,
    );
  } finally {
    clearTimeout(timer);
  }
  const blocks: Block[] = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // Table cells arrive tab-separated; a row reads as one line.
    .map((p) =>
      p
        .replace(/\t+/g, ' ')
        .replace(/[\s\u3000\u00a0]+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .map((text) => ({
      kind: text.length <= 40 && OUTLINE_RE.test(text) && !/[。；，]/.test(text) ? 'h' : 'p',
      text,
      size: 0,
      page: 0,
      breaks: [],
      lines: [],
    }));
  return assemble({ blocks, format, metaTitle: null, fallbackTitle: options.fallbackTitle, pageCount: null, laidOut: false });
}
