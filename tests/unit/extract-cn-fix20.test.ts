/**
 * Issue 16, twentieth outside set (metadata): kinds of page in general terms, with our own text.
 * A Hong Kong, Macao or Taiwan page writes its metadata labels in Traditional script (來源：,
 * 發佈日期：, 編輯：): the same labels, the values kept as written.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';
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
