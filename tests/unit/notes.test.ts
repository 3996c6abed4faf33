import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearJournal,
  createNotesService,
  isEmptyNote,
  newDraft,
  NOTE_JOURNAL_PREFIX,
  journalSaved,
  MAX_KEPT_JOURNAL_CHARS,
  MAX_KEPT_JOURNALS,
  recoverNoteJournals,
  releaseJournalsHeldBy,
  toNoteRow,
  writeJournal,
} from '../../renderer/core/notes';
import { YanduDB } from '../../renderer/db/schema';
import { Autosaver } from '../../renderer/core/notes/autosave';
import {
  asDoc,
  citationLine,
  deriveNote,
  docToText,
  excerpt,
  parseTags,
  quoteBlock,
  type DocNode,
} from '../../renderer/core/notes/noteText';

const p = (text: string, marks?: string[]): DocNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) }],
});

const RICH_DOC: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '一、学习体会' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '坚持' },
        { type: 'text', text: '学思用贯通', marks: [{ type: 'bold' }] },
        { type: 'text', text: '，' },
        { type: 'text', text: '知信行统一', marks: [{ type: 'highlight' }] },
        { type: 'hardBreak' },
        { type: 'text', text: '第二行 abc 12' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p('要点甲')] },
        { type: 'listItem', content: [p('要点乙'), { type: 'orderedList', content: [{ type: 'listItem', content: [p('细目一')] }] }] },
      ],
    },
    { type: 'blockquote', content: [p('引用的话'), p('——《示例》，研读编辑部，2012年10月10日')] },
    { type: 'paragraph' },
    p('𠮷字在基本平面之外'),
  ],
};

