/** Where CLI commands register themselves; main/cli.ts runs them. */
export type Command = (args: string[]) => Promise<number>;

export const commands = new Map<string, { usage: string; run: Command }>();

export function registerCommand(name: string, usage: string, run: Command): void {
  commands.set(name, { usage, run });
}

/** Reads `--name value` options; returns positionals and options. */
export function parseArgs(args: string[]): { positionals: string[]; options: Map<string, string> } {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) options.set(a.slice(2), args[++i]!);
      else options.set(a.slice(2), 'true');
    } else positionals.push(a);
  }
  return { positionals, options };
}
