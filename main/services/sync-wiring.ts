/**
 * What the hosts hand the services for syncing: the runner that fetches, extracts and
 * streams a source, and the 试抓取 preview. Both come from main/services/sync. A host may
 * pass its own `fetch` (Electron: one from a dedicated Chromium session, for the system proxy
 * and certificate store); by default it is Node's.
 */
import type { SourceKind, SourcePreview } from '../../shared/domain/sync';
import { createSyncRunner } from './sync';
import type { SyncRunner } from './sync-service';

export function createSyncDeps(options: { dataDir: string; version: string; fetch?: typeof fetch }): {
  runner: SyncRunner;
  preview: (location: string, kind: SourceKind | undefined) => Promise<SourcePreview>;
} {
  return createSyncRunner(options);
}
