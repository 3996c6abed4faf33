import { fileURLToPath } from 'node:url';
import { registerCommand } from './registry';
import { loadSampleLibrary } from '../services/sample-library';
import { countZi } from '../../shared/text';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

registerCommand('samples', '  列出内置示例文章及字数 / list the bundled sample articles', async () => {
  const articles = await loadSampleLibrary(`${resourcesDir}/sample-library`);
  for (const a of articles) {
    process.stdout.write(
      `${JSON.stringify({ id: a.id, title: a.title, publishedAt: a.publishedAt, column: a.column, zi: countZi(a.text) })}\n`,
    );
  }
  return 0;
});
