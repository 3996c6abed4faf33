/**
 * Outside English pages (tests/fixtures/extract-en-fresh): news-style pages written by someone
 * who had not read the extractor or its own English fixtures, scored by character-token F1 for
 * ours and for plain Readability in the same run.
 * Run standalone: npx tsx tests/bench/extract-en-fresh.ts [--verbose] [--fresh2|--fresh3|--fresh4|--fresh5|--fresh6|--fresh7|--fresh8|--fresh9|--fresh10|--fresh11|--fresh12|--fresh13|--fresh14|--fresh15|--fresh16|--fresh17|--fresh18|--fresh19|--fresh20|--fresh21|--fresh22|--fresh23|--fresh24|--fresh25] (--fresh2: the second set,
 * tests/fixtures/extract-en-fresh2; --fresh3: the third, tests/fixtures/extract-en-fresh3, heavy saved pages of big news sites;
 * --fresh4: the fourth, tests/fixtures/extract-en-fresh4, page types: blog, TV, match report, press release, advice, feature, notice, email;
 * --fresh5: the fifth, tests/fixtures/extract-en-fresh5, 70–115 KB pages in the shapes of eight big news-site families;
 * --fresh6: the sixth, tests/fixtures/extract-en-fresh6, 50–85 KB pages of eight more families: Chinese English-language sites, a wire, a public radio transcript, a UN-style Drupal story;
 * --fresh7: the seventh, tests/fixtures/extract-en-fresh7, 50–60 KB pages of eight more families: BBC, Guardian, Al Jazeera, Bloomberg, FT, Nikkei Asia, Straits Times and ScienceDaily shapes;
 * --fresh8: the eighth, tests/fixtures/extract-en-fresh8, 49–64 KB pages of ten more families: Atlantic, Economist, Washington Post, Wired, Ars Technica, Substack, GOV.UK, Brookings, The Conversation and Axios shapes;
 * --fresh9: the ninth, tests/fixtures/extract-en-fresh9, 42–46 KB pages of eight more families: AP News, New York Times, CSIS, Wikipedia, McClatchy and Lee/BLOX local news, Yahoo syndication and a US government press release shapes;
 * --fresh10: the tenth, tests/fixtures/extract-en-fresh10, 40–50 KB pages of eight more families: Medium, Jekyll, Nature and Science news, Newspack, Arc XP, Quartz/Kinja and a CNN article shapes;
 * --fresh11: the eleventh, tests/fixtures/extract-en-fresh11, 41–47 KB pages of eight more families: WSJ, LA Times, Business Insider, a fact check, PubMed Central, arXiv HTML, Blogger and dev.to shapes;
 * --fresh12: the twelfth, tests/fixtures/extract-en-fresh12, 43–45 KB pages of eight more families: TIME, HuffPost, Smithsonian, ProPublica, PLOS, Daily Mail, DW and CBC shapes;
 * --fresh13: the thirteenth, tests/fixtures/extract-en-fresh13, 41–44 KB pages of eight more families: Slate, Scientific American, a Webflow and a Wix blog, The Hindu, France 24, ABC News (Australia) and The Japan Times shapes;
 * --fresh14: the fourteenth, tests/fixtures/extract-en-fresh14, 40–43 KB pages of eight more families: Times of India, MSN syndication, a Sanity/Next.js startup blog, a web RSS reader, a WordPress.com blog, a Hugo Docsy blog, Semafor and Mirror (Reach) shapes;
 * --fresh15: the fifteenth, tests/fixtures/extract-en-fresh15, 40–44 KB pages of eight more families: Fox News, Sky News, Sydney Morning Herald (Nine), a beehiiv newsletter post, a LinkedIn article, a Notion published page, Quanta Magazine and a Tumblr text post shapes;
 * --fresh16: the sixteenth, tests/fixtures/extract-en-fresh16, 42–44 KB pages of eight more families: Variety (PMC), ESPN, The Independent, The Telegraph, a Discourse topic, a Read the Docs page, a Shopify store blog and a HubSpot blog shapes;
 * --fresh17: the seventeenth, tests/fixtures/extract-en-fresh17, 40–47 KB pages of eight more families: a GitHub-like README, an MDN-like reference page, a Hacker News-like Ask post, an LWN-like article, The Verge-like (Duet), a Future plc-like buying guide, a Joomla club site and a published Google-Docs-like document shapes;
 * --fresh18: the eighteenth, tests/fixtures/extract-en-fresh18, 40–43 KB pages of eight more families: a Wayback Machine-like snapshot, a blog's print view, a Dreamwidth-like journal entry, a phpBB-like forum topic, a Confluence-like wiki page, an MkDocs Material-like docs page,  a court opinion page and a podcast episode page shapes;
 * --fresh19: the nineteenth, tests/fixtures/extract-en-fresh19, 41–43 KB pages of eight more families: a Stack Exchange-like question page, a code-forge release page, a museum object page, a patent record, a course syllabus in a learning-management system, a charity annual report, a job-board posting and a translated citizen-media story shapes;
 * --fresh20: the twentieth, tests/fixtures/extract-en-fresh20, 41–44 KB pages of eight more families: a dictionary entry, a data-journalism story, a leader's speech transcript, a help-centre article, an RFC-like standards document, a manual page, a poem on a literary magazine and a letters-to-the-editor page shapes;
 * --fresh21: the twenty-first, tests/fixtures/extract-en-fresh21, 41–44 KB pages of eight more families: a fediverse thread, a parish sermon, a web-serial chapter, a conference talk page, a transit service-change notice, an open letter on a petition site, a book excerpt on a publisher's page and a weather explainer beside forecast widgets shapes;
 * --fresh22: the twenty-second, tests/fixtures/extract-en-fresh22, 41–44 KB pages of eight more families: a status-page incident with its postmortem, a food recall announcement, city council minutes, a photo essay whose captions carry the story, a historical-marker entry, a travel advisory, a real-estate listing and a bird species account shapes;
 * --fresh23: the twenty-third, tests/fixtures/extract-en-fresh23, 41–44 KB pages of eight more families: a software security advisory, a health-condition overview, a terms-of-service page, a hiking-club trail guide, a song-lyrics page, a journal retraction notice, a community event listing and a charity appeal letter shapes;
 * --fresh24: the twenty-fourth, tests/fixtures/extract-en-fresh24, 41–44 KB pages of eight more families: a Q&A site's single-answer page, a finance term explainer, a foundation's grant call, a museum exhibition page, a crowdfunding campaign, an app-store listing, a school principal's newsletter and a community how-to with numbered steps shapes;
 * --fresh25: the twenty-fifth, tests/fixtures/extract-en-fresh25, 40–43 KB pages of eight more families: a parliamentary debate record, a quarterly earnings release, a medicine's patient leaflet, a mailing-list archive message, a shop's product page, a reader's book review, a fan-wiki episode page and a rendered tutorial notebook shapes)
 * (`--verbose` lists every page: F1 ours vs Readability, precision/recall, and for ours the
 * first 200 characters missed and the first 200 extra.)
 */
