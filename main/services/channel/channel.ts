/**
 * An organisation channel: a WebDAV folder used as a plain file store a person can browse.
 *   packets/            published packets, immutable names: <packet id>-v<version>.yandu, each with
 *                       <packet id>-v<version>.notice.txt beside it (a notice a person can read)
 *   returns/<session>/  members' return files: <return id>-v<version>.yandu (unique per member)
 *   records/            学习记录 exports: <session>-<date>.docx|pdf (-2, -3 … for later ones that day)
 *   packets/index.json  a cache of the packets' manifests (index-file.ts), rebuilt after a publish
 * The folder listing is the truth; nothing is read, changed and written back, so two writers
 * never overwrite each other. Every file is checked as a packet before it is published and
 * after it is fetched: a hostile or broken server cannot hand the app something it would not
 * take from a U盘.
 */
import { createHash } from 'node:crypto';
import type { DecodedFile } from '../../../shared/packet/packet';
import { AppError } from '../../../shared/errors';
import { readPacketBytes } from '../packets/reader';
import { ChannelError, DavClient, type DavClientOptions } from './dav-client';
import { buildIndex, INDEX_FILE, MAX_INDEX_BYTES, parseIndex, type IndexEntry, type ReadIndex } from './index-file';

export const CHANNEL_FOLDERS = { packets: 'packets/', returns: 'returns/', records: 'records/' } as const;

export interface ChannelPacket {
  /** File name in packets/. */
  name: string;
  /** Whether its notice (.notice.txt) is beside it. */
  notice: boolean;
  size: number | null;
  etag: string | null;
  modified: string | null;
}

export interface PacketSummary {
  name: string;
  kind: 'packet' | 'return';
  id: string;
  version: number;
  title: string;
  issuer: string;
  /** Fingerprint of the signing key (null: unsigned). */
  signer: string | null;
  size: number;
  sha256: string;
  /** In a listing of packets/: whether the notice is beside it. */
  notice?: boolean;
}

/**
 * A row of a listing: checked (the file was downloaded and read: `verified`) or taken from the
 * channel's index (not verified: shown as 未验证 until the file is fetched and checked).
 */
export type DescribedPacket = PacketSummary & { verified: boolean };

/** Packets the index writer reads to fill gaps in the index, per publish, and their size cap. */
const BACKFILL_MAX = 3;
const BACKFILL_MAX_BYTES = 16 * 1024 * 1024;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A name safe on any server and file system: the packet id is [A-Za-z0-9_-] already. */
export function packetFileName(id: string, version: number): string {
  return `${id}-v${version}.yandu`;
}

/** The notice beside a packet: the packet's name with .notice.txt for .yandu. */
export function noticeFileName(packetName: string): string {
  return packetName.replace(/\.yandu$/i, '') + NOTICE_SUFFIX;
}
export const NOTICE_SUFFIX = '.notice.txt';

