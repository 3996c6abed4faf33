/**
 * `packet sample <out.yandu> [--key <key file>]`: writes a valid, signed packet from the bundled
 * sample library (the key file is made when missing; without one, a throwaway key).
 * `packet check <file> [--pin <fingerprint>]`: the summary line, then `sha256: ` (of the file's
 * bytes, as sha256sum prints it), `signer: ` and `signature: valid|invalid|none`; exit 0 only
 * for a valid file with a valid signature (by the pinned key, when --pin is given), otherwise 1
 * with `E_…: 中文说明` on stderr. Never throws past here, never waits on input.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, toErrorInfo } from '../../shared/errors';
import { MAX_FILE_BYTES } from '../../shared/packet/container';
import { inspectSignature } from '../../shared/packet/packet';
import { fingerprintMatches, shortFingerprint, type SignatureCheck } from '../../shared/packet/signature';
import { nodeSha256, readPacketBytes } from '../services/packets/reader';
import { buildSamplePacket } from '../services/packets/sample';
import { registerCommand } from './registry';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

function fail(error: unknown): number {
  const info = error instanceof AppError ? error.toJSON() : toErrorInfo(error);
  process.stderr.write(`${info.code}: ${info.message}\n`);
  return 1;
}

async function check(file: string, pin: string | null): Promise<number> {
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
  // The container first (a damaged file says so and nothing more); then the signature, which is
  // printed even when the content is refused for it.
  let signature: SignatureCheck;
  try {
    signature = inspectSignature(bytes, nodeSha256);
  } catch (error) {
    return fail(error);
  }
  let summary: string | null = null;
  let problem: unknown = null;
  try {
    const f = readPacketBytes(bytes);
    const m = f.manifest;
    const what =
      f.kind === 'packet'
        ? `packet ok: ${m.id} v${m.version} 《${m.title}》 ${f.articles.length} articles, ${f.highlights.length} excerpts, ${f.images.length} images`
        : `return ok: ${m.id} v${m.version} ${f.body.member.name} 《${f.body.sessionTopic}》 ${f.body.notes.length} notes, ${f.body.highlights.length} highlights`;
    summary = `${what}, issuer ${m.issuer || '-'}, content ${m.wholeSha256}`;
  } catch (error) {
    problem = error;
  }
  const lines = [
    ...(summary ? [summary] : []),
    `sha256: ${nodeSha256(bytes)}`,
    `signer: ${signature.fingerprint ?? '-'}`,
    `signature: ${signature.state}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (problem && !(problem instanceof AppError && problem.code === 'E_PACKET_SIGNATURE')) return fail(problem);
  if (signature.state === 'invalid')
    return fail(new AppError('E_PACKET_SIGNATURE', '签名无效：文件在签名之后被改动过（例如清单中的发放单位），或签名已损坏。'));
  if (signature.state === 'none') return fail(new AppError('E_PACKET_SIGNER', '文件没有签名：无法确认是谁发放的。'));
  if (pin && !fingerprintMatches(pin, signature.fingerprint!))
    return fail(new AppError('E_PACKET_SIGNER', `签名密钥与指定的指纹不符：文件由 ${shortFingerprint(signature.fingerprint!)} 签名。`));
  return 0;
}

async function sample(out: string, keyFile: string | null): Promise<number> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'yandu-sample-'));
  try {
    const bytes = await buildSamplePacket(resourcesDir, tmp, new Date(), keyFile ?? undefined);
    await writeFile(out, bytes);
    const signer = inspectSignature(bytes, nodeSha256).fingerprint;
    process.stdout.write(`${out}: ${bytes.length} bytes\nsigner: ${signer ?? '-'}\n`);
    return 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const USAGE = '用法 / usage: packet sample <out.yandu> [--key <key file>] | packet check <file> [--pin <fingerprint>]\n';

registerCommand('packet', 'sample <out.yandu> [--key <file>] | check <file> [--pin <fp>]  学习资料包 / study packets', async (args) => {
  const [sub, file, ...extra] = args;
  const flag = sub === 'sample' ? '--key' : '--pin';
  const valid = extra.length === 0 || (extra.length === 2 && extra[0] === flag && extra[1]);
  if ((sub !== 'sample' && sub !== 'check') || !file || file.startsWith('--') || !valid) {
    process.stderr.write(USAGE);
    return 2;
  }
  const option = extra.length === 2 ? extra[1]! : null;
  if (sub === 'check') return check(file, option);
  try {
    return await sample(file, option);
  } catch (error) {
    return fail(error);
  }
});
