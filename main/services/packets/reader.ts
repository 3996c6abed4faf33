/**
 * Reads a packet or return file in main: everything shared/packet checks, plus what needs
 * Node's libraries: every article's HTML sanitised again (and its text derived from it must be
 * the text the packet carries, so the leader's excerpts land where they were made) and every
 * image's bytes sniffed. Nothing is written here.
 */
import { createHash } from 'node:crypto';
import { decodeFile, type DecodedFile } from '../../../shared/packet/packet';
import { packetError } from '../../../shared/packet/container';
import { countZi } from '../../../shared/text';
import { mapImages, renderBlocks, sanitiseHtml } from '../sync/article-html';
import { sniffImage } from '../sync/images';

export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const MEDIA_SRC_RE = /^(?:\.\/)?media\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|bmp))$/;

/** Sanitises article HTML the way sync stores it; image sources other than packet media are dropped. */
export function resanitise(html: string, media: ReadonlySet<string>): { html: string; text: string } {
  const blocks = sanitiseHtml(html);
  mapImages(blocks, (src) => {
    const m = MEDIA_SRC_RE.exec(src);
    return m && media.has(m[1]!) ? `media/${m[1]!}` : null;
  });
  return renderBlocks(blocks);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [...'%PDF-'].map((c) => c.charCodeAt(0));

/** Whether an original's first bytes are those of its format (PDF; OFD and .docx are ZIPs; .doc and .wps OLE files or ZIPs). */
export function originalLooksLike(file: string, bytes: Uint8Array): boolean {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  // pdf.js accepts a PDF header within the first KB, as Acrobat does.
  if (ext === 'pdf') return Buffer.from(bytes.subarray(0, 1024)).includes(Buffer.from(PDF_MAGIC));
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  // A .doc or .wps may be an OOXML file under the old name, which the importer reads too.
  return ext === 'ofd' || ext === 'docx' ? starts(ZIP_MAGIC) : starts(OLE_MAGIC) || starts(ZIP_MAGIC);
}

export function readPacketBytes(bytes: Uint8Array): DecodedFile {
  const file = decodeFile(bytes, nodeSha256);
  if (file.kind === 'return') {
    // 字 counts are derived here, never taken from the file.
    for (const n of file.body.notes) n.zi = countZi(n.text);
    return file;
  }
  for (const img of file.images) {
    const kind = sniffImage(img.bytes);
    const ext = img.name.slice(65);
    if (!kind || (kind.ext !== ext && !(kind.ext === 'jpg' && ext === 'jpeg'))) {
      throw packetError('E_PACKET_CONTENT', `图片内容不是它声称的格式：${img.name}`);
    }
  }
  for (const o of file.originals) {
    if (!originalLooksLike(o.file, o.bytes)) throw packetError('E_PACKET_CONTENT', `原件内容不是它声称的格式：${o.file}`);
  }
  const media = new Set(file.images.map((i) => i.name));
  for (const a of file.articles) {
    const clean = resanitise(a.html, media);
    if (clean.text !== a.text) throw packetError('E_PACKET_CONTENT', `文章正文与其 HTML 不一致：《${a.title.slice(0, 60)}》`);
    a.html = clean.html;
  }
  return file;
}
