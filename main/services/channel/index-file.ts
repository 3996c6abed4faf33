/**
 * packets/index.json: a small cache of what each packet's manifest says (title, issuer, signer,
 * size), so a member sees the list without downloading every packet. It is only a cache:
 *  - the folder listing is the truth: an entry whose file is not listed (or whose size differs
 *    from the listing's) is ignored, and a listed packet with no entry is downloaded and checked;
 *  - it is never trusted for the signature: what it says is shown as 未验证 until the file itself
 *    has been fetched and checked;
 *  - a hostile or broken one (too large, not JSON, the wrong shape) is ignored, never an error
 *    of the listing; entries of the wrong shape are dropped one by one.
 * Writers rebuild it from the listing, the index they read and the packet they just published,
 * and replace it whole (temporary name, MOVE); see Channel.writeIndex for two writers at once.
 */
import * as v from 'valibot';

export const INDEX_FILE = 'index.json';
/** A cap far above a real index (~1 KB an entry): more is refused unread. */
export const MAX_INDEX_BYTES = 1024 * 1024;
/** Entries a writer keeps; older ones (by issue time) are left to the listing. */
export const MAX_INDEX_ENTRIES = 500;
const FORMAT = 'yandu-channel-index';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

export const IndexEntrySchema = v.object({
  name: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}-v\d{1,9}\.yandu$/)),
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/)),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999_999_999)),
  title: Text(500),
  issuer: Text(200),
  signer: v.nullable(Hex64),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sha256: Hex64,
  issuedAt: Text(40),
});
export type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;

const IndexSchema = v.object({
  format: v.literal(FORMAT),
  version: v.literal(1),
  packets: v.pipe(v.array(v.unknown()), v.maxLength(MAX_INDEX_ENTRIES * 4)),
});

export interface ReadIndex {
  entries: Map<string, IndexEntry>;
  /** Why the file was not used (absent: used, or there was none). */
  refused?: string;
}

/** The entries of an index file's bytes; never throws (a refused file is an empty index with the reason). */
export function parseIndex(bytes: Uint8Array): ReadIndex {
  const none = (refused: string): ReadIndex => ({ entries: new Map(), refused });
  if (bytes.length > MAX_INDEX_BYTES) return none('too large');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return none('not JSON');
  }
  const parsed = v.safeParse(IndexSchema, raw);
  if (!parsed.success) return none('wrong shape');
  const entries = new Map<string, IndexEntry>();
  for (const row of parsed.output.packets) {
    const e = v.safeParse(IndexEntrySchema, row);
    // The name is what the manifest makes it: an entry that disagrees with itself is dropped.
    if (e.success && e.output.name === `${e.output.id}-v${e.output.version}.yandu`) entries.set(e.output.name, e.output);
  }
  return { entries };
}

/** The index's bytes for these entries: the newest MAX_INDEX_ENTRIES, under the cap. */
export function buildIndex(entries: Iterable<IndexEntry>, now: Date): Uint8Array {
  let kept = [...entries].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.name.localeCompare(b.name)).slice(0, MAX_INDEX_ENTRIES);
  for (;;) {
    const text = `${JSON.stringify(
      {
        format: FORMAT,
        version: 1,
        note: '研读通道索引：仅为缓存，以文件夹中的文件为准。Only a cache: the folder listing is the truth.',
        updatedAt: now.toISOString(),
        packets: [...kept].sort((a, b) => a.name.localeCompare(b.name)),
      },
      null,
      1,
    )}\n`;
    const bytes = new TextEncoder().encode(text);
    if (bytes.length <= MAX_INDEX_BYTES || kept.length === 0) return bytes;
    kept = kept.slice(0, Math.floor(kept.length * 0.8));
  }
}