import { fileURLToPath } from 'node:url';
import { FRESH_EN_DIR, loadFreshEn } from '../fixtures/extract-en-fresh/load';
import { type Extractor, ours, readability, tokenF1 } from './extract-corpus';

const norm = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** For matching lines only: letters and digits, lower case (quotes written as &quot; still match “). */
const bare = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** Characters of missed/extra text shown per page (EN_FRESH_SHOW overrides, for writing up failures). */
const SHOW = Number(process.env.EN_FRESH_SHOW) || 200;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Lines of `a` not found in `b`, joined, first `max` characters. Each found line uses up its
 * occurrence in `b`, so a pull quote that repeats a body sentence still counts as extra.
 */
export function notIn(a: string, b: string, max = 200): string {
  let hay = ` ${bare(b)} `;
  const left: string[] = [];
  for (const line of a.split('\n').map(norm)) {
    const k = bare(line);
    if (!k) continue;
    const at = hay.indexOf(` ${k} `);
    if (at < 0) left.push(line);
    else hay = hay.slice(0, at) + ' \u0000 ' + hay.slice(at + k.length + 2);
  }
  return left.join(' ¶ ').slice(0, max);
}

export interface FreshScore {
  name: string;
  f1: number;
  p: number;
  r: number;
  titleOk: boolean;
  title: string;
  missed: string;
  extra: string;
}

/** The second outside set (same format, same policy). */
export const FRESH2_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh2/', import.meta.url));
/** The third outside set (same format, same policy; 60–400 KB pages of big news sites' shapes). */
export const FRESH3_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh3/', import.meta.url));
/** The fourth outside set (same format, same policy; 40–70 KB pages of other page types). */
export const FRESH4_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh4/', import.meta.url));
/** The fifth outside set (same format, same policy; 70–115 KB pages of eight news-site families). */
export const FRESH5_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh5/', import.meta.url));
/** The sixth outside set (same format, same policy; 50–85 KB pages of eight more site families). */
export const FRESH6_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh6/', import.meta.url));
/** The seventh outside set (same format, same policy; 50–60 KB pages of eight more site families). */
export const FRESH7_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh7/', import.meta.url));
/** The eighth outside set (same format, same policy; 49–64 KB pages of ten more site families). */
export const FRESH8_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh8/', import.meta.url));

