/**
 * The study tables (sessions, members, installed packets, imported return files): plain reads
 * and writes. What they mean — packets installed, returns built and imported, the year's
 * progress — lives in renderer/core/study.ts and renderer/core/packets.ts.
 */
import type { YanduDB } from './schema';
import type { MemberRow, PacketRow, ReturnRow, SessionRow } from './sessionRows';

export function createStudyRepository(db: YanduDB) {
  return {
    sessions: (): Promise<SessionRow[]> => db.sessions.orderBy('date').toArray(),
    sessionsOfYear: (year: number): Promise<SessionRow[]> => db.sessions.where('year').equals(year).toArray(),
    session: (id: string): Promise<SessionRow | undefined> => db.sessions.get(id),
    async putSession(row: SessionRow): Promise<void> {
      await db.sessions.put(row);
    },
    removeSession: (id: string) => db.sessions.delete(id),
    members: (): Promise<MemberRow[]> => db.members.orderBy('order').toArray(),
    async putMember(row: MemberRow): Promise<void> {
      await db.members.put(row);
    },
    removeMember: (id: string) => db.members.delete(id),
    packets: (): Promise<PacketRow[]> => db.packets.toArray(),
    packet: (id: string): Promise<PacketRow | undefined> => db.packets.get(id),
    returnsFor: (sessionId: string): Promise<ReturnRow[]> => db.returns.where('sessionId').equals(sessionId).toArray(),
  };
}
export type StudyRepository = ReturnType<typeof createStudyRepository>;
