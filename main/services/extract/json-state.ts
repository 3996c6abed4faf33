/**
 * The article a page carries only as data for its scripts: an app's share page (学习强国-like:
 * `window.__DETAIL_DATA__ = {…}`), a Next.js `__NEXT_DATA__`, `window.__INITIAL_STATE__ = {…}`,
 * `<script type="application/json">`, JSON-LD with an `articleBody`. The markup of such a page
 * is a download bar and a loading line; extract.ts asks here only when the body it found holds
 * no article.
 *
 * How: take each script's JSON literal (the whole text of a JSON script; the object or array
 * after `name =` or inside `JSON.parse("…")` in an inline script), JSON.parse it (nothing is
 * evaluated), walk it and keep the object with a title-like field and a content-like field of
 * real prose (HTML or text). Its date (epoch seconds or ms, or a date string), 来源, 作者 and
 * 责任编辑 fields come with it. Bounded: scripts over MAX_SCRIPT_CHARS are skipped, at most
 * MAX_TOTAL_CHARS are parsed, and the walk stops after MAX_NODES values or MAX_DEPTH levels.
 */
import { findTime, parseDateValue, chinaDateOf } from '../../../shared/dates';

export interface ScriptText {
  /** The script's `type` attribute, lower case ('' when none). */
  type: string;
  id: string;
  text: string;
}

export interface StateArticle {
  title: string;
  /** The body as HTML: the field's own markup, or paragraphs made from its plain text. */
  html: string;
  publishedAt: string | null;
  publishedTime: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  /** Characters of prose in the body (tags stripped). */
  prose: number;
}

const MAX_SCRIPT_CHARS = 3_000_000;
const MAX_TOTAL_CHARS = 6_000_000;
const MAX_NODES = 200_000;
const MAX_DEPTH = 40;
/** Less than this is no article (a summary, a teaser of a related item). */
const MIN_PROSE = 60;

/** Field names, lower case without `_`/`-`. */
const TITLE_KEYS = ['title', 'headline', 'articletitle', 'newstitle', 'doctitle', 'maintitle', 'contenttitle', '标题'];
const CONTENT_KEYS = new Set([
  'content',
  'contents',
  'html',
  'body',
  'text',
  'articlebody',
  'articlecontent',
  'contenthtml',
  'htmlcontent',
  'bodyhtml',
  'richtext',
  'detail',
  'newscontent',
  'maintext',
  'txt',
  'normalizedcontent',
  '正文',
  '内容',
]);
const DATE_KEYS = [
  'publishtime',
  'pubtime',
  'publishdate',
  'pubdate',
  'publishedat',
  'publishedtime',
  'datepublished',
  'publishat',
  'releasetime',
  'releasedate',
  'showtime',
  'onlinetime',
  'published',
  'createtime',
  'createdat',
  'createdate',
  'ctime',
  'date',
  'time',
  '发布时间',
  '发布日期',
];
const ORIGIN_KEYS = ['source', 'sourcename', 'sourcefrom', 'copyfrom', 'origin', 'originname', 'medianame', 'media', '来源'];
const AUTHOR_KEYS = ['author', 'authorname', 'authors', 'writer', '作者'];
const EDITOR_KEYS = ['editor', 'editorname', 'responsibleeditor', '责任编辑', '编辑'];

const keyOf = (k: string): string => k.toLowerCase().replace(/[-_]/g, '');

/** One JSON literal of a script and, once asked for, what JSON.parse made of it (NOT_JSON when it threw). */
export interface Literal {
  text: string;
  value?: unknown;
}
const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * Each script's literals, found and parsed once however many readers ask (articleFromScripts,
 * stateDate, galleryFromScripts on one page): keyed by the ScriptText object, so it lives as long
 * as the caller's list for one document does. Cost only: the readers never change the values.
 */
const literalsSeen = new WeakMap<ScriptText, Literal[]>();

export function scriptLiterals(s: ScriptText): Literal[] {
  let out = literalsSeen.get(s);
  if (!out) literalsSeen.set(s, (out = literals(s).map((text) => ({ text }))));
  return out;
}

