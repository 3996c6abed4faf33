import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from '../bridge';
import { toErrorInfo } from '../../shared/errors';
import { recoverNoteJournals } from '../core/notes';
import { recoverHighlightJournal } from '../core/highlights';
import { recoverPendingWrites, RECORD_DRAFT_KIND, SESSION_DRAFT_KIND } from '../core/pendingKinds';
import { pendingWrites } from '../core/pendingWrites';
import { LibraryView } from '../features/library';
import { ReaderView, ShortcutsDialog } from '../features/reader';
import { SettingsView } from '../features/settings/SettingsView';
import { SourcesView } from '../features/sources';
import { startScheduler } from '../core/sync';
import { messages } from '../i18n/messages';
import { useLibrary } from '../stores/library';
import { useReaderSettings } from '../stores/readerSettings';
import { useInterfaceScale } from '../stores/interfaceScale';
import { Button, dismiss, notify, UiHost } from '../ui';
import { ensureSampleLibrary } from '../core/library';
import { openSearch, startSearchMaintenance } from '../core/search';
import { SearchBox, useSearch } from '../features/search';
import { navigate, parseRoute, useRoute } from '../ui/router';
import { useUndoKeys } from '../ui/useUndoKeys';
import { backupStartup, recovery, type RecoveryOffer as Offer } from '../core/backup';
import { RecoveryOffer } from '../features/backup/RecoveryOffer';

/** The daily backup waits until start-up work (sample import, search rebuild) has settled. */
const DAILY_BACKUP_DELAY_MS = 30_000;

// The notebook (Tiptap, docx) loads on first use, keeping start-up small.
const NotebookView = lazy(() => import('../features/notebook/NotebookView').then((m) => ({ default: m.NotebookView })));
// Print views (and their print.css) load only when a print route is opened.
const PrintView = lazy(() => import('../features/print/PrintView').then((m) => ({ default: m.PrintView })));
const StudyView = lazy(() => import('../features/sessions/StudyView').then((m) => ({ default: m.StudyView })));
const SessionView = lazy(() => import('../features/sessions/SessionView').then((m) => ({ default: m.SessionView })));
const ReturnsView = lazy(() => import('../features/sessions/ReturnsView').then((m) => ({ default: m.ReturnsView })));
// 查看原件 brings pdf.js: loaded only when an original is opened.
const OriginalView = lazy(() => import('../features/original/OriginalView').then((m) => ({ default: m.OriginalView })));
const PacketsView = lazy(() => import('../features/packets/PacketsView').then((m) => ({ default: m.PacketsView })));

type Boot = { state: 'starting' } | { state: 'ready' } | { state: 'failed'; message: string };

let quitAnswered = false;

/** Sync, continuous and daily backups: started once the library is settled (after any recovery offer). */
async function startBackgroundWork(): Promise<void> {
  startScheduler();
  let delays: { settleMs: number; maxWaitMs: number } | undefined;
  try {
    delays = (await api.app.info({})).backup;
  } catch (error) {
    console.warn('[backup] app.info failed; default backup timings', error);
  }
  // A backup that cannot be written (full disk, folder not writable) is said, not only logged.
  // One failure notice at a time: a new reason replaces the old one, and recovery takes it away.
  let failureNotice: number | null = null;
  const dropFailureNotice = () => {
    if (failureNotice !== null) dismiss(failureNotice);
    failureNotice = null;
  };
  backupStartup.startContinuous(delays, {
    onFailure: (reason) => {
      dropFailureNotice();
      failureNotice = notify(messages.backup.autoFailed(reason), { kind: 'error', durationMs: 0 });
    },
    onRecovered: () => {
      dropFailureNotice();
      notify(messages.backup.autoRecovered);
    },
  });
  setTimeout(
    () =>
      void backupStartup.dailyIfDue().catch((e: unknown) => {
        console.warn('[backup] daily backup failed', e);
        notify(messages.backup.dailyFailed(toErrorInfo(e).message), { kind: 'error' });
      }),
    DAILY_BACKUP_DELAY_MS,
  );
}

/**
 * Settings, a layer switched off, reading positions and 学习安排 fields the page showed but had not
 * stored when it last went (a reload, a close) are stored now; the reader's settings are read again if replayed.
 */
async function replayPendingWrites(): Promise<void> {
  try {
    if ((await recoverPendingWrites()) > 0) await useReaderSettings.getState().load();
    // 学习安排 fields typed but not yet left; the study module loads on demand, as its page does,
    // so only when there is one.
    if (pendingWrites().some((e) => e.kind === SESSION_DRAFT_KIND)) {
      const { study } = await import('../core/study');
      await study.recoverSessionDrafts();
    }
  } catch (error) {
    console.warn('[pending] writes not replayed', error);
  }
  // 学习记录 drafts are never stored by themselves: the user is told they wait in their form.
  // (Not the one the page opens on: its form shows the draft already.)
  const open = parseRoute(window.location.hash);
  const records = pendingWrites().filter((e) => e.kind === RECORD_DRAFT_KIND && !(open.name === 'session' && open.id === e.key));
  if (records.length)
    notify(messages.study.recordDraftsWaiting(records.length), {
      durationMs: 15_000,
      action: { label: messages.study.showRecordDraft, run: () => navigate({ name: 'session', id: records.at(-1)!.key }) },
    });
}

/**
 * Configured channels are looked at once per start, after the library has loaded, in the
 * background (the module loads on demand, like the packets page).
 */
