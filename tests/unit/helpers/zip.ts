/**
 * Hand-written zip files for tests, including the dishonest kinds: sizes that lie, entries that
 * share one compressed stream, local headers that disagree with the directory. Never used by
 * the app (which only reads zips, through main/services/archive).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string | Buffer;
  /** 0 stored, 8 deflate (or anything else, to test refusals). */
  method: number;
  /** The bytes as stored in the file (compressed when method is 8). */
  data: Buffer;
  /** Declared uncompressed size and CRC (what the directory claims). */
  size: number;
  crc: number;
  flags?: number;
  /** Local header name/method when they should disagree with the directory. */
  localName?: Buffer;
  localMethod?: number;
  /** Point this directory entry at an earlier entry's local header instead of writing one. */
  sharesWith?: number;
}

/** An honest entry: deflated (or stored) `content` with its real size and CRC. */
export function entry(name: string, content: Buffer | string, method: 0 | 8 = 8): RawEntry {
  const bytes = Buffer.from(content);
  return { name, method, data: method === 8 ? deflateRawSync(bytes) : bytes, size: bytes.length, crc: crc32(bytes) };
}

/**
 * A raw deflate stream of `mb` MiB of zeros, ~1 KB per MiB, built without ever holding the
 * zeros: one fully flushed block (byte-aligned, dictionary reset) repeated, then a final block.
 */
export function zerosDeflate(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mb }, () => block), end]);
}

/** CRC-32 of `mb` MiB of zeros. */
export function zerosCrc(mb: number): number {
  const zero = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let i = 0; i < mb; i++) crc = crc32(zero, crc);
  return crc;
}

export function buildZip(entries: readonly RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e) => {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const flags = (e.flags ?? 0) | (Buffer.isBuffer(e.name) ? 0 : 0x800);
    let offset: number;
    if (e.sharesWith !== undefined) offset = offsets[e.sharesWith]!;
    else {
      offset = at;
      const localName = e.localName ?? name;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(e.localMethod ?? e.method, 8);
      local.writeUInt32LE(e.crc >>> 0, 14);
      local.writeUInt32LE(e.data.length, 18);
      local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
      local.writeUInt16LE(localName.length, 26);
      chunks.push(local, localName, e.data);
      at += 30 + localName.length + e.data.length;
    }
    offsets.push(offset);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
  });
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...chunks, dir, end]);
}

/** The parts of a minimal .docx around `bodyXml` (the inside of <w:body>). */
export function docxEntries(bodyXml: string): RawEntry[] {
  return [
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    entry(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>`,
    ),
  ];
}

export function paragraph(text: string): string {
  return `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
}
