/**
 * Rows of the study tables (schema version 4): sessions (学习计划), members, installed packets
 * and imported return files. Kept apart from highlights and notes: installing a packet writes
 * only these, articles and the leader's layer. The shapes are shared/domain's schemas.
 */
import type { LeaderHighlight } from '../../shared/packet/schema';

export type { MemberRow, SessionRow, SessionStatus, StudyRecord } from '../../shared/domain/session';
export type { PacketRow, ReturnRow } from '../../shared/domain/study';
export type { LeaderHighlight };
