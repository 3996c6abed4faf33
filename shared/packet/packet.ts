/**
 * Packets and return files on top of the container: writing them from validated drafts, and
 * reading one back with every check that needs no Node or DOM (structure, sizes, names, the
 * manifest, every hash, every schema, cross-references). Main adds what needs its libraries:
 * HTML sanitised again, image bytes sniffed.
 */
import * as v from 'valibot';
import { AppError } from '../errors';
import { decodeContainer, encodeContainer, packetError, type Hasher, type Part } from './container';
import { SIGNATURE_ENTRY, signatureEntry, verifySignature, type SignatureCheck, type Signer } from './signature';
import {
  ImageNameSchema,
  LeaderLayerSchema,
  ManifestSchema,
  MAX_ARTICLES,
  MAX_IMAGES,
  MAX_JSON_BYTES,
  MAX_ORIGINALS,
  OriginalFileSchema,
  PACKET_FORMAT,
  PACKET_FORMAT_VERSION,
  PacketArticleSchema,
  PacketSessionSchema,
  ReturnBodySchema,
  type LeaderHighlight,
  type Manifest,
  type PacketArticle,
  type PacketDraft,
  type PacketMeta,
  type PacketSession,
  type PartEntry,
  type ReturnBody,
  type ReturnDraft,
} from './schema';

export const PACKET_EXTENSION = '.yandu';

export interface Image {
  name: string;
  bytes: Uint8Array;
}

/** A document's original: `file` is the article's `document.file` (documents/<sha256>.<ext>). */
export interface Original {
  file: string;
  bytes: Uint8Array;
}

export interface DecodedPacket {
  kind: 'packet';
  manifest: Manifest;
  /** `valid` or `none`: a signature that does not verify is refused by `decodeFile`. */
  signature: SignatureCheck;
  session: PacketSession;
  articles: PacketArticle[];
  highlights: LeaderHighlight[];
  images: Image[];
  /** Originals of document articles the packet carries (optional parts; an article's may be absent). */
  originals: Original[];
}

export interface DecodedReturn {
  kind: 'return';
  manifest: Manifest;
  signature: SignatureCheck;
  body: ReturnBody;
}

export type DecodedFile = DecodedPacket | DecodedReturn;

const encoder = new TextEncoder();
const json = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));

/** `media/<sha256>.<ext>` references in article HTML (how stored images are addressed). */
const MEDIA_REF_RE = /\bsrc="(?:\.\/)?media\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|bmp))"/g;

export function mediaRefs(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(MEDIA_REF_RE)) out.add(m[1]!);
  return [...out];
}

export function wholeHash(entries: readonly PartEntry[], hash: Hasher): string {
  return hash(encoder.encode(entries.map((e) => `${e.name}\t${e.size}\t${e.sha256}\n`).join('')));
}

function seal(kind: Manifest['kind'], meta: PacketMeta, parts: Part[], hash: Hasher, signer: Signer | null): Uint8Array {
  const entries: PartEntry[] = parts.map((p) => ({ name: p.name, size: p.bytes.length, sha256: hash(p.bytes) }));
  const manifest: Manifest = {
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    kind,
    id: meta.id,
    version: meta.version,
    issuer: meta.issuer,
    issuedAt: meta.issuedAt,
    title: meta.title,
    parts: entries,
    wholeSha256: wholeHash(entries, hash),
  };
  v.parse(ManifestSchema, manifest);
  const bytes = json(manifest);
  // The signature entry goes after the parts it covers, just before the manifest.
  const signed = signer ? [...parts, signatureEntry(signer, bytes, parts, hash)] : parts;
  return encodeContainer(bytes, signed, hash);
}

/** The distinct `document.file` originals of some articles, in article order. */
export function originalRefs(articles: readonly Pick<PacketArticle, 'document'>[]): string[] {
  const out = new Set<string>();
  for (const a of articles) if (a.document?.file) out.add(a.document.file);
  return [...out];
}

/**
 * Writes a packet; `images` holds the bytes of every `media/…` the articles refer to, and
 * `originals` (by `document.file`) those originals to carry: the writer chooses which fit. Signed
 * when a signer is given (the app always gives one; tests write unsigned files to refuse them).
 * The signature covers every part, originals included (shared/packet/signature.ts).
 */
export function encodePacket(
  draft: PacketDraft,
  images: ReadonlyMap<string, Uint8Array>,
  hash: Hasher,
  signer: Signer | null = null,
  originals: ReadonlyMap<string, Uint8Array> = new Map(),
): Uint8Array {
  const parts: Part[] = [
    { name: 'session.json', bytes: json(draft.session) },
    { name: 'leader.json', bytes: json({ highlights: draft.highlights }) },
  ];
  const names = new Set<string>();
  for (const a of draft.articles) {
    parts.push({ name: `articles/${a.id.toLowerCase()}.json`, bytes: json(a) });
    for (const ref of mediaRefs(a.html)) names.add(ref);
  }
  for (const name of [...names].sort()) {
    const bytes = images.get(name);
    if (!bytes) throw new AppError('E_NOT_FOUND', `找不到文章中的图片：${name}`);
    parts.push({ name: `media/${name}`, bytes });
  }
  // Originals last, so a reader that stops at the articles has read everything else first.
  for (const file of originalRefs(draft.articles)) {
    const bytes = originals.get(file);
    if (bytes) parts.push({ name: file, bytes });
  }
  return seal('packet', draft.meta, parts, hash, signer);
}

