/**
 * Issue 16: footer-credit words (主办单位, 承办单位, 技术支持, 分辨率) are ordinary vocabulary in
 * news prose. A sentence that uses them is article text; a footer line that credits with them is not.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

it('keeps sentences that use footer-credit words, drops the footer that credits with them', () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>科技特派员走进田间地头 - 某县融媒体中心</title></head><body>
    <section class="main"><h2>科技特派员走进田间地头</h2>
      <span>发布日期：2025-06-03</span>
      <p>6月2日，县科技局组织科技特派员深入种植基地，为农户提供病虫害防治技术支持，现场解答生产难题。</p>
      <p>本次活动由县科技局作为主办单位，各乡镇农技站为承办单位，共组织专家十二名、服务农户三百余户。</p>
      <p>下一步，县科技局将建立常态化服务机制，推动农业科技成果在基层落地见效。</p>
      <!-- An old template's credits inside the same container: only the line itself tells. -->
      <p>主办单位：某县融媒体中心\u3000技术支持：某某网络公司</p>
      <p>1920×1080分辨率 最佳浏览效果</p>
    </section>
  </body></html>`;
  const a = extractArticle(html, 'http://www.example-xian.gov.cn/news/2025/0603.html', { referee: 'never' });
  expect(a.paragraphs).toEqual([
    '6月2日，县科技局组织科技特派员深入种植基地，为农户提供病虫害防治技术支持，现场解答生产难题。',
    '本次活动由县科技局作为主办单位，各乡镇农技站为承办单位，共组织专家十二名、服务农户三百余户。',
    '下一步，县科技局将建立常态化服务机制，推动农业科技成果在基层落地见效。',
  ]);
  expect(a.text).not.toContain('某某网络公司');
  expect(a.text).not.toContain('分辨率');
});
