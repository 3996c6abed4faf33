/**
 * The packets service: a session handed out as a packet (gathered here, written by main), packet
 * and return files checked against the library and installed, the leader's 重点摘编 layer
 * written from the reader, and the shared folders watched for new files. Installing a packet is
 * one transaction that writes articles, the session, the leader's layer and the packet's
 * record, and never a personal highlight or a note; installing the same packet again writes
 * nothing.
 */
import { membershipOf } from '../../shared/domain/membership';
import type { TextSelector } from '../../shared/anchoring';
import type { Api } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { FolderEntry, OriginalLeftOut, ReadPacket, ReadResult, ReadReturn } from '../../shared/packet/api';
import type { LeaderHighlight, PacketArticle, PacketDraft, PacketSession } from '../../shared/packet/schema';
import { countZi } from '../../shared/text';
import { sessionRow } from '../../shared/domain/session';
import { SETTINGS, type Pins } from '../../shared/domain/settings';
import { api as appApi } from '../bridge';
import { db as appDb } from '../db';
import { clearJournal, createNotesService as createNoteRepository, newDraft, toNoteRow, writeJournal, type JournalStorage } from './notes';
import { forgetHighlight, journalHighlight } from './highlights/journal';
import { localStore, type LocalStore } from './localStore';
import { COMMENT_DRAFT_KIND } from './pendingKinds';
import { journalPendingWrite, pendingWrites, settlePendingWrite } from './pendingWrites';
import { createHighlightRepository, createSettingsRepository, toArticleRow } from '../db/repositories';
import type { ArticleRow, HighlightRow, YanduDB } from '../db/schema';
import { MAX_ARTICLES, MAX_JSON_BYTES } from '../../shared/packet/schema';
import { attachmentStates } from './documents/model';
import {
  highlightDoc,
  indexArticles,
  indexSmallDocs,
  prepareArticles,
  removeSearchDocs,
  searchTables,
  type ArticleForIndex,
} from '../db/searchIndex';
import type { SessionRow } from '../db/sessionRows';
import { diffPacket, type PacketDiff } from './packetDiff';
import { checkSigner, recordSigner, signerBlock, type SignerCheck, type SignerOverride } from './signers';
import { assertMayEditLeaderLayer, fromPacket, roleState, ROLE_KEY } from './roles';
import { messages } from '../i18n/messages';
// Moves to core/backup when the backup service lands there (issue 13, another branch).
import { backupDatabase } from './backup/backup';
import {
  applyReturn,
  DEFAULT_PROFILE,
  EMPTY_RECORD,
  previewReturn,
  PROFILE_KEY,
  ProfileSchema,
  recordOf,
  type ReturnPreview,
} from './study';

// ---------------------------------------------------------------- export

/**
 * What main needs to write a packet: the session, its readings (full text and HTML) and the
 * leader's highlights on them. Excerpts that no longer match the text are moved to their quote
 * when it occurs once, otherwise left out (and counted).
 */
export async function gatherPacket(
  db: YanduDB,
  session: SessionRow,
  meta: PacketDraft['meta'],
): Promise<{ draft: PacketDraft; skipped: number; leftOut: LeftOutAttachment[] }> {
  const articles: PacketArticle[] = [];
  for (const id of session.readings) {
    const [row, body] = await Promise.all([db.articles.get(id), db.bodies.get(id)]);
    if (!row || !body) throw new AppError('E_NOT_FOUND', `学习篇目已不在文库中：${id}`);
    articles.push(packetArticle(row, body));
  }
  // The attachments of the readings travel with them, each as its own article; one too large
  // for a part, or for what is left of the file, is left out and named (never a failed export).
  const leftOut: LeftOutAttachment[] = [];
  let total = articles.reduce((n, a) => n + jsonBytes(a), 0);
  const carried = new Set(articles.map((a) => a.id));
  for (const reading of [...articles]) {
    if (!reading.attachments?.length) continue;
    for (const row of await attachmentRowsOf(db, reading)) {
      if (carried.has(row.id)) continue;
      const body = await db.bodies.get(row.id);
      if (!body) continue;
      const a = packetArticle(row, body);
      const bytes = jsonBytes(a);
      const why =
        bytes > MAX_JSON_BYTES ? 'part' : total + bytes > ATTACHMENT_BUDGET_BYTES || articles.length >= MAX_ARTICLES ? 'file' : null;
      if (why) {
        leftOut.push({ title: row.title, name: row.document?.name ?? row.title, bytes, why });
        continue;
      }
      articles.push(a);
      carried.add(a.id);
      total += bytes;
    }
  }
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const rows = await db.highlights
    .where('articleId')
    .anyOf([...carried])
    .toArray();
  const highlights: LeaderHighlight[] = [];
  let skipped = 0;
  for (const h of rows) {
    if (h.layer !== 'leader') continue;
    const text = texts.get(h.articleId) ?? '';
    let { start, end } = h.selector;
    if (text.slice(start, end) !== h.selector.exact) {
      const at = text.indexOf(h.selector.exact);
      if (h.orphan || at < 0 || text.indexOf(h.selector.exact, at + 1) >= 0) {
        skipped++;
        continue;
      }
      start = at;
      end = at + h.selector.exact.length;
    }
    highlights.push({
      id: h.id,
      articleId: h.articleId,
      color: h.color,
      style: h.style,
      // The five packet fields only: a packet's selector is strict, and older apps read it too.
      selector: { exact: h.selector.exact, prefix: h.selector.prefix.slice(-500), suffix: h.selector.suffix.slice(0, 500), start, end },
      comment: h.comment,
      tags: h.tags.slice(0, 20),
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    });
  }
  const packetSession: PacketSession = {
    id: session.id,
    topic: session.topic,
    date: session.date,
    place: session.place,
    host: session.host,
    speakers: session.speakers,
    readings: session.readings,
    questions: session.questions,
    status: session.status,
  };
  return { draft: { meta, session: packetSession, articles, highlights }, skipped, leftOut };
}

