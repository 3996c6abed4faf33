/** Who signed a file in its preview, and the overrides a refused signer allows (logged on import). */
import { shortFingerprint } from '../../../shared/packet/signature';
import type { SignerCheck, SignerOverride } from '../../core/signers';
import { messages } from '../../i18n/messages';
import { Checkbox, Input } from '../../ui';

const t = messages.signing;

export function SignerBox({
  signer,
  override,
  onOverride,
}: {
  signer: SignerCheck;
  override: SignerOverride;
  onOverride: (next: SignerOverride) => void;
}) {
  const who = signer.name || messages.study.unknown;
  return (
    <div className={`pk-signer ${signer.state}`} data-testid="pk-signer" data-state={signer.state}>
      {signer.state === 'unsigned' ? (
        <div className="pk-warn">{t.signedBy(`${t.unsigned}（${who}）`)}</div>
      ) : (
        <div>
          {t.signedBy(who)} · {t.fingerprint} <code data-testid="pk-signer-fp">{shortFingerprint(signer.fingerprint)}</code>
        </div>
      )}
      {signer.state === 'first' ? <div className="pk-note">{t.first}</div> : null}
      {signer.state === 'match' ? <div className="pk-note">{t.match(signer.pinnedAt.slice(0, 10))}</div> : null}
      {signer.state === 'changed' ? (
        <label className="pk-override">
          <span className="pk-warn">
            {t.changed}（{shortFingerprint(signer.pinned)} → {shortFingerprint(signer.fingerprint)}）
          </span>
          <span>{signer.party === 'issuer' ? t.keyChangeLabel : t.keyChangeMemberLabel}</span>
          <Input
            width="medium"
            value={override.keyChange ?? ''}
            onChange={(e) => onOverride({ ...override, keyChange: e.target.value })}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            spellCheck={false}
            autoComplete="off"
            data-testid="pk-keychange"
          />
        </label>
      ) : null}
      {signer.state === 'unsigned' ? (
        <div className="pk-override">
          <Checkbox
            label={t.unsignedLabel}
            checked={override.unsigned === true}
            onChange={(e) => onOverride({ ...override, unsigned: e.target.checked })}
          />
        </div>
      ) : null}
    </div>
  );
}
