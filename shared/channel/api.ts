/**
 * The `channels` namespace of the contract (issue 21): organisation channels on a WebDAV
 * server. Passwords go in (add, setPassword) and never come back out: the renderer sees only
 * whether one is set and how it is protected. Files cross as base64 under the packet cap.
 */
import * as v from 'valibot';
import { FileBase64Schema } from '../packet/api';

const ChannelIdSchema = v.pipe(v.string(), v.regex(/^ch_[a-z0-9]{8,32}$/));
const OutboxIdSchema = v.pipe(v.string(), v.regex(/^ob_[a-z0-9]{8,32}$/));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** PEM text of a root certificate (public; checked in main with node:crypto). */
const CaCertTextSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64 * 1024));
export const CaCertInfoSchema = v.strictObject({ subject: Text(2000), fingerprint256: Text(200), validTo: Text(100) });

export const ChannelViewSchema = v.strictObject({
  id: ChannelIdSchema,
  name: Text(100),
  url: Text(2048),
  user: v.nullable(Text(200)),
  addedAt: Text(40),
  /** The unit's root certificate this channel trusts for https (null: the system's roots only). */
  ca: v.nullable(CaCertInfoSchema),
  hasPassword: v.boolean(),
  protectedBy: v.picklist(['os-keychain', 'owner-only-file']),
});
export type ChannelViewRow = v.InferOutput<typeof ChannelViewSchema>;

export const OutboxItemViewSchema = v.strictObject({
  id: OutboxIdSchema,
  channelId: Text(80),
  kind: v.picklist(['publish', 'return', 'record']),
  label: Text(500),
  /** A record's file name in records/. */
  name: v.optional(Text(255)),
  createdAt: Text(40),
  /** 待发送 / 失败 / 已发送 */
  state: v.picklist(['pending', 'failed', 'done']),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nextAt: v.nullable(Text(40)),
  error: v.nullable(v.strictObject({ code: Text(80), message: Text(2000) })),
  doneAt: v.nullable(Text(40)),
});

/** What a packet file's manifest says (checked, or as the channel's index says it). */
const PacketInfoSchema = v.strictObject({
  name: Text(255),
  kind: v.picklist(['packet', 'return']),
  id: Text(80),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: Text(500),
  issuer: Text(200),
  /** Fingerprint of the signing key (null: unsigned). */
  signer: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  /** packets/: its notice (.notice.txt, for people browsing the server) is beside it. */
  notice: v.optional(v.boolean()),
  /**
   * true: the file was downloaded and checked. false: from the channel's index (packets/index.json),
   * only a cache: the signer is shown as 未验证 until the file is fetched and checked.
   */
  verified: v.boolean(),
});

export const ChannelPacketSchema = v.union([PacketInfoSchema, v.strictObject({ name: Text(255), error: Text(2000) })]);

const NameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const Empty = v.strictObject({});
/** A 学习记录 export's name in records/: <session>-<YYYY-MM-DD>.docx or .pdf. */
const RecordNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}-\d{4}-\d{2}-\d{2}\.(docx|pdf)$/));
/** A session id as the channel's folder name (returns/<session>/). */
const SessionIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/));

export const channelMethods = {
  /** Configured channels and the outbox (待发送 / 失败 / 已发送). */
  list: {
    input: Empty,
    output: v.strictObject({ channels: v.array(ChannelViewSchema), outbox: v.array(OutboxItemViewSchema) }),
  },
  add: {
    input: v.strictObject({
      name: Text(100),
      url: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
      user: v.nullable(Text(200)),
      password: v.nullable(Text(1000)),
      caCert: v.optional(v.nullable(CaCertTextSchema)),
    }),
    output: ChannelViewSchema,
  },
  /** Trusts a root certificate for this channel's https server (null: the system's roots only). */
  setCaCert: { input: v.strictObject({ id: ChannelIdSchema, caCert: v.nullable(CaCertTextSchema) }), output: ChannelViewSchema },
  /** What a chosen certificate file says (subject, SHA-256 fingerprint), before it is added; a clear error when it is not one. */
  inspectCaCert: { input: v.strictObject({ caCert: CaCertTextSchema }), output: CaCertInfoSchema },
  remove: { input: v.strictObject({ id: ChannelIdSchema }), output: Empty },
  setPassword: { input: v.strictObject({ id: ChannelIdSchema, password: Text(1000) }), output: Empty },
  /** The packets in a channel, each downloaded and checked (a broken one carries its error). */
  packets: { input: v.strictObject({ id: ChannelIdSchema }), output: v.strictObject({ packets: v.array(ChannelPacketSchema) }) },
  /** One packet's file, checked; the renderer imports it as any packet file (preview, backup, install). */
  fetch: {
    input: v.strictObject({ id: ChannelIdSchema, name: NameSchema }),
    /** `packet`: what the file itself says (verified), which replaces what the index said. */
    output: v.strictObject({ base64: FileBase64Schema, name: NameSchema, packet: PacketInfoSchema }),
  },
  /** The return files of one session (returns/<session>/), each downloaded and checked. */
  returns: {
    input: v.strictObject({ id: ChannelIdSchema, session: SessionIdSchema }),
    output: v.strictObject({ files: v.array(ChannelPacketSchema) }),
  },
  /** One return file of a session, checked; the renderer imports it as any return file. */
  fetchReturn: {
    input: v.strictObject({ id: ChannelIdSchema, session: SessionIdSchema, name: NameSchema }),
    output: v.strictObject({ base64: FileBase64Schema, name: NameSchema }),
  },
  /** 发布到通道 (a packet), 提交回执 (a return file) or a 学习记录 export (records/): kept in the outbox, sent now or when the server is back. */
  send: {
    input: v.strictObject({
      id: ChannelIdSchema,
      kind: v.picklist(['publish', 'return', 'record']),
      base64: FileBase64Schema,
      label: Text(500),
      /** record only: records/<session>-<date>.docx|pdf */
      name: v.optional(RecordNameSchema),
    }),
    output: OutboxItemViewSchema,
  },
  /** Sends what is due in the outbox (at start and on demand). */
  run: { input: Empty, output: v.strictObject({ outbox: v.array(OutboxItemViewSchema) }) },
  retry: { input: v.strictObject({ item: OutboxIdSchema }), output: v.nullable(OutboxItemViewSchema) },
  discard: { input: v.strictObject({ item: OutboxIdSchema }), output: Empty },
};
