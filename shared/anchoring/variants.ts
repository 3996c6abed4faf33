/**
 * Characters that stand for another character on screen, folded to it for comparison only
 * (offsets stay those of the real text, see normalise.ts):
 * - compatibility forms whose Unicode NFKC form is one ordinary character: Kangxi radicals
 *   (⼈ U+2F08 for 人) and CJK compatibility ideographs, which text copied out of a PDF carries;
 *   the table is built from String.prototype.normalize, not written by hand.
 */

/** Ranges whose compatibility forms are folded: CJK radicals supplement, Kangxi radicals, compatibility ideographs. */
const COMPAT_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fdf],
  [0xf900, 0xfaff],
];

/** fold[c] = the unit `c` is compared as, or 0 when it is compared as itself. */
const table = new Uint16Array(0x10000);

for (const [from, to] of COMPAT_RANGES) {
  for (let c = from; c <= to; c++) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    // Only a single unit for a single unit: the comparison form keeps one unit per raw unit.
    if (nfkc.length === 1 && nfkc.charCodeAt(0) !== c) table[c] = nfkc.charCodeAt(0);
  }
}

/** The character `c` (a UTF-16 unit) is compared as. */
export function variantOf(c: number): number {
  return table[c] || c;
}
