/**
 * Shared by crash-gaps.spec.ts and hostile-doors.spec.ts: packets built in Node with the
 * packet format code (hashes right, text derived from the HTML exactly as import checks it),
 * a real browser on a profile folder whose process group can be killed and reopened, a stall hook that freezes a
 * Dexie transaction after its n-th write so the kill lands inside it, the execution / network
 * traps, and whole-library invariants read straight from IndexedDB.
 */
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { Page } from '@playwright/test';
import { describe as describeSelector } from '../../shared/anchoring';
import type { ArticlePayload } from '../../shared/domain/article';
import { encodePacket, encodeReturn } from '../../shared/packet/packet';
import type { LeaderHighlight, PacketDraft, ReturnDraft } from '../../shared/packet/schema';
import type { Signer } from '../../shared/packet/signature';
import { makePng } from '../../main/services/packets/png';
import { nodeSha256, resanitise } from '../../main/services/packets/reader';
import { expect, type Host } from './fixtures';
import { killBrowser, startRealBrowser, type RealBrowser } from './processes';

export const sha = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/** An Ed25519 key from a fixed seed (PKCS#8 prefix + 32 bytes): the same 发放单位 key in every run. */
function seededKey(seed: number): KeyObject {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, seed)]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function testSigner(seed = 7): Signer & { fingerprint: string } {
  const key = seededKey(seed);
  const publicKey = new Uint8Array(Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url'));
  return { publicKey, fingerprint: sha(publicKey), sign: (m) => new Uint8Array(sign(null, m, key)) };
}

/** What packets and returns built here are signed with (`signer: null` writes an unsigned file). */
const DEFAULT_SIGNER = testSigner();

export interface PacketSpec {
  id: string;
  sessionId: string;
  title: string;
  issuer?: string;
  topic?: string;
  place?: string;
  questions?: string[];
  articles: { id: string; title: string; html: string; origin?: string }[];
  /** Images referenced as media/<name> by the articles. */
  images?: Map<string, Uint8Array>;
  comment?: (i: number) => string | null;
  tags?: string[];
  /** Excerpt ids, one per article (default `lh_<packet id>_<index>`). */
  excerptIds?: string[];
  /** Defaults to the fixed test key; null for an unsigned file. */
  signer?: Signer | null;
  version?: number;
}

/** A packet whose every part is what import expects (text = the sanitised HTML's text). */
export function buildPacket(spec: PacketSpec): Buffer {
  const media = new Set((spec.images ?? new Map()).keys());
  const now = '2025-06-01T08:00:00.000Z';
  const articles: ArticlePayload[] = spec.articles.map((a) => {
    const clean = resanitise(a.html, media);
    return {
      id: a.id,
      urlKey: `packet:${spec.id}:${a.id}`,
      url: null,
      title: a.title,
      publishedAt: '2025-05-20',
      origin: a.origin ?? '资料包',
      author: null,
      editor: null,
      column: null,
      sourceId: 'packet',
      sourceName: '学习资料包',
      html: a.html,
      text: clean.text,
      contentHash: sha(clean.text),
    };
  });
  const highlights: LeaderHighlight[] = articles.map((a, i) => {
    const end = Math.min(a.text.length, 12);
    const s = describeSelector(a.text, 0, end);
    return {
      id: spec.excerptIds?.[i] ?? `lh_${spec.id}_${i}`,
      articleId: a.id,
      color: 'orange',
      style: 'fill',
      selector: { exact: s.exact, prefix: s.prefix, suffix: s.suffix, start: s.start, end: s.end },
      comment: spec.comment ? spec.comment(i) : null,
      tags: spec.tags ?? ['重点摘编'],
      createdAt: now,
      updatedAt: now,
    };
  });
  const draft: PacketDraft = {
    meta: { id: spec.id, version: spec.version ?? 1, issuer: spec.issuer ?? '党委办公室', issuedAt: now, title: spec.title },
    session: {
      id: spec.sessionId,
      topic: spec.topic ?? spec.title,
      date: '2025-06-10',
      place: spec.place ?? '会议室',
      host: '书记',
      speakers: [],
      readings: articles.map((a) => a.id),
      questions: spec.questions ?? [],
      status: 'planned',
    },
    articles,
    highlights,
  };
  const signer = spec.signer === undefined ? DEFAULT_SIGNER : spec.signer;
  return Buffer.from(encodePacket(draft, spec.images ?? new Map(), nodeSha256, signer));
}

export function buildReturn(draft: ReturnDraft, signer: Signer | null = DEFAULT_SIGNER): Buffer {
  return Buffer.from(encodeReturn(draft, nodeSha256, signer));
}

/** A distinct small PNG per seed, named as the media folder names it. */
export function pngImage(seed: number): { name: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(makePng(8, 6, (x, y) => [(seed * 37) % 256, (x * 20 + seed) % 256, (y * 30 + (seed >> 8)) % 256]));
  return { name: `${nodeSha256(bytes)}.png`, bytes };
}

/**
 * A real Chromium on a profile folder, in its own process group so `killBrowser()` can SIGKILL
 * all of it (a crash, not a polite close), with the stall hook installed and the app open.
 */
export async function openProfile(dir: string, host: Host): Promise<RealBrowser> {
  const browser = await startRealBrowser(dir);
  try {
    await installStallHook(browser.page);
    await browser.page.goto(host.url);
    // A fresh profile imports the sample library first; a loaded machine may take its time.
    await expect(browser.page.getByTestId('article-row').first()).toBeVisible({ timeout: 60_000 });
  } catch (error) {
    // Say what the page showed instead (a dialog, an error, an empty library), then fail.
    const shown = await browser.page
      .locator('body')
      .innerText()
      .catch((e: unknown) => `(unreadable: ${String(e)})`);
    const tabs = browser.browser.contexts().flatMap((c) => c.pages().map((p) => p.url()));
    // The caller never gets this browser: end it here, or it outlives the test.
    await killBrowser(browser);
    throw new Error(`the library did not appear on ${browser.page.url()} (tabs: ${tabs.join(', ')}):\n${shown.slice(0, 2000)}`, {
      cause: error,
    });
  }
  return browser;
}

/**
 * Arms a stall: the `at`-th add/put into `store` inside a read-write transaction succeeds, then
 * the transaction is kept busy forever (it can never commit) and `window.__stalled` is set.
 * The test then kills the browser: the transaction dies with writes issued but not committed.
 */
export async function installStallHook(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __stall: { store: string; at: number; seen: number } | null; __stalled: boolean };
    w.__stall = null;
    w.__stalled = false;
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        const req = original.apply(this, args);
        const arm = w.__stall;
        if (arm && this.name === arm.store && this.transaction.mode === 'readwrite' && ++arm.seen === arm.at) {
          w.__stall = null;
          const store: IDBObjectStore = req.source as IDBObjectStore;
          req.addEventListener('success', () => {
            const spin = () => {
              store.count().onsuccess = spin;
            };
            spin();
            w.__stalled = true;
          });
        }
        return req;
      } as (typeof IDBObjectStore.prototype)[typeof method];
    }
  });
}

