/**
 * Writes a backup whose articles name an original, and stops it at the last moment: the
 * original is in the store and the backup's reference list written, the file is complete but
 * not yet closed and renamed. Prints "closing" there and waits to be killed by
 * tests/unit/backup-originals.test.ts:
 *   node --import tsx tests/unit/helpers/backup-originals-kill-child.ts <dataDir> <article-row-json>
 */
import { open } from 'node:fs/promises';
import { createBackupService } from '../../../main/services/backup/service';
import type { OpenSink } from '../../../main/services/backup/container';

const [dataDir, rowJson] = process.argv.slice(2) as [string, string];
const hangingSink: OpenSink = async (path) => {
  const handle = await open(path, 'wx');
  return {
    write: async (bytes) => {
      await handle.write(bytes);
    },
    // Never settles: the kill comes while the backup is about to take its name.
    close: () => {
      process.stdout.write('closing\n');
      // Keeps the process alive (an unsettled promise alone would let it exit).
      setInterval(() => undefined, 1000);
      return new Promise<void>(() => undefined);
    },
  };
};
const service = createBackupService({ dataDir, appVersion: 'kill-test', openSink: hangingSink });
const { token } = await service.begin({ reason: 'manual', db: { name: 'yandu', schemaVersion: 5, stores: { articles: 'id' } } });
await service.put({ token, table: 'articles', records: [JSON.parse(rowJson) as unknown] });
await service.finish({ token, keep: 10 });
