/**
 * Channels (issue 21) in real Chromium on two browser hosts (two data folders: a leader's and a
 * member's copy) against real WebDAV servers on 127.0.0.1 started here: Apache httpd with
 * mod_dav for the round trip (publish → member sees the packet with its signer → imports it
 * through the ordinary import → submits a return → leader fetches and imports it), and rclone
 * (which can be stopped and started again on the same port) for wrong credentials and the
 * outbox while the server is away.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { davSkipReason, makeTestCerts, opensslSkipReason, startApache, startRclone, type DavServer } from '../unit/helpers/dav-servers';
import { expect, startHost, test } from './fixtures';

/** A folder's files on the server's disk, without Apache's own lock state (.DAV, never served over WebDAV). */
const files = (dir: string) => readdirSync(dir).filter((n) => n !== '.DAV');

const apacheMissing = davSkipReason('apache-basic');
const rcloneMissing = davSkipReason('rclone');
if (apacheMissing) console.log(`channels e2e round trip skipped: ${apacheMissing}`);
if (rcloneMissing) console.log(`channels e2e outbox test skipped: ${rcloneMissing}`);

/** Screenshots for review go here when set (never into the repository). */
const SHOTS = process.env.YANDU_SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
}

/** A session with one reading, from the leader's library. */
async function planSession(app: Page, topic: string) {
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill(topic);
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await expect(app.getByTestId('readings').locator('li')).toHaveCount(1);
}

async function addChannel(page: Page, name: string, server: DavServer, password: string) {
  await page.getByRole('link', { name: '资料包' }).click();
  const form = page.getByRole('form', { name: '添加通道' });
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('WebDAV 文件夹地址').fill(`${server.url}研读/`);
  await form.getByLabel('用户名').fill(server.user);
  await form.getByLabel('密码', { exact: true }).fill(password);
  await form.getByRole('button', { name: '添加通道' }).click();
  await expect(page.getByTestId('ch-channel').filter({ hasText: name })).toBeVisible();
}

