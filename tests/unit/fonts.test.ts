/**
 * Bundled fonts: the generated CSS is current, references only woff2 files that exist and are
 * TrueType-outline (so Chromium embeds them in PDFs as named CID fonts, not Type 3), and the
 * print faces try the real installed 方正/GB2312 fonts by local() before the bundled ones,
 * naming no CFF-outline font.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontsCss, OUTPUTS } from '../../scripts/make-fonts.mjs';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('bundled fonts', () => {
  it.each(Object.keys(OUTPUTS))('%s is what scripts/make-fonts.mjs makes from the installed packages', (out) => {
    expect(read(out)).toBe(fontsCss(out));
  });

  it('every face is a woff2 slice with a unicode-range, TrueType inside', () => {
    for (const out of Object.keys(OUTPUTS)) {
      const css = read(out);
      const urls = [...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!);
      expect(urls.length).toBe((css.match(/@font-face/g) ?? []).length);
      expect(urls.length).toBeGreaterThan(90);
      expect((css.match(/unicode-range:/g) ?? []).length).toBe(urls.length);
      for (const url of urls) {
        expect(url).toMatch(/\.woff2$/);
        const head = readFileSync(path.resolve(root, path.dirname(out), url)).subarray(0, 8);
        // WOFF2 signature, then the flavour: 0x00010000 is TrueType ('OTTO' would be CFF).
        expect(head.toString('latin1', 0, 4)).toBe('wOF2');
        expect(head.readUInt32BE(4)).toBe(0x00010000);
      }
    }
  });

  it('print faces try installed fonts by local() only and never name a CFF (Type 3) font', () => {
    const print = read('renderer/features/print/print.css');
    const faces = print.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces.length).toBe(5);
    for (const face of faces) {
      expect(face).not.toMatch(/url\(/);
      expect(face).not.toMatch(/CJK|Source Han/);
    }
    expect(print).toContain("local('仿宋_GB2312')");
    expect(print).toContain("local('方正小标宋简体')");
    expect(print).toMatch(/--pr-body: 'YD FangSong', 'YD Noto Serif SC', serif;/);
    expect(print).toMatch(/--pr-title: 'YD XiaoBiaoSong', 'YD Noto Serif SC Bold', serif;/);
    expect(print).toMatch(/--pr-kai: 'YD Kai', 'YD WenKai', serif;/);
    expect(print).not.toMatch(/Noto (?:Serif|Sans) CJK/);
  });

  it('the reader stacks keep installed faces first and end with a bundled one', () => {
    const styles = read('renderer/ui/styles.css');
    for (const [name, bundled] of [
      ['--font-song', 'YD Noto Serif SC'],
      ['--font-fangsong', 'YD Noto Serif SC'],
      ['--font-kai', 'YD WenKai'],
      ['--font-hei', 'YD Noto Sans SC'],
      ['--font-ui', 'YD Noto Sans SC'],
    ] as const) {
      const stack = new RegExp(`${name}:([^;]+);`).exec(styles)?.[1] ?? '';
      expect(stack, name).toContain(`'${bundled}'`);
      expect(stack.indexOf(`'${bundled}'`), name).toBeGreaterThan(0);
    }
    expect(/--font-fangsong:([^;]+);/.exec(styles)?.[1]).toMatch(/^\s*'FangSong_GB2312', '仿宋_GB2312'/);
  });
});
