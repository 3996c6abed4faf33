import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from '../bridge';
import { db } from '../db';
import { recoverNoteJournals } from '../db/notes';
import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { SettingsView } from '../features/settings/SettingsView';
import { SourcesView } from '../features/sources/SourcesView';
import { startScheduler } from '../features/sources/syncManager';
import { messages } from '../i18n/messages';
import { useLibrary } from '../stores/library';
import { useReaderSettings } from '../stores/readerSettings';
import { ensureSampleLibrary } from './firstRun';
import { useRoute } from './router';
import { useUndoKeys } from '../ui/useUndoKeys';

// The notebook (Tiptap, docx) loads on first use, keeping start-up small.
const NotebookView = lazy(() => import('../features/notebook/NotebookView').then((m) => ({ default: m.NotebookView })));

type Boot = { state: 'starting' } | { state: 'ready' } | { state: 'failed'; message: string };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  const route = useRoute();
  useUndoKeys();
  const theme = useReaderSettings((s) => s.theme);

  const start = useCallback(async () => {
    setBoot({ state: 'starting' });
    try {
      await useReaderSettings.getState().load();
      await ensureSampleLibrary(db, api);
      await recoverNoteJournals(db);
      await useLibrary.getState().load();
      setBoot({ state: 'ready' });
      startScheduler();
    } catch (error) {
      setBoot({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="app">
      <header className="app-bar">
        <a className="brand" href="#/">
          {messages.appName}
        </a>
        <nav>
          <a href="#/" aria-current={route.name === 'library' ? 'page' : undefined}>
            {messages.nav.library}
          </a>
          <a href="#/notebook" aria-current={route.name === 'notebook' ? 'page' : undefined}>
            {messages.nav.notebook}
          </a>
          <a href="#/sources" aria-current={route.name === 'sources' ? 'page' : undefined}>
            {messages.nav.sources}
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            {messages.nav.settings}
          </a>
        </nav>
      </header>
      <main className="app-main">
        {boot.state === 'starting' ? (
          <div className="boot" role="status">
            {messages.boot.loading}
          </div>
        ) : boot.state === 'failed' ? (
          <div className="boot error" role="alert">
            <h2>{messages.boot.failed}</h2>
            <p>{boot.message}</p>
            <button type="button" onClick={() => void start()}>
              {messages.boot.retry}
            </button>
          </div>
        ) : route.name === 'reader' ? (
          <ReaderView key={`${route.id}@${route.at ?? ''}`} id={route.id} at={route.at} />
        ) : route.name === 'notebook' ? (
          <Suspense fallback={<div className="boot">{messages.boot.loading}</div>}>
            <NotebookView noteId={route.noteId} />
          </Suspense>
        ) : route.name === 'sources' ? (
          <SourcesView />
        ) : route.name === 'settings' ? (
          <SettingsView />
        ) : (
          <LibraryView />
        )}
      </main>
    </div>
  );
}
