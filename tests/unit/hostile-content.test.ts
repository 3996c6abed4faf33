// @vitest-environment jsdom
/**
 * Every script-injection vector of tests/fixtures/hostile/corpus.ts through both sanitisers:
 * main's allow-list (what is stored: synced pages, feeds, .docx HTML, packets) and the
 * renderer's DOMPurify pass (what is shown — and what a poisoned database or backup would get).
 */
import { describe, expect, it } from 'vitest';
import { renderBlocks, sanitiseHtml } from '../../main/services/sync/article-html';
import { sanitizeArticleHtml } from '../../renderer/ui/sanitize';
import { ALLOWED_TAGS, isAllowedAttribute } from '../../shared/html-policy';
import { FORBIDDEN, hostileArticleBody, VECTOR_FAMILIES, VECTORS } from '../fixtures/hostile/corpus';

// What may be shown is the one policy's list (shared/html-policy.ts).
const SHOWN_TAGS = new Set(ALLOWED_TAGS.map((t) => t.toUpperCase()));

/** What is wrong with some HTML, judged on the parsed DOM (escaped text is harmless). */
function problems(html: string, stage: 'stored' | 'shown'): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    if (!SHOWN_TAGS.has(el.tagName)) out.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.trim().toLowerCase();
      if (!isAllowedAttribute(el.localName, attr.name)) out.push(`@${attr.name}`);
      if (/^(?:javascript|vbscript|data:text|data:image\/svg)/.test([...value].filter((c) => c > ' ').join('')))
        out.push(`${attr.name}=${value}`);
      // Remote images: main drops them later unless they are on the source's own host
      // (images.ts); what is shown must only ever be a local copy.
      if (attr.name === 'src' && stage === 'shown' && !/^(?:media\/[0-9a-f]{64}\.|data:image\/(?:png|jpeg|gif|webp);)/.test(value))
        out.push(`src=${value}`);
      if (attr.name === 'href' && value.includes('attacker.example') && !/^https?:\/\/attacker\.example\//.test(value))
        out.push(`href=${value}`);
    }
  }
  void FORBIDDEN;
  return out;
}
const clean = (html: string) => problems(html, 'shown');
const cleanStored = (html: string) => problems(html, 'stored');

describe('hostile content through the sanitisers', () => {
  it(`has ${VECTORS.length} vectors in ${VECTOR_FAMILIES.length} families`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(VECTOR_FAMILIES.length).toBeGreaterThanOrEqual(12);
  });

  for (const v of VECTORS) {
    it(`${v.family} / ${v.id}: main (stored), renderer (shown) and renderer on raw input`, () => {
      const stored = renderBlocks(sanitiseHtml(`<div>${v.html}<p>正文</p></div>`, 'http://intranet.example/a/1.html')).html;
      expect(cleanStored(stored), stored).toEqual([]);
      const shown = sanitizeArticleHtml(stored);
      expect(clean(shown), shown).toEqual([]);
      // A database or backup poisoned past main: the renderer's pass alone must hold.
      const raw = sanitizeArticleHtml(v.html);
      expect(clean(raw), raw).toEqual([]);
      // And inserted into a live DOM, nothing ran.
      const host = document.createElement('div');
      host.innerHTML = raw;
      document.body.append(host);
      expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
      host.remove();
    });
  }

  it('the whole hostile page keeps its text', () => {
    const stored = renderBlocks(sanitiseHtml(hostileArticleBody(), 'http://intranet.example/a/1.html'));
    expect(cleanStored(stored.html)).toEqual([]);
    expect(clean(sanitizeArticleHtml(stored.html))).toEqual([]);
    expect(stored.text).toContain('向量 script');
  });
});
