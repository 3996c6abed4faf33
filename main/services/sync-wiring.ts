/**
 * What the hosts hand the services for syncing: the runner that fetches, extracts and
 * streams a source, and the 试抓取 preview. Both come from main/services/sync. A host may
 * pass its own `fetch` (Electron: one from a dedicated Chromium session, for the system proxy
 * and certificate store); by default it is Node's. The network policy sits above that fetch, in
 * the HTTP client; `ownPorts` names the app's own server ports, which no source may reach.
 */
import type { SourceKind, SourcePreview } from '../../shared/domain/sync';
import { createSyncRunner, type SyncWiringOptions } from './sync';
import type { SyncRunner } from './sync-service';

export function createSyncDeps(options: SyncWiringOptions): {
  runner: SyncRunner;
  preview: (location: string, kind: SourceKind | undefined) => Promise<SourcePreview>;
} {
  return createSyncRunner(options);
}
