/** Types for scripts/node-version.mjs. */
export function nodeSatisfies(range: string, version: string): boolean;
export function requiredNode(): string;
export function nodeTooOldMessage(what: readonly [string, string], version?: string): string | null;
export function requireNode(what: readonly [string, string]): void;
