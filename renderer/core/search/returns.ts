/**
 * Search over members' returns (学习成果回执 on the leader's copy). Returns are few and bounded
 * (one per member and session, each a few thousand 字), so they are scanned and verified
 * directly rather than posted into the article index: always exact, nothing to keep in step
 * on import, and a re-imported return is found under its new text at once.
 */
import { findTerm, makeSnippet, verify, type Snippet } from '../../../shared/search/match';
import type { ParsedQuery, SearchFilters } from '../../../shared/search/query';
import { foldCase } from '../../../shared/search/tokenize';
import type { YanduDB } from '../../db/schema';
import type { ReturnRow } from '../../db/sessionRows';

/** Where a hit in a return opens: the session's returns view, that member, that note, that match. */
export interface ReturnPlace {
  returnId: string;
  sessionId: string;
  noteId: string;
  member: string;
  /** The session's topic, '' when the session is no longer here. */
  session: string;
}

export interface ReturnMatch {
  place: ReturnPlace;
  noteKind: ReturnRow['notes'][number]['kind'];
  /** The note's title, or its first words. */
  title: string;
  /** The note's last change (YYYY-MM-DD…). */
  date: string;
  snippet: Snippet | null;
  /** Offset and length of the first match in the note's text; null when it matched elsewhere (title, excerpt). */
  at: number | null;
  len: number | null;
  score: number;
}

/** Filters that only articles or highlights have: a return note never passes them. */
function excluded(f: SearchFilters): boolean {
  return !!(f.source || f.column || f.hasHighlights || f.hasNotes || f.color || f.tag);
}

/** Occurrences of the terms, title matches counting more: enough to order a few hundred notes. */
function scoreOf(fields: readonly string[], q: ParsedQuery): number {
  let score = 0;
  for (const t of q.terms) {
    for (let k = 0; k < fields.length; k++) {
      let n = 0;
      for (let i = findTerm(fields[k]!, t); i >= 0 && n < 20; i = findTerm(fields[k]!, t, i + 1)) n++;
      score += n * (k === 1 ? 3 : 1);
    }
  }
  return score;
}

/** Matches in returns, best first, at most `limit`; `total` counts them all. */
export async function searchReturns(
  db: YanduDB,
  q: ParsedQuery,
  f: SearchFilters,
  limit: number,
): Promise<{ hits: ReturnMatch[]; total: number }> {
  if (!q.terms.length || excluded(f)) return { hits: [], total: 0 };
  const [returns, sessions] = await db.transaction('r', [db.returns, db.sessions], async () => {
    const rows = await db.returns.toArray();
    const ids = [...new Set(rows.map((r) => r.sessionId))];
    const found = await db.sessions.bulkGet(ids);
    return [rows, new Map(found.flatMap((s, i) => (s ? [[ids[i]!, s.topic] as const] : [])))] as const;
  });
  const all: ReturnMatch[] = [];
  for (const r of returns) {
    for (const n of r.notes) {
      if (f.noteKind && n.kind !== f.noteKind) continue;
      const day = n.updatedAt.slice(0, 10);
      if ((f.from && day < f.from) || (f.to && day > f.to)) continue;
      const fields = [n.text, n.title, n.quote ?? ''];
      const folded = fields.map(foldCase);
      if (!verify(folded, q.terms, q.exclude)) continue;
      let snippet: Snippet | null = null;
      let inText = false;
      for (let i = 0; i < fields.length && !snippet; i++) {
        snippet = makeSnippet(fields[i]!, folded[i]!, q.terms);
        inText = i === 0 && snippet !== null;
      }
      all.push({
        place: { returnId: r.id, sessionId: r.sessionId, noteId: n.id, member: r.member.name, session: sessions.get(r.sessionId) ?? '' },
        noteKind: n.kind,
        title: n.title.trim() || n.text.trim().slice(0, 30),
        date: n.updatedAt,
        snippet,
        at: inText ? snippet!.at : null,
        len: inText ? snippet!.length : null,
        score: scoreOf(folded, q),
      });
    }
  }
  all.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date) || (a.place.noteId < b.place.noteId ? -1 : 1));
  return { hits: all.slice(0, limit), total: all.length };
}
