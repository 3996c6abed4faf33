/**
 * The leader's excerpts made or changed here, and the highlights and notes copied from them
 * (复制到我的笔记), go through the same journals as the user's own highlights and notes
 * (core/packets.ts): a store the browser discards before the next backup gets them back from
 * localStorage, and a deleted excerpt never comes back from a journal.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { samplePacketWorld } from './helpers/sample-packet';
import { applyPacket, checkBase64, createPackets } from '../../renderer/core/packets';
import { HIGHLIGHT_JOURNAL_KEY, replayHighlightJournal } from '../../renderer/core/highlights/journal';
import { recoverNoteJournals } from '../../renderer/core/notes';
import { recoverPendingWrites } from '../../renderer/core/pendingKinds';
import { createStudy } from '../../renderer/core/study';
import type { YanduDB } from '../../renderer/db/schema';

const world = samplePacketWorld('leader-journal');

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
    key: (i: number) => [...store.keys()][i] ?? null,
    get length() {
      return store.size;
    },
  };
}

const journalledIds = (storage: ReturnType<typeof memoryStorage>) =>
  (JSON.parse(storage.getItem(HIGHLIGHT_JOURNAL_KEY) ?? '[]') as { id: string }[]).map((h) => h.id);

/** A leader's copy holding the sample packet's articles (and its session). */
async function leaderLibrary(): Promise<{ db: YanduDB; reading: string }> {
  const db = await world.freshDb();
  await createStudy(db, world.api).setRole('leader');
  const { session } = await world.install(db);
  return { db, reading: session.readings[0]! };
}

const selector = (exact: string, start: number) => ({ exact, prefix: '', suffix: '', start, end: start + exact.length });

describe('leader excerpts and copies in the journals', () => {
  it('a store discarded before a backup gets back the excerpts made, changed and copied here; not a deleted one', async () => {
    const { db, reading } = await leaderLibrary();
    const storage = memoryStorage();
    const packets = createPackets(db, world.api, storage);
    const kept = await packets.markExcerpt(reading, 1, selector('我们自拟的一句', 3));
    const commented = await packets.commentExcerpt(kept, '组长的批注');
    const removed = await packets.markExcerpt(reading, 1, selector('另一句后来删掉', 40));
    await packets.removeExcerpt(removed);
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '抄到我的笔记' }] }] };
    const copy = await packets.copyExcerptToMine(kept.id, '重点摘编：我们自拟的一句', doc);
    expect(journalledIds(storage).sort()).toEqual([kept.id, copy.highlight.id].sort());

    // The browser discards the store: the next start has the articles again (here: the packet) and nothing of these.
    const after = await world.freshDb();
    await world.install(after);
    expect(await replayHighlightJournal(after, storage)).toBe(2);
    expect(await recoverNoteJournals(after, storage)).toBe(1);
    expect(await after.highlights.get(kept.id)).toEqual(commented);
    expect(await after.highlights.get(copy.highlight.id)).toEqual(copy.highlight);
    expect(await after.highlights.get(removed.id)).toBeUndefined();
    expect(await after.notes.get(copy.noteId)).toMatchObject({ highlightId: copy.highlight.id, title: '重点摘编：我们自拟的一句' });
  });

  it('a failed write leaves the journal as it was; 撤销 after 删除 journals the excerpt again', async () => {
    const { db, reading } = await leaderLibrary();
    const storage = memoryStorage();
    const packets = createPackets(db, world.api, storage);
    const row = await packets.markExcerpt(reading, 1, selector('会失败的一句', 5));
    await packets.removeExcerpt(row);
    expect(journalledIds(storage)).toEqual([]);
    await packets.restoreExcerpt(row);
    expect(journalledIds(storage)).toEqual([row.id]);
    // A comment whose put fails (after the role check): the journal holds the row as stored, not
    // the refused comment; a new excerpt whose put fails is not in it at all.
    const put = vi.spyOn(db.highlights, 'put').mockRejectedValue(new Error('磁盘已满'));
    await expect(packets.commentExcerpt(row, '写不进去的批注')).rejects.toThrow('磁盘已满');
    await expect(packets.markExcerpt(reading, 1, selector('写不进去的一句', 9))).rejects.toThrow('磁盘已满');
    expect(put).toHaveBeenCalledTimes(2);
    const journal = JSON.parse(storage.getItem(HIGHLIGHT_JOURNAL_KEY)!) as { id: string; comment: string | null }[];
    expect(journal).toEqual([expect.objectContaining({ id: row.id, comment: null })]);
  });

  it('an excerpt a new packet version drops leaves the journal with it', async () => {
    const { db } = await leaderLibrary();
    const storage = memoryStorage();
    // The installed packet's excerpt, changed here (as a leader's device may): now journalled.
    const installed = (await db.highlights.where('layer').equals('leader').first())!;
    await createPackets(db, world.api, storage).commentExcerpt(installed, '本机的批注');
    expect(journalledIds(storage)).toEqual([installed.id]);
    // A next version of the packet without that excerpt.
    const checked = await checkBase64(db, world.api, world.packetBase64);
    if (checked.kind !== 'packet') throw new Error('kind');
    const next = { ...checked.file, meta: { ...checked.file.meta, version: checked.file.meta.version + 1 }, highlights: [] };
    await applyPacket(db, next, undefined, undefined, storage);
    expect(await db.highlights.get(installed.id)).toBeUndefined();
    expect(journalledIds(storage)).toEqual([]);
  });

  it('a comment typed and not saved stays as a draft per excerpt, newest typing only, until settled', async () => {
    const { db } = await leaderLibrary();
    const storage = memoryStorage();
    const packets = createPackets(db, world.api, storage);
    packets.draftComment('lh_one', '请对照');
    packets.draftComment('lh_one', '请对照检查');
    packets.draftComment('lh_two', '另一条');
    expect(packets.commentDraft('lh_one')?.text).toBe('请对照检查');
    packets.settleCommentDraft(packets.commentDraft('lh_one')!.token);
    expect(packets.commentDraft('lh_one')).toBeNull();
    expect(packets.commentDraft('lh_two')?.text).toBe('另一条');
    // A start's replay of the in-flight kinds leaves it for the comment box.
    expect(await recoverPendingWrites(db, storage)).toBe(0);
    expect(packets.commentDraft('lh_two')?.text).toBe('另一条');
  });
});
