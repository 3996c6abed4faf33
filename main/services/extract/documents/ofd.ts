/**
 * OFD (GB/T 33190): a zip of XML. OFD.xml names the document root; Document.xml lists the pages
 * in order and the shared fonts; each page's Content.xml holds TextObjects (Boundary, Size,
 * Font) with TextCodes (X, Y relative to the boundary, DeltaX per character). Runs become lines
 * by Y then X, and lines paragraphs by the shared layout rules. The zip is read by the bounded
 * archive reader (unsafe names such as ../x, bombs and encrypted entries are refused there), and
 * every BaseLoc must stay inside the package.
 */
import path from 'node:path';
import { linkedom } from '../../parsed-dom';
import { readZip, type ZipContents } from '../../archive/zip';
import { assemble } from './assemble';
import { buildBlocks, dropRunningLines, groupLines, type Line, type TextRun } from './layout';
import { documentError, type DocumentArticle, type DocumentLimits } from './types';

interface XEl {
  tagName: string;
  children: ArrayLike<XEl>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

const local = (el: XEl) => el.tagName.split(':').pop() ?? el.tagName;
const kids = (el: XEl) => Array.from(el.children);
const child = (el: XEl, name: string) => kids(el).find((c) => local(c) === name) ?? null;
function* walk(el: XEl): Generator<XEl> {
  yield el;
  for (const c of kids(el)) yield* walk(c);
}
const find = (el: XEl, name: string) => {
  for (const e of walk(el)) if (local(e) === name) return e;
  return null;
};

function parseXml(contents: ZipContents, name: string, label: string): XEl {
  const bytes = contents.get(name);
  if (!bytes) throw documentError('E_DOCUMENT_FORMAT', `「${label}」缺少 ${name}（OFD 文件不完整或已损坏），无法导入。`);
  const xml = new TextDecoder('utf-8').decode(bytes);
  const doc = new (linkedom().DOMParser)().parseFromString(xml, 'text/xml') as unknown as { documentElement: XEl | null };
  if (!doc.documentElement) throw documentError('E_DOCUMENT_FORMAT', `「${label}」中的 ${name} 不是有效的 XML，无法导入。`);
  return doc.documentElement;
}

/** A BaseLoc resolved against the file that names it; never outside the package. */
export function resolveLoc(from: string, loc: string, label: string): string {
  const raw = loc.trim().replace(/\\/g, '/');
  const joined = raw.startsWith('/') ? raw.slice(1) : path.posix.join(path.posix.dirname(from), raw);
  const norm = path.posix.normalize(joined);
  if (norm.startsWith('../') || norm === '..' || norm.startsWith('/') || raw.split('/').includes('..'))
    throw documentError('E_DOCUMENT_FORMAT', `「${label}」中有指向包外的路径（${raw.slice(0, 80)}），已拒绝导入。`);
  return norm;
}

const nums = (s: string | null) => (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/** DeltaX with its "g count value" shorthand expanded. */
function deltas(s: string | null): number[] {
  const parts = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'g' && i + 2 < parts.length) {
      const n = Math.min(10_000, Number(parts[i + 1]));
      const v = Number(parts[i + 2]);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(parts[i]));
  }
  return out;
}

const BOLD_FONT_RE = /黑体|小标宋|标宋|粗|bold|heavy|black/i;

