/**
 * A mail message read as a page (a list archive's message, a forum post written as mail): its
 * signature after the `-- ` line is the sender's standing card, not the message; the replies shown
 * under it, each opening by quoting the message with `>` marks, are other people's posts; the
 * archive's vote counters (`+1 (5) -1 (0)`) are its widget.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';

/** The signature delimiter on a line of its own (`-- `, RFC 3676), then the card: a few short lines. */
const SIGNATURE_RE = /^\s*--[ \u00a0]?(?:\n|<br\b)/i;
const SIGNATURE_MAX_CHARS = 300;
/** A line of vote counters only (`+1 (5) -1 (0)`, `+1 (1)`). */
const VOTE_COUNTS_RE = /^(?:[+\-−–]\s?1\s*\(\s*\d+\s*\)\s*)+$/;
/** A line quoted with mail marks (`> For the last two years …`). */
const QUOTED_RE = /^(?:>|&gt;)\s?\S/;

const words = (s: string): string =>
  s
    .replace(/(?:^|\s)>+/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The block's highest ancestor that holds none of the blocks before it. */
function ownBox(b: Block, before: Block[]): Element | null {
  let box: Element | null = null;
  for (const a of b.ancestors) {
    if (before.some((x) => a.contains(x.el))) break;
    box = a;
  }
  return box;
}

function headingLike(b: Block): boolean {
  return /^h[2-6]$/.test(b.el.localName) && b.len <= 60;
}

export function dropMailTail(body: Block[]): void {
  for (let i = body.length - 1; i >= 0; i--) {
    const b = body[i]!;
    if (b.len > 0 && b.len <= 60 && VOTE_COUNTS_RE.test(b.text)) body.splice(i, 1);
  }
  // Replies: a later box that opens by quoting, with `>` marks, words of the text above it.
  for (let i = 1; i < body.length; i++) {
    const b = body[i]!;
    if (!QUOTED_RE.test(b.text)) continue;
    const before = body.slice(0, i);
    const quoted = words(b.text);
    if (quoted.length < 20 || !before.some((x) => words(x.text).includes(quoted.slice(0, 60)))) continue;
    const box = ownBox(
      b,
      before.filter((x) => x.len > 0),
    );
    if (!box || box === b.el) continue;
    let from = i;
    // Its heading (`Replies`) just above the box goes with it.
    if (from > 0 && headingLike(body[from - 1]!) && !box.contains(body[from - 1]!.el)) from--;
    let to = i;
    while (to < body.length && box.contains(body[to]!.el)) to++;
    body.splice(from, to - from);
    i = from - 1;
  }
  // The signature: the delimiter line and the card under it, the message's last block.
  for (let i = body.length - 1; i > 0; i--) {
    const b = body[i]!;
    if (b.len > SIGNATURE_MAX_CHARS || !SIGNATURE_RE.test(b.rawHtml)) continue;
    const next = body[i + 1];
    if (next && next.el.parentElement === b.el.parentElement) continue;
    body.splice(i, 1);
  }
}
