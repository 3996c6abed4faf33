/**
 * A real process that takes a data folder's lock (main/services/data-lock.ts), for the lock
 * tests. Usage: data-lock-child.ts <dataDir> <browser|desktop>. It prints READY once loaded,
 * waits for a line on stdin (so several start their attempt at the same moment), then prints
 * `WON <pid>` and holds the lock until SIGTERM (released) or SIGKILL (left stale), or prints
 * `BUSY <holder pid>` and exits 3.
 */
import { acquireDataLock, DataFolderBusyError } from '../../../main/services/data-lock';

const [dir, host] = process.argv.slice(2);
if (!dir || (host !== 'browser' && host !== 'desktop')) throw new Error('usage: data-lock-child.ts <dataDir> <browser|desktop>');

process.stdout.write('READY\n');
process.stdin.once('data', () => {
  try {
    const lock = acquireDataLock(dir, { host });
    // The handler before the word: a test may send SIGTERM the moment it reads WON.
    process.on('SIGTERM', () => {
      lock.release();
      process.exit(0);
    });
    process.stdout.write(`WON ${process.pid}\n`);
    // Hold it until told otherwise.
    setInterval(() => undefined, 1 << 30);
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
    process.stdout.write(`BUSY ${error.holder?.pid ?? 'unknown'}\n`);
    process.stderr.write(`${error.zh}\n${error.en}\n`);
    process.exit(3);
  }
});
