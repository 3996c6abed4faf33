/**
 * Members' returns read in full, in the browser host (issue 20 item 2): the leader's session
 * picks its 中心发言人 and attendance from the group's members (by keyboard, a guest added),
 * imports two members' return files (written with the real return writer), sees 笔记字数 and
 * 心得字数 apart, reads every member's notes with their excerpts, finds a word from a 心得 with
 * the app's search and lands on it, prints the 学习心得汇编 to PDF (pages and 目录 numbers read
 * back with poppler) and exports it to Word (a TOC field and every member's section).
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { countZi } from '../../shared/text';
import { expect, test } from './fixtures';
import { buildReturn, testSigner } from './gap-helpers';
import { pageText, pdfInfo } from './print-pdf';

const SHOTS = '/work/wt/shots/returns20';
const flat = (s: string) => s.replace(/\s+/g, '');

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

test('two members’ returns: read, searched, printed and exported as one 学习心得汇编', async ({ app, requests }) => {
  test.setTimeout(240_000);
  // --- The group's members, in order.
  await app.getByRole('link', { name: '学习计划' }).click();
  for (const [name, title] of [
    ['王五', '办公室主任'],
    ['李四', '副处长'],
    ['钱六', '科员'],
  ] as const) {
    await app.getByLabel('姓名', { exact: true }).fill(name);
    await app.getByLabel('职务', { exact: true }).fill(title);
    await app.getByRole('button', { name: '添加成员' }).click();
    await expect(app.getByTestId('study-page')).toContainText(name);
  }

  // --- A session with one reading.
  await app.getByRole('button', { name: '新建学习安排' }).click();
  await app.getByRole('dialog', { name: '新建学习安排' }).getByLabel('专题').fill('坚持实事求是的思想路线');
  await app.getByRole('dialog', { name: '新建学习安排' }).getByRole('button', { name: '创建' }).click();
  await expect(app.getByTestId('session-page')).toBeVisible();
  const sessionId = /#\/study\/([A-Za-z0-9_-]+)/.exec(app.url())![1]!;
  await app
    .getByRole('button', { name: /^加入篇目：/ })
    .first()
    .click();
  const readingLink = app.getByTestId('readings').locator('li a').first();
  await expect(readingLink).toBeVisible();
  const readingId = (await readingLink.getAttribute('href'))!.replace('#/read/', '');
  const readingTitle = (await readingLink.textContent())!;

  // --- 中心发言人 from the members, by keyboard; a stored name stays; a guest is added.
  const speaker = app.getByLabel('李四 中心发言');
  await speaker.focus();
  await app.keyboard.press('Space');
  await expect(speaker).toBeChecked();
  const speakers = app.getByTestId('speaker-picker');
  await speakers.getByLabel('来宾姓名').fill('特邀专家');
  await speakers.getByLabel('来宾姓名').press('Enter');
  await expect(app.getByLabel('特邀专家 中心发言')).toBeChecked();
  await speakers.getByLabel('来宾姓名').fill('李四');
  await speakers.getByRole('button', { name: '添加来宾' }).click();
  await expect(speakers.getByRole('alert')).toHaveText('“李四”已在名单中。');
  // Attendance: 王五 and 李四 present, 钱六 absent with a reason, chosen with the keyboard.
  await app.getByLabel('王五 出勤').selectOption('present');
  await app.getByLabel('李四 出勤').focus();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByLabel('李四 出勤')).toHaveValue('present');
  await app.getByLabel('钱六 出勤').selectOption('absent');
  await app.getByLabel('钱六 缺席原因').fill('外出培训');
  await app.getByRole('button', { name: '保存学习记录' }).click();
  await expect(app.getByTestId('record-form').getByRole('status')).toHaveText('已保存');
  // A stored name off the member list is shown and kept after a reload.
  await app.reload();
  await expect(app.getByLabel('特邀专家 中心发言')).toBeChecked();
  await expect(speakers.getByText('特邀专家（不在成员名单）')).toBeVisible();
  await expect(app.getByLabel('钱六 缺席原因')).toHaveValue('外出培训');
  // What was stored, read back through the 学习记录 print.
  await go(app, `#/print/record/${sessionId}`);
  await expect(app.getByTestId('print-doc')).toContainText('李四、特邀专家');
  await expect(app.getByTestId('print-doc')).toContainText('王五、李四');
  await expect(app.getByTestId('print-doc')).toContainText('钱六（外出培训）');
  await app.goBack();
  await expect(app.getByTestId('session-page')).toBeVisible();

  // --- Two members' return files, written by the return writer, imported by the leader.
  const now = '2026-12-01T08:00:00.000Z';
  const texts = {
    li: { note: '这一段讲清了调查研究的方法。', reflection: '通过学习，我深刻体会到求真务实的极端重要性。\n今后要在工作中坚持。' },
    wang: { note: '联系本部门实际谈认识。', reflection: '学习使我认识到群众路线是生命线。', outline: '一、提高认识\n二、抓好落实' },
  };
  const excerpt = '调查研究是谋事之基';
  const file = (who: 'li' | 'wang', name: string, title: string, seed: number) =>
    buildReturn(
      {
        meta: { id: `r_e2e_${who}_${sessionId}`.slice(0, 80), version: 1, issuer: name, issuedAt: now, title: `${name}的学习成果回执` },
        body: {
          sessionId,
          sessionTopic: '坚持实事求是的思想路线',
          packetId: null,
          packetVersion: null,
          member: { name, title },
          notes: [
            {
              id: `rn_${who}_1`,
              kind: 'note',
              title: '',
              text: texts[who].note,
              zi: 0,
              articleId: readingId,
              quote: excerpt,
              createdAt: now,
              updatedAt: now,
            },
            {
              id: `rn_${who}_2`,
              kind: 'reflection',
              title: `${name}的学习心得`,
              text: texts[who].reflection,
              zi: 0,
              articleId: null,
              quote: null,
              createdAt: now,
              updatedAt: now,
            },
            ...(who === 'wang'
              ? [
                  {
                    id: `rn_${who}_3`,
                    kind: 'outline' as const,
                    title: '发言提纲',
                    text: texts.wang.outline,
                    zi: 0,
                    articleId: null,
                    quote: null,
                    createdAt: now,
                    updatedAt: now,
                  },
                ]
              : []),
          ],
          highlights: [],
        },
      },
      testSigner(seed),
    );
  for (const [name, buffer] of [
    ['李四', file('li', '李四', '副处长', 21)],
    ['王五', file('wang', '王五', '主任', 22)],
  ] as const) {
    await app.getByRole('link', { name: '资料包' }).click();
    await app.getByTestId('pk-file').setInputFiles({ name: `${name}.yandu`, mimeType: 'application/octet-stream', buffer });
    await expect(app.getByTestId('pk-item').last()).toContainText(`${name} 的回执`, { timeout: 30_000 });
    await app.getByRole('button', { name: '确认导入' }).click();
    await expect(app.getByTestId('pk-item').last().getByTestId('pk-done')).toBeVisible({ timeout: 30_000 });
  }

  // --- The 回执 table: 笔记字数, 心得字数 and 发言提纲字数 apart.
  await go(app, `#/study/${sessionId}`);
  const table = app.getByTestId('returns-table');
  await expect(table.locator('th')).toHaveText(['姓名', '职务', '回执', '笔记字数', '心得字数', '发言提纲字数', '出勤', '内容']);
  const cells = async (name: string) =>
    (await table.getByTestId('return-row').filter({ hasText: name }).locator('td').allTextContents()).slice(0, 7);
  expect(await cells('王五')).toEqual([
    '王五',
    '办公室主任',
    // 已交, and the day the member made the file.
    expect.stringMatching(/^已交提交于 \d{4}年\d{1,2}月\d{1,2}日$/),
    String(countZi(texts.wang.note)),
    String(countZi(texts.wang.reflection)),
    String(countZi(texts.wang.outline)),
    '出席',
  ]);
  expect(await cells('李四')).toEqual([
    '李四',
    '副处长',
    // 已交, and the day the member made the file.
    expect.stringMatching(/^已交提交于 \d{4}年\d{1,2}月\d{1,2}日$/),
    String(countZi(texts.li.note)),
    String(countZi(texts.li.reflection)),
    '0',
    '出席',
  ]);
  // The pickers and the table pass axe (no serious or critical violation).
  expect(await seriousViolations(app)).toEqual([]);
  expect(await cells('钱六')).toEqual(['钱六', '科员', '未交', '—', '—', '—', '缺席（外出培训）']);

  // --- Read in full: every member in the list's order, the excerpt each note is on.
  await app.getByTestId('read-all-returns').click();
  await expect(app.getByTestId('returns-page')).toBeVisible();
  const sections = app.getByTestId('member-return');
  await expect(sections).toHaveCount(2);
  await expect(sections.nth(0).locator('h4').first()).toHaveText('王五（办公室主任）');
  await expect(sections.nth(1).locator('h4').first()).toHaveText('李四（副处长）');
  await expect(sections.nth(0).getByTestId('member-return-meta')).toContainText(
    `笔记 ${countZi(texts.wang.note)} 字 · 心得 ${countZi(texts.wang.reflection)} 字 · 发言提纲 ${countZi(texts.wang.outline)} 字`,
  );
  await expect(sections.nth(0).getByTestId('return-item')).toHaveCount(3);
  await expect(sections.nth(1).getByTestId('return-quote')).toHaveText(`摘录：${excerpt}`);
  await expect(sections.nth(1)).toContainText(`篇目：《${readingTitle}》`);
  await expect(sections.nth(1)).toContainText('通过学习，我深刻体会到求真务实的极端重要性。');
  await app.setViewportSize({ width: 1366, height: 768 });
  mkdirSync(SHOTS, { recursive: true });
  await app.screenshot({ path: `${SHOTS}/returns-view.png` });
  expect(await seriousViolations(app)).toEqual([]);
  // One member at a time.
  await app.getByLabel('成员', { exact: true }).selectOption({ label: '李四' });
  await expect(sections).toHaveCount(1);
  await expect(sections.first()).toContainText('李四（副处长）');

  // --- Search: a word from 李四's 心得, labelled 回执 · member · session, opens at the place.
  await app.keyboard.press('Control+k');
  await app.keyboard.type('求真务实');
  const hit = app.locator('[data-testid="search-hit"][data-kind="return"]');
  await expect(hit).toHaveCount(1, { timeout: 15_000 });
  await expect(hit).toContainText('回执 · 李四 · 坚持实事求是的思想路线');
  // The segmenter splits the word into terms: each is marked.
  expect((await hit.getByTestId('search-snippet').locator('mark').allTextContents()).join('')).toBe('求真务实');
  await hit.locator('a').click();
  await expect(app.getByTestId('returns-page')).toBeVisible();
  const target = app.locator('[data-testid="return-item"][aria-current="true"]');
  await expect(target).toHaveCount(1);
  // The first match in the note is marked where it stands.
  await expect(target.getByTestId('return-match')).toHaveText('求真');
  await expect(target.locator('p').filter({ has: app.getByTestId('return-match') })).toHaveText(texts.li.reflection.split('\n')[0]!);
  await expect(target).toBeInViewport();

  // --- The 学习心得汇编 as PDF: cover, 目录 whose numbers are the sections' pages, each member.
  await go(app, `#/print/returns/${sessionId}`);
  const screen = app.locator('.pr-screen[data-print-ready="true"]');
  await screen.waitFor({ timeout: 60_000 });
  const measured = Number(await screen.getAttribute('data-print-pages'));
  await expect(app.getByTestId('print-toc-entry')).toHaveText([/王五（办公室主任）\s*\d+$/, /李四（副处长）\s*\d+$/]);
  const [pdfDownload] = await Promise.all([app.waitForEvent('download', { timeout: 120_000 }), app.getByTestId('print-pdf').click()]);
  const pdf = test.info().outputPath('huibian.pdf');
  await pdfDownload.saveAs(pdf);
  const info = pdfInfo(pdf);
  expect(info.pages).toBe(measured);
  expect(info.pages).toBeGreaterThanOrEqual(4);
  const cover = flat(pageText(pdf, 1));
  expect(cover).toContain('学习心得汇编');
  expect(cover).toContain('坚持实事求是的思想路线');
  const toc = pageText(pdf, 2);
  expect(flat(toc)).toContain('目录');
  // Dotted leaders, and each entry's number is the page its section starts on.
  expect(toc).toMatch(/王五（办公室主任）(?:\s*\.){5,}\s*\d+/);
  for (const [name, title] of [
    ['王五', '办公室主任'],
    ['李四', '副处长'],
  ] as const) {
    const page = Number(new RegExp(`${name}（${title}）[\\s.]*(\\d+)`).exec(toc)![1]);
    expect(page).toBeGreaterThan(2);
    const text = flat(pageText(pdf, page));
    expect(text).toContain(`${name}（${title}）`);
    expect(text).toContain(`职务：${title}`);
    expect(text).toContain('提交于2026年12月');
  }
  const all = flat(Array.from({ length: info.pages }, (_, i) => pageText(pdf, i + 1)).join(''));
  expect(all).toContain(flat(texts.wang.reflection));
  expect(all).toContain(flat(texts.li.reflection.split('\n')[0]!));
  expect(all).toContain(`摘录：${excerpt}`);

  // --- Word: one .docx with a TOC field (entries and numbers) and every member's section.
  const [docxDownload] = await Promise.all([app.waitForEvent('download', { timeout: 120_000 }), app.getByTestId('print-docx').click()]);
  expect(docxDownload.suggestedFilename()).toBe('学习心得汇编-坚持实事求是的思想路线.docx');
  const docxFile = test.info().outputPath('huibian.docx');
  await docxDownload.saveAs(docxFile);
  const zip = await JSZip.loadAsync(await readFile(docxFile));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:updateFields');
  expect(xml).toContain('TOC \\h \\o &quot;1-1&quot;');
  const tocXml = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
  const entries = [...tocXml.matchAll(/PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)];
  expect(entries).toHaveLength(2);
  expect(tocXml.indexOf('王五（办公室主任）')).toBeLessThan(tocXml.indexOf('李四（副处长）'));
  const body = xml.slice(xml.indexOf('</w:sdt>'));
  for (const s of ['王五（办公室主任）', '李四（副处长）', texts.wang.reflection, '一、提高认识', `摘录：${excerpt}`])
    expect(body).toContain(s);

  // Nothing left 127.0.0.1.
  for (const url of requests) expect(url.startsWith('http://127.0.0.1') || url.startsWith('blob:') || url.startsWith('data:')).toBe(true);
});
