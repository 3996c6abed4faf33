/**
 * Issue 16: `publishedTime` is the time the page writes beside the article's date, also where the
 * date itself was read elsewhere (a meta tag, a script variable, the URL) or is split over
 * elements, and where the time runs into the date (`2024年09月03日07:21`).
 */
import { describe, expect, it } from 'vitest';
import { findTimeOn } from '../../shared/dates';
import { extractArticle } from '../../main/services/extract/extract';

describe('findTimeOn', () => {
  it('reads the time after the given date in its written forms', () => {
    expect(findTimeOn('2024年09月03日07:21 | 来源：某报', '2024-09-03')).toBe('07:21');
    expect(findTimeOn('2024 07/12 08:30:15', '2024-07-12')).toBe('08:30:15');
    expect(findTimeOn('某机关党建 2024年1月19日 21:40', '2024-01-19')).toBe('21:40');
    expect(findTimeOn('２０２４年１月１９日　２１：４０', '2024-01-19')).toBe('21:40');
    expect(findTimeOn('2024-01-19T06:05:00+08:00', '2024-01-19')).toBe('06:05:00');
  });

  it('no time for another date, no time, or no valid time', () => {
    expect(findTimeOn('2024年1月18日 21:40', '2024-01-19')).toBeNull();
    expect(findTimeOn('2024年1月19日 来源：本站', '2024-01-19')).toBeNull();
    expect(findTimeOn('2024年1月19日 25:40', '2024-01-19')).toBeNull();
    // 12024 is no year; 1月190日 is no day.
    expect(findTimeOn('12024年1月19日 10:00', '2024-01-19')).toBeNull();
    expect(findTimeOn('2024年1月190日 10:00', '2024-01-19')).toBeNull();
  });
});

const TITLE = '市图书馆开展“书香进社区”流动借阅活动';
const BODY =
  '<p>近日，市图书馆的流动借阅车开进城东街道的六个社区，为居民送去各类图书两千余册。</p>' +
  '<p>活动现场，工作人员为居民办理借阅证，并介绍了线上预约、就近归还等便民服务。</p>' +
  '<p>市图书馆有关负责人表示，今年将把流动借阅服务延伸到全市所有街道，让阅读更方便。</p>';

function page(head: string, meta: string, after = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title>${head}</head><body>
<div class="nav"><a href="/">首页</a><a href="/news/">新闻</a><a href="/notice/">通知</a></div>
<div class="main"><h1>${TITLE}</h1>${meta}<div class="content">${BODY}</div>${after}</div></body></html>`;
}

describe('publishedTime beside the date', () => {
  it('a date split over elements, the time in an element of its own (date from the URL)', () => {
    const meta =
      '<div class="pub-time"><span class="y"><em>2024</em></span> <span class="md"><em>07</em>/<em>12</em></span> <span>08:30:15</span></div>';
    const a = extractArticle(page('', meta), 'http://www.example.com/local/2024-07/12/c_11.htm', { referee: 'never' });
    expect(a.publishedAt).toBe('2024-07-12');
    expect(a.publishedTime).toBe('08:30:15');
  });

  it('date and time with no space between, the date also in a meta tag', () => {
    const head = '<meta name="publishdate" content="2024-09-03">';
    const meta = '<div class="channel">2024年09月03日07:21 | 来源：<a href="http://paper.example.com/">示例日报</a></div>';
    const a = extractArticle(page(head, meta), 'http://www.example.com/n1/c1001-1.html', { referee: 'never' });
    expect(a.publishedAt).toBe('2024-09-03');
    expect(a.publishedTime).toBe('07:21');
  });

  it('a meta list whose date a script also sets', () => {
    const head = '<script>var publish_time = "2024-01-19" || "";</script>';
    const meta = '<div class="meta-list"><span>某机关党建</span> <em>2024年1月19日 21:40</em></div>';
    const a = extractArticle(page(head, meta), 'http://mp.example.com/s/abc', { referee: 'never' });
    expect(a.publishedAt).toBe('2024-01-19');
    expect(a.publishedTime).toBe('21:40');
  });

  it("not another article's time from a related list, nor a time of another date", () => {
    const head = '<meta name="publishdate" content="2024-09-03">';
    const meta = '<div class="channel">2024年09月02日 18:00 更新</div>';
    const related =
      '<div class="related"><h3>相关新闻</h3><ul>' +
      '<li><a href="/n1/2.html">市图书馆少儿阅览室完成改造</a> 2024-09-03 10:15</li>' +
      '<li><a href="/n1/3.html">社区书屋开放时间调整</a> 2024-09-03 11:30</li></ul></div>';
    const a = extractArticle(page(head, meta, related), 'http://www.example.com/n1/c1001-1.html', { referee: 'never' });
    expect(a.publishedAt).toBe('2024-09-03');
    expect(a.publishedTime).toBeNull();
  });
});
