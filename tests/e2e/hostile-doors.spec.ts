/**
 * Hostile content through the doors safety.spec.ts leaves open — a synced page, a feed, a .docx,
 * a packet and a return file — shown in the reader, the notebook, the session page, search
 * snippets (Ctrl+K) and the print views. Every vector of the corpus would set `window.__pwned`
 * or fetch http://attacker.example/… if it ever ran; the traps (a setter on `__pwned`, dialogs,
 * popups, CSP reports, every request) prove nothing ran and nothing left 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import type { Locator, Page } from '@playwright/test';
import { hostileArticleBody, VECTORS } from '../fixtures/hostile/corpus';
import { expect, test } from './fixtures';
import { buildPacket, buildReturn, imagesSettled, trap } from './gap-helpers';

const P = (id: string) => `window.__pwned='${id}'`;
/** Hostile text for plain-text fields (titles, names, comments): shown as text or not at all. */
const T = (id: string) => `恶意${id}<img src=x onerror="${P(id)}"><script>${P(`${id}-s`)}</script>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const filler = (mark: string) =>
  Array.from(
    { length: 6 },
    (_, i) => `<p>${mark}正文第${i + 1}段：坚持学思用贯通、知信行统一，把学习成果转化为推动工作的实际成效。</p>`,
  ).join('\n');
/**
 * The corpus vectors a view's text shows: by their marker (`向量 <id>`), or as inert text of the
 * vector itself (its `__pwned='<id>'` or its attacker.example/<id> address).
 */
function vectorsIn(text: string): Set<string> {
  return new Set(
    VECTORS.filter(
      (v) => text.includes(`向量 ${v.id}：`) || text.includes(`__pwned='${v.id}'`) || text.includes(`attacker.example/${v.id}`),
    ).map((v) => v.id),
  );
}

/** The corpus as an article body, with a marker word per door. */
const body = (mark: string, n = 0) => `${filler(mark)}\n<p>第${n}篇。</p>\n${hostileArticleBody()}\n<p>${mark}结束</p>`;

/** A fixture site serving the corpus as CMS article pages, a list page and an RSS feed. */
async function hostileSite(): Promise<{ base: string; close: () => Promise<void>; hits: string[] }> {
  const hits: string[] = [];
  const page = (title: string, mark: string, n: number) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title>
<base href="http://attacker.example/base/"><meta http-equiv="refresh" content="0;url=javascript:${P('page-refresh')}">
<script>${P('page-head')}</script></head><body onload="${P('page-body')}"><div class="nav"><a href="/h/">首页</a></div>
<div class="article"><h1>${esc(title)}</h1><div class="info">发布时间：2024-03-18 来源：${esc(T('origin'))}</div>
<div class="content">${body(mark, n)}</div></div></body></html>`;
  const routes = new Map<string, [string, string]>();
  const items = [1, 2, 3];
  routes.set('/h/list/index.html', [
    'text/html; charset=utf-8',
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>恶意栏目</title></head><body><ul class="list">
${items.map((i) => `<li><a href="/h/art/${i}.html">恶意页面文章${i}</a><span>2024-03-1${i}</span></li>`).join('\n')}
<li><a href="javascript:${P('list-link')}">脚本链接</a><span>2024-03-10</span></li></ul></body></html>`,
  ]);
  for (const i of items)
    routes.set(`/h/art/${i}.html`, ['text/html; charset=utf-8', page(`恶意页面文章${i}${T(`page-title-${i}`)}`, '门页面', i)]);
  routes.set('/h/rss.xml', [
    'application/rss+xml; charset=utf-8',
    `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(T('feed-title'))}</title><link>/h/</link><description>x</description>
${items
  .map(
    (i) =>
      `<item><title>${esc(`恶意订阅文章${i}${T(`feed-item-${i}`)}`)}</title><link>/h/feed/${i}.html</link><guid>/h/feed/${i}.html</guid><pubDate>Mon, 1${i} Mar 2024 02:00:00 +0000</pubDate><description><![CDATA[${VECTORS[i]!.html}]]></description><content:encoded><![CDATA[${body('门订阅', i)}]]></content:encoded></item>`,
  )
  .join('\n')}
<item><title>脚本链接条目</title><link>javascript:${P('feed-link')}</link><content:encoded><![CDATA[<p>x</p>]]></content:encoded></item>
</channel></rss>`,
  ]);
  for (const i of items) routes.set(`/h/feed/${i}.html`, ['text/html; charset=utf-8', page(`恶意订阅文章${i}`, '门订阅', i + 10)]);
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const path = (req.url ?? '').split('?')[0]!;
    const r = routes.get(path.endsWith('/') ? `${path}index.html` : path);
    if (!r) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': r[0] }).end(r[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function hostileDocx(): Promise<Buffer> {
  const link = (text: string, href: string) => new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: `恶意文档${T('docx-title')}`, bold: true })] }),
          ...Array.from(
            { length: 4 },
            (_, i) => new Paragraph(`门文档正文第${i + 1}段：坚持学思用贯通、知信行统一，把学习成果转化为实际成效。`),
          ),
          new Paragraph({
            children: [
              link('脚本链接', `javascript:${P('docx-link')}`),
              new TextRun(' '),
              link('数据链接', `data:text/html,<script>${P('docx-data')}</script>`),
              new TextRun(' '),
              link('远程链接', 'http://attacker.example/docx-link'),
            ],
          }),
          ...VECTORS.map((v) => new Paragraph(`向量 ${v.id}：${v.html}`)),
          new Paragraph('门文档结束'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function addSource(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: '添加来源' }).click();
  await page.getByLabel('网址或文件夹路径').fill(url);
  await page.getByRole('button', { name: '试抓取' }).click();
  await expect(page.getByTestId('source-preview').locator('li').first()).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
}

/** Ids of articles whose body text holds a door's marker word. */
function idsWith(page: Page, mark: string): Promise<string[]> {
  return page.evaluate(
    (mark) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('bodies').objectStore('bodies').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { articleId: string; text: string }[]).filter((b) => b.text.includes(mark)).map((b) => b.articleId));
          };
        };
      }),
    mark,
  );
}

async function importFile(page: Page, name: string, buffer: Buffer, expectText: RegExp): Promise<void> {
  await page.getByRole('link', { name: '资料包' }).click();
  await page.getByTestId('pk-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('pk-item').last()).toContainText(expectText, { timeout: 30_000 });
  await page.getByRole('button', { name: '确认导入' }).click();
  // The item just imported (an earlier import's item stays listed, done).
  await expect(page.getByTestId('pk-item').last().getByTestId('pk-done')).toBeVisible({ timeout: 30_000 });
}

test('hostile content through a synced page, a feed, a .docx, a packet and a return file: nothing runs, nothing leaves', async ({
  app,
  host,
}) => {
  test.setTimeout(120_000);
  const site = await hostileSite();
  const traps = await trap(app, host.origin);
  // door → view → the corpus vectors that view actually showed (as a marker or as inert text).
  const views: Record<string, Map<string, Set<string>>> = {};
  const saw = async (door: string, view: string, where: Locator) => {
    const found = vectorsIn(await where.innerText());
    const seen = (views[door] ??= new Map()).get(view) ?? new Set<string>();
    for (const id of found) seen.add(id);
    views[door].set(view, seen);
  };
  try {
    await app.reload();
    await expect(app.getByTestId('article-row').first()).toBeVisible();

    // Doors 1 and 2: a CMS column and an RSS feed, added and synced in the UI.
    await app.getByRole('link', { name: '来源' }).click();
    await app.getByText('抓取设置').click();
    await app.getByLabel('同一网站两次请求的间隔（毫秒）').fill('0');
    await addSource(app, `${site.base}/h/list/index.html`);
    await addSource(app, `${site.base}/h/rss.xml`);
    const cards = app.getByTestId('source-card');
    await expect(cards).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      await cards.nth(i).getByRole('button', { name: '立即同步' }).click();
      await expect(cards.nth(i).getByTestId('sync-progress')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    }

    // Door 3: a .docx with the corpus as text and javascript:/data: hyperlinks.
    await app.getByRole('link', { name: '文库' }).click();
    await app.getByTestId('import-input').setInputFiles({
      name: '恶意文档.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await hostileDocx(),
    });
    await expect(app.getByTestId('import-status')).toContainText('新增 1 篇', { timeout: 30_000 });

    // Door 4: a packet, correctly hashed, hostile in every field a person can type.
    const packet = buildPacket({
      id: 'p_hostile',
      sessionId: 's_hostile',
      title: `恶意资料包${T('packet-title')}`.slice(0, 400),
      issuer: T('issuer'),
      topic: `恶意专题${T('topic')}`,
      place: T('place'),
      questions: VECTORS.slice(0, 20).map((v) => v.html),
      articles: [1, 2].map((i) => ({
        id: `hx_pk_${i}`,
        title: `恶意资料包文章${i}${T(`pk-title-${i}`)}`,
        html: body('门资料包', i),
        origin: T('pk-origin'),
      })),
      comment: (i) => `${T(`comment-${i}`)}${VECTORS.map((v) => v.html).join('')}`,
      tags: ['<script>x</script>', `<img src=x onerror=${P('tag')}>`],
    });
    await importFile(app, '恶意资料包.yandu', packet, /重点摘编/);

    // Door 5: a member's return file for that session, hostile notes and excerpts.
    const now = '2025-06-02T08:00:00.000Z';
    const ret = buildReturn({
      meta: { id: 'r_hostile', version: 1, issuer: T('ret-issuer'), issuedAt: now, title: `回执${T('ret-title')}` },
      body: {
        sessionId: 's_hostile',
        sessionTopic: T('ret-topic'),
        packetId: 'p_hostile',
        packetVersion: 1,
        member: { name: `恶意成员<img src=x onerror="${P('member')}">`, title: `<img src=x onerror="${P('mt')}">` },
        notes: VECTORS.map((v, i) => ({
          id: `rn_${i}`,
          kind: i % 2 ? ('reflection' as const) : ('note' as const),
          title: `门回执${v.html}`.slice(0, 500),
          text: `门回执 ${v.id} ${v.html}`,
          zi: 0,
          articleId: i % 3 ? null : 'hx_pk_1',
          quote: v.html,
          createdAt: now,
          updatedAt: now,
        })),
        highlights: VECTORS.map((v, i) => ({
          id: `rh_${i}`,
          articleId: 'hx_pk_1',
          exact: v.html,
          comment: v.html,
          color: 'yellow' as const,
          createdAt: now,
        })),
      },
    });
    await importFile(app, '恶意回执.yandu', ret, /的回执/);
    await traps.check('import');

    const doors: Record<string, string[]> = {
      page: await idsWith(app, '门页面'),
      feed: await idsWith(app, '门订阅'),
      docx: await idsWith(app, '门文档'),
      packet: await idsWith(app, '门资料包'),
    };
    process.stdout.write(
      `hostile_door_articles: ${JSON.stringify(Object.fromEntries(Object.entries(doors).map(([k, v]) => [k, v.length])))}\n`,
    );
    expect(doors.page!.length).toBe(3);
    expect(doors.feed!.length).toBe(3);
    expect(doors.docx!.length).toBe(1);
    expect(doors.packet!.length).toBe(2);

    // View 1: the reader, every hostile article; the packet's leader panel copied into a note.
    for (const [door, ids] of Object.entries(doors)) {
      for (const id of ids) {
        await app.goto(`${host.origin}/#/read/${id}`);
        await expect(app.getByTestId('article-body')).toContainText('结束');
        await saw(door, 'reader', app.getByTestId('article-body'));
        if (door === 'packet' && id === 'hx_pk_1') {
          await expect(app.getByTestId('leader-panel')).toContainText('恶意comment-0');
          await saw(door, 'leader panel', app.getByTestId('leader-panel'));
          await app.getByRole('button', { name: '复制到我的笔记' }).first().click();
          await expect(app.getByTestId('leader-panel')).toContainText('已复制到笔记');
        }
        await imagesSettled(app);
      }
      // Every vector of the corpus reached the reader through this door.
      expect(views[door]!.get('reader')!.size, `vectors shown in the reader through ${door}`).toBe(VECTORS.length);
    }
    await traps.check('reader');

    // View 2: the notebook (the leader's excerpts and the copied note).
    await app.goto(`${host.origin}/#/notebook`);
    const excerpts = app.getByTestId('notebook-entry').filter({ hasText: '重点摘编：门资料包' });
    await expect(excerpts.first()).toBeVisible({ timeout: 15_000 });
    for (let i = 0; i < (await excerpts.count()); i++) await saw('packet', 'notebook', excerpts.nth(i));
    // The session page with the return file's row, and the packet's questions.
    await app.getByRole('link', { name: '学习计划' }).click();
    await app.getByRole('link', { name: /恶意专题/ }).click();
    await expect(app.getByTestId('return-row').filter({ hasText: '恶意成员' })).toBeVisible();
    await saw('return', 'session', app.getByTestId('return-row').filter({ hasText: '恶意成员' }));
    // The return read in full: every note, title and excerpt shown as text.
    await app.getByTestId('read-all-returns').click();
    await expect(app.getByTestId('return-item')).toHaveCount(VECTORS.length);
    await saw('return', 'returns view', app.getByTestId('returns-page'));
    // Every vector that carries a marker in its own text (a clobbering one has none to see).
    const marked = VECTORS.filter((v) => vectorsIn(`门回执 ${v.id} ${v.html}`).size > 0).length;
    expect(views.return!.get('returns view')!.size, 'vectors shown in the returns view').toBe(marked);
    await imagesSettled(app);
    await app.goBack();
    await expect(app.getByTestId('session-page')).toBeVisible();
    await saw('packet', 'session', app.locator('main'));
    await imagesSettled(app);
    await traps.check('notebook and session');

    // View 3: search snippets, typed into the app-bar search (Ctrl+K).
    for (const [door, q] of [
      ['page', '门页面'],
      ['feed', '门订阅'],
      ['docx', '门文档'],
      ['packet', '门资料包'],
      ['return', '门回执'],
    ] as const) {
      await app.keyboard.press('Control+k');
      await app.keyboard.press('Control+a');
      await app.keyboard.type(q);
      const hit = app.getByTestId('search-hit').first();
      // Returns are searched too (labelled 回执 · member · session).
      await expect(hit).toBeVisible({ timeout: 15_000 });
      await expect(app.getByTestId('search-snippet').first()).toContainText(q.slice(1));
      await saw(door, 'search', app.getByTestId('search-panel'));
      await imagesSettled(app);
      await app.keyboard.press('Escape');
    }
    await app.keyboard.press('Control+k');
    await app.keyboard.type('向量 script');
    await expect(app.getByTestId('search-hit').first()).toBeVisible({ timeout: 15_000 });
    await expect(app.getByTestId('search-snippet').first()).toContainText('向量');
    await saw('page', 'search', app.getByTestId('search-panel'));
    await imagesSettled(app);
    await app.keyboard.press('Escape');
    await traps.check('search');

    // View 4: the print views — the hostile articles, the notebook, the session's 学习记录.
    const all = Object.values(doors).flat();
    await app.goto(`${host.origin}/#/print/articles?ids=${all.join(',')}&title=${encodeURIComponent(T('print-title'))}`);
    await expect(app.locator('section.pr-article')).toHaveCount(all.length, { timeout: 30_000 });
    await expect(app.getByTestId('print-pdf')).toBeEnabled({ timeout: 30_000 });
    for (const [door, ids] of Object.entries(doors)) {
      for (const id of ids) await saw(door, 'print', app.locator(`section.pr-article[data-article-id="${id}"]`));
      expect(views[door]!.get('print')!.size, `vectors printed through ${door}`).toBe(VECTORS.length);
    }
    await imagesSettled(app);
    await app.goto(`${host.origin}/#/print/notebook`);
    await expect(app.getByTestId('print-doc')).toContainText('重点摘编：门资料包', { timeout: 30_000 });
    await saw('packet', 'print', app.getByTestId('print-doc'));
    await imagesSettled(app);
    await app.goto(`${host.origin}/#/print/record/s_hostile`);
    await expect(app.getByTestId('print-doc')).toContainText('恶意专题', { timeout: 30_000 });
    // The 学习记录 carries the session the packet brought (its questions are corpus vectors).
    await saw('packet', 'record print', app.getByTestId('print-doc'));
    await imagesSettled(app);
    await app.goto(`${host.origin}/#/print/returns/s_hostile`);
    await expect(app.getByTestId('print-return-section')).toHaveCount(1, { timeout: 30_000 });
    await saw('return', 'returns print', app.getByTestId('print-doc'));
    await imagesSettled(app);
    await traps.check('print');

    // Nothing the pages linked or embedded was ever asked of the site but the pages themselves.
    expect(site.hits.filter((u) => /attacker|javascript|\.png|\.js|\.css/.test(u))).toEqual([]);

    // Printed from what the views showed in this run, not from a table of expectations.
    let total = 0;
    for (const [door, byView] of Object.entries(views)) {
      const parts = [...byView].map(([view, ids]) => `${view} ${ids.size}`);
      const n = [...byView.values()].reduce((sum, ids) => sum + ids.size, 0);
      total += n;
      process.stdout.write(`hostile_door ${door}: ${parts.join(', ')} = ${n} vectors shown\n`);
    }
    const viewNames = new Set(Object.values(views).flatMap((m) => [...m.keys()]));
    process.stdout.write(
      `hostile_total: ${Object.keys(views).length} doors, ${viewNames.size} views, ${total} vector×door×view checks; 0 executions, 0 dialogs, 0 foreign requests\n`,
    );
  } finally {
    await site.close();
  }
});
