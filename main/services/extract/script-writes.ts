/**
 * What an inline `<script>` would write into the page with `document.write`, read without running
 * it. Old CMS templates write a metadata value from a script variable in place
 * (`发布时间：<script>var t = "2024-04-03 16:20"; document.write(t.substring(0, 10))</script>`,
 * `document.write("来源：" + laiyuan)`), so the line a reader sees holds text the markup does not.
 *
 * Only plain forms are read: string variables, string literals joined with `+`, and
 * substring/substr/slice with number or `indexOf("…")` bounds, and `split("…")[i]`. A script that writes anything
 * else (an expression, a tag with a source) gives nothing.
 */

const MAX_SCRIPT = 4000;
const MAX_WRITTEN = 120;

const STRING = String.raw`"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'`;
const VAR_RE = new RegExp(String.raw`(?:^|[;\s{}])(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*(?:${STRING})\s*(?=[;\n}]|$)`, 'g');
const WRITE_RE = /document\.write(?:ln)?\s*\(/g;

function unquote(double: string | undefined, single: string | undefined): string {
  return (double ?? single ?? '').replace(/\\(.)/g, '$1');
}

const LITERAL_RE = new RegExp(String.raw`^(?:${STRING})\s*`);
const NAME_RE = /^([A-Za-z_$][\w$]*)\s*/;
const CUT_RE = /^\.(substring|substr|slice)\(\s*([^(),]*(?:\([^()]*\))?)\s*(?:,\s*([^(),]*(?:\([^()]*\))?)\s*)?\)\s*/;
const SPLIT_RE = new RegExp(String.raw`^\.split\(\s*(?:${STRING})\s*\)\[\s*(\d+)\s*\]\s*`);

/**
 * The text of one `+`-joined argument, or null when a part is not a plain form: a literal, or a
 * variable with substring/substr/slice and `split("…")[i]` applied in turn (`t.split(" ")[0]`).
 */
function evaluate(arg: string, vars: Map<string, string>, used: { variable: boolean }): string | null {
  let out = '';
  let rest = arg.trim();
  while (rest) {
    const lit = LITERAL_RE.exec(rest);
    if (lit) {
      out += unquote(lit[1], lit[2]);
      rest = rest.slice(lit[0].length);
    } else {
      const name = NAME_RE.exec(rest);
      if (!name) return null;
      const stored = vars.get(name[1]!);
      if (stored === undefined) return null;
      let value: string = stored;
      used.variable ||= stored !== '';
      rest = rest.slice(name[0].length);
      for (let step = 0; step < 4; step++) {
        const cut = CUT_RE.exec(rest);
        const split = cut ? null : SPLIT_RE.exec(rest);
        if (cut) {
          const v: string = value;
          const bound = (raw: string | undefined): number | null => {
            if (raw === undefined) return null;
            const t = raw.trim();
            if (/^\d+$/.test(t)) return Number(t);
            const at = new RegExp(String.raw`^${name[1]!.replace(/\$/g, '\\$')}\.indexOf\(\s*(?:${STRING})\s*\)$`).exec(t);
            if (!at) return NaN;
            const i = v.indexOf(unquote(at[1], at[2]));
            return i < 0 ? v.length : i;
          };
          const a = bound(cut[2]);
          const b = bound(cut[3]);
          if (a === null || Number.isNaN(a) || (b !== null && Number.isNaN(b))) return null;
          value = cut[1] === 'substr' ? v.substr(a, b ?? undefined) : v.slice(a, b ?? undefined);
          rest = rest.slice(cut[0].length);
        } else if (split) {
          // As JavaScript splits on a string; an index past the parts gives undefined: no plain form.
          const sep = unquote(split[1], split[2]);
          const part: string | undefined = value.split(sep)[Number(split[3])];
          if (part === undefined) return null;
          value = part;
          rest = rest.slice(split[0].length);
        } else break;
      }
      out += value;
    }
    if (!rest) break;
    if (rest[0] !== '+') return null;
    rest = rest.slice(1).trim();
  }
  return out;
}

/** The argument of the call whose `(` ends at `open`: up to its matching `)`, outside strings. */
function callArgument(code: string, open: number): string | null {
  let depth = 1;
  let quote = '';
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return code.slice(open, i);
  }
  return null;
}

/**
 * The text an inline script writes from its variables, or '' when it writes none that can be
 * read. A write of a literal alone (the `if (v == "")` fallback: 来源：本网) is not shown.
 */
export function scriptWrittenText(code: string): string {
  if (code.length > MAX_SCRIPT || !code.includes('document.write')) return '';
  const vars = new Map<string, string>();
  VAR_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = VAR_RE.exec(code));) if (!vars.has(m[1]!)) vars.set(m[1]!, unquote(m[2], m[3]));
  const writes: { text: string; variable: boolean }[] = [];
  WRITE_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = WRITE_RE.exec(code));) {
    const arg = callArgument(code, m.index + m[0].length);
    if (arg === null) continue;
    const used = { variable: false };
    const text = evaluate(arg, vars, used);
    if (text === null) return '';
    writes.push({ text, variable: used.variable });
  }
  // Only writes of a value the page keeps in a variable: a script writing literal markup into the
  // text (an injected paragraph) is not read as the page's text.
  const shown = writes.filter((w) => w.variable);
  const text = shown
    .map((w) => w.text)
    .join('')
    // Tags a write adds are markup (an image, a counter's script): only their text is shown.
    .replace(/<[^>]*>/g, '')
    .trim();
  return text.length <= MAX_WRITTEN ? text : '';
}