/** Beijing time, as the people who read the notice keep it (the manifest holds UTC). */
function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return `${new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}

/**
 * The notice a person reads beside the packet on the server: UTF-8 with a BOM and CRLF lines, so
 * Windows Notepad shows the Chinese right. It carries the packet file's SHA-256 and the signing
 * key's fingerprint, so the file can be checked by hand.
 */
export function noticeText(info: PacketSummary, issuedAt: string): Uint8Array {
  const lines = [
    '研读资料包发放说明',
    '',
    `标题：${info.title}`,
    `发放单位：${info.issuer || '（未填写）'}`,
    `版本：第 ${info.version} 版`,
    `发放时间：${beijingTime(issuedAt)}`,
    `签名密钥指纹：${info.signer ?? '（未签名）'}`,
    `资料包文件：${info.name}（${info.size} 字节）`,
    `资料包文件 SHA-256：${info.sha256}`,
    '',
    '请在研读的“资料包”页导入资料包文件；导入时会核对签名和内容。请勿修改资料包文件。',
    '',
  ];
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]));
}

/**
 * Whether two files are the same publication: the same bytes, or the same kind, id, version,
 * title, issuer, signing key and content (wholeSha256 covers every part) exported again at
 * another time (only the manifest's time and so the signature differ).
 */
function sameContent(a: DecodedFile, b: DecodedFile): boolean {
  const x = a.manifest;
  const y = b.manifest;
  return (
    x.kind === y.kind &&
    x.id === y.id &&
    x.version === y.version &&
    x.title === y.title &&
    x.issuer === y.issuer &&
    x.wholeSha256 === y.wholeSha256 &&
    a.signature.fingerprint === b.signature.fingerprint
  );
}

const RECORD_NAME = /^([A-Za-z0-9_-]{1,80}-\d{4}-\d{2}-\d{2})\.(docx|pdf)$/;
/** A 学习记录 export is a small document: far under a packet. */
export const MAX_RECORD_BYTES = 50 * 1024 * 1024;

/** A 学习记录 export as records/ takes it: a .docx (a zip) or a PDF, by its first bytes, under the cap. */
export function checkRecord(bytes: Uint8Array, name: string): 'docx' | 'pdf' {
  const m = RECORD_NAME.exec(name);
  if (!m) throw new AppError('E_INVALID_ARGUMENT', `学习记录文件名无效：${name}`);
  if (bytes.length > MAX_RECORD_BYTES) throw new AppError('E_INVALID_ARGUMENT', '学习记录文件过大（最多 50 MB）。');
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const kind = m[2] as 'docx' | 'pdf';
  if (kind === 'docx' ? !head.startsWith('PK\x03\x04') : !head.startsWith('%PDF-'))
    throw new AppError('E_INVALID_ARGUMENT', `学习记录文件内容不是 ${kind === 'docx' ? 'Word（.docx）' : 'PDF'} 文件。`);
  // A PDF ends with %%EOF (a little trailing whitespace or garbage allowed): a cut-off file is refused.
  if (
    kind === 'pdf' &&
    !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024)))
      .toString('latin1')
      .includes('%%EOF')
  )
    throw new AppError('E_INVALID_ARGUMENT', '学习记录 PDF 文件不完整（缺少文件结尾 %%EOF），未上传。');
  if (bytes.length < 64) throw new AppError('E_INVALID_ARGUMENT', '学习记录文件过小，不是完整的文件。');
  return kind;
}

/** The session folder's name: the session id, which the schema restricts to safe characters. */
function sessionFolder(sessionId: string): string {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(sessionId)) throw new AppError('E_INVALID_ARGUMENT', `学习安排编号无效：${sessionId}`);
  return `${CHANNEL_FOLDERS.returns}${sessionId}/`;
}

function decode(bytes: Uint8Array, what: string): DecodedFile {
  try {
    return readPacketBytes(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError(error instanceof AppError ? error.code : 'E_PACKET_FORMAT', `${what}不是有效的资料包：${message}`);
  }
}

function summary(name: string, bytes: Uint8Array, file: DecodedFile): PacketSummary {
  const m = file.manifest;
  return {
    name,
    kind: m.kind,
    id: m.id,
    version: m.version,
    title: m.title,
    issuer: m.issuer,
    signer: file.signature.fingerprint,
    size: bytes.length,
    sha256: sha256(bytes),
  };
}

export class Channel {
  readonly dav: DavClient;

  constructor(options: DavClientOptions) {
    this.dav = new DavClient(options);
  }

  /**
   * Uploads a packet byte for byte under its immutable name. Publishing the same bytes again is
   * a no-op; different bytes under a taken name are refused (a 勘误 has a higher version).
   */
  async publish(bytes: Uint8Array, signal?: AbortSignal): Promise<PacketSummary & { already: boolean }> {
    const file = decode(bytes, '要发布的文件');
    if (file.manifest.kind !== 'packet') throw new AppError('E_INVALID_ARGUMENT', '这是回执文件，不是资料包：请用“提交回执”。');
    const name = packetFileName(file.manifest.id, file.manifest.version);
    const info = summary(name, bytes, file);
    await this.dav.ensureFolder(CHANNEL_FOLDERS.packets, signal);
    const stored = await this.putOnce(`${CHANNEL_FOLDERS.packets}${name}`, bytes, file, signal, () => {
      throw new ChannelError(
        'E_CHANNEL_EXISTS',
        `同名不同内容：通道中已有「${name}」（第 ${file.manifest.version} 版），内容与本次不同，未覆盖。请发布勘误版（更高的版本）。`,
        412,
      );
    });
    const already = stored !== bytes;
    // After the packet, so a notice never stands without its packet; one already there is kept.
    try {
      await this.dav.putNew(`${CHANNEL_FOLDERS.packets}${noticeFileName(name)}`, noticeText(info, file.manifest.issuedAt), signal);
    } catch (error) {
      if (!(error instanceof ChannelError) || error.code !== 'E_CHANNEL_EXISTS') throw error;
    }
    // The index describes the file on the server (the one there already when this is a re-export).
    const there = already ? summary(name, stored, readPacketBytes(stored)) : info;
    await this.writeIndex({ ...there, issuedAt: (already ? readPacketBytes(stored) : file).manifest.issuedAt }, signal).catch(
      () => false, // only a cache: readers fall back to the listing
    );
    return { ...info, already };
  }

  /** The channel's index (packets/index.json); a missing, unreadable or hostile one is empty, never an error. */
  async readIndex(signal?: AbortSignal): Promise<ReadIndex> {
    try {
      const got = await this.dav.get(`${CHANNEL_FOLDERS.packets}${INDEX_FILE}`, signal, MAX_INDEX_BYTES);
      return got ? parseIndex(got.bytes) : { entries: new Map() };
    } catch (error) {
      if (error instanceof ChannelError && error.code === 'E_CHANNEL_AUTH') throw error;
      return { entries: new Map(), refused: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Puts `own` into the index without read-modify-write losing anything that matters: the index
   * is rebuilt from the listing (entries whose file is gone are dropped), the index as read, and
   * `own`, then replaced whole. Two leaders publishing at once can replace each other's index;
   * each reads it back and writes again while its own entry is missing (a few rounds), and a
   * packet missing from the index still shows from the listing. True when `own` is in it.
   */
  async writeIndex(own: IndexEntry, signal?: AbortSignal, rounds = 3): Promise<boolean> {
    for (let round = 0; round < rounds; round++) {
      const [listing, read] = await Promise.all([this.dav.list(CHANNEL_FOLDERS.packets, signal), this.readIndex(signal)]);
      const there = read.entries.get(own.name);
      if (there && there.sha256 === own.sha256 && there.size === own.size) return true;
      const sizes = new Map(listing.filter((e) => !e.isFolder).map((e) => [e.name, e.size]));
      const entries = new Map<string, IndexEntry>();
      for (const e of read.entries.values()) {
        const size = sizes.get(e.name);
        if (size !== undefined && (size === null || size === e.size)) entries.set(e.name, e);
      }
      entries.set(own.name, own);
      // Packets the index misses (published before it, or lost to another writer's index):
      // a few small ones are read and added, so the cache heals over later publishes.
      if (round === 0) {
        const missing = listing.filter(
          (e) => !e.isFolder && e.name.endsWith('.yandu') && !entries.has(e.name) && e.size !== null && e.size <= BACKFILL_MAX_BYTES,
        );
        for (const e of missing.slice(0, BACKFILL_MAX)) {
          try {
            const got = await this.fetch(e.name, signal);
            if (got.summary.kind === 'packet') entries.set(e.name, { ...got.summary, issuedAt: got.issuedAt });
          } catch (error) {
            if (error instanceof ChannelError && error.code === 'E_CHANNEL_AUTH') throw error;
            // A broken file stays out of the index; its row shows the error from the listing.
          }
        }
      }
      await this.dav.replace(`${CHANNEL_FOLDERS.packets}${INDEX_FILE}`, buildIndex(entries.values(), new Date()), signal);
    }
    return (await this.readIndex(signal)).entries.get(own.name)?.sha256 === own.sha256;
  }

  /**
   * Puts a new file under `path`; returns `bytes` itself when it was written, or the file there
   * when the same publication is there already (the same bytes, or the same content exported
   * again). Other content under the name calls `conflict`.
   */
  private async putOnce(
    path: string,
    bytes: Uint8Array,
    file: DecodedFile,
    signal: AbortSignal | undefined,
    conflict: () => never,
  ): Promise<Uint8Array> {
    try {
      await this.dav.putNew(path, bytes, signal);
      return bytes;
    } catch (error) {
      if (!(error instanceof ChannelError) || error.code !== 'E_CHANNEL_EXISTS') throw error;
      const there = await this.dav.get(path, signal);
      if (!there) throw error;
      if (sha256(there.bytes) === sha256(bytes)) return there.bytes;
      let theirs: DecodedFile | null = null;
      try {
        theirs = readPacketBytes(there.bytes);
      } catch {
        // A broken file under our name is other content: never replaced.
      }
      if (theirs && sameContent(theirs, file)) return there.bytes;
      return conflict();
    }
  }

  /** The packets in the channel (names only; the listing is the truth). */
  async packets(signal?: AbortSignal): Promise<ChannelPacket[]> {
    const entries = await this.dav.list(CHANNEL_FOLDERS.packets, signal);
    // Notices are not packets; a packet's row says whether its notice is there.
    const notices = new Set(entries.filter((e) => !e.isFolder && e.name.endsWith(NOTICE_SUFFIX)).map((e) => e.name));
    return (
      entries
        // An empty file is a writer's lock placeholder (or its leftover), never a packet.
        .filter((e) => !e.isFolder && e.name.toLowerCase().endsWith('.yandu') && e.size !== 0)
        .map((e) => ({ name: e.name, notice: notices.has(noticeFileName(e.name)), size: e.size, etag: e.etag, modified: e.modified }))
        .sort((a, b) => a.name.localeCompare(b.name))
    );
  }

  /** Downloads one file of packets/ (or a return of a session) and checks it as a packet. */
  async fetch(
    name: string,
    signal?: AbortSignal,
    folder: string = CHANNEL_FOLDERS.packets,
  ): Promise<{ bytes: Uint8Array; summary: PacketSummary; issuedAt: string }> {
    if (!/^[^/\\]{1,200}$/.test(name) || name === '..' || name === '.') throw new AppError('E_INVALID_ARGUMENT', `文件名无效：${name}`);
    const got = await this.dav.get(`${folder}${name}`, signal);
    if (!got) throw new AppError('E_NOT_FOUND', `通道中没有「${name}」。`);
    const file = decode(got.bytes, `通道中的「${name}」`);
    return { bytes: got.bytes, summary: summary(name, got.bytes, file), issuedAt: file.manifest.issuedAt };
  }

  /**
   * Every packet of the listing with what its manifest says: from the index where it has a
   * matching entry (not verified), else downloaded and checked. `verify` ignores the index.
   */
  async describePackets(signal?: AbortSignal, verify = false): Promise<Array<DescribedPacket | { name: string; error: string }>> {
    const [listing, index] = await Promise.all([
      this.packets(signal),
      verify ? Promise.resolve<ReadIndex>({ entries: new Map() }) : this.readIndex(signal),
    ]);
    return this.describe(listing, CHANNEL_FOLDERS.packets, signal, index.entries);
  }

  /** Every return file of a session with what its manifest says (each downloaded and checked). */
  async describeReturns(sessionId: string, signal?: AbortSignal): Promise<Array<DescribedPacket | { name: string; error: string }>> {
    const folder = sessionFolder(sessionId);
    return this.describe(await this.returns(sessionId, signal), folder, signal, new Map());
  }

  private async describe(
    listing: ChannelPacket[],
    folder: string,
    signal: AbortSignal | undefined,
    index: ReadonlyMap<string, IndexEntry>,
  ): Promise<Array<DescribedPacket | { name: string; error: string }>> {
    const out: Array<DescribedPacket | { name: string; error: string }> = [];
    for (const p of listing) {
      // The index is used only for a file the listing shows, at the size the listing says.
      const cached = index.get(p.name);
      if (cached && (p.size === null || p.size === cached.size)) {
        const { issuedAt: _at, ...rest } = cached;
        out.push({ ...rest, kind: 'packet', notice: p.notice, verified: false });
        continue;
      }
      try {
        const { summary: info } = await this.fetch(p.name, signal, folder);
        out.push(folder === CHANNEL_FOLDERS.packets ? { ...info, notice: p.notice, verified: true } : { ...info, verified: true });
      } catch (error) {
        if (error instanceof ChannelError && (error.code === 'E_CHANNEL_AUTH' || error.code === 'E_CHANNEL_OFFLINE')) throw error;
        out.push({ name: p.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  }

  /** 提交回执: a member's return file into its session's folder, under a name of its own. */
  async submitReturn(bytes: Uint8Array, signal?: AbortSignal): Promise<PacketSummary & { already: boolean }> {
    const file = decode(bytes, '回执文件');
    if (file.kind !== 'return') throw new AppError('E_INVALID_ARGUMENT', '这是资料包，不是回执文件。');
    const folder = sessionFolder(file.body.sessionId);
    const name = packetFileName(file.manifest.id, file.manifest.version);
    const info = summary(name, bytes, file);
    await this.dav.ensureFolder(folder, signal);
    const stored = await this.putOnce(`${folder}${name}`, bytes, file, signal, () => {
      throw new ChannelError('E_CHANNEL_EXISTS', `通道中已有同名回执「${name}」，内容不同，未覆盖。请重新生成回执后再提交。`, 412);
    });
    return { ...info, already: stored !== bytes };
  }

  /**
   * A 学习记录 export into records/ under its own name. The same bytes there already is done;
   * another export of the same day (other bytes) takes the next free name (-2, -3, …): never
   * replaced, never read, changed and written back.
   */
  async putRecord(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<{ name: string; already: boolean }> {
    const kind = checkRecord(bytes, name);
    const base = RECORD_NAME.exec(name)![1]!;
    await this.dav.ensureFolder(CHANNEL_FOLDERS.records, signal);
    for (let n = 1; n <= 20; n++) {
      const candidate = n === 1 ? name : `${base}-${n}.${kind}`;
      const path = `${CHANNEL_FOLDERS.records}${candidate}`;
      try {
        await this.dav.putNew(path, bytes, signal);
        return { name: candidate, already: false };
      } catch (error) {
        if (!(error instanceof ChannelError) || error.code !== 'E_CHANNEL_EXISTS') throw error;
        const there = await this.dav.get(path, signal);
        if (there && sha256(there.bytes) === sha256(bytes)) return { name: candidate, already: true };
      }
    }
    throw new ChannelError('E_CHANNEL_EXISTS', `通道的 records/ 中同一天的学习记录已有 20 份，未再上传：${name}`, 412);
  }

  /** The return files of one session. */
  async returns(sessionId: string, signal?: AbortSignal): Promise<ChannelPacket[]> {
    const entries = await this.dav.list(sessionFolder(sessionId), signal);
    return entries
      .filter((e) => !e.isFolder && e.name.toLowerCase().endsWith('.yandu') && e.size !== 0)
      .map((e) => ({ name: e.name, notice: false, size: e.size, etag: e.etag, modified: e.modified }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  fetchReturn(sessionId: string, name: string, signal?: AbortSignal) {
    return this.fetch(name, signal, sessionFolder(sessionId));
  }
}
