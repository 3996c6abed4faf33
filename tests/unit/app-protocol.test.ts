import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  createAppProtocolHandler,
  isAllowedRequest,
  resolveAppPath,
} from '../../main/electron/app-protocol';
import { appOriginOf, isAppUrl } from '../../main/electron/ipc';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const root = path.resolve('/srv/yandu/renderer');

describe('resolveAppPath', () => {
  it('serves index.html for / and for the bare host', () => {
    expect(resolveAppPath(root, 'app://yandu/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://yandu')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://yandu/?x=1#top')).toBe(path.join(root, 'index.html'));
  });

  it('maps ordinary paths inside the root, decoding them', () => {
    expect(resolveAppPath(root, 'app://yandu/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://yandu/assets/index-abc.js?v=2')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://yandu/fonts/%E4%BB%BF%E5%AE%8B.woff2')).toBe(path.join(root, 'fonts', '仿宋.woff2'));
    expect(resolveAppPath(root, 'APP://YANDU/index.html')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://yandu/../x',
    'app://yandu/../../etc/passwd',
    'app://yandu/assets/../../x',
    'app://yandu/./index.html',
    'app://yandu/%2e%2e%2fx',
    'app://yandu/%2E%2E/x',
    'app://yandu/%2e%2e/%2e%2e/etc/passwd',
    'app://yandu/..%2fx',
    'app://yandu/..%5cx',
    'app://yandu/..%5c..%5cwindows%5cwin.ini',
    'app://yandu/assets%2findex.js',
    'app://yandu/..\\x',
    'app://yandu/index.html%00.js',
    'app://yandu/%00',
    'app://yandu/C:/Windows/win.ini',
    'app://yandu/c%3a/x',
    'app://yandu//etc/passwd/..',
    'app://yandu/%',
    'app://yandu/%E4%BB',
  ])('rejects traversal or malformed path %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://yandu.evil/index.html',
    'app://yandu:8080/index.html',
    'app://user@yandu/index.html',
    'app:///index.html',
    'file:///etc/passwd',
    'https://yandu/index.html',
    'http://127.0.0.1/index.html',
    'app:index.html',
    'not a url',
    '',
  ])('rejects other schemes and hosts: %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    for (const url of ['app://yandu/a/b/c.js', 'app://yandu/assets/x.css', 'app://yandu/%E6%96%87.txt']) {
      const resolved = resolveAppPath(root, url);
      expect(resolved).not.toBeNull();
      expect(path.relative(root, resolved ?? '').startsWith('..')).toBe(false);
    }
  });
});

describe('scheme privileges and origin', () => {
  it('registers app: as standard, secure and fetchable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });

  it('computes the app origin by hand (Node reports null for custom schemes)', () => {
    expect(appOriginOf('app://yandu/index.html')).toBe('app://yandu');
    expect(isAppUrl('app://yandu/index.html#/reader/1')).toBe(true);
    expect(isAppUrl('app://yandu.evil/')).toBe(false);
    expect(isAppUrl('app://x@yandu/')).toBe(false);
    expect(isAppUrl('https://yandu/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows the app itself, devtools and in-memory URLs', () => {
    expect(isAllowedRequest('app://yandu/assets/index.js', [])).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', [])).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', [])).toBe(true);
    expect(isAllowedRequest('blob:app://yandu/0b6c2f5e-0000-4000-8000-000000000000', [])).toBe(true);
  });

  it('blocks everything else by default', () => {
    for (const url of [
      'https://www.example.com/',
      'http://127.0.0.1:8080/',
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
      'file:///etc/passwd',
      'ws://127.0.0.1/',
      'ftp://example.com/',
      'app://evil/index.html',
      'blob:https://example.com/0b6c2f5e',
      'chrome://gpu',
      'not a url',
    ]) {
      expect(isAllowedRequest(url, []), url).toBe(false);
    }
  });

  it('allows configured origins only, by exact origin', () => {
    const allowed = ['https://dj.example.cn', 'http://10.1.2.3:8080'];
    expect(isAllowedRequest('https://dj.example.cn/jjjc/index.html', allowed)).toBe(true);
    expect(isAllowedRequest('https://DJ.example.cn/rss.xml', allowed)).toBe(true);
    expect(isAllowedRequest('http://10.1.2.3:8080/list_2.html', allowed)).toBe(true);
    expect(isAllowedRequest('http://dj.example.cn/', allowed)).toBe(false);
    expect(isAllowedRequest('https://dj.example.cn.evil.com/', allowed)).toBe(false);
    expect(isAllowedRequest('http://10.1.2.3/', allowed)).toBe(false);
    expect(isAllowedRequest('https://user:pw@dj.example.cn/', allowed)).toBe(false);
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let rendererDir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yandu-app-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>研读</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    try {
      symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    } catch {
      // Symlinks may need privileges on Windows; the symlink case is then skipped below.
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves synced .bmp images from the media folder as image/bmp', async () => {
    const media = path.join(dir, 'media');
    mkdirSync(media, { recursive: true });
    const name = `${'b'.repeat(64)}.bmp`;
    writeFileSync(path.join(media, name), 'BM');
    const res = await createAppProtocolHandler(rendererDir, media)(new Request(`app://yandu/media/${name}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/bmp');
  });

  it('serves index.html for / with the CSP, nosniff and an HTML content type', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    const res = await handler(new Request('app://yandu/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>研读</title>');
  });

  it('serves assets with their content types', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    const js = await handler(new Request('app://yandu/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await handler(new Request('app://yandu/assets/app.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 with the security headers for missing files, traversal and foreign hosts', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    for (const url of [
      'app://yandu/missing.js',
      'app://yandu/..%2fsecret.txt',
      'app://yandu/%2e%2e/secret.txt',
      'app://other/index.html',
      'app://yandu/assets',
    ]) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('does not follow a symlink out of the root', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    const res = await handler(new Request('app://yandu/assets/link.txt'));
    expect(res.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createAppProtocolHandler(rendererDir);
    const res = await handler(new Request('app://yandu/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
    const head = await handler(new Request('app://yandu/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('puts the CSP on every header set', () => {
    expect(appResponseHeaders('image/png')).toMatchObject({
      'Content-Type': 'image/png',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
