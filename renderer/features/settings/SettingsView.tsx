/** Settings: 界面大小, reader defaults, the search index, backups, diagnostics and what this app is. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract';
import { appHost } from '../../core/app';
import { messages } from '../../i18n/messages';
import { INTERFACE_SCALES, isInterfaceScale, useInterfaceScale } from '../../stores/interfaceScale';
import { Button, Form, FormRow, notify, Page, PageHeader, Section, Select } from '../../ui';
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
      <Button onClick={run} disabled={state.busy}>
        {messages.diagnostics.export}
      </Button>
      {state.text ? (
        <p className={state.failed ? 'ui-error' : undefined} role="status">
          {state.text}
        </p>
      ) : null}
    </div>
  );
}

/** 界面大小: applied at once to every screen and saved (the article's font size is separate). */
function InterfaceScaleRow() {
  const scale = useInterfaceScale((s) => s.scale);
  return (
    <Form>
      <FormRow label={messages.ui.interfaceScale} hint={messages.ui.interfaceScaleHint}>
        <Select
          width="short"
          value={scale}
          data-testid="interface-scale"
          onChange={(e) => {
            const next = Number(e.currentTarget.value);
            if (!isInterfaceScale(next)) return;
            useInterfaceScale
              .getState()
              .set(next)
              .then(
                () => notify(messages.settings.scaleSaved(next), { kind: 'success' }),
                (err: unknown) => notify(err instanceof Error ? err.message : String(err), { kind: 'error' }),
              );
          }}
        >
          {INTERFACE_SCALES.map((s) => (
            <option key={s} value={s}>
              {s}%
            </option>
          ))}
        </Select>
      </FormRow>
    </Form>
  );
}

export function SettingsView() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    appHost.info().then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <Page label={messages.nav.settings} className="settings-page">
      <PageHeader title={messages.nav.settings} />
      <Section title={messages.settings.display}>
        <InterfaceScaleRow />
      </Section>
      <Section title={messages.reader.settings} description={messages.settings.readerHint}>
        <ReaderSettingsPanel />
      </Section>
      <Section title={messages.search.index.title} description={messages.search.index.description}>
        <SearchIndexSettings />
      </Section>
      <Section title={messages.backup.title} description={messages.backup.description}>
        <BackupSettings />
      </Section>
      <Section title={messages.diagnostics.title} description={messages.diagnostics.description}>
        <DiagnosticsExport />
      </Section>
      <Section title={messages.settings.about}>
        {error ? <p className="ui-error">{error}</p> : null}
        {info ? (
          <dl className="ui-dl" data-testid="about">
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
      </Section>
    </Page>
  );
}
