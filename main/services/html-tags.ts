import type { Element } from './parsed-dom';

/**
 * HTML rules shared by the extractor and the stored-HTML builder.
 */

/**
 * Elements whose content is never article text and never safe to keep: scripts, styles,
 * embedded documents and media, forms, document metadata. Shared by the extractor (which
 * skips them while reading a page) and the stored-HTML builder (which drops them).
 */
export const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'object',
  'embed',
  'applet',
  'canvas',
  'audio',
  'video',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'map',
  'area',
  'dialog',
  'label',
  'source',
  'track',
  'picture-source',
  'param',
]);

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
