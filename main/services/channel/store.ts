/**
 * Configured channels and their credentials, in the data folder (never in IndexedDB, packets,
 * backups or logs; the renderer only ever learns whether a password is set).
 *   channels.json         [{ id, name, url, user, addedAt, caCert? }] (caCert: a PEM root, public)
 *   channel-secrets.json  { <id>: <protected password> }, owner-only (0600)
 * Passwords are protected by a SecretBox: Electron's safeStorage (the OS keychain) in the
 * desktop app; in the browser host, the file's owner-only permissions are the protection (the
 * host has no keychain to ask). Both files are written atomically.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { AppError } from '../../../shared/errors';
import { renameWithRetry } from '../fs-retry';
import { MAX_CA_CERT_BYTES, parseCaCert, type CaCertInfo } from './ca-cert';

export const CHANNELS_FILE = 'channels.json';
export const SECRETS_FILE = 'channel-secrets.json';

export const ChannelConfigSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^ch_[a-z0-9]{8,32}$/)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  url: v.pipe(v.string(), v.maxLength(2048)),
  user: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  addedAt: v.pipe(v.string(), v.maxLength(40)),
  /** PEM of the unit's root certificate this channel trusts (not a secret); absent: system roots only. */
  caCert: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(MAX_CA_CERT_BYTES)))),
});
export type ChannelConfig = v.InferOutput<typeof ChannelConfigSchema>;

/** How a password is kept at rest. */
export interface SecretBox {
  /** Shown to the user: where the password is protected. */
  readonly kind: 'os-keychain' | 'owner-only-file';
  protect(plain: string): string;
  unprotect(stored: string): string;
}

/** The browser host's box: the text as is, in a file only its owner may read. */
export const ownerOnlyFileBox: SecretBox = {
  kind: 'owner-only-file',
  protect: (plain) => `plain:${plain}`,
  unprotect: (stored) => (stored.startsWith('plain:') ? stored.slice(6) : ''),
};

/** Electron's safeStorage as a box (main/electron hands in the two functions). */
export function safeStorageBox(encrypt: (plain: string) => Buffer, decrypt: (data: Buffer) => string): SecretBox {
  return {
    kind: 'os-keychain',
    protect: (plain) => `safe:${encrypt(plain).toString('base64')}`,
    unprotect: (stored) => (stored.startsWith('safe:') ? decrypt(Buffer.from(stored.slice(5), 'base64')) : ''),
  };
}

async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text, { mode });
  try {
    await renameWithRetry(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // A file created earlier with looser permissions is tightened too.
  if (process.platform !== 'win32') await chmod(file, mode);
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('E_INTERNAL', `无法读取 ${path.basename(file)}（文件已损坏？）。`);
  }
}

function caInfo(pem: string): CaCertInfo | null {
  try {
    return parseCaCert(pem).info;
  } catch {
    return null;
  }
}

export interface ChannelView extends Omit<ChannelConfig, 'caCert'> {
  /** What the trusted root certificate says (the PEM itself stays in main). */
  ca: CaCertInfo | null;
  hasPassword: boolean;
  protectedBy: SecretBox['kind'];
}

export class ChannelStore {
  constructor(
    private readonly dataDir: string,
    private readonly box: SecretBox,
  ) {}

  private get channelsFile() {
    return path.join(this.dataDir, CHANNELS_FILE);
  }
  private get secretsFile() {
    return path.join(this.dataDir, SECRETS_FILE);
  }

  async list(): Promise<ChannelConfig[]> {
    const raw = await readJson(this.channelsFile);
    if (raw === null) return [];
    const parsed = v.safeParse(v.array(v.unknown()), raw);
    // A row this version does not understand is kept in the file, only left out here.
    return parsed.success ? parsed.output.flatMap((r) => (v.is(ChannelConfigSchema, r) ? [r] : [])) : [];
  }

  /** What the renderer may see: no password, only whether one is set and how it is kept. */
  async views(): Promise<ChannelView[]> {
    const secrets = await this.secrets();
    return (await this.list()).map(({ caCert, ...c }) => ({
      ...c,
      ca: caCert ? caInfo(caCert) : null,
      hasPassword: typeof secrets[c.id] === 'string',
      protectedBy: this.box.kind,
    }));
  }

