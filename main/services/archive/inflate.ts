/**
 * Bounded decompression: compressed bytes are fed in small slices through a zlib stream into a
 * counter that stops everything the moment the real output passes its cap. Declared sizes are
 * never trusted on their own; a bomb that lies in its headers is cut off after one zlib chunk.
 */
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createInflateRaw, crc32 } from 'node:zlib';
import { AppError } from '../../../shared/errors';

/** Input is fed in slices this big, so zlib never holds one huge input buffer to work through. */
const FEED_BYTES = 64 * 1024;
/** zlib's output chunk: the most that can exist past the cap before the counter stops it. */
const OUTPUT_CHUNK_BYTES = 64 * 1024;

export interface InflateBounds {
  /** Refuse as soon as the output passes this many bytes. */
  maxOutput: number;
  /** Largest output / compressed size allowed once the output is above `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

/** The output cap for `compressedSize` input: the absolute cap, or the ratio's, whichever is lower. */
export function outputCap(compressedSize: number, bounds: InflateBounds): number {
  return Math.min(bounds.maxOutput, Math.max(bounds.ratioFloor, bounds.maxRatio * compressedSize));
}

export interface Collected {
  bytes: Buffer;
  crc32: number;
}

/**
 * Streams `input` through `transform` (or as is when null) and collects at most `cap` bytes of
 * output. `tooLarge()` is thrown the moment the output passes `cap`; anything zlib rejects
 * becomes `broken(cause)`. With `preallocate` (when the output is expected to be `cap` bytes, as
 * a zip entry's declared size) the output is written straight into one buffer, so a large entry
 * is never held twice (chunks, then their concatenation).
 */
export async function collectBounded(
  input: Uint8Array,
  transform: Transform | null,
  cap: number,
  errors: { tooLarge: () => AppError; broken: (cause: unknown) => AppError },
  preallocate = false,
): Promise<Collected> {
  if (!transform) {
    // Stored bytes: nothing to inflate, the length is known.
    if (input.length > cap) throw errors.tooLarge();
    const bytes = Buffer.from(input);
    return { bytes, crc32: crc32(bytes) };
  }
  const chunks: Buffer[] = [];
  const into = preallocate ? Buffer.allocUnsafe(cap) : null;
  let total = 0;
  let crc = 0;
  let refused: AppError | null = null;
  const sink = new Writable({
    highWaterMark: OUTPUT_CHUNK_BYTES,
    write(chunk: Buffer, _encoding, callback) {
      if (total + chunk.length > cap) {
        refused = errors.tooLarge();
        callback(refused);
        return;
      }
      crc = crc32(chunk, crc);
      if (into) chunk.copy(into, total);
      else chunks.push(chunk);
      total += chunk.length;
      callback();
    },
  });
  const source = Readable.from(slices(input), { objectMode: false, highWaterMark: FEED_BYTES });
  try {
    await pipeline(source, transform, sink);
  } catch (cause) {
    if (refused) throw refused;
    if (cause instanceof AppError) throw cause;
    throw errors.broken(cause);
  }
  return { bytes: into ? into.subarray(0, total) : Buffer.concat(chunks, total), crc32: crc };
}

function* slices(bytes: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += FEED_BYTES) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(FEED_BYTES, bytes.length - at));
  }
}

/** A raw deflate stream (zip method 8) with a small output chunk. */
export function rawInflater(): Transform {
  return createInflateRaw({ chunkSize: OUTPUT_CHUNK_BYTES });
}

/**
 * A gzip stream inflated under `bounds` (the ratio measured against the whole compressed
 * size, so a writer that checks its own output ratio the same way is never refused).
 */
export async function gunzipBounded(
  bytes: Uint8Array,
  bounds: InflateBounds,
  errors: { tooLarge: () => AppError; broken: (cause: unknown) => AppError },
): Promise<Buffer> {
  const cap = outputCap(bytes.length, bounds);
  const { bytes: out } = await collectBounded(bytes, createGunzip({ chunkSize: OUTPUT_CHUNK_BYTES }), cap, errors);
  return out;
}
