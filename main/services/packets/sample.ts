/**
 * A packet built from the bundled sample library: three readings, a leader's layer with
 * comments, and one generated picture (a small PNG, stored in the media folder as sync would).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe } from '../../../shared/anchoring';
import type { LeaderHighlight, PacketDraft } from '../../../shared/packet/schema';
import type { ArticlePayload } from '../../../shared/domain/article';
import { mediaDir } from '../paths';
import { loadSampleLibrary } from '../sample-library';
import { makePng } from './png';
import { nodeSha256 } from './reader';
import { loadOrCreateKey } from './keys';
import { buildPacketBytes } from './writer';

/** The sample picture: a red band over a warm gradient. */
export function samplePng(seed = 0): Uint8Array {
  return makePng(48, 32, (x, y) => (y < 8 ? [200, 16 + seed, 32] : [240 - x * 2, 200 - y * 3, 120 + ((x + seed) % 64)]));
}

/** Puts `<img>` inside the first paragraph: the text (and what annotations anchor to) stays the same. */
export function withImage(article: ArticlePayload, imageName: string): ArticlePayload {
  const html = article.html.replace(/<p>/, `<p><img src="media/${imageName}" alt="示意图">`);
  return { ...article, html };
}

/** Excerpts: the first full sentence of the second block of each article. */
export function sampleHighlights(articles: readonly ArticlePayload[], now: string): LeaderHighlight[] {
  const out: LeaderHighlight[] = [];
  articles.forEach((a, i) => {
    const lines = a.text.split('\n');
    let offset = 0;
    for (let b = 0; b < lines.length && out.length < (i + 1) * 2; b++) {
      const line = lines[b]!;
      const stop = line.indexOf('。');
      if (b > 0 && stop > 8) {
        const start = offset;
        const end = offset + stop + 1;
        const sel = describe(a.text, start, end);
        out.push({
          id: `lh_sample_${i}_${b}`,
          articleId: a.id,
          color: b % 2 ? 'orange' : 'pink',
          style: 'fill',
          selector: { exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix, start: sel.start, end: sel.end },
          comment: `重点：请结合本单位实际谈体会（第${out.length + 1}条）。`,
          tags: ['重点摘编'],
          createdAt: now,
          updatedAt: now,
        });
      }
      offset += line.length + 1;
    }
  });
  return out;
}

/** Signed with the key in `keyFile` when given (made when missing), else with the data folder's key. */
/** `issuedAt` (default `now`) changes only the manifest's time: the same content exported again. */
export async function buildSamplePacket(
  resourcesDir: string,
  dataDir: string,
  now = new Date(),
  keyFile?: string,
  issuedAt: Date = now,
): Promise<Uint8Array> {
  const library = await loadSampleLibrary(path.join(resourcesDir, 'sample-library'));
  const png = samplePng();
  const imageName = `${nodeSha256(png)}.png`;
  await mkdir(mediaDir(dataDir), { recursive: true });
  await writeFile(path.join(mediaDir(dataDir), imageName), png);
  const articles = library.slice(0, 3).map((a, i) => (i === 0 ? withImage(a, imageName) : a));
  const iso = now.toISOString();
  const draft: PacketDraft = {
    meta: {
      id: 'p_sample_2025_01',
      version: 1,
      issuer: '示例单位党委办公室',
      issuedAt: issuedAt.toISOString(),
      title: '示例：第一次集中学习资料包',
    },
    session: {
      id: 's_sample_01',
      topic: '大兴调查研究之风',
      date: iso.slice(0, 10),
      place: '第一会议室',
      host: '党委书记',
      speakers: ['张三', '李四'],
      readings: articles.map((a) => a.id),
      questions: ['如何把调查研究贯穿工作全过程？'],
      status: 'planned',
    },
    articles,
    highlights: sampleHighlights(articles, iso),
  };
  return buildPacketBytes(draft, dataDir, keyFile ? await loadOrCreateKey(keyFile) : undefined);
}
