/**
 * A packet carries the attachment articles (附件) of its readings: written by the leader's app,
 * read back with the import checks, installed linked to their page. An attachment too large for
 * a packet part is left out and named, never a failed export; the member's preview names it too.
 * Only attachments of a reading may travel besides the readings.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApi, dispatch, type Services } from '../../shared/contract';
import type { ArticleRow } from '../../shared/domain/article';
import { sessionRow } from '../../shared/domain/session';
import { decodeFile, encodePacket } from '../../shared/packet/packet';
import { AppError } from '../../shared/errors';
import { YanduDB } from '../../renderer/db/schema';
import { checkBase64, commit, gatherPacket } from '../../renderer/core/packets';
import { attachmentStates } from '../../renderer/core/documents/model';
import { createPacketService } from '../../main/services/packets/service';
import { createBackupService } from '../../main/services/backup/service';
import { nodeSha256 } from '../../main/services/packets/reader';

let dir = '';
const api = () => {
  const services = {
    packets: createPacketService({ dataDir: dir }),
    backup: createBackupService({ dataDir: dir, appVersion: 'test' }),
  } as unknown as Services;
  return buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-pk-attach-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOTICE = 'http://cms.test/tzgg/content_1.html';
const hash = (n: number) => n.toString(16).padStart(64, '0');

function row(id: string, patch: Partial<ArticleRow>): ArticleRow {
  return {
    id,
    version: 1,
    updatedAt: null,
    urlKey: `http://cms.test/${id}`,
    url: `http://cms.test/${id}`,
    title: id,
    publishedAt: '2025-01-12',
    origin: null,
    author: null,
    editor: null,
    column: null,
    sourceId: 'src_cms',
    sourceName: '通知公告',
    zi: 10,
    contentHash: hash(id.length),
    addedAt: '2025-01-12T00:00:00.000Z',
    ...patch,
  };
}

const doc = (name: string, format: 'pdf' | 'docx') => ({
  format,
  name,
  file: `documents/${'e'.repeat(64)}.${format}`,
  pageCount: format === 'pdf' ? 2 : null,
  pages:
    format === 'pdf'
      ? [
          { page: 1, offset: 0 },
          { page: 2, offset: 5 },
        ]
      : null,
  docNumber: null,
  scanned: false,
  attachmentOf: NOTICE,
});

it(
  'carries the readings’ attachments, leaves out one over the part limit with a note, installs them linked',
  { timeout: 60_000 },
  async () => {
    const leader = new YanduDB('pk-attach-leader');
    await leader.open();
    const notice = row('a_notice', {
      urlKey: NOTICE,
      url: NOTICE,
      title: '关于印发学习计划的通知',
      contentHash: hash(1),
      attachments: [
        { url: 'http://cms.test/upload/plan.pdf', name: '学习计划.pdf', ext: 'pdf' },
        { url: 'http://cms.test/upload/huibian.docx', name: '学习材料汇编.docx', ext: 'docx' },
        { url: 'http://cms.test/upload/tongji.xls', name: '统计表.xls', ext: 'xls' },
      ],
    });
    const plan = row('a_plan', {
      urlKey: 'http://cms.test/upload/plan.pdf',
      title: '学习计划',
      contentHash: hash(2),
      document: doc('学习计划.pdf', 'pdf'),
    });
    // Its HTML alone is over the 12 MB a packet part may hold (5 million characters is allowed in the library).
    const big = row('a_big', {
      urlKey: 'http://cms.test/upload/huibian.docx',
      title: '学习材料汇编',
      contentHash: hash(3),
      document: doc('学习材料汇编.docx', 'docx'),
    });
    const other = row('a_other', {
      title: '别处的文件',
      contentHash: hash(4),
      document: { ...doc('别处.pdf', 'pdf'), attachmentOf: 'http://cms.test/elsewhere' },
    });
    await leader.articles.bulkAdd([notice, plan, big, other]);
    await leader.bodies.bulkAdd([
      { articleId: 'a_notice', html: '<p>各党支部：请认真学习。</p>', text: '各党支部：请认真学习。' },
      { articleId: 'a_plan', html: '<p>学习计划第一页</p><p>第二页</p>', text: '学习计划第一页\n第二页' },
      { articleId: 'a_big', html: `<p>${'汇'.repeat(4_300_000)}</p>`, text: '汇编' },
      { articleId: 'a_other', html: '<p>别处</p>', text: '别处' },
    ]);
    const now = '2025-03-01T08:00:00.000Z';
    const session = sessionRow(
      {
        id: 's_1',
        topic: '学习计划',
        date: '2025-03-01',
        place: '',
        host: '',
        speakers: [],
        readings: ['a_notice'],
        questions: [],
        status: 'planned',
      },
      now,
    );
    const meta = { id: 'p_s_1', version: 1, issuer: '党委办公室', issuedAt: now, title: '学习计划学习资料' };
    const { draft, leftOut } = await gatherPacket(leader, session, meta);
    expect(draft.articles.map((a) => a.id)).toEqual(['a_notice', 'a_plan']);
    expect(draft.articles[1]!.document).toMatchObject({
      attachmentOf: NOTICE,
      pages: [
        { page: 1, offset: 0 },
        { page: 2, offset: 5 },
      ],
    });
    expect(draft.articles[0]!.attachments).toHaveLength(3);
    expect(leftOut).toHaveLength(1);
    expect(leftOut[0]).toMatchObject({ name: '学习材料汇编.docx', why: 'part' });
    expect(leftOut[0]!.bytes).toBeGreaterThan(12 * 1024 * 1024);

    // Written and read back by main with every import check.
    const a = api();
    const built = await a.packets.build({ draft });

    // The member: the preview names what comes and what does not; installing links them.
    const member = new YanduDB('pk-attach-member');
    await member.open();
    const checked = await checkBase64(member, a, built.base64);
    if (checked.kind !== 'packet') throw new Error('kind');
    expect(checked.preview.status).toBe('new');
    expect(checked.preview.attachments).toEqual({ carried: ['学习计划'], missing: ['学习材料汇编.docx'] });
    expect(checked.preview.changes).toContain('附件《学习材料汇编.docx》未随资料包提供');
    await commit(member, a, checked);
    const installed = await member.articles.get('a_plan');
    expect(installed?.document?.attachmentOf).toBe(NOTICE);
    const page = (await member.articles.get('a_notice'))!;
    const children = await member.articles.filter((r) => r.document?.attachmentOf === page.urlKey).toArray();
    expect(attachmentStates(page.attachments!, children, []).map((e) => e.state.kind)).toEqual(['article', 'failed', 'unsupported']);
    // The session's readings stay the readings; the attachment is searchable like any article.
    expect((await member.sessions.get('s_1'))?.readings).toEqual(['a_notice']);
    expect(await member.searchDocs.where('articleId').equals('a_plan').count()).toBeGreaterThan(0);
    leader.close();
    member.close();
  },
);

it('refuses a packet with an article that is neither a reading nor an attachment of one', () => {
  const article = (id: string, extra: object = {}) => ({
    id,
    urlKey: `http://cms.test/${id}`,
    url: null,
    title: id,
    publishedAt: null,
    origin: null,
    author: null,
    editor: null,
    column: null,
    sourceId: 'src',
    sourceName: '来源',
    html: '<p>正文</p>',
    text: '正文',
    contentHash: hash(9),
    ...extra,
  });
  const session = {
    id: 's_1',
    topic: '学习',
    date: '2025-03-01',
    place: '',
    host: '',
    speakers: [],
    readings: ['a_read'],
    questions: [],
    status: 'planned' as const,
  };
  const meta = { id: 'p_xx1', version: 1, issuer: '某', issuedAt: '2025-03-01T08:00:00.000Z', title: '资料' };
  const codeOf = (articles: object[]) => {
    try {
      decodeFile(encodePacket({ meta, session, articles: articles as never, highlights: [] }, new Map(), nodeSha256), nodeSha256);
      return 'OK';
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  };
  const attachment = { document: { ...doc('x.pdf', 'pdf'), attachmentOf: 'http://cms.test/a_read' } };
  expect(codeOf([article('a_read'), article('a_att', attachment)])).toBe('OK');
  expect(codeOf([article('a_read'), article('a_stray')])).toBe('E_PACKET_CONTENT');
  expect(
    codeOf([article('a_read'), article('a_att', { document: { ...doc('x.pdf', 'pdf'), attachmentOf: 'http://cms.test/elsewhere' } })]),
  ).toBe('E_PACKET_CONTENT');
});
