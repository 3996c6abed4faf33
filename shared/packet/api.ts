/** The `packets` namespace of the contract: what crosses, with size caps. */
import * as v from 'valibot';
import { MAX_FILE_BYTES } from './container';
import {
  LeaderHighlightSchema,
  PacketArticleSchema,
  PacketDraftSchema,
  PacketMetaSchema,
  PacketSessionSchema,
  ReturnBodySchema,
  ReturnDraftSchema,
  Sha256Schema,
} from './schema';

/** Base64 of a whole file, capped at the container's limit. */
export const FileBase64Schema = v.pipe(v.string(), v.maxLength(Math.ceil(MAX_FILE_BYTES / 3) * 4), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));

const FileNameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const TokenSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]{8,64}$/));

export const BuiltFileSchema = v.strictObject({
  base64: FileBase64Schema,
  fileName: FileNameSchema,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  wholeSha256: Sha256Schema,
});

const ReadMetaSchema = v.strictObject({ ...PacketMetaSchema.entries, wholeSha256: Sha256Schema });

export const ReadPacketSchema = v.strictObject({
  kind: v.literal('packet'),
  /** Hands the checked images to `install` without sending the file again. */
  token: TokenSchema,
  meta: ReadMetaSchema,
  session: PacketSessionSchema,
  articles: v.pipe(v.array(PacketArticleSchema), v.maxLength(500)),
  highlights: v.pipe(v.array(LeaderHighlightSchema), v.maxLength(5000)),
  images: v.pipe(v.array(v.strictObject({ name: v.string(), size: v.number() })), v.maxLength(1000)),
});
export type ReadPacket = v.InferOutput<typeof ReadPacketSchema>;

export const ReadReturnSchema = v.strictObject({
  kind: v.literal('return'),
  meta: ReadMetaSchema,
  body: ReturnBodySchema,
});
export type ReadReturn = v.InferOutput<typeof ReadReturnSchema>;

export const ReadResultSchema = v.variant('kind', [ReadPacketSchema, ReadReturnSchema]);
export type ReadResult = v.InferOutput<typeof ReadResultSchema>;

export const FolderEntrySchema = v.strictObject({
  name: FileNameSchema,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mtimeMs: v.number(),
  /** Set when the file is a valid packet or return file. */
  summary: v.nullable(
    v.strictObject({ kind: v.picklist(['packet', 'return']), meta: ReadMetaSchema, articles: v.number(), highlights: v.number() }),
  ),
  error: v.nullable(v.strictObject({ code: v.string(), message: v.string() })),
});
export type FolderEntry = v.InferOutput<typeof FolderEntrySchema>;

const FolderPathSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

export const packetMethods = {
  /** Writes a packet from a session, its articles and the leader's layer (images from the media folder). */
  build: { input: v.strictObject({ draft: PacketDraftSchema }), output: BuiltFileSchema },
  /** Writes a member's return file (学习成果回执). */
  buildReturn: { input: v.strictObject({ draft: ReturnDraftSchema }), output: BuiltFileSchema },
  /** Checks a packet or return file completely; writes nothing. */
  read: { input: v.strictObject({ base64: FileBase64Schema }), output: ReadResultSchema },
  /** The same for a file in a shared folder. */
  readFile: { input: v.strictObject({ folder: FolderPathSchema, name: FileNameSchema }), output: ReadResultSchema },
  /** Stores the images of a packet that `read` checked (content-addressed, so repeating is harmless). */
  install: {
    input: v.strictObject({ token: TokenSchema }),
    output: v.strictObject({ images: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  },
  /** Lists the packet and return files of a (shared) folder, each checked. */
  scanFolder: {
    input: v.strictObject({ path: FolderPathSchema }),
    output: v.strictObject({ files: v.pipe(v.array(FolderEntrySchema), v.maxLength(1000)) }),
  },
} as const;
