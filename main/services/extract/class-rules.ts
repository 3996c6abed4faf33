/**
 * What a page's own style sheets say about its classes. Converted and exported pages (Word,
 * WPS, pdf2htmlEX) state sizes, colours and positions in single-class rules (`.fs4{font-size:
 * 18px}`, `.x3{left:113.4px}`) rather than on the elements, so the readers that ask how a line
 * looks or where it starts read them here.
 */
import type { Document } from '../parsed-dom';

/** One single-class rule: its declarations and its place in the sheets (a later rule wins). */
export interface ClassRule {
  declarations: string;
  order: number;
}

/** A style sheet longer than this is not read (a page's own rules are far smaller). */
const MAX_SHEET_CHARS = 2_000_000;

/** `css` without its `@media print { … }` blocks (their rules are not what the screen shows). */
function withoutPrintBlocks(css: string): string {
  let out = '';
  let from = 0;
  for (const m of css.matchAll(/@media\s+print\s*\{/gi)) {
    if (m.index < from) continue;
    out += css.slice(from, m.index);
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    from = i;
  }
  return out + css.slice(from);
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