  private async secrets(): Promise<Record<string, string>> {
    const raw = await readJson(this.secretsFile);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, string>) : {};
  }

  async add(
    input: { name: string; url: string; user: string | null; password: string | null; caCert?: string | null },
    now = new Date(),
  ): Promise<ChannelConfig> {
    // Checked before anything is written: a bad certificate adds nothing.
    const caCert = input.caCert ? parseCaCert(input.caCert).pem : null;
    let url: URL;
    try {
      url = new URL(input.url.endsWith('/') ? input.url : `${input.url}/`);
    } catch {
      throw new AppError('E_INVALID_ARGUMENT', `通道地址无效：${input.url}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('E_INVALID_ARGUMENT', '通道地址只能是 http 或 https。');
    if (url.username || url.password) throw new AppError('E_INVALID_ARGUMENT', '通道地址里不能写用户名或密码，请分别填写。');
    const config: ChannelConfig = {
      id: `ch_${randomBytes(6).toString('hex')}`,
      name: input.name.trim() || url.host,
      url: url.href,
      user: input.user?.trim() || null,
      addedAt: now.toISOString(),
      ...(caCert ? { caCert } : {}),
    };
    const check = v.safeParse(ChannelConfigSchema, config);
    if (!check.success) throw new AppError('E_INVALID_ARGUMENT', '通道名称或地址过长。');
    await mkdir(this.dataDir, { recursive: true });
    if (input.password) await this.setPassword(config.id, input.password);
    const raw = (await readJson(this.channelsFile)) as unknown[] | null;
    await writeAtomic(this.channelsFile, `${JSON.stringify([...(Array.isArray(raw) ? raw : []), config], null, 2)}\n`, 0o644);
    return config;
  }

  async remove(id: string): Promise<void> {
    const raw = (await readJson(this.channelsFile)) as unknown[] | null;
    const rows = Array.isArray(raw) ? raw : [];
    await writeAtomic(
      this.channelsFile,
      `${JSON.stringify(
        rows.filter((r) => (r as { id?: unknown }).id !== id),
        null,
        2,
      )}\n`,
      0o644,
    );
    const secrets = await this.secrets();
    if (id in secrets) {
      delete secrets[id];
      await writeAtomic(this.secretsFile, `${JSON.stringify(secrets)}\n`, 0o600);
    }
  }

  /** Sets (PEM text) or clears (null) the channel's trusted root certificate. */
  async setCaCert(id: string, text: string | null): Promise<void> {
    await this.get(id);
    const caCert = text ? parseCaCert(text).pem : null;
    const raw = (await readJson(this.channelsFile)) as unknown[] | null;
    const rows = (Array.isArray(raw) ? raw : []).map((r) => {
      if ((r as { id?: unknown }).id !== id) return r;
      const { caCert: _old, ...rest } = r as Record<string, unknown>;
      return caCert ? { ...rest, caCert } : rest;
    });
    await writeAtomic(this.channelsFile, `${JSON.stringify(rows, null, 2)}\n`, 0o644);
  }

  async setPassword(id: string, password: string): Promise<void> {
    const secrets = await this.secrets();
    secrets[id] = this.box.protect(password);
    await writeAtomic(this.secretsFile, `${JSON.stringify(secrets)}\n`, 0o600);
  }

  /** The password for main's own use (the WebDAV client); never sent to the renderer. */
  async password(id: string): Promise<string | undefined> {
    const stored = (await this.secrets())[id];
    if (typeof stored !== 'string') return undefined;
    if (process.platform !== 'win32') {
      const mode = (await stat(this.secretsFile)).mode & 0o077;
      if (mode !== 0) await chmod(this.secretsFile, 0o600);
    }
    return this.box.unprotect(stored) || undefined;
  }

  async get(id: string): Promise<ChannelConfig> {
    const found = (await this.list()).find((c) => c.id === id);
    if (!found) throw new AppError('E_NOT_FOUND', '没有这个通道（可能已被删除）。');
    return found;
  }
}
