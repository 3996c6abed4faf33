/**
 * Issue 16: a code block's source lines (<pre><code>, one command per line, as highlighters emit
 * them) are read as lines, not run together into one; a <pre> of prose keeps its lines joined as
 * <br>-broken lines are.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const lead = '单位内网的打印服务迁移到新服务器后，办公电脑需要重新添加打印机。下面是命令行的做法。';
const after = '添加完成后打印一张测试页，确认纸张和双面设置正确，如有问题请联系信息中心值班人员。';

const page = (block: string): string => `<!doctype html><html><head><meta charset="utf-8">
<title>重新添加网络打印机_示例中心</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zn">使用指南</a></div>
<div class="main"><h1>重新添加网络打印机</h1>
<div class="info">发布时间：2024-11-12\u3000来源：信息中心</div>
<div class="content"><p>${lead}</p>
${block}
<p>${after}</p></div></div>
<div class="footer"><p>版权所有 示例信息中心</p></div></body></html>`;

describe('the lines of a code block', () => {
  it('keeps each source line of <pre><code> a line of its own, highlighter spans or not', () => {
    const spans = `<pre class="shiki"><code><span class="line"><span>lpadmin</span><span> -p office-2f -E</span></span>
<span class="line"><span>lpoptions</span><span> -d office-2f</span></span>
<span class="line"><span>lp</span><span> -d office-2f /usr/share/cups/data/testprint</span></span></code></pre>`;
    const a = extractArticle(page(spans), 'https://itc.example-zx.cn/zn/2024/1112/9.html', { referee: 'never' });
    expect(a.paragraphs).toEqual([
      lead,
      'lpadmin -p office-2f -E',
      'lpoptions -d office-2f',
      'lp -d office-2f /usr/share/cups/data/testprint',
      after,
    ]);
  });

  it('joins the broken lines of a <pre> of prose, as <br>-broken lines are', () => {
    const prose = '<pre>各科室请于本周五前完成\n打印机的重新添加，逾期未完成的\n由信息中心上门处理。</pre>';
    const a = extractArticle(page(prose), 'https://itc.example-zx.cn/zn/2024/1112/10.html', { referee: 'never' });
    expect(a.paragraphs).toContain('各科室请于本周五前完成打印机的重新添加，逾期未完成的由信息中心上门处理。');
  });
});
