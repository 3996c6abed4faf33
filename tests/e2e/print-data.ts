/**
 * A 20-article study packet of our own long Chinese articles (about 100 GB/T pages), with the
 * leader's excerpts and comments, the user's highlights and notes on them: for the print tests
 * and the print bench. Deterministic. Also writes it into a page's IndexedDB.
 */
import type { Page } from '@playwright/test';
import type { ArticleRow, ArticleBodyRow, HighlightRow, NoteRow } from '../../renderer/db/schema';

const SUBJECTS = ['基层党组织', '理论学习中心组', '领导干部', '机关各部门', '广大党员', '各级纪检监察机关', '青年干部', '企业党委'];
const VERBS = ['要坚持', '必须牢牢把握', '应当自觉做到', '需要深入推进', '始终注重', '切实强化'];
const OBJECTS = [
  '调查研究这个基本功，把情况摸清、把问题找准、把对策提实',
  '民主集中制原则，集体领导和个人分工负责相结合',
  '理论学习与工作实践相贯通，学思用贯通、知信行统一',
  '全面从严治党的政治责任，层层传导压力、逐级落实责任',
  '为民服务的根本宗旨，多办顺民意、惠民生、暖民心的实事',
  '求真务实的工作作风，力戒形式主义和官僚主义',
  '制度建设这个根本，把有效做法固化为长效机制',
  '问题导向和目标导向相统一，在解决实际问题中检验学习成效',
];
const TAILS = [
  '这是做好各项工作的重要前提。',
  '只有这样，才能把学习成果转化为推动发展的实际成效。',
  '各单位要结合实际，制定切实可行的具体措施。',
  '这一点在新的形势下显得尤为重要，必须常抓不懈、久久为功。',
  '要通过定期检查、专项督导等方式，确保各项要求落到实处。',
];
const TOPICS = ['调查研究', '民主集中制', '作风建设', '党风廉政', '基层治理', '理论武装', '干部队伍', '制度执行', '群众工作', '安全生产'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

export interface PacketFixture {
  articles: ArticleRow[];
  bodies: ArticleBodyRow[];
  highlights: HighlightRow[];
  notes: NoteRow[];
}

const NOW = '2026-03-01T08:00:00.000Z';

/** `count` articles of about `zi` 字 each. */
export function generatePacket(count = 20, zi = 2500): PacketFixture {
  const articles: ArticleRow[] = [];
  const bodies: ArticleBodyRow[] = [];
  const highlights: HighlightRow[] = [];
  const notes: NoteRow[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng(1000 + i);
    const id = `print_fx_${String(i + 1).padStart(2, '0')}`;
    const topic = TOPICS[i % TOPICS.length]!;
    const title =
      i % 4 === 3
        ? `关于在新形势下进一步加强${topic}工作、推动学习成果转化为发展实效的若干思考（第${i + 1}篇）`
        : `在${topic}上下功夫 以学促干见实效（第${i + 1}篇）`;
    const blocks: { tag: 'p' | 'h2'; text: string }[] = [];
    let n = 0;
    let section = 0;
    while (n < zi) {
      if (blocks.length % 7 === 3) {
        section++;
        const h = `${'一二三四五六七八九十'[section % 10]}、关于${pick(r, TOPICS)}的第${section}点认识`;
        blocks.push({ tag: 'h2', text: h });
        n += h.length;
        continue;
      }
      let p = '';
      const sentences = 2 + Math.floor(r() * 4);
      for (let s = 0; s < sentences; s++) p += `${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}，${pick(r, TAILS)}`;
      blocks.push({ tag: 'p', text: p });
      n += p.length;
    }
    const text = blocks.map((b) => b.text).join('\n');
    const html = blocks.map((b) => `<${b.tag}>${b.text}</${b.tag}>`).join('');
    const month = String(1 + (i % 12)).padStart(2, '0');
    articles.push({
      id,
      version: 1,
      updatedAt: null,
      urlKey: `fixture:print/${id}`,
      url: null,
      title,
      publishedAt: `2025-${month}-${String(10 + (i % 18)).padStart(2, '0')}`,
      origin: i % 2 ? '学习参考' : '研读编辑部',
      author: null,
      editor: null,
      column: '学习资料',
      sourceId: 'fixture',
      sourceName: '打印测试',
      zi: text.length,
      contentHash: (i + 1).toString(16).padStart(64, '0'),
      addedAt: NOW,
    });
    bodies.push({ articleId: id, html, text });
    // The leader's excerpt (with a comment) in the second paragraph, one of the user's own later on.
    const place = (block: number, from: number, len: number) => {
      let start = 0;
      for (let b = 0; b < block; b++) start += blocks[b]!.text.length + 1;
      start += from;
      return { start, end: start + len, exact: text.slice(start, start + len) };
    };
    const key = place(1, 4, 24);
    const mine = place(5, 2, 16);
    const mk = (
      hid: string,
      layer: 'leader' | 'personal',
      s: { start: number; end: number; exact: string },
      comment: string | null,
    ): HighlightRow => ({
      id: hid,
      articleId: id,
      layer,
      color: layer === 'leader' ? 'orange' : 'yellow',
      style: layer === 'leader' ? 'underline' : 'fill',
      selector: {
        exact: s.exact,
        prefix: text.slice(Math.max(0, s.start - 32), s.start),
        suffix: text.slice(s.end, s.end + 32),
        start: s.start,
        end: s.end,
      },
      articleVersion: 1,
      orphan: false,
      tags: [],
      comment,
      createdAt: NOW,
      updatedAt: NOW,
    });
    highlights.push(mk(`h_key_${i + 1}`, 'leader', key, `第${i + 1}篇重点：请结合本部门实际交流体会。`));
    highlights.push(mk(`h_mine_${i + 1}`, 'personal', mine, null));
    const noteText = `第${i + 1}篇学习笔记：对照检查自身不足，明确下一步改进措施。`;
    notes.push({
      id: `n_print_${i + 1}`,
      kind: 'note',
      articleId: id,
      highlightId: `h_mine_${i + 1}`,
      title: `第${i + 1}篇体会`,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: noteText }] }] },
      text: noteText,
      zi: noteText.length,
      tags: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
  }
  return { articles, bodies, highlights, notes };
}

