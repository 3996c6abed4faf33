/**
 * Anchoring benchmark: 1,000 highlights on a ~300,000-unit generated article, re-anchored on
 * the unchanged text and on a version with 20% of its paragraphs edited; compared with the
 * approx-string-match approach of the Hypothesis client. Run: npx tsx tests/bench/anchoring.ts
 */
import search from 'approx-string-match';
import { anchor, describe, type TextSelector } from '../../shared/anchoring/index';
import {
  applyEdits,
  article,
  judge,
  makeRng,
  mustPlace,
  randInt,
  randomEdit,
  splitsPair,
  truth,
  type Edit,
  type Edited,
  type Rng,
} from '../fixtures/anchoring-corpus';

interface Span {
  start: number;
  end: number;
}

const TEXT_LENGTH = 300_000;
const HIGHLIGHTS = 1000;
const EDITED_SHARE = 0.2;
const RUNS = 5;

/** Highlight lengths like a reader's: a few words, a clause, sometimes a long sentence. */
function highlightLength(rng: Rng): number {
  const r = rng();
  if (r < 0.1) return randInt(rng, 1, 4);
  if (r < 0.7) return randInt(rng, 5, 40);
  return randInt(rng, 41, 160);
}

function randomHighlights(rng: Rng, text: string, count: number): Span[] {
  const spans: Span[] = [];
  while (spans.length < count) {
    let start = randInt(rng, 0, text.length - 2);
    if (splitsPair(text, start)) start--;
    const end = Math.min(text.length, start + highlightLength(rng));
    if (/\s/.test(text[start] ?? ' ') || /\s/.test(text[end - 1] ?? ' ')) continue;
    spans.push({ start, end });
  }
  return spans;
}

/** Edits 20% of paragraphs: one in ten of those is deleted, the rest get 1–3 local edits. */
function editParagraphs(rng: Rng, paragraphs: readonly string[], text: string): Edited {
  const edits: Edit[] = [];
  let at = 0;
  for (const p of paragraphs) {
    const from = at;
    at += p.length + 1;
    if (rng() >= EDITED_SHARE) continue;
    if (rng() < 0.1) {
      edits.push({ at: from, del: Math.min(p.length + 1, text.length - from), ins: '' });
      continue;
    }
    const n = randInt(rng, 1, 3);
    const step = Math.floor(p.length / n);
    for (let i = 0; i < n; i++) edits.push(randomEdit(rng, text, from + i * step, from + (i + 1) * step, 12));
  }
  return applyEdits(text, edits);
}

/** Hypothesis's match-quote.js, as the client uses it with approx-string-match. */
function hypothesisSearch(text: string, str: string, maxErrors: number) {
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const best = hypothesisSearch(text, str, str.length)[0];
  return best ? 1 - best.errors / str.length : 0;
}

function hypothesisMatchQuote(text: string, s: TextSelector): Span | null {
  const matches = hypothesisSearch(text, s.exact, Math.min(256, s.exact.length / 2));
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / s.exact.length;
    const prefixScore = s.prefix ? textMatchScore(text.slice(Math.max(0, m.start - s.prefix.length), m.start), s.prefix) : 1;
    const suffixScore = s.suffix ? textMatchScore(text.slice(m.end, m.end + s.suffix.length), s.suffix) : 1;
    const posScore = 1 - Math.abs(m.start - s.start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}

/** The client first trusts the position if the quote is there, then searches for the quote. */
function hypothesisAnchor(text: string, s: TextSelector): Span | null {
  if (text.slice(s.start, s.end) === s.exact) return { start: s.start, end: s.end };
  return hypothesisMatchQuote(text, s);
}

type Anchorer = (text: string, s: TextSelector) => Span | null;

function runOnce(old: string, text: string, spans: readonly Span[], fn: Anchorer): { ms: number; results: (Span | null)[] } {
  const t0 = performance.now();
  const results = spans.map((h) => fn(text, describe(old, h.start, h.end)));
  return { ms: performance.now() - t0, results };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Timed median of `runs`; each run anchors against a fresh text (one more trailing space,
 * which moves no passage) so per-text caches are rebuilt inside the timing, as on first open.
 */
function timed(old: string, text: string, spans: readonly Span[], fn: Anchorer, runs: number) {
  const times: number[] = [];
  let results: (Span | null)[] = [];
  for (let r = 0; r < runs; r++) {
    const run = runOnce(old, text + ' '.repeat(r), spans, fn);
    times.push(run.ms);
    results = run.results;
  }
  return { ms: median(times), results };
}

function score(edited: Edited, spans: readonly Span[], results: readonly (Span | null)[]) {
  let must = 0;
  let right = 0;
  let wrong = 0;
  spans.forEach((h, i) => {
    const t = truth(edited, h.start, h.end);
    const verdict = judge(t, h.end - h.start, results[i] ?? null);
    if (verdict === 'wrong') wrong++;
    if (mustPlace(t, h.end - h.start)) {
      must++;
      if (verdict === 'right') right++;
    }
  });
  return { rightPct: (100 * right) / Math.max(1, must), wrong };
}

export async function benchAnchoring(): Promise<Record<string, number>> {
  const rng = makeRng(20240601);
  const paragraphs = article(rng, TEXT_LENGTH);
  const text = paragraphs.join('\n');
  const spans = randomHighlights(rng, text, HIGHLIGHTS).map((h) => {
    const s = describe(text, h.start, h.end);
    return { start: s.start, end: s.end };
  });
  const edited = editParagraphs(rng, paragraphs, text);
  const ours: Anchorer = anchor;

  const unchanged = timed(text, text, spans, ours, RUNS);
  const changed = timed(text, edited.text, spans, ours, RUNS);
  const baseline = timed(text, edited.text, spans, hypothesisAnchor, 3);
  const ourScore = score(edited, spans, changed.results);
  const baseScore = score(edited, spans, baseline.results);
  return {
    anchor_text_units: text.length,
    anchor_unchanged_ms: round(unchanged.ms),
    anchor_edited_ms: round(changed.ms),
    anchor_baseline_edited_ms: round(baseline.ms),
    anchor_baseline_ratio: round(baseline.ms / changed.ms),
    anchor_right_pct: round(ourScore.rightPct),
    anchor_wrong: ourScore.wrong,
    anchor_baseline_right_pct: round(baseScore.rightPct),
    anchor_baseline_wrong: baseScore.wrong,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1]?.endsWith('anchoring.ts')) {
  const results = await benchAnchoring();
  for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
}
