/** Resolve hook of anchoring-digest-hook.mjs: shared/anchoring/index → the recording wrapper. */
import { URL } from 'node:url';
const WRAP = new URL('./anchoring-digest-wrap.ts', import.meta.url).href;

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const parent = context.parentURL ?? '';
  if (
    /\/shared\/anchoring\/index\.ts$/.test(r.url) &&
    !parent.endsWith('/anchoring-digest-wrap.ts') &&
    !parent.includes('/shared/anchoring/')
  ) {
    return { ...r, url: WRAP };
  }
  return r;
}
