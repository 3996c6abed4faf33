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

/** One page of the Chinese corpus as stored article text: the extractor's, paragraphs joined by '\n'. */
export interface CorpusText {
  /** `site/file` without `.html`. */
  name: string;
  text: string;
}

let corpusCache: CorpusText[] | null | undefined;

/**
 * Every page of ../shared/corpora/chinese-news-pages through the project's extractor (sites and
 * files in name order, so every run reads the same texts; a page the extractor refuses is left
 * out), or null without the corpora. Read once per process; the anchoring benches each filter it.
 */
export function corpusTexts(): CorpusText[] | null {
  if (corpusCache !== undefined) return corpusCache;
  if (!existsSync(PROSE_DIR)) return (corpusCache = null);
  const texts: CorpusText[] = [];
  for (const site of readdirSync(PROSE_DIR).sort()) {
    const dir = path.join(PROSE_DIR, site);
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    } catch {
      continue;
    }
    for (const file of files) {
      try {
        const text = extractArticle(decodeHtml(readFileSync(path.join(dir, file))), `https://${site}.example/${file}`).text;
        texts.push({ name: `${site}/${file.replace(/\.html$/, '')}`, text });
      } catch {
        // a page the extractor refuses is not a text of these benches
      }
    }
  }
  return (corpusCache = texts);
}

/** Paragraphs of every page (sites and files in name order, so the pool is the same each run), or null. */
export function loadProsePool(): string[] | null {
  const texts = corpusTexts();
  if (!texts) return null;
  return prosePool(texts.flatMap((t) => t.text.split('\n')));
}
