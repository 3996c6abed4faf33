/**
 * Detached Ed25519 signatures of packets and return files.
 *
 * The entry `signature.json` sits in the container just before `manifest.json` and is not
 * listed in the manifest (it cannot list itself). It signs one message: a fixed prefix, the
 * SHA-256 of the manifest's exact bytes, and "name\tsize\tsha256" of every other part in file
 * order. The manifest names the issuer and every part's hash, so editing the manifest (a forged
 * 发放单位), a part, or the part list, and then recomputing the container's trailer, no longer
 * verifies.
 *
 * Verifying uses @noble/curves (pure TypeScript): it runs the same in main and in browsers whose
 * WebCrypto lacks Ed25519 (older 信创 browsers). Signing needs the private key, which only main
 * holds (Node's crypto), so it comes in as a `Signer`.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import * as v from 'valibot';
import { base64ToBytes, bytesToBase64 } from './base64';
import type { Hasher, Part } from './container';

export const SIGNATURE_ENTRY = 'signature.json';
const MESSAGE_PREFIX = 'yandu-signature 1\n';

export const SignatureEntrySchema = v.strictObject({
  format: v.literal('yandu-signature'),
  formatVersion: v.literal(1),
  algorithm: v.literal('ed25519'),
  /** The raw 32-byte public key, base64. */
  publicKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/)),
  /** The 64-byte signature, base64. */
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{86}==$/)),
});
export type SignatureEntry = v.InferOutput<typeof SignatureEntrySchema>;

/** What holds a private key (main's signing key). */
export interface Signer {
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** valid: signed and verified; invalid: a signature entry that does not verify; none: unsigned. */
export type SignatureState = 'valid' | 'invalid' | 'none';

export interface SignatureCheck {
  state: SignatureState;
  /** SHA-256 of the public key (hex); null when unsigned or the entry is unreadable. */
  fingerprint: string | null;
}

const encoder = new TextEncoder();

/** The bytes a signature covers. */
export function signedMessage(manifest: Uint8Array, parts: readonly Part[], hash: Hasher): Uint8Array {
  const lines = parts.map((p) => `${p.name}\t${p.bytes.length}\t${hash(p.bytes)}\n`).join('');
  return encoder.encode(`${MESSAGE_PREFIX}manifest ${hash(manifest)}\n${lines}`);
}

/** A key's fingerprint: SHA-256 of its raw public key, lower-case hex. */
export function fingerprintOf(publicKey: Uint8Array, hash: Hasher): string {
  return hash(publicKey);
}

/** The short form shown beside a name: the first 16 hex digits in groups of four. */
export function shortFingerprint(fingerprint: string): string {
  return (
    fingerprint
      .slice(0, 16)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join('-') ?? ''
  );
}

/**
 * Whether what a user typed names `fingerprint`: the full 64 hex digits, or the short form
 * (16 hex digits), ignoring case, spaces, dashes and colons.
 */
export function fingerprintMatches(typed: string, fingerprint: string): boolean {
  const clean = typed.replace(/[\s:-]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(clean)) return false;
  return clean.length === 64 ? clean === fingerprint : clean.length === 16 && fingerprint.startsWith(clean);
}

/** The `signature.json` entry for a manifest and the parts before it. */
export function signatureEntry(signer: Signer, manifest: Uint8Array, parts: readonly Part[], hash: Hasher): Part {
  const signature = signer.sign(signedMessage(manifest, parts, hash));
  const entry: SignatureEntry = {
    format: 'yandu-signature',
    formatVersion: 1,
    algorithm: 'ed25519',
    publicKey: bytesToBase64(signer.publicKey),
    signature: bytesToBase64(signature),
  };
  v.parse(SignatureEntrySchema, entry);
  return { name: SIGNATURE_ENTRY, bytes: encoder.encode(JSON.stringify(entry)) };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function readEntry(part: Part): SignatureEntry | null {
  try {
    const parsed = v.safeParse(SignatureEntrySchema, JSON.parse(decoder.decode(part.bytes)));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/**
 * Checks the signature of a decoded container: `parts` are the parts other than the manifest
 * and the signature entry, in file order; `entry` is the signature entry if there is one.
 */
export function verifySignature(entry: Part | undefined, manifest: Uint8Array, parts: readonly Part[], hash: Hasher): SignatureCheck {
  if (!entry) return { state: 'none', fingerprint: null };
  const read = readEntry(entry);
  if (!read) return { state: 'invalid', fingerprint: null };
  const publicKey = base64ToBytes(read.publicKey);
  const signature = base64ToBytes(read.signature);
  if (!publicKey || publicKey.length !== 32 || !signature || signature.length !== 64) return { state: 'invalid', fingerprint: null };
  const fingerprint = fingerprintOf(publicKey, hash);
  let ok: boolean;
  try {
    // zip215: false is RFC 8032's strict rule, the one Node's crypto applies.
    ok = ed25519.verify(signature, signedMessage(manifest, parts, hash), publicKey, { zip215: false });
  } catch {
    // A malformed key or signature point throws: it does not verify.
    ok = false;
  }
  return { state: ok ? 'valid' : 'invalid', fingerprint };
}
