// Types for the plain-JS rule, so tests can load it into their own Linter.
import type { Rule } from 'eslint';

declare const rule: Rule.RuleModule;
export default rule;
export function layerOf(rel: string): 'shared' | 'renderer' | 'electron' | 'services' | 'host' | null;
