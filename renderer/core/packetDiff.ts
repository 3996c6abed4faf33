/**
 * What a new version (勘误) of an installed packet changes, for its preview: excerpts added,
 * changed (old and new side by side) and removed, readings added and removed, and what happens
 * to the member's own notes. A pure function: the packets service gathers its inputs.
 */

export interface DiffExcerpt {
  id: string;
  articleId: string;
  exact: string;
  comment: string | null;
  color: string;
}

export interface ExcerptView {
  id: string;
  articleTitle: string;
  exact: string;
  comment: string | null;
}

export interface PacketDiff {
  excerptsAdded: ExcerptView[];
  excerptsChanged: { before: ExcerptView; after: ExcerptView }[];
  excerptsRemoved: ExcerptView[];
  readingsAdded: string[];
  readingsRemoved: string[];
  notes: {
    /** The member's notes on the packet's readings: all kept. */
    kept: number;
    /** Of those, notes on readings this version removes: they stay in the notebook. */
    onRemovedReadings: number;
  };
}

export interface DiffInput {
  /** The installed version's excerpts and the new one's (article ids as stored locally). */
  before: readonly DiffExcerpt[];
  after: readonly DiffExcerpt[];
  /** Session readings (local article ids), installed and new. */
  readingsBefore: readonly string[];
  readingsAfter: readonly string[];
  /** Local article id → title (either version). */
  titles: ReadonlyMap<string, string>;
  /** The article each of the member's notes is on (null for notes on no article). */
  noteArticles: readonly (string | null)[];
}

export function diffPacket(input: DiffInput): PacketDiff {
  const title = (id: string) => input.titles.get(id) ?? id;
  const view = (e: DiffExcerpt): ExcerptView => ({ id: e.id, articleTitle: title(e.articleId), exact: e.exact, comment: e.comment });
  const before = new Map(input.before.map((e) => [e.id, e]));
  const after = new Set(input.after.map((e) => e.id));
  const diff: PacketDiff = {
    excerptsAdded: [],
    excerptsChanged: [],
    excerptsRemoved: input.before.filter((e) => !after.has(e.id)).map(view),
    readingsAdded: [],
    readingsRemoved: [],
    notes: { kept: 0, onRemovedReadings: 0 },
  };
  for (const e of input.after) {
    const old = before.get(e.id);
    if (!old) diff.excerptsAdded.push(view(e));
    else if (old.exact !== e.exact || old.comment !== e.comment || old.color !== e.color || old.articleId !== e.articleId)
      diff.excerptsChanged.push({ before: view(old), after: view(e) });
  }
  const readBefore = new Set(input.readingsBefore);
  const readAfter = new Set(input.readingsAfter);
  diff.readingsAdded = input.readingsAfter.filter((id) => !readBefore.has(id)).map(title);
  const removed = new Set(input.readingsBefore.filter((id) => !readAfter.has(id)));
  diff.readingsRemoved = [...removed].map(title);
  const onReadings = new Set([...readBefore, ...readAfter]);
  for (const a of input.noteArticles) {
    if (a === null || !onReadings.has(a)) continue;
    diff.notes.kept++;
    if (removed.has(a)) diff.notes.onRemovedReadings++;
  }
  return diff;
}