export async function extractOfd(
  bytes: Uint8Array,
  options: { label: string; fallbackTitle: string; limits: DocumentLimits },
): Promise<DocumentArticle> {
  const { label, limits } = options;
  const deadline = Date.now() + limits.deadlineMs;
  // The archive reader's own messages already name the file and say why it is refused.
  const contents: ZipContents = await readZip(bytes, label, { wanted: (n) => n.toLowerCase().endsWith('.xml') });
  const ofdName = [...contents.keys()].find((n) => n.toLowerCase() === 'ofd.xml');
  if (!ofdName) throw documentError('E_DOCUMENT_FORMAT', `「${label}」不是 OFD 文件（缺少 OFD.xml），无法导入。`);
  const root = parseXml(contents, ofdName, label);
  const body = find(root, 'DocBody');
  const docRootLoc = body ? find(body, 'DocRoot')?.textContent : null;
  if (!body || !docRootLoc) throw documentError('E_DOCUMENT_FORMAT', `「${label}」的 OFD.xml 没有指明文档（DocRoot），无法导入。`);
  const info = find(body, 'DocInfo');
  const metaTitle = info ? (child(info, 'Title')?.textContent ?? null) : null;
  const docPath = resolveLoc(ofdName, docRootLoc, label);
  const doc = parseXml(contents, docPath, label);
  // Fonts (ID → name) from the public and document resources, for weight.
  const fonts = new Map<string, string>();
  for (const resName of ['PublicRes', 'DocumentRes']) {
    for (const e of walk(doc)) {
      if (local(e) !== resName || !e.textContent?.trim()) continue;
      const resPath = resolveLoc(docPath, e.textContent, label);
      if (!contents.has(resPath)) continue;
      for (const f of walk(parseXml(contents, resPath, label)))
        if (local(f) === 'Font')
          fonts.set(f.getAttribute('ID') ?? '', `${f.getAttribute('FontName') ?? ''} ${f.getAttribute('FamilyName') ?? ''}`);
    }
  }
  const area = find(doc, 'PageArea');
  const defaultBox = nums(area ? (child(area, 'PhysicalBox')?.textContent ?? null) : null);
  const pageEls = kids(find(doc, 'Pages') ?? doc).filter((e) => local(e) === 'Page');
  if (pageEls.length > limits.maxPages)
    throw documentError('E_DOCUMENT_LIMIT', `「${label}」页数过多（${pageEls.length} 页，最多 ${limits.maxPages} 页），已拒绝导入。`);
  const pages: Line[][] = [];
  for (const [index, pageEl] of pageEls.entries()) {
    if (Date.now() > deadline) throw documentError('E_DOCUMENT_LIMIT', `「${label}」处理超时，已停止。`);
    const loc = pageEl.getAttribute('BaseLoc');
    if (!loc) throw documentError('E_DOCUMENT_FORMAT', `「${label}」第 ${index + 1} 页没有内容位置（BaseLoc），无法导入。`);
    const pagePath = resolveLoc(docPath, loc, label);
    const page = parseXml(contents, pagePath, label);
    const pageArea = find(page, 'Area');
    const box = nums(pageArea ? (child(pageArea, 'PhysicalBox')?.textContent ?? null) : null);
    const [, , width = 210, height = 297] = box.length === 4 ? box : defaultBox.length === 4 ? defaultBox : [0, 0, 210, 297];
    const runs: TextRun[] = [];
    for (const obj of walk(page)) {
      if (local(obj) !== 'TextObject') continue;
      const [bx = 0, by = 0] = nums(obj.getAttribute('Boundary'));
      const size = Number(obj.getAttribute('Size')) || 3.5;
      const fontName = fonts.get(obj.getAttribute('Font') ?? '') ?? '';
      const weight = Number(obj.getAttribute('Weight') ?? 400);
      const bold = weight >= 700 || obj.getAttribute('Bold') === 'true' || BOLD_FONT_RE.test(fontName);
      // A TextCode without X/Y continues where the previous one ended.
      let x = 0;
      let y = 0;
      for (const code of kids(obj)) {
        if (local(code) !== 'TextCode') continue;
        const text = code.textContent ?? '';
        if (code.getAttribute('X') !== null) x = Number(code.getAttribute('X'));
        if (code.getAttribute('Y') !== null) y = Number(code.getAttribute('Y'));
        const dx = deltas(code.getAttribute('DeltaX'));
        const advance = [...text].slice(0, -1).reduce((sum, _c, i) => sum + (dx[i] ?? size), 0);
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        runs.push({ text, x: bx + x, y: by + y, width: advance + size, size, bold });
        x += advance + size;
      }
    }
    pages.push(groupLines({ width, height, runs }, index));
  }
  return assemble({
    blocks: buildBlocks(dropRunningLines(pages)),
    format: 'ofd',
    metaTitle,
    fallbackTitle: options.fallbackTitle,
    pageCount: pageEls.length,
    laidOut: true,
  });
}