/** An attachment of a reading that did not go into the packet, and why: over the per-part limit or the file's. */
export interface LeftOutAttachment {
  title: string;
  name: string;
  bytes: number;
  why: 'part' | 'file';
}

/**
 * What the readings and their attachments may take of a packet file (64 MB): the rest is kept
 * for the leader's layer, the pictures and the container itself.
 */
const ATTACHMENT_BUDGET_BYTES = 40 * 1024 * 1024;
const utf8 = new TextEncoder();
const jsonBytes = (a: PacketArticle): number => utf8.encode(JSON.stringify(a)).length;

function packetArticle(row: ArticleRow, body: { html: string; text: string }): PacketArticle {
  return {
    id: row.id,
    urlKey: row.urlKey,
    url: row.url,
    title: row.title,
    publishedAt: row.publishedAt,
    origin: row.origin,
    author: row.author,
    editor: row.editor,
    column: row.column,
    sourceId: row.sourceId,
    sourceName: row.sourceName,
    html: body.html,
    text: body.text,
    contentHash: row.contentHash,
    ...(row.document ? { document: row.document } : {}),
    ...(row.attachments ? { attachments: row.attachments } : {}),
  };
}

/** The library's attachment articles of a page (document.attachmentOf is the page's urlKey), in their link order. */
async function attachmentRowsOf(db: YanduDB, page: Pick<PacketArticle, 'urlKey' | 'sourceId' | 'attachments'>): Promise<ArticleRow[]> {
  const rows = await db.articles
    .where('sourceId')
    .equals(page.sourceId)
    .filter((a) => a.document?.attachmentOf === page.urlKey)
    .toArray();
  const entries = attachmentStates(page.attachments ?? [], rows, []);
  const order = new Map(entries.flatMap((e, i) => (e.state.kind === 'article' ? [[e.state.id, i] as const] : [])));
  return rows.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
}

// ---------------------------------------------------------------- packet import

export type PacketStatus = 'new' | 'update' | 'same' | 'older' | 'conflict';

export interface PacketPreview {
  status: PacketStatus;
  installedVersion: number | null;
  added: string[];
  updated: string[];
  unchanged: number;
  excerpts: { added: number; changed: number; removed: number };
  /** Readable lines: what this install changes (the 勘误 list for a re-issue). */
  changes: string[];
  /** For a new version of an installed packet: what exactly changes (null otherwise). */
  diff: PacketDiff | null;
  message: string | null;
  /**
   * The readings' 附件: the titles of those carried as articles, and the names of readable ones
   * the packet does not carry (left out by the leader's app as too large, or never fetched).
   */
  attachments: { carried: string[]; missing: string[] };
  /**
   * The originals (查看原件) of its document articles: how many it carries, and the file names of
   * those it does not (left out by the leader's app as too large, or missing there).
   */
  originals: { carried: number; missing: string[] };
}

interface Plan {
  preview: PacketPreview;
  /** Packet article id → local article id (same URL key under another id). */
  ids: Map<string, string>;
}

const SESSION_FIELDS: [keyof PacketSession, string][] = [
  ['topic', '专题'],
  ['date', '时间'],
  ['place', '地点'],
  ['host', '主持人'],
  ['speakers', '中心发言人'],
  ['questions', '研讨题'],
  ['status', '状态'],
];

