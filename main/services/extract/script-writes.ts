/**
 * What an inline `<script>` would write into the page with `document.write`, read without running
 * it. Old CMS templates write a metadata value from a script variable in place
 * (`发布时间：<script>var t = "2024-04-03 16:20"; document.write(t.substring(0, 10))</script>`,
 * `document.write("来源：" + laiyuan)`), so the line a reader sees holds text the markup does not.
 *
 * Only plain forms are read: string variables, string literals joined with `+`, and
 * substring/substr/slice with number or `indexOf("…")` bounds. A script that writes anything
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

/** The text of one `+`-joined argument, or null when a part is not a plain form. */
function evaluate(arg: string, vars: Map<string, string>, used: { variable: boolean }): string | null {
  let out = '';
  let rest = arg.trim();
  const term = new RegExp(
    String.raw`^(?:${STRING}|([A-Za-z_$][\w$]*)(?:\.(substring|substr|slice)\(\s*([^(),]*(?:\([^()]*\))?)\s*(?:,\s*([^(),]*(?:\([^()]*\))?)\s*)?\))?)\s*`,
  );
  while (rest) {
    const m = term.exec(rest);
    if (!m) return null;
    if (m[3] !== undefined) {
      const value = vars.get(m[3]);
      if (value === undefined) return null;
      used.variable ||= value !== '';
      if (m[4]) {
        const bound = (raw: string | undefined): number | null => {
          if (raw === undefined) return null;
          const t = raw.trim();
          if (/^\d+$/.test(t)) return Number(t);
          const at = new RegExp(String.raw`^${m[3]!.replace(/\$/g, '\\$')}\.indexOf\(\s*(?:${STRING})\s*\)$`).exec(t);
          if (!at) return NaN;
          const i = value.indexOf(unquote(at[1], at[2]));
          return i < 0 ? value.length : i;
        };
        const a = bound(m[5]);
        const b = bound(m[6]);
        if (a === null || Number.isNaN(a) || (b !== null && Number.isNaN(b))) return null;
        out += m[4] === 'substr' ? value.substr(a, b ?? undefined) : value.slice(a, b ?? undefined);
      } else out += value;
    } else out += unquote(m[1], m[2]);
    rest = rest.slice(m[0].length);
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
