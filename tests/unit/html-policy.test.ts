// @vitest-environment jsdom
/**
 * One HTML policy, two doors: main's storing builder and the renderer's DOMPurify pass read
 * shared/html-policy.ts, so on the hostile corpus (and on ordinary article HTML) they keep the
 * same text, the same links and the same formatting, and refuse the same things. The one
 * documented difference, image sources, is checked on its own. Also the one escapeHtml and the
 * one URL resolver.
 */
import { describe, expect, it } from 'vitest';
import { mapImages, renderBlocks, sanitiseHtml } from '../../main/services/sync/article-html';
import { sanitizeArticleHtml } from '../../renderer/ui/sanitize';
import { ALLOWED_TAGS, escapeHtml, FORMAT_TAGS, isAllowedAttribute, isAllowedLink, STORED_IMAGE_SRC } from '../../shared/html-policy';
import { resolveContentUrl, resolveHttpUrl } from '../../shared/url';
import { hostileArticleBody, VECTORS } from '../fixtures/hostile/corpus';

interface Kept {
  text: string;
  links: string[];
  formats: string[];
  refused: string[];
  imageSources: string[];
}

/** What an output keeps, judged on the parsed DOM; `refused` lists what the policy forbids. */
function kept(html: string): Kept {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: Kept = { text: '', links: [], formats: [], refused: [], imageSources: [] };
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    if (!ALLOWED_TAGS.includes(tag)) out.refused.push(`<${tag}>`);
    if ((FORMAT_TAGS as readonly string[]).includes(tag) && !out.formats.includes(tag)) out.formats.push(tag);
    for (const attr of Array.from(el.attributes)) if (!isAllowedAttribute(tag, attr.name)) out.refused.push(`${tag}@${attr.name}`);
    const href = el.getAttribute('href');
    if (tag === 'a' && href !== null) (isAllowedLink(href) ? out.links : out.refused).push(href);
    const src = el.getAttribute('src');
    if (tag === 'img' && src !== null) out.imageSources.push(src);
  }
  // Whitespace, and the separator the builder puts between the cells of a table row, are layout.
  out.text = (doc.body.textContent ?? '').replace(/[\s｜]+/g, '');
  out.formats.sort();
  return out;
}

/** Main's door with no page address (the renderer has none either), then the image step. */
function storedDoor(html: string): { html: string; remoteImages: string[] } {
  const blocks = sanitiseHtml(html);
  const remoteImages: string[] = [];
  mapImages(blocks, (src) => {
    remoteImages.push(src);
    return null; // the image step stores a picture or drops the address; here nothing is stored
  });
  return { html: renderBlocks(blocks).html, remoteImages };
}

const ORDINARY = [
  '<p>第一段<strong>重点</strong>，<em>强调</em>，<a href="https://news.example/a.html?x=1&amp;y=2">原文</a>。</p><h2>一、小标题</h2><ul><li>甲</li><li>乙<sup>1</sup></li></ul><blockquote><p>引文</p></blockquote>',
  '<div class="c"><p style="color:red" id="x">带样式的段落</p><p>下标<sub>2</sub><u>下划线</u><i>斜</i><b>粗</b></p></div>',
  // Tags the builder folds or unwraps: no door may let them through as they are.
  '<h1>大标题</h1><h5>小节</h5><p><span class="s" title="t">行内</span></p><table><tr><th>时间</th><td>地点</td></tr></table><figure><img src="https://img.example/a.png" alt="图"><figcaption>图注</figcaption></figure><dl><dt>术语</dt><dd>释义</dd></dl>',
  '<p>相对链接<a href="/a/1.html">一</a>，锚点<a href="#top">二</a>，邮件<a href="mailto:a@b.example">三</a>，带口令<a href="http://u:p@h.example/">四</a></p>',
];

// Vectors on which DOMPurify's mutation-XSS guard fires on the raw input (the whole hostile page
// holds them too).
const MXSS_GUARDED = ['noscript-mxss', 'the whole hostile page'];

