// The Node versions this project runs on, read from package.json's `engines` (the one place they
// are written), and a plain-spoken refusal when the running Node is outside them. Imported
// first by the npm scripts so the message comes before anything newer Node would need.
import { readFileSync } from 'node:fs';

/** @param {string} v "20.19.2" or "v20.19.2" @returns {[number, number, number]} */
function parse(v) {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
  return [a, b, c];
}

/** @param {[number, number, number]} x @param {[number, number, number]} y */
function compare(x, y) {
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * Whether `version` satisfies `range`, for the forms package.json uses here:
 * `^X.Y.Z`, `>=X.Y.Z`, joined by `||` (anything else is rejected, so a new form is noticed).
 * @param {string} range
 * @param {string} version
 */
export function nodeSatisfies(range, version) {
  const v = parse(version);
  return range.split('||').some((part) => {
    const p = part.trim();
    const m = /^(\^|>=)\s*(\d+(?:\.\d+){0,2})$/.exec(p);
    if (!m) throw new Error(`unsupported engines range: ${p}`);
    const min = parse(m[2] ?? '');
    if (compare(v, min) < 0) return false;
    return m[1] === '>=' || v[0] === min[0];
  });
}

/** package.json's engines.node. */
export function requiredNode() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.engines.node);
}

/**
 * The message for a Node outside the range, or null when it fits.
 * @param {string} what what was asked, in Chinese and English, e.g. ['启动研读', 'start Yandu']
 * @param {string} [version]
 */
export function nodeTooOldMessage(what, version = process.versions.node) {
  const range = requiredNode();
  if (nodeSatisfies(range, version)) return null;
  return [
    `无法${what[0]}：需要 Node ${range}，当前是 Node ${version}。请安装 Node 20.19 以上的 20.x、22.13 以上的 22.x 或 24 及更高版本后重试。`,
    `Cannot ${what[1]}: it needs Node ${range}; this is Node ${version}. Install Node 20.x (20.19 or later), 22.x (22.13 or later) or 24+ and try again.`,
    '',
  ].join('\n');
}

/** Exits with a clear message when the running Node cannot do `what`. */
export function requireNode(what) {
  const message = nodeTooOldMessage(what);
  if (message) {
    process.stderr.write(message);
    process.exit(1);
  }
}
