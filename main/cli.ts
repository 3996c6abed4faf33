/**
 * The services without a window: `npm run -s cli -- <command> ...`. Results go to stdout,
 * progress and errors to stderr; exit code 0 on success, 1 on a handled failure, 2 on usage.
 */
import { AppError } from '../shared/errors';
import { commandModules } from './cli-commands';
import { commands } from './cli/registry';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name && Object.hasOwn(commandModules, name) ? [commandModules[name]!] : Object.values(commandModules);
  for (const module of load) await module();
  const cmd = name ? commands.get(name) : undefined;
  if (!cmd) {
    process.stderr.write('用法 / usage: npm run -s cli -- <command>\n');
    for (const [n, c] of commands) process.stderr.write(`  ${n} ${c.usage}\n`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.code}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`E_INTERNAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
