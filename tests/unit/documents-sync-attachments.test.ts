/**
 * A CMS notice with three attachments synced end to end over real HTTP on 127.0.0.1: the readable
 * ones become document articles linked to the notice, an attachment on another site is refused by
 * the network policy, and a re-sync asks conditionally and downloads nothing again.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HttpClient } from '../../main/services/sync/http-client';
import { NetPolicy } from '../../main/services/sync/net-policy';
import { runSync } from './helpers/sync-run';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));
const P = '各支部要把理论学习摆在突出位置，按计划组织集体学习，做好学习记录，确保学习取得实效。学习中遇到的问题，请及时向党委办公室反映。';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div><div class="main"><h1>${title}</h1><div class="info">发布时间：2025-01-12\u3000来源：党委办公室</div><div class="content">${body}</div></div><div class="footer">版权所有 某某集团</div></body></html>`;

const files: Record<string, { type: string; body: Buffer }> = {
  '/tzgg/index.html': {
    type: 'text/html; charset=utf-8',
    body: Buffer.from(
      page(
        '通知公告',
        `<ul class="list">${[1, 2, 3]
          .map(
            (n) =>
              `<li><a href="/tzgg/content_${n}.html">${n === 1 ? '关于印发学习计划的通知' : `第${n}期学习简报`}</a><span>2025-01-1${n}</span></li>`,
          )
          .join('')}</ul>`,
      ),
    ),
  },
  '/tzgg/content_2.html': { type: 'text/html; charset=utf-8', body: Buffer.from(page('第2期学习简报', `<p>${P}</p><p>${P}</p>`)) },
  '/tzgg/content_3.html': { type: 'text/html; charset=utf-8', body: Buffer.from(page('第3期学习简报', `<p>${P}</p><p>${P}</p>`)) },
  '/upload/plan.pdf': { type: 'application/pdf', body: fixture('gongwen.pdf') },
  '/cms/DownloadFile.aspx': { type: 'application/octet-stream', body: fixture('tongzhi.ofd') },
  '/upload/huibian.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: fixture('report.docx') },
};

/** The notice is corrected after the first sync (its attachments are not). */
let revised = false;
let server: Server;
let base = '';
const hits: { path: string; status: number }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    // The crawler asks for /tzgg/ (canonical form of /tzgg/index.html).
    let f = files[url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname];
    if (url.pathname === '/tzgg/content_1.html') {
      f = {
        type: 'text/html; charset=utf-8',
        body: Buffer.from(
          page(
            '关于印发学习计划的通知',
            `<p>各党支部：</p><p>${P}</p>${revised ? '<p>（本通知已更正联系人。）</p>' : ''}<p>附件：</p><p>1. <a href="/upload/plan.pdf">学习计划.pdf</a></p><p>2. <a href="/cms/DownloadFile.aspx?id=77">测试通知.ofd</a></p><p>3. <a href="/upload/huibian.docx">学习材料汇编.docx</a></p><p>4. <a href="http://10.255.255.1:9/outside.pdf">外站文件.pdf</a></p>`,
          ),
        ),
      };
    }
    if (!f) {
      hits.push({ path: url.pathname, status: 404 });
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(f.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      hits.push({ path: url.pathname, status: 304 });
      res.writeHead(304, { etag }).end();
      return;
    }
    hits.push({ path: url.pathname, status: 200 });
    res.writeHead(200, { 'content-type': f.type, 'content-length': f.body.length, etag }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('imports a notice’s readable attachments as linked documents, once', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-'));
  const source = { id: 'notices', kind: 'cms' as const, location: `${base}/tzgg/index.html`, name: '通知公告', column: null };
  // The source's policy: its own site only.
  const client = () =>
    new HttpClient({ delayMs: 0, timeoutMs: 10_000, backoffMs: 10, retries: 0, robots: false, policy: new NetPolicy({ allow: [base] }) });
  const first = await runSync(source, { dataDir, client: client(), fullRescan: true });
  const notice = first.articles.find((a) => a.title === '关于印发学习计划的通知')!;
  expect(notice).toBeDefined();
  expect(notice.attachments!.map((a) => [a.name, a.ext])).toEqual([
    ['学习计划.pdf', 'pdf'],
    ['测试通知.ofd', 'ofd'],
    ['学习材料汇编.docx', 'docx'],
    ['外站文件.pdf', 'pdf'],
  ]);
  expect(notice.text).toContain('附件：');
  const docs = first.articles.filter((a) => a.document);
  expect(docs.map((a) => [a.document!.format, a.document!.attachmentOf, a.title])).toEqual([
    ['pdf', notice.urlKey, '中共某某市委办公室关于印发《2025年党委（党组）理论学习中心组学习计划》的通知'],
    ['ofd', notice.urlKey, '关于开展2025年度党员干部理论学习测试的通知'],
    ['docx', notice.urlKey, '深入学习贯彻党的创新理论'],
  ]);
  expect(docs[0]!.document!.pages).toHaveLength(2);
  for (const d of docs) expect(d.document!.file).toMatch(/^documents\/[0-9a-f]{64}\./);
  // The other site is outside the source's policy: logged, never asked.
  expect(first.logs.map((l) => [l.code, l.url])).toContainEqual(['E_FORBIDDEN', 'http://10.255.255.1:9/outside.pdf']);
  expect(hits.filter((h) => h.path === '/upload/plan.pdf')).toEqual([{ path: '/upload/plan.pdf', status: 200 }]);

  // The notice is corrected; a re-sync with what the library knows fetches it again, asks each
  // attachment conditionally and downloads none of them again.
  revised = true;
  hits.length = 0;
  const known = first.batches.flatMap((b) => b.pages).map((p) => ({ ...p, publishedAt: null }));
  const second = await runSync(source, { dataDir, client: client(), known, fullRescan: true });
  expect(second.articles.map((a) => a.title)).toEqual(['关于印发学习计划的通知']);
  const attachmentHits = hits.filter((h) => /upload|DownloadFile/.test(h.path));
  expect(attachmentHits.map((h) => h.status)).toEqual([304, 304, 304]);
});

it(
  'an attachment over the size cap is logged as E_TOO_LARGE (the reader says 超过大小上限); the notice is kept',
  { timeout: 60_000 },
  async () => {
    revised = false;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-attach-cap-'));
    const source = { id: 'notices', kind: 'cms' as const, location: `${base}/tzgg/index.html`, name: '通知公告', column: null };
    const client = new HttpClient({
      delayMs: 0,
      timeoutMs: 10_000,
      backoffMs: 10,
      retries: 0,
      robots: false,
      policy: new NetPolicy({ allow: [base] }),
    });
    // Under a 5 KB cap the OFD fixture (3.6 KB) fits; the PDF (66 KB) and the .docx (7.5 KB) do not.
    const run = await runSync(source, { dataDir, client, fullRescan: true, attachmentMaxBytes: 5 * 1024 });
    expect(run.articles.some((a) => a.title === '关于印发学习计划的通知')).toBe(true);
    expect(run.articles.filter((a) => a.document).map((a) => a.document!.format)).toEqual(['ofd']);
    const capped = run.logs.filter((l) => l.code === 'E_TOO_LARGE').map((l) => l.url);
    expect(capped).toEqual([`${base}/upload/plan.pdf`, `${base}/upload/huibian.docx`]);
  },
);