/** Which of the readings' readable attachments the packet carries (as articles) and which it does not. */
function packetAttachments(p: ReadPacket): PacketPreview['attachments'] {
  const readings = new Set(p.session.readings);
  const carried = p.articles.filter((a) => !readings.has(a.id) && a.document?.attachmentOf);
  const missing: string[] = [];
  for (const page of p.articles) {
    if (!readings.has(page.id) || !page.attachments?.length) continue;
    const children = carried.filter((a) => a.document!.attachmentOf === page.urlKey);
    for (const e of attachmentStates(page.attachments, children, []))
      if (e.state.kind !== 'article' && e.state.kind !== 'unsupported') missing.push(e.link.name);
  }
  return { carried: carried.map((a) => a.title), missing };
}

/**
 * Which originals of the packet's document articles it carries, and the names of those it does
 * not and this data folder does not already hold (main checked documents/: `originalsHeld`).
 */
function packetOriginals(p: ReadPacket): PacketPreview['originals'] {
  const carried = new Set((p.originals ?? []).map((o) => o.file));
  const held = new Set(p.originalsHeld ?? []);
  const missing = new Map<string, string>();
  for (const a of p.articles) {
    const file = a.document?.file;
    if (file && !carried.has(file) && !held.has(file) && !missing.has(file)) missing.set(file, a.document!.name);
  }
  return { carried: carried.size, missing: [...missing.values()] };
}

async function plan(db: YanduDB, p: ReadPacket): Promise<Plan> {
  const installed = await db.packets.get(p.meta.id);
  const preview: PacketPreview = {
    status: 'new',
    installedVersion: installed?.version ?? null,
    added: [],
    updated: [],
    unchanged: 0,
    excerpts: { added: 0, changed: 0, removed: 0 },
    changes: [],
    diff: null,
    message: null,
    attachments: packetAttachments(p),
    originals: packetOriginals(p),
  };
  const ids = new Map<string, string>();
  if (installed) {
    if (installed.version > p.meta.version) {
      preview.status = 'older';
      preview.message = `已安装第 ${installed.version} 版，不能用较旧的第 ${p.meta.version} 版替换。`;
      return { preview, ids };
    }
    if (installed.version === p.meta.version) {
      preview.status = installed.wholeSha256 === p.meta.wholeSha256 ? 'same' : 'conflict';
      preview.message =
        preview.status === 'same'
          ? `第 ${p.meta.version} 版已经导入过，无需再次导入。`
          : `已安装的第 ${p.meta.version} 版与此文件内容不同：请发放人提高版本号后重新发放。`;
      return { preview, ids };
    }
    preview.status = 'update';
  }
  for (const a of p.articles) {
    const local = (await db.articles.get(a.id)) ?? (await db.articles.where('urlKey').equals(a.urlKey).first());
    ids.set(a.id, local?.id ?? a.id);
    if (!local) preview.added.push(a.title);
    else if (local.contentHash !== a.contentHash) preview.updated.push(a.title);
    else {
      const body = await db.bodies.get(local.id);
      if (body && body.html !== a.html) preview.updated.push(a.title);
      else preview.unchanged++;
    }
  }
  const existing = await db.highlights.bulkGet(p.highlights.map((h) => h.id));
  for (const [i, h] of p.highlights.entries()) {
    const old = existing[i];
    if (old && old.layer !== 'leader') {
      preview.status = 'conflict';
      preview.message = '资料包中的重点摘编与本机的个人划线编号冲突，未导入。';
      return { preview, ids };
    }
    if (!old) preview.excerpts.added++;
    else if (old.comment !== h.comment || old.selector.exact !== h.selector.exact || old.color !== h.color) preview.excerpts.changed++;
  }
  const incoming = new Set(p.highlights.map((h) => h.id));
  preview.excerpts.removed = (installed?.highlightIds ?? []).filter((id) => !incoming.has(id)).length;

  const c = preview.changes;
  for (const t of preview.added) c.push(`新增文章《${t}》`);
  for (const t of preview.updated) c.push(`更新文章《${t}》`);
  for (const name of preview.attachments.missing) c.push(`附件《${name}》未随资料包提供`);
  for (const name of preview.originals.missing) c.push(messages.documents.originalMissing(name));
  if (preview.excerpts.added) c.push(`新增重点摘编 ${preview.excerpts.added} 条`);
  if (preview.excerpts.changed) c.push(`修改重点摘编 ${preview.excerpts.changed} 条`);
  if (preview.excerpts.removed) c.push(`删除重点摘编 ${preview.excerpts.removed} 条`);
  const oldSession = await db.sessions.get(p.session.id);
  if (oldSession && installed) {
    for (const [key, label] of SESSION_FIELDS) {
      const a = JSON.stringify(oldSession[key as keyof SessionRow]);
      const b = JSON.stringify(p.session[key]);
      if (a !== b) c.push(`学习安排“${label}”有变化`);
    }
    const removed = oldSession.readings.filter((id) => ![...ids.values()].includes(id)).length;
    if (removed) c.push(`移除篇目 ${removed} 篇`);
  }
  if (installed) preview.diff = await diffOf(db, p, ids, installed.highlightIds, oldSession?.readings ?? installed.articleIds);
  return { preview, ids };
}

