/**
 * Issue 16: a section heading of the text whose words alone read like chrome (安装客户端 is also
 * what an app's download bar says) stays when it stands as a heading between paragraphs of the
 * text; the same words as a bar above the article still go.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const intro = '出差期间需要查阅单位内部文件时，可以通过移动办公平台远程登录。下面说明准备工作和登录步骤。';
const step = '请先向本单位信息化管理员申请远程账号，审核通过后会收到开通短信，账号有效期为一年。';
const faq = '如果登录时提示证书过期，请在电脑上重新导入证书后再试，仍有问题请联系信息中心。';

const page = (bar: string, heading: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>移动办公平台远程登录说明_示例局</title></head><body>
<div class="top">${bar}<a href="/">首页</a><a href="/zn">办事指南</a></div>
<div class="main"><h1>移动办公平台远程登录说明</h1>
<div class="info">发布时间：2024-11-05\u3000来源：信息中心</div>
<div class="content"><p>${intro}</p>
<h2>${heading}</h2>
<p>${step}</p>
<h2>常见问题</h2>
<p>${faq}</p></div></div>
<div class="footer"><p>版权所有 示例市统计局</p></div></body></html>`;

describe('a section heading between paragraphs of the text', () => {
  it('keeps 安装客户端 set as a heading between two paragraphs', () => {
    const a = extractArticle(page('', '安装客户端'), 'https://www.example-tjj.gov.cn/zn/2024/1105/77.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([intro, '安装客户端', step, '常见问题', faq]);
  });

  it('still drops the same words as an app bar outside the text', () => {
    const a = extractArticle(
      page('<span class="app">下载客户端</span>', '准备工作'),
      'https://www.example-tjj.gov.cn/zn/2024/1105/78.html',
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toEqual([intro, '准备工作', step, '常见问题', faq]);
    expect(a.text).not.toContain('下载客户端');
  });
});
