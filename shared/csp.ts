/**
 * The one Content-Security-Policy for the renderer in both hosts. No inline script, no
 * remote anything: the app talks to itself only. Inline styles are set through the CSSOM
 * (React's style prop), which CSP does not block, so style-src stays 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The same policy as a `<meta http-equiv>` in renderer/index.html (checked by a unit test), so
 * the page carries it whatever serves it. `frame-ancestors` is ignored in a meta tag: both
 * hosts send it as a header.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