/** The 勘误 details: the installed version's excerpts and readings against the new ones. */
async function diffOf(
  db: YanduDB,
  p: ReadPacket,
  ids: ReadonlyMap<string, string>,
  oldHighlightIds: readonly string[],
  oldReadings: readonly string[],
): Promise<PacketDiff> {
  const old = (await db.highlights.bulkGet([...oldHighlightIds])).filter((h): h is HighlightRow => h?.layer === 'leader');
  const readingsAfter = p.session.readings.map((id) => ids.get(id) ?? id);
  const titles = new Map<string, string>();
  for (const row of await db.articles.bulkGet([...oldReadings, ...old.map((h) => h.articleId)])) if (row) titles.set(row.id, row.title);
  for (const a of p.articles) titles.set(ids.get(a.id) ?? a.id, a.title);
  const notes = await db.notes
    .where('articleId')
    .anyOf([...new Set([...oldReadings, ...readingsAfter])])
    .toArray();
  return diffPacket({
    before: old.map((h) => ({ id: h.id, articleId: h.articleId, exact: h.selector.exact, comment: h.comment, color: h.color })),
    after: p.highlights.map((h) => ({
      id: h.id,
      articleId: ids.get(h.articleId) ?? h.articleId,
      exact: h.selector.exact,
      comment: h.comment,
      color: h.color,
    })),
    readingsBefore: oldReadings,
    readingsAfter,
    titles,
    noteArticles: notes.map((n) => n.articleId),
  });
}

export function previewPacket(db: YanduDB, p: ReadPacket): Promise<PacketPreview> {
  return db.transaction(
    'r',
    [db.packets, db.articles, db.bodies, db.highlights, db.sessions, db.notes],
    async () => (await plan(db, p)).preview,
  );
}

/**
 * Installs a checked packet in one transaction. The preview is computed again inside it, so
 * what is written is what it says; an older or conflicting packet throws and writes nothing.
 */
export async function applyPacket(
  db: YanduDB,
  p: ReadPacket,
  now = new Date().toISOString(),
  /** Runs inside the same transaction once everything is written (the signer's pin). */
  alsoWrite?: () => Promise<void>,
  /** The highlight journal's storage (the page's localStorage; tests give their own). */
  storage: LocalStore | null = localStore(),
): Promise<PacketPreview> {
  // Search postings are built before the transaction, as sync does (a wrong id guess is rebuilt inline).
  const prepared = await prepareArticles(db, p.articles);
  const unjournalled: HighlightRow[] = [];
  try {
    return await applyPacketRows(db, p, now, prepared, { storage, unjournalled }, alsoWrite);
  } catch (error) {
    for (const row of unjournalled) journalHighlight(row, storage);
    throw error;
  }
}

