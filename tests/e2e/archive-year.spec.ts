/**
 * 学习档案 (issue 20, item 3) in the browser host: a year with three sessions (20 members, readings
 * with 重点摘编, members' returned 心得) exported from the 学习计划 page as a PDF made by the host's
 * Chromium and as Word; read back with poppler and JSZip: the cover, a 目录 whose page numbers
 * are the pages the sections print on, then the plan and each session's 学习记录, 签到表 (one page
 * each), readings and 心得 in date order. A year with nothing to archive is refused in the dialog.
 * With ARCHIVE_SHOTS_DIR set, the dialog and the first pages are saved there as PNGs.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { sessionRow } from '../../shared/domain/session';
import { expect, test } from './fixtures';
import { generateMembers, generatePacket, seedPacket, seedStores } from './print-data';
import { pageText, pdfInfo } from './print-pdf';

test.describe.configure({ timeout: 240_000 });

const NOW = '2026-03-01T08:00:00.000Z';
const SHOTS = process.env.ARCHIVE_SHOTS_DIR;
const members = generateMembers(20);
const fx = generatePacket(3, 1200);
const flat = (s: string) => s.replace(/\s+/g, '');

function session(id: string, date: string, topic: string, readings: string[], recorded: boolean) {
  return sessionRow(
    {
      id,
      topic,
      date,
      place: '机关三楼第一会议室',
      host: members[0]!.name,
      speakers: [members[1]!.name],
      readings,
      questions: [],
      status: 'done',
    },
    NOW,
    recorded
      ? {
          record: {
            time: '14:30—17:00',
            attendees: members.slice(0, 18).map((m) => m.name),
            absentees: members.slice(18).map((m) => ({ name: m.name, reason: '外出培训' })),
            observers: [],
            content: '',
            method: '集中学习、专题研讨',
            summary: `围绕“${topic}”，与会同志逐一交流了学习体会。`,
            recorder: members[3]!.name,
            recordedAt: NOW,
          },
        }
      : {},
  );
}

function reflectionReturn(id: string, sessionId: string, member: (typeof members)[number], title: string, text: string) {
  return {
    id,
    version: 1,
    wholeSha256: 'b'.repeat(64),
    sessionId,
    packetId: null,
    member: { name: member.name, title: member.title },
    notes: [
      { id: `${id}_r`, kind: 'reflection', title, text, zi: text.length, articleId: null, quote: null, createdAt: NOW, updatedAt: NOW },
    ],
    highlights: [],
    zi: 0,
    reflections: 1,
    importedAt: NOW,
  };
}

function shot(file: string, first: number, last: number): void {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), file, path.join(SHOTS, 'archive-page')]);
}

test('学习档案: cover, 目录 with the pages, plan, each session’s 学习记录 and 签到表, readings and 心得, as PDF and Word', async ({
  app,
}) => {
  await seedPacket(app, fx);
  const [a1, a2, a3] = fx.articles.map((a) => a.id);
  await seedStores(app, {
    members,
    settings: [{ key: 'study.profile', value: { name: '', title: '', issuer: '某某集团有限公司党委' } }],
    sessions: [
      // Stored out of date order; the June session has no record yet.
      session('s_sep', '2026-09-15', '持续推进作风建设', [a3!], true),
      session('s_mar', '2026-03-12', '深入开展调查研究', [a1!, a2!], true),
      session('s_jun', '2026-06-18', '坚持民主集中制', [a2!], false),
      // A cancelled session alone in 2025: nothing to archive there.
      { ...session('s_old', '2025-10-01', '已取消的学习', [], false), status: 'cancelled' },
    ],
    returns: [
      reflectionReturn('r1', 's_mar', members[1]!, '调查研究学习心得', '通过学习，我深刻认识到调查研究是谋事之基。'),
      reflectionReturn('r2', 's_sep', members[2]!, '作风建设学习心得', '作风建设永远在路上，必须常抓不懈。'),
    ],
  });

  await app.getByRole('link', { name: '学习计划' }).click();
  await app.getByTestId('archive-open').click();
  const dialog = app.getByRole('dialog', { name: '导出学习档案' });
  await expect(dialog).toBeVisible();
  // 2025 has only a cancelled session: refused with the reason, and the dialog stays.
  await dialog.getByLabel('年度').selectOption('2025');
  await dialog.getByRole('button', { name: '打开预览' }).click();
  await expect(dialog).toContainText('2025年度没有学习安排');
  await expect(app.locator('.pr-screen')).toHaveCount(0);
  await dialog.getByLabel('年度').selectOption('2026');
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await app.screenshot({ path: path.join(SHOTS, 'archive-dialog.png') });
  }
  await dialog.getByRole('button', { name: '打开预览' }).click();

  const screen = app.locator('.pr-screen[data-print-ready="true"]');
  await screen.waitFor({ timeout: 120_000 });
  await expect(app.getByTestId('archive-progress')).toHaveCount(0);
  const measured = Number(await screen.getAttribute('data-print-pages'));
  const [download] = await Promise.all([app.waitForEvent('download', { timeout: 120_000 }), app.getByTestId('print-pdf').click()]);
  expect(download.suggestedFilename()).toBe('2026年度理论学习中心组学习档案.pdf');
  const file = test.info().outputPath('archive.pdf');
  await download.saveAs(file);
  const info = pdfInfo(file);
  expect(info.pages).toBe(measured);

  // The cover: the title, the issuing unit and a date, each once.
  const cover = flat(pageText(file, 1));
  expect(cover).toContain('2026年度理论学习中心组学习档案');
  expect(cover.match(/某某集团有限公司党委/g)).toHaveLength(1);
  expect(cover.match(/\d{4}年\d{1,2}月\d{1,2}日/g)).toHaveLength(1);

  // The 目录: every section in order with its page after a dotted leader.
  const expected = [
    '2026年度学习计划',
    '2026年第1次理论学习中心组学习记录',
    '2026年第1次理论学习中心组学习签到表',
    '第1次集中学习学习资料',
    '第1次集中学习心得体会（1篇）',
    '2026年第2次理论学习中心组学习记录',
    '第2次集中学习学习资料',
    '2026年第3次理论学习中心组学习记录',
    '2026年第3次理论学习中心组学习签到表',
    '第3次集中学习学习资料',
    '第3次集中学习心得体会（1篇）',
  ];
  const tocLines = pageText(file, 2)
    .split('\n')
    .map((l) => /^\s*(\S.*?)\s*(?:[.．]\s*){5,}\s*(\d+)\s*$/.exec(l))
    .filter((m) => m !== null);
  expect(tocLines.map((m) => flat(m[1]!))).toEqual(expected);
  const pages = tocLines.map((m) => Number(m[2]));
  expect(pages[0]).toBe(3);
  // Each section is on the page the 目录 gives, in order.
  expected.forEach((title, i) => {
    expect(flat(pageText(file, pages[i]!)), `${title} on page ${pages[i]}`).toContain(title);
    if (i > 0) expect(pages[i]!).toBeGreaterThan(pages[i - 1]!);
  });
  // 学习记录 and 签到表 of 20 members take one page each.
  for (const i of [1, 2, 7, 8]) expect(pages[i + 1]! - pages[i]!, expected[i]).toBe(1);
  const plan = flat(pageText(file, pages[0]!));
  expect(plan.indexOf('深入开展调查研究')).toBeLessThan(plan.indexOf('坚持民主集中制'));
  expect(plan.indexOf('坚持民主集中制')).toBeLessThan(plan.indexOf('持续推进作风建设'));
  expect(flat(pageText(file, pages[2]!))).toContain(members[0]!.name);
  expect(flat(pageText(file, pages[3]!))).toContain(flat(fx.articles[0]!.title));
  expect(flat(pageText(file, pages[3]!))).toContain('重点摘编');
  expect(flat(pageText(file, pages[4]!))).toContain('通过学习，我深刻认识到调查研究是谋事之基。');
  expect(flat(pageText(file, pages[5]!))).toContain('本次学习尚未填写学习记录。');
  expect(flat(pageText(file, pages[10]!))).toContain('作风建设永远在路上');
  shot(file, 1, 4);

  // Word: a TOC field with the same entries, each with a page number, and updateFields.
  const [docx] = await Promise.all([app.waitForEvent('download', { timeout: 120_000 }), app.getByTestId('print-docx').click()]);
  expect(docx.suggestedFilename()).toBe('2026年度理论学习中心组学习档案.docx');
  const docxFile = test.info().outputPath('archive.docx');
  await docx.saveAs(docxFile);
  if (SHOTS) copyFileSync(docxFile, path.join(SHOTS, 'archive.docx'));
  const zip = await JSZip.loadAsync(readFileSync(docxFile));
  expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:updateFields');
  const xml = await zip.file('word/document.xml')!.async('string');
  const toc = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
  expect(toc).toContain('TOC \\h \\o &quot;1-1&quot;');
  const entries = [
    ...toc.matchAll(
      /<w:t[^>]*>([^<]+)<\/w:t>.*?PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g,
    ),
  ];
  expect(entries.map((e) => e[1])).toEqual(expected);
  const wordPages = entries.map((e) => Number(e[2]));
  expect(wordPages[0]).toBe(3);
  expect(wordPages.every((p, i) => i === 0 || p > wordPages[i - 1]!)).toBe(true);
  // In Word too, 学习记录 and 签到表 of 20 members take one page each.
  for (const i of [1, 2, 7, 8]) expect(wordPages[i + 1]! - wordPages[i]!, `Word: ${expected[i]}`).toBe(1);
});
