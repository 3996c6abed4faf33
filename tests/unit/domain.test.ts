/**
 * The stored shapes (shared/domain): valid rows pass, broken ones fail with the table, rows and
 * field named; a note's document is checked for structure and size only (unknown nodes and
 * marks kept); rows of older versions are checked as migrated; the colour list and session
 * defaults are defined once; settings go through their schema on write and on read.
 */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { checkRows, migrateRow, ROW_SCHEMAS, ROWS_DB_VERSION } from '../../shared/domain/tables';
import { HIGHLIGHT_COLORS, HighlightColorSchema } from '../../shared/domain/highlight';
import { NOTE_DOC_LIMITS, noteDocProblem } from '../../shared/domain/note';
import { EMPTY_STUDY_RECORD, sessionRow, SessionRowSchema } from '../../shared/domain/session';
import { SETTINGS } from '../../shared/domain/settings';
import { LeaderHighlightSchema } from '../../shared/packet/schema';
import { YanduDB } from '../../renderer/db/schema';
import { createSettingsRepository } from '../../renderer/db/repositories';
import { newSession } from '../../renderer/core/study';
import { HIGHLIGHT_COLORS as TOOLBAR } from '../../renderer/features/highlights/colors';
import { articleRow } from './helpers/rows';

const now = '2025-01-01T00:00:00.000Z';
const highlight = {
  id: 'h_1',
  articleId: 'a_1',
  layer: 'personal',
  color: 'green',
  style: 'fill',
  selector: { exact: '正文', prefix: '', suffix: '', start: 0, end: 2 },
  articleVersion: 1,
  orphan: false,
  tags: ['重点'],
  comment: null,
  createdAt: now,
  updatedAt: now,
};
const note = (doc: unknown) => ({
  id: 'n_1',
  kind: 'note',
  articleId: null,
  highlightId: null,
  title: '笔记',
  doc,
  text: '正文',
  zi: 2,
  tags: [],
  createdAt: now,
  updatedAt: now,
});

