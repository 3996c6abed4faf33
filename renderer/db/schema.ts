/**
 * The user's library in IndexedDB (Dexie): the single source of truth for user data.
 *
 * VERSIONING DISCIPLINE — read before changing anything here:
 * - A declared version is frozen once it has shipped. Never edit `version(1)` (or any later
 *   one) again: users' databases were created by it.
 * - Every change is a new `this.version(n + 1).stores({...changed tables only...})` with an
 *   `.upgrade(tx => ...)` that rewrites existing records into the new shape, added BELOW the
 *   older versions, and a fixture database for the old version in tests/ that must open with
 *   every record intact.
 * - Tables sync may write (articles, bodies) are kept apart from tables only the user writes
 *   (reading state, settings; later highlights and notes), so a sync can never clobber them.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { MemberRow, PacketRow, ReturnRow, SessionRow } from './sessionRows';
import type { AttachmentLink, DocumentInfo } from '../../shared/domain/article';

/** What the library list needs: small rows, no body text. */
export interface ArticleRow {
  id: string;
  /** Current version number (since schema v2; 1 for the first text seen). */
  version: number;
  /** ISO time of the last change of text by sync (since v2), null if never updated. */
  updatedAt: string | null;
  urlKey: string;
  url: string | null;
  title: string;
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  column: string | null;
  sourceId: string;
  sourceName: string;
  /** 字 count of the text. */
  zi: number;
  contentHash: string;
  /** ISO time the article entered the library. */
  addedAt: string;
  /** Read from a document file (PDF, .doc, .wps, OFD, .docx): its original and page markers. Not indexed. */
  document?: DocumentInfo;
  /** The attachments (附件) a synced page links to. Not indexed. */
  attachments?: AttachmentLink[];
}

/** The heavy part, read only when an article is opened. */
export interface ArticleBodyRow {
  articleId: string;
  /** Sanitised HTML, one element per block. */
  html: string;
  /** Plain text, blocks joined by "\n": what annotations are anchored to. */
  text: string;
}

/** Per-article reading state. Written only by the reader, never by sync. */
export interface ReadingRow {
  articleId: string;
  /** Index of the block at the top of the viewport. */
  block: number;
  /** How far into that block (0–1) the viewport top is. */
  offset: number;
  /** 0–1 of the whole article, for the list's progress display. */
  progress: number;
  updatedAt: string;
}

/** An older text of an article, kept when sync stores a changed version (已更新). */
export interface VersionRow {
  articleId: string;
  /** 1 for the first text seen; the current text is articles.version. */
  version: number;
  html: string;
  text: string;
  contentHash: string;
  /** ISO time this version was replaced. */
  replacedAt: string;
}

/** A configured source (来源): a CMS column, a feed or a local folder. */
export interface SourceRow {
  id: string;
  kind: 'cms' | 'feed' | 'folder';
  /** List page or feed URL, or a folder path. */
  location: string;
  name: string;
  /** 栏目 label given to its articles. */
  column: string | null;
  schedule: { mode: 'manual' | 'startup' | 'interval'; hours?: number };
  enabled: boolean;
  /**
   * Origins (http(s)://host[:port]) this source may also fetch from, as the user added them (an
   * image or attachment server). Absent in rows written before it existed: none. Not indexed.
   */
  allowedHosts?: string[];
  /** A column's first sync: its newest list pages (the sync setting) or the whole column. Absent: newest. */
  firstSync?: 'newest' | 'all';
  createdAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  counts: { articles: number; added: number; updated: number; unchanged: number; failed: number };
}

/** What sync remembers of each fetched page: validators for conditional requests. */
export interface FetchStateRow {
  urlKey: string;
  sourceId: string;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  checkedAt: string;
}

export interface SyncLogRow {
  id?: number;
  sourceId: string;
  at: string;
  level: 'info' | 'warning' | 'error';
  url: string | null;
  code: string | null;
  message: string;
}

export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple' | 'orange';

