/** Settings: reader defaults and what this app is. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { appHost } from '../../core/app';
import { messages } from '../../i18n/messages';
import { BackupSettings } from '../backup/BackupSettings';
import { ReaderSettingsPanel } from '../reader/ReaderSettingsPanel';
import { SearchIndexSettings } from '../search/SearchIndexSettings';

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
