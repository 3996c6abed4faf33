import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { makePng } from '../fixtures/cms-world/images';
import { expect, test } from './fixtures';

async function writeFixtures(): Promise<{ dir: string; docx: string; txt: string; broken: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yandu-import-'));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '关于开展专题学习的几点体会', bold: true })] }),
          new Paragraph('学习要联系实际，带着问题学，把学到的道理用到推动工作上来。'),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: makePng(24, 16, [20, 90, 200]), transformation: { width: 24, height: 16 } })],
          }),
          new Paragraph('研讨时每个人都要谈真实想法，不讲空话套话，把问题摆到桌面上。'),
        ],
      },
    ],
  });
  const docx = path.join(dir, '专题学习体会.docx');
  writeFileSync(docx, await Packer.toBuffer(doc));
  const txt = path.join(dir, '学习笔记摘录.txt');
  writeFileSync(txt, iconv.encode('读书笔记摘录\n\n理论学习要持之以恒，日积月累才能见功夫。\n\n学用结合，知行合一。\n', 'gbk'));
  const broken = path.join(dir, '损坏的文件.docx');
  writeFileSync(broken, Buffer.from('this is not a zip file at all'));
  return { dir, docx, txt, broken };
}

test('pick .docx and GBK .txt files: they join the library with their pictures; a broken file is reported', async ({ app }) => {
  const files = await writeFixtures();
  const before = await app.getByTestId('article-row').count();
  await app.getByTestId('import-input').setInputFiles([files.docx, files.txt, files.broken]);
  const status = app.getByTestId('import-status');
  await expect(status).toContainText('导入完成：新增 2 篇，1 个文件失败');
  await expect(status).toContainText('损坏的文件.docx');
  await expect(status).not.toContainText('yandu-upload');
  await expect.poll(() => app.getByTestId('article-row').count()).toBe(before + 2);

  // The same files again change nothing.
  await app.getByTestId('import-input').setInputFiles([files.docx, files.txt]);
  await expect(status).toContainText('新增 0 篇，2 篇已在文库中');

  await app.getByRole('searchbox', { name: /筛选/ }).fill('本地导入 读书笔记摘录');
  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.getByTestId('article-body')).toContainText('日积月累才能见功夫');

  await app.goBack();
  await app.getByRole('searchbox', { name: /筛选/ }).fill('本地导入 专题学习');
  await app.getByTestId('article-row').first().locator('a').click();
  await expect(app.getByTestId('article-body')).toContainText('不讲空话套话');
  const img = app.getByTestId('article-body').locator('img').first();
  await expect(img).toHaveAttribute('src', /^media\/[0-9a-f]{64}\.png$/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth === 24)).toBe(true);
});
