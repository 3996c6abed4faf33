/**
 * A response body read under a size cap, for every client main has (sync, channels): refused
 * from its Content-Length when that already says too much, otherwise counted while it streams
 * and cancelled the moment it passes the cap, so a huge answer never sits in memory.
 */
export interface CappedErrors {
  /** The body is over the cap. */
  tooLarge(): Error;
  /** The stream broke (connection lost, timeout, cancel). */
  broken(cause: unknown): Error;
}

export async function readCapped(res: Response, cap: number, errors: CappedErrors): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    throw errors.tooLarge();
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let part: Awaited<ReturnType<typeof reader.read>>;
    try {
      part = await reader.read();
    } catch (error) {
      throw errors.broken(error);
    }
    if (part.done) break;
    total += part.value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw errors.tooLarge();
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks);
}
