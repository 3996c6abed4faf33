/**
 * Attachments in a sync (issue 19: 20 attachments may add at most 20% to a sync's time). One
 * column of 1,000 articles (the `sync` bench's size) on a real HTTP server on 127.0.0.1, synced by the real runner and
 * client with no politeness delay (the strictest case: with a delay each attachment costs only
 * one more spaced request), once as plain articles and once with 20 of them carrying a
 * three-page text PDF (`附件：` links; each PDF's text is its own, since the library keeps one
 * copy of identical documents).
 * The server answers every request after the same latency in both runs: LATENCY_MS (a quick
 * intranet CMS; `attachments_overhead_pct`), and none at all (everything CPU-bound, the server in
 * this same process; `attachments_overhead_no_latency_pct`). For each, the two runs alternate
 * ROUNDS times (the order swapped every round, so a load that drifts hits both alike) and the
 * medians are compared in the same process. Wall time on a shared machine moves with its load,
 * so CPU time is reported beside it: the process's (every thread: the runner, the server, the
 * documents thread) and the part not on the main thread (the documents thread, mostly), read
 * from /proc on Linux. `load_avg_1m` is the machine's load when the suite ended.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HttpClient } from '../../main/services/sync/http-client';
import { NetPolicy } from '../../main/services/sync/net-policy';
import { cidFontPdf } from '../fixtures/cid-pdf';
import { runSync } from '../unit/helpers/sync-run';

const ARTICLES = 1000;
const WITH_ATTACHMENT = 20;
const PER_PAGE = 20;
/** Server think time per response, ms, the same for both runs. */
const LATENCY_MS = 10;
/** Alternating pairs of runs per latency. */
const ROUNDS = 5;

/** CPU seconds of the calling thread (Linux /proc/thread-self), or null elsewhere. */
function threadCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (USER_HZ = 100).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const processCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const PARAGRAPH =
  '学习贯彻党的创新理论，要坚持读原著、学原文、悟原理，把学习成果转化为推动工作的实际成效。各单位要结合实际，认真组织集体学习和专题研讨，做好学习记录。';

/** A three-page PDF of its own text (the library keeps one copy of identical documents). */
const attachmentPdf = (n: number) =>
  cidFontPdf(
    [1, 2, 3].map((page) => Array.from({ length: 30 }, (_, line) => `附件${n}第${page}页第${line + 1}行：${PARAGRAPH.slice(0, 30)}`)),
  );

