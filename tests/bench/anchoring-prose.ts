/**
 * Real Chinese prose for the anchoring bench: the body text of the public news pages in
 * `../shared/corpora/chinese-news-pages` (GeneralNewsExtractor's test pages, see that folder's
 * README), extracted with the app's own extractor at run time. The corpora README forbids copying
 * their text into the repository, so nothing of it is committed; without the folder the prose
 * lines are left out with a note, not faked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { prosePool } from '../fixtures/anchoring-prose';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `../shared/corpora` beside the repository (or beside the worktrees folder); YANDU_CORPORA overrides. */
export const PROSE_DIR = path.join(
  [process.env.YANDU_CORPORA, path.resolve(ROOT, '../shared/corpora'), path.resolve(ROOT, '../../shared/corpora')].find(
    (d): d is string => !!d && existsSync(d),
  ) ?? path.resolve(ROOT, '../shared/corpora'),
  'chinese-news-pages',
);

/** Paragraphs of every page (sites and files in name order, so the pool is the same each run), or null. */
export function loadProsePool(): string[] | null {
  if (!existsSync(PROSE_DIR)) return null;
  const paragraphs: string[] = [];
  for (const site of readdirSync(PROSE_DIR).sort()) {
    const dir = path.join(PROSE_DIR, site);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const file of files) {
      const html = decodeHtml(readFileSync(path.join(dir, file)));
      paragraphs.push(...extractArticle(html, `https://${site}.example/${file}`).text.split('\n'));
    }
  }
  return prosePool(paragraphs);
}
