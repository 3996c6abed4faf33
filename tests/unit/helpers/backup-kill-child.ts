/**
 * Writes a backup that never finishes, to be killed mid-write by tests/unit/backup-bounds.test.ts:
 *   node --import tsx tests/unit/helpers/backup-kill-child.ts <dataDir>
 * Prints "writing" once the unfinished file holds data, then keeps adding parts until killed.
 */
import { randomBytes } from 'node:crypto';
import { createBackupService } from '../../../main/services/backup/service';

const dataDir = process.argv[2]!;
const service = createBackupService({ dataDir, appVersion: 'kill-test' });
const { token } = await service.begin({ reason: 'manual', db: { name: 'yandu', schemaVersion: 1, stores: { settings: 'key' } } });
let announced = false;
for (let i = 0; ; i++) {
  // Random values so the file really grows (gzip cannot shrink them).
  const records = Array.from({ length: 200 }, (_, k) => ({ key: `k${i}-${k}`, value: randomBytes(1024).toString('base64') }));
  await service.put({ token, table: 'settings', records });
  if (!announced) {
    announced = true;
    process.stdout.write('writing\n');
  }
}
