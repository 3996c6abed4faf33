/**
 * Characters that stand for another character, folded to it for comparison only (offsets stay
 * those of the real text, see normalise.ts):
 * - compatibility forms whose Unicode NFKC form is one ordinary character: Kangxi radicals
 *   (⼈ U+2F08 for 人) and CJK compatibility ideographs, which text copied out of a PDF carries;
 *   that part of the table is built from String.prototype.normalize;
 * - traditional characters (國, 這, 說), compared as their simplified form, so that a passage
 *   still matches a 繁体 reprint of its article: OpenCC's one-character table, through opencc-js
 *   (its phrase tables are left out: comparison only needs one unit for one unit).
 */
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';

/** Ranges whose compatibility forms are folded: CJK radicals supplement, Kangxi radicals, compatibility ideographs. */
const COMPAT_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fdf],
  [0xf900, 0xfaff],
];

/** fold[c] = the unit `c` is compared as, or 0 when it is compared as itself. */
const table = new Uint16Array(0x10000);

// "國 国|這 这|…": a traditional character, then its simplified form(s), the usual one first.
for (const entry of traditionalToSimplified.split('|')) {
  const [from, to] = entry.split(' ');
  // Only one BMP unit for one: the comparison form keeps one unit per raw unit.
  if (from?.length === 1 && to?.length === 1 && from !== to) table[from.charCodeAt(0)] = to.charCodeAt(0);
}

for (const [from, to] of COMPAT_RANGES) {
  for (let c = from; c <= to; c++) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    if (nfkc.length !== 1 || nfkc.charCodeAt(0) === c) continue;
    // A compatibility form of a traditional character folds on to the simplified one.
    const unit = nfkc.charCodeAt(0);
    table[c] = table[unit] || unit;
  }
}

/** The character `c` (a UTF-16 unit) is compared as. */
export function variantOf(c: number): number {
  return table[c] || c;
}
