/**
 * First run: the bundled sample library is imported once. The "done" flag is written in the
 * same transaction as the articles, so a crash half-way leaves neither.
 */
import * as v from 'valibot';
import type { Api } from '../../shared/contract';
import type { YanduDB } from '../db/schema';
import { createArticleRepository } from '../db/repositories';
import { prepareArticles, searchTables } from '../db/searchIndex';

export const SAMPLE_FLAG = 'sampleLibraryImported';

export async function ensureSampleLibrary(db: YanduDB, api: Api): Promise<number> {
  const flag = await db.settings.get(SAMPLE_FLAG);
  if (flag && v.is(v.literal(true), flag.value)) return 0;
  const payloads = await api.library.sample({});
  const repo = createArticleRepository(db);
  // Search postings are built before the transaction (a worker must not run inside one).
  const prepared = await prepareArticles(db, payloads);
  return db.transaction('rw', [db.articles, db.bodies, ...searchTables(db)], async () => {
    const added = await repo.addMany(payloads, undefined, prepared);
    await db.settings.put({ key: SAMPLE_FLAG, value: true });
    return added;
  });
}
