/** main/cli.ts loads only the command asked for: each name must be the one its module registers. */
import { expect, it } from 'vitest';
import { commandModules } from '../../main/cli-commands';
import { commands } from '../../main/cli/registry';

it('registers every command under the name main/cli.ts loads it by, and no other', async () => {
  for (const [name, load] of Object.entries(commandModules)) {
    await load();
    expect(commands.has(name), name).toBe(true);
  }
  expect([...commands.keys()].sort()).toEqual(Object.keys(commandModules).sort());
}, 60_000);
