/**
 * The sample packet (what `packet sample` writes) as rows for a fresh app profile, and the print
 * route that prints it: its articles, the leader's excerpts and comments, and its session.
 */
import { readPacketBytes } from '../packets/reader';
import { buildSamplePacket } from '../packets/sample';
import type { ArticleRow } from '../../../shared/domain/article';
import type { HighlightRow } from '../../../shared/domain/highlight';
import { sessionRow, type SessionRow } from '../../../shared/domain/session';
import { countZi } from '../../../shared/text';

/** Rows to put into the app's IndexedDB, by object store name (stores the database lacks are skipped). */
export type SeedRows = Record<string, readonly unknown[]>;

export interface SamplePrint {
  seed: SeedRows;
  /** "#/print/articles?…" */
  hash: string;
  sessionId: string;
  title: string;
}

function printHash(where: string, params: [string, string][]): string {
  const query = new URLSearchParams(params).toString();
  return `#/print/${where}${query ? `?${query}` : ''}`;
}

export async function samplePacketPrint(resourcesDir: string, dataDir: string, layout: 'gbt' | 'compact' = 'gbt'): Promise<SamplePrint> {
  const file = readPacketBytes(await buildSamplePacket(resourcesDir, dataDir));
  if (file.kind !== 'packet') throw new Error('sample is not a packet');
  const now = file.manifest.issuedAt;
  const { session } = file;
  const articles: ArticleRow[] = file.articles.map((a) => ({
    id: a.id,
    version: 1,
    updatedAt: null,
    urlKey: a.urlKey,
    url: a.url,
    title: a.title,
    publishedAt: a.publishedAt,
    origin: a.origin,
    author: a.author,
    editor: a.editor,
    column: a.column,
    sourceId: a.sourceId,
    sourceName: a.sourceName,
    zi: countZi(a.text),
    contentHash: a.contentHash,
    addedAt: now,
  }));
  const bodies = file.articles.map((a) => ({ articleId: a.id, html: a.html, text: a.text }));
  const highlights: HighlightRow[] = file.highlights.map((h) => ({ ...h, layer: 'leader', articleVersion: 1, orphan: false }));
  // A session installed from a packet: the same defaults the renderer's install writes.
  const sessions: SessionRow[] = [sessionRow(session, now, { packetId: file.manifest.id })];
  const params: [string, string][] = [
    ['ids', session.readings.join(',')],
    ['title', file.manifest.title],
    ['unit', file.manifest.issuer],
    ['session', `专题：${session.topic}`],
    ['date', session.date],
  ];
  if (layout !== 'gbt') params.push(['layout', layout]);
  return {
    seed: { articles, bodies, highlights, sessions },
    hash: printHash('articles', params),
    sessionId: session.id,
    title: file.manifest.title,
  };
}
