/**
 * The nineteenth outside Chinese set (tests/fixtures/cms-outside19) is what its generator writes,
 * and is well formed: every expected title, line, 来源 and chrome string is on its page, no
 * expected line holds chrome, and the shapes each page is about are really there. (Scores are in
 * `npm run bench -- extract`, not here.)
 */
import { describe, expect, it } from 'vitest';
import { between, checkOutsideSet, outsidePages, outsideSet, visible } from '../fixtures/cms-outside/check';
import { OUTSIDE19_DIR, OUTSIDE19_PAGES, buildAll } from '../fixtures/cms-outside19/generate';

const SET = outsideSet({
  dir: OUTSIDE19_DIR,
  defs: OUTSIDE19_PAGES,
  buildAll,
  count: 12,
  // More than 15 KB and less than 60 KB.
  bytes: { min: 15 * 1024 + 1, max: 60 * 1024 - 1 },
});
const { defOf, html, bytes } = outsidePages(SET);

describe('nineteenth outside Chinese pages (cms-outside19)', () => {
  checkOutsideSet(SET);

  it('香港 新聞公報: headline in a span (no h-tag); `　　` lines split by <br>; 完, then the date and 香港時間 after the text only', () => {
    const h = html('hk-gongbao-fanti-date-after-wan');
    const d = defOf('hk-gongbao-fanti-date-after-wan');
    expect(h).toContain(`<div id="PRHeadline"><span id="PRHeadlineSpan">${d.title}</span></div>`);
    expect(h).not.toMatch(/<h1/);
    const pr = between(h, '<span id="pressrelease"', '</span>');
    expect(pr).not.toContain('<p>　');
    expect(pr.match(/<br \/>\n<br \/>\n\u3000\u3000/g)).toHaveLength(d.paragraphs.length - 1);
    expect(h.indexOf('<p>完</p>')).toBeLessThan(h.indexOf('2024年9月20日（星期五）<br />香港時間16時35分'));
    expect(h.indexOf('2024年9月20日（星期五）')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
    expect(h).toContain('<title>新聞公報</title>');
  });

  it('范文网: GBK bytes under a gbk meta with a bare header; two 篇 heads; ads and a 相关范文 box between the lines; folded behind 展开阅读全文', () => {
    const d = defOf('fanwen-gbk-liangpian-ads-fold');
    expect(d.contentType).toBe('text/html');
    const b = bytes('fanwen-gbk-liangpian-ads-fold');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
    const h = html('fanwen-gbk-liangpian-ads-fold');
    expect(h).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />');
    const body = between(h, '<div class="art-content fold" id="artContent">', '<div class="read-more"');
    expect(body.match(/<div class="cont-ad">/g)).toHaveLength(2);
    expect(body.match(/<div class="rel-in">/g)).toHaveLength(1);
    expect(body.match(/<p><strong>篇[一二]：/g)).toHaveLength(2);
    expect(d.origin).toBeNull();
  });

  it('题库: options as radio labels, one 答案 line per question, a 答题卡 of 10 numbers and a timer beside', () => {
    const h = html('tiku-baomi-radio-options-datika');
    const d = defOf('tiku-baomi-radio-options-datika');
    expect(h.match(/<label class="opt"><input type="radio"/g)).toHaveLength(6 * 4 + 4 * 2);
    expect(h.match(/<div class="q-ans">答案：/g)).toHaveLength(10);
    expect(between(h, '<div class="dtk">', '</div>').match(/<a href="#q\d+">/g)).toHaveLength(10);
    expect(d.paragraphs.filter((p) => p.startsWith('答案：'))).toHaveLength(10);
    expect(h).toContain(`<span>来源：${d.origin}</span>`);
  });

  it('气象 预警: 预警信息 table with 时/分 time above the text; 防御指南 lines; a later expiry time; current warnings and hourly forecast beside', () => {
    const h = html('qixiang-yujing-xinxi-biao-fangyu');
    const d = defOf('qixiang-yujing-xinxi-biao-fangyu');
    expect(h.indexOf('<td>2024年07月15日10时20分</td>')).toBeLessThan(h.indexOf('<div class="yj-content'));
    expect(d.paragraphs.filter((p) => /^\d．/.test(p))).toHaveLength(4);
    expect(h).toContain('<p>（本预警信号有效时间至2024年7月15日16时，届时将视天气情况变更或解除。）</p>');
    expect(between(h, '<div class="yj-history">', '</ul>').match(/<li>/g)).toHaveLength(3);
    expect(h).toContain('<h2 class="yj-title">');
  });

  it('非遗 名录: a four-character h1; 项目信息 table with 公布时间 2009年6月 before the text; 发布日期 in a meta line; 传承人 cards with birth dates after', () => {
    const h = html('feiyi-minglu-xiangmu-gongbu-pici');
    const d = defOf('feiyi-minglu-xiangmu-gongbu-pici');
    expect([...d.title]).toHaveLength(4);
    expect(h.indexOf('<th>公布时间</th><td>2009年6月（第二批）</td>')).toBeLessThan(h.indexOf('<div class="xm-jj">'));
    expect(h).toContain('<span>发布日期：2024-05-16</span>');
    expect(between(h, '<div class="xm-ccr">', '<div class="xm-rel">').match(/出生年月：\d{4}\.\d\d/g)).toHaveLength(3);
  });

  it('内刊 网页版: 600-px tables, every line a <td> with inline style and no <p>; the date only in the masthead row; 本期导读 lists the title again', () => {
    const h = html('edm-neikan-wangyeban-td-lines');
    const d = defOf('edm-neikan-wangyeban-td-lines');
    expect(h).not.toMatch(/<p[\s>]/);
    expect(h).toContain('<table class="wrap" width="600"');
    for (const p of d.paragraphs.slice(1)) expect(h).toMatch(new RegExp(`<td style="[^"]+">${p.slice(0, 12)}`));
    expect(visible(h).match(/20\d\d年\d+月\d+日/g)).toEqual(['2024年9月20日']);
    expect(between(h, '本期导读', '往期回顾')).toContain(`>${d.title}</a>`);
  });

  it('中标候选人公示: 信息来源 + 发布时间 with seconds; a 项目流程 bar with earlier dates above; a 候选人 table; later 公示期; 落款 date', () => {
    const h = html('jiaoyi-zhongbiao-houxuanren-gongshiqi');
    const d = defOf('jiaoyi-zhongbiao-houxuanren-gongshiqi');
    expect(h).toContain(`<span>信息来源：${d.origin}</span><span>发布时间：2024-08-21 17:30:00</span>`);
    expect(h).not.toMatch(/[^息]来源：/);
    expect(h.indexOf('<em>2024-07-26</em>')).toBeLessThan(h.indexOf('<h2 class="art-title">'));
    expect(between(h, '<table class="hxr-table">', '</table>').match(/<tr>/g)).toHaveLength(4);
    expect(d.paragraphs).toContain('七、公示期：2024年8月22日至2024年8月24日。');
    expect(d.paragraphs.at(-1)).toBe('2024年8月21日');
  });

  it('SingleFile: the saving comment with a later saved date first; no <head> tag and no scripts; data: pictures; sf-hidden parts', () => {
    const h = html('singlefile-saved-date-comment-datauri');
    expect(h).toMatch(
      /^<!DOCTYPE html> <html lang="zh-CN"><!--\n Page saved with SingleFile \n url: https:\/\/[^\n]+\n saved date: Mon Sep 23 2024 /,
    );
    expect(h).not.toMatch(/<head[\s>]|<script/);
    expect(h.match(/src="data:image\//g)?.length).toBeGreaterThanOrEqual(3);
    expect(h.match(/class="[^"]*sf-hidden/g)).toHaveLength(2);
    expect(h).toContain('<span>发布日期：2024-09-19 16:05</span><span>信息来源：南塘街道</span>');
  });

  it('广播 音频: the programme name above the h1; an audio player with 00:00 / 03:12 and 倍速; a （录音） line in the 文稿; 编辑 after it', () => {
    const h = html('guangbo-yinpin-wengao-lanmu');
    const d = defOf('guangbo-yinpin-wengao-lanmu');
    expect(h.indexOf('<div class="col-name">')).toBeLessThan(h.indexOf('<h1'));
    expect(h).toContain('<span class="cur">00:00</span> / <span class="dur">03:12</span><span class="rate">倍速 1.0x</span>');
    expect(h.indexOf('<div class="player"')).toBeLessThan(h.indexOf('<div class="wengao">'));
    expect(d.paragraphs.filter((p) => p.startsWith('（录音'))).toHaveLength(1);
    expect(h).toContain('<div class="editor">编辑：王可</div>');
  });

  it('党史上的今天: the h1 opens with the 1954 date; old dates in the text; the page date only in 发布时间; 上一天/下一天 and a 往期 list with old years', () => {
    const h = html('dangshi-jintian-title-old-date');
    const d = defOf('dangshi-jintian-title-old-date');
    expect(d.title).toMatch(/^1954年9月21日/);
    expect(d.paragraphs.join('')).not.toMatch(/2024/);
    expect(visible(h).match(/2024-09-21/g)).toHaveLength(1);
    expect(between(h, '<div class="jt-past">', '</ul>').match(/<li><a[^>]+>19\d\d年9月\d+日/g)).toHaveLength(12);
  });

  it('12366 问答: the question is the title (ends in ？) after a 问 icon; the answer opens with 答：; 政策依据 lines; 温馨提示 and 有帮助 after', () => {
    const h = html('nashui-12366-wenda-zhengce-yiju');
    const d = defOf('nashui-12366-wenda-zhengce-yiju');
    expect(d.title.endsWith('？')).toBe(true);
    expect(h).toContain(`<div class="wd-title"><span class="q-icon">问</span>${d.title}</div>`);
    expect(h).not.toMatch(/<h[1-3][^>]*>[^<]*纳税人/);
    expect(d.paragraphs[0]).toMatch(/^答：/);
    expect(h.indexOf('温馨提示：以上答复仅供参考')).toBeGreaterThan(h.indexOf(d.paragraphs.at(-1)!));
    expect(h).toContain('<title>热点问答详情-示例省12366纳税服务平台</title>');
  });

  it('书屋 章节: the chapter is the h1, the book in an h2 and the crumb; 更新时间 beside 本章字数; 上一章/目录/下一章 bars on both sides; a 16-chapter 目录', () => {
    const h = html('shuwu-zhangjie-mulu-shangyizhang');
    const d = defOf('shuwu-zhangjie-mulu-shangyizhang');
    expect(h).toContain(`<h1 class="chapter-title">${d.title}</h1>`);
    expect(h.indexOf('<h2><a href="/book/1067/">山乡笔记</a></h2>')).toBeLessThan(h.indexOf('<h1'));
    expect(h).toContain('<span>本章字数：1216</span><span>更新时间：2024-06-12</span>');
    expect(h.match(/<div class="read-bar">/g)).toHaveLength(2);
    expect(between(h, '<div class="w1100 book-mulu">', '</ul>').match(/<li/g)).toHaveLength(16);
    expect(d.origin).toBeNull();
  });
});
