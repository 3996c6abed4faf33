/**
 * This copy's signing key (Ed25519, Node's crypto): made on first need, kept in the data folder
 * as `signing-key.pem` (PKCS#8, owner-only 0600, written atomically), never put in a packet, a
 * return file or a plain backup. It leaves the folder only encrypted with a passphrase
 * (scrypt + AES-256-GCM): 导出签名密钥 / 导入签名密钥.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scrypt as scryptCb,
  sign,
  type KeyObject,
} from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { AppError } from '../../../shared/errors';
import { fingerprintOf, type Signer } from '../../../shared/packet/signature';
import { nodeSha256 } from './reader';

export const KEY_FILE_NAME = 'signing-key.pem';
export const MIN_PASSPHRASE = 8;

export interface SigningKey extends Signer {
  fingerprint: string;
}

export function keyFileOf(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

function toSigner(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new AppError('E_INVALID_ARGUMENT', '签名密钥文件不是 Ed25519 密钥。');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey, nodeSha256),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}

/** Writes a file owner-only and atomically: a temporary file (0600), then a rename. */
async function writePrivate(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function readKey(file: string): Promise<SigningKey | null> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('E_RESOURCE', `无法读取签名密钥文件：${path.basename(file)}`, { cause: error });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (cause) {
    throw new AppError('E_INVALID_ARGUMENT', `签名密钥文件已损坏：${path.basename(file)}。请从加密备份导入签名密钥。`, { cause });
  }
  // A copy restored by hand may be readable by others: make it owner-only again.
  const info = await stat(file);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(file, 0o600);
  return toSigner(key);
}

const loading = new Map<string, Promise<SigningKey>>();

/** The key in `file`, made (and written 0600) when the file does not exist. */
export function loadOrCreateKey(file: string): Promise<SigningKey> {
  const abs = path.resolve(file);
  let pending = loading.get(abs);
  if (!pending) {
    pending = (async () => {
      const existing = await readKey(abs);
      if (existing) return existing;
      const { privateKey } = generateKeyPairSync('ed25519');
      await writePrivate(abs, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      return toSigner(privateKey);
    })();
    loading.set(abs, pending);
    // A failure is not remembered: the next call tries again.
    pending.catch(() => loading.delete(abs));
  }
  return pending;
}

/** The key of a data folder, without making one. */
export async function existingKey(dataDir: string): Promise<SigningKey | null> {
  return readKey(keyFileOf(dataDir));
}

// ---------------------------------------------------------------- passphrase-protected copies

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const b64 = (n: number) => v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/), v.maxLength(n));

const KeyBackupSchema = v.strictObject({
  format: v.literal('yandu-signing-key'),
  formatVersion: v.literal(1),
  kdf: v.strictObject({ name: v.literal('scrypt'), N: v.literal(SCRYPT.N), r: v.literal(SCRYPT.r), p: v.literal(SCRYPT.p), salt: b64(64) }),
  cipher: v.strictObject({ name: v.literal('aes-256-gcm'), iv: b64(32), tag: b64(32) }),
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  data: b64(4096),
});

function derive(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE) throw new AppError('E_KEY_PASSPHRASE', `口令至少 ${MIN_PASSPHRASE} 个字符。`);
}

/** This copy's key, encrypted with a passphrase: the only form it leaves the data folder in. */
export async function exportKey(dataDir: string, passphrase: string): Promise<{ text: string; fingerprint: string }> {
  checkPassphrase(passphrase);
  const file = keyFileOf(dataDir);
  const key = await loadOrCreateKey(file);
  const pem = await readFile(file);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(passphrase, salt), iv);
  const data = Buffer.concat([cipher.update(pem), cipher.final()]);
  const backup: v.InferOutput<typeof KeyBackupSchema> = {
    format: 'yandu-signing-key',
    formatVersion: 1,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    fingerprint: key.fingerprint,
    data: data.toString('base64'),
  };
  return { text: JSON.stringify(backup, null, 2), fingerprint: key.fingerprint };
}

/**
 * Decrypts an exported key and makes it this copy's key. A wrong passphrase or a damaged file
 * changes nothing; a different key already here is kept beside it as
 * `signing-key-<fingerprint>.pem` (nothing the user made is lost).
 */
export async function importKey(
  dataDir: string,
  text: string,
  passphrase: string,
): Promise<{ fingerprint: string; replaced: string | null }> {
  let parsed: v.InferOutput<typeof KeyBackupSchema>;
  try {
    parsed = v.parse(KeyBackupSchema, JSON.parse(text));
  } catch {
    throw new AppError('E_INVALID_ARGUMENT', '这不是研读导出的签名密钥文件。没有导入。');
  }
  let pem: Buffer;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      await derive(passphrase, Buffer.from(parsed.kdf.salt, 'base64')),
      Buffer.from(parsed.cipher.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(parsed.cipher.tag, 'base64'));
    pem = Buffer.concat([decipher.update(Buffer.from(parsed.data, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('E_KEY_PASSPHRASE', '口令不对，或密钥文件已损坏。没有导入。');
  }
  let key: SigningKey;
  try {
    key = toSigner(createPrivateKey(pem));
  } catch {
    throw new AppError('E_INVALID_ARGUMENT', '密钥文件中的密钥无效。没有导入。');
  }
  if (key.fingerprint !== parsed.fingerprint) throw new AppError('E_INVALID_ARGUMENT', '密钥文件中的指纹与密钥不符。没有导入。');
  const file = keyFileOf(dataDir);
  const current = await readKey(file).catch(() => 'damaged' as const);
  let replaced: string | null = null;
  if (current && (current === 'damaged' || current.fingerprint !== key.fingerprint)) {
    const tag = current === 'damaged' ? `damaged-${Date.now()}` : current.fingerprint.slice(0, 16);
    await writePrivate(path.join(dataDir, `signing-key-${tag}.pem`), await readFile(file, 'utf8'));
    replaced = current === 'damaged' ? tag : current.fingerprint;
  }
  await writePrivate(file, pem.toString('utf8'));
  loading.delete(path.resolve(file));
  return { fingerprint: key.fingerprint, replaced };
}
