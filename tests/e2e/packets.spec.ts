/**
 * The packet round trip in real Chromium: the leader builds a session with readings and
 * excerpts and exports a packet; a fresh browser profile imports it, sees the overlay, writes
 * notes and exports a return file; the leader imports that and sees the counts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { shortFingerprint } from '../../shared/packet/signature';
import { expect, test } from './fixtures';
import { buildPacket, testSigner } from './gap-helpers';

/** Selects characters [from, to) of block `block` of the open article. */
async function selectInBlock(page: Page, block: number, from: number, to: number): Promise<string> {
  return page.getByTestId('article-body').evaluate(
    (body, { block, from, to }) => {
      const el = body.children[block]!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode() as Text;
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, to);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return sel.toString();
    },
    { block, from, to },
  );
}

async function leaderPaint(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.includes('leader')) n += h.size;
    return n;
  });
}

test('leader → packet → member → return file → leader sees the counts', async ({ app, host, browser, requests }) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-e2e-pk-'));

  // --- Leader: a session with two readings.
  await app.getByRole('link', { name: '学习计划' }).click();
  await expect(app.getByTestId('study-dashboard')).toContainText('本年度集中学习 0/6 次');
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('坚持民主集中制');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await app.getByLabel('专题', { exact: true }).fill('坚持民主集中制');
  await app.getByLabel('地点', { exact: true }).first().fill('三楼会议室');
  await app.getByLabel('主持人', { exact: true }).first().fill('赵书记');
  await app.getByLabel('主持人', { exact: true }).first().blur();
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await expect(app.getByTestId('readings').locator('li')).toHaveCount(1);
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  await expect(app.getByTestId('readings').locator('li')).toHaveCount(2);
  const firstTitle = (await app.getByTestId('readings').locator('li a').first().textContent())!;

  // --- Leader: an excerpt with a comment on the first reading.
  await app.getByTestId('readings').locator('li a').first().click();
  await expect(app.getByTestId('leader-panel')).toBeVisible();
  const quote = await selectInBlock(app, 1, 0, 14);
  expect(quote.length).toBe(14);
  await app.getByRole('button', { name: '把选中文字设为重点摘编' }).click();
  await expect(app.getByTestId('leader-excerpt')).toHaveCount(1);
  await app.getByLabel('批注（可选）').fill('这是本次学习的重点，请结合实际谈认识。');
  await app.getByRole('button', { name: '保存批注' }).click();
  await expect.poll(() => leaderPaint(app)).toBeGreaterThan(0);

  // --- Leader: the 学习记录 (attendance) and the packet.
  await app.goBack();
  await expect(app.getByTestId('session-page')).toBeVisible();
  await expect(app.getByTestId('readings')).toContainText('重点摘编 1 条');
  // No member list yet: everyone is added as a guest, then marked.
  for (const name of ['赵书记', '王五', '钱六']) {
    await app.getByTestId('attendance-picker').getByLabel('来宾姓名').fill(name);
    await app.getByTestId('attendance-picker').getByRole('button', { name: '添加来宾' }).click();
  }
  await app.getByLabel('钱六 出勤').selectOption('absent');
  await app.getByLabel('钱六 缺席原因').fill('出差');
  await app.getByRole('button', { name: '保存学习记录' }).click();
  const packetDownload = app.waitForEvent('download');
  await app.getByRole('button', { name: '导出学习资料包' }).click();
  const packetFile = path.join(dir, (await packetDownload).suggestedFilename());
  await (await packetDownload).saveAs(packetFile);
  expect(packetFile.endsWith('.yandu')).toBe(true);
  await expect(app.getByTestId('session-status')).toContainText('已导出');

  // The leader's library is backed up (as continuous backups do once changes settle).
  await app.getByRole('link', { name: '设置' }).click();
  await app.getByRole('button', { name: '立即备份' }).click();
  await expect(app.getByTestId('backup-status')).toContainText('已备份', { timeout: 30_000 });

  // --- Member: a fresh profile imports it.
  const member = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  const memberRequests: string[] = [];
  member.on('request', (r) => memberRequests.push(r.url()));
  await member.goto(host.url);
  await expect(member.getByTestId('article-row').first()).toBeVisible();
  // Same data folder, empty library: the leader's backup is offered; the member declines (暂不).
  const offer = member.getByRole('dialog', { name: '恢复文库？' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '暂不' }).click();
  await expect(offer).toBeHidden();
  await member.getByRole('link', { name: '资料包' }).click();

  // A damaged copy is refused with a code and nothing is written.
  const bytes = await readFile(packetFile);
  const broken = path.join(dir, 'broken.yandu');
  await writeFile(broken, bytes.subarray(0, bytes.length - 200));
  await member.getByTestId('pk-file').setInputFiles(broken);
  await expect(member.getByTestId('pk-error')).toContainText(/E_PACKET_(TRUNCATED|FORMAT)/);
  await expect(member.getByTestId('pk-error')).toContainText('文件');

  await member.getByTestId('pk-file').setInputFiles(packetFile);
  await expect(member.getByTestId('pk-preview').last()).toContainText('重点摘编 1 条');
  // Signed by the leader's key, seen for the first time: it is pinned on import.
  await expect(member.getByTestId('pk-signer').last()).toHaveAttribute('data-state', 'first');
  await expect(member.getByTestId('pk-signer-fp').last()).toHaveText(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await member.getByRole('button', { name: '确认导入' }).click();
  await expect(member.getByTestId('pk-done')).toBeVisible();
  // Importing again changes nothing.
  await member.getByTestId('pk-file').setInputFiles(packetFile);
  await expect(member.getByTestId('pk-item').last()).toContainText('已经导入过');

  // --- Member: the overlay, switchable, and copied into a note.
  await member.getByRole('link', { name: '学习计划' }).click();
  await member.getByRole('link', { name: '坚持民主集中制' }).click();
  await member.getByTestId('readings').getByRole('link', { name: firstTitle }).click();
  await expect(member.getByTestId('leader-comment')).toHaveText('这是本次学习的重点，请结合实际谈认识。');
  await expect.poll(() => leaderPaint(member)).toBeGreaterThan(0);
  await member.getByRole('button', { name: '显示重点摘编' }).click();
  await expect.poll(() => leaderPaint(member)).toBe(0);
  await member.getByRole('button', { name: '显示重点摘编' }).click();
  await expect.poll(() => leaderPaint(member)).toBeGreaterThan(0);
  await member.getByRole('button', { name: '复制到我的笔记' }).click();
  await expect(member.getByTestId('leader-panel')).toContainText('已复制到笔记');

  // --- Member: a 心得体会 in the notebook.
  await member.getByRole('link', { name: '笔记本' }).click();
  await member.getByRole('button', { name: '新建心得体会' }).click();
  await member.getByLabel('标题').fill('学习民主集中制的体会');
  await member.getByTestId('note-body').click();
  await member.keyboard.type('民主集中制是根本组织原则。');
  await expect(member.getByTestId('note-status')).toHaveText('已保存');
  await member.keyboard.press('Escape');

  // --- Member: the return file.
  await member.getByRole('link', { name: '学习计划' }).click();
  await member.getByRole('link', { name: '坚持民主集中制' }).click();
  await member.locator('#me-name').fill('王五');
  await member.locator('#me-title').fill('副主任');
  await expect(member.getByTestId('my-return').getByRole('checkbox')).toHaveCount(2);
  const returnDownload = member.waitForEvent('download');
  await member.getByRole('button', { name: '导出回执' }).click();
  const returnFile = path.join(dir, (await returnDownload).suggestedFilename());
  await (await returnDownload).saveAs(returnFile);
  expect(path.basename(returnFile)).toContain('回执');

  // --- Leader: imports the return and sees the counts.
  await app.getByRole('link', { name: '资料包' }).click();
  await app.getByTestId('pk-file').setInputFiles(returnFile);
  await expect(app.getByTestId('pk-item').last()).toContainText('王五 的回执');
  await expect(app.getByTestId('pk-signer').last()).toHaveAttribute('data-state', 'first');
  await app.getByRole('button', { name: '确认导入' }).click();
  await expect(app.getByTestId('pk-done')).toBeVisible();
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('link', { name: '坚持民主集中制' }).click();
  const row = app.getByTestId('return-row').filter({ hasText: '王五' });
  await expect(row).toContainText('副主任');
  await expect(row).toContainText('已交');
  await expect(row).toContainText('出席');
  // 笔记字数 (the note copied from the leader's excerpt) and 心得字数, apart.
  const cells = await row.locator('td').allTextContents();
  expect(Number(cells[3]!.replace(/,/g, ''))).toBeGreaterThan(0);
  expect(cells[4]).toBe(String('民主集中制是根本组织原则。'.length));
  await expect(app.getByTestId('return-row').filter({ hasText: '钱六' })).toContainText('缺席（出差）');

  // Nothing left 127.0.0.1.
  for (const url of [...requests, ...memberRequests])
    expect(url.startsWith(host.origin) || url.startsWith('blob:') || url.startsWith('data:')).toBe(true);
  await member.context().close();
});

