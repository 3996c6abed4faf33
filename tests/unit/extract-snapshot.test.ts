/**
 * Extraction output must not change by accident (issue 16's speed work): every fixture page's
 * output (title, date, 来源, 作者, 责任编辑, paragraphs, a hash of the text and of the whole result)
 * against a committed map keyed by the page's SHA-256. A deliberate change to extraction
 * rewrites the map: `UPDATE_EXTRACT_SNAPSHOT=1 npx vitest run tests/unit/extract-snapshot.test.ts`,
 * then review the diff of tests/fixtures/extract/outputs.snapshot.json like any other change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { loadFixtures } from '../fixtures/extract/helpers';

const SNAPSHOT = fileURLToPath(new URL('../fixtures/extract/outputs.snapshot.json', import.meta.url));
const EXTRA = ['../fixtures/documents/notice.html', '../fixtures/docx/libreoffice.html'];

interface Snap {
  name: string;
  title: string;
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  textSha256: string;
  resultSha256: string;
  paragraphs: string[];
}

const sha = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

function pages(): { name: string; bytes: Uint8Array; url: string }[] {
  const out = loadFixtures().map((f) => ({ name: f.name, bytes: f.bytes, url: f.expected.url }));
  for (const rel of EXTRA) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    out.push({
      name: rel.replace(/^.*\//, ''),
      bytes: new Uint8Array(readFileSync(file)),
      url: 'http://www.example.gov.cn/a/t20240305_1.html',
    });
  }
  return out;
}

function snap(name: string, bytes: Uint8Array, url: string): Snap {
  const a = extractArticle(decodeHtml(bytes), url);
  return {
    name,
    title: a.title,
    publishedAt: a.publishedAt,
    origin: a.origin,
    author: a.author,
    editor: a.editor,
    textSha256: sha(a.text),
    resultSha256: sha(JSON.stringify(a)),
    paragraphs: a.paragraphs,
  };
}

describe('extraction output snapshot (fixture pages)', () => {
  const now: Record<string, Snap> = {};
  for (const p of pages()) now[sha(p.bytes)] = snap(p.name, p.bytes, p.url);

  if (process.env.UPDATE_EXTRACT_SNAPSHOT) {
    it('rewrites the snapshot', () => {
      writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 1)}\n`);
      expect(existsSync(SNAPSHOT)).toBe(true);
    });
    return;
  }

  const saved = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Snap>;
  it('covers the same pages as the snapshot', () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(saved).sort());
  });
  for (const [hash, s] of Object.entries(now)) {
    it(`${s.name}: same output as the snapshot`, () => {
      expect(s).toEqual(saved[hash]);
    });
  }
});
