/**
 * Issue 16, twentieth outside set (metadata): kinds of page in general terms, with our own text.
 * A Hong Kong, Macao or Taiwan page writes its metadata labels in Traditional script (來源：,
 * 發佈日期：, 編輯：): the same labels, the values kept as written. A social post page names only
 * its kind (帖子详情, 微博正文) where a title would stand: the post's headline in 【】 at the start of
 * its text is the title, and an organisation's account over the post's time stamp (its name and
 * avatar linking to one profile) is the 来源.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, genericPageTitle } from '../../main/services/extract/extract';
import { isMetaLine, matchEditor, matchOrigin } from '../../main/services/extract/patterns';

describe('metadata labels written in Traditional script', () => {
  it('reads 來源 as 来源 and keeps the value as written', () => {
    expect(matchOrigin('發佈日期：2023/5/8　　來源：同鄉聯誼會總務處　　瀏覽：12')).toBe('同鄉聯誼會總務處');
    expect(matchOrigin('文章來源：某某區議會辦事處')).toBe('某某區議會辦事處');
    expect(matchEditor('責任編輯：黃嘉欣')).toBe('黃嘉欣');
    expect(isMetaLine('來源：同鄉聯誼會總務處')).toBe(true);
  });

  it('does not take a sentence of the text for a label', () => {
    expect(matchOrigin('本會經費來源於會員會費及熱心鄉親捐助，歷年收支均有公開。')).toBeNull();
    expect(isMetaLine('本會經費來源於會員會費及熱心鄉親捐助，歷年收支均有公開。')).toBe(false);
  });

  it('gives the 來源 of an old table page in Traditional script', () => {
    const para = (s: string): string => `<p>\u3000\u3000${s}</p>`;
    const html = `<html><head><meta charset="utf-8"><title>某某同鄉會</title></head><body>
<table width="960"><tr><td width="200" valign="top"><a href="a.asp">會務動態</a><br><a href="b.asp">鄉訊</a><br><a href="c.asp">聯絡我們</a></td>
<td valign="top"><table width="100%">
<tr><td class="title">同鄉會舉辦端午敬老茶敘</td></tr>
<tr><td class="date">發佈日期：2023/6/20\u3000\u3000來源：同鄉會總務處\u3000\u3000瀏覽：35</td></tr>
<tr><td class="content">${para('端午節前夕，本會在會所舉辦敬老茶敘，邀請七十歲以上的鄉親長者共一百二十餘人出席，理事會成員到場問候。')}
${para('茶敘期間，青年委員會成員為長者表演粵曲和合唱，並向每位長者送上粽子及慰問金，現場氣氛溫馨熱烈。')}
${para('會長在致辭中表示，本會將繼續關心長者生活，定期組織探訪活動，讓鄉親感受到大家庭的溫暖。')}</td></tr>
</table></td></tr></table><p>版權所有 某某同鄉會</p></body></html>`;
    const a = extractArticle(html, 'https://example-tongxiang.hk/news.asp?id=1');
    expect(a.title).toBe('同鄉會舉辦端午敬老茶敘');
    expect(a.publishedAt).toBe('2023-06-20');
    expect(a.origin).toBe('同鄉會總務處');
    expect(a.text).not.toContain('來源');
  });
});

const postPage = (account: string, text: string, heading = ''): string => `<!doctype html><html><head><meta charset="utf-8">
<title>帖子详情 - 青河社区</title></head><body>
<div class="topbar"><a href="javascript:history.back()">返回</a><div class="bar-name">帖子详情</div><a href="javascript:;">下载客户端</a></div>
<div class="post-wrap"><div class="post-head">
<a class="avatar" href="/user/80231"><img src="/img/a80231.png" alt=""></a>
<div class="who"><a href="/user/80231"><h3 class="nick">${account}</h3></a>
<h4><span class="stamp">2023-3-9 10:12</span><span class="via">来自 Android客户端</span></h4></div>
<a class="follow" href="javascript:;">+关注</a></div>${heading}
<div class="post-body"><div class="post-text">${text}</div></div>
<div class="post-bar"><span>转发 12</span><span>评论 40</span><span>赞 233</span></div></div>
<div class="replies"><div class="reply"><b>山里人</b><p>支持！今年一定注意。</p><span>3-9 10:30</span></div>
<div class="reply"><b>小河边</b><p>上山不带火种。</p><span>3-9 11:02</span></div></div></body></html>`;

const postText =
  '【青河县发布春季森林防火通告】即日起至5月31日为我县春季森林防火紧要期，全县林区严禁野外用火，严禁携带火种进山。<br />' +
  '清明祭扫期间请文明祭祀，提倡鲜花祭扫、网络祭扫等方式；发现火情请立即拨打12119报警，切勿盲目扑救。';

describe('a social post page that names only its kind', () => {
  it('names 微博正文 / 帖子详情 as page kinds', () => {
    expect(genericPageTitle('帖子详情')).toBe(true);
    expect(genericPageTitle('微博正文')).toBe(true);
    expect(genericPageTitle('帖子里的故事')).toBe(false);
  });

  it("takes the post's 【】 headline as the title and an organisation's account as the 来源", () => {
    const a = extractArticle(postPage('青河发布', postText), 'https://m.example-qinghe.cn/p/80231/1');
    expect(a.title).toBe('青河县发布春季森林防火通告');
    expect(a.publishedAt).toBe('2023-03-09');
    expect(a.origin).toBe('青河发布');
    expect(a.text).toContain('清明祭扫期间请文明祭祀');
  });

  it("gives no 来源 for a person's account", () => {
    const a = extractArticle(postPage('李小青', postText), 'https://m.example-qinghe.cn/p/80231/2');
    expect(a.origin).toBeNull();
  });

  it('keeps a heading that names the article, and does not take a short bracketed label', () => {
    const withHeading = extractArticle(
      postPage('青河发布', postText, '<h1 class="post-title">春季森林防火，这些事项要牢记</h1>'),
      'https://m.example-qinghe.cn/p/80231/3',
    );
    expect(withHeading.title).toBe('春季森林防火，这些事项要牢记');
    const label = extractArticle(
      postPage('青河发布', postText.replace('【青河县发布春季森林防火通告】', '【提醒】')),
      'https://m.example-qinghe.cn/p/80231/4',
    );
    expect(label.title).not.toBe('提醒');
  });
});
