/**
 * Issue 12 item 4 (speed24): re-anchoring a long article must stay well within 100 ms. When a
 * batch holds a passage that is mostly a marker (第三条 alone), anchorAll runs the whole batch a
 * second time with markers compared literally. These tests hold the machinery that makes that
 * cheaper without moving any placement: one document per comparison form per batch (not the same
 * long text normalised again by each pass), the text's paragraph prints shared by every form of the
 * same text, and the second run still judging (with its per-placement checks) the passages whose
 * placements it gives. Built by hand on our own text.
 */
import { describe as suite, expect, it, vi } from 'vitest';
import type { Doc } from '../../shared/anchoring/doc';
import type * as introduced from '../../shared/anchoring/introduced';
import * as normalise from '../../shared/anchoring/normalise';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { textPrints } from '../../shared/anchoring/paragraphs';

// Every whole-text normalisation counted with the form it was made in (markers literal, marks dropped).
const made: string[] = [];
vi.mock('../../shared/anchoring/normalise', async (importOriginal) => {
  const real = await importOriginal<typeof normalise>();
  return {
    ...real,
    normaliseWithMap: (text: string) => {
      made.push(`${text.length}:${real.comparingMarkersLiterally()}:${real.droppingMarks()}`);
      return real.normaliseWithMap(text);
    },
  };
});

// The last per-placement check of a batch, counted with the form of the document it was asked on.
const lastChecks: { exact: string; literal: boolean }[] = [];
vi.mock('../../shared/anchoring/introduced', async (importOriginal) => {
  const real = await importOriginal<typeof introduced>();
  return {
    ...real,
    onIntroducedPieceCopy: (doc: Doc, s: { exact: string }, a: { start: number; end: number }) => {
      lastChecks.push({ exact: s.exact, literal: doc.markersLiteral });
      return real.onIntroducedPieceCopy(doc, s as Parameters<typeof real.onIntroducedPieceCopy>[1], a);
    },
  };
});

const span = (text: string, q: string, from = 0): [number, number] => {
  const i = text.indexOf(q, from);
  expect(i, q).toBeGreaterThanOrEqual(0);
  return [i, i + q.length];
};

const placedText = (text: string, a: { start: number; end: number } | null | undefined) => (a ? text.slice(a.start, a.end) : null);

// A made-up set of rules for a community garden, each article its own paragraph.
const GARDEN = [
  '社区花园管理办法',
  '第一条　为了规范社区花园的日常使用，保持园内整洁有序，制定本办法。',
  '第二条　花园每日六时开放，二十一时关闭，雨雪天气可以提前关闭。',
  '第三条　居民认领的菜畦应当按时浇水除草，连续两个月无人照看的，由管理小组收回。',
  '第四条　园内不得焚烧枯枝落叶，修剪下的枝条应当放入指定的堆肥箱。',
  '第五条　借用公共农具须在登记簿上写明姓名和归还时间。',
  '第六条　本办法自公布之日起施行。',
];

// The revision: a notice written at the top, one article's words edited (so the batch has an
// orphan to look for and a passage to place approximately), the rest shifted.
const REVISED = [
  '社区花园管理办法',
  '（本办法经居民议事会讨论通过）',
  '第一条　为了规范社区花园的日常使用，保持园内整洁有序，制定本办法。',
  '第二条　花园每日六时开放，二十一时关闭，遇雨雪大风天气可以提前关闭。',
  '第三条　居民认领的菜畦应当按时浇水除草，连续两个月无人照看的，由管理小组收回。',
  '第四条　园内不得焚烧枯枝落叶，修剪下的枝条应当放入指定的堆肥箱。',
  '第五条　借用公共农具须在登记簿上写明姓名和归还时间。',
  '第六条　本办法自公布之日起施行。',
];

const QUOTES = ['规范社区花园的日常使用', '第三条', '雨雪天气可以提前关闭', '放入指定的堆肥箱', '第五条　借', '写明姓名和归还时间'];

suite('a batch with a mostly-marker passage', () => {
  it('normalises the text once per comparison form, however many passes read it', () => {
    const old = GARDEN.join('\n');
    const revised = REVISED.join('\n');
    const selectors = QUOTES.map((q) => describe(old, ...span(old, q)));
    expect(selectors.filter((s) => normalise.mostlyMarker(s)).length).toBe(2);
    made.length = 0;
    anchorAll(revised, selectors);
    const forms = made.filter((m) => m.startsWith(`${revised.length}:`));
    // The second run (markers literal) did happen, and no form was made twice.
    expect(forms).toContain(`${revised.length}:true:false`);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('still places the mostly-marker passages through the second run, and the others as before', () => {
    const old = GARDEN.join('\n');
    const revised = REVISED.join('\n');
    lastChecks.length = 0;
    const out = anchorAll(
      revised,
      QUOTES.map((q) => describe(old, ...span(old, q))),
    );
    expect(placedText(revised, out[0])).toBe('规范社区花园的日常使用');
    expect(placedText(revised, out[1])).toBe('第三条');
    expect(out[1]!.start).toBe(span(revised, '第三条')[0]);
    expect(placedText(revised, out[3])).toBe('放入指定的堆肥箱');
    expect(placedText(revised, out[4])).toBe('第五条　借');
    expect(out[4]!.start).toBe(span(revised, '第五条　借')[0]);
    expect(placedText(revised, out[5])).toBe('写明姓名和归还时间');
    // Every passage moved (the notice at the top), so each placement is checked to the last step:
    // in the first run every one placed (all but the edited 雨雪天气…), in the literal run only the
    // two whose placements it gives (第三条, and 第五条 with its first word).
    expect(lastChecks.filter((c) => !c.literal).map((c) => c.exact)).toEqual(QUOTES.filter((_, i) => out[i]));
    expect(out.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    expect(lastChecks.filter((c) => c.literal).map((c) => c.exact)).toEqual(['第三条', '第五条　借']);
  });

  it('a mostly-marker passage whose article went is not placed on the next label by the second run', () => {
    const old = GARDEN.join('\n');
    // 第三条 deleted and the later articles renumbered: the label 第三条 now heads other words.
    const revised = [
      GARDEN[0],
      GARDEN[1],
      GARDEN[2],
      '第三条　园内不得焚烧枯枝落叶，修剪下的枝条应当放入指定的堆肥箱。',
      '第四条　借用公共农具须在登记簿上写明姓名和归还时间。',
      '第五条　本办法自公布之日起施行。',
    ].join('\n');
    const out = anchorAll(
      revised,
      QUOTES.map((q) => describe(old, ...span(old, q))),
    );
    expect(out[1]).toBeNull();
    expect(placedText(revised, out[3])).toBe('放入指定的堆肥箱');
  });
});

suite('paragraph prints of a text', () => {
  it('are made once for the text, whichever document of it asks', () => {
    const text = GARDEN.join('\n');
    const first = textPrints({}, text);
    made.length = 0;
    const second = textPrints({}, text);
    expect(second).toBe(first);
    expect(made).toEqual([]);
  });

  it('are those of the text asked for, not of the last one', () => {
    const a = GARDEN.join('\n');
    const b = REVISED.join('\n');
    const pa = textPrints({}, a);
    const pb = textPrints({}, b);
    expect(pb).not.toBe(pa);
    expect([...pb].length).toBeGreaterThan(0);
    expect(textPrints({}, a)).toEqual(pa);
  });
});
