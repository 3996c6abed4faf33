/**
 * A passage that opens with a speaker's attribution (王某说：“…。”, at a clause's start) holds the
 * speaker among its own words. An edition moves the attribution behind the quotation (“…，”王某说。),
 * splits the quotation with it (“A，”王某说，“B。”) or rewrites it (王某表示，…), but keeps the
 * speaker: the name, or at least a verb of saying, still stands at or beside the passage's words.
 *
 * Where the same words are printed again without any attribution (a page printed twice in a long
 * read, only one printing made into quoted speech; a digest repeating the sentence bare), that
 * other printing matches the quote minus its first few units with the whole stored context around
 * it, and a search takes it, while the passage's own printing, split by its attribution, reads
 * worse. A placement whose paragraph holds neither the speaker's name nor a verb of saying is such
 * a printing: an orphan (the reader re-attaches it), never the words of another printing.
 */
import type { Anchor, TextSelector } from './types';

/**
 * The attribution at a quote's head: a name or pronoun of up to six units, a verb of saying, a
 * colon and an opening quotation mark (王某说：“). Only quoted speech: a spoken filler (就是说，)
 * or a clause (他表示，…) names no speaker whose words follow, and a transcript's edit drops it.
 */
const ATTRIBUTION_HEAD = /^([^\n。！？；，：“”「」]{1,6}?)(说|表示|指出|强调|称)[：:][ \t\u3000]*[“「]/u;
/** Verbs of saying, as an edition may write the attribution again. */
const SAYING = /说|表示|指出|强调|称/u;

/** The speaker's name when the quote opens with an attribution at a clause's start, else null. */
export function openingSpeaker(s: TextSelector): string | null {
  const before = s.prefix.replace(/[ \t\u3000]+$/u, '');
  const clauseStart = before.length === 0 ? s.start === s.prefix.length : /[\n。！？；”」]$/u.test(before);
  if (!clauseStart) return null;
  const m = ATTRIBUTION_HEAD.exec(s.exact);
  return m ? m[1]!.trim() : null;
}

/**
 * Whether placement `a` in `text` (raw) is of a passage opening with a speaker's attribution and
 * the paragraph the placement starts in holds neither the name nor a verb of saying. The whole
 * paragraph is read: an attribution moved behind the quotation stands after its last words, which
 * a highlight of its opening words does not reach. Only the first paragraph: a placement running
 * over a break reaches the next paragraph's own speech.
 */
export function speakerGone(text: string, s: TextSelector, a: Anchor): boolean {
  const name = openingSpeaker(s);
  if (name === null) return false;
  const lineStart = text.lastIndexOf('\n', a.start - 1) + 1;
  const lineEnd = text.indexOf('\n', a.start);
  const paragraph = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  return !paragraph.includes(name) && !SAYING.test(paragraph);
}
