import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

// TRANSITIONAL: renderer files that still break the renderer-internal layer rules (views reading
// renderer/db, importing bridge/ or app/, reaching into another feature past its index.ts, db
// importing a feature). Emptied when issue 13's core lands; add nothing here.
const ISSUE_13_TRANSITIONAL_RENDERER_FILES = [
  'renderer/db/notes.ts',
  'renderer/features/backup/BackupSettings.tsx',
  'renderer/features/backup/RecoveryOffer.tsx',
  'renderer/features/backup/backup.ts',
  'renderer/features/backup/continuous.ts',
  'renderer/features/backup/library.ts',
  'renderer/features/backup/recovery.ts',
  'renderer/features/backup/startup.ts',
  'renderer/features/highlights/ArticleHighlights.tsx',
  'renderer/features/highlights/HighlightPopover.tsx',
  'renderer/features/highlights/actions.ts',
  'renderer/features/highlights/colors.ts',
  'renderer/features/highlights/painter.ts',
  'renderer/features/highlights/reanchor.ts',
  'renderer/features/highlights/store.ts',
  'renderer/features/library/LibraryView.tsx',
  'renderer/features/library/importFiles.ts',
  'renderer/features/notebook/NotebookView.tsx',
  'renderer/features/notebook/exportDocx.ts',
  'renderer/features/notebook/exportMarkdown.ts',
  'renderer/features/notes/NoteEditor.tsx',
  'renderer/features/notes/NoteEditorHost.tsx',
  'renderer/features/notes/noteEditorStore.ts',
  'renderer/features/notes/repo.ts',
  'renderer/features/packets/LeaderPanel.tsx',
  'renderer/features/print/NoteDoc.tsx',
  'renderer/features/print/NotebookPrint.tsx',
  'renderer/features/print/docx.ts',
  'renderer/features/print/model.ts',
  'renderer/features/reader/FindBar.tsx',
  'renderer/features/reader/ReaderView.tsx',
  'renderer/features/search/SearchBox.tsx',
  'renderer/features/search/links.ts',
  'renderer/features/search/SearchIndexSettings.tsx',
  'renderer/features/search/engine.ts',
  'renderer/features/search/store.ts',
  'renderer/features/search/workerBuilder.ts',
  'renderer/features/sessions/SessionView.tsx',
  'renderer/features/sessions/StudyView.tsx',
  'renderer/features/settings/SettingsView.tsx',
  'renderer/features/settings/diagnostics.ts',
  'renderer/features/sources/SourcesView.tsx',
  'renderer/features/sources/syncManager.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'release/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'tests/fixtures/',
      'types/electron.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { yandu: { rules: { layers } } },
    rules: {
      'yandu/layers': ['error', { transitionalRendererFiles: ISSUE_13_TRANSITIONAL_RENDERER_FILES }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint-rules/**/*.js', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
