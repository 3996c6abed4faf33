import { readFileSync } from 'node:fs';
import { registerCommand } from './registry';
import { writeDiagnostics } from '../services/diagnostics';
import { defaultDataDir } from '../services/paths';
import { AppError } from '../../shared/errors';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

registerCommand(
  'diagnostics',
  '<out.zip>  导出诊断信息（日志、版本、不含机密的设置、存储用量）/ write the diagnostics zip',
  async (args) => {
    const out = args[0];
    if (!out || args.length > 1) throw new AppError('E_INVALID_ARGUMENT', '用法：diagnostics <输出文件.zip>');
    // The data folder the hosts use (YANDU_DATA_DIR or the platform's); without a window there
    // are no browser settings or table counts, only what the data folder holds. Nothing is moved.
    const dataDir = defaultDataDir();
    const result = await writeDiagnostics({ dataDir, version: pkg.version, host: 'cli', out });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  },
);
