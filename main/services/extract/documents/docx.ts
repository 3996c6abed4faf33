/**
 * The heavy half of a .docx import, run in the documents worker: the bounded unzip (a bomb
 * stops in readZip) and mammoth's conversion to HTML. Pictures do not become files here: each
 * is returned as bytes and named in the HTML by a placeholder (`yandu-docx-image:N`), which the
 * caller swaps for the stored path, so the image store stays on the main thread.
 */
import mammothModule from 'mammoth';
import { readZip, type ZipContents } from '../../archive/zip';

/** The part of mammoth used here (its bundled types are not picked up by this project). */
interface MammothImage {
  contentType: string;
  readAsBuffer(): Promise<Buffer>;
}
/**
 * mammoth's own view of an opened .docx (lib/zipfile.js), which `convertToHtml({ file })` takes
 * instead of bytes: we hand it entries our bounded reader already inflated and checked, so
 * mammoth never unzips anything itself (its JSZip would inflate a bomb in memory).
 */
interface MammothZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}
interface MammothApi {
  convertToHtml(
    input: { file: MammothZip },
    options?: { convertImage?: unknown; styleMap?: string[] },
  ): Promise<{ value: string; messages: unknown[] }>;
  images: { imgElement(f: (image: MammothImage) => Promise<{ src: string }>): unknown };
}
const mammoth = mammothModule as unknown as MammothApi;

export const DOCX_IMAGE_PREFIX = 'yandu-docx-image:';

export interface ConvertedDocx {
  /** mammoth's HTML; Word's Title style is marked `<h1 class="yandu-doc-title">`. */
  html: string;
  /** docProps/core.xml as text ('' when absent). */
  coreXml: string;
  /** The pictures, in the order of their placeholders. */
  images: { contentType: string; bytes: Uint8Array }[];
}

function mammothZip(contents: ZipContents): MammothZip {
  return {
    exists: (name) => contents.has(name),
    read: async (name, encoding) => {
      const bytes = contents.get(name);
      if (!bytes) throw new Error(`missing docx part: ${name}`);
      if (encoding === 'base64') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
    // Only used to embed style maps into a file, which import never does.
    write: () => {
      throw new Error('read-only docx');
    },
    toArrayBuffer: () => Promise.reject(new Error('read-only docx')),
  };
}

export async function convertDocx(bytes: Uint8Array, name: string): Promise<ConvertedDocx> {
  // Checked and inflated under the archive limits first; a bomb stops here.
  const contents = await readZip(bytes, name);
  const images: ConvertedDocx['images'] = [];
  const result = await mammoth.convertToHtml(
    { file: mammothZip(contents) },
    {
      convertImage: mammoth.images.imgElement(async (image) => {
        const data = await image.readAsBuffer();
        // A copy of its own: its buffer is transferred to the caller.
        images.push({ contentType: image.contentType, bytes: new Uint8Array(data) });
        return { src: `${DOCX_IMAGE_PREFIX}${images.length - 1}` };
      }),
      styleMap: ["p[style-name='Title'] => h1.yandu-doc-title:fresh"],
    },
  );
  return { html: result.value, coreXml: new TextDecoder().decode(contents.get('docProps/core.xml') ?? new Uint8Array()), images };
}
