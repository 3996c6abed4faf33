/**
 * A press release's standing boilerplate: the legal safe-harbour section (`Forward-Looking
 * Statements`), the company's `About …` paragraph and the investor and media contacts. Every
 * release of the issuer repeats them word for word; they are about the issuer, not what the release
 * says. An earnings release prints its financial tables after them, inside the same body: the
 * tables are the release's data and stay, so the boilerplate is cut where it stands, not as a tail.
 */
import type { Block } from './blocks';
import { normaliseText } from './patterns';

/** The safe-harbour heading (`Forward-Looking Statements`, `Cautionary Note Regarding …`, `Safe Harbor Statement`). */
const SAFE_HARBOUR_HEAD_RE =
  /^(?:(?:cautionary|special) (?:note|statement|language|notice)s?(?: (?:regarding|concerning|about|on|relating to) forward[- ]looking (?:statements?|information))?|forward[- ]looking (?:statements?|information)|safe harbou?r(?: statement| provisions?)?)\s*[:.]?$/i;
/** The issuer's boilerplate heading: `About` and a name (`About Orlane Instruments`), a few words. */
const ABOUT_HEAD_RE = /^(?:About|ABOUT) (?:[A-Z0-9][\w&.,'’-]*)(?: [\w&.,'’()-]+){0,5}\s*:?$/;
/** A contact label (`Investor Contact:`, `Media Relations`, `Press contacts`). */
const CONTACT_HEAD_RE =
  /^(?:(?:investor|investors|media|press|news media|analyst)s? (?:contacts?|relations|enquiries|inquiries)|contacts?)\s*:?$/i;
/** The newswire's last line naming the issuer (`SOURCE Orlane Instruments, Inc.`). */
const WIRE_SOURCE_RE = /^SOURCE\s+\S/;

function headingLike(b: Block): boolean {
  if (/^h[2-6]$/.test(b.el.localName)) return true;
  const only = b.el.firstElementChild;
  return (
    b.el.localName === 'p' &&
    !!only &&
    only === b.el.lastElementChild &&
    /^(?:strong|b)$/.test(only.localName) &&
    normaliseText(only.textContent ?? '') === b.text
  );
}

const boilerHead = (b: Block): boolean =>
  b.len <= 120 && (SAFE_HARBOUR_HEAD_RE.test(b.text) || ABOUT_HEAD_RE.test(b.text) || CONTACT_HEAD_RE.test(b.text));
const inTable = (b: Block): boolean => b.ancestors.some((a) => a.localName === 'table');

/**
 * Drops the boilerplate run of a release: from its first section under a boilerplate heading
 * (`About …` or contacts only when a safe-harbour section is in the run, the mark of a release)
 * up to the next table or the next heading of another kind; and the wire's `SOURCE` line at the
 * end. A text that only has an `About the data` section keeps it: no safe-harbour heading.
 */
export function dropReleaseBoilerplate(body: Block[]): void {
  const harbour = body.findIndex((b, i) => i > 0 && b.len > 0 && headingLike(b) && SAFE_HARBOUR_HEAD_RE.test(b.text));
  if (harbour < 0) return;
  // Back over `About …` / contact sections just above it.
  let start = harbour;
  for (let k = harbour - 1; k > 0; k--) {
    const b = body[k]!;
    if (b.len === 0 || inTable(b)) break;
    if (headingLike(b)) {
      if (!boilerHead(b)) break;
      start = k;
    }
  }
  let end = harbour + 1;
  while (end < body.length) {
    const b = body[end]!;
    if (inTable(b) || (headingLike(b) && !boilerHead(b))) break;
    end++;
  }
  body.splice(start, end - start);
  const last = body.at(-1);
  if (last && last.len <= 120 && !inTable(last) && WIRE_SOURCE_RE.test(last.text)) body.pop();
}
