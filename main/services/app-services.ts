/**
 * The services behind the contract, free of Electron: each host builds them once with what
 * only it knows (which host it is, where resources and data live, how to reach the user).
 */
import type { EventName, Services } from '../../shared/contract';
import type { SourceKind, SourcePreview } from '../../shared/domain/sync';
import { AppError } from '../../shared/errors';
import { createBackupService } from './backup/service';
import { createChannelService } from './channel/service';
import { ownerOnlyFileBox, type SecretBox } from './channel/store';
import { writeDiagnostics } from './diagnostics';
import { appLog, errorFields } from './log';
import { createPacketService } from './packets/service';
import { createPrintService, type PrintHost } from './print/pdf';
import type { RenderFolders } from './print/render';
import { importUploads } from './files/uploads';
import { documentFilePath, sweepOriginalTemps } from './documents-route';
import { stat } from 'node:fs/promises';
import { loadSampleLibrary } from './sample-library';
import { createSyncService, type SyncRunner } from './sync-service';

export interface ServiceOptions {
  host: 'electron' | 'browser';
  version: string;
  resourcesDir: string;
  /** Where the user's files live (synced images under media/, later backups). */
  dataDir: string;
  /** Opens a vetted http(s) URL outside the app; returns whether it did. */
  openExternal: (url: string) => Promise<boolean>;
  /** Sends an event to the renderer(s). */
  emit: (name: EventName, payload: unknown) => void;
  /** Asks the user for a folder (null when cancelled); absent where the host has no dialogs. */
  chooseFolder?: () => Promise<string | null>;
  /** Fetch, extract and stream one source (main/services/sync). */
  runner: SyncRunner;
  preview: (location: string, kind: SourceKind | undefined) => Promise<SourcePreview>;
  /** Printing the window (desktop only); absent in the browser host, which prints with window.print(). */
  print?: PrintHost;
  /** Where a print document exported as PDF by the system's Chromium is served from (browser host). */
  printRender?: RenderFolders;
  /** Continuous-backup timings for the renderer (tests); absent = its production defaults. */
  backupDelays?: { settleMs: number; maxWaitMs: number };
  /** A page answered `app.quitting` (see backup/quit.ts). */
  onQuitReady?: (backup: string | null) => void;
  /** How channel passwords are kept: the OS keychain (desktop) or an owner-only file (default). */
  secretBox?: SecretBox;
  /**
   * Opens a file with the system's program (desktop: shell.openPath); absent in the browser
   * host, whose page downloads the original instead.
   */
  openPath?: (file: string) => Promise<boolean>;
  /** Ports of the app's own servers on this machine, which no channel may reach. */
  ownPorts?: () => readonly number[];
  /** The channel outbox's retry timer runs from the start (the app's hosts; not the CLI or tests). */
  outboxRetries?: boolean;
}

/** Only plain web links may leave the app; anything else (file:, javascript:, custom schemes) is refused. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * `stop` ends the syncs a page drove (also when the page goes away); `quit` stops what runs for
 * the whole app (the channel outbox's retry timer), when the app quits.
 */
export function createServices(options: ServiceOptions): Services & { stop(): void; quit(): void } {
  const sync = createSyncService({ emit: options.emit, runner: options.runner });
  const channels = createChannelService({
    dataDir: options.dataDir,
    box: options.secretBox ?? ownerOnlyFileBox,
    ownPorts: options.ownPorts,
  });
  if (options.outboxRetries) channels.startRetries();
  // Originals half-written by an import that was killed are removed (the import stored nothing).
  void sweepOriginalTemps(options.dataDir).catch(() => undefined);
  return {
    app: {
      info: async () => ({
        name: '研读',
        version: options.version,
        host: options.host,
        platform: process.platform,
        capabilities: { printsWindow: options.print !== undefined, folderDialog: options.chooseFolder !== undefined },
        ...(options.backupDelays ? { backup: options.backupDelays } : {}),
      }),
      openExternal: async ({ url }) => {
        if (!isSafeExternalUrl(url)) throw new AppError('E_FORBIDDEN', '只能打开 http 或 https 链接。');
        return { opened: await options.openExternal(url) };
      },
      quitReady: async ({ backup }) => {
        options.onQuitReady?.(backup);
        return { ok: true };
      },
      diagnostics: async (client) => {
        try {
          return await writeDiagnostics({ dataDir: options.dataDir, version: options.version, host: options.host, client });
        } catch (error) {
          appLog.error('diagnostics.failed', errorFields(error));
          const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
          throw new AppError('E_RESOURCE', `无法写入诊断信息（${reason}）。请检查数据文件夹是否可写、磁盘是否已满。`);
        }
      },
    },
    library: {
      sample: async () => loadSampleLibrary(`${options.resourcesDir}/sample-library`),
    },
    sources: {
      preview: ({ location, kind }) => options.preview(location, kind),
    },
    sync: {
      start: (request) => sync.start(request),
      ack: (arg) => sync.ack(arg),
      cancel: (arg) => sync.cancel(arg),
      active: async () => ({ runs: sync.active() }),
      attach: (arg) => sync.attach(arg),
    },
    files: {
      chooseFolder: async () => ({ path: options.chooseFolder ? await options.chooseFolder() : null }),
      importFiles: ({ files }) => importUploads(files, options.dataDir),
    },
    documents: {
      open: async ({ file }) => {
        if (!options.openPath) return { opened: false };
        const full = documentFilePath(options.dataDir, file);
        if (!full) throw new AppError('E_INVALID_ARGUMENT', '原件的位置无效。');
        try {
          await stat(full);
        } catch {
          throw new AppError('E_NOT_FOUND', '找不到该原件：它可能已被删除，请重新导入该文件。');
        }
        return { opened: await options.openPath(full) };
      },
    },
    packets: createPacketService({ dataDir: options.dataDir }),
    backup: createBackupService({ dataDir: options.dataDir, appVersion: options.version }),
    channels,
    print: createPrintService(options.print, options.printRender),
    stop: () => sync.stopAll(),
    quit: () => {
      channels.stopRetries();
      sync.stopAll();
    },
  };
}