/** The ninth outside set (same format, same policy; 42–46 KB pages of eight more site families). */
export const FRESH9_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh9/', import.meta.url));
/** The tenth outside set (same format, same policy; 40–50 KB pages of eight more site families). */
export const FRESH10_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh10/', import.meta.url));
/** The eleventh outside set (same format, same policy; 41–47 KB pages of eight more families, papers and blogs among them). */
export const FRESH11_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh11/', import.meta.url));
/** The twelfth outside set (same format, same policy; 43–45 KB pages of eight more families, a research article among them). */
export const FRESH12_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh12/', import.meta.url));
/** The thirteenth outside set (same format, same policy; 41–44 KB pages of eight more families, two site-builder blogs among them). */
export const FRESH13_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh13/', import.meta.url));
/** The fourteenth outside set (same format, same policy; 40–43 KB pages of eight more families, a feed reader and a docs blog among them). */
export const FRESH14_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh14/', import.meta.url));
/** The fifteenth outside set (same format, same policy; 40–44 KB pages of eight more families, a Notion page and a newsletter post among them). */
export const FRESH15_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh15/', import.meta.url));
/** The sixteenth outside set (same format, same policy; 42–44 KB pages of eight more families, a forum topic, a docs page and two commerce/marketing blogs among them). */
export const FRESH16_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh16/', import.meta.url));
/** The seventeenth outside set (same format, same policy; 40–47 KB pages of eight more families, a code forge README, a docs reference, a link-aggregator post and a published document among them). */
export const FRESH17_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh17/', import.meta.url));
/** The eighteenth outside set (same format, same policy; 40–43 KB pages of eight more families, an archive snapshot, a print view, a forum topic, a wiki page and a court opinion among them). */
export const FRESH18_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh18/', import.meta.url));
/** The nineteenth outside set (same format, same policy; 41–43 KB pages of eight more families, a Q&A page, release notes, a patent, a syllabus and a job posting among them). */
export const FRESH19_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh19/', import.meta.url));
/** The twentieth outside set (same format, same policy; 41–44 KB pages of eight more families, a dictionary entry, a manual page, a standards document, a poem and a letters page among them). */
export const FRESH20_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh20/', import.meta.url));
/** The twenty-first outside set (same format, same policy; 41–44 KB pages of eight more families, a fediverse thread, a sermon, a web-serial chapter, a petition letter and a transit notice among them). */
export const FRESH21_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh21/', import.meta.url));
/** The twenty-second outside set (same format, same policy; 41–44 KB pages of eight more families, a status-page incident, council minutes, a photo essay, a marker entry and a real-estate listing among them). */
export const FRESH22_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh22/', import.meta.url));
/** The twenty-third outside set (same format, same policy; 41–44 KB pages of eight more families, a security advisory, a terms-of-service page, a lyrics page, a retraction notice and an appeal letter among them). */
export const FRESH23_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh23/', import.meta.url));
/** The twenty-fourth outside set (same format, same policy; 41–44 KB pages of eight more families, a Q&A answer page, a grant call, a crowdfunding campaign, an app-store listing and a how-to among them). */
export const FRESH24_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh24/', import.meta.url));
/** The twenty-fifth outside set (same format, same policy; 40–43 KB pages of eight more families, a debate record, an earnings release, a patient leaflet, a list-archive message and a rendered notebook among them). */
export const FRESH25_EN_DIR = fileURLToPath(new URL('../fixtures/extract-en-fresh25/', import.meta.url));

export function scoreFreshEn(run: Extractor, dir = FRESH_EN_DIR): FreshScore[] {
  return loadFreshEn(dir).map((pg) => {
    const got = run(pg.html, pg.url);
    return {
      name: pg.name,
      ...tokenF1(pg.text, got.text),
      titleOk: norm(got.title) === norm(pg.title),
      title: got.title,
      missed: notIn(pg.text, got.text, SHOW),
      extra: notIn(got.text, pg.text, SHOW),
    };
  });
}

