/**
 * speed25x (issue 16): cost-only changes to the extractor, each checked on our own made-up markup
 * against the path it replaces: each script's JSON literals found and parsed once per page and
 * shared by json-state's readers; `[role…]` queries from the document's index of elements with a
 * role; title-slot questions remembered by the element's class and id strings.
 */
import { describe, expect, it } from 'vitest';
import { byAttribute, byClassAndId } from '../../main/services/extract/class-memo';
import { parseLightDocument } from '../../main/services/extract/light-dom';
import { originFromElement } from '../../main/services/extract/origin';
import type { Document, Element } from '../../main/services/parsed-dom';
import {
  articleFromScripts,
  galleryFromScripts,
  literalValue,
  scriptLiterals,
  stateDate,
  type ScriptText,
} from '../../main/services/extract/json-state';

const PROSE =
  '河边的小镇今年春天修好了石桥，居民们在桥头种下一排柳树。镇上的老师带着学生记录每天的水位变化。到了夏天，孩子们把记录做成了一本小册子，送给了镇图书馆。';

function scripts(): ScriptText[] {
  return [
    { type: '', id: '', text: 'var counter = 3; function f() { return 1; }' },
    {
      type: '',
      id: '',
      text: `window.__PAGE__ = ${JSON.stringify({
        list: [{ title: '别的消息标题很长很长', publishTime: '2021-01-02' }],
        detail: { title: '小镇石桥修好了', content: `<p>${PROSE}</p>`, publishTime: '2023-04-05 08:30', source: '镇广播站' },
        album: {
          captions: ['石桥的第一张照片说明文字', '柳树的第二张照片说明文字'],
          pictures: ['https://img.example/1.jpg', 'https://img.example/2.jpg'],
        },
      })}; var broken = {not: json};`,
    },
    { type: 'application/json', id: 'data', text: '{"a": [1, 2, 3]}' },
  ];
}

describe('json-state literals once per page', () => {
  it('gives the same literals and the same parsed values however often a script is asked', () => {
    const [, state, json] = scripts();
    const first = scriptLiterals(state!);
    expect(scriptLiterals(state!)).toBe(first);
    expect(first.map((l) => l.text.slice(0, 1))).toEqual(['{', '{']);
    const value = literalValue(first[0]!);
    expect(literalValue(first[0]!)).toBe(value); // parsed once: the same object comes back
    expect((value as { detail: { title: string } }).detail.title).toBe('小镇石桥修好了');
    // `{not: json}` is no JSON: the same answer every time, nothing evaluated.
    expect(literalValue(first[1]!)).toBe(literalValue(first[1]!));
    expect(typeof literalValue(first[1]!)).toBe('symbol');
    expect(literalValue(scriptLiterals(json!)[0]!)).toEqual({ a: [1, 2, 3] });
  });

  it('answers every reader as on scripts read afresh, in any order of asking', () => {
    const shared = scripts();
    const titles = ['小镇石桥修好了'];
    const gallery = galleryFromScripts(shared, '石桥的第一张照片说明文字');
    const date = stateDate(shared, titles);
    const article = articleFromScripts(shared, titles);
    expect(article?.title).toBe('小镇石桥修好了');
    expect(article?.origin).toBe('镇广播站');
    expect(date).toBe('2023-04-05');
    expect(gallery?.map((g) => g.src)).toEqual(['https://img.example/1.jpg', 'https://img.example/2.jpg']);
    expect(articleFromScripts(scripts(), titles)).toEqual(article);
    expect(stateDate(scripts(), titles)).toBe(date);
    expect(galleryFromScripts(scripts(), '石桥的第一张照片说明文字')).toEqual(gallery);
    // The shared values were not changed by the readers.
    expect(articleFromScripts(shared, titles)).toEqual(article);
  });
});

const TABS = `<html><head><title>t</title></head><body>
<nav role="navigation"><a role="tab" href="#a">Notes</a><a role="TAB" href="#b">Map</a></nav>
<div class="panel" role="tabpanel"><p role="tab">Stray <b role="tab">inner</b></p>
  <template><span role="tab">hidden</span></template></div>
<section><ul role="tablist"><li role="tab presentation">Both</li><li ROLE="tab">Upper name</li></ul></section>
<p role="">empty</p>
</body></html>`;

const ROLE_SELECTORS = [
  '[role="tab"]',
  '[role]',
  '[role=""]',
  '[role~="tab"]',
  '[role^="tab"]',
  'p[role="tab"]',
  '[role="tab"], [role="tablist"]',
  'nav [role="tab"]',
];

