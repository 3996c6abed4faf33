/**
 * An organisation channel: a WebDAV folder used as a plain file store a person can browse.
 *   packets/            published packets, immutable names: <packet id>-v<version>.yandu
 *   returns/<session>/  members' return files: <return id>-v<version>.yandu (unique per member)
 *   records/            学习记录 exports
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

export const CHANNEL_FOLDERS = { packets: 'packets/', returns: 'returns/', records: 'records/' } as const;

export interface ChannelPacket {
  /** File name in packets/. */
  name: string;
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
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A name safe on any server and file system: the packet id is [A-Za-z0-9_-] already. */
export function packetFileName(id: string, version: number): string {
  return `${id}-v${version}.yandu`;
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
    try {
      await this.dav.putNew(`${CHANNEL_FOLDERS.packets}${name}`, bytes, signal);
      return { ...info, already: false };
    } catch (error) {
      if (!(error instanceof ChannelError) || error.code !== 'E_CHANNEL_EXISTS') throw error;
      const there = await this.dav.get(`${CHANNEL_FOLDERS.packets}${name}`, signal);
      if (there && sha256(there.bytes) === info.sha256) return { ...info, already: true };
      throw new ChannelError('E_CHANNEL_EXISTS', `通道中已有「${name}」，内容与本次不同，未覆盖。发布更正请用更高的版本（勘误）。`, 412);
    }
  }

  /** The packets in the channel (names only; the listing is the truth). */
  async packets(signal?: AbortSignal): Promise<ChannelPacket[]> {
    const entries = await this.dav.list(CHANNEL_FOLDERS.packets, signal);
    return entries
      .filter((e) => !e.isFolder && e.name.toLowerCase().endsWith('.yandu'))
      .map((e) => ({ name: e.name, size: e.size, etag: e.etag, modified: e.modified }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Downloads one file of packets/ (or a return of a session) and checks it as a packet. */
  async fetch(
    name: string,
    signal?: AbortSignal,
    folder: string = CHANNEL_FOLDERS.packets,
  ): Promise<{ bytes: Uint8Array; summary: PacketSummary }> {
    if (!/^[^/\\]{1,200}$/.test(name) || name === '..' || name === '.') throw new AppError('E_INVALID_ARGUMENT', `文件名无效：${name}`);
    const got = await this.dav.get(`${folder}${name}`, signal);
    if (!got) throw new AppError('E_NOT_FOUND', `通道中没有「${name}」。`);
    const file = decode(got.bytes, `通道中的「${name}」`);
    return { bytes: got.bytes, summary: summary(name, got.bytes, file) };
  }

  /** Every packet with what its manifest says (each one downloaded and checked). */
  describePackets(signal?: AbortSignal): Promise<Array<PacketSummary | { name: string; error: string }>> {
    return this.describe(this.packets(signal), CHANNEL_FOLDERS.packets, signal);
  }

  /** Every return file of a session with what its manifest says (each downloaded and checked). */
  async describeReturns(sessionId: string, signal?: AbortSignal): Promise<Array<PacketSummary | { name: string; error: string }>> {
    const folder = sessionFolder(sessionId);
    return this.describe(this.returns(sessionId, signal), folder, signal);
  }

  private async describe(
    listing: Promise<ChannelPacket[]>,
    folder: string,
    signal?: AbortSignal,
  ): Promise<Array<PacketSummary | { name: string; error: string }>> {
    const out: Array<PacketSummary | { name: string; error: string }> = [];
    for (const p of await listing) {
      try {
        out.push((await this.fetch(p.name, signal, folder)).summary);
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
    try {
      await this.dav.putNew(`${folder}${name}`, bytes, signal);
      return { ...info, already: false };
    } catch (error) {
      if (!(error instanceof ChannelError) || error.code !== 'E_CHANNEL_EXISTS') throw error;
      const there = await this.dav.get(`${folder}${name}`, signal);
      if (there && sha256(there.bytes) === info.sha256) return { ...info, already: true };
      throw new ChannelError('E_CHANNEL_EXISTS', `通道中已有同名回执「${name}」，内容不同，未覆盖。请重新生成回执后再提交。`, 412);
    }
  }

  /** The return files of one session. */
  async returns(sessionId: string, signal?: AbortSignal): Promise<ChannelPacket[]> {
    const entries = await this.dav.list(sessionFolder(sessionId), signal);
    return entries
      .filter((e) => !e.isFolder && e.name.toLowerCase().endsWith('.yandu'))
      .map((e) => ({ name: e.name, size: e.size, etag: e.etag, modified: e.modified }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  fetchReturn(sessionId: string, name: string, signal?: AbortSignal) {
    return this.fetch(name, signal, sessionFolder(sessionId));
  }
}
