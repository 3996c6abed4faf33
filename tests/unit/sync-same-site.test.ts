/**
 * A source's own site under the names sites move between: a list page that redirects to the
 * www. alias of its host (or from http to https on it) needs no consent; any other host still
 * does. Real requests to a real server on 127.0.0.1: the client's fetch sends each named host
 * there, marking which name was asked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, HttpClient } from '../../main/services/sync/http-client';
import { policyForSource } from '../../main/services/sync';

let server: http.Server;
let port = 0;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // /<host>/<path>: which name the client asked for.
    const [, host = '', ...rest] = (req.url ?? '/').split('/');
    const p = `/${rest.join('/')}`;
    seen.push(`${host}${p}`);
    if (p === '/robots.txt') {
      res.writeHead(404);
      return res.end();
    }
    if (host === 'intranet.test' && p === '/list/') {
      res.writeHead(301, { Location: 'http://www.intranet.test/list/' });
      return res.end();
    }
    if (host === 'intranet.test' && p === '/away/') {
      res.writeHead(302, { Location: 'http://cdn.other.test/list/' });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<p>${host}${p}</p>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function client(location: string) {
  const fetchImpl: typeof fetch = (input, init) => {
    const u = new URL(String(input instanceof Request ? input.url : input));
    return fetch(`http://127.0.0.1:${port}/${u.hostname}${u.pathname}${u.search}`, init);
  };
  return new HttpClient({ delayMs: 0, fetchImpl, lookup: async () => ['127.0.0.1'], policy: policyForSource({ location }) });
}

describe('same site', () => {
  it('follows a redirect to the www. alias of the source’s host without consent', async () => {
    const res = await client('http://intranet.test/list/').get('http://intranet.test/list/');
    expect(res.finalUrl).toBe('http://www.intranet.test/list/');
    expect(new TextDecoder().decode(res.bytes)).toContain('www.intranet.test/list/');
  });

  it('still refuses a redirect to another host, before any request there', async () => {
    const error = (await client('http://intranet.test/list/')
      .get('http://intranet.test/away/')
      .catch((e: unknown) => e)) as FetchError;
    expect(error).toMatchObject({ reason: 'policy', code: 'E_FORBIDDEN' });
    expect(seen.some((s) => s.startsWith('cdn.other.test'))).toBe(false);
  });

  it('treats the https upgrade and the www. alias as the same site, nothing else', () => {
    const policy = policyForSource({ location: 'http://www.dangjian.example.cn/tzgg/' });
    expect(policy.check('https://www.dangjian.example.cn/tzgg/')).toBeNull();
    expect(policy.check('https://dangjian.example.cn/tzgg/')).toBeNull();
    expect(policy.check('http://dangjian.example.cn/a.html')).toBeNull();
    expect(policy.check('http://news.dangjian.example.cn/')).not.toBeNull();
    expect(policy.check('http://www.dangjian.example.cn:8080/')).not.toBeNull();
    // No downgrade, and an address has no alias.
    expect(policyForSource({ location: 'https://intra.example/' }).check('http://intra.example/')).not.toBeNull();
    const byAddress = policyForSource({ location: 'http://10.1.2.3:8080/list/' });
    expect(byAddress.check('https://10.1.2.3:8080/list/')).not.toBeNull();
    expect(byAddress.check('http://10.1.2.3:8080/a.html')).toBeNull();
  });
});
