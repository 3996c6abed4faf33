import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importUploads } from '../../main/services/files/uploads';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64');

describe('importing picked or dropped files', () => {
  it('turns a GBK .txt and an .html into articles keyed by their bytes, and reports the rest', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yandu-uploads-'));
    const txt = iconv.encode('学习心得\n\n学而不思则罔，思而不学则殆。\n', 'gbk');
    const html =
      '<html><head><title>关于学习的通知</title></head><body><h1>关于学习的通知</h1><p>各支部要认真组织学习，做好学习记录。</p><script>alert(1)</script></body></html>';
    const result = await importUploads(
      [
        { name: '../../etc/心得.txt', dataBase64: b64(txt) },
        { name: '通知.html', dataBase64: b64(html) },
        { name: 'virus.exe', dataBase64: b64('MZ') },
        { name: '空.txt', dataBase64: '' },
        { name: '坏.docx', dataBase64: b64('not a zip') },
      ],
      dataDir,
    );
    expect(result.articles.map((a) => a.title)).toEqual(['学习心得', '关于学习的通知']);
    expect(result.articles[0]!.text).toContain('学而不思则罔');
    expect(result.articles[0]!.urlKey).toMatch(/^upload:[0-9a-f]{64}$/);
    expect(result.articles[1]!.html).not.toMatch(/script|alert/);
    expect(result.failures.map((f) => [f.name, f.code])).toEqual([
      ['virus.exe', 'E_INVALID_ARGUMENT'],
      ['空.txt', 'E_INVALID_ARGUMENT'],
      ['坏.docx', 'E_ARCHIVE_FORMAT'],
    ]);
    for (const f of result.failures) expect(f.message).not.toMatch(/yandu-upload-/);
    // Nothing was written outside the data folder's media/, and the temporary copies are gone.
    expect(readdirSync(dataDir).filter((n) => n !== 'media')).toEqual([]);
    const again = await importUploads([{ name: 'copy.txt', dataBase64: b64(txt) }], dataDir);
    expect(again.articles[0]!.urlKey).toBe(result.articles[0]!.urlKey);
  });
});
