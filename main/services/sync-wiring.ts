/**
 * What the hosts hand the services for syncing: the runner that fetches, extracts and
 * streams a source, and the 试抓取 preview. Both come from main/services/sync.
 */
import type { SourceKind, SourcePreview } from '../../shared/domain/sync';
import { createSyncRunner } from './sync';
import type { SyncRunner } from './sync-service';

export function createSyncDeps(options: { dataDir: string; version: string }): {
  runner: SyncRunner;
  preview: (location: string, kind: SourceKind | undefined) => Promise<SourcePreview>;
} {
  return createSyncRunner(options);
}