async function checkChannelsOnce(): Promise<void> {
  try {
    const { channels } = await import('../core/channels');
    const fresh = await channels.checkAtStart();
    if (fresh > 0)
      notify(messages.channels.newCount(fresh), {
        durationMs: 15_000,
        action: { label: messages.channels.show, run: () => navigate({ name: 'packets' }) },
      });
  } catch (error) {
    console.warn('[channels] start-up check failed', error);
  }
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  const [offer, setOffer] = useState<Offer | null>(null);
  const route = useRoute();
  useUndoKeys();
  const theme = useReaderSettings((s) => s.theme);

  const start = useCallback(async () => {
    setBoot({ state: 'starting' });
    try {
      // Before anything opens the database: a pending schema upgrade is backed up first.
      void backupStartup.requestPersistentStorage();
      if (!quitAnswered) {
        quitAnswered = true;
        backupStartup.answerQuitting();
      }
      await backupStartup.beforeUpgrade();
      await backupStartup.openLibrary();
      await useReaderSettings.getState().load();
      await useInterfaceScale.getState().load();
      // Search postings for bulk writes are built in workers; an index of another format is
      // emptied here, before anything writes, and rebuilt in the background once ready.
      const rebuildSearch = await openSearch();
      await ensureSampleLibrary();
      await useLibrary.getState().follow();
      await backupStartup.ensureLibraryIdentity();
      void backupStartup.dropStaleRestoreCopies();
      // An empty or rolled-back library is offered the newest backup before anything else writes.
      const found = await recovery.find().catch((e: unknown) => {
        console.warn('[backup] could not look for a backup to offer', e);
        return null;
      });
      // Typing journals go into the library only once it is settled: replayed into a store the
      // browser discarded they would make it look in use, and the offer (and, after 恢复, the
      // restore's own replay) is what brings them back into the restored library.
      if (!found) {
        await recoverNoteJournals();
        // Highlights painted but not yet committed when the page last went (a reload, a close).
        await recoverHighlightJournal().catch((e: unknown) => console.warn('[highlights] journal not replayed', e));
        await replayPendingWrites();
      }
      setBoot({ state: 'ready' });
      // Pending notes merged and postings compacted once writes settle.
      startSearchMaintenance();
      if (found) setOffer(found);
      else void startBackgroundWork();
      if (rebuildSearch) void useSearch.getState().startRebuild(false);
      void checkChannelsOnce();
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
          <a
            href="#/study"
            aria-current={route.name === 'study' || route.name === 'session' || route.name === 'returns' ? 'page' : undefined}
          >
            {messages.nav.study}
          </a>
          <a href="#/packets" aria-current={route.name === 'packets' ? 'page' : undefined}>
            {messages.nav.packets}
          </a>
          <a href="#/sources" aria-current={route.name === 'sources' ? 'page' : undefined}>
            {messages.nav.sources}
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            {messages.nav.settings}
          </a>
        </nav>
        <SearchBox />
      </header>
      <ShortcutsDialog />
      {offer ? (
        <RecoveryOffer
          offer={offer}
          onDone={(restored) => {
            // Every view and store reloads from the restored library.
            if (restored) window.location.reload();
            else {
              setOffer(null);
              void recoverNoteJournals()
                .catch((e: unknown) => console.warn('[notes] typing journals not replayed', e))
                // Highlights journalled before the last reload wait for this too (they stay until replayed).
                .then(() => recoverHighlightJournal())
                .catch((e: unknown) => console.warn('[highlights] journal not replayed', e))
                .then(replayPendingWrites)
                .finally(() => void startBackgroundWork());
            }
          }}
        />
      ) : null}
      <main className="app-main">
        {boot.state === 'starting' ? (
          <div className="boot" role="status">
            {messages.boot.loading}
          </div>
        ) : boot.state === 'failed' ? (
          <div className="boot error" role="alert">
            <h2>{messages.boot.failed}</h2>
            <p>{boot.message}</p>
            <Button kind="primary" onClick={() => void start()}>
              {messages.boot.retry}
            </Button>
          </div>
        ) : route.name === 'print' ? (
          <Suspense fallback={<div className="boot">{messages.boot.loading}</div>}>
            <PrintView key={route.path} path={route.path} />
          </Suspense>
        ) : route.name === 'reader' ? (
          <ReaderView key={`${route.id}@${route.at ?? ''}`} id={route.id} at={route.at} len={route.len} />
        ) : route.name === 'original' ? (
          <Suspense fallback={<div className="boot">{messages.boot.loading}</div>}>
            <OriginalView key={`${route.id}@${route.page ?? ''}`} id={route.id} page={route.page} />
          </Suspense>
        ) : route.name === 'notebook' ? (
          <Suspense fallback={<div className="boot">{messages.boot.loading}</div>}>
            <NotebookView noteId={route.noteId} />
          </Suspense>
        ) : route.name === 'study' || route.name === 'session' || route.name === 'returns' || route.name === 'packets' ? (
          <Suspense fallback={<div className="boot">{messages.boot.loading}</div>}>
            {route.name === 'study' ? (
              <StudyView />
            ) : route.name === 'session' ? (
              <SessionView key={route.id} id={route.id} />
            ) : route.name === 'returns' ? (
              <ReturnsView key={route.sessionId} sessionId={route.sessionId} target={route} />
            ) : (
              <PacketsView />
            )}
          </Suspense>
        ) : route.name === 'sources' ? (
          <SourcesView />
        ) : route.name === 'settings' ? (
          <SettingsView />
        ) : (
          <LibraryView />
        )}
      </main>
      <UiHost />
    </div>
  );
}
