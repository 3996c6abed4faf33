/**
 * Issue 19 end to end in the browser host: a CMS notice with attachments (a LibreOffice-made
 * PDF, .docx and .doc from tests/fixtures, and an .xls the app does not read) is synced from a
 * real 127.0.0.1 server; the reader lists the 附件, the PDF opens as its own article that takes
 * a highlight, 查看原件 draws its page 1 with pdf.js under the strict CSP, the .doc's original
 * downloads under its own name, and search says a hit is an attachment.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = process.env.YANDU_SHOTS_DIR ?? '/work/wt/shots/att19';
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const P = '各支部要把理论学习摆在突出位置，按计划组织集体学习，做好学习记录，确保学习取得实效。学习中遇到的问题，请及时向党委办公室反映。';
const NOTICE = '关于印发学习计划的通知';
const PDF_TITLE = '深入学习贯彻党的创新理论';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div><div class="main"><h1>${title}</h1><div class="info">发布时间：2025-01-12\u3000来源：党委办公室</div><div class="content">${body}</div></div><div class="footer">版权所有 某某集团</div></body></html>`;

const files: Record<string, { type: string; body: Buffer }> = {
  '/tzgg/index.html': {
    type: 'text/html; charset=utf-8',
    body: Buffer.from(
      page(
        '通知公告',
        `<ul class="list"><li><a href="/tzgg/content_1.html">${NOTICE}</a><span>2025-01-12</span></li><li><a href="/tzgg/content_2.html">第2期学习简报</a><span>2025-01-11</span></li></ul>`,
      ),
    ),
  },
  '/tzgg/content_1.html': {
    type: 'text/html; charset=utf-8',
    body: Buffer.from(
      page(
        NOTICE,
        `<p>各党支部：</p><p>${P}</p><p>附件：</p><p>1. <a href="/upload/plan.pdf">学习计划.pdf</a></p><p>2. <a href="/upload/xinde.docx">学习心得.docx</a></p><p>3. <a href="/upload/tongzhi.doc">市委通知.doc</a></p><p>4. <a href="/upload/tongji.xls">学习统计表.xls</a></p>`,
      ),
    ),
  },
  '/tzgg/content_2.html': { type: 'text/html; charset=utf-8', body: Buffer.from(page('第2期学习简报', `<p>${P}</p><p>${P}</p>`)) },
  '/upload/plan.pdf': { type: 'application/pdf', body: fixture('documents/report.pdf') },
  '/upload/xinde.docx': {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    body: fixture('docx/libreoffice.docx'),
  },
  '/upload/tongzhi.doc': { type: 'application/msword', body: fixture('documents/gongwen.doc') },
  '/upload/tongji.xls': { type: 'application/vnd.ms-excel', body: Buffer.from('not fetched') },
};

let server: Server | null = null;
let base = '';
const served: string[] = [];

test.beforeEach(async () => {
  served.length = 0;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    served.push(url.pathname);
    const f = files[url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.type, 'content-length': f.body.length }).end(f.body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

test.use({ viewport: { width: 1366, height: 768 } });

/** Drags the real mouse over characters [from, to) of the first block containing `phrase`. */
async function selectPhrase(app: Page, phrase: string): Promise<string> {
  const points = await app.getByTestId('article-body').evaluate(async (body, phrase) => {
    window.getSelection()?.removeAllRanges();
    const el = [...body.children].find((c) => (c.textContent ?? '').includes(phrase))!;
    el.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const from = el.textContent!.indexOf(phrase);
    const charRect = (at: number) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (at < pos + len) {
          const r = document.createRange();
          r.setStart(n, at - pos);
          r.setEnd(n, at - pos + 1);
          return r.getClientRects()[0]!;
        }
        pos += len;
      }
      throw new Error('offset outside block');
    };
    const a = charRect(from);
    const b = charRect(from + phrase.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, phrase);
  await app.mouse.move(points.x1, points.y1);
  await app.mouse.down();
  await app.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await app.mouse.move(points.x2, points.y2, { steps: 4 });
  await app.mouse.up();
  return app.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Serious or critical axe findings on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Clicks the middle of the first range a paint entry draws. */
async function clickPainted(app: Page, entry: string): Promise<void> {
  const point = await app.evaluate((entry) => {
    const range = new Map(window.__yanduPaint()).get(entry)![0]!;
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0]!;
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  }, entry);
  await app.mouse.click(point.x, point.y);
}