function applyPacketRows(
  db: YanduDB,
  p: ReadPacket,
  now: string,
  prepared: Awaited<ReturnType<typeof prepareArticles>>,
  /** Stale excerpts taken out of the journal go to `unjournalled`, to be put back if this fails. */
  journal: { storage: LocalStore | null; unjournalled: HighlightRow[] },
  alsoWrite?: () => Promise<void>,
): Promise<PacketPreview> {
  return db.transaction(
    'rw',
    [
      db.packets,
      db.articles,
      db.bodies,
      db.versions,
      db.highlights,
      db.sessions,
      db.notes,
      db.settings,
      db.memberships,
      ...searchTables(db),
    ],
    async () => {
      const { preview, ids } = await plan(db, p);
      if (preview.status === 'same') return preview;
      if (preview.status === 'older') throw new AppError('E_PACKET_OLDER', preview.message ?? '资料包版本较旧。');
      if (preview.status === 'conflict') throw new AppError('E_PACKET_CONTENT', preview.message ?? '资料包与本机数据冲突。');

      // A copy that never chose its role and authored nothing becomes a member's by its first packet.
      const role = await roleState(db);
      if (!role.chosen && role.role !== 'leader') await createSettingsRepository(db).write(ROLE_KEY, 'member');

      const versions = new Map<string, number>();
      const toIndex: ArticleForIndex[] = [];
      for (const a of p.articles) {
        const id = ids.get(a.id)!;
        const local = await db.articles.get(id);
        if (!local) {
          await db.articles.add(toArticleRow(a, now));
          await db.memberships.put(membershipOf({ ...a, addedAt: now }));
          await db.bodies.put({ articleId: a.id, html: a.html, text: a.text });
          toIndex.push(a);
          versions.set(id, 1);
        } else if (local.contentHash !== a.contentHash) {
          const body = await db.bodies.get(id);
          if (body) {
            await db.versions.put({
              articleId: id,
              version: local.version,
              html: body.html,
              text: body.text,
              contentHash: local.contentHash,
              replacedAt: now,
            });
          }
          await db.bodies.put({ articleId: id, html: a.html, text: a.text });
          await db.articles.update(id, { zi: countZi(a.text), contentHash: a.contentHash, version: local.version + 1, updatedAt: now });
          toIndex.push({ ...local, text: a.text });
          versions.set(id, local.version + 1);
        } else {
          const body = await db.bodies.get(id);
          if (body && body.html !== a.html) await db.bodies.put({ ...body, html: a.html });
          versions.set(id, local.version);
        }
      }

      const installed = await db.packets.get(p.meta.id);
      const incoming = new Set(p.highlights.map((h) => h.id));
      const stale = (installed?.highlightIds ?? []).filter((id) => !incoming.has(id));
      // Only rows of the leader's layer are ever removed.
      const staleRows = (await db.highlights.bulkGet(stale)).filter((h): h is HighlightRow => h?.layer === 'leader');
      // Out of the highlight journal before they go (a deleted excerpt never comes back from it);
      // put back there should this transaction fail.
      for (const h of staleRows) {
        const was = forgetHighlight(h.id, journal.storage);
        if (was) journal.unjournalled.push(was);
      }
      await db.highlights.bulkDelete(staleRows.map((h) => h.id));
      const rows: HighlightRow[] = p.highlights.map((h) => {
        const articleId = ids.get(h.articleId)!;
        return {
          id: h.id,
          articleId,
          layer: 'leader',
          color: h.color,
          style: h.style,
          selector: h.selector,
          articleVersion: versions.get(articleId) ?? 1,
          orphan: false,
          tags: h.tags,
          comment: h.comment,
          createdAt: h.createdAt,
          updatedAt: h.updatedAt,
        };
      });
      await db.highlights.bulkPut(rows);
      // Searchable in the same transaction: the packet's articles and the leader's excerpts.
      await indexArticles(db, toIndex, prepared);
      await removeSearchDocs(
        db,
        staleRows.map((h) => `h:${h.id}`),
      );
      await indexSmallDocs(db, rows.map(highlightDoc));

      const old = await db.sessions.get(p.session.id);
      await db.sessions.put(
        sessionRow({ ...p.session, readings: p.session.readings.map((id) => ids.get(id) ?? id) }, now, {
          record: old ? recordOf(old) : EMPTY_RECORD,
          packetId: old?.issued ? old.packetId : p.meta.id,
          issued: old?.issued ?? null,
          createdAt: old?.createdAt ?? now,
        }),
      );
      await db.packets.put({
        id: p.meta.id,
        version: p.meta.version,
        issuer: p.meta.issuer,
        issuedAt: p.meta.issuedAt,
        title: p.meta.title,
        wholeSha256: p.meta.wholeSha256,
        sessionId: p.session.id,
        articleIds: p.articles.map((a) => ids.get(a.id)!),
        highlightIds: p.highlights.map((h) => h.id),
        installedAt: now,
        changes: preview.changes,
      });
      await alsoWrite?.();
      return preview;
    },
  );
}

// ---------------------------------------------------------------- checking and installing files

export type Checked =
  | { kind: 'packet'; file: ReadPacket; preview: PacketPreview; signer: SignerCheck }
  | { kind: 'return'; file: ReadReturn; preview: ReturnPreview; signer: SignerCheck };

const PINS_KEY = 'packets.pins' as const;

/** Who signed a file, against this copy's pins: the 发放单位 for a packet, the member for a return. */
function signerFrom(pins: Pins, read: ReadResult): SignerCheck {
  return read.kind === 'packet'
    ? checkSigner(pins, 'issuer', read.meta.issuer, read.signature)
    : checkSigner(pins, 'member', read.body.member.name, read.signature);
}

