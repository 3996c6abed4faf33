/**
 * An intranet CA certificate trusted for one channel only (issue 21). Units often run their
 * WebDAV server with a certificate from their own root; the user adds that root (PEM) to the
 * channel. It is not a secret: it is kept with the channel in channels.json. It is handed as
 * `ca` to this channel's https requests only: never installed globally, and certificate
 * checking is never turned off.
 */
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { AppError } from '../../../shared/errors';

/** A CA file larger than this is not a certificate someone chose on purpose. */
export const MAX_CA_CERT_BYTES = 64 * 1024;
const MAX_CERTS = 8;

export interface CaCertInfo {
  subject: string;
  /** SHA-256 of the DER, upper-case hex pairs joined by colons (as browsers and openssl show it). */
  fingerprint256: string;
  validTo: string;
}

/**
 * Checks PEM text: one or more CERTIFICATE blocks that node:crypto can parse. Returns the
 * normalised PEM (certificate blocks only) and what the first certificate says.
 */
export function parseCaCert(text: string): { pem: string; info: CaCertInfo } {
  const bad = (why: string) =>
    new AppError('E_INVALID_ARGUMENT', `根证书无效：${why}。请选择单位提供的 PEM 格式根证书（.pem/.crt/.cer）。`);
  if (Buffer.byteLength(text, 'utf8') > MAX_CA_CERT_BYTES) throw bad(`文件超过 ${MAX_CA_CERT_BYTES / 1024} KB`);
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw bad('没有找到“-----BEGIN CERTIFICATE-----”（可能是 DER 二进制格式或私钥文件）');
  if (blocks.length > MAX_CERTS) throw bad(`证书过多（最多 ${MAX_CERTS} 个）`);
  const certs = blocks.map((b) => {
    try {
      return new X509Certificate(b);
    } catch {
      throw bad('证书内容无法解析');
    }
  });
  const first = certs[0]!;
  return {
    pem: `${blocks.join('\n')}\n`,
    info: { subject: first.subject.replace(/\n/g, ', '), fingerprint256: first.fingerprint256, validTo: first.validTo },
  };
}

/** TLS failures that mean "this certificate is not trusted" rather than "the server is away". */
const CERT_ERRORS = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The TLS code of a failed request (fetch wraps it as `cause`), when it is a certificate problem. */
export function certErrorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CERT_ERRORS.has(code)) return code;
  }
  return null;
}

/**
 * A fetch for one channel whose https requests also trust `pem` (besides the system's roots).
 * http requests go to the normal fetch. Only what the WebDAV client uses is supported: a
 * string or bytes body, plain headers, a signal, redirect 'manual' (never followed here).
 */
export function fetchTrusting(pem: string): typeof fetch {
  const agent = new https.Agent({ ca: [...tls.rootCertificates, pem], keepAlive: true, maxSockets: 8 });
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:') return fetch(input, init);
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(init?.headers as Record<string, string> | undefined) };
    const raw = init?.body;
    if (raw !== undefined && raw !== null && typeof raw !== 'string' && !(raw instanceof Uint8Array))
      throw new TypeError('unsupported body');
    const body = raw === undefined || raw === null ? null : typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
    if (body) headers['Content-Length'] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(url, { method, headers, agent, signal: init?.signal ?? undefined }, (res) => {
        const out = new Headers();
        for (const [k, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const x of value) out.append(k, x);
          else if (value !== undefined) out.set(k, value);
        }
        const status = res.statusCode ?? 502;
        if (method === 'HEAD' || [204, 205, 304].includes(status)) {
          res.resume();
          resolve(new Response(null, { status, headers: out }));
        } else resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, headers: out }));
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  }) as typeof fetch;
}
