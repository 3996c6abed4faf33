/**
 * Capability, not host identity: app.info reports what the host can do from what it was given
 * (a window printer, a folder dialog), and the renderer branches on that (PrintView).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceOptions } from '../../main/services/app-services';
import { createSyncDeps } from '../../main/services/sync-wiring';
import { AppInfoSchema } from '../../shared/contract';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function services(extra: Partial<ServiceOptions>) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-cap-'));
  dirs.push(dataDir);
  return createServices({
    host: 'browser',
    version: '0.0.0-test',
    resourcesDir: dataDir,
    dataDir,
    openExternal: async () => false,
    emit: () => undefined,
    ...createSyncDeps({ dataDir, version: '0.0.0-test' }),
    ...extra,
  });
}

describe('host capabilities', () => {
  it('a host without a printer or dialogs says so, and its folder dialog answers null', async () => {
    const s = await services({});
    const info = v.parse(AppInfoSchema, await s.app.info({}));
    expect(info.capabilities).toEqual({ printsWindow: false, folderDialog: false });
    expect(await s.files.chooseFolder({})).toEqual({ path: null });
    expect(await s.print.dialog({})).toEqual({ supported: false, printed: false });
    s.stop();
  });

  it('the same host given a window printer and a folder dialog reports both (whatever its name)', async () => {
    const calls: string[] = [];
    const s = await services({
      print: {
        printToPdf: async () => new Uint8Array(),
        chooseFile: async () => null,
        printDialog: async () => {
          calls.push('dialog');
          return true;
        },
      },
      chooseFolder: async () => {
        calls.push('folder');
        return '/srv/共享';
      },
    });
    const info = v.parse(AppInfoSchema, await s.app.info({}));
    expect(info.host).toBe('browser');
    expect(info.capabilities).toEqual({ printsWindow: true, folderDialog: true });
    expect(await s.files.chooseFolder({})).toEqual({ path: '/srv/共享' });
    expect(await s.print.dialog({})).toEqual({ supported: true, printed: true });
    expect(calls).toEqual(['folder', 'dialog']);
    s.stop();
  });
});
