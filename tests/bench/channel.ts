/**
 * The organisation channel (issue 21): a leader publishes one 30-article packet to a real Apache
 * httpd with mod_dav on this machine, then 30 members fetch it at once, each with a client of its
 * own (its own authentication, as 30 PCs would). Every copy is checked as a packet and must equal
 * the published bytes.
 *   channel_publish_s   upload (temp name, MOVE) of the packet
 *   channel_fetch_s     wall time until all 30 members hold a checked copy
 * Skips with the reason when apache2 is not installed (npm run setup:test installs it).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Channel } from '../../main/services/channel/channel';
import { buildPacketBytes } from '../../main/services/packets/writer';
import { loadSampleLibrary } from '../../main/services/sample-library';
import type { PacketDraft } from '../../shared/packet/schema';
import { davSkipReason, startApache } from '../unit/helpers/dav-servers';

const MEMBERS = 30;
const ARTICLES = 30;
const PARAGRAPH = '坚持以学铸魂、以学增智、以学正风、以学促干，推动学习贯彻走深走实。';

async function thirtyArticlePacket(dataDir: string): Promise<Uint8Array> {
  const root = fileURLToPath(new URL('../../resources/sample-library', import.meta.url));
  const [base] = await loadSampleLibrary(root);
  if (!base) throw new Error('the sample library is empty');
  const body = Array.from({ length: 150 }, (_, i) => `${PARAGRAPH}（${i + 1}）`);
  const articles = Array.from({ length: ARTICLES }, (_, i) => ({
    ...base,
    id: `bench_article_${i}`,
    url: `${base.url}-${i}`,
    urlKey: `${base.urlKey}-${i}`,
    title: `学习材料第${i + 1}篇`,
    html: body.map((p) => `<p>${p}</p>`).join(''),
    text: body.join('\n'),
  }));
  const iso = new Date('2026-03-01T08:00:00Z').toISOString();
  const draft: PacketDraft = {
    meta: { id: 'p_bench_channel', version: 1, issuer: '某某集团党委办公室', issuedAt: iso, title: '通道基准：第三次集中学习' },
    session: {
      id: 's_bench_03',
      topic: '通道基准',
      date: iso.slice(0, 10),
      place: '第一会议室',
      host: '党委书记',
      speakers: [],
      readings: articles.map((a) => a.id),
      questions: [],
      status: 'planned',
    },
    articles,
    highlights: [],
  };
  return buildPacketBytes(draft, dataDir);
}

export async function benchChannel(): Promise<Record<string, number>> {
  const reason = davSkipReason('apache-basic');
  if (reason) {
    process.stderr.write(`bench channel skipped: ${reason}\n`);
    return {};
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-channel-'));
  const server = await startApache('basic');
  try {
    const bytes = await thirtyArticlePacket(dataDir);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const channel = (user = server.user) => new Channel({ url: `${server.url}channel/`, user, password: server.password });
    const t0 = performance.now();
    const published = await channel().publish(bytes);
    const publishS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const copies = await Promise.all(Array.from({ length: MEMBERS }, () => channel().fetch(published.name)));
    const fetchS = (performance.now() - t1) / 1000;
    if (copies.some((c) => sha(c.bytes) !== sha(bytes))) throw new Error('a member got different bytes');
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      channel_packet_bytes: bytes.length,
      channel_publish_s: round(publishS),
      channel_fetch_s: round(fetchS),
      channel_fetch_members: copies.length,
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
