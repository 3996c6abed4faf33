/**
 * Bounded zip reading (main/services/archive): every refusal rule on hand-built zips, and the
 * .docx bombs run in a child process whose peak memory is measured.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../main/services/archive/zip';
import { importFile } from '../../main/services/files/local-files';
import { importUploads } from '../../main/services/files/uploads';
import { ImageStore } from '../../main/services/sync/images';
import { buildZip, docxEntries, entry, paragraph, zerosCrc, zerosDeflate, type RawEntry } from './helpers/zip';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;

async function refusal(zip: Buffer, options?: Parameters<typeof readZip>[2]): Promise<{ code: string; message: string }> {
  try {
    await readZip(zip, 'x.docx', options);
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('the zip was accepted');
}

/** document.xml replaced by `mb` MiB of zeros, declared as `declared` bytes. */
function bombDocx(mb: number, declared: number): Buffer {
  const entries = docxEntries('');
  entries[2] = { name: 'word/document.xml', method: 8, data: zerosDeflate(mb), size: declared, crc: zerosCrc(Math.min(mb, 1)) };
  return buildZip(entries);
}

describe('readZip: what is checked before anything is inflated', () => {
  it('reads an honest zip, stored and deflated entries alike, with names in UTF-8 or GBK', async () => {
    // Unflagged names: "学习.txt" from Chinese Windows (GBK, which happens to be valid UTF-8 too) and from macOS (UTF-8).
    const gbk = Buffer.from([0xd1, 0xa7, 0xcf, 0xb0, 0x2e, 0x74, 0x78, 0x74]);
    const mac = Buffer.from('学习/笔记.txt', 'utf8');
    const zip = buildZip([
      entry('a/甲.xml', '<x>你好</x>'),
      entry('b.bin', 'stored', 0),
      { ...entry('', 'gbk'), name: gbk },
      { ...entry('', 'mac'), name: mac },
    ]);
    const contents = await readZip(zip, 'x.zip');
    expect([...contents.keys()]).toEqual(['a/甲.xml', 'b.bin', '学习.txt', '学习/笔记.txt']);
    expect(Buffer.from(contents.get('a/甲.xml')!).toString()).toBe('<x>你好</x>');
    expect(Buffer.from(contents.get('b.bin')!).toString()).toBe('stored');
  });

  it('refuses more entries than the limit, naming the count', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => entry(`f${i}.txt`, 'x', 0));
    expect(await refusal(buildZip(many))).toEqual({
      code: 'E_ARCHIVE_LIMIT',
      message: '「x.docx」包含的文件过多（2001 个，最多 2000 个），已拒绝导入。',
    });
    await expect(readZip(buildZip(many.slice(0, 2000)), 'x.zip')).resolves.toHaveProperty('size', 2000);
  });

  it('refuses a declared entry size, total or ratio over the limits', async () => {
    const bomb = '「x.docx」解压后过大（可能是压缩炸弹），已拒绝导入。';
    // 1 GiB of zeros in ~1 MB: over the per-entry size.
    expect(await refusal(bombDocx(1024, 1024 * MB))).toEqual({ code: 'E_ARCHIVE_LIMIT', message: bomb });
    // 50 MiB in ~50 KB: under every size limit, but a ratio only a bomb has.
    expect(await refusal(bombDocx(50, 50 * MB))).toEqual({ code: 'E_ARCHIVE_LIMIT', message: bomb });
    // Three honest 8 MiB entries against a 20 MiB total (ratio check off to isolate the total).
    const three = [0, 1, 2].map((i): RawEntry => ({ name: `z${i}`, method: 8, data: zerosDeflate(8), size: 8 * MB, crc: zerosCrc(8) }));
    const limits = { maxTotalBytes: 20 * MB, maxRatio: Infinity };
    expect((await refusal(buildZip(three), { limits })).code).toBe('E_ARCHIVE_LIMIT');
    await expect(readZip(buildZip(three.slice(0, 2)), 'x.zip', { limits })).resolves.toHaveProperty('size', 2);
  });

  it('refuses on the declared sizes alone: an entry of garbage declared as 1 GiB is a bomb, not a broken stream', async () => {
    const garbage: RawEntry = { name: 'word/document.xml', method: 8, data: Buffer.alloc(4096, 0xff), size: 1024 * MB, crc: 0 };
    expect(await refusal(buildZip([garbage]))).toMatchObject({ code: 'E_ARCHIVE_LIMIT' });
    // The same garbage declared small is inflated, and fails as a broken stream.
    expect(await refusal(buildZip([{ ...garbage, size: 10 }]))).toMatchObject({
      code: 'E_ARCHIVE_FORMAT',
      message: expect.stringMatching(/无法解压/),
    });
  });

  it('cuts off an entry whose real output passes its declared size (lying headers)', async () => {
    expect(await refusal(bombDocx(1024, 1000))).toMatchObject({ code: 'E_ARCHIVE_LIMIT' });
  });

  it('inflates only the wanted entries, but checks them all', async () => {
    const zip = buildZip([entry('a.xml', 'a'), entry('b.xml', 'b')]);
    expect([...(await readZip(zip, 'x.zip', { wanted: (n) => n === 'b.xml' })).keys()]).toEqual(['b.xml']);
    const unsafe = buildZip([entry('../a.xml', 'a'), entry('b.xml', 'b')]);
    expect((await refusal(unsafe, { wanted: (n) => n === 'b.xml' })).code).toBe('E_ARCHIVE_FORMAT');
  });

  it('refuses unsafe, duplicate and encrypted names, unknown methods, overlapping entries and disagreeing headers', async () => {
    const ok = entry('word/document.xml', '<w/>');
    const cases: [string, RawEntry[], RegExp][] = [
      ['parent path', [entry('../evil.txt', 'x')], /不安全的文件名/],
      ['nested parent path', [entry('word/../../evil.txt', 'x')], /不安全的文件名/],
      ['absolute path', [entry('/etc/passwd', 'x')], /不安全的文件名/],
      ['drive letter', [entry('C:/x.txt', 'x')], /不安全的文件名/],
      ['backslash', [entry('word\\..\\evil.txt', 'x')], /不安全的文件名/],
      ['control character', [entry('a\u0000b', 'x')], /不安全的文件名/],
      ['duplicate name', [ok, entry('Word/Document.xml', 'y')], /重名/],
      ['encrypted entry', [{ ...entry('secret.xml', 'x'), flags: 0x1 }], /加密/],
      ['bzip2 entry', [{ ...entry('a.xml', 'x'), method: 12 }], /不支持的压缩方式（12）/],
      ['overlapping entries', [ok, { ...ok, name: 'word/copy.xml', sharesWith: 0 }], /互相重叠/],
      ['local name differs', [{ ...entry('a.xml', 'x'), localName: Buffer.from('b.xml') }], /文件头与目录不一致/],
      ['local method differs', [{ ...entry('a.xml', 'x', 0), localMethod: 8 }], /文件头与目录不一致/],
      ['wrong CRC', [{ ...entry('a.xml', 'x'), crc: 1 }], /校验值不符/],
      ['shorter than declared', [{ ...entry('a.xml', 'abc'), size: 4 }], /长度或校验值不符/],
      ['not a zip', [], /不是有效的 ZIP 文件/],
    ];
    for (const [what, entries, message] of cases) {
      const zip = what === 'not a zip' ? Buffer.from('not a zip at all') : buildZip(entries);
      const got = await refusal(zip);
      expect(got.message, what).toMatch(message);
      expect(got.message, what).toContain('「x.docx」');
      expect(got.code, what).toBe('E_ARCHIVE_FORMAT');
    }
  });
});

