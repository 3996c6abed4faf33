/**
 * 签名密钥: this copy's key (fingerprint), its passphrase-protected export and import, and the
 * keys pinned with the log of pins and overrides.
 */
import { useEffect, useState } from 'react';
import { shortFingerprint } from '../../../shared/packet/signature';
import { packets } from '../../core/packets';
import { messages } from '../../i18n/messages';
import { useLiveResult } from '../../ui/useLiveResult';
import { Button, FileButton, Input, List, Section } from '../../ui';
import { downloadBase64, errorText, fileToBase64 } from './files';

const t = messages.signing;

export function SigningKeyPanel() {
  const [mine, setMine] = useState<string | null | undefined>(undefined);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const pinsLive = useLiveResult(() => packets.pins(), []);

  const refresh = () =>
    packets.keyFingerprint().then(setMine, (error: unknown) => setStatus({ ok: false, text: errorText(error).message }));
  useEffect(() => {
    void refresh();
  }, []);

  const run = async (work: () => Promise<string>) => {
    setStatus(null);
    try {
      setStatus({ ok: true, text: await work() });
      setPass('');
      setAgain('');
      await refresh();
    } catch (error) {
      const e = errorText(error);
      setStatus({ ok: false, text: messages.packets.failed(e.code, e.message) });
    }
  };

  const doExport = () => {
    if (pass !== again) {
      setStatus({ ok: false, text: t.mismatch });
      return;
    }
    void run(async () => {
      const out = await packets.exportKey(pass);
      downloadBase64(out.base64, out.fileName);
      return t.exported(shortFingerprint(out.fingerprint));
    });
  };
  const doImport = (file: File) =>
    run(async () => {
      const out = await packets.importKey(await fileToBase64(file), pass);
      setKeyFile(null);
      return t.imported(shortFingerprint(out.fingerprint), out.replaced !== null);
    });

  const pins = pinsLive.state === 'ready' ? pinsLive.value : null;
  return (
    <Section title={t.panel} description={t.panelHint} className="pk-keys" testId="pk-keys">
      <p data-testid="pk-key-mine">{mine ? t.mine(shortFingerprint(mine)) : mine === null ? t.none : ''}</p>
      <div className="pk-key-form">
        <Input
          type="password"
          width="medium"
          aria-label={t.passphrase}
          placeholder={t.passphrase}
          value={pass}
          onChange={(e) => setPass(e.target.value)}
        />
        <Input
          type="password"
          width="medium"
          aria-label={t.passphraseAgain}
          placeholder={t.passphraseAgain}
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
        <Button onClick={doExport} disabled={!pass}>
          {t.exportKey}
        </Button>
        <FileButton label={t.importFile} testId="pk-key-file" onFiles={(files) => setKeyFile(files[0] ?? null)} />
        {keyFile ? <span className="pk-note">{keyFile.name}</span> : null}
        <Button onClick={() => keyFile && void doImport(keyFile)} disabled={!pass || !keyFile}>
          {t.importKey}
        </Button>
      </div>
      {status ? (
        <div className={status.ok ? 'pk-note' : 'pk-error'} role={status.ok ? 'status' : 'alert'} data-testid="pk-key-status">
          {status.text}
        </div>
      ) : null}
      <h4>{t.pinsTitle}</h4>
      {pins && pins.issuers.length + pins.members.length === 0 ? <p className="pk-note">{t.pinsEmpty}</p> : null}
      {pins && pins.issuers.length + pins.members.length > 0 ? (
        <List testId="pk-pins">
          {pins.issuers.map((p) => (
            <li key={`i-${p.name}`}>
              {t.pinIssuer}「{p.name}」 <code>{shortFingerprint(p.fingerprint)}</code> {p.pinnedAt.slice(0, 10)}
            </li>
          ))}
          {pins.members.map((p) => (
            <li key={`m-${p.name}`}>
              {t.pinMember}「{p.name}」 <code>{shortFingerprint(p.fingerprint)}</code> {p.pinnedAt.slice(0, 10)}
            </li>
          ))}
        </List>
      ) : null}
      {pins?.log.length ? (
        <details>
          <summary>{t.logTitle}</summary>
          <List testId="pk-pin-log">
            {pins.log
              .slice(-50)
              .reverse()
              .map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  {e.at.slice(0, 16).replace('T', ' ')} {t.logKinds[e.kind]}：{e.name || messages.study.unknown}《{e.file}》
                  {e.fingerprint ? <code> {shortFingerprint(e.fingerprint)}</code> : null}
                </li>
              ))}
          </List>
        </details>
      ) : null}
    </Section>
  );
}