/** The text each personal highlight entry paints. */
async function painted(app: Page): Promise<string[]> {
  return app.evaluate(() =>
    window
      .__yanduPaint()
      .filter(([name]) => name.startsWith('yandu-personal-'))
      .flatMap(([, ranges]) => ranges.map((r) => r.toString())),
  );
}

test('sync a notice with a PDF, .docx, .doc and .xls attachment; read, highlight and view the PDF original; download the .doc', async ({
  app,
  host,
  requests,
}) => {
  // pdf.js must run in its own worker from our origin, within the CSP: no violation, no fake worker.
  const warnings: string[] = [];
  app.on('console', (m) => {
    if (/Content Security Policy|fake worker|isEvalSupported/i.test(m.text())) warnings.push(m.text());
  });
  await app.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await app.getByRole('link', { name: '来源' }).click();
  await app.getByText('抓取设置').click();
  await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
  await app.getByRole('button', { name: '添加来源' }).click();
  await app.getByLabel('网址或文件夹路径').fill(`${base}/tzgg/index.html`);
  await app.getByRole('button', { name: '试抓取' }).click();
  await expect(app.getByTestId('source-preview')).toContainText(NOTICE);
  await app.getByRole('button', { name: '保存' }).click();
  const card = app.getByTestId('source-card');
  await card.getByRole('button', { name: '立即同步' }).click();
  await expect(card.getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  // The .xls is listed but never asked for.
  expect(served).toEqual(expect.arrayContaining(['/upload/plan.pdf', '/upload/xinde.docx', '/upload/tongzhi.doc']));
  expect(served).not.toContain('/upload/tongji.xls');

  // The notice: its 附件 list, three readable ones as articles, the .xls with its reason and link.
  await app.getByRole('link', { name: '文库' }).click();
  await app.getByRole('searchbox', { name: /筛选/ }).fill(NOTICE);
  await app.getByTestId('article-row').filter({ hasText: NOTICE }).first().locator('a').click();
  await expect(app.locator('.article-title')).toHaveText(NOTICE);
  const list = app.getByTestId('attachments');
  await expect(list.getByTestId('attachment')).toHaveCount(4);
  await expect(list.locator('[data-state="article"]')).toHaveCount(3);
  const xls = list.locator('[data-state="unsupported"]');
  await expect(xls).toContainText('学习统计表.xls');
  await expect(xls).toContainText('格式不支持');
  await expect(xls.getByRole('link', { name: '原始链接' })).toHaveAttribute('href', `${base}/upload/tongji.xls`);
  expect(await seriousViolations(app)).toEqual([]);

  // The PDF attachment opens as its own article, says where it came from, and takes a highlight.
  await list.getByRole('link', { name: '学习计划.pdf' }).click();
  await expect(app.locator('.article-title')).toHaveText(PDF_TITLE);
  const from = app.getByTestId('attachment-of');
  await expect(from).toContainText(`附件，来自《${NOTICE}》`);
  const phrase = '坚持读原著、学原文、悟原理';
  expect(await selectPhrase(app, phrase)).toBe(phrase);
  await app.getByTestId('hl-toolbar').getByRole('button', { name: '划线：黄色' }).click();
  await expect.poll(() => painted(app)).toEqual([phrase]);
  await app.screenshot({ path: `${SHOTS}/highlighted-pdf-article.png` });

  // A passage on page 3: its popover leads to that page of the original (the citation's 第 N 页).
  const heading = '三、推动学习成果转化运用';
  expect(await selectPhrase(app, heading)).toBe(heading);
  await app.getByTestId('hl-toolbar').getByRole('button', { name: '划线：绿色' }).click();
  await expect.poll(async () => (await painted(app)).sort()).toEqual([phrase, heading].sort());
  await clickPainted(app, 'yandu-personal-green-fill');
  await app.getByTestId('hl-popover').getByTestId('hl-original-page').filter({ hasText: '原件第 3 页' }).click();
  const sheet = app.getByTestId('original-sheet');
  await expect(sheet).toHaveAttribute('data-page', '3', { timeout: 30_000 });
  await expect(app.getByTestId('original-page-total')).toHaveText('/ 共 4 页');
  await expect(app.getByTestId('original-text')).toContainText(heading);

  // Page navigation: PageUp, the 第 N 页 field (a bad number is refused), PageDown.
  await app.keyboard.press('PageUp');
  await expect(sheet).toHaveAttribute('data-page', '2');
  await expect(app.getByTestId('original-page-field')).toHaveValue('2');
  await app.getByTestId('original-page-field').fill('9');
  await app.getByTestId('original-page-field').press('Enter');
  await expect(app.getByRole('alert')).toContainText('页码应在 1 到 4 之间');
  await expect(sheet).toHaveAttribute('data-page', '2');
  await app.getByTestId('original-page-field').fill('4');
  await app.getByTestId('original-page-field').press('Enter');
  await expect(sheet).toHaveAttribute('data-page', '4');
  await app.keyboard.press('PageDown');
  await expect(sheet).toHaveAttribute('data-page', '4');
  await app.getByTestId('original-page-field').fill('1');
  await app.getByTestId('original-page-field').press('Enter');
  await expect(sheet).toHaveAttribute('data-page', '1');
  await app.getByRole('button', { name: '缩小' }).click();
  await expect(app.getByTestId('original-zoom')).toHaveText('100%');
  await expect(sheet).toHaveAttribute('data-page', '1');

  // Page 1 drawn by pdf.js under the strict CSP: a canvas with ink on it, and its text layer.
  await expect(app.getByTestId('original-text')).toContainText(PDF_TITLE);
  const inked = await app.getByTestId('original-canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
    return dark;
  });
  expect(inked).toBeGreaterThan(1000);
  await app.screenshot({ path: `${SHOTS}/view-original.png` });
  expect(await seriousViolations(app)).toEqual([]);

  // The .doc attachment: 查看原件 downloads the original under its own name.
  await app.getByRole('button', { name: '返回文章' }).click();
  await from.getByRole('link').click();
  await expect(app.locator('.article-title')).toHaveText(NOTICE);
  await app.getByTestId('attachments').getByRole('link', { name: '市委通知.doc' }).click();
  await expect(app.getByTestId('attachment-of')).toBeVisible();
  const download = app.waitForEvent('download');
  await app.getByTestId('view-original').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('市委通知.doc');
  expect(readFileSync(await file.path())).toEqual(fixture('documents/gongwen.doc'));

  // Search finds text inside the PDF attachment and says it is one.
  await app.keyboard.press('Control+k');
  await app.getByTestId('search-input').pressSequentially('悟原理', { delay: 20 });
  const hit = app
    .getByTestId('search-group-articles')
    .getByTestId('search-hit')
    .filter({ has: app.getByTestId('search-hit-attachment'), hasText: PDF_TITLE });
  // (The .doc, a 公文 quoting the same phrase, is an attachment hit too.)
  await expect(hit).toHaveCount(1, { timeout: 30_000 });
  await expect(hit).toContainText(`来自《${NOTICE}》`);

  expect(warnings).toEqual([]);
  const foreign = requests.filter((u) => !u.startsWith(host.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
});