describe('.docx import through the bounded reader', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-archive-'));
  });

  it('imports a .docx written by LibreOffice (tests/fixtures/docx, from libreoffice.html), its picture included', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'yandu-archive-data-'));
    const a = await importFile(path.join(root, 'tests/fixtures/docx/libreoffice.docx'), { images: new ImageStore({ dataDir }) });
    expect(a.title).toBe('学习贯彻党的创新理论心得');
    expect(a.author).toBe('第一党支部');
    expect(a.publishedAt).toBe('2024-03-05');
    expect(a.text).toContain('把学习成果转化为推动工作的实际行动');
    expect(a.html).toMatch(/<img [^>]*src="media\/[0-9a-f]{64}\.png"/);
    expect(a.imageFailures).toEqual([]);
  });

  it('refuses a bomb with the file named, and an upload names the user’s file, not the temporary copy', async () => {
    const file = path.join(dir, '学习材料.docx');
    await writeFile(file, bombDocx(1024, 1000));
    await expect(importFile(file)).rejects.toMatchObject({
      code: 'E_ARCHIVE_LIMIT',
      message: `「${file}」解压后过大（可能是压缩炸弹），已拒绝导入。`,
    });
    const ok = buildZip(docxEntries(paragraph('第一段正文。')));
    const result = await importUploads(
      [
        { name: '炸弹.docx', dataBase64: bombDocx(1024, 1024 * MB).toString('base64') },
        { name: '正常.docx', dataBase64: ok.toString('base64') },
      ],
      dir,
    );
    expect(result.failures).toEqual([
      { name: '炸弹.docx', code: 'E_ARCHIVE_LIMIT', message: '「炸弹.docx」解压后过大（可能是压缩炸弹），已拒绝导入。' },
    ]);
    expect(result.articles.map((a) => a.text)).toEqual(['第一段正文。']);
  });

  interface ChildLine {
    file: string;
    ok: boolean;
    code: string;
    message: string;
    peakRssMb: number;
  }
  function runChild(mode: string, files: string[]): Promise<ChildLine[]> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'tests/unit/helpers/bounded-child.ts', mode, ...files],
        { cwd: root, timeout: 80_000 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`${error.message}\n${stderr}`));
          else
            resolve(
              stdout
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l) as ChildLine),
            );
        },
      );
    });
  }

  // Before bounding, the first of these took the process to ~2.1 GB and 37 s (mammoth's JSZip).
  /** 1 GiB of zeros in 1,024 entries of 1 MiB each (every one exactly at the ratio floor), ~1 MB on disk. */
  function spreadDocx(): Buffer {
    const block = zerosDeflate(1);
    const crc = zerosCrc(1);
    const parts = Array.from({ length: 1024 }, (_, i): RawEntry => ({
      name: `word/media/z${i}.bin`,
      method: 8,
      data: block,
      size: MB,
      crc,
    }));
    return buildZip([...docxEntries(paragraph('正文')), ...parts]);
  }

  // One child for all four (starting tsx is the slow part): its peak RSS covers every file.
  it('1 MB .docx bombs (1 GiB declared honestly, as 1,000 bytes, as 1 MiB, or over 1,024 entries) are refused in a child process that stays under 300 MB', async () => {
    const bombs: [string, Buffer][] = [
      ['honest', bombDocx(1024, 1024 * MB)],
      ['lying', bombDocx(1024, 1000)],
      ['floor', bombDocx(1024, MB)],
      ['spread', spreadDocx()],
    ];
    const files: string[] = [];
    for (const [tag, zip] of bombs) {
      expect(zip.length).toBeLessThan(1.2 * MB);
      files.push(path.join(dir, `bomb-${tag}.docx`));
      await writeFile(files.at(-1)!, zip);
    }
    const lines = await runChild('docx', files);
    expect(lines.map((l) => [path.basename(l.file), l.ok, l.code])).toEqual(files.map((f) => [path.basename(f), false, 'E_ARCHIVE_LIMIT']));
    for (const l of lines) expect(l.message).toContain(path.basename(l.file));
    expect(lines.at(-1)!.peakRssMb).toBeLessThan(300);
  }, 90_000);
});
