/**
 * What every record of a backed-up table must look like. Checked by main when a backup is
 * written and when a file is inspected, and by the renderer again before it restores: a
 * damaged or hostile backup never reaches IndexedDB. Loose objects (extra fields are kept)
 * so a later schema's additions survive; the fields the app reads are typed and capped.
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const NullableText = (max: number) => v.nullable(Text(max));
const Iso = v.pipe(v.string(), v.maxLength(40));
const Int = v.pipe(v.number(), v.integer(), v.minValue(0));
const Num = v.pipe(v.number(), v.finite());
const Tags = v.pipe(v.array(Text(100)), v.maxLength(200));
const BIG = 20_000_000;

const Selector = v.looseObject({
  exact: Text(BIG),
  prefix: Text(10_000),
  suffix: Text(10_000),
  start: Int,
  end: Int,
});

export const RECORD_SCHEMAS: Record<string, v.GenericSchema> = {
  articles: v.looseObject({
    id: Id,
    // Absent in schema version 1 (added by the version-2 upgrade).
    version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    updatedAt: v.optional(v.nullable(Iso)),
    urlKey: Text(4096),
    url: NullableText(4096),
    title: Text(2000),
    publishedAt: NullableText(40),
    origin: NullableText(2000),
    author: NullableText(2000),
    editor: NullableText(2000),
    column: NullableText(2000),
    sourceId: Id,
    sourceName: Text(2000),
    zi: Int,
    contentHash: Text(128),
    addedAt: Iso,
  }),
  bodies: v.looseObject({ articleId: Id, html: Text(BIG), text: Text(BIG) }),
  reading: v.looseObject({ articleId: Id, block: Int, offset: Num, progress: Num, updatedAt: Iso }),
  settings: v.looseObject({ key: Text(200), value: v.unknown() }),
  versions: v.looseObject({ articleId: Id, version: Int, html: Text(BIG), text: Text(BIG), contentHash: Text(128), replacedAt: Iso }),
  sources: v.looseObject({
    id: Id,
    kind: v.picklist(['cms', 'feed', 'folder']),
    location: Text(4096),
    name: Text(2000),
    enabled: v.boolean(),
    createdAt: Iso,
  }),
  fetchState: v.looseObject({ urlKey: Text(4096), sourceId: Id, checkedAt: Iso }),
  syncLog: v.looseObject({
    id: v.optional(Int),
    sourceId: Id,
    at: Iso,
    level: v.picklist(['info', 'warning', 'error']),
    url: NullableText(4096),
    code: NullableText(200),
    message: Text(10_000),
  }),
  highlights: v.looseObject({
    id: Id,
    articleId: Id,
    layer: v.picklist(['personal', 'leader']),
    color: v.picklist(['yellow', 'green', 'blue', 'pink', 'purple', 'orange']),
    style: v.picklist(['fill', 'underline']),
    selector: Selector,
    articleVersion: Int,
    orphan: v.boolean(),
    tags: Tags,
    comment: NullableText(100_000),
    createdAt: Iso,
    updatedAt: Iso,
  }),
  notes: v.looseObject({
    id: Id,
    kind: v.picklist(['note', 'outline', 'reflection']),
    articleId: v.nullable(Id),
    highlightId: v.nullable(Id),
    title: Text(2000),
    doc: v.unknown(),
    text: Text(BIG),
    zi: Int,
    tags: Tags,
    createdAt: Iso,
    updatedAt: Iso,
  }),
  sessions: v.looseObject({ id: Id, year: Int, topic: Text(2000), date: Text(40), readings: v.array(Id), updatedAt: Iso }),
  members: v.looseObject({ id: Id, name: Text(200), order: Num }),
  packets: v.looseObject({ id: Id, version: Int, sessionId: Id, articleIds: v.array(Id), highlightIds: v.array(Id) }),
  returns: v.looseObject({ id: Id, version: Int, sessionId: Id }),
};

export type RecordProblem = { table: string; index: number; message: string };

/** Checks every record of one table chunk; returns the first problem, or null. */
export function checkRecords(table: string, records: readonly unknown[]): RecordProblem | null {
  const schema = RECORD_SCHEMAS[table];
  if (!schema) return { table, index: -1, message: `未知的数据表：${table.slice(0, 40)}` };
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return { table, index: i, message: `${table} 第 ${i + 1} 条不是对象` };
    const result = v.safeParse(schema, r);
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
      return { table, index: i, message: `${table} 第 ${i + 1} 条记录无效${path ? `（${path.slice(0, 60)}）` : ''}` };
    }
  }
  return null;
}
