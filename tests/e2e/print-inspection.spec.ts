/**
 * Print fit for an inspection (issue 20, item 6), read back from Chromium's PDFs with poppler:
 * 签到表 and 学习记录表 of 20 members on one A4 page each, the 签到表 title on one line and
 * built from the group and session, absent members' 职务, the date once, the 学习研讨情况 label
 * repeated on the page its text runs onto; the packet's cover (no topic twice, the unit and the
 * date once), the 目录 (page numbers on a wrapped title's last line after dotted leaders), nested
 * book-title marks and no CMS account as author. PNGs of the pages go to /tmp/print20-shots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { sessionRow } from '../../shared/domain/session';
import { expect, test } from './fixtures';
import { generateMembers, generatePacket, seedPacket, seedStores } from './print-data';
import { lines, pageText, pdfInfo, pdfWords, type Word } from './print-pdf';

const OUT = path.resolve('test-results/print-inspection');
const SHOTS = process.env.PRINT_SHOTS_DIR || '/tmp/print20-shots';
const NOW = '2026-03-01T08:00:00.000Z';
const members = generateMembers(20);
const absent = members.slice(18);
const flat = (s: string) => s.replace(/\s+/g, '');
const lineText = (l: readonly Word[]) => l.map((w) => w.text).join('');

function session(id: string, date: string, summary: string) {
  return sessionRow(
    {
      id,
      topic: '深入学习贯彻调查研究的工作方法',
      date,
      place: '机关三楼第一会议室',
      host: members[0]!.name,
      speakers: [members[1]!.name, members[2]!.name],
      readings: [],
      questions: ['如何把调查研究贯穿决策全过程？'],
      status: 'done',
    },
    NOW,
    {
      record: {
        // The secretary typed the date into the time as well: it prints once.
        time: `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日 14:30—17:00`,
        attendees: members.slice(0, 18).map((m) => m.name),
        absentees: absent.map((m) => ({ name: m.name, reason: '外出培训' })),
        observers: ['办公室主任'],
        content: '',
        method: '集中学习、专题研讨',
        summary,
        recorder: members[3]!.name,
        recordedAt: NOW,
      },
    },
  );
}

async function openPrint(app: Page, hash: string): Promise<void> {
  await app.evaluate(() => (window.location.hash = '#/'));
  await expect(app.locator('.pr-screen')).toHaveCount(0);
  await app.evaluate((h) => (window.location.hash = h), hash);
  await app.locator('.pr-screen[data-print-ready="true"]').waitFor({ timeout: 60_000 });
}

async function printPdf(app: Page, name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, await app.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  return file;
}

function shot(file: string, page: number, name: string): void {
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-singlefile', '-f', String(page), '-l', String(page), file, path.join(SHOTS, name)]);
}

test.describe.configure({ timeout: 180_000 });

test('签到表 and 学习记录表 for 20 members fit one A4 page each, titled from the session', async ({ app }) => {
  const summary = Array.from({ length: 3 }, (_, i) => `第${i + 1}位同志结合分管工作谈了学习体会，提出了下一步的改进措施。`.repeat(3)).join(
    '\n',
  );
  // Two sessions that year: this one is the second.
  await seedStores(app, {
    members,
    sessions: [session('s_first', '2026-02-10', ''), session('s_print', '2026-03-12', summary)],
    settings: [{ key: 'study.profile', value: { name: '', title: '', issuer: '某某集团有限公司党委办公室' } }],
  });

  await openPrint(app, '#/print/signin/s_print');
  await expect(app.locator('[data-testid="print-signin-row"]')).toHaveCount(20);
  let file = await printPdf(app, 'signin-20.pdf');
  let info = pdfInfo(file);
  expect(info.pages, '签到表 of 20 members on one page').toBe(1);
  expect(Math.abs(info.width - 595.28)).toBeLessThan(1);
  expect(Math.abs(info.height - 841.89)).toBeLessThan(1);
  const title = '2026年第2次理论学习中心组学习签到表';
  const signin = lines(pdfWords(file)[0]!.words);
  // The title is one line (never a lone 「表」 below), and not built from the issuing unit.
  expect(flat(lineText(signin[0]!))).toBe(title);
  const text = flat(pageText(file, 1));
  expect(text).not.toContain('某某集团有限公司党委办公室');
  // Every member, absent ones with their 职务 and reason.
  for (const m of members) expect(text).toContain(m.name);
  for (const m of absent) {
    const row = signin.find((l) => lineText(l).includes(m.name));
    expect(row && flat(lineText(row)), m.name).toContain(`${m.name}${m.title}缺席：外出培训`);
  }
  // The date once, and the time without it.
  expect(text.match(/2026年3月12日/g)).toHaveLength(1);
  expect(text).toContain('2026年3月12日14:30—17:00');
  shot(file, 1, 'signin-20');

  await openPrint(app, '#/print/record/s_print');
  file = await printPdf(app, 'record-20.pdf');
  info = pdfInfo(file);
  expect(info.pages, '学习记录 of 20 members on one page').toBe(1);
  const record = flat(pageText(file, 1));
  expect(record.startsWith('2026年第2次理论学习中心组学习记录')).toBe(true);
  expect(record.match(/2026年3月12日/g)).toHaveLength(1);
  for (const m of members.slice(0, 18)) expect(record).toContain(m.name);
  expect(record).toContain('学习研讨情况');
  shot(file, 1, 'record-20');
});

test('a 学习研讨情况 that runs over a page repeats its label there; other rows stay whole', async ({ app }) => {
  const long = Array.from({ length: 14 }, (_, i) =>
    `第${i + 1}段：与会同志围绕调查研究逐一发言，结合本部门实际，查找差距不足，明确改进方向。`.repeat(3),
  ).join('\n');
  await seedStores(app, { members, sessions: [session('s_long', '2026-03-12', long)] });
  await openPrint(app, '#/print/record/s_long');
  const file = await printPdf(app, 'record-long.pdf');
  const info = pdfInfo(file);
  expect(info.pages).toBeGreaterThanOrEqual(2);
  const pages = pdfWords(file);
  for (let n = 2; n <= info.pages; n++) {
    const first = lines(pages[n - 1]!.words)[0]!;
    expect(flat(lineText(first)), `page ${n} opens with the label`).toBe('学习研讨情况');
  }
  // Each form row's label and value print on the same page.
  const page1 = flat(pageText(file, 1));
  for (const label of ['学习专题', '参加人员', '缺席人员', '研讨题目']) expect(page1).toContain(label);
  shot(file, 2, 'record-continued');
});

test('cover, 目录 with leaders on a title’s last line, nested book titles, no CMS author', async ({ app }) => {
  const fx = generatePacket(6, 1500);
  const nested = '学习《关于《中共中央关于加强调查研究的决定》的说明》的体会';
  fx.articles[1] = { ...fx.articles[1]!, title: nested, author: 'admin' };
  fx.articles[2] = { ...fx.articles[2]!, author: '张三' };
  await seedPacket(app, fx);
  const topic = '深入学习贯彻调查研究的工作方法';
  const hash =
    `#/print/articles?ids=${fx.articles.map((a) => a.id).join(',')}` +
    `&title=${encodeURIComponent(topic)}&session=${encodeURIComponent(`专题：${topic}`)}&unit=${encodeURIComponent('示例单位党委')}&date=2026-03-12`;
  await openPrint(app, hash);
  const file = await printPdf(app, 'packet-inspection.pdf');

  // Cover: the topic once, the unit and the date once.
  const cover = flat(pageText(file, 1));
  expect(cover.split(topic)).toHaveLength(2);
  expect(cover.split('示例单位党委')).toHaveLength(2);
  expect(cover.split('2026年3月12日')).toHaveLength(2);
  shot(file, 1, 'cover');

  // 目录 on page 2: every entry ends in dotted leaders and its page number, on its title's last line.
  const toc = lines(pdfWords(file)[1]!.words).map(lineText);
  const tocPages = (await app.locator('[data-testid="print-toc-entry"] .pr-toc-page').allTextContents()).map(Number);
  const wrapped = fx.articles[3]!.title;
  fx.articles.forEach((a, i) => {
    const title = flat(a.title)
      .replace(/《关于《/, '《关于〈')
      .replace(/决定》的说明/, '决定〉的说明');
    const at = toc.findIndex((l) => title.startsWith(flat(l).replace(/[.\d]+$/, '')) && flat(l).length > 2);
    expect(at, `目录 entry for ${a.title}`).toBeGreaterThan(0);
    let last = at;
    while (!/\d+$/.test(toc[last]!)) last++;
    expect(flat(toc.slice(at, last + 1).join('')).replace(/\.+\d+$/, '')).toBe(title);
    const m = /(\.{3,})(\d+)$/.exec(flat(toc[last]!));
    expect(m, `dotted leaders and a number on "${toc[last]}"`).not.toBeNull();
    expect(Number(m![2])).toBe(tocPages[i]);
    if (a.title === wrapped) expect(last, 'a wrapped title').toBeGreaterThan(at);
  });
  shot(file, 2, 'toc');

  // Nested marks in the 目录 and on the article's own page; no "作者：admin".
  const all = Array.from({ length: pdfInfo(file).pages }, (_, i) => flat(pageText(file, i + 1))).join('');
  expect(all).toContain('学习《关于〈中共中央关于加强调查研究的决定〉的说明》的体会');
  expect(all).not.toContain('《关于《');
  expect(all).not.toContain('admin');
  expect(all).toContain('作者：张三');
});