describe('stored shapes', () => {
  it('the database version the schemas describe is the database’s', () => {
    expect(ROWS_DB_VERSION).toBe(new YanduDB('domain-verno').verno);
    // Every table the database has (the derived search index aside) has a row schema.
    const tables = new YanduDB('domain-tables').tables.map((t) => t.name).filter((n) => !n.startsWith('search'));
    expect(Object.keys(ROW_SCHEMAS).sort()).toEqual(tables.sort());
  });

  it('accepts valid rows, keeps extra keys, and names the table, rows and field of broken ones', () => {
    expect(checkRows('articles', [articleRow(1), { ...articleRow(2), addedLater: { x: 1 } }])).toBeNull();
    expect(checkRows('highlights', [highlight])).toBeNull();
    const bad = [highlight, { ...highlight, id: 'h_2', color: 'red' }, highlight, { ...highlight, id: 'h_4', color: 'black' }];
    const problem = checkRows('highlights', bad);
    expect(problem).toMatchObject({ table: 'highlights', count: 2, indexes: [1, 3], field: 'color' });
    expect(problem?.message).toBe('highlights 有 2 条记录无效（第 2、4 条，字段 color）');
    const document = {
      format: 'pdf',
      name: '通知.pdf',
      file: null,
      pageCount: 2,
      pages: [{ page: 1, offset: 0 }],
      docNumber: null,
      scanned: false,
    };
    expect(checkRows('articles', [{ ...articleRow(3), document }])).toBeNull();
    expect(checkRows('articles', [{ ...articleRow(3), document: { ...document, format: 'exe' } }])?.field).toBe('document.format');
    expect(checkRows('articles', [{ ...articleRow(1), zi: -1 }])?.field).toBe('zi');
    expect(checkRows('sessions', [{ ...newSession('2025-03-01'), readings: 'a_1' }])?.field).toBe('readings');
    expect(checkRows('nope', [{}])?.message).toMatch(/未知的数据表/);
    expect(checkRows('members', [null])?.count).toBe(1);
  });

  it('checks rows of an older database version as migrated', () => {
    const { version: _v, updatedAt: _u, ...v1 } = articleRow(1);
    expect(checkRows('articles', [v1], 1)).toBeNull();
    expect(checkRows('articles', [v1], 4)?.field).toBe('version');
    expect(migrateRow('articles', v1, 1)).toMatchObject({ version: 1, updatedAt: null });
    expect(v1).not.toHaveProperty('version');
  });

  it('a note’s document: unknown nodes and marks are kept; only structure and size are checked', () => {
    const future = {
      type: 'doc',
      content: [
        { type: 'futureCallout', attrs: { tone: 'x' }, content: [{ type: 'text', text: '新', marks: [{ type: 'futureMark' }] }] },
        { type: 'paragraph', someNewKey: [1, 2] },
      ],
    };
    expect(checkRows('notes', [note(future)])).toBeNull();
    expect(noteDocProblem(future)).toBeNull();
    expect(checkRows('notes', [note({ type: 'paragraph' })])?.field).toBe('doc');
    expect(noteDocProblem({ type: 'doc', content: [{ text: 'no type' }] })).toBe('malformed');
    expect(noteDocProblem({ type: 'doc', content: 'x' })).toBe('malformed');
    // Deeper than the limit, built without recursion: refused, no stack overflow.
    let deep: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(noteDocProblem({ type: 'doc', content: [deep] })).toBe('tooLarge');
    const wide = { type: 'doc', content: Array.from({ length: NOTE_DOC_LIMITS.nodes + 1 }, () => ({ type: 'paragraph' })) };
    expect(noteDocProblem(wide)).toBe('tooLarge');
  });

  it('the colour list is defined once: rows, packets and the toolbar use it', () => {
    expect(TOOLBAR.map((c) => c.id)).toEqual([...HIGHLIGHT_COLORS]);
    expect(TOOLBAR.map((c) => c.key)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const color of HIGHLIGHT_COLORS) {
      expect(v.is(HighlightColorSchema, color)).toBe(true);
      expect(checkRows('highlights', [{ ...highlight, color }])).toBeNull();
      expect(LeaderHighlightSchema.entries.color.options).toContain(color);
    }
    expect(LeaderHighlightSchema.entries.color.options).toEqual([...HIGHLIGHT_COLORS]);
  });

  it('session defaults are defined once: a new session and an installed one start the same way', () => {
    const fresh = newSession('2025-03-01', now);
    expect(v.is(SessionRowSchema, fresh)).toBe(true);
    expect(fresh).toMatchObject({ ...EMPTY_STUDY_RECORD, year: 2025, status: 'planned', packetId: null, issued: null });
    const plan = {
      id: 's_1',
      topic: '专题',
      date: '2025-04-02',
      place: '',
      host: '',
      speakers: [],
      readings: ['a_1'],
      questions: [],
      status: 'planned' as const,
    };
    const installed = sessionRow(plan, now, { packetId: 'p_1' });
    expect(v.is(SessionRowSchema, installed)).toBe(true);
    expect(installed).toMatchObject({ ...EMPTY_STUDY_RECORD, year: 2025, packetId: 'p_1', createdAt: now });
  });
});

describe('settings through their schema', () => {
  it('writes only a valid value; a bad stored value reads as the default and stays stored', async () => {
    const db = new YanduDB('domain-settings');
    await db.open();
    const settings = createSettingsRepository(db);
    expect(await settings.read('study.rules')).toEqual(SETTINGS['study.rules'].default);
    await settings.write('study.rules', { sessionsPerYear: 8, attendanceMin: 90, reflectionsPerYear: 3 });
    expect(await settings.read('study.rules')).toEqual({ sessionsPerYear: 8, attendanceMin: 90, reflectionsPerYear: 3 });

    await expect(settings.write('backup', { keep: 0 })).rejects.toMatchObject({
      code: 'E_INVALID_ARGUMENT',
      message: expect.stringMatching(/设置“backup”的值无效.*没有保存/),
    });
    await expect(settings.write('study.rules', { sessionsPerYear: 1.5 } as never)).rejects.toThrow(/没有保存/);
    expect(await db.settings.get('backup')).toBeUndefined();
    expect(await settings.read('study.rules')).toEqual({ sessionsPerYear: 8, attendanceMin: 90, reflectionsPerYear: 3 });
    // The generic writer is held to the table's schema too: no door around it.
    await expect(settings.set('backup', v.unknown(), { keep: 'many' })).rejects.toThrow(/没有保存/);
    expect(await db.settings.get('backup')).toBeUndefined();

    // A value written by a later version (or by hand): read as the default, never overwritten.
    await db.settings.put({ key: 'reader', value: { fontSize: 99, theme: 'neon' } });
    expect(await settings.read('reader')).toEqual(SETTINGS.reader.default);
    expect((await db.settings.get('reader'))?.value).toEqual({ fontSize: 99, theme: 'neon' });
    db.close();
  });
});