describe('note text and 字', () => {
  it('derives one line per text block, in document order', () => {
    expect(docToText(RICH_DOC).split('\n')).toEqual([
      '一、学习体会',
      '坚持学思用贯通，知信行统一',
      '第二行 abc 12',
      '要点甲',
      '要点乙',
      '细目一',
      '引用的话',
      '——《示例》，研读编辑部，2012年10月10日',
      '',
      '𠮷字在基本平面之外',
    ]);
  });

  it('counts 字 by code point and ignores whitespace', () => {
    const { text, zi } = deriveNote(RICH_DOC);
    expect(zi).toBe([...text.replace(/\s/g, '')].length);
    expect(deriveNote({ type: 'doc', content: [p('𠮷 a\u3000b')] }).zi).toBe(3);
    expect(deriveNote({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual({ text: '', zi: 0 });
  });

  it('reads a broken document as empty, never throws', () => {
    expect(asDoc({ type: 'paragraph' })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(docToText(null)).toBe('');
    expect(docToText({ type: 'doc', content: 'nope' })).toBe('');
  });

  it('builds the citation and the quote block of a highlight', () => {
    expect(citationLine({ title: '关于学习的几点思考', origin: '中国纪检监察报', publishedAt: '2012-10-10' })).toBe(
      '——《关于学习的几点思考》，中国纪检监察报，2012年10月10日',
    );
    expect(citationLine({ title: '无来源', origin: null, publishedAt: null })).toBe('——《无来源》');
    const block = quoteBlock('第一段。\n\n第二段。', { title: '示例', origin: '来源', publishedAt: '2024-03-05' });
    expect(block.type).toBe('blockquote');
    expect(docToText({ type: 'doc', content: [block] })).toBe('第一段。\n第二段。\n——《示例》，来源，2024年3月5日');
  });

  it('makes short excerpts and parses tags', () => {
    expect(excerpt('一二三四五', 3)).toBe('一二三…');
    expect(excerpt(' a\n b ')).toBe('a b');
    expect(parseTags('理论， 实践 理论、作风;')).toEqual(['理论', '实践', '作风']);
  });
});

describe('note rows', () => {
  it('derives text and zi on save, whatever the draft claims', () => {
    const draft = { ...newDraft('reflection', null, null, '2026-01-02T03:04:05.000Z'), doc: RICH_DOC };
    const row = toNoteRow({ ...draft, text: 'lie', zi: 1 } as never);
    expect(row.text).toBe(docToText(RICH_DOC));
    expect(row.zi).toBe(deriveNote(RICH_DOC).zi);
    expect(row.id).toMatch(/^n_[0-9a-f]{32}$/);
    expect(isEmptyNote(row)).toBe(false);
    expect(isEmptyNote(toNoteRow(newDraft('note', null, null)))).toBe(true);
    expect(() => toNoteRow({ ...draft, kind: 'essay' as never })).toThrow();
    expect(() => toNoteRow({ ...draft, doc: { type: 'paragraph' } })).toThrow();
  });

  let counter = 0;
  const open: YanduDB[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.delete();
  });
  function memoryStorage() {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      key: (i: number) => [...store.keys()][i] ?? null,
      get length() {
        return store.size;
      },
    };
    return { store, storage };
  }

  function freshDb() {
    const db = new YanduDB(`notes-${++counter}`);
    open.push(db);
    return db;
  }

  it('saves, finds the note on a highlight, removes', async () => {
    const db = freshDb();
    const repo = createNotesService(db);
    const a = { ...newDraft('note', 'a1', 'h1', '2026-01-01T00:00:00.000Z'), doc: RICH_DOC };
    const b = { ...newDraft('note', 'a1', 'h1', '2026-02-01T00:00:00.000Z'), doc: RICH_DOC };
    await repo.save(a);
    await repo.save(b);
    expect((await repo.forHighlight('h1'))?.id).toBe(b.id);
    expect((await repo.get(a.id))?.zi).toBe(deriveNote(RICH_DOC).zi);
    await repo.remove(b.id);
    expect((await repo.forHighlight('h1'))?.id).toBe(a.id);
    await expect(repo.save({ ...a, title: 'x'.repeat(501) })).rejects.toThrow();
    expect((await repo.get(a.id))?.title).toBe('');
  });

  it('two tabs (two connections) on one note: each saves, and a save over the other tab’s version is refused, not written', async () => {
    const db = freshDb();
    const other = new YanduDB(db.name);
    try {
      const here = createNotesService(db);
      const there = createNotesService(other);
      const draft = { ...newDraft('note', null, null, '2026-04-01T00:00:00.000Z'), doc: { type: 'doc', content: [p('第一句')] } };
      const ours = new Set([draft.updatedAt]);
      const theirs = new Set([draft.updatedAt]);
      expect(await here.saveUnlessChanged(draft, (u) => ours.has(u))).toBe('saved');
      // Both tabs index notes with their own counters: the second tab's save must not fail on a taken number.
      const second = { ...draft, doc: { type: 'doc', content: [p('第一句'), p('另一窗口')] }, updatedAt: '2026-04-01T00:00:02.000Z' };
      theirs.add(second.updatedAt);
      expect(await there.saveUnlessChanged(second, (u) => theirs.has(u))).toBe('saved');
      const third = { ...draft, doc: { type: 'doc', content: [p('第一句'), p('本窗口')] }, updatedAt: '2026-04-01T00:00:03.000Z' };
      ours.add(third.updatedAt);
      expect(await here.saveUnlessChanged(third, (u) => ours.has(u))).toBe('conflict');
      expect((await here.get(draft.id))?.text).toBe('第一句\n另一窗口');
      // A note of its own in each tab indexes fine after the other tab wrote.
      await here.save({ ...newDraft('note', null, null), title: '本窗口的新笔记' });
      await there.save({ ...newDraft('note', null, null), title: '另一窗口的新笔记' });
      expect((await here.all()).map((n) => n.title).sort()).toEqual(['', '另一窗口的新笔记', '本窗口的新笔记']);
      // A note deleted elsewhere is written again: the writer's words are kept.
      await there.remove(draft.id);
      expect(await here.saveUnlessChanged(third, (u) => ours.has(u))).toBe('saved');
      expect((await there.get(draft.id))?.text).toBe('第一句\n本窗口');
    } finally {
      other.close();
    }
  });

  it('replays a newer journal and keeps it until a backup holds it; drops an older or corrupt one', async () => {
    const db = freshDb();
    const repo = createNotesService(db);
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      key: (i: number) => [...store.keys()][i] ?? null,
      get length() {
        return store.size;
      },
    };
    const saved = await repo.save({ ...newDraft('note', null, null, '2026-03-01T00:00:00.000Z'), doc: RICH_DOC, title: '旧' });
    writeJournal(toNoteRow({ ...saved, title: '新', updatedAt: '2026-03-01T00:00:01.000Z' }), storage);
    const stale = await repo.save({ ...newDraft('outline', null, null, '2026-03-02T00:00:00.000Z'), title: '已存' });
    writeJournal(toNoteRow({ ...stale, title: '过时', updatedAt: '2026-03-01T00:00:00.000Z' }), storage);
    const unsaved = toNoteRow({
      ...newDraft('reflection', null, null, '2026-03-03T00:00:00.000Z'),
      doc: { type: 'doc', content: [p('刚打的字')] },
    });
    writeJournal(unsaved, storage);
    store.set(`${NOTE_JOURNAL_PREFIX}bad`, '{"id":');

    expect(await recoverNoteJournals(db, storage)).toBe(2);
    expect((await repo.get(saved.id))?.title).toBe('新');
    expect((await repo.get(stale.id))?.title).toBe('已存');
    expect((await repo.get(unsaved.id))?.text).toBe('刚打的字');
    // The replayed two stay (IndexedDB may yet be discarded); the outgrown and the corrupt one go.
    const kept = () => [...store.keys()].sort();
    expect(kept()).toEqual([saved.id, unsaved.id].map((id) => NOTE_JOURNAL_PREFIX + id).sort());
    expect(await recoverNoteJournals(db, storage)).toBe(0);
    expect(kept()).toHaveLength(2);
    // A backup holding saved's version releases its journal; one holding an older unsaved does not.
    const held = new Map([
      [saved.id, '2026-03-01T00:00:01.000Z'],
      [unsaved.id, '2026-03-02T00:00:00.000Z'],
    ]);
    expect(releaseJournalsHeldBy(held, storage)).toBe(1);
    expect(kept()).toEqual([NOTE_JOURNAL_PREFIX + unsaved.id]);
    clearJournal(unsaved.id, '9999', storage);
    expect(store.size).toBe(0);

    writeJournal(unsaved, storage);
    clearJournal(unsaved.id, unsaved.updatedAt, storage);
    expect(store.size).toBe(0);
  });

  it('a journal over a version another tab saved meanwhile becomes a copy, newer or older; never overwrites, never dropped, made once', async () => {
    const db = freshDb();
    const repo = createNotesService(db);
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      key: (i: number) => [...store.keys()][i] ?? null,
      get length() {
        return store.size;
      },
    };
    const base = await repo.save({ ...newDraft('note', null, null, '2026-03-01T00:00:00.000Z'), title: '共同' });
    // Tab A typed (never saved: it crashed) over `base`; tab B saved its own words over `base`.
    const doc = (text: string) => ({ type: 'doc', content: [p(text)] });
    const newerA = toNoteRow({ ...base, doc: doc('甲窗口的字'), updatedAt: '2026-03-01T00:00:05.000Z' });
    await repo.save({ ...base, doc: doc('乙窗口的字'), updatedAt: '2026-03-01T00:00:03.000Z' });
    writeJournal(newerA, storage, [base.updatedAt, newerA.updatedAt]);
    expect(await recoverNoteJournals(db, storage)).toBe(1);
    expect(await recoverNoteJournals(db, storage)).toBe(0);
    let all = await repo.all();
    expect(all.find((n) => n.id === base.id)?.text).toBe('乙窗口的字');
    expect(all.filter((n) => n.id !== base.id).map((n) => [n.title, n.text])).toEqual([['共同（本窗口的版本）', '甲窗口的字']]);

    // Older than the other tab's save: kept as a copy too, not dropped.
    const olderA = toNoteRow({ ...base, doc: doc('甲窗口更早的字'), updatedAt: '2026-03-01T00:00:01.000Z' });
    writeJournal(olderA, storage, [base.updatedAt, olderA.updatedAt]);
    expect(await recoverNoteJournals(db, storage)).toBe(1);
    all = await repo.all();
    expect(all.map((n) => n.text).sort()).toEqual(['乙窗口的字', '甲窗口更早的字', '甲窗口的字'].sort());

    // A journal over a stored version its writer made is replayed in place, as before.
    const mine = toNoteRow({ ...base, doc: doc('乙窗口又写'), updatedAt: '2026-03-01T00:00:09.000Z' });
    writeJournal(mine, storage, ['2026-03-01T00:00:03.000Z', mine.updatedAt]);
    expect(await recoverNoteJournals(db, storage)).toBe(1);
    expect((await repo.get(base.id))?.text).toBe('乙窗口又写');
    expect(await repo.all()).toHaveLength(3);
    // Each copy has its own journal now (kept until a backup holds it), as has the replayed note;
    // replaying them again changes nothing and makes no further copy.
    expect(store.size).toBe(3);
    expect(await recoverNoteJournals(db, storage)).toBe(0);
    expect(await repo.all()).toHaveLength(3);
  });

  it("after a restore, a journal over the backup's older copy of its note replaces it; without a restore that older copy is kept and the journal becomes a copy", async () => {
    const doc = (text: string) => ({ type: 'doc', content: [p(text)] });
    const start = { ...newDraft('note', null, null, '2026-04-01T00:00:00.000Z'), title: '周记' };
    // The backup held 00:10; the editor then saved 00:20 and 00:30 (its journal: 00:30, knowing 00:30 as its own).
    const backedUp = toNoteRow({ ...start, doc: doc('备份时的字'), updatedAt: '2026-04-01T00:00:10.000Z' });
    const typedAfter = toNoteRow({ ...start, doc: doc('备份之后写的字'), updatedAt: '2026-04-01T00:00:30.000Z' });
    for (const afterRestore of [true, false]) {
      const db = freshDb();
      const repo = createNotesService(db);
      const { store, storage } = memoryStorage();
      await repo.save(backedUp);
      journalSaved(typedAfter, [typedAfter.updatedAt], storage);
      expect(await recoverNoteJournals(db, storage, { afterRestore })).toBe(1);
      const texts = (await repo.all()).map((n) => [n.title, n.text]).sort();
      if (afterRestore) expect(texts).toEqual([['周记', '备份之后写的字']]);
      else
        expect(texts).toEqual(
          [
            ['周记', '备份时的字'],
            ['周记（本窗口的版本）', '备份之后写的字'],
          ].sort(),
        );
      expect(store.size).toBe(1);
    }
    // Even after a restore, a stored version newer than the journal's oldest own one was written elsewhere: kept, the journal copied.
    const db = freshDb();
    const repo = createNotesService(db);
    const { storage } = memoryStorage();
    await repo.save({ ...start, doc: doc('别处写的字'), updatedAt: '2026-04-01T00:00:20.000Z' });
    journalSaved(typedAfter, ['2026-04-01T00:00:15.000Z', typedAfter.updatedAt], storage);
    expect(await recoverNoteJournals(db, storage, { afterRestore: true })).toBe(1);
    expect((await repo.all()).map((n) => n.text).sort()).toEqual(['别处写的字', '备份之后写的字'].sort());
  });

  it('a saved version never replaces a newer typed journal; kept journals stay within their count and size bounds, oldest dropped first', () => {
    const { store, storage } = memoryStorage();
    const base = newDraft('note', null, null, '2026-05-01T00:00:00.000Z');
    const typed = toNoteRow({ ...base, title: '还没存的', updatedAt: '2026-05-01T00:00:02.000Z' });
    writeJournal(typed, storage);
    journalSaved(toNoteRow({ ...base, title: '已存的', updatedAt: '2026-05-01T00:00:01.000Z' }), [], storage);
    expect(JSON.parse(store.get(NOTE_JOURNAL_PREFIX + base.id)!).title).toBe('还没存的');
    store.clear();

    // Count: one more than the bound, written out of order; the oldest goes.
    const at = (i: number) => new Date(Date.UTC(2026, 4, 2, 0, 0, i)).toISOString();
    const order = Array.from({ length: MAX_KEPT_JOURNALS + 1 }, (_, i) => (i * 7) % (MAX_KEPT_JOURNALS + 1));
    for (const i of order)
      writeJournal(toNoteRow({ ...newDraft('note', null, null, at(i)), id: `n_count${i}`, title: `第${i}条` }), storage);
    expect(store.size).toBe(MAX_KEPT_JOURNALS);
    expect(store.has(`${NOTE_JOURNAL_PREFIX}n_count0`)).toBe(false);
    store.clear();

    // Size: big journals; the total stays within the bound, the newest are kept, the one written last always.
    const big = (i: number, chars: number) =>
      toNoteRow({ ...newDraft('note', null, null, at(i)), id: `n_big${i}`, doc: { type: 'doc', content: [p('字'.repeat(chars))] } });
    // A journal holds the words twice (the document and its plain text): about 2/7 of the bound each.
    const each = Math.floor(MAX_KEPT_JOURNAL_CHARS / 7);
    for (let i = 1; i <= 4; i++) writeJournal(big(i, each), storage);
    const total = () => [...store.values()].reduce((n, v) => n + v.length, 0);
    expect(total()).toBeLessThanOrEqual(MAX_KEPT_JOURNAL_CHARS);
    expect([...store.keys()].sort()).toEqual([2, 3, 4].map((i) => `${NOTE_JOURNAL_PREFIX}n_big${i}`));
    // A single journal over the bound is still written: it holds the newest words.
    writeJournal(big(5, MAX_KEPT_JOURNAL_CHARS), storage);
    expect([...store.keys()]).toEqual([`${NOTE_JOURNAL_PREFIX}n_big5`]);
  });
});

