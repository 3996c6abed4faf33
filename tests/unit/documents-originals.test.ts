/**
 * 查看原件: originals are served by content hash only, from <dataDir>/documents, by the browser
 * host (real HTTP on 127.0.0.1) and the Electron app:// handler; hostile names and missing files
 * are 404s that reveal nothing; documents.open opens with the system program only on the desktop.
 * Also the renderer's pure rules: the page of a text offset and what became of each attachment.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host/server';
import { downloadDisposition, resolveDocumentPath } from '../../main/services/documents-route';
import { createAppProtocolHandler } from '../../main/electron/app-protocol';
import { createServices } from '../../main/services/app-services';
import { attachmentStates, downloadUrl, originalUrl, pageAt } from '../../renderer/core/documents/model';
import { stubServices } from './helpers/services';

const HASH = 'a'.repeat(64);
const PDF = Buffer.from('%PDF-1.4 original bytes\n');
let dataDir: string;
let host: RunningHost;

function get(port: number, urlPath: string, cookie: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent: false, path: urlPath, headers: { Cookie: cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-originals-'));
  await mkdir(path.join(dataDir, 'documents'));
  await writeFile(path.join(dataDir, 'documents', `${HASH}.pdf`), PDF);
  // Files a hostile path would like to reach.
  await writeFile(path.join(dataDir, 'host-secret'), 'secret');
  await writeFile(path.join(dataDir, 'documents', 'notes.txt'), 'not an original');
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-originals-renderer-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  host = await startHost({ services: stubServices(), rendererDir, dataDir });
});
afterAll(() => host.close());

describe('resolveDocumentPath', () => {
  it('maps a content hash and known extension into <dataDir>/documents', () => {
    expect(resolveDocumentPath(dataDir, `/documents/${HASH}.pdf`)).toBe(path.join(dataDir, 'documents', `${HASH}.pdf`));
    expect(resolveDocumentPath(dataDir, `/documents/${'0'.repeat(64)}.ofd`)).toBe(path.join(dataDir, 'documents', `${'0'.repeat(64)}.ofd`));
  });

  it.each([
    '/documents/../host-secret',
    '/documents/%2e%2e/host-secret',
    '/documents/..%2fhost-secret',
    `/documents/${HASH}.pdf/../../host-secret`,
    `/documents/${HASH}.PDF`,
    `/documents/${HASH.toUpperCase()}.pdf`,
    `/documents/${HASH}.exe`,
    `/documents/${HASH}.pdf%00.txt`,
    `/documents/${HASH.slice(1)}.pdf`,
    '/documents/notes.txt',
    `/documents//${HASH}.pdf`,
    `/documents/${HASH}.pdf\\..\\x`,
    `/media/${HASH}.pdf`,
  ])('refuses %s', (hostile) => {
    expect(resolveDocumentPath(dataDir, hostile)).toBeNull();
  });

  it('names a download after the user’s file, without separators or control characters', () => {
    const d = downloadDisposition('../学习\n计划"x".pdf', `${HASH}.pdf`);
    expect(d).toBe(`attachment; filename="..____x.pdf"; filename*=UTF-8''..${encodeURIComponent('学习计划x')}.pdf`);
    expect(downloadDisposition('..', `${HASH}.doc`)).toContain('filename="document.doc"');
  });
});

describe('the browser host’s /documents route', () => {
  const cookie = () => `yandu_token_${host.port}=${host.secret}`;

  it('serves an original by its hash, with its type and the CSP; a download carries the user’s name', async () => {
    const res = await get(host.port, `/documents/${HASH}.pdf`, cookie());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.equals(PDF)).toBe(true);
    const dl = await get(host.port, `/documents/${HASH}.pdf?download=${encodeURIComponent('学习计划.pdf')}`, cookie());
    expect(dl.status).toBe(200);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('学习计划')}.pdf`,
    );
  });

  it('answers 404 for a missing original and for hostile names, never their content', async () => {
    const missing = await get(host.port, `/documents/${'b'.repeat(64)}.pdf`, cookie());
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('找不到该原件');
    for (const hostile of [
      '/documents/../host-secret',
      '/documents/..%2fhost-secret',
      '/documents/%2e%2e%2fhost-secret',
      '/documents/notes.txt',
    ]) {
      const res = await get(host.port, hostile, cookie());
      expect([400, 404]).toContain(res.status);
      expect(res.body.toString()).not.toContain('secret');
      expect(res.body.toString()).not.toContain('not an original');
    }
  });

  it('needs the access secret like everything else', async () => {
    const res = await get(host.port, `/documents/${HASH}.pdf`, 'yandu_token_1=wrong');
    expect(res.status).toBe(401);
    expect(res.body.equals(PDF)).toBe(false);
  });
});

describe('app://yandu/documents in Electron', () => {
  it('serves by hash from the data folder and refuses anything else', async () => {
    const handler = createAppProtocolHandler(dataDir, undefined, dataDir);
    const ok = await handler(new Request(`app://yandu/documents/${HASH}.pdf`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await ok.arrayBuffer()).equals(PDF)).toBe(true);
    for (const hostile of [
      'app://yandu/documents/..%2fhost-secret',
      'app://yandu/documents/notes.txt',
      `app://yandu/documents/${'c'.repeat(64)}.pdf`,
    ]) {
      const res = await handler(new Request(hostile));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });
});

describe('documents.open', () => {
  const base = {
    version: '0',
    resourcesDir: dataDir,
    openExternal: async () => false,
    emit: () => {},
    runner: { run: async () => {} } as never,
    preview: async () => {
      throw new Error('unused');
    },
  };

  it('opens the original with the system program on the desktop, by its path in the data folder', async () => {
    const opened: string[] = [];
    const services = createServices({ ...base, host: 'electron', dataDir, openPath: async (f) => (opened.push(f), true) });
    expect(await services.documents.open({ file: `documents/${HASH}.pdf`, name: 'x.pdf' })).toEqual({ opened: true });
    expect(opened).toEqual([path.join(dataDir, 'documents', `${HASH}.pdf`)]);
    await expect(services.documents.open({ file: `documents/${'d'.repeat(64)}.doc`, name: 'x.doc' })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    expect(opened).toHaveLength(1);
    services.stop();
  });

  it('says it did not in the browser host (the page downloads instead)', async () => {
    const services = createServices({ ...base, host: 'browser', dataDir });
    expect(await services.documents.open({ file: `documents/${HASH}.pdf`, name: 'x.pdf' })).toEqual({ opened: false });
    services.stop();
  });
});

describe('renderer rules', () => {
  it('finds the page of a text offset from the page markers', () => {
    const pages = [
      { page: 1, offset: 0 },
      { page: 2, offset: 584 },
      { page: 3, offset: 1200 },
    ];
    expect([0, 583, 584, 1199, 1200, 99999].map((o) => pageAt(pages, o))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(pageAt(null, 10)).toBeNull();
    expect(pageAt([], 10)).toBeNull();
  });

  it('serves only well-formed document files, downloads under the user’s name', () => {
    expect(originalUrl({ file: `documents/${HASH}.pdf` })).toBe(`/documents/${HASH}.pdf`);
    expect(originalUrl({ file: '../documents/x.pdf' })).toBeNull();
    expect(originalUrl({ file: null })).toBeNull();
    expect(downloadUrl({ file: `documents/${HASH}.doc`, name: '市委 通知.doc' })).toBe(
      `/documents/${HASH}.doc?download=${encodeURIComponent('市委 通知.doc')}`,
    );
  });

  it('says what became of each attachment: its article, or why there is none', () => {
    const links = [
      { url: 'http://cms.test/upload/plan.pdf', name: '学习计划.pdf', ext: 'pdf' as const },
      { url: 'http://cms.test/DownloadFile.aspx?id=7', name: '测试通知', ext: 'ofd' as const },
      { url: 'http://cms.test/upload/big.pdf', name: '汇编.pdf', ext: 'pdf' as const },
      { url: 'http://other.test/x.doc', name: '外站.doc', ext: 'doc' as const },
      { url: 'http://cms.test/upload/broken.docx', name: '坏文件.docx', ext: 'docx' as const },
      { url: 'http://cms.test/upload/t.xls', name: '统计表.xls', ext: 'xls' as const },
      { url: 'http://cms.test/upload/never.wps', name: '未抓取.wps', ext: 'wps' as const },
      { url: 'http://cms.test/upload/stopped.pdf', name: '停止.pdf', ext: 'pdf' as const },
    ];
    const children = [
      {
        id: 'a1',
        title: '学习计划',
        url: 'http://cms.test/upload/plan.pdf#top',
        urlKey: 'http://cms.test/upload/plan.pdf',
        document: { name: '学习计划.pdf' },
      },
      // Redirected to another address: matched by the name sync gave it.
      {
        id: 'a2',
        title: '测试通知',
        url: 'http://cms.test/files/77.ofd',
        urlKey: 'http://cms.test/files/77.ofd',
        document: { name: '测试通知.ofd' },
      },
    ];
    const log = [
      { url: 'http://cms.test/upload/broken.docx', code: 'E_DOCUMENT_DAMAGED', message: '附件未能导入（文件已损坏）' },
      { url: 'http://other.test/x.doc', code: 'E_FORBIDDEN', message: '不在网络范围内' },
      { url: 'http://cms.test/upload/big.pdf', code: 'E_TOO_LARGE', message: '内容过大' },
      { url: 'http://cms.test/upload/stopped.pdf', code: 'E_CANCELLED', message: '同步已停止，附件未下载，文章已保留' },
    ];
    expect(attachmentStates(links, children, log).map((e) => e.state)).toEqual([
      { kind: 'article', id: 'a1', title: '学习计划' },
      { kind: 'article', id: 'a2', title: '测试通知' },
      { kind: 'tooLarge' },
      { kind: 'refused', message: '不在网络范围内' },
      { kind: 'failed', message: '附件未能导入（文件已损坏）' },
      { kind: 'unsupported' },
      { kind: 'failed', message: null },
      { kind: 'cancelled' },
    ]);
  });
});
