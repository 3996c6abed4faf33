/**
 * A page on another 127.0.0.1 port cannot open the app with the user's cookie: Chromium marks
 * that navigation same-site (ports do not make another site), and the host refuses it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

let server: http.Server | null = null;
test.afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

test('a link from another local port opens a refusal, not the app; the app itself still opens', async ({ app, host }) => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><a id="go" href="${host.origin}/">打开研读</a>`);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const other = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  // The page holds the app's cookie (the fixture opened the tokenised address).
  await app.goto(other);
  const [response] = await Promise.all([app.waitForNavigation(), app.click('#go')]);
  expect(response?.status()).toBe(403);
  await expect(app.locator('body')).toContainText('拒绝来自其他网站或其他端口的请求');
  await expect(app.getByTestId('article-row')).toHaveCount(0);

  // Typed or opened directly, the same address is the app.
  await app.goto(`${host.origin}/`);
  await expect(app.getByTestId('article-row').first()).toBeVisible();
});
