/**
 * Who signed a packet or return file, against the keys this copy pinned (pure functions; the
 * pins live in the settings table, key `packets.pins`).
 *
 * A member's copy pins the key of a 发放单位 on its first packet from it; the leader's copy pins a
 * member's key on their first return file. Later files must be signed by the pinned key. Refused
 * unless the user overrides, and every override is logged:
 * - another key for the same signer: only if the user types the new key's fingerprint (the
 *   leader announces a key change with it): 「发放单位更换了签名密钥」;
 * - an unsigned file (older releases wrote none): only if the user ticks 「仍然导入未签名的文件」.
 * Packets installed before signing existed are not checked again: they stay readable.
 */
import type { SignatureInfo } from '../../shared/packet/api';
import { fingerprintMatches, shortFingerprint } from '../../shared/packet/signature';
import type { Pin, PinLogEntry, Pins } from '../../shared/domain/settings';

export type Party = 'issuer' | 'member';

export type SignerCheck =
  /** Signed; nobody pinned for this name yet: the key is pinned on import. */
  | { state: 'first'; party: Party; name: string; fingerprint: string }
  /** Signed by the pinned key. */
  | { state: 'match'; party: Party; name: string; fingerprint: string; pinnedAt: string }
  /** Signed by another key than the pinned one. */
  | { state: 'changed'; party: Party; name: string; fingerprint: string; pinned: string }
  /** No signature. */
  | { state: 'unsigned'; party: Party; name: string; pinned: string | null };

export interface SignerOverride {
  /** The new key's fingerprint as the user typed it (full or short form). */
  keyChange?: string;
  /** The user accepts an unsigned file. */
  unsigned?: boolean;
}

const listOf = (pins: Pins, party: Party): Pin[] => (party === 'issuer' ? pins.issuers : pins.members);

export function checkSigner(pins: Pins, party: Party, name: string, signature: SignatureInfo): SignerCheck {
  const pin = listOf(pins, party).find((p) => p.name === name);
  if (signature.state !== 'valid' || !signature.fingerprint) return { state: 'unsigned', party, name, pinned: pin?.fingerprint ?? null };
  if (!pin) return { state: 'first', party, name, fingerprint: signature.fingerprint };
  if (pin.fingerprint === signature.fingerprint)
    return { state: 'match', party, name, fingerprint: signature.fingerprint, pinnedAt: pin.pinnedAt };
  return { state: 'changed', party, name, fingerprint: signature.fingerprint, pinned: pin.fingerprint };
}

const who = (c: SignerCheck) => (c.party === 'issuer' ? `发放单位「${c.name || '（未署名）'}」` : `「${c.name}」`);
const what = (c: SignerCheck) => (c.party === 'issuer' ? '资料包' : '回执');

/** Why a file may not be imported as things stand (Chinese), or null when it may. */
export function signerBlock(check: SignerCheck, override: SignerOverride = {}): string | null {
  if (check.state === 'changed') {
    if (override.keyChange && fingerprintMatches(override.keyChange, check.fingerprint)) return null;
    return (
      `${who(check)}的${what(check)}此前由密钥 ${shortFingerprint(check.pinned)} 签名，这个文件却由另一把密钥 ` +
      `${shortFingerprint(check.fingerprint)} 签名，已拒绝导入。只有对方事先通知更换了签名密钥时，才可核对并输入新密钥指纹后导入。`
    );
  }
  if (check.state === 'unsigned') {
    if (override.unsigned) return null;
    return `这个${what(check)}没有签名，无法确认是否出自${who(check)}，已拒绝导入。只有确认来源可靠时，才可勾选“仍然导入未签名的文件”（将记入日志）。`;
  }
  return null;
}

/** The pins after importing a file: a first key pinned, a confirmed key change re-pinned, overrides logged. */
export function recordSigner(pins: Pins, check: SignerCheck, file: string, now: string): Pins {
  if (check.state === 'match') return pins;
  const entry = (kind: PinLogEntry['kind'], fingerprint: string | null, previous: string | null): PinLogEntry => ({
    at: now,
    kind,
    party: check.party,
    name: check.name.slice(0, 200),
    fingerprint,
    previous,
    file: file.slice(0, 500),
  });
  // Oldest entries go first when the log is full.
  const log = (e: PinLogEntry) => [...pins.log, e].slice(-2000);
  if (check.state === 'unsigned') return { ...pins, log: log(entry('unsigned', null, check.pinned)) };
  const pin: Pin = { name: check.name.slice(0, 200), fingerprint: check.fingerprint, pinnedAt: now };
  const list = [...listOf(pins, check.party).filter((p) => p.name !== pin.name), pin];
  const next = check.party === 'issuer' ? { ...pins, issuers: list } : { ...pins, members: list };
  return check.state === 'first'
    ? { ...next, log: log(entry('pinned', check.fingerprint, null)) }
    : { ...next, log: log(entry('keyChanged', check.fingerprint, check.pinned)) };
}