test.describe('channels against Apache mod_dav', () => {
  test.skip(apacheMissing !== null, apacheMissing ?? '');
  let server: DavServer;
  test.beforeAll(async () => {
    server = await startApache('basic', 'dangwei', '学习-2026');
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('leader publishes, member imports with the signer shown, returns flow back', async ({ app, browser, requests }) => {
    test.setTimeout(180_000);
    await app.setViewportSize({ width: 1366, height: 768 });
    // --- Leader: a channel (the password stays with the host), a session, 发布到通道.
    await addChannel(app, '集团党委通道', server, server.password);
    const card = app.getByTestId('ch-channel').filter({ hasText: '集团党委通道' });
    await expect(card.getByTestId('ch-protection')).toHaveText('密码保存在仅本人可读的文件');
    await expect(card).toContainText('通道中还没有资料包');
    await expect(card).toContainText(`${server.url}研读/`);

    await planSession(app, '通道发布专题');
    await app.getByTestId('ch-publish').getByRole('button', { name: '发布到通道' }).click();
    await expect(app.getByTestId('ch-publish-status')).toHaveText('已发送到通道');
    const published = files(path.join(server.root, '研读', 'packets')).sort();
    // The packet and its notice beside it, and the channel's index (a cache).
    expect(published).toHaveLength(3);
    expect(published[0]).toBe('index.json');
    expect(published[1]).toMatch(/-v1\.notice\.txt$/);
    expect(published[2]).toMatch(/-v1\.yandu$/);
    // Published again (the same version exported anew, another time inside): already there, not 失败.
    const publishButton = app.getByTestId('ch-publish').getByRole('button', { name: '发布到通道' });
    await publishButton.click();
    // Disabled while sending; enabled again once main has answered.
    await expect(publishButton).toBeEnabled();
    await expect(app.getByTestId('ch-publish-status')).toHaveText('已发送到通道');
    await app.getByRole('link', { name: '资料包' }).click();
    await expect(app.getByTestId('ch-outbox-item')).toHaveCount(2);
    await expect(app.getByTestId('ch-outbox-state')).toHaveText(['已发送', '已发送']);
    expect(files(path.join(server.root, '研读', 'packets'))).toHaveLength(3);
    // The leader's own packet is not news to the leader.
    const own = app.getByTestId('ch-packet').filter({ hasText: '通道发布专题学习资料' });
    await expect(own).toContainText('本机已有');
    await expect(own.getByTestId('ch-notice')).toHaveText('· 附有发放说明');
    await expect(own.getByRole('button', { name: '导入' })).toHaveCount(0);
    await app.getByTestId('ch-section').scrollIntoViewIfNeeded();
    await shot(app, 'channels-section-leader.png');
    // The leader's own key, as the 签名密钥 panel shows it: the member must see the same one.
    const FP = /[0-9A-F]{4}(-[0-9A-F]{4}){3}/;
    await expect(app.getByTestId('pk-key-mine')).toContainText(FP);
    const leaderFp = FP.exec((await app.getByTestId('pk-key-mine').textContent())!)![0];

    // --- Member: another host, another data folder, another browser profile.
    const memberHost = await startHost();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    const member = await context.newPage();
    const memberRequests: string[] = [];
    member.on('request', (r) => memberRequests.push(r.url()));
    try {
      await member.goto(memberHost.url);
      await expect(member.getByTestId('article-row').first()).toBeVisible();
      await addChannel(member, '集团党委通道', server, server.password);
      // Started again: the configured channel is looked at once, after the library has loaded.
      await member.reload();
      const notice = member.getByTestId('toast').filter({ hasText: '通道中有 1 个新资料包' });
      await expect(notice).toBeVisible();
      await member.getByRole('link', { name: '文库' }).click();
      await notice.getByRole('button', { name: '查看' }).click();
      await expect(member.getByTestId('ch-section')).toBeVisible();
      const line = member.getByTestId('ch-packet').filter({ hasText: '通道发布专题学习资料' });
      await expect(line).toContainText('第 1 版');
      // The leader set no 发放单位 (nor a name): the manifest names none, and the line says so.
      await expect(line.getByTestId('ch-issuer')).toHaveText('未注明');
      await expect(line).toContainText('新');
      // The signer: the key's short form, seen for the first time (nothing pinned yet).
      await expect(line.getByTestId('ch-signer')).toContainText(/签名密钥 [0-9A-F]{4}(-[0-9A-F]{4}){3}/);
      await expect(line.getByTestId('ch-signer')).toContainText('首次见到此密钥');
      await expect(line.getByTestId('ch-signer')).toContainText(leaderFp);
      // Described from the channel's index: the signer is a claim until the file is fetched.
      await expect(line.getByTestId('ch-unverified')).toHaveText(/未验证/);
      await member.getByTestId('ch-section').scrollIntoViewIfNeeded();
      await line.scrollIntoViewIfNeeded();
      await shot(member, 'channels-member-packets.png');

      // 导入: the ordinary import card (preview, signer, confirm; a backup before it).
      await line.getByRole('button', { name: '导入' }).click();
      const item = member.getByTestId('pk-item').last();
      await expect(item.getByTestId('pk-preview')).toContainText('新增文章');
      await expect(item.getByTestId('pk-signer')).toHaveAttribute('data-state', 'first');
      // Fetched and checked: the line shows what the file says, verified.
      await expect(line.getByTestId('ch-unverified')).toHaveCount(0);
      await expect(line.getByTestId('ch-signer')).toContainText(leaderFp);
      await item.getByRole('button', { name: '确认导入' }).click();
      await expect(item.getByTestId('pk-done')).toBeVisible();
      // Installed now, and the 发放单位 pinned: the line says so.
      await expect(line).toContainText('本机已有');
      await expect(line.getByTestId('ch-signer')).toContainText('已认可的发放单位');

      // --- Member: 提交回执 into returns/<session>/.
      await member.getByRole('link', { name: '学习计划' }).click();
      await member.getByRole('link', { name: '通道发布专题' }).click();
      await member.locator('#me-name').fill('王五');
      await member.locator('#me-title').fill('副主任');
      await member.getByTestId('ch-submit').getByRole('button', { name: '提交回执' }).click();
      await expect(member.getByTestId('ch-submit-status')).toHaveText('已发送到通道');
      const sessions = files(path.join(server.root, '研读', 'returns'));
      expect(sessions).toHaveLength(1);
      expect(files(path.join(server.root, '研读', 'returns', sessions[0]!))).toHaveLength(1);

      // --- Leader: 从通道取回回执, the file is new, imported, and in the 回执 table.
      await app.getByRole('link', { name: '学习计划' }).click();
      await app.getByRole('link', { name: '通道发布专题' }).click();
      const returns = app.getByTestId('ch-returns');
      await returns.getByRole('button', { name: '从通道取回回执' }).click();
      const file = returns.getByTestId('ch-return-file');
      await expect(file).toHaveCount(1);
      await expect(file).toContainText('王五 的回执（通道发布专题）');
      await expect(file.getByTestId('ch-return-state')).toHaveText('新');
      await file.getByRole('button', { name: '导入' }).click();
      await expect(file.getByTestId('ch-return-state')).toHaveText('已导入');
      await expect(app.getByTestId('return-row').filter({ hasText: '王五' })).toContainText('已交');
      // Fetched again: the same file is known.
      await returns.getByRole('button', { name: '从通道取回回执' }).click();
      await expect(file.getByTestId('ch-return-state')).toHaveText('已导入');
      await expect(file.getByRole('button', { name: '导入' })).toHaveCount(0);

      // The browsers spoke only to their own hosts (the WebDAV traffic is the hosts').
      for (const url of requests) expect(url.startsWith(new URL(app.url()).origin) || url.startsWith('blob:')).toBe(true);
      for (const url of memberRequests) expect(url.startsWith(memberHost.origin) || url.startsWith('blob:')).toBe(true);
    } finally {
      await context.close();
      memberHost.process.kill('SIGTERM');
      await memberHost.exited;
    }
  });
});

test.describe('channel outbox against rclone', () => {
  test.skip(rcloneMissing !== null, rcloneMissing ?? '');

  test('wrong password: a Chinese error, nothing queued; server away: 待发送, back: 已发送; the 学习记录 into records/', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    let server = await startRclone('member', 'pass-2026');
    const at = { port: server.port, root: server.root };
    try {
      await addChannel(app, '测试通道', server, 'wrong-password');
      await expect(app.getByTestId('ch-error')).toContainText('用户名或密码错误');
      await planSession(app, '通道队列专题');
      await app.getByTestId('ch-publish').getByRole('button', { name: '发布到通道' }).click();
      await expect(app.getByTestId('ch-publish-status')).toContainText('用户名或密码错误');
      await app.getByRole('link', { name: '资料包' }).click();
      await expect(app.getByText('没有待发送的内容。')).toBeVisible();
      expect(existsSync(path.join(at.root, '研读', 'packets'))).toBe(false);

      // The right password; then the server goes away.
      const card = app.getByTestId('ch-channel').filter({ hasText: '测试通道' });
      await card.getByRole('button', { name: '修改密码' }).click();
      await card.getByLabel('新密码').fill('pass-2026');
      await card.getByRole('button', { name: '保存密码' }).click();
      await expect(card.getByLabel('新密码')).toHaveCount(0);
      await server.close();

      await app.getByRole('link', { name: '学习计划' }).click();
      await app.getByRole('link', { name: '通道队列专题' }).click();
      await app.getByTestId('ch-publish').getByRole('button', { name: '发布到通道' }).click();
      await expect(app.getByTestId('ch-publish-status')).toHaveText('服务器暂时无法连接：已排队，服务器恢复后自动发送。');
      await app.getByRole('link', { name: '资料包' }).click();
      const item = app.getByTestId('ch-outbox-item');
      await expect(item).toHaveCount(1);
      await expect(item).toHaveAttribute('data-state', 'pending');
      await expect(item.getByTestId('ch-outbox-state')).toContainText(/^待发送（\d+ 秒后重试）$/);

      // Back on the same port and folder: 重试 sends it.
      server = await startRclone('member', 'pass-2026', at);
      await item.getByRole('button', { name: '重试' }).click();
      await expect(item.getByTestId('ch-outbox-state')).toHaveText('已发送');
      await expect(item).toHaveAttribute('data-state', 'done');
      // The packet, its notice and the channel's index (a cache).
      expect(files(path.join(at.root, '研读', 'packets')).filter((n) => n.endsWith('.yandu'))).toHaveLength(1);
      expect(files(path.join(at.root, '研读', 'packets')).sort()).toEqual([
        'index.json',
        expect.stringMatching(/\.notice\.txt$/),
        expect.stringMatching(/\.yandu$/),
      ]);

      // The session's 学习记录 (its Word file) into records/ from the print view.
      await app.getByRole('link', { name: '学习计划' }).click();
      await app.getByRole('link', { name: '通道队列专题' }).click();
      await expect(app).toHaveURL(/#\/study\/[A-Za-z0-9_-]+$/);
      const sessionId = /#\/study\/([A-Za-z0-9_-]+)$/.exec(app.url())![1]!;
      await app.goto(`${new URL(app.url()).origin}/#/print/record/${sessionId}`);
      await app.getByTestId('record-channel').getByRole('button', { name: '学习记录上传到通道' }).click();
      await expect(app.getByTestId('record-channel-status')).toHaveText('已发送到通道');
      const records = files(path.join(at.root, '研读', 'records'));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatch(new RegExp(`^${sessionId}-\\d{4}-\\d{2}-\\d{2}\\.docx$`));
      expect(
        readFileSync(path.join(at.root, '研读', 'records', records[0]!))
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('PK\x03\x04');
      // And its PDF, made by the host from the document as laid out here.
      await app.getByTestId('record-channel').getByRole('button', { name: '学习记录（PDF）上传到通道' }).click();
      // Chromium printing the document takes a while on a loaded machine.
      await expect(app.getByTestId('record-channel-status')).toHaveText('已发送到通道', { timeout: 120_000 });
      const pdf = files(path.join(at.root, '研读', 'records')).filter((n) => n.endsWith('.pdf'));
      expect(pdf).toEqual([records[0]!.replace(/\.docx$/, '.pdf')]);
      const pdfBytes = readFileSync(path.join(at.root, '研读', 'records', pdf[0]!));
      expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfBytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
    } finally {
      await server.close();
      rmSync(at.root, { recursive: true, force: true });
    }
  });
});

test.describe('a channel over https with the unit root certificate', () => {
  const missing = rcloneMissing ?? opensslSkipReason();
  test.skip(missing !== null, missing ?? '');

  test('without the root: the certificate error; the chosen root shows its subject and fingerprint and is trusted; added later in the channel settings too', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-ca-'));
    const certs = makeTestCerts(dir);
    const server = await startRclone('member', 'pass-2026', undefined, { cert: certs.cert, key: certs.key });
    try {
      await addChannel(app, '无根证书', server, server.password);
      await expect(app.getByTestId('ch-channel').filter({ hasText: '无根证书' }).getByTestId('ch-error')).toContainText(
        '可在通道设置中添加单位的根证书',
      );

      const form = app.getByRole('form', { name: '添加通道' });
      await form.getByLabel('名称').fill('单位通道');
      await form.getByLabel('WebDAV 文件夹地址').fill(`${server.url}研读/`);
      await form.getByLabel('用户名').fill(server.user);
      await form.getByLabel('密码', { exact: true }).fill(server.password);
      // A private key is not a certificate: a Chinese error, nothing chosen.
      await form.getByTestId('ch-ca-input').setInputFiles(certs.caKeyFile);
      await expect(form.getByRole('alert')).toContainText('根证书无效');
      await expect(form.getByTestId('ch-ca-chosen')).toHaveCount(0);
      await form.getByTestId('ch-ca-input').setInputFiles(certs.caFile);
      const fingerprint = new X509Certificate(readFileSync(certs.caFile)).fingerprint256;
      await expect(form.getByTestId('ch-ca-chosen')).toContainText('Unit Root CA');
      await expect(form.getByTestId('ch-ca-chosen')).toContainText(fingerprint);
      await form.getByRole('button', { name: '添加通道' }).click();
      const card = app.getByTestId('ch-channel').filter({ hasText: '单位通道' });
      await expect(card.getByTestId('ch-ca')).toContainText('Unit Root CA');
      await expect(card.getByText('通道中还没有资料包。')).toBeVisible();
      await expect(card.getByTestId('ch-error')).toHaveCount(0);

      // The first channel gets the root in its settings afterwards: the error goes.
      const bare = app.getByTestId('ch-channel').filter({ hasText: '无根证书' });
      await bare.getByTestId('ch-card-ca-input').setInputFiles(certs.caFile);
      await expect(bare.getByTestId('ch-ca')).toContainText('Unit Root CA');
      await expect(bare.getByText('通道中还没有资料包。')).toBeVisible();
      await expect(bare.getByTestId('ch-error')).toHaveCount(0);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
