/** What other features use of the reader. */
export { ReaderSettingsPanel } from './ReaderSettingsPanel';
export { ReaderView } from './ReaderView';
export { ShortcutsDialog } from './ShortcutsDialog';