export async function armStall(page: Page, store: string, at: number): Promise<void> {
  await page.evaluate(({ store, at }) => ((window as unknown as { __stall: unknown }).__stall = { store, at, seen: 0 }), { store, at });
}

export interface LibraryState {
  articles: number;
  bodies: number;
  ids: string[];
  sourceIds: Record<string, number>;
  highlights: { id: string; articleId: string; layer: string }[];
  sessions: string[];
  packets: string[];
  /** Articles with neither a search document nor a pending rebuild that will reach them. */
  unindexed: string[];
  searchComplete: boolean | null;
  searchTables: boolean;
}

/**
 * Reads the library straight from IndexedDB and fails on a half article: every article row
 * has its body and every body its article.
 */
export async function libraryState(page: Page): Promise<LibraryState> {
  const state = await page.evaluate(
    () =>
      new Promise<LibraryState & { orphanBodies: string[]; headless: string[] }>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const search = names.includes('searchDocs');
          const stores = ['articles', 'bodies', 'highlights', 'sessions', 'packets', 'settings', ...(search ? ['searchDocs'] : [])];
          const tx = db.transaction(stores, 'readonly');
          const a = tx.objectStore('articles').getAll();
          const b = tx.objectStore('bodies').getAll();
          const h = tx.objectStore('highlights').getAll();
          const s = tx.objectStore('sessions').getAllKeys();
          const p = tx.objectStore('packets').getAllKeys();
          const meta = tx.objectStore('settings').get('searchIndex');
          const cp = tx.objectStore('settings').get('searchRebuild');
          const docs = search ? tx.objectStore('searchDocs').getAll() : null;
          tx.oncomplete = () => {
            const rows = a.result as { id: string; sourceId: string }[];
            const bodies = b.result as { articleId: string; html: string; text: string }[];
            const bodyIds = new Set(bodies.map((x) => x.articleId));
            const rowIds = new Set(rows.map((r) => r.id));
            const headless = rows.filter((r) => !bodyIds.has(r.id)).map((r) => r.id);
            const orphanBodies = bodies.filter((x) => !rowIds.has(x.articleId) || typeof x.html !== 'string').map((x) => x.articleId);
            const sourceIds: Record<string, number> = {};
            for (const r of rows) sourceIds[r.sourceId] = (sourceIds[r.sourceId] ?? 0) + 1;
            const keys = new Set(((docs?.result ?? []) as { key: string }[]).map((d) => d.key));
            const m = meta.result as { value?: { complete?: boolean } } | undefined;
            const complete = m?.value?.complete ?? null;
            const after = (cp.result as { value?: { phase?: string; after?: string | null } } | undefined)?.value;
            // Pending re-index: the rebuild is not complete and has not yet passed this id.
            const pending = (id: string) =>
              complete === false && (!after || after.phase === 'small' || after.after === null || id > (after.after ?? ''));
            const unindexed = search ? rows.map((r) => r.id).filter((id) => !keys.has(`a:${id}`) && !pending(id)) : [];
            db.close();
            resolve({
              articles: rows.length,
              bodies: bodies.length,
              ids: rows.map((r) => r.id),
              sourceIds,
              highlights: (h.result as { id: string; articleId: string; layer: string }[]).map((x) => ({
                id: x.id,
                articleId: x.articleId,
                layer: x.layer,
              })),
              sessions: s.result as string[],
              packets: p.result as string[],
              unindexed,
              searchComplete: complete,
              searchTables: search,
              orphanBodies,
              headless,
            });
          };
        };
      }),
  );
  expect(state.headless, 'articles without a body').toEqual([]);
  expect(state.orphanBodies, 'bodies without an article').toEqual([]);
  const { orphanBodies, headless, ...rest } = state;
  void orphanBodies;
  void headless;
  return rest;
}

