/**
 * The renderer's own allow-list pass over article HTML before it is shown. Main sanitises
 * before storing; this second pass means a poisoned database still cannot run code. Both read
 * the one policy in shared/html-policy.ts (which also says where the two doors differ and why).
 */
import DOMPurify from 'dompurify';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  isAllowedAttribute,
  isAllowedLink,
  NON_CONTENT_TAGS,
  STORED_IMAGE_SRC,
} from '../../shared/html-policy';

const ALLOWED_ATTR = [...new Set(Object.values(ALLOWED_ATTRIBUTES).flat())];

let hooked = false;
function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    if (!isAllowedAttribute(tag, data.attrName)) data.keepAttr = false;
    // Stored pictures only: an image never makes the page reach for the network.
    else if (tag === 'img' && data.attrName === 'src' && !STORED_IMAGE_SRC.test(data.attrValue)) data.keepAttr = false;
    else if (tag === 'a' && data.attrName === 'href' && !isAllowedLink(data.attrValue)) data.keepAttr = false;
  });
}

export function sanitizeArticleHtml(html: string): string {
  ensureHooks();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // What the builder drops with its content goes with its content here too.
    ADD_FORBID_CONTENTS: [...NON_CONTENT_TAGS],
    // Links to the web, images from the media folder (the hook checks which is which).
    ALLOWED_URI_REGEXP: /^(?:https?:\/\/|media\/[0-9a-f]{64}\.[a-z0-9]{2,5}$)/i,
  });
}