async function signerOf(db: YanduDB, read: ReadResult): Promise<SignerCheck> {
  return signerFrom(await createSettingsRepository(db).read(PINS_KEY), read);
}

/** Previews a file main has checked completely (writing nothing) against the library. */
export async function checkFile(db: YanduDB, read: ReadResult): Promise<Checked> {
  const signer = await signerOf(db, read);
  if (read.kind === 'packet') return { kind: 'packet', file: read, preview: await previewPacket(db, read), signer };
  return { kind: 'return', file: read, preview: await previewReturn(db, read), signer };
}

/** Why the confirm button is off (a downgrade, a conflict, a signer refused), or null. */
export function blockOf(checked: Checked, override: SignerOverride = {}): string | null {
  if (checked.kind === 'packet' && (checked.preview.status === 'older' || checked.preview.status === 'conflict'))
    return checked.preview.message ?? '不能导入。';
  if (checked.kind === 'return' && checked.preview.status === 'older') return checked.preview.message ?? '回执版本较旧。';
  if (checked.preview.status === 'same') return null;
  return signerBlock(checked.signer, override);
}

export async function checkBase64(db: YanduDB, api: Api, base64: string): Promise<Checked> {
  return checkFile(db, await api.packets.read({ base64 }));
}

/**
 * Installs a checked file; returns the preview of what was written. Every packet (and return
 * file) import is preceded by a backup of the library (数据与备份); a confirmed packet's images
 * are stored by main before Dexie is written in one transaction.
 */
export async function commit(
  db: YanduDB,
  api: Api,
  checked: Checked,
  override: SignerOverride = {},
  now = new Date().toISOString(),
): Promise<PacketPreview | ReturnPreview> {
  if (checked.kind === 'packet' && checked.preview.status === 'same') return checked.preview;
  // The pins as they are now (another tab may have pinned since the preview).
  const signer = await signerOf(db, checked.file);
  const refused = signerBlock(signer, override);
  if (refused) throw new AppError('E_PACKET_SIGNER', refused);
  await backupDatabase(db, api, 'packet');
  // The pin is written in the install's own transaction: installed and pinned, or neither.
  const label = checked.kind === 'packet' ? checked.file.meta.title : checked.file.body.sessionTopic;
  const settings = createSettingsRepository(db);
  const pin = async () => {
    // Checked again on the pins inside the transaction: a refusal here undoes the install.
    const pins = await settings.read(PINS_KEY);
    const current = signerFrom(pins, checked.file);
    const late = signerBlock(current, override);
    if (late) throw new AppError('E_PACKET_SIGNER', late);
    await settings.write(PINS_KEY, recordSigner(pins, current, label, now));
  };
  let result: PacketPreview | ReturnPreview;
  if (checked.kind === 'return') result = await applyReturn(db, checked.file, now, pin);
  else {
    if (checked.preview.status === 'new' || checked.preview.status === 'update') await api.packets.install({ token: checked.file.token });
    result = await applyPacket(db, checked.file, now, pin);
  }
  return result;
}

// ---------------------------------------------------------------- the façade

const FOLDERS_KEY = 'packets.sharedFolders' as const;
const FoldersSchema = SETTINGS[FOLDERS_KEY].schema;

