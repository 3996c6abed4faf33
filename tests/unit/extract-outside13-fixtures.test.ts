/**
 * The thirteenth outside Chinese set (tests/fixtures/cms-outside13) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, the legacy-encoded pages decode cleanly only with their own
 * encoding, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { checkOutsideSet, flat, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE13_DIR, OUTSIDE13_PAGES, buildAll } from '../fixtures/cms-outside13/generate';

/** The printed lines of a pdf2htmlEX page (each `div.t`), tags inside a line dropped. */
const pdfLines = (html: string): string[] =>
  [...html.matchAll(/<div class="t [^"]*">([\s\S]*?)<\/div>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

/** Where a reader finds the PDF page's text: run together without the page numbers, then every line on its own (for the chrome). */
const pdfText = (html: string): string => {
  const lines = pdfLines(html);
  return flat(`${lines.filter((l) => !/^— \d+ —$/.test(l)).join('')}\n${lines.join('\n')}`);
};

const SET = outsideSet({
  dir: OUTSIDE13_DIR,
  defs: OUTSIDE13_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
  // The PDF page's text is its printed lines, not its visible markup text.
  elsewhere: (def, h) => {
    if (!def.name.startsWith('pdf2htmlex')) return undefined;
    const text = pdfText(h);
    return { title: text, lines: text, chrome: text, origin: text };
  },
});
const { page, defOf, html } = outsidePages(SET);

describe('thirteenth outside Chinese pages (cms-outside13)', () => {
  checkOutsideSet(SET);

  it('the forum thread is GBK (declared in header and meta), the WPS export GB2312 with a bare text/html', () => {
    const dz = page('discuz-thread-louzhu-gbk');
    expect(dz.expected.contentType).toBe('text/html; charset=gbk');
    const wps = page('wps-export-hongtou-gb2312');
    expect(wps.expected.contentType).toBe('text/html');
    for (const p of [dz, wps]) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(p.bytes), p.name).toThrow();
      const text = new TextDecoder('gbk').decode(p.bytes);
      expect(text, p.name).toContain(p.expected.title);
      expect(text.includes('\ufffd'), p.name).toBe(false);
    }
    expect(html('wps-export-hongtou-gb2312')).toContain('<meta http-equiv=Content-Type  content="text/html; charset=gb2312" >');
  });

  it('Discuz thread: 1楼 holds the edit line and the 文章来源 line, four replies follow, one quoting 1楼', () => {
    const h = html('discuz-thread-louzhu-gbk');
    expect(h.match(/id="postmessage_\d+"/g)).toHaveLength(5);
    const first = h.slice(h.indexOf('<div id="post_1001"'), h.indexOf('<div id="post_1007"'));
    expect(first).toContain('<i class="pstatus"> 本帖最后由 湖西老周 于 2024-7-10 09:03 编辑 </i>');
    expect(first).toContain('文章来源：示例县委组织部“湖西组工”公众号');
    expect(first).toContain('<em id="authorposton1001">发表于 2024-7-9 20:41</em>');
    expect(h).toContain('<span id="thread_subject">');
    expect(h).toMatch(/<blockquote>[\s\S]*示例镇小刘 发表于 2024-7-10 08:12/);
    expect(h).toContain('GMT+8, 2024-7-12 10:15');
  });

  it('Z-Blog: the unlabelled date sits above the title; the page names no 来源', () => {
    const h = html('zblog-post-date-above-title');
    expect(h.indexOf('<h4 class="post-date">2024年7月5日</h4>')).toBeLessThan(h.indexOf('<h2 class="post-title">'));
    expect(visible(h)).not.toMatch(/来源|供稿|稿源/);
    expect(h).toContain('2024年7月</a>');
    expect(h).toContain('发布于&nbsp;2024-07-08 09:02:45');
  });

  it('MIP: <html mip>, mip-img with captions, the later text inside <mip-showmore>', () => {
    const h = html('mip-showmore-mip-img');
    expect(h).toMatch(/^<!DOCTYPE html>\n<html mip>/);
    expect(h.match(/<mip-img /g)).toHaveLength(2);
    const more = h.slice(h.indexOf('<mip-showmore'), h.indexOf('</mip-showmore>'));
    expect(more).toContain(defOf('mip-showmore-mip-img').paragraphs[2]);
    expect(more).toContain(defOf('mip-showmore-mip-img').paragraphs[4]);
    expect(more).toContain('<p class="img-desc">退休医生为社区居民测量血压。</p>');
    expect(h).toContain('<mip-stats-baidu');
  });

  it('搜狐号: the account card comes before the h1; a hidden 原标题 and a 来源 line open the article', () => {
    const h = html('sohu-hao-repost-account-card');
    expect(h.indexOf('id="user-info"')).toBeLessThan(h.indexOf('<h1>'));
    const art = h.slice(h.indexOf('<article class="article" id="mp-editor">'), h.indexOf('</article>'));
    expect(art).toMatch(/<p data-role="original-title" style="display:none">原标题：[^<]+<\/p>\n<p>来源：示例党建网<\/p>/);
    expect(art).toContain('返回搜狐，查看更多');
    expect(art).toContain('<p>编辑：罗晓　审核：文涛</p>');
  });

  it('知乎专栏: the only visible date is the later 编辑于; the publication day is in datePublished and created', () => {
    const h = html('zhihu-zhuanlan-bianji-yu-below');
    const text = visible(h);
    expect(text).toContain('编辑于 2024-07-14 22:06・IP 属地湖南');
    expect(text).not.toMatch(/2024-07-11|7月11日/);
    expect(h).toContain('<meta itemProp="datePublished" content="2024-07-11T02:00:00.000Z"/>');
    expect(h).toContain('"created":1720663200');
    // 1720663200 is 2024-07-11 10:00 in Beijing.
    expect(new Date((1720663200 + 8 * 3600) * 1000).toISOString().slice(0, 10)).toBe('2024-07-11');
    expect(h.indexOf('class="ContentItem-time"')).toBeGreaterThan(h.indexOf('class="RichText ztext Post-RichText'));
  });

  it('pdf2htmlEX: paragraphs are broken over line divs, one across the page break, the title over two lines', () => {
    const h = html('pdf2htmlex-jianbao-lines');
    const def = defOf('pdf2htmlex-jianbao-lines');
    const lines = pdfLines(h);
    expect(h).toContain('<title></title>');
    // No paragraph longer than a line sits in one div: a reader must join the lines.
    for (const para of def.paragraphs.filter((x) => x.length > 30)) {
      expect(
        lines.some((l) => l.includes(para)),
        para.slice(0, 10),
      ).toBe(false);
    }
    expect(lines).toContain('示例市推进“高效办成一件事”');
    expect(lines).toContain('改革取得阶段性成效');
    // The page number of page 1 stands between the two halves of a paragraph.
    const pageNo = lines.indexOf('— 1 —');
    const joined = lines[pageNo - 1]! + lines[pageNo + 1]!;
    expect(def.paragraphs.some((x) => x.includes(joined))).toBe(true);
    expect(h.match(/class="pf w0 h0"/g)).toHaveLength(2);
  });

  it('中英对照: each table row is a Chinese paragraph and its English translation, in that order', () => {
    const h = html('zhongying-duizhao-table-rows');
    const def = defOf('zhongying-duizhao-table-rows');
    const rows = [...h.matchAll(/<td class="zh"[^>]*>([\s\S]*?)<\/td>\n<td class="en"[^>]*>([\s\S]*?)<\/td>/g)];
    expect(rows).toHaveLength(def.paragraphs.length / 2);
    rows.forEach((r, i) => {
      expect(flat(visible(r[1]!))).toBe(def.paragraphs[2 * i]);
      expect(flat(visible(r[2]!))).toBe(def.paragraphs[2 * i + 1]);
    });
  });

  it('问政: 留言时间 before 回复时间, no 发布时间 label; the reply names its unit', () => {
    const h = html('wenzheng-liuyan-huifu-danwei');
    expect(h.indexOf('2024-06-18 21:15:33')).toBeLessThan(h.indexOf('回复时间：2024-06-27 16:40:12'));
    expect(h).toContain('回复单位：示例市交通运输局');
    expect(visible(h)).not.toMatch(/发布时间|发布日期|来源/);
  });

  it('诗词: verse lines are <br>-separated inside one centred <p>; the lines are short', () => {
    const h = html('shici-verse-br-lines');
    const def = defOf('shici-verse-br-lines');
    expect(h).toContain(`<p style="text-align:center">${def.paragraphs[1]}<br>\n${def.paragraphs[2]}<br>`);
    for (const l of def.paragraphs.slice(1, 8).filter((x) => !x.includes('·'))) expect(l.length).toBeLessThanOrEqual(16);
  });

  it('WPS export: Section0 div, KSO build, empty <title>, 版记 after the 落款', () => {
    const h = html('wps-export-hongtou-gb2312');
    expect(h).toContain('<title></title>');
    expect(h).toContain('<o:KSOProductBuildVer dt:dt="string" >');
    expect(h).toContain('<div class="Section0"  style="layout-grid:28.9500pt;" >');
    expect(h).toContain("mso-spacerun:'yes'");
    expect(h.indexOf('抄送：')).toBeGreaterThan(h.indexOf('2024年7月3日</font>'));
    expect(h).not.toMatch(/<h[1-6]/);
  });

  it('视频: the 文字实录 sits in a folded max-height box with a 展开全文 link', () => {
    const h = html('video-jianjie-shilu-folded');
    const def = defOf('video-jianjie-shilu-folded');
    const box = h.slice(h.indexOf('<div class="tr-con" style="max-height:96px;overflow:hidden">'), h.indexOf('展开全文 ∨'));
    for (const l of def.paragraphs.slice(1)) expect(box).toContain(l);
    expect(h.indexOf('<h3>内容简介</h3>')).toBeLessThan(h.indexOf('<h3>文字实录</h3>'));
  });

  it('知更鸟 Begin: the meta line under the h1 (unlabelled date, 来源 link, 字数), JSON-LD with a later upDate', () => {
    const h = html('wp-zhigengniao-begin-meta');
    expect(h.indexOf('<div class="begin-single-meta')).toBeGreaterThan(h.indexOf('<h1 class="entry-title">'));
    expect(h).toContain('<span class="my-date"><i class="be be-schedule ri"></i>2024年07月19日</span>');
    expect(h).toContain('"pubDate": "2024-07-19T09:15:32","upDate": "2024-07-22T10:01:05"');
    expect(h).toContain('<div class="single-content">');
  });
});