function site(attachments: boolean): (pathname: string) => { type: string; body: Buffer } | null {
  const html = (title: string, body: string) =>
    Buffer.from(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div><div class="main"><h1>${title}</h1><div class="info">发布时间：2025-03-01 来源：党委办公室</div><div class="content">${body}</div></div><div class="footer">版权所有</div></body></html>`,
    );
  const pages = Math.ceil(ARTICLES / PER_PAGE);
  const listLink = (p: number) => (p === 1 ? '/col/index.html' : `/col/index_${p}.html`);
  return (pathname) => {
    const list = /^\/col\/(?:index(?:_(\d+))?\.html)?$/.exec(pathname);
    if (list) {
      const p = Number(list[1] ?? 1);
      const rows = Array.from({ length: PER_PAGE }, (_, k) => (p - 1) * PER_PAGE + k).filter((i) => i < ARTICLES);
      const items = rows.map((i) => `<li><a href="/col/art/${i}.html">第${i}篇学习材料</a><span>2025-03-01</span></li>`).join('');
      const nav = p < pages ? `<a href="${listLink(p + 1)}">下一页</a>` : '';
      return { type: 'text/html; charset=utf-8', body: html('栏目', `<ul class="list">${items}</ul><div class="pages">${nav}</div>`) };
    }
    const art = /^\/col\/art\/(\d+)\.html$/.exec(pathname);
    if (art) {
      const i = Number(art[1]);
      const attach =
        attachments && i % (ARTICLES / WITH_ATTACHMENT) === 0 ? `<p>附件：<a href="/upload/${i}.pdf">学习材料${i}.pdf</a></p>` : '';
      return {
        type: 'text/html; charset=utf-8',
        body: html(`第${i}篇学习材料`, `<p>${PARAGRAPH}（${i}）</p><p>${PARAGRAPH}</p>${attach}`),
      };
    }
    const file = /^\/upload\/(\d+)\.pdf$/.exec(pathname);
    if (file) return { type: 'application/pdf', body: attachmentPdf(Number(file[1])) };
    return null;
  };
}

interface Timed {
  seconds: number;
  cpu: number;
  /** CPU off the main thread (the documents thread), or null where /proc is missing. */
  offMain: number | null;
  documents: number;
}

async function timedSync(attachments: boolean, latencyMs: number): Promise<Timed> {
  const route = site(attachments);
  const server = createServer((req, res) => {
    const answer = () => {
      const f = route(new URL(req.url ?? '/', 'http://x').pathname);
      if (!f) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': f.type, 'content-length': f.body.length }).end(f.body);
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-attach-'));
  try {
    const started = performance.now();
    const cpu0 = processCpuSeconds();
    const main0 = threadCpuSeconds();
    const source = { id: 'bench', kind: 'cms' as const, location: `${base}/col/index.html`, name: '栏目', column: null };
    const client = new HttpClient({
      delayMs: 0,
      timeoutMs: 30_000,
      backoffMs: 10,
      retries: 0,
      robots: false,
      policy: new NetPolicy({ allow: [base] }),
    });
    const run = await runSync(source, { dataDir, client, fullRescan: true, maxPages: 100 });
    const seconds = (performance.now() - started) / 1000;
    const cpu = processCpuSeconds() - cpu0;
    const main1 = threadCpuSeconds();
    const offMain = main0 === null || main1 === null ? null : Math.max(0, cpu - (main1 - main0));
    const documents = run.articles.filter((a) => a.document).length;
    if (run.articles.length < ARTICLES) throw new Error(`only ${run.articles.length} of ${ARTICLES} articles stored`);
    if (attachments && documents < WITH_ATTACHMENT) throw new Error(`only ${documents} of ${WITH_ATTACHMENT} attachments stored`);
    return { seconds, cpu, offMain, documents };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Compared {
  plain: Timed;
  withFiles: Timed;
  documents: number;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Medians of ROUNDS alternating plain / with-attachments runs at one server latency. */
async function compare(latencyMs: number): Promise<Compared> {
  const plain: Timed[] = [];
  const withFiles: Timed[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // ABBA: which kind runs first swaps every round.
    for (const attachments of i % 2 === 0 ? [false, true] : [true, false]) {
      const r = await timedSync(attachments, latencyMs);
      (attachments ? withFiles : plain).push(r);
    }
  }
  const summary = (runs: Timed[]): Timed => ({
    seconds: median(runs.map((r) => r.seconds)),
    cpu: median(runs.map((r) => r.cpu)),
    offMain: runs.some((r) => r.offMain === null) ? null : median(runs.map((r) => r.offMain!)),
    documents: Math.min(...runs.map((r) => r.documents)),
  });
  return { plain: summary(plain), withFiles: summary(withFiles), documents: summary(withFiles).documents };
}

export async function benchAttachments(): Promise<Record<string, number>> {
  await timedSync(true, 0); // warm-up: pdf.js, the documents thread and the extractor loaded once, outside the figures
  const slow = await compare(LATENCY_MS);
  const fast = await compare(0);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const pct = (a: number, b: number) => Math.round((b / a - 1) * 1000) / 10;
  const offMain = (r: Compared): Record<string, number> =>
    r.plain.offMain === null || r.withFiles.offMain === null
      ? {}
      : { off_main_thread_cpu_s: round(r.plain.offMain), with_20_attachments_off_main_thread_cpu_s: round(r.withFiles.offMain) };
  const prefixed = (prefix: string, o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));
  return {
    sync_1000_latency_ms: LATENCY_MS,
    sync_rounds: ROUNDS,
    sync_1000_s: round(slow.plain.seconds),
    sync_1000_with_20_attachments_s: round(slow.withFiles.seconds),
    sync_attachments_stored: Math.min(slow.documents, fast.documents),
    attachments_overhead_pct: pct(slow.plain.seconds, slow.withFiles.seconds),
    sync_1000_cpu_s: round(slow.plain.cpu),
    sync_1000_with_20_attachments_cpu_s: round(slow.withFiles.cpu),
    attachments_cpu_overhead_pct: pct(slow.plain.cpu, slow.withFiles.cpu),
    ...prefixed('sync_1000_', offMain(slow)),
    sync_1000_no_latency_s: round(fast.plain.seconds),
    sync_1000_with_20_attachments_no_latency_s: round(fast.withFiles.seconds),
    attachments_overhead_no_latency_pct: pct(fast.plain.seconds, fast.withFiles.seconds),
    sync_1000_no_latency_cpu_s: round(fast.plain.cpu),
    sync_1000_with_20_attachments_no_latency_cpu_s: round(fast.withFiles.cpu),
    attachments_cpu_overhead_no_latency_pct: pct(fast.plain.cpu, fast.withFiles.cpu),
    ...prefixed('sync_1000_no_latency_', offMain(fast)),
    load_avg_1m: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
