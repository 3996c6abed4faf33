/** The recording stand-in for shared/anchoring/index (see anchoring-digest-hook.mjs). */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import * as real from '../../shared/anchoring/index';
import type { Anchor, TextSelector } from '../../shared/anchoring/index';

export * from '../../shared/anchoring/index';

const out = process.env.ANCHOR_DIGEST;

function hash(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 12);
}

function record(text: string, selectors: readonly TextSelector[], results: readonly (Anchor | null)[]): void {
  if (!out) return;
  const placed = results.map((a) => (a ? `${a.start}-${a.end}` : 'x')).join(',');
  appendFileSync(out, `${hash(text)} ${hash(JSON.stringify(selectors))} ${placed}\n`);
}

export function anchorAll(text: string, selectors: readonly TextSelector[]): (Anchor | null)[] {
  const results = real.anchorAll(text, selectors);
  record(text, selectors, results);
  return results;
}

export function anchor(text: string, selector: TextSelector): Anchor | null {
  const result = real.anchor(text, selector);
  record(text, [selector], [result]);
  return result;
}
