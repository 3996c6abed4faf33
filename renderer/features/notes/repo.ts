/** The app's note repository (on the one database). */
import { db } from '../../db';
import { createNoteRepository } from '../../db/notes';

export const noteRepo = createNoteRepository(db);