/** The literal's parsed value (parsed on first need, then kept), or NOT_JSON. */
export function literalValue(lit: Literal): unknown {
  if (!('value' in lit)) {
    try {
      lit.value = JSON.parse(lit.text) as unknown;
    } catch {
      lit.value = NOT_JSON; // not JSON (a function, `undefined`, a regex): nothing is evaluated
    }
  }
  return lit.value;
}

/** The JSON literals of one script: its whole text, or the values assigned in it. */
function literals(s: ScriptText): string[] {
  const text = s.text.trim();
  if (!text || text.length > MAX_SCRIPT_CHARS) return [];
  if (/json/.test(s.type) || s.id === '__NEXT_DATA__') return [text];
  if (s.type && !/javascript|ecmascript|module|^text\/babel$/.test(s.type)) return [];
  const out: string[] = [];
  // `X = {` / `X = [` / `X = JSON.parse("…")` at a statement's start (not `a == {`).
  const assign = /(?:^|[;,{}\s])(?:window\.|self\.|globalThis\.|var\s+|let\s+|const\s+)?[\w$.[\]'"]+\s*=\s*(JSON\.parse\(\s*)?(?=[{["'])/g;
  for (let m = assign.exec(text); m && out.length < 16; m = assign.exec(text)) {
    const start = m.index + m[0].length;
    const end = literalEnd(text, start);
    if (end < 0) continue;
    let lit = text.slice(start, end);
    if (m[1]) {
      if (!/^["']/.test(lit)) continue;
      // JSON.parse("{\"a\":1}"): the string's own value is the JSON.
      try {
        const inner = JSON.parse(lit[0] === "'" ? doubleQuoted(lit) : lit) as unknown;
        if (typeof inner !== 'string') continue;
        lit = inner;
      } catch {
        continue;
      }
    } else if (!/^[{[]/.test(lit)) continue;
    out.push(lit);
    assign.lastIndex = end;
  }
  // `key: JSON.parse("…")` inside an object literal that is itself no JSON (unquoted keys, calls):
  // the string's own value is JSON all the same.
  const parsed = /[:,(]\s*JSON\.parse\(\s*(?=["'])/g;
  for (let m = parsed.exec(text); m && out.length < 16; m = parsed.exec(text)) {
    const start = m.index + m[0].length;
    const end = literalEnd(text, start);
    if (end < 0) continue;
    const lit = text.slice(start, end);
    try {
      const inner = JSON.parse(lit[0] === "'" ? doubleQuoted(lit) : lit) as unknown;
      if (typeof inner === 'string' && /^\s*[{[]/.test(inner) && !out.includes(inner)) out.push(inner);
    } catch {
      /* not a string literal JSON.parse can read */
    }
    parsed.lastIndex = end;
  }
  return out;
}

/** A single-quoted JS string literal as a JSON string literal (`'{"a":1}'` → `"{\\"a\\":1}"`). */
function doubleQuoted(lit: string): string {
  let out = '"';
  for (let i = 1; i < lit.length - 1; i++) {
    const c = lit[i]!;
    if (c === '\\') {
      const n = lit[++i] ?? '';
      out += n === "'" ? "'" : `\\${n}`;
    } else out += c === '"' ? '\\"' : c;
  }
  return `${out}"`;
}

/** Where the JSON value (object, array or string) starting at `start` ends; -1 if it does not. */
function literalEnd(text: string, start: number): number {
  const open = text[start];
  if (open === '"' || open === "'") {
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === open) return i + 1;
    }
    return -1;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

interface Candidate {
  title: string;
  body: string;
  prose: number;
  obj: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of a body field with tags and entities out, for measuring prose. */
function plain(s: string): string {
  return s
    .replace(/<(?:script|style)\b[^]*?<\/(?:script|style)>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:nbsp|#160|#xa0);/gi, ' ')
    .replace(/&[a-z#0-9]+;/gi, '');
}

function proseOf(body: string): number {
  const t = plain(body);
  const sentences = (t.match(/[。！？；.!?;]/g) ?? []).length;
  if (sentences < 2) return 0;
  return (t.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

/** A string field, one level into an object (`content: { html: "…" }`, `source: { name: "…" }`). */
function stringField(obj: Record<string, unknown>, keys: readonly string[] | ReadonlySet<string>, inner = false): string | null {
  for (const [k, v] of Object.entries(obj)) {
    const key = keyOf(k);
    const named = Array.isArray(keys) ? (keys as readonly string[]).includes(key) : (keys as ReadonlySet<string>).has(key);
    if (!named) continue;
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (inner && isObject(v)) {
      for (const sub of ['html', 'content', 'text', 'value', 'name', 'title']) {
        const s = v[sub];
        if (typeof s === 'string' && s.trim()) return s.trim();
      }
    }
    if (inner && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return (v as string[]).join('\n');
  }
  return null;
}

function titleOf(obj: Record<string, unknown>): string | null {
  // Each key folded once, not once per wanted name (a page's state has thousands of objects).
  const entries = Object.entries(obj);
  const keys = entries.map(([k]) => keyOf(k));
  for (const want of TITLE_KEYS) {
    for (let i = 0; i < entries.length; i++) {
      const v = entries[i]![1];
      if (keys[i] !== want || typeof v !== 'string') continue;
      const t = plain(v)
        .replace(/\s+/g, (w) => (/^\u3000+$/.test(w) ? '\u3000' : ' '))
        .trim();
      const n = (t.match(/[\p{L}\p{N}]/gu) ?? []).length;
      if (n >= 2 && t.length <= 200) return t;
    }
  }
  return null;
}

/** Every object with a title and a body of prose, walked breadth-first within the bounds. */
function candidates(root: unknown, budget: { nodes: number }): Candidate[] {
  const found: Candidate[] = [];
  const queue: [unknown, number][] = [[root, 0]];
  for (let q = 0; q < queue.length; q++) {
    const [v, depth] = queue[q]!;
    if (--budget.nodes < 0) break;
    if (Array.isArray(v)) {
      if (depth < MAX_DEPTH && queue.length < MAX_NODES)
        for (const x of v) if (typeof x === 'object' && x !== null) queue.push([x, depth + 1]);
      continue;
    }
    if (!isObject(v)) continue;
    const title = titleOf(v);
    const body = title ? stringField(v, CONTENT_KEYS, true) : null;
    if (title && body) {
      const prose = proseOf(body);
      if (prose >= MIN_PROSE) found.push({ title, body, prose, obj: v });
    }
    if (depth < MAX_DEPTH && queue.length < MAX_NODES)
      for (const x of Object.values(v)) if (typeof x === 'object' && x !== null) queue.push([x, depth + 1]);
  }
  return found;
}

/** A date field: epoch seconds or milliseconds (number or digits), or a date string. */
function dateOf(obj: Record<string, unknown>): { date: string; time: string | null } | null {
  for (const want of DATE_KEYS) {
    for (const [k, v] of Object.entries(obj)) {
      if (keyOf(k) !== want) continue;
      const digits =
        typeof v === 'number' ? String(Math.trunc(v)) : typeof v === 'string' && /^\d{10}(?:\d{3})?$/.test(v.trim()) ? v.trim() : null;
      if (digits && /^\d{10}(?:\d{3})?$/.test(digits)) {
        const ms = Number(digits) * (digits.length === 10 ? 1000 : 1);
        const date = chinaDateOf(ms);
        if (!date || date < '1995') continue;
        const t = new Date(ms + 8 * 3600 * 1000);
        const time = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
        return { date, time };
      }
      if (typeof v === 'string' && v.length <= 60) {
        const date = parseDateValue(v, { asWritten: true });
        if (date) return { date, time: findTime(v) };
      }
    }
  }
  return null;
}

/** A 来源/作者/编辑 value without its label (`来源：示例日报`, `责任编辑：冯远`). */
function labelled(v: string | null, label: RegExp): string | null {
  if (!v) return null;
  const t = plain(v)
    .replace(label, '')
    .replace(/^[\s:：]+|\s+$/g, '')
    .replace(/\s+/g, ' ');
  return t && t.length <= 40 ? t : null;
}

const BLOCK_HTML_RE = /<(?:p|div|br|h[1-6]|section|article|ul|ol|li|table|blockquote|img|figure|span|strong|b)\b/i;

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The body as HTML: markup as given (scripts and styles out), plain text as paragraphs. */
function bodyHtml(body: string): string {
  if (BLOCK_HTML_RE.test(body))
    return body.replace(/<(script|style|iframe|noscript)\b[^]*?<\/\1\s*>/gi, '').replace(/<\/?(?:script|style)\b[^>]*>/gi, '');
  return body
    .split(/\r?\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escape(l)}</p>`)
    .join('');
}

/**
 * The article in the page's script data, or null when there is none. With several candidates,
 * the one whose title the page names (`<title>`, og:title) wins; otherwise only one much longer
 * than the rest counts (a list of articles names none of them as the page's own).
 */
export function articleFromScripts(scripts: readonly ScriptText[], pageTitles: readonly string[]): StateArticle | null {
  let total = 0;
  const budget = { nodes: MAX_NODES };
  const found: Candidate[] = [];
  for (const s of scripts) {
    for (const lit of scriptLiterals(s)) {
      if ((total += lit.text.length) > MAX_TOTAL_CHARS) break;
      const value = literalValue(lit);
      if (value === NOT_JSON) continue;
      found.push(...candidates(value, budget));
    }
    if (total > MAX_TOTAL_CHARS || budget.nodes < 0) break;
  }
  if (found.length === 0) return null;
  // The same article is often held twice (a store and a cache): one per title and body.
  const distinct = new Map<string, Candidate>();
  for (const c of found) {
    const key = `${c.title}\u0000${c.prose}`;
    if (!distinct.has(key)) distinct.set(key, c);
  }
  const list = [...distinct.values()].sort((a, b) => b.prose - a.prose);
  const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
  const named = pageTitles.map(squash).filter((t) => t.length >= 2);
  let best = list.find((c) => named.some((t) => t.includes(squash(c.title)))) ?? null;
  if (!best) {
    const titles = new Set(list.map((c) => c.title));
    if (titles.size > 1 && list[0]!.prose < list[1]!.prose * 2) return null;
    best = list[0]!;
  }
  const when = dateOf(best.obj);
  return {
    title: best.title,
    html: bodyHtml(best.body),
    publishedAt: when?.date ?? null,
    publishedTime: when?.time ?? null,
    origin: labelled(stringField(best.obj, ORIGIN_KEYS, true), /^\s*(?:(?:文章|稿件|信息)?来\s*源|稿\s*源)\s*[:：]?/),
    author: labelled(stringField(best.obj, AUTHOR_KEYS, true), /^\s*作\s*者\s*[:：]?/),
    editor: labelled(stringField(best.obj, EDITOR_KEYS, true), /^\s*(?:责任编辑|责\s*编|编\s*辑)\s*[:：]?/),
    prose: best.prose,
  };
}

/**
 * The publication date the page's script data gives its own article, for a page that shows none
 * (a news aggregator's topic page shows `昨天`; its `__INITIAL_STATE__` holds the topic with its
 * `publishDate`). The article is the object whose title is one the page states (`<title>`,
 * og:title, the heading we took), spaces aside; a related item's object names another title.
 * Within the same bounds as articleFromScripts; breadth first, so the page's own record comes
 * before a copy of it nested in a list.
 */
export function stateDate(scripts: readonly ScriptText[], pageTitles: readonly (string | null)[]): string | null {
  const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
  const named = pageTitles
    .filter((t): t is string => !!t)
    .map(squash)
    .filter((t) => countLetters(t) >= 6);
  if (named.length === 0) return null;
  return firstInScripts(scripts, (obj) => {
    const title = titleOf(obj);
    const t = title ? squash(title) : '';
    if (countLetters(t) >= 6 && named.some((n) => n === t || n.includes(t))) return dateOf(obj)?.date;
    return undefined;
  });
}

/**
 * The first answer `visit` gives for an object (not an array) in the scripts' JSON literals,
 * breadth first within each literal, within the bounds of articleFromScripts (characters read,
 * nodes visited, depth). Null when none answers or a bound is reached.
 */
function firstInScripts<T>(
  scripts: readonly ScriptText[],
  visit: (obj: Record<string, unknown>, children: unknown[]) => T | null | undefined,
): T | null {
  let total = 0;
  const budget = { nodes: MAX_NODES };
  for (const s of scripts) {
    for (const lit of scriptLiterals(s)) {
      if ((total += lit.text.length) > MAX_TOTAL_CHARS) return null;
      const value = literalValue(lit);
      if (value === NOT_JSON) continue;
      const queue: [unknown, number][] = [[value, 0]];
      for (let q = 0; q < queue.length; q++) {
        const [v, depth] = queue[q]!;
        if (--budget.nodes < 0) return null;
        if (typeof v !== 'object' || v === null) continue;
        const children = Array.isArray(v) ? v : Object.values(v);
        if (!Array.isArray(v)) {
          const found = visit(v as Record<string, unknown>, children);
          if (found !== null && found !== undefined) return found;
        }
        if (depth < MAX_DEPTH && queue.length < MAX_NODES)
          for (const x of children) if (typeof x === 'object' && x !== null) queue.push([x, depth + 1]);
      }
    }
  }
  return null;
}

const countLetters = (s: string): number => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** A picture's address: an absolute or protocol-relative URL, or a path ending in an image type. */
const PICTURE_URL_RE = /^(?:https?:)?\/\/\S+$|\.(?:jpe?g|png|gif|webp|bmp)(?:[?#]\S*)?$/i;

export interface GalleryItem {
  caption: string;
  /** The picture's address when its record gives one (a `url` field or the item itself). */
  src: string | null;
}

/** A picture record's address: the item itself when a string, else its `url`/`src` field. */
function pictureSrc(x: unknown): string | null {
  const v = typeof x === 'string' ? x : isObject(x) ? (x.url ?? x.src ?? x.uri) : null;
  return typeof v === 'string' && PICTURE_URL_RE.test(v.trim()) ? v.trim() : null;
}

/**
 * A picture gallery (图集) that shows one picture and its caption at a time: the captions of all
 * its pictures are the page's script data, an array of strings beside an array of as many
 * pictures (records or addresses) in the same object. `shown` is the caption the markup shows
 * (a counter such as `1/10` already taken off); the gallery whose captions include it, spaces
 * aside, gives every caption in order, each with its picture. Null when no such array holds it.
 * Within the same bounds as articleFromScripts.
 */
export function galleryFromScripts(scripts: readonly ScriptText[], shown: string): GalleryItem[] | null {
  const squash = (s: string): string => plain(s).replace(/[\s\u3000]+/g, '');
  const want = squash(shown);
  if (countLetters(want) < 10) return null;
  return firstInScripts(scripts, (_obj, children) => {
    const arrays = children.filter((x): x is unknown[] => Array.isArray(x) && x.length >= 2);
    for (const captions of arrays) {
      if (!captions.every((x) => typeof x === 'string') || !captions.some((x) => squash(x as string) === want)) continue;
      const pictures = arrays.find((a) => a !== captions && a.length === captions.length && a.every((x) => pictureSrc(x) !== null));
      if (!pictures) continue;
      return captions
        .map((c, i) => ({
          caption: plain(c as string)
            .replace(/\s+/g, ' ')
            .trim(),
          src: pictureSrc(pictures[i]),
        }))
        .filter((g) => g.caption !== '' || g.src !== null);
    }
    return undefined;
  });
}
