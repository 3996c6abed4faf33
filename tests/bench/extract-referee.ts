/**
 * The referee gate on English pages (issue 16, build item 3): Readability is asked only below the
 * confidence threshold. Per set (Readability's labelled dev pages and their held-out third, our
 * own English pages, the outside tester's fresh pages when present): the share of pages refereed,
 * body token F1 with the gate against always asking and against our own pass alone, and English
 * pages per CPU-second with the gate and with always asking (same pages, same run).
 * Run standalone: npx tsx tests/bench/extract-referee.ts [--verbose]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle, type RefereeMode } from '../../main/services/extract/extract';
import { FRESH_EN_DIR, loadFreshEn } from '../fixtures/extract-en-fresh/load';
import { FRESH2_EN_DIR, FRESH3_EN_DIR, FRESH4_EN_DIR } from './extract-en-fresh';
import { CORPORA_DIR, englishPages, isHoldout, readabilityPages, tokenF1 } from './extract-corpus';

interface Page {
  name: string;
  html: string;
  url: string;
  text: string;
}

function sets(): [string, Page[]][] {
  const out: [string, Page[]][] = [];
  if (existsSync(path.join(CORPORA_DIR, 'readability-test-pages'))) {
    const dev = readabilityPages();
    out.push(['dev', dev], ['holdout', dev.filter((p) => isHoldout(p.name))]);
  } else {
    process.stdout.write(`# extract referee: corpora not found at ${CORPORA_DIR}; dev pages skipped\n`);
  }
  out.push(['own', englishPages()]);
  // The outside tester's sets, when present.
  for (const [name, dir] of [
    ['fresh', FRESH_EN_DIR],
    ['fresh2', FRESH2_EN_DIR],
    ['fresh3', FRESH3_EN_DIR],
    ['fresh4', FRESH4_EN_DIR],
  ] as const) {
    const pages = existsSync(dir) ? loadFreshEn(dir) : [];
    if (pages.length) out.push([name, pages]);
  }
  return out;
}

function run(p: Page, referee: RefereeMode): { text: string; refereed: boolean } {
  try {
    const a = extractArticle(p.html, p.url, { referee });
    return { text: a.text, refereed: a.refereed };
  } catch {
    return { text: '', refereed: false };
  }
}

function cpuSeconds(pages: Page[], referee: RefereeMode): number {
  const c0 = process.cpuUsage();
  for (const p of pages) run(p, referee);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

export function benchReferee(verbose = false): Record<string, number> {
  const out: Record<string, number> = {};
  const all = sets();
  const english = new Map<string, Page>();
  for (const [name, pages] of all) {
    if (name === 'holdout') continue; // a subset of dev
    for (const p of pages) english.set(`${name}/${p.name}`, p);
  }
  let refereed = 0;
  for (const [name, pages] of all) {
    let asked = 0;
    const f1 = { auto: 0, always: 0, never: 0 };
    for (const p of pages) {
      const gated = run(p, 'auto');
      const scores = {
        auto: tokenF1(p.text, gated.text).f1,
        always: tokenF1(p.text, run(p, 'always').text).f1,
        never: tokenF1(p.text, run(p, 'never').text).f1,
      };
      if (gated.refereed) asked++;
      for (const k of ['auto', 'always', 'never'] as const) f1[k] += scores[k];
      if (verbose && (gated.refereed || Math.abs(scores.auto - scores.always) > 0.001))
        process.stdout.write(
          `# referee ${name} ${p.name}: asked=${gated.refereed} gate=${r3(scores.auto)} always=${r3(scores.always)} own=${r3(scores.never)}\n`,
        );
    }
    if (name !== 'holdout') refereed += asked;
    const n = Math.max(1, pages.length);
    out[`extract_en_refereed_pct_${name}`] = pct(asked, pages.length);
    out[`extract_f1_${name}_gate`] = r3(f1.auto / n);
    out[`extract_f1_${name}_always_refereed`] = r3(f1.always / n);
    out[`extract_f1_${name}_own_pass`] = r3(f1.never / n);
  }
  out.extract_en_refereed_pct = pct(refereed, english.size);
  // One warm pass first (JIT), then each mode over the same pages: CPU seconds, one core.
  const pages = [...english.values()];
  cpuSeconds(pages, 'auto');
  const gate = cpuSeconds(pages, 'auto');
  const always = cpuSeconds(pages, 'always');
  out.extract_en_pages = pages.length;
  out.extract_en_pages_per_cpu_s = Math.round((pages.length / gate) * 10) / 10;
  out.extract_en_pages_per_cpu_s_always_refereed = Math.round((pages.length / always) * 10) / 10;
  out.extract_en_gate_speedup = Math.round((always / gate) * 100) / 100;
  out.extract_en_load1 = Math.round(loadavg()[0]! * 10) / 10;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(benchReferee(process.argv.includes('--verbose')))) process.stdout.write(`${k}: ${v}\n`);
}
