/**
 * Real WebDAV servers on 127.0.0.1 for the channel tests: Apache httpd with mod_dav (Basic or
 * Digest, a generated config in a temp folder, in the foreground; started as root it drops to
 * www-data, which gets the DAV and lock folders) and `rclone serve webdav`. Both come from
 * Debian (`npm run setup:test` installs them); without them the tests skip with the reason.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface DavServer {
  kind: 'apache-basic' | 'apache-digest' | 'rclone';
  /** The channel folder URL (ends with /). */
  url: string;
  /** The folder the server serves, on disk. */
  root: string;
  user: string;
  password: string;
  /** Its log, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Why a server kind cannot run here, or null. */
export function davSkipReason(kind: DavServer['kind']): string | null {
  if (kind === 'rclone') return has('rclone') ? null : 'rclone is not installed (npm run setup:test installs it from Debian)';
  return has(APACHE) ? null : 'apache2 is not installed (npm run setup:test installs it from Debian)';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until the server answers HTTP (any status), or fails with its log. */
async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`WebDAV server exited (${child.exitCode}):\n${log()}`);
    try {
      await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(2000) });
      return;
    } catch (error) {
      // An https server with a certificate of a test's own CA answers with a TLS refusal: it is up.
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO/.test(code)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`WebDAV server did not answer at ${url}:\n${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export async function startApache(auth: 'basic' | 'digest', user = 'leader', password = '学习-2026'): Promise<DavServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-apache-'));
  const dav = path.join(dir, 'dav');
  const lock = path.join(dir, 'lock');
  const run = path.join(dir, 'run');
  for (const d of [dav, lock, run]) mkdirSync(d);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // Apache drops to www-data: it must reach the folder and own what it writes.
    chmodSync(dir, 0o755);
    const pw = readFileSync('/etc/passwd', 'utf8').match(/^www-data:[^:]*:(\d+):(\d+):/m);
    if (pw) for (const d of [dav, lock]) chownSync(d, Number(pw[1]), Number(pw[2]));
  }
  const realm = 'yandu channel';
  const users =
    auth === 'basic'
      ? `${user}:{SHA}${createHash('sha1').update(password, 'utf8').digest('base64')}\n`
      : `${user}:${realm}:${createHash('md5').update(`${user}:${realm}:${password}`, 'utf8').digest('hex')}\n`;
  writeFileSync(path.join(dir, 'users'), users);
  chmodSync(path.join(dir, 'users'), 0o644);
  const port = await freePort();
  const mods = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'auth_basic', 'auth_digest', 'authz_user', 'dav', 'dav_fs'];
  const conf = [
    `ServerRoot ${dir}`,
    `DefaultRuntimeDir ${run}`,
    `PidFile ${run}/httpd.pid`,
    `ErrorLog ${dir}/error.log`,
    'LogLevel warn',
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    'StartServers 1',
    'ServerLimit 2',
    'ThreadsPerChild 32',
    'MaxRequestWorkers 64',
    ...mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    `DAVLockDB ${lock}/DAVLock`,
    `DocumentRoot ${dav}`,
    `<Directory ${dav}>`,
    '  Dav On',
    auth === 'basic' ? '  AuthType Basic' : '  AuthType Digest',
    `  AuthName "${realm}"`,
    auth === 'basic' ? '  AuthBasicProvider file' : '  AuthDigestProvider file',
    `  AuthUserFile ${dir}/users`,
    '  Require valid-user',
    '</Directory>',
  ].join('\n');
  writeFileSync(path.join(dir, 'httpd.conf'), `${conf}\n`);
  let out = '';
  const child = spawn(APACHE, ['-DFOREGROUND', '-f', path.join(dir, 'httpd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const log = () => {
    let e = '';
    try {
      e = readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      // no log yet
    }
    return `${out}\n${e}`.slice(-4000);
  };
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilUp(url, child, log);
  return {
    kind: auth === 'basic' ? 'apache-basic' : 'apache-digest',
    url,
    root: dav,
    user,
    password,
    log,
    close: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `at` restarts a server on the same port and folder (a server that was away comes back);
 * `tls` serves https with the given certificate and key files.
 */
export async function startRclone(
  user = 'member',
  password = 'pass-2026',
  at?: { port: number; root: string },
  tls?: { cert: string; key: string },
): Promise<DavServer & { port: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-rclone-'));
  const root = at?.root ?? path.join(dir, 'dav');
  mkdirSync(root, { recursive: true });
  const port = at?.port ?? (await freePort());
  let out = '';
  const child = spawn(
    'rclone',
    [
      'serve',
      'webdav',
      root,
      '--addr',
      `127.0.0.1:${port}`,
      '--user',
      user,
      '--pass',
      password,
      '--config',
      '/dev/null',
      '--log-level',
      'ERROR',
      ...(tls ? ['--cert', tls.cert, '--key', tls.key] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const log = () => out.slice(-4000);
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}/`;
  await waitUntilUp(url, child, log);
  return {
    kind: 'rclone',
    url,
    root,
    port,
    user,
    password,
    log,
    close: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Why https test certificates cannot be made here (the openssl CLI), or null. */
export function opensslSkipReason(): string | null {
  return has('openssl') ? null : 'the openssl CLI is not installed';
}

export interface TestCerts {
  /** The unit's root CA (PEM file) that signed the server certificate, and another CA. */
  caFile: string;
  otherCaFile: string;
  /** The CA's private key (what a user might pick by mistake). */
  caKeyFile: string;
  /** The server's certificate (for IP 127.0.0.1) and key, for `startRclone(…, tls)`. */
  cert: string;
  key: string;
}

/** A root CA, a server certificate for 127.0.0.1 signed by it, and an unrelated CA, made with openssl in `dir`. */
export function makeTestCerts(dir: string): TestCerts {
  const openssl = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${r.stderr}`);
  };
  const ca = (name: string, cn: string) =>
    openssl([
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '3',
      '-subj', `/O=Yandu Test/CN=${cn}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]); // prettier-ignore
  ca('ca', 'Unit Root CA');
  ca('other', 'Other Root CA');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl([
    'x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt',
    '-days', '3', '-extfile', 'san.ext',
  ]); // prettier-ignore
  const at = (f: string) => path.join(dir, f);
  return { caFile: at('ca.crt'), otherCaFile: at('other.crt'), caKeyFile: at('ca.key'), cert: at('server.crt'), key: at('server.key') };
}
