/**
 * Whether one UTF-16 unit is a letter or a digit: exactly /[\p{L}\p{N}]/u tested on that unit
 * alone (a surrogate half is neither), answered from a table filled on first use of each unit.
 * The words-only forms of a long text (ownpara.ts, spoken.ts) test every unit of it once per
 * re-anchoring, and a regular expression per unit cost more than the rest of building them.
 */
const WORD = /[\p{L}\p{N}]/u;

/** known[c]: 0 not yet tested, 1 a letter or digit, 2 neither. */
const known = new Uint8Array(0x10000);

export function isLetterOrDigitUnit(code: number): boolean {
  const k = known[code];
  if (k === 1) return true;
  if (k === 2) return false;
  const word = WORD.test(String.fromCharCode(code));
  if (code >= 0 && code <= 0xffff) known[code] = word ? 1 : 2;
  return word;
}
