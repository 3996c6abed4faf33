/**
 * Roles: whether this copy is the group's 组长/学习秘书 (leader) or a 组员 (member), and the
 * rules that follow from it, checked where data is written (study.ts, packets.ts,
 * highlights.ts) — hiding a button is only the view's courtesy.
 *
 * The role is the `study.role` setting. While it was never chosen it is inferred from the
 * library, so a database written by an earlier release keeps its behaviour:
 * - a session authored here (no packetId) or handed out from here (issued) → leader;
 * - only sessions installed from packets → member;
 * - no session at all → unset: leader-like (everything allowed), and the 学习计划 page asks.
 * A fresh copy whose first packet is installed becomes a member (packets.ts applyPacket).
 */
import { AppError } from '../../shared/errors';
import type { Hidden, Role } from '../../shared/domain/settings';
import { createSettingsRepository } from '../db/repositories';
import type { HighlightRow, YanduDB } from '../db/schema';
import type { SessionRow } from '../db/sessionRows';
import { messages } from '../i18n/messages';

export type { Hidden, Role } from '../../shared/domain/settings';

const t = messages.roles;

export const ROLE_KEY = 'study.role' as const;
export const HIDDEN_KEY = 'study.hidden' as const;

export interface RoleState {
  /** The role in force: null only while unset and nothing to infer it from (leader-like). */
  role: Role | null;
  /** True when the user chose it (or the first packet install set it), false when inferred. */
  chosen: boolean;
}

/** The role from the sessions alone (for a copy where it was never chosen). Pure. */
export function inferRole(sessions: readonly Pick<SessionRow, 'packetId' | 'issued'>[]): Role | null {
  if (sessions.some((s) => s.issued || !s.packetId)) return 'leader';
  return sessions.length ? 'member' : null;
}

export async function roleState(db: YanduDB): Promise<RoleState> {
  const stored = await createSettingsRepository(db).read(ROLE_KEY);
  if (stored) return { role: stored, chosen: true };
  return { role: inferRole(await db.sessions.toArray()), chosen: false };
}

/**
 * Writes the inferred role once it is about to change meaning (a member's copy from an earlier
 * release creating its own session would otherwise turn leader). Call inside a transaction
 * with `settings` and `sessions`.
 */
export async function settleRole(db: YanduDB, fallback: Role): Promise<void> {
  const state = await roleState(db);
  if (state.chosen) return;
  await createSettingsRepository(db).write(ROLE_KEY, state.role ?? fallback);
}

/** A session this copy installed from a packet (not one it authored or handed out). */
export function fromPacket(row: Pick<SessionRow, 'packetId' | 'issued'>): boolean {
  return !!row.packetId && !row.issued;
}

/** The fields a packet owns: a member's copy never changes them. */
export const PACKET_FIELDS = ['topic', 'date', 'place', 'host', 'speakers', 'readings', 'questions', 'status'] as const;

/** Why a member may not write `next` over `before` (a packet's session), or null. Pure. */
export function sessionEditRefusal(role: Role | null, before: SessionRow, next: SessionRow): string | null {
  if (role !== 'member' || !fromPacket(before)) return null;
  const changed = PACKET_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  if (!changed.length) return null;
  if (changed.includes('readings')) return t.memberReadings;
  if (changed.includes('status')) return t.memberStatus;
  return t.memberSession;
}

/** The local calendar day, YYYY-MM-DD. */
export function localDay(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Why a session cannot be 已完成 on `today` (no date, a date to come), or null. Pure. */
export function doneRefusal(row: Pick<SessionRow, 'date'>, today: string): string | null {
  if (!row.date) return t.doneNoDate;
  if (row.date.slice(0, 10) > today) return t.doneFuture;
  return null;
}

/** A session that counts as held: 已完成 on a day that has come. */
export function countsAsDone(row: Pick<SessionRow, 'status' | 'date'>, today: string): boolean {
  return row.status === 'done' && doneRefusal(row, today) === null;
}

/** Throws when a member's copy would write the leader's layer. */
export async function assertMayEditLeaderLayer(db: YanduDB): Promise<void> {
  if ((await roleState(db)).role === 'member') throw new AppError('E_FORBIDDEN', t.memberLeaderLayer);
}

/** Why this highlight may not be changed or removed here, or null. */
export function highlightRefusal(role: Role | null, row: Pick<HighlightRow, 'layer'>): string | null {
  return role === 'member' && row.layer === 'leader' ? t.memberLeaderLayer : null;
}

export function readHidden(db: YanduDB): Promise<Hidden> {
  return createSettingsRepository(db).read(HIDDEN_KEY);
}

/** Hides (or shows) the leader's layer in the reader, leaving the hidden sessions as they are. */
export function writeLeaderLayerHidden(db: YanduDB, hide: boolean): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    await createSettingsRepository(db).write(HIDDEN_KEY, { ...(await readHidden(db)), leaderLayer: hide });
  });
}
