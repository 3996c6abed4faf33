/**
 * Issue 16, thirteenth outside set (metadata): kinds of markup in general terms, with our own
 * text. A forum's bracketed category link before a thread's subject is no part of the title.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const BODY = [
  '上周六，我们合作社组织二十多户社员到邻县学习大棚蔬菜种植技术，一路上大家讨论得很热烈。',
  '回来以后，社里把学到的滴灌和轮作办法整理成一张明白纸，贴在村委会门口的公示栏里，方便大家对照。',
  '目前已有六户社员按新办法改造了大棚，下个月我们还打算请农技站的老师来村里现场指导一次。',
];

describe('a bracketed category label before a thread subject', () => {
  const SUBJECT = '合作社组织社员外出学习大棚种植的一点收获';
  const thread = (label: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>${SUBJECT} - 种植交流 - 示例乡村论坛</title></head><body>
<div class="hd"><a href="/">示例乡村论坛</a> <a href="/f1">种植交流</a></div>
<div class="thread"><h1 class="ts">${label} <span id="subject">${SUBJECT}</span></h1>
<div class="post"><div class="authi">发表于 2023-5-14 19:02</div>
<div class="message">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></div></div>
<div class="ft">Powered by 示例论坛程序</div></body></html>`;

  it('takes the subject without the linked [category] beside it', () => {
    const a = extractArticle(thread('<a href="/f1?type=3">[心得体会]</a>'), 'http://bbs.example-xc.cn/thread-88-1-1.html', {
      referee: 'never',
    });
    expect(a.title).toBe(SUBJECT);
    expect(a.paragraphs).toEqual(BODY);
  });

  it('also for 【…】 brackets in an element of their own', () => {
    const a = extractArticle(thread('<em>【心得体会】</em>'), 'http://bbs.example-xc.cn/thread-88-1-1.html', { referee: 'never' });
    expect(a.title).toBe(SUBJECT);
  });

  it('keeps a bracketed label the page title itself carries', () => {
    const html = thread('<a href="/f1?type=3">[心得体会]</a>').replace(`<title>${SUBJECT}`, `<title>[心得体会] ${SUBJECT}`);
    const a = extractArticle(html, 'http://bbs.example-xc.cn/thread-88-1-1.html', { referee: 'never' });
    expect(a.title).toBe(`[心得体会] ${SUBJECT}`);
  });

  it('keeps brackets that are written into the heading text itself', () => {
    const html = thread('').replace(`<span id="subject">${SUBJECT}</span>`, `<span id="subject">[心得体会] ${SUBJECT}</span>`);
    const a = extractArticle(html, 'http://bbs.example-xc.cn/thread-88-1-1.html', { referee: 'never' });
    expect(a.title).toBe(`[心得体会] ${SUBJECT}`);
  });
});
