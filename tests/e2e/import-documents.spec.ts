/** Issue 19: a PDF, an OFD and a .wps picked in the library join it through the existing import path. */
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));

test('pick a PDF, an OFD and a .wps: each becomes a readable article titled from its text; a disguised .doc is reported', async ({
  app,
}) => {
  const before = await app.getByTestId('article-row').count();
  await app
    .getByTestId('import-input')
    .setInputFiles([fixture('report.pdf'), fixture('tongzhi.ofd'), fixture('gongwen.wps'), fixture('fake.doc')]);
  const status = app.getByTestId('import-status');
  await expect(status).toContainText('导入完成：新增 3 篇，1 个文件失败');
  await expect(status).toContainText('「fake.doc」的扩展名是 .doc，内容却是网页（HTML）');
  await expect.poll(() => app.getByTestId('article-row').count()).toBe(before + 3);

  await app.getByRole('searchbox', { name: /筛选/ }).fill('本地导入 深入学习贯彻');
  await app.getByTestId('article-row').first().locator('a').click();
  const body = app.getByTestId('article-body');
  await expect(body.getByRole('heading', { name: '二、扎实开展中心组集体学习' })).toBeVisible();
  await expect(body).toContainText('坚持读原著、学原文、悟原理');
  await expect(body).not.toContainText('某某集团党委理论学习中心组学习材料');
});
