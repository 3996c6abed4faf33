import { describe, expect, it } from 'vitest';
import { canonicalUrl, requestUrl } from '../../main/services/sync/canonical';
import { parseRobots } from '../../main/services/sync/robots';
import { parseDateValue } from '../../shared/dates';

describe('canonicalUrl', () => {
  it('resolves, lower-cases the host, drops the default port and the fragment', () => {
    expect(canonicalUrl('../a/b.html#top', 'http://WWW.Example.COM:80/x/y/list.html')).toBe('http://www.example.com/x/a/b.html');
    expect(canonicalUrl('https://Example.com:443/p?q=1#frag')).toBe('https://example.com/p?q=1');
    expect(canonicalUrl('http://example.com:8080/p')).toBe('http://example.com:8080/p');
  });

  it('drops tracking parameters and sorts the rest', () => {
    expect(canonicalUrl('http://a.cn/show?id=3&utm_source=wx&from=timeline&spm=1.2&catid=12&isappinstalled=0&share_token=x')).toBe(
      'http://a.cn/show?catid=12&id=3',
    );
    expect(canonicalUrl('http://a.cn/show?b=2&a=1&a=0')).toBe('http://a.cn/show?a=0&a=1&b=2');
    expect(canonicalUrl('http://a.cn/show?utm_medium=x')).toBe('http://a.cn/show');
  });

  it('treats / and /index.html alike and strips ;jsessionid', () => {
    expect(canonicalUrl('http://a.cn/dir/index.html')).toBe('http://a.cn/dir/');
    expect(canonicalUrl('http://a.cn/dir/')).toBe('http://a.cn/dir/');
    expect(canonicalUrl('http://a.cn/index.html')).toBe('http://a.cn/');
    expect(canonicalUrl('http://a.cn/news/show.jsp;jsessionid=ABC123?id=5')).toBe('http://a.cn/news/show.jsp?id=5');
  });

  it('requests a link as written: only resolved and without its fragment', () => {
    expect(requestUrl('index.shtml#top', 'http://a.cn/dir/list.html')).toBe('http://a.cn/dir/index.shtml');
    expect(requestUrl('/show.jsp;jsessionid=AB?b=2&a=1&timestamp=17&spm=1')).toBeNull();
    expect(requestUrl('/show.jsp;jsessionid=AB?b=2&a=1&timestamp=17&spm=1', 'http://a.cn/')).toBe(
      'http://a.cn/show.jsp;jsessionid=AB?b=2&a=1&timestamp=17&spm=1',
    );
    expect(canonicalUrl('/show.jsp;jsessionid=AB?b=2&a=1&timestamp=17&spm=1', 'http://a.cn/')).toBe('http://a.cn/show.jsp?a=1&b=2');
    for (const bad of ['javascript:void(0)', 'mailto:x@a.cn', 'http://a b/']) expect(requestUrl(bad, 'http://a.cn/')).toBeNull();
  });

  it('rejects what is not an http(s) URL', () => {
    for (const bad of [
      'javascript:void(0)',
      'mailto:a@b.cn',
      'ftp://a.cn/x',
      'http://exa mple.cn/x',
      'http://[::1',
      '',
      'data:text/html,x',
      'file:///etc/passwd',
    ]) {
      expect(canonicalUrl(bad, 'http://a.cn/')).toBeNull();
    }
    expect(canonicalUrl('relative.html')).toBeNull();
  });
});

describe('robots.txt rules', () => {
  const rules = parseRobots('User-agent: *\nDisallow: /private/\nAllow: /private/open.html\n\nUser-agent: BadBot\nDisallow: /\n', 'yandu');
  it('applies the * group, longest match wins, Allow wins ties', () => {
    expect(rules.allows('/news/1.html')).toBe(true);
    expect(rules.allows('/private/x.html')).toBe(false);
    expect(rules.allows('/private/open.html')).toBe(true);
  });
  it('prefers a group naming our token, with wildcards', () => {
    const mine = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: Yandu\nDisallow: /*.pdf$\n', 'yandu');
    expect(mine.allows('/a.html')).toBe(true);
    expect(mine.allows('/a/b.pdf')).toBe(false);
    expect(mine.allows('/a/b.pdf?x=1')).toBe(true);
  });
});

describe('feed dates', () => {
  it('reads RFC 822, ISO 8601 and Chinese forms', () => {
    expect(parseDateValue('Tue, 05 Mar 2024 10:00:00 +0800')).toBe('2024-03-05');
    expect(parseDateValue('Tue, 05 Mar 2024 20:00:00 GMT')).toBe('2024-03-06');
    expect(parseDateValue('2024-03-05T09:00:00+08:00')).toBe('2024-03-05');
    expect(parseDateValue('2024-03-05T17:00:00Z')).toBe('2024-03-06');
    expect(parseDateValue('2024年3月5日')).toBe('2024-03-05');
    expect(parseDateValue('2024/3/5 10:00')).toBe('2024-03-05');
    expect(parseDateValue('not a date')).toBeNull();
  });
});
