/**
 * Desktop hardening that lives in configuration: the Electron fuses of packaged builds, the CSP
 * meta tag of the page (same policy as shared/csp.ts), and the session's network allow-list —
 * nothing but the app itself and the sources the user configured, whatever Chromium or a
 * hostile page tries (telemetry, update checks, fonts, CDNs, spell-check dictionaries, file:).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession } from '../../main/electron/window';
import { isAllowedRequest, RENDERER_ALLOWED_ORIGINS } from '../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/csp';
import { StubSession } from '../stubs/electron';

const root = new URL('../../', import.meta.url);

describe('Electron fuses (electron-builder.yml)', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect; asar only, integrity-checked; cookies encrypted', () => {
    const yml = readFileSync(new URL('electron-builder.yml', root), 'utf8');
    const block = /^electronFuses:\n((?: {2}.+\n)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .split('\n')
        .filter(Boolean)
        .map((l) => l.trim().split(/:\s*/) as [string, string]),
    );
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
    expect(yml).toMatch(/^asar: true$/m);
  });
});

describe('Content-Security-Policy meta tag', () => {
  it('renderer/index.html carries the policy of shared/csp.ts (frame-ancestors only as a header)', () => {
    const html = readFileSync(new URL('renderer/index.html', root), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
    expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('session network allow-list', () => {
  const SOURCES = ['http://intranet.example:8080', 'https://news.example.cn'];
  const FOREIGN = [
    'https://www.google-analytics.com/collect',
    'https://update.electronjs.org/yandu/linux/0.1.0',
    'https://fonts.googleapis.com/css2?family=Noto+Serif+SC',
    'https://fonts.gstatic.com/s/x.woff2',
    'https://cdn.jsdelivr.net/npm/dompurify',
    'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
    'https://clients2.google.com/service/update2/crx',
    'http://intranet.example/',
    'http://intranet.example:8081/',
    'https://intranet.example:8080/',
    'http://user:pw@intranet.example:8080/',
    'https://news.example.cn.evil.example/',
    'ws://intranet.example:8080/',
    'ftp://intranet.example/',
    'file:///etc/passwd',
    'chrome-extension://abc/x.js',
    'blob:https://evil.example/uuid',
    'app://other/index.html',
    'http://127.0.0.1:9/',
    'http://localhost:8080/',
    'javascript:alert(1)',
    'not a url',
  ];
  const OWN = [
    'app://yandu/index.html',
    'app://yandu/media/' + 'a'.repeat(64) + '.png',
    'data:image/png;base64,AAAA',
    'blob:app://yandu/1234',
    'devtools://devtools/x',
  ];

  it('lets out only the app itself and the configured sources', () => {
    for (const url of OWN) expect(isAllowedRequest(url, SOURCES), url).toBe(true);
    expect(isAllowedRequest('http://intranet.example:8080/list.html', SOURCES)).toBe(true);
    expect(isAllowedRequest('https://NEWS.example.cn/a/b.html', SOURCES)).toBe(true);
    for (const url of FOREIGN) expect(isAllowedRequest(url, SOURCES), url).toBe(false);
    // With no source configured, no http(s) at all.
    expect(isAllowedRequest('http://intranet.example:8080/list.html', [])).toBe(false);
  });

  it('the renderer’s own allow-list is empty: it fetches no source (main does, under each source’s policy)', () => {
    expect(RENDERER_ALLOWED_ORIGINS).toEqual([]);
    expect(Object.isFrozen(RENDERER_ALLOWED_ORIGINS)).toBe(true);
    for (const url of ['http://intranet.example:8080/list.html', 'http://127.0.0.1:8081/', 'http://169.254.169.254/']) {
      expect(isAllowedRequest(url, RENDERER_ALLOWED_ORIGINS), url).toBe(false);
    }
    // main.ts hands the session exactly that list.
    const mainSource = readFileSync(new URL('../../main/electron/main.ts', import.meta.url), 'utf8');
    expect(mainSource).toMatch(/return RENDERER_ALLOWED_ORIGINS;/);
    expect(mainSource).not.toMatch(/later issues fill this in/);
  });

  it('hardenSession cancels every foreign request, denies permissions and never downloads dictionaries', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ses = new StubSession();
    hardenSession(ses as never, { allowedOrigins: () => SOURCES });
    for (const url of FOREIGN) expect(ses.decide(url), url).toEqual({ cancel: true });
    for (const url of OWN) expect(ses.decide(url), url).toEqual({ cancel: false });
    expect(ses.spellCheckerEnabled).toBe(false);
    expect(ses.spellCheckerDictionaryDownloadURL).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
    let granted: boolean | null = null;
    (ses.permissionRequestHandler as ((...a: unknown[]) => void) | null)?.(null, 'geolocation', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect((ses.permissionCheckHandler as (() => boolean) | null)?.()).toBe(false);
    vi.restoreAllMocks();
  });
});