/** A highlight on an article's stored text. Written by the user, never by sync. */
export interface HighlightRow {
  id: string;
  articleId: string;
  /** 'personal' for the user's own; 'leader' for a group leader's 重点摘编 layer. */
  layer: 'personal' | 'leader';
  color: HighlightColor;
  style: 'fill' | 'underline';
  /** Plain-JSON TextSelector (shared/anchoring). */
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  /** Article version the selector was last placed on. */
  articleVersion: number;
  /** True when re-anchoring failed: shown as an orphan, never deleted. */
  orphan: boolean;
  tags: string[];
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NoteKind = 'note' | 'outline' | 'reflection';

/** A note (笔记 / 发言提纲 / 心得体会): on a highlight, on an article, or standalone. */
export interface NoteRow {
  id: string;
  kind: NoteKind;
  articleId: string | null;
  highlightId: string | null;
  title: string;
  /** Tiptap JSON document. */
  doc: unknown;
  /** Derived plain text, for search and 字 counts. */
  text: string;
  zi: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A searchable document (article, highlight or note) in the full-text index (since v3). */
export interface SearchDocRow {
  /** Index-wide document number: postings refer to it; a new number for every new text. */
  num: number;
  /** 'a:<articleId>', 'h:<highlightId>' or 'n:<noteId>'. */
  key: string;
  kind: 'article' | 'highlight' | 'note';
  /** The article an article, highlight or note belongs to (null for a standalone note). */
  articleId: string | null;
  /** Indexed term occurrences, for ranking. */
  length: number;
  title: string;
  /** Article: 来源, 栏目 and source name, searched with the title. */
  meta: string;
  /** publishedAt for articles, updatedAt for highlights and notes. */
  date: string | null;
  sourceId: string | null;
  column: string | null;
  color: HighlightColor | null;
  noteKind: NoteKind | null;
  tags: string[];
}

/** Postings of one term-hash bucket of one index segment (since v3); `k` = bucket × 2^20 + segment. */
export interface SearchPostingRow {
  k: number;
  data: Uint8Array;
}

/** Terms of a small document not yet merged into a segment (since v3). */
export interface SearchPendingRow {
  num: number;
  hashes: Uint32Array;
  flags: Uint8Array;
}

export const DB_NAME = 'yandu';

export class YanduDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'id'>;
  bodies!: EntityTable<ArticleBodyRow, 'articleId'>;
  reading!: EntityTable<ReadingRow, 'articleId'>;
  settings!: EntityTable<SettingRow, 'key'>;
  versions!: Dexie.Table<VersionRow, [string, number]>;
  sources!: EntityTable<SourceRow, 'id'>;
  fetchState!: EntityTable<FetchStateRow, 'urlKey'>;
  syncLog!: EntityTable<SyncLogRow, 'id'>;
  highlights!: EntityTable<HighlightRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  sessions!: EntityTable<SessionRow, 'id'>;
  members!: EntityTable<MemberRow, 'id'>;
  packets!: EntityTable<PacketRow, 'id'>;
  returns!: EntityTable<ReturnRow, 'id'>;
  searchDocs!: EntityTable<SearchDocRow, 'num'>;
  searchPostings!: EntityTable<SearchPostingRow, 'k'>;
  searchPending!: EntityTable<SearchPendingRow, 'num'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1 (first release). Frozen: see the discipline above.
    this.version(1).stores({
      articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash',
      bodies: 'articleId',
      reading: 'articleId, updatedAt',
      settings: 'key',
    });
    // Version 2: sync (sources, page validators, a log, old versions of changed articles) and
    // annotation (highlights, notes). Articles gain `version` and `updatedAt`.
    this.version(2)
      .stores({
        articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash, updatedAt',
        versions: '[articleId+version], articleId',
        sources: 'id, kind',
        fetchState: 'urlKey, sourceId',
        syncLog: '++id, sourceId, at',
        highlights: 'id, articleId, layer, color, *tags, createdAt, updatedAt',
        notes: 'id, kind, articleId, highlightId, *tags, createdAt, updatedAt',
      })
      .upgrade(async (tx) => {
        await tx
          .table('articles')
          .toCollection()
          .modify((row: Partial<ArticleRow>) => {
            row.version ??= 1;
            row.updatedAt ??= null;
          });
      });
    // Version 3: the full-text search index (documents, bucketed postings, small pending
    // documents). Nothing to rewrite: an empty index is rebuilt from the library on start.
    this.version(3).stores({
      searchDocs: 'num, &key, articleId, kind',
      searchPostings: 'k',
      searchPending: 'num',
    });
    // Version 4: study sessions (学习计划, 学习记录), members, installed packets and imported
    // return files. New tables only: nothing older changes shape.
    this.version(4).stores({
      sessions: 'id, year, date, status, packetId',
      members: 'id, name, order',
      packets: 'id, sessionId',
      returns: 'id, sessionId',
    });
  }
}
