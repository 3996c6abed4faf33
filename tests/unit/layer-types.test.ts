// The per-layer tsconfigs (DESIGN.md: shared/ without DOM or Node types, renderer/ without
// Node, main/ without DOM): a virtual file in each layer is typechecked with that layer's real
// tsconfig through the TypeScript API, so a `document` in main/ or a `Buffer` in renderer/ must
// fail, and the allowed form of the same code must pass.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function layerOptions(layer: 'shared' | 'renderer' | 'main'): { options: ts.CompilerOptions; extraRoots: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, layer, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${layer}/tsconfig.json did not parse`);
  // Declaration files the layer's config lists (the shared/ globals): the virtual file alone
  // stands for the layer's code.
  return { options: parsed.options, extraRoots: parsed.fileNames.filter((f) => f.endsWith('.d.ts')) };
}

// Library typings are the same for every check: parse each once.
const libCache = new Map<string, ts.SourceFile | undefined>();

/** Diagnostics for `code` placed at `<layer>/__layer_check__.ts` under that layer's tsconfig. */
function check(layer: 'shared' | 'renderer' | 'main', code: string): string[] {
  const { options, extraRoots } = layerOptions(layer);
  const file = path.join(root, layer, '__layer_check__.ts');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError) => {
    if (path.resolve(name) === file) return ts.createSourceFile(name, code, languageVersion, true);
    const key = `${name}\0${JSON.stringify(languageVersion)}`;
    if (!libCache.has(key)) libCache.set(key, getSourceFile(name, languageVersion, onError));
    return libCache.get(key);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram({ rootNames: [file, ...extraRoots], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('per-layer typecheck', () => {
  it.each([
    ['shared', 'export const title = document.title;', /Cannot find name 'document'/],
    ['shared', "export const b = Buffer.from('x');", /Cannot find name 'Buffer'/],
    ['shared', 'export const env = process.env;', /Cannot find name 'process'/],
    ['renderer', "export const b = Buffer.from('x');", /Cannot find name 'Buffer'/],
    ['renderer', "export const e = process.env['HOME'];", /Cannot find name 'process'/],
    // docx's typings reference Node's: the renderer still must not see Buffer through them.
    [
      'renderer',
      "import type { Document } from 'docx';\nexport type D = Document;\nexport const b = Buffer.alloc(1);",
      /Cannot find name 'Buffer'/,
    ],
    ['main', 'export const title = document.title;', /Cannot find name 'document'/],
    ['main', 'export const w = window.location.href;', /Cannot find name 'window'/],
    // @types/node declares an empty HTMLElement; its DOM members are still missing.
    ['main', 'export function f(el: HTMLElement): string { return el.id; }', /'id' does not exist on type 'HTMLElement'/],
  ] as const)('%s: %s fails', (layer, code, message) => {
    const errors = check(layer, code);
    expect(
      errors.some((e) => message.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it.each([
    [
      'shared',
      "export const bytes = new TextEncoder().encode('字');\nexport const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);",
    ],
    ['shared', "export const href = new URL('../a.html', 'http://example.test/x/').href;"],
    ['renderer', 'export const title = document.title;\nexport const b = new Blob([]);'],
    ['main', "import { readFileSync } from 'node:fs';\nexport const b = Buffer.from('x');\nexport const read = readFileSync;"],
  ] as const)('%s: the allowed form passes', (layer, code) => {
    expect(check(layer, code)).toEqual([]);
  });
});