/**
 * Waits until every image in the page has finished loading or failing, so an `onerror` or
 * `onload` that survived sanitising has had its chance to fire before the traps are read.
 */
export async function imagesSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.readyState === 'complete' && [...document.images].every((img) => img.complete)))
    .toBe(true);
}

/** Execution, dialog, pop-up, CSP and network traps on a page (safety.spec.ts and the door tests). */
export async function trap(page: Page, origin: string) {
  const seen = { dialogs: [] as string[], foreign: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.foreign.push(u);
  });
  page.on('popup', (p) => seen.foreign.push(`popup:${p.url()}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __hits: string[]; __csp: string[] };
    w.__hits = [];
    w.__csp = [];
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => undefined,
      set: (v: unknown) => w.__hits.push(String(v)),
    });
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    seen,
    check: async (where = 'page') => {
      const { hits, csp } = await page.evaluate(() => {
        const w = window as unknown as { __hits: string[]; __csp: string[] };
        return { hits: w.__hits, csp: w.__csp };
      });
      expect(hits, `executed in ${where}`).toEqual([]);
      // Inline handler/style reports come from inert parses (see safety.spec.ts); any blocked URL fails.
      if (csp.length) process.stdout.write(`csp_inline_reports: ${csp.length}\n`);
      expect(
        csp.filter(
          (c) =>
            !/^(?:(?:script-src-attr|style-src-attr|style-src-elem|script-src-elem) inline|base-uri http:\/\/attacker\.example\/(?:base|probe)\/)$/.test(
              c,
            ),
        ),
        `CSP-blocked URL in ${where}`,
      ).toEqual([]);
      expect(seen.dialogs, `dialog in ${where}`).toEqual([]);
      expect(seen.foreign, `foreign request in ${where}`).toEqual([]);
    },
  };
}
