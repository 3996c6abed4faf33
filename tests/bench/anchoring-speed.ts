/**
 * The 113k/200 re-anchoring time alone (the default bench's anchor_113k_200_cpu_ms and its warm
 * figure), for comparing two trees in the same minute and for profiling:
 *   npx tsx tests/bench/anchoring-speed.ts [--seeds 90001-90030] [--warm 5] [--against <tree>]
 * prints the median CPU ms of the first anchorAll() on each fresh article (as the default bench
 * measures it) and of warmed-up calls on the first seed (a fresh text each time). With --against,
 * the other tree's shared/anchoring is loaded into the same process and every call is made on both,
 * alternating which goes first, on the same texts: both medians, and any placement that differs.
 * --worst adds the default bench's worst revision for time (surroundRewritten) on the first seed.
 * LATER (speed24, 2026-12-07 ~14:40–15:20 UTC, load 25–40, old = main fe7a04c in the same process):
 * where the time went (profiles of this bench and of the long articles of outside14/15, seen
 * seeds): per-passage first placements (anchorIn: exact and approximate search) about half; the
 * whole text normalised again for each document of the batch (its form, its mark-free form, its
 * literal-marker form, again by documentFor for the final check, again for the paragraph prints of
 * each form) and a trigram index per document, ~20%; on articles with a mostly-marker passage (第N条
 * alone) the second, literal-marker run of the batch, ~30–40%. Made cheaper, no placement moved:
 * one document per form per anchorAll (index.ts batchDocuments), the paragraph prints of a text
 * made once for all its forms (paragraphs.ts textPrints), and the second run skipping the checks
 * of one placement alone for the passages whose placements it does not give (anchorBatch `wanted`).
 * This bench twice: anchor_113k_200_cpu_ms 117.7 → 98.0 and 114.7 → 98.8 (warm 80.3 → 81.7,
 * 84.3 → 77.2), 0 placements differing. The 360 long-article calls of outside15 1–80 and outside14
 * 1–120 (every fifth seed, all kinds) replayed old and new alternately: CPU median 85.6 → 73.8 ms,
 * max 677.7 → 541.5 (the first calls: JIT warm-up), sum −17%, 0 differing. Left: the second run still places every passage (its
 * steps judge a passage by its placed neighbours, runs of them can chain across the text). * LATER (speed25a, 2026-12-07 ~17:05–18:45 UTC, load 25–37 on 2 cores, old = main 86a8d8f in the
 * same process): where the time went (profiles of this bench and of 40 long calls of outside15,
 * seen seeds): the first look per passage (anchorIn: exact candidates and their scores, approximate
 * search, the query's forms) about half; the bit-parallel search's Map lookup once per text column
 * (every context distance, every approximate search) ~10%; indexOf scans of the whole text repeated
 * per passage ~8–10% (a one- or two-unit quote has no trigram, so occurrencesIn and exactStarts
 * scanned; nearerCopy, farCopy, the mark-free look, lines.ts, linked.ts scanned always); the copies
 * pass (confirmedCopies, doubt) ~10%; whole-text forms and indexes ~10%; GC the rest. Made cheaper,
 * no placement moved: short words through a per-document unit index (trigrams.ts buildUnitIndex,
 * doc.ts occurrencesIn), those scans through occurrencesIn (the same occurrences, in order, to the
 * same count), myers.ts patterns as an open-addressing table of typed arrays, query.ts reverse() as
 * one flat string (a pattern cache key). This bench --against old, seeds 90001–90010, twice:
 * anchor_113k_200_cpu_ms 169.9 → 152.4 and 204.5 → 162.6 (the machine at load ~35: wall 2–3 s per
 * call), 0 placements differing. 264 long-article calls (outside15 30–120, outside14 30–160 every
 * tenth seed, outside16 30–50 part, all kinds) replayed old and new alternately: CPU median 95.0 →
 * 83.6 ms, max 290.3 → 271.3, sum −5.6%, 0 differing (outside16 60–80: 36 calls, median 150.9 →
 * 135.5, max 426.6 → 430.6 at load 38); 1260 calls of outside14/15/16/6/8 and independent seeds
 * 1–20 and the default bench's 484 anchorAll calls (sum −9%): 0 differing. Left: the profile is flat now (no step over ~10%); the rest is
 * per-passage evidence (exact candidates scored with both contexts, approximate refinement) and the
 * copies pass, each a few ms; storedForms (each selector's forms) is paid again on a cold call.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { anchorAll, describe, type Anchor, type TextSelector } from '../../shared/anchoring/index';
import { scenario } from '../fixtures/anchoring-corpus';
import { surroundRewritten } from './anchoring';

type AnchorAll = (text: string, selectors: readonly TextSelector[]) => (Anchor | null)[];

function cpuMs(from?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[s.length >> 1] as number) : NaN;
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const [lo, hi] = arg('--seeds', '90001-90030').split('-').map(Number) as [number, number | undefined];
const warmRuns = Number(arg('--warm', '5'));
const against = arg('--against', '');
const runners: { name: string; run: AnchorAll; first: number[]; walls: number[]; warm: number[] }[] = [
  { name: 'this', run: anchorAll, first: [], walls: [], warm: [] },
];
if (against) {
  const other = (await import(pathToFileURL(path.resolve(against, 'shared/anchoring/index.ts')).href)) as { anchorAll: AnchorAll };
  runners.push({ name: 'against', run: other.anchorAll, first: [], walls: [], warm: [] });
}
const digest = (r: (Anchor | null)[]) => r.map((a) => (a ? `${a.start}-${a.end}` : 'x')).join(',');
let differing = 0;
let warmCase: { text: string; selectors: TextSelector[] } | null = null;
for (let seed = lo; seed <= (hi ?? lo); seed++) {
  const sc = scenario(seed, 'mixed', 113_000, 200);
  const selectors = sc.spans.map((h) => describe(sc.old, h.start, h.end));
  warmCase ??= { text: sc.edited.text, selectors };
  const order = seed % 2 === 0 ? runners : [...runners].reverse();
  const placed: string[] = [];
  for (const r of order) {
    // A fresh copy of the text per tree: neither finds the other's cached forms.
    const text = (sc.edited.text + ' ').slice(0, -1);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    placed.push(digest(r.run(text, selectors)));
    r.walls.push(performance.now() - t0);
    r.first.push(cpuMs(c0));
  }
  if (placed.some((p) => p !== placed[0])) {
    differing++;
    console.log(`seed ${seed}: placements differ`);
  }
}
if (warmCase) {
  for (let k = 0; k < 3 + warmRuns; k++) {
    for (const r of k % 2 === 0 ? runners : [...runners].reverse()) {
      const text = warmCase.text + ' '.repeat(k);
      const c0 = process.cpuUsage();
      r.run(text, warmCase.selectors);
      if (k >= 3) r.warm.push(cpuMs(c0));
    }
  }
}
const worst = new Map<string, number[]>();
if (process.argv.includes('--worst')) {
  const c = surroundRewritten(lo);
  for (let k = 0; k < 2 + warmRuns; k++) {
    const placed: string[] = [];
    for (const r of k % 2 === 0 ? runners : [...runners].reverse()) {
      const text = c.text + ' '.repeat(k);
      const c0 = process.cpuUsage();
      placed.push(digest(r.run(text, c.selectors)));
      if (k >= 2) worst.set(r.name, [...(worst.get(r.name) ?? []), cpuMs(c0)]);
    }
    if (placed.some((p) => p !== placed[0])) {
      differing++;
      console.log('worst case: placements differ');
    }
  }
}
for (const r of runners) {
  const tag = against ? `${r.name} ` : '';
  console.log(`${tag}anchor_113k_200_ms: ${median(r.walls).toFixed(1)}`);
  console.log(`${tag}anchor_113k_200_cpu_ms: ${median(r.first).toFixed(1)}`);
  console.log(`${tag}anchor_113k_200_warm_cpu_ms: ${median(r.warm).toFixed(1)}`);
  if (worst.size) console.log(`${tag}anchor_long_worst_ms: ${median(worst.get(r.name) ?? []).toFixed(1)}`);
}
if (against) console.log(`articles with a placement differing: ${differing}`);
