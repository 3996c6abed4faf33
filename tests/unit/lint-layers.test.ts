import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