describe('autosave', () => {
  afterEach(() => vi.useRealTimers());

  it('saves within a second while typing continuously, and soon after typing stops', async () => {
    vi.useFakeTimers();
    const saves: { at: number; value: number }[] = [];
    const start = Date.now();
    const saver = new Autosaver<number>(async (value) => void saves.push({ at: Date.now() - start, value }), {
      debounceMs: 400,
      maxWaitMs: 1000,
    });
    // A keystroke every 100 ms for 3 s.
    for (let i = 1; i <= 30; i++) {
      saver.update(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves.length).toBeGreaterThanOrEqual(3);
    const gaps = saves.map((s, i) => s.at - (i ? saves[i - 1]!.at : 0));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(1000);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves.at(-1)?.value).toBe(30);
    expect(saver.dirty).toBe(false);
  });

  it('flushes at once, keeps a failed value for the next try, and reports state', async () => {
    vi.useFakeTimers();
    const states: string[] = [];
    let fail = true;
    const saved: string[] = [];
    const saver = new Autosaver<string>(
      async (v) => {
        if (fail) throw new Error('磁盘已满');
        saved.push(v);
      },
      { onState: (s) => states.push(s.state) },
    );
    saver.update('甲');
    await saver.flush();
    expect(states).toContain('error');
    expect(saver.peek()).toBe('甲');
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['甲']);
    expect(states.at(-1)).toBe('saved');
    saver.update('乙');
    saver.discard();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(['甲']);
  });
});