/** Every element's query and the document's, as positions in the document. */
function roleAnswers(doc: Document): string[] {
  const all = Array.from(doc.querySelectorAll('*'));
  const id = (e: Element) => `${e.localName}#${all.indexOf(e)}`;
  const out: string[] = [];
  for (const root of [doc, ...all] as (Document | Element)[])
    for (const sel of ROLE_SELECTORS) {
      const first = root.querySelector(sel);
      out.push(
        `${'localName' in root ? id(root) : 'doc'} ${sel}: ${Array.from(root.querySelectorAll(sel)).map(id).join(' ')} / ${first ? id(first) : '-'}`,
      );
    }
  return out;
}

describe('[role] queries through the document index', () => {
  it('answer what a walk finds, in document order, template content aside', () => {
    const viaIndex = roleAnswers(parseLightDocument(TABS) as unknown as Document);
    // Any change to any light tree makes every index stale: the same questions then walk.
    const walked = parseLightDocument(TABS) as unknown as Document;
    (parseLightDocument('<p>x</p>') as unknown as Document).querySelector('p')!.setAttribute('class', 'changed');
    expect(roleAnswers(walked)).toEqual(viaIndex);
    const doc = parseLightDocument(TABS) as unknown as Document;
    // The index the document keeps: every element with a role, outside template content.
    expect((doc as unknown as { withRole: Element[] }).withRole.map((e) => e.localName)).toEqual([
      'nav',
      'a',
      'a',
      'div',
      'p',
      'b',
      'ul',
      'li',
      'li',
      'p',
    ]);
    expect(Array.from(doc.querySelectorAll('[role="tab"]')).map((e) => e.textContent)).toEqual([
      'Notes',
      'Stray inner',
      'inner',
      'Upper name',
    ]);
  });
});

describe('byClassAndId / byAttribute', () => {
  const doc = parseLightDocument(
    '<body><div class="a b" id="x"><p class="a b" id="x">1</p><p class="a b">2</p><p id="x">3</p><p>4</p><p class="a b" id="y">5</p></div></body>',
  ) as unknown as Document;
  const els = [doc.querySelector('div')!, ...Array.from(doc.querySelectorAll('p'))];

  it('asks its test once per distinct class-and-id pair, with `${class} ${id}`', () => {
    const asked: string[] = [];
    const memo = byClassAndId((named) => (asked.push(named), named.includes('x')));
    expect(els.map(memo)).toEqual([true, true, false, true, false, false]);
    expect(els.map(memo)).toEqual([true, true, false, true, false, false]);
    expect(asked).toEqual(['a b x', 'a b ', ' x', ' ', 'a b y']);
  });

  it('asks its test once per distinct value, null when absent', () => {
    const asked: (string | null)[] = [];
    const memo = byAttribute('id', (id) => (asked.push(id), id === 'y'));
    expect(els.map(memo)).toEqual([false, false, false, false, false, true]);
    expect(els.map(memo)).toEqual([false, false, false, false, false, true]);
    expect(asked).toEqual(['x', null, 'y']);
  });
});

describe('originFromElement over named elements', () => {
  const origin = (body: string) => originFromElement(parseLightDocument(`<html><body>${body}</body></html>`) as unknown as Document);
  it('finds the element by each of its six names, as the attribute selectors did', () => {
    expect(origin('<p class="x art-source">县广播站</p>')).toBe('县广播站');
    expect(origin('<p class="laiyuan">河湾日报</p>')).toBe('河湾日报');
    expect(origin('<p class="media-name">山城晚报</p>')).toBe('山城晚报');
    expect(origin('<p class="ly">湖畔周刊</p>')).toBe('湖畔周刊');
    expect(origin('<p id="newsSource">x</p><p id="news-source">桥头通讯</p>')).toBe('桥头通讯');
    expect(origin('<p id="ly">林场简报</p>')).toBe('林场简报');
    // Named for none of them (the case differs, `ly` only as part of a name): nothing.
    expect(origin('<p class="Source">甲</p><p class="lyric">乙</p><p id="ly2">丙</p><p title="source">丁</p>')).toBeNull();
    // The first named element in document order whose token is a source's.
    expect(origin('<div class="sources"><p>x</p></div><span id="source">第一</span><span class="source">第二</span>')).toBe('第一');
  });
});
