import { useCallback, useEffect, useState } from 'react';
import { api } from '../bridge';
import { db } from '../db';
import { LibraryView } from '../features/library/LibraryView';
import { ReaderView } from '../features/reader/ReaderView';
import { SettingsView } from '../features/settings/SettingsView';
import { messages } from '../i18n/messages';
import { useLibrary } from '../stores/library';
import { useReaderSettings } from '../stores/readerSettings';
import { ensureSampleLibrary } from './firstRun';
import { useRoute } from './router';

type Boot = { state: 'starting' } | { state: 'ready' } | { state: 'failed'; message: string };

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  const route = useRoute();
  const theme = useReaderSettings((s) => s.theme);

  const start = useCallback(async () => {
    setBoot({ state: 'starting' });
    try {
      await useReaderSettings.getState().load();
      await ensureSampleLibrary(db, api);
      await useLibrary.getState().load();
      setBoot({ state: 'ready' });
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
          <ReaderView key={route.id} id={route.id} />
        ) : route.name === 'settings' ? (
          <SettingsView />
        ) : (
          <LibraryView />
        )}
      </main>
    </div>
  );
}
