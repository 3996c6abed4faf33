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
