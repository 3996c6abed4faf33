/** Installed packets and imported return files, as stored. */
import * as v from 'valibot';
import { ReturnBodySchema } from '../packet/schema';
import { CountField, IdField, IsoField, text } from './fields';

/** A packet installed here: which version, and what it put in the library. */
export const PacketRowSchema = v.object({
  id: IdField,
  version: CountField,
  issuer: text(200),
  issuedAt: IsoField,
  title: text(500),
  wholeSha256: text(64),
  sessionId: IdField,
  articleIds: v.pipe(v.array(IdField), v.maxLength(10_000)),
  highlightIds: v.pipe(v.array(IdField), v.maxLength(100_000)),
  installedAt: IsoField,
  /** What the last install changed (shown for a 勘误). */
  changes: v.pipe(v.array(text(2000)), v.maxLength(100_000)),
});
export type PacketRow = v.InferOutput<typeof PacketRowSchema>;

/** An imported 学习成果回执. */
export const ReturnRowSchema = v.object({
  id: IdField,
  version: CountField,
  wholeSha256: text(64),
  sessionId: IdField,
  packetId: v.nullable(IdField),
  member: ReturnBodySchema.entries.member,
  notes: ReturnBodySchema.entries.notes,
  highlights: ReturnBodySchema.entries.highlights,
  zi: CountField,
  reflections: CountField,
  importedAt: IsoField,
  /**
   * When the member made the file (its manifest's issuedAt): the date of return shown. Absent on
   * returns imported before it was kept; the import date stands in, marked as such.
   */
  sentAt: v.optional(IsoField),
});
export type ReturnRow = v.InferOutput<typeof ReturnRowSchema>;
