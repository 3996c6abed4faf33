/** The `packets` namespace of the contract: what crosses, with size caps. */
import * as v from 'valibot';
import { MAX_FILE_BYTES } from './container';
import {
  LeaderHighlightSchema,
  OriginalFileSchema,
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

/** An original (查看原件) a packet does not carry, and why: over the per-part limit, the file's, or not in the data folder. */
export const OriginalLeftOutSchema = v.strictObject({
  file: OriginalFileSchema,
  /** The file's name as the user had it, and its article's title. */
  name: v.pipe(v.string(), v.maxLength(255)),
  title: v.pipe(v.string(), v.maxLength(500)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  why: v.picklist(['part', 'file', 'missing']),
});
export type OriginalLeftOut = v.InferOutput<typeof OriginalLeftOutSchema>;

export const BuiltFileSchema = v.strictObject({
  base64: FileBase64Schema,
  fileName: FileNameSchema,
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  wholeSha256: Sha256Schema,
  /** Fingerprint of the key that signed it (this copy's). */
  signer: Sha256Schema,
  /** Packets only: the document originals carried and those left out. */
  originals: v.optional(
    v.strictObject({
      carried: v.pipe(v.number(), v.integer(), v.minValue(0)),
      leftOut: v.pipe(v.array(OriginalLeftOutSchema), v.maxLength(500)),
    }),
  ),
});

/** A file's signature as main found it (one that does not verify is refused before this). */
export const SignatureInfoSchema = v.strictObject({
  state: v.picklist(['valid', 'none']),
  fingerprint: v.nullable(Sha256Schema),
});
export type SignatureInfo = v.InferOutput<typeof SignatureInfoSchema>;

const ReadMetaSchema = v.strictObject({ ...PacketMetaSchema.entries, wholeSha256: Sha256Schema });

export const ReadPacketSchema = v.strictObject({
  kind: v.literal('packet'),
  /** Hands the checked images to `install` without sending the file again. */
  token: TokenSchema,
  meta: ReadMetaSchema,
  signature: SignatureInfoSchema,
  session: PacketSessionSchema,
  articles: v.pipe(v.array(PacketArticleSchema), v.maxLength(500)),
  highlights: v.pipe(v.array(LeaderHighlightSchema), v.maxLength(5000)),
  images: v.pipe(v.array(v.strictObject({ name: v.string(), size: v.number() })), v.maxLength(1000)),
  /** The originals it carries (`document.file` of its articles), checked by hash; `install` stores them. */
  originals: v.optional(v.pipe(v.array(v.strictObject({ file: OriginalFileSchema, size: v.number() })), v.maxLength(500))),
  /**
   * Originals its articles name that it does not carry but this data folder already holds
   * (documents/ is content-addressed by sha256): the preview does not call those missing.
   */
  originalsHeld: v.optional(v.pipe(v.array(OriginalFileSchema), v.maxLength(500))),
});
export type ReadPacket = v.InferOutput<typeof ReadPacketSchema>;

export const ReadReturnSchema = v.strictObject({
  kind: v.literal('return'),
  meta: ReadMetaSchema,
  signature: SignatureInfoSchema,
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

const PassphraseSchema = v.pipe(v.string(), v.maxLength(1024));

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
  /** Stores the images and originals of a packet that `read` checked (content-addressed, so repeating is harmless). */
  install: {
    input: v.strictObject({ token: TokenSchema }),
    output: v.strictObject({
      images: v.pipe(v.number(), v.integer(), v.minValue(0)),
      originals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
  },
  /** Lists the packet and return files of a (shared) folder, each checked. */
  /** This copy's signing key (null before the first packet or return file is written). */
  keyInfo: { input: v.strictObject({}), output: v.strictObject({ fingerprint: v.nullable(Sha256Schema) }) },
  /** 导出签名密钥: the key encrypted with a passphrase (scrypt + AES-GCM); never exported plain. */
  exportKey: {
    input: v.strictObject({ passphrase: PassphraseSchema }),
    output: v.strictObject({ base64: FileBase64Schema, fileName: FileNameSchema, fingerprint: Sha256Schema }),
  },
  /** 导入签名密钥: replaces this copy's key (the old one is kept beside it in the data folder). */
  importKey: {
    input: v.strictObject({ base64: v.pipe(v.string(), v.maxLength(65_536)), passphrase: PassphraseSchema }),
    output: v.strictObject({ fingerprint: Sha256Schema, replaced: v.nullable(v.pipe(v.string(), v.maxLength(80))) }),
  },
  scanFolder: {
    input: v.strictObject({ path: FolderPathSchema }),
    output: v.strictObject({ files: v.pipe(v.array(FolderEntrySchema), v.maxLength(1000)) }),
  },
} as const;
