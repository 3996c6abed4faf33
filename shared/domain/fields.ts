/** Field schemas shared by the stored shapes: capped text, ISO times, counts. */
import * as v from 'valibot';

/** Most characters of an article's HTML or text (and of a note's text) kept in one row. */
export const BIG_TEXT = 20_000_000;

export const IdField = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const nullableText = (max: number) => v.nullable(text(max));
/** An ISO time as stored (not re-parsed: rows written by older builds keep their form). */
export const IsoField = v.pipe(v.string(), v.maxLength(40));
export const CountField = v.pipe(v.number(), v.integer(), v.minValue(0));
export const FiniteField = v.pipe(v.number(), v.finite());
export const TagsField = v.pipe(v.array(text(100)), v.maxLength(200));
export const Sha256Field = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
