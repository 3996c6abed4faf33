/**
 * Issue 16: a reporter's byline written without a label (本报记者 卢 静) fills `author`, and a
 * byline set beside the article's text container, under the title, is body (the fixtures' policy:
 * bylines are body, credits are not). A WeChat copy's author item in its meta list is its author.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
import { bylineNames } from '../../main/services/extract/patterns';

describe('bylineNames', () => {
  it('reads the reporters of a byline line', () => {
    expect(bylineNames('本报记者\u3000卢\u3000静')).toBe('卢静');
    expect(bylineNames('（记者\u3000林书航\u3000陈可）')).toBe('林书航、陈可');
    expect(bylineNames('（记者张远、刘静）')).toBe('张远、刘静');
    expect(bylineNames('记者 林晓 通讯员 何平')).toBe('林晓');
    expect(bylineNames('新华社记者 王明')).toBe('王明');
  });

  it('is null for sentences, labelled lines and column names', () => {
    expect(bylineNames('记者从有关部门获悉')).toBeNull();
    expect(bylineNames('本报讯（记者 郑海燕）5月4日，市委宣传部召开座谈会。')).toBeNull();
    expect(bylineNames('记者：韩雪')).toBeNull();
    expect(bylineNames('记者手记')).toBeNull();
    expect(bylineNames('记者观察')).toBeNull();
  });
});

const TITLE = '让理论宣讲走进田间地头';
const PARAS = [
  '晚饭过后，示例村的文化广场上渐渐热闹起来，村里的宣讲队搬出小板凳，围坐在一起讲政策。',
  '宣讲队队长说，宣讲队成员有老党员、返乡大学生，也有种植能手，大家用方言讲政策，村民听得懂。',
  '近年来，示例县组建各类基层宣讲队伍两百余支，今年已开展宣讲一千九百余场次。',
];

function portal(byline: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}--观点--示例网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/opinion/">观点</a><a href="/local/">地方</a></div>
<div class="layout"><div class="col-main">
<h1>${TITLE}</h1>
${byline}
<div class="channel">2024年09月03日07:21 | 来源：<a href="http://paper.example.com/">示例日报</a></div>
<div class="text-con">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div>
<div class="relevant"><h3>相关新闻</h3><ul><li><a href="/n/1.html">“板凳课堂”上的新农人</a></li></ul></div>
</div></div></body></html>`;
}

describe('a byline under the title, outside the text container', () => {
  it('is the first paragraph and names the author', () => {
    const a = extractArticle(portal('<p class="author">本报记者\u3000卢\u3000静</p>'), 'http://www.example.com/n1/2024/0903/c1-1.html', {
      referee: 'never',
    });
    expect(a.author).toBe('卢静');
    expect(a.paragraphs).toEqual(['本报记者\u3000卢\u3000静', ...PARAS]);
    expect(a.origin).toBe('示例日报');
  });

  it('a short line there that is no byline stays out', () => {
    const a = extractArticle(portal('<p class="kicker">记者手记</p>'), 'http://www.example.com/n1/2024/0903/c1-1.html', {
      referee: 'never',
    });
    expect(a.author).toBeNull();
    expect(a.paragraphs).toEqual(PARAS);
  });
});

function wechat(items: string, time = '2024年9月3日 07:01'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title>
<script>var ct = "1725318060";</script></head><body>
<div id="img-content" class="rich_media_wrp"><h1 class="rich_media_title" id="activity-name">${TITLE}</h1>
<div id="meta_content" class="rich_media_meta_list">${items}
<span class="rich_media_meta rich_media_meta_nickname"><a href="javascript:void(0);" id="js_name">示例机关党建</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">${time}</em>
<em class="rich_media_meta rich_media_meta_text" style="display: none;"><span>浙江</span></em></div>
<div class="rich_media_content" id="js_content">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;
}

describe('a WeChat copy', () => {
  it("takes the meta list's author item, not the 原创 badge, the account or the time", () => {
    const a = extractArticle(
      wechat(
        '<span class="rich_media_meta rich_media_meta_text">原创</span><span class="rich_media_meta rich_media_meta_text">市直机关工委</span>',
      ),
      'https://mp.example.com/s/abc',
      { referee: 'never' },
    );
    expect(a.author).toBe('市直机关工委');
    expect(a.origin).toBe('示例机关党建');
    expect(a.publishedAt).toBe('2024-09-03');
    expect(a.publishedTime).toBe('07:01');
    expect(a.paragraphs).toEqual(PARAS);
  });

  it('no author where the list names none (a relative time after the account is no author)', () => {
    const a = extractArticle(wechat('', '昨天'), 'https://mp.example.com/s/abc', { referee: 'never' });
    expect(a.author).toBeNull();
    expect(a.origin).toBe('示例机关党建');
  });
});