export function encodeReturn(draft: ReturnDraft, hash: Hasher, signer: Signer | null = null): Uint8Array {
  return seal('return', draft.meta, [{ name: 'return.json', bytes: json(draft.body) }], hash, signer);
}

/** The parts of a decoded container split into manifest, signature entry and the rest. */
function splitParts(parts: Part[]): { head: Part; entry: Part | undefined; rest: Part[] } {
  const head = parts[0]!;
  if (head.name !== 'manifest.json') throw packetError('E_PACKET_FORMAT', '资料包缺少清单（manifest.json）。');
  const others = parts.slice(1);
  const at = others.findIndex((p) => p.name === SIGNATURE_ENTRY);
  // The writer puts it last before the manifest; anywhere else is not our file.
  if (at >= 0 && at !== others.length - 1) throw packetError('E_PACKET_FORMAT', '签名部件的位置不对。');
  return { head, entry: at >= 0 ? others[at] : undefined, rest: at >= 0 ? others.slice(0, at) : others };
}

/**
 * Only the signature of a file (the container checked, its content not): what `packet check`
 * prints even for a file whose signature does not verify.
 */
export function inspectSignature(data: Uint8Array, hash: Hasher): SignatureCheck {
  const { head, entry, rest } = splitParts(decodeContainer(data, hash));
  return verifySignature(entry, head.bytes, rest, hash);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJsonPart(part: Part): unknown {
  if (part.bytes.length > MAX_JSON_BYTES) throw packetError('E_PACKET_TOO_LARGE', `部件过大：${part.name}`);
  let text: string;
  try {
    text = decoder.decode(part.bytes);
  } catch {
    throw packetError('E_PACKET_SCHEMA', `部件不是有效的 UTF-8 文字：${part.name}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw packetError('E_PACKET_SCHEMA', `部件不是有效的 JSON：${part.name}`);
  }
}

function check<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (!r.success) {
    const issue = r.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw packetError('E_PACKET_SCHEMA', `${what}的内容不合规${path ? `（${path.slice(0, 80)}）` : ''}。`);
  }
  return r.output;
}

/**
 * Reads and checks a packet or return file. Throws an AppError with an E_PACKET_* code and a
 * Chinese message for anything wrong; never returns part of a file.
 */
export function decodeFile(data: Uint8Array, hash: Hasher): DecodedFile {
  const { head, entry, rest } = splitParts(decodeContainer(data, hash));
  const signature = verifySignature(entry, head.bytes, rest, hash);
  if (signature.state === 'invalid')
    throw packetError('E_PACKET_SIGNATURE', '签名无效：文件在签名之后被改动过（例如清单中的发放单位），或签名已损坏。不能导入。');
  const raw = parseJsonPart(head);
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > PACKET_FORMAT_VERSION)
    throw packetError('E_PACKET_SCHEMA', '这个资料包由更新版本的研读写成，请先升级研读。');
  const manifest = check(ManifestSchema, raw, '清单');
  if (manifest.parts.length !== rest.length) throw packetError('E_PACKET_FORMAT', '清单中的部件与文件中的不一致。');
  rest.forEach((p, i) => {
    const e = manifest.parts[i]!;
    if (e.name !== p.name) throw packetError('E_PACKET_FORMAT', `清单中的部件与文件中的不一致：${p.name}`);
    if (e.size !== p.bytes.length || hash(p.bytes) !== e.sha256)
      throw packetError('E_PACKET_HASH', `部件的校验值（SHA-256）不符：${p.name}`);
  });
  if (wholeHash(manifest.parts, hash) !== manifest.wholeSha256) throw packetError('E_PACKET_HASH', '资料包整体校验值（SHA-256）不符。');
  return manifest.kind === 'return' ? decodeReturnParts(manifest, rest, signature) : decodePacketParts(manifest, rest, hash, signature);
}

function decodeReturnParts(manifest: Manifest, parts: Part[], signature: SignatureCheck): DecodedReturn {
  const only = parts[0];
  if (parts.length !== 1 || !only || only.name !== 'return.json') throw packetError('E_PACKET_FORMAT', '回执文件应只含 return.json。');
  return { kind: 'return', manifest, signature, body: check(ReturnBodySchema, parseJsonPart(only), '回执') };
}

function decodePacketParts(manifest: Manifest, parts: Part[], hash: Hasher, signature: SignatureCheck): DecodedPacket {
  let session: PacketSession | null = null;
  let highlights: LeaderHighlight[] | null = null;
  const articles: PacketArticle[] = [];
  const images: Image[] = [];
  const originals: Original[] = [];
  for (const p of parts) {
    if (p.name === 'session.json') session = check(PacketSessionSchema, parseJsonPart(p), '学习安排');
    else if (p.name === 'leader.json') highlights = check(LeaderLayerSchema, parseJsonPart(p), '重点摘编').highlights;
    else if (p.name.startsWith('articles/') && p.name.endsWith('.json')) {
      if (articles.length >= MAX_ARTICLES) throw packetError('E_PACKET_TOO_LARGE', `文章过多（最多 ${MAX_ARTICLES} 篇）。`);
      const a = check(PacketArticleSchema, parseJsonPart(p), `文章 ${p.name}`);
      if (p.name !== `articles/${a.id.toLowerCase()}.json`) throw packetError('E_PACKET_CONTENT', `文章编号与部件名称不符：${p.name}`);
      articles.push(a);
    } else if (p.name.startsWith('media/')) {
      const name = p.name.slice('media/'.length);
      if (!v.is(ImageNameSchema, name)) throw packetError('E_PACKET_PATH', `图片名称不合规：${p.name}`);
      if (images.length >= MAX_IMAGES) throw packetError('E_PACKET_TOO_LARGE', `图片过多（最多 ${MAX_IMAGES} 张）。`);
      if (hash(p.bytes) !== name.slice(0, 64)) throw packetError('E_PACKET_HASH', `图片内容与其校验值不符：${p.name}`);
      images.push({ name, bytes: p.bytes });
    } else if (p.name.startsWith('documents/')) {
      if (!v.is(OriginalFileSchema, p.name)) throw packetError('E_PACKET_PATH', `原件名称不合规：${p.name}`);
      if (originals.length >= MAX_ORIGINALS) throw packetError('E_PACKET_TOO_LARGE', `原件过多（最多 ${MAX_ORIGINALS} 个）。`);
      if (hash(p.bytes) !== p.name.slice('documents/'.length, 'documents/'.length + 64))
        throw packetError('E_PACKET_HASH', `原件内容与其校验值不符：${p.name}`);
      originals.push({ file: p.name, bytes: p.bytes });
    } else throw packetError('E_PACKET_PATH', `资料包中有不认识的部件：${p.name}`);
  }
  if (!session) throw packetError('E_PACKET_FORMAT', '资料包缺少学习安排（session.json）。');
  if (!highlights) throw packetError('E_PACKET_FORMAT', '资料包缺少重点摘编（leader.json）。');
  if (articles.length === 0) throw packetError('E_PACKET_FORMAT', '资料包里没有文章。');

  const byId = new Map<string, PacketArticle>();
  const urlKeys = new Set<string>();
  for (const a of articles) {
    if (byId.has(a.id)) throw packetError('E_PACKET_CONTENT', `文章重复：${a.id}`);
    if (urlKeys.has(a.urlKey)) throw packetError('E_PACKET_CONTENT', `文章地址重复：${a.urlKey.slice(0, 80)}`);
    byId.set(a.id, a);
    urlKeys.add(a.urlKey);
  }
  const readings = new Set(session.readings);
  if (readings.size !== session.readings.length || [...readings].some((id) => !byId.has(id))) {
    throw packetError('E_PACKET_CONTENT', '学习安排中的篇目与资料包中的文章不一致。');
  }
  // Besides the readings, only their attachments (附件) may travel: each names a reading's page.
  const readingKeys = new Set([...readings].map((id) => byId.get(id)!.urlKey));
  for (const a of articles) {
    if (readings.has(a.id)) continue;
    const parent = a.document?.attachmentOf;
    if (parent === undefined || !readingKeys.has(parent)) throw packetError('E_PACKET_CONTENT', '学习安排中的篇目与资料包中的文章不一致。');
  }
  const ids = new Set<string>();
  for (const h of highlights) {
    if (ids.has(h.id)) throw packetError('E_PACKET_CONTENT', `重点摘编重复：${h.id}`);
    ids.add(h.id);
    const a = byId.get(h.articleId);
    if (!a) throw packetError('E_PACKET_CONTENT', '重点摘编指向资料包以外的文章。');
    const s = h.selector;
    if (s.end <= s.start || s.end > a.text.length || a.text.slice(s.start, s.end) !== s.exact) {
      throw packetError('E_PACKET_CONTENT', `重点摘编与文章正文对不上：${h.id}`);
    }
  }
  const referenced = new Set(articles.flatMap((a) => mediaRefs(a.html)));
  const present = new Set(images.map((i) => i.name));
  for (const name of referenced) if (!present.has(name)) throw packetError('E_PACKET_CONTENT', `文章中的图片缺失：${name}`);
  for (const name of present) if (!referenced.has(name)) throw packetError('E_PACKET_CONTENT', `资料包中有未被引用的图片：${name}`);
  // An original travels only for an article that names it; one may be left out (too large).
  const named = new Set(originalRefs(articles));
  const carried = new Set<string>();
  for (const o of originals) {
    if (carried.has(o.file)) throw packetError('E_PACKET_CONTENT', `原件重复：${o.file}`);
    carried.add(o.file);
    if (!named.has(o.file)) throw packetError('E_PACKET_CONTENT', `资料包中有未被引用的原件：${o.file}`);
  }
  return { kind: 'packet', manifest, signature, session, articles, highlights, images, originals };
}
