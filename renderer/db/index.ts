/** The app's one database and its repositories. */
import { createArticleRepository, createHighlightRepository, createReadingRepository, createSettingsRepository } from './repositories';
import { YanduDB } from './schema';

export const db = new YanduDB();
export const articles = createArticleRepository(db);
export const reading = createReadingRepository(db);
export const settings = createSettingsRepository(db);
export const highlights = createHighlightRepository(db);
