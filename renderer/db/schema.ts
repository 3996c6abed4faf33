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

// Stored shapes live in shared/domain as schemas (one definition for the database, backups
// and packets); the row types here are theirs.
import type { ArticleBodyRow, ArticleRow, ReadingRow, VersionRow } from '../../shared/domain/article';
import type { HighlightColor, HighlightRow } from '../../shared/domain/highlight';
import { membershipOf, type MembershipRow } from '../../shared/domain/membership';
import type { NoteKind, NoteRow } from '../../shared/domain/note';
import type { FetchStateRow, SourceRow, SyncLogRow } from '../../shared/domain/source';
import type { SettingRow } from '../../shared/domain/tables';

export type {
  ArticleBodyRow,
  ArticleRow,
  FetchStateRow,
  HighlightColor,
  HighlightRow,
  MembershipRow,
  NoteKind,
  NoteRow,
  ReadingRow,
  SettingRow,
  SourceRow,
  SyncLogRow,
  VersionRow,
};

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
  memberships!: Dexie.Table<MembershipRow, [string, string, string]>;

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
    // Version 5: memberships (article × source × 栏目). An article listed by a second source or
    // a feed belongs to both instead of moving. Each existing article gets the membership its
    // own row names (its source and 栏目); no older table changes shape.
    this.version(5)
      .stores({ memberships: '[articleId+sourceId+column], articleId, sourceId' })
      .upgrade(async (tx) => {
        const rows: MembershipRow[] = [];
        await tx
          .table('articles')
          .toCollection()
          .each((a: ArticleRow) => {
            rows.push(membershipOf(a));
          });
        await tx.table('memberships').bulkPut(rows);
      });
  }
}
