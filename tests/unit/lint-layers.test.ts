import { ESLint, Linter } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import layers from '../../eslint-rules/layers.js';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'yandu/layers').map((m) => m.message);
}

describe('the layers lint rule (DESIGN.md import rules)', () => {
  it.each([
    ['renderer/features/x.ts', "import fs from 'node:fs';"],
    ['renderer/features/x.ts', "import { readFile } from 'fs';"],
    ['renderer/features/x.ts', "import { createServices } from '../../main/services/app-services';"],
    ['renderer/x.ts', "const e = await import('electron');"],
    ['shared/x.ts', "import path from 'node:path';"],
    ['shared/x.ts', "import { create } from 'zustand';"],
    ['shared/x.ts', "import { db } from '../renderer/db';"],
    ['shared/domain/x.ts', "export * from '../../main/services/sample-library';"],
    ['main/services/x.ts', "import { app } from 'electron';"],
    ['main/services/x.ts', "import { startHost } from '../host/server';"],
    ['main/services/x.ts', "import React from 'react';"],
    ['main/host/x.ts', "import { ipcMain } from 'electron';"],
    ['main/host/x.ts', "import { createMainWindow } from '../electron/window';"],
    ['main/cli.ts', "const electron = require('electron');"],
    ['main/electron/x.ts', "import { App } from '../../renderer/app/App';"],
  ])('%s: %s is an error', async (file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors.length, `${file}: ${code}`).toBe(1);
    expect(errors[0]).toMatch(/DESIGN\.md import rules/);
  });

  it.each([
    ['renderer/features/x.ts', "import { countZi } from '../../shared/text';\nimport { create } from 'zustand';"],
    ['shared/x.ts', "import * as v from 'valibot';\nimport { countZi } from './text';"],
    ['main/services/x.ts', "import { readFile } from 'node:fs/promises';\nimport { countZi } from '../../shared/text';"],
    ['main/host/x.ts', "import { createServices } from '../services/app-services';"],
    ['main/electron/x.ts', "import { app } from 'electron';\nimport { createServices } from '../services/app-services';"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('the layers lint rule inside the renderer and for main/services', () => {
  it.each([
    ['renderer/features/demo/View.tsx', "import { db } from '../../db';", /never import renderer\/db/],
    ['renderer/features/demo/View.tsx', "import { articles } from '../../db/repositories';", /never import renderer\/db/],
    ['renderer/features/demo/View.tsx', "import type { ArticleRow } from '../../db/schema';", /never import renderer\/db/],
    ['renderer/features/demo/View.tsx', "const m = await import('../../db/notes');", /never import renderer\/db/],
    ['renderer/features/demo/View.tsx', "import { bridge } from '../../bridge';", /not renderer\/bridge/],
    ['renderer/features/demo/View.tsx', "import { NoteEditor } from '../notes/NoteEditor';", /only through its index\.ts/],
    ['renderer/features/demo/View.tsx', "export { beforeBulkChange } from '../backup/continuous';", /only through its index\.ts/],
    ['renderer/db/x.ts', "import { NoteEditor } from '../features/notes/NoteEditor';", /may not import renderer\/features/],
    ['renderer/db/x.ts', "import { library } from '../core/library';", /may not import renderer\/core/],
    [
      'renderer/core/x.ts',
      "import { BackupSettings } from '../features/backup';",
      /core\/ serves the views: it may not import renderer\/features/,
    ],
    ['renderer/core/x.ts', "import { navigate } from '../app/App';", /may not import renderer\/app/],
    ['main/services/x.ts', "import { chromium } from '@playwright/test';", /'@playwright\/test' is a devDependency/],
    ['main/services/sync/x.ts', "import { describe } from 'vitest';", /'vitest' is a devDependency/],
  ])('%s: %s is an error', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors.length, `${file}: ${code}`).toBe(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    [
      'renderer/features/demo/View.tsx',
      [
        "import { beforeBulkChange } from '../backup';",
        "import { beforeBulkChange as b } from '../backup/index';",
        "import { library } from '../../core/library';",
        "import { useLibrary } from '../../stores/library';",
        "import { sanitize } from '../../ui/sanitize';",
        "import { t } from '../../i18n/messages';",
        "import { Inner } from './Inner';",
        "import { countZi } from '../../../shared/text';",
      ].join('\n'),
    ],
    ['renderer/db/x.ts', "import Dexie from 'dexie';\nimport { countZi } from '../../shared/text';\nimport { db } from './index';"],
    [
      'renderer/core/x.ts',
      "import { db } from '../db';\nimport { api } from '../bridge';\nimport { useLibrary } from '../stores/library';\nimport { navigate } from '../ui/router';",
    ],
    ['main/cli/x.ts', "import { chromium } from '@playwright/test';"],
    ['main/services/x.ts', "import { parseHTML } from 'linkedom';\nimport * as v from 'valibot';"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('the layers lint rule on a project of its own (re-exports, devDependencies, the transitional list)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'yandu-lint-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ dependencies: { valibot: '1' }, devDependencies: { 'only-for-dev': '1' } }),
    'renderer/db/index.ts': 'export const db = {};',
    'renderer/db/tables.ts': 'export const tables = [];',
    // Re-exports of the db in every spelling, each outside renderer/db.
    'renderer/stores/star.ts': "export * from '../db/tables';",
    'renderer/ui/alias.ts': "import { db } from '../db';\nexport { db };",
    'renderer/core/renamed.ts': "import * as tables from '../db/tables';\nexport { tables as t };",
    'renderer/core/fallback.ts': "import { db } from '../db/index';\nexport default db;",
    'renderer/core/chain.ts': "export { db } from '../ui/alias';",
    'renderer/features/other/index.ts': "export { tables } from '../../stores/star';",
    // Uses the db without handing it out: fine for a core module.
    'renderer/core/library.ts': "import { db } from '../db';\nexport const count = () => Object.keys(db).length;",
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  const linter = new Linter({ cwd: root });
  const verify = (rel: string, code: string, transitional: string[] = []) =>
    linter
      .verify(
        code,
        [
          {
            files: ['**/*.ts', '**/*.tsx'],
            languageOptions: { parser: tseslint.parser as Linter.Parser },
            plugins: { yandu: { rules: { layers } } },
            rules: { 'yandu/layers': ['error', { transitionalRendererFiles: transitional }] },
          },
        ],
        { filename: path.join(root, rel) },
      )
      .map((m) => m.message);

  it.each([
    ["import { tables } from '../../stores/star';"],
    ["import { db } from '../../ui/alias';"],
    ["import { t } from '../../core/renamed';"],
    ["import db from '../../core/fallback';"],
    ["import { db } from '../../core/chain';"],
    ["import { tables } from '../other';"],
  ])('a view importing a re-export of the db fails: %s', (code) => {
    const errors = verify('renderer/features/demo/View.tsx', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/re-exports renderer\/db/);
  });

  it('a view importing a core module that only uses the db passes', () => {
    expect(verify('renderer/features/demo/View.tsx', "import { count } from '../../core/library';")).toEqual([]);
  });

  it('devDependencies come from the linted project: forbidden in main/services, fine in the CLI', () => {
    expect(verify('main/services/x.ts', "import x from 'only-for-dev';")).toEqual([
      "'only-for-dev' is a devDependency: main/services/ may not import it (use it from main/cli/ or tests) (DESIGN.md import rules)",
    ]);
    expect(verify('main/services/x.ts', "import * as v from 'valibot';")).toEqual([]);
    expect(verify('main/cli/x.ts', "import x from 'only-for-dev';")).toEqual([]);
  });

  it('the transitional list exempts its files from the renderer rules only', () => {
    const code = "import { db } from '../../db';";
    expect(verify('renderer/features/demo/View.tsx', code)).toHaveLength(1);
    expect(verify('renderer/features/demo/View.tsx', code, ['renderer/features/demo/View.tsx'])).toEqual([]);
    // The layer rules between hosts still hold for a listed file.
    expect(verify('renderer/features/demo/View.tsx', "import fs from 'node:fs';", ['renderer/features/demo/View.tsx'])).toHaveLength(1);
  });
});
