/**
 * WCAG AA for the design tokens: every text/background pair the interface uses, in each of the
 * three themes, read from the stylesheets themselves (renderer/ui/styles.css, then ui.css).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const css = ['renderer/ui/styles.css', 'renderer/ui/ui.css'].map((f) => readFileSync(path.join(root, f), 'utf8')).join('\n');

type Theme = 'light' | 'sepia' | 'dark';

/** Custom properties of the blocks whose selector is exactly `selector`, in source order. */
function declarations(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = re.exec(css); m; m = re.exec(css)) {
    if (m[1]!.replace(/\/\*[\s\S]*?\*\//g, '').trim() !== selector) continue;
    for (const d of m[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[d[1]!] = d[2]!.trim();
  }
  return out;
}

function tokens(theme: Theme): Record<string, string> {
  const base = declarations(':root');
  return theme === 'light' ? base : { ...base, ...declarations(`:root[data-theme='${theme}']`) };
}

function resolve(vars: Record<string, string>, name: string): string {
  let value = vars[name];
  for (let i = 0; value && value.startsWith('var(') && i < 5; i++) value = vars[/var\((--[\w-]+)\)/.exec(value)![1]!];
  if (!value || !/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${name} is not a #rrggbb colour: ${value}`);
  return value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// [text, background]: body text on every surface, secondary text, links/accents, buttons, notices.
const PAIRS: [string, string][] = [
  ['--fg', '--bg'],
  ['--fg', '--paper'],
  ['--fg', '--bar'],
  ['--fg', '--row-active'],
  ['--muted', '--bg'],
  ['--muted', '--paper'],
  ['--muted', '--bar'],
  ['--accent', '--bg'],
  ['--accent', '--paper'],
  ['--accent', '--bar'],
  ['--on-accent', '--accent'],
  ['--danger', '--bg'],
  ['--danger', '--paper'],
  ['--danger', '--bar'],
  ['--on-danger', '--danger'],
  ['--ok', '--bg'],
  ['--ok', '--paper'],
  ['--notice-fg', '--notice-bg'],
  ['--on-danger', '--notice-error-bg'],
];

describe('design tokens meet WCAG AA (4.5:1 for text)', () => {
  it('computes known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  for (const theme of ['light', 'sepia', 'dark'] as const) {
    it(`${theme}: every text/background pair`, () => {
      const vars = tokens(theme);
      const failing = PAIRS.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(resolve(vars, fg), resolve(vars, bg)) }))
        .filter((p) => p.ratio < 4.5)
        .map((p) => `${p.pair}: ${p.ratio.toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }
});
