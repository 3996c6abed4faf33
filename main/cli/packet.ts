/**
 * `packet sample <out.yandu>`: writes a valid packet from the bundled sample library.
 * `packet check <file>`: one summary line and exit 0 for a valid packet or return file;
 * otherwise `E_…: 中文说明` and exit 1. Never throws past here, never waits on input.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, toErrorInfo } from '../../shared/errors';
import { MAX_FILE_BYTES } from '../../shared/packet/container';
import { readPacketBytes } from '../services/packets/reader';
import { buildSamplePacket } from '../services/packets/sample';
import { registerCommand } from './registry';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

function fail(error: unknown): number {
  const info = error instanceof AppError ? error.toJSON() : toErrorInfo(error);
  process.stderr.write(`${info.code}: ${info.message}\n`);
  return 1;
}

async function check(file: string): Promise<number> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new AppError('E_NOT_FOUND', `不是文件：${file}`);
    if (info.size > MAX_FILE_BYTES) throw new AppError('E_PACKET_TOO_LARGE', `文件过大（最多 ${MAX_FILE_BYTES / 1024 / 1024} MB）。`);
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    if (error instanceof AppError) return fail(error);
    return fail(new AppError('E_NOT_FOUND', `无法读取文件：${file}`));
  }
  try {
    const f = readPacketBytes(bytes);
    const m = f.manifest;
    const what =
      f.kind === 'packet'
        ? `packet ok: ${m.id} v${m.version} 《${m.title}》 ${f.articles.length} articles, ${f.highlights.length} excerpts, ${f.images.length} images`
        : `return ok: ${m.id} v${m.version} ${f.body.member.name} 《${f.body.sessionTopic}》 ${f.body.notes.length} notes, ${f.body.highlights.length} highlights`;
    process.stdout.write(`${what}, issuer ${m.issuer || '-'}, sha256 ${m.wholeSha256}\n`);
    return 0;
  } catch (error) {
    return fail(error);
  }
}

async function sample(out: string): Promise<number> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yandu-sample-'));
  try {
    const bytes = await buildSamplePacket(resourcesDir, tmp);
    await writeFile(out, bytes);
    process.stdout.write(`${out}: ${bytes.length} bytes\n`);
    return 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

registerCommand('packet', 'sample <out.yandu> | check <file>  学习资料包 / study packets', async (args) => {
  const [sub, file, ...extra] = args;
  if ((sub !== 'sample' && sub !== 'check') || !file || extra.length) {
    process.stderr.write('用法 / usage: packet sample <out.yandu> | packet check <file>\n');
    return 2;
  }
  if (sub === 'check') return check(file);
  try {
    return await sample(file);
  } catch (error) {
    return fail(error);
  }
});
