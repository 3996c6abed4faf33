import type { Element } from './parsed-dom';

/**
 * HTML reading shared by the extractor and the stored-HTML builder. What may be kept (and what is
 * dropped with its content, NON_CONTENT_TAGS) is the one policy in shared/html-policy.ts.
 */

/** The real source of a (lazy) image: the lazy-load attributes first, then the widest srcset entry, then src. */
export function imageSource(img: Element): string | null {
  for (const a of ['data-src', 'data-original', '_src', 'data-lazy-src', 'data-url', 'data-echo', 'original', 'file']) {
    const v = img.getAttribute(a);
    if (v && v.trim() && !/^data:/i.test(v.trim())) return v.trim();
  }
  const srcset = img.getAttribute('data-srcset') ?? img.getAttribute('srcset');
  if (srcset) {
    let best: string | null = null;
    let bestW = -1;
    for (const part of srcset.split(',')) {
      const [u, d] = part.trim().split(/\s+/);
      if (!u) continue;
      const w = d ? parseFloat(d) * (d.endsWith('x') ? 1000 : 1) : 1;
      if (w > bestW) {
        bestW = w;
        best = u;
      }
    }
    if (best) return best;
  }
  const src = img.getAttribute('src');
  return src && src.trim() ? src.trim() : null;
}
