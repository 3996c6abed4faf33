/**
 * The seeded random numbers the anchoring benches draw their edits and highlights from
 * (mulberry32): the same state gives the same sequence on every machine. Each bench keeps its own
 * way of turning a seed into the first state, so its seeds still name the texts they always did.
 */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A long article made of whole pages joined by line breaks: the pages in a seeded shuffled order
 * (Fisher–Yates on `rng`), taken until `target` units are reached.
 */
export function joinedPages(rng: () => number, pages: readonly string[], target: number): string {
  const order = pages.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const parts: string[] = [];
  let len = 0;
  for (const i of order) {
    if (len >= target) break;
    parts.push(pages[i]!);
    len += pages[i]!.length + 1;
  }
  return parts.join('\n');
}

/** The median (the upper one of an even count); 0 for none. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
