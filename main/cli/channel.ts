/**
 * `channel publish <packet> --url <dav folder>`: uploads a packet byte for byte under its
 * immutable name (publishing the same file again changes nothing).
 * `channel list --url <dav folder>`: one JSON line per packet: name, version, issuer, signer,
 * size, verified (from the channel's index where it has the packet: verified false; otherwise,
 * or with --verify, each packet is downloaded and checked; a broken one is a line with its error).
 * `channel fetch <name> --url <dav folder> --out <file>`: downloads one packet, checks it, and
 * writes it whole (never half a file).
 * `--ca <pem file>` trusts a unit's root certificate for an https server (this command only).
 * Credentials from YANDU_DAV_USER / YANDU_DAV_PASSWORD. Any failure (refused credentials too)
 * is `E_…: 中文说明` on stderr and exit 1.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, toErrorInfo } from '../../shared/errors';
import { MAX_FILE_BYTES } from '../../shared/packet/container';
import { MAX_CA_CERT_BYTES, parseCaCert } from '../services/channel/ca-cert';
import { Channel } from '../services/channel/channel';
import { parseArgs, registerCommand } from './registry';

const USAGE =
  '用法 / usage: channel publish <packet> --url <dav folder> | channel list --url <dav folder> [--verify] | channel fetch <name> --url <dav folder> --out <file>  [--ca <root certificate .pem>]\n';

function fail(error: unknown): number {
  const info = error instanceof AppError ? error.toJSON() : toErrorInfo(error);
  process.stderr.write(`${info.code}: ${info.message}\n`);
  return 1;
}

let caCert: string | null = null;

function channelFor(url: string): Channel {
  return new Channel({
    url,
    user: process.env.YANDU_DAV_USER || undefined,
    password: process.env.YANDU_DAV_PASSWORD ?? undefined,
    caCert,
  });
}

async function loadCa(file: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new AppError('E_NOT_FOUND', `无法读取根证书文件：${file}`);
  }
  // Not read at all when it is too large to be a certificate (parseCaCert says why).
  if (size > MAX_CA_CERT_BYTES) return parseCaCert(' '.repeat(MAX_CA_CERT_BYTES + 1)).pem;
  return parseCaCert(await readFile(file, 'utf8')).pem;
}

async function publish(file: string, url: string): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new AppError('E_NOT_FOUND', `无法读取文件：${file}`);
  }
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('E_PACKET_TOO_LARGE', `文件过大（最多 ${MAX_FILE_BYTES / 1024 / 1024} MB）。`);
  const r = await channelFor(url).publish(bytes);
  process.stdout.write(`${r.already ? 'already published' : 'published'}: packets/${r.name} ${r.size} bytes sha256 ${r.sha256}\n`);
  return 0;
}

async function list(url: string, verify: boolean): Promise<number> {
  for (const p of await channelFor(url).describePackets(undefined, verify)) {
    const line =
      'error' in p
        ? { name: p.name, error: p.error }
        : {
            name: p.name,
            version: p.version,
            issuer: p.issuer,
            signer: p.signer,
            size: p.size,
            title: p.title,
            sha256: p.sha256,
            notice: p.notice ?? false,
            verified: p.verified,
          };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

async function fetchOne(name: string, url: string, out: string): Promise<number> {
  const { bytes, summary } = await channelFor(url).fetch(name);
  // Written beside the target and renamed: the file is there whole or not at all.
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.part`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw new AppError('E_RESOURCE', `无法写入 ${out}：${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(`${out}: ${summary.size} bytes, ${summary.id} v${summary.version}, sha256 ${summary.sha256}\n`);
  return 0;
}

registerCommand(
  'channel',
  'publish <packet> | list [--verify] | fetch <name> --out <file>  (--url <dav folder> [--ca <pem>])  组织通道 / WebDAV channel',
  async (args) => {
    const { positionals, options } = parseArgs(args);
    const [sub, arg, ...extra] = positionals;
    const url = options.get('url');
    const out = options.get('out');
    const ok =
      url &&
      url !== 'true' &&
      extra.length === 0 &&
      ((sub === 'publish' && arg) || (sub === 'list' && !arg) || (sub === 'fetch' && arg && out && out !== 'true'));
    if (!ok) {
      process.stderr.write(USAGE);
      return 2;
    }
    const ca = options.get('ca');
    if (ca === 'true') {
      process.stderr.write(USAGE);
      return 2;
    }
    try {
      caCert = ca ? await loadCa(ca) : null;
      if (sub === 'publish') return await publish(arg!, url);
      if (sub === 'list') return await list(url, options.get('verify') === 'true');
      return await fetchOne(arg!, url, out!);
    } catch (error) {
      return fail(error);
    }
  },
);
