/**
 * Extraction on public pages we did not write (`../shared/corpora`, read in place): Readability's
 * labelled test pages and real Chinese news pages. Skips, saying why, when the corpora are absent.
 * Floors sit under the measured values (see `npm run bench -- extract`) so a regression fails.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA_DIR, benchAccuracy } from '../bench/extract-corpus';

const present = existsSync(path.join(CORPORA_DIR, 'readability-test-pages')) && existsSync(path.join(CORPORA_DIR, 'chinese-news-pages'));
if (!present) process.stdout.write(`extract-corpus.test: skipped, no corpora at ${CORPORA_DIR}\n`);

describe.skipIf(!present)('extraction on the public corpora', () => {
  it('scores the labelled pages and finds no empty Chinese page', { timeout: 400_000 }, () => {
    const m = benchAccuracy(false, false);
    expect(m.extract_dev_f1).toBeGreaterThanOrEqual(0.95);
    expect(m.extract_dev_date_pct).toBeGreaterThanOrEqual(90);
    expect(m.extract_dev_title_pct).toBeGreaterThanOrEqual(95);
    expect(m.extract_fixtures_f1).toBeGreaterThanOrEqual(0.99);
    expect(m.extract_fixtures_title_pct).toBe(100);
    expect(m.extract_fixtures_date_pct).toBe(100);
    expect(m.extract_fixtures_origin_pct).toBe(100);
    expect(m.extract_cn_empty).toBe(0);
    expect(m.extract_cn_boilerplate_pages).toBe(0);
    expect(m.extract_cn_title_pct).toBe(100);
    expect(m.extract_cn_date_found_pct).toBeGreaterThanOrEqual(95);
  });
});
