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

export function sanitizeArticleHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Links only to the web; images only from the app itself (stored locally) or data:.
    ALLOWED_URI_REGEXP: /^(?:https?:|data:image\/(?:png|jpeg|gif|webp);|\.\/|\/|#)/i,
  });
}
