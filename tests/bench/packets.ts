/**
 * Packets: a session of 30 articles (about 5,000 字 each) and 50 images with a leader's layer.
 *   packet_export_s          gather from Dexie + write + self-check in main (target ≤ 5 s)
 *   packet_import_s          check in main + preview + install into a fresh database (≤ 5 s)
 *   packet_fuzz_db_unchanged 1 when importing 1,000 mutated packets left the database
 *                            byte-for-byte as it was (SHA-256 of a dump before and after)
 * Runs in Node: fake-indexeddb for Dexie, the real packet service for main.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApi, dispatch, type Services } from '../../shared/contract';
import type { ArticlePayload } from '../../shared/domain/article';
import { AppError } from '../../shared/errors';
import { describe } from '../../shared/anchoring';
import { base64ToBytes, bytesToBase64 } from '../../shared/packet/base64';
import { decodeContainer } from '../../shared/packet/container';
import { SIGNATURE_ENTRY, verifySignature } from '../../shared/packet/signature';
import { createArticleRepository } from '../../renderer/db/repositories';
import { YanduDB, type HighlightRow } from '../../renderer/db/schema';
import { checkBase64, commit, gatherPacket } from '../../renderer/core/packets';
import { newSession } from '../../renderer/core/study';
import { makePng } from '../../main/services/packets/png';
import { createPacketService } from '../../main/services/packets/service';
import { createBackupService } from '../../main/services/backup/service';

const WORDS = '坚持以学铸魂以学增智以学正风以学促干推动学习贯彻走深走实全面从严治党永远在路上，。'.split('');

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
}

function sha(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Every table, every row, in key order: what "the database" is for the unchanged check. */
export async function dumpHash(db: YanduDB): Promise<string> {
  const h = createHash('sha256');
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    h.update(`#${table.name}\n`);
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.bulkGet(keys as never[]);
    rows.forEach((r, i) => h.update(`${JSON.stringify(keys[i])}=${JSON.stringify(r)}\n`));
  }
  return h.digest('hex');
}