/** The sets by name: 'fresh' is the first, 'fresh2'…'fresh25' the later ones. */
const FRESH_SETS = {
  fresh: FRESH_EN_DIR,
  fresh2: FRESH2_EN_DIR,
  fresh3: FRESH3_EN_DIR,
  fresh4: FRESH4_EN_DIR,
  fresh5: FRESH5_EN_DIR,
  fresh6: FRESH6_EN_DIR,
  fresh7: FRESH7_EN_DIR,
  fresh8: FRESH8_EN_DIR,
  fresh9: FRESH9_EN_DIR,
  fresh10: FRESH10_EN_DIR,
  fresh11: FRESH11_EN_DIR,
  fresh12: FRESH12_EN_DIR,
  fresh13: FRESH13_EN_DIR,
  fresh14: FRESH14_EN_DIR,
  fresh15: FRESH15_EN_DIR,
  fresh16: FRESH16_EN_DIR,
  fresh17: FRESH17_EN_DIR,
  fresh18: FRESH18_EN_DIR,
  fresh19: FRESH19_EN_DIR,
  fresh20: FRESH20_EN_DIR,
  fresh21: FRESH21_EN_DIR,
  fresh22: FRESH22_EN_DIR,
  fresh23: FRESH23_EN_DIR,
  fresh24: FRESH24_EN_DIR,
  fresh25: FRESH25_EN_DIR,
} as const;
export type FreshSet = keyof typeof FRESH_SETS;

/** `set` 'fresh2'…'fresh25' scores tests/fixtures/extract-en-fresh2…25 under `extract_*_en_fresh2*`…`…fresh25*` names. */
export function benchEnFresh(verbose = false, baseline = true, set: FreshSet = 'fresh'): Record<string, number> {
  const dir = FRESH_SETS[set];
  const o = scoreFreshEn(ours, dir);
  const b = baseline ? scoreFreshEn(readability, dir) : [];
  const mean = (rows: FreshScore[], k: 'f1' | 'p' | 'r') => r3(rows.reduce((n, x) => n + x[k], 0) / Math.max(1, rows.length));
  const out: Record<string, number> = {
    extract_en_fresh_pages: o.length,
    extract_f1_en_fresh: mean(o, 'f1'),
    extract_en_fresh_precision: mean(o, 'p'),
    extract_en_fresh_recall: mean(o, 'r'),
    extract_en_fresh_min_f1: r3(Math.min(...o.map((s) => s.f1))),
    extract_en_fresh_title_pct: Math.round((o.filter((s) => s.titleOk).length / Math.max(1, o.length)) * 1000) / 10,
  };
  if (baseline) {
    out.extract_f1_en_fresh_readability = mean(b, 'f1');
    out.extract_en_fresh_readability_precision = mean(b, 'p');
    out.extract_en_fresh_readability_recall = mean(b, 'r');
    out.extract_en_fresh_readability_min_f1 = r3(Math.min(...b.map((s) => s.f1)));
    out.extract_en_fresh_below_readability = o.filter((s, i) => s.f1 < b[i]!.f1 - 0.0005).length;
  }
  // The third set's pages are heavy (60–300 KB, like real saved pages): how fast ours is on them,
  // in CPU time (steady on a shared machine), three passes after the scoring pass warmed up.
  if (set === 'fresh3') {
    const pages = loadFreshEn(dir);
    const c0 = process.cpuUsage();
    for (let k = 0; k < 3; k++) for (const pg of pages) ours(pg.html, pg.url);
    const c = process.cpuUsage(c0);
    out.extract_en_fresh_pages_per_cpu_s = Math.round(((3 * pages.length) / ((c.user + c.system) / 1e6)) * 10) / 10;
  }
  if (set !== 'fresh') {
    for (const k of Object.keys(out)) {
      const v = out[k]!;
      delete out[k];
      out[k.replace('en_fresh', `en_${set}`)] = v;
    }
  }
  if (verbose) {
    for (let i = 0; i < o.length; i++) {
      const s = o[i]!;
      const rb = b[i];
      process.stdout.write(
        `# en-${set} ${s.name}: ours f1=${r3(s.f1)} p=${r3(s.p)} r=${r3(s.r)} title=${s.titleOk ? 'ok' : JSON.stringify(s.title)}` +
          (rb ? ` | readability f1=${r3(rb.f1)} p=${r3(rb.p)} r=${r3(rb.r)}` : '') +
          `\n#   missed: ${JSON.stringify(s.missed)}\n#   extra: ${JSON.stringify(s.extra)}\n`,
      );
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const set = (Object.keys(FRESH_SETS) as FreshSet[]).find((s) => s !== 'fresh' && process.argv.includes(`--${s}`)) ?? 'fresh';
  for (const [k, v] of Object.entries(benchEnFresh(process.argv.includes('--verbose'), !process.argv.includes('--no-baseline'), set)))
    process.stdout.write(`${k}: ${v}\n`);
}