/** Writes the packet into the app's IndexedDB (the app must have opened it once). */
export async function seedPacket(page: Page, fx: PacketFixture): Promise<void> {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('yandu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['articles', 'bodies', 'highlights', 'notes'], 'readwrite');
      for (const a of data.articles) tx.objectStore('articles').put(a);
      for (const b of data.bodies) tx.objectStore('bodies').put(b);
      for (const h of data.highlights) tx.objectStore('highlights').put(h);
      for (const n of data.notes) tx.objectStore('notes').put(n);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, fx);
}

/** Writes rows into the app's IndexedDB by object store (the app must have opened it once). */
export async function seedStores(page: Page, rows: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('yandu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(data), 'readwrite');
      for (const [store, list] of Object.entries(data)) for (const row of list) tx.objectStore(store).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '建国',
  '明',
  '红',
  '强',
  '丽',
  '涛',
  '晓梅',
  '志刚',
  '秀英',
  '海燕',
  '国庆',
  '春华',
  '立新',
  '卫东',
  '文静',
  '子涵',
  '振华',
  '玉兰',
  '新民',
  '永红',
];
const POSTS = [
  '党委书记',
  '党委副书记',
  '纪委书记',
  '副总经理',
  '组织部部长',
  '宣传部部长',
  '工会主席',
  '总会计师',
  '办公室主任',
  '人力资源部主任',
];

/** `count` members (up to 20) with 职务, as member rows. */
export function generateMembers(count = 20): { id: string; name: string; title: string; order: number }[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m_print_${i + 1}`,
    name: `${SURNAMES[i]!}${GIVEN[i]!}`,
    title: POSTS[i % POSTS.length]!,
    order: i,
  }));
}
