/**
 * speed25x (issue 16): cost-only changes to the extractor, each checked on our own made-up markup
 * against the path it replaces: each script's JSON literals found and parsed once per page and
 * shared by json-state's readers.
 */
import { describe, expect, it } from 'vitest';
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
