import { describe, expect, it } from 'vitest';
import { charStep, paragraphStep, sentenceStep } from '../../renderer/features/reader/caretSteps';

const text = '甲乙。丙丁！“戊己。”庚\n第二段。末句\n\n尾';

describe('caret steps over the article text', () => {
  it('steps to sentence ends forward, closing quotes included, then into the next block', () => {
    expect(text.slice(0, sentenceStep(text, 0, 1))).toBe('甲乙。');
    expect(sentenceStep(text, 3, 1)).toBe(6);
    expect(text.slice(6, sentenceStep(text, 6, 1))).toBe('“戊己。”');
    // The last sentence without an ender ends at the block's end.
    expect(sentenceStep(text, 11, 1)).toBe(12);
    expect(text.slice(13, sentenceStep(text, 12, 1))).toBe('第二段。');
    expect(sentenceStep(text, text.length, 1)).toBe(text.length);
  });

  it('steps back to sentence starts, and from a block start to the previous block', () => {
    expect(sentenceStep(text, 8, -1)).toBe(6);
    expect(sentenceStep(text, 6, -1)).toBe(3);
    expect(sentenceStep(text, 13, -1)).toBe(0);
    expect(sentenceStep(text, 0, -1)).toBe(0);
  });

  it('steps to paragraph ends and starts', () => {
    expect(paragraphStep(text, 2, 1)).toBe(12);
    expect(paragraphStep(text, 12, 1)).toBe(19);
    expect(paragraphStep(text, 19, 1)).toBe(20);
    expect(paragraphStep(text, 15, -1)).toBe(13);
    expect(paragraphStep(text, 13, -1)).toBe(0);
    expect(paragraphStep(text, 0, -1)).toBe(0);
  });

  it('steps one character, clamped to the text', () => {
    expect(charStep(text, 0, -1)).toBe(0);
    expect(charStep(text, text.length, 1)).toBe(text.length);
    expect(charStep(text, 12, 1)).toBe(13);
  });
});
