/** Reader typography settings: validated, persisted in the settings table, shared via zustand. */
import * as v from 'valibot';
import { create } from 'zustand';
import {
  DEFAULT_READER_SETTINGS,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  ReaderSettingsSchema,
  type ReaderSettings,
} from '../../shared/domain/settings';
import { loadReaderSettings, saveReaderSettings } from '../core/library';
import { messages } from '../i18n/messages';
import { toldIfNotStored } from '../ui/keptWriteNotice';

// Schema and default are the settings table's (shared/domain/settings.ts).
export {
  DEFAULT_READER_SETTINGS,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  ReaderSettingsSchema,
  type ReaderSettings,
} from '../../shared/domain/settings';

interface ReaderSettingsState extends ReaderSettings {
  loaded: boolean;
  load(): Promise<void>;
  update(patch: Partial<ReaderSettings>): void;
}

export const useReaderSettings = create<ReaderSettingsState>((set, get) => ({
  ...DEFAULT_READER_SETTINGS,
  loaded: false,
  async load() {
    const stored = await loadReaderSettings(ReaderSettingsSchema, DEFAULT_READER_SETTINGS);
    set({ ...stored, loaded: true });
  },
  update(patch) {
    const { fontSize, lineHeight, width, theme, font } = { ...get(), ...patch };
    const next = { fontSize, lineHeight, width, theme, font };
    if (!v.is(ReaderSettingsSchema, next)) return;
    set(next);
    // In force at once; a write the database failed is said once (and kept for the next start).
    toldIfNotStored(messages.writes.readerSettings, saveReaderSettings(ReaderSettingsSchema, next));
  },
}));

export function clampFontSize(n: number): number {
  return Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(n)));
}
