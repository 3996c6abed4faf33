/** The app's one database and its repositories. */
import { createArticleRepository, createHighlightRepository, createReadingRepository, createSettingsRepository } from './repositories';
import { trackChanges } from './changeTracker';
import { YanduDB } from './schema';

export const db = new YanduDB();
/** Every committed change to user data, seen in one place (continuous backups listen). */
export const changes = trackChanges(db);
export const articles = createArticleRepository(db);
export const reading = createReadingRepository(db);
export const settings = createSettingsRepository(db);
export const highlights = createHighlightRepository(db);
