/**
 * A numbered thread on a social or forum page: one writer's posts, each closing with its place in
 * the thread (`… (1/7)`, `… 2/7`), set among other people's replies as sibling posts of one feed.
 * The thread is the article: every numbered post is its text; the other posts beside them (replies,
 * the writer's own later unnumbered answers) are conversation under it.
 */
import type { Block } from './blocks';
import type { Element } from '../parsed-dom';

/** A post's place in its thread at the end of its text: `(3/7)`, `3/7`, `[3/7]`. */
const COUNTER_RE = /[([]?\b(\d{1,3})\s*\/\s*(\d{1,3})[)\]]?$/;
/** How far up from the article root a post may stand. */
const POST_LEVELS = 6;
/** Fewer numbered posts than this is no thread (a two-part note, a fraction ending a line). */
const MIN_NUMBERED = 3;

export interface NumberedThread {
  /** In each numbered post but the root's own, the element standing where the root stands in its post. */
  parts: Element[];
  /** The unnumbered posts beside them: replies. */
  replies: Element[];
}

/**
 * The thread the article root `top` belongs to, or null: `top` lies in one of several sibling
 * posts (same tag, one parent), and at least three of them, the first post of the count among
 * them and `top`'s own post too, end a block with a counter of the same total.
 */
export function numberedThread(top: Element, blocks: Block[]): NumberedThread | null {
  let post: Element | null = top;
  for (let level = 0; post && level < POST_LEVELS; level++, post = post.parentElement) {
    const parent: Element | null = post.parentElement;
    if (!parent) return null;
    const posts = Array.from(parent.children).filter((c) => c.localName === post!.localName);
    if (posts.length < MIN_NUMBERED) continue;
    const thread = threadOf(top, post, posts, blocks);
    if (thread) return thread;
  }
  return null;
}

function threadOf(top: Element, own: Element, posts: Element[], blocks: Block[]): NumberedThread | null {
  // Each post's counter (of its last counted block) and that block.
  const counted = new Map<Element, { k: number; n: number; b: Block }>();
  const index = new Map<Element, Element>();
  for (const p of posts) index.set(p, p);
  for (const b of blocks) {
    const m = b.len > 0 ? COUNTER_RE.exec(b.text) : null;
    if (!m) continue;
    const p = b.ancestors.find((a) => index.has(a));
    if (!p) continue;
    const k = Number(m[1]);
    const n = Number(m[2]);
    if (k >= 1 && k <= n && n >= MIN_NUMBERED) counted.set(p, { k, n, b });
  }
  const own_ = counted.get(own);
  if (!own_) return null;
  const numbered = posts.filter((p) => counted.get(p)?.n === own_.n);
  const places = new Set(numbered.map((p) => counted.get(p)!.k));
  if (numbered.length < MIN_NUMBERED || !places.has(1) || places.size < numbered.length) return null;
  const parts: Element[] = [];
  for (const p of numbered) {
    if (p === own) continue;
    const b = counted.get(p)!.b;
    // The element of the same tag and class as the root, else the counted block's own box.
    const twin = b.ancestors.find((a) => p.contains(a) && a !== p && sameKind(a, top));
    parts.push(twin ?? b.el.parentElement ?? b.el);
  }
  return { parts, replies: posts.filter((p) => !counted.has(p) || counted.get(p)!.n !== own_.n) };
}

function sameKind(a: Element, b: Element): boolean {
  return a.localName === b.localName && (a.getAttribute('class') ?? '') === (b.getAttribute('class') ?? '');
}

/** Two different boxes of one kind: the same tag and the same (non-empty) class. */
export function sameClassBox(a: Element, b: Element | null): boolean {
  return b !== null && a !== b && (a.getAttribute('class') ?? '').trim() !== '' && sameKind(a, b);
}
