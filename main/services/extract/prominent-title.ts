/**
 * The title of a page that names none (an empty <title>, no heading element): a document saved as
 * HTML (WPS/Word export) or converted from a PDF (pdf2htmlEX, one positioned div per printed
 * line). A reader finds it as the first line or lines set larger than the text, above the text:
 * not the red masthead (红头 `…文件`, `工作简报`), nor the 文号 or 期号 in the text's own size.
 */
import type { Document, Element } from '../parsed-dom';
import { isDateOnly } from '../../../shared/dates';
import { classProperty, classRules } from './class-rules';
import { isMetaLine, normaliseText } from './patterns';

/** What this module reads of an extractor block. */
export interface TitleLine {
  index: number;
  text: string;
  raw: string;
  len: number;
  punct: number;
  el: Element;
  negative: boolean;
  boiler: boolean;
}

interface Look {
  /** Font size in CSS px, null where nothing states it. */
  size: number | null;
  red: boolean;
}

/** A line set at least this much larger than the text is a heading. */
const LARGER = 1.2;
/** A title is short: a longer run is a paragraph set large. */
const MAX_TITLE_CHARS = 80;

const FONT_SIZE_RE = /(?:^|[;{\s])font-size\s*:\s*([\d.]+)\s*(pt|px)\b/i;
const COLOUR_RE = /(?:^|[;{\s])color\s*:\s*(#[0-9a-f]{3}\b|#[0-9a-f]{6}\b|rgba?\([^)]*\)|red)/i;
/** <font size=1..7> in px, as browsers map it. */
const FONT_TAG_PX = [0, 10, 13, 16, 18, 24, 32, 48];

type Rule = { size?: number; sizeAt?: number; colour?: string; colourAt?: number };

/**
 * The font size and colour the page's single-class rules give each class (`.fs4{…}`), each with
 * its place in the sheets: of two classes on one element, the later rule wins.
 */
function lookRules(doc: Document): Map<string, Rule> {
  const rules = classRules(doc);
  const out = new Map<string, Rule>();
  for (const cls of rules.keys()) {
    const rule: Rule = {};
    const size = classProperty(rules, cls, FONT_SIZE_RE);
    if (size) [rule.size, rule.sizeAt] = [px(size.match[1]!, size.match[2]!), size.order];
    const colour = classProperty(rules, cls, COLOUR_RE);
    if (colour) [rule.colour, rule.colourAt] = [colour.match[1]!, colour.order];
    out.set(cls, rule);
  }
  return out;
}

function px(value: string, unit: string): number {
  const n = Number(value);
  return unit.toLowerCase() === 'pt' ? (n * 4) / 3 : n;
}

function isRed(colour: string): boolean {
  const c = colour.trim().toLowerCase();
  let rgb: number[] | null = null;
  if (c === 'red') return true;
  if (c.startsWith('#')) {
    const h = c.slice(1);
    const parts = h.length === 3 ? [...h].map((x) => x + x) : [h.slice(0, 2), h.slice(2, 4), h.slice(4, 6)];
    rgb = parts.map((x) => parseInt(x, 16));
  } else {
    const m = /rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/.exec(c);
    if (m) rgb = [m[1]!, m[2]!, m[3]!].map(Number);
  }
  return rgb !== null && rgb[0]! >= 180 && rgb[1]! <= 90 && rgb[2]! <= 90;
}

/** The size and colour one element states itself (style attribute, <font>, its classes). */
function ownLook(el: Element, rules: ReturnType<typeof lookRules>): { size?: number; colour?: string } {
  const out: { size?: number; colour?: string } = {};
  const style = el.getAttribute('style') ?? '';
  const size = FONT_SIZE_RE.exec(style);
  if (size) out.size = px(size[1]!, size[2]!);
  const colour = COLOUR_RE.exec(style);
  if (colour) out.colour = colour[1]!;
  if (el.localName === 'font') {
    const n = Number(el.getAttribute('size'));
    if (out.size === undefined && Number.isInteger(n) && n >= 1 && n <= 7) out.size = FONT_TAG_PX[n];
    out.colour ??= el.getAttribute('color') ?? undefined;
  }
  let sizeAt = -1;
  let colourAt = -1;
  const inline = { size: out.size !== undefined, colour: out.colour !== undefined };
  for (const cls of (el.getAttribute('class') ?? '').split(/\s+/)) {
    const rule = cls ? rules.get(cls) : undefined;
    if (!rule) continue;
    if (!inline.size && rule.size !== undefined && rule.sizeAt! > sizeAt) [out.size, sizeAt] = [rule.size, rule.sizeAt!];
    if (!inline.colour && rule.colour !== undefined && rule.colourAt! > colourAt) [out.colour, colourAt] = [rule.colour, rule.colourAt!];
  }
  return out;
}

/**
 * How a line looks: the size and colour of the element that holds most of its text (a span of
 * the whole line inside a Word paragraph), or else what the line's element or its nearest
 * ancestors state.
 */
function lineLook(line: TitleLine, rules: ReturnType<typeof lookRules>): Look {
  let size: number | null = null;
  let colour: string | null = null;
  let held = -1;
  for (const el of [line.el, ...Array.from(line.el.querySelectorAll('*'))]) {
    const look = ownLook(el, rules);
    if (look.size === undefined && look.colour === undefined) continue;
    const chars = normaliseText(el.textContent ?? '').length;
    if (chars === 0 || chars < held) continue;
    if (chars > held) {
      size = null;
      colour = null;
    }
    // The innermost element of the most text states what is shown.
    size = look.size ?? size;
    colour = look.colour ?? colour;
    held = chars;
  }
  for (let el = line.el.parentElement, up = 0; el && up < 3 && (size === null || colour === null); el = el.parentElement, up++) {
    const look = ownLook(el, rules);
    size ??= look.size ?? null;
    colour ??= look.colour ?? null;
  }
  return { size, red: colour !== null && isRed(colour) };
}

/** A masthead's name: `某某局文件`, `工 作 简 报` (a title says what it is about: 关于…). */
function isMasthead(text: string): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  return t.length <= 30 && !/^关于/.test(t) && /(?:文件|简报|专报|快报|通讯|动态)$/.test(t);
}

/** A paragraph of the text: the title stands above the first one. */
function isProseLine(line: TitleLine): boolean {
  return line.len >= 40 && line.punct >= 2;
}

/**
 * The title lines of a page without a stated title, or null: the largest lines above the text,
 * set at least a fifth larger than it, joined when the title is printed over consecutive lines of
 * the same size. Returns the title and the indexes of its first and last line.
 */
export function prominentTitle(doc: Document, lines: readonly TitleLine[]): { title: string; first: number; last: number } | null {
  const rules = lookRules(doc);
  const visible = lines.filter((l) => l.len > 0 && !l.negative && !l.boiler);
  // The text's own size: what most characters of its paragraphs are set in.
  const bySize = new Map<number, number>();
  for (const l of visible) {
    if (!isProseLine(l) && l.len < 20) continue;
    const { size } = lineLook(l, rules);
    if (size !== null) bySize.set(Math.round(size), (bySize.get(Math.round(size)) ?? 0) + l.len);
  }
  if (bySize.size === 0) return null;
  const base = [...bySize].sort((a, b) => b[1] - a[1])[0]![0];

  let best: { at: number; size: number } | null = null;
  const looks = new Map<number, Look>();
  for (let i = 0; i < visible.length; i++) {
    const l = visible[i]!;
    if (isProseLine(l)) break;
    const look = lineLook(l, rules);
    looks.set(i, look);
    if (look.size === null || look.size < base * LARGER || look.red) continue;
    if (l.len < 4 || l.len > MAX_TITLE_CHARS || isMasthead(l.text) || isMetaLine(l.text) || isDateOnly(l.text)) continue;
    if (!best || look.size > best.size + 0.5) best = { at: i, size: look.size };
  }
  if (!best) return null;
  // The title printed over lines: the lines after it in the same size, up to a title's length.
  let last = best.at;
  let chars = visible[best.at]!.len;
  for (let j = best.at + 1; j < visible.length; j++) {
    const l = visible[j]!;
    const look = looks.get(j) ?? lineLook(l, rules);
    if (look.size === null || Math.abs(look.size - best.size) > 0.5 || look.red || chars + l.len > MAX_TITLE_CHARS) break;
    last = j;
    chars += l.len;
  }
  const parts = visible.slice(best.at, last + 1).map((l) => l.raw.trim());
  let title = parts[0]!;
  for (const p of parts.slice(1))
    title += /[\p{Script=Han}“”（）《》，、]$/u.test(title) || /^[\p{Script=Han}“”（）《》]/u.test(p) ? p : ` ${p}`;
  return {
    title: title.replace(/[\s\u3000\u00a0]+/g, (run) => (run.includes('\u3000') ? '\u3000' : ' ')),
    first: visible[best.at]!.index,
    last: visible[last]!.index,
  };
}