export function newLeaderId(): string {
  return `lh_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** What the reader's 重点摘编 panel needs about an article. */
export interface LeaderContext {
  /** Excerpts that came in a packet: only a new packet version changes them. */
  locked: Set<string>;
  /** The article is one of a session's readings. */
  isReading: boolean;
  /** Why this copy cannot write the leader's layer (a member's), or null. */
  readOnly: string | null;
}

/**
 * A leader excerpt or a copied highlight written as the user's own change: journalled (with the
 * user's other highlights, core/highlights/journal.ts) synchronously before the put, kept until a
 * backup holds it, so a store the browser discards before the next backup loses nothing; a failed
 * put puts the journal back as it was (`previous`: the row the journal held before, if any).
 */
async function keptHighlightPut(
  storage: LocalStore | null,
  row: HighlightRow,
  previous: HighlightRow | null,
  put: () => Promise<void>,
): Promise<void> {
  journalHighlight(row, storage);
  try {
    await put();
  } catch (error) {
    if (previous) journalHighlight(previous, storage);
    else forgetHighlight(row.id, storage);
    throw error;
  }
}

/** `storage`: where the journals live (the page's localStorage; tests give their own). */
export function createPackets(db: YanduDB, api: Api, storage: JournalStorage | null = localStore()) {
  const settings = createSettingsRepository(db);
  const highlights = createHighlightRepository(db);
  const notes = createNoteRepository(db);
  return {
    // Reads (safe inside a live query).
    /** Installed packet id → version. */
    async installedVersions(): Promise<Map<string, number>> {
      const rows = await db.packets.toArray();
      return new Map(rows.map((r) => [r.id, r.version]));
    },
    async leaderContext(articleId: string): Promise<LeaderContext> {
      const [packets, sessions, role] = await Promise.all([db.packets.toArray(), db.sessions.toArray(), roleState(db)]);
      return {
        locked: new Set(packets.flatMap((p) => p.highlightIds)),
        isReading: sessions.some((s) => s.readings.includes(articleId)),
        readOnly: role.role === 'member' ? messages.roles.memberLeaderLayer : null,
      };
    },
    sharedFolders: (): Promise<string[]> => settings.get(FOLDERS_KEY, FoldersSchema, []),

    // Files in.
    checkBase64: (base64: string): Promise<Checked> => checkBase64(db, api, base64),
    async checkShared(folder: string, name: string): Promise<Checked> {
      return checkFile(db, await api.packets.readFile({ folder, name }));
    },
    commit: (checked: Checked, override?: SignerOverride): Promise<PacketPreview | ReturnPreview> => commit(db, api, checked, override),
    /** Keys pinned and the log of pins and overrides (live). */
    pins: () => settings.read(PINS_KEY),
    /** This copy's signing key: its fingerprint, null before anything was signed. */
    async keyFingerprint(): Promise<string | null> {
      return (await api.packets.keyInfo({})).fingerprint;
    },
    exportKey: (passphrase: string) => api.packets.exportKey({ passphrase }),
    importKey: (base64: string, passphrase: string) => api.packets.importKey({ base64, passphrase }),
    saveSharedFolders: (list: string[]): Promise<void> => settings.set(FOLDERS_KEY, FoldersSchema, list),
    /** The system's folder picker (desktop); null when cancelled. */
    async chooseFolder(): Promise<string | null> {
      return (await api.files.chooseFolder({})).path;
    },
    async scanFolder(folder: string): Promise<FolderEntry[]> {
      return (await api.packets.scanFolder({ path: folder })).files;
    },

    /**
     * A session handed out as a packet: version 1 the first time, the same version again, or
     * the next one for a re-issue (勘误). The session records what was handed out.
     */
    async exportSession(
      sessionId: string,
      reissue: boolean,
    ): Promise<{ base64: string; fileName: string; skipped: number; leftOut: LeftOutAttachment[]; originalsLeftOut: OriginalLeftOut[] }> {
      const row = await db.sessions.get(sessionId);
      if (!row) throw new AppError('E_NOT_FOUND', '学习安排已不存在。');
      // Handing it out would mark it issued here, and so editable: a member's copy cannot.
      if (fromPacket(row) && (await roleState(db)).role === 'member') throw new AppError('E_FORBIDDEN', messages.roles.memberExport);
      const profile = await settings.get(PROFILE_KEY, ProfileSchema, DEFAULT_PROFILE);
      const version = row.issued ? row.issued.version + (reissue ? 1 : 0) : 1;
      const packetId = row.issued?.packetId ?? `p_${row.id}`.slice(0, 80);
      const now = new Date().toISOString();
      const { draft, skipped, leftOut } = await gatherPacket(db, row, {
        id: packetId,
        version,
        issuer: profile.issuer || profile.name,
        issuedAt: now,
        title: `${row.topic}学习资料`.slice(0, 500),
      });
      const built = await api.packets.build({ draft });
      await db.sessions.update(sessionId, { issued: { packetId, version, wholeSha256: built.wholeSha256, issuedAt: now }, updatedAt: now });
      return { base64: built.base64, fileName: built.fileName, skipped, leftOut, originalsLeftOut: built.originals?.leftOut ?? [] };
    },

    // The leader's layer.
    /** A new 重点摘编 on `selector` of the article (at its current version). */
    async markExcerpt(articleId: string, articleVersion: number, selector: TextSelector): Promise<HighlightRow> {
      await assertMayEditLeaderLayer(db);
      const now = new Date().toISOString();
      const row: HighlightRow = {
        id: newLeaderId(),
        articleId,
        layer: 'leader',
        color: 'orange',
        style: 'underline',
        selector,
        articleVersion,
        orphan: false,
        tags: [],
        comment: null,
        createdAt: now,
        updatedAt: now,
      };
      await keptHighlightPut(storage, row, null, () => highlights.put(row));
      return row;
    },
    /**
     * A 重点摘编's comment typed but not saved (it saves only on 保存批注): journalled at each change,
     * so a reload or close keeps the words; shown again as a draft by the comment box, never stored by itself.
     */
    draftComment: (excerptId: string, text: string): string =>
      journalPendingWrite(COMMENT_DRAFT_KIND, excerptId, text.slice(0, 100_000), storage),
    /** The comment draft left for this excerpt, if any. */
    commentDraft(excerptId: string): { text: string; token: string } | null {
      const entry = pendingWrites(storage).find((e) => e.kind === COMMENT_DRAFT_KIND && e.key === excerptId);
      return entry && typeof entry.value === 'string' ? { text: entry.value, token: entry.token } : null;
    },
    settleCommentDraft: (token: string): void => settlePendingWrite(token, storage),
    /** Stores the comment of an excerpt; returns the row as stored. */
    async commentExcerpt(row: HighlightRow, comment: string): Promise<HighlightRow> {
      if (row.layer !== 'leader') throw new AppError('E_INVALID_ARGUMENT', '只能修改重点摘编。');
      await assertMayEditLeaderLayer(db);
      const next: HighlightRow = { ...row, comment: comment.trim() || null, updatedAt: new Date().toISOString() };
      await keptHighlightPut(storage, next, row, () => highlights.put(next));
      return next;
    },
    async removeExcerpt(row: HighlightRow): Promise<void> {
      if (row.layer !== 'leader') throw new AppError('E_INVALID_ARGUMENT', '只能删除重点摘编。');
      await assertMayEditLeaderLayer(db);
      // Out of the journal before the delete starts: a deleted excerpt never comes back from it.
      forgetHighlight(row.id, storage);
      await highlights.delete(row.id);
    },
    /** Puts a removed excerpt back as it was (撤销 after 删除). */
    async restoreExcerpt(row: HighlightRow): Promise<void> {
      if (row.layer !== 'leader') throw new AppError('E_INVALID_ARGUMENT', '只能恢复重点摘编。');
      await assertMayEditLeaderLayer(db);
      await keptHighlightPut(storage, row, null, () => highlights.put(row));
    },
    /** A new note on the article holding an excerpt (the view builds the note's document). */
    async copyToNote(articleId: string, title: string, doc: unknown): Promise<string> {
      const draft = newDraft('note', articleId, null);
      // Journalled as the editor journals a saved note (core/notes.ts), until a backup holds it.
      const note = toNoteRow({ ...draft, title, doc });
      writeJournal(note, storage, [note.updatedAt]);
      try {
        await notes.save({ ...draft, title, doc });
      } catch (error) {
        clearJournal(note.id, '9999', storage);
        throw error;
      }
      return draft.id;
    },
    /**
     * 复制到我的笔记: a personal highlight on the same place as the leader's excerpt and a note
     * on it (the view builds the note's document), both or neither. Allowed in every role.
     */
    async copyExcerptToMine(excerptId: string, title: string, doc: unknown): Promise<{ highlight: HighlightRow; noteId: string }> {
      // Both rows are journalled before the transaction commits, and taken out again if it fails.
      const journalled: { highlight?: string; note?: string } = {};
      try {
        return await db.transaction('rw', [db.highlights, db.notes, db.settings, ...searchTables(db)], async () => {
          const excerpt = await highlights.get(excerptId);
          if (!excerpt || excerpt.layer !== 'leader') throw new AppError('E_NOT_FOUND', '这条重点摘编已不存在。');
          const now = new Date().toISOString();
          const defaults = await settings.read('highlightDefaults');
          const mine: HighlightRow = {
            ...excerpt,
            id: `h_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`,
            layer: 'personal',
            color: defaults.color,
            style: defaults.style,
            tags: [],
            comment: null,
            createdAt: now,
            updatedAt: now,
          };
          const draft = newDraft('note', excerpt.articleId, mine.id, now);
          const note = toNoteRow({ ...draft, title, doc });
          journalHighlight(mine, storage);
          journalled.highlight = mine.id;
          writeJournal(note, storage, [note.updatedAt]);
          journalled.note = note.id;
          await highlights.put(mine);
          await notes.save({ ...draft, title, doc });
          return { highlight: mine, noteId: draft.id };
        });
      } catch (error) {
        if (journalled.highlight) forgetHighlight(journalled.highlight, storage);
        if (journalled.note) clearJournal(journalled.note, '9999', storage);
        throw error;
      }
    },
  };
}
export type PacketsService = ReturnType<typeof createPackets>;

/** The app's packets service, on the app's database and host. */
export const packets = createPackets(appDb, appApi);