async function seedLeader(db: YanduDB, dataDir: string) {
  const rand = rng(7);
  const media = path.join(dataDir, 'media');
  await mkdir(media, { recursive: true });
  const images: string[] = [];
  for (let i = 0; i < 50; i++) {
    const png = makePng(160, 120, (x, y) => [(x * 3 + i * 17) & 255, (y * 5 + i * 29) & 255, (rand() >> 8) & 255]);
    const name = `${sha(png)}.png`;
    await writeFile(path.join(media, name), png);
    images.push(name);
  }
  const articles: ArticlePayload[] = [];
  for (let a = 0; a < 30; a++) {
    const paras = Array.from({ length: 25 }, () => Array.from({ length: 200 }, () => WORDS[rand() % WORDS.length]).join(''));
    const text = paras.join('\n');
    const html = paras
      .map((p, i) => {
        const img = i < 2 && a * 2 + i < 50 ? `<img src="media/${images[a * 2 + i]!}" alt="图">` : '';
        return `<p>${img}${p}</p>`;
      })
      .join('\n');
    articles.push({
      id: `a_bench_${String(a).padStart(3, '0')}`,
      urlKey: `bench:${a}`,
      url: null,
      title: `基准文章第${a + 1}篇`,
      publishedAt: '2025-01-02',
      origin: '编辑部',
      author: null,
      editor: null,
      column: '学习参考',
      sourceId: 'bench',
      sourceName: '基准',
      html,
      text,
      contentHash: sha(text),
    });
  }
  await createArticleRepository(db).addMany(articles);
  const now = new Date().toISOString();
  const rows: HighlightRow[] = [];
  for (const a of articles) {
    for (let k = 0; k < 3; k++) {
      const start = 201 * (k + 3) + 10;
      rows.push({
        id: `lh_${a.id}_${k}`,
        articleId: a.id,
        layer: 'leader',
        color: 'orange',
        style: 'underline',
        selector: describe(a.text, start, start + 30),
        articleVersion: 1,
        orphan: false,
        tags: [],
        comment: '请重点学习。',
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  await db.highlights.bulkPut(rows);
  const session = { ...newSession('2025-03-01'), topic: '基准专题', readings: articles.map((a) => a.id) };
  await db.sessions.put(session);
  return session;
}

function mutate(bytes: Uint8Array, i: number, rand: () => number): Uint8Array {
  const kind = i % 6;
  if (kind === 0) return bytes.subarray(0, rand() % bytes.length);
  const b = new Uint8Array(bytes);
  const view = new DataView(b.buffer);
  if (kind === 1) {
    const at = rand() % b.length;
    b[at] = b[at]! ^ (1 + (rand() % 255));
  } else if (kind === 2) for (let k = 0; k < 8; k++) b[rand() % b.length] = rand() & 255;
  else if (kind === 3) view.setUint32(12, [0xffffffff, 0, 3, 0x7fffffff][rand() % 4]!);
  else if (kind === 4) {
    // A part's size field: the first entry's name is "manifest.json" (13 bytes).
    view.setUint32(16 + 2 + 13, [0xffffffff, 1, 0][rand() % 3]!);
  } else {
    // The first part name becomes a path outside.
    const evil = new TextEncoder().encode('../../x/aaaaa');
    b.set(evil, 18);
  }
  return b;
}

export async function benchPackets(): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-bench-pk-'));
  const services = {
    packets: createPacketService({ dataDir }),
    backup: createBackupService({ dataDir, appVersion: 'bench' }),
  } as unknown as Services;
  const api = buildApi(
    (name, arg) => dispatch(services, name, arg),
    () => () => undefined,
  );
  const leader = new YanduDB(`bench-leader-${process.pid}`);
  const member = new YanduDB(`bench-member-${process.pid}`);
  try {
    const session = await seedLeader(leader, dataDir);

    let t0 = performance.now();
    const { draft } = await gatherPacket(leader, session, {
      id: 'p_bench_0001',
      version: 1,
      issuer: '基准单位',
      issuedAt: new Date().toISOString(),
      title: '基准资料包',
    });
    const built = await api.packets.build({ draft });
    const exportS = (performance.now() - t0) / 1000;

    await member.open();
    t0 = performance.now();
    const checked = await checkBase64(member, api, built.base64);
    await commit(member, api, checked);
    const importS = (performance.now() - t0) / 1000;
    if ((await member.articles.count()) !== 30 || (await member.highlights.count()) !== 90) throw new Error('import incomplete');

    const bytes = base64ToBytes(built.base64)!;
    // The pure (@noble/curves) verify of the signature, as a browser without WebCrypto Ed25519 would run it.
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const [head, ...others] = decodeContainer(bytes, sha);
    const entry = others.find((p) => p.name === SIGNATURE_ENTRY);
    const rest = others.filter((p) => p !== entry);
    t0 = performance.now();
    for (let i = 0; i < 20; i++) if (verifySignature(entry, head!.bytes, rest, sha).state !== 'valid') throw new Error('signature');
    const verifyMs = (performance.now() - t0) / 20;

    const before = await dumpHash(member);
    const rand = rng(99);
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      try {
        const c = await checkBase64(member, api, bytesToBase64(mutate(bytes, i, rand)));
        await commit(member, api, c);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused++;
      }
    }
    const after = await dumpHash(member);
    return {
      packet_bytes: bytes.length,
      packet_export_s: Number(exportS.toFixed(3)),
      packet_import_s: Number(importS.toFixed(3)),
      packet_signature_verify_ms: Number(verifyMs.toFixed(2)),
      packet_fuzz_refused: refused,
      packet_fuzz_db_unchanged: before === after && refused === 1000 ? 1 : 0,
    };
  } finally {
    leader.close();
    member.close();
    await Promise.all([leader.delete(), member.delete()]).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}
