/** Reader typography settings: validated, persisted in the settings table, shared via zustand. */
import * as v from 'valibot';
import { create } from 'zustand';
import { loadReaderSettings, saveReaderSettings } from '../core/library';

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 32;

export const ReaderSettingsSchema = v.object({
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(FONT_SIZE_MIN), v.maxValue(FONT_SIZE_MAX)),
  lineHeight: v.pipe(v.number(), v.minValue(1.4), v.maxValue(2.4)),
  width: v.picklist(['narrow', 'medium', 'wide']),
  theme: v.picklist(['light', 'sepia', 'dark']),
  font: v.picklist(['song', 'fangsong', 'kai', 'hei']),
});
export type ReaderSettings = v.InferOutput<typeof ReaderSettingsSchema>;

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  fontSize: 18,
  lineHeight: 1.9,
  width: 'medium',
  theme: 'light',
  font: 'song',
};

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
    void saveReaderSettings(ReaderSettingsSchema, next);
  },
}));

export function clampFontSize(n: number): number {
  return Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(n)));
}