test('勘误 preview shows what changed; a downgrade, another key or no signature cannot be confirmed until allowed', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const a1 = { id: 'kw_art_0001', title: '勘误第一篇', html: '<p>第一篇文章的正文，用来检验勘误预览。</p>' };
  const a2 = { id: 'kw_art_0002', title: '勘误第二篇', html: '<p>第二篇文章的正文，新版本会移除这一篇。</p>' };
  const a3 = { id: 'kw_art_0003', title: '勘误第三篇', html: '<p>第三篇文章的正文，新版本新增的篇目。</p>' };
  const common = { id: 'p_kanwu_01', sessionId: 's_kanwu_01', title: '勘误预览资料包', topic: '勘误预览专题' };
  const v1 = buildPacket({
    ...common,
    articles: [a1, a2],
    excerptIds: ['kw_h1', 'kw_h2'],
    comment: (i) => (i === 0 ? '原批注：请联系实际' : '第二篇的批注'),
  });
  const v2 = buildPacket({
    ...common,
    version: 2,
    articles: [a1, a3],
    excerptIds: ['kw_h1', 'kw_h3'],
    comment: (i) => (i === 0 ? '新批注：请结合本单位实际' : null),
  });
  const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
  const item = () => app.getByTestId('pk-item').last();
  const confirm = () => item().getByRole('button', { name: '确认导入' });

  // Version 1: signed by the 发放单位's key, pinned on this first import.
  await app.getByRole('link', { name: '资料包' }).click();
  await app.getByTestId('pk-file').setInputFiles(file('v1.yandu', v1));
  await expect(item().getByTestId('pk-signer')).toHaveAttribute('data-state', 'first');
  await expect(item().getByTestId('pk-signer-fp')).toHaveText(shortFingerprint(testSigner().fingerprint));
  await confirm().click();
  await expect(item().getByTestId('pk-done')).toBeVisible();

  // A note of the member's own on the reading version 2 removes.
  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByRole('link', { name: '勘误预览专题' }).click();
  await app.getByTestId('readings').getByRole('link', { name: '勘误第二篇' }).click();
  await app.getByRole('button', { name: '复制到我的笔记' }).click();
  await expect(app.getByTestId('leader-panel')).toContainText('已复制到笔记');

  // Version 2: the preview says which excerpt changed (both texts), which went, which came, and about notes.
  await app.getByRole('link', { name: '资料包' }).click();
  await app.getByTestId('pk-file').setInputFiles(file('v2.yandu', v2));
  await expect(item().getByTestId('pk-signer')).toHaveAttribute('data-state', 'match');
  const diff = item().getByTestId('pk-diff');
  await expect(diff.getByTestId('pk-diff-changed').locator('.pk-diff-old')).toContainText('原批注：请联系实际');
  await expect(diff.getByTestId('pk-diff-changed').locator('.pk-diff-new')).toContainText('新批注：请结合本单位实际');
  await expect(diff.getByTestId('pk-diff-removed')).toContainText('《勘误第二篇》');
  await expect(diff.getByTestId('pk-diff-removed')).toContainText('第二篇的批注');
  await expect(diff.getByTestId('pk-diff-added')).toContainText('《勘误第三篇》');
  await expect(diff.getByTestId('pk-diff-readings-removed')).toHaveText(/勘误第二篇/);
  await expect(diff.getByTestId('pk-diff-readings-added')).toHaveText(/勘误第三篇/);
  await expect(diff.getByTestId('pk-diff-notes')).toContainText('1 条笔记写在被移除的篇目上');
  await expect(diff.getByTestId('pk-diff-notes')).toContainText('仍留在笔记本中');
  await item().screenshot({ path: testInfo.outputPath('kanwu-preview.png') });
  await confirm().click();
  await expect(item().getByTestId('pk-done')).toBeVisible();

  // Version 1 again: a downgrade; the button is off and says why.
  await app.getByTestId('pk-file').setInputFiles(file('v1-again.yandu', v1));
  await expect(item().getByTestId('pk-blocked')).toContainText('已安装第 2 版');
  await expect(confirm()).toBeDisabled();

  // Version 3 signed by another key: refused until the new fingerprint is typed.
  const newKey = testSigner(9);
  const v3 = buildPacket({ ...common, version: 3, articles: [a1, a3], excerptIds: ['kw_h1', 'kw_h3'], signer: newKey });
  await app.getByTestId('pk-file').setInputFiles(file('v3.yandu', v3));
  await expect(item().getByTestId('pk-signer')).toHaveAttribute('data-state', 'changed');
  await expect(item().getByTestId('pk-blocked')).toContainText('拒绝导入');
  await expect(confirm()).toBeDisabled();
  await item().getByTestId('pk-keychange').fill(shortFingerprint(testSigner().fingerprint));
  await expect(confirm()).toBeDisabled();
  await item().getByTestId('pk-keychange').fill(shortFingerprint(newKey.fingerprint));
  await expect(confirm()).toBeEnabled();
  await confirm().click();
  await expect(item().getByTestId('pk-done')).toBeVisible();

  // Version 4 unsigned: refused until the user accepts an unsigned file.
  const v4 = buildPacket({ ...common, version: 4, articles: [a1, a3], excerptIds: ['kw_h1', 'kw_h3'], signer: null });
  await app.getByTestId('pk-file').setInputFiles(file('v4.yandu', v4));
  await expect(item().getByTestId('pk-signer')).toHaveAttribute('data-state', 'unsigned');
  await expect(confirm()).toBeDisabled();
  await item().getByRole('checkbox', { name: '仍然导入未签名的文件（将记入日志）' }).check();
  await expect(confirm()).toBeEnabled();
  await confirm().click();
  await expect(item().getByTestId('pk-done')).toBeVisible();

  // The pin follows the announced key change; the log keeps every pin and override.
  await expect(app.getByTestId('pk-pins')).toContainText(shortFingerprint(newKey.fingerprint));
  await app.getByTestId('pk-keys').getByText('签名记录').click();
  await expect(app.getByTestId('pk-pin-log').locator('li')).toHaveCount(3);
  await expect(app.getByTestId('pk-pin-log')).toContainText('更换密钥');
  await expect(app.getByTestId('pk-pin-log')).toContainText('导入未签名文件');
});