describe('one HTML policy for both doors', () => {
  const cases = [
    ...VECTORS.map((v) => [`${v.family} / ${v.id}`, `<div>${v.html}<p>正文</p></div>`] as const),
    ['the whole hostile page', hostileArticleBody()] as const,
    ...ORDINARY.map((html, i) => [`ordinary article ${i + 1}`, html] as const),
  ];

  it.each(cases)('%s: the builder and DOMPurify keep and refuse the same', (name, html) => {
    const stored = storedDoor(html);
    const main = kept(stored.html);
    const renderer = kept(sanitizeArticleHtml(html));
    expect(main.refused, stored.html).toEqual([]);
    expect(renderer.refused).toEqual([]);
    if (MXSS_GUARDED.some((id) => name.includes(id))) {
      // DOMPurify's own mXSS guard drops the suspicious container whole (see html-policy.ts):
      // the renderer keeps a prefix of the builder's text, never anything the builder refused.
      expect(main.text.startsWith(renderer.text), `${renderer.text}\n${main.text}`).toBe(true);
      for (const link of renderer.links) expect(main.links).toContain(link);
    } else {
      expect(renderer.text).toBe(main.text);
      expect(renderer.links).toEqual(main.links);
      expect(renderer.formats).toEqual(main.formats);
    }
    // The documented difference: the builder hands picture addresses to the image step (http(s),
    // or as written where there is no page address), the renderer shows stored pictures only.
    for (const src of stored.remoteImages) expect(isAllowedLink(src) || resolveContentUrl(src) === src, src).toBe(true);
    for (const src of renderer.imageSources) expect(src).toMatch(STORED_IMAGE_SRC);
  });

  it('the ordinary article keeps its formatting and its one web link at both doors', () => {
    const renderer = kept(sanitizeArticleHtml(ORDINARY[0]!));
    expect(renderer.links).toEqual(['https://news.example/a.html?x=1&y=2']);
    expect(renderer.formats).toEqual(['em', 'strong', 'sup']);
    // Relative, fragment, mailto: and credential links: text stays, the link goes.
    const odd = kept(storedDoor(ORDINARY[3]!).html);
    expect(odd.links).toEqual([]);
    expect(odd.text).toBe('相对链接一，锚点二，邮件三，带口令四');
  });

  it('a stored picture is shown; a remote, data: or look-alike one is not', () => {
    const hash = 'a'.repeat(64);
    const shown = sanitizeArticleHtml(
      `<p><img src="media/${hash}.png" alt="图"><img src="https://img.example/x.png"><img src="data:image/png;base64,AAAA"><img src="media/${hash}.png/../../x"></p>`,
    );
    expect(kept(shown).imageSources).toEqual([`media/${hash}.png`]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>甲&乙</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;甲&amp;乙&lt;/a&gt;');
    expect(escapeHtml('二〇二四年 plain')).toBe('二〇二四年 plain');
    const doc = new DOMParser().parseFromString(`<p title='${escapeHtml(`'"<>&`)}'>${escapeHtml('<b>&amp;</b>')}</p>`, 'text/html');
    const p = doc.querySelector('p')!;
    expect(p.getAttribute('title')).toBe(`'"<>&`);
    expect(p.textContent).toBe('<b>&amp;</b>');
  });
});

describe('one URL resolver', () => {
  it.each([
    ['a/2.html', 'http://intranet.example/col/1.html', 'http://intranet.example/col/a/2.html'],
    ['//cdn.example/x.png', 'https://intranet.example/', 'https://cdn.example/x.png'],
    ['HTTP://Intranet.Example/A', null, 'http://intranet.example/A'],
    ['  /x\n/y  ', 'http://h.example/', 'http://h.example/x/y'],
  ])('%s against %s is %s', (raw, base, href) => {
    expect(resolveHttpUrl(raw, base)?.href).toBe(href);
  });

  it.each([
    ['javascript:alert(1)'],
    ['jav\tascript:alert(1)'],
    ['data:text/html,x'],
    ['file:///etc/passwd'],
    ['ftp://h.example/x'],
    ['mailto:a@b.example'],
    ['http://user:pw@h.example/'],
    ['http://'],
    [`http://h.example/${'x'.repeat(5000)}`],
  ])('%s is refused', (raw) => {
    expect(resolveHttpUrl(raw, 'http://h.example/')).toBeNull();
    expect(resolveContentUrl(raw, 'http://h.example/')).toBeNull();
    expect(resolveContentUrl(raw)).toBeNull();
  });

  it('without a page address, a relative reference is kept as written, anything with a scheme is checked', () => {
    expect(resolveContentUrl(' images/a.png ')).toBe('images/a.png');
    expect(resolveContentUrl('https://h.example/a b')).toBe('https://h.example/a%20b');
    // Stricter than the extractor's old rule, which kept a tab-split javascript: as "relative".
    expect(resolveContentUrl('jav\tascript:alert(1)')).toBeNull();
    // A base that is no web page gives no address to resolve against.
    expect(resolveContentUrl('a.png', 'file:///tmp/x.html')).toBe('a.png');
  });
});
