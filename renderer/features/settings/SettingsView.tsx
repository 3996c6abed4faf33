/** Settings: reader defaults and what this app is. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { appHost } from '../../core/app';
import { messages } from '../../i18n/messages';
import { BackupSettings } from '../backup';
import { ReaderSettingsPanel } from '../reader';
import { SearchIndexSettings } from '../search';
import { exportDiagnostics } from '../../core/diagnostics';

/** 导出诊断信息: one button, then where the zip went (or why it did not). */
function DiagnosticsExport() {
  const [state, setState] = useState<{ busy: boolean; text: string | null; failed: boolean }>({ busy: false, text: null, failed: false });
  const run = () => {
    setState({ busy: true, text: messages.diagnostics.working, failed: false });
    exportDiagnostics().then(
      (r) => setState({ busy: false, text: messages.diagnostics.done(r.path), failed: false }),
      (e: unknown) =>
        setState({ busy: false, text: messages.diagnostics.failed(e instanceof Error ? e.message : String(e)), failed: true }),
    );
  };
  return (
    <div className="diagnostics" data-testid="diagnostics">
      <p>{messages.diagnostics.description}</p>
      <button type="button" onClick={run} disabled={state.busy}>
        {messages.diagnostics.export}
      </button>
      {state.text ? (
        <p className={state.failed ? 'error' : undefined} role="status">
          {state.text}
        </p>
      ) : null}
    </div>
  );
}

export function SettingsView() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    appHost.info().then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <section className="settings-page" aria-label={messages.nav.settings}>
      <h2>{messages.reader.settings}</h2>
      <ReaderSettingsPanel />
      <h2>{messages.search.index.title}</h2>
      <SearchIndexSettings />
      <h2>{messages.backup.title}</h2>
      <BackupSettings />
      <h2>{messages.diagnostics.title}</h2>
      <DiagnosticsExport />
      <h2>关于</h2>
      {error ? <p className="error">{error}</p> : null}
      {info ? (
        <dl className="about" data-testid="about">
          <dt>名称</dt>
          <dd>{info.name}</dd>
          <dt>版本</dt>
          <dd>{info.version}</dd>
          <dt>运行方式</dt>
          <dd>
            {info.host === 'electron' ? '桌面版' : '浏览器版'}（{appHost.transport === 'ipc' ? 'IPC' : 'HTTP'}）
          </dd>
          <dt>系统</dt>
          <dd>{info.platform}</dd>
        </dl>
      ) : null}
    </section>
  );
}