test('签名密钥 leaves only encrypted with a passphrase; a wrong passphrase imports nothing', async ({ app }) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-e2e-key-'));
  await app.getByRole('link', { name: '资料包' }).click();
  const panel = app.getByTestId('pk-keys');
  // A fresh data folder has no key until something is signed (or exported).
  await expect(panel.getByTestId('pk-key-mine')).toHaveText('本机还没有签名密钥（第一次导出资料包或回执时生成）。');
  await panel.getByLabel('口令（至少 8 个字符）').fill('学习口令 2025');
  await panel.getByLabel('再次输入口令').fill('学习口令 2024');
  await panel.getByRole('button', { name: '导出签名密钥' }).click();
  await expect(panel.getByTestId('pk-key-status')).toContainText('两次输入的口令不一致');

  await panel.getByLabel('再次输入口令').fill('学习口令 2025');
  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: '导出签名密钥' }).click();
  const keyFile = path.join(dir, (await download).suggestedFilename());
  await (await download).saveAs(keyFile);
  await expect(panel.getByTestId('pk-key-status')).toContainText('已导出签名密钥');
  await expect(panel.getByTestId('pk-key-mine')).toHaveText(/^本机密钥指纹：[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  const mine = (await panel.getByTestId('pk-key-mine').textContent())!.replace('本机密钥指纹：', '');
  const text = await readFile(keyFile, 'utf8');
  expect(text).not.toContain('PRIVATE KEY');
  expect(JSON.parse(text)).toMatchObject({ format: 'yandu-signing-key', kdf: { name: 'scrypt' }, cipher: { name: 'aes-256-gcm' } });

  await panel.getByTestId('pk-key-file').setInputFiles(keyFile);
  await panel.getByLabel('口令（至少 8 个字符）').fill('不对的口令 2025');
  await panel.getByRole('button', { name: '导入签名密钥' }).click();
  await expect(panel.getByTestId('pk-key-status')).toContainText('口令不对');
  await expect(panel.getByTestId('pk-key-mine')).toHaveText(`本机密钥指纹：${mine}`);

  await panel.getByTestId('pk-key-file').setInputFiles(keyFile);
  await panel.getByLabel('口令（至少 8 个字符）').fill('学习口令 2025');
  await panel.getByRole('button', { name: '导入签名密钥' }).click();
  await expect(panel.getByTestId('pk-key-status')).toContainText(`已导入签名密钥（${mine}）`);
  await expect(panel.getByTestId('pk-key-mine')).toHaveText(`本机密钥指纹：${mine}`);
});
