/**
 * The renderer's own allow-list pass over article HTML before it is shown. Main sanitises
 * before storing; this second pass means a poisoned database still cannot run code.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'img',
  'a',
  'figure',
  'figcaption',
  'sup',
  'sub',
  'span',
];
const ALLOWED_ATTR = ['src', 'alt', 'href', 'title', 'colspan', 'rowspan'];

/** Stored pictures only: an image never makes the page reach for the network. */
const LOCAL_IMAGE = /^(?:media\/[0-9a-f]{64}\.[a-z0-9]{2,5}|data:image\/(?:png|jpeg|gif|webp);)/i;

let hooked = false;
function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    if (node.nodeName === 'IMG' && data.attrName === 'src' && !LOCAL_IMAGE.test(data.attrValue)) data.keepAttr = false;
  });
}

export function sanitizeArticleHtml(html: string): string {
  ensureHooks();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Links only to the web; images (see the hook) only from the media folder or data:.
    ALLOWED_URI_REGEXP: /^(?:https?:|data:image\/(?:png|jpeg|gif|webp);|media\/[0-9a-f]{64}\.[a-z0-9]{2,5}$|#)/i,
  });
}
