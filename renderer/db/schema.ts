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

/** What the library list needs: small rows, no body text. */
export interface ArticleRow {
  id: string;
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

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'yandu';

export class YanduDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'id'>;
  bodies!: EntityTable<ArticleBodyRow, 'articleId'>;
  reading!: EntityTable<ReadingRow, 'articleId'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1 (first release). Frozen: see the discipline above.
    this.version(1).stores({
      articles: 'id, &urlKey, publishedAt, sourceId, column, addedAt, contentHash',
      bodies: 'articleId',
      reading: 'articleId, updatedAt',
      settings: 'key',
    });
  }
}
