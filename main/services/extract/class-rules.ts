/**
 * What a page's own style sheets say about its classes. Converted and exported pages (Word,
 * WPS, pdf2htmlEX) state sizes, colours and positions in single-class rules (`.fs4{font-size:
 * 18px}`, `.x3{left:113.4px}`) rather than on the elements, so the readers that ask how a line
 * looks or where it starts read them here; and which classes the sheets always hide (hiddenClasses).
 */
import type { Document } from '../parsed-dom';

/** One single-class rule: its declarations and its place in the sheets (a later rule wins). */
export interface ClassRule {
  declarations: string;
  order: number;
}

/** A style sheet longer than this is not read (a page's own rules are far smaller). */
const MAX_SHEET_CHARS = 2_000_000;

const BRACE_RE = /[{}]/g;

/** `css` without the blocks `opener` starts (`@media print {`, any `@…{`) and all they hold. */
function withoutBlocks(css: string, opener: RegExp): string {
  let out = '';
  let from = 0;
  for (const m of css.matchAll(opener)) {
    if (m.index < from) continue;
    out += css.slice(from, m.index);
    // The block ends after the brace that closes it (or with the sheet): braces found by a regex, not char by char (cost only).
    let depth = 1;
    BRACE_RE.lastIndex = m.index + m[0].length;
    let brace: RegExpExecArray | null;
    while (depth > 0 && (brace = BRACE_RE.exec(css))) depth += brace[0] === '{' ? 1 : -1;
    from = depth > 0 ? css.length : BRACE_RE.lastIndex;
  }
  return out + css.slice(from);
}

/** `css` without its `@media print { … }` blocks (their rules are not what the screen shows). */
function withoutPrintBlocks(css: string): string {
  return withoutBlocks(css, /@media\s+print\s*\{/gi);
}

/** Every single-class rule (`.name{…}`) of the page's screen style sheets, by class name, in sheet order. */
export function classRules(doc: Document): Map<string, ClassRule[]> {
  const rules = new Map<string, ClassRule[]>();
  let order = 0;
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    const css = style.textContent ?? '';
    if (css.length > MAX_SHEET_CHARS) continue;
    for (const m of withoutPrintBlocks(css).matchAll(/(?<=^|[},\s])\.([A-Za-z_][\w-]*)\s*\{([^{}]*)\}/g)) {
      const list = rules.get(m[1]!) ?? [];
      list.push({ declarations: m[2]!, order: ++order });
      rules.set(m[1]!, list);
    }
  }
  return rules;
}

/**
 * The last of a class's rules whose declarations match `property` (a pattern with the value in
 * its groups), with that rule's place in the sheets; undefined where no rule sets it.
 */
export function classProperty(
  rules: Map<string, ClassRule[]>,
  cls: string,
  property: RegExp,
): { match: RegExpExecArray; order: number } | undefined {
  const list = rules.get(cls);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const match = property.exec(list[i]!.declarations);
    if (match) return { match, order: list[i]!.order };
  }
  return undefined;
}

/** `css` without any `@…{ … }` block (media queries, supports): the rules that always apply. */
function topLevelRules(css: string): string {
  return withoutBlocks(css, /@[a-z-]+[^{};]*\{/gi);
}

/**
 * Classes the page's own style sheets always hide: a single-class rule outside every `@media` /
 * `@supports` block sets `display: none`, and no other selector anywhere in the sheets names the
 * class (nothing shows it again: no `.tab.active`, no `.open .menu`, no media query). A line so
 * marked is never seen by a reader (a site's anti-copy line among a text's paragraphs).
 */
export function hiddenClasses(doc: Document): Set<string> {
  const hidden = new Set<string>();
  const sheets: string[] = [];
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    const css = style.textContent ?? '';
    if (css.length <= MAX_SHEET_CHARS && /display\s*:\s*none/i.test(css)) sheets.push(css);
  }
  if (sheets.length === 0) return hidden;
  // Each class's top-level single-class rules (how many, and whether the last to set `display` hides).
  const own = new Map<string, { rules: number; none: boolean }>();
  for (const css of sheets)
    // The selector is the class alone: nothing but white space between it and the rule before.
    // (`\.` first, so the look-behind is tried only at a dot, not at every character: cost only.)
    for (const m of topLevelRules(css).matchAll(/\.(?<=(?:^|\})\s*\.)([A-Za-z_][\w-]*)\s*\{([^{}]*)\}/g)) {
      const r = own.get(m[1]!) ?? { rules: 0, none: false };
      r.rules++;
      const display = /(?:^|;)\s*display\s*:\s*([a-z-]+)/i.exec(m[2]!);
      if (display) r.none = display[1]!.toLowerCase() === 'none';
      own.set(m[1]!, r);
    }
  const candidates = [...own].filter(([, r]) => r.none);
  if (candidates.length === 0) return hidden;
  // How often each class is named by any selector in the sheets.
  const named = new Map<string, number>();
  for (const css of sheets) for (const m of css.matchAll(/\.([A-Za-z_][\w-]*)/g)) named.set(m[1]!, (named.get(m[1]!) ?? 0) + 1);
  for (const [cls, r] of candidates) if (named.get(cls) === r.rules) hidden.add(cls);
  return hidden;
}
