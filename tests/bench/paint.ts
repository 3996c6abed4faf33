/**
 * Painting highlights, in Debian's chromium through the browser host: an article of 1,500
 * paragraphs (≈ 120,000 字) with 1,000 highlights, written straight into IndexedDB.
 *   paint_1000_ms        text in the DOM → all 1,000 ranges registered (CSS Custom Highlight API)
 *   paint_1000_frame_ms  the same, to the first frame after registering (includes layout)
 *   recolor_one_ms       a key press's recolour → its one range moved to the other entry
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHost } from '../e2e/fixtures';

const ARTICLE_ID = 'a_benchpaint';

async function seed(page: Page): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const phrases = ['坚持问题导向', '深入调查研究', '把握工作规律', '提高决策水平', '密切联系群众', '推动工作落实'];
        const paragraphs: string[] = [];
        for (let i = 0; i < 1500; i++) {
          let p = `第${i + 1}段：`;
          while (p.length < 80) p += `${phrases[(i + p.length) % phrases.length]}，`;
          paragraphs.push(`${p}这是用于测量划线绘制速度的正文。`);
        }
        const text = paragraphs.join('\n');
        const html = paragraphs
          .map((p, i) => (i % 50 === 0 ? `<h2>${p}</h2>` : `<p>${p.replace('：', '：<strong>')}</strong></p>`))
          .join('');
        const now = new Date().toISOString();
        const colors = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'];
        const starts: number[] = [];
        for (let i = 0, pos = 0; i < paragraphs.length; pos += paragraphs[i]!.length + 1, i++) starts.push(pos);
        const highlights = Array.from({ length: 1000 }, (_, k) => {
          const block = Math.floor((k * paragraphs.length) / 1000);
          const s = starts[block]! + 10;
          const e = s + 12;
          return {
            id: `h_bench${k}`,
            articleId: id,
            layer: k % 10 === 0 ? 'leader' : 'personal',
            color: colors[k % colors.length],
            style: k % 7 === 0 ? 'underline' : 'fill',
            selector: {
              exact: text.slice(s, e),
              prefix: text.slice(Math.max(0, s - 32), s),
              suffix: text.slice(e, e + 32),
              start: s,
              end: e,
            },
            articleVersion: 1,
            orphan: false,
            tags: [],
            comment: null,
            createdAt: now,
            updatedAt: now,
          };
        });
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['articles', 'bodies', 'highlights'], 'readwrite');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.objectStore('articles').put({
            id,
            version: 1,
            updatedAt: null,
            urlKey: `bench:${id}`,
            url: null,
            title: '划线绘制基准文章',
            publishedAt: '2024-01-01',
            origin: '研读',
            author: null,
            editor: null,
            column: '基准',
            sourceId: 'bench',
            sourceName: '基准',
            zi: text.length,
            contentHash: '0'.repeat(64),
            addedAt: now,
          });
          tx.objectStore('bodies').put({ articleId: id, html, text });
          for (const h of highlights) tx.objectStore('highlights').put(h);
        };
      }),
    ARTICLE_ID,
  );
}

function lastMeasure(page: Page, name: string): Promise<number | null> {
  return page.evaluate((name) => {
    const all = performance.getEntriesByName(name, 'measure');
    return all.length ? all[all.length - 1]!.duration : null;
  }, name);
}

async function measureCount(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => performance.getEntriesByName(name, 'measure').length, name);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (n: number) => Math.round(n * 100) / 100;

export async function benchPaint(): Promise<Record<string, number>> {
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(host.url);
    await page.getByTestId('article-row').first().waitFor();
    await seed(page);

    const paint: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.getByTestId('article-row').first().waitFor();
      const before = await measureCount(page, 'yandu-paint-frame');
      await page.evaluate((id) => (window.location.hash = `#/read/${id}`), ARTICLE_ID);
      await page.waitForFunction((n) => performance.getEntriesByName('yandu-paint-frame', 'measure').length > n, before);
      const registered = await page.evaluate(() => {
        let n = 0;
        CSS.highlights.forEach((h, name) => {
          if (name.startsWith('yandu-personal-') || name.startsWith('yandu-leader-')) n += h.size;
        });
        return n;
      });
      if (registered !== 1000) throw new Error(`expected 1000 painted ranges, found ${registered}`);
      paint.push((await lastMeasure(page, 'yandu-paint'))!);
      frame.push((await lastMeasure(page, 'yandu-paint-frame'))!);
    }

    // Open a highlight with "]" and recolour it with the number keys.
    await page.keyboard.press(']');
    await page.getByTestId('hl-popover').waitFor();
    const recolor: number[] = [];
    for (let i = 0; i < 11; i++) {
      const before = await measureCount(page, 'yandu-recolor');
      await page.keyboard.press(String((i % 6) + 1));
      await page
        .waitForFunction((n) => performance.getEntriesByName('yandu-recolor', 'measure').length > n, before, { timeout: 1000 })
        .catch(() => null);
      const d = await lastMeasure(page, 'yandu-recolor');
      if (d !== null && (await measureCount(page, 'yandu-recolor')) > before) recolor.push(d);
    }
    return {
      paint_1000_ms: round(median(paint)),
      paint_1000_frame_ms: round(median(frame)),
      recolor_one_ms: round(median(recolor)),
    };
  } finally {
    await browser.close();
    host.process.kill('SIGTERM');
  }
}
